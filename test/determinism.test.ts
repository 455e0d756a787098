import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { classify } from "../src/engine/recognize/index.js";

const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
const PROMPTS = readFileSync(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => (JSON.parse(l) as { prompt: string }).prompt);

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 2 ** 30 });

describe("determinism", () => {
  it("two separate processes give byte-identical designs for every prompt", () => {
    // Separate processes share no cache, so anything time-, order- or randomness-dependent shows up here.
    const forward = `${PROMPTS.join("\n")}\n`;
    const reversed = `${[...PROMPTS].reverse().join("\n")}\n`;
    const a = run(["design", "--format", "jsonl"], forward);
    const b = run(["design", "--format", "jsonl"], reversed);
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(a.stdout.trim().split("\n")).toEqual(b.stdout.trim().split("\n").reverse());
  });

  it("the same prompt gives the same design whether or not another came in between", () => {
    for (const p of PROMPTS) {
      const first = JSON.stringify(design(p));
      design("Design a distributed rate limiter for an API gateway");
      expect(JSON.stringify(design(p)), p).toBe(first);
    }
  });

  it("a caller cannot change what later calls return", () => {
    const p = "Design a distributed lock service";
    const before = JSON.stringify(design(p));
    const r = classify(p);
    expect(() => {
      (r.archetypes as unknown[]).length = 0;
    }).toThrow(TypeError);
    const d = design(p);
    expect(() => {
      (d.archetypes as unknown[]).length = 0;
    }).toThrow(TypeError);
    // a design is frozen through (its parts may be shared with other designs); a caller's copy is its own
    expect(() => {
      d.mechanisms.length = 0;
    }).toThrow(TypeError);
    const own = structuredClone(d);
    own.mechanisms.length = 0;
    expect(JSON.stringify(design(p))).toBe(before);
  });
});
