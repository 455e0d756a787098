/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "heartbeat",
  "alive",
  "liveness",
  "gone",
  "instances",
  "discover",
  "discovery",
  "registry",
  "register",
  "membership",
  "presence",
  "online",
  "find each other",
];
