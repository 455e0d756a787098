import { describe, expect, it } from "vitest";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { type Design, design } from "../src/lib/index.js";

// prompts of no prompt set: released bytes that never change, and a release a reader gets whole or not at all
const OF_TAIL =
  "Design a firmware store where every signed build of the router firmware for our fleet is kept under its number, never modified afterwards, and fetched by 2 million routers.";
const LIST_ITEM =
  "Design over-the-air firmware rollout for 2 million routers: signed images uploaded once and never altered, and a staged rollout that halts when error rates rise.";
const PREDICATE =
  "Design a model registry for 300 data scientists. Each model is a frozen file that never changes, and serving hosts pull it by name.";
const SAME_BYTES =
  "Design a dataset registry for our research teams. Once a dataset is published, anybody who downloads version 3 must get the same bytes forever.";
const EXACTLY =
  "Design a document store for building permits. An inspector must always be able to fetch exactly the version a permit cited.";
const MIX =
  "Design an app store backend where phones get either the whole old version or the whole new one, never a mix, for 40 million phones.";
const HALF =
  "Design a game patch server for 8 million consoles. Patches are large, and no console may get half a patch.";
const COMPLETE =
  "Design a kiosk content service for 20,000 kiosks. A kiosk asks for the latest bundle and must receive a complete set of files.";

const row = (d: Design, words: string) => d.statedRequirements.find((r) => r.clause.includes(words));
const kept = (d: Design, by: string) => d.invariants.filter((i) => i.keptBy === by);

describe("a version that never changes is read where the prompt says it in more shapes", () => {
  it("reads the never clause after a subject with an 'of' tail, a list item with no be-verb and 'is a … that'", () => {
    expect(guaranteeClauses(OF_TAIL).map((c) => [c.kind, c.head])).toContainEqual(["immutable", "build"]);
    expect(guaranteeClauses(LIST_ITEM).map((c) => [c.kind, c.head])).toContainEqual(["immutable", "image"]);
    expect(guaranteeClauses(PREDICATE).map((c) => [c.kind, c.statement])).toContainEqual([
      "immutable",
      "Each model never changes.",
    ]);
  });

  it("reads a reader who must get the same bytes again, or exactly the version cited, as the version never changing", () => {
    for (const p of [SAME_BYTES, EXACTLY]) {
      const c = guaranteeClauses(p).find((x) => x.kind === "immutable");
      expect(c?.head).toBe("version");
      expect(c?.statement).toMatch(/^A published version never changes: /);
    }
  });

  it("keeps each by a write-once key on a write that stores the bytes, so the ledger carries the clause", () => {
    for (const [p, words] of [
      [OF_TAIL, "never modified afterwards"],
      [LIST_ITEM, "never altered"],
      [PREDICATE, "never changes"],
      [SAME_BYTES, "same bytes forever"],
      [EXACTLY, "exactly the version"],
    ] as const) {
      const d = design(p);
      expect(row(d, words)?.carried, p).toBe(true);
      expect(kept(d, "write-once-key").length, p).toBeGreaterThan(0);
      expect(d.coherence.filter((c) => /requirement-not-carried|invariant-off-path/.test(c.rule))).toEqual([]);
    }
  });

  it("puts bytes that no write names on the write that stores content under its digest, never a config write", () => {
    const rule = design(LIST_ITEM).invariants.find((i) => i.statement.startsWith("Signed images are never altered"));
    expect(rule?.keptBy).toBe("write-once-key");
    expect(rule?.path).toMatch(/\bblob\b/);
  });
});

describe("a release a reader gets whole or not at all is the no-half-published rule", () => {
  it("reads the reader's side of it: either the whole old or new one, never half, a complete set", () => {
    const g = (p: string) => parseRuleGuarantees(p).find((x) => x.kind === "atomic-publish");
    expect(g(MIX)).toMatchObject({ noun: "version", state: "mixed" });
    expect(g(MIX)?.quote).toMatch(/never a mix$/);
    expect(g(HALF)).toMatchObject({ noun: "patch", state: "partial", quote: "no console may get half a patch" });
    // "a complete set" names no release: the thing the reader asked for does
    expect(g(COMPLETE)).toMatchObject({ noun: "bundle", state: "partial" });
    expect(g(COMPLETE)?.quote).toMatch(/^A kiosk asks for the latest bundle/);
  });

  it("keeps it by one pointer write made last, and the ledger carries the clause", () => {
    for (const [p, words] of [
      [MIX, "never a mix"],
      [HALF, "half a patch"],
      [COMPLETE, "complete set"],
    ] as const) {
      const d = design(p);
      expect(row(d, words)?.carried, p).toBe(true);
      expect(kept(d, "head-pointer-cas").length, p).toBeGreaterThan(0);
      expect(d.coherence.filter((c) => c.rule === "requirement-not-carried")).toEqual([]);
    }
  });
});

describe("a thing never taken by two holders is read in more words than 'exactly one'", () => {
  const cases = [
    [
      "Design a batch scheduler for 40,000 tasks an hour where each task must be picked up by exactly one runner once it is due.",
      { noun: "task", how: "picked up by", owner: "runner" },
      "once it is due",
    ],
    [
      "Design a backfill over 2,000 shards in which no shard may be processed by two workers at once.",
      { noun: "shard", how: "processed by", owner: "worker" },
      "two workers at once",
    ],
    [
      "Design concert ticketing for 50,000 seats where, when a buyer takes the last seat, no other buyer may be sold that same seat.",
      { noun: "seat", how: "sold to", owner: "buyer" },
      "that same seat",
    ],
    [
      "Design a parking app for 300 garages where a spot held for one driver for five minutes can't be given to anyone else.",
      { noun: "spot", how: "given to", owner: "driver" },
      "anyone else",
    ],
    [
      "Design a car rental counter for 90 branches. At the desk the car is held for 15 minutes so nobody else can take it.",
      { noun: "car", how: "held by", owner: "holder" },
      "nobody else can take it",
    ],
  ] as const;

  it("reads the thing, how it is taken and its holder, quoted through the words the rule holds under", () => {
    for (const [p, want, words] of cases) {
      const g = parseRuleGuarantees(p).find((x) => x.kind === "exactly-one");
      expect(g, p).toMatchObject(want);
      expect(g?.quote, p).toContain(words);
    }
  });

  it("keeps it by a compare-and-set of the owner from empty, and the ledger carries the clause", () => {
    for (const [p, want, words] of cases) {
      const d = design(p);
      expect(row(d, words)?.carried, p).toBe(true);
      expect(
        d.invariants.some(
          // (where the design grants the thing by a timed hold, the rule sits on that lease, which a conditional
          // write creates only while no live one exists)
          (i) =>
            (i.keptBy === "guarded-transition" || i.keptBy === "lease") &&
            i.statement.startsWith(`No ${want.noun} is ever`),
        ),
        p,
      ).toBe(true);
    }
  });
});

describe("a reason's quote that holds a word the prompt quotes is placed whole", () => {
  it("carries every clause a guarantee quoting \"ask for 'prod' and …\" spans", () => {
    const d = design(
      "Design a binary store for our deploy hosts. Deploy hosts ask for 'prod' and must always receive a complete, fully uploaded set of binaries, never a half-published one.",
    );
    for (const words of ["ask for 'prod'", "fully uploaded", "never a half-published one"])
      expect(row(d, words)?.carried, words).toBe(true);
  });
});
