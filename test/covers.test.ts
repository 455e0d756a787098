import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { COVERAGE } from "../src/knowledge/covers.js";
import { TOPIC_VALUES } from "../src/knowledge/topics.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const drawn = (d: ReturnType<typeof designOf>) => new Set(d.components.map((c) => c.archetype));

describe("a supporting archetype whose role the dominant's variant plays", () => {
  it("a work queue's visibility timeout covers the lease, and reads no due-time release: no lease service, no scheduler", () => {
    const d = designOf("Design a distributed task queue with at-least-once processing and visibility timeouts");
    expect(d.archetypes.map((a) => a.id)).toEqual(["I05"]);
    const covers = d.archetypes[0]?.covers ?? [];
    // 'timeout' of "visibility timeouts" is the queue's own phrase: it reads no due-time release of its own (stop 34)
    expect(covers.map((c) => c.id)).toEqual(["I02"]);
    for (const c of covers) expect(c.because).toMatch(/visibility timeout/);
    expect([...drawn(d)]).toEqual(["I05"]);
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(/fencing|Materializer|Due poller|Schedule/);
    expect(d.capacity.every((c) => c.archetype === "I05")).toBe(true);
    expect(d.operations.map((o) => o.entity)).not.toContain("Lease");
    expect(d.operations.map((o) => o.entity)).not.toContain("Schedule");
  });

  it("a prompt that asks for the covered archetype's own need keeps it (cron schedules need a scheduler)", () => {
    const d = designOf("Design a distributed task queue with visibility timeouts that also runs cron schedules");
    expect(d.archetypes.map((a) => a.id)).toContain("I03");
    expect(drawn(d).has("I03")).toBe(true);
    expect(d.archetypes[0]?.covers?.map((c) => c.id)).toEqual(["I02"]);
  });

  it("a rate limiter's own counter store is its key-scoped state: no quorum coordinators, partition map or rebalancer", () => {
    const d = designOf(
      "Design a distributed rate limiter for a public API that allows each API key 1,000 requests per minute across 30 gateway nodes",
    );
    expect(d.archetypes[0]?.covers?.map((c) => c.id)).toEqual(["I16"]);
    expect([...drawn(d)]).toEqual(["I08"]);
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(/coordinator|Partition map|Rebalancer/i);
    expect(d.capacity.map((c) => c.id)).toContain("allowance_overshoot_per_key");
    const over = d.capacity.find((c) => c.id === "allowance_overshoot_per_key");
    // (30 - 1) gateways x 1,000 / 60 per second x 1 s
    expect(Math.round(over?.value ?? 0)).toBe(483);
  });

  it("an order book tracks no presence: no registry of who is in a room, no heartbeat figures", () => {
    const d = designOf("Design a stock exchange order matching engine for 100k orders per second");
    expect(d.archetypes[0]?.covers?.map((c) => c.id)).toEqual(["I10"]);
    expect([...drawn(d)]).toEqual(["I13"]);
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(/presence|registry/i);
    expect(d.capacity.map((c) => c.id).join(" ")).not.toMatch(/heartbeat/);
    // a document's editors are people in a room: their presence stays
    const docs = designOf("Design a collaborative document editor like Google Docs with presence and cursors");
    expect(docs.archetypes[0]?.covers ?? []).toEqual([]);
  });

  it("a work queue's failures are its own, not a log's producer and consumer-group failures", () => {
    const d = designOf("Design a distributed task queue with at-least-once processing and visibility timeouts");
    const text = d.failures.map((f) => f.failure).join("\n");
    expect(text).toMatch(/visibility timeout/);
    expect(text).not.toMatch(/in-sync|offset|partitions were reassigned|appended twice/);
  });

  it("every coverage row names a known topic and a different supporting archetype", () => {
    for (const c of COVERAGE) {
      expect(c.by).not.toBe(c.covers);
      if (c.topic) expect(TOPIC_VALUES).toContain(c.topic);
      expect(() => new RegExp(c.unless, "i")).not.toThrow();
    }
  });
});

describe("decision points marked with a subject", () => {
  it("a work queue argues its own ordering, not a log's producer acks or per-key partitions", () => {
    const ids = designOf(
      "Design a distributed task queue with at-least-once processing and visibility timeouts",
    ).decisions.map((x) => x.id);
    expect(ids).toContain("i05-wq-order");
    expect(ids).not.toContain("i05-acks");
    expect(ids).not.toContain("i05-order-scope");
  });

  it("a replayable log keeps them and never asks the work queue's question", () => {
    const ids = designOf("Design a distributed log like Kafka with consumer groups").decisions.map((x) => x.id);
    expect(ids).toContain("i05-acks");
    expect(ids).toContain("i05-order-scope");
    expect(ids).not.toContain("i05-wq-order");
  });
});

describe("a dominant archetype's subject variant", () => {
  it("a cache in front of a database opens as a look-aside cache tier, not a replicated store, in the design and the script", async () => {
    const d = designOf(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    const v = d.archetypes[0]?.variant;
    expect(v?.subject).toMatch(/^a look-aside cache tier in front of the database/);
    expect(v?.summary.join(" ")).toMatch(/hit ratio.*deletes the cached copy.*lease per key.*hot key/s);
    expect(d.diagrams[0]?.title).toBe("Look-aside cache tier in front of the database: high-level design");
    // the calls are the cache tier's (read through, write then delete, lease-guarded fill), not a quorum store's
    const api = d.api.map((a) => `${a.call} ${a.guarantee} ${a.errors.join(" ")}`).join("\n");
    expect(api).toMatch(/then deletes the cached copy/);
    expect(api).toMatch(/lease_token/);
    expect(api).not.toMatch(/quorum/);
    const { writeScript } = await import("../src/render/script/index.js");
    const first = writeScript(d, { minutes: 45 }).steps[0]?.text ?? "";
    expect(first).toMatch(/At heart it is a look-aside cache tier in front of the database/);
    expect(first).not.toMatch(/replicated key-value store|cache in front of an origin/);
  });

  it("a store the prompt does not put behind a cache keeps its own subject", () => {
    const d = designOf("Design a distributed key-value store like Dynamo");
    expect(d.archetypes[0]?.variant).toBeUndefined();
  });
});

describe("the coherence rule for covered archetypes", () => {
  it("flags a component or figure of a covered archetype, and passes the design as derived", async () => {
    const { checkCoherence } = await import("../src/engine/coherence.js");
    const d = designOf("Design a distributed task queue with at-least-once processing and visibility timeouts");
    expect(checkCoherence(d).filter((p) => p.rule === "covered-archetype-adds")).toEqual([]);
    const bad = structuredClone(d);
    const first = bad.components[0];
    if (!first) throw new Error("no component");
    bad.components.push({ ...first, id: "fence", name: "Protected resource", archetype: "I02" });
    const hits = checkCoherence(bad).filter((p) => p.rule === "covered-archetype-adds");
    expect(hits.map((p) => p.detail)).toEqual(["component 'Protected resource' comes from I02, whose role I05 covers"]);
  });
});
