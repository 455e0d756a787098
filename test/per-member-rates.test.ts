import { describe, expect, it } from "vitest";
import { parseStatedNfrs, wordsToNumber } from "../src/engine/nfr-parse.js";
import { CARDINALS_TO_99, countsAmount } from "../src/knowledge/lexicon.js";

const scaleOf = (p: string) => parseStatedNfrs(p).scale;

describe("one table of number words reads compounds, sets and fractions", () => {
  it("holds every cardinal up to ninety-nine", () => {
    expect(CARDINALS_TO_99["forty-five"]).toBe(45);
    expect(CARDINALS_TO_99["ninety-nine"]).toBe(99);
    expect(Object.keys(CARDINALS_TO_99)).toHaveLength(100);
  });

  it("reads a half, a quarter, a couple and a dozen", () => {
    expect(wordsToNumber("half a million")).toBe(500_000);
    expect(wordsToNumber("a quarter of a million")).toBe(250_000);
    expect(wordsToNumber("a couple of thousand")).toBe(2000);
    expect(wordsToNumber("a dozen")).toBe(12);
    expect(wordsToNumber("half a dozen")).toBe(6);
    expect(scaleOf("Half a million couriers send a location every 4 seconds.").users?.value).toBe(500_000);
    expect(scaleOf("The index is split into a dozen shards.").partitions?.value).toBe(12);
    expect(scaleOf("Served from a couple of regions.").regions?.value).toBe(2);
  });

  it("never reads a verb or a thing named pair as a count", () => {
    expect(scaleOf("We couple the billing and ledger services.").services).toBeUndefined();
    expect(scaleOf("Each trading pair has its own order book.").objects).toBeUndefined();
  });

  it("says whether a quote counts: digits or number words, never a word that only implies several", () => {
    for (const q of ["3 regions", "thirty seconds", "forty-five days", "a dozen shards", "half a million users"])
      expect(countsAmount(q)).toBe(true);
    for (const q of ["worldwide", "multi-region", "global users", "across regions", "constructor"])
      expect(countsAmount(q)).toBe(false);
  });
});

describe("a rate said of each member of a counted fleet is the fleet's rate times the members", () => {
  it("composes users × messages a day, with both numbers in the quote", () => {
    const s = scaleOf("A forum app with 400,000 members, each posting 30 messages a day.");
    expect(s.messages_per_day?.value).toBe(12_000_000);
    expect(s.messages_per_sec?.value).toBeCloseTo(12_000_000 / 86_400, 3);
    expect(s.messages_per_sec?.quote).toBe("400,000 members, each posting 30 messages a day");
    expect(s.messages_per_sec?.reading).toMatch(/400,000 × 30/);
    expect(s.messages_per_user_per_day?.value).toBe(30);
  });

  it("composes hosts × measurements each every interval, and keeps the interval", () => {
    const s = scaleOf("Design a metrics pipeline for 12,000 servers, 300 measurements each every 20 seconds.");
    expect(s.samples_per_sec?.value).toBe(180_000);
    expect(s.scrape_seconds?.value).toBe(20);
  });

  it("composes buoys × readings a minute and users × photos a day", () => {
    expect(
      scaleOf("A sensor network: 50,000 buoys, each reporting 12 readings per minute.").samples_per_sec?.value,
    ).toBe(10_000);
    expect(scaleOf("Design a photo app: 20 million users each upload 2 photos a day.").uploads_per_day?.value).toBe(
      40_000_000,
    );
  });

  it("composes listeners who each download episodes a week", () => {
    const s = scaleOf("A podcast app for 250,000 listeners who each download 3 episodes a week.");
    expect(s.requests_per_sec?.value).toBeCloseTo((250_000 * 3) / (7 * 86_400), 6);
  });

  it("leaves a fleet's rate stated outright as it is (no each)", () => {
    const s = scaleOf("A chat app where 3 million users send 90 million messages a day.");
    expect(s.messages_per_day?.value).toBe(90_000_000);
  });

  it("never ties a rate to a fleet two numbers back through another count", () => {
    const s = scaleOf("10,000 stores, each with 5 registers, process 2,000 orders a second.");
    expect(s.messages_per_sec?.value).toBe(2000);
  });
});

describe("a per-key allowance beside the fleet's rate stays a per-key limit", () => {
  it("reads the bracketed allowance per key and the rate after it as the fleet's", () => {
    const s = scaleOf(
      "Design a rate limiter (200 requests a minute per API key) for a public API taking 75,000 requests a second across 15 gateway nodes.",
    );
    expect(s.requests_per_sec_per_key?.value).toBeCloseTo(200 / 60, 6);
    expect(s.requests_per_sec?.value).toBe(75_000);
  });

  it("reads a per-tenant quota said after its rate apart from a later fleet rate", () => {
    const s = scaleOf(
      "Each tenant may send 50 requests a second per tenant; the gateway as a whole serves 40,000 requests a second.",
    );
    expect(s.requests_per_sec?.value).toBe(40_000);
  });
});
