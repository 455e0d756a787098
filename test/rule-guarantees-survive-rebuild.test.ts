import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseGuarantees, parseRuleGuarantees } from "../src/engine/nfr-parse.js";
import { statedRule } from "../src/engine/stated-rules.js";

const kinds = (prompt: string) =>
  parseRuleGuarantees(prompt).filter((g) => g.kind === "survive-loss" || g.kind === "rebuilt-from");

describe("a stated loss to survive becomes a replication rule sized from the stated count", () => {
  it("reads the count lost, the count of machines and the unit", () => {
    expect(kinds("Design a recipe-card store where each recipe must survive losing any one of three servers.")).toEqual(
      [
        {
          kind: "survive-loss",
          noun: "recipe",
          lost: 1,
          of: 3,
          unit: "server",
          quote: "each recipe must survive losing any one of three servers",
        },
      ],
    );
    const [g] = kinds("Build a photo archive for a museum; every scan must survive two racks failing at once.");
    expect(g).toMatchObject({ kind: "survive-loss", noun: "scan", lost: 2, unit: "rack" });
    const [w] = kinds("Keep each tenant's settings in a small store, never lost when a machine dies.");
    expect(w).toMatchObject({ kind: "survive-loss", noun: "write", lost: 1, unit: "machine" });
  });

  it("sizes a voting group's majority from the counted machines, else lost + 1 copies on distinct units", () => {
    const voting = statedRule({ kind: "survive-loss", noun: "recipe", lost: 2, of: 5, unit: "server" });
    expect(voting.keeper).toBe("consensus-replication");
    expect(voting.statement(undefined)).toContain("a majority of three hold it durably");
    const racks = statedRule({ kind: "survive-loss", noun: "scan", lost: 2, unit: "rack" });
    expect(racks.keeper).toBe("replica-repair");
    expect(racks.statement(undefined)).toContain("at least three copies, each on a different rack");
    // three voters tolerate one loss, never two: the rule falls back to copies on distinct machines
    expect(statedRule({ kind: "survive-loss", noun: "recipe", lost: 2, of: 3, unit: "server" }).keeper).toBe(
      "replica-repair",
    );
  });

  it("does not read a survival with no unit lost, or a loss that leaves nothing", () => {
    expect(kinds("Design a wiki whose pages survive edits by many people at once.")).toEqual([]);
    expect(kinds("Every ledger entry must survive losing two of two machines.")).toEqual([]);
    expect(kinds("Our service must survive our own crashes.")).toEqual([]);
  });

  it("carries the clause in a design: the rule, its keeper and its failure row", () => {
    const prompt =
      "Design a recipe-card store for a cooking app where each recipe must survive losing any one of three servers.";
    const d = design(prompt);
    const row = d.statedRequirements.find((r) => r.clause.includes("survive losing"));
    expect(row?.carried).toBe(true);
    expect(
      d.invariants.some((i) => /^No acknowledged recipe is lost while any one of its three servers/.test(i.statement)),
    ).toBe(true);
    expect(d.mechanisms.some((m) => m.id === "consensus-replication")).toBe(true);
    expect(d.failures.some((f) => /holding a copy of a recipe fails/.test(f.failure))).toBe(true);
  });
});

describe("a derived copy stated to be rebuilt from its source", () => {
  it("reads the source named after 'from' or after the disagreement", () => {
    const [a] = kinds(
      "Stock counts on the warehouse floor screens come from the inventory log; they may trail by a minute and must be rebuilt from the inventory log if they ever drift.",
    );
    expect(a).toMatchObject({ kind: "rebuilt-from", source: "inventory log" });
    const [b] = kinds("A search index over support tickets must be rebuildable from the tickets table.");
    expect(b).toMatchObject({ kind: "rebuilt-from", source: "tickets table" });
    const [c] = kinds(
      "The standings page may be a few seconds behind but must be recomputed if it ever disagrees with the results.",
    );
    expect(c).toMatchObject({ kind: "rebuilt-from", source: "results" });
  });

  it("does not read a lost replica copied again, or a replay from the start", () => {
    expect(kinds("Lost fragments must be rebuilt automatically after a disk dies.")).toEqual([]);
    expect(kinds("A new reader must be able to rebuild its state from the first event of the season.")).toEqual([]);
  });

  it("carries the clause in a design with a reconciliation check and a rebuild by replay", () => {
    const prompt =
      "Stock counts on the warehouse floor screens are derived from the inventory log; they may trail by a minute and must be rebuilt from the inventory log if they ever drift.";
    const d = design(prompt);
    const row = d.statedRequirements.find((r) => r.clause.includes("rebuilt from"));
    expect(row?.carried).toBe(true);
    expect(d.invariants.some((i) => i.statement.startsWith("No derived copy is trusted over the inventory log"))).toBe(
      true,
    );
    expect(d.mechanisms.some((m) => m.id === "replay-rebuild")).toBe(true);
    expect(d.failures.some((f) => /drifts from the inventory log/.test(f.failure))).toBe(true);
  });
});

describe("a stated loss rule sits on the write that makes the copies", () => {
  it("keeps the rule in a file store where another write is a lease 'renewed while it writes'", () => {
    for (const prompt of [
      "Design a shared file store for a render farm: artists append frames to open files, and every frame must survive any two disks failing.",
      "Build a log archive where many clients append to large files and each file must survive the loss of any two disks.",
    ]) {
      const d = design(prompt);
      const rule = d.invariants.find((i) =>
        /^No acknowledged \w+ is lost while any two disks are down at once/.test(i.statement),
      );
      expect(rule, prompt).toBeDefined();
      expect(rule?.statement).toContain("chunk replica record");
      expect(d.coherence.filter((c) => c.rule === "qualifier-unkept")).toEqual([]);
    }
  });
});

describe("a stated rebuild or last-known copy is quoted from its clause's subject, so the ledger carries the clause", () => {
  it("quotes the copy a rebuild rule names before its modal", () => {
    const [a] = kinds(
      "Design a home timeline: posts should appear within seconds, and timelines must be rebuildable if the fan-out service loses data.",
    );
    expect(a?.quote).toBe("timelines must be rebuildable if the fan-out service loses data");
    const [b] = kinds(
      "A customer-facing order history page is generated from the order service's data; it can trail by a few seconds and must be regenerated after schema changes.",
    );
    expect(b?.quote).toBe("it can trail by a few seconds and must be regenerated after schema changes");
  });

  it("carries a last-known clause whose subject opens it", () => {
    for (const [prompt, clause] of [
      [
        "Feature flags are evaluated on 5,000 servers, and every server must keep working on its last known flags if the flag service is down.",
        "every server must keep working",
      ],
      [
        "Config values are read by 3,000 servers; servers must keep using the last known value if the source is unreachable.",
        "servers must keep using",
      ],
    ] as const) {
      const d = design(prompt);
      const g = parseGuarantees(prompt).find((x) => x.kind === "last-known");
      expect(g?.quote.startsWith(clause), prompt).toBe(true);
      expect(d.statedRequirements.find((r) => r.clause.startsWith(clause))?.carried, prompt).toBe(true);
    }
  });
});
