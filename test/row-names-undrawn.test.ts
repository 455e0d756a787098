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
    expect(failures(d)).not.toMatch(/watchers see it leave/);
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
          failure:
            "heartbeats stop reaching the authority that holds the lease while its holder is alive (partition, overload)",
          prevention: "expiry is a few missed beats, not one, and renewals go to the authority's clock",
          repair:
            "the holder comes back on reconnect with a new session and claims again; watchers see it leave, then return",
          role: "coordination",
          archetype: "I03",
          source: "because the design uses heartbeat renewal",
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
      "the failure row 'heartbeats stop reaching the authority that holds the lease while its holder is ' names watchers, which the design does not draw",
      "the failure row 'the reconciler re-sends a desired state the node already applied' names a reconciler, which the design does not draw",
    ]);
  });
});
