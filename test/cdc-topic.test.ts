import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.technology]);

describe("change data capture reads the database's log through a replication slot and applies by LSN at every sink", () => {
  const pg = design(
    "Design a change-data-capture pipeline that streams Postgres changes into Elasticsearch and Redis with no lost updates and per-row ordering",
  );
  const mysql = design(
    "Design a system that replicates changes from MySQL into a search index and a cache without losing updates",
  );
  const search = design("Design a search index that stays in sync with a product catalogue database.");

  it("is switched on by the prompt's own change-capture words, and a cache sink only where one is named", () => {
    expect(pg.nfrs.topics).toEqual(expect.arrayContaining(["cdc", "cdc-cache"]));
    expect(mysql.nfrs.topics).toEqual(expect.arrayContaining(["cdc", "cdc-cache"]));
    const feed = design("Design a change data capture pipeline that feeds a search index.");
    expect(feed.nfrs.topics).toContain("cdc");
    expect(feed.nfrs.topics ?? []).not.toContain("cdc-cache");
    // a projection with no change-capture words keeps its own write API
    expect(search.nfrs.topics ?? []).not.toContain("cdc");
    expect(search.components.some((c) => c.id === "write-api")).toBe(true);
    // syncing edits between people is not change data capture
    expect(
      topicsSpoken("Design a collaborative editor that syncs changes across devices").map((t) => t.value),
    ).not.toContain("cdc");
  });

  it("draws the slot, the connector, the LSN-guarded apply at each sink and soft deletes, and no write API", () => {
    const text = drawn(pg);
    expect(pg.components.some((c) => c.id === "cdc-connector")).toBe(true);
    expect(pg.components.some((c) => c.id === "write-api")).toBe(false);
    expect(pg.dataModel.map((m) => m.entity)).toContain("ReplicationSlot");
    expect(pg.components.find((c) => c.id === "cache")?.holds).toContain("CacheEntry");
    expect(text).toMatch(/pgoutput/);
    expect(text).toMatch(/compare-and-set by LSN/);
    const rules = pg.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/commit LSN is above the LSN it already holds/);
    expect(rules).toMatch(/ReplicationSlot's confirmed LSN never passes/);
    const failures = pg.failures.map((f) => `${f.failure} ${f.prevention}`).join("\n");
    expect(failures).toMatch(/max_slot_wal_keep_size/);
    expect(failures).toMatch(/index\.gc_deletes/);
    // deletes are soft-delete documents, not tombstones the index forgets after gc_deletes
    expect(JSON.stringify(pg.requirements)).not.toMatch(/versioned tombstone/);
    expect(JSON.stringify(pg.technology)).not.toMatch(/materialized views|Apache Flink/);
    expect(pg.coherence).toEqual([]);
  });

  it("keeps its shape, checked by coherence", () => {
    const broken = structuredClone(pg) as typeof pg;
    broken.dataModel = broken.dataModel.filter((m) => m.entity !== "ReplicationSlot");
    broken.components = broken.components.filter((c) => c.id !== "cache");
    const found = checkCoherence(broken)
      .filter((p) => p.rule === "cdc-shape")
      .map((p) => p.detail);
    expect(found).toEqual(
      expect.arrayContaining([
        "the capture draws no ReplicationSlot",
        "the cache the prompt names as a sink has no copy of its own",
      ]),
    );
  });
});
