import type { GateFacts } from "./define.js";

/** A projector exists only where a derived copy is fed by a stream of changes. */
export function projectorSkip(g: GateFacts): string | undefined {
  const projecting = /index|view|projection|projector|materiali|search|feed|rollup|aggregat|count/i;
  const fed = g.operations.some(
    (o) => o.operation === "append event" || (o.operation === "async process" && projecting.test(o.phrase)),
  );
  const projection = g.operations.some(
    (o) => o.operation === "read projection" && projecting.test(`${o.phrase} ${o.entity}`),
  );
  return fed || projection
    ? undefined
    : "the derived copy is a replica or cache refreshed in place, not a projector fed by a change stream";
}

export const PROJECTOR_NEEDS = "a derived copy fed by a stream of changes (an index, view, feed or rollup)";
