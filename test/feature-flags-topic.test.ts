import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "feature-flags-shape");

describe("a feature flag service evaluates flags in SDKs and streams versioned changes", () => {
  const flags = design(
    "Design a feature flag service: 20,000 service instances evaluate flags locally, and a flag change must reach all of them within 5 seconds.",
  );
  const toggles = design(
    "Build a feature toggle platform like LaunchDarkly for 50,000 servers; toggling a flag must reach every server within 3 seconds.",
  );
  const fleet = design(
    "Design a configuration distribution system that rolls out config changes to 100,000 hosts in stages with canaries and automatic rollback.",
  );

  it("is switched on by the prompt's words; a fleet config rollout keeps its cohorts and gates", () => {
    expect(flags.nfrs.topics).toContain("feature-flags");
    expect(toggles.nfrs.topics).toContain("feature-flags");
    expect(fleet.nfrs.topics ?? []).not.toContain("feature-flags");
    expect(drawn(fleet)).toMatch(/Rollout controller/);
  });

  it("draws flags, segments and an audit log, a relay tier and SDKs, and no cohorts, gates or xDS", () => {
    for (const e of ["Flag", "Segment", "FlagChange"]) expect(flags.dataModel.map((m) => m.entity)).toContain(e);
    expect(flags.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining([
        "update flag",
        "kill switch",
        "stream (SDK-facing)",
        "evaluate (in process)",
        "audit log",
      ]),
    );
    expect(drawn(flags)).not.toMatch(/Rollout controller|Health gate|xDS|go-control-plane|roll out in stages/);
    expect(flags.decisions.map((x) => x.id)).not.toContain("i11-rollout");
    expect(flags.decisions.find((x) => x.id === "i11-flag-delivery")?.chosen).toBe("stream");
    const rules = flags.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/pure function of the flag key/);
    expect(rules).toMatch(/caller's default value/);
    expect(shape(flags)).toEqual([]);
    expect(shape(toggles)).toEqual([]);
  });

  it("spends the stated 5 seconds hop by hop, and sizes deltas rather than whole snapshots per change", () => {
    const row = (id: string) => flags.capacity.find((r) => r.id === id);
    expect(row("flag_propagation_seconds")?.bound?.quantity).toBe("propagation_seconds");
    expect(row("flag_propagation_seconds")?.value).toBeLessThan(5 * 0.7);
    expect(row("change_fanout_bytes")?.value).toBeCloseTo(1000 * 20000, -3);
    expect(flags.capacity.some((r) => r.id === "rollout_bytes")).toBe(false);
  });

  it("the coherence rule fires on a flag design that draws a rollout controller or drops its audit log", () => {
    const broken = {
      ...flags,
      dataModel: flags.dataModel.filter((m) => m.entity !== "FlagChange"),
      components: [
        ...flags.components,
        { ...flags.components[0], id: "rc", name: "Rollout controller (cohorts and health gates)" },
      ],
    } as typeof flags;
    const details = shape(broken).map((p) => p.detail);
    expect(details).toContain("no FlagChange record is drawn");
    expect(details.some((x) => /Rollout controller/.test(x))).toBe(true);
  });
});
