import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { designJson, designJsonBytes } from "../src/render/design-json.js";
import { withScript } from "../src/render/script/index.js";

const PROMPTS = [
  "Design a booking system for a chain of climbing gyms where a slot is never sold twice",
  "Design a metrics pipeline that ingests 2 million points per second from factory sensors with p99 read under 200 ms",
  "Design a URL shortener for a newsletter platform",
];

describe("designJson: JSON.stringify's text, written from kept parts", () => {
  it("is JSON.stringify's text for designs met first, again, and with words no field reads", () => {
    // a prompt's third and later sightings share kept parts with earlier designs: their texts are joined from memory
    for (const round of ["", "", " (case 1)", " (case 2)", ""])
      for (const p of PROMPTS) {
        const r = deriveDesign(`${p}${round}`);
        if (!r.ok) throw new Error(r.error);
        const scripted = withScript(r.design);
        expect(designJson(scripted)).toBe(JSON.stringify(scripted));
        expect(designJsonBytes(scripted, "\n").equals(Buffer.from(`${JSON.stringify(scripted)}\n`))).toBe(true);
        expect(designJson(r.design)).toBe(JSON.stringify(r.design));
      }
  });

  it("is JSON.stringify's text for records JSON treats specially", () => {
    const frozen = Object.freeze({ a: [1, 2], b: Object.freeze({ c: "x" }) });
    const cases: object[] = [
      {},
      { a: undefined, b: () => 1, c: Symbol("s"), d: null, e: 1.5, f: 'q"\n' },
      { only: undefined },
      { frozen, again: frozen, open: { a: [undefined, () => 1] } },
      { 2: "two", 1: "one", z: 0 },
      { when: new Date(0) },
      { toJSON: () => ({ replaced: true }) },
      { part: { toJSON: (key: string) => `key ${key}` } },
      Object.freeze({ nested: Object.freeze([Object.freeze({ deep: true })]) }),
    ];
    for (const c of cases) {
      expect(designJson(c)).toBe(JSON.stringify(c));
      expect(designJsonBytes(c).toString("utf8")).toBe(JSON.stringify(c));
    }
    // text outside ASCII (a two-byte string, a pair of surrogates) comes out as the same UTF-8 bytes
    const wide = Object.freeze({ a: Object.freeze(["≤ 2 ms → ok", "😀"]), b: "×3", c: Object.freeze({}) });
    expect(designJsonBytes(wide, "\n").equals(Buffer.from(`${JSON.stringify(wide)}\n`))).toBe(true);
  });
});
