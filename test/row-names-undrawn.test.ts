import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

/** A row carried in from a neighbouring card names a part (a sweeper, watchers, offsets, a tag) the design does not draw. */
const undrawn = (d: Design) => checkCoherence(d).filter((p) => p.rule === "row-names-undrawn");
const failures = (d: Design) => d.failures.map((f) => `${f.failure} / ${f.prevention} / ${f.repair}`).join("\n");

describe("a mechanism's failure row holds only where the parts it names are drawn", () => {
  it.each([
    "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
    "Build a scheduler that triggers 10 million timed jobs per day at their due time, each exactly once.",
    "Design a reminder service that fires each user's reminder at its due time exactly once.",
  ])("a scheduler's worker heartbeat is its claim: no session's watchers (%s)", (prompt) => {
    const d = design(prompt);
    expect(failures(d)).not.toMatch(/watchers see it leave|new session/);
    expect(undrawn(d)).toEqual([]);
  });

  it.each([
    "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
    "Design a task queue like SQS with visibility timeouts.",
    "Build a work queue where a consumer's message reappears if it is not deleted before its visibility timeout.",
  ])("a queue's visibility timeout is its lease: no sweeper releasing what nobody reclaims (%s)", (prompt) => {
    const d = design(prompt);
    expect(failures(d)).not.toMatch(/the sweeper releases/);
    expect(failures(d)).toMatch(/visibility timeout/);
    expect(undrawn(d)).toEqual([]);
  });

  it.each([
    "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.",
    "Design a collaborative document editor like Google Docs.",
    "Design a real-time collaborative whiteboard.",
  ])("a document's sequencer commits no consumer offsets (%s)", (prompt) => {
    const d = design(prompt);
    expect(failures(d)).not.toMatch(/committing its offset/);
    expect(undrawn(d)).toEqual([]);
  });

  it.each([
    "Design a search autocomplete service returning suggestions within 50 ms for 100,000 queries per second.",
    "Design a search autocomplete service.",
  ])("an autocomplete's version pointer is no published tag (%s)", (prompt) => {
    const d = design(prompt);
    expect(failures(d)).not.toMatch(/move the same tag/);
    expect(undrawn(d)).toEqual([]);
  });

  it.each([
    "Design a distributed coordination service like ZooKeeper.",
    "Design a lock service like Chubby that hands out coarse-grained locks.",
    "Design a distributed lock manager that grants exclusive leases on resources.",
  ])("a lock or coordination service keeps its lease rows: its expiry loop or sweeper is drawn (%s)", (prompt) => {
    const d = design(prompt);
    expect(failures(d)).toMatch(/the holder crashes while it owns the resource/);
    expect(failures(d)).toMatch(/the sweeper releases a hold/);
    expect(undrawn(d)).toEqual([]);
  });

  it("a failure row naming an undrawn part is a coherence problem", () => {
    const d = design(
      "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
    );
    const bad: Design = {
      ...d,
      failures: [
        ...d.failures,
        {
          failure: "two publishers move the same tag at once",
          prevention: "the tag moves by compare-and-set on its current value",
          repair: "the loser re-reads the tag and decides again; no published content was changed",
          role: "immutable",
          archetype: "I03",
          source: "because the design uses head pointer compare-and-set",
        },
        {
          failure: "the reconciler re-sends a desired state the node already applied",
          prevention: "applies are idempotent by version",
          repair: "the node ignores the repeat",
          role: "coordination",
          archetype: "I03",
          source: "I11 as substrate",
        },
      ],
    };
    expect(undrawn(bad).map((p) => p.detail)).toEqual([
      "the failure row 'two publishers move the same tag at once' names a published tag, which the design does not draw",
      "the failure row 'the reconciler re-sends a desired state the node already applied' names a reconciler, which the design does not draw",
    ]);
  });
});

describe("a store with no leader and no memory bound has no leader failover or eviction rows", () => {
  it.each([
    "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
    "Design a user profile store keyed by user id that replicates across three data centers.",
    "Build a geo-replicated key-value database where every region accepts writes and conflicts merge automatically.",
  ])("a leaderless store (%s)", (prompt) => {
    const d = design(prompt);
    expect(d.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leaderless");
    expect(failures(d)).not.toMatch(/the leader acknowledges|failover promotes|memory pressure evicts/);
    expect(undrawn(d)).toEqual([]);
  });

  it("a cache keeps its eviction row, a consensus store its leader rows", () => {
    expect(
      failures(
        design(
          "Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency.",
        ),
      ),
      // the in-memory cache subject keeps its own rows (a lost server's keys fall through to the origin)
    ).toMatch(/cache server dies/);
    expect(failures(design("Design a consensus-replicated key-value store like etcd."))).toMatch(/leader/);
  });
});

describe("a substrate or decorator joined on one weak phrase adds no parts the lead already has of every kind", () => {
  it.each([
    [
      "Design a global configuration service that 100,000 servers watch, where a change must reach all of them within 10 seconds and a bad change can be rolled back.",
      "I01",
    ],
    [
      "Design a configuration service that 50,000 hosts watch for changes, where a bad version can be rolled back quickly.",
      "I01",
    ],
    ["Design a message queue with exactly-once delivery.", "I10"],
  ])("%s draws nothing of %s", (prompt, gone) => {
    const d = design(prompt);
    expect(d.components.filter((c) => c.archetype === gone).map((c) => c.name)).toEqual([]);
    expect(d.archetypes[0]?.covers?.find((c) => c.id === gone)?.because).toMatch(/already draws a part of every kind/);
    expect(failures(d)).not.toMatch(/heartbeats stop|the sweeper releases/);
  });

  it("a time word alone ('the same night') draws no due-time scheduler and says why on the lead's row", () => {
    const d = design(
      "Design a hotel booking system where a room is never booked twice for the same night and payment is charged once.",
    );
    expect(d.components.filter((c) => c.archetype === "I03").map((c) => c.name)).toEqual([]);
    expect(d.archetypes[0]?.notDrawn?.find((n) => n.id === "I03")?.because).toMatch(
      /'night' \(a word that only says when/,
    );
  });

  it("a lock manager keeps its own sweeper and its lease rows", () => {
    const d = design("Design a distributed lock manager that grants exclusive leases on resources.");
    expect(d.components.map((c) => c.name)).toContain("Expiry sweeper (on the leader)");
    expect(failures(d)).toMatch(/heartbeats stop reaching the authority/);
    expect(undrawn(d)).toEqual([]);
  });
});
