import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { ARCHETYPES } from "../src/knowledge/index.js";
import { terminalDiagram, unescapeMermaid, wrap } from "../src/render/terminal-diagram.js";

const PROMPTS = [
  "Design a distributed lock service with fencing tokens",
  "Design a distributed message queue with retries and a dead-letter queue",
  'Design a "queue" <b>with</b> #hash; semicolons; and | pipes {braces} and `ticks`',
  "Design Instagram",
  "Design a payment service that charges cards exactly once",
];

describe("terminal diagrams", () => {
  it("unescapes every Mermaid entity the label builder writes", () => {
    expect(unescapeMermaid("a #lt; b #gt;= c #quot;x#quot; #35;1 #59; #58; #96; #124; #123;#125;")).toBe(
      'a < b >= c "x" #1 ; : ` | {}',
    );
    expect(unescapeMermaid("#constructor; #toString;")).toBe("#constructor; #toString;");
  });

  it("wraps without cutting words or exceeding the width", () => {
    const lines = wrap("alpha beta gamma delta epsilon zeta eta theta", 16, "  • ", "    ");
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(
      lines
        .join(" ")
        .replace(/[•\s]+/g, " ")
        .trim(),
    ).toBe("alpha beta gamma delta epsilon zeta eta theta");
    expect(wrap("x".repeat(30), 10).every((l) => l.length <= 10)).toBe(true);
  });

  for (const width of [100, 60]) {
    it(`fits ${width} columns with no escapes for every diagram of several designs`, () => {
      for (const p of PROMPTS) {
        for (const g of design(p).diagrams) {
          const text = terminalDiagram(g.title, g.mermaid, width);
          for (const line of text.split("\n")) expect([...line].length, `${p}: ${line}`).toBeLessThanOrEqual(width);
          expect(text, p).not.toMatch(/#(?:[a-z]+|\d+);/i);
          expect(text).not.toMatch(/not drawable/);
        }
      }
    });
  }

  it("keeps every alternative condition and note whole, and every message in order", () => {
    for (const a of ARCHETYPES.slice(0, 19)) {
      const prompt = `Design a ${a.name.split("/")[0]?.trim()} system`;
      for (const g of design(prompt).diagrams.filter((x) => x.kind === "sequence")) {
        const text = terminalDiagram(g.title, g.mermaid, 100).replace(/\s+/g, " ");
        const src = g.mermaid.split("\n").map((l) => l.trim());
        for (const l of src.filter((x) => x.startsWith("alt ")))
          expect(text).toContain(`alt ${unescapeMermaid(l.slice(4)).replace(/\s+/g, " ")}`);
        for (const l of src.filter((x) => x.startsWith("Note over")))
          expect(text).toContain(unescapeMermaid(l.slice(l.indexOf(":") + 1).trim()).replace(/\s+/g, " "));
        const messages = src.filter((x) => /->>/.test(x)).length;
        expect(text.match(/ \d+\. /g)?.length ?? 0).toBe(messages);
        expect(g.mermaid).not.toMatch(/alt [^\n]*…/);
      }
    }
  });

  it("lists every flow of a flowchart with both ends named", () => {
    const g = design(PROMPTS[1] as string).diagrams.find((x) => x.kind === "hld");
    expect(g).toBeDefined();
    const text = terminalDiagram(g?.title ?? "", g?.mermaid ?? "", 100);
    const edges = (g?.mermaid.match(/-->|==>|\.->|\.-(?!>)/g) ?? []).length;
    expect(edges).toBeGreaterThan(0);
    const flows = text.split("\n").filter((l) => !l.startsWith("Flows"));
    expect(flows.join("\n").match(/(──▶|━━▶|┄┄▶|┄┄┄)/g)?.length ?? 0).toBe(edges);
    // Both ends of each flow are the components' names as the HLD labels them.
    const names = [...(g?.mermaid ?? "").matchAll(/^\s*\w+[[({>\\/]+"([^"]+)"/gm)].map((m) => m[1] as string);
    expect(names.length).toBeGreaterThan(2);
    for (const n of names) expect(text).toContain(n);
  });

  it("prints an unknown diagram kind as its unescaped source, still within the width", () => {
    const text = terminalDiagram("Pie", `pie title Pets\n  "Dogs #gt; cats" : 386\n  "${"long ".repeat(40)}" : 1`, 50);
    expect(text.replace(/\s+/g, " ")).toMatch(/Mermaid source follows/);
    expect(text).toContain("Dogs > cats");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(50);
  });
});
