import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const spoken = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((s) => s.text)
    .join(" ");

describe("a 'within N seconds' bound on removal, release or spreading is not a request's latency", () => {
  it("removing a dead member is a detection bound, releasing a dead holder's lock a failover bound", () => {
    for (const [p, id] of [
      [
        "Design a service discovery system like Consul for 50,000 service instances with health checks, removing a dead instance within 10 seconds.",
        "detection_bound_seconds",
      ],
      [
        "Design a service registry for 20,000 instances where failed instances are removed within 5 seconds.",
        "detection_bound_seconds",
      ],
      [
        "Design a cluster membership service that detects a crashed node in under 3 seconds.",
        "detection_bound_seconds",
      ],
      ["Design a lock service that releases a dead holder's lock within 8 seconds.", "failover_seconds"],
      // a caller no longer reaching a dead member is its removal, said from the caller's side
      [
        "Design a health-checked pool of 800 print servers; clients must stop routing jobs to an unhealthy server within 5 seconds.",
        "detection_bound_seconds",
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.latency, p).toEqual([]);
      expect(s.scale.latency_seconds, p).toBeUndefined();
      expect(s.scale[id]?.value, p).toBeGreaterThan(0);
    }
  });

  it("a write findable by its key within a bound is a spreading bound, not a request's latency", () => {
    for (const p of [
      "Design an archive where each uploaded contract must be findable by its number within 2 minutes of upload.",
      "Design a parcel scan store where every scan is retrievable by tracking number within 20 seconds of being taken.",
    ]) {
      const s = parseStatedNfrs(p);
      expect(s.latency, p).toEqual([]);
      expect(s.scale.propagation_seconds?.value, p).toBeGreaterThan(0);
    }
  });

  it("a purge or invalidation taking effect everywhere is a spreading bound", () => {
    for (const p of [
      "Design a CDN serving 10 Tbps of static content from 200 edge locations, where a purge takes effect everywhere within 5 seconds.",
      "Design a CDN where purged content is gone everywhere within 2 seconds.",
      "Design a distributed cache where an invalidation takes effect on every node within 2 seconds.",
      "Design a config service where a config change reaches all 10,000 servers within 5 seconds.",
    ]) {
      const s = parseStatedNfrs(p);
      expect(s.latency, p).toEqual([]);
      expect(s.scale.propagation_seconds?.value, p).toBeGreaterThan(0);
    }
  });

  it("a bound said of every site, server or replica after a change is a spreading bound, a request's own bound is not", () => {
    for (const p of [
      "Design an authoritative name service for 3 million zones where an edited record is answered by every anycast site within 30 seconds.",
      "Design a pricing service where a repriced item is served by all 400 stores within 20 seconds.",
      "Design a rules engine where an amended rule is enforced on every gateway within 15 seconds.",
    ]) {
      const s = parseStatedNfrs(p);
      expect(s.latency, p).toEqual([]);
      expect(s.scale.propagation_seconds?.value, p).toBeGreaterThan(0);
    }
    for (const p of [
      "Design a key-value store where each read is answered within 5 ms.",
      "Design a geocoding service where every request is answered within 40 ms.",
    ]) {
      const s = parseStatedNfrs(p);
      expect(s.scale.propagation_seconds, p).toBeUndefined();
      expect(s.latency.length, p).toBe(1);
    }
  });

  it("a bandwidth in bits a second and a count of edge locations are read", () => {
    const s = parseStatedNfrs(
      "Design a CDN serving 10 Tbps of static content from 200 edge locations, where a purge takes effect everywhere within 5 seconds.",
    );
    expect(s.scale.bytes_per_sec?.value).toBe(1.25e12);
    expect(s.scale.nodes?.value).toBe(200);
    expect(s.unread).toEqual([]);
  });
});

describe("the bound is budgeted along the mechanism that meets it, and a design past it is flagged", () => {
  it("a removal bound picks the heartbeat interval and holds detection plus notification to it", () => {
    const d = design(
      "Design a service discovery system like Consul for 50,000 service instances with health checks, removing a dead instance within 10 seconds.",
    );
    const removal = row(d, "removal_time");
    expect(removal?.bound).toEqual({ quantity: "detection_bound_seconds", value: 10 });
    expect(removal?.value).toBeLessThan(10);
    expect(row(d, "detection_seconds")?.value).toBeLessThan(10);
    expect(rules(d)).not.toContain("stated-bound-exceeded");
    expect(spoken(d)).not.toMatch(/time one request takes along its path/);
    expect(spoken(d)).toMatch(/stated removal bound is 10 seconds/);
  });

  it("a stated heartbeat whose missed beats exceed the removal bound is flagged", () => {
    const d = design(
      "Design a service discovery system for 50,000 service instances that heartbeat every 5 seconds, removing a dead instance within 10 seconds.",
    );
    expect(row(d, "removal_time")?.value).toBeGreaterThan(10);
    expect(rules(d)).toContain("stated-bound-exceeded");
  });

  it("a purge everywhere is spent on the wide-area fan-out and chooses invalidation over TTL", () => {
    const d = design(
      "Design a CDN serving 10 Tbps of static content from 200 edge locations, where a purge takes effect everywhere within 5 seconds.",
    );
    const spread = row(d, "change_spread_seconds");
    expect(spread?.bound).toEqual({ quantity: "propagation_seconds", value: 5 });
    expect(spread?.formula).toContain("wide_area_rtt_seconds");
    expect(d.decisions.find((x) => x.id === "i07-freshness")?.chosen).toBe("invalidate");
    // 10 Tbps over 200 sites: 6.25 GB/s (50 Gbit/s) a site
    expect(row(d, "egress_per_node")?.value).toBeCloseTo(6.25e9, -6);
    // the stated bandwidth is said in the prompt's own unit, never its byte count before "Tbps"
    expect(spoken(d)).toMatch(/stated 10 Tbps/);
    expect(spoken(d)).not.toMatch(/trillion Tbps/);
    expect(rules(d)).toEqual([]);
  });

  it("a spreading bound tighter than a round trip between continents is flagged", () => {
    const d = design("Design a CDN where purged content is gone everywhere within 200 ms.");
    expect(rules(d)).toContain("stated-bound-exceeded");
  });

  it("a change reaching the servers of one fleet is spent by the config model's own path (commit + pickup + apply)", () => {
    const d = design("Design a config service where a config change reaches all 10,000 servers within 5 seconds.");
    const spread = row(d, "config_spread_seconds");
    expect(spread?.bound?.quantity).toBe("propagation_seconds");
    expect(spread?.formula).toContain("node_pickup_seconds");
    // the model spends the bound itself, so no generic spread path is added beside it
    expect(row(d, "change_spread_seconds")).toBeUndefined();
  });

  it("a reader's view catching up with a pipeline is not a fan-out", () => {
    const d = design("Design a YouTube view counter: 1 million views per second, shown within 10 seconds.");
    expect(row(d, "change_spread_seconds")).toBeUndefined();
  });
});
