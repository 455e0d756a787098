/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "primary",
  "primaries",
  "promoted",
  "consensus",
  "quorum",
  "majority",
  "election",
  "coordinator",
  "metadata",
  "linearizable",
  "split brain",
];
