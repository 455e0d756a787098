import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { deriveDesign } from "../src/engine/design/design.js";

const design = (p: string): Design => {
  const r = deriveDesign(p);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

const SPANNER = "Design a globally distributed SQL database like Spanner with externally consistent transactions";

describe("a distributed SQL database is designed as one (topic distributed-sql)", () => {
  it("keeps rows in key ranges, commits across ranges at one timestamp, and waits out clock uncertainty", () => {
    const d = design(SPANNER);
    expect(d.nfrs.topics).toContain("distributed-sql");
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.dataModel.map((m) => m.entity)).toEqual(expect.arrayContaining(["Row", "TransactionRecord"]));
    expect(d.mechanisms.map((m) => m.id)).toEqual(expect.arrayContaining(["transaction", "commit-wait"]));
    expect(d.mechanisms.map((m) => m.id)).not.toContain("quorum-read-write");
    expect(d.mechanisms.map((m) => m.id)).not.toContain("clock-skew-bound");
    expect(d.invariants.some((i) => /external consistency/.test(i.statement))).toBe(true);
    const clock = d.decisions.find((x) => x.id === "i16-sql-clock");
    expect(clock?.chosen).toBe("truetime-commit-wait");
    expect(d.components.map((c) => c.name).join(" ")).not.toMatch(/anti-entropy|hinted/i);
    expect(d.api.map((a) => a.call).join(" ")).not.toMatch(/\/v1\/sqls?\//);
    expect(checkCoherence(d).filter((p) => p.rule === "distributed-sql-shape")).toEqual([]);
  });

  it("is picked by meaning in other words, and a key-value store stays one", () => {
    const d = design("Design a multi-region relational database with serializable transactions, like CockroachDB");
    expect(d.nfrs.topics).toContain("distributed-sql");
    expect(design("Design a distributed key-value store like DynamoDB").nfrs.topics ?? []).not.toContain(
      "distributed-sql",
    );
  });

  it("a bank ledger on such a database stays about the money", () => {
    const d = design("Design a bank ledger on Spanner that transfers money between accounts on different shards");
    expect(d.nfrs.topics).toContain("ledger");
    expect(d.nfrs.topics ?? []).not.toContain("distributed-sql");
  });

  it("the shape rule sees a leaderless mechanism or a weaker consistency", () => {
    const d = structuredClone(design(SPANNER)) as Design;
    const first = d.mechanisms[0];
    if (first) d.mechanisms.push({ ...first, id: "quorum-read-write", name: "tunable quorum reads and writes" });
    (d.nfrs as { consistency: string }).consistency = "eventual";
    const rules = checkCoherence(d).filter((p) => p.rule === "distributed-sql-shape");
    expect(rules.length).toBe(2);
  });
});
