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
    expect(text).toMatch(/compare-and-set by log position/);
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

  it("reads a MySQL source's binary log by binlog position, and says no PostgreSQL noun (n28 defects 7 and 9)", () => {
    // a MySQL source loaded into a warehouse is the warehouse subject's (test/stream-warehouse-topics), with its own binlog rows
    const prompts = [
      "Stream row changes from our MariaDB orders database into Elasticsearch and a Redis cache so search stays within 2 seconds of the database.",
    ];
    for (const p of [...prompts, mysql]) {
      const d = typeof p === "string" ? design(p) : p;
      expect(d.nfrs.topics, d.prompt).toContain("cdc-mysql");
      const all = JSON.stringify(d);
      expect(all, d.prompt).not.toMatch(/\bLSN\b|\bWAL\b|replication slot|pgoutput|PostgreSQL|write-ahead/);
      expect(drawn(d), d.prompt).toMatch(/binary log/);
      expect(
        d.dataModel.map((m) => m.entity),
        d.prompt,
      ).toContain("BinlogOffset");
      expect(d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" | "), d.prompt).toMatch(
        /Debezium MySQL connector/,
      );
      const rules = d.invariants.map((i) => i.statement).join("\n");
      expect(rules, d.prompt).toMatch(/binlog position is above the one it already holds/);
      const failures = d.failures.map((f) => `${f.failure} ${f.prevention}`).join("\n");
      expect(failures, d.prompt).toMatch(/binlog_expire_logs_seconds/);
      expect(failures, d.prompt).toMatch(/gtid_mode=ON/);
      expect(
        d.coherence.filter((c) => c.rule === "cdc-shape"),
        d.prompt,
      ).toEqual([]);
    }
    // a PostgreSQL source keeps its slot and says no MySQL noun
    expect(JSON.stringify(pg)).not.toMatch(/binlog|binary log|GTID/);
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
