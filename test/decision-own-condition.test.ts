import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { figureOnlyWins, figuresMeet } from "../src/engine/decision-figures.js";
import { design } from "../src/engine/design/design.js";
import { DECISION_BY_ID } from "../src/knowledge/decisions/index.js";
import { OFFLINE_EDITS } from "../src/knowledge/patterns.js";

// Invented prompts: a decision never rejects an option whose size condition the design's own figures meet.
const row = (prompt: string, id: string) => design(prompt).decisions.find((r) => r.id === id);
const own = (prompt: string) =>
  checkCoherence(design(prompt)).filter(
    (p) => p.rule === "decision-own-condition-met" || p.rule === "flip-condition-holds",
  );
const winsOf = (point: string, option: string) => DECISION_BY_ID.get(point)?.options.find((o) => o.id === option)?.wins;

describe("size conditions read against the figures a design is sized for", () => {
  it("a load threshold gated on a stated figure is read; a time bound, words or NFRs are not", () => {
    expect(figureOnlyWins(winsOf("i18-log-index", "labels-chunks"))?.map((c) => c.number)).toEqual(["bytes_per_sec"]);
    expect(figureOnlyWins(winsOf("i06-lb-structure", "score-range-shards"))?.map((c) => c.number)).toEqual([
      "rank_shards",
    ]);
    // an upper bound on a time is a requirement, real only where stated
    expect(figureOnlyWins(winsOf("i11-rollout", "all-at-once"))).toBeUndefined();
    // a size beside words and an NFR is not a figure alone
    expect(figureOnlyWins(winsOf("i10-detection", "gossip"))).toBeUndefined();
    expect(figureOnlyWins(winsOf("i13-merge", "crdt"))).toBeUndefined();
    const figures = figureOnlyWins(winsOf("i18-log-index", "labels-chunks")) ?? [];
    expect(figuresMeet(figures, () => ({ value: 1e9, unit: "B/s", assumed: true }))).toBe(true);
    expect(figuresMeet(figures, () => ({ value: 4e7, unit: "B/s", assumed: false }))).toBe(false);
    expect(figuresMeet(figures, () => undefined)).toBe(false);
  });

  it("a log platform sized for an assumed 1 GB/s keeps labels and chunks, and says the figure is assumed", () => {
    const p = "Design a centralized log search platform for our company's services where engineers query recent logs.";
    const r = row(p, "i18-log-index");
    expect(r?.chosen).toBe("labels-chunks");
    expect(r?.because).toMatch(/sized for meet it: bytes_per_sec ≈ 1 GB\/s \(assumed\)/);
    expect(r?.because).toMatch(/a smaller stated figure would keep full-text/);
    expect(own(p)).toEqual([]);
  });

  it("a stated modest ingest keeps the full-text index; a stated large one takes labels on the rule", () => {
    const small =
      "Design a log ingestion and search platform that ingests 40 MB per second of application logs from 2,000 servers.";
    expect(row(small, "i18-log-index")?.chosen).toBe("full-text");
    expect(own(small)).toEqual([]);
    const large =
      "Design a log ingestion and search platform that ingests 4 GB per second of application logs from 60,000 servers.";
    expect(row(large, "i18-log-index")?.because).toMatch(/'4 GB per second'/);
    expect(row(large, "i18-log-index")?.chosen).toBe("labels-chunks");
    // the design follows: the full-text index's own hotspot is not said beside labels and chunks
    const hot = (p: string) => design(p).bottlenecks.map((b) => b.bottleneck);
    expect(hot(large).join(" ")).not.toMatch(/every byte of every line is parsed and indexed/);
    expect(hot(small).join(" ")).toMatch(/every byte of every line is parsed and indexed/);
  });

  it("a rule the prompt's words fire keeps its choice and names the figure's pull", () => {
    const p =
      "Design a log platform where engineers run Kibana full-text searches over the logs every service ships to it.";
    const r = row(p, "i18-log-index");
    expect(r?.chosen).toBe("full-text");
    expect(r?.because).toMatch(/would favour index only labels/);
    expect(own(p)).toEqual([]);
  });

  it("the coherence rule reports a decision that argues against the load it is sized for", () => {
    const d = design(
      "Design a centralized log search platform for our company's services where engineers query recent logs.",
    );
    const broken = {
      ...d,
      decisions: d.decisions.map((r) =>
        r.id === "i18-log-index"
          ? { ...r, chosen: "full-text", because: "at a modest ingest every word can be indexed", winning: [] }
          : r,
      ),
    };
    const hits = checkCoherence(broken).filter((p) => p.rule === "decision-own-condition-met");
    expect(hits).toHaveLength(1);
    expect(hits[0]?.detail).toMatch(/'labels-chunks' wins when the ingest runs to gigabytes a second/);
  });

  it("an option that composes an archetype the design lacks is not held against it", () => {
    const p = "Design a reminder scheduler that fires 300,000 due reminders per second at peak.";
    expect(row(p, "i03-handoff")?.chosen).toBe("claim-in-store");
    expect(own(p)).toEqual([]);
  });
});

describe("offline edits said before the verb", () => {
  const re = new RegExp(OFFLINE_EDITS, "i");
  it.each([
    "when two offline devices edit the same file both versions must be kept",
    "offline laptops change the same note",
    "edits made while disconnected are merged",
    "people keep editing when offline",
  ])("reads '%s'", (s) => expect(re.test(s)).toBe(true));
  it.each([
    "when a replica goes offline and writes fail over to another",
    "a region goes offline for an hour",
    "the device shows an offline status badge",
  ])("does not read '%s'", (s) => expect(re.test(s)).toBe(false));

  it("a file sync prompt whose offline devices edit the same file merges without a sequencer", () => {
    const p =
      "Design a note-taking app for 2 million users where two offline tablets edit the same note and both changes must survive.";
    const r = design(p).decisions.find((x) => x.id === "i13-merge" || x.id === "collab-merge");
    expect(r?.chosen).toBe("crdt");
    expect(r?.because).toMatch(/offline tablets edit/);
  });
});
