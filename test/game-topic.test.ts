import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

/** Everything a design says about its shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.operations, d.components, d.api, d.dataModel, d.technology, d.decisions, d.mechanisms]);

const GAME =
  "Design a multiplayer game backend where 100 players share a match, the server is authoritative over game state, and state updates reach every player 30 times per second.";

describe("a real-time multiplayer game is drawn as an authoritative server ticking each match", () => {
  const game = design(GAME);
  const paraphrases = [
    "a real-time racing game server for 16 players at 60 Hz",
    "Design the backend for a battle royale game with 5 million daily players and 100-player matches at a 20 Hz tick rate.",
    "Design a browser-based multiplayer trivia game where matches must survive a server crash.",
  ].map((p) => design(p));

  it("speaks of a game server, and a game's leaderboard or a registry of game servers does not", () => {
    expect(game.nfrs.topics).toContain("game-server");
    for (const d of paraphrases) {
      expect(d.nfrs.topics, d.prompt).toContain("game-server");
      expect(d.archetypes[0]?.id, d.prompt).toBe("I13");
    }
    const board = design(
      "Design a real-time leaderboard for a game with 50 million players where a score update shows in the player's global rank within 1 second.",
    );
    expect(board.nfrs.topics ?? []).not.toContain("game-server");
    const registry = design(
      "Design a registry where game servers announce themselves and matchmakers look up live servers.",
    );
    expect(registry.nfrs.topics ?? []).not.toContain("game-server");
    expect(registry.archetypes[0]?.id).toBe("I10");
  });

  it("keeps a game server's parts: matchmaker, fleet allocator, tick loop, match directory; no document editing", () => {
    for (const d of [game, ...paraphrases]) {
      const names = d.components.map((c) => c.name).join("\n");
      for (const part of ["Matchmaker", "fleet allocator", "fixed tick loop", "Match directory"])
        expect(names, `${d.prompt}: ${part}`).toContain(part);
      const input = d.api.find((a) => a.operation === "send inputs");
      expect(input?.request).toEqual(expect.arrayContaining(["input_seq"]));
      const text = said(d);
      for (const word of ["ShareDB", "Yjs", "transform the submitted", "Operation log", "Editors"])
        expect(text, `${d.prompt}: ${word}`).not.toContain(word);
      expect(checkCoherence(d), d.prompt).toEqual([]);
    }
    expect(game.invariants[0]?.statement).toMatch(/^No PlayerInput changes a match until the server that owns/);
    const script = JSON.stringify(writeScript(game));
    expect(script).not.toMatch(/operational transformation/);
  });

  it("reads the stated players per match and the tick rate, and sizes each match's egress from them", () => {
    expect(game.nfrs.scale.max_participants).toBe(100);
    expect(game.nfrs.scale.tick_rate_hz).toBe(30);
    const egress = game.capacity.find((r) => r.id === "match_egress");
    expect(egress?.value).toBe(100 * 30 * 100 * 30);
    const [racing, royale] = paraphrases;
    expect(racing?.nfrs.scale.tick_rate_hz).toBe(60);
    expect(racing?.capacity.find((r) => r.id === "matches")?.value).toBe(1);
    expect(royale?.nfrs.scale.max_participants).toBe(100);
    expect(royale?.nfrs.scale.tick_rate_hz).toBe(20);
  });

  it("a browser game takes WebSocket, a match that must survive a crash resumes from its checkpoint", () => {
    const [, , trivia] = paraphrases;
    expect(game.decisions.find((r) => r.id === "i13-game-transport")?.chosen).toBe("udp-deltas");
    expect(game.decisions.find((r) => r.id === "i13-game-crash")?.chosen).toBe("end-match");
    expect(trivia?.decisions.find((r) => r.id === "i13-game-transport")?.chosen).toBe("websocket");
    expect(trivia?.decisions.find((r) => r.id === "i13-game-crash")?.chosen).toBe("resume-from-checkpoint");
  });

  it("a tick rate is read only where a game is spoken of", () => {
    const sensors = design("Design a pipeline for 10,000 vibration sensors sampled at 100 Hz.");
    expect(sensors.nfrs.scale.tick_rate_hz).toBeUndefined();
  });
});
