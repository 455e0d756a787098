import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";

const scale = (p: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, (v as { value: number }).value]));
const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const inputOf = (d: Design, id: string, name: string) => row(d, id)?.inputs.find((i) => i.name === name);

describe("a stated per-subject maximum of members sizes the busiest subject, never the fleet", () => {
  it("reads 'up to N editors per document' and its paraphrases as the most one subject holds", () => {
    expect(scale("real-time collaborative editing with up to 50 editors per document")).toEqual({
      max_participants: 50,
    });
    expect(scale("a collaborative editor supporting 50 simultaneous editors per doc")).toEqual({
      max_participants: 50,
    });
    expect(scale("each document can have up to 100 concurrent editors")).toEqual({ max_participants: 100 });
    expect(scale("a doc editor supporting at most 100 editors")).toEqual({ max_participants: 100 });
    expect(scale("Figma: up to 500 collaborators per file")).toEqual({ max_participants: 500 });
  });

  it("keeps an average, or members named with no subject or maximum, as the typical subject's count", () => {
    expect(scale("a doc editor with about 3 editors per document on average")).toEqual({ participants: 3 });
    expect(scale("a whiteboard with 20 participants")).toEqual({ participants: 20 });
  });

  it("Google Docs: 50 editors size one document's sequencer; the fleet reads a typical document", () => {
    const d = design(
      "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.",
    );
    expect(row(d, "ops_per_subject")?.value).toBe(50);
    expect(inputOf(d, "ops_per_subject", "max_participants")?.source).toBe("stated");
    for (const i of d.capacity.flatMap((r) => r.inputs).filter((x) => x.name === "participants")) {
      expect(i.source).toBe("assumed");
      expect(i.value).toBeLessThan(50);
    }
    // 100k open documents at the cap would be 5M ops/s and thousands of log shards
    expect(row(d, "peak_ops_per_sec")?.value ?? 0).toBeLessThan(1.5e7);
    expect(row(d, "oplog_shards")?.value ?? 0).toBeLessThan(3000);
  });
});

describe("a stated population and interval drive every figure of the same quantity", () => {
  const uber =
    "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.";

  it("drivers reporting their location every 4 s are the live clients and their heartbeat", () => {
    const d = design(uber);
    const hb = row(d, "heartbeats_per_sec");
    if (hb) {
      expect(hb.value).toBe(250000);
      expect(inputOf(d, "heartbeats_per_sec", "clients")?.value).toBe(1e6);
      expect(inputOf(d, "heartbeats_per_sec", "heartbeat_seconds")?.value).toBe(4);
    }
    expect(checkCoherence(d).filter((p) => p.rule === "stated-stand-in-replaced")).toEqual([]);
  });

  it("a paraphrase with couriers binds the same way", () => {
    const d = design(
      "Design a food delivery platform where 200,000 couriers report their GPS position every 5 seconds and customers see them live",
    );
    const hb = row(d, "heartbeats_per_sec");
    if (hb) expect(inputOf(d, "heartbeats_per_sec", "clients")?.value).toBe(200000);
  });

  it("coherence names a figure that reads a typical value where the prompt states the same amount", () => {
    // (a live location service draws no liveness registry since 'live' is not 'liveness'; a courier presence service that
    // marks a courier offline does, and its heartbeat is the stated position report; 'tracking' in the head asks for the
    // latest state per courier, a projection)
    const d = design(
      "Design a courier presence service where 1 million couriers send their location every 4 seconds and the service marks a courier offline when updates stop.",
    );
    const hb = d.capacity.find((r) => r.inputs.some((i) => i.name === "heartbeat_seconds"));
    expect(hb).toBeDefined();
    const bent = structuredClone(d) as Design;
    const r = bent.capacity.find((x) => x.id === hb?.id);
    const i = r?.inputs.find((x) => x.name === "heartbeat_seconds");
    if (i) {
      i.value = 5;
      i.source = "assumed";
    }
    expect(checkCoherence(bent).map((p) => p.rule)).toContain("stated-stand-in-replaced");
  });
});

describe("a work queue's partitions come from a group-committing leader, and its retention is sized", () => {
  it("SQS-like queue: 500k msg/s take tens of partitions, not hundreds, and retention bounds what it may hold", () => {
    const d = design(
      "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
    );
    const parts = row(d, "queue_partitions");
    expect(parts?.formula).toMatch(/group_commit_writes_per_sec/);
    expect(parts?.value ?? 0).toBeLessThanOrEqual(100);
    expect(parts?.value ?? 0).toBeGreaterThanOrEqual(20);
    expect(inputOf(d, "retention_ceiling_bytes", "message_retention_days")?.value).toBe(4);
  });

  it("a stated retention is the queue's retention", () => {
    const d = design("Design a task queue like SQS with visibility timeouts that retains messages for 14 days");
    expect(inputOf(d, "retention_ceiling_bytes", "message_retention_days")?.value).toBe(14);
  });
});

describe("a configuration change travels as a delta; a full snapshot only when a fleet re-syncs", () => {
  it("feature flags: one change to 20k instances is megabytes within the 5 s target, not gigabytes", () => {
    const d = design(
      "Design a feature flag service: 20,000 service instances evaluate flags locally, and a flag change must reach all of them within 5 seconds.",
    );
    const bw = row(d, "rollout_bandwidth");
    if (!bw) return;
    expect(bw.formula).toMatch(/change_bytes/);
    expect(bw.value).toBeLessThan(1e8);
    expect(row(d, "change_bytes")?.inputs.some((i) => i.name === "delta_bytes")).toBe(true);
    // the full snapshot is still sized, for a fleet that re-syncs over its jittered reconnect window
    expect(row(d, "resync_bandwidth")?.formula).toMatch(/rollout_bytes \/ resync_seconds/);
    expect(row(d, "distribution_servers")?.formula).toMatch(/resync_bandwidth/);
  });
});
