import { describe, expect, it } from "vitest";
import { rejectedOptionsCarried } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { checkCoherence, design } from "../src/lib/index.js";

/** A design with one decision (a due index polled, timing wheels rejected) and the parts the rule reads. */
function fixture(over: Partial<Design> = {}): Parameters<typeof rejectedOptionsCarried>[0] {
  return {
    decisions: [
      {
        id: "due-index",
        question: "How are due runs found?",
        options: [
          { id: "polled", name: "a durable due-time index polled by claimers", buys: "", costs: "", winsWhen: "" },
          {
            id: "wheel",
            name: "per-shard in-memory timing wheels",
            key: "timing wheels?",
            buys: "",
            costs: "",
            winsWhen: "peaks fire tens of thousands of runs a second",
          },
        ],
        chosen: "polled",
        because: "",
        wouldFlipIf: "",
        inputs: [],
        drives: true,
        source: "derived",
        archetype: "I03",
      },
      {
        id: "redundancy",
        question: "How is each byte kept?",
        options: [
          { id: "replicas", name: "three full replicas", buys: "", costs: "", winsWhen: "data is hot" },
          { id: "ec", name: "erasure coding", key: "erasure[- ]cod(?:ing|ed)", buys: "", costs: "", winsWhen: "" },
        ],
        chosen: "ec",
        because: "",
        wouldFlipIf: "",
        inputs: [],
        drives: true,
        source: "derived",
        archetype: "I19",
      },
    ],
    components: [],
    api: [],
    invariants: [],
    diagrams: [],
    bottlenecks: [],
    technology: [],
    ...over,
  } as Parameters<typeof rejectedOptionsCarried>[0];
}

const bottleneck = (mitigation: string) =>
  ({ bottleneck: "Due-index hot partition", mitigation, archetype: "I03" }) as Design["bottlenecks"][number];

describe("rejected-option-carried", () => {
  it("flags a rejected option's key phrase in a mitigation, a component or an API row", () => {
    const mit = rejectedOptionsCarried(
      fixture({ bottlenecks: [bottleneck("keep near-term buckets in a timing wheel")] }),
    );
    expect(mit.map((p) => p.rule)).toEqual(["rejected-option-carried"]);
    expect(mit[0]?.detail).toContain("timing wheel");
    const comp = rejectedOptionsCarried(
      fixture({ components: [{ name: "Timing wheel shard", runs: [] }] as unknown as Design["components"] }),
    );
    expect(comp).toHaveLength(1);
  });

  it("lets a mitigation name a rejected option under the condition it wins on", () => {
    const said = bottleneck(
      "Split buckets into shards, or keep near-term buckets in a timing wheel if peaks fire tens of thousands of runs a second",
    );
    expect(rejectedOptionsCarried(fixture({ bottlenecks: [said] }))).toEqual([]);
  });

  it("flags a technology row that offers a chosen option as the runner-up", () => {
    const technology = [
      {
        layer: "storage",
        archetype: "I19",
        choices: [{ product: "a volume store of our own", why: "" }],
        runnerUp: { product: "an erasure-coded warm tier", why: "not chosen" },
      },
    ] as unknown as Design["technology"];
    const out = rejectedOptionsCarried(fixture({ technology }));
    expect(out.map((p) => p.detail).join(" ")).toMatch(/chose 'erasure coding'.*runner-up/);
  });
});

describe("a drawn part is never set aside by technology (n21 #8)", () => {
  it("flags a runner-up that names a drawn part", () => {
    const technology = [
      {
        layer: "storage",
        archetype: "I18",
        choices: [{ product: "Grafana Mimir or Thanos", why: "" }],
        runnerUp: { product: "Object storage (S3 or GCS) for compacted blocks", why: "not chosen" },
      },
    ] as unknown as Design["technology"];
    const components = [{ name: "Object storage (immutable blocks)", runs: [] }] as unknown as Design["components"];
    expect(rejectedOptionsCarried(fixture({ technology, components })).map((p) => p.detail)).toEqual([
      "the storage technology row offers 'Object storage (S3 or GCS) for compacted blocks' as the runner-up, but the design draws it as a part",
    ]);
  });

  it("alerting and a paraphrase draw object storage and do not set it aside", () => {
    for (const prompt of [
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
      "Build a monitoring platform that stores metrics from 100,000 hosts and fires alerts to on-call engineers.",
    ]) {
      const d = design(prompt);
      expect(checkCoherence(d).filter((p) => p.rule === "rejected-option-carried")).toEqual([]);
      if (d.components.some((c) => /^object storage/i.test(c.name)))
        expect(d.technology.map((t) => `${t.runnerUp?.product ?? ""} ${t.avoid?.product ?? ""}`).join(" ")).not.toMatch(
          /^\s*object storage|\bObject storage \(/,
        );
    }
  });
});

describe("a chosen option is carried through the design (n21 #1, #5, #6, #7 and paraphrases)", () => {
  const carried = (prompt: string) => {
    const d = design(prompt);
    return { d, hits: checkCoherence(d).filter((p) => p.rule === "rejected-option-carried") };
  };

  it("last-writer-wins chosen: no call promises siblings", () => {
    for (const prompt of [
      "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
      "Build an active-active key-value database replicated across 3 regions that resolves write conflicts automatically using last-writer-wins.",
      "Design a globally replicated session store with writes accepted in every region.",
    ]) {
      const { d, hits } = carried(prompt);
      expect(d.decisions.find((r) => r.id === "i16-conflicts")?.chosen).toBe("lww-hlc");
      expect(hits).toEqual([]);
      expect(d.api.map((a) => a.guarantee).join(" ")).not.toMatch(/sibling/i);
    }
    // siblings chosen: the call keeps its sibling clause
    const { d } = carried(
      "Design a multi-region key-value store where concurrent writes are never discarded and kept as siblings for the client to merge.",
    );
    expect(d.decisions.find((r) => r.id === "i16-conflicts")?.chosen).toBe("version-vectors");
    expect(d.api.map((a) => a.guarantee).join(" ")).toMatch(/becomes a sibling/);
  });

  it("CRDTs chosen: no sequencer is drawn", () => {
    for (const prompt of [
      "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.",
      "Design a shared notes app like Notion where edits made offline sync later.",
    ]) {
      const { d, hits } = carried(prompt);
      expect(d.decisions.find((r) => r.id === "i13-merge")?.chosen).toBe("crdt");
      expect(hits).toEqual([]);
      expect(d.components.map((c) => `${c.name} ${c.runs.join(" ")}`).join("; ")).not.toMatch(/sequencer|transform/i);
    }
  });

  it("erasure coding chosen: no technology row sets it aside", () => {
    for (const prompt of [
      "Design a photo storage service for 2 billion uploads a day, served through a CDN, where no photo is ever lost.",
      "Design an image hosting service storing 1 billion new pictures per day behind a CDN that must never lose a picture.",
    ]) {
      const { d, hits } = carried(prompt);
      expect(d.decisions.find((r) => r.id === "i19-redundancy")?.chosen).toBe("erasure-coding");
      expect(hits).toEqual([]);
      expect(d.technology.map((t) => `${t.runnerUp?.product ?? ""} ${t.avoid?.product ?? ""}`).join(" ")).not.toMatch(
        /erasure/i,
      );
    }
  });

  it("timing wheels rejected: a mitigation names one only under the condition it wins on", () => {
    for (const prompt of [
      "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
      "Design a scheduler that triggers 100 million timed jobs per day, each within 1 second of its due time, exactly once.",
    ]) {
      const { d, hits } = carried(prompt);
      expect(d.decisions.find((r) => r.id === "i03-due-index")?.chosen).toBe("polled-index");
      expect(hits).toEqual([]);
      for (const b of d.bottlenecks)
        if (/timing wheel/.test(b.mitigation)) expect(b.mitigation).toMatch(/timing wheel[^,]* if /);
    }
  });
});
