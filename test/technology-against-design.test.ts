import { describe, expect, it } from "vitest";
import { technologyAgainstDesign } from "../src/engine/technology-against-design.js";
import { design, designBlocks, toMarkdown } from "../src/lib/index.js";

// paraphrases of our own for each family (never the graded prompts' wording)
const LIMITERS = [
  "Design a rate limiter that caps each API key at 500 requests per minute across 12 regions.",
  "Build a throttling service giving every tenant 10,000 calls a day, enforced in 25 data centers.",
  "Design a global API quota service: each customer gets 100 requests per second across all our points of presence.",
];
const MONITORING = [
  "Design an alerting and metrics platform that takes 5 million samples per second and pages within 2 minutes.",
  "Design a time-series monitoring service with alert rules for 20,000 hosts.",
  "Design a metrics monitoring system like Prometheus with alerting.",
];
const FILE_SYNC = [
  "Design a cloud file storage service like Dropbox for 50 million users with file sync across laptops and phones.",
  "Build a file hosting and sync service for 200 million users that shares folders between teammates.",
  "Design a document sync service like Google Drive where 30 million people keep files in step across their devices.",
];
const TUNABLE = [
  "Design a key-value store with tunable consistency replicated across 4 regions.",
  "Build a distributed KV database with per-request tunable consistency, serving 500,000 writes per second in 3 regions.",
  "Design a key-value store with tunable consistency spread over 2 data centres.",
];

const rowOf = (p: string, layer: string) => design(p).technology.find((t) => t.layer === layer);
const rules = (p: string) => design(p).coherence.map((c) => c.rule);

describe("Technology follows the product a chosen option names", () => {
  it.each(LIMITERS)("a central budget store 'for example Redis' keeps Redis as the store (%s)", (p) => {
    const d = design(p);
    const decision = d.decisions.find((r) => r.id === "i08-enforcement");
    expect(decision?.chosen).toBe("central-store");
    const storage = d.technology.find((t) => t.layer === "storage");
    expect(storage?.choices.map((c) => c.product)).toContain("Redis with atomic scripts");
    // what argues against it is said as how to run it, not hidden
    expect(storage?.choices.find((c) => c.product === "Redis with atomic scripts")?.why).toMatch(
      /i08-enforcement|no stated NFR|suits/,
    );
    for (const t of d.technology) {
      expect(t.avoid?.product ?? "").not.toMatch(/Redis/);
      expect(t.runnerUp?.product ?? "").not.toMatch(/Redis/);
    }
    expect(rules(p)).not.toContain("technology-against-design");
  });

  it("the rule fires where a product the chosen option names is avoided", () => {
    const d = design(LIMITERS[0] as string);
    const bare = {
      ...d,
      technology: d.technology.map((t) =>
        t.layer === "storage"
          ? { ...t, choices: [], avoid: { product: "Redis with atomic scripts", why: "tempting, but poor" } }
          : t,
      ),
    };
    expect(technologyAgainstDesign(bare).map((x) => x.detail)).toEqual([
      expect.stringMatching(/'Redis with atomic scripts' is avoided \(storage\), but decision i08-enforcement chose/),
    ]);
  });
});

describe("a product that is one part of a whole system is named for the part the design draws", () => {
  it.each(MONITORING)("Alertmanager is the drawn alert manager, not a reference design (%s)", (p) => {
    const serving = rowOf(p, "serving");
    const alert = serving?.choices.find((c) => c.product === "Prometheus Alertmanager");
    expect(alert?.component).toMatch(/^Alert manager/);
    expect((serving?.references ?? []).map((r) => r.product)).not.toContain("Prometheus Alertmanager");
    expect(rules(p)).not.toContain("reference-as-choice");
    expect(rules(p)).not.toContain("technology-against-design");
  });

  it("the whole systems stay references (%s)", () => {
    const refs = (rowOf(MONITORING[0] as string, "storage")?.references ?? []).map((r) => r.product);
    expect(refs).toEqual(expect.arrayContaining(["Thanos", "Grafana Mimir"]));
  });

  it("the rule fires where the part is set aside as a whole-system reference", () => {
    const d = design(MONITORING[1] as string);
    const bare = {
      ...d,
      technology: d.technology.map((t) =>
        t.layer === "serving"
          ? { ...t, choices: [], references: [{ product: "Prometheus Alertmanager", why: "a whole one" }] }
          : t,
      ),
    };
    expect(technologyAgainstDesign(bare).map((x) => x.detail)).toEqual([
      expect.stringMatching(/'Prometheus Alertmanager' is set aside .* the design draws it: 'Alert manager/),
    ]);
  });
});

describe("build or buy: a design that sizes its own storage nodes recommends no managed object store", () => {
  it.each(FILE_SYNC)("the block bytes live on the design's own fleet (%s)", (p) => {
    const d = design(p);
    const storage = d.technology.find((t) => t.layer === "storage");
    expect(d.capacity.some((c) => c.id === "storage_nodes")).toBe(true);
    for (const c of storage?.choices ?? []) expect(c.product).not.toMatch(/\bS3\b|Cloud Storage/);
    expect(storage?.choices[0]?.component).toMatch(/storage nodes/i);
    expect(storage?.runnerUp?.product).toMatch(/S3/);
    expect(storage?.runnerUp?.why).toMatch(/storage_nodes/);
    expect(rules(p)).not.toContain("technology-against-design");
  });

  it("the rule fires where S3 is recommended beside the sized fleet", () => {
    const d = design(FILE_SYNC[0] as string);
    const bare = {
      ...d,
      technology: d.technology.map((t) =>
        t.layer === "storage"
          ? { ...t, choices: [{ product: "Amazon S3 or Google Cloud Storage", fits: "", why: "" }] }
          : t,
      ),
    };
    expect(technologyAgainstDesign(bare).map((x) => x.detail)).toEqual([
      expect.stringMatching(/managed object store.*storage_nodes/),
    ]);
  });
});

describe("a consistent read is promised only as far as the replication across the regions drawn", () => {
  const line = (p: string) =>
    toMarkdown(designBlocks(design(p)))
      .split("\n")
      .find((l) => l.startsWith("- Consistency:")) ?? "";

  it.each(TUNABLE)("regions that replicate asynchronously: within its own region only (%s)", (p) => {
    const d = design(p);
    expect(d.nfrs.regions).toBeGreaterThan(1);
    expect(line(p)).toMatch(/every write acknowledged in its own region/);
    expect(line(p)).not.toMatch(/sees every acknowledged write/);
  });

  it("one region: every acknowledged write", () => {
    expect(line("Design a key-value store with tunable consistency for 200,000 writes per second.")).toMatch(
      /a read that asks for consistency sees every acknowledged write$/,
    );
  });
});
