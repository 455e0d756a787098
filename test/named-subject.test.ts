import { describe, expect, it } from "vitest";
import { classify, design } from "../src/lib/index.js";

const N22 =
  "Design a URL shortener that serves 200,000 redirects per second with custom aliases that are never handed out twice.";

describe("a product sized by its own reads keeps its record (n22 #2)", () => {
  it("a URL shortener sized by redirects is the product: its record, its redirect read and its cache", () => {
    for (const p of [
      N22,
      "Build a URL shortener serving 50,000 redirects per second; a custom short code can never be given out twice.",
      "Design a URL shortener like bit.ly handling 100k redirects a second where vanity aliases must be unique.",
    ]) {
      const d = design(p);
      // a URL shortener is a kind of system (infra, eval unseen-33/34): its short-links feature still builds it
      expect(d.branch.kind, p).toBe("infra");
      expect(d.archetypes[0]?.realizes?.entity, p).toBe("ShortLink");
      // the short-links feature's record (a bare product record, ShortUrl, until the feature card modelled it)
      expect(
        d.dataModel.map((e) => e.entity),
        p,
      ).toContain("ShortLink");
      expect(
        d.api.map((a) => a.call),
        p,
      ).toContain("GET /{code}");
      expect(d.components.some((c) => c.kind === "cache")).toBe(true);
      expect(d.nfrs.scale.reads_per_sec, p).toBeGreaterThan(0);
    }
  });

  it("a stated rate of the component's own work still sizes the component (creates are minted ids)", () => {
    const d = classify(
      "Design a URL shortener that creates 20,000 short links per second, each code unique, and redirects 500,000 clicks per second.",
    );
    expect(d.branch.kind).toBe("infra");
    expect(d.archetypes[0]?.id).toBe("I09");
  });

  it("a custom alias is claimed by a conditional insert and a taken one answers 409", () => {
    const d = design(N22);
    const create = d.api.find((a) => a.call === "POST /v1/links");
    expect(create?.request).toContain("custom_alias (optional)");
    expect(create?.errors).toContain("409 alias taken");
    expect(create?.guarantee).toMatch(/custom alias is claimed by a put-if-absent on the code/);
    expect(d.invariants.map((i) => i.statement).join(" ")).toMatch(
      /created by a put-if-absent on its code and is never reassigned/,
    );
  });

  it("words read whole as labels that never repeat are not read again, in part, as a busy resource", () => {
    expect(design(N22).archetypes.map((a) => a.id)).not.toContain("I02");
  });

  it("short codes pick leased blocks, as that option's own win condition says", () => {
    for (const p of [N22, "Design a promo code service that issues 5,000 coupon codes per second."]) {
      const row = design(p).decisions.find((x) => x.id === "i09-scheme");
      if (row) expect(row.chosen, p).toBe("leased-blocks");
    }
    expect(
      design("Design a service that hands out unique 64-bit ids to 500 microservices.").decisions.find(
        (x) => x.id === "i09-scheme",
      )?.chosen,
    ).toBe("snowflake");
  });
});

const MEMCACHED =
  "Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency.";

describe("a system like a named one keeps that system's defining properties (n22 #5)", () => {
  it("a cache like Memcached is a cache: its state is a copy, acknowledged without waiting for replicas", () => {
    for (const p of [
      MEMCACHED,
      "Design a Memcached-style key-value cache for 500 GB of session data with a 2 ms p99.",
      "Design an in-memory key-value cache similar to Memcached with 1 ms p99 reads.",
    ]) {
      const d = design(p);
      expect(d.nfrs.topics, p).toContain("cache");
      expect(d.nfrs.durability, p).toBe("best-effort");
      // acknowledged without waiting for replicas: async replication, or (an in-memory cache pool) no replicas at all
      const ack = d.decisions.find((x) => x.id === "i16-ack")?.chosen;
      const copies = d.decisions.find((x) => x.id === "i16-cache-copies")?.chosen;
      expect(ack === "async" || copies === "one-copy", p).toBe(true);
    }
    // a store is still a store
    expect(
      design("Design a distributed key-value store for 10 TB of data with a 1 ms p99 read latency.").nfrs.durability,
    ).toBe("durable");
  });

  it("no product is said to suit a latency target its documentation puts its reads above", () => {
    const products = (p: string) => design(p).technology.flatMap((t) => t.choices.map((c) => `${c.product}: ${c.why}`));
    for (const p of [
      MEMCACHED,
      "Design a distributed key-value store for 10 TB of data with a 1 ms p99 read latency.",
    ]) {
      expect(products(p).join(" | "), p).not.toMatch(/DynamoDB|FoundationDB/);
    }
    const store = design("Design a distributed key-value store for 10 TB of data with a 1 ms p99 read latency.");
    expect(store.nfrs.durability).toBe("durable");
    expect(design(MEMCACHED).coherence).toEqual([]);
  });
});

describe("documented read latencies", () => {
  it("a product is slower than a target only past its documented typical read", async () => {
    const { slowerThan } = await import("../src/knowledge/state-limits.js");
    expect(slowerThan("DynamoDB", 1)?.product).toBe("DynamoDB");
    expect(slowerThan("DynamoDB", 20)).toBeUndefined();
    expect(slowerThan("TiKV or FoundationDB", 1)?.product).toBe("FoundationDB");
    expect(slowerThan("Redis Cluster", 1)).toBeUndefined();
  });
});

describe("a named product that only says whose component is designed (n19 #6)", () => {
  it("'a YouTube view counter' and 'the view counter for YouTube' ask for the counter, not for YouTube", () => {
    for (const p of [
      "Design a YouTube view counter: 1 million views per second, shown within 10 seconds.",
      "Design the view counter for YouTube: 1 million views per second, shown within 10 seconds.",
    ]) {
      const d = design(p);
      expect(d.branch.kind, p).toBe("infra");
      expect(d.archetypes[0]?.id, p).toBe("I06");
    }
    // a party the design calls is no owner, and a whole product stays the subject
    expect(
      classify("Design a payment processing service that charges cards through Stripe.").branch.evidence.join(" "),
    ).not.toMatch(/'stripe' only says whose/);
    expect(classify("Design YouTube.").branch.kind).toBe("product");
    expect(
      classify(
        "Walk me through LinkedIn's profile page and the 'people you may know' section: data model, APIs, and what the page loads.",
      ).branch.kind,
    ).toBe("product");
  });
});
