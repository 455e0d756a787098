import { END_TO_END_BOUNDS } from "../knowledge/bound-kinds.js";
import type { CapacityRow } from "./design/types.js";

/** The steps a figure's formula sums ("a = b + c - d": b, c and d), its path's stages; one term is no path. */
function summedSteps(r: CapacityRow): number {
  const rhs = r.formula.split(" = ")[1] ?? "";
  if (!/\+/.test(rhs)) return 0;
  return rhs.split(/\s*\+\s*/).filter((x) => /^[a-z_]\w*$/.test(x.trim())).length;
}

/**
 * Whether a figure is held to the stated bound: to it by name, or to a bound the design derives from it (a presence
 * design's removal bound, derived from "status shown within 5 seconds"), which the figure's own inputs say.
 */
function spends(r: CapacityRow, bound: string): boolean {
  const held = r.bound?.quantity;
  if (held === undefined) return false;
  if (held === bound) return true;
  return r.inputs.some((i) => i.name === held && i.source !== "stated" && new RegExp(`\\b${bound}\\b`).test(i.because));
}

/** A stated end-to-end bound that figures read but no summed path figure spends. */
export interface UnbudgetedBound {
  bound: string;
  quote: string;
  path: string;
  readers: readonly string[];
}

/**
 * The stated end-to-end bounds (knowledge/bound-kinds.ts END_TO_END_BOUNDS) a design reads but never spends: some
 * figure reads the bound (a bandwidth sized to it), yet no figure sums the stages of the path it bounds and holds
 * that sum to it, so nothing shows the path fits. A bound no figure reads at all is `stated-number-unused`'s.
 */
export function unbudgetedBounds(
  capacity: readonly CapacityRow[],
  sources: Readonly<Record<string, { source: string; because: string }>>,
): UnbudgetedBound[] {
  const out: UnbudgetedBound[] = [];
  for (const k of END_TO_END_BOUNDS) {
    const s = sources[`scale.${k.bound}`];
    if (s?.source !== "stated") continue;
    const readers = capacity.filter((r) => r.inputs.some((i) => i.name === k.bound && i.source === "stated"));
    if (readers.length === 0) continue;
    if (capacity.some((r) => summedSteps(r) >= 2 && spends(r, k.bound))) continue;
    out.push({ bound: k.bound, quote: s.because, path: k.path, readers: readers.map((r) => r.id) });
  }
  return out;
}
