import { describe, expect, it } from "vitest";
import { parseRuleGuarantees } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

describe("a parent changed only once all of its parts are done is a fan-in barrier", () => {
  it("reads the parent, its state, its parts and what a part does", () => {
    for (const [p, want] of [
      [
        "Design a distributed build system where a release is published only after all of its build targets succeed.",
        { noun: "release", state: "published", parts: "build target", done: "succeed" },
      ],
      [
        "Design a fulfilment service where an order ships only when all items in the order are packed.",
        { noun: "order", state: "shipped", parts: "item", done: "are packed" },
      ],
      [
        "Design a payroll run in which a batch is not complete until every payment is processed.",
        { noun: "batch", state: "complete", parts: "payment", done: "are processed" },
      ],
      [
        "Design a tile renderer: a map version becomes visible only once all of its tiles are rendered.",
        { noun: "map version", state: "visible", parts: "tile", done: "are rendered" },
      ],
    ] as const) {
      const g = parseRuleGuarantees(p).find((x) => x.kind === "all-parts");
      expect(g, p).toMatchObject({ kind: "all-parts", ...want });
    }
  });

  it("an acknowledgement from every replica is replication, not a barrier over a parent", () => {
    for (const p of [
      "Design a replicated log where a write is committed only after all of its replicas acknowledge it.",
      "Design a key-value store where a write is not committed until every follower has acknowledged it.",
    ])
      expect(
        parseRuleGuarantees(p).some((x) => x.kind === "all-parts"),
        p,
      ).toBe(false);
  });

  it("the design keeps the rule with a completion barrier, quotes the prompt and tests it with a failure row", () => {
    const p =
      "Design a genome analysis pipeline for 10,000 samples a day where a sample report is released only after all of its chunks are processed.";
    const d = design(p);
    const rule = d.invariants.find((i) => i.keptBy === "completion-barrier");
    expect(rule?.statement).toMatch(/^No sample report is released before all of its chunks are processed\./);
    expect(rule?.statement).toContain("done set as large as its chunk count");
    expect(rule?.because).toContain("a sample report is released only after all of its chunks are processed");
    const m = d.mechanisms.find((x) => x.id === "completion-barrier");
    expect(m?.protects).toContain("No sample report is released");
    expect(
      d.failures.some((f) => /^The last two chunks of one sample report finish at the same moment/.test(f.failure)),
    ).toBe(true);
    expect(d.coherence.filter((c) => c.rule === "qualifier-unkept")).toEqual([]);
  });
});
