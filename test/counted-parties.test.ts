import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { countedThings } from "../src/engine/counted-nouns.js";
import { countedParts } from "../src/engine/named-parts.js";
import { stockThings } from "../src/engine/stock-records.js";
import { design } from "../src/lib/index.js";

/**
 * What a counted noun is decides where it lands: a thing kept gets a record (or a record that stands for whatever the
 * design tracks plays it), a party that uses the system is its client, hardware sizes machines, and a try is a counter
 * on the record it tries. None of the last three becomes a record of its own.
 */

const entities = (p: string) => design(p).dataModel.map((e) => e.entity);
const uncovered = (p: string) =>
  checkCoherence(design(p))
    .filter((x) => x.rule === "prompt-noun-uncovered")
    .map((x) => x.detail);

describe("counted nouns read as what they are", () => {
  it("reads a count joined to its noun as a count of that noun, and a joined unit or an ordinal as no thing", () => {
    const nouns = (p: string) => countedThings(p).map((t) => [t.noun, t.count]);
    expect(nouns("Buyers filter a 60M-item marketplace by price.")).toEqual([["item", 60_000_000]]);
    expect(nouns("Locks are held with a 30-second TTL and ids are 64-bit numbers.")).toEqual([]);
    expect(nouns("Show the 99th percentile per service.")).toEqual([]);
    expect(nouns("Ship the new rules to 5% of stores first.")).toEqual([]);
    expect(nouns("Walk through all 900 million rows of meter readings.")).toEqual([]);
  });

  it("reads 'the one' as standing for a thing, not counting one", () => {
    const parts = (p: string) => countedParts(p).map((t) => t.noun);
    expect(parts("Design a rate limiter like the one Stripe puts in front of its API.")).toEqual([]);
    expect(parts("Transcode every upload into the five resolutions.")).toEqual(["resolution"]);
    expect(
      design("Design a rate limiter like the one Stripe puts in front of its API.").dataModel.map((e) => e.entity),
    ).not.toContain("StripePut");
  });

  it("reads a count with a scale letter ('50k', '80M') as the figure it is", () => {
    expect(countedThings("Lockers for 50k couriers and 3M parcels.").map((t) => t.count)).toEqual([50_000, 3_000_000]);
  });

  it("tells a party, a try and a thing apart", () => {
    const roles = (p: string) => stockThings(p).map((t) => [t.noun, t.role]);
    expect(roles("Design a container image registry for 10k engineers storing 2 million images.")).toEqual([
      ["engineer", "party"],
      ["image", "thing"],
    ]);
    expect(roles("Lock an account after 5 failed attempts across 50 million accounts.")).toEqual([
      ["attempt", "attempt"],
      ["account", "thing"],
    ]);
    // a party the prompt gives a rule to keep is a record: its receipt is held
    expect(roles("Design a voting system for 100 million voters where each voter can vote exactly once.")).toEqual([
      ["voter", "thing"],
    ]);
    expect(stockThings("A rack of 12 machines, each with 4 SSDs of footage.")).toEqual([]);
  });
});

describe("no record for what is not a kept thing", () => {
  it("draws no record for counted people who use the system; its client stands for them", () => {
    const p =
      "Design a container image registry for 10k engineers: content-addressed layers and tags that move atomically.";
    const d = design(p);
    expect(d.dataModel.map((e) => e.entity)).not.toContain("Engineer");
    expect(d.api.map((a) => a.call).join(" ")).not.toMatch(/engineers/);
    expect(d.components.some((c) => c.kind === "client" && /'10k engineers'/.test(c.because))).toBe(true);
    expect(uncovered(p)).toEqual([]);
  });

  it("draws no record for hardware, and asks no record to hold it", () => {
    const p =
      "Design a telematics ingestion backend: 80,000 delivery drivers send GPS pings every 5 seconds from their vans, each van has 4 SSDs of dashcam footage.";
    expect(entities(p).filter((e) => /Ssd|Driver$/.test(e))).toEqual([]);
    expect(uncovered(p)).toEqual([]);
  });

  it("keeps a counted try as a counter on the record it tries, not a record per try", () => {
    const p =
      "Design a word-guessing game backend: 2 million players each get 6 guesses per daily puzzle, and no player may submit a seventh guess.";
    const d = design(p);
    expect(d.dataModel.map((e) => e.entity)).not.toContain("Guess");
    expect(d.dataModel.map((e) => e.entity)).not.toContain("Player");
    const counter = d.dataModel.find((e) => e.fields.includes("guess_count"));
    expect(counter?.because).toMatch(/'6 guesses'/);
    expect(d.api.map((a) => a.call).join(" ")).not.toMatch(/guesses|:get/);
  });

  it("puts a try on the record it is said per, even when that record is counted after it", () => {
    const d = design(
      "Design a puzzle-hunt service where each team gets at most 4 wrong guesses per clue, across 500,000 clues published a day.",
    );
    const counter = d.dataModel.filter((e) => e.fields.includes("guess_count")).map((e) => e.entity);
    // before, the tries were placed before the Clue record was drawn, so they landed on the design's unit
    expect(counter).toEqual(["Clue"]);
  });

  it("lets a record that stands for what the design tracks play the counted thing, and says so", () => {
    const p =
      "Tutors on a homework-help platform show up to students as 'online now'. With 80k tutors, the status must drop within 10 seconds of a tutor closing the app.";
    const d = design(p);
    expect(d.dataModel.map((e) => e.entity)).not.toContain("Tutor");
    expect(d.dataModel.some((e) => /plays the prompt's 'tutor'/.test(e.because ?? ""))).toBe(true);
    expect(uncovered(p)).toEqual([]);
  });

  it("still draws a record for a counted thing no record stands for", () => {
    expect(entities("Design a parking app for 2 million parking spots across 5,000 garages.")).toContain("Garage");
  });
});
