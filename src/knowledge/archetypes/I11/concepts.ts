/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "operators",
  "rollout",
  "rollback",
  "flag",
  "configuration",
  "propagate",
  "canary",
  "staged",
  "gradually",
  "revert",
  "go back",
  "pick up new",
];
