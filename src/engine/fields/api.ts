import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { guardedCalls, statedGuards } from "../stated-guards.js";

export const apiField: Deriver<"api", Layout> = {
  field: "api",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions", "invariants", "operations", "dataModel"],
  rule: "the client-facing calls of the dominant archetype, of decorators and inputs (whose callers are clients too) and of product features, each with the request and response fields that carry correctness (request id, token, version, offset, cursor), its errors and its guarantee; substrates and outputs are internal. A guarantee the prompt states of a kind with a keeper of its own reaches the call that writes its record: the fields its check needs (an interval, an expected absence, an event id), the error it answers and its guarantee, each saying the clause and the mechanism",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) =>
    guardedCalls(
      architectureOf(f, layout).api,
      statedGuards(layout.clauses, f.invariants, f.operations),
      f.dataModel,
      f.operations,
    ),
};
