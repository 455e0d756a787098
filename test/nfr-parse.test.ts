import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";

const scale = (p: string) => Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, v.value]));

describe("stated NFRs", () => {
  it("reads delivery semantics in the ways people write them", () => {
    expect(parseStatedNfrs("process each payment exactly once").delivery?.value).toBe("exactly-once");
    expect(parseStatedNfrs("a refund must never be charged twice").delivery?.value).toBe("exactly-once");
    expect(parseStatedNfrs("at-least-once delivery to consumers").delivery?.value).toBe("at-least-once");
    expect(parseStatedNfrs("metrics samples are at most once; fine to drop").delivery?.value).toBe("at-most-once");
    expect(parseStatedNfrs("a cache in front of the database").delivery).toBeUndefined();
  });

  it("reads consistency, availability and ordering", () => {
    const a = parseStatedNfrs("a strongly consistent metadata store that must fail closed, ordered per key");
    expect(a.consistency?.value).toBe("linearizable");
    expect(a.availability?.value).toBe("fail-closed");
    expect(a.ordering?.value).toBe("per-key");
    const b = parseStatedNfrs("multi-region last-writer-wins session store that stays available");
    expect(b.consistency?.value).toBe("eventual");
    expect(b.availability?.value).toBe("stay-available");
    expect(b.regions?.value).toBe(2);
    expect(parseStatedNfrs("read-your-writes for profile edits").consistency?.value).toBe("read-your-writes");
    expect(parseStatedNfrs("a globally ordered log").ordering?.value).toBe("global");
  });

  it("reads scale numbers in common forms", () => {
    expect(scale("10k rps")).toEqual({ requests_per_sec: 10000 });
    expect(scale("2 million samples per second from 10,000 nodes")).toEqual({ samples_per_sec: 2e6, nodes: 10000 });
    expect(scale("ingest 1 TB/day")).toEqual({ bytes_per_day: 1e12 });
    expect(scale("50M users")).toEqual({ users: 5e7 });
    expect(scale("200,000 leases with 10-second leases")).toEqual({ leases: 200000, lease_seconds: 10 });
    expect(scale("1M messages a minute")).toEqual({ messages_per_sec: 1e6 / 60 });
    expect(scale("replicates across three data centers")).toEqual({ regions: 3 });
    expect(scale("keeps three copies of every file")).toEqual({ replicas: 3 });
  });

  it("reads latency targets", () => {
    expect(parseStatedNfrs("p99 under 10 ms").latency).toEqual([
      { percentile: "p99", ms: 10, quote: "p99 under 10 ms" },
    ]);
    expect(parseStatedNfrs("lookups within 2 ms").latency[0]?.ms).toBe(2);
  });

  it("quotes the words each value came from", () => {
    expect(parseStatedNfrs("Design a queue with exactly-once processing").delivery?.quote).toBe("exactly-once");
  });
});
