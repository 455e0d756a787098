import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

const CDC =
  "Design a change-data-capture pipeline that streams Postgres changes into Elasticsearch and Redis with no lost updates and per-row ordering";
const GFS = "Design a distributed file system like GFS for 10 PB of large, mostly-appended files";
const FEED = "Design the Instagram news feed for 500 million daily users, with the feed loading in under 200 ms";
const PLACES = "Design Yelp's nearby search: 100 million places, 50,000 searches per second";

describe("a product the prompt names as a part is never rejected", () => {
  it("a sink the prompt names and the design draws is chosen, its caveat said as how to run it", () => {
    const d = designOf(CDC);
    const rows = d.technology;
    expect(rows.map((r) => r.avoid?.product ?? "").join(" ")).not.toMatch(/Redis/);
    expect(rows.map((r) => r.runnerUp?.product ?? "").join(" ")).not.toMatch(/Redis/);
    const redis = rows.flatMap((r) => r.choices).find((c) => /^Redis/.test(c.product));
    expect(redis?.component).toMatch(/^Cache \(Redis/);
    expect(redis?.why).toMatch(/the prompt names Redis as a part.*Eviction drops the stored position/);
    expect(checkCoherence(d).filter((p) => p.rule === "named-part-rejected")).toEqual([]);
  });

  it("the coherence rule flags a named part left as the product to avoid", () => {
    const bad = structuredClone(designOf(CDC));
    const row = bad.technology[0];
    if (!row) throw new Error("no technology row");
    row.avoid = { product: "Redis (a cache)", why: "tempting, but poor for durable" };
    const hits = checkCoherence(bad).filter((p) => p.rule === "named-part-rejected");
    expect(hits.map((p) => p.detail)).toEqual([
      `'Redis (a cache)' is avoided (${row.layer}), but the prompt names Redis as a part of the design`,
    ]);
  });
});

describe("a mitigation never proposes a rejected option as if it were the plan", () => {
  it("erasure coding beside three full replicas is said with the condition under which it would win", () => {
    const d = designOf(GFS);
    expect(d.decisions.find((x) => x.id === "i19-redundancy")?.chosen).toBe("replication");
    const raw = d.bottlenecks.find((b) => /^Raw capacity/.test(b.bottleneck));
    expect(raw?.mitigation).toMatch(/^Use erasure coding instead of full replication .* if petabytes of immutable/);
    expect(checkCoherence(d).filter((p) => p.rule === "mitigation-proposes-rejected")).toEqual([]);
  });

  it("the coherence rule flags the bare proposal", () => {
    const bad = structuredClone(designOf(GFS));
    const raw = bad.bottlenecks.find((b) => /^Raw capacity/.test(b.bottleneck));
    if (!raw) throw new Error("no raw capacity row");
    raw.mitigation = "Use erasure coding instead of full replication";
    const hits = checkCoherence(bad).filter((p) => p.rule === "mitigation-proposes-rejected");
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detail).toMatch(/proposes 'erasure coding .*', which i19-redundancy rejected for replication/);
  });
});

describe("a specialised subject replaces the supporting archetypes' contributions", () => {
  it("a change stream's cache sink draws no look-aside tier, and its log no client-facing queue calls", () => {
    const d = designOf(CDC);
    expect(d.archetypes[0]?.covers?.map((c) => c.id)).toEqual(["I07"]);
    const names = d.components.map((c) => c.name).join("\n");
    expect(names).toMatch(/Cache \(Redis/);
    expect(names).toMatch(/Change stream/);
    expect(names).not.toMatch(/Cache nodes|Invalidation|the cache fronts|Producers/);
    // the log's own machinery stays: an acknowledged change survives a broker's loss
    expect(names).toMatch(/In-sync follower replicas/);
    expect(d.failures.map((f) => f.failure).join("\n")).toMatch(/in-sync set shrinks below min.insync.replicas/);
    // the connector publishes and the sinks' appliers poll: no queue or log calls offered to clients
    expect(d.api.map((a) => a.operation)).toEqual(["search", "lag", "resnapshot"]);
    expect(d.operations.map((o) => o.entity)).not.toContain("CachedCopy");
    expect(d.decisions.map((x) => x.archetype)).not.toContain("I07");
    expect(d.capacity.map((c) => c.archetype)).not.toContain("I07");
  });

  it("other services reading the change stream call the log themselves: its calls stay", () => {
    const d = designOf("Design a change data capture pipeline that streams database changes to consumers in order.");
    expect(d.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["poll", "commit"]));
  });

  it("a count shown beside the thing counted records events through its collectors: no log or key-value calls", () => {
    const d = designOf(
      "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
    );
    const ops = d.api.map((a) => a.operation);
    expect(ops).toEqual(expect.arrayContaining(["get count", "record event"]));
    expect(ops).not.toEqual(expect.arrayContaining(["poll"]));
    expect(ops).not.toContain("put");
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(
      /Producers \(idempotent|Clients \(cached partition map\)/,
    );
  });

  it("a prompt that asks for a look-aside read keeps the cache tier", () => {
    const d = designOf(
      "Design a change-data-capture pipeline that streams Postgres changes into a Redis cache that readers fill on a cache miss",
    );
    expect((d.archetypes[0]?.covers ?? []).map((c) => c.id)).not.toContain("I07");
    expect(d.components.map((c) => c.archetype)).toContain("I07");
  });

  it("'daily users' is a rate's unit: no stored future action in a feed", () => {
    const d = designOf(FEED);
    expect(d.operations.map((o) => o.entity)).not.toContain("DueItem");
    // a prompt that does schedule daily work keeps it
    const digest = designOf("Design a service that emails each user a daily digest of their unread messages");
    expect(digest.requirements.map((r) => r.text).join("\n")).toMatch(/future action|due/);
  });

  it("beside a feature that sizes its stored bytes, the archetypes it rests on size no stored bytes of their own", () => {
    for (const prompt of [FEED, PLACES]) {
      const d = designOf(prompt);
      const ids = d.capacity.map((c) => c.id);
      expect(ids).not.toContain("index_bytes");
      expect(ids).not.toContain("stored_bytes");
      expect(d.capacity.some((c) => c.kind === "storage" && c.unit === "B")).toBe(true);
    }
  });
});

describe("coherence rules for residue", () => {
  it("flags a replaced part or client call drawn again, and passes the design as derived", () => {
    const d = designOf(CDC);
    expect(checkCoherence(d).filter((p) => p.rule === "replaced-part-drawn")).toEqual([]);
    const bad = structuredClone(d);
    bad.api.push({
      operation: "poll",
      call: "GET /v1/topics/{topic}/partitions/{p}/records",
      request: ["offset"],
      response: ["records"],
      errors: [],
      guarantee: "in append order",
      archetype: "I05",
    });
    const hits = checkCoherence(bad).filter((p) => p.rule === "replaced-part-drawn");
    expect(hits.map((p) => p.detail)).toEqual([
      "'GET /v1/topics/{topic}/partitions/{p}/records' of I05 is offered to clients, but its callers are inside I06's cdc design",
    ]);
  });

  it("flags a substrate's stored bytes beside a feature's own", () => {
    const d = designOf(FEED);
    expect(checkCoherence(d).filter((p) => p.rule === "substrate-resizes-feature-records")).toEqual([]);
    const bad = structuredClone(d);
    const row = bad.capacity.find((c) => c.kind === "storage" && c.unit === "B");
    if (!row) throw new Error("no storage row");
    bad.capacity.push({ ...row, archetype: "I06", id: "index_bytes", quantity: "index size across replicas" });
    const hits = checkCoherence(bad).filter((p) => p.rule === "substrate-resizes-feature-records");
    expect(hits.map((p) => p.detail)).toEqual([
      "I06 sizes index_bytes (index size across replicas) beside a feature resting on it that sizes its own stored bytes",
    ]);
  });
});
