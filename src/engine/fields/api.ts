import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import { controlCall, grantedControls } from "../control-operations.js";
import type { Deriver } from "../design/graph.js";
import type { ApiRow, Fields } from "../design/types.js";
import { regionalApi } from "../regions.js";
import { guardedCalls, statedGuards } from "../stated-guards.js";

export const apiField: Deriver<"api", Layout> = {
  field: "api",
  category: "Derived",
  reads: [
    "prompt",
    "branch",
    "archetypes",
    "features",
    "decisions",
    "nfrs",
    "invariants",
    "requirements",
    "operations",
    "dataModel",
  ],
  rule: "the client-facing calls of the dominant archetype, of decorators and inputs (whose callers are clients too) and of product features, each with the request and response fields that carry correctness (request id, token, version, offset, cursor), its errors and its guarantee; substrates and outputs are internal. A guarantee the prompt states of a kind with a keeper of its own reaches the call that writes its record: the fields its check needs (an interval, an expected absence, an event id), the error it answers and its guarantee, each saying the clause and the mechanism",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => {
    const api = guardedCalls(
      architectureOf(f, layout).api,
      statedGuards(layout.clauses, f.invariants, f.operations),
      f.dataModel,
      f.operations,
    );
    // where every write waits for a majority of regions, no call lets its caller ask for less (engine/regions.ts)
    return regionalApi(f, [...api, ...controlCalls(f.requirements, f.operations, api)]);
  },
};

/**
 * The calls of the control operations the prompt grants on a record (engine/control-operations.ts), one per verb and
 * record, unless the design already has a call of that name.
 */
function controlCalls(
  requirements: Fields["requirements"],
  operations: Fields["operations"],
  api: readonly ApiRow[],
): ApiRow[] {
  const out: ApiRow[] = [];
  for (const r of requirements) {
    if (r.kind !== "stated" || !r.alias) continue;
    const verb = r.alias.phrase;
    const g = grantedControls(r.text).find((x) => x.control.verb === verb);
    if (!g) continue;
    const entity =
      operations.find((o) => o.phrase === r.text && o.operation === r.alias?.operation)?.entity ?? "Record";
    const call = controlCall(g, entity, r.archetype, r.text);
    if (![...api, ...out].some((a) => a.call === call.call)) out.push(call);
  }
  return out;
}
