import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_RECOGNITION } from "../scripts/build-recognition.js";
import { compileFromTables, recognitionSource } from "../src/engine/recognize/compile.js";
import { compiledSignals, compiledSystemNames, recognitionKnowledge } from "../src/engine/recognize/index.js";
import {
  combine,
  compileSignal,
  everySignal,
  type Hit,
  rankTexts,
  type Signal,
  signalList,
} from "../src/engine/recognize/match.js";
import { fromPlain, packSignals, toPlain, unpackSignal } from "../src/engine/recognize/plain.js";
import { recognize } from "../src/engine/recognize/recognize.js";
import { compileLists } from "../src/engine/recognize/signals.js";
import { systemNamesOf } from "../src/engine/references.js";
import { ALIASES } from "../src/knowledge/aliases.js";
import { compileKnowledge } from "../src/knowledge/compile.js";
import { FEATURES, PRODUCTS } from "../src/knowledge/features/index.js";
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
    expect(everySignal(loaded.index)).toEqual(everySignal(fresh.index));
    expect(loaded.index.byStem).toEqual(fresh.index.byStem);
    expect(loaded.index.byShape).toEqual(fresh.index.byShape);
    expect(loaded.index.vocabulary).toEqual(fresh.index.vocabulary);
    const { signals: loadedFamilies, ...loadedCombinations } = loaded.combinations ?? { signals: signalList([]) };
    const { signals: freshFamilies, ...freshCombinations } = fresh.combinations ?? { signals: signalList([]) };
    expect(loadedCombinations).toEqual(freshCombinations);
    expect(everySignal(loadedFamilies)).toEqual(everySignal(freshFamilies));
    expect(loadedFamilies.size).toBeGreaterThan(0);
    expect(loaded.focus).toEqual(fresh.focus);
    expect(loaded.opener).toEqual(fresh.opener);
    expect(loaded.productFeatures).toEqual(fresh.productFeatures);
    expect(toPlain(fromPlain(toPlain(fresh), ARCHETYPES))).toEqual(toPlain(fresh));
  });

  it("hold the alias, product and feature phrases the design matches, compiled as from the tables", () => {
    const lists = recognitionKnowledge().lists?.();
    expect(lists).toEqual(compileLists({ aliases: ALIASES, products: PRODUCTS, features: FEATURES }));
    expect(lists?.aliases.length).toBe(ALIASES.length);
    expect(lists?.products[PRODUCTS.findIndex((p) => p.aliases?.length)]?.length).toBeGreaterThan(1);
    expect(compiledSignals("features", FEATURES.length)).toBe(lists?.features);
    expect(() => compiledSignals("aliases", ALIASES.length + 1)).toThrow(/do not match the knowledge's .* rows: run/);
  });

  it("hold the named systems in the order the design looks for them, longest first", () => {
    const names = compiledSystemNames();
    expect(names).toEqual(systemNamesOf(ARCHETYPES));
    expect(names).toContain("Amazon S3");
    expect(names?.indexOf("Amazon S3")).toBeLessThan(names?.indexOf("S3") ?? -1);
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
    expect(everySignal(loaded.index).every((sig) => sig.rank !== undefined)).toBe(true);
  });
});

describe("the packed signals", () => {
  const fresh = compileFromTables(ARCHETYPES);

  it("unpack into the signals that were packed, with their keys in the same order", () => {
    const signals = everySignal(fresh.index);
    const packed = packSignals(signals);
    signals.forEach((s, i) => {
      const back = unpackSignal(packed, i);
      expect(back).toStrictEqual(s);
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    });
  });

  it("write every number back as it was: whole, fractional, negative, large, at each digit-count boundary", () => {
    const s = everySignal(fresh.index)[0] as Signal;
    const values = [
      0,
      1,
      13,
      14,
      27,
      28,
      391,
      392,
      783,
      784,
      10975,
      10976,
      2 ** 24 - 1,
      2 ** 24,
      2 ** 40,
      -1,
      -0.25,
      0.35,
    ];
    const signals = values.map((v, i) => ({ ...s, weight: v, slack: i, rank: values.length * 1000 - v }));
    const packed = packSignals(signals);
    expect(packed.data).toMatch(/^[#-Z]*$/);
    for (const [i, sig] of signals.entries()) expect(unpackSignal(packed, i)).toStrictEqual(sig);
  });

  it("decode a loaded table's signal only when it is asked for, and once", () => {
    const kb = fromPlain(toPlain(fresh), ARCHETYPES);
    const first = kb.index.at(0);
    expect(kb.index.at(0)).toBe(first);
    expect(() => kb.index.at(kb.index.size)).toThrow(/no signal at position/);
  });

  it("refuse a signal key or value the packing cannot write back", () => {
    const s = everySignal(fresh.index)[0] as Signal;
    expect(() => packSignals([{ ...s, extra: 1 } as Signal])).toThrow(/unknown key 'extra'/);
    expect(() => packSignals([{ ...s, weight: Number.NaN }])).toThrow(/weight is not a number/);
    expect(() => packSignals([{ ...s, concept: 1 } as unknown as Signal])).toThrow(/concept is not a boolean/);
  });
});
