import { describe, expect, it } from "vitest";
import { evaluateFormula, formulaVariables, parseFormula } from "../src/knowledge/notation/formula.js";
import { parseProtocol } from "../src/knowledge/notation/protocol.js";

describe("protocol notation", () => {
  it("reads steps, guards, branches and outcomes", () => {
    const r = parseProtocol(
      "claimant[claim {Lease.owner = null or Lease.expires_at < now}] -> claimant[work {fence = Lease.token}] |-> sweeper[release] => done | reclaim",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.steps).toEqual([
      { actor: "claimant", operation: "claim", guard: "Lease.owner = null or Lease.expires_at < now", branch: false },
      { actor: "claimant", operation: "work", guard: "fence = Lease.token", branch: false },
      { actor: "sweeper", operation: "release", branch: true },
    ]);
    expect(r.value.outcomes).toEqual(["done", "reclaim"]);
  });

  it("reads a step's receiver: from>to[message] is a message, actor[step] a local step", () => {
    const r = parseProtocol("client-lib>lock-leader[acquire {Lease.owner = null}] -> lock-leader[apply] => done");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.steps).toEqual([
      { actor: "client-lib", target: "lock-leader", operation: "acquire", guard: "Lease.owner = null", branch: false },
      { actor: "lock-leader", operation: "apply", branch: false },
    ]);
    // "a->b[x]" is not a receiver: the arrow joins steps, so this is a missing step before the arrow
    expect(parseProtocol("a->b[x] => done").ok).toBe(false);
  });

  it("rejects a missing outcome, an unknown outcome and a dangling arrow", () => {
    expect(parseProtocol("a[x] -> b[y]").ok).toBe(false);
    expect(parseProtocol("a[x] => explode").ok).toBe(false);
    expect(parseProtocol("-> a[x] => done").ok).toBe(false);
    expect(parseProtocol("a[x] b[y] => done").ok).toBe(false);
  });

  it("rejects a message a component sends itself: local work is its own step", () => {
    const self = parseProtocol("agg>agg[watermark passes the window end] -> agg>merger[partial counts] => done");
    expect(self.ok).toBe(false);
    expect(self.ok ? "" : self.error).toMatch(/local work: write 'agg\[…\]'/);
    expect(parseProtocol("agg[watermark passes the window end] -> agg>merger[partial counts] => done").ok).toBe(true);
    // one component playing two parties is two roles, not a message to itself
    expect(parseProtocol("shards@source>shards@destination[copy the range] => done").ok).toBe(true);
  });
});

describe("starter formulas", () => {
  it("parses with precedence and evaluates with known values", () => {
    const e = parseFormula("leases / lease_seconds * 2 + 1");
    expect([...formulaVariables(e)].sort()).toEqual(["lease_seconds", "leases"]);
    expect(evaluateFormula(e, { leases: 200000, lease_seconds: 10 })).toBe(40001);
    expect(evaluateFormula(parseFormula("2 ^ 3 ^ 2"), {})).toBe(512);
    expect(evaluateFormula(parseFormula("-(3 - 5)"), {})).toBe(2);
  });

  it("returns undefined for unknown variables or division by zero", () => {
    expect(evaluateFormula(parseFormula("a / b"), { a: 1 })).toBeUndefined();
    expect(evaluateFormula(parseFormula("a / b"), { a: 1, b: 0 })).toBeUndefined();
  });

  it("rejects malformed expressions", () => {
    expect(() => parseFormula("a +")).toThrow();
    expect(() => parseFormula("(a")).toThrow();
    expect(() => parseFormula("a $ b")).toThrow();
  });
});
