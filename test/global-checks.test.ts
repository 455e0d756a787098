/**
 * Global checks carry their mechanism (a consistent cut for a total over shards, a clock-skew bound for order across
 * independent clocks), and technology rows name products for parts the design draws, each with its runner-up.
 */
import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const LEDGER =
  "Design a bank ledger that transfers money between accounts on different shards without losing or creating money";
const IDS =
  "Design a unique ID generator that produces 1 million sortable IDs per second without a central coordinator";
const CRAWLER = "Design a web crawler that fetches 1 billion pages a month while staying polite to every site";
const METRICS = "Design a metrics monitoring system like Prometheus that ingests 10 million samples per second";

const predicate = (d: Design, id: string) => d.predicates.find((p) => p.id === id);
const mechanism = (d: Design, id: string) => d.mechanisms.find((m) => m.id === id);
const products = (d: Design) => d.technology.flatMap((t) => t.choices.map((c) => c.product));

describe("a check over every shard reads them at one cut", () => {
  it("a ledger's reconciliation across shards adds a consistent cut that keeps money conserved", () => {
    const d = design(LEDGER);
    expect(predicate(d, "global-cut")?.holds, predicate(d, "global-cut")?.because).toBe(true);
    const m = mechanism(d, "consistent-cut");
    expect(m?.protects).toMatch(/^Money is conserved/);
  });
  it("a design with no total over shards has none", () => {
    for (const p of [IDS, CRAWLER]) {
      expect(predicate(design(p), "global-cut")?.holds).toBe(false);
      expect(mechanism(design(p), "consistent-cut")).toBeUndefined();
    }
  });
});

describe("ids sorted by independent clocks are sorted within a skew bound", () => {
  it("a timestamp id generator adds the skew bound with the backward-clock guard", () => {
    const d = design(IDS);
    expect(predicate(d, "cross-node-order")?.holds, predicate(d, "cross-node-order")?.because).toBe(true);
    expect(mechanism(d, "clock-skew-bound")?.protects).toMatch(/strictly increase/);
  });
  it("a ledger orders nothing by a node's clock", () => {
    expect(mechanism(design(LEDGER), "clock-skew-bound")).toBeUndefined();
  });
});

describe("technology names parts the design draws", () => {
  it("offers no log product where no log is drawn", () => {
    const d = design(CRAWLER);
    expect(products(d).filter((p) => /kafka|topic/i.test(p))).toEqual([]);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("technology-part-undrawn");
  });
  it("the coherence rule catches a log product beside no drawn log", () => {
    const d = structuredClone(design(CRAWLER));
    const row = d.technology[0];
    if (!row) throw new Error("the crawler has no technology row");
    row.choices.push({ product: "Kafka topic of discovered keys", fits: "a log of discovered keys", why: "test" });
    expect(checkCoherence(d).map((p) => p.rule)).toContain("technology-part-undrawn");
  });
  it("says which drawn component a log product is", () => {
    const d = design("Design a real-time messaging substrate.");
    const kafka = d.technology.flatMap((t) => t.choices).find((c) => c.product === "Apache Kafka");
    expect(kafka?.component).toMatch(/broker/i);
  });
  it("gives the ledger's store a runner-up with the decision that rejected it", () => {
    const storage = design(LEDGER).technology.find((t) => t.layer === "storage");
    expect(storage?.runnerUp?.product).toMatch(/CockroachDB|Spanner/);
    expect(storage?.runnerUp?.why).toMatch(/not chosen because the design chose saga/i);
  });
  it("the id generator's coordination store is for worker-id leases, its block store the runner-up", () => {
    const coordination = design(IDS).technology.find((t) => t.layer === "coordination");
    expect(coordination?.choices.map((c) => c.product)).toEqual(["etcd or ZooKeeper for worker-id leases"]);
    expect(coordination?.runnerUp?.why).toMatch(/not chosen because the design chose/);
  });
  it("a metrics design keeps its hash ring in a named key-value store", () => {
    expect(products(design(METRICS))).toContain("memberlist gossip for the hash ring");
  });
});
