import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";

const design = (p: string) => {
  const r = deriveDesign(p);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

describe("regions stated in words reach the capacity figures", () => {
  it("counts the regions the requirements list, one value for both", () => {
    // "globally distributed" says worldwide: a region on each populated continent group
    const d = design("Design a globally distributed key-value store with strongly consistent reads");
    expect(d.nfrs.regions).toBe(3);
    const inputs = d.capacity.flatMap((r) => r.inputs).filter((i) => i.name === "regions");
    expect(inputs.length).toBeGreaterThan(0);
    for (const i of inputs) expect(i.value).toBe(d.nfrs.regions);
  });

  it("keeps one region where the prompt names none", () => {
    const d = design("Design a distributed key-value store");
    expect(d.nfrs.regions).toBe(1);
    for (const i of d.capacity.flatMap((r) => r.inputs).filter((x) => x.name === "regions")) expect(i.value).toBe(1);
  });
});
