import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCoherence, coherenceFacts } from "../src/engine/coherence.js";
import { ARCHETYPE_IDS } from "../src/knowledge/schema.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

/** A shortener asked as code generation (the sequence card leads): its codes come from leased blocks. */
// an I09 design of its own (a URL shortener is built from its short-links feature, which decides its codes itself)
const CODES_PROMPT = "Design an ID service that hands out 20,000 short unique codes per second, each code unique.";

const CORPUS = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith("#"));

const clone = (d: Design): Design => structuredClone(d);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("coherence corpus", () => {
  it("holds at least 100 prompts that reach every archetype as the dominant one", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    const dominant = new Set(CORPUS.map((p) => design(p).archetypes[0]?.id));
    for (const id of ARCHETYPE_IDS) expect(dominant, id).toContain(id);
  });

  it("every design of the corpus is coherent", () => {
    const broken = CORPUS.flatMap((p) => checkCoherence(design(p)).map((x) => `${p} :: ${x.rule}: ${x.detail}`));
    expect(broken).toEqual([]);
  });

  it("every archetype decision option, set by override on a corpus prompt that carries it, is drawn coherently", () => {
    const seen = new Set<string>();
    const broken: string[] = [];
    for (const p of CORPUS) {
      for (const row of design(p).decisions) {
        if (seen.has(row.id) || !row.drives || !/^I\d\d$/.test(row.archetype)) continue;
        seen.add(row.id);
        for (const o of row.options.filter((x) => x.id !== row.chosen)) {
          const set = `decision.${row.id}=${o.id}`;
          // Another decision derived from the same words may now disagree with the override (the verdict
          // names it, and the user flips it too); the drawing must never disagree with the override itself.
          for (const x of checkCoherence(design(p, [set])))
            if (x.rule !== "decision-contradicted" || x.detail.startsWith(`${row.id} `))
              broken.push(`${p} --set ${set} :: ${x.rule}: ${x.detail}`);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(broken).toEqual([]);
  });

  it("every design carries its own coherence verdict, which the workbench shows", () => {
    for (const p of CORPUS.slice(0, 20)) expect(design(p).coherence, p).toEqual([]);
  });
});

describe("coherence rules go red when broken", () => {
  it("a product both chosen and avoided", () => {
    const d = clone(design("Design a unique ID generator."));
    const row = d.technology.find((t) => t.choices.length > 0);
    if (!row?.choices[0]) throw new Error("no technology choice");
    row.avoid = { product: row.choices[0].product, why: "test" };
    expect(rules(d)).toContain("chosen-and-avoided");
  });

  it("the system named in the prompt offered as a product to buy", () => {
    const d = clone(design("Design a distributed message queue like Kafka."));
    d.technology.push({
      layer: "storage",
      shape: "log",
      archetype: "I05",
      choices: [{ product: "Apache Kafka", fits: "x", why: "y" }],
    });
    expect(rules(d)).toContain("reference-as-choice");
  });

  it("a CDN prompt never buys a CDN, and says which CDNs are the reference", () => {
    const d = design("Design a CDN.");
    const chosen = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" ");
    expect(chosen).not.toMatch(/CloudFront|Fastly|Akamai/);
    expect(d.technology.flatMap((t) => t.references ?? []).map((r) => r.product)).toEqual(
      expect.arrayContaining([expect.stringMatching(/CloudFront/)]),
    );
  });

  it("a fail-closed failure row in a stay-available design", () => {
    const d = clone(design("Design a key-value store."));
    expect(d.nfrs.availability).toBe("stay-available");
    d.failures.push({
      failure: "a partition",
      prevention: "majority",
      repair: "the minority side refuses writes until it heals",
      role: "truth",
      archetype: "I16",
      source: "test",
    });
    expect(rules(d)).toContain("failure-contradicts-availability");
  });

  it("Kafka's in-sync set described as a majority", () => {
    const d = clone(design("Design a distributed message queue like Kafka."));
    d.invariants.push({
      path: d.criticalPaths[0]?.name ?? "",
      statement: "A record is committed once a majority of the ISR has it.",
      archetype: "I05",
      because: "test",
    });
    expect(rules(d)).toContain("isr-called-majority");
  });

  it("a mechanism whose reasons, read together, call the in-sync set a majority", () => {
    const d = clone(design("Design a distributed message queue like Kafka."));
    const m = d.mechanisms[0];
    if (!m) throw new Error("no mechanism");
    d.mechanisms.push({ ...m, because: ["writes wait for the in-sync replicas", "a majority of them acks."] });
    expect(rules(d)).toContain("isr-called-majority");
  });

  it("fencing tokens in a design without a protected resource", () => {
    const d = clone(design("Design a CDN."));
    expect(d.mechanisms.map((m) => m.id)).not.toContain("fencing-token");
    const lock = design("Design a distributed lock manager that grants exclusive leases on resources.");
    const fencing = lock.mechanisms.find((m) => m.id === "fencing-token");
    if (!fencing) throw new Error("a lock manager must fence");
    d.mechanisms.push(fencing);
    expect(rules(d)).toContain("mechanism-without-precondition");
  });

  it("tombstones and transactions only where deletes propagate and several records change together", () => {
    const d = clone(design("Design a unique ID generator."));
    const ids = d.mechanisms.map((m) => m.id);
    expect(ids).not.toContain("tombstones");
    const donor = design("Design a search index that stays in sync with a product catalogue database.");
    const tomb = donor.mechanisms.find((m) => m.id === "tombstones");
    if (!tomb) throw new Error("a search index carries deletes");
    d.mechanisms.push(tomb);
    expect(rules(d)).toContain("mechanism-without-precondition");
  });

  it("an invariant on a path that does not write what it constrains", () => {
    const d = clone(design("Design a distributed lock manager that grants exclusive leases on resources."));
    const first = d.invariants[0];
    if (!first) throw new Error("no invariant");
    first.statement = "Every Widget is painted blue.";
    expect(rules(d)).toContain("invariant-off-path");
  });

  it("a mechanism that protects an invariant about an entity it never touches", () => {
    const d = clone(design("Design a distributed job scheduler that runs 50 million scheduled jobs a day"));
    const bucket = d.mechanisms[0];
    const run = d.invariants.find((i) => /\bRun\b/.test(i.statement) && !/schedule/i.test(i.statement + i.path));
    const other = d.operations.find((o) => o.entity === "Schedule");
    if (!bucket || !run || !other) throw new Error("the scheduler has mechanisms, a Run invariant and a Schedule");
    expect(rules(d)).not.toContain("mechanism-protects-untouched");
    bucket.because = [`${other.phrase}: ${other.operation} on Schedule`];
    bucket.protects = run.statement;
    expect(rules(d)).toContain("mechanism-protects-untouched");
  });

  it("a mechanism that protects nothing, a rule the design lacks, or a core that only serves", () => {
    const prompt = "Design a stock exchange order matching engine for 100k orders per second";
    const d = clone(design(prompt));
    expect(rules(d)).not.toContain("mechanism-protects-nothing");
    const sequencer = d.mechanisms.find((m) => m.id === "op-sequencer");
    const served = d.mechanisms.find((m) => m.serves !== undefined);
    if (!sequencer || !served)
      throw new Error("the matching engine has a sequencer and a mechanism kept for a concern");
    // "none" is no rule
    sequencer.protects = "none";
    expect(rules(d)).toContain("mechanism-protects-nothing");
    // a rule the design does not state
    sequencer.protects = "Every order is matched by a human.";
    expect(rules(d)).toContain("mechanism-protects-nothing");
    // no rule and no purpose
    const bare = clone(design(prompt));
    const idle = bare.mechanisms.find((m) => m.serves !== undefined);
    if (!idle) throw new Error("a mechanism kept for a concern");
    delete idle.serves;
    expect(rules(bare)).toContain("mechanism-protects-nothing");
    // the first critical write's mechanism, the script's core, kept only for a concern
    const core = clone(design(prompt));
    const seq = core.mechanisms.find((m) => m.id === "op-sequencer");
    if (!seq) throw new Error("the matching engine has a sequencer");
    const first = core.operations.find((o) => o.critical && !o.hidden && o.mechanism);
    seq.because = [`${first?.phrase}: ${first?.operation} on ${first?.entity}`];
    seq.protects = "";
    seq.serves = "ordering";
    core.operations.splice(core.operations.indexOf(first as (typeof core.operations)[number]), 1, {
      ...(first as (typeof core.operations)[number]),
      mechanism: "op-sequencer",
    });
    expect(rules(core)).toContain("mechanism-protects-nothing");
  });

  it("a source file named in the design's text", () => {
    const d = clone(design("Design a payment service that charges cards exactly once at 2,000 payments per second"));
    expect(rules(d)).not.toContain("source-path-in-text");
    const row = d.failures[0];
    if (!row) throw new Error("a payment design has failure rows");
    row.failure = `${row.failure} (knowledge/parties.ts)`;
    expect(rules(d)).toContain("source-path-in-text");
    // a file name without a directory, and a directory without a file name, are each a source path
    for (const path of ["parties.ts", "src/engine"]) {
      const alone = clone(
        design("Design a payment service that charges cards exactly once at 2,000 payments per second"),
      );
      (alone.failures[0] as typeof row).failure += ` (see ${path})`;
      expect(rules(alone), path).toContain("source-path-in-text");
    }
  });

  it("a defaulted stance that is linearizable and stay-available", () => {
    const d = clone(design("Design a key-value store."));
    d.nfrs.consistency = "linearizable";
    expect(rules(d)).toContain("nfr-contradiction");
  });

  it("a stated NFR replaced by a default", () => {
    const d = clone(design("Design a job scheduler with at-most-once execution."));
    expect(d.nfrs.delivery).toBe("at-most-once");
    const sources = d.nfrs.sources;
    sources.delivery = { source: "default", because: "test" };
    expect(rules(d)).toContain("stated-nfr-lost");
  });
});

describe("stated NFRs win, and defaults give way to them", () => {
  it("stated stay-available weakens a linearizable default instead of contradicting it", () => {
    const d = design("Design a coordination service like ZooKeeper that must stay highly available during partitions.");
    expect(d.nfrs.sources.availability?.source).toBe("stated");
    expect(d.nfrs.availability).toBe("stay-available");
    expect(d.nfrs.consistency).not.toBe("linearizable");
  });
  it("stated linearizable in a stay-available archetype makes the minority refuse", () => {
    const d = design("Design a key-value store with linearizable reads.");
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.availability).toBe("fail-closed");
  });
  it("an ID generator and a metadata store do not default to exactly-once delivery", () => {
    expect(design("Design a unique ID generator.").nfrs.delivery).not.toBe("exactly-once");
    expect(design("Design a distributed coordination service like ZooKeeper.").nfrs.delivery).not.toBe("exactly-once");
  });
});

describe("decisions hold across the design (red when broken)", () => {
  const kv = "Design a replicated key-value store with compare-and-set writes and strong consistency";
  const blobs = "Design an object storage service like S3 that stores 5 PB of video files in buckets";

  it("a sequence that belongs to the rejected replication option", () => {
    const d = clone(design(kv));
    expect(d.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leader-based");
    expect(rules(d)).not.toContain("decision-contradicted");
    d.diagrams.push({ kind: "sequence", title: "I16: Quorum write with hinted handoff", mermaid: "sequenceDiagram" });
    expect(rules(d)).toContain("decision-contradicted");
  });

  it("a drawn link in the words the chosen option excludes", () => {
    const d = clone(design(kv));
    const link = d.links[0];
    if (!link) throw new Error("no link");
    link.label = "write to stand-ins by hinted handoff";
    expect(rules(d)).toContain("decision-contradicted");
  });

  it("capacity sized for three replicas beside a chosen erasure code", () => {
    const d = clone(design(blobs));
    expect(d.decisions.find((x) => x.id === "i19-redundancy")?.chosen).toBe("erasure-coding");
    expect(rules(d)).not.toContain("capacity-contradicts-decision");
    const raw = d.capacity.find((c) => c.id === "raw_bytes");
    const overhead = raw?.inputs.find((i) => i.name === "storage_overhead");
    if (!raw || !overhead) throw new Error("no overhead input");
    overhead.value = 3;
    expect(rules(d)).toContain("capacity-contradicts-decision");
    const plain = clone(design(blobs));
    plain.capacity[0]?.inputs.push({ name: "replicas", value: 3, source: "assumed", because: "test" });
    expect(rules(plain)).toContain("capacity-contradicts-decision");
  });

  it("a recommended product that cannot replay beside a log that consumers replay", () => {
    const d = clone(design("Design a durable event log where many consumer groups replay from their own offsets"));
    expect(d.decisions.find((x) => x.id === "i05-consumption")?.chosen).toBe("pull");
    expect(rules(d)).not.toContain("technology-lacks-property");
    const row = d.technology[0];
    if (!row) throw new Error("no technology row");
    row.choices.push({ product: "Amazon SQS", fits: "test", why: "test" });
    expect(rules(d)).toContain("technology-lacks-property");
  });

  it("last-writer-wins accepted by an API that refuses stale versions", () => {
    const d = clone(design(kv));
    const put = d.api.find((a) => a.errors.some((e) => /409/.test(e)));
    if (!put) throw new Error("no versioned write");
    expect(rules(d)).not.toContain("version-check-with-lww");
    put.guarantee = "concurrent puts resolve by last writer wins, which is acceptable";
    expect(rules(d)).toContain("version-check-with-lww");
  });

  it("a bottleneck estimate that disagrees with the capacity table", () => {
    const d = clone(design("Design a metrics monitoring system that collects CPU time series from 20,000 servers"));
    const retained = d.capacity.find((c) => c.id === "retained_bytes");
    if (!retained) throw new Error("no retained bytes");
    expect(d.bottlenecks.some((b) => b.estimate?.startsWith(`${retained.quantity} =`))).toBe(true);
    expect(rules(d)).not.toContain("numbers-disagree");
    retained.display = "≈ 9.99 PB";
    expect(rules(d)).toContain("numbers-disagree");
  });

  it("one named input read with two values by the capacity table", () => {
    const d = clone(design("Design a content delivery network."));
    const reads = d.capacity.filter((r) => r.inputs.some((i) => i.name === "cache_sites"));
    expect(reads.length).toBeGreaterThan(1);
    expect(rules(d)).not.toContain("numbers-disagree");
    const i = reads[1]?.inputs.find((x) => x.name === "cache_sites");
    if (!i) throw new Error("no nodes input");
    i.value = 10000;
    expect(rules(d)).toContain("numbers-disagree");
  });

  it("a stated number no capacity figure reads", () => {
    const d = clone(design("Design a metrics monitoring system that collects CPU time series from 20,000 servers"));
    expect(rules(d)).not.toContain("stated-number-unused");
    d.capacity = d.capacity.filter((r) => !r.inputs.some((i) => i.name === "nodes" && i.source === "stated"));
    expect(rules(d)).toContain("stated-number-unused");
  });

  it("a predicate table that accepts last-writer-wins beside an invariant that refuses stale writes", () => {
    const d = clone(design("Design a key-value store."));
    const lww = d.predicates.find((p) => p.id === "lww-acceptable");
    if (!lww) throw new Error("no lww predicate");
    expect(lww.holds).toBe(false);
    expect(rules(d)).not.toContain("version-check-with-lww");
    lww.holds = true;
    expect(rules(d)).toContain("version-check-with-lww");
  });
});

describe("numbers a design can run", () => {
  it("never shows fewer than one node, and quotes the table's figure for a bottleneck that measures it", () => {
    // (the one-below-one wording itself: test/edge-refusals.test.ts, shownCount)
    const d = design("Design a hotel reservation system.");
    const shown = [...d.bottlenecks.map((b) => b.estimate ?? ""), ...d.capacity.map((r) => r.display)];
    expect(shown.filter((t) => /(?:^|[^\d.])0\.\d+ (?:nodes?|servers?|shards?|workers?)\b/.test(t))).toEqual([]);
    // an edge fleet's egress (a shortener's cache cluster has no edge egress row: see the option-scoping tests)
    const url = design("Design a CDN for images handling 100k requests per second");
    const egress = url.capacity.find((r) => r.id === "egress_bandwidth");
    const said = url.bottlenecks.find((b) => /egress/.test(b.estimate ?? ""));
    expect(said?.estimate).toContain(egress?.display ?? "missing");
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("numbers-disagree");
  });
});

describe("one quantity at peak or not", () => {
  it("catches a bottleneck that sizes the table's peak figure again without the peak", () => {
    const d = clone(design("Design a CDN for images handling 100k requests per second"));
    const b = d.bottlenecks.find((x) => /egress bandwidth at peak/.test(x.estimate ?? ""));
    if (!b) throw new Error("no egress bottleneck");
    expect(rules(d)).not.toContain("numbers-disagree");
    b.formula = "egress bytes per second = requests_per_sec * value_bytes (B/s)";
    b.estimate =
      "egress bytes per second = requests_per_sec * value_bytes ≈ 18 MB/s, with requests_per_sec = 37k req/s";
    expect(rules(d)).toContain("numbers-disagree");
  });
});

describe("one design, one value per quantity, and no part larger than its whole", () => {
  it("catches a hot set larger than one copy of the stored data", () => {
    const d = clone(
      design("Design a distributed cache in front of a user-profile database serving 1 million reads per second"),
    );
    expect(rules(d)).not.toContain("part-exceeds-whole");
    const hot = d.capacity.find((r) => r.id === "hot_set_bytes");
    const whole = d.capacity.find((r) => r.id === "stored_bytes");
    if (!hot || !whole) throw new Error("no hot set or stored bytes");
    expect(hot.value).toBeLessThanOrEqual(whole.value);
    hot.value = whole.value * 10;
    expect(rules(d)).toContain("part-exceeds-whole");
  });

  it("names a count a figure decides apart from another part's count of the same name", () => {
    const d = clone(design("Design a service discovery and configuration system like Consul for 5,000 services"));
    expect(rules(d)).not.toContain("numbers-disagree");
    // the registry's own node count (3) said under the fleet's name (10k config clients) disagrees
    const b = d.bottlenecks.find((x) => /\binstances_per_service = /.test(x.estimate ?? ""));
    if (!b?.estimate) throw new Error("no estimate naming instances_per_service");
    b.estimate = `${b.estimate}; config_clients = 3 clients (sized by capacity: registry_nodes = max(replicas, heartbeats_per_sec / (store_node_ops_per_sec * target_utilisation)))`;
    expect(rules(d)).toContain("numbers-disagree");
  });

  it("quotes the table's peak deliveries, and catches the same deliveries estimated off the base rate", () => {
    const d = clone(design("Design a collaborative document editor like Google Docs"));
    expect(rules(d)).not.toContain("numbers-disagree");
    const b = d.bottlenecks.find((x) => /^Broadcast fan-out/.test(x.bottleneck));
    if (!b) throw new Error("no broadcast row");
    expect(b.estimate).toMatch(/≈ 27M msgs\/s/);
    b.formula = "operation deliveries per second = writes_per_sec * (participants - 1) (deliveries/s)";
    b.estimate =
      "operation deliveries per second = writes_per_sec * (participants - 1) ≈ 9M deliveries/s, with writes_per_sec = 1M writes/s";
    expect(rules(d)).toContain("numbers-disagree");
  });
});

describe("a design builds what it decided", () => {
  const CONSUL = "Design a service discovery and configuration system like Consul for 5,000 services";

  it("recommends no product built on a rejected option, and catches one that is", () => {
    const d = clone(design(CONSUL));
    const detection = d.decisions.find((r) => r.id === "i10-detection");
    expect(detection?.chosen).toBe("central-registry");
    const offered = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" | ");
    expect(offered).not.toMatch(/Serf|memberlist/);
    expect(rules(d)).not.toContain("technology-builds-rejected");
    const row = d.technology.find((t) => t.archetype === "I10");
    if (!row) throw new Error("no I10 technology row");
    row.choices.push({ product: "memberlist / Serf (SWIM gossip)", fits: "x", why: "y" });
    expect(rules(d)).toContain("technology-builds-rejected");
  });

  it("an OT design is offered no CRDT library", () => {
    const d = clone(design("Design a collaborative document editor like Google Docs"));
    expect(d.decisions.find((r) => r.id === "i13-merge")?.chosen).toBe("ot");
    expect(d.technology.flatMap((t) => t.choices.map((c) => c.product))).not.toContain("Yjs");
    const row = d.technology.find((t) => t.archetype === "I13");
    if (!row) throw new Error("no I13 technology row");
    row.choices.push({ product: "Yjs", fits: "x", why: "y" });
    expect(rules(d)).toContain("technology-builds-rejected");
  });

  it("never avoids the product a chosen option is built on", () => {
    const d = clone(design("Design a pastebin handling 100k reads per second"));
    expect(d.decisions.find((r) => r.id === "i07-placement")?.chosen).toBe("cluster");
    const row = d.technology.find((t) => t.archetype === "I07");
    if (!row) throw new Error("no I07 technology row");
    expect(row.choices.map((c) => c.product).join(" ")).not.toMatch(/CloudFront|Varnish|object store/);
    expect(rules(d)).not.toContain("technology-builds-rejected");
    row.avoid = { product: "Memcached or Redis", why: "test" };
    expect(rules(d)).toContain("technology-builds-rejected");
  });

  it("one archetype's decisions never hold a majority commit beside asynchronous replication", () => {
    const d = clone(design("Design a distributed cache."));
    expect(d.decisions.find((r) => r.id === "i16-ack")?.chosen).toBe("async");
    expect(d.mechanisms.map((m) => m.id)).not.toContain("consensus-replication");
    expect(rules(d)).not.toContain("mechanisms-exclusive");
    const async = d.mechanisms.find((m) => m.id === "async-replication");
    if (!async) throw new Error("no asynchronous replication");
    d.mechanisms.push({
      ...async,
      id: "consensus-replication",
      name: "quorum / consensus replication",
      because: ["decision i16-replication: one leader per shard replicating through consensus or a primary"],
    });
    expect(rules(d)).toContain("mechanisms-exclusive");
  });

  it("a rejected option's own example is never the prompt's subject", () => {
    const p = "Design a ride-hailing service that matches riders with nearby drivers";
    const d = clone(design(p));
    expect(rules(d)).not.toContain("flip-example-is-subject");
    const row = d.decisions.find((r) => r.id === "geo-index");
    if (!row) throw new Error("no geo-index decision");
    expect(row.chosen).toBe("geohash");
    // the quadtree chosen while the geohash's own example ("drivers, couriers") is what the prompt is about
    row.chosen = "quadtree";
    expect(checkCoherence(d, coherenceFacts(p)).map((x) => x.rule)).toContain("flip-example-is-subject");
  });

  it("a sequence draws the chosen option's steps, never a rejected one's", () => {
    const d = clone(design(CODES_PROMPT));
    expect(d.decisions.find((r) => r.id === "i09-scheme")?.chosen).toBe("leased-blocks");
    const seqs = d.diagrams.filter((g) => g.kind === "sequence");
    expect(seqs.map((g) => g.mermaid).join("\n")).not.toMatch(/compose timestamp/);
    expect(rules(d)).not.toContain("decision-contradicted");
    const one = seqs[0];
    if (!one) throw new Error("no sequence");
    d.diagrams.push({ ...one, title: "I09: Timestamp layout with a leased worker id" });
    expect(rules(d)).toContain("decision-contradicted");
  });

  it("numbers that must never skip come from one sequencer", () => {
    const d = design("Design a ticket number service that never skips or repeats a number.");
    expect(d.decisions.find((r) => r.id === "i09-scheme")?.chosen).toBe("single-sequencer");
    // where worker ids come from is a question only the timestamp layout asks
    expect(d.decisions.map((r) => r.id)).not.toContain("i09-worker-ids");
    expect(design("Design a unique ID generator.").decisions.map((r) => r.id)).toContain("i09-worker-ids");
  });
});

describe("a design carries nothing it does not draw", () => {
  it("a home timeline sizes and decides nothing for archetypes no feature rests on, and the rule catches one that does", () => {
    const d = clone(design("Design Twitter's home timeline"));
    const drawn = new Set(["feed", "graph", "I05", "I06", "I16"]);
    for (const c of d.capacity) expect(drawn, `${c.archetype} ${c.id}`).toContain(c.archetype);
    for (const r of d.decisions) expect(drawn, r.id).toContain(r.archetype);
    expect(d.capacity.map((c) => c.display).join(" ")).not.toMatch(/PB/);
    expect(rules(d)).not.toContain("rows-without-component");
    const one = d.capacity.find((c) => c.archetype === "I16");
    if (!one) throw new Error("no I16 figure");
    d.capacity.push({ ...one, archetype: "I14", id: "stored_bytes", display: "≈ 15 PB" });
    expect(rules(d)).toContain("rows-without-component");
  });
});

describe("rows and steps follow what the design carries", () => {
  it("a mechanism's failure row appears only where an operation uses the mechanism or a decision chose it", () => {
    const cache = clone(
      design("Design a distributed cache in front of a user-profile database serving 1 million reads per second"),
    );
    const failures = cache.failures.map((f) => f.failure);
    // the fill lease is a predicate's recommendation, not a holder that owns a resource
    expect(failures).not.toContain("the holder crashes while it owns the resource");
    expect(rules(cache)).not.toContain("failure-without-mechanism");
    cache.failures.push({
      failure: "the holder crashes while it owns the resource",
      prevention: "p",
      repair: "r",
      role: "coordination",
      archetype: "I16",
      source: "test",
    });
    expect(rules(cache)).toContain("failure-without-mechanism");
    // a lock manager holds the lease on its own path and keeps the row
    const lock = design("Design a distributed lock manager that grants exclusive leases on resources.");
    expect(lock.failures.map((f) => f.failure)).toContain("the holder crashes while it owns the resource");
  });

  it("a rate limiter's budget-store row never reaches a push design, though both pace by token bucket", () => {
    const push = clone(design("Design a notification service that sends 10 million push notifications per hour"));
    expect(push.failures.map((f) => f.failure)).not.toContain("the budget store is unreachable from the request path");
    push.failures.push({
      failure: "the budget store is unreachable from the request path",
      prevention: "p",
      repair: "r",
      role: "coordination",
      archetype: "I12",
      source: "test",
    });
    expect(rules(push)).toContain("failure-without-mechanism");
  });

  it("a card step a chosen option rules out is not the design's (gossip rejected: no spreading to random peers)", () => {
    const d = clone(design("Design a service discovery and configuration system like Consul for 5,000 services"));
    expect(d.decisions.find((r) => r.id === "i10-detection")?.chosen).toBe("central-registry");
    const texts = [...d.operations.map((o) => o.phrase), ...d.context.paths.map((p) => p.path)].join("\n");
    expect(texts).not.toMatch(/random peers/);
    expect(rules(d)).not.toContain("decision-contradicted");
    const one = d.operations.find((o) => o.archetype === "I10" && o.entity === "MembershipView") ?? d.operations[0];
    if (!one) throw new Error("no operation");
    d.operations.push({ ...one, entity: "MembershipView", archetype: "I10", mechanism: "gossip-dissemination" });
    expect(rules(d)).toContain("decision-contradicted");
  });

  it("leased blocks chosen: no worker-id lease steps; a sliding window chosen: no token refill", () => {
    const short = design(CODES_PROMPT);
    expect(short.decisions.find((r) => r.id === "i09-scheme")?.chosen).toBe("leased-blocks");
    expect(short.operations.map((o) => o.phrase).join("\n")).not.toMatch(/worker id/);
    const limiter = design(
      "Design a distributed rate limiter for a public API that allows each API key 1,000 requests per minute across 30 gateway nodes",
    );
    expect(limiter.operations.map((o) => o.phrase).join("\n")).not.toMatch(/refilling and taking tokens/);
    expect(limiter.invariants.map((i) => i.statement).join("\n")).not.toMatch(/refill-and-decrement/);
  });
});

describe("a replication choice never calls itself what its acknowledgement is not", () => {
  it("a leader per shard beside asynchronous replication never says consensus; the rule catches one that does", () => {
    // a cache that is its own store (no database named behind it) still decides how it replicates
    const d = clone(design("Design a distributed cache serving 1 million reads per second"));
    const row = d.decisions.find((r) => r.id === "i16-replication");
    expect(d.decisions.find((r) => r.id === "i16-ack")?.chosen).toBe("async");
    expect(rules(d)).not.toContain("mechanisms-exclusive");
    const option = row?.options.find((o) => o.id === row.chosen);
    if (!option) throw new Error("no replication choice");
    option.name = "one leader per shard replicating through consensus";
    expect(rules(d)).toContain("mechanisms-exclusive");
  });

  it("a store hosting another archetype's majority-committed records never recommends one that replicates asynchronously", () => {
    const p =
      "Design a distributed rate limiter for a public API that allows each API key 1,000 requests per minute across 30 gateway nodes";
    const d = clone(design(p));
    expect(d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" ")).toMatch(/Redis/);
    expect(rules(d)).not.toContain("technology-lacks-property");
    const counter = d.mechanisms[0];
    if (!counter) throw new Error("no mechanism");
    // a majority commit applied to a record the limiter's own counter store holds
    const held = d.components.find((c) => c.archetype === "I08" && c.holds.length > 0)?.holds[0];
    if (!held) throw new Error("no counter store");
    d.mechanisms.push({
      ...counter,
      id: "quorum-read-write",
      name: "tunable quorum reads and writes",
      because: [`replicate each write (replica): async process on ${held} (test)`],
    });
    expect(rules(d)).toContain("technology-lacks-property");
  });
});

describe("numbers are acted on and plausible", () => {
  it("a share of one primary past 100% comes with the count that splits it, and the script says the split", () => {
    const push = clone(design("Design a notification service that sends 10 million push notifications per hour"));
    const share = push.capacity.find((c) => c.id === "primary_headroom");
    const shards = push.capacity.find((c) => c.id === "state_shards");
    expect(share?.value).toBeGreaterThanOrEqual(1);
    expect(shards?.value).toBe(5);
    expect(rules(push)).not.toContain("share-not-acted");
    const said = writeScript(push, { minutes: 45 })
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    expect(said).toMatch(/I split it over 5 shards/);
    expect(said).not.toMatch(/outside our system: the outbox relay/);
    push.capacity.splice(push.capacity.indexOf(shards as (typeof push.capacity)[number]), 1);
    expect(rules(push)).toContain("share-not-acted");
  });

  it("a node rebuild takes hours at the repair bandwidth of its helpers, never seconds across the whole cluster", () => {
    const sync = clone(design("Design Dropbox file sync for 100 million users"));
    const rebuild = sync.capacity.find((c) => c.id === "rereplication_seconds");
    if (!rebuild) throw new Error("no rebuild figure");
    // 20 TB filled to 80% x 6 fragments read per rebuilt one, over 100 helpers at 100 MB/s each
    expect(rebuild.value).toBeCloseTo(9600, 0);
    expect(rebuild.inputs.find((i) => i.name === "repair_read_amplification")?.value).toBe(6);
    expect(rules(sync)).not.toContain("duration-implausible");
    rebuild.value = 3.81;
    expect(rules(sync)).toContain("duration-implausible");
  });
});

describe("a work queue is sized as a lease store, not a log", () => {
  it("sizes sends, leases and acks on partition leaders and the backlog of an outage, with no log retention or consumer-group egress", () => {
    const q = design("Design a distributed task queue with at-least-once processing and visibility timeouts");
    const ids = q.capacity.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["lease_store_writes", "queue_partitions", "backlog_bytes"]));
    expect(ids).not.toContain("retained_bytes");
    expect(ids).not.toContain("consumer_egress");
    expect(ids).not.toContain("messages_per_partition");
    expect(q.bottlenecks[0]?.load?.figure).toBe("lease_store_writes");
    // 90k replicated writes a second at peak over leaders that group-commit 50k a second, at half load
    expect(q.capacity.find((c) => c.id === "queue_partitions")?.value).toBe(4);
    expect(rules(q)).not.toContain("share-not-acted");
  });
});

describe("a substrate's figures read the product's own counts", () => {
  it("a home timeline's log and key-value store are sized from its posts and feed reads, not an event bus's typical rate", () => {
    const t = design("Design Twitter's home timeline");
    const input = (figure: string, name: string) =>
      t.capacity.find((c) => c.id === figure)?.inputs.find((i) => i.name === name);
    const posts = t.capacity.find((c) => c.id === "posts_per_sec")?.value ?? 0;
    // the log's storage row is the tiered plan's bytes on broker disks (the untiered whole retention is its alternative)
    expect(input("broker_retained_bytes", "messages_per_sec")?.value).toBeCloseTo(posts, 6);
    expect(input("broker_retained_bytes", "messages_per_sec")?.because).toMatch(/posts_per_user_per_day/);
    expect(input("hot_key_ops", "requests_per_sec")?.because).toMatch(/feed_reads_per_user_per_day/);
  });
});

describe("the hotspot is on the chosen path", () => {
  it("a rate limiter that checks a central store per request names the store's per-request load first, not allowance syncs it does not run", () => {
    const r = design(
      "Design a distributed rate limiter that allows 1,000 requests per minute per API key across 30 API gateway nodes",
    );
    expect(r.decisions.find((x) => x.id === "i08-enforcement")?.chosen).toBe("central-store");
    expect(r.bottlenecks[0]?.bottleneck).toBe("one round trip to the budget store per request");
    expect(r.bottlenecks.map((b) => b.bottleneck).join(" ")).not.toMatch(/every node holds an allowance/);
    expect(r.bottlenecks[0]?.mitigation).toMatch(/^shard the budget store by scope key/);
    expect(rules(r)).not.toContain("decision-contradicted");
    const off = clone(r);
    off.bottlenecks.push({
      ...(off.bottlenecks[0] as Design["bottlenecks"][number]),
      bottleneck: "sync traffic once every node holds an allowance for every active scope",
    });
    expect(rules(off)).toContain("decision-contradicted");
  });
});

describe("one value per quantity", () => {
  it("a collaborative editor counts its broadcast fan-out once: the session's deliveries and the editor's broadcasts agree", () => {
    const docs = clone(design("Design a collaborative document editor like Google Docs"));
    const a = docs.capacity.find((c) => c.id === "deliveries_per_sec");
    const b = docs.capacity.find((c) => c.id === "broadcasts_per_sec");
    expect(a?.value).toBeCloseTo(b?.value ?? 0, 0);
    expect(rules(docs)).not.toContain("fan-out-counted-twice");
    if (b) {
      b.value = 9e6;
      b.display = "≈ 9M msg/s";
    }
    expect(rules(docs)).toContain("fan-out-counted-twice");
  });
});
