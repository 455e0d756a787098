import {
  FIXED_HOLD_WORDS,
  SEMANTICS_BY_MECHANISM,
  type SemanticConflict,
  type StatedSemantic,
} from "../knowledge/mechanism-semantics.js";
import type { FailureRow, MechanismRow, Nfrs } from "./design/types.js";

/** The reason a row or a failure carries when it is said as the variant that keeps a stated rule. */
export const KEEPS_STATED_SEMANTIC = "keeps the stated rule";

/**
 * The semantics the prompt states that a mechanism could break, each with the words that state it: a per-key order
 * (stated ordering per key), an at-most-once effect (stated delivery said in the words "at most once"), and a hold of
 * a fixed duration (knowledge/mechanism-semantics.ts `FIXED_HOLD_WORDS`).
 */
export function statedSemantics(
  prompt: string,
  nfrs: Pick<Nfrs, "ordering" | "delivery">,
): ReadonlyMap<StatedSemantic, string> {
  const out = new Map<StatedSemantic, string>();
  if (nfrs.ordering.source === "stated" && nfrs.ordering.value === "per-key")
    out.set("per-key-order", `ordering is per-key: ${nfrs.ordering.because}`);
  if (
    nfrs.delivery.source === "stated" &&
    nfrs.delivery.value === "at-most-once" &&
    /\bat[- ]most[- ]once\b/i.test(nfrs.delivery.because)
  )
    out.set("at-most-once", `delivery is at-most-once: ${nfrs.delivery.because}`);
  const hold = FIXED_HOLD_WORDS.exec(prompt);
  if (hold) out.set("fixed-hold", `the prompt says '${hold[0]}', a hold of a fixed duration`);
  return out;
}

/** The conflict a mechanism has with a rule the design states, if any (the first, in the table's order). */
export function conflictOf(id: string, stated: ReadonlyMap<StatedSemantic, string>): SemanticConflict | undefined {
  return SEMANTICS_BY_MECHANISM.get(id)?.find((c) => stated.has(c.breaks));
}

/** Whether a row is already said as the variant that keeps a stated rule. */
export const keepsStated = (row: MechanismRow): boolean => row.because.some((b) => b.startsWith(KEEPS_STATED_SEMANTIC));

/**
 * Each mechanism row that would break a rule the prompt states is said as the variant that keeps it: the variant's
 * name, and a reason naming the stated rule, why the plain mechanism breaks it and how the variant works.
 */
export function keepStatedSemantics(
  rows: readonly MechanismRow[],
  stated: ReadonlyMap<StatedSemantic, string>,
): MechanismRow[] {
  return rows.map((row) => {
    const c = conflictOf(row.id, stated);
    if (!c || keepsStated(row)) return row;
    return {
      ...row,
      name: c.variant.name,
      because: [
        ...row.because,
        `${KEEPS_STATED_SEMANTIC} (${stated.get(c.breaks)}): ${c.why}; instead ${c.variant.how}`,
      ],
    };
  });
}

/**
 * A failure row that speaks of a mechanism the design said as its variant (a poison record moved to the dead-letter
 * queue so later records proceed) is said of the variant: its prevention and repair come from the variant.
 */
export function failuresKeepingSemantics(
  rows: readonly FailureRow[],
  mechanisms: readonly MechanismRow[],
  stated: ReadonlyMap<StatedSemantic, string>,
): FailureRow[] {
  const kept = mechanisms.filter(keepsStated).flatMap((m) => {
    const c = conflictOf(m.id, stated);
    return c ? [c] : [];
  });
  const swapped = kept.flatMap((c) => (c.failure ? [{ c, failure: c.failure }] : []));
  const never = kept.flatMap((c) => (c.cannotHappen ? [c.cannotHappen] : []));
  if (swapped.length === 0 && never.length === 0) return [...rows];
  return rows
    .flatMap((r): FailureRow[] => (never.some((re) => re.test(r.failure)) ? [] : [r]))
    .map((r) => {
      const hit = swapped.find((s) => s.failure.match.test(`${r.failure} ${r.prevention} ${r.repair}`));
      if (!hit) return r;
      return {
        ...r,
        prevention: hit.failure.prevention,
        repair: hit.failure.repair,
        source: `${r.source}; ${KEEPS_STATED_SEMANTIC} (${stated.get(hit.c.breaks)}) with ${hit.c.variant.name}`,
      };
    });
}
