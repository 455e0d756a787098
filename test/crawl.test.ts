import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const CRAWLER = "Design a web crawler that fetches 1 billion pages a month while staying polite to every host";
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("a crawl of other people's sites is held to politeness on the fetch path", () => {
  const d = design(CRAWLER);

  it("makes per-host politeness the hard rule, kept by the host's owning frontier partition, failing closed", () => {
    expect(d.invariants[0]?.statement).toMatch(/more than one fetch in flight/);
    expect(d.invariants[0]?.statement).toMatch(/partition that holds its HostState/);
    expect(d.invariants.some((i) => /robots\.txt/.test(i.statement))).toBe(true);
    const host = d.primaryState.find((r) => r.entity === "HostState");
    expect(host?.availability.value).toBe("fail-closed");
    expect(d.dataModel.find((m) => m.entity === "HostState")?.fields).toContain("next_allowed_fetch_at");
    // the pass over a keyspace and its shard leases are not a crawl's state
    expect(d.primaryState.map((r) => r.entity)).not.toContain("ScanShard");
  });

  it("draws no limiter on its own API and no lease service: the frontier's back queues are both", () => {
    expect(d.components.filter((c) => c.archetype === "I08" || c.archetype === "I02")).toEqual([]);
    expect((d.archetypes[0]?.covers ?? []).map((c) => c.id).sort()).toEqual(["I02", "I08"]);
    expect(d.decisions.map((x) => x.id)).toContain("i04-crawl-partitioning");
    const drawn = JSON.stringify([d.components, d.links, d.dataModel, d.primaryState, d.failures, d.invariants]);
    expect(drawn).not.toMatch(/fails? open|last_fence|Waiter|Lease\b/);
  });

  it("sizes hosts in rotation from the stated rate (self-paced: no peak factor) and the per-host delay", () => {
    const hosts = d.capacity.find((c) => c.id === "hosts_in_rotation");
    const rate = hosts?.inputs.find((i) => i.name === "items_per_sec");
    const delay = hosts?.inputs.find((i) => i.name === "host_delay_seconds");
    expect(rate?.source).toBe("stated");
    expect(Math.abs((hosts?.value ?? 0) - ((1e9 * 12) / (365 * 86400)) * (delay?.value ?? 0))).toBeLessThan(1);
    expect(hosts?.inputs.find((i) => i.name === "peak_factor")?.value).toBe(1);
    for (const id of ["fetch_bandwidth", "pages_bytes_per_day", "seen_lookups", "dns_lookups"])
      expect(d.capacity.map((c) => c.id)).toContain(id);
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/^Politeness/);
  });

  it("is coherent, and its script never derives the stated rate from itself", () => {
    expect(checkCoherence(d)).toEqual([]);
    const text = writeScript(d, { minutes: 45 })
      .steps.map((s) => s.text)
      .join(" ");
    expect(text).not.toMatch(/times 1 billion pages a month/);
  });

  it("says a stated rate the hottest figure only reads back once, never derived from itself", () => {
    const d2 = design("Design a system that revisits 1 billion pages a month from a saved cursor");
    const text = writeScript(d2, { minutes: 45 })
      .steps.map((s) => s.text)
      .join(" ");
    expect(text).toMatch(/which is the stated 381 pages a second/);
    expect(text).not.toMatch(/times 1 billion pages a month|over 1 billion pages a month/);
  });

  it("keeps a sweep over our own keyspace a checkpointed pass", () => {
    const sweep = design(
      "Re-validate every record of our 2 billion row table once a day, resuming from the last checkpoint",
    );
    expect(sweep.archetypes[0]?.id).toBe("I04");
    expect(sweep.primaryState.map((r) => r.entity)).toContain("ScanShard");
    expect(sweep.invariants.some((i) => /ScanPass is marked complete/.test(i.statement))).toBe(true);
  });

  it("checks a lease's fencing token at a store we own, never at the websites", () => {
    const leased = design(
      "Design a web crawler where each site's part of the frontier is leased to one crawler at a time.",
    );
    const outside = leased.components.filter((c) => c.kind === "external");
    expect(outside.length).toBeGreaterThan(0);
    for (const c of outside) expect([...c.holds, ...c.runs].join(" ")).not.toMatch(/fence|token|ProtectedResource/i);
    expect(rules(leased)).not.toContain("fence-at-outsider");
  });
});

describe("crawl coherence rules go red when broken", () => {
  it("a fencing token checked by an outside party", () => {
    const d = structuredClone(design(CRAWLER));
    const site = d.components.find((c) => c.kind === "external");
    if (!site) throw new Error("no outside party");
    site.runs = [...site.runs, "token check against last_fence"];
    expect(rules(d)).toContain("fence-at-outsider");
  });

  it("politeness drawn as a limiter in front of the design's own API", () => {
    const d = structuredClone(design(CRAWLER));
    const client = d.components.find((c) => c.kind === "client");
    if (!client) throw new Error("no client");
    d.components.push({
      id: "limiter",
      name: "Limiter (gateway or sidecar)",
      kind: "gateway",
      archetype: "I08",
      holds: [],
      runs: ["admit or reject"],
      because: "test",
    });
    d.links.push({ from: client.id, to: "limiter", kind: "request", label: "request" });
    expect(rules(d)).toContain("politeness-off-fetch-path");
  });
});

describe("politeness holds for the unit the prompt names: a site (registrable domain) or a host", () => {
  const SITE = [
    "Design a web crawler that fetches 1 billion pages a month and never hits one site more than once a second",
    "Design a web crawler for 2 billion pages a month that sends at most one request per second per domain",
    "Build a crawler that indexes 500 million pages a week while staying polite: no website should see more than one request every two seconds",
    "Design a search engine crawler fetching 50 million pages a day with no more than one request a second to any single domain",
  ];
  const HOST = [
    "Design a web crawler that fetches 1 billion pages a month and never hits one host more than once a second",
    "Design a web crawler that fetches 1 billion pages a month",
  ];

  it.each(SITE)("keys politeness, the frontier's partitions and the data model by registrable domain: %s", (p) => {
    const d = design(p);
    const state = d.dataModel.find((m) => m.entity === "SiteState");
    expect(state?.key).toEqual(["site"]);
    expect(state?.partitionKey).toMatch(/registrable domain/);
    expect(d.dataModel.find((m) => m.entity === "FrontierItem")?.partitionKey).toMatch(/^site/);
    expect(d.dataModel.map((m) => m.entity)).not.toContain("HostState");
    expect(d.invariants[0]?.statement).toMatch(/^No site ever has more than one fetch in flight/);
    const choice = d.decisions.find((x) => x.id === "i04-crawl-site-partitioning");
    expect(choice?.chosen).toBe("by-site");
    // the reason names the rule and quotes the prompt's words that set the unit
    expect(choice?.because).toMatch(/registrable domain/);
    expect(choice?.because).toMatch(/the prompt says '[^']*(?:site|domain|website)/i);
    expect(d.decisions.map((x) => x.id)).not.toContain("i04-crawl-partitioning");
    // robots.txt and name resolution stay per host: each host serves its own file, DNS answers host names
    expect(state?.fields).toContain("robots_rules_by_host");
    expect(d.components.find((c) => c.id === "dns-cache")?.name).toMatch(/host addresses/);
    expect(rules(d)).toEqual([]);
  });

  it.each(HOST)("keeps politeness per host where the prompt says host or names no unit: %s", (p) => {
    const d = design(p);
    expect(d.dataModel.find((m) => m.entity === "HostState")?.key).toEqual(["host"]);
    expect(d.dataModel.map((m) => m.entity)).not.toContain("SiteState");
    expect(d.decisions.find((x) => x.id === "i04-crawl-partitioning")?.chosen).toBe("by-host");
  });
});
