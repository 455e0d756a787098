import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const derive = (p: string) => structuredClone(design(p)) as Design;
const hits = (d: Design, rule: string) => checkCoherence(d).filter((p) => p.rule === rule);

describe("one consensus group, one size", () => {
  const chubby = () => derive("Design a Chubby-like distributed lock service for 10,000 clients.");
  const election = () =>
    derive("Design a leader election service for 40,000 services that fails over within 5 seconds.");

  it("the group size the drawing names is the one the figures multiply by", () => {
    for (const d of [chubby(), election(), derive("Design a distributed coordination service like ZooKeeper.")]) {
      expect(hits(d, "quantity-two-values")).toEqual([]);
      const sizes = d.capacity.flatMap((c) => c.inputs).filter((i) => i.name === "voters");
      expect(sizes.length).toBeGreaterThan(0);
      expect(new Set(sizes.map((i) => i.value))).toEqual(new Set([5]));
    }
  });

  it("flags a figure that multiplies by another group size than the drawing names", () => {
    const d = chubby();
    for (const c of d.capacity) for (const i of c.inputs) if (i.name === "voters") i.value = 3;
    expect(
      hits(d, "quantity-two-values")
        .map((p) => p.detail)
        .join(" "),
    ).toMatch(/5.*voters|voters.*5/);
  });

  it("a paraphrase keeps one size", () => {
    const d = derive("Design a lease service so only one worker processes each shard at a time.");
    expect(hits(d, "quantity-two-values")).toEqual([]);
  });
});

describe("keep-alives past one leader are split over groups", () => {
  it("the group count reads the keep-alive load, not only the lease writes", () => {
    const d = derive("Design a leader election service for 40,000 services that fails over within 5 seconds.");
    expect(hits(d, "share-not-acted")).toEqual([]);
    const groups = d.capacity.find((c) => c.id === "consensus_groups");
    expect(groups?.formula).toMatch(/keepalives_per_sec/);
    expect(groups?.value).toBeGreaterThan(1);
  });
});

describe("a figure follows the chosen option, not a rejected one", () => {
  const logs = () =>
    derive("Design a log aggregation system that ingests 5 GB/s of logs and makes them searchable within 30 seconds.");

  it("a label index with chunks budgets no full-text index's refresh", () => {
    const d = logs();
    expect(d.decisions.find((x) => x.id === "i18-log-index")?.chosen).toBe("labels-chunks");
    expect(hits(d, "figure-follows-rejected")).toEqual([]);
    const fresh = d.capacity.find((c) => c.id === "searchable_seconds");
    expect(JSON.stringify(fresh)).not.toMatch(/elasticsearch|opensearch/i);
  });

  it("flags a figure whose reason rests on a rejected option's product", () => {
    const d = logs();
    const row = d.capacity.find((c) => c.id === "searchable_seconds");
    row?.inputs.push({
      name: "index_refresh_seconds",
      value: 1,
      source: "assumed",
      because: "Elasticsearch refreshes every second by default",
    });
    expect(hits(d, "figure-follows-rejected").length).toBeGreaterThan(0);
  });

  it("a modest ingest that chooses the full-text index keeps its refresh", () => {
    const d = derive(
      "Design a log search system with full-text search over application logs, searchable within 10 seconds.",
    );
    expect(hits(d, "figure-follows-rejected")).toEqual([]);
  });
});

describe("a lock decided to a single Redis is sized as one", () => {
  it("its leader figures rest on the Redis primary, not a consensus store's leader", () => {
    const d = derive("Design a hotel reservation system.");
    // (a hotel's room hold rests on the lock only as the booking feature's support, so the lock store may be left
    // undecided: supporting archetypes add no decisions of their own there; where it is decided, it is one Redis)
    expect(d.decisions.find((x) => x.id === "i02-lock-store")?.chosen ?? "single-redis").toBe("single-redis");
    expect(hits(d, "figure-follows-rejected")).toEqual([]);
    const inputs = d.capacity.filter((c) => c.archetype === "I02").flatMap((c) => c.inputs);
    expect(inputs.map((i) => i.because).join(" ")).not.toMatch(/\betcd\b|zookeeper/i);
  });
});

describe("a stated transfer rate is the rate the ledger is sized for", () => {
  for (const [p, rate] of [
    [
      "Design a ledger that moves money between accounts at 10,000 transfers per second and never loses or creates money.",
      10000,
    ],
    ["Design a bank ledger that records 3,000 money transfers per second between accounts.", 3000],
  ] as const)
    it(p, () => {
      const d = derive(p);
      expect(hits(d, "stated-number-unused")).toEqual([]);
      const input = d.capacity.flatMap((c) => c.inputs).find((i) => i.name === "requests_per_sec");
      expect(input?.value).toBe(rate);
    });
});
