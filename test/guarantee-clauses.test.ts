import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseGuarantees, parseRepeatWindow, statedNfrsOf } from "../src/engine/nfr-parse.js";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const clone = (d: Design): Design => structuredClone(d);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
const said = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ");

const NIGHTLY = "Design a job scheduler where each nightly job runs at most once per night even if a node dies.";
const ALERTS = "Design a notification pipeline that never sends the same alert twice to on-call.";
const CONFIG =
  "Design a config client library that keeps working from its last copy when the config service is unreachable.";

describe("a guarantee stated in a clause of its own", () => {
  it("is read with its thing, act and scope, or its copy and the source it outlives", () => {
    expect(parseGuarantees("never runs the same job twice for one schedule slot, even when a worker crashes")).toEqual([
      {
        kind: "once",
        noun: "job",
        act: "run",
        scope: "schedule slot",
        quote: "never runs the same job twice for one schedule slot, even when a worker crashes",
      },
    ]);
    expect(parseGuarantees(NIGHTLY)[0]).toMatchObject({
      kind: "once",
      noun: "nightly job",
      act: "run",
      scope: "night",
    });
    expect(parseGuarantees("pages on-call within a minute, without duplicate pages")[0]).toMatchObject({
      kind: "once",
      noun: "page",
    });
    expect(parseGuarantees(CONFIG)[0]).toMatchObject({
      kind: "last-known",
      what: "copy",
      dependency: "config service",
    });
    expect(parseGuarantees("keeps serving the last known flags if the service is down")[0]).toMatchObject({
      kind: "last-known",
      what: "flags",
      dependency: "service",
    });
    expect(parseGuarantees("Design a URL shortener that handles 10,000 requests a second.")).toEqual([]);
  });

  it("reads a repeat window whose thing comes before its act, never a conjunction as the act", () => {
    expect(parseRepeatWindow("a batch job runner where every job runs at most once per day")).toMatchObject({
      noun: "job",
      act: "run",
      window: "one day",
    });
  });

  it("makes a thing never acted on twice exactly-once, and one said in the words 'at most once' at-most-once", () => {
    // stop 42: a rule in the words "at most once" keeps that stance (a claim before the effect, no retry after it),
    // never exactly-once as at-least-once plus a dedup window, which would run an unknown outcome a second time
    expect(statedNfrsOf(NIGHTLY).delivery?.value).toBe("at-most-once");
    expect(statedNfrsOf(ALERTS).delivery?.value).toBe("exactly-once");
    // an output that goes out without duplicates is deduplicated there; the rest of the system keeps its stance
    expect(statedNfrsOf("a metrics pipeline that pages on-call without duplicate pages").delivery).toBeUndefined();
    // a repeat bounded in time stays the window's rule
    expect(statedNfrsOf("a crawler that refetches a page at most once per hour").delivery).toBeUndefined();
  });

  for (const [prompt, lead] of [
    [NIGHTLY, "No nightly job is run twice for one night."],
    [ALERTS, "No alert is sent twice."],
  ] as const) {
    it(`is the hard rule, kept by a mechanism, tested by the first failure row and said first (${prompt.slice(0, 40)}…)`, () => {
      const d = design(prompt);
      const rule = d.invariants.find((i) => i.statement.startsWith(lead));
      expect(rule?.statement).toMatch(/conditional insert/);
      expect(rule?.statement).toMatch(/never an attempt number/);
      expect(d.mechanisms.some((m) => m.id === rule?.keptBy || m.protects === rule?.statement)).toBe(true);
      expect(d.failures[0]?.failure).toMatch(/crashes or stalls/);
      expect(rules(d)).toEqual([]);
      expect(said(d)).toContain(`The hard rule is this. ${lead}`);
    });
  }

  it("is flagged when no rule says it, when delivery stays at least once, or when a retry is keyed by its attempt", () => {
    const d = design(NIGHTLY);
    const dropped = clone(d);
    dropped.invariants = dropped.invariants.filter((i) => !i.statement.startsWith("No nightly job is run twice"));
    expect(rules(dropped)).toContain("qualifier-unkept");
    const defaulted = clone(d);
    defaulted.nfrs.delivery = "at-least-once";
    expect(rules(defaulted)).toContain("qualifier-unkept");
    const attempt = clone(d);
    const row = attempt.failures[1];
    if (!row) throw new Error("no failure row");
    row.prevention = "Send the run id (plus attempt) as an idempotency key to the target";
    expect(rules(attempt)).toContain("qualifier-unkept");
  });

  it("keeps a last copy across a restart while its source is down: a local file, a failure row, said aloud", () => {
    const d = design(CONFIG);
    const rule = d.invariants.find((i) => i.statement.startsWith("While the config service is down"));
    expect(rule?.statement).toMatch(/local file/);
    expect(rule?.statement).toMatch(/start-up/);
    expect(d.failures.some((r) => /restarts/.test(r.failure) && /local file/.test(r.prevention))).toBe(true);
    expect(rules(d)).toEqual([]);
    expect(said(d)).toContain("across its own restart too");
    const noRow = clone(d);
    noRow.failures = noRow.failures.filter((r) => !/restarts/.test(r.failure));
    expect(rules(noRow)).toContain("qualifier-unkept");
    const noRule = clone(d);
    noRule.invariants = noRule.invariants.filter((i) => i.statement !== rule?.statement);
    expect(rules(noRule)).toContain("qualifier-unkept");
  });
});

describe("the spoken never-twice rule is a sentence", () => {
  it("names the claiming write as a purpose clause, not a quoted phrase read aloud", () => {
    const d = design(
      "Design a job scheduler that runs 3 million jobs a day and never runs the same job twice for one time slot.",
    );
    const rule = d.invariants.find((i) => /twice/.test(i.statement));
    expect(rule?.statement).toMatch(/^No job is run twice for one time slot\. To [a-z]/);
    expect(rule?.statement).not.toMatch(/write '/);
  });
});

describe("a last copy kept in use while its source is down is the system staying up", () => {
  it("states stay-available, so the script never assumes it fails closed", () => {
    const d = design(CONFIG);
    expect(d.nfrs.availability).toBe("stay-available");
    expect(said(d)).not.toMatch(/failing closed/);
  });
});

describe("'without duplicate X' is deduplicated where X goes out, not claimed and fenced", () => {
  it("keys each page by what it is about and its occurrence", () => {
    const d = design(
      "Design an uptime monitoring service that checks 100,000 websites every minute and pages the owner without duplicate pages.",
    );
    const rule = d.invariants.find((i) => /twice/.test(i.statement));
    expect(rule?.statement).toMatch(/^No page goes out twice for one occurrence\./);
    expect(rule?.statement).not.toMatch(/fencing token|claim/);
  });
});

describe("a prohibition on spending what one does not hold is a floor on the holder's balance", () => {
  const FLOORS: readonly [string, string, string][] = [
    [
      "Design a credits system for an AI API platform; no customer may spend credits they do not have.",
      "customer",
      "credit balance",
    ],
    ["Design a prepaid card service where a cardholder cannot withdraw more than they hold.", "cardholder", "balance"],
    ["Design a loyalty points service where a member must not overspend their points.", "member", "point balance"],
    [
      "Design a gift card system where shoppers are not allowed to redeem more than the card's balance.",
      "card",
      "balance",
    ],
    ["Design a digital wallet for 10 million users; nobody can spend money they don't have.", "account", "balance"],
  ];
  it.each(FLOORS)("%s", (prompt, key, quantity) => {
    const c = guaranteeClauses(prompt).find((x) => x.kind === "quantity-bound");
    expect(c).toMatchObject({ side: "floor", bound: "zero", key, quantity });
    expect(c?.statement).toMatch(/never goes below zero\.$/);
  });

  it("reads no floor from a cap on spending or from words that forbid nothing", () => {
    for (const p of [
      "Design an ad platform where no advertiser can spend more than their daily budget.",
      "Design a budgeting app that shows users what they spend more than they have in a month.",
    ])
      expect(guaranteeClauses(p).filter((x) => x.side === "floor")).toEqual([]);
  });

  it("carries the stated prohibition by the guarded debit on the holder's balance", () => {
    const d = design("Design a digital wallet for 10 million users; nobody can spend money they don't have.");
    const row = d.statedRequirements.find((r) => r.clause.startsWith("nobody can spend"));
    expect(row?.carried).toBe(true);
    expect(row?.carriedBy.some((b) => b.kind === "rule" && /never goes below zero/.test(b.what))).toBe(true);
  });
});
