import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { ARCHETYPES } from "../src/knowledge/index.js";
import { hldFlowchart, label, protocolSequence } from "../src/render/mermaid.js";
import { mermaidParser } from "./mermaid-env.js";

const PROMPTS = [
  "Design a distributed lock service with fencing tokens",
  "Design Kafka",
  "Design a metrics platform ingesting 2 million samples per second",
  "Design a payment system that charges cards exactly once",
  "Design a CDN",
  "Design Twitter",
  'Design a "queue" <img src=x onerror=alert(1)> with ; # | {weird} `chars`',
];

describe("diagrams", () => {
  it("every archetype protocol becomes a sequence diagram that Mermaid parses", async () => {
    const m = await mermaidParser();
    for (const a of ARCHETYPES) {
      for (const p of a.protocols) {
        const text = protocolSequence(p.notation);
        expect(text, `${a.id} ${p.name}`).toBeDefined();
        await expect(m.parse(text as string), `${a.id} ${p.name}`).resolves.toBeTruthy();
      }
    }
  });

  it("every design's diagrams parse as valid Mermaid, odd prompt characters included", async () => {
    const m = await mermaidParser();
    for (const p of PROMPTS) {
      const d = design(p);
      for (const g of d.diagrams) await expect(m.parse(g.mermaid), `${p}: ${g.title}`).resolves.toBeTruthy();
    }
  });

  it("the HLD starts from the state owner, control before data, derived stores apart", () => {
    const d = design(
      "Design a materialized view service that keeps follower counts up to date from a follow-events stream",
    );
    const hld = d.diagrams.find((g) => g.kind === "hld")?.mermaid ?? "";
    const truth = hld.indexOf("Authoritative state");
    expect(truth).toBeGreaterThan(0);
    const control = hld.indexOf("Control path");
    const clients = hld.indexOf("Clients");
    if (control >= 0) expect(control).toBeLessThan(clients);
    expect(truth).toBeLessThan(clients);
  });

  it("escapes label text so it cannot close a label or inject markup", () => {
    const l = label('a "b" <script> ; # | {x}');
    expect(l).toBe("a #quot;b#quot; #lt;script#gt; #59; #35; #124; #123;x#125;");
    const chart = hldFlowchart({
      title: "t",
      service: 'svc "x"',
      truth: [],
      control: [],
      writes: [],
      derived: [],
      supporting: [],
    });
    expect(chart).toContain("svc #quot;x#quot;");
  });
});
