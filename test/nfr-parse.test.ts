import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";

const scale = (p: string) => Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, v.value]));

describe("stated NFRs", () => {
  it("reads delivery semantics in the ways people write them", () => {
    expect(parseStatedNfrs("process each payment exactly once").delivery?.value).toBe("exactly-once");
    expect(parseStatedNfrs("a refund must never be charged twice").delivery?.value).toBe("exactly-once");
    expect(parseStatedNfrs("at-least-once delivery to consumers").delivery?.value).toBe("at-least-once");
    expect(parseStatedNfrs("metrics samples are at most once; fine to drop").delivery?.value).toBe("at-most-once");
    expect(parseStatedNfrs("a cache in front of the database").delivery).toBeUndefined();
  });

  it("reads consistency, availability and ordering", () => {
    const a = parseStatedNfrs("a strongly consistent metadata store that must fail closed, ordered per key");
    expect(a.consistency?.value).toBe("linearizable");
    expect(a.availability?.value).toBe("fail-closed");
    expect(a.ordering?.value).toBe("per-key");
    const b = parseStatedNfrs("multi-region last-writer-wins session store that stays available");
    expect(b.consistency?.value).toBe("eventual");
    expect(b.availability?.value).toBe("stay-available");
    expect(b.regions?.value).toBe(2);
    expect(parseStatedNfrs("read-your-writes for profile edits").consistency?.value).toBe("read-your-writes");
    expect(parseStatedNfrs("a globally ordered log").ordering?.value).toBe("global");
    // External consistency (Spanner's term) is strict serializability: linearizable at the least.
    expect(parseStatedNfrs("a SQL database with externally consistent transactions").consistency?.value).toBe(
      "linearizable",
    );
    expect(parseStatedNfrs("transactions with external consistency").consistency?.value).toBe("linearizable");
  });

  it("reads scale numbers in common forms", () => {
    expect(scale("10k rps")).toEqual({ requests_per_sec: 10000 });
    expect(scale("2 million samples per second from 10,000 nodes")).toEqual({ samples_per_sec: 2e6, nodes: 10000 });
    expect(scale("ingest 1 TB/day")).toEqual({ bytes_per_day: 1e12 });
    expect(scale("50M users")).toEqual({ users: 5e7 });
    expect(scale("200,000 leases with 10-second leases")).toEqual({ leases: 200000, lease_seconds: 10 });
    expect(scale("1M messages a minute")).toEqual({ messages_per_sec: 1e6 / 60 });
    expect(scale("replicates across three data centers")).toEqual({ regions: 3 });
    expect(scale("keeps three copies of every file")).toEqual({ replicas: 3 });
  });

  const approx = (p: string) =>
    Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, +v.value.toPrecision(4)]));

  /** Phrasings people actually write, and what each must read as. */
  const TABLE: [string, Record<string, number>][] = [
    ["10k rps and 5M users", { requests_per_sec: 10000, users: 5e6 }],
    ["50k writes and 200k reads per second", { writes_per_sec: 50000, reads_per_sec: 200000 }],
    ["twenty thousand messages per second", { messages_per_sec: 20000 }],
    ["10 000 users", { users: 10000 }],
    ["3.2e6 events per day", { messages_per_sec: 37.04 }],
    ["a billion pages a month", { items_per_sec: 380.5, scan_period_seconds: 2628000 }],
    ["100 requests per minute per API key across a fleet of gateways", { requests_per_sec_per_key: 1.667 }],
    ["a per-tenant limit of 1000 requests per second", { requests_per_sec_per_tenant: 1000, quota_window_seconds: 1 }],
    [
      "10M daily active users, each user sends 40 messages a day",
      { users: 1e7, messages_per_sec_per_user: 0.000463, messages_per_user_per_day: 40 },
    ],
    // product activity stated per day: the daily total (or one user's) beside the per-second rate
    [
      "300 million daily active users post 500 million tweets a day",
      { users: 3e8, messages_per_sec: 5787, posts_per_day: 5e8 },
    ],
    [
      "100 million photos a day, each photo about 2 MB",
      { writes_per_sec: 1157, uploads_per_day: 1e8, object_bytes: 2e6, bytes_per_day: 2e14 },
    ],
    ["each user gives 5 kudos per day", { messages_per_sec_per_user: 0.00005787, likes_per_user_per_day: 5 }],
    ["users follow 200 accounts on average", { followers_per_user: 200 }],
    ["each user has 300 followers", { followers_per_user: 300 }],
    ["5 million payments per day", { messages_per_sec: 57.87, transfers_per_day: 5e6 }],
    ["thousands of servers", { nodes: 1000 }],
    ["locks with a 10 second TTL", { lease_seconds: 10 }],
    ["a cache with a 30 s TTL", { ttl_seconds: 30 }],
    ["7 days retention", { retention_days: 7 }],
    ["retain messages for 30 days", { retention_days: 30 }],
    ["config changes must reach every proxy within seconds", { propagation_seconds: 5 }],
    ["heartbeat every 5 seconds", { heartbeat_seconds: 5 }],
    ["store 10 PB of photos, average 2 MB each", { bytes_stored: 1e16, object_bytes: 2e6 }],
    ["1.5k writes/s", { writes_per_sec: 1500 }],
    ["5B events/day", { messages_per_sec: 57870 }],
    // a concurrent count is also the streams open at once (a playback model sizes egress by it)
    ["up to 5 million concurrent connections", { clients: 5e6, concurrent_streams: 5e6 }],
    ["two hundred and fifty nodes", { nodes: 250 }],
    ["500 GB per hour of logs", { bytes_per_day: 1.2e13 }],
    ["tens of millions of keys", { objects: 1e7 }],
    [
      "100M new URLs per day and 10B redirects per month",
      { writes_per_sec: 1157, ids_per_sec: 1157, reads_per_sec: 3805 },
    ],
    ["store 5 years of data", { retention_days: 1825 }],
    ["1 million concurrent users", { clients: 1e6, concurrent_streams: 1e6 }],
    ["10 million concurrent viewers", { clients: 1e7, concurrent_streams: 1e7, open_connections: 1e7 }],
    ["500 million DAU", { users: 5e8 }],
    ["S3 and 2PC with 10x growth", {}],
    ["a leader and a follower", {}],
    ["handle bursts and spikes", {}],
  ];

  it.each(TABLE)("reads %j", (prompt, want) => {
    expect(approx(prompt)).toEqual(want);
  });

  it("never reads 'and' as a unit", () => {
    expect(approx("10k rps and 5M users").requests_per_sec).toBe(10000);
    expect(approx("2k writes and 8k reads per second").writes_per_sec).toBe(2000);
  });

  it("keeps a per-key limit apart from the fleet's traffic", () => {
    const s = approx("100 requests per minute per API key across a fleet of gateways");
    expect(s.requests_per_sec).toBeUndefined();
    expect(s.requests_per_sec_per_key).toBeCloseTo(1.667, 3);
  });

  it("reads latency targets", () => {
    expect(parseStatedNfrs("p99 under 10 ms").latency).toEqual([
      { percentile: "p99", ms: 10, quote: "p99 under 10 ms" },
    ]);
    expect(parseStatedNfrs("lookups within 2 ms").latency[0]?.ms).toBe(2);
    // milliseconds said before a percentile with no word latency, read once where another pattern already took them
    expect(parseStatedNfrs("8,000 predictions per second, 30 ms p99").latency).toEqual([
      { percentile: "p99", ms: 30, quote: "30 ms p99" },
    ]);
    expect(parseStatedNfrs("served under 50 ms p99").latency).toHaveLength(1);
  });

  it("quotes the words each value came from", () => {
    expect(parseStatedNfrs("Design a queue with exactly-once processing").delivery?.quote).toBe("exactly-once");
  });
});

describe("widths and lengths are not amounts", () => {
  it("reads the rate, not the id width", () => {
    const s = parseStatedNfrs(
      "Design a unique ID generator that issues 100k roughly time-ordered 64-bit IDs per second",
    ).scale;
    expect(s.ids_per_sec?.value).toBe(100000);
    const u = parseStatedNfrs("Design a URL shortener with 7-character codes and 100 million new URLs a day").scale;
    expect(Object.values(u).some((v) => v.value === 7)).toBe(false);
  });
});

describe("regions the prompt implies", () => {
  it("reads every region, global and worldwide as more than one region", () => {
    for (const p of [
      "a key-value store that stays writable in every region during a partition",
      "a global rate limiter for all tenants",
      "a session store used worldwide",
      "a config service that survives the loss of a region",
    ])
      expect(parseStatedNfrs(p).regions?.value, p).toBeGreaterThan(1);
    expect(parseStatedNfrs("Design a distributed cache").regions).toBeUndefined();
  });
});

describe("deadlines on a change", () => {
  it("reads 'to 20,000 servers within 5 seconds' as the propagation target, and a latency as none", () => {
    const s = parseStatedNfrs(
      "Design a feature-flag service that pushes flag changes to 20,000 servers within 5 seconds",
    ).scale;
    expect(s.nodes?.value).toBe(20000);
    expect(s.propagation_seconds?.value).toBe(5);
    expect(parseStatedNfrs("an API that must respond within 10 ms").scale.propagation_seconds).toBeUndefined();
  });
});

describe("a stated figure binds to the input that means the same thing", () => {
  const scale = (p: string) => parseStatedNfrs(p).scale;

  it("reads a span of retrying as the retry window, not as a propagation time", () => {
    expect(scale("Design a webhook delivery service that retries failed deliveries for up to 72 hours")).toEqual({
      retry_window_seconds: { value: 259200, quote: "72 hours" },
    });
    expect(scale("Design a webhook system with a 3-day retry window").retry_window_seconds?.value).toBe(259200);
    // a deadline on delivering a change is still how fast it spreads
    expect(scale("Design a config service that delivers changes to every host within 5 seconds")).toHaveProperty(
      "propagation_seconds.value",
      5,
    );
  });

  it("never reads exclusivity ('only one worker') as an amount", () => {
    expect(scale("Design a lease service so only one worker processes each shard at a time.")).toEqual({});
    expect(scale("Design a system where exactly one instance runs the nightly report")).toEqual({});
    expect(scale("Design a pool of 1 worker per shard")).toHaveProperty("workers.value", 1);
  });

  it("never reads machines that may fail at once ('losing any two servers') as the fleet's size", () => {
    for (const p of [
      "Store 12 PB of video masters so that losing any two storage servers at the same time loses nothing.",
      "Design a blob store that must survive the loss of three machines at once.",
      "Design a file store that tolerates up to two failed hosts.",
    ])
      expect(scale(p).nodes, p).toBeUndefined();
    expect(scale("Design a blob store on 400 storage servers.").nodes?.value).toBe(400);
  });

  it("binds services, drivers and couriers to the names the capacity models read", () => {
    const consul = scale("Design a service discovery system like Consul for 5,000 services");
    expect(consul.services?.value).toBe(5000);
    expect(consul.backends?.value).toBe(5000);
    const rides = scale("Design a ride-hailing app with 100,000 drivers");
    expect(rides.moving_objects).toEqual({ value: 100000, quote: "100,000 drivers" });
  });
});

describe("a stated number binds to the head of its noun phrase, as a rate when a time unit follows", () => {
  const rounded = (p: string) =>
    Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, +(v?.value ?? 0).toPrecision(3)]));
  it.each([
    ["a lock service handling 10k lock acquisitions per second", { writes_per_sec: 10000 }],
    ["a lock service handling 10k lock acquisitions a second", { writes_per_sec: 10000 }],
    ["a lock service for 10,000 locks", { leases: 10000 }],
    ["a cache serving 1 million key lookups per second", { reads_per_sec: 1000000 }],
    ["a storage service with 5,000 file uploads per hour", { writes_per_sec: 1.39 }],
    ["a session store for 50k user sessions", { clients: 50000 }],
    ["a config system with 200 config changes per second", { messages_per_sec: 200 }],
    ["a lease service with 10k lease renewals per second", { requests_per_sec: 10000 }],
    ["a registry handling 300 service registrations per second", { writes_per_sec: 300 }],
    ["a discovery system for 5,000 services", { services: 5000, backends: 5000 }],
    ["a job runner with 50,000 job executions per minute", { tasks_per_sec: 833 }],
    ["an event pipeline with 20 million order events per day", { messages_per_sec: 231 }],
    ["a metrics system with 20,000 servers running agents", { nodes: 20000 }],
    ["a feed for 10M daily active users", { users: 10000000 }],
    ["a queue taking 2,000 message acknowledgements per second", { requests_per_sec: 2000 }],
    [
      "a social network where 300 million users post 500 million tweets a day",
      { users: 3e8, messages_per_sec: 5790, posts_per_day: 5e8 },
    ],
  ])("Design %s", (p, want) => {
    expect(rounded(`Design ${p}`)).toEqual(want);
  });
});

describe("an interval, a radius and a bound are read whatever the wording", () => {
  it("reads 'every N seconds' after a paced noun as its interval, however it is said", () => {
    const iot = parseStatedNfrs(
      "Design an IoT telemetry platform for 10 million devices each sending a reading every 10 seconds, queryable within 1 second.",
    );
    expect(iot.scale.scrape_seconds?.value).toBe(10);
    expect(iot.scale.scrape_seconds?.quote).toBe("reading every 10 seconds");
    expect(iot.unread).toEqual([]);
    expect(scale("50,000 hosts each exporting metrics every 15 s").scrape_seconds).toBe(15);
    expect(scale("5M devices, each pushes one sample every minute").scrape_seconds).toBe(60);
    expect(scale("5M devices; each device sends a reading once a minute").scrape_seconds).toBe(60);
  });

  it("turns a count of items each paced by an interval into a rate when no model counts the interval", () => {
    expect(scale("1 million users each posting a message every 10 minutes").messages_per_sec).toBeCloseTo(1e6 / 600);
    expect(scale("ingest 1 million readings every 10 seconds").samples_per_sec).toBe(1e5);
    // a flush interval with no count of its own stays a flush interval
    expect(scale("5 TB of data, flushes events every 10 seconds").scrape_seconds).toBe(10);
  });

  it("reads alert rules and their evaluation interval, and a paging bound", () => {
    const a = parseStatedNfrs(
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
    );
    expect(a.scale.alert_rules?.value).toBe(1e6);
    expect(a.scale.eval_interval_seconds?.value).toBe(30);
    // a bound on paging someone is its own, not a change reaching its readers
    expect(a.scale.page_bound_seconds?.value).toBe(60);
    expect(a.scale.propagation_seconds).toBeUndefined();
    expect(a.unread).toEqual([]);
    const b = scale("1M alert rules evaluated every 30 s, paging on-call within 1 minute");
    expect([b.alert_rules, b.eval_interval_seconds, b.page_bound_seconds]).toEqual([1e6, 30, 60]);
    expect(scale("a monitoring system that alerts the on-call engineer within 2 minutes").page_bound_seconds).toBe(120);
    expect(scale("config changes reach every server within 10 seconds").propagation_seconds).toBe(10);
    const c = scale("an alerting service running two hundred thousand alert rules once every minute");
    expect([c.alert_rules, c.eval_interval_seconds]).toEqual([2e5, 60]);
  });

  it("reads a distance a search reaches as its radius in km", () => {
    const y = parseStatedNfrs(
      "Design Yelp: find nearby businesses within 5 km, 100 million places, 50,000 searches per second.",
    );
    expect(y.scale.radius_km?.value).toBe(5);
    expect(y.unread).toEqual([]);
    expect(scale("find restaurants in a 3-mile radius").radius_km).toBeCloseTo(4.827);
    expect(scale("search places within 800 meters of the user").radius_km).toBeCloseTo(0.8);
  });
});

describe("a negated count of one same thing is exclusivity, not an amount", () => {
  it.each([
    "Design a workflow scheduler that runs 100,000 batch jobs a day and never runs two copies of the same task at once",
    "A cron service where no two replicas of a job run at the same time",
    "A job runner that must not start two copies of a job concurrently",
  ])("%s", (prompt) => {
    const s = parseStatedNfrs(prompt);
    expect(s.scale.replicas).toBeUndefined();
    expect(s.durability?.value).toBeUndefined();
  });
  it("a stated copy count still sizes", () => {
    const s = parseStatedNfrs("A blob store that keeps three copies of every object, 10 PB in all");
    expect(s.scale.replicas?.value).toBe(3);
    expect(s.durability?.value).toBe("durable");
  });
});

describe("'at most once' of a sold or used thing is a uniqueness rule, not a delivery stance", () => {
  it("reads no delivery from a thing sold, redeemed or booked at most once", () => {
    expect(parseStatedNfrs("each raffle number can be sold at most once").delivery).toBeUndefined();
    expect(parseStatedNfrs("a voucher may be redeemed at most once").delivery).toBeUndefined();
    expect(parseStatedNfrs("each desk is booked at most once").delivery).toBeUndefined();
  });
  it("still reads a message delivered at most once", () => {
    expect(parseStatedNfrs("telemetry events are delivered at most once").delivery?.value).toBe("at-most-once");
  });
});
