import { MECHANISM_BY_ID } from "../../knowledge/index.js";
import type { InvariantRow, MechanismRow } from "../design/types.js";

/** Builds a mechanism row from the catalogue; undefined for an id the catalogue lacks. */
export function mechanismRow(
  id: string,
  kind: MechanismRow["kind"],
  because: string[],
  protects: string,
): MechanismRow | undefined {
  const m = MECHANISM_BY_ID.get(id);
  if (!m) return undefined;
  return { id, name: m.name, family: m.family, kind, because, protects };
}

/** Adds a row, or merges its reasons into an existing row with the same id. */
export function addMechanism(rows: MechanismRow[], row: MechanismRow | undefined): void {
  if (!row) return;
  const prev = rows.find((r) => r.id === row.id);
  if (!prev) rows.push(row);
  else for (const b of row.because) if (!prev.because.includes(b)) prev.because.push(b);
}

/** The first invariant whose words match, else the first invariant at all. */
export function invariantMatching(invariants: readonly InvariantRow[], re: RegExp, path?: string): string {
  const onPath = path ? invariants.filter((i) => i.path === path) : invariants;
  return (
    onPath.find((i) => re.test(i.statement))?.statement ??
    invariants.find((i) => re.test(i.statement))?.statement ??
    onPath[0]?.statement ??
    invariants[0]?.statement ??
    "the contract of the component"
  );
}
