import { defineGate } from "./define.js";

/**
 * A lease bounds how long a silent owner blocks others; a claim the prompt treats as lasting ownership (registered,
 * titled or issued to someone) has no silence to bound: its one owner is kept by the record's conditional writes.
 */
export default defineGate({
  mechanism: "lease",
  needs: "a claim that lapses unless its holder keeps it, not one the prompt treats as lasting ownership",
  skip: (g) =>
    g.lasting === undefined
      ? undefined
      : `no lease: ${g.lasting}; the owner is kept by conditional writes on the ownership record`,
  examples: {
    kept: ["Design a distributed lock manager that grants exclusive leases on resources."],
    dropped: ["Design a land title registry where each parcel is deeded to exactly one owner of record."],
  },
});
