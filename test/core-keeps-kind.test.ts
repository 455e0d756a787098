import { describe, expect, it } from "vitest";
import { keepRank, keptKinds } from "../src/knowledge/mechanisms/rule-kinds.js";
import { design } from "../src/lib/index.js";

type Row = ReturnType<typeof design>["mechanisms"][number];

/** The row of a mechanism, which must protect a rule of the design (not only serve its operation). */
function kept(prompt: string, id: string): Row {
  const d = design(prompt);
  const row = d.mechanisms.find((m) => m.id === id);
  if (!row) throw new Error(`${prompt}: no ${id}`);
  expect(row.serves, `${prompt}: ${id}`).toBeUndefined();
  expect(
    d.invariants.map((i) => i.statement),
    `${prompt}: ${id}`,
  ).toContain(row.protects);
  return row;
}

describe("a mechanism protects only a rule of a kind it keeps", () => {
  it("reads 'no increment is lost' as a lost-update rule that an atomic add keeps and last-writer-wins does not", () => {
    const rule =
      "Every add to a key's total is applied where the value lives, so no increment is lost when two adds overlap.";
    expect(keptKinds(rule)).toContain("lost-update");
    expect(keepRank("atomic-counter", rule)).toBe(0);
    expect(keepRank("lww-overwrite", rule)).toBeUndefined();
    expect(keepRank("token-bucket", rule)).toBeUndefined();
  });

  it("reads a rule naming its OutboxEntry as the outbox's alone: no saga or transaction keeps it", () => {
    const rule =
      "Every effect a Ride requires has an OutboxEntry committed in the same transaction as the state change that required it.";
    expect(keptKinds(rule)[0]).toBe("outbox");
    expect(keepRank("transactional-outbox", rule)).toBe(0);
    expect(keepRank("saga", rule)).toBeUndefined();
    expect(keepRank("token-bucket", rule)).toBeUndefined();
  });

  // the core mechanism of each design keeps its card's own rule of its kind, not one that shares its path's words
  it.each([
    ["Design a like counter service.", "atomic-counter", "lost-update"],
    ["Design a view counter for a video site that shows each video's count.", "atomic-counter", "lost-update"],
    ["Design a stream processing system.", "out-of-order-window", "publish-after"],
    [
      "Design a system that computes windowed aggregates over a Kafka stream, like Flink.",
      "out-of-order-window",
      "publish-after",
    ],
    ["Design a caching layer in front of a slow database.", "cache-invalidation", "staleness"],
    ["Design a read-through cache in front of a slow pricing database.", "cache-invalidation", "staleness"],
    ["Design Yelp.", "versioned-overwrite", "lost-update"],
    ["Design a Yelp-like review site for veterinary clinics.", "versioned-overwrite", "lost-update"],
    ["Design an ad click aggregation pipeline with exactly-once counting.", "append-log", "durable"],
  ])("%s: %s keeps a %s rule", (prompt, id, kind) => {
    const row = kept(prompt, id);
    expect(keptKinds(row.protects)).toContain(kind);
    expect(keepRank(id, row.protects)).not.toBeUndefined();
  });

  it("a sequencer that first runs a feature's edit keeps the order its substrate path states", () => {
    const prompt =
      "Design collaborative notes for a student app: sharing, comments and folders, plus live co-editing where everyone's edits converge.";
    const row = kept(prompt, "op-sequencer");
    expect(keptKinds(row.protects)).toContain("order");
  });

  it.each([
    "Design a notification service that sends push notifications to mobile devices.",
    "Design a distributed lock service with fencing tokens.",
    "Design a configuration service that pushes changes to thousands of services.",
    "Design a like counter service.",
    "Design a CDN",
    "Design a payment service that charges cards exactly once at 2,000 payments per second",
  ])("no row of %s protects a rule of kinds its mechanism keeps none of", (prompt) => {
    const wrong = design(prompt)
      .mechanisms.filter((m) => m.serves === undefined && m.protects !== "" && m.protects !== "none")
      .filter((m) => keepRank(m.id, m.protects) === undefined)
      .map((m) => `${m.id}: ${m.protects.slice(0, 80)}`);
    expect(wrong).toEqual([]);
  });
});
