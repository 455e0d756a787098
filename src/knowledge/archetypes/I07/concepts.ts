/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "cdn",
  "edge",
  "continent",
  "worldwide",
  "origin",
  "cached",
  "cache",
  "static",
  "pictures",
  "load fast",
];
