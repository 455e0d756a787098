import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { architectureFlowchart, label, protocolSequence } from "../src/engine/output/mermaid.js";
import { ARCHETYPES } from "../src/knowledge/index.js";
import { archCorpus } from "./arch-metrics.js";
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

  it("every design of the architecture corpus draws diagrams Mermaid parses", async () => {
    const m = await mermaidParser();
    for (const p of archCorpus()) {
      for (const g of design(p).diagrams) await expect(m.parse(g.mermaid), `${p}: ${g.title}`).resolves.toBeTruthy();
    }
  });

  it("the HLD starts from the data and replication path with the state owner, then control, then request", () => {
    const d = design(
      "Design a materialized view service that keeps follower counts up to date from a follow-events stream",
    );
    const hld = d.diagrams.find((g) => g.kind === "hld")?.mermaid ?? "";
    const data = hld.indexOf("Data and replication path");
    const control = hld.indexOf("Control path");
    const request = hld.indexOf("Request path");
    expect(data).toBeGreaterThan(0);
    expect(data).toBeLessThan(request);
    if (control >= 0) expect(control).toBeLessThan(request);
    const owner = d.components.find((c) => c.holds.includes(d.primaryState[0]?.entity ?? ""));
    expect(owner).toBeDefined();
    expect(hld).toContain(label(owner?.name ?? "", 48));
  });

  it("a sequence draws real participants: messages between components, replies dashed, guards over the receiver", () => {
    const text =
      protocolSequence(
        "client>leader[acquire {Lease.owner = null}] -> leader>followers[replicate] -> followers>leader[ack] -> leader[apply] => done",
      ) ?? "";
    expect(text).toContain("P0->>P1: acquire");
    expect(text).toContain("Note over P1: checks Lease.owner = null");
    expect(text).toContain("P2-->>P1: ack");
    // a local step is a note over its participant, never an arrow to itself
    expect(text).toContain("Note over P1: apply");
    expect(text).not.toMatch(/P(\d)->>P\1:/);
  });

  it("escapes label text so it cannot close a label or inject markup", () => {
    const l = label('a "b" <script> ; # | {x}');
    expect(l).toBe("a #quot;b#quot; #lt;script#gt; #59; #35; #124; #123;x#125;");
    const chart = architectureFlowchart(
      [
        { id: "a", name: 'svc "x"', kind: "service", plane: "request" },
        { id: "b-c", name: "store; #1", kind: "store", plane: "data" },
      ],
      [{ from: "a", to: "b-c", kind: "request", label: "put | get" }],
    );
    expect(chart).toContain("svc #quot;x#quot;");
    expect(chart).toContain('n_a -- "put #124; get" --> n_b_c');
  });
});
