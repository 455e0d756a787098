import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { type Deriver, evaluate, orderDerivers } from "../src/engine/design/graph.js";

// The field graph keeps answers between designs (src/engine/design/keep.ts): a kept answer is found by its
// inputs' identities and the prompt facts its deriver declares, so it must never depend on which designs came
// before. A fresh engine (no kept values) is the reference: every order, override and repeat must match it.
const corpus = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith("#"));
const PROMPTS = [
  ...corpus,
  // pairs that differ only in words a kept field reads (the unit noun, a decision's words, a named system)
  "Design a workflow engine for refunds",
  "Design a workflow engine for payments",
  "Design a job scheduler with reed-solomon",
  "Design a job scheduler for shipments",
  "Design a distributed message queue like Kafka",
  "Design a distributed message queue like RabbitMQ",
  "Design a key-value store that must stay available during partitions",
  "Design a key-value store that must be linearizable",
];
const OVERRIDES = [
  ["delivery=exactly-once", "regions=3"],
  ["consistency=eventual"],
  ["dominant=I02"],
  ["scale.clients=2M"],
];

type Engine = typeof import("../src/engine/design/design.js");
/** An engine with nothing kept (its kept values are frozen: a deriver that changed one would throw). */
async function freshEngine(): Promise<Engine> {
  vi.resetModules();
  return import("../src/engine/design/design.js");
}
const json = (e: Engine, p: string, o: string[] = []) => JSON.stringify(e.deriveDesign(p, o));

describe("kept answers never depend on what came before", () => {
  it("forward, reverse and repeated derivations agree with a fresh engine, overrides included", async () => {
    const cases: [string, string[]][] = [
      ...PROMPTS.map((p): [string, string[]] => [p, []]),
      ...PROMPTS.slice(0, 25).flatMap((p) => OVERRIDES.map((o): [string, string[]] => [p, o])),
    ];
    const fresh = await freshEngine();
    const forward = cases.map(([p, o]) => json(fresh, p, o));
    const other = await freshEngine();
    const reverse = [...cases]
      .reverse()
      .map(([p, o]) => json(other, p, o))
      .reverse();
    const again = cases.map(([p, o]) => json(other, p, o));
    for (const [i, [p, o]] of cases.entries()) {
      expect(reverse[i], `${p} ${o.join(" ")} (reverse)`).toBe(forward[i]);
      expect(again[i], `${p} ${o.join(" ")} (repeat)`).toBe(forward[i]);
    }
  }, 120_000);

  it("each design is derived alone in a fresh engine exactly as after every other", async () => {
    const warm = await freshEngine();
    for (const p of PROMPTS) json(warm, p);
    for (const p of PROMPTS.slice(-6)) {
      const alone = await freshEngine();
      expect(json(warm, p), p).toBe(json(alone, p));
    }
  }, 60_000);
});

describe("a read-only design shares kept values, and what the CLI prints never changes them", () => {
  it("prints the same JSON, script and document as a design with its own copies, for designs derived before and after", async () => {
    const engine = await freshEngine();
    const { withScript } = await import("../src/render/script/index.js");
    const { designBlocks } = await import("../src/render/design-doc.js");
    const { toMarkdown } = await import("../src/render/doc.js");
    const printed = (d: import("../src/engine/design/design.js").Design) =>
      `${JSON.stringify(withScript(d))}\n${toMarkdown(designBlocks(d))}`;
    const cases: [string, string[]][] = [
      ...PROMPTS.slice(0, 30).map((p): [string, string[]] => [p, []]),
      ...PROMPTS.slice(0, 6).map((p, i): [string, string[]] => [p, OVERRIDES[i % OVERRIDES.length] ?? []]),
    ];
    // twice over: on the second pass every value is kept (and frozen by the guard, so a printer that changed one throws)
    for (let pass = 0; pass < 2; pass++)
      for (const [p, o] of cases) {
        const own = engine.deriveDesign(p, o);
        const shared = engine.deriveDesign(p, o); // the second sighting: its values are kept ones, shared and frozen
        if (!own.ok || !shared.ok) throw new Error(`${p}: not derived`);
        expect(printed(shared.design), `${p} ${o.join(" ")}`).toBe(printed(own.design));
      }
  }, 120_000);
});

describe("a design's body is kept by the identities of its fields", () => {
  it("is shared by designs whose fields are the same kept values, never with the prompt or overrides of another", async () => {
    const engine = await freshEngine();
    const derive = (p: string, o: string[] = []) => {
      const r = engine.deriveDesign(p, o);
      if (!r.ok) throw new Error(r.error);
      return r.design;
    };
    const p = "Design a distributed message queue like Kafka";
    for (let i = 0; i < 3; i++) derive(p); // the second sighting keeps the fields; the third keeps the body
    const [a, b] = [derive(p), derive(p)];
    expect(b.nfrs).toBe(a.nfrs); // assembled once, not per design
    expect(b).not.toBe(a);
    // the same fields under another prompt: the body is shared, the prompt is its own
    const other = derive(`${p} (again)`);
    expect(other.nfrs).toBe(a.nfrs);
    expect(other.prompt).toBe(`${p} (again)`);
    // overrides pin fields: the design's trace names them, whatever was kept before
    for (let i = 0; i < 3; i++) derive(p, ["consistency=eventual"]);
    const pinned = derive(p, ["consistency=eventual"]);
    expect(pinned.overrides).toEqual(["consistency=eventual"]);
    expect(pinned.trace.find((t) => t.field === "nfrs")?.pinned).toEqual(["consistency=eventual"]);
    expect(derive(p).trace.find((t) => t.field === "nfrs")?.pinned).toBeUndefined();
  });
});

describe("a kept deriver reads the prompt only through its facts", () => {
  const base = { category: "Derived", rule: "test" } as const;
  const prompt = { ...base, field: "prompt", reads: [], derive: (_f: unknown, i: { prompt: string }) => i.prompt };

  it("answers from its facts, and a new fact is a new answer", () => {
    let runs = 0;
    const branch = {
      ...base,
      field: "branch",
      reads: ["prompt"],
      facts: (f: { prompt: string }) => f.prompt.length > 3,
      derive: (_f: unknown, _i: unknown, long: boolean) => {
        runs++;
        return { kind: long ? "long" : "short" };
      },
    };
    const order = orderDerivers([prompt, branch] as unknown as Deriver[]);
    const a = evaluate(order, { prompt: "abcdef" }, []).fields.branch;
    const b = evaluate(order, { prompt: "ghijkl" }, []).fields.branch;
    const c = evaluate(order, { prompt: "ab" }, []).fields.branch;
    expect(a).toBe(b);
    expect(c).toEqual({ kind: "short" });
    expect(runs).toBe(2);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("throws when its derive reaches for the prompt, by the view or by the input", () => {
    for (const derive of [(f: { prompt: string }) => f.prompt, (_f: unknown, i: { prompt: string }) => i.prompt]) {
      const sneaky = { ...base, field: "branch", reads: ["prompt"], facts: () => 1, derive };
      const order = orderDerivers([prompt, sneaky] as unknown as Deriver[]);
      expect(() => evaluate(order, { prompt: "x" }, [])).toThrow(/prompt/);
    }
  });
});
