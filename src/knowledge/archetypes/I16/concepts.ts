/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "user id",
  "key",
  "keyed",
  "session",
  "state",
  "profile",
  "counters",
  "low latency",
  "available",
  "partition",
  "writes",
];
