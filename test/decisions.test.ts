import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseOverrides } from "../src/engine/design/overrides.js";
import { ARCHETYPE_CAPACITY } from "../src/knowledge/capacity/index.js";
import { ARCHETYPE_DECISIONS, DECISION_BY_ID } from "../src/knowledge/decisions/index.js";
import { FEATURES } from "../src/knowledge/features/index.js";
import { MECHANISM_BY_ID } from "../src/knowledge/index.js";
import { formulaVariables, parseFormula } from "../src/knowledge/notation/formula.js";
import { QUANTITY_BY_ID } from "../src/knowledge/quantities.js";
import { ARCHETYPE_IDS } from "../src/knowledge/schema.js";

const ids = (d: ReturnType<typeof design>) => d.mechanisms.map((m) => m.id);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;

describe("decision points (knowledge)", () => {
  it("gives every archetype at least two decision points with two or more options each", () => {
    for (const id of ARCHETYPE_IDS) {
      const points = ARCHETYPE_DECISIONS[id];
      expect(points.length, id).toBeGreaterThanOrEqual(2);
      for (const p of points) {
        expect(p.options.length, p.id).toBeGreaterThanOrEqual(2);
        for (const o of p.options) for (const t of [o.buys, o.costs, o.winsWhen]) expect(t.length).toBeGreaterThan(8);
      }
    }
  });

  it("refers only to real options, mechanisms, quantities and capacity figures", () => {
    // Every decision point, of an archetype or a product feature, has its own id.
    const all = [...Object.values(ARCHETYPE_DECISIONS).flat(), ...FEATURES.flatMap((f) => f.decisions ?? [])];
    expect(DECISION_BY_ID.size).toBe(all.length);
    for (const id of ARCHETYPE_IDS) {
      const model = ARCHETYPE_CAPACITY[id];
      // a model's per-subject versions (a count of events' hottest key) are figures its decisions may test too
      const figures = [model, ...Object.values(model.topics ?? {})].flatMap((m) => m?.figures ?? []);
      // and the inputs a model (or its subject's version) declares itself (a DNS design's zones served)
      const inputs = [model, ...Object.values(model.topics ?? {})]
        .flatMap((m) => m?.inputs ?? [])
        .map((i) => i.quantity);
      const numbers = new Set([...QUANTITY_BY_ID.keys(), ...figures.map((f) => f.id), ...inputs]);
      for (const f of figures) for (const v of formulaVariables(parseFormula(f.expression))) numbers.add(v);
      for (const p of ARCHETYPE_DECISIONS[id]) {
        const options = new Set(p.options.map((o) => o.id));
        expect(options.has(p.fallback.option), `${p.id} fallback`).toBe(true);
        for (const r of p.rules) {
          expect(options.has(r.option), `${p.id} rule ${r.option}`).toBe(true);
          for (const c of r.when)
            if ("number" in c) expect(numbers.has(c.number), `${p.id} tests ${c.number}`).toBe(true);
        }
        for (const o of p.options)
          for (const m of [...(o.implies?.addMechanisms ?? []), ...(o.implies?.removeMechanisms ?? [])])
            expect(MECHANISM_BY_ID.has(m), `${p.id}.${o.id} implies ${m}`).toBe(true);
      }
    }
  });
});

describe("decisions in designs", () => {
  it("argues at least two trade-offs in every infra design, each with the option not chosen and when it would win", () => {
    for (const id of ARCHETYPE_IDS) {
      const d = design(`Design a system for archetype ${id}`, [`dominant=${id}`]);
      const mine = d.decisions.filter((x) => x.archetype === id);
      expect(mine.length, id).toBeGreaterThanOrEqual(2);
      for (const x of mine) {
        expect(x.options.some((o) => o.id === x.chosen)).toBe(true);
        expect(x.wouldFlipIf).toMatch(/would win if/);
        expect(x.because.length).toBeGreaterThan(10);
      }
    }
  });

  it("picks leader-based or leaderless replication from the stated NFRs, and the mechanisms follow", () => {
    const strong = design("Design a strongly consistent distributed key-value store");
    const dynamo = design("Design a highly available, eventually consistent key-value store like Dynamo");
    expect(chosen(strong, "i16-replication")).toBe("leader-based");
    expect(chosen(dynamo, "i16-replication")).toBe("leaderless");
    expect(ids(dynamo)).toContain("quorum-read-write");
    expect(ids(dynamo)).not.toContain("consensus-replication");
    expect(ids(strong)).not.toContain("quorum-read-write");
  });

  it("chooses OT for a collaborative editor and lets an override flip it to CRDTs coherently", () => {
    const p = "Design a collaborative document editor like Google Docs";
    const ot = design(p);
    const crdt = design(p, ["decision.i13-merge=crdt"]);
    expect(chosen(ot, "i13-merge")).toBe("ot");
    expect(ids(ot)).toContain("op-sequencer");
    expect(ids(ot)).not.toContain("crdt-merge");
    expect(chosen(crdt, "i13-merge")).toBe("crdt");
    expect(crdt.decisions.find((x) => x.id === "i13-merge")?.source).toBe("override");
    expect(ids(crdt)).toContain("crdt-merge");
    expect(ids(crdt)).not.toContain("op-sequencer");
    expect(crdt.trace.find((t) => t.field === "decisions")?.pinned).toEqual(["decision.i13-merge=crdt"]);
  });

  it("uses computed numbers: a per-window quota picks a sliding window, a bare rate a token bucket", () => {
    expect(chosen(design("Design a rate limiter: 100 requests per minute per API key"), "i08-algorithm")).toBe(
      "sliding-window",
    );
    expect(chosen(design("Design a rate limiter: 20 requests per second per API key"), "i08-algorithm")).toBe(
      "token-bucket",
    );
    const big = design("Design a rate limiter for 2 million requests per second across a fleet of gateways");
    expect(chosen(big, "i08-enforcement")).toBe("local-allowance");
    expect(big.decisions.find((x) => x.id === "i08-enforcement")?.because).toMatch(/budget_store_nodes ≈ \d+ nodes/);
  });

  it("prefers a consensus store for correctness locks and Redis when the prompt accepts eventual consistency", () => {
    const strict = design("Design a distributed lock service that must never grant a lock twice");
    expect(chosen(strict, "i02-lock-store")).toBe("consensus-store");
    expect(strict.technology.find((t) => t.layer === "coordination")?.choices[0]?.why ?? "").toMatch(
      /etcd|ZooKeeper|decision/i,
    );
    const loose = design("Design a lock service to avoid duplicate cron work; eventual consistency is fine");
    expect(chosen(loose, "i02-lock-store")).toBe("single-redis");
  });

  it("sizes a consensus metadata store into groups only when one leader would saturate", () => {
    expect(chosen(design("Design a ZooKeeper-like coordination service"), "i01-groups")).toBe("single-group");
    expect(
      chosen(
        design("Design a coordination service for 500k writes per second of metadata changes", [
          "dominant=I01",
          "scale.changes_per_sec=200000",
        ]),
        "i01-groups",
      ),
    ).toBe("sharded-groups");
  });

  it("never lets a default stance pick a risky option that needs the prompt's own words", () => {
    expect(chosen(design("Design a CDN"), "i07-write-policy")).toBe("cache-aside");
    expect(
      chosen(design("Design a CDN in front of an origin; best-effort, fine to lose writes"), "i07-write-policy"),
    ).toBe("write-back");
  });

  it("never restates a reason: a rule whose reason is the very fact it rests on says it once", () => {
    const d = design("Design a distributed cache.");
    const async = d.decisions.find((x) => x.because.includes("durability is best-effort"));
    expect(async?.because).toBe("durability is best-effort (default)");
    for (const x of d.decisions) {
      const words = x.because
        .toLowerCase()
        .split(/[^a-z0-9-]+/)
        .filter(Boolean);
      const triples = words.slice(2).map((_, i) => words.slice(i, i + 3).join(" "));
      expect(new Set(triples).size, x.because).toBe(triples.length);
    }
  });

  it("rejects unknown decisions and options with the valid ones listed", () => {
    const bad = parseOverrides(["decision.i13-merge=paxos"]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/ot, crdt/);
    const none = parseOverrides(["decision.nope=x"]);
    expect(none.ok).toBe(false);
  });
});

describe("a chosen option reaches the rest of the design", () => {
  const sequences = (d: ReturnType<typeof design>) =>
    d.diagrams.filter((g) => g.kind === "sequence").map((g) => g.title);

  it("object-store words get buckets, multipart upload, ranged reads and a CDN; the redundancy sizes the capacity", () => {
    const d = design("Design an object storage service like S3 that stores 5 PB of video files in buckets");
    const chosen = (id: string) => d.decisions.find((x) => x.id === id)?.chosen;
    expect(chosen("i19-interface")).toBe("object-store");
    expect(chosen("i19-redundancy")).toBe("erasure-coding");
    expect(d.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["multipart upload", "get object"]));
    expect(d.api.map((a) => a.operation)).not.toContain("append");
    expect(d.components.map((c) => c.id)).toContain("cdn");
    expect(d.components.map((c) => c.id)).not.toContain("chunk-primary");
    expect(sequences(d).join(" ")).not.toMatch(/Leased primary/);
    const raw = d.capacity.find((c) => c.id === "raw_bytes");
    expect(raw?.inputs.find((i) => i.name === "storage_overhead")?.value).toBe(2);
    expect(raw?.inputs.find((i) => i.name === "storage_overhead")?.because).toMatch(/i19-redundancy/);
  });

  it("a file-system prompt keeps paths, appends and the leased primary, sized at three replicas", () => {
    const d = design("Design a distributed file system like GFS for append-heavy analytics");
    expect(d.decisions.find((x) => x.id === "i19-interface")?.chosen).toBe("file-system");
    expect(d.decisions.find((x) => x.id === "i19-redundancy")?.chosen).toBe("replication");
    expect(sequences(d)).toContain("I19: Leased primary write");
    // HDFS has one writer per file: its own write model, not GFS's leased primary
    const hdfs = design("Design a distributed file system like HDFS for append-heavy analytics");
    expect(hdfs.decisions.find((x) => x.id === "i19-interface")?.chosen).toBe("single-writer");
    expect(sequences(hdfs)).toContain("I19: Pipelined block write");
    expect(sequences(hdfs)).not.toContain("I19: Leased primary write");
    expect(d.capacity.find((c) => c.id === "raw_bytes")?.inputs.find((i) => i.name === "storage_overhead")?.value).toBe(
      3,
    );
  });

  it("an HDFS-style store that survives a rack says its placement one way: each replica on its own rack", () => {
    const d = design(
      "Design a distributed file system like HDFS that keeps 5 PB on 2,000 machines and survives the loss of a whole rack.",
    );
    expect(d.decisions.find((x) => x.id === "i19-failure-domain")?.chosen).toBe("racks");
    const text = JSON.stringify([d.components, d.diagrams, d.context]);
    // HDFS's default puts two of three replicas on one remote rack; the racks decision asks one per rack
    expect(text).not.toMatch(/two racks|keeps a majority/);
    expect(text).toContain("each on its own rack");
  });

  it("the replication choice selects the write sequence, and an override flips it", () => {
    const p = "Design a replicated key-value store with compare-and-set writes and strong consistency";
    expect(sequences(design(p))).toContain("I16: Leader write with a majority commit");
    expect(sequences(design(p))).not.toContain("I16: Quorum write with hinted handoff");
    const flipped = design(p, ["decision.i16-replication=leaderless"]);
    expect(sequences(flipped)).toContain("I16: Quorum write with hinted handoff");
    expect(sequences(flipped)).not.toContain("I16: Leader write with a majority commit");
  });

  it("the limiter's enforcement choice decides whether local allowances are drawn", () => {
    const p = "Design a distributed API rate limiter for a public REST API with 10 million users";
    const d = design(p);
    expect(d.decisions.find((x) => x.id === "i08-enforcement")?.chosen).toBe("central-store");
    expect(sequences(d)).not.toContain("I08: Local allowance");
    const local = sequences(design(p, ["decision.i08-enforcement=local-allowance"]));
    expect(local).toContain("I08: Local allowance");
    expect(local).not.toContain("I08: Token bucket admission");
  });

  it("consumers that pull by offset (and so may replay) rule out products that cannot replay", () => {
    const d = design("Design a queue for sending emails asynchronously");
    expect(d.decisions.find((x) => x.id === "i05-consumption")?.chosen).toBe("pull");
    const products = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" ");
    expect(products).not.toMatch(/SQS|RabbitMQ/);
  });

  it("the per-message option never calls SQS a push: its consumers poll (ReceiveMessage), RabbitMQ's broker pushes", () => {
    const d = design(
      "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
    );
    const c = d.decisions.find((x) => x.id === "i05-consumption");
    expect(c?.chosen).toBe("push");
    const chosen = c?.options.find((o) => o.id === c.chosen);
    expect(`${c?.question} ${chosen?.name}`).not.toMatch(/broker push\b|SQS- or RabbitMQ/);
    expect(chosen?.name).toMatch(/consumers poll \(SQS-style\)/);
  });

  it("a metrics pipeline's collection choice is the push the topology draws", () => {
    const d = design("Design a metrics system collecting CPU time series from 20,000 servers with alerting");
    expect(d.decisions.find((x) => x.id === "i18-collection")?.chosen).toBe("push");
    expect(d.links.some((l) => /push/.test(l.label))).toBe(true);
  });

  it("a log whose broker pushes draws per-message acks instead of offsets and consumer groups", () => {
    const p = "Design a distributed message queue like Kafka.";
    const pull = design(p);
    expect(sequences(pull)).toContain("I05: Consume and commit progress");
    const push = design(p, ["decision.i05-consumption=push"]);
    expect(sequences(push)).toContain("I05: Receive, process and ack under a visibility timeout");
    expect(sequences(push)).not.toContain("I05: Consume and commit progress");
    expect(push.api.map((a) => a.operation)).not.toContain("commit");
    expect(push.links.map((l) => l.label).join(" ")).not.toMatch(/offset/);
  });

  it("config distribution by polling draws the poll call and sequence, never a pushed snapshot", () => {
    const p = "Design a configuration management service that pushes config to a fleet.";
    const poll = design(p, ["decision.i11-distribution=poll"]);
    expect(sequences(poll)).toContain("I11: Poll for a newer version");
    expect(sequences(poll)).not.toContain("I11: Node catch-up");
    expect(poll.links.map((l) => l.label)).not.toContain("push snapshots");
    expect(poll.api.map((a) => a.operation)).toContain("fetch snapshot (node-facing)");
    expect(design(p).links.map((l) => l.label)).toContain("push snapshots");
  });

  it("an artifact registry draws the distribution it chose: CDN edge, origin or peers", () => {
    const p = "Design an artifact registry like Docker Hub.";
    const ids = (o: string) => design(p, [`decision.i14-distribution=${o}`]).components.map((c) => c.id);
    expect(ids("cdn")).toContain("cdn-edge");
    expect(ids("origin")).not.toContain("cdn-edge");
    expect(ids("p2p")).toEqual(expect.arrayContaining(["p2p-tracker"]));
    expect(ids("p2p")).not.toContain("cdn-edge");
    expect(sequences(design(p, ["decision.i14-distribution=origin"]))).toContain("I14: Pull straight from the origin");
  });
});

describe("decision points asked only under another's option", () => {
  it("name an earlier point of the same owner and options it has", () => {
    for (const points of [...Object.values(ARCHETYPE_DECISIONS), ...FEATURES.map((f) => f.decisions ?? [])])
      points.forEach((p, i) => {
        if (!p.onlyWith) return;
        const under = points.slice(0, i).find((q) => q.id === p.onlyWith?.point);
        expect(under, `${p.id} onlyWith ${p.onlyWith.point}`).toBeDefined();
        for (const o of p.onlyWith.options)
          expect(
            under?.options.map((x) => x.id),
            `${p.id}: ${o}`,
          ).toContain(o);
      });
  });
});
