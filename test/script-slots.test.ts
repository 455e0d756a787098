import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { label } from "../src/engine/output/mermaid.js";
import { slotProblems } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { actionName } from "../src/render/script/speak.js";
import type { Script } from "../src/render/script/types.js";

/** A one-step script saying `sentences`, to run the checks on text of a known shape. */
const saying = (...sentences: string[]): Script =>
  ({ steps: [{ step: 5, sentences, followUps: [] }], deepDives: [] }) as unknown as Script;

describe("every template slot is filled with text of its shape", () => {
  it("flags a list item cut to a quantifier and a number, a doubled word and a condition wrapped around a sentence", () => {
    const d = design("Design a lock service for 5,000 clients");
    const problems = slotProblems(
      d,
      saying(
        "Control loops cover reassigning partitions, each of 1 and claiming sequencing ownership.",
        "The the record is kept.",
        "One primary would win if When the metadata is advisory, stale updates are fine.",
      ),
    ).map((p) => p.problem.split(":")[0]);
    expect(problems).toContain("a list item cut short");
    expect(problems).toContain("a word said twice");
    expect(problems).toContain("a condition wrapped around a sentence");
  });
  it("a thousands separator is no clause break: an action's short name never ends on 'each of 1'", () => {
    expect(
      actionName("each of 1,500 subscriber groups receives every message on the topics it subscribes to"),
    ).not.toBe("each of 1");
  });
  it("a stated number read twice, once cut inside the other's words, is said once by its fuller reading", () => {
    const d = design(
      "Design a pub/sub system for order events: 300 producer services publish 400,000 messages per second and each of 1,500 subscriber groups receives every message",
    );
    const said = writeScript(d).steps[0]?.sentences.join(" ") ?? "";
    expect(said).toMatch(/The numbers given are/);
    expect(said).not.toMatch(/\b1,?500 users\b/);
    expect(said).toMatch(/1,500 subscriber groups/);
  });
  it("a long label keeps whole words and its aside's lead, never a '…' cut", () => {
    expect(label("copy closed segments; read them back on demand when a consumer asks for an old offset", 36)).toBe(
      "copy closed segments",
    );
    expect(label("Object store (remote tier of closed segments held for the full retention)", 48)).toBe(
      "Object store (remote tier of closed segments)",
    );
    const long = label("append the record to the partition leader and wait for every in-sync follower to copy it", 36);
    expect(long).not.toMatch(/…|\b(?:to|the|and)$/);
    expect(long.length).toBeLessThanOrEqual(36);
  });
  it("a designed script's labels are never cut with '…'", () => {
    const d = design("Design a job scheduler that runs 20,000 cron jobs a minute across three regions");
    expect(slotProblems(d, writeScript(d)).filter((p) => p.problem.startsWith("a diagram label"))).toEqual([]);
  });
});
