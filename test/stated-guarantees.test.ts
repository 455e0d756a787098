import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import { promisesRepeat } from "../src/knowledge/patterns.js";
import * as lib from "../src/lib/index.js";

type D = ReturnType<typeof design>;
const rules = (d: D) => checkCoherence(d).map((p) => p.rule);
const chosen = (d: D, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const edit = (d: D): D => structuredClone(d) as D;

const CRON =
  "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.";
const PHOTOS =
  "Design a photo storage service for 2 billion uploads a day, served through a CDN, where no photo is ever lost.";
const KV =
  "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.";
const DOCS =
  "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.";
// a fleet's configuration pushed at once (a feature-flag service is its own subject, with no fleet rollout at all)
const FLAGS =
  "Design a configuration service: 20,000 service instances read config locally, and a config change must reach all of them within 5 seconds.";

describe("a stated guarantee sets the stance, never a default", () => {
  it("reads 'never lost' phrasings as durability", () => {
    for (const p of [
      "where no photo is ever lost",
      "uploads must never be lost",
      "no uploaded file may be lost",
      "zero data loss",
      "not a single order is ever lost",
    ])
      expect(statedNfrsOf(p).durability?.value, p).toBe("durable");
    expect(statedNfrsOf("a cache where entries may be lost").durability).toBeUndefined();
  });

  it("no photo is ever lost: no at-most-once default, no rule that accepts a loss", () => {
    for (const p of [
      PHOTOS,
      "Design an image hosting service served from a CDN where uploaded images must never be lost.",
    ]) {
      const d = design(p);
      expect(d.nfrs.durability, p).toBe("durable");
      expect(d.nfrs.delivery, p).not.toBe("at-most-once");
      expect(
        d.invariants.some((i) => /losing one under failure is accepted/.test(i.statement)),
        p,
      ).toBe(false);
      expect(rules(d), p).not.toContain("default-weakens-guarantee");
    }
  });

  it("never run twice: the stance fails closed and no reason promises a repeat", () => {
    for (const p of [
      CRON,
      "Design a job scheduler for 1 million jobs a day where a job must never be executed twice.",
    ]) {
      const d = design(p);
      expect(d.nfrs.availability, p).toBe("fail-closed");
      const reasons = [
        ...Object.values(d.nfrs.sources).map((s) => s?.because ?? ""),
        ...d.primaryState.flatMap((r) => [r.durability.because, r.consistency.because, r.availability.because]),
      ];
      expect(
        reasons.filter((r) => r.startsWith("not stated") && promisesRepeat(r) !== undefined),
        p,
      ).toEqual([]);
      expect(rules(d), p).not.toContain("stance-against-delivery");
      expect(rules(d), p).not.toContain("default-weakens-guarantee");
    }
  });

  it("a repeat asked about, risked or at one moment is not a repeat promised", () => {
    for (const t of [
      "a payment's state and its idempotency key decide whether a card is charged again",
      "a shard cut off refuses new payments rather than risk charging twice",
      "while a host's state is unknown the host waits, because fetching it blind could hit a site twice at once",
    ])
      expect(promisesRepeat(t), t).toBeUndefined();
    for (const t of ["a due item may fire a little late or twice", "a message may be delivered again after a crash"])
      expect(promisesRepeat(t)?.[0], t).toBeDefined();
    const crawler = design(
      "Design a crawler that revisits 300 million pages each month, never fetches one page twice in a month and obeys each site's crawl delay.",
    );
    expect(rules(crawler)).not.toContain("stance-against-delivery");
  });

  it("coherence catches a default that weakens a stated guarantee (red on the old designs)", () => {
    const cron = edit(design(CRON));
    cron.nfrs.availability = "stay-available";
    cron.nfrs.sources.availability = {
      source: "default",
      because:
        "not stated; I03's default availability stance (a due item may fire a little late or twice (receivers are idempotent) but must never be lost)",
    };
    expect(rules(cron)).toContain("default-weakens-guarantee");
    expect(rules(cron)).toContain("stance-against-delivery");

    const photos = edit(design(PHOTOS));
    photos.nfrs.delivery = "at-most-once";
    photos.nfrs.sources.delivery = { source: "default", because: "not stated; I07's default delivery" };
    photos.invariants.push({
      ...photos.invariants[0],
      statement: "A origin object change is never applied twice; losing one under failure is accepted.",
    } as (typeof photos.invariants)[number]);
    const problems = checkCoherence(photos).filter((p) => p.rule === "default-weakens-guarantee");
    expect(problems.length).toBe(2);
  });
});

describe("active-active regions: no compare-and-set across regions, one way to acknowledge", () => {
  it("acknowledges in the writing region and ships to the others; merges conflicts by a stated rule", () => {
    for (const p of [
      KV,
      "Design a key-value store where writes are accepted in every region, across 3 regions.",
      "Design a geo-replicated key-value store that takes writes in all regions (three of them) and resolves conflicts automatically.",
    ]) {
      const d = design(p);
      expect(chosen(d, "i16-replication"), p).toBe("leaderless");
      expect(chosen(d, "i16-ack"), p).toBe("local-sync");
      expect(chosen(d, "i16-conflicts"), p).toBe("lww-hlc");
      expect(
        d.invariants.some((i) => /conditional write applies only when/.test(i.statement)),
        p,
      ).toBe(false);
      expect(d.context.regions, p).toMatch(/asynchronously/);
      const r = rules(d);
      expect(r, p).not.toContain("regions-sync-and-async");
      expect(r, p).not.toContain("compare-and-set-across-regions");
    }
  });

  it("keeps a majority round trip for one region, and CRDTs for counters", () => {
    expect(chosen(design("Design a key-value store."), "i16-ack")).toBe("sync");
    expect(
      chosen(
        design("Design a highly available key-value store of counters with eventual consistency across 3 regions."),
        "i16-conflicts",
      ),
    ).toBe("crdt");
  });

  it("coherence catches a majority ack and a compare-and-set beside asynchronous regions (red on the old design)", () => {
    const d = edit(design(KV));
    const ack = d.decisions.find((r) => r.id === "i16-ack");
    if (ack) ack.chosen = "sync";
    d.invariants.push({
      ...d.invariants[0],
      archetype: "I16",
      statement: "A conditional write applies only when KeyValue.version still equals the version the caller read.",
    } as (typeof d.invariants)[number]);
    const r = rules(d);
    expect(r).toContain("regions-sync-and-async");
    expect(r).toContain("compare-and-set-across-regions");
  });
});

describe("a flip condition the prompt's words meet flips the choice", () => {
  it("offline edits merged later choose CRDTs, in the prompt's paraphrases too", () => {
    for (const p of [
      DOCS,
      "Design a collaborative notes app that works offline and syncs later.",
      "Design a shared document editor where edits made without a connection are merged when the user is back.",
    ]) {
      const d = design(p);
      expect(chosen(d, "i13-merge"), p).toBe("crdt");
      expect(
        d.mechanisms.some((m) => m.id === "operational-transform"),
        p,
      ).toBe(false);
      expect(rules(d), p).not.toContain("flip-condition-holds");
    }
    const offline = design(DOCS);
    expect(offline.api.map((a) => a.operation)).toContain("submit updates");
    expect(offline.api.map((a) => a.operation)).not.toContain("submit an operation");
    expect(lib.design(DOCS).script.some((s) => /\ba CRDTs\b/.test(s.text))).toBe(false);
    expect(chosen(design("Design Google Docs."), "collab-merge")).toBe("ot");
    expect(design("Design Google Docs.").api.map((a) => a.operation)).toContain("submit an operation");
    expect(
      chosen(design("Design a key-value store where a replica that goes offline catches up later."), "i13-merge"),
    ).toBe(undefined);
  });

  it("coherence catches OT kept beside offline edits (red on the old design)", () => {
    const d = edit(design(DOCS));
    const row = d.decisions.find((r) => r.id === "collab-merge");
    if (row) row.chosen = "ot";
    expect(rules(d)).toContain("flip-condition-holds");
  });
});

describe("all at once leaves the staged rollout's parts out", () => {
  it("draws no cohorts, health gates or staged protocol where every change goes out at once", () => {
    const d = design(FLAGS);
    expect(chosen(d, "i11-rollout")).toBe("all-at-once");
    expect(d.components.map((c) => c.id)).not.toContain("rollout-controller");
    expect(d.components.map((c) => c.id)).not.toContain("health-monitor");
    expect(d.invariants.some((i) => /cohort/.test(i.statement))).toBe(false);
    expect(d.failures.find((f) => f.failure === "a bad config reaches the whole fleet at once")?.prevention).toMatch(
      /validation/,
    );
    expect(rules(d)).not.toContain("decision-contradicted");
    const staged = design(
      "Design a configuration management system that rolls out config changes to 50,000 servers safely.",
    );
    expect(staged.components.map((c) => c.id)).toContain("rollout-controller");
  });

  it("coherence catches a staged part beside all at once (red on the old design)", () => {
    const d = edit(design(FLAGS));
    d.components.push({
      ...d.components[0],
      id: "rollout-controller",
      archetype: "I11",
    } as (typeof d.components)[number]);
    expect(rules(d)).toContain("decision-contradicted");
  });
});
