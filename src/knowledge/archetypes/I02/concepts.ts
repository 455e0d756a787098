/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "exclusive",
  "exclusively",
  "lock",
  "lease",
  "hangs",
  "stalled",
  "owner",
  "ownership",
  "claim",
  "concurrently",
  "overlap",
  "double",
];
