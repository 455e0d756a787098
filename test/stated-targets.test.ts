import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const statedInputs = (d: Design, id: string) =>
  (row(d, id)?.inputs ?? []).filter((i) => i.source === "stated").map((i) => i.name);

describe("stated numbers bind to the quantities the figures read", () => {
  it("reads a query rate as a read rate as well as a request rate", () => {
    const s = parseStatedNfrs("Design a search service answering 100,000 queries per second").scale;
    expect(s.reads_per_sec?.value).toBe(100000);
    expect(s.requests_per_sec?.value).toBe(100000);
  });

  it("reads people who race for items as the buyers at the sale, and seats as the event's items", () => {
    const s = parseStatedNfrs("Design a ticketing system where 1 million fans race for 50,000 seats").scale;
    expect(s.buyers_at_onsale?.value).toBe(1e6);
    expect(s.items_per_event?.value).toBe(50000);
    expect(s.users?.value).toBe(1e6);
    // a count of users that contends for nothing is not a crowd at an on-sale
    expect(parseStatedNfrs("Design a ticketing system for 1 million fans").scale.buyers_at_onsale).toBeUndefined();
  });

  it("reads people who try to buy items as the sale's buyers, and the window they arrive in as its divisor", () => {
    const cases: [string, number, number][] = [
      ["Design Ticketmaster: 2 million fans try to buy 60,000 seats in the first minute", 2e6, 60],
      ["Design a ticket site where 500,000 people attempt to book 20,000 seats within the first 10 minutes", 5e5, 600],
      ["Build a concert booking system: 3 million users want to get 80,000 tickets in 30 seconds", 3e6, 30],
      ["Design a flash sale where 1 million shoppers try to buy 10,000 phones during the first hour", 1e6, 3600],
      ["Design a flash sale for 10,000 phones with 1 million shoppers arriving in the first 30 seconds", 1e6, 30],
      ["Design a ticketing site where 5 million fans show up to buy 40,000 seats in the first five minutes", 5e6, 300],
    ];
    for (const [prompt, buyers, window] of cases) {
      const s = parseStatedNfrs(prompt).scale;
      expect(s.buyers_at_onsale?.value, prompt).toBe(buyers);
      expect(s.onsale_seconds?.value, prompt).toBe(window);
    }
    // a bound said in another sentence is not the sale's window, and "get" alone is no contention
    const apart = parseStatedNfrs(
      "Design a ticket site where 1 million fans race for 50,000 seats. Pages load in 2 seconds",
    );
    expect(apart.scale.onsale_seconds).toBeUndefined();
    expect(
      parseStatedNfrs("Design a feed where 100 million users get their timeline").scale.buyers_at_onsale,
    ).toBeUndefined();
    const d = design(
      "Design Ticketmaster: 2 million fans try to buy 60,000 seats in the first minute and no seat is sold twice",
    );
    expect(row(d, "hold_attempts_per_sec")?.value).toBe(1e5);
  });

  it("scopes a rate stated 'per <noun>' to one key, but not per region", () => {
    const s = parseStatedNfrs(
      "Design an ad click aggregator that counts 1 million clicks per second per campaign",
    ).scale;
    expect(s.messages_per_sec_per_key?.value).toBe(1e6);
    expect(s.messages_per_sec).toBeUndefined();
    const r = parseStatedNfrs("Design a store taking 10k writes per second per region").scale;
    expect(r.writes_per_sec?.value).toBe(10000);
  });

  it("reads a failover bound as its own target, never as a request latency", () => {
    const n = parseStatedNfrs(
      "Design a leader election service for 2,000 microservices that fails over within 5 seconds",
    );
    expect(n.scale.failover_seconds).toEqual({ value: 5, quote: "fails over within 5 seconds" });
    expect(n.latency).toEqual([]);
  });

  it("reads durability nines, in words, digits or a percentage, and not as availability", () => {
    for (const [p, q] of [
      ["stores 100 PB with eleven nines of durability", "eleven nines of durability"],
      ["a blob store with 11 9s durability", "11 9s durability"],
      ["a blob store with 99.999999999% durability", "99.999999999% durability"],
      ["a blob store with a durability of 99.999999999%", "durability of 99.999999999%"],
    ] as const) {
      const n = parseStatedNfrs(p);
      expect(n.scale.durability_nines, p).toEqual({ value: 11, quote: q });
      expect(n.durability?.value, p).toBe("durable");
      expect(n.availability, p).toBeUndefined();
    }
  });
});

describe("stated targets become budgets", () => {
  it("sizes leader-election sessions from the stated services and fits the lease inside the failover bound", () => {
    const d = design("Design a leader election service for 2,000 microservices that fails over within 5 seconds");
    expect(statedInputs(d, "keepalives_per_sec")).toEqual(expect.arrayContaining(["services", "failover_seconds"]));
    const lease = row(d, "idle_after_crash");
    expect(lease?.value).toBeCloseTo(3);
    const failover = row(d, "failover_time");
    expect(failover?.bound).toEqual({ quantity: "failover_seconds", value: 5 });
    expect(failover?.value).toBeLessThanOrEqual(5);
    expect(d.nfrs.latency).toEqual([]);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("flags a failover the design cannot meet", () => {
    const d = design("Design a leader election service for 2,000 microservices that fails over within 1 second");
    expect(checkCoherence(d).map((p) => p.rule)).toContain("stated-bound-exceeded");
  });

  it("holds an object store's expected annual loss to the stated nines", () => {
    const d = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
    expect(d.nfrs.sources.durability?.source).toBe("stated");
    const loss = row(d, "annual_loss_per_stripe");
    expect(loss?.bound?.quantity).toBe("annual_loss_budget");
    expect(loss?.bound?.value).toBeCloseTo(1e-11, 20);
    expect(loss?.value).toBeLessThan(1e-11);
    expect(statedInputs(d, "durability_budget_used")).toContain("durability_nines");
    // the code is spread so a zone's loss (4 fragments) leaves 2 of its 6 tolerated losses
    expect(row(d, "pieces_lost_with_zone")?.value).toBe(4);
    expect(row(d, "zone_loss_margin")?.value).toBe(2);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("sizes an on-sale from the stated fans and seats", () => {
    const d = design(
      "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice",
    );
    expect(statedInputs(d, "buyers_per_item")).toEqual(["buyers_at_onsale", "items_per_event"]);
    expect(row(d, "buyers_per_item")?.value).toBe(20);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("splits the key whose own rate the prompt states over salts", () => {
    const d = design("Design a real-time ad click aggregator that counts 1 million clicks per second per campaign");
    expect(row(d, "hot_key_events")?.value).toBe(1e6);
    expect(row(d, "hot_key_salts")?.value).toBeGreaterThanOrEqual(10);
    // the whole stream is never planned below the one key it carries
    expect(row(d, "peak_events")?.value).toBeGreaterThanOrEqual(1e6);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("spends a stated latency over the path's steps and keeps the rest spare", () => {
    const d = design("Design a URL shortener that redirects 100,000 requests per second within 100 ms");
    expect(row(d, "request_path_seconds")?.bound).toEqual({ quantity: "latency_seconds", value: 0.1 });
    expect(row(d, "latency_spare_seconds")?.value).toBeCloseTo(0.063);
    expect(statedInputs(d, "latency_spare_seconds")).toEqual(["latency_seconds"]);
  });

  it("a lead model that splits the stated latency itself keeps one budget", () => {
    const d = design("Design a search autocomplete service answering 100,000 queries per second within 50 ms");
    expect(row(d, "latency_slack_ms")?.value).toBeCloseTo(13);
    expect(statedInputs(d, "latency_slack_ms")).toEqual(["latency_budget_ms"]);
    expect(row(d, "request_path_seconds")).toBeUndefined();
    expect(checkCoherence(d)).toEqual([]);
  });
});
