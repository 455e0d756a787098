import { fitsTopics, unspokenBesides } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { ReadPathRow } from "../design/types.js";
import { archetype } from "./common.js";

export const readPathsField: Deriver<"readPaths"> = {
  field: "readPaths",
  category: "Classified",
  reads: ["operations", "nfrs", "archetypes"],
  rule: "reads that decide correctness go to the authority; reads that tolerate lag go to replicas; projections are served from derived copies with their staleness stated",
  derive: (f) => {
    const out: ReadPathRow[] = [];
    const strong = f.nfrs.consistency.value === "linearizable";
    const unspoken = unspokenBesides(f.nfrs.topics);
    for (const op of f.operations) {
      if (op.operation !== "read source" && op.operation !== "read projection") continue;
      const a = archetype(op.archetype);
      const kb = a.readPaths.find((r) => op.phrase.startsWith(r.action));
      // a read no card path names (a product feature's own: "view a question page") is served the way its
      // substrate serves any derived copy, where its card says so (a cache's copy lives until its TTL or a purge, an
      // immutable blob never changes), not by a projector's lag
      const own =
        op.operation === "read projection" && !kb
          ? a.readPaths.find((r) => r.servesFeatureReads === true && fitsTopics(r, unspoken))?.staleness
          : undefined;
      const staleness =
        kb?.staleness ?? own ?? (op.operation === "read source" ? "none" : "bounded by the projector's lag");
      if (op.operation === "read projection" && strong && kb?.linearizable) {
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "derived copy",
          staleness: kb.linearizable.staleness,
          archetype: op.archetype,
          because: kb.linearizable.because,
        });
      } else if (op.operation === "read projection") {
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "derived copy",
          staleness,
          archetype: op.archetype,
          because: `a projection of ${op.entity}; ${a.id} accepts this lag`,
        });
      } else if (kb?.tolerates === "snapshot") {
        // a read bounded by the caller's token is answered by any replica that has applied that snapshot
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "replica",
          staleness,
          archetype: op.archetype,
          because: `${a.id} reads ${op.entity} at a snapshot the caller's token bounds: a replica that has applied that snapshot answers, and one behind it forwards the read or waits`,
        });
      } else if (kb?.tolerates === "none") {
        // a read that is part of a decision on the latest write goes to the record's owner, whatever the stance
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "authority",
          staleness,
          archetype: op.archetype,
          because: `${a.id} makes this read part of a decision on the latest write, so the shard that owns ${op.entity} answers it, never a replica`,
        });
      } else if ((strong || f.nfrs.availability.value === "fail-closed") && kb?.tolerates !== "stale") {
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "authority",
          staleness: "none: served by the leader or a quorum",
          archetype: op.archetype,
          because: `consistency is ${f.nfrs.consistency.value} and the stance ${f.nfrs.availability.value}, so a stale answer is not allowed`,
        });
      } else {
        out.push({
          read: op.phrase,
          entity: op.entity,
          servedBy: "replica",
          // a replica answers behind the authority: its lag, never "none" (the default only the authority's own read takes)
          staleness: kb?.staleness ?? "bounded by the replication lag",
          archetype: op.archetype,
          because:
            kb?.tolerates === "stale"
              ? `${a.id} marks this read as deciding nothing, so a nearby replica answers within the replication lag`
              : // reads that choose their consistency per request: the read whose own answer lags nothing is the
                // consistent one a request asks for, the others its default
                f.nfrs.readModes && /^none\b/.test(kb?.staleness ?? "")
                ? `reads choose their consistency per request (${f.nfrs.readModes.because}): this is the consistent read a request asks for, answered with no lag, while a default read may come from any replica`
                : `consistency is ${f.nfrs.consistency.value}: a nearby replica answers, within the replication lag`,
        });
      }
    }
    return out;
  },
};
