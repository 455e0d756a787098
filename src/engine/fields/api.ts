import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";

export const apiField: Deriver<"api", Layout> = {
  field: "api",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions"],
  rule: "the client-facing calls of the dominant archetype, of decorators and inputs (whose callers are clients too) and of product features, each with the request and response fields that carry correctness (request id, token, version, offset, cursor), its errors and its guarantee; substrates and outputs are internal",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => architectureOf(f, layout).api,
};
