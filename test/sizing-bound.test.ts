import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

const PRESENCE =
  "Design an online presence service that shows whether each of 200 million users is online, with status changes visible to their contacts within 5 seconds.";
const HEARTBEAT = "Design a heartbeat service for 50 million devices that marks a device offline within 10 seconds";
const PUBSUB =
  "Design a pub/sub service like Google Cloud Pub/Sub that fans each message out to up to 1,000 subscriptions, keeps unacknowledged messages for 7 days and delivers at least once.";
const DELIVERY =
  "Design a food delivery app like DoorDash where customers track their courier live on a map and every order is assigned to exactly one courier.";

describe("a stated bound binds to the end-to-end figure of the path the prompt names", () => {
  it("holds a presence design's removal time (detection + notify) to its stated freshness bound", () => {
    const d = design(PRESENCE);
    const removal = figure(d, "removal_time");
    expect(removal?.bound?.value).toBe(5);
    // the heartbeat is derived from the bound, so the slowest change the bound covers (a silent death) meets it
    expect(removal?.value).toBeLessThan(5);
    expect(rules(d)).not.toContain("stated-number-unused");
    expect(rules(d)).not.toContain("stated-bound-exceeded");
  });

  it("reads 'marks a device offline within 10 seconds' as a removal bound, not a request latency", () => {
    expect(statedNfrsOf(HEARTBEAT).scale.detection_bound_seconds?.value).toBe(10);
    expect(statedNfrsOf(HEARTBEAT).scale.latency_seconds).toBeUndefined();
    expect(
      statedNfrsOf("Design a liveness tracker for 2 million sensors that flags a sensor as offline within 30 seconds")
        .scale.detection_bound_seconds?.value,
    ).toBe(30);
    // a record's state is no member's liveness: "marks a payment as failed" bounds no removal
    expect(
      statedNfrsOf("Design a payment system that marks a payment as failed within 30 seconds").scale
        .detection_bound_seconds,
    ).toBeUndefined();
    const removal = figure(design(HEARTBEAT), "removal_time");
    expect(removal?.bound?.quantity).toBe("detection_bound_seconds");
    expect(removal?.value).toBeLessThanOrEqual(10);
  });

  it("flags a removal time past the bound it is held to", () => {
    const d = structuredClone(design(PRESENCE));
    const removal = d.capacity.find((c) => c.id === "removal_time");
    if (!removal) throw new Error("no removal time");
    removal.value = 15.5;
    expect(rules(d)).toContain("stated-bound-exceeded");
  });
});

describe("computed loads size their tier, with the chosen product's planning constant", () => {
  it("sizes a pub/sub's brokers by the egress to every subscription", () => {
    const d = design(PUBSUB);
    const egress = figure(d, "consumer_egress")?.value ?? 0;
    const brokers = figure(d, "brokers_needed");
    expect(brokers?.formula).toMatch(/consumer_egress \/ \(server_egress_bytes_per_sec/);
    // 1.25 GB/s per broker's network card at 50%: the egress alone needs this many
    expect(brokers?.value).toBeGreaterThanOrEqual(Math.ceil(egress / (1.25e9 * 0.5)));
  });

  it("reads 'sends each event to 500 subscribers' as a per-event fan-out, and 'events/s of 2 KB' as the record size", () => {
    const p = "Design a fan-out service that sends each event to 500 subscribers at 20,000 events/s of 2 KB";
    const scale = statedNfrsOf(p).scale;
    expect(scale.fanout?.value).toBe(500);
    expect(scale.users).toBeUndefined();
    expect(scale.message_bytes?.value).toBe(2000);
    const d = design(p);
    // 20k events/s x 2 KB = 40 MB/s in; sent to 500 subscriber groups = 20 GB/s out, which sizes the brokers
    expect(figure(d, "consumer_egress")?.value).toBeCloseTo(20000 * 2000 * 500, -6);
    expect(figure(d, "brokers_needed")?.value).toBe(Math.ceil((20000 * 2000 * 500) / (1.25e9 * 0.5)));
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("multiplies a delivery service's workflows by the stated fan-out", () => {
    const d = design(
      "Design a webhook service that delivers every event to up to 50 endpoints, 10,000 events per second of about 4 KB",
    );
    expect(figure(d, "peak_workflows_per_sec")?.inputs.find((i) => i.name === "workflows_per_sec")?.value).toBe(500000);
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("plans a consensus registry's shards at a consensus leader's request rate, not an in-memory node's", () => {
    const shards = figure(design(PRESENCE), "registry_shards");
    expect(shards?.formula).toMatch(/leader_requests_per_sec/);
    expect(shards?.inputs.find((i) => i.name === "leader_requests_per_sec")?.value).toBe(30000);
    expect(shards?.inputs.some((i) => i.name === "store_node_ops_per_sec")).toBe(false);
  });
});

describe("one quantity has one value across the design's models", () => {
  it("gives a delivery app's orders a second, orders a day and rides a day one value", () => {
    const d = design(DELIVERY);
    const perSec = figure(d, "orders_per_sec")?.value ?? 0;
    const perDay = (name: string) =>
      d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name)?.value ?? Number.NaN;
    expect(perSec).toBeGreaterThan(0);
    expect(perDay("orders_per_day")).toBeCloseTo(perSec * 86400, -2);
    expect(perDay("rides_per_day")).toBeCloseTo(perSec * 86400, -2);
    expect(rules(d)).not.toContain("quantity-two-values");
  });

  it("reads a stated daily order count everywhere it is used", () => {
    const d = design(
      "Design a grocery delivery app with 3 million orders a day where each order is assigned to one shopper",
    );
    expect(figure(d, "orders_per_sec")?.value).toBeCloseTo(3e6 / 86400, 1);
    expect(figure(d, "ride_requests_per_sec")?.value).toBeCloseTo(3e6 / 86400, 1);
  });
});

describe("stored bytes size the nodes that keep them, with room to lose a failure domain", () => {
  it("fills a key-value store's disks only to the planned utilisation, so a lost zone fits on the survivors", () => {
    const d = design(
      "Design a key-value store like DynamoDB with tunable consistency that stores 200 TB and survives the loss of an availability zone.",
    );
    const stored = figure(d, "stored_bytes")?.value ?? 0;
    const nodes = figure(d, "storage_nodes")?.value ?? 0;
    const nodeBytes = figure(d, "storage_nodes")?.inputs.find((i) => i.name === "node_bytes")?.value ?? 0;
    expect(stored).toBeCloseTo(600e12, -12);
    // after losing one of three zones, the survivors' disks hold every copy
    expect(stored).toBeLessThanOrEqual(nodes * (2 / 3) * nodeBytes);
  });

  it("sizes a ledger's shards by the journal they keep as well as by the commit rate", () => {
    const d = design(
      "Design a payment ledger that records 20,000 transfers per second between accounts, never loses money, and lets auditors reproduce any balance at any past time.",
    );
    const journal = figure(d, "journal_bytes_per_year")?.value ?? 0;
    const shards = figure(d, "account_shards");
    expect(shards?.formula).toMatch(/journal_bytes_per_year \* planning_years/);
    // five years of a 757 TB/yr journal (3 copies) over 20 TB nodes at half fill
    expect(shards?.value).toBe(Math.ceil((journal * 5) / 3 / (20e12 * 0.5)));
  });
});
