import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

/**
 * Parts a design carries only where what they come from is the design's: a rejected option's rows, a subject's
 * rows where the prompt is about another subject, the database's own replication behind a look-aside cache, a
 * substrate's second question in a feature-led design.
 */
const clone = (d: Design): Design => structuredClone(d);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const failures = (d: Design) => d.failures.map((f) => `${f.failure} ${f.prevention}`).join("\n");

const CACHE_ASIDE = "Design a distributed cache in front of a user-profile database serving 1 million reads per second";

describe("a look-aside cache in front of a database", () => {
  it("decides and fails as a cache tier, not as the replicated store behind it", () => {
    for (const p of [CACHE_ASIDE, "Design a caching layer in front of a MySQL product catalog database"]) {
      const d = design(p);
      const ids = d.decisions.map((x) => x.id);
      expect(ids, p).not.toContain("i16-replication");
      expect(ids, p).not.toContain("i16-ack");
      expect(
        d.mechanisms.map((m) => m.id),
        p,
      ).not.toContain("async-replication");
      expect(failures(d), p).not.toMatch(/last-writer-wins|lagging replica answers|some edges|DNS/);
      // the cache tier is the design's own subject: its stale-fill and cold-node rows are there
      expect(failures(d), p).toMatch(/lands after the invalidation/);
      expect(d.checklist.find((c) => /holder crashes/.test(c.question))?.complete, p).toBe(true);
      expect(d.bottlenecks.map((b) => b.bottleneck).join("\n"), p).not.toMatch(/Replication write amplification/);
      const kept = d.primaryState.map((r) => r.description).join("\n");
      expect(kept, p).not.toMatch(/siblings|vector clock/);
      expect(rules(d), p).toEqual([]);
    }
  });

  it("a cache that is its own store still decides how it replicates", () => {
    const d = design("Design a distributed cache serving 1 million reads per second");
    expect(d.decisions.map((x) => x.id)).toContain("i16-ack");
  });
});

describe("a chosen option leaves out the rejected option's rows, figures and calls", () => {
  // a bare product over a cache cluster (a URL shortener was this example until the short-links feature modelled it)
  const SHORT = "Design a pastebin handling 100k reads per second";
  // codes asked as generation: the sequence card leads and leases blocks
  // an I09 design of its own (a URL shortener is built from its short-links feature, which decides its codes itself)
  const CODES = "Design an ID service that hands out 20,000 short unique codes per second, each code unique.";

  it("a cache cluster has no edge purge fan-out, DNS steering or edge egress; an edge fleet keeps them", () => {
    const d = design(SHORT);
    expect(d.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("cluster");
    expect(d.capacity.map((c) => c.id)).not.toContain("purges_per_sec");
    expect(d.bottlenecks.map((b) => b.bottleneck).join("\n")).not.toMatch(/every edge|edge egress|edge storage/);
    expect(failures(d)).not.toMatch(/some edges|DNS answers/);
    expect(d.api.map((a) => a.operation)).not.toContain("purge status");
    const cdn = design("Design a CDN for images handling 100k requests per second");
    expect(cdn.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("edge");
    expect(cdn.capacity.map((c) => c.id)).toContain("purges_per_sec");
    expect(cdn.bottlenecks.map((b) => b.bottleneck).join("\n")).toMatch(/every edge/);
    expect(cdn.api.map((a) => a.operation)).toContain("purge status");
  });

  it("only the deciding archetype's rows are left out: a social graph's edge storage is no cache's edge site", () => {
    const d = design("Design Facebook with a read-through cache like Memcached in front of the social graph.");
    // a cluster by key beside the services, the read-through kind the prompt asks for: no edge site
    expect(d.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("read-through");
    expect(d.capacity.map((c) => c.id)).toContain("edge_bytes_total");
    expect(rules(d)).not.toContain("decision-contradicted");
  });

  it("leased id blocks have no worker-id space figure and no clock-step failure", () => {
    const d = design(CODES);
    expect(d.decisions.find((x) => x.id === "i09-scheme")?.chosen).toBe("leased-blocks");
    expect(d.capacity.map((c) => c.id)).not.toContain("worker_id_share");
    expect(failures(d)).not.toMatch(/clock steps backwards|share a worker id/);
    expect(d.dataModel.map((m) => m.entity)).not.toContain("WorkerIdLease");
  });

  it("a central budget store has no allowance-sync hotspot; local allowances keep it", () => {
    const p =
      "Design a distributed rate limiter for a public API that allows each API key 1,000 requests per minute across 30 gateway nodes";
    const d = design(p);
    expect(d.decisions.find((x) => x.id === "i08-enforcement")?.chosen).toBe("central-store");
    expect(d.bottlenecks.map((b) => b.bottleneck).join("\n")).not.toMatch(/holds an allowance/);
    const local = design(p, ["decision.i08-enforcement=local-allowance"]);
    expect(local.bottlenecks.map((b) => b.bottleneck).join("\n")).toMatch(/holds an allowance/);
  });

  it("the rule catches a figure or a bottleneck in the words the chosen option excludes", () => {
    const d = clone(design(SHORT));
    expect(rules(d)).not.toContain("decision-contradicted");
    const figure = d.capacity[0];
    if (!figure) throw new Error("no figure");
    d.capacity.push({
      ...figure,
      archetype: "I07",
      id: "purges_per_sec",
      quantity: "invalidations delivered to every cache site",
    });
    expect(rules(d)).toContain("decision-contradicted");
    const e = clone(design(SHORT));
    const b = e.bottlenecks[0];
    if (!b) throw new Error("no bottleneck");
    e.bottlenecks.push({ ...b, archetype: "I07", bottleneck: "purge fan-out to every edge node" });
    expect(rules(e)).toContain("decision-contradicted");
  });
});

describe("a work queue is not a log read by consumer groups", () => {
  it("has no group coordinator, rebalance, segment or consumer-group rows", () => {
    const d = design("Design a distributed task queue with at-least-once processing and visibility timeouts");
    const text = [
      ...d.overlay.map((o) => `${o.driver} ${o.unit} ${o.worker} ${o.state}`),
      ...d.bottlenecks.map((b) => b.bottleneck),
      ...d.technology.flatMap((t) => t.choices.map((c) => `${c.product} ${c.fits}`)),
    ].join("\n");
    expect(text).not.toMatch(/group coordinator|rebalanc|segment files|consumer group/i);
    expect(d.overlay.find((o) => o.archetype === "I05")?.driver).toMatch(/visibility timeout/);
    // a log keeps them
    const log = design("Design a distributed message queue like Kafka.");
    expect(log.overlay.find((o) => o.archetype === "I05")?.driver).toMatch(/group coordinator/);
    expect(log.bottlenecks.map((b) => b.bottleneck).join("\n")).toMatch(/consumer group/);
  });
});
