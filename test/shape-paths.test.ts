import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

/** The problems of one shape rule once a design's capacity rows are changed by `edit`. */
const problemsAfter = (d: Design, rule: string, edit: (rows: Design["capacity"]) => Design["capacity"]) =>
  checkCoherence({ ...d, capacity: edit(d.capacity) })
    .filter((p) => p.rule === rule)
    .map((p) => p.detail);
const without = (id: string) => (rows: Design["capacity"]) => rows.filter((r) => r.id !== id);
const unbound = (id: string) => (rows: Design["capacity"]) =>
  rows.map((r) => (r.id === id ? { ...r, bound: undefined } : r));

describe("a shape's timed path is sized and bound by the stated target (pathUnbound)", () => {
  const dns = design(
    "Design an authoritative DNS service for 3 million zones, where a record change is served by every location within 30 seconds.",
  );
  const serving = design(
    "Design an inference service for 80 fraud-scoring models answering 20,000 scoring calls per second within 40 ms p99.",
  );

  it("holds for the designs as derived", () => {
    expect(problemsAfter(dns, "dns-shape", (r) => r)).toEqual([]);
    expect(problemsAfter(serving, "model-serving-shape", (r) => r)).toEqual([]);
  });

  it("says a propagation path that is not sized, or sized but not bound by the stated target", () => {
    expect(problemsAfter(dns, "dns-shape", without("dns_propagation_seconds"))).toContain(
      "the time from a committed change to every name server is not sized",
    );
    expect(problemsAfter(dns, "dns-shape", unbound("dns_propagation_seconds"))).toContain(
      "the stated propagation_seconds bounds no time from a committed change to every name server",
    );
  });

  it("says a prediction's latency path that is not sized", () => {
    expect(problemsAfter(serving, "model-serving-shape", without("prediction_latency_ms"))).toContain(
      "the latency path of one prediction is not sized",
    );
  });
});
