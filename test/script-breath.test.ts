import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { BREATH_WORDS, breathSplit } from "../src/render/script/breath.js";
import { writeScript } from "../src/render/script/index.js";
import { shapeProblems } from "../src/render/script/shapes.js";
import { countWords } from "../src/render/script/speak.js";
import { asFix } from "../src/render/script/steps.js";

const words = (s: string) => s.match(/[A-Za-z0-9'-]+/g)?.map((w) => w.toLowerCase()) ?? [];

describe("a sentence past one breath is split at a join between clauses, never cut", () => {
  it("splits at ', so' and at a colon before a clause, keeping every word", () => {
    const so =
      "A parcel handed to two couriers cannot be recalled cheaply once both drive off, so each parcel's assignment is decided once, on the depot's primary, and a scan that cannot reach it is refused.";
    const said = breathSplit(so);
    expect(said).toBe(
      "A parcel handed to two couriers cannot be recalled cheaply once both drive off. So each parcel's assignment is decided once, on the depot's primary, and a scan that cannot reach it is refused.",
    );
    const colon =
      "The acknowledgement from the ticket store means two replicas have written the seat row, not that either has synced it to disk: safety comes from the copies, and the disks flush on their own schedule.";
    expect(breathSplit(colon)).toBe(
      "The acknowledgement from the ticket store means two replicas have written the seat row, not that either has synced it to disk: safety comes from the copies. And the disks flush on their own schedule.",
    );
    for (const s of [so, colon]) {
      const out = breathSplit(s);
      // every word kept ("so" stays, only the join changes)
      expect(words(out)).toEqual(words(s));
      for (const part of out.split(/(?<=[.?!])\s+(?=[A-Z])/))
        expect(countWords(part)).toBeLessThanOrEqual(BREATH_WORDS);
    }
  });
  it("says a reason after 'because' as its own sentence", () => {
    expect(
      breathSplit(
        "I'm assuming 5 thousand bookings a second per shard primary, because a single relational primary on one large cloud instance commits a few thousand small booking transactions every second in practice.",
      ),
    ).toBe(
      "I'm assuming 5 thousand bookings a second per shard primary. That is because a single relational primary on one large cloud instance commits a few thousand small booking transactions every second in practice.",
    );
  });
  it("leaves alone what no join parts safely: a short sentence, a colon before a noun phrase, a join inside brackets", () => {
    const short = "Each locker key maps to one parcel, so a retry finds the first.";
    expect(breathSplit(short)).toBe(short);
    const explained =
      "At heart this is a recipe search service: immutable recipe snapshots in an index, routed by each cuisine's shard map to replicas that hold them in memory behind a cache.";
    expect(breathSplit(explained)).toBe(explained);
    const aside =
      "Every kiosk keeps its own copy of the menu (the store pushes it; the kiosk never asks for it) and applies each new version whole before it shows any item from it to a customer.";
    expect(breathSplit(aside)).toBe(aside);
  });
  it("says a fix that only names a thing as what the fix is, and leaves an instruction or a clause as it is", () => {
    expect(asFix("A spare-capacity floor: below a minimum free share, admit only paying tenants.")).toBe(
      "The fix is a spare-capacity floor: below a minimum free share, admit only paying tenants.",
    );
    expect(asFix("A warm standby relay beside the order store.")).toBe(
      "The fix is a warm standby relay beside the order store.",
    );
    expect(asFix("Reuse warm connections to the print servers.")).toBe("Reuse warm connections to the print servers.");
    expect(asFix("Retries from every kiosk multiply load on a slow till.")).toBe(
      "Retries from every kiosk multiply load on a slow till.",
    );
  });
});

/** A small fixed corpus of invented prompts whose designs carry long decisions, chains and knowledge sentences. */
const CORPUS = [
  "Design a distributed cache in front of a product catalogue database serving 300,000 reads per second",
  "Design a rate limiter for a public API where each tenant gets 500 requests per minute across 20 gateway nodes",
  "Design a job scheduler that runs cron jobs for 10,000 tenants and must never run the same job twice at once",
  "Design a membership service for a cluster of 2,000 servers that notices a dead server within 5 seconds",
  "Design a key-value store for shopping sessions serving 300,000 reads per second",
  "Design a feature flag service for 200 microservices where a flag change reaches every server within 10 seconds",
];

describe("the sentence shapes over a small fixed corpus", () => {
  it("no decision, capacity chain or knowledge sentence runs past one breath", () => {
    const long: string[] = [];
    let sentences = 0;
    for (const p of CORPUS) {
      const s = writeScript(design(p));
      sentences += s.steps.reduce((n, st) => n + st.sentences.length, 0);
      for (const x of shapeProblems(s))
        if (x.shape === "over 30 words") long.push(`${x.step} ${x.slot}: ${x.sentence}`);
    }
    // the templates this corpus exercises (a pick and the option it beats, a flip, a sizing chain, an assumption)
    expect(long.filter((x) => /: (?:I'd pick|I'd go|At |I'm assuming|.* would win if)/.test(x))).toEqual([]);
    expect(long.length).toBeLessThanOrEqual(2);
    expect(sentences).toBeGreaterThan(300);
  }, 120_000);
});
