import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const scale = (p: string) => Object.fromEntries(Object.entries(statedNfrsOf(p).scale).map(([k, v]) => [k, v.value]));
/** Whether a figure reads the stated quantity `name` (not a typical value of it). */
const readsStated = (d: Design, name: string) =>
  d.capacity.some((r) => r.inputs.some((i) => i.name === name && i.source === "stated"));
const NUMBER_RULES = /^(?:stated-number-unused|stated-number-unread|figure-implausible|input-cycle)$/;

const SCHEDULER =
  "Design a cluster scheduler like Kubernetes that places 10,000 pods per minute onto 5,000 nodes and never overcommits a node's memory.";
const FLINK =
  "Design a stream processing system like Apache Flink that computes per-user 5-minute windowed counts over 1 million events per second and produces exactly-once results after a worker crash.";
const GAME =
  "Design a multiplayer game backend where 100 players share a match, the server is authoritative over game state, and state updates reach every player 30 times per second.";
const CDC =
  "Design a change data capture pipeline that streams every committed row change from 200 MySQL databases into a data warehouse in commit order per table, with no change lost or applied twice.";
const DNS =
  "Design an authoritative DNS service that answers 2 million queries per second worldwide, where a record change is served by every location within 60 seconds.";
const GATEWAY =
  "Design an API gateway that routes 300,000 requests per second to 2,000 backend services, authenticates every request, and applies route changes made by operators within 5 seconds.";
const S3 =
  "Design an object storage service like Amazon S3 that stores 10 trillion objects, serves 1 million GET requests per second, and never returns an old version after an overwrite has succeeded.";
// a store whose checkout takes orders (a cart asked for alone is the cart subject, with no orders figure)
const CART =
  "Design an online store with a shopping cart and checkout for 20 million daily shoppers, where a cart follows the shopper across devices and an added item is never lost.";

describe("a stated rate sizes the part that handles its things", () => {
  it("reads pods placed per minute as the scheduler's placement rate, onto a stated fleet of workers", () => {
    expect(scale(SCHEDULER)).toMatchObject({ tasks_per_sec: 10000 / 60, nodes: 5000, workers: 5000 });
    const d = design(SCHEDULER);
    expect(figure(d, "workers_needed")?.value).toBe(5000);
    expect(figure(d, "peak_tasks_per_sec")?.value).toBeCloseTo(10000 / 60);
    // paraphrase: scheduling containers across machines
    expect(
      scale("Design a container scheduler that schedules 500 containers per second across 2,000 machines."),
    ).toMatchObject({
      tasks_per_sec: 500,
      workers: 2000,
    });
  });

  it("keeps a rate a per-key result is computed over as the fleet's rate, not one key's", () => {
    expect(scale(FLINK)).toMatchObject({ messages_per_sec: 1e6, window_seconds: 300 });
    expect(scale(FLINK)).not.toHaveProperty("messages_per_sec_per_user");
    // a rate each user sends is still the user's
    expect(scale("Design a chat where each user sends 2 messages per second")).toHaveProperty(
      "messages_per_sec_per_user",
    );
  });

  it("reads 'GET requests' as reads as well as requests, so the store's GETs are the stated ones", () => {
    expect(scale(S3)).toMatchObject({ requests_per_sec: 1e6, reads_per_sec: 1e6 });
    expect(figure(design(S3), "object_gets_per_sec")?.value).toBeCloseTo(1e6);
  });

  it("sizes the serving fleet from a stated query rate", () => {
    // the DNS subject's name servers answer the queries from memory (knowledge/archetypes/I11/dns.ts)
    const d = design(DNS);
    expect(readsStated(d, "queries_per_sec")).toBe(true);
    expect(figure(d, "queries_per_server")?.value).toBe(2e4);
    // where no model reads a stated query rate, the stated use sizes a serving fleet of its own
    const q = design("Design a weather lookup service that answers 300,000 queries per second.");
    expect(readsStated(q, "requests_per_sec") || readsStated(q, "reads_per_sec")).toBe(true);
  });
});

describe("a stated count or window is an input of some figure", () => {
  it("reads a window length into the state the open windows hold", () => {
    const d = design(FLINK);
    // the stream subject's own model holds the window's events (knowledge/archetypes/I06/stream.ts)
    expect(figure(d, "events_per_window")?.value).toBe(3e8);
    expect(readsStated(d, "window_seconds")).toBe(true);
    expect(scale("count clicks in 10-second tumbling windows")).toMatchObject({ window_seconds: 10 });
  });

  it("reads an update frequency times the participants one subject shares as that subject's fan-out", () => {
    expect(scale(GAME)).toMatchObject({ max_participants: 100, updates_per_subject_per_sec: 30 });
    expect(figure(design(GAME), "subject_deliveries_per_sec")?.value).toBe(3000);
    expect(scale("a game server that ticks 60 times a second for matches of 64 players")).toMatchObject({
      updates_per_subject_per_sec: 60,
      max_participants: 64,
    });
    // a heartbeat's frequency is its interval
    expect(scale("agents send heartbeats 2 times per second")).toMatchObject({ heartbeat_seconds: 0.5 });
  });

  it("reads a count of source databases as one change-log reader each", () => {
    // the warehouse subject's model reads the sources itself (changes per database, one capture task each)
    expect(readsStated(design(CDC), "databases")).toBe(true);
  });

  it("spends a stated bound on route changes over the change's own path", () => {
    const d = design(GATEWAY);
    expect(readsStated(d, "propagation_seconds")).toBe(true);
  });

  it("sizes prompts outside every set from their own numbers", () => {
    const build = design("Design a build system running 40,000 builds an hour on 2,000 agents");
    expect(readsStated(build, "workers") && readsStated(build, "tasks_per_sec")).toBe(true);
    const chat = design("Design a chat with 300 members per room and 10 messages per second per room");
    expect(
      figure(chat, "busiest_deliveries_per_sec")?.inputs.find((i) => i.name === "posts_per_sec_in_busiest")?.value,
    ).toBe(10);
    const call = design("Design a video call service with 8 participants per call and 30 frames per second");
    expect(figure(call, "call_frames_per_sec")?.value).toBe(30 * 8 * 7);
    // a stream's frame rate is not the fleet's peak load
    expect(statedNfrsOf("a video call service with 30 frames per second").implied.peak_factor).toBeUndefined();
  });
});

describe("one fleet per role, one formula per quantity", () => {
  it("never sizes an object store's storage fleet from a cache card's typical node count", () => {
    const d = design(S3);
    expect(figure(d, "storage_nodes")?.inputs.some((i) => i.name === "nodes")).toBe(false);
    expect(rules(d).filter((r) => NUMBER_RULES.test(r))).toEqual([]);
  });

  it("counts a gateway's per-proxy load over the proxies its stated load needs", () => {
    const d = design(GATEWAY);
    const proxies = figure(d, "requests_per_proxy")?.inputs.find((i) => i.name === "proxies")?.value;
    expect(proxies).toBe(figure(d, "proxies_needed")?.value);
  });

  it("never derives two inputs from each other (input-cycle)", () => {
    const d = design(CART);
    expect(rules(d)).not.toContain("input-cycle");
    const orders = figure(d, "orders_per_sec")?.inputs.find((i) => i.name === "orders_per_user_per_day");
    expect(orders?.value).toBe(0.05);
    // the rule flags a figure whose inputs each cite the other
    const row = figure(d, "orders_per_sec");
    if (!row) throw new Error("no orders figure");
    const cyclic: Design = {
      ...d,
      capacity: [
        {
          ...row,
          inputs: [
            { name: "a_per_day", value: 1, source: "assumed", because: "derived as b_per_user * users" },
            { name: "b_per_user", value: 1, source: "assumed", because: "derived as a_per_day / users" },
          ],
        },
      ],
    };
    expect(rules(cyclic)).toContain("input-cycle");
  });

  it("leaves none of the n28 number hits", () => {
    for (const p of [SCHEDULER, FLINK, GAME, CDC, DNS, GATEWAY, S3])
      expect(
        rules(design(p)).filter((r) => NUMBER_RULES.test(r)),
        p,
      ).toEqual([]);
  });
});

describe("a fleet named by its role is the name every formula of its card uses", () => {
  it("estimates each bottleneck of the proxy, cache and configuration cards (none reads a bare 'nodes')", () => {
    for (const p of [
      GATEWAY,
      "Design an edge cache for static assets with purge-by-tag.",
      "Design a system that pushes new firewall policies to every host in the fleet within 30 seconds.",
    ]) {
      const d = design(p);
      const open = d.bottlenecks.filter(
        (b) => ["I07", "I11", "I17"].includes(b.archetype) && b.formula && b.estimate === undefined,
      );
      expect(
        open.map((b) => b.formula),
        p,
      ).toEqual([]);
    }
  });
});

describe("a listed noun with 'of' inside it is read whole", () => {
  it("reads '150 points of presence' as the sites, and 'units of stock' as the stock, but stops at another 'of'", () => {
    expect(scale("Design a CDN for 5 Tbps across 150 points of presence.")).toMatchObject({ nodes: 150 });
    expect(statedNfrsOf("Design a CDN for 5 Tbps across 150 points of presence.").unread).toEqual([]);
    expect(scale("Design a sale of 5,000 units of stock to 1 million shoppers.")).toMatchObject({
      units_for_sale: 5000,
    });
    expect(scale("Design a cache with 200 servers of 64 GB each.")).toMatchObject({ nodes: 200 });
  });
});

describe("a stated count of machines, regions, shards or losses divides the load or fixes the redundancy", () => {
  const input = (d: Design, id: string, name: string) => figure(d, id)?.inputs.find((i) => i.name === name);

  it("splits the load over the stated machines, regions and shards", () => {
    const spooler = design(
      "Hand out gap-free receipt numbers to our 40 billing servers, each number issued exactly once even if a server restarts.",
    );
    expect(input(spooler, "requests_per_stated_node", "nodes")).toMatchObject({ value: 40, source: "stated" });
    const recipes = design("Serve our recipe site from four regions with 20,000 requests per second.");
    const region = figure(recipes, "requests_per_region");
    expect(region?.inputs.find((i) => i.name === "requests_per_sec")?.source).toBe("stated");
    // 20,000 a second at the peak over four regions, then over the three left when one is lost
    const peak = region?.inputs.find((i) => i.name === "peak_factor")?.value ?? Number.NaN;
    expect(region?.value).toBeCloseTo((20000 * peak) / 4, 0);
    expect(figure(recipes, "requests_per_region_one_lost")?.value).toBeCloseTo((20000 * peak) / 3, 0);
    const shards = design("Copy every row change from 120 Postgres shards into a search index within a few seconds.");
    expect(input(shards, "writes_per_stated_partition", "partitions")).toMatchObject({ value: 120, source: "stated" });
    for (const d of [spooler, recipes, shards]) expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("turns machines lost at once into the copies or parity a byte needs", () => {
    const archive = design(
      "Our photo archive holds 12 PB on commodity disks; losing any three machines must lose nothing.",
    );
    expect(figure(archive, "copies_to_survive_losses")?.value).toBe(4);
    expect(figure(archive, "erasure_overhead_for_losses")?.value).toBeCloseTo(1.5, 6);
    expect(figure(archive, "machines_per_stripe")?.value).toBe(9);
    expect(rules(archive)).not.toContain("stated-number-unused");
  });

  it("adds no fleet figure where the prompt counts no machines, regions or shards", () => {
    const plain = design("Design a recipe sharing site where cooks post recipes and others rate them.");
    for (const id of [
      "requests_per_stated_node",
      "requests_per_region",
      "writes_per_stated_partition",
      "copies_to_survive_losses",
    ])
      expect(figure(plain, id)).toBeUndefined();
  });
});

describe("a stated count of GPUs is the accelerator fleet, and machines work is placed on are the workers", () => {
  it("reads GPUs as accelerators and sizes their hours, each team's share and each one's requests", () => {
    expect(scale("Train models on our 800 GPUs shared by 50 research teams.")).toMatchObject({
      accelerators: 800,
      tenants: 50,
    });
    const labs = design("Train models on our 800 GPUs shared by 50 research teams, each team getting a fair share.");
    expect(figure(labs, "accelerator_hours_per_day")?.value).toBe(800 * 24);
    expect(figure(labs, "accelerators_per_tenant")?.value).toBe(16);
    const render = design("A render farm with 1,200 GPUs takes frames from animators and returns them by morning.");
    expect(readsStated(render, "accelerators")).toBe(true);
    expect(rules(render)).not.toContain("stated-number-unread");
    // machines are never GPUs
    expect(scale("Run the scoring service on 40 servers.")).not.toHaveProperty("accelerators");
  });

  it("reads machines that work is placed 'on' as the workers, but not things placed on other things", () => {
    expect(scale("Design a cluster manager that places 40,000 containers on 3,000 machines.")).toMatchObject({
      workers: 3000,
    });
    expect(scale("Schedule 2 million video encodes a day on 900 servers.")).toMatchObject({ workers: 900 });
    expect(scale("Serve the recipe site on 12 servers behind a load balancer.")).not.toHaveProperty("workers");
  });
});

describe("a stated window over a stated count is an arrival rate; stated copies share the load", () => {
  it("spreads the counted users over the window they act in", () => {
    const poll = design("Design a poll for a cooking contest where 12 million viewers vote in a 3-hour window.");
    expect(figure(poll, "window_arrivals_per_sec")?.value).toBeCloseTo(12e6 / (3 * 3600), 3);
    expect(rules(poll)).not.toContain("stated-number-unused");
    const ballot = design("Design a ballot where 2 million union members vote in a 48-hour window.");
    expect(figure(ballot, "window_arrivals_per_sec")?.value).toBeCloseTo(2e6 / (48 * 3600), 3);
    // no stated count, no arrival rate over the window
    const counts = design("Count clicks per article in 5-minute windows over 200,000 events per second.");
    expect(figure(counts, "window_arrivals_per_sec")).toBeUndefined();
  });

  it("gives each stated copy of a worker its share of the work", () => {
    const d = design(
      "Two copies of our report-export worker sometimes pick up the same export; make sure each export runs once.",
    );
    expect(figure(d, "requests_per_stated_replica")?.inputs.find((i) => i.name === "replicas")).toMatchObject({
      value: 2,
      source: "stated",
    });
    expect(rules(d)).not.toContain("stated-number-unused");
    const kv = design("Our key-value store keeps 5 replicas of each key and serves 40,000 reads per second.");
    expect(readsStated(kv, "replicas")).toBe(true);
  });
});
