/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "firmware",
  "artifact",
  "release",
  "immutable",
  "identical",
  "byte",
  "checksum",
  "digest",
  "hash",
  "version number",
  "package",
  "registry",
];
