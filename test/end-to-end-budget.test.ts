import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { unbudgetedBounds } from "../src/engine/end-to-end-bounds.js";
import { type Design, design } from "../src/lib/index.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const input = (d: Design, figure: string, name: string) => row(d, figure)?.inputs.find((i) => i.name === name);
/** Every text a design says of its failures, decisions, API and sequences. */
const said = (d: Design) => JSON.stringify([d.failures, d.decisions, d.api, d.diagrams, d.components]).toLowerCase();

describe("a stated bound on an alert going out is a paging budget (scrape + evaluation + notification)", () => {
  const prompts = [
    "Build a telemetry platform taking 3 million samples a second from 40,000 hosts that raises an alert within 90 seconds of a threshold breach.",
    "Design an observability backend for 20,000 servers where alerts must fire within 2 minutes.",
    "Design a monitoring system for Kubernetes pods with alerting within 45 seconds.",
  ];
  for (const p of prompts)
    it(p, () => {
      const d = design(p);
      const bound = d.nfrs.scale.page_bound_seconds;
      expect(bound, p).toBeGreaterThan(0);
      // the alert's bound is never read as a request's latency
      expect(d.nfrs.latency, p).toEqual([]);
      const page = row(d, "page_seconds");
      expect(page?.bound?.quantity, p).toBe("page_bound_seconds");
      expect(page?.value ?? Number.POSITIVE_INFINITY, p).toBeLessThanOrEqual(bound ?? 0);
      // the evaluation interval is chosen from the bound, with its reason
      const evalInterval = input(d, "page_seconds", "eval_interval_seconds");
      expect(evalInterval?.because, p).toMatch(/paging bound/);
      const r = rules(d);
      for (const rule of [
        "stated-number-unread",
        "stated-bound-exceeded",
        "bound-unbudgeted",
        "requirement-not-carried",
      ])
        expect(r, `${p} ${rule}`).not.toContain(rule);
    });

  it("a device fleet's alert bound is spent sample + evaluation + notification, the evaluation interval chosen from it", () => {
    for (const [p, bound] of [
      [
        "Design a backend for 200,000 wind turbines pushing sensor readings, with dashboards per site and alerts within 45 seconds.",
        45,
      ],
      [
        "Build an IoT platform where 5 million smart meters push readings every 30 seconds, kept for a year, with alerts within 2 minutes.",
        120,
      ],
    ] as const) {
      const d = design(p);
      expect(d.nfrs.scale.page_bound_seconds, p).toBe(bound);
      const alert = d.capacity.find((r) => r.bound?.quantity === "page_bound_seconds");
      expect(alert?.value ?? Number.POSITIVE_INFINITY, p).toBeLessThanOrEqual(bound);
      expect(alert?.inputs.find((i) => i.name === "eval_interval_seconds")?.because, p).toMatch(
        /(?:alert|paging) bound/,
      );
      for (const rule of ["stated-number-unused", "bound-unbudgeted", "stated-bound-exceeded", "iot-shape"])
        expect(rules(d), `${p} ${rule}`).not.toContain(rule);
    }
  });

  it("an alert a product sends its users is not a monitoring page", () => {
    const d = design("Design a service that sends severe weather alerts to 10 million phones within 30 seconds.");
    expect(d.nfrs.scale.page_bound_seconds).toBeUndefined();
  });
});

describe("a stated rollback bound is a budget for the way back (detect + decide + propagate), not a rollout target", () => {
  const prompts = [
    "Build a settings distribution service for 20,000 hosts; operators must be able to revert a broken setting on every host within 45 seconds.",
    "Build a configuration push system for 80,000 edge servers where a faulty config is rolled back within 2 minutes.",
    "Design a config service for 30,000 hosts; a bad version must be reverted within 3 minutes.",
  ];
  for (const p of prompts)
    it(p, () => {
      const d = design(p);
      const bound = d.nfrs.scale.rollback_bound_seconds;
      expect(bound, p).toBeGreaterThan(0);
      // the rollback bound is neither a propagation target nor a latency
      expect(d.nfrs.sources["scale.propagation_seconds"]?.source, p).not.toBe("stated");
      expect(d.nfrs.latency, p).toEqual([]);
      const back = row(d, "rollback_seconds");
      expect(back?.bound?.quantity, p).toBe("rollback_bound_seconds");
      for (const step of ["rollback_detect_seconds", "rollback_decide_seconds", "change_commit_seconds"])
        expect(back?.formula, p).toContain(step);
      expect(back?.value ?? Number.POSITIVE_INFINITY, p).toBeLessThanOrEqual(bound ?? 0);
      for (const i of back?.inputs ?? []) expect(i.because.length, `${p} ${i.name}`).toBeGreaterThan(20);
      // one API call rolls back to a named earlier version
      const call = d.api.find((a) => a.operation === "roll back");
      expect(call?.request.join(" "), p).toMatch(/to_version/);
      // the rollout decision reads the bound as the way back: no staged option is rejected for missing it
      const rollout = d.decisions.find((c) => c.id === "i11-rollout");
      expect(rollout?.because, p).toMatch(/rollback bound/);
      expect(rollout?.because, p).not.toMatch(/cannot meet the stated bound/);
      // the moved target reaches nodes by push, inside what the bound leaves
      expect(d.decisions.find((c) => c.id === "i11-distribution")?.chosen, p).toBe("push");
      // one model of rollback: the target moves back; no version is republished
      const text = said(d);
      expect(text, p).toMatch(/moving the target back to the last good version/);
      expect(text, p).not.toMatch(/publish(?:ing)? the last good (?:config|version)/);
      const r = rules(d);
      for (const rule of [
        "stated-bound-exceeded",
        "bound-unbudgeted",
        "stated-number-unused",
        "requirement-not-carried",
      ])
        expect(r, `${p} ${rule}`).not.toContain(rule);
    });

  it("a software deployment's way back (gate + poll + reinstall) takes its gate window from the bound, or is flagged", () => {
    const roomy = design(
      "Design a deployment system that rolls out new builds to 20,000 hosts in waves, where a bad release can be rolled back within 5 minutes.",
    );
    const back = row(roomy, "rollback_seconds");
    expect(back?.bound?.quantity).toBe("rollback_bound_seconds");
    expect(back?.value ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(300);
    expect(input(roomy, "rollback_seconds", "gate_check_seconds")?.because).toMatch(/rollback bound/);
    expect(rules(roomy)).not.toContain("stated-bound-exceeded");
    // a reinstall cannot be undone in a minute: the design says so rather than hiding it
    const tight = design(
      "Design a deployment system that rolls out new builds to 20,000 hosts in waves, where a bad release can be rolled back within 1 minute.",
    );
    expect(rules(tight)).toContain("stated-bound-exceeded");
  });

  it("a rollback bound too tight for the fixed steps is flagged, not hidden", () => {
    const d = design(
      "Design a config distribution system for 5,000 servers where a bad config can be rolled back within 5 seconds.",
    );
    expect(row(d, "rollback_seconds")?.bound?.value).toBe(5);
    expect(rules(d)).toContain("stated-bound-exceeded");
  });
});

describe("coherence bound-unbudgeted: a stated end-to-end bound read by figures is spent over the path's stages", () => {
  it("a change's spread bound is spent commit + pickup + apply in a config design", () => {
    const d = design(
      "Edit the list of allowed countries once and have every checkout server apply it within a minute; a wrong edit can be reverted instantly.",
    );
    const spread = row(d, "config_spread_seconds");
    expect(spread?.bound?.quantity).toBe("propagation_seconds");
    expect(rules(d)).not.toContain("bound-unbudgeted");
  });

  it("flags a design whose stated bound only sizes a bandwidth, with no summed path held to it", () => {
    const d = design("Push config changes to 30,000 servers within 20 seconds.");
    expect(unbudgetedBounds(d.capacity, d.nfrs.sources)).toEqual([]);
    const edited: Design = structuredClone(d);
    edited.capacity = edited.capacity.filter((r) => r.bound?.quantity !== "propagation_seconds");
    const found = unbudgetedBounds(edited.capacity, edited.nfrs.sources);
    expect(found.map((u) => u.bound)).toEqual(["propagation_seconds"]);
    expect(checkCoherence(edited).map((p) => p.rule)).toContain("bound-unbudgeted");
  });
});
