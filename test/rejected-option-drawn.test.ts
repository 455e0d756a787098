import { describe, expect, it } from "vitest";
import { rejectedOptionsDrawn } from "../src/engine/coherence.js";
import { choiceFits } from "../src/engine/fields/decisions.js";
import { design } from "../src/lib/index.js";

// invented prompts: a tracing backend asked to keep every failure (tail sampling) or a flat share (head sampling)
const TAIL =
  "Our checkout platform has 800 services emitting spans; we want a tracing backend where every failed request's trace is retained, while only 2% of the rest are stored.";
const TAIL_SLOW =
  "A tracing pipeline for a bank's 400 microservices: slow requests over 2 seconds must always be captured.";
const HEAD =
  "Build distributed tracing for a ride-sharing backend of 150 services that stores a flat 5% of traces as cheaply as possible.";

const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const sequences = (d: ReturnType<typeof design>) => d.diagrams.filter((g) => g.kind === "sequence").map((g) => g.title);

describe("a decision's chosen option decides what the design draws", () => {
  it.each([TAIL, TAIL_SLOW])(
    "tail sampling draws the trace-id router and holds traces, never a sampler at the root: %s",
    (p) => {
      const d = design(p);
      expect(chosen(d, "i18-trace-sampling")).toBe("tail");
      expect(d.components.some((c) => c.runs.includes("sample at the root"))).toBe(false);
      const router = d.components.find((c) => c.id === "trace-router");
      expect(router?.because).toMatch(/decision i18-trace-sampling chose tail/);
      expect(d.links.some((l) => l.from === "trace-agents" && l.to === "collectors")).toBe(false);
      expect(sequences(d)).toContain("I18: Hold each trace, then keep or drop it whole");
      expect(sequences(d)).not.toContain("I18: Sample and store spans");
      expect(d.failures.some((f) => /parent-based sampler/.test(f.prevention))).toBe(false);
      expect(d.failures.find((f) => /reach two collectors/.test(f.failure))?.source).toMatch(
        /i18-trace-sampling chose tail/,
      );
      expect(rejectedOptionsDrawn(d)).toEqual([]);
      expect(d.coherence.filter((c) => c.rule === "rejected-option-drawn")).toEqual([]);
    },
  );

  it("head sampling keeps the root sampler and draws no router or held traces", () => {
    const d = design(HEAD);
    expect(chosen(d, "i18-trace-sampling")).toBe("head");
    expect(d.components.find((c) => c.id === "traced-services")?.runs).toContain("sample at the root");
    expect(d.components.some((c) => c.id === "trace-router")).toBe(false);
    expect(sequences(d)).toContain("I18: Sample and store spans");
    expect(sequences(d)).not.toContain("I18: Hold each trace, then keep or drop it whole");
    expect(d.failures.some((f) => /reach two collectors/.test(f.failure))).toBe(false);
    expect(rejectedOptionsDrawn(d)).toEqual([]);
  });

  it("flags a design that still draws a rejected option's parts", () => {
    const d = design(TAIL);
    const head = design(HEAD);
    const root = head.components.find((c) => c.id === "traced-services");
    const disagree = head.failures.find((f) => /parent-based sampler/.test(f.prevention));
    const seq = head.diagrams.find((g) => g.title === "I18: Sample and store spans");
    if (!root || !disagree || !seq) throw new Error("the head design lost its own parts");
    const tampered = {
      ...d,
      components: d.components.map((c) => (c.id === root.id ? root : c)),
      failures: [...d.failures, disagree],
      diagrams: [...d.diagrams, seq],
    };
    const details = rejectedOptionsDrawn(tampered).map((p) => p.detail);
    expect(details.some((x) => /'sample at the root'/.test(x))).toBe(true);
    expect(details.some((x) => /failure row 'Services disagree/.test(x))).toBe(true);
    expect(details.some((x) => /sequence 'Sample and store spans'/.test(x))).toBe(true);
  });

  it("an id scheme that hands out blocks meets no per-millisecond sequence running out", () => {
    const d = design(
      "Give every new parcel in our 12 depots a short numeric tracking number that roughly follows creation time and never repeats, across two regions.",
    );
    expect(chosen(d, "i09-scheme")).not.toBe("snowflake");
    expect(d.failures.some((f) => /per-millisecond sequence/.test(f.failure))).toBe(false);
  });

  it.each([
    [
      "Our nightly audit must walk every row of a two-billion-row table, split the work across machines, and resume each slice after a crash rather than start over.",
      "hash",
      "hash of fingerprint",
    ],
    [
      "Re-check 5 million partner product feeds once a week, resuming where a worker stopped if it dies.",
      "range-or-host",
      "host",
    ],
  ])("a frontier split by hash is drawn and keyed by hash, one split by host by host: %s", (p, option, key) => {
    const d = design(p);
    expect(chosen(d, "i04-partitioning")).toBe(option);
    expect(d.dataModel.filter((e) => e.entity === "FrontierItem").map((e) => e.partitionKey)).toEqual([key]);
    const store = d.components.find((c) => c.id === "frontier-db")?.name ?? "";
    expect(/partitioned by host/.test(store)).toBe(option !== "hash");
  });

  it("a mark whose decision is not asked holds the point's fallback", () => {
    expect(choiceFits(undefined, [])).toBe(true);
    expect(choiceFits({ decision: "i18-trace-sampling", options: ["head"] }, [])).toBe(true);
    expect(choiceFits({ decision: "i18-trace-sampling", options: ["tail"] }, [])).toBe(false);
    expect(choiceFits({ decision: "no-such-point", options: ["x"] }, [])).toBe(false);
  });
});
