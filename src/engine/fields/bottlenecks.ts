import { QUANTITIES } from "../../knowledge/quantities.js";
import type { Deriver } from "../design/graph.js";
import type { BottleneckRow, Nfrs } from "../design/types.js";
import { evaluateFormula, formulaVariables, parseFormula } from "../formula.js";
import { archetype } from "./common.js";

/** Formats a number for people: 20000 -> "20,000", 1.5e9 -> "1.5 billion", 0.25 -> "0.25". */
export function human(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e12) return `${+(x / 1e12).toPrecision(3)} trillion`;
  if (abs >= 1e9) return `${+(x / 1e9).toPrecision(3)} billion`;
  if (abs >= 1e7) return `${+(x / 1e6).toPrecision(3)} million`;
  if (abs >= 100) return Math.round(x).toLocaleString("en-US");
  return String(+x.toPrecision(3));
}

/** Evaluates a starter formula with the prompt's numbers; assumptions are named. Needs at least one stated input. */
export function estimate(expression: string, yields: string, unit: string, scale: Nfrs["scale"]): string | undefined {
  const expr = parseFormula(expression);
  const vars = [...formulaVariables(expr)];
  const values: Record<string, number> = {};
  const parts: string[] = [];
  let stated = 0;
  for (const v of vars) {
    const s = scale[v];
    const q = QUANTITIES.find((x) => x.id === v);
    if (s) {
      values[v] = s.value;
      stated++;
      parts.push(`${v} = ${human(s.value)} (${s.source === "override" ? "set by override" : `'${s.quote}'`})`);
    } else if (q?.assumed !== undefined) {
      values[v] = q.assumed;
      parts.push(`${v} = ${human(q.assumed)} ${q.unit} (assumed: ${q.assumedBecause})`);
    } else return undefined;
  }
  if (stated === 0) return undefined;
  const r = evaluateFormula(expr, values);
  if (r === undefined) return undefined;
  return `${yields} = ${expression} = ${human(r)} ${unit}, with ${parts.join("; ")}`;
}

export const bottlenecksField: Deriver<"bottlenecks"> = {
  field: "bottlenecks",
  category: "Derived",
  reads: ["archetypes", "nfrs", "primaryState"],
  rule: "the dominant archetype's first bottleneck is the first hotspot; the rest and each supporting archetype's first follow; starter formulas are evaluated where the prompt gives numbers",
  derive: (f) => {
    const out: BottleneckRow[] = [];
    f.archetypes.forEach((ra, i) => {
      const a = archetype(ra.id);
      const list = i === 0 ? a.bottlenecks : a.bottlenecks.slice(0, 1);
      for (const b of list) {
        const row: BottleneckRow = {
          bottleneck: b.bottleneck,
          mitigation: b.mitigation,
          archetype: a.id,
          rank: out.length === 0 ? "first hotspot" : "next",
        };
        if (b.formula) {
          row.formula = `${b.formula.yields} = ${b.formula.expression} (${b.formula.unit})`;
          const e = estimate(b.formula.expression, b.formula.yields, b.formula.unit, f.nfrs.scale);
          if (e) row.estimate = e;
        }
        out.push(row);
      }
    });
    // With numbers in hand, the bottleneck whose estimate was computed comes first: it is the one the prompt sized.
    const sized = out.findIndex((r) => r.estimate !== undefined && r.archetype === out[0]?.archetype);
    if (sized > 0) {
      const [row] = out.splice(sized, 1);
      if (row) out.unshift(row);
    }
    return out.map((r, i) => ({ ...r, rank: i === 0 ? "first hotspot" : "next" }));
  },
};
