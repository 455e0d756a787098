import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { design } from "../src/engine/design/design.js";

/**
 * Claims about named systems the knowledge once got wrong, each checked against its primary source, and the coherence
 * rule that keeps a majority off fewer than three failure domains (lane truth).
 */

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
// what the design says, without the decisions' option rows (whose excluded-word patterns name the other way on purpose)
const text = (d: Design) => JSON.stringify({ ...d, decisions: [] });

describe("a majority over two regions needs a third site", () => {
  // invented prompts: a linearizable store over two regions or two data centres
  const twoRegions = [
    "Design a ledger of branch transfers for a bank that runs in two data centers; every committed transfer must survive losing a whole data center, and a write counts only once a majority of replicas holds it.",
    "Design a strongly consistent configuration store replicated across two regions, where a change is acknowledged once a quorum of replicas has it.",
  ];

  for (const prompt of twoRegions)
    it(`draws a witness voter in a third site and claims no majority of two: ${prompt.slice(0, 60)}`, () => {
      const d = design(prompt);
      expect(d.nfrs.regions).toBe(2);
      expect(d.nfrs.consistency).toBe("linearizable");
      const witness = d.components.find((c) => /\bwitness\b/i.test(c.name));
      expect(witness?.kind).toBe("replica-group");
      expect(d.links.some((l) => l.to === witness?.id)).toBe(true);
      expect(d.context.regions).toMatch(/witness voter in a third/);
      expect(text(d)).not.toMatch(/a majority of regions/);
      expect(rules(d)).not.toContain("majority-over-two-domains");
    });

  it("flags the same design once its witness is gone and its texts speak of a majority of the two regions", () => {
    const d = structuredClone(design(twoRegions[0] ?? "")) as Design;
    const plain = (s: string) =>
      s.replace(/a majority of the three sites \(both regions and the witness\)/g, "a majority of regions");
    const broken: Design = {
      ...d,
      components: d.components
        .filter((c) => !/\bwitness\b/i.test(c.name))
        .map((c) => ({ ...c, because: plain(c.because) })),
      links: d.links.map((l) => ({ ...l, label: plain(l.label) })),
    };
    const found = checkCoherence(broken).filter((p) => p.rule === "majority-over-two-domains");
    expect(found).toHaveLength(1);
    expect(found[0]?.detail).toMatch(/majority of regions' over 2 regions/);
  });

  it("flags 'a zone loss keeps a majority' where the prompt places the replicas over two zones", () => {
    const d = design(
      "Design a ticket reservation service for a theatre chain deployed in two availability zones that must never sell one seat twice.",
    );
    expect(d.nfrs.scale.failure_domains).toBe(2);
    expect(d.context.regions).toMatch(/witness voter in a third zone/);
    expect(rules(d)).not.toContain("majority-over-two-domains");
    const broken: Design = {
      ...(structuredClone(d) as Design),
      context: { ...d.context, regions: "one region; replicas spread across zones so a zone loss keeps a majority" },
    };
    expect(rules(broken)).toContain("majority-over-two-domains");
  });

  it("does not fire for three regions, three zones, or a quorum kept inside one region", () => {
    for (const prompt of [
      "Design a strongly consistent key-value store served from three regions for a payroll system.",
      "Design a ticket reservation service for a theatre chain deployed in three availability zones that must never sell one seat twice.",
    ]) {
      const d = design(prompt);
      expect(d.components.some((c) => /\bwitness\b/i.test(c.name))).toBe(false);
      expect(rules(d)).not.toContain("majority-over-two-domains");
    }
    const d = structuredClone(design(twoRegions[1] ?? "")) as Design;
    const inRegion: Design = {
      ...d,
      components: d.components.filter((c) => !/\bwitness\b/i.test(c.name)),
      links: [],
      failures: [],
      capacity: [],
      context: {
        ...d.context,
        regions: "synchronous to a quorum in the writing region, asynchronous to the other regions",
      },
    };
    const stripped = { ...inRegion, components: inRegion.components.map((c) => ({ ...c, because: "" })) };
    expect(rules(stripped)).not.toContain("majority-over-two-domains");
  });
});

describe("Kafka's idempotent producer runs only with acks=all", () => {
  // Apache Kafka producer configs: enable.idempotence requires acks=all
  it("promises no at-most-once append of a retried batch where the producers use acks=1", () => {
    const d = design(
      "Design a Kafka-like stream for best-effort sensor telemetry where losing a few records is fine and producers send with acks=1.",
    );
    expect(d.decisions.find((r) => r.id === "i05-acks")?.chosen).toBe("acks-leader");
    const t = text(d);
    expect(t).not.toMatch(/Enable the idempotent producer/);
    expect(t).not.toMatch(/retried batch is appended to a Partition at most once/);
    expect(t).not.toMatch(/resend same seq/);
    expect(d.failures.some((f) => /idempotent producer cannot run/.test(f.prevention))).toBe(true);
    expect(rules(d)).not.toContain("setting-said-twice");
    expect(rules(d)).not.toContain("decision-contradicted");
  });

  it("keeps the idempotent producer where every in-sync replica acknowledges", () => {
    const d = design(
      "Design a Kafka-like durable order event log where no acknowledged record may be lost and producer retries must not create duplicates.",
    );
    expect(d.decisions.find((r) => r.id === "i05-acks")?.chosen).toBe("acks-all");
    expect(d.failures.some((f) => /Enable the idempotent producer/.test(f.prevention))).toBe(true);
    expect(d.invariants.some((i) => /retried batch is appended to a Partition at most once/.test(i.statement))).toBe(
      true,
    );
  });
});

describe("Vault's recovery keys and single-account rotation", () => {
  const d = design("Design a secrets manager like HashiCorp Vault that issues short-lived database credentials.");

  it("never says recovery keys unseal a node during a KMS outage", () => {
    const t = text(d);
    // HashiCorp: recovery keys cannot decrypt the root key, so they cannot unseal when auto-unseal is down
    expect(t).not.toMatch(/KMS outage is met by operators' recovery shares|keep recovery shares/);
    expect(t).toMatch(/recovery keys only authorise operator actions and cannot unseal|Seal HA/);
  });

  it("never promises an old password keeps working after one account's password is changed", () => {
    const t = text(d);
    expect(t).not.toMatch(/previous version keeps working until every lease/);
    expect(t).not.toMatch(/previous kept until clients move/);
  });
});

describe("a Kafka bid log runs no business check (lane truth, n45)", () => {
  // Kafka javadoc, ProducerFencedException: only producers sharing a transactional.id are fenced; a produce request has
  // no precondition on application state, so every bid check runs in the auction's owner
  const auctions = [
    "Design a penny auction site where every bid raises the price by one cent and resets a 15-second countdown.",
    "Design an auction site where sellers list items and buyers place bids until the auction ends; the highest bid wins and watchers see the price update live.",
  ];
  const bidLogNotes = (d: Design) => {
    const notes: string[] = [];
    for (const g of d.diagrams.filter((x) => x.kind === "sequence")) {
      const log = /participant (P\d+) as Bid log/.exec(g.mermaid)?.[1];
      if (!log) continue;
      for (const m of g.mermaid.matchAll(new RegExp(`Note over ${log}: (.*)`, "g"))) notes.push(m[1] ?? "");
    }
    return notes;
  };
  for (const prompt of auctions)
    it(`checks bids at the owner and only the writer's fence at the log: ${prompt.slice(0, 50)}`, () => {
      const d = design(prompt);
      const notes = bidLogNotes(d);
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n).not.toMatch(/max_amount|Auction\.state|end_time|bid id|AuctionLease\.epoch/);
      expect(d.components.find((c) => /^Bid log/.test(c.name))?.runs.join(" ")).not.toMatch(/epoch check/);
      const kafka = d.technology.flatMap((r) => r.choices).find((c) => /Kafka \(bid log/.test(c.product));
      if (kafka) expect(kafka.fits).toMatch(/transactional producer/);
    });
});

describe("Consul's servers fail closed (lane truth, n44)", () => {
  // HashiCorp Consul docs, consistency modes: without a Raft majority every write fails; only stale reads answer
  for (const prompt of [
    "Show which of a messaging app's 10 million users are online right now, and push each status change to their friends within 10 seconds.",
    "Design service discovery for 2,000 containers where a crashed container disappears from lookups within 20 seconds and lookups keep working when a zone is cut off.",
  ])
    it(`never says Consul suits staying available: ${prompt.slice(0, 50)}`, () => {
      const d = design(prompt);
      for (const c of d.technology.flatMap((r) => r.choices).filter((x) => /\bConsul\b/.test(x.product)))
        expect(c.why).not.toMatch(/stay-available/);
    });
});

describe("Elasticsearch cannot partition an index by term (lane truth, n45)", () => {
  // elastic.co guide, "Routing a document to a shard": shard = hash(_routing) % primary shards, whole documents
  const es = (d: Design) =>
    d.technology.flatMap((r) => r.choices.map((c) => c.product)).some((p) => /Elasticsearch|OpenSearch/.test(p));
  for (const prompt of [
    "Design full-text search over 500 million marketplace listings serving 400,000 queries per second, with new listings searchable within a minute.",
    "Design a catalogue search for a retailer with 80 million products at 300,000 searches per second; price changes must show in results within a minute.",
  ])
    it(`recommends no document-routed engine beside a term-partitioned index: ${prompt.slice(0, 50)}`, () => {
      const d = design(prompt);
      expect(d.decisions.find((r) => r.id === "i06-sharding")?.chosen).toBe("by-term");
      expect(es(d)).toBe(false);
      expect(rules(d)).not.toContain("figure-follows-rejected");
    });
  it("still recommends it where the index is sharded by document", () => {
    const d = design("Design search for an online bookstore with 5 million titles and 2,000 queries per second.");
    expect(d.decisions.find((r) => r.id === "i06-sharding")?.chosen).toBe("by-document");
    expect(es(d)).toBe(true);
  });
});

describe("a Kafka group coordinator counts no retries (lane truth, n44)", () => {
  // Kafka Connect errors.deadletterqueue.topic.name, Spring Kafka DeadLetterPublishingRecoverer: the retry limit and
  // dead-letter topic are the consumer's; the coordinator keeps offsets and membership
  for (const prompt of [
    "Design a Kafka-like durable order event log where no acknowledged record may be lost and producer retries must not create duplicates.",
    "Design a partitioned event log for clickstream events, replayable for 7 days, with several consumer groups reading at their own pace.",
  ])
    it(`draws no refusal from the coordinator over a retry limit: ${prompt.slice(0, 50)}`, () => {
      const d = design(prompt);
      const consume = d.diagrams.find((g) => /Consume and commit progress/.test(g.title));
      expect(consume).toBeDefined();
      expect(consume?.mermaid).not.toMatch(/refused, attempts reached the retry limit/);
      expect(consume?.mermaid).toMatch(/dead-letter topic/);
    });
});

describe("acks=all survives a data center's loss only with replicas across data centers (lane truth, n45)", () => {
  // Apache Kafka docs: acks=all waits for the in-sync replicas, wherever broker.rack placed them
  it("says where the replicas must live when it claims a data center's loss", () => {
    const d = design(
      "Design an order event stream for a retailer: every accepted order event must survive a data center outage, and consumers replay a week of history.",
    );
    const acks = d.decisions.find((r) => r.id === "i05-acks");
    expect(acks?.chosen).toBe("acks-all");
    const all = acks?.options.find((o) => o.id === "acks-all");
    expect(JSON.stringify(all)).toMatch(/different data centers/);
  });
});

describe("DynamoDB global tables have a strongly consistent mode (lane truth)", () => {
  // AWS developer guide, "How DynamoDB global tables work": multi-Region eventual (default, last writer wins) and
  // multi-Region strong consistency (ReplicatedWriteConflictException on a conflicting write)
  it("no card says global tables only settle by last writer wins without naming the strong mode", async () => {
    const { ARCHETYPES } = await import("../src/knowledge/index.js");
    const caveats = ARCHETYPES.flatMap((a) => a.technologies).filter(
      (t) => /dynamodb/i.test(t.product) && /global tables/i.test(t.caveat),
    );
    expect(caveats.length).toBeGreaterThan(0);
    for (const t of caveats) expect(t.caveat).toMatch(/strong consistency mode/);
  });
});

describe("a design that builds a config rollout system never buys one (lane truth, n48)", () => {
  // invented prompts led by I11 whose words name no "config service": the design is the rollout system itself
  const rollouts = [
    "Push new rate-limit policies to 8,000 gateway hosts, 2% of them first, and roll back on their own if errors climb.",
    "Design a configuration distribution service for 40,000 hosts with canary waves and rollback.",
  ];
  for (const prompt of rollouts)
    it(`shows LaunchDarkly and AppConfig as the reference, never a choice: ${prompt.slice(0, 50)}`, () => {
      const d = design(prompt);
      expect(d.archetypes[0]?.id).toBe("I11");
      const chosen = d.technology.flatMap((t) => t.choices.map((c) => c.product));
      expect(chosen.join(" | ")).not.toMatch(/LaunchDarkly|AppConfig/);
      const refs = d.technology.flatMap((t) => (t.references ?? []).map((r) => r.product));
      expect(refs.join(" | ")).toMatch(/LaunchDarkly/);
      expect(rules(d)).not.toContain("reference-as-choice");
    });
});

describe("people's presence is held by no consensus store or server registry (lane truth, n48)", () => {
  // invented prompt: tens of millions of users' online dots; etcd caps its store at 8 GiB, ZooKeeper keeps kilobytes of
  // coordination data, Consul is one Raft group and Eureka registers middle-tier servers
  it("offers neither etcd, ZooKeeper, Consul nor Eureka for a chat app's online dots", () => {
    const d = design(
      "Show which of our 40 million chat users are online, and mark a user offline within 20 seconds of their phone losing its connection.",
    );
    expect(d.archetypes.some((a) => a.id === "I10")).toBe(true);
    const chosen = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" | ");
    expect(chosen).not.toMatch(/\b(?:etcd or ZooKeeper ephemeral|Consul|Eureka)\b/);
    expect(chosen).toMatch(/sharded presence registry of our own/);
  });
  it("still offers etcd or ZooKeeper ephemeral keys for service instances", () => {
    const d = design("Register every service instance in ZooKeeper so clients can discover healthy ones.");
    const chosen = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" | ");
    expect(chosen).toMatch(/etcd or ZooKeeper ephemeral keys/);
  });
});

describe("a stay-available hash ring names no CP store as its choice (lane truth, n48)", () => {
  it("the gossip row is gossip alone; Consul and etcd are the consistent alternative in its caveat", async () => {
    const { archetype } = await import("../src/engine/fields/common.js");
    const row = archetype("I18").technologies.find((t) => /memberlist/.test(t.product));
    expect(row?.suits).toContain("stay-available");
    expect(row?.product).not.toMatch(/Consul|etcd/);
    expect(row?.caveat).toMatch(/Consul or etcd give one consistent view/);
  });
});
