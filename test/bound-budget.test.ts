import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { BOUND_MARGIN } from "../src/knowledge/capacity/latency.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const spoken = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((s) => s.text)
    .join(" ");
/** A copy of a design that a test may change (designs are read-only). */
const editable = (d: Design): Design => structuredClone(d);

describe("a stated latency is spent over the path's costed steps, with headroom", () => {
  it("a bound on firing is spent from the due time to the run's start, not along a client's request (a cron service)", () => {
    for (const p of [
      "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
      "Design a job scheduler where every scheduled task starts within 3 seconds of its due time.",
    ]) {
      const d = design(p);
      const path = row(d, "request_path_seconds");
      expect(path?.bound?.quantity, p).toBe("latency_seconds");
      for (const step of ["poll_interval_seconds", "claim_write_seconds", "dispatch_seconds"])
        expect(path?.formula, p).toContain(step);
      expect(path?.formula, p).not.toContain("client_rtt_seconds");
      expect(rules(d), p).not.toContain("bound-without-headroom");
      expect(spoken(d), p).toMatch(/waiting for its shard's next poll/);
      expect(spoken(d), p).not.toMatch(/the client's round trip/);
      // the runs are spread over hash shards of the due index, never one time bucket per primary
      const run = d.dataModel.find((e) => e.entity === "Run");
      expect(run?.partitionKey, p).toMatch(/^hash\(/);
    }
  });

  it("a feature that knows its path spends the bound step by step (a feed page)", () => {
    const d = design("Design a social news feed for 50 million daily users, with the feed loading in under 300 ms");
    const path = row(d, "request_path_seconds");
    expect(path?.bound?.quantity).toBe("latency_seconds");
    for (const step of ["client_rtt_seconds", "cache_read_seconds", "hydrate_seconds", "merge_rank_seconds"])
      expect(path?.formula).toContain(step);
    // every step carries its reason
    for (const i of path?.inputs ?? []) expect(i.because.length).toBeGreaterThan(20);
    // the parts fill at most the planned share of the bound
    expect(path?.value ?? 1).toBeLessThanOrEqual(0.3 * (1 - BOUND_MARGIN.planned));
    expect(row(d, "latency_spare_seconds")?.value).toBeCloseTo(0.3 - (path?.value ?? 0), 6);
    expect(rules(d)).toEqual([]);
    const said = spoken(d);
    expect(said).toMatch(/The stated latency target is 300 milliseconds/);
    expect(said).toMatch(/to fetch the page's posts/);
    expect(said).toMatch(/percent of the bound, spare for a slow step/);
    expect(said).not.toMatch(/still to be budgeted/);
    // the feature's usual promise gives way to the stated latency: one read, one latency
    const nfrs = d.features.flatMap((f) => f.nfrs).join("\n");
    expect(nfrs).toMatch(/loads within the stated 300 ms/);
    expect(nfrs).not.toMatch(/well under a second/);
  });

  it("any other design spends a client's path: round trip, gateway, service, store read", () => {
    const d = design("Design a URL shortener that redirects 100,000 requests per second within 100 ms");
    const path = row(d, "request_path_seconds");
    expect(path?.formula).toBe(
      "request_path_seconds = client_rtt_seconds + gateway_seconds + service_seconds + store_read_seconds",
    );
    expect(path?.value).toBeCloseTo(0.037, 6);
    expect(rules(d)).toEqual([]);
  });

  it("a search query scatters to every shard and waits for the slowest, then merges", () => {
    const d = design("Design a product search service answering 20,000 queries per second within 200 ms");
    const path = row(d, "request_path_seconds");
    expect(path?.formula).toContain("shard_search_seconds");
    expect(path?.formula).toContain("merge_rank_seconds");
    expect(rules(d)).toEqual([]);
  });

  it("a target tighter than a client's round trip is a call from inside the region", () => {
    const d = design("Design a key-value cache answering 1 million reads per second with p99 latency under 10 ms");
    const path = row(d, "request_path_seconds");
    expect(path?.formula).toContain("in_region_rtt_seconds");
    expect(path?.formula).not.toContain("client_rtt_seconds");
    expect(path?.value ?? 1).toBeLessThan(0.01 * (1 - BOUND_MARGIN.least));
  });

  it("a time-series query scans its points on queriers in parallel, within the bound", () => {
    const d = design(
      "Design a time-series database for factory sensors ingesting 500,000 points per second and answering last-24-hour queries in under 2 seconds",
    );
    const path = row(d, "request_path_seconds");
    expect(path?.formula).toContain("query_scan_seconds");
    expect(path?.formula).toContain("block_fetch_seconds");
    const scan = path?.inputs.find((i) => i.name === "query_scan_seconds");
    expect(scan?.because).toMatch(/scan_points_per_sec \* query_splits/);
    expect(rules(d)).toEqual([]);
  });

  it("flags a stated latency no costed steps spend", () => {
    const d = editable(design("Design a URL shortener that redirects 100,000 requests per second within 100 ms"));
    expect(rules(d)).not.toContain("latency-unbudgeted");
    d.capacity = d.capacity.filter((r) => r.id !== "request_path_seconds");
    expect(rules(d)).toContain("latency-unbudgeted");
  });
});

describe("a freshness bound is met with headroom, never at equality", () => {
  it("a shown count's flush and cache time to live leave the planned share of the bound spare", () => {
    const d = design(
      "Design a like counter for a social app: 200,000 likes per second, counts visible within 6 seconds",
    );
    const visible = row(d, "count_visible_seconds");
    expect(visible?.bound?.value).toBe(6);
    expect(visible?.value).toBeCloseTo(6 * (1 - BOUND_MARGIN.planned), 6);
    expect(visible?.inputs.find((i) => i.name === "bound_headroom")?.value).toBe(BOUND_MARGIN.planned);
    expect(rules(d)).toEqual([]);
    const said = spoken(d);
    expect(said).toMatch(/The stated freshness bound is 6 seconds/);
    expect(said).toMatch(/percent of the bound, spare for a slow step/);
    expect(said).not.toMatch(/no headroom/);
  });

  it("a searchable-within bound sets the index refresh so capture, log, write and refresh keep headroom", () => {
    // a tight bound sets the refresh from what the other stages leave of its planned share; a loose one keeps the
    // usual one-second refresh (not a refresh that spends the whole bound on a routine step)
    for (const [bound, refreshes] of [
      [30, 1],
      [2, 0.8],
    ] as const) {
      const d = design(`Design a document index where new documents are searchable within ${bound} seconds`);
      const visible = row(d, "copy_fresh_seconds");
      expect(visible?.bound?.value).toBe(bound);
      expect(visible?.value).toBeLessThanOrEqual(bound * (1 - BOUND_MARGIN.planned) + 1e-9);
      expect(visible?.inputs.find((i) => i.name === "refresh_seconds")?.value).toBeCloseTo(refreshes, 6);
      expect(row(d, "shard_refreshes")?.formula).toContain("refresh_seconds");
      expect(rules(d)).toEqual([]);
    }
  });

  it("flags a time planned at its bound with no headroom", () => {
    const d = editable(
      design("Design a like counter for a social app: 200,000 likes per second, counts visible within 6 seconds"),
    );
    const visible = d.capacity.find((r) => r.id === "count_visible_seconds");
    if (visible) visible.value = 6;
    expect(rules(d)).toContain("bound-without-headroom");
  });

  it("a failover planned with a fifth of its bound spare keeps enough headroom", () => {
    const d = design("Design a leader election service for 2,000 microservices that fails over within 5 seconds");
    expect(row(d, "failover_time")?.value).toBeCloseTo(4, 6);
    expect(rules(d)).not.toContain("bound-without-headroom");
    // the spare is said once, with its share of the bound
    const said = spoken(d);
    expect(said.match(/That leaves/g)?.length).toBe(1);
    expect(said).toMatch(/20 percent of the bound, spare for a missed keep-alive/);
  });
});

describe("bound words read in their right kind", () => {
  it("shown, available, searchable or reflected within a time is a freshness bound, not a request latency", () => {
    for (const p of [
      "Design a like counter where likes are shown within 5 seconds",
      "Design a document store where new documents are available within 5 seconds",
      "Design a log search system where logs are searchable within 5 seconds",
      "Design a profile service where edits are reflected within 5 seconds",
    ]) {
      const n = parseStatedNfrs(p);
      expect(n.scale.propagation_seconds?.value, p).toBe(5);
      expect(n.latency, p).toEqual([]);
    }
    // a page that shows results within a time is still a request's latency
    expect(parseStatedNfrs("Design a search page that shows results within 200 ms").latency[0]?.ms).toBe(200);
  });

  it("a plural subject that holds up to N people states the most one subject holds, not the users", () => {
    const rooms = parseStatedNfrs(
      "Design a chat service for 10 million users where rooms hold up to 500 members",
    ).scale;
    expect(rooms.max_participants?.value).toBe(500);
    expect(rooms.users?.value).toBe(1e7);
    const channels = parseStatedNfrs("Design a team chat where channels can have up to 10,000 members").scale;
    expect(channels.max_participants?.value).toBe(10000);
    expect(channels.users).toBeUndefined();
    // people the product itself has are its users
    expect(parseStatedNfrs("Design a forum that has up to 10,000 members").scale.users?.value).toBe(10000);
  });
});
