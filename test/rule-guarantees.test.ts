import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseGuarantees } from "../src/engine/nfr-parse.js";
import { fromStatedGuarantee } from "../src/engine/stated-rules.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const clone = (d: Design): Design => structuredClone(d);
const hard = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ")
    .match(/The hard rule is this\. ([^.]+\.)/)?.[1];

// paraphrases outside every prompt set: one per kind of rule
const REPORTS = "Design a report generator where readers never see a half-finished report.";
const KEYS = "Design an API key service that never accepts a revoked key.";
const RIDES = "Design a food delivery app where every order is assigned to exactly one courier.";
const BUILDS = "Design a build farm where each team runs at most 20 builds at once even when agents die.";
const PAYOUTS = "Design a marketplace that never pays out for a refund that cannot be collected.";

describe("a rule guarantee stated in a clause of its own", () => {
  it("is read with its thing and the words that bound it", () => {
    expect(parseGuarantees("so that no half-written output is ever published")).toEqual([
      {
        kind: "atomic-publish",
        noun: "output",
        state: "half-written",
        quote: "no half-written output is ever published",
      },
    ]);
    expect(parseGuarantees(REPORTS)[0]).toMatchObject({ kind: "atomic-publish", noun: "report" });
    expect(parseGuarantees("a secrets manager that never serves a revoked secret")[0]).toMatchObject({
      kind: "never-stale",
      noun: "secret",
      state: "revoked",
      act: "serve",
    });
    expect(parseGuarantees("an auth service where an expired session is never accepted")[0]).toMatchObject({
      kind: "never-stale",
      noun: "session",
      act: "accept",
    });
    expect(parseGuarantees("a dispatcher where each ride request goes to exactly one driver")[0]).toMatchObject({
      kind: "exactly-one",
      noun: "ride request",
      owner: "driver",
      how: "assigned to",
    });
    expect(parseGuarantees(BUILDS)[0]).toMatchObject({
      kind: "cap",
      noun: "build",
      limit: "20",
      scope: "team",
      crash: "agents",
    });
    expect(
      parseGuarantees(
        "lets each of 10,000 tenants run at most their quota of jobs at once, even when workers crash",
      )[0],
    ).toMatchObject({ kind: "cap", noun: "job", limit: "quota", scope: "tenant" });
    expect(parseGuarantees("never charges for an order that cannot ship")[0]).toMatchObject({
      kind: "effect-last",
      effect: "charge",
      noun: "order",
      cannot: "ship",
    });
    expect(parseGuarantees(PAYOUTS)[0]).toMatchObject({
      kind: "effect-last",
      effect: "pay out",
      cannot: "be collected",
    });
    // a fan-out count or a plain limit is no rule
    expect(parseGuarantees("fans each message out to up to 1,000 subscriptions")).toEqual([]);
  });

  it("leads the spoken hard rule, kept by its mechanism, and leads the failure table", () => {
    for (const [prompt, lead, keeper] of [
      [REPORTS, /^No half-finished report is ever visible\./, "head-pointer-cas"],
      [KEYS, /^No revoked key is ever accepted\./, "leader-read"],
      [RIDES, /^No order is ever assigned to two couriers\./, "guarded-transition"],
      [BUILDS, /^No team ever has more than 20 builds running at once, even when agents crash\./, "concurrency-slots"],
      [PAYOUTS, /^No refund that cannot be collected is ever paid out\./, "saga"],
    ] as const) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => fromStatedGuarantee(i.because));
      expect(rule?.statement, prompt).toMatch(lead);
      expect(rule?.keptBy, prompt).toBe(keeper);
      expect(
        d.mechanisms.some((m) => m.id === keeper),
        prompt,
      ).toBe(true);
      expect(d.failures[0]?.source, prompt).toMatch(/^the prompt says '/);
      // a feature-led design (the courier one) speaks the stated rule too, though it sits on another feature's path
      expect(hard(d), prompt).toMatch(lead);
    }
  });

  it("fails closed where a revoked thing must never be served or a cap must hold through crashes", () => {
    for (const prompt of [KEYS, BUILDS]) {
      const d = design(prompt);
      expect(d.nfrs.availability, prompt).toBe("fail-closed");
      expect(d.nfrs.consistency, prompt).toBe("linearizable");
    }
  });

  it("coherence catches a rule guarantee with no rule, no keeper or no failure row (red on a stripped design)", () => {
    const d = design(RIDES);
    expect(checkCoherence(d).filter((p) => p.rule === "qualifier-unkept")).toEqual([]);
    const noRow = clone(d);
    noRow.failures = noRow.failures.filter((f) => !f.source?.startsWith("the prompt says"));
    expect(checkCoherence(noRow).map((p) => p.detail)).toContainEqual(expect.stringMatching(/no failure row tests it/));
    const noKeeper = clone(d);
    noKeeper.mechanisms = noKeeper.mechanisms.filter((m) => m.id !== "guarded-transition");
    expect(checkCoherence(noKeeper).map((p) => p.detail)).toContainEqual(
      expect.stringMatching(/lacks guarded-transition/),
    );
    const noRule = clone(d);
    noRule.invariants = noRule.invariants.filter((i) => !fromStatedGuarantee(i.because));
    expect(checkCoherence(noRule).map((p) => p.detail)).toContainEqual(
      expect.stringMatching(/no rule of the design says it/),
    );
  });
});
