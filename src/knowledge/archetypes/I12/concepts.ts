/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "compensate",
  "compensating",
  "saga",
  "charge",
  "payment",
  "refund",
  "notify",
  "webhook",
  "provider",
  "idempotent",
  "retries",
  "external",
  "third party",
  "orchestration",
];
