import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { figuresMeet, figureThreshold } from "../src/engine/decision-figures.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";
import { figuresDecide } from "../src/render/script/steps.js";

// Invented prompts: a decision follows the figures the same design computes (a stated overshoot bound against the
// allowance it leaves each gateway; an object index against one machine's memory), and says them.
const decision = (d: Design, id: string) => d.decisions.find((r) => r.id === id);
const figure = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const flips = (d: Design) =>
  checkCoherence(d).filter(
    (p) =>
      p.rule === "flip-condition-holds" ||
      p.rule === "decision-own-condition-met" ||
      p.rule === "decision-condition-stated" ||
      p.rule === "stated-bound-exceeded",
  );

const LIMITER =
  "Design a rate limiter for a payments API: 3 million requests per second across 60 gateway nodes, each API key limited to 600 requests per minute, and a key must never get more than 4% over its limit.";

describe("a rate limiter's enforcement follows the allowance its stated overshoot bound leaves each gateway", () => {
  it("reads 'never more than N% over its limit' and 'to within about N%' of a quota as an overshoot bound", () => {
    expect(parseStatedNfrs(LIMITER).scale.overshoot_bound_share?.value).toBeCloseTo(0.04, 9);
    expect(parseStatedNfrs(LIMITER).scale.overshoot_bound_share?.quote).toContain("never get more than 4% over");
    const within = parseStatedNfrs(
      "Design the rate-limit service behind our proxies: 80 gateways enforce per-key quotas of 500 requests a minute, to within about 3%.",
    );
    expect(within.scale.overshoot_bound_share?.value).toBeCloseTo(0.03, 9);
  });

  it("a bound that leaves each gateway under two requests of a key picks the central store, with the figures", () => {
    const d = design(LIMITER);
    // 4% of 600 a minute is 24 requests; spread (with headroom) over the 59 other gateways, about 0.28 each
    const allowance = figure(d, "allowance_per_gateway")?.value ?? Number.NaN;
    expect(allowance).toBeCloseTo((0.04 * 600 * 0.7) / 59, 6);
    const r = decision(d, "i08-enforcement");
    expect(r?.chosen).toBe("central-store");
    expect(r?.because).toMatch(/stated overshoot bound/);
    expect(r?.because).toMatch(/allowance_per_gateway ≈ 0\.\d+ req per key \(computed from the stated .*\), < 2 req/);
    // the runner-up's flip condition no longer holds: it needs an allowance worth keeping
    expect(r?.wouldFlipIf).toMatch(/a few requests of a key between syncs/);
    expect(r?.winning?.some((w) => w.option === "local-allowance")).toBeFalsy();
    expect(flips(d)).toEqual([]);
    // the script says the figure the pick rests on
    const said = figuresDecide(d, r as NonNullable<typeof r>);
    expect(said).toMatch(
      /^The numbers decide it: one key's allowance a gateway may spend between syncs, about 0\.\d+ requests per key, under 2 requests per key\.$/,
    );
  });

  it("without a stated bound, a fleet that needs many store nodes still spends local allowances", () => {
    const d = design(
      "Design a rate limiter for a public API: 2 million requests per second across 40 gateway nodes, each API key limited to 1,000 requests per minute.",
    );
    const r = decision(d, "i08-enforcement");
    expect(r?.chosen).toBe("local-allowance");
    expect(figure(d, "allowance_per_gateway")?.value).toBeGreaterThanOrEqual(2);
  });
});

describe("an object store's metadata follows its object index against one machine's memory", () => {
  it("a threshold of another figure is that many times its value", () => {
    const values: Record<string, number> = { object_index_bytes: 3e12, master_memory_bytes: 256e9 };
    const at = (id: string) =>
      values[id] === undefined ? undefined : { value: values[id] as number, unit: "B", assumed: false };
    const c = { number: "object_index_bytes", atLeast: 1, of: "master_memory_bytes" };
    expect(figureThreshold(c, at)).toBe(256e9);
    expect(figuresMeet([c], at)).toBe(true);
    expect(figuresMeet([{ ...c, atLeast: 20 }], at)).toBe(false);
    expect(figureThreshold({ ...c, of: "missing" }, at)).toBeUndefined();
  });

  it("tens of billions of objects shard the metadata, with the index and the machine's memory in the reason", () => {
    const d = design("Design a blob store for a photo archive that keeps 40 billion objects and never loses one.");
    expect(figure(d, "object_index_bytes")?.value).toBeGreaterThan(1e13);
    expect(figure(d, "index_memory_machines")?.value).toBeGreaterThan(1);
    const r = decision(d, "i19-metadata");
    expect(r?.chosen).toBe("sharded-metadata");
    expect(r?.because).toMatch(
      /object_index_bytes ≈ \d+ TB \(computed from the stated '40 billion objects'\), ≥ master_memory_bytes ≈ 256 GB \(assumed\)/,
    );
    expect(flips(d)).toEqual([]);
    expect(figuresDecide(d, r as NonNullable<typeof r>)).toMatch(
      /object index entries across the metadata store, about \d+ terabytes, at least the memory one metadata machine gives its in-memory tables, about 256 gigabytes/,
    );
  });

  it("a store whose objects' index fits one machine keeps the single master", () => {
    const d = design(
      "Design an object store for 20 million documents of about 5 MB each, written once and read often.",
    );
    expect(figure(d, "object_index_bytes")?.value).toBeLessThan(256e9);
    expect(decision(d, "i19-metadata")?.chosen).toBe("single-master");
  });
});

describe("a presence design plans its heartbeat inside the removal bound's headroom", () => {
  it("detection plus notification leaves at least a fifth of a stated one-second bound spare", () => {
    const d = design("Tell followers within a second when someone they follow goes online or offline.");
    const removal = figure(d, "removal_time")?.value ?? Number.NaN;
    expect(removal).toBeLessThanOrEqual(0.8);
    expect(checkCoherence(d).filter((p) => p.rule === "bound-without-headroom")).toEqual([]);
  });
});
