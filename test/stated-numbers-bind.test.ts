import { describe, expect, it } from "vitest";
import { evaluateCapacity } from "../src/engine/capacity.js";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { withUnitCount } from "../src/engine/unit-count.js";
import { AGG_CAPACITY } from "../src/knowledge/archetypes/I06/aggregation.js";
import { type Design, design } from "../src/lib/index.js";

const scale = (p: string) => Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, v.value]));
const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const statedInputs = (d: Design, id: string) =>
  (row(d, id)?.inputs ?? []).filter((i) => i.source === "stated").map((i) => i.name);

describe("a stated rate binds by what it counts", () => {
  it("reads a word that counts occurrences with the noun before it", () => {
    expect(scale("a workflow engine: 50,000 workflow starts per second")).toEqual({ workflows_per_sec: 50000 });
    expect(scale("an orchestrator with 20k workflow executions per second")).toEqual({ workflows_per_sec: 20000 });
    expect(scale("an orchestrator running 2 million workflows a day").workflows_per_sec).toBeCloseTo(23.148, 2);
    // another noun keeps its own kind: job starts are tasks, not workflows and not a generic request rate
    const jobs = scale("a scheduler with 10k job starts per minute");
    expect(jobs.tasks_per_sec).toBeCloseTo(166.67, 1);
    expect(jobs.requests_per_sec).toBeUndefined();
  });

  it("reads submissions and invocations of untrusted code as tasks the fleet runs", () => {
    expect(scale("a judge that runs 10,000 untrusted submissions per minute").tasks_per_sec).toBeCloseTo(166.67, 1);
    expect(scale("a runner for 6,000 code submissions per minute").tasks_per_sec).toBeCloseTo(100, 1);
    expect(scale("a platform with 2,000 function invocations per second").tasks_per_sec).toBe(2000);
  });

  it("reads increments and impressions as counted events, an increment also as a write the store takes", () => {
    expect(scale("a view counter: 1 million increments per second")).toEqual({
      messages_per_sec: 1e6,
      writes_per_sec: 1e6,
    });
    expect(scale("an ad system with 300k impressions per second")).toEqual({ messages_per_sec: 3e5 });
  });

  it("reads a count of places as the location index's points and the stored records", () => {
    expect(scale("Design Yelp's nearby search: 100 million places")).toEqual({ places: 1e8, objects: 1e8 });
    expect(scale("a map of 2 million venues").places).toBe(2e6);
    expect(scale("a local search over 5 million businesses").places).toBe(5e6);
  });

  it("reads searches as queries as well as reads and requests", () => {
    expect(scale("50,000 searches per second")).toEqual({
      requests_per_sec: 50000,
      reads_per_sec: 50000,
      queries_per_sec: 50000,
    });
  });
});

describe("people counted within one subject are the most one subject holds", () => {
  it("binds people acting on the same board, per room or held by each document", () => {
    expect(scale("a whiteboard where up to 50 people edit the same board at once")).toEqual({ max_participants: 50 });
    expect(
      parseStatedNfrs("a whiteboard where up to 50 people edit the same board").scale.max_participants?.quote,
    ).toBe("50 people edit the same board");
    expect(scale("a chat with 200 members per room")).toEqual({ max_participants: 200 });
    expect(scale("a chat app where group chats of up to 500 members talk")).toEqual({ max_participants: 500 });
    expect(scale("each game lobby holds up to 100 players")).toEqual({ max_participants: 100 });
  });

  it("reads a small count a negated verb hands one thing to as an exclusivity, not the people there are", () => {
    expect(scale("a ticket is never sold to two buyers, and 3,000 purchases per second arrive")).not.toHaveProperty(
      "users",
    );
    expect(scale("a spot is never given to two drivers across 3,000 garages")).not.toHaveProperty("users");
    expect(scale("a lock is never held by two workers")).not.toHaveProperty("users");
  });

  it("keeps people across the product as its users", () => {
    expect(scale("Design a leaderboard for a mobile game with 50 million players")).toEqual({ users: 5e7 });
    // people online at once are the connected clients (the per-match count stays a participant bound)
    expect(scale("a game backend where 64 players join each match and 5 million players are online")).toEqual({
      max_participants: 64,
      clients: 5e6,
    });
    expect(scale("an editor for 10 million users with up to 100 people editing one document")).toEqual({
      users: 1e7,
      max_participants: 100,
    });
    expect(scale("a docs product for 10 million users who edit documents")).toEqual({ users: 1e7 });
    expect(scale("a chat app for 10 million users, rooms of up to 500 members")).toEqual({
      users: 1e7,
      max_participants: 500,
    });
  });
});

describe("bounds that are not rates keep their own kind", () => {
  it("reads a latency stated in words or on what loads or answers", () => {
    const tsdb = parseStatedNfrs("answering last-24-hour queries in under one second");
    expect(tsdb.latency.map((l) => l.ms)).toEqual([1000]);
    expect(tsdb.scale.latency_seconds?.value).toBe(1);
    expect(parseStatedNfrs("the feed loading in under 200 ms").latency.map((l) => l.ms)).toEqual([200]);
    expect(parseStatedNfrs("pages render in under half a second").latency.map((l) => l.ms)).toEqual([500]);
  });

  it("reads 'visible within' as a freshness bound, never a request latency", () => {
    const counts = parseStatedNfrs("counts visible within 10 seconds");
    expect(counts.latency).toEqual([]);
    expect(counts.scale.propagation_seconds?.value).toBe(10);
    expect(counts.scale.propagation_seconds?.quote).toBe("visible within 10 seconds");
    expect(counts.scale.latency_seconds).toBeUndefined();
    const search = parseStatedNfrs("new posts reflected in search within 5 seconds");
    expect(search.latency).toEqual([]);
    expect(search.scale.propagation_seconds?.value).toBe(5);
  });

  it("reads how long each one runs as its run time", () => {
    // a bare plural unit says several of it: read as three months, and the reason says so
    expect(scale("workflows that run for months")).toEqual({ run_seconds: (3 * 365 * 86400) / 12 });
    expect(parseStatedNfrs("jobs that run for hours").scale.run_seconds).toEqual({
      value: 3 * 3600,
      quote: "run for hours",
      reading: "three hours: a bare plural unit says several of it, not one",
    });
    expect(parseStatedNfrs("sagas last up to 7 days").scale.run_seconds).toEqual({
      value: 7 * 86400,
      quote: "last up to 7 days",
    });
    expect(scale("each build takes 10 minutes").run_seconds).toBe(600);
  });
});

describe("the bound numbers drive the figures", () => {
  it("a workflow engine sizes its open workflows from the stated rate and run time", () => {
    const d = design(
      "Design a durable workflow engine like Temporal: 50,000 workflow starts per second, workflows that run for months, and no step executed twice after a worker crash",
    );
    // the workflow engine's own subject: open executions from the start rate and the run time, shards from the rate
    expect(statedInputs(d, "open_executions")).toEqual(expect.arrayContaining(["workflows_per_sec", "run_seconds"]));
    expect(row(d, "open_executions")?.value).toBeCloseTo((50000 * 3 * 365 * 86400) / 12, -6);
    expect(d.nfrs.sources["scale.run_seconds"]?.because).toBe(
      "the prompt says 'run for months', read as three months: a bare plural unit says several of it, not one",
    );
    expect(statedInputs(d, "history_shards")).toContain("workflows_per_sec");
    // a shard count fixed at creation is sized with growth headroom over the peak, not today's rate alone
    expect(row(d, "history_shards")?.value).toBe((50000 * 20 * 4) / 200);
    // the matching service's dispatches and the timer queues' fires are sized from the start rate too
    expect(statedInputs(d, "task_dispatches")).toContain("workflows_per_sec");
    expect(row(d, "task_dispatches")?.value).toBe(50000 * 6);
    expect(row(d, "task_queue_partitions")?.value).toBe(300);
    expect(row(d, "timer_fires")?.value).toBe(50000 * 4);
  });

  it("a saga orchestrator in other words binds the same way", () => {
    const d = design("Design a saga orchestrator handling 5,000 saga starts per second; sagas last up to 7 days");
    expect(statedInputs(d, "open_instances")).toEqual(["workflows_per_sec", "run_seconds"]);
    expect(row(d, "open_instances")?.value).toBeCloseTo(5000 * 7 * 86400, -6);
  });

  it("a whiteboard's per-board load reads the stated participants", () => {
    const d = design("Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once");
    expect(statedInputs(d, "ops_per_subject")).toEqual(["max_participants"]);
    expect(row(d, "ops_per_subject")?.value).toBe(50);
    expect(d.nfrs.scale.users).toBeUndefined();
  });

  it("a nearby search sizes its place index and nearby queries from the stated places and searches", () => {
    const d = design("Design Yelp's nearby search: 100 million places, 50,000 searches per second");
    // the places subject's own geo index, sized from the stated places
    expect(row(d, "geo_index_bytes")?.value).toBe(1e10);
    expect(statedInputs(d, "geo_index_bytes")).toContain("places");
    expect(statedInputs(d, "cell_reads_per_sec")).toHaveLength(1);
    expect(row(d, "cell_reads_per_sec")?.value).toBe(50000 * 9);
  });

  it("a view counter counts the stated increments and fits its window inside the freshness bound", () => {
    const d = design(
      "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
    );
    expect(statedInputs(d, "peak_events")).toEqual(["messages_per_sec"]);
    const visible = row(d, "count_visible_seconds");
    expect(visible?.bound).toEqual({ quantity: "propagation_seconds", value: 10 });
    expect(visible?.value).toBeLessThanOrEqual(10);
    expect(d.nfrs.latency).toEqual([]);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("stated-number-unused");
  });

  it("a counting pipeline counts stated views as its events, and its window follows the stated freshness", () => {
    const d = design(
      "Design a web analytics service that counts 2 million page views per second per site with totals reflected within 30 seconds",
    );
    expect(row(d, "hot_key_events")?.value).toBe(2e6);
    expect(statedInputs(d, "hot_key_events")).toEqual(["reads_per_sec_per_key"]);
    expect(row(d, "count_visible_seconds")?.value).toBeLessThanOrEqual(30);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("flags a window longer than the stated freshness bound", () => {
    const d = design(
      "Design a click counter that counts 500,000 clicks per second per campaign, with counts visible within 10 seconds",
    );
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("stated-bound-exceeded");
    // minute windows chosen against the stated 10 s: the time to a visible count is past the bound
    const rows = evaluateCapacity(AGG_CAPACITY, "I06", {
      propagation_seconds: { value: 10, quote: "visible within 10 seconds", source: "stated" },
      window_seconds: { value: 60, quote: "60 seconds", source: "override" },
    });
    const visible = rows.find((r) => r.id === "count_visible_seconds");
    expect(visible?.value).toBe(64);
    const minute = structuredClone(d) as Design;
    minute.capacity = [
      ...minute.capacity.filter((r) => r.id !== "count_visible_seconds"),
      ...(visible ? [visible] : []),
    ];
    expect(checkCoherence(minute).map((p) => p.rule)).toContain("stated-bound-exceeded");
  });

  it("keeps the words a latency bounds in its quote", () => {
    expect(parseStatedNfrs("with the feed loading in under 200 ms").latency[0]?.quote).toBe(
      "the feed loading in under 200 ms",
    );
    expect(parseStatedNfrs("answering last-24-hour queries in under one second").latency[0]?.quote).toBe(
      "answering last-24-hour queries in under one second",
    );
    // a rate before it is not what it bounds, and a percentile keeps its own words
    expect(parseStatedNfrs("answering 100,000 queries per second within 50 ms").latency[0]?.quote).toBe("within 50 ms");
    const kv = parseStatedNfrs("a key-value store with p99 latency under 10 ms");
    expect(kv.latency[0]?.quote).toBe("p99 latency under 10 ms");
    expect(kv.scale.retention_days).toBeUndefined();
  });

  it("a latency stated on a product's feature is that feature's budget", () => {
    const d = design(
      "Design the Instagram news feed for 500 million daily users, with the feed loading in under 200 ms",
    );
    expect(row(d, "request_path_seconds")?.archetype).toBe("feed");
    expect(statedInputs(d, "latency_spare_seconds")).toEqual(["latency_seconds"]);
  });

  it("a stated query latency reaches the design's latency budget", () => {
    const d = design(
      "Design a time-series database for IoT sensors ingesting 2 million points per second, keeping one year of data with downsampling, and answering last-24-hour queries in under one second",
    );
    expect(d.nfrs.latency.map((l) => l.ms)).toEqual([1000]);
    expect(statedInputs(d, "latency_spare_seconds")).toEqual(["latency_seconds"]);
  });
});

describe("an amount no rule reads is named", () => {
  it("lists a number stated with a noun no rule knows, once", () => {
    // the first unlisted count is the prompt's population; a second one has no quantity of its own
    const s = parseStatedNfrs("Design a pipeline that keeps 12,000 gizmos and 3 million widget frobs");
    expect(s.unread.map((u) => u.quote)).toEqual(["3 million widget frobs"]);
    expect(s.unread[0]?.value).toBe(3e6);
  });

  it("quotes an amount by the unit parser's span, never the words of the next phrase", () => {
    expect(parseStatedNfrs("Design a widget frobber that waits 7 days and delivers at least once.").unread).toEqual([
      { value: 7, quote: "7 days" },
    ]);
    expect(
      parseStatedNfrs("Design a widget frobber that polishes each widget for 45 minutes and ships it").unread,
    ).toEqual([{ value: 45, quote: "45 minutes" }]);
    expect(parseStatedNfrs("Design a system with 12,000 gizmos and 300 wombats").unread.map((u) => u.quote)).toEqual([
      "300 wombats",
    ]);
  });

  it("does not take names, ranks and terms for amounts", () => {
    for (const p of [
      "Design a two-phase commit coordinator over HTTP/2 for the top 10 products",
      "Design a layer 7 load balancer",
      "Design exactly one leader among 5 replicas",
      "Design a store answering last-24-hour queries in under one second",
    ])
      expect(parseStatedNfrs(p).unread).toEqual([]);
  });

  it("reads a hold time and a report interval instead of leaving them unread", () => {
    const hold = parseStatedNfrs("Design a ticket booking system like Ticketmaster that holds seats for 10 minutes.");
    expect(hold.scale.hold_seconds?.value).toBe(600);
    expect(hold.unread).toEqual([]);
    const drivers = parseStatedNfrs("a ride sharing service with 5 million drivers sending location every 4 seconds");
    expect(drivers.scale.update_seconds?.value).toBe(4);
    expect(drivers.unread).toEqual([]);
  });

  it("the coherence check names each unread amount once", () => {
    const d = design("Design a message queue that keeps 12,000 gizmos and 3 million widget frobs");
    const unread = checkCoherence(d).filter((p) => p.rule === "stated-number-unread");
    expect(unread.map((p) => p.detail)).toEqual([
      "the prompt states '3 million widget frobs', which no rule reads as a quantity, so no figure rests on it",
    ]);
  });
});

describe("a rate of the system's own records, after a verb that writes them, is its write rate", () => {
  it("binds '<verb> N <unlisted noun> per <time>' to writes_per_sec", () => {
    expect(scale("a news search service that indexes 20,000 articles per second")).toEqual({ writes_per_sec: 20000 });
    expect(scale("an invoicing platform that stores 3,000 invoices a second")).toEqual({ writes_per_sec: 3000 });
    expect(scale("a registry that records 600 vehicle registrations per minute").writes_per_sec).toBe(10);
    expect(scale("a ledger that saves about 12,000 journal entries per second")).toEqual({ writes_per_sec: 12000 });
  });

  it("reads a rate with no writing verb as the request rate, not a write rate", () => {
    expect(scale("a service that sees 20,000 articles per second")).toEqual({ requests_per_sec: 20000 });
  });

  it("reads the stated write rate in the design, so no stated number is left unread", () => {
    for (const p of [
      "Design a news search service that indexes 20,000 articles per second and serves 50,000 queries per second.",
      "Design an invoicing platform that stores 3,000 invoices a second.",
      "Build a document archive that archives 500 contracts per second and serves 2,000 reads per second.",
    ]) {
      const d = design(p);
      expect(checkCoherence(d).filter((x) => /stated-number/.test(x.rule))).toEqual([]);
      expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "writes_per_sec" && i.source === "stated"))).toBe(
        true,
      );
    }
  });
});

describe("a stated worker fleet is the fleet the figures read", () => {
  it("binds machines named for their work as workers", () => {
    expect(scale("runs builds on 500 worker machines")).toEqual({ workers: 500, nodes: 500 });
    expect(scale("a transcoder with 200 worker nodes")).toEqual({ workers: 200, nodes: 200 });
    expect(scale("a metrics agent on 40,000 machines")).toEqual({ nodes: 40000 });
  });

  it("shows the stated fleet in the figure that sizes it, instead of computing another", () => {
    for (const [p, id, n] of [
      ["Design a CI build system that runs builds on 500 worker machines.", "workers_needed", 500],
      [
        "Design a video transcoding service with 200 worker nodes that processes 50 uploads per second.",
        "workers_needed",
        200,
      ],
      ["Design a web crawler that fetches 10,000 pages per second using 300 crawler workers.", "fetchers_needed", 300],
    ] as const) {
      const d = design(p);
      expect(row(d, id)?.value).toBe(n);
      expect(statedInputs(d, id)).toEqual(["workers"]);
      expect(checkCoherence(d).filter((x) => /stated-number/.test(x.rule))).toEqual([]);
    }
  });
});

describe("a search over the product's own records indexes its stated writes", () => {
  it("reads the documents to index a day from the stated write rate", () => {
    const d = design(
      "Design a product catalog service that ingests 8,000 listings per second and serves 100,000 searches per second.",
    );
    expect(row(d, "index_writes_per_sec")?.value).toBeCloseTo(8000, 6);
    expect(statedInputs(d, "index_writes_per_sec")).toEqual(["writes_per_sec"]);
    expect(checkCoherence(d).filter((x) => /stated-number/.test(x.rule))).toEqual([]);
  });
});

describe("a keeping verb a few words ahead of its 'for' states a retention", () => {
  it("binds 'keeps <object of several words> for N days' to retention_days", () => {
    expect(scale("a queue that keeps unacknowledged messages for 14 days")).toEqual({ retention_days: 14 });
    expect(scale("a bank that stores customer transaction records for 7 years").retention_days).toBe(2555);
    expect(scale("a system that keeps a user's last login for auditing")).toEqual({});
  });

  it("the queue's retained bytes read the stated days", () => {
    const d = design(
      "Design a message queue that keeps unacknowledged messages for 14 days and handles 50,000 messages per second.",
    );
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "retention_days" && i.source === "stated"))).toBe(
      true,
    );
    expect(checkCoherence(d).filter((x) => /stated-number/.test(x.rule))).toEqual([]);
  });
});

describe("a webhook sent is an event the delivery pipeline carries", () => {
  it("binds webhooks per second to the message rate", () => {
    expect(scale("a service that sends 5,000 webhooks per second")).toEqual({ messages_per_sec: 5000 });
    expect(scale("dispatching 300 webhook deliveries a second").messages_per_sec).toBe(300);
    const d = design("Design a webhook delivery service that sends 5,000 webhooks per second.");
    expect(checkCoherence(d).filter((x) => /stated-number/.test(x.rule))).toEqual([]);
  });
});

/** A capacity input of a design, by name. */
const inputOf = (prompt: string, name: string) =>
  design(prompt)
    .capacity.flatMap((r) => r.inputs)
    .find((i) => i.name === name);
const rulesOf = (prompt: string) => design(prompt).coherence.map((c) => c.rule);

describe("a count of the design's renamed unit binds the count of records it holds", () => {
  const SESSIONS =
    "Design a session store used by web servers in 4 regions, holding 80 million sessions; reads take under 5 ms and a logout must take effect everywhere within 2 seconds.";

  it("80 million sessions are the session store's records, not a typical billion keys", () => {
    const objects = inputOf(SESSIONS, "objects");
    expect(objects?.value).toBe(80e6);
    expect(objects?.source).toBe("stated");
    expect(objects?.because).toContain("'80 million sessions'");
    const stored = design(SESSIONS).capacity.find((r) => r.id === "stored_bytes");
    expect(stored?.value).toBeCloseTo(80e6 * 1000 * 3 * 4, -6);
    expect(rulesOf(SESSIONS)).not.toContain("stated-number-unused");
  });

  it("another wording and noun: a profile store holding 200 million profiles", () => {
    const objects = inputOf("Design a profile store holding 200 million profiles, read in under 5 ms.", "objects");
    expect(objects?.value).toBe(200e6);
  });

  it("the scale is untouched where the counted noun is not the renamed unit", () => {
    const scale = { clients: { value: 80e6, quote: "80 million devices", source: "stated" as const } };
    expect(withUnitCount(scale, [{ entity: "Session (KeyValue)" }])).toBe(scale);
    // a data model row never renamed by the prompt binds nothing
    const sessions = { clients: { value: 80e6, quote: "80 million sessions", source: "stated" as const } };
    expect(withUnitCount(sessions, [{ entity: "KeyValue" }])).toBe(sessions);
    // a stated count of the unit's own quantity is kept as it is
    const both = { ...sessions, objects: { value: 5e6, quote: "5 million keys", source: "stated" as const } };
    expect(withUnitCount(both, [{ entity: "Session (KeyValue)" }]).objects?.value).toBe(5e6);
  });

  it("a rate of the unit's noun is no count of records", () => {
    const scale = {
      clients_per_sec: { value: 5000, quote: "5,000 new sessions", source: "stated" as const },
    };
    expect(withUnitCount(scale, [{ entity: "Session (KeyValue)" }])).toBe(scale);
  });
});

describe("a stated span of a searchable tier binds the hot days, the archive's span the retention", () => {
  const LOGS =
    "Design a log search system that ingests 2 TB of logs a day. A line must be searchable within 30 seconds; logs stay searchable for 14 days and are archived for 1 year.";

  it("14 searchable days beside a year's archive are the hot index's days", () => {
    const s = parseStatedNfrs(LOGS);
    expect(s.scale.hot_days?.value).toBe(14);
    expect(s.scale.hot_days?.quote).toBe("searchable for 14 days");
    expect(s.scale.retention_days?.value).toBe(365);
    expect(s.unread).toEqual([]);
    expect(inputOf(LOGS, "hot_days")?.source).toBe("stated");
    expect(rulesOf(LOGS)).not.toContain("stated-number-unread");
  });

  it("other wordings: kept in the hot tier, and full-text searchable, beside cold storage", () => {
    const a = parseStatedNfrs(
      "Ship 500 GB of application logs a day; lines are kept in the hot tier for 3 days and then moved to cold storage for 90 days.",
    );
    expect(a.scale.hot_days?.value).toBe(3);
    expect(a.scale.retention_days?.value).toBe(90);
    const b = parseStatedNfrs(
      "Logs are full-text searchable for the last 30 days and archived to object storage for 2 years.",
    );
    expect(b.scale.hot_days?.value).toBe(30);
    expect(b.scale.retention_days?.value).toBe(730);
  });

  it("with no colder tier the searchable span is how long the lines are kept", () => {
    const s = parseStatedNfrs(
      "Design a log search system that ingests 2 TB of logs a day; logs stay searchable for 14 days.",
    );
    expect(s.scale.retention_days?.value).toBe(14);
    expect(s.scale.hot_days).toBeUndefined();
    expect(s.unread).toEqual([]);
  });
});

describe("the hot few of many said to reach a rate bind one key's rate", () => {
  const VIEWS =
    "Design a view counter for a video platform: 2 billion views a day, and viral videos reach 100,000 views per second.";

  it("viral videos reaching 100,000 views a second size the hottest key", () => {
    const s = parseStatedNfrs(VIEWS);
    expect(s.scale.reads_per_sec_per_key?.value).toBe(100000);
    expect(s.scale.reads_per_sec?.value).toBeCloseTo(2e9 / 86400, 3);
    expect(s.unread).toEqual([]);
    expect(inputOf(VIEWS, "hot_key_events_per_sec")?.value).toBe(100000);
    expect(rulesOf(VIEWS)).not.toContain("stated-number-unread");
  });

  it("other wordings: trending posts can get, the most popular items see", () => {
    expect(
      parseStatedNfrs("Count likes on 5 billion posts; trending posts can get 50,000 likes a second.").scale
        .messages_per_sec_per_key?.value,
    ).toBe(50000);
    expect(
      parseStatedNfrs("Serve product pages where the most popular items see 20,000 views per second.").scale
        .reads_per_sec_per_key?.value,
    ).toBe(20000);
  });

  it("a plural subject with no word that singles some out is the fleet's rate", () => {
    const s = parseStatedNfrs("Design a view counter: videos reach 100,000 views per second at peak.");
    expect(s.scale.reads_per_sec?.value).toBe(100000);
    expect(s.scale.reads_per_sec_per_key).toBeUndefined();
  });
});

describe("shared subjects counted while open are the busy moment's count, which no daily peak multiplies", () => {
  const BOARDS =
    "Design a collaborative whiteboard where up to 50 people edit the same board and see each other's strokes within 200 ms; there are 300,000 active boards.";

  it("300,000 active boards make their updates at that moment: peak factor 1, peak ops 3M/s, not 9M/s", () => {
    const s = parseStatedNfrs(BOARDS);
    expect(s.implied.peak_factor?.value).toBe(1);
    expect(s.implied.peak_factor?.because).toContain("'300,000 active boards'");
    const peak = design(BOARDS).capacity.find((r) => r.id === "peak_ops_per_sec");
    expect(peak?.value).toBeCloseTo(3e6, -3);
  });

  it("other wordings: boards open at the same time, rooms live at once", () => {
    expect(
      parseStatedNfrs("Design a multiplayer whiteboard for classrooms with 50,000 boards open at the same time.")
        .implied.peak_factor?.value,
    ).toBe(1);
    expect(
      parseStatedNfrs("Design a chat service where 2 million rooms are live at once and messages arrive in order.")
        .implied.peak_factor?.value,
    ).toBe(1);
  });

  it("a count of subjects kept, or beside a stated rate of its own, keeps the daily peak", () => {
    expect(parseStatedNfrs("Design a chat service with 2 million rooms.").implied.peak_factor).toBeUndefined();
    expect(
      parseStatedNfrs("Design a whiteboard with 300,000 active boards and 2 million edits a day.").implied.peak_factor,
    ).toBeUndefined();
  });
});

describe("a stated time binds by the words around it, however far ahead they sit", () => {
  const sc = (p: string) => parseStatedNfrs(p).scale;

  it("a timer set ahead: days away, a trial's days running out, a sleep", () => {
    expect(
      sc("Keep each message hidden until its deliver-at time, anywhere from one second to 90 days away.")
        .timer_lead_seconds?.value,
    ).toBe(90 * 86400);
    expect(sc("Every free trial is downgraded at the moment its 14 days run out.").timer_lead_seconds?.value).toBe(
      14 * 86400,
    );
    expect(sc("In Temporal a workflow can sleep for thirty days.").timer_lead_seconds?.value).toBe(30 * 86400);
    // a bound is no lead: "within 5 minutes after" stays a bound
    expect(sc("A refund is issued within 5 minutes after the return is scanned.").timer_lead_seconds).toBeUndefined();
  });

  it("a verification pass's period: re-verified every 30 days, scrubbed every two weeks", () => {
    expect(
      sc("All 2 billion objects need their checksums re-verified at least once every 30 days.").scan_period_seconds
        ?.value,
    ).toBe(30 * 86400);
    expect(sc("Every disk is scrubbed every 14 days.").scan_period_seconds?.value).toBe(14 * 86400);
  });

  it("a copy's lag: trails its source by at most, never serves a revoked one for more than", () => {
    expect(sc("What they see may trail the ticket database by at most 30 s.").propagation_seconds?.value).toBe(30);
    expect(
      sc("An in-process cache on each web server must never serve a revoked session for more than 2 seconds.")
        .propagation_seconds?.value,
    ).toBe(2);
    // serving a session for a span, with nothing stale about it, bounds no lag
    expect(sc("Each web server serves a session for more than 2 seconds.").propagation_seconds).toBeUndefined();
  });

  it("raw points beside longer rollups keep their own span; readable for a span after clauses of their own", () => {
    const s = sc("Engineers need per-minute rollups kept for 2 years, raw points for 7 days, and alerts.");
    expect(s.raw_retention_days?.value).toBe(7);
    expect(s.retention_days?.value).toBe(730);
    expect(
      sc(
        "Payment events must be readable by any number of services, each from its own saved position, for up to ninety days.",
      ).retention_days?.value,
    ).toBe(90);
    // without rollups, raw points for a span are no second tier
    expect(sc("Keep raw points for 7 days.").raw_retention_days).toBeUndefined();
  });

  it("a design whose bound brings in a config substrate names no DNS zone for an availability zone", () => {
    const p =
      "Design a session store for 50 million signed-in users, replicated across zones, with an in-process cache on each web server that must never serve a revoked session for more than 2 seconds.";
    const d = design(p);
    expect(d.nfrs.scale.propagation_seconds).toBe(2);
    expect(d.coherence.map((c) => c.rule)).not.toContain("names-undrawn-entity");
  });
});

describe("a count binds the quantity its noun names", () => {
  const sc = (p: string) => parseStatedNfrs(p).scale;

  it("things a counter counts on are its keys", () => {
    const s = sc(
      "Design a distributed counter that counts likes on 5 billion Instagram posts, 1 million likes a second.",
    );
    expect(s.keys?.value).toBe(5e9);
    expect(s.messages_per_sec?.value).toBe(1e6);
    expect(sc("A service that tallies reactions on 2 billion comments.").keys?.value).toBe(2e9);
    // a rate-only noun counted with no counting verb is not a counter's keys
    expect(sc("Design a feed that shows 5 billion posts.").keys).toBeUndefined();
  });

  it("voters are users, SKUs and titles stored records, event types topics, enforcement points machines", () => {
    expect(sc("each of 150 million voters can vote exactly once").users?.value).toBe(1.5e8);
    expect(sc("an inventory of 50 million SKUs across 400 warehouses").objects?.value).toBe(5e7);
    expect(sc("suggests listings from 20 million titles updated through Kafka").objects?.value).toBe(2e7);
    expect(sc("teams publish and subscribe to 300 event types").partitions?.value).toBe(300);
    expect(sc("limit policies are pushed to all 60 enforcement points").nodes?.value).toBe(60);
  });
});

describe("a large count of people kept in one country spreads over no continents", () => {
  it("150 million voters of a national system stay in one region; 300 million users of a chat app do not", () => {
    const voting =
      "Design a national online voting system where each of 150 million voters can vote exactly once during the election, with results published after the polls close.";
    expect(parseStatedNfrs(voting).scale.users?.value).toBe(1.5e8);
    expect(parseStatedNfrs(voting).regions).toBeUndefined();
    expect(design(voting).coherence.map((c) => c.rule)).not.toContain("version-check-with-lww");
    expect(parseStatedNfrs("A nationwide tax filing service for 120 million taxpayers.").regions).toBeUndefined();
    expect(parseStatedNfrs("Design a chat app for 300 million users.").regions?.value).toBe(3);
  });
});

describe("a stated block of ids is the id service's block size, and the blocks its scheme", () => {
  const BLOCKS =
    "Design an ID service that hands each application server blocks of 10,000 ids, keeping the high-water mark in a consensus-replicated store so that no block is ever issued twice after a failover.";

  it("blocks of 10,000 ids size the counter's allocations and choose leased blocks", () => {
    expect(parseStatedNfrs(BLOCKS).scale.id_block_size?.value).toBe(10000);
    const d = design(BLOCKS);
    const scheme = d.decisions.find((x) => x.id === "i09-scheme");
    expect(scheme?.chosen).toBe("leased-blocks");
    expect(d.coherence.map((c) => c.rule)).not.toContain("stated-number-unused");
    expect(
      parseStatedNfrs("Servers lease ranges of 1,000 sequence numbers at a time.").scale.id_block_size?.value,
    ).toBe(1000);
  });

  it("a rate of ids, or time-sorted ids, is neither", () => {
    expect(parseStatedNfrs("Issue 50,000 ids per second.").scale.id_block_size).toBeUndefined();
    const d = design(
      "Create 64-bit ids that sort roughly by creation time, 50,000 ids per second across 20 data centres.",
    );
    const scheme = d.decisions.find((x) => x.id === "i09-scheme");
    expect(scheme?.chosen).not.toBe("leased-blocks");
  });
});
