import { describe, expect, it } from "vitest";
import { figureAgainstChosenCount, poolWithoutHeadroom } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const AUTOCOMPLETE = "Design a search autocomplete service answering 80,000 queries per second within 60 ms";
const TICKETS = "Design a ticketing system for a stadium where 200,000 fans race for 30,000 seats";

describe("figures read the counts the design chose", () => {
  it("serving replicas count every region the reads are served from", () => {
    const d = design(AUTOCOMPLETE);
    expect(d.context.servingRegions?.value).toBe(3);
    const row = d.capacity.find((c) => c.id === "serving_replicas");
    const input = (n: string) => row?.inputs.find((i) => i.name === n)?.value ?? Number.NaN;
    const shards = d.capacity.find((c) => c.id === "suggest_shards")?.value ?? Number.NaN;
    expect(input("serving_regions")).toBe(3);
    expect(row?.value).toBe(shards * input("replicas") * 3);
    expect(figureAgainstChosenCount(d)).toEqual([]);
    // a figure left at one region beside reads served from three is caught
    const bent: Design = {
      ...d,
      capacity: d.capacity.map((c) =>
        c.id === "serving_replicas"
          ? { ...c, inputs: c.inputs.map((i) => (i.name === "serving_regions" ? { ...i, value: 1 } : i)) }
          : c,
      ),
    };
    expect(figureAgainstChosenCount(bent).map((p) => p.rule)).toEqual(["figure-against-chosen-count"]);
  });

  it("a cache pool is sized at the planned share of what a node answers, and a pool at 100% is caught", () => {
    const d = design(TICKETS);
    const row = d.capacity.find((c) => c.id === "availability_cache_nodes");
    expect(row?.formula).toMatch(/target_utilisation/);
    const reads = d.capacity.find((c) => c.id === "availability_reads_per_sec")?.value ?? 0;
    const perNode = row?.inputs.find((i) => i.name === "cache_reads_per_node")?.value ?? 1;
    expect(row?.value ?? 0).toBeGreaterThan(reads / perNode);
    expect(poolWithoutHeadroom(d)).toEqual([]);
    const bent: Design = {
      ...d,
      capacity: d.capacity.map((c) =>
        c.id === "availability_cache_nodes"
          ? { ...c, formula: "availability_cache_nodes = availability_reads_per_sec / cache_reads_per_node" }
          : c,
      ),
    };
    expect(poolWithoutHeadroom(bent).map((p) => p.rule)).toEqual(["pool-without-headroom"]);
  });
});
