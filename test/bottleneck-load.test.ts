import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import type { BottleneckRow } from "../src/engine/design/types.js";
import { rankBottlenecks } from "../src/engine/fields/bottleneck-load.js";
import { FEATURES } from "../src/knowledge/features/index.js";
import { writeScript } from "../src/render/script/index.js";

const row = (name: string, share: number | undefined, extra: Partial<BottleneckRow> = {}): BottleneckRow => ({
  bottleneck: name,
  mitigation: "m",
  archetype: "I02",
  rank: "next",
  ...(share === undefined
    ? {}
    : {
        ceiling: {
          figure: `${name}_headroom`,
          kind: "headroom",
          load: name,
          per: "leader",
          input: "leader_writes_per_sec",
          value: 10000,
          unit: "writes/s",
          source: "assumed",
          because: "not stated; assumed",
          share,
        },
      }),
  ...extra,
});

describe("the bottleneck ranking is the engine's, with its reasons", () => {
  it("puts first a row of the same archetype that loads the same unit closer to its ceiling", () => {
    const ranked = rankBottlenecks([row("keepalives", 0.05), row("other", undefined), row("lease_writes", 0.3)], "I02");
    expect(ranked.map((r) => r.bottleneck)).toEqual(["lease_writes", "keepalives", "other"]);
    expect(ranked[0]?.rank).toBe("first hotspot");
    expect(ranked[0]?.why).toEqual({
      code: "closest-to-shared-ceiling",
      refs: ["lease_writes_headroom", "keepalives_headroom"],
    });
    expect(ranked.slice(1).every((r) => r.rank === "next")).toBe(true);
    // another unit, or another archetype, is never a rival
    const apart = rankBottlenecks([row("a", 0.05), row("b", 0.9, { archetype: "I01" })], "I02");
    expect(apart[0]?.bottleneck).toBe("a");
    expect(apart[0]?.why?.code).toBe("dominant-first");
    expect(apart[1]?.why?.code).toBe("supporting-first");
  });

  it("puts first the row the prompt's numbers sized", () => {
    const stated = row("stated", undefined, { estimate: "x = a ≈ 1, with a = 5 ('5 leases')" });
    const ranked = rankBottlenecks([row("first", undefined), stated], "I02");
    expect(ranked[0]?.bottleneck).toBe("stated");
    expect(ranked[0]?.why?.code).toBe("sized-by-prompt");
  });

  it("puts a load in the prompt's own measure ahead of one an assumed ratio turned into another measure", () => {
    // a cache that is its own store replicates its writes (one in front of a database leaves that to the database)
    const cache = design("Design a distributed cache serving 1 million reads per second");
    // the writes come from the stated reads through an assumed read-to-write ratio; the misses are reads
    expect(cache.bottlenecks[0]?.load?.figure).toBe("origin_requests_per_sec");
    expect(cache.bottlenecks[0]?.why).toEqual({
      code: "sized-by-prompt",
      refs: ["origin_requests_per_sec", "reads_per_sec"],
    });
    const writes = cache.bottlenecks.find((b) => b.load?.figure === "replica_writes");
    expect(writes?.rank).toBe("next");
  });

  it("sizes a full list pushed to watchers by the entries in one list, not by the registry's node count", () => {
    const consul = design("Design a service discovery and configuration system like Consul for 5,000 services");
    const lists = consul.bottlenecks.find((b) => /^Full member lists/.test(b.bottleneck));
    expect(lists?.formula).toContain("instances_per_service");
    expect(lists?.formula).not.toMatch(/registry_nodes|\* nodes\b/);
  });

  it("counts in Little's law the failing calls that stay open for the stated retry window", () => {
    const hooks = design("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
    const open = hooks.capacity.find((c) => c.id === "open_instances");
    const backlog = hooks.capacity.find((c) => c.id === "retry_backlog");
    expect(open?.value).toBeCloseTo(backlog?.value ?? 0, -3);
    expect(open?.inputs.find((i) => i.name === "open_seconds")?.because).toMatch(/derived as failed_share/);
    // without a stated window the typical task time stays
    const pay = design("Design a payment processing service");
    expect(
      pay.capacity.find((c) => c.id === "open_instances")?.inputs.find((i) => i.name === "open_seconds")?.value,
    ).toBe(10);
  });

  it("carries each bottleneck's load, its ceiling with source, and its share", () => {
    const lock = design("Design a distributed lock service");
    const hot = lock.bottlenecks[0];
    expect(hot?.ceiling?.per).toBe("leader");
    expect(hot?.ceiling?.source).toBe("assumed");
    expect(hot?.ceiling?.share).toBeCloseTo(0.3, 2);
    // the load is an even split of the total the ceiling divides
    expect(hot?.load?.figure).toBe("writes_per_group");
    expect(hot?.ceiling?.load).toBe("peak_lease_writes");
    const pay = design("Design a payment system that charges cards exactly once");
    expect(pay.bottlenecks[0]?.ceiling).toMatchObject({ per: "primary", input: "primary_writes_per_sec" });
    const provider = pay.bottlenecks.find((b) => b.ceiling?.per === "account");
    expect(provider?.ceiling?.share).toBeCloseTo(15, 5);
    for (const d of [lock, pay])
      for (const b of d.bottlenecks) {
        expect(b.why, b.bottleneck).toBeDefined();
        if (b.ceiling) expect(d.capacity.some((c) => c.id === b.ceiling?.figure)).toBe(true);
      }
  });
});

describe("a product feature's own load ranks by the work it is for one unit", () => {
  const rate = (name: string, value: number, extra: Partial<BottleneckRow> = {}): BottleneckRow => ({
    bottleneck: name,
    mitigation: "m",
    archetype: "I16",
    rank: "next",
    load: { figure: name, value, unit: "writes/s" },
    ...extra,
  });

  it("leads with a feature's load an order of magnitude heavier than the first row, else follows it", () => {
    const hotKey = rate("hot_key_ops", 3000);
    const location = rate("location_updates_per_sec", 250000);
    const pushes = rate("peak_pushes_per_sec", 20000);
    const feature = (r: BottleneckRow) => r === location || r === pushes;
    const ranked = rankBottlenecks([location, pushes, hotKey], "I16", feature);
    expect(ranked.map((r) => r.bottleneck)).toEqual(["location_updates_per_sec", "hot_key_ops", "peak_pushes_per_sec"]);
    expect(ranked[0]?.why).toEqual({
      code: "feature-load",
      refs: ["location_updates_per_sec", "store_node_ops_per_sec"],
    });
    expect(ranked[1]?.why?.code).toBe("dominant-first");
    // a first row with no comparable load: a feature leads when it is more than one store node's work
    const noLoad: BottleneckRow = { bottleneck: "card row", mitigation: "m", archetype: "I16", rank: "next" };
    expect(rankBottlenecks([pushes, noLoad], "I16", feature)[0]?.bottleneck).toBe("card row");
    expect(rankBottlenecks([location, noLoad], "I16", feature)[0]?.bottleneck).toBe("location_updates_per_sec");
  });

  it("names the computed feature load as the first hotspot, and the script says that number", () => {
    const uber = design("Design a ride-hailing app like Uber");
    expect(uber.bottlenecks[0]?.load?.figure).toBe("location_updates_per_sec");
    expect(uber.bottlenecks[0]?.why?.code).toBe("feature-load");
    const twitter = design("Design Twitter's home timeline");
    expect(twitter.bottlenecks[0]?.load?.figure).toBe("fanout_writes_per_sec");
    for (const d of [uber, twitter]) {
      const hot = d.capacity.find((c) => c.id === d.bottlenecks[0]?.load?.figure);
      const said = writeScript(d, { minutes: 45 }).steps.flatMap((s) => s.sentences);
      expect(said, d.prompt).toContain(`The hottest number is ${hot?.quantity}.`);
    }
    // an infrastructure prompt keeps its archetype's order: no product feature leads it
    const cache = design("Design a read-through cache like Memcached at Facebook scale.");
    expect(cache.bottlenecks[0]?.why?.code).not.toBe("feature-load");
  });

  it("every feature hotspot is measured by a figure of the feature's own capacity model", () => {
    for (const f of FEATURES)
      if (f.hotspot) {
        // a hotspot marked with a topic is measured by that topic's capacity model (a booking's on-sale crowd)
        const topic = f.hotspot.topic;
        const model = (topic && f.capacity?.topics?.[topic]) || f.capacity;
        expect(
          model?.figures.map((x: { id: string }) => x.id),
          f.id,
        ).toContain(f.hotspot.figure);
      }
  });
});
