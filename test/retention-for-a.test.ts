import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// prompts of no prompt set: a retention said with an article ("for a month") instead of a number
describe("a retention said 'for a week', 'for a year' after a keeping verb is a stated retention", () => {
  it("reads the article as one of the unit, and a figure reads it, so the ledger carries the clause", () => {
    const d = design(
      "Design a log search service for 2,000 hosts, each shipping 5 MB of logs a minute; logs are kept for a month.",
    );
    expect(d.nfrs.sources["scale.retention_days"]).toMatchObject({ source: "stated" });
    expect(d.nfrs.sources["scale.retention_days"]?.because).toContain("'a month'");
    const row = d.statedRequirements.find((r) => r.clause.includes("kept for a month"));
    expect(row?.carried).toBe(true);
    expect(d.coherence.filter((c) => c.rule === "requirement-not-carried")).toEqual([]);
  });

  it("reads no retention from 'for a day' without a keeping verb", () => {
    const d = design(
      "Design a mobile order app for 3,000 stores where a till may be offline for a day and must sync its orders when it reconnects.",
    );
    expect(d.nfrs.sources["scale.retention_days"]?.source).not.toBe("stated");
  });
});
