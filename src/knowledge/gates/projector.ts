import type { GateFacts } from "./define.js";

/** A projector exists only where a derived copy is fed by a stream of changes. */
export function projectorSkip(g: GateFacts): string | undefined {
  const projecting = /index|view|projection|projector|materiali|search|feed|rollup|aggregat|count|replay/i;
  const fed = g.operations.some(
    (o) => o.operation === "append event" || (o.operation === "async process" && projecting.test(o.phrase)),
  );
  const reads = g.operations.filter((o) => o.operation === "read projection");
  const projection = reads.some((o) => projecting.test(`${o.phrase} ${o.entity}`));
  // a copy a background process builds where a stream is appended (suggestions built from a query log) is fed
  const appended = g.operations.some((o) => o.operation === "append event");
  const built = reads.some((r) => g.operations.some((o) => o.operation === "async process" && o.entity === r.entity));
  // a stream beside a copy it does not shape (a consensus log beside a holder's local view of its lease, a results
  // log beside a seen set) feeds no projector: that copy is refreshed in place
  return projection || (appended && built) || (reads.length === 0 && fed)
    ? undefined
    : "the derived copy is a replica or cache refreshed in place, not a projector fed by a change stream";
}

export const PROJECTOR_NEEDS = "a derived copy fed by a stream of changes (an index, view, feed or rollup)";
