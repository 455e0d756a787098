import { architectureOf } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { type UnitNoun, unitNounOf } from "../prompt-nouns.js";

export const apiField: Deriver<"api", UnitNoun | undefined> = {
  field: "api",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions"],
  rule: "the client-facing calls of the dominant archetype, of decorators and inputs (whose callers are clients too) and of product features, each with the request and response fields that carry correctness (request id, token, version, offset, cursor), its errors and its guarantee; substrates and outputs are internal",
  facts: (f) => unitNounOf(f.prompt),
  derive: (f, _input, unit) => architectureOf(f, unit).api,
};
