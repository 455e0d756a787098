/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "crawl",
  "recheck",
  "revalidate",
  "stale",
  "sweep",
  "scan",
  "periodically",
  "cadence",
  "frontier",
  "refresh",
];
