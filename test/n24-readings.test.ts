import { describe, expect, it } from "vitest";
import { checkCoherence, design, parseStatedNfrs } from "../src/lib/index.js";

const scaleOf = (p: string) => parseStatedNfrs(p).scale;
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);
const rules = (d: ReturnType<typeof design>) => checkCoherence(d).map((x) => x.rule);

describe("stated numbers a never-tuned set found ignored or misread (n24)", () => {
  it("zones or cells of a map are places the work is divided by, paced by their 'every N seconds', never regions", () => {
    for (const [p, zones, secs] of [
      [
        "Design a ride-hailing surge pricing service that recomputes prices for 10,000 city zones every 30 seconds from live supply and demand.",
        10000,
        30,
      ],
      [
        "Design a dynamic pricing system for a ride-sharing app that updates the multiplier of 50,000 hexagons every minute based on drivers and requests.",
        50000,
        60,
      ],
      [
        "Design a food delivery surge fee service that refreshes fees for 2,000 delivery zones every 15 seconds.",
        2000,
        15,
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.zones?.value, p).toBe(zones);
      expect(s.scale.zone_recompute_seconds?.value, p).toBe(secs);
      expect(s.scale.regions, p).toBeUndefined();
      expect(s.unread, p).toEqual([]);
    }
    // a ride-hailing product sizes its zones in its proximity feature; a bare surge pricing service is read as infra
    // (lead lane) and has no subject that sizes zones yet
    const d = design(
      "Design a ride-hailing app like Uber that recomputes surge prices for 10,000 city zones every 30 seconds from live supply and demand.",
    );
    expect(figure(d, "zone_recomputes_per_sec")?.value).toBeCloseTo(10000 / 30, 3);
    expect(d.nfrs.regions).toBe(1);
    expect(rules(d)).not.toContain("stated-number-unread");
    expect(rules(d)).not.toContain("stated-number-unused");
    // a handful of bare zones are a region's availability zones
    const az = scaleOf("Design a key-value store replicated across 3 zones with 100,000 writes per second.");
    expect(az.failure_domains?.value).toBe(3);
    expect(az.zones).toBeUndefined();
  });

  it("a vague count of people on one subject ('thousands of bidders … the same item') is that subject's participants, read at the least the word says", () => {
    for (const [p, n] of [
      [
        "Design an online auction like eBay where thousands of bidders can bid on the same item in its last seconds and the highest valid bid always wins.",
        1000,
      ],
      ["Design an auction site where tens of thousands of bidders bid on a single lot in the final minute.", 10000],
      ["Design a live auction platform where hundreds of bidders compete on the same auction.", 100],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.max_participants?.value, p).toBe(n);
      expect(s.scale.max_participants?.reading, p).toMatch(/the least '.*' says/);
      expect(s.unread, p).toEqual([]);
    }
  });

  it("mailboxes and inboxes are the users who own them", () => {
    for (const [p, n] of [
      [
        "Design a large-scale email service like Gmail storing 1.5 billion mailboxes with full-text search over each user's mail.",
        1.5e9,
      ],
      ["Design an email provider hosting 400 million inboxes.", 4e8],
      ["Design a webmail service with 2 billion email accounts and spam filtering.", 2e9],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.users?.value, p).toBe(n);
      expect(s.unread, p).toEqual([]);
    }
  });

  it("'the last 30 days' is a retention window, never how long a run lasts", () => {
    for (const [p, days] of [
      [
        "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.",
        30,
      ],
      ["Design a point-in-time recovery service for databases that can restore to any second in the past 35 days.", 35],
      ["Design a log search system that lets engineers query the last 14 days of logs from 5,000 servers.", 14],
    ] as const) {
      const s = scaleOf(p);
      expect(s.retention_days?.value, p).toBe(days);
      expect(s.run_seconds, p).toBeUndefined();
    }
    // the verb still says how long each run lasts
    expect(scaleOf("Design a workflow engine for workflows that run for 90 days.").run_seconds?.value).toBe(90 * 86400);
  });

  it("a stated increment or vote rate is the write rate, and the request rate derives from it, not from a tier default", () => {
    for (const p of [
      "Design a distributed counter service for likes on posts, handling 5 million increments per second with counts accurate within a few seconds.",
      "Design a view counter that takes 2 million increments a second.",
      "Design a voting service handling 1 million votes per second.",
    ]) {
      const s = scaleOf(p);
      expect(s.writes_per_sec?.value, p).toBe(s.messages_per_sec?.value);
    }
    const d = design(
      "Design a distributed counter service for likes on posts, handling 5 million increments per second with counts accurate within a few seconds.",
    );
    const peak = figure(d, "peak_requests_per_sec");
    if (peak) {
      expect(peak.value).toBeGreaterThanOrEqual(5e6);
      expect(peak.inputs.some((i) => i.name === "requests_per_sec" && /not stated; derived/.test(i.because))).toBe(
        true,
      );
    }
    const writes = figure(d, "peak_writes_per_sec");
    if (writes) expect(writes.value).toBeCloseTo(5e6, -4);
    // stated reads and writes: their sum and their ratio, both the prompt's; a stated rate is never added to, or set
    // over, another model's typical rate
    const kv = design("Design a key-value store serving 200,000 reads and 50,000 writes per second");
    expect(figure(kv, "peak_requests_per_sec")?.value).toBeCloseTo(250000, 0);
    expect(figure(kv, "peak_writes_per_sec")?.value).toBeCloseTo(50000, 0);
    for (const r of d.capacity)
      for (const i of r.inputs)
        if (i.name === "requests_per_sec" || i.name === "read_write_ratio")
          expect(i.because, `${r.id} ${i.name}`).not.toMatch(/typical for I06/);
  });

  it("a size said as a most ('files up to 10 GB') is the largest object, which sizes the upload, not the average", () => {
    for (const [p, bytes] of [
      [
        "Design Dropbox: file sync across devices for 500 million users with files up to 10 GB, where conflicting edits are kept as separate copies.",
        10e9,
      ],
      ["Design an object store like S3 with objects of up to 5 TB.", 5e12],
      ["Design a file hosting service where uploads can be as large as 50 GB.", 50e9],
    ] as const) {
      const s = scaleOf(p);
      expect(s.max_object_bytes?.value, p).toBe(bytes);
      expect(s.object_bytes, p).toBeUndefined();
    }
    expect(scaleOf("Design a video upload service where each video is 2 GB on average.").object_bytes?.value).toBe(2e9);
    const d = design(
      "Design Dropbox: file sync across devices for 500 million users with files up to 10 GB, where conflicting edits are kept as separate copies.",
    );
    expect(figure(d, "blocks_per_largest_file")?.value).toBeCloseTo(2500, 6);
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("a stated freshness on a cache is spent over the change's path to the cache nodes", () => {
    const d = design(
      "Design a distributed cache in front of a product catalogue database serving 2 million reads per second, where a price change must be visible within 1 second.",
    );
    // the cache-aside model spends it over capture lag plus the delete (stances lane); either way one figure holds it
    expect(d.capacity.filter((r) => r.bound?.quantity === "propagation_seconds").map((r) => r.id)).toEqual([
      "invalidation_visible_seconds",
    ]);
    expect(rules(d)).not.toContain("stated-number-unused");
  });
});

describe("figures that size one thing two ways", () => {
  it("a registry's shards are replica groups: its nodes are shards times replicas, and a shard's load is not divided by its replicas", () => {
    const d = design(
      "Design a service registry like Consul where 50,000 service instances heartbeat and a dead instance is removed within 10 seconds",
    );
    const shards = figure(d, "registry_shards");
    const nodes = figure(d, "registry_nodes");
    const each = figure(d, "heartbeats_per_shard");
    const beats = figure(d, "heartbeats_per_sec");
    if (!shards || !nodes || !each || !beats) throw new Error("no registry figures");
    expect(nodes.formula).toBe("registry_nodes = registry_shards * replicas");
    expect(each.value).toBeCloseTo(beats.value / shards.value, 6);
  });

  it("a tiered log labels the all-on-broker retention as the alternative, not a second plan", () => {
    const d = design(
      "Design a distributed message queue like Kafka that ingests 3 GB/s, keeps messages for 7 days, and lets consumer groups replay from any offset.",
    );
    expect(figure(d, "retained_bytes")?.quantity).toMatch(/without tiering \(the alternative/);
    expect(figure(d, "broker_retained_bytes")).toBeDefined();
  });

  it("a value is labelled stated only where the prompt holds its words", () => {
    const d = structuredClone(design("Design a password reset and login service for 300 million accounts."));
    expect(rules(d)).not.toContain("stated-without-quote");
    d.nfrs.sources.regions = { source: "stated", because: "the prompt says '3 regions'" };
    expect(rules(d)).toContain("stated-without-quote");
  });
});
