import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DERIVERS } from "../src/engine/design/derivers.js";
import { deriveDesign, design } from "../src/engine/design/design.js";

const ids = (d: ReturnType<typeof design>) => d.mechanisms.map((m) => m.id);

/** Fields downstream of a field in the graph (the field itself included). */
function downstream(field: string): Set<string> {
  const out = new Set([field]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of DERIVERS) {
      if (!out.has(d.field) && d.reads.some((r) => out.has(r))) {
        out.add(d.field);
        grew = true;
      }
    }
  }
  return out;
}

describe("design: a mechanism appears only where its precondition holds", () => {
  it("fencing tokens only where a protected resource checks them", () => {
    for (const p of ["Design a CDN.", "Design a URL shortener.", "Design a metrics monitoring system like Prometheus."])
      expect(ids(design(p)), p).not.toContain("fencing-token");
    expect(ids(design("Design a job scheduler that runs cron jobs at their due time."))).toContain("fencing-token");
  });
  it("tombstones only where deletes of the truth reach derived copies", () => {
    expect(ids(design("Design a CDN."))).not.toContain("tombstones");
    expect(ids(design("Design a metrics monitoring system like Prometheus."))).not.toContain("tombstones");
    expect(ids(design("Design a search index that stays in sync with a product catalogue database."))).toContain(
      "tombstones",
    );
  });
  it("multi-row transactions only where several records change together", () => {
    expect(ids(design("Design a CDN."))).not.toContain("transaction");
    expect(ids(design("Design a URL shortener."))).not.toContain("transaction");
  });
  it("Kafka's replication is the in-sync replica set, not a majority quorum", () => {
    const m = ids(design("Design a distributed message queue like Kafka."));
    expect(m).toContain("isr-replication");
    expect(m).not.toContain("consensus-replication");
  });
});

describe("design: expected mechanisms per prompt", () => {
  it("a lock service gets a lease and fencing tokens", () => {
    const m = ids(design("Design a distributed lock service"));
    expect(m).toEqual(expect.arrayContaining(["lease", "fencing-token"]));
  });
  it("a log gets offsets and consumer groups", () => {
    const m = ids(design("Design Kafka"));
    expect(m).toEqual(expect.arrayContaining(["append-log", "consumer-offsets", "consumer-group-assignment"]));
  });
  it("payments get an idempotency key and an outbox", () => {
    const m = ids(
      design("Design a payment service that charges a customer's card exactly once through a payment provider"),
    );
    expect(m).toEqual(expect.arrayContaining(["idempotency-key", "transactional-outbox"]));
  });
  it("presence gets heartbeats and expiry", () => {
    const m = ids(design("Design a presence service that shows which users are online"));
    expect(m).toEqual(expect.arrayContaining(["heartbeat-renewal"]));
    expect(m.some((x) => x === "expiry-sweeper" || x === "ttl-expiry")).toBe(true);
  });
  it("keeps a focused design between 5 and 20 mechanisms", () => {
    for (const p of ["Design a distributed cache", "Design a rate limiter", "Design a job scheduler", "Design S3"]) {
      const n = design(p).mechanisms.length;
      expect(n, p).toBeGreaterThanOrEqual(5);
      expect(n, p).toBeLessThanOrEqual(20);
    }
  });
  it("every mechanism says why and what it protects, or the concern it serves; none protects nothing", () => {
    for (const prompt of [
      "Design a ZooKeeper-like coordination store",
      "Design Dropbox file sync for 100 million users",
      "Design a stock exchange order matching engine for 100k orders per second",
    ]) {
      for (const m of design(prompt).mechanisms) {
        expect(m.because.length).toBeGreaterThan(0);
        expect(m.protects).not.toBe("none");
        if (m.serves === undefined) expect(m.protects.length).toBeGreaterThan(3);
        else expect(m.protects).toBe("");
      }
    }
  });

  it("a mechanism pairs with the rule about what it writes", () => {
    const rule = (prompt: string, name: string) => design(prompt).mechanisms.find((m) => m.name === name)?.protects;
    const box = "Design Dropbox file sync for 100 million users";
    // the head moves by compare-and-set from the parent version: the commit rule, not the block collector's
    expect(rule(box, "head pointer compare-and-set")).toMatch(/^A (?:new )?file version is committed only/);
    expect(rule(box, "reference-tracked garbage collection")).toMatch(/^A block is deleted only when/);
    const book = "Design a stock exchange order matching engine for 100k orders per second";
    // "the order log" names OrderLogEntry, so the sequencer keeps the one-entry-per-sequence rule
    expect(rule(book, "per-subject operation sequencer")).toMatch(/order log has exactly one entry/);
  });
});

describe("design: prompts that differ give designs that differ", () => {
  it("exactly-once payment, at-most-once metrics, LWW multi-region sessions and strong metadata all differ", () => {
    const pay = design("Design a payment charge service that must charge exactly once");
    const metrics = design("Design a metrics collector where samples are at-most-once and fine to drop");
    const sessions = design("Design a multi-region session store with last-writer-wins");
    const meta = design("Design a strongly consistent metadata store");
    expect(pay.nfrs.delivery).toBe("exactly-once");
    expect(metrics.nfrs.delivery).toBe("at-most-once");
    expect(sessions.nfrs.consistency).toBe("eventual");
    expect(sessions.nfrs.regions).toBeGreaterThan(1);
    expect(meta.nfrs.consistency).toBe("linearizable");
    const held = (d: typeof pay) =>
      d.predicates
        .filter((p) => p.holds)
        .map((p) => p.id)
        .join(",");
    const sigs = new Set([pay, metrics, sessions, meta].map((d) => `${ids(d).join(",")}|${held(d)}`));
    expect(sigs.size).toBe(4);
    expect(ids(sessions)).toContain("lww-overwrite");
    expect(ids(meta)).toContain("consensus-replication");
    expect(held(metrics)).not.toContain("duplicate-retry-matters");
  });

  it("evaluates starter formulas with the prompt's numbers", () => {
    const d = design("Design a distributed lock service for 200,000 leases with 10-second leases");
    const est = d.bottlenecks.map((b) => b.estimate ?? "").join("\n");
    // The keep-alive formula is evaluated with both stated numbers: 200,000 leases (a session per 20), each session renewed every third of the stated 10 s.
    expect(est).toMatch(
      /clients \/ keepalive_seconds ≈ 3k req\/s, with .*clients = 10k clients \(assumed: derived as leases \/ 20 = 10k clients .*\); .*keepalive_seconds = 3.33 s \(assumed: derived as lease_seconds \/ keepalives_per_lease = 3.33 s/,
    );
  });
});

describe("design: overrides", () => {
  it("pins the dominant archetype and changes the mechanisms", () => {
    const plain = design("Design a distributed message queue");
    const pinned = design("Design a distributed message queue", ["dominant=I02"]);
    expect(pinned.archetypes[0]?.id).toBe("I02");
    expect(ids(pinned)).not.toEqual(ids(plain));
    expect(pinned.trace.find((t) => t.field === "archetypes")?.pinned).toEqual(["dominant=I02"]);
  });

  it("changes only fields downstream of the pinned one", () => {
    const prompt = "Design a durable event bus for order events";
    const plain = design(prompt) as unknown as Record<string, unknown>;
    const pinned = design(prompt, ["delivery=exactly-once"]) as unknown as Record<string, unknown>;
    const down = downstream("nfrs");
    for (const f of ["branch", "archetypes"]) {
      expect(down.has(f)).toBe(false);
      expect(JSON.stringify(pinned[f]), f).toBe(JSON.stringify(plain[f]));
    }
    expect((pinned.nfrs as { delivery: string }).delivery).toBe("exactly-once");
  });

  it("turns a predicate off and drops what only it justified", () => {
    const on = design("Design a distributed lock service");
    const off = design("Design a distributed lock service", ["predicate.exclusivity-matters=false"]);
    expect(off.predicates.find((p) => p.id === "exclusivity-matters")?.holds).toBe(false);
    expect(ids(off).length).toBeLessThanOrEqual(ids(on).length);
  });

  it("rejects an unknown field or value with the valid ones listed", () => {
    const f = deriveDesign("Design a queue", ["colour=blue"]);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(/unknown override field 'colour'.*dominant/);
    const v = deriveDesign("Design a queue", ["delivery=twice"]);
    if (!v.ok) expect(v.error).toMatch(/at-most-once, at-least-once, exactly-once/);
    const a = deriveDesign("Design a queue", ["dominant=I42"]);
    expect(a.ok).toBe(false);
  });
});

describe("design: properties", () => {
  it("never throws on any string, and is byte-identical for identical input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const a = deriveDesign(s);
        const b = deriveDesign(s);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("never throws on prompt-like word salad", () => {
    const words = [
      "design",
      "queue",
      "lock",
      "cache",
      "exactly",
      "once",
      "10k",
      "rps",
      "across",
      "regions",
      "Kafka",
      "with",
      "and",
      "p99",
      "ms",
      "users",
      "-",
      "/",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }), (ws) => {
        const r = deriveDesign(ws.join(" "));
        if (r.ok) expect(r.design.schemaVersion).toBe(1);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("labels product prompts as product designs of their substrates", () => {
    const d = design("Design Instagram");
    expect(d.branch.kind).toBe("product");
    expect(d.archetypes.length).toBeGreaterThan(0);
    expect(d.archetypes.every((a) => a.role === "substrate")).toBe(true);
  });
});
