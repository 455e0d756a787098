import { describe, expect, it } from "vitest";
import { checkCoherence, retryRuleKeptByOther } from "../src/engine/coherence.js";
import { canKeep } from "../src/knowledge/index.js";
import { design } from "../src/lib/index.js";

const KAFKA =
  "Design a distributed message queue like Kafka that ingests 3 GB/s, keeps messages for 7 days, and lets consumer groups replay from any offset.";
const KAFKA_2 =
  "Design a Kafka-style event log that takes 2 million events per second and keeps them for 3 days for replay.";
const CACHE =
  "Design a distributed cache in front of a product catalogue database serving 2 million reads per second, where a price change must be visible within 1 second.";
const KEY_RULE = /Records sharing a key land in the same Partition/;

const row = (prompt: string, id: string) => design(prompt).mechanisms.find((m) => m.id === id);

describe("a mechanism keeps only the kind of rule its own action makes true", () => {
  it("a create-if-absent, log retention and an expiry sweeper each keep one kind of rule", () => {
    expect(
      canKeep(
        "put-if-absent",
        "Records sharing a key land in the same Partition while the partition count is unchanged.",
      ),
    ).toBe(false);
    expect(canKeep("put-if-absent", "A follow edge exists at most once per (follower, followee).")).toBe(true);
    expect(
      canKeep("log-compaction", "Records sharing a key land in the same Partition, so their relative order is kept."),
    ).toBe(false);
    expect(
      canKeep(
        "log-compaction",
        "A source Block is deleted only after the compacted Block covering its range is durable.",
      ),
    ).toBe(true);
    expect(
      canKeep(
        "expiry-sweeper",
        "A conditional write applies only when KeyValue.version still equals the version the caller read.",
      ),
    ).toBe(false);
    expect(canKeep("expiry-sweeper", "An expired hold frees its seat once.")).toBe(true);
  });

  it.each([KAFKA, KAFKA_2])(
    "a log's topic create, retention and idempotent producer keep their own rules (%s)",
    (p) => {
      const d = design(p);
      const m = (id: string) => d.mechanisms.find((x) => x.id === id);
      // the topic's create keeps no rule about where a key lands: it is said as the operation it carries
      expect(m("put-if-absent")?.protects ?? "").not.toMatch(KEY_RULE);
      expect(m("put-if-absent")?.serves ?? "").toMatch(/create a topic/);
      // retention keeps what a group can replay, not a key's partition
      expect(m("log-compaction")?.protects).toMatch(/log start offset/);
      // the retried write that matters is the producer's append, kept by its producer id and sequence
      const key = m("idempotency-key");
      expect(key?.because.join(" ")).not.toMatch(/create a topic/);
      expect(key?.protects).toMatch(/retried batch is appended to a Partition at most once/);
      expect(retryRuleKeptByOther(d)).toEqual([]);
    },
  );

  it("a cache's TTL is no ownership deadline: no sweeper borrows the system-of-record rule", () => {
    const m = row(CACHE, "expiry-sweeper");
    expect(m?.protects ?? "").not.toMatch(/system of record/);
  });

  it("coherence names a mechanism paired with a kind of rule it does not keep", () => {
    const d = design(KAFKA);
    const statement = d.invariants.find((i) => KEY_RULE.test(i.statement))?.statement ?? "";
    const bent = {
      ...d,
      mechanisms: d.mechanisms.map((x) =>
        x.id === "log-compaction" ? { ...x, protects: statement, serves: undefined } : x,
      ),
    };
    expect(retryRuleKeptByOther(bent).map((x) => x.rule)).toEqual(["mechanism-keeps-other-kind"]);
    expect(checkCoherence(bent).map((x) => x.rule)).toContain("mechanism-keeps-other-kind");
  });
});
