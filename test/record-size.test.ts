import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { countedHead, recordSizeOf } from "../src/engine/record-size.js";
import { design } from "../src/lib/index.js";

const scale = (p: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, [v.value, v.quote]]));
const row = (p: string, id: string) => design(p).capacity.find((r) => r.id === id);
const input = (p: string, id: string, name: string) => row(p, id)?.inputs.find((i) => i.name === name);

describe("a counted thing's record is sized from what it holds", () => {
  it("reads the counted noun, not a rate's time unit", () => {
    expect(countedHead("4 billion certificate fingerprints")).toBe("fingerprints");
    expect(countedHead("6 million documents a day")).toBe("documents");
    expect(countedHead("8,000 purchases per second")).toBe("purchases");
  });

  it("sums a hash's digest, its count and its index entry, naming each field", () => {
    const r = recordSizeOf("4 billion certificate fingerprints");
    expect(r.bytes).toBe(60);
    expect(r.because).toContain("is a hash");
    expect(r.because).toContain("its digest (32 B");
    expect(r.because).toContain("FIPS 180-4");
  });

  it("sizes a device from its own fields, and says the assumption for a noun no kind lists", () => {
    expect(recordSizeOf("250,000 delivery vans").bytes).toBe(144);
    const unknown = recordSizeOf("40,000 beehive scales");
    expect(unknown.bytes).toBe(1000);
    expect(unknown.because).toContain("names no record kind");
  });

  it("holds a stated population of hashes at its digest's size, never a cached page's", () => {
    const p =
      "Design a certificate transparency mirror that holds 4 billion certificate fingerprints and answers 5,000 checks per second.";
    const held = row(p, "population_held_bytes");
    // 4B records × 60 B × 3 copies
    expect(held?.value).toBe(7.2e11);
    expect(held?.formula).toBe("population_held_bytes = population * population_record_bytes * storage_overhead");
    expect(input(p, "population_held_bytes", "population_record_bytes")?.because).toContain(
      "one of '4 billion certificate fingerprints' is a hash",
    );
    expect(held?.inputs.some((i) => i.name === "value_bytes")).toBe(false);
  });

  it("holds a stated fleet of vans at a device record's size", () => {
    const p =
      "Keep the latest status of 250,000 delivery vans for a grocery chain so dispatchers can see them on a map.";
    expect(row(p, "population_held_bytes")?.value).toBe(250000 * 144 * 3);
    expect(input(p, "population_held_bytes", "population_record_bytes")?.because).toContain("is a device");
  });
});

describe("stated things counted per time are records written or read at that rate", () => {
  it("reads stored things arriving per time as a write rate, and served ones as a read rate", () => {
    expect(scale("A records office takes in 6 million documents a day.").writes_per_sec).toEqual([
      6e6 / 86400,
      "6 million documents a day",
    ]);
    expect(scale("A mirror serves 20 million files a day.").reads_per_sec).toEqual([
      2e7 / 86400,
      "20 million files a day",
    ]);
  });

  it("sizes the records a day, their bytes and the primaries from the stated rate", () => {
    const p = "A records office takes in 6 million documents a day and must never lose an accepted document.";
    expect(row(p, "writes_per_sec_records_per_day")?.value).toBeCloseTo(6e6, 0);
    const bytes = row(p, "writes_per_sec_bytes_per_day");
    expect(bytes?.value).toBeCloseTo(6e6 * 1000 * 3, -3);
    expect(bytes?.inputs.find((i) => i.name === "writes_per_sec")?.because).toBe(
      "the prompt says '6 million documents a day'",
    );
    expect(row(p, "writes_per_sec_primaries")?.value).toBe(1);
    expect(checkCoherence(design(p)).map((x) => x.rule)).not.toContain("stated-number-unused");
  });

  it("takes a stated purchase rate as the bookings the inventory writes", () => {
    const p =
      "Design seat booking for a stadium chain: a seat is never sold twice, and we expect 8,000 purchases per second when a big match goes on sale.";
    const writes = input(p, "item_writes_per_sec", "bookings_per_sec");
    expect(writes?.value).toBe(8000);
    expect(writes?.because).toBe("the prompt says '8,000 purchases per second'");
  });
});

describe("a stated per-client ask interval is the request rate", () => {
  it("reads 'asks … every 2 seconds' as each client's request interval, even with words between", () => {
    expect(
      scale("A warehouse runs 5,000 forklifts; each forklift asks the dispatcher for its next task every 2 seconds.")
        .request_interval_seconds,
    ).toEqual([2, "2 seconds"]);
    // the noun "request" is no asking verb: a collector's gather interval stays a scrape
    const pods = scale("Gather request counts and latency from every pod every fifteen seconds, keep them for a year.");
    expect(pods.request_interval_seconds).toBeUndefined();
    expect(pods.scrape_seconds).toEqual([15, "fifteen seconds"]);
  });

  it("turns the stated clients over their interval into the requests a service answers, with no daily peak", () => {
    const p =
      "Design a price service for 40,000 self-service kiosks; each kiosk calls the price service every 30 seconds.";
    const req = input(p, "peak_requests_per_sec", "requests_per_sec");
    expect(req?.value).toBeCloseTo(40000 / 30, 6);
    expect(req?.because).toContain("derived as clients / request_interval_seconds");
    expect(input(p, "peak_requests_per_sec", "peak_factor")?.value).toBe(1);
    expect(input(p, "peak_requests_per_sec", "peak_factor")?.because).toContain("a steady rate the interval sets");
  });

  it("sizes a claim coordinator's lease writes from the stated fleet and interval, and a decision names them", () => {
    const p =
      "Design the dispatcher for a warehouse with 5,000 forklifts; each forklift asks the dispatcher for its next task every 2 seconds, and no two forklifts may ever hold the same aisle segment at once.";
    const d = design(p);
    const writes = d.capacity.find((r) => r.id === "peak_lease_writes");
    expect(writes?.value).toBe(2500);
    expect(writes?.inputs.find((i) => i.name === "writes_per_sec")?.because).toContain(
      "each stated client asks once an interval and each ask takes a claim",
    );
    const lease = d.decisions.find((x) => x.id === "i02-lease-length");
    expect(lease?.because).toContain("computed from the stated '5,000 forklifts'");
    expect(checkCoherence(d).map((x) => x.rule)).not.toContain("figure-beyond-sense");
  });
});
