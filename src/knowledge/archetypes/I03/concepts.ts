/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "scheduled",
  "schedule",
  "deadline",
  "expire",
  "expiry",
  "timer",
  "delay",
  "later",
  "reminder",
  "recurring",
  "nightly",
  "hourly",
  "inactivity",
  "archive",
];
