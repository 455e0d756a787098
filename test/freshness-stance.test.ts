import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { saidAloud } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";

// A stated freshness bound is a promise about every change: the stances, the hard rule, the drawing and a budget figure
// follow it before the archetype's defaults (n24 grade, causes 4 and 5)
const CATALOGUE =
  "Design a distributed cache in front of a product catalogue database serving 2 million reads per second, where a price change must be visible within 1 second.";
const PARAPHRASES = [
  CATALOGUE,
  "Design a cache in front of a user profile database where profile edits must be visible within 2 seconds",
  "Build a caching layer in front of a MySQL pricing database; a new price must be visible within 500 ms at 1 million reads per second",
];

const said = (d: ReturnType<typeof design>) =>
  saidAloud(writeScript(d, { minutes: 45 }))
    .map((x) => x.text)
    .join(" ");

describe("a stated freshness bound sets the stances before the archetype's defaults", () => {
  it("changes travel at least once on a durable log; no rule accepts losing one", () => {
    for (const p of PARAPHRASES) {
      const d = design(p);
      expect(d.nfrs.delivery, p).toBe("at-least-once");
      expect(d.nfrs.durability, p).toBe("durable");
      expect(d.nfrs.sources.delivery?.because, p).toMatch(/visible within/);
      for (const i of d.invariants) expect(i.statement, p).not.toMatch(/losing one under failure is accepted/);
    }
  });

  it("the hard rule is the stated bound, kept by the delete on change", () => {
    for (const p of PARAPHRASES) {
      const d = design(p);
      const rule = d.invariants.find((i) => /the stated bound \('visible within/.test(i.statement));
      expect(rule?.keptBy, p).toBe("cache-invalidation");
      const text = said(d);
      expect(/The hard rule is this\. ([^.]*\.)/.exec(text)?.[1], p).toMatch(/^Every committed .* change reaches/);
      expect(/The core mechanism is ([^.]*)\./.exec(text)?.[1], p).toMatch(/invalidation/);
      // the fronted database's rows are primary state, even with no database archetype beside the cache tier (the
      // MySQL paraphrase: stop 34 regression), and the authority spoken is never a partition map
      expect(
        d.primaryState.some((r) => /database/i.test(r.description)),
        p,
      ).toBe(true);
      expect(/The authoritative state is ([^.]*)\./.exec(text)?.[1] ?? "", p).not.toMatch(/partition map/);
    }
  });

  it("a cache in front of a database draws the tailer, not the database's map or a CDN's purge plane", () => {
    for (const p of PARAPHRASES) {
      const d = design(p);
      const ids = d.components.map((c) => c.id);
      expect(ids, p).toContain("invalidator");
      for (const gone of ["partition-map", "rebalancer", "purge-control", "shield"]) expect(ids, p).not.toContain(gone);
      const entities = d.dataModel.map((e) => e.entity);
      for (const gone of ["PartitionMap", "OriginObject", "PurgeRequest"]) expect(entities, p).not.toContain(gone);
      for (const f of d.failures) expect(f.failure, p).not.toMatch(/edge site|poison|shield/);
      expect(d.diagrams.map((x) => x.title).join(" "), p).toMatch(/Committed change: commit log, tailer/);
      const budget = d.capacity.find((c) => c.id === "invalidation_visible_seconds");
      expect(budget?.bound?.quantity, p).toBe("propagation_seconds");
      expect(budget?.value ?? 99, p).toBeLessThanOrEqual((budget?.bound?.value ?? 0) * 0.7);
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("the cache serves the read: a hit from the key's node, a miss filled from the database, behind it by the invalidation path", () => {
    // every paraphrase serves its reads from a cached copy, never "every read goes to the authority"
    for (const p of PARAPHRASES)
      expect(
        design(p).readPaths.some((r) => r.servedBy === "derived copy"),
        p,
      ).toBe(true);
    const read = design(CATALOGUE).readPaths.find((r) => /cache node that owns it/.test(r.read));
    expect(read?.servedBy).toBe("derived copy");
    expect(read?.staleness).toMatch(/invalidation path/);
  });

  it("without a stated bound the cache keeps its defaults", () => {
    const d = design(
      "Design a distributed cache in front of a product catalogue database serving 2 million reads per second",
    );
    expect(d.nfrs.delivery).toBe("at-most-once");
    expect(d.invariants.some((i) => /the stated bound/.test(i.statement))).toBe(false);
  });
});

describe("a log's hard rule is the broker's guarantee, not a consumer's discipline", () => {
  it("replay from any offset: acks=all survives leader loss, kept by in-sync replication", () => {
    for (const p of [
      "Design a distributed message queue like Kafka that ingests 3 GB/s, keeps messages for 7 days, and lets consumer groups replay from any offset.",
      "Design a Kafka-like commit log where consumers can rewind to any offset within the 3-day retention",
    ]) {
      const text = said(design(p));
      expect(/The hard rule is this\. ([^.]*\.)/.exec(text)?.[1], p).toMatch(/acknowledged with acks all/);
      expect(/The core mechanism is ([^.]*)\./.exec(text)?.[1], p).toMatch(/in-sync replica/);
    }
  });
});
