import { describe, expect, it } from "vitest";
import { unitNoun } from "../src/engine/prompt-nouns.js";
import { stockThings } from "../src/engine/stock-records.js";
import { design } from "../src/lib/index.js";

/** Records are named after a noun the prompt stores or serves, never a quality, a function word or a place. */
describe("unit nouns: a record takes a noun the prompt keeps", () => {
  it("never a quality of the system, a participle or a function word", () => {
    expect(unitNoun("Design a read-through cache in front of a sluggish slow billing database.")?.noun).not.toBe(
      "slow",
    );
    expect(unitNoun("Put a cache in front of our slow database.")).toBeUndefined();
    expect(unitNoun("Promote a replica when the primary database host dies.")).toBeUndefined();
    expect(unitNoun("A tiny store for cluster membership that every change goes through in order.")).toBeUndefined();
    expect(unitNoun("Route calls between services and retry the failed ones.")).toBeUndefined();
    expect(unitNoun("How would you store blobs so a whole building can burn down?")).toBeUndefined();
    expect(unitNoun("Keep the tags in a replicated store.")).toBeUndefined();
  });

  it("never another running system the built one talks to or serves", () => {
    expect(unitNoun("A checkout step that settles with the card processor every night.")).toBeUndefined();
    expect(unitNoun("Fan each sale event out to 30 downstream systems in order.")).toBeUndefined();
    expect(unitNoun("Hand out 64-bit ids to 500 billing services.")).toBeUndefined();
    expect(unitNoun("Design a pub/sub system for sensor readings.")).toBeUndefined();
    expect(unitNoun("Design an edge computing platform for small scripts.")).toBeUndefined();
  });

  it("a measure word alone names no record; a plural kept whole is not cut", () => {
    expect(unitNoun("Design a sequence number service.")).toBeUndefined();
    expect(unitNoun("Design a ticket number service.")?.noun).toBe("ticket-number");
    expect(unitNoun("Design a time series database for weather stations.")?.noun).toBe("series");
  });

  it("still takes the noun of what is built, and of the database a view is derived from", () => {
    expect(unitNoun("Design a coupon service for a grocery chain.")?.noun).toBe("coupon");
    expect(unitNoun("Design a KV / session store.")?.noun).toBe("session");
    expect(unitNoun("A per-author royalty view derived from the sales database.")?.noun).toBe("sale");
    expect(unitNoun("Design a scheduler for 10 million order workflows.")?.noun).toBe("order");
  });
});

describe("stock records: a counted place, fleet piece, measure or label is no record", () => {
  const nouns = (p: string) =>
    stockThings(p)
      .filter((s) => s.role === "thing")
      .map((s) => s.noun);
  it("sets aside sites, fleet pieces, measures and labels", () => {
    expect(nouns("Mint receipt numbers unique across 25 warehouses and 9 airports.")).toEqual([]);
    expect(nouns("Push the new routing table to 8,000 proxies and 4 replicas within a minute.")).toEqual([]);
    expect(nouns("Let 1 million fans try to buy 5,000 pairs of concert tickets.")).toEqual([]);
    expect(nouns("Allow each key 600 requests per minute.")).toEqual([]);
    expect(nouns("Design a layer 7 proxy for our APIs.")).toEqual([]);
    expect(nouns("Answer a 503 instead when the queue is full.")).toEqual([]);
  });

  it("keeps the things a prompt stores and gives parties a client, not a record", () => {
    expect(nouns("Design a recipe site storing 40 million recipes.")).toEqual(["recipe"]);
    expect(stockThings("Serve lessons to 3 million learners.").map((s) => s.role)).toEqual(["party"]);
  });

  it("the coherence check asks no design to hold what is no stock", () => {
    const uncovered = (p: string) =>
      design(p)
        .coherence.filter((c) => c.rule === "prompt-noun-uncovered")
        .map((c) => c.detail);
    expect(uncovered("Build a layer 4 load balancer for our game servers.")).toEqual([]);
    expect(uncovered("Give every parcel a tracking code of 12 chars that is unique across 30 countries.")).toEqual([]);
  });
});
