/** Words typical of this archetype's problem: weak evidence alone, several together add up (signals/concepts.ts). */
export const concepts: readonly string[] = [
  "blocks",
  "chunks",
  "file system",
  "files",
  "disks",
  "disk",
  "durable",
  "durability",
  "erasure",
  "rack",
  "storage",
  "backup",
];
