import { describe, expect, it } from "vitest";
import { recognizeProduct } from "../src/engine/product/recognize.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import { classify } from "../src/lib/index.js";

/** The written words the tokenizer marks as standing in a sense no one-word signal of them means. */
const other = (p: string) =>
  tokenize(p)
    .filter((t) => t.other)
    .map((t) => t.raw);
const evidence = (p: string) => classify(p).archetypes.flatMap((a) => a.evidence.map((e) => `${a.id} ${e}`));
const features = (p: string) => recognizeProduct(p).features.map((f) => f.feature.id);

describe("a word read alone is read only in the sense its signals mean", () => {
  it("marks a word written in the other part of speech, a collective before 'of' and a plural, a compound's words", () => {
    expect(other("Design odds for a live match where each blood type is kept")).toEqual(["match", "type"]);
    expect(other("Design the dispatch controller for a bank of 24 elevators")).toEqual(["bank"]);
    expect(other("Design a portal where 15,000 drones file flight plans and users file a claim")).toEqual([
      "file",
      "file",
    ]);
    expect(other("Handheld scanners send scan events, and scans that arrive late are kept")).toEqual(["scan", "scans"]);
    expect(other("Design a machine learning feature store for 80,000 vending machines")).toEqual([
      "machine",
      "learning",
      "vending",
      "machines",
    ]);
    expect(other("Cars must stay under a 4-hour limit")).toEqual(["stay"]);
  });

  it("leaves a word in the sense its signals mean, and one whose neighbours say nothing", () => {
    for (const p of [
      "Design a chat app that shows when a friend is typing",
      "Design a crawler that must scan all 5 billion pages and scans pages weekly",
      "Design a nightly scan of every table for orphaned rows",
      "Design a system to store 10 PB of files, where each file is replicated",
      "Design a ride service that matches riders to drivers and must match each rider within 2 seconds",
      "Design a hotel site where guests book a stay and each stay is charged once",
      "Design a payment system that calls the Bank of America gateway",
      "Design a cluster scheduler for a fleet of 5,000 servers",
      "Several people type into the same spreadsheet cell, and suggestions follow as the user types",
    ])
      expect(other(p), p).toEqual([]);
  });

  it("draws no card from a word in its other sense", () => {
    const elevators =
      "Design the dispatch controller for a bank of 24 elevators in a 90-floor tower. Each hall call must be assigned to exactly one car within 200 ms.";
    expect(evidence(elevators).filter((e) => e.includes("'bank'"))).toEqual([]);
    const parcels =
      "Design package tracking for a parcel carrier that moves 30 million packages a day. 100,000 handheld scanners send scan events, and scans that arrive late or out of order must never move a package's status backwards.";
    expect(classify(parcels).archetypes.map((a) => a.id)).not.toContain("I04");
    const drones =
      "Design an airspace reservation service where 15,000 drones file flight plans and two approved plans must never overlap.";
    expect(evidence(drones).filter((e) => /'file'/.test(e))).toEqual([]);
    const odds = "Design a sports betting platform. Odds on a live match change several times a second.";
    expect(evidence(odds).filter((e) => /'match'/.test(e))).toEqual([]);
    const training =
      "Design a training platform for machine learning models where researchers submit experiments and each run reports metrics every minute.";
    expect(evidence(training).filter((e) => /machine/.test(e))).toEqual([]);
    expect(features("Design a lab portal that records each patient's blood type and allergies")).not.toContain(
      "presence",
    );
  });

  it("keeps the card where the word is meant", () => {
    expect(features("Design a chat app for 50 million users that shows when a friend is typing")).toContain("presence");
    expect(classify("Design a web crawler that must scan all 5 billion pages every week").archetypes[0]?.id).toBe(
      "I04",
    );
    expect(
      classify("Design a service that pays 40,000 suppliers through the bank each night, exactly once per invoice.")
        .archetypes[0]?.id,
    ).toBe("I12");
    expect(
      classify("Design a distributed file system that stores 10 PB of files across 5,000 machines").archetypes[0]?.id,
    ).toBe("I19");
  });
});

describe("a product feature's own phrase in the head takes the head's function word", () => {
  it("reads no function word that ends a feature's phrase, and reads it where no feature's phrase has it", () => {
    const geo = classify("Design a geo search for 50 million parking spots using a quadtree.");
    expect(geo.branch.kind).toBe("product");
    expect(geo.archetypes.flatMap((a) => a.evidence).join("\n")).not.toMatch(/asks for search/);
    const patents = classify("Design a patent search for 20 million documents with 500 queries per second.");
    expect(patents.archetypes[0]?.id).toBe("I06");
  });
});
