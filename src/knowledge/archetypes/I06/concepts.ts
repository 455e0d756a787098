/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "index",
  "search",
  "derived",
  "totals",
  "aggregate",
  "recompute",
  "rebuild",
  "materialized",
  "view",
  "projection",
  "summary",
  "rollup",
];
