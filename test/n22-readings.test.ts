import { describe, expect, it } from "vitest";
import { classify, design, parseStatedNfrs } from "../src/lib/index.js";

describe("readings a never-tuned set found missing", () => {
  it("a latency said before the word latency is a target ('a 1 ms p99 read latency')", () => {
    for (const [p, ms] of [
      ["Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency.", 1],
      ["Design a session store with 5 ms median latency.", 5],
    ] as const) {
      const l = parseStatedNfrs(p).latency[0];
      expect(l?.ms, p).toBe(ms);
    }
  });

  it("a count before a list of kinds counts the head noun after the list ('500 million push, email and SMS messages a day')", () => {
    const s = parseStatedNfrs(
      "Design a notification service that sends 500 million push, email and SMS messages a day.",
    );
    expect(s.unread).toEqual([]);
    expect(Object.values(s.scale).some((v) => v.quote === "500 million push, email and SMS messages a day")).toBe(true);
  });

  it("a target too tight for a service hop is spent on a read straight from the key's node, and stated bytes size the keys", () => {
    const d = design(
      "Design a distributed key-value cache like Memcached for 10 TB of hot data with a 1 ms p99 read latency.",
    );
    const path = d.capacity.find((r) => r.id === "request_path_seconds");
    expect(path?.formula).toBe("request_path_seconds = in_region_rtt_seconds + node_lookup_seconds");
    expect(d.coherence.map((c) => c.rule)).not.toContain("stated-bound-exceeded");
    expect(d.coherence.map((c) => c.rule)).not.toContain("stated-number-unused");
  });

  it("aliases never handed out twice are labels that never repeat, not a busy resource", () => {
    const r = classify(
      "Design a URL shortener that serves 200,000 redirects per second with custom aliases that are never handed out twice.",
    );
    expect(r.archetypes[0]?.id).toBe("I09");
  });
});

describe("a storage layer built in-house is said as the part the design builds", () => {
  it("never 'I'd use built in-house'", async () => {
    const { writeScript } = await import("../src/render/script/index.js");
    const d = design("Design a Spanner-like distributed SQL database with externally consistent transactions.");
    const said = writeScript(d, { minutes: 45 })
      .steps.map((s) => s.text)
      .join(" ");
    expect(said).not.toMatch(/I'd use built in-house/);
    expect(said).toMatch(/For the storage I'd build our own: the key-range groups/);
  });
});
