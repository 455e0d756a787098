import { describe, expect, it, vi } from "vitest";
import {
  type Deriver,
  evaluate,
  orderDerivers,
  type Patch,
  PROMPT_MEMO_CHARS,
  PROMPT_MEMO_MAX,
  promptMemoSize,
} from "../src/engine/design/graph.js";

// The prompt-reading fields' values are remembered by the exact prompt (engine/design/graph.ts, PROMPT_MEMO): given
// back only when deriving afresh and interning would give the very same object, bounded, and never for a field an
// override patched. A small graph of the same shape: the prompt, a field read from it whole (like the branch), a field
// read from it and the first (like the archetypes), and a kept field that reads both (so they are interned).
const base = { category: "Derived", rule: "test" } as const;
function graph() {
  const runs = { branch: 0, archetypes: 0 };
  const prompt = { ...base, field: "prompt", reads: [], derive: (_f: unknown, i: { prompt: string }) => i.prompt };
  const branch = {
    ...base,
    field: "branch",
    reads: ["prompt"],
    derive: (f: { prompt: string }) => {
      runs.branch++;
      return { kind: f.prompt.length % 3 };
    },
  };
  const archetypes = {
    ...base,
    field: "archetypes",
    reads: ["prompt", "branch"],
    derive: (f: { prompt: string; branch: { kind: number } }) => {
      runs.archetypes++;
      return { words: f.prompt.split(" ").length, kind: f.branch.kind };
    },
  };
  const nfrs = {
    ...base,
    field: "nfrs",
    reads: ["branch", "archetypes"],
    derive: (f: { branch: { kind: number }; archetypes: { words: number } }) => ({
      n: f.branch.kind + f.archetypes.words,
    }),
  };
  const order = orderDerivers([prompt, branch, archetypes, nfrs] as unknown as Deriver[]);
  const fields = (p: string, patches: Patch[] = []) =>
    evaluate(order, { prompt: p }, patches).fields as unknown as Record<string, unknown>;
  return { runs, fields };
}

describe("the prompt-reading fields' memo", () => {
  it("gives a repeated prompt the kept values without deriving them, once they are kept", () => {
    const { runs, fields } = graph();
    const p = "design a memo test prompt";
    const first = fields(p);
    const second = fields(p); // the second sighting keeps them
    expect(runs).toEqual({ branch: 2, archetypes: 2 });
    const third = fields(p);
    expect(runs).toEqual({ branch: 2, archetypes: 2 });
    expect(third.branch).toBe(second.branch);
    expect(third.archetypes).toBe(second.archetypes);
    expect(third).toEqual(first);
  });

  it("neither uses nor keeps a value an override patches, and a patched input is a miss below it", () => {
    const { runs, fields } = graph();
    const p = "a prompt with an override";
    for (let i = 0; i < 3; i++) fields(p);
    const before = { ...runs };
    const patch: Patch = { field: "branch" as never, label: "branch=7", apply: () => ({ kind: 7 }) as never };
    const patched = fields(p, [patch]);
    expect(patched.branch).toEqual({ kind: 7 });
    expect(patched.archetypes).toEqual({ words: 5, kind: 7 });
    expect(runs).toEqual({ branch: before.branch + 1, archetypes: before.archetypes + 1 });
    const plain = fields(p);
    expect(plain.branch).toEqual({ kind: p.length % 3 });
    expect(plain.archetypes).toEqual({ words: 5, kind: p.length % 3 });
    // the prompt's own values were kept, not the patched ones
    expect(runs).toEqual({ branch: before.branch + 1, archetypes: before.archetypes + 1 });
  });

  it("derives again once the value is no longer the kept one for its content", () => {
    const { runs, fields } = graph();
    const p = "kept then dropped";
    for (let i = 0; i < 3; i++) fields(p);
    const kept = { ...runs };
    fields(p);
    expect(runs).toEqual(kept);
    // the kept values' tables (256 each) are emptied when full: enough other contents to fill them
    for (let i = 0; i < 600; i++) {
      const q = `${"x ".repeat(i)}other`;
      fields(q);
      fields(q);
    }
    const before = runs.archetypes;
    const again = fields(p);
    expect(runs.archetypes).toBe(before + 1);
    expect(again.archetypes).toEqual({ words: 3, kind: p.length % 3 });
  });

  it("stays at its cap over 10,000 distinct prompts, and by characters for long ones", async () => {
    vi.resetModules();
    const { runs, fields } = graph();
    for (let i = 0; i < 10_000; i++) {
      fields(`prompt number ${i}`);
      fields(`prompt number ${i}`);
      expect(promptMemoSize().prompts).toBeLessThanOrEqual(PROMPT_MEMO_MAX);
    }
    expect(promptMemoSize().prompts).toBe(PROMPT_MEMO_MAX);
    // the most recent are remembered; the oldest are not
    const r = runs.branch;
    fields("prompt number 9999");
    expect(runs.branch).toBe(r);
    fields("prompt number 0");
    expect(runs.branch).toBe(r + 1);
    const long = "y".repeat(PROMPT_MEMO_CHARS / 16);
    for (let i = 0; i < 64; i++) {
      fields(`${long} ${i}`);
      fields(`${long} ${i}`);
      expect(promptMemoSize().chars).toBeLessThanOrEqual(PROMPT_MEMO_CHARS);
    }
    fields(`${"z".repeat(PROMPT_MEMO_CHARS)} too long`);
    fields(`${"z".repeat(PROMPT_MEMO_CHARS)} too long`);
    expect(promptMemoSize().chars).toBeLessThanOrEqual(PROMPT_MEMO_CHARS);
  });
});

// A kept deriver's answer is remembered by the exact prompt too: a repeated prompt skips its facts and its key, and
// gets the very object its answer table holds, while the table has not been emptied since.
function keptGraph() {
  const runs = { facts: 0, derive: 0 };
  const prompt = { ...base, field: "prompt", reads: [], derive: (_f: unknown, i: { prompt: string }) => i.prompt };
  const branch = {
    ...base,
    field: "branch",
    reads: ["prompt"],
    derive: (f: { prompt: string }) => ({ kind: f.prompt.length % 2 }),
  };
  const architecture = {
    ...base,
    field: "architecture",
    reads: ["prompt", "branch"],
    facts: (f: { prompt: string }) => {
      runs.facts++;
      return { noun: f.prompt.split(" ")[0] };
    },
    derive: (f: { branch: { kind: number } }, _i: unknown, facts: { noun: string }) => {
      runs.derive++;
      return { name: `${facts.noun} ${f.branch.kind}` };
    },
  };
  const order = orderDerivers([prompt, branch, architecture] as unknown as Deriver[]);
  const fields = (p: string, patches: Patch[] = []) =>
    evaluate(order, { prompt: p }, patches).fields as unknown as Record<string, unknown>;
  return { runs, fields };
}

describe("the kept derivers' memo", () => {
  it("skips a repeated prompt's facts and key, answering with the table's object", () => {
    const { runs, fields } = keptGraph();
    const p = "ledger of kept answers";
    const a = fields(p);
    fields(p); // the branch is kept by now, and the architecture's answer with it
    const c = fields(p); // remembered by the second asking at the latest
    const seen = { ...runs };
    const d = fields(p);
    const e = fields(p);
    expect(runs).toEqual(seen);
    expect(d.architecture).toBe(c.architecture);
    expect(e.architecture).toBe(c.architecture);
    expect(e).toEqual(a);
    // a prompt that differs only in what the facts read gets its own answer, never the remembered one
    const q = "journal of kept answers";
    for (let i = 0; i < 3; i++) expect(fields(q).architecture).toEqual({ name: `journal ${q.length % 2}` });
    expect(fields(p).architecture).toBe(c.architecture);
  });

  it("computes the facts again once the answer table was emptied, and answers as a fresh engine", () => {
    const { runs, fields } = keptGraph();
    const p = "dropped after the table empties";
    for (let i = 0; i < 4; i++) fields(p);
    const before = fields(p).architecture;
    const facts = runs.facts;
    // 256 answers fill the architecture's table: its next new answer empties it (prompts asked once each, so the
    // memo, which remembers a prompt from its second asking, still holds this one)
    for (let i = 0; i < 300; i++) fields(`w${i} x`);
    expect(promptMemoSize().prompts).toBeLessThan(PROMPT_MEMO_MAX);
    const n = runs.facts;
    const again = fields(p).architecture;
    expect(runs.facts).toBe(n + 1);
    expect(again).toEqual(before);
    expect(facts).toBeLessThan(n);
  });

  it("holds at most one value per deriver for each of its 256 prompts", () => {
    const { fields } = keptGraph();
    for (let i = 0; i < 5_000; i++) for (let j = 0; j < 2; j++) fields(`bounded ${i} prompt`);
    const size = promptMemoSize();
    expect(size.prompts).toBeLessThanOrEqual(PROMPT_MEMO_MAX);
    expect(size.values).toBeLessThanOrEqual(PROMPT_MEMO_MAX * 3);
  });
});

describe("the stated NFRs kept by prompt", () => {
  it("answers a repeated prompt with the same frozen object, and keeps at most 64 prompts", async () => {
    const { statedKept, statedNfrsOf } = await import("../src/engine/nfr-parse.js");
    const p = "a queue with exactly-once delivery in 3 regions";
    const a = statedNfrsOf(p);
    for (let i = 0; i < 10_000; i++) statedNfrsOf(`a queue for ${i} million users`);
    expect(statedKept()).toBeLessThanOrEqual(64);
    const b = statedNfrsOf(p);
    expect(b).toEqual(a);
    expect(statedNfrsOf(p)).toBe(b);
    expect(Object.isFrozen(b.scale)).toBe(true);
  });
});

describe("the memo in the engine", () => {
  it("gives a repeated prompt the same field objects, a design equal to a fresh engine's", async () => {
    vi.resetModules();
    const engine = await import("../src/engine/design/design.js");
    const p = "Design a chat app with exactly-once delivery and messages never lost, in several regions";
    const ds = [0, 1, 2, 3].map(() => engine.deriveDesign(p));
    const [, second, third] = ds.map((r) => (r.ok ? r.design : undefined));
    expect(third?.archetypes).toBe(second?.archetypes);
    expect(third?.nfrs).toBe(second?.nfrs);
    expect(third?.features).toBe(second?.features);
    // the kept derivers' answers too (remembered from the second asking)
    const fourth = ds[3]?.ok ? ds[3].design : undefined;
    expect(fourth?.technology).toBe(third?.technology);
    expect(fourth?.requirements).toBe(third?.requirements);
    expect(fourth?.capacity).toBe(third?.capacity);
    vi.resetModules();
    const fresh = await import("../src/engine/design/design.js");
    expect(JSON.stringify(ds[3])).toBe(JSON.stringify(fresh.deriveDesign(p)));
  });
});
