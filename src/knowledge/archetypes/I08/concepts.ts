/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "admit",
  "admission",
  "throttle",
  "quota",
  "budget",
  "burst",
  "steady rate",
  "fairness",
  "overload",
  "shed",
  "limit",
  "waiting line",
];
