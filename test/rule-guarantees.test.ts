import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseGuarantees } from "../src/engine/nfr-parse.js";
import { fromStatedGuarantee } from "../src/engine/stated-rules.js";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { lowerFirst, withArticle } from "../src/render/script/speak.js";

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
const DOCS = "Design a document database that never returns a stale document.";
const FLIGHTS = "Design an airline reservation system that never overbooks a flight.";
const PARKING = "Design a parking garage system that never sells more permits than spaces.";
const MICROSCOPES = "Design a lab booking system where each microscope has at most one user per slot.";
const PLACER = "Design a VM placement service for 2,000 hosts that never overcommits a host's memory.";

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

  it("reads a stale read, an overcommitted capacity, one holder per scope and a lost addition in their own words", () => {
    expect(parseGuarantees("a blob store that never returns an old version after an overwrite has succeeded")).toEqual([
      {
        kind: "latest-read",
        noun: "version",
        state: "old",
        act: "return",
        after: "overwrite",
        quote: "never returns an old version after an overwrite has succeeded",
      },
    ]);
    expect(parseGuarantees("a profile service whose readers never see stale data")[0]).toMatchObject({
      kind: "latest-read",
      noun: "data",
      state: "stale",
    });
    expect(parseGuarantees("a VM placer that never overcommits a host's CPU")[0]).toMatchObject({
      kind: "capacity",
      act: "overcommit",
      capacity: "CPU",
      scope: "host",
    });
    expect(parseGuarantees(FLIGHTS)[0]).toMatchObject({ kind: "capacity", scope: "flight", capacity: "capacity" });
    expect(parseGuarantees(PARKING)[0]).toMatchObject({
      kind: "capacity",
      act: "sell",
      noun: "permit",
      capacity: "spaces",
    });
    expect(parseGuarantees("a hotel system that never books more rooms than the hotel has")[0]).toMatchObject({
      kind: "capacity",
      noun: "room",
      capacity: "rooms",
      scope: "hotel",
    });
    expect(parseGuarantees(MICROSCOPES)[0]).toMatchObject({
      kind: "exactly-one",
      noun: "microscope",
      owner: "user",
      scope: "slot",
    });
    expect(parseGuarantees("a notes app where a saved note is never lost")[0]).toMatchObject({
      kind: "never-lost",
      noun: "note",
    });
  });

  it("speaks each new shape as the hard rule, kept by its mechanism and tested by its failure row", () => {
    for (const [prompt, lead, keeper] of [
      [DOCS, /^No stale document is ever returned after a newer write has succeeded\./, "leader-read"],
      [FLIGHTS, /^No flight is ever overbooked\./, "guarded-transition"],
      [PARKING, /^No more permits are ever sold than there are spaces\./, "guarded-transition"],
      [MICROSCOPES, /^No microscope is ever held by two users in one slot\./, "guarded-transition"],
      [PLACER, /^No host's memory is ever overcommitted\./, "guarded-transition"],
    ] as const) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => fromStatedGuarantee(i.because));
      expect(rule?.statement, prompt).toMatch(lead);
      expect(rule?.keptBy, prompt).toBe(keeper);
      expect(d.failures[0]?.source, prompt).toMatch(/^the prompt says '/);
      expect(hard(d), prompt).toMatch(lead);
      expect(checkCoherence(d).filter((p) => p.rule === "qualifier-unkept" || p.rule === "invariant-off-path")).toEqual(
        [],
      );
      const said = writeScript(d, { minutes: 45 })
        .steps.map((x) => x.text)
        .join(" ");
      const name = d.mechanisms.find((m) => m.id === keeper)?.name ?? keeper;
      // a mechanism named by a verb is said as the doing ("read from the current leader" -> "reading from …")
      expect(said, prompt).toMatch(new RegExp(`The core mechanism is ${withArticle(lowerFirst(name))}\\.`, "i"));
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
