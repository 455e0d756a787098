import { MECHANISM_BY_ID } from "../../knowledge/index.js";
import type { InvariantRow, MechanismRow } from "../design/types.js";
import { rememberText } from "../text.js";
import { meaningWords } from "./common.js";

/** Builds a mechanism row from the catalogue; undefined for an id the catalogue lacks. */
export function mechanismRow(
  id: string,
  kind: MechanismRow["kind"],
  because: string[],
  protects: Protected,
): MechanismRow | undefined {
  const m = MECHANISM_BY_ID.get(id);
  if (!m) return undefined;
  return {
    id,
    name: m.name,
    family: m.family,
    kind,
    because,
    protects: protects.statement,
    protectsBecause: protects.because,
  };
}

/** Adds a row, or merges its reasons into an existing row with the same id. */
export function addMechanism(rows: MechanismRow[], row: MechanismRow | undefined): void {
  if (!row) return;
  const prev = rows.find((r) => r.id === row.id);
  if (!prev) rows.push(row);
  else for (const b of row.because) if (!prev.because.includes(b)) prev.because.push(b);
}

/** The invariant a mechanism protects, and why that one. */
export interface Protected {
  statement: string;
  because: string;
}

/** A mechanism's name words, and its name and summary words in order, by id (the catalogue is fixed). */
const mechanismWords = rememberText((mechanismId: string): { named: ReadonlySet<string>; mine: readonly string[] } => {
  const m = MECHANISM_BY_ID.get(mechanismId);
  const named = meaningWords(m?.name ?? mechanismId.replace(/-/g, " "));
  return { named, mine: [...new Set([...named, ...meaningWords(m?.summary ?? "")])] };
});

/**
 * Which invariant a mechanism protects, computed from the invariant's wording and the mechanism's: an
 * invariant on the path that uses the mechanism counts most, then the words the predicate that added it
 * guards (`guards`), then the words the invariant shares with the mechanism's name and summary. Ties go to
 * the earlier invariant; with no invariants at all, the component's contract.
 */
export function protectedInvariant(
  invariants: readonly InvariantRow[],
  mechanismId: string,
  hints: { path?: string; guards?: RegExp; guardedBy?: string } = {},
): Protected {
  const m = MECHANISM_BY_ID.get(mechanismId);
  const { named, mine } = mechanismWords(mechanismId);
  let best:
    | {
        inv: InvariantRow;
        score: number;
        words: ReadonlySet<string>;
        weight: number;
        onPath: boolean;
        guarded: boolean;
      }
    | undefined;
  for (const inv of invariants) {
    const words = meaningWords(inv.statement);
    const onPath = hints.path !== undefined && inv.path === hints.path;
    const guarded = hints.guards?.test(inv.statement) === true;
    // a word of the mechanism's name counts twice; one word of its summary alone is chance
    let weight = 0;
    for (const w of mine) if (words.has(w)) weight += named.has(w) ? 2 : 1;
    const score = (onPath ? 3 : 0) + (guarded ? 2 : 0) + (weight >= 2 ? weight : 0);
    if (!best || score > best.score) best = { inv, score, words, weight, onPath, guarded };
  }
  if (!best) return { statement: "the contract of the component", because: "the design states no invariant" };
  const { words } = best;
  const shared = mine.filter((w) => words.has(w));
  const why: string[] = [];
  if (best.onPath) why.push(`it sits on the path '${best.inv.path}' the invariant constrains`);
  if (best.guarded) why.push(`the invariant names what ${hints.guardedBy ?? "its predicate"} guards`);
  if (best.weight >= 2)
    why.push(
      `it shares ${shared
        .slice(0, 4)
        .map((w) => `'${w}'`)
        .join(", ")} with ${m?.name ?? mechanismId}`,
    );
  return {
    statement: best.inv.statement,
    because:
      why.length > 0 ? why.join("; ") : "no invariant names it, so the first invariant, which every mechanism serves",
  };
}
