import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);

describe("a stated ratio bound is read into its own quantity with the words it bounds", () => {
  it("reads each kind of ratio as a fraction, quoted from its clause", () => {
    for (const [p, id, share, words] of [
      [
        "Design a usage-metering service for a GPU cloud where each tenant's hourly limit may be overshot by no more than 2% across 40 edge nodes.",
        "overshoot_bound_share",
        0.02,
        "hourly limit may be overshot",
      ],
      [
        "Design a page-view counter for news articles that reports totals within 1% of the true count at 300,000 views per second.",
        "count_error_bound_share",
        0.01,
        "within 1% of the true count",
      ],
      [
        "Design an SMS relay that sends 20,000 messages per second with no more than 0.1% duplicates.",
        "duplicate_bound_share",
        0.001,
        "0.1% duplicates",
      ],
      [
        "Design a telemetry collector for 100,000 wind turbines that loses at most 0.01% of readings.",
        "loss_bound_share",
        0.0001,
        "loses at most 0.01% of readings",
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale[id]?.value, p).toBeCloseTo(share, 9);
      expect(s.scale[id]?.quote, p).toContain(words);
      expect(s.latency, p).toEqual([]);
    }
  });

  it("reads the window a quota is counted over", () => {
    expect(
      parseStatedNfrs("each tenant's hourly limit may be overshot by at most 2%").scale.quota_window_seconds?.value,
    ).toBe(3600);
    expect(
      parseStatedNfrs("a per-minute quota that may be exceeded by at most 5%").scale.quota_window_seconds?.value,
    ).toBe(60);
  });

  it("reads no ratio bound from a percentage that bounds nothing of the kind", () => {
    for (const p of [
      "Design a key-value store with 99.99% availability.",
      "Design a tracing backend that samples 1% of traces.",
      "Design a cache with a 95% hit rate in front of a database.",
    ]) {
      const s = parseStatedNfrs(p);
      for (const id of [
        "overshoot_bound_share",
        "count_error_bound_share",
        "duplicate_bound_share",
        "loss_bound_share",
      ])
        expect(s.scale[id], `${p} ${id}`).toBeUndefined();
    }
  });
});

describe("a stated overshoot bound sets the sync interval of local allowances and is checked against it", () => {
  const p =
    "Design a rate limiter for a partner API serving 800,000 requests per second on 40 gateways: each partner's per-minute quota may be exceeded by at most 4%.";

  it("derives the sync interval from the bound, and the over-admission share stays inside it", () => {
    const d = design(p);
    const share = row(d, "allowance_overshoot_share");
    expect(share?.bound).toEqual({ quantity: "overshoot_bound_share", value: 0.04 });
    expect(share?.value).toBeLessThanOrEqual(0.04);
    const sync = share?.inputs.find((i) => i.name === "allowance_sync_seconds");
    // 4% x (1 - 30% headroom) x 60 s / (40 - 1) gateways
    expect(sync?.value).toBeCloseTo((0.04 * 0.7 * 60) / 39, 6);
    expect(sync?.because).toContain("overshoot_bound_share");
    expect(d.coherence.filter((c) => c.rule === "stated-bound-exceeded")).toEqual([]);
  });

  it("a sync interval set past the bound is flagged", () => {
    const d = design(p, ["scale.allowance_sync_seconds=1"]);
    expect(row(d, "allowance_overshoot_share")?.value).toBeGreaterThan(0.04);
    expect(d.coherence.map((c) => c.rule)).toContain("stated-bound-exceeded");
  });
});

describe("a stated ratio no model computes becomes the items a day it allows", () => {
  it("duplicates a day at the stated share of the stated rate", () => {
    const d = design("Design an SMS relay that sends 20,000 messages per second with no more than 0.1% duplicates.");
    const r = row(d, "duplicate_allowed_per_day");
    expect(r?.value).toBeCloseTo(0.001 * 20000 * 86400, 3);
    expect(d.coherence.filter((c) => c.rule === "stated-number-unused")).toEqual([]);
  });

  it("an overshoot no limiter model computes is said per the stated quota window, which is then read", () => {
    const d = design(
      "Design a usage-metering service for a GPU cloud where each tenant's hourly limit may be overshot by no more than 2%.",
    );
    // the limiter the bound asks for computes the overshoot share against it; else the stated use says it per window
    const r =
      d.capacity.find((x) => x.id === "allowance_overshoot_share") ??
      d.capacity.find((x) => x.id === "overshoot_allowed_per_window");
    expect(r?.inputs.find((i) => i.name === "quota_window_seconds")?.value).toBe(3600);
    expect(d.coherence.filter((c) => c.rule === "stated-number-unused")).toEqual([]);
  });
});
