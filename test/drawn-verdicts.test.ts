import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { design } from "../src/engine/design/design.js";

const verdict = (d: Design, id: string) => d.predicates.find((p) => p.id === id);
const scope = (d: Design, concern: string) => d.scopes.find((s) => s.concern === concern);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("verdicts and scopes follow what the finished design holds", () => {
  it("a worker-id lease kept by a consensus group is quorum truth, and the block counter's scope leaves with it", () => {
    const d = design("Design a Snowflake-style distributed ID generator.");
    const q = verdict(d, "quorum-truth");
    expect(q?.holds).toBe(true);
    expect(q?.because).toMatch(/consensus group.*WorkerIdLease/);
    expect(d.mechanisms.map((m) => m.id)).toContain("consensus-replication");
    expect(scope(d, "coordination")?.why).not.toMatch(/block allocation/);
    expect(d.primaryState.map((s) => s.because).join(" ")).not.toMatch(/block allocation/);
    expect(rules(d)).not.toContain("verdict-denies-drawn");
  });

  it("a drawn payment provider makes the effect external, and the local multi-seat hold keeps its transaction", () => {
    const d = design("Design a movie ticket booking app.");
    const e = verdict(d, "external-effect");
    expect(e?.holds).toBe(true);
    expect(e?.because).toMatch(/Payment provider.*charge/);
    expect(d.mechanisms.map((m) => m.id)).toContain("idempotent-receiver");
    // where the decisions leave the lease table out, its scope leaves with it
    const seats = design(
      "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice",
    );
    expect(seats.operations.map((o) => o.entity)).not.toContain("Lease");
    expect(scope(seats, "coordination")?.why).not.toMatch(/lease table/);
    expect(seats.primaryState.map((s) => s.because).join(" ")).not.toMatch(/lease table/);
  });

  it("immutable objects with no primary lease: no writer-lease scope, no exclusivity, no block lease rows", () => {
    const d = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
    expect(d.scopes.map((s) => s.why).join(" ")).not.toMatch(/writer lease|primary or writer/);
    expect(verdict(d, "exclusivity-matters")?.because).not.toMatch(/lease per chunk/);
    expect(d.mechanisms.map((m) => m.id)).not.toContain("range-lease");
    expect(d.failures.map((f) => f.failure).join(" ")).not.toMatch(/leased block/);
    expect(d.bottlenecks.map((b) => b.mitigation).join(" ")).not.toMatch(/full replication only for hot/);
    // a GFS-style file system still writes its primary lease, and says so
    const gfs = design("Design a distributed file system like GFS");
    expect(scope(gfs, "exclusivity")?.why).toMatch(/writer lease/);
  });

  it("raw retention chosen: the derived read is the label index, not rollups; no 'lost grant' where nothing is granted", () => {
    const d = design("Design a metrics monitoring system like Prometheus that ingests 10 million samples per second");
    expect(d.decisions.find((x) => x.id === "i18-retention")?.chosen).toBe("raw");
    expect(verdict(d, "derived-read")?.because).not.toMatch(/rollup/);
    expect(verdict(d, "lww-acceptable")?.because).not.toMatch(/grant/);
  });

  it("the coherence check catches a verdict that denies the drawn design or a reason about a record left out", () => {
    const id = structuredClone(design("Design a Snowflake-style distributed ID generator.")) as Design;
    const q = id.predicates.find((p) => p.id === "quorum-truth");
    if (q) Object.assign(q, { holds: false, because: "replicas may disagree briefly" });
    expect(rules(id)).toContain("verdict-denies-drawn");
    const booking = structuredClone(design("Design a movie ticket booking app.")) as Design;
    const e = booking.predicates.find((p) => p.id === "external-effect");
    if (e) Object.assign(e, { holds: false, because: "every effect stays inside stores this design owns" });
    expect(rules(booking)).toContain("verdict-denies-drawn");
    const s3 = structuredClone(design("Design an object storage service like S3.")) as Design;
    const ex = s3.scopes.find((s) => s.concern === "exclusivity");
    if (ex) ex.why = "one writer lease per file or chunk at a time";
    expect(rules(s3)).toContain("reason-of-left-out-record");
  });
});
