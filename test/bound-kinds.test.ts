import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { BOUND_KINDS } from "../src/knowledge/bound-kinds.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const input = (d: Design, id: string, name: string) => row(d, id)?.inputs.find((i) => i.name === name);

describe("a stated time bound lands in the slot its words say, never a request's latency", () => {
  it("replacing, promoting or electing after a failure is a failover bound", () => {
    for (const [p, secs] of [
      ["Design the scheduler for 400 kitchen robots; a failed scheduler must be replaced within 3 seconds.", 3],
      [
        "Design a replicated SQL store for a clinic; if the primary fails, a replica must be promoted within 10 seconds.",
        10,
      ],
      [
        "Design a leader election service for 200 shards; if a shard leader crashes, a new leader must be elected within 4 seconds.",
        4,
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.failover_seconds?.value, p).toBe(secs);
      expect(s.latency, p).toEqual([]);
    }
  });

  it("a crashed member noticed and removed is a detection bound; picking a dead node's task up a reclaim bound", () => {
    const detect = parseStatedNfrs(
      "Design a service registry for 10,000 instances; a crashed instance must be noticed and removed within 5 seconds.",
    );
    expect(detect.scale.detection_bound_seconds?.value).toBe(5);
    expect(detect.latency).toEqual([]);
    const reclaim = parseStatedNfrs(
      "Design a distributed cron for 50,000 tasks; if the node running a task dies, another node must pick the task up within 15 seconds.",
    );
    expect(reclaim.scale.reclaim_bound_seconds?.value).toBe(15);
    expect(reclaim.latency).toEqual([]);
    const handed = parseStatedNfrs(
      "Design a payroll runner where a job on a crashed worker must be handed to another worker within 2 minutes.",
    );
    expect(handed.scale.reclaim_bound_seconds?.value).toBe(120);
    // handing on with no holder dying is no reclaim
    expect(
      parseStatedNfrs("Tickets must be handed to another agent within 5 minutes.").scale.reclaim_bound_seconds,
    ).toBeUndefined();
  });

  it("redelivered or retried within a time is a redelivery bound, never a change spreading to readers", () => {
    const redeliver = parseStatedNfrs(
      "Design a queue for 20,000 messages per second where a message whose consumer crashes must be redelivered to another consumer within 30 seconds.",
    );
    expect(redeliver.scale.redelivery_bound_seconds?.value).toBe(30);
    expect(redeliver.scale.redelivery_bound_seconds?.quote).toBe("redelivered to another consumer within 30 seconds");
    expect(redeliver.latency).toEqual([]);
    const retried = parseStatedNfrs(
      "Design a job runner for 5 million jobs a day; a failed job must be retried within a minute.",
    );
    expect(retried.scale.redelivery_bound_seconds?.value).toBe(60);
    expect(retried.scale.propagation_seconds).toBeUndefined();
  });

  it("events arriving late is an allowed lateness, never a freshness bound", () => {
    const s = parseStatedNfrs(
      "Design a pipeline for 200,000 app events per second, where events may arrive up to 48 hours late.",
    );
    expect(s.scale.allowed_lateness_seconds?.value).toBe(48 * 3600);
    expect(s.scale.propagation_seconds).toBeUndefined();
    // a copy that trails its source stays a freshness bound
    expect(
      parseStatedNfrs("The replica may be at most 5 seconds behind the primary.").scale.propagation_seconds?.value,
    ).toBe(5);
  });
});

describe("the timing parameter is derived from the stated bound", () => {
  it("a 2-second failover cuts the lease to 1 s (the store's tuned floor) and the keep-alive to a third of it", () => {
    const d = design(
      "Design the controller for 30 conveyor belts; a failed controller must be replaced within 2 seconds without two controllers ever moving the same belt.",
    );
    expect(d.nfrs.latency.some((l) => l.ms === 2000)).toBe(false);
    expect(input(d, "failover_time", "lease_seconds")?.value).toBe(1);
    expect(input(d, "failover_time", "lease_seconds")?.because).toMatch(/stated failover bound/);
    expect(row(d, "role_keepalive_seconds")?.value).toBeCloseTo(1 / 3, 5);
    expect(row(d, "failover_time")?.value).toBeLessThanOrEqual(2);
    expect(checkCoherence(d).some((p) => p.rule === "stated-bound-exceeded")).toBe(false);
  });

  it("a redelivery bound cuts the visibility timeout to its planned share", () => {
    const d = design(
      "Design a message queue for 20,000 messages per second where a message whose consumer crashes must be redelivered to another consumer within 30 seconds.",
    );
    const r = row(d, "redelivery_time");
    expect(r?.bound).toEqual({ quantity: "redelivery_bound_seconds", value: 30 });
    const vt = r?.inputs.find((i) => i.name === "visibility_timeout_seconds");
    expect(vt?.value).toBeCloseTo(30 * 0.7 - 1, 5);
    expect(vt?.because).toMatch(/redelivery bound/);
    expect(r?.value).toBeLessThanOrEqual(30);
  });

  it("a reclaim bound holds the lease's reclaim time", () => {
    const d = design(
      "Design a distributed cron for 50,000 scheduled tasks; if the node running a task dies, another node must pick the task up within 15 seconds.",
    );
    expect(row(d, "lease_reclaim_seconds")?.bound).toEqual({ quantity: "reclaim_bound_seconds", value: 15 });
  });
});

describe("a figure of a bound's kind past the stated bound is flagged, whether or not it names the bound", () => {
  const d = design(
    "Design the controller for 30 conveyor belts; a failed controller must be replaced within 2 seconds without two controllers ever moving the same belt.",
  );
  const unbound = (
    value: number,
    quantity = "worst-case time to replace a failed leader and redirect clients to the new one",
  ) => ({
    ...d,
    capacity: [
      ...d.capacity,
      {
        ...(row(d, "failover_time") as Design["capacity"][number]),
        id: "other_failover",
        quantity,
        value,
        display: `≈ ${value} s`,
        bound: undefined,
      },
    ],
  });
  it("an unbound failover figure past the stated failover bound", () => {
    const hits = checkCoherence(unbound(11)).filter((p) => p.rule === "stated-bound-exceeded");
    expect(hits.map((p) => p.detail).join(" ")).toMatch(
      /other_failover .* failover .* past the stated failover_seconds = 2/,
    );
  });
  it("none within the bound, and none for a spare or a compound fault", () => {
    expect(
      checkCoherence(unbound(1.5)).some((p) => p.rule === "stated-bound-exceeded" && /other_failover/.test(p.detail)),
    ).toBe(false);
    expect(
      checkCoherence(unbound(11, "worst-case failover when the lock store's own leader also fails")).some(
        (p) => p.rule === "stated-bound-exceeded" && /other_failover/.test(p.detail),
      ),
    ).toBe(false);
  });
  it("every kind names a stated quantity the parser reads", () => {
    for (const k of BOUND_KINDS) expect(k.bound).toMatch(/_seconds$/);
  });
});
