/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "identifier",
  "unique",
  "sequence",
  "increasing",
  "monotonic",
  "numbering",
  "numbers",
  "collide",
];
