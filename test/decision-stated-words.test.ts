import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

// Invented prompts: each states a rejected option's win condition in words no NFR parser reads (a count that must
// never take an event twice, a match that outlives its server, a writer who sees their own change at once, a version
// frozen once published, failed traces always kept, writes taken through a partition); the stated condition decides,
// and a prompt that does not state it keeps the default.
const row = (prompt: string, id: string) => design(prompt).decisions.find((r) => r.id === id);
const against = (prompt: string) =>
  checkCoherence(design(prompt)).filter((p) =>
    ["flip-condition-holds", "decision-condition-stated", "option-not-carried"].includes(p.rule),
  );

describe("a rejected option's win condition stated in the prompt's own words decides", () => {
  it("a shown count that must never take an event twice is counted exactly", () => {
    const twice =
      "Keep play counters for songs shown on each track page, counted from play events; a play must never be counted twice.";
    const r = row(twice, "i06-agg-count");
    expect(r?.chosen).toBe("exact");
    expect(r?.because).toMatch(/counted twice/);
    expect(against(twice)).toEqual([]);
    const once =
      "Keep visit counters for pages on our blog platform, counted from visit events; each visit is counted exactly once even when the browser retries.";
    expect(row(once, "i06-agg-count")?.chosen).toBe("exact");
    // a shown count with no such rule, or one that accepts a repeat, keeps the small dedupe window
    expect(
      row(
        "Keep play counters for songs shown on each track page, counted from play events and updated within seconds.",
        "i06-agg-count",
      )?.chosen,
    ).toBe("at-least-once");
    expect(
      row(
        "Keep visit counters for pages on our blog platform, counted from visit events; a visit may be counted twice after a retry.",
        "i06-agg-count",
      )?.chosen,
    ).toBe("at-least-once");
  });

  it("a match that must outlive its game server resumes from a checkpoint", () => {
    const survive =
      "Design the game server fleet for a ranked team shooter: each match runs on one game server, and a match must survive its server crashing.";
    expect(row(survive, "i13-game-crash")?.chosen).toBe("resume-from-checkpoint");
    const single =
      "Design the game servers for a tournament shooter where a match keeps running when any single game server fails.";
    const r = row(single, "i13-game-crash");
    expect(r?.chosen).toBe("resume-from-checkpoint");
    expect(r?.because).toMatch(/any single game server fails/);
    expect(against(single)).toEqual([]);
    // short casual matches with nothing said about a server's death end with it
    expect(
      row(
        "Design the game servers for a casual 5-minute arcade shooter: matches run on one game server each, players matched by skill.",
        "i13-game-crash",
      )?.chosen,
    ).toBe("end-match");
    expect(
      row("A battle royale backend for 100 players per match with matchmaking by region and skill.", "i13-game-crash")
        ?.chosen,
    ).toBe("end-match");
  });

  it("a writer who must see their own change at once is not served from a copy fed afterwards", () => {
    const ticket =
      "Keep a search index of the helpdesk tickets in step with the tickets table; an agent must see their own ticket in search results immediately after creating it.";
    const r = row(ticket, "i06-update");
    expect(r?.chosen).toBe("sync-write");
    expect(r?.because).toMatch(/see their own ticket/);
    expect(
      row(
        "A shopper must always see their own product question right after posting it, though others may see it in a minute.",
        "i06-update",
      )?.chosen,
    ).toBe("sync-write");
    // a copy allowed to lag, or one where only other readers' views matter, stays asynchronous
    expect(
      row(
        "Keep a search index of the helpdesk tickets in step with the tickets table; search may lag writes by a few seconds.",
        "i06-update",
      )?.chosen,
    ).toBe("async-stream");
    expect(
      row("Keep a search index of product listings in step with the catalogue table for shoppers.", "i06-update")
        ?.chosen,
    ).toBe("async-stream");
  });

  it("a cache whose writer must see their own edit at once is written through", () => {
    const own =
      "Put a cache in front of the profile database so profile pages load fast; a user must see their own profile edits right after saving them.";
    const r = row(own, "i07-write-policy");
    expect(r?.chosen).toBe("write-through");
    expect(r?.because).toMatch(/see their own profile edits right after/);
    expect(
      row(
        "Put a cache in front of the product database so product pages load fast under heavy reads.",
        "i07-write-policy",
      )?.chosen,
    ).toBe("cache-aside");
  });

  it("a version frozen once published is addressed by name and version", () => {
    const nobody =
      "Each game studio publishes builds to our artifact registry; once a build is published under a version number nobody may change it.";
    const r = row(nobody, "i14-addressing");
    expect(r?.chosen).toBe("by-name-once");
    expect(r?.because).toMatch(/nobody may change/);
    expect(
      row(
        "Each firmware release is a signed bundle that never changes, and devices download it by version from the registry.",
        "i14-addressing",
      )?.chosen,
    ).toBe("by-name-once");
    // layers shared by content digest, or nothing said about changing a version, keep the digest
    expect(
      row(
        "Store container images for our CI system, deduplicating layers by content digest and pulling them from many clusters.",
        "i14-addressing",
      )?.chosen,
    ).toBe("by-digest");
    expect(
      row(
        "Teams publish nightly builds to an artifact store and the latest tag moves to the newest one.",
        "i14-addressing",
      )?.chosen,
    ).toBe("by-digest");
  });

  it("failed and slow traces always kept need the whole trace to decide", () => {
    const keep =
      "Trace requests across 800 microservices, keeping 1 in 1000 traces but always keeping the failed and the slow ones.";
    expect(row(keep, "i18-trace-sampling")?.chosen).toBe("tail");
    expect(
      row(
        "Design distributed tracing for our payment services that samples one trace in 50 yet retains the slowest ones.",
        "i18-trace-sampling",
      )?.chosen,
    ).toBe("tail");
    expect(
      row(
        "Trace requests across 800 microservices, keeping a uniform 1% sample of traces to keep costs down.",
        "i18-trace-sampling",
      )?.chosen,
    ).toBe("head");
    expect(
      row("Design distributed tracing for 200 services that samples one trace in 50 at the edge.", "i18-trace-sampling")
        ?.chosen,
    ).toBe("head");
  });

  it("writes taken through a partition replicate without a leader", () => {
    const p =
      "A multi-region key-value store for shopping preferences; every region must accept writes during a network partition, and conflicting writes are settled by the latest timestamp.";
    expect(row(p, "i16-replication")?.chosen).toBe("leaderless");
    expect(
      row("A key-value store for user settings in one region with reads from a replica.", "i16-replication")?.chosen,
    ).toBe("leader-based");
  });
});
