import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_RECOGNITION } from "../scripts/build-recognition.js";
import { compileFromTables, recognitionSource } from "../src/engine/recognize/compile.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { combine, compileSignal, type Hit, rankTexts, type Signal } from "../src/engine/recognize/match.js";
import { fromPlain, toPlain } from "../src/engine/recognize/plain.js";
import { recognize } from "../src/engine/recognize/recognize.js";
import { compileKnowledge } from "../src/knowledge/compile.js";
import { ARCHETYPES } from "../src/knowledge/index.js";

const corpus = [
  ...readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8").split("\n"),
  ...readFileSync(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { prompt: string }).prompt),
].filter((p) => p.trim() && !p.startsWith("#"));

describe("the compiled recognition tables", () => {
  it("are up to date with the signal tables and cards (run `npm run kb` after editing signals)", () => {
    const source = recognitionSource(compileKnowledge().archetypes);
    expect(
      readFileSync(GENERATED_RECOGNITION, "utf8") === source,
      "generated/recognition.ts is stale: run `npm run kb`",
    ).toBe(true);
  });

  it("load back into the same tables: every signal, index entry, word family and pattern", () => {
    const fresh = compileFromTables(ARCHETYPES);
    const loaded = recognitionKnowledge();
    expect(loaded.size).toBe(fresh.size);
    expect([...loaded.index.order.keys()]).toEqual([...fresh.index.order.keys()]);
    expect(loaded.index.byStem).toEqual(fresh.index.byStem);
    expect(loaded.index.byShape).toEqual(fresh.index.byShape);
    expect(loaded.index.vocabulary).toEqual(fresh.index.vocabulary);
    expect(loaded.combinations).toEqual(fresh.combinations);
    expect(loaded.focus).toEqual(fresh.focus);
    expect(loaded.opener).toEqual(fresh.opener);
    expect(loaded.productFeatures).toEqual(fresh.productFeatures);
    expect(toPlain(fromPlain(toPlain(fresh), ARCHETYPES))).toEqual(toPlain(fresh));
  });

  it("recognise every corpus prompt exactly as tables compiled from source do", () => {
    const fresh = compileFromTables(ARCHETYPES);
    const loaded = recognitionKnowledge();
    expect(corpus.length).toBeGreaterThan(100);
    for (const p of corpus) expect(recognize(p, loaded), p).toEqual(recognize(p, fresh));
  });

  it("order hits of equal weight by the rank fixed at compile time, not by the runtime's collation", () => {
    const hit = (text: string, rank?: number): Hit => {
      const signal = compileSignal(text, 0.5, "phrase") as Signal;
      return { signal: rank === undefined ? signal : { ...signal, rank }, covers: [0], quoted: text, fuzzy: false };
    };
    const first = (hits: Hit[]) => combine(hits, (h) => h.signal.weight).counted[0]?.signal.text;
    // Without ranks the collation decides ("alpha" first); with ranks the compiled order does.
    expect(first([hit("beta"), hit("alpha")])).toBe("alpha");
    expect(first([hit("alpha", 1), hit("beta", 0)])).toBe("beta");
    expect([...rankTexts(["b", "a", "a"])]).toEqual([
      ["a", 0],
      ["b", 1],
    ]);
    const loaded = recognitionKnowledge();
    expect([...loaded.index.order.keys()].every((sig) => sig.rank !== undefined)).toBe(true);
  });
});
