import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

const LOG = "Design a Kafka-like distributed log that ingests 1 GB/s and keeps 7 days of data";
const PUSH = "Design a configuration service that pushes config changes to 50,000 servers within 10 seconds";
const KV = "Design a distributed key-value store like DynamoDB with tunable consistency";

describe("capacity figures follow the chosen storage and the design's own rates", () => {
  it("sizes a tiered log's brokers by the local hot window and the replicated writes, not the whole retention", () => {
    const d = design(LOG);
    const storage = d.technology.find((t) => t.layer === "storage" && t.archetype === "I05");
    expect(storage?.choices[0]?.product).toMatch(/tiered to object storage/);
    // 1 GB/s × 86,400 s × 3 replicas = 259 TB a day on broker disks; the week lives in object storage, one copy
    expect(figure(d, "broker_retained_bytes")?.value).toBeCloseTo(1e9 * 86400 * 3, -9);
    expect(figure(d, "object_store_bytes")?.value).toBeCloseTo(1e9 * 86400 * 7, -9);
    // write-bound: 3 GB/s over 200 MB/s at 50% is 30 brokers (the whole retention on disks would take 182)
    expect(figure(d, "brokers_needed")?.value).toBe(30);
    expect(rules(d)).not.toContain("sized-by-moved-bytes");
  });

  it("flags brokers counted from the whole retention beside tiered storage", () => {
    const d = structuredClone(design(LOG));
    const b = d.capacity.find((c) => c.id === "brokers_needed");
    if (!b) throw new Error("no broker count");
    b.formula = b.formula.replace("broker_retained_bytes", "retained_bytes");
    expect(rules(d)).toContain("sized-by-moved-bytes");
  });

  it("turns a config push's streams and rollout bandwidth into a count of distribution servers", () => {
    const d = design(PUSH);
    const servers = figure(d, "distribution_servers");
    // a change is a 1 KB delta (50 MB to every server in 10 s); a fleet's full re-sync is 50 GB over a jittered minute,
    // about 833 MB/s, two servers at 1.25 GB/s and 50% utilisation; the 50k streams need five
    expect(servers?.value).toBe(5);
    expect(servers?.inputs.map((i) => i.name)).toContain("server_egress_bytes_per_sec");
    expect(rules(d)).not.toContain("connections-without-servers");
  });

  it("flags open streams no server count reads", () => {
    const d = structuredClone(design(PUSH));
    d.capacity = d.capacity.filter((c) => c.id !== "distribution_servers");
    expect(rules(d)).toContain("connections-without-servers");
  });

  it("measures a hot key by the hottest key's load, so a product's single-board load leads when it is far heavier", () => {
    const kv = design(KV).bottlenecks.find((b) => b.archetype === "I16" && /^Hot key/.test(b.bottleneck));
    expect(kv?.estimate).toMatch(/^load on the hottest key/);
    expect(kv?.estimate).not.toMatch(/average requests per partition/);
    const board = design("Design a leaderboard for a mobile game with 50 million players").bottlenecks[0];
    // the leaderboard subject's first hotspot is one board's ordered set, loaded by the index writes to it
    expect(board?.load?.figure).toBe("index_writes");
  });

  it("sizes key-value storage nodes by the operations they serve as well as the bytes they hold", () => {
    const d = design(KV);
    const nodes = figure(d, "storage_nodes");
    const peak = figure(d, "peak_requests_per_sec")?.value ?? 0;
    const writes = figure(d, "peak_writes_per_sec")?.value ?? 0;
    // reads once, writes on each of 3 replicas, over a node's operations at 50%: a store of record's node logs every
    // write to disk, so it serves fewer operations than an in-memory node
    const perNode = nodes?.inputs.find((i) => i.name === "store_node_ops_per_sec")?.value ?? 0;
    expect(perNode).toBeLessThan(100000);
    expect(nodes?.value).toBe(Math.ceil((peak + writes * 2) / (perNode * 0.5)));
    expect(nodes?.value).toBeGreaterThan(3);
  });
});
