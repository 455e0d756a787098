import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { requirementClauses, requirementLedger } from "../src/engine/requirement-ledger.js";
import { requirementKind } from "../src/knowledge/requirement-kinds.js";

const texts = (p: string) => requirementClauses(p).map((c) => c.text);

describe("requirement clauses: where a qualifier joins the clause before it", () => {
  it("a condition opening a new sentence or following a semicolon is a clause of its own", () => {
    expect(
      texts(
        "Design a reporting store: nightly totals come from the orders table. If the totals go wrong we must rebuild them.",
      ),
    ).toContain("If the totals go wrong we must rebuild them");
    expect(texts("A checkout runs capture and settle steps; if settling fails the capture must be voided.")).toContain(
      "if settling fails the capture must be voided",
    );
    // across a comma it still qualifies the clause before it
    expect(texts("Design a job runner: each job runs once, even if a worker crashes.")).toContain(
      "each job runs once, even if a worker crashes",
    );
  });

  it("'at most' and 'at least' open a rule of their own, not a qualifier like 'at noon'", () => {
    expect(
      texts("Design a scraper: thousands of sites are crawled daily, at most three fetches per minute per site."),
    ).toContain("at most three fetches per minute per site");
    expect(texts("Design a payroll job: salaries are paid monthly, at noon on the last day.")).toContain(
      "salaries are paid monthly, at noon on the last day",
    );
  });
});

describe("a 'still' makes a rule only where it holds against something", () => {
  it("says 'yet' under a word reporting a state, or in a manner phrase with no condition", () => {
    expect(requirementKind("heartbeats so the controller knows which sensors are still reporting")?.id).not.toBe(
      "rule",
    );
    expect(requirementKind("scan every stored video and confirm that its digest still matches")?.id).not.toBe("rule");
    expect(requirementKind("still allowing small accounts to burst for a moment")?.id).not.toBe("rule");
  });
  it("obliges where it says what goes on in spite of a failure or a load", () => {
    expect(requirementKind("still serving reads when a whole zone is lost")?.id).toBe("rule");
    expect(requirementKind("so the premium tenants still get through")?.id).toBe("rule");
  });
});

describe("the ask that leads a clause", () => {
  it("'make sure' hands over what to keep: the clause is carried by the rule that states it", () => {
    const d = design("Design a ride payout service. Make sure no driver is ever paid twice.");
    const r = d.statedRequirements.find((x) => x.clause.startsWith("Make sure"));
    expect(r?.carried, JSON.stringify(r)).toBe(true);
  });
  it("a leading condition says when: the clause asks its main clause", () => {
    const d = design(
      "Design an artifact store for CI builds: each build uploads artifacts that deploy jobs fetch. Once 4.2.0 is published its contents must never change, and an upload cut off halfway must never be served.",
    );
    const r = d.statedRequirements.find((x) => x.clause.startsWith("Once 4.2.0"));
    expect(r?.carried, JSON.stringify(r)).toBe(true);
  });
});

describe("a durability clause carried by the design's own durability rule, by kind", () => {
  const PROMPT =
    "Design a key-value store for shopping sessions: 5 million shoppers, and an accepted write must never be lost.";
  const base = design(PROMPT);
  const SURVIVES =
    "An acknowledged write is stored on at least the configured number of replicas and is never silently dropped afterwards.";
  const withRule = (statement: string, mechanisms: typeof base.mechanisms) => ({
    ...base,
    invariants: [
      ...base.invariants.filter((i) => !/\blost\b|replicas/.test(i.statement)),
      { path: "replicate", statement, archetype: base.invariants[0]?.archetype ?? "I16", because: "card rule" },
    ],
    mechanisms,
  });
  const clause = (d: Parameters<typeof requirementLedger>[0]) =>
    requirementLedger(d).find((r) => r.clause === "an accepted write must never be lost");
  const quorum = { ...(base.mechanisms[0] as (typeof base.mechanisms)[number]), id: "quorum-read-write" };
  const others = base.mechanisms.filter((m) => !["quorum-read-write", "consensus-replication"].includes(m.id));

  it("is carried by a rule that acknowledged writes survive, where a drawn mechanism keeps that kind", () => {
    const r = clause(withRule(SURVIVES, [...others, quorum]));
    expect(r?.carried, JSON.stringify(r)).toBe(true);
    expect(r?.carriedBy.some((c) => c.kind === "rule" && c.what.startsWith("An acknowledged write"))).toBe(true);
  });
  it("is not carried where no drawn mechanism keeps it, or by a rule of another kind", () => {
    expect(
      clause(
        withRule(
          SURVIVES,
          others.filter((m) => !["write-ahead-log", "transaction", "append-log"].includes(m.id)),
        ),
      )?.carried,
    ).toBe(false);
    expect(
      clause(
        withRule("A write applies only when its version still equals the version the caller read.", [
          ...others,
          quorum,
        ]),
      )?.carried,
    ).toBe(false);
  });
});
