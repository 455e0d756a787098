import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { design, writeScript } from "../src/lib/index.js";
import { contentProblems } from "../src/render/script/check.js";
import { cheatLine } from "../src/render/script/index.js";
import { placeholderSaid, placeholderSpeech, placeholdersOf } from "../src/render/script/placeholders.js";
import { drawnSaid } from "../src/render/script/steps.js";

const unbalanced = (s: string) => (s.match(/\(/g) ?? []).length !== (s.match(/\)/g) ?? []).length;

describe("script hygiene", () => {
  it("a cheat-sheet answer is never cut inside brackets", () => {
    const a = cheatLine(
      "nowhere it matters: ordering is not required (not stated; the default ordering (a due item may fire a little late or twice (receivers are idempotent) but must never be lost))",
    );
    expect(unbalanced(a)).toBe(false);
    expect(a).toBe("Nowhere it matters: ordering is not required.");
  });

  it("a cheat-sheet answer is cut where a clause ends, not after its label", () => {
    const a = cheatLine(
      "Release missed: a worker claims a run, crashes, and the run sits in claimed forever: Claims carry claim_expires_at and long runs heartbeat to extend it; then the sweeper returns runs",
    );
    expect(a).toBe("Release missed: a worker claims a run, crashes, and the run sits in claimed forever.");
    expect(a).not.toMatch(/…/);
  });

  it("the spoken box count is the count the diagram draws", () => {
    expect(drawnSaid(["a", "b", "c"], [])).toBe("Let me draw this. Three boxes: a, b and c.");
    expect(drawnSaid(["a", "b", "c", "d", "e", "f"], ["store", "service", "store"])).toBe(
      "Let me draw this. The six boxes that matter most are a, b, c, d, e and f. The rest I add as we reach them: two stores and a service.",
    );
  });

  it("a renamed unit is said by the prompt's noun, never the card's placeholder alternatives", () => {
    for (const p of [
      "Design a collaborative document editor like Google Docs where 50 people can edit the same document at once and every editor converges to the same text.",
      "Build a shared document editor where many people type into one document at the same time.",
    ]) {
      const d = design(p);
      const s = writeScript(d);
      const hld = s.steps.find((x) => x.cue?.kind === "hld")?.cue?.say ?? "";
      const said = [
        ...s.steps.flatMap((x) => [
          ...x.lines.map((l) => l.text),
          ...x.followUps.flatMap((f) => [f.question, f.answer]),
        ]),
        ...s.cheatSheet.checklist.map((c) => c.answer),
        ...s.deepDives.flatMap((x) => [x.topic, x.why]),
      ].join("\n");
      expect(said).not.toMatch(/room, board or match|\bsubjects?\b/i);
      expect(said).not.toMatch(/\bEach document is one document\b/);
      if (d.components.length > 10) expect(hld).toContain(`${d.components.length} boxes`);
    }
  });
});

describe("no script speaks a card's placeholder alternatives", () => {
  const prompts = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  it("on every corpus prompt, nor says a cheat-sheet answer with an unclosed bracket", () => {
    for (const p of prompts) {
      const d = design(p);
      const s = writeScript(d);
      const problems = contentProblems(d, s).filter((x) => x.problem.startsWith("a card's placeholder"));
      expect(problems, p).toEqual([]);
      for (const c of s.cheatSheet.checklist) expect(unbalanced(c.answer), `${p}: ${c.answer}`).toBe(false);
    }
  });

  it("the check catches a placeholder list and a generic unit name", () => {
    const d = design("Design a collaborative document editor like Google Docs.");
    const p = placeholdersOf(d);
    expect(placeholderSpeech(d)("about a hundred thousand documents, rooms or matches open at once")).toBe(
      "about a hundred thousand documents open at once",
    );
    expect(placeholderSaid("It is the shared document, room, board or match.", p)).toBe(
      "shared document, room, board or match",
    );
  });
});
