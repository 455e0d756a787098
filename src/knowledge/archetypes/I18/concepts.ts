/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "metrics",
  "traces",
  "tracing",
  "histograms",
  "logs",
  "alert",
  "dashboard",
  "monitoring",
  "observability",
  "percentiles",
  "error budget",
  "slo",
];
