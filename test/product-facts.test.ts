import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * Facts about named products a design states, held to their documentation, and the general rules that keep them true
 * on paraphrases: a gateway's rate is cited only on its own channel, a fallback is held to the stated bound, a product's
 * documented limits and replication model are checked against what the design stores and draws.
 */
const text = (p: string) => JSON.stringify(design(p));
const tech = (p: string, layer: string) => design(p).technology.filter((t) => t.layer === layer);
const chosen = (p: string, layer: string) => tech(p, layer).flatMap((t) => t.choices.map((c) => c.product));

const NOTIFY = [
  "Design a notification service that sends 500 million push, email and SMS messages a day, respecting each user's preferences and never sending duplicates.",
  "Build a system that notifies users by push, email and text message, about 200 million a day, and never sends the same notification twice.",
];
const FLAGS = [
  "Design a feature flag service: 20,000 service instances evaluate flags locally, and a flag change must reach all of them within 5 seconds.",
  "Build a feature flag platform where a flag change reaches 50,000 SDKs within 3 seconds.",
];
const CONFIG = [
  "Design a global configuration service that 100,000 servers watch, where a change must reach all of them within 10 seconds and a bad change can be rolled back.",
  "Design a configuration management service that pushes config to a fleet.",
];
const QUEUES = [
  "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
  "Design a work queue like Amazon SQS where each message is hidden from other workers until acked or its visibility timeout passes.",
];
const LIMITERS = [
  "Design a distributed rate limiter shared by 50 API gateway nodes that enforces 1,000 requests per minute per customer.",
  "Design a rate limiter for an API allowing 100 requests per minute per user across 20 gateway servers.",
];

describe("channel gateways: no dedupe by our id, and each channel cites its own rate", () => {
  it.each(NOTIFY)("an email or SMS resend is guarded by our send record, not the receiver (%s)", (p) => {
    const d = design(p);
    const rows = d.failures.filter((f) => /^Sent twice/.test(f.failure));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.prevention).not.toMatch(/receiver can drop the repeat/);
    expect(text(p)).not.toMatch(/a key or event id the receiver can drop a repeat by/);
    const sms = d.components.find((c) => /^SMS senders/.test(c.name));
    expect(sms?.because).toMatch(/sending number/);
    expect(sms?.because).not.toMatch(/SES|email/);
  });
});

describe("a fallback path is held to the stated bound", () => {
  it.each(FLAGS)("the fallback poll fits the propagation bound (%s)", (p) => {
    const d = design(p);
    const fallback = d.capacity.find((c) => c.id === "poll_fallback_seconds");
    const bound = fallback?.bound?.value;
    expect(bound).toBeDefined();
    expect(fallback?.value).toBeLessThanOrEqual(bound ?? 0);
  });
});

describe("a product's documented limits are checked against the quantity the design stores", () => {
  it.each(FLAGS)("an ever-growing audit log is not kept in etcd (%s)", (p) => {
    const rows = tech(p, "storage");
    expect(chosen(p, "storage").some((x) => /etcd/i.test(x))).toBe(false);
    expect(rows.some((r) => r.avoid && /etcd/.test(r.avoid.product) && /audit log/.test(r.avoid.why))).toBe(true);
  });
});

describe("xDS is offered only for a proxy's own configuration", () => {
  it.each(CONFIG)("generic fleet config is not carried over xDS (%s)", (p) => {
    expect(text(p)).not.toMatch(/xDS management server/);
  });
  it("a prompt about Envoy proxies may still be offered it", () => {
    const p =
      "Design a control plane that pushes route and cluster configuration to 10,000 Envoy proxies within 5 seconds, with staged rollout and rollback.";
    expect(design(p).nfrs.topics ?? []).toContain("proxy-config");
    expect(text(p)).toMatch(/xDS management server/);
  });
});

describe("a work queue carries no log-only rows", () => {
  it.each(QUEUES)("no zero-copy segment batching or producer id (%s)", (p) => {
    const s = text(p);
    expect(s).not.toMatch(/zero-copy/);
    expect(s).not.toMatch(/producer id and sequence/);
    expect(s).not.toMatch(/order and offsets break/);
  });
});

describe("the completion suggester is weighed as the in-memory FST it is", () => {
  const p = "Design a search autocomplete service returning suggestions within 50 ms for 100,000 queries per second.";
  it("it is not avoided for throughput, and a runner-up is weighed against the same part", () => {
    const rows = tech(p, "serving");
    expect(rows.some((r) => r.avoid && /completion suggester/.test(r.avoid.product))).toBe(false);
    for (const r of rows) expect(r.runnerUp?.why ?? "").not.toMatch(/than CDN edge cache/);
  });
});

describe("a check that decides on the latest write reads the owner", () => {
  it.each(LIMITERS)("the budget check is never served by a replica, and no limit is called exact (%s)", (p) => {
    const d = design(p);
    const check = d.readPaths.find((r) => /check the remaining budget/.test(r.read));
    expect(check?.servedBy).toBe("authority");
    expect(text(p)).not.toMatch(/an exact limit across every gateway/);
  });
});

describe("technology follows the store kind the design draws", () => {
  it.each([
    "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
    "Design a job scheduler that runs cron jobs at their due time.",
  ])("a primary + sync replica store is not given a leaderless product (%s)", (p) => {
    const d = design(p);
    if (!d.components.some((c) => /primary \+ sync(?:hronous)? replica/i.test(c.name))) return;
    expect(chosen(p, "storage").some((x) => /Cassandra/.test(x))).toBe(false);
  });

  it("a durable key-value store's nodes are not sized as in-memory nodes, a cache's are", () => {
    const ops = (p: string) =>
      design(p)
        .capacity.flatMap((c) => c.inputs)
        .find((i) => i.name === "store_node_ops_per_sec")?.value;
    expect(
      ops(
        "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
      ),
    ).toBeLessThan(100000);
    expect(
      ops("Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency."),
    ).toBe(100000);
  });
});
