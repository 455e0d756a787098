import type { Design } from "../../engine/design/design.js";
import { type Block, heading, para, table } from "../doc.js";
import { CARRIER_WORDS } from "./carrier-words.js";

/** What carries one clause, in words: each reader's kind and which one; or, plainly, that nothing does. */
export function carriedWords(r: Design["statedRequirements"][number]): string {
  if (!r.carried) {
    const asks = r.asks ? `; it asks for ${r.asks.what}` : "";
    const unread = r.unread && r.unread.length > 0 ? `; nothing reads ${r.unread.map((w) => `'${w}'`).join(", ")}` : "";
    if (!r.partly || r.partly.length === 0) return `not carried: nothing in this design reads it${asks}`;
    const part = r.partly.map((c) => `${CARRIER_WORDS[c.kind]} ${c.what} reads '${c.quote}'`).join("; ");
    return `not carried, only in part: ${part}${unread}${asks}`;
  }
  return r.carriedBy.map((c) => `${CARRIER_WORDS[c.kind]}: ${c.what}`).join("; ");
}

/**
 * The stated requirements section: each requirement clause of the prompt beside what in the design carries it, and
 * the clauses nothing carries said as such (engine/requirement-ledger.ts).
 */
export function statedRequirementsSection(d: Design): Block[] {
  if (d.statedRequirements.length === 0) return [];
  const missing = d.statedRequirements.filter((r) => !r.carried).length;
  return [
    heading(3, "Stated requirements"),
    para(
      missing === 0
        ? "Each requirement the prompt states, and what in the design carries it."
        : `Each requirement the prompt states, and what in the design carries it; ${missing === 1 ? "one is" : `${missing} are`} not carried yet.`,
    ),
    table(
      ["the prompt asks", "carried by"],
      d.statedRequirements.map((r) => [r.clause, carriedWords(r)]),
    ),
  ];
}
