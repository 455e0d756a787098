import { describe, expect, it } from "vitest";
import { DERIVERS } from "../src/engine/design/derivers.js";
import { type Deriver, evaluate, orderDerivers, sharedFacts } from "../src/engine/design/graph.js";

const d = (field: string, reads: string[]): Deriver =>
  ({ field, reads, category: "Derived", rule: "test", derive: () => field }) as unknown as Deriver;

describe("field graph", () => {
  it("orders the real derivers with every input before its reader", () => {
    const order = orderDerivers(DERIVERS).map((x) => x.field);
    const pos = new Map(order.map((f, i) => [f, i]));
    for (const x of DERIVERS)
      for (const r of x.reads) expect(pos.get(r), `${r} before ${x.field}`).toBeLessThan(pos.get(x.field) ?? -1);
    expect(new Set(order).size).toBe(DERIVERS.length);
  });

  it("rejects cycles, missing inputs and duplicate producers", () => {
    expect(() => orderDerivers([d("prompt", []), d("nfrs", ["branch"]), d("branch", ["nfrs"])])).toThrow(/cycle/);
    expect(() => orderDerivers([d("nfrs", ["prompt"])])).toThrow(/nothing produces/);
    expect(() => orderDerivers([d("prompt", []), d("prompt", [])])).toThrow(/two derivers/);
  });

  it("stops a deriver from reading a field it did not declare", () => {
    const sneaky = { ...d("branch", ["prompt"]), derive: (f: Record<string, unknown>) => f.nfrs } as unknown as Deriver;
    const order = orderDerivers([d("prompt", []), d("nfrs", ["prompt"]), sneaky]);
    expect(() => evaluate(order, { prompt: "x" }, [])).toThrow(/without declaring/);
  });

  it("applies a patch to its field only and records it in the trace", () => {
    const order = orderDerivers([d("prompt", []), d("nfrs", ["prompt"])]);
    const { fields, trace } = evaluate(order, { prompt: "x" }, [
      { field: "nfrs", label: "test=1", apply: () => "patched" as never },
    ]);
    expect(fields.nfrs as unknown).toBe("patched");
    expect(fields.prompt as unknown).toBe("prompt");
    expect(trace.find((t) => t.field === "nfrs")?.pinned).toEqual(["test=1"]);
    expect(trace.find((t) => t.field === "prompt")?.pinned).toBeUndefined();
  });

  it("computes shared facts once per design, and only from fields every reader declares", () => {
    let runs = 0;
    const words = sharedFacts("words", ["prompt"], (f) => {
      runs++;
      return { n: f.prompt.length };
    });
    const reader = (field: string, reads: string[]) =>
      ({
        ...d(field, reads),
        facts: words,
        derive: (_f: unknown, _i: unknown, facts: { n: number }) => `${field}:${facts.n}`,
      }) as unknown as Deriver;
    const order = orderDerivers([
      d("prompt", []),
      d("branch", ["prompt"]),
      reader("nfrs", ["prompt", "branch"]),
      reader("overlay", ["prompt", "nfrs"]),
    ]);
    const { fields } = evaluate(order, { prompt: "abc" }, []);
    expect([fields.nfrs, fields.overlay] as unknown[]).toEqual(["nfrs:6", "overlay:6"]);
    expect(runs).toBe(1);
    evaluate(order, { prompt: "abcd" }, []);
    expect(runs).toBe(2);
    // a reader of shared facts that does not declare their fields is refused when the graph is ordered
    expect(() => orderDerivers([d("prompt", []), d("branch", ["prompt"]), reader("nfrs", ["branch"])])).toThrow(
      /reads the words facts, which read 'prompt', without declaring it/,
    );
    // shared facts cannot read past their own declared fields
    const greedy = sharedFacts("greedy", ["prompt"], (f) => (f as unknown as Record<string, unknown>).branch);
    const sneaky = { ...d("nfrs", ["prompt", "branch"]), facts: greedy } as unknown as Deriver;
    expect(() =>
      evaluate(orderDerivers([d("prompt", []), d("branch", ["prompt"]), sneaky]), { prompt: "x" }, []),
    ).toThrow(/'greedy facts' read 'branch' without declaring it/);
  });
});
