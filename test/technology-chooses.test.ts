import { describe, expect, it } from "vitest";
import { unchosenTruthLayers } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const SPANNER = "Design a Spanner-like distributed SQL database with externally consistent transactions.";
const SPANNER_2 = "Design a globally distributed database like Spanner.";
const OBJECTS = "Design S3: an object store for 100 billion objects with eleven nines durability.";
const JAEGER =
  "Design a Jaeger-like distributed tracing system handling 2 million spans per second, sampling 1% of traces and keeping them 7 days.";
const DAPPER = "Design a distributed tracing system like Dapper.";

const storage = (p: string) => design(p).technology.find((t) => t.layer === "storage");

describe("every technology layer a design draws chooses something", () => {
  it.each([SPANNER, SPANNER_2, OBJECTS])("the storage of a system asked to be built is built in-house (%s)", (p) => {
    const d = design(p);
    const row = d.technology.find((t) => t.layer === "storage");
    expect(row?.choices[0]?.product).toBe("built in-house");
    expect(d.components.some((c) => c.name === row?.choices[0]?.component)).toBe(true);
    expect(row?.runnerUp?.why).toMatch(/would win if/);
    expect(unchosenTruthLayers(d)).toEqual([]);
  });

  it("the rule fires on a storage layer left with only reference designs", () => {
    const d = design(SPANNER);
    const bare = {
      ...d,
      technology: d.technology.map((t) => (t.layer === "storage" ? { ...t, choices: [], runnerUp: undefined } : t)),
    };
    expect(unchosenTruthLayers(bare).map((p) => p.rule)).toEqual(["technology-layer-unchosen"]);
  });

  it.each([JAEGER, DAPPER])("one span store is chosen, the other is the runner-up with when it would win (%s)", (p) => {
    const row = storage(p);
    expect(row?.choices.map((c) => c.product)).toEqual(["Cassandra (spans partitioned by trace id)"]);
    expect(row?.runnerUp?.product).toMatch(/OpenSearch or Elasticsearch/);
    expect(row?.runnerUp?.why).toMatch(/would win where rich-queries matters more/);
  });
});
