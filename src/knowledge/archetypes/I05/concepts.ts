/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "subscribe",
  "subscribers",
  "publish",
  "events",
  "downstream",
  "stream",
  "log",
  "ordered",
  "offset",
  "consumer",
  "producer",
  "broadcast",
  "in order",
];
