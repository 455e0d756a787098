import { describe, expect, it } from "vitest";
import { checkPrompt } from "../src/engine/prompt.js";
import { classify } from "../src/engine/recognize/index.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const top = (p: string) => classify(p).archetypes[0]?.id;

describe("tokens", () => {
  it("agree across inflection, hyphenation and abbreviations", () => {
    const stems = (s: string) => tokenize(s).map((t) => t.stem);
    expect(stems("rate-limiting")).toEqual(stems("rate limit"));
    expect(stems("queues")).toEqual(stems("queuing"));
    expect(stems("pub/sub")).toEqual(stems("pub sub"));
    expect(stems("KV store")).toEqual(stems("key value store"));
  });
});

describe("recognition: named systems", () => {
  const cases: [string, string][] = [
    ["Design Kafka", "I05"],
    ["Build something like etcd", "I01"],
    ["Design Amazon SQS", "I05"],
    ["Design Memcached", "I16"],
    ["Design a Snowflake ID service", "I09"],
    ["Design EBS", "I19"],
    ["Design Prometheus", "I18"],
    ["Design Envoy", "I17"],
    ["Design Chubby", "I02"],
    ["Design GFS", "I19"],
    ["Design AWS Lambda", "I15"],
  ];
  for (const [prompt, want] of cases) it(`${prompt} -> ${want}`, () => expect(top(prompt)).toBe(want));

  it("tolerates typos in well-known names", () => {
    expect(top("Design Kafak")).toBe("I05");
    expect(top("Design a Zookeper clone")).toBe("I01");
    expect(top("Design Memcahced")).toBe("I16");
  });
});

describe("recognition: descriptions without the canonical word", () => {
  const cases: [string, string][] = [
    ["Hand out unique 64-bit IDs to every service", "I09"],
    ["Make sure we never process the same shard twice at the same time", "I02"],
    ["Push new routing rules to every proxy within 5 seconds", "I11"],
    ["A service that limits the rate of API calls per customer", "I08"],
    ["Keep a search index in sync with the products table", "I06"],
    ["Fire a webhook to merchants when an order ships and never send it twice", "I12"],
    ["Track which devices are online right now", "I10"],
    ["Run a callback at a given time for millions of reminders", "I03"],
  ];
  for (const [prompt, want] of cases) it(`${prompt} -> ${want}`, () => expect(top(prompt)).toBe(want));
});

describe("recognition: composition", () => {
  it("adds a dead-letter queue and retries to a queue without changing the dominant", () => {
    const r = classify("Design a message queue with retries and a dead-letter queue");
    expect(r.archetypes[0]?.id).toBe("I05");
  });
  it("treats a visibility timeout as a claim decorating the queue", () => {
    const r = classify("Design a job queue where a worker takes a message under a visibility timeout");
    expect(r.archetypes.find((a) => a.id === "I02")?.role).toBeDefined();
    expect(r.archetypes.find((a) => a.id === "I02")?.evidence.join(" ")).toMatch(/visibility timeout/);
  });
  it("keeps the supporting list honest", () => {
    for (const p of ["Design a distributed cache", "Design an API gateway", "Design Kafka", "Design a CDN"]) {
      expect(classify(p).archetypes.length, p).toBeLessThanOrEqual(4);
    }
  });
  it("gives every archetype readable evidence", () => {
    for (const a of classify("Design a ZooKeeper-like coordination store").archetypes) {
      expect(a.evidence.length).toBeGreaterThan(0);
      expect(a.evidence.join(" ")).toMatch(/'/);
    }
  });
});

describe("recognition: branch", () => {
  it("sends product prompts to the product branch with their substrates", () => {
    for (const p of [
      "Design Instagram",
      "Design a food delivery app",
      "Design Twitter",
      "Design a movie ticket booking app",
    ]) {
      const r = classify(p);
      expect(r.branch.kind, p).toBe("product");
      expect(r.archetypes.length, p).toBeGreaterThan(0);
    }
  });
  it("derives a named product's substrates from the features it is known for", () => {
    const uber = classify("Design Uber").archetypes.map((a) => a.id);
    expect(uber).toEqual(expect.arrayContaining(["I10", "I12"]));
    const tickets = classify("Design Ticketmaster").archetypes.map((a) => a.id);
    expect(tickets).toContain("I02");
  });

  it("keeps infra prompts with product words on the infra branch", () => {
    for (const p of [
      "Design the storage layer for a photo backup service that keeps three copies of every file",
      "Design a materialized view service that keeps per-user follower counts up to date from a follow-events stream",
    ]) {
      expect(classify(p).branch.kind, p).toBe("infra");
    }
  });
  it("is deterministic", () => {
    const p = "Design a multi-region rate limiter for an API gateway";
    expect(JSON.stringify(classify(p))).toBe(JSON.stringify(classify(p)));
  });
});

describe("prompt checks", () => {
  it("rejects empty, oversized, binary and wordless prompts", () => {
    expect(checkPrompt("   ").ok).toBe(false);
    expect(checkPrompt("x".repeat(5000)).ok).toBe(false);
    expect(checkPrompt("abc\u0000def").ok).toBe(false);
    expect(checkPrompt("1234 5678").ok).toBe(false);
    expect(checkPrompt(42).ok).toBe(false);
    expect(checkPrompt("Design a queue")).toEqual({ ok: true, prompt: "Design a queue" });
  });
});
