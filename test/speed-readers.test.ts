import { describe, expect, it } from "vitest";
import { holdsSourcePathLiteral } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { keptJsonText } from "../src/engine/design/keep.js";
import { designJson, designJsonBytes } from "../src/render/design-json.js";
import { withScript } from "../src/render/script/index.js";

// Readers made cheaper for speed must answer as the plain reading would.

const LITERALS = ["src/", "knowledge/", "engine/", "render/", "cli/", "server/", ".ts"];

describe("holdsSourcePathLiteral", () => {
  it("answers as looking for each literal would, on texts made of the literals' pieces", () => {
    const pieces = [
      "src",
      "cli",
      "engine",
      "render",
      "server",
      "knowledge",
      "/",
      ".",
      "ts",
      "s",
      "r",
      "c",
      "i",
      " ",
      '"',
    ];
    // a fixed linear congruential sequence: the same texts on every run
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    let holding = 0;
    for (let n = 0; n < 20000; n++) {
      let text = "";
      const length = next() % 12;
      for (let k = 0; k < length; k++) text += pieces[next() % pieces.length];
      const expected = LITERALS.some((l) => text.includes(l));
      if (expected) holding++;
      expect(holdsSourcePathLiteral(text), text).toBe(expected);
    }
    // both answers are exercised
    expect(holding).toBeGreaterThan(1000);
    expect(holding).toBeLessThan(19000);
  });

  it("finds a folder's slash after other slashes, and at the text's start", () => {
    expect(holdsSourcePathLiteral('"POST /v1/jobs" then cli/x')).toBe(true);
    expect(holdsSourcePathLiteral("src/a")).toBe(true);
    expect(holdsSourcePathLiteral("/v1/desks/{desk_id}")).toBe(false);
    expect(holdsSourcePathLiteral("p99/p50 of a render")).toBe(false);
  });
});

describe("the field texts the coherence rules hand on", () => {
  // prompts of this test alone, so each is derived afresh here
  const prompts = [
    "Design a watering rota for community gardens: volunteers claim a bed's watering shift and swap it with others",
    "Design a study-desk booking system for a university library where students reserve a desk by the hour",
  ];
  for (const prompt of prompts)
    it(`serve the design's JSON unchanged: ${prompt.slice(0, 40)}…`, () => {
      const r = deriveDesign(prompt);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      // the rules read the fields' JSON, and the texts are kept beside the frozen fields
      expect(keptJsonText(r.design.api)).toBe(JSON.stringify(r.design.api));
      expect(keptJsonText(r.design.dataModel)).toBe(JSON.stringify(r.design.dataModel));
      const scripted = withScript(r.design);
      const plain = JSON.stringify(scripted);
      expect(designJson(scripted)).toBe(plain);
      expect(designJsonBytes(scripted, "\n").toString("utf8")).toBe(`${plain}\n`);
    });
});
