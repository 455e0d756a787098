/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "workers",
  "fleet",
  "transcode",
  "containers",
  "functions",
  "autoscale",
  "compute",
  "batch",
  "sandbox",
  "scale",
];
