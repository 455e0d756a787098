import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { design as scripted } from "../src/lib/index.js";

const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "leaderboard-shape");
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const row = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);

describe("a leaderboard ranks members in an ordered set derived from a durable score store", () => {
  const game = design(
    "Design a real-time leaderboard for a game with 50 million players where a score update shows in the player's global rank within 1 second",
  );

  it("is spoken for leaderboards, high scores, top players and rankings of people; never for a search ranking", () => {
    for (const p of [
      "Design a game leaderboard",
      "Show the top 100 players and each player's rank",
      "A ranking of sellers by sales updated live",
      "Design a high-score table for an arcade game",
      "Rank contributors on a Q&A site by reputation",
    ])
      expect(topicsSpoken(p).map((t) => t.value)).toContain("leaderboard");
    for (const p of [
      "Design a document search service that periodically re-indexes every document to pick up ranking changes.",
      "Switch the search ranking formula for 10% of queries, compare results, then roll it to everyone.",
      "The top 10 trending hashtags in the last hour",
    ])
      expect(topicsSpoken(p).map((t) => t.value)).not.toContain("leaderboard");
  });

  it("draws the score record and an ordered set per board, reads a rank and the top, and no search pipeline", () => {
    expect(game.archetypes[0]?.id).toBe("I06");
    expect(game.nfrs.topics).toContain("leaderboard");
    expect(game.dataModel.map((m) => m.entity)).toEqual(expect.arrayContaining(["PlayerScore", "RankedBoard"]));
    expect(game.api.map((a) => a.operation)).toEqual(["submit score", "get rank", "top k"]);
    expect(drawn(game)).toMatch(/ZREVRANK/);
    expect(drawn(game)).not.toMatch(/SourceRecord|IndexDocument|Elasticsearch|receive|visibility_timeout|search\?q=/);
    expect(game.archetypes.map((a) => a.id)).toEqual(["I06"]);
    expect(shape(game)).toEqual([]);
  });

  it("names the ordered set as the core and sets the stored score rather than an increment", () => {
    const script = scripted(game.prompt)
      .script.map((s) => s.text)
      .join("\n");
    expect(script).toMatch(/The core mechanism is an ordered set with rank by count above/);
    expect(script).not.toMatch(/transactional outbox/);
    expect(game.operations.some((o) => o.mechanism === "order-statistic-index")).toBe(true);
  });

  it("sizes from the stated players and holds the time to a visible rank to the stated second", () => {
    expect(row(game, "board_bytes")?.value).toBeCloseTo(50e6 * 100, -6);
    expect(row(game, "peak_score_updates")?.value).toBeGreaterThan(5000);
    const visible = row(game, "rank_visible_seconds");
    expect(visible?.bound?.quantity).toBe("propagation_seconds");
    expect(visible?.value).toBeLessThan(1);
    const structure = game.decisions.find((x) => x.id === "i06-lb-structure");
    expect(structure?.chosen).toBe("one-sorted-set");
    expect(game.decisions.find((x) => x.id === "i06-lb-apply")?.chosen).toBe("in-request");
  });

  it("reads 'the top 100 players' as a page's length, not as how many players there are", () => {
    const scale = parseStatedNfrs(
      "Show the top 100 players and each player's rank, for a mobile game with 5 million daily players",
    ).scale;
    expect(scale.users?.value).toBe(5e6);
    expect(scale.top_k?.value).toBe(100);
  });

  it("splits a board past one node by score range, and a non-game ranking keeps the same shape", () => {
    const huge = design(
      "Design a leaderboard for a global game with 800 million players and 200k score updates per second",
    );
    expect(huge.decisions.find((x) => x.id === "i06-lb-structure")?.chosen).toBe("score-range-shards");
    expect(row(huge, "rank_shards")?.value).toBeGreaterThanOrEqual(2);
    const reputation = design(
      "Rank contributors on a Q&A site by reputation, updated within a few seconds of each upvote",
    );
    expect(reputation.archetypes[0]?.id).toBe("I06");
    expect(reputation.dataModel.map((m) => m.entity)).toContain("RankedBoard");
    expect(shape(reputation)).toEqual([]);
  });

  it("the coherence rule fires on a leaderboard drawn as a search projection", () => {
    const broken = {
      ...game,
      api: game.api.filter((a) => a.operation !== "get rank"),
      dataModel: [
        ...game.dataModel.filter((m) => m.entity !== "RankedBoard"),
        { ...game.dataModel[0], entity: "IndexDocument" },
      ],
      capacity: game.capacity.filter((c) => c.id !== "rank_visible_seconds"),
    } as ReturnType<typeof design>;
    const details = shape(broken).map((p) => p.detail);
    expect(details).toEqual(
      expect.arrayContaining([
        "no RankedBoard record is drawn",
        "no API call reads a member's rank",
        "IndexDocument is a search projection's entity",
      ]),
    );
    expect(details.some((x) => /bounds no time to a visible rank/.test(x))).toBe(true);
  });
});
