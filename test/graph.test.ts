import { describe, expect, it } from "vitest";
import { DERIVERS } from "../src/engine/design/derivers.js";
import { type Deriver, evaluate, orderDerivers } from "../src/engine/design/graph.js";

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
});
