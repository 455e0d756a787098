import { describe, expect, it } from "vitest";
import { checkCoherence, keeperCannotKeep, settingSaidTwice } from "../src/engine/coherence.js";
import { CANNOT_KEEP, cannotKeep, ruleKinds } from "../src/knowledge/mechanisms/cannot-keep.js";
import { MECHANISM_BY_ID } from "../src/knowledge/mechanisms/index.js";
import { canKeep } from "../src/knowledge/mechanisms/keeps.js";
import { SETTING_WAYS } from "../src/knowledge/setting-ways.js";
import { type Design, design } from "../src/lib/index.js";

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("what a mechanism cannot keep (knowledge/mechanisms/cannot-keep.ts)", () => {
  it("names only catalogued mechanisms and keepers, each entry with a source", () => {
    for (const c of CANNOT_KEEP) {
      expect(MECHANISM_BY_ID.has(c.mechanism), c.mechanism).toBe(true);
      for (const k of c.keepers) expect(MECHANISM_BY_ID.has(k), k).toBe(true);
      // a mechanism never keeps a kind it is listed as unable to keep
      expect(c.keepers, c.mechanism).not.toContain(c.mechanism);
      expect(c.source.length).toBeGreaterThan(20);
    }
  });

  it("reads a rule's kind from its words, and leaves bounded staleness and convergence alone", () => {
    expect(ruleKinds("A Locker read through the partition leader returns the latest acknowledged write.")).toEqual([
      "fresh-read",
    ]);
    expect(ruleKinds("Once a recipe write is acknowledged, every later read sees it or something newer.")).toEqual([
      "fresh-read",
    ]);
    expect(ruleKinds("No edit is ever lost when two cooks change one recipe at once.")).toEqual(["no-lost-update"]);
    expect(ruleKinds("No booking change is ever lost once it is acknowledged.")).toEqual(["acked-durable"]);
    expect(ruleKinds("An acknowledged seat change is never lost; it may be delivered again.")).toEqual([
      "acked-durable",
    ]);
    expect(ruleKinds("A reader may see a price up to 5 seconds stale.")).toEqual([]);
    expect(ruleKinds("Every replica converges on the value with the newest timestamp.")).toEqual([]);
  });

  it("last-writer-wins keeps which copy survives, never a fresh read or a lost update", () => {
    expect(canKeep("lww-overwrite", "Every replica converges on the value with the newest timestamp.")).toBe(true);
    expect(
      canKeep("lww-overwrite", "A Locker read through the partition leader returns the latest acknowledged write."),
    ).toBe(false);
    expect(canKeep("lww-overwrite", "No edit is ever lost when two cooks change one recipe at once.")).toBe(false);
    // what keeps those kinds can
    expect(canKeep("version-check", "No edit is ever lost when two cooks change one recipe at once.")).toBe(true);
    expect(
      canKeep("leader-read", "A Locker read through the partition leader returns the latest acknowledged write."),
    ).toBe(true);
  });

  it("asynchronous replication and terms keep no acknowledged write through a failover; a majority commit does", () => {
    const rule = "No booking change is ever lost once it is acknowledged.";
    expect(cannotKeep("async-replication", rule)?.kind).toBe("acked-durable");
    expect(cannotKeep("epoch-term", rule)?.kind).toBe("acked-durable");
    expect(cannotKeep("consensus-replication", rule)).toBeUndefined();
    expect(canKeep("consensus-replication", rule)).toBe(true);
  });
});

describe("the credit goes to a mechanism that can keep the rule", () => {
  // invented prompts: a multi-region notes store and a locker-booking store, each stating a fresh-read guarantee
  const PROMPTS = [
    "Design a notes store replicated across three regions where a reader never sees an older version of a note than one already returned to them.",
    "Design a key-value store for gym locker assignments where a read returns the latest acknowledged write.",
  ];
  for (const p of PROMPTS)
    it(p, () => {
      const d = design(p);
      for (const m of d.mechanisms)
        if (m.serves === undefined) expect(cannotKeep(m.id, m.protects), `${m.id}: ${m.protects}`).toBeUndefined();
      // the fresh-read rule is still kept, by a mechanism that can keep it
      const fresh = d.mechanisms.filter((m) => m.serves === undefined && ruleKinds(m.protects).includes("fresh-read"));
      expect(fresh.length).toBeGreaterThan(0);
      expect(rules(d)).not.toContain("keeper-cannot-keep");
    });

  it("a last-writer-wins row paired with a rule it can keep is left alone (counter-example)", () => {
    const d = design("Design a shared whiteboard where many people move sticky notes on one board at the same time.");
    expect(keeperCannotKeep(d)).toEqual([]);
  });

  it("goes red on a mechanism credited with a rule it cannot keep, or named as its keeper", () => {
    const d = structuredClone(design(PROMPTS[1] as string));
    const fresh = d.invariants.find((i) => ruleKinds(i.statement).includes("fresh-read"));
    if (!fresh) throw new Error("no fresh-read rule");
    const row = d.mechanisms.find((m) => m.id === "lww-overwrite") ?? d.mechanisms[0];
    if (!row) throw new Error("no mechanism");
    row.id = "lww-overwrite";
    row.protects = fresh.statement;
    delete row.serves;
    expect(keeperCannotKeep(d).map((p) => p.rule)).toContain("keeper-cannot-keep");
    const e = structuredClone(design(PROMPTS[1] as string));
    const inv = e.invariants.find((i) => ruleKinds(i.statement).includes("fresh-read"));
    if (!inv) throw new Error("no fresh-read rule");
    inv.keptBy = "ttl-expiry";
    expect(keeperCannotKeep(e).map((p) => p.rule)).toContain("keeper-cannot-keep");
  });
});

describe("one setting of one part is said one way (knowledge/setting-ways.ts)", () => {
  it("every setting has two ways or more and a source", () => {
    for (const s of SETTING_WAYS) {
      expect(s.ways.length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.source.length).toBeGreaterThan(20);
    }
  });

  // invented prompts: a log of sensor readings and a log of shop orders, each produced with the leader's answer alone
  const LOGS = [
    "Design a partitioned log that thousands of soil sensors publish readings into, read by several analytics jobs.",
    "Design an append-only log of warehouse pick events that several services replay from old offsets.",
  ];
  for (const p of LOGS)
    it(`a log produced with acks=1 says acks=1 everywhere: ${p}`, () => {
      const d = design(p, ["decision.i05-acks=acks-leader"]);
      expect(d.decisions.find((r) => r.id === "i05-acks")?.chosen).toBe("acks-leader");
      expect(settingSaidTwice(d)).toEqual([]);
      expect(d.links.some((l) => /acks = 1/.test(l.label))).toBe(true);
      expect(JSON.stringify([d.links, d.failures, d.invariants])).not.toMatch(/acks ?= ?all/);
      // the loss acks=1 accepts is said as a failure row, not left out
      expect(d.failures.some((f) => /^Accepted with acks=1/.test(f.prevention))).toBe(true);
      // and the default still says acks=all alone
      const all = design(p);
      expect(settingSaidTwice(all)).toEqual([]);
      expect(all.links.some((l) => /acks = all/.test(l.label))).toBe(true);
    });

  it("a cache written through never also invalidates on each write", () => {
    for (const option of ["write-through", "write-back"]) {
      const d = design("Design an edge cache network for a recipe site's images.", [
        `decision.i07-write-policy=${option}`,
      ]);
      expect(settingSaidTwice(d), option).toEqual([]);
    }
  });

  it("a way set aside or said as what would win is not a way the design says (counter-example)", () => {
    const d = structuredClone(design(LOGS[0] as string));
    const step = d.script?.[5];
    if (!step) throw new Error("no script step 6");
    step.text = `${step.text} I'd pick acks=all over acks=1, because records must survive. Acks=1 would win if losing a few were fine.`;
    expect(settingSaidTwice(d)).toEqual([]);
  });

  it("goes red on one setting said two ways", () => {
    const d = structuredClone(design(LOGS[1] as string));
    const link = d.links.find((l) => /acks = all/.test(l.label));
    if (!link) throw new Error("no produce link");
    d.failures.push({
      failure: "a follower falls behind",
      prevention: "producers send with acks=1 so the leader answers alone",
      repair: "the follower refetches",
      role: "truth",
      archetype: "I05",
      source: "test",
    } as Design["failures"][number]);
    expect(settingSaidTwice(d).map((p) => p.rule)).toEqual(["setting-said-twice"]);
    expect(rules(d)).toContain("setting-said-twice");
  });
});
