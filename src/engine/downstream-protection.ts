import { requirementKind } from "../knowledge/requirement-kinds.js";
import type { MechanismRow } from "./design/types.js";
import { addMechanism, mechanismRow } from "./fields/mechanism-rows.js";
import { requirementClauses } from "./requirement-ledger.js";

/**
 * The load shaping a stated protection of a downstream part needs ("restarting the cache cluster must not flood the
 * database", "a cold start should not overwhelm the origin"): request coalescing on the read path in front of the
 * protected part, so concurrent misses for one key share one fetch, with a warm-up after restart that is jittered and
 * rate-limited and an admission limit on misses, so an empty tier never sends its whole read rate through. The row
 * quotes the clause, so the requirement ledger finds the clause carried by it.
 */

/** A stated protection: the clause and the part it protects ("the database"), when the clause names one. */
export interface Protection {
  quote: string;
  protects?: string;
}

const PROTECTED =
  /\b(?:flood|overload|overwhelm|stampede|hammer|swamp|melt)\w*\s+(?:down\s+)?((?:the|our|its|their)\s+(?:(?!(?:after|when|during|if|on|in|at|for|with)\b)[a-z]+\s+){0,2}?(?!(?:after|when|during|if|on|in|at|for|with)\b)[a-z]+)(?=\s*$|\s+(?:after|when|during|if|on|in|at|for|with)\b)/i;

/** The protection clauses of a prompt, by the ledger's own clause spans and kind words. */
export function protectionsOf(prompt: string): Protection[] {
  return requirementClauses(prompt)
    .filter((c) => requirementKind(c.text)?.id === "downstream-protection")
    .map((c) => {
      const part = PROTECTED.exec(c.text)?.[1]?.toLowerCase();
      return { quote: c.text.trim(), ...(part ? { protects: part.replace(/^(?:our|its|their)\s+/, "the ") } : {}) };
    });
}

/** The mechanism rows with each stated protection carried by request coalescing on the protected part's read path. */
export function withDownstreamProtection(
  rows: readonly MechanismRow[],
  protections: readonly Protection[],
): MechanismRow[] {
  const out = rows.map((r) => ({ ...r, because: [...r.because] }));
  for (const p of protections) {
    const part = p.protects ?? "the part behind the read path";
    const why = `the prompt says '${p.quote}': one fill per key in flight, a jittered and rate-limited warm-up after a restart, and an admission limit on misses keep ${part} under the load it was sized for`;
    addMechanism(
      out,
      mechanismRow("request-coalescing", "base", [why], {
        statement: "",
        because: why,
        serves: `${part.replace(/^the /, "")} load: concurrent misses for one key share a single fetch, and a cold tier fills at a bounded rate`,
      }),
    );
  }
  return out;
}
