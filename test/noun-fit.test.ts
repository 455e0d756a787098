import { describe, expect, it } from "vitest";
import { distinctNouns, lowFitNote, type NounFit, nounFit } from "../src/engine/noun-fit.js";
import { recognizeProduct } from "../src/engine/product/index.js";
import { unitNoun } from "../src/engine/prompt-nouns.js";
import { classify } from "../src/engine/recognize/index.js";
import { design } from "../src/lib/index.js";

const lowNote = (prompt: string) =>
  design(prompt).archetypes[0]?.evidence.find((e) => e.startsWith("low confidence: "));

describe("one weak word adds no supporting card", () => {
  it("a word inside the phrase that names the dominant ('scheduler' of 'cluster scheduler') adds no due-time card", () => {
    for (const p of [
      "Design a cluster scheduler like Kubernetes that places 10,000 pods per minute onto 5,000 nodes and never overcommits a node's memory.",
      "Design a cluster scheduler that packs containers onto 3,000 machines without exceeding any machine's CPU.",
    ]) {
      const ids = classify(p).archetypes.map((a) => a.id);
      expect(ids[0]).toBe("I15");
      expect(ids).not.toContain("I03");
    }
    // a due time the prompt states itself still brings it
    const timed = classify(
      "Design a cluster scheduler that runs nightly batch jobs at their scheduled time on 2,000 machines.",
    );
    expect(timed.archetypes.map((a) => a.id)).toContain("I03");
  });

  it("a two-word phrase split by a comma ('per second, and never returns an old version') is no 'seconds old' cache", () => {
    const p =
      "Design an object storage service like Amazon S3 that stores 10 trillion objects, serves 1 million GET requests per second, and never returns an old version after an overwrite has succeeded.";
    expect(classify(p).archetypes.map((a) => a.id)).not.toContain("I07");
    expect(
      classify("Design a product page where a copy a few seconds old is fine to serve.").archetypes.map((a) => a.id),
    ).toContain("I07");
  });

  it("a feature's one verb whose subject is another feature's record ('a cart follows the shopper') is another sense", () => {
    const ids = (p: string) => recognizeProduct(p).features.map((f) => f.feature.id);
    expect(
      ids(
        "Design a shopping cart for an online store with 20 million daily shoppers, where a cart follows the shopper across devices and an added item is never lost.",
      ),
    ).not.toContain("graph");
    expect(ids("Design a ride-sharing app where a trip follows the rider's phone.")).not.toContain("graph");
    expect(ids("Design a photo-sharing social network where users follow friends and like posts.")).toContain("graph");
    expect(
      ids("Design a recipe-sharing app where cooks post recipes, follow each other and save favourites."),
    ).toContain("graph");
  });
});

describe("unit noun", () => {
  it("never takes an acronym (DNS is no plural of 'dn') nor the place units run in (a cluster)", () => {
    expect(
      unitNoun(
        "Design an authoritative DNS service that answers 2 million queries per second worldwide, where a record change is served by every location within 60 seconds.",
      ),
    ).toBeUndefined();
    expect(unitNoun("Design a CDN service for videos.")).toBeUndefined();
    expect(unitNoun("Design a cluster scheduler like Borg.")).toBeUndefined();
  });

  it("takes the thing a place's system places, stores or runs", () => {
    expect(
      unitNoun(
        "Design a cluster scheduler like Kubernetes that places 10,000 pods per minute onto 5,000 nodes and never overcommits a node's memory.",
      )?.noun,
    ).toBe("pod");
    expect(unitNoun("Design a cluster manager that runs thousands of containers on 500 machines.")?.noun).toBe(
      "container",
    );
    expect(unitNoun("Design a refund system that must not refund twice.")?.noun).toBe("refund");
  });

  it("draws no 'Dn' or 'cluster' boxes", () => {
    const names = (p: string) =>
      design(p)
        .components.map((c) => c.name)
        .join(" | ");
    expect(
      names(
        "Design an authoritative DNS service that answers 2 million queries per second worldwide, where a record change is served by every location within 60 seconds.",
      ),
    ).not.toMatch(/\bDn\b|\bdn\b/);
    expect(
      names(
        "Design a cluster scheduler like Kubernetes that places 10,000 pods per minute onto 5,000 nodes and never overcommits a node's memory.",
      ),
    ).not.toMatch(/submitting clusters/);
  });
});

describe("noun fit of the chosen card", () => {
  it("reads distinctive nouns only: no rate's noun, no system word, no word every card keeps", () => {
    const nouns = distinctNouns(
      "Design a stream processing system like Apache Flink that computes per-user 5-minute windowed counts over 1 million events per second and produces exactly-once results after a worker crash.",
    );
    expect(nouns).toContain("window");
    expect(nouns).not.toContain("user");
    expect(nouns).not.toContain("event");
    expect(nouns).not.toContain("system");
  });

  it("says low confidence and names the nouns when the drawn rows hold none of them", () => {
    // (the Flink prompt this used to be is now drawn by I06's own stream-processor subject, which holds 'window')
    const note = lowNote(
      "Design a distributed cache in front of a product catalogue database serving 2 million reads per second, where a price change must be visible within 1 second.",
    );
    expect(note).toMatch(/'price'/);
    // one noun outside the card ('player') beside one it holds ('state') is a detail, not a misread kind
    expect(
      lowNote(
        "Design a multiplayer game backend where 100 players share a match, the server is authoritative over game state, and state updates reach every player 30 times per second.",
      ),
    ).toBeUndefined();
  });

  it("says nothing when the card holds the prompt's nouns", () => {
    for (const p of [
      "Design an object storage service like Amazon S3 that stores 10 trillion objects and never loses one.",
      "Design a distributed rate limiter shared by 50 API gateway nodes that enforces 1,000 requests per minute per customer.",
      "Design a webhook delivery service that retries failed deliveries for 24 hours.",
    ])
      expect(lowNote(p)).toBeUndefined();
  });

  it("names a subject of the lead that would hold the noun", () => {
    // a noun only a topical row of the lead holds ('binlog', the MySQL change-capture rows) is named as its subject
    const text = "Design a pipeline that reads the binlog.";
    const fit = nounFit(text, "I06", []);
    expect(fit.uncovered).toEqual([{ noun: "binlog", cards: ["I06"] }]);
    const two: NounFit = { uncovered: [...fit.uncovered, { noun: "tick", cards: ["I13"] }], covered: [] };
    expect(lowFitNote("I06", two)).toMatch(/'binlog' \(a subject of I06 not drawn here\), 'tick' \(I13\)/);
    expect(nounFit(text, "I06", ["cdc", "cdc-mysql"]).uncovered).toEqual([]);
  });

  it("reads a group word before 'of' and a plural as how the owner is organised, not a kept record", () => {
    // "a chain of bakeries" is a business; a hash chain is a record (the audit log's ChainCheckpoint)
    expect(
      distinctNouns("Design a ledger of points for a chain of bakeries where no balance goes negative"),
    ).not.toContain("chain");
    expect(distinctNouns("Design stock counts for a chain of 500 warehouses")).not.toContain("chain");
    expect(distinctNouns("Design a tamper-evident hash chain of audit records")).toContain("chain");
  });
});
