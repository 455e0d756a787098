import { describe, expect, it } from "vitest";
import { stancesAgainstClauses } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

const chosen = (d: ReturnType<typeof design>, point: string) => {
  const row = d.decisions.find((r) => r.id === point);
  return row?.options.find((o) => o.id === row.chosen)?.id;
};

describe("a stated clause or a named system's guarantee overrides a default stance (stance-contradicts-clause)", () => {
  it("a due-time release the prompt says never fires early says drift can only make it late", () => {
    for (const p of [
      "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.",
      "Design a reminder service that never fires a reminder early, for 20 million reminders a day.",
    ]) {
      const d = design(p);
      expect(d.context.clocks, p).toMatch(/late, never early/);
      expect(d.context.clocks, p).not.toMatch(/early or late by the drift is tolerated/);
      expect(
        d.coherence.filter((x) => x.rule === "stance-contradicts-clause"),
        p,
      ).toEqual([]);
    }
  });

  it("flags a clock line that tolerates early firing beside a clause that forbids it", () => {
    const d = design("Design a reminder service that never fires a reminder early, for 20 million reminders a day.");
    const clocks =
      "due times run on the scheduler's clock, and firing a little early or late by the drift is tolerated";
    expect(stancesAgainstClauses({ ...d, context: { ...d.context, clocks } }).map((p) => p.rule)).toEqual([
      "stance-contradicts-clause",
    ]);
  });

  it("a design likened to Bigtable takes its per-row strong consistency, not the archetype's eventual default", () => {
    const d = design(
      "Design a wide-column database like Bigtable that stores 5 PB, serves 10 million reads per second, and splits hot tablets automatically.",
    );
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.sources.consistency?.because).toMatch(/Bigtable/);
    expect(stancesAgainstClauses({ ...d, nfrs: { ...d.nfrs, consistency: "eventual" } }).map((p) => p.detail)).toEqual([
      expect.stringMatching(/names Bigtable, which is linearizable/),
    ]);
    // a stated consistency still wins
    const e = design("Design a wide-column database like Bigtable with eventual consistency that stores 5 PB.");
    expect(e.nfrs.consistency).toBe("eventual");
  });
});

describe("a layer-4 balancer decides L4 and carries it through", () => {
  it("a prompt asking for layer 4 draws L4 forwarders, a flow API and no request retries", () => {
    for (const p of [
      "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends and keeps existing connections on their backend when backends are added or removed.",
      "Design an L4 network load balancer that spreads TCP flows across 500 servers.",
    ]) {
      const d = design(p);
      expect(chosen(d, "i17-layer"), p).toBe("l4");
      expect(d.components.find((c) => c.id === "proxies")?.name, p).toMatch(/L4 forwarders/);
      expect(
        d.api.map((a) => a.operation),
        p,
      ).toContain("forward");
      expect(
        d.api.map((a) => a.operation),
        p,
      ).not.toContain("route");
      expect(JSON.stringify([d.api, d.failures]), p).not.toMatch(/idempoten/i);
    }
  });

  it("an L7 tier behind an L4 tier draws the L4 tier", () => {
    const d = design("Design an API gateway that routes 2 million HTTP requests per second by path to 300 services.");
    if (chosen(d, "i17-layer") === "l4-then-l7") {
      expect(d.components.map((c) => c.id)).toContain("l4-tier");
      expect(d.links.some((l) => l.to.endsWith("l4-tier"))).toBe(true);
    }
    expect(chosen(d, "i17-layer")).not.toBe("l4");
  });
});
