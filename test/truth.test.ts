import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { agreeingMitigation, mitigationItems } from "../src/engine/fields/bottlenecks.js";
import { writeScript } from "../src/render/script/index.js";

/** Rules that keep a design from stating wrong facts about itself. */

const METRICS = "Design a metrics system that ingests 5 million samples per second and alerts on thresholds";
const PAYMENT = "Design a payment service that charges cards exactly once through an external provider";
const KAFKA = "Design a Kafka-like durable log";

const where = (d: ReturnType<typeof design>, re: RegExp) => d.context.paths.find((p) => re.test(p.path))?.runsIn;

describe("where a path runs", () => {
  it("a path the acknowledgement waits for is on the request path, whatever its shape", () => {
    expect(where(design(METRICS), /^replicate each series/)).toBe("request path");
    expect(where(design(KAFKA), /^replicate the appended record/)).toBe("request path");
    // the W-of-N write is the leaderless option's step (a leader per shard rules it out)
    const leaderless =
      "Design a distributed key-value store with leaderless quorum replication that stays available during partitions with eventual consistency";
    expect(where(design(leaderless), /^replicate each write to the key's replicas/)).toBe("request path");
  });
  it("the card's own placement wins: periodic rule evaluation is a control loop, the relay's call an async worker", () => {
    expect(where(design(METRICS), /^evaluate a rule/)).toBe("control loop");
    const p = design(PAYMENT);
    expect(where(p, /^call the external system/)).toBe("async worker");
    expect(where(p, /^record the effect outcome/)).toBe("async worker");
  });
  it("a request's dedup record is written inside the request it guards", () => {
    expect(where(design(PAYMENT), /^remember each request id/)).toBe("request path");
  });
  it("a path the design's worker pool or control loop runs is never on the request path", () => {
    // the job queue's workers claim runs; the load balancer's control plane drains backends; the rollout
    // controller advances a rollout and halts it on a failed health gate
    const jobs = design("Design a job scheduler with at-most-once execution.");
    expect(where(jobs, /^claim a runnable run/)).toBe("async worker");
    expect(jobs.context.paths.find((p) => /^claim a runnable run/.test(p.path))?.because).toMatch(
      /worker pool runs it/,
    );
    expect(where(design("Design a load balancer for a web service."), /^drain a backend/)).toBe("control loop");
    const config = design("Design a configuration management service that pushes config to a fleet.");
    expect(where(config, /^advance the rollout/)).toBe("control loop");
    expect(where(config, /^halt the rollout/)).toBe("control loop");
    // the caller's own write stays on the request path
    expect(where(config, /^validate and commit a new config version/)).toBe("request path");
    // another part's loop sharing the verb runs none of this path (a booking's sweeper releases holds, not a lease)
    const parts = design("Design a ticket booking system like Ticketmaster that holds seats for 10 minutes.");
    const lease = parts.context.paths.find((p) => /^release the lease when work ends/.test(p.path));
    if (lease) expect(lease.runsIn).toBe("request path");
  });
  it("the script says each path where the design places it", () => {
    const jobs = design("Design a job scheduler with at-most-once execution.");
    const said = writeScript(jobs, { minutes: 45 })
      .steps.flatMap((x) => x.sentences)
      .filter((x) => /^(?:The request path covers|In the request path,)/.test(x));
    expect(said.join(" ")).not.toMatch(/claiming (?:a|the) runnable run/);
  });
});

describe("retries and clocks follow the design's own paths", () => {
  it("a design never claims callers do not retry", () => {
    const d = design(METRICS);
    expect(d.context.retries).not.toMatch(/do not retry/);
    expect(d.predicates.find((p) => p.id === "duplicate-retry-matters")?.because ?? "").not.toMatch(
      /nothing is retried/,
    );
  });
  it("a design whose paths name alerts or retention says which decisions depend on time", () => {
    expect(design(METRICS).context.clocks).toMatch(/alert fires/);
    expect(design(KAFKA).context.clocks).toMatch(/retention/);
    expect(design(PAYMENT).context.clocks).not.toMatch(/alert/);
  });
});

describe("operations are actions", () => {
  it("a stated ask keeps its action and leaves the quality words to the NFRs", () => {
    const d = design(PAYMENT);
    expect(d.nfrs.delivery).toBe("exactly-once");
    const stated = d.requirements.filter((r) => r.kind === "stated").map((r) => r.text);
    expect(stated.length).toBeGreaterThan(0);
    for (const t of [...stated, ...d.operations.map((o) => o.phrase)]) expect(t).not.toMatch(/exactly once/);
  });
});

describe("the primary state and the boxes name the unit alike", () => {
  it("a renamed unit is the primary state under the prompt's noun, with the reason", () => {
    const d = design(PAYMENT);
    expect(d.primaryState[0]?.entity).toBe("Payment");
    expect(d.primaryState[0]?.because).toMatch(/WorkflowInstance/);
    expect(d.dataModel[0]?.entity).toBe("Payment (WorkflowInstance)");
    expect(design("Design a timer service").primaryState[0]?.entity).toBe("Timer");
  });
});

describe("one source of numbers per design", () => {
  it("an input the prompt leaves out is read back from a stated one the model derives from it", () => {
    const d = design(METRICS);
    const series = d.capacity.flatMap((c) => c.inputs).find((i) => i.name === "series");
    expect(series?.value).toBe(75_000_000); // 5M samples/s * 15 s scrape interval
    expect(series?.because).toMatch(/samples_per_sec \* scrape_seconds/);
  });
  it("a bottleneck that measures a capacity figure quotes it", () => {
    for (const prompt of [METRICS, KAFKA, "Design a distributed lock service"]) {
      const d = design(prompt);
      for (const b of d.bottlenecks) {
        for (const c of d.capacity) {
          if (b.estimate?.startsWith(`${c.quantity} =`)) expect(b.estimate).toContain(c.display);
        }
      }
    }
    const storage = design(METRICS).bottlenecks.find((b) => /Retained bytes/.test(b.bottleneck));
    const retained = design(METRICS).capacity.find((c) => c.id === "retained_bytes");
    expect(storage?.estimate).toContain(retained?.display ?? "-");
  });
  it("a hot partition is the per-partition figure times an assumed skew, not the average", () => {
    const d = design(KAFKA);
    const hot = d.bottlenecks[0];
    const per = d.capacity.find((c) => c.id === "messages_per_partition");
    expect(hot?.estimate).toMatch(/partition_skew = 2 x \(assumed/);
    expect(hot?.estimate).toContain(`messages_per_partition = ${per?.display.replace("≈ ", "")}`);
  });
});

describe("technology follows the chosen mechanisms", () => {
  const products = (d: ReturnType<typeof design>) => d.technology.flatMap((t) => t.choices.map((c) => c.product));
  it("a design that builds its own outbox recommends no workflow engine that stands in for it", () => {
    const d = design(PAYMENT);
    expect(d.mechanisms.map((m) => m.id)).toContain("transactional-outbox");
    expect(products(d).join(" ")).not.toMatch(/Temporal|Step Functions/);
    expect(JSON.stringify(d.bottlenecks)).not.toMatch(/history store/);
  });
  it("a lock held in a consensus store lists no other store for it", () => {
    const d = design("Design a distributed lock service");
    expect(d.decisions.find((x) => x.id === "i02-lock-store")?.chosen).toBe("consensus-store");
    expect(products(d).join(" ")).not.toMatch(/DynamoDB|PostgreSQL/);
  });
});

describe("which invariant a mechanism protects", () => {
  const protects = (d: ReturnType<typeof design>, id: string) => d.mechanisms.find((m) => m.id === id)?.protects ?? "";
  it("follows the invariant's wording and the mechanism's, not the first invariant", () => {
    const lock = design("Design a distributed lock service");
    // the fencing token is checked where the write lands (acquire hands it out; the resource refuses a lower one)
    expect(protects(lock, "fencing-token")).toMatch(/token .*(strictly increases|below the last_fence)/);
    expect(protects(lock, "consensus-replication")).toMatch(/quorum|majority/);
    expect(protects(lock, "idempotency-key")).not.toMatch(/every later read/);
    const metrics = design(METRICS);
    expect(protects(metrics, "log-compaction")).toMatch(/compacted Block/);
    expect(protects(metrics, "lease")).toMatch(/one evaluator/);
    expect(new Set(metrics.mechanisms.map((m) => m.protects)).size).toBeGreaterThanOrEqual(4);
  });
  it("says why, for every mechanism", () => {
    for (const p of [METRICS, PAYMENT, KAFKA])
      for (const m of design(p).mechanisms) expect(m.protectsBecause).toMatch(/\w{3}/);
  });
});

const LOCK = "Design a distributed lock service";

describe("a log's facts hold for committed records", () => {
  it("only committed records are immutable, since a new leader truncates uncommitted ones", () => {
    const rules = design(KAFKA).invariants.map((i) => i.statement);
    expect(rules.some((r) => /committed record .*never changes/.test(r))).toBe(true);
    expect(rules.some((r) => /never changes after it is appended/.test(r))).toBe(false);
  });
  it("a log is read as a consistent prefix, never claimed linearizable", () => {
    const d = design(KAFKA);
    expect(d.nfrs.consistency).toBe("consistent-prefix");
    expect(d.invariants.some((i) => /prefix of one agreed order/.test(i.statement))).toBe(true);
  });
  it("a hot key is split or isolated; adding partitions is not its fix", () => {
    const skew = design(KAFKA).bottlenecks.find((b) => /skewed key/.test(b.bottleneck));
    expect(skew?.mitigation).toMatch(/^Salt a hot key/);
    expect(skew?.mitigation).not.toMatch(/^Add partitions/);
  });
  it("consumer lag is a stale-tolerant read, not one that must reach the authority", () => {
    const lag = design(KAFKA).readPaths.find((r) => /consumer lag/.test(r.read));
    expect(lag?.servedBy).not.toBe("authority");
  });
});

describe("a metrics ingest path is a leaderless replicated quorum", () => {
  it("the hard rule rests on the write quorum, and the write-ahead log only on a restart", () => {
    const d = design(METRICS);
    expect(d.invariants[0]?.statement).toMatch(/write quorum/);
    expect(d.invariants[0]?.statement).not.toMatch(/is in the write-ahead log of enough ingesters/);
  });
  it("a retried sample is delivered at least once, and no single ingester owns a series", () => {
    const d = design(METRICS);
    expect(d.nfrs.delivery).toBe("at-least-once");
    const why = d.scopes.map((s) => s.why).join(" ");
    expect(why).not.toMatch(/one ingester owns/);
    expect(why).toMatch(/ingest path needs no consensus or leader/);
  });
});

describe("a lock service sizes what its store really replicates", () => {
  it("keep-alives are sized per client session and never counted as replicated writes", () => {
    const cap = design(LOCK).capacity;
    expect(cap.find((c) => c.id === "renewals_per_sec")).toBeUndefined();
    expect(cap.find((c) => c.id === "keepalives_per_sec")?.formula).toMatch(/clients/);
    expect(cap.find((c) => c.id === "peak_lease_writes")?.formula).not.toMatch(/renew|keepalive/);
  });
  it("a coordination store's leader log carries changes, not session keep-alives", () => {
    const cap = design("Design a ZooKeeper-like coordination service").capacity;
    expect(cap.find((c) => c.id === "leader_write_load")?.formula).not.toMatch(/keepalive/);
    expect(cap.find((c) => c.id === "session_keepalives_per_sec")?.unit).toBe("msg/s");
  });
  it("the consensus store costs a majority round trip on acquire and release, not on renewal", () => {
    const dec = design(LOCK).decisions.find((x) => x.id === "i02-lock-store");
    const opt = dec?.options.find((o) => /consensus/.test(o.name));
    expect(opt?.costs).not.toMatch(/every acquire and renewal/);
    expect(
      design(LOCK)
        .bottlenecks.map((b) => b.bottleneck)
        .join(" "),
    ).not.toMatch(/rewritten on the quorum store/);
  });
});

describe("a payment's at-most-once effect is bounded by the provider's key window", () => {
  it("the effect-id rule carries the window, and the first hotspot is a rate, not a row count", () => {
    const d = design(PAYMENT);
    const rule = d.invariants.find((i) => /effect id/.test(i.statement))?.statement ?? "";
    expect(rule).toMatch(/while it still retains that idempotency key/);
    expect(d.bottlenecks[0]?.bottleneck).not.toMatch(/^Open workflow instances/);
    expect(d.bottlenecks.map((b) => b.mitigation).join(" ")).not.toMatch(/shard instances/);
  });
});

describe("a fix offered later is not one the design already made", () => {
  it("duplicate HA samples are deduplicated at query time, not only at compaction", () => {
    const rows = design(METRICS)
      .failures.map((f) => f.prevention)
      .join(" ");
    expect(rows).not.toMatch(/deduplicate by replica label at compaction\./);
  });
  it("disk growth is met by short local retention, not by adopting the tiered storage already chosen", () => {
    const b = design(KAFKA)
      .bottlenecks.map((x) => x.mitigation)
      .join(" ");
    expect(b).not.toMatch(/move old segments to object storage with tiered storage/);
  });

  it("a write whose own key makes a repeat harmless needs no idempotency key (metrics samples by series and timestamp)", () => {
    const d = design("Design a metrics system that ingests 5 million samples per second and alerts on thresholds");
    const p = d.predicates.find((x) => x.id === "duplicate-retry-matters");
    expect(p?.holds).toBe(false);
    expect(p?.because).toMatch(/same series and timestamp/);
    expect(d.mechanisms.map((m) => m.id)).not.toContain("idempotency-key");
    // a write whose repeat does apply twice still gets one
    const pay = design("Design a payment service that charges cards exactly once");
    expect(pay.predicates.find((x) => x.id === "duplicate-retry-matters")?.holds).toBe(true);
  });
});

describe("mitigations agree with the chosen decisions and the design's own parts", () => {
  it("says a step the chosen option rejects only with the condition under which the other option wins", () => {
    const d = design(METRICS);
    expect(d.decisions.find((x) => x.id === "i18-retention")?.chosen).toBe("raw");
    const said = d.bottlenecks.map((b) => b.mitigation).join(" | ");
    expect(said).not.toMatch(/keep rollups long/i);
    for (const item of d.bottlenecks.flatMap((b) => mitigationItems(b.mitigation)))
      if (/rollups?/i.test(item))
        expect(item).toMatch(/ if retention runs to months or the prompt keeps rollups for a span of their own$/);
    // object storage is already the chosen block store: moving blocks there is not a remedy
    expect(said).not.toMatch(/move blocks to object storage/i);
  });
  it("flags a mitigation in the words a chosen option excludes", () => {
    const d = design(METRICS);
    const broken = {
      ...d,
      bottlenecks: d.bottlenecks.map((b, i) =>
        i === 1 ? { ...b, mitigation: "Keep raw data short, keep rollups long" } : b,
      ),
    };
    expect(
      checkCoherence(broken)
        .map((p) => p.detail)
        .join(" "),
    ).toMatch(/mitigation .* says 'rollups'/);
  });
  it("keeps a plain mitigation whole", () => {
    expect(agreeingMitigation("Shard by key, batch writes, and cap fan-out.", [], [])).toBe(
      "Shard by key, batch writes, and cap fan-out.",
    );
    expect(mitigationItems("Lock coarse resources (a shard or job, never one request), and split groups")).toEqual([
      "Lock coarse resources (a shard or job, never one request)",
      "split groups",
    ]);
  });
});

describe("Kafka acknowledges on replication and fences producers by transactional id", () => {
  it("says the acknowledgement is replication to the in-sync set, not a flush, beside the hard rule", async () => {
    const { writeScript } = await import("../src/render/script/index.js");
    const d = design("Design a distributed message queue like Kafka");
    const four = writeScript(d, { minutes: 45 }).steps[3]?.text ?? "";
    expect(four).toMatch(/^The hard rule is this\. Once a record is acknowledged with acks all at offset N/);
    // past one breath, the colon before its clause is a full stop (render/script/breath.ts)
    expect(four).toMatch(/not that any has flushed it to disk(?::|\.) [dD]urability comes from replication/);
    // a rule's later sentence is never said as a rule of its own
    for (const p of ["Design a video transcoding worker fleet that autoscales with the queue of uploads.", KAFKA]) {
      const s = writeScript(design(p), { minutes: 45 }).steps[3]?.text ?? "";
      expect(s.split(/(?:A few more rules|One more rule) holds? alongside it\./)[1] ?? "", p).not.toMatch(
        /^\s*The acknowledgement means/m,
      );
    }
  });
  it("fences a zombie producer with a transactional id (producer epoch), not idempotence alone", () => {
    const d = design("Design a distributed message queue like Kafka");
    const dup = d.failures.find((f) => /appended twice/.test(f.failure));
    expect(dup?.prevention).toMatch(/transactional\.id so a restarted instance bumps the producer epoch/);
    expect(dup?.prevention).not.toMatch(/refuses a zombie producer with an older epoch/);
  });
});

describe("a hotspot on one database primary is checked against that primary's ceiling", () => {
  it("compares the payment outbox writes with a primary's write ceiling, said as an assumption to measure", () => {
    const d = design("Design a payment system that charges cards exactly once");
    const room = d.capacity.find(
      (c) => c.kind === "headroom" && /^primary_headroom = outbox_writes \//.test(c.formula),
    );
    expect(room?.value).toBeCloseTo(0.45, 2);
    const ceiling = room?.inputs.find((i) => i.name === "primary_writes_per_sec");
    expect(ceiling?.source).toBe("assumed");
    expect(ceiling?.because).toMatch(/no published figure states a single primary's write ceiling.*to measure/);
  });
});
