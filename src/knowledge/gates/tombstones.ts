import { ARCHETYPE_BY_ID } from "../index.js";
import { DELETES, HOUSEKEEPING } from "../patterns.js";
import { defineGate, type GateOperation, type PreconditionFacts } from "./define.js";

/**
 * A delete that must reach derived copies: it removes authoritative state (not a cached copy, not
 * housekeeping of old data), so a replica, index or view that missed it would bring the value back.
 */
export function propagatingDelete(o: GateOperation): boolean {
  if (!DELETES.test(o.phrase) || HOUSEKEEPING.test(o.phrase)) return false;
  const entity = ARCHETYPE_BY_ID.get(o.archetype as never)?.entities.find((e) => e.name === o.entity);
  // A product feature's user action writes the product's own record (an unfollow removes the
  // follow edge), which is authoritative. A derived copy dropping "a deleted X" is that source
  // delete arriving: it must propagate too.
  return (entity?.truth ?? false) || o.feature !== undefined || /tombstone|\bdeleted\b/i.test(o.phrase);
}

/**
 * Whether a derived copy read by `read` is one a delete `del` must reach: a copy kept by the same part of the design
 * (the same archetype, or the same product feature). A holder's local view of its lease is no copy of a
 * consensus log's deleted keys.
 */
const reaches = (del: GateOperation, read: GateOperation): boolean =>
  read.archetype === del.archetype || (del.feature !== undefined && read.feature === del.feature);

const precondition = (d: PreconditionFacts) => {
  const deletes = d.operations.filter((o) => propagatingDelete(o));
  if (deletes.length === 0)
    return "no authoritative record is deleted on these paths (only cached copies or old data past retention)";
  if (!d.derivedRead) return "no derived copy is read, so a delete has nowhere to propagate";
  const copies = d.operations.filter((o) => o.operation === "read projection");
  // (a design whose derived read is a read path served off the authority, with no projection row, keeps the old answer)
  if (copies.length > 0 && !deletes.some((del) => copies.some((c) => reaches(del, c))))
    return "no derived copy is read of what is deleted, so a delete has no copy to reach";
  return undefined;
};

export default defineGate({
  mechanism: "tombstones",
  needs: "a delete of authoritative state and a derived copy it must reach",
  skip: precondition,
  precondition,
  examples: { kept: ["Design a key-value store."], dropped: ["Design a CDN."] },
});
