/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "route",
  "routing",
  "proxy",
  "load balance",
  "closest",
  "healthy",
  "traffic",
  "gateway",
  "backend",
  "fail over",
];
