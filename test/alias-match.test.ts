import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clauses, matchAlias } from "../src/engine/fields/requirements.js";
import { compiledSignals } from "../src/engine/recognize/index.js";
import { findSignal } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import { ALIASES } from "../src/knowledge/aliases.js";

/** The alias row a scan of every row finds: the first whose phrase matches the most words. */
function scanned(clause: string): (typeof ALIASES)[number] | undefined {
  const tokens = tokenize(clause);
  let best: { row: (typeof ALIASES)[number]; n: number } | undefined;
  compiledSignals("aliases", ALIASES.length).forEach((signals, i) => {
    for (const s of signals)
      if ((!best || s.stems.length > best.n) && findSignal(tokens, s))
        best = { row: ALIASES[i] as never, n: s.stems.length };
  });
  return best?.row;
}

describe("stated asks", () => {
  it("reads each clause as the alias row a scan of every row reads, looking rows up by their words", () => {
    const prompts = ["corpus.txt", "arch-prompts.txt"].flatMap((f) =>
      readFileSync(new URL(`./fixtures/${f}`, import.meta.url), "utf8")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("#")),
    );
    let matched = 0;
    for (const c of new Set(prompts.flatMap(clauses))) {
      const want = scanned(c);
      expect(matchAlias(c), c).toBe(want);
      if (want) matched++;
    }
    expect(matched).toBeGreaterThan(10);
  });
});
