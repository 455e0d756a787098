import { describe, expect, it } from "vitest";
import { FEATURES } from "../src/knowledge/features/index.js";
import { STOP_WORDS } from "../src/knowledge/lexicon.js";
import { design } from "../src/lib/index.js";

/** The stop words a phrase may lose without changing what it names (articles, particles, pronouns). */
const FUNCTION_WORDS = new Set([
  "a",
  "an",
  "the",
  "is",
  "are",
  "me",
  "for",
  "out",
  "on",
  "of",
  "to",
  "my",
  "from",
  "they",
  "and",
]);

const ids = (prompt: string) => new Set(design(prompt).mechanisms.map((m) => m.id));

describe("companions fire only for a drawn subject", () => {
  it("a consensus log beside a holder's local view of its lease gets no projector, rebuild or tombstones", () => {
    for (const p of [
      "Design a leader election service for 10,000 shards where a paused leader must never write after it has lost leadership.",
      "Design a leader election service for a fleet of database primaries.",
      "Design a lock service like Chubby that hands out coarse-grained locks.",
    ]) {
      const m = ids(p);
      expect(m.has("projector-checkpoint"), p).toBe(false);
      expect(m.has("replay-rebuild"), p).toBe(false);
      expect(m.has("tombstones"), p).toBe(false);
    }
  });

  it("a crawler's seen set is no projection fed by a change stream", () => {
    const m = ids("Design a web crawler fetching 1 billion pages a day politely.");
    expect(m.has("projector-checkpoint")).toBe(false);
    expect(m.has("replay-rebuild")).toBe(false);
  });

  it("a feed, suggestions built from a query log and a snapshot replayed from an op log keep their projector", () => {
    expect(ids("Design a timeline service that fans out posts to followers.").has("replay-rebuild")).toBe(true);
    expect(ids("Design a search autocomplete service.").has("projector-checkpoint")).toBe(true);
    expect(ids("Design a collaborative document editor like Google Docs.").has("replay-rebuild")).toBe(true);
  });
});

describe("last-writer-wins keeps only a rule about which write survives", () => {
  it("never a rule that a post lands once and never twice", () => {
    const d = design("Design a news feed that is precomputed for each user.");
    for (const m of d.mechanisms.filter((x) => x.id === "lww-overwrite")) expect(m.protects).not.toMatch(/twice|once/);
  });
});

describe("feature phrases keep their meaning words", () => {
  // a stop word dropped from a phrase leaves the rest to match alone: "like a post" would fire on any "post"
  it("no multi-word signal loses a word other than a function word to the stop list", () => {
    const lost: string[] = [];
    for (const f of FEATURES)
      for (const s of f.signals) {
        const text = typeof s === "string" ? s : (s as { text: string }).text;
        const words = text.toLowerCase().split(/\s+/);
        if (words.length < 2) continue;
        for (const w of words)
          if (STOP_WORDS.has(w) && !FUNCTION_WORDS.has(w)) lost.push(`${f.id}: '${text}' loses '${w}'`);
      }
    expect(lost).toEqual([]);
  });

  it("a news feed that never mentions likes gets no likes and counts feature", () => {
    const d = design(
      "Design a news feed for a social network with 500 million daily users where a new post from a followed account shows up within 5 seconds.",
    );
    expect(d.features.map((f) => f.id)).not.toContain("counters");
  });
});

describe("a consumer's dedup window only where no base write already recognises the repeat", () => {
  it("a crawler's admission by put-if-absent keeps 'admitted at most once' without a second dedup row", () => {
    for (const p of [
      "Design a web crawler that fetches 5 billion pages a month, respects each site's robots.txt and crawl delay, and never fetches the same URL twice in one day.",
      "Design a polite web crawler for 200 million news pages a week.",
    ]) {
      const d = design(p);
      expect(ids(p).has("dedup-window"), p).toBe(false);
      const admit = d.mechanisms.find((m) => m.id === "put-if-absent");
      expect(admit?.protects, p).toMatch(/at most once/);
    }
  });

  it("a stream consumer with no other keeper still gets one", () => {
    expect(ids("Design an ad click aggregation pipeline with exactly-once counting.").has("dedup-window")).toBe(true);
  });
});
