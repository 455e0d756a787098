/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "collaborative",
  "concurrent",
  "conflict",
  "merge",
  "converge",
  "shared",
  "cursor",
  "editors",
  "same board",
  "everyone see same",
];
