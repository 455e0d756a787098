import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const value = (d: Design, id: string) => row(d, id)?.value ?? Number.NaN;
const input = (d: Design, figure: string, name: string) =>
  row(d, figure)?.inputs.find((i) => i.name === name)?.value ?? Number.NaN;

describe("a stated failover bound is budgeted with room to spare", () => {
  const d = design("Design a leader election service for 2,000 microservices that fails over within 5 seconds");

  it("fits the lease, the store's expiry check and telling a candidate inside the bound, one keep-alive spare", () => {
    const failover = value(d, "failover_time");
    expect(failover).toBeLessThan(5);
    const spare = value(d, "failover_spare");
    expect(spare).toBeCloseTo(5 - failover);
    // a whole keep-alive interval is left, so one missed beat still meets the bound
    expect(spare).toBeGreaterThanOrEqual(input(d, "keepalives_per_sec", "keepalive_seconds") - 1e-9);
    expect(row(d, "failover_time")?.formula).toContain("expiry_check_seconds");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("says what a store failover during the lease does: its new leader re-arms every lease", () => {
    const both = value(d, "failover_with_store_failover");
    const lease = value(d, "idle_after_crash");
    // the dead holder's lease runs twice, with two store elections, before a candidate takes over
    expect(both).toBeGreaterThan(2 * lease);
    expect(both).toBeGreaterThan(5);
    expect(row(d, "failover_with_store_failover")?.bound).toBeUndefined();
    expect(d.failures.some((f) => /re-arms every lease/.test(f.prevention))).toBe(true);
  });

  it("never derives a lease shorter than the store grants, so a bound too tight is exceeded, not met", () => {
    const tight = design("Design a leader election service for 2,000 microservices that fails over within 1 second");
    // etcd grants no lease shorter than 1.5 election timeouts rounded up to whole seconds: 1 s at its shortest
    // election timeout (500 ms), so a 1-second failover bound cannot be met by a lease and is flagged
    expect(value(tight, "idle_after_crash")).toBeGreaterThanOrEqual(1);
    expect(checkCoherence(tight).map((p) => p.rule)).toContain("stated-bound-exceeded");
  });

  it("offers an election's calls: campaign returning a revision to fence with, observe, resign, the leader", () => {
    const ops = d.api.map((a) => a.operation);
    expect(ops).toEqual(expect.arrayContaining(["campaign", "observe", "resign", "get leader", "keep-alive"]));
    expect(ops).not.toContain("acquire");
    expect(d.api.find((a) => a.operation === "campaign")?.response.join(" ")).toMatch(/revision/);
  });

  it("keeps a lock's acquire and release where no election is spoken of", () => {
    const lock = design("Design a distributed lock service for 10k lock acquisitions per second");
    const ops = lock.api.map((a) => a.operation);
    expect(ops).toEqual(expect.arrayContaining(["acquire", "release"]));
    expect(ops).not.toContain("campaign");
    expect(row(lock, "failover_with_store_failover")).toBeDefined();
  });
});

describe("a timestamp id layout is data, and the generator stores nothing per id", () => {
  const d = design(
    "Design a unique ID generator that produces 1 million sortable IDs per second without a central coordinator",
  );

  it("draws the bit layout and sizes its fields: horizon, per-generator ceiling, worker-id space", () => {
    const layout = d.dataModel.find((e) => e.entity === "IdLayout");
    expect(layout?.fields.join(" ")).toMatch(/timestamp_bits = 41/);
    expect(layout?.fields.join(" ")).toMatch(/worker_bits = 10/);
    expect(layout?.fields.join(" ")).toMatch(/sequence_bits = 12/);
    expect(value(d, "id_horizon_years")).toBeCloseTo(69.7, 1);
    expect(input(d, "min_generators", "ids_per_generator_per_sec")).toBe(4096000);
    expect(input(d, "worker_id_share", "worker_id_space")).toBe(1024);
  });

  it("records no issued id per request and adds no idempotency key", () => {
    expect(d.operations.some((o) => /IssuedId/.test(o.entity) && o.interaction !== "read projection target")).toBe(
      false,
    );
    expect(d.mechanisms.map((m) => m.id)).not.toContain("idempotency-key");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("leaves the layout and its horizon out where numbers carry no time", () => {
    const gapFree = design("Design a ticket number service that never skips or repeats a number.");
    expect(gapFree.decisions.find((x) => x.id === "i09-scheme")?.chosen).toBe("single-sequencer");
    expect(gapFree.dataModel.map((e) => e.entity)).not.toContain("IdLayout");
    expect(row(gapFree, "id_horizon_years")).toBeUndefined();
  });
});
