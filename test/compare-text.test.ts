import { describe, expect, it } from "vitest";
import { compareText } from "../src/engine/text.js";
import { ARCHETYPES } from "../src/knowledge/index.js";

const sign = (n: number) => Math.sign(n);

describe("compareText orders as localeCompare does", () => {
  it("on every pair of printable ASCII characters", () => {
    const cs = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    for (const a of cs)
      for (const b of cs) expect([a, b, sign(compareText(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });

  it("on generated texts that differ in case, punctuation and length", () => {
    // A fixed linear congruential sequence: the same texts on every run.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const alphabet = "aAbB -_.0/9zZ'(";
    const texts = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + (next() % 5) }, () => alphabet[next() % alphabet.length]).join(""),
    );
    for (const a of texts)
      for (const b of texts.slice(0, 80))
        expect([a, b, sign(compareText(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });

  it("on the knowledge base's names, and on text outside ASCII", () => {
    const names = [
      ...new Set(ARCHETYPES.flatMap((a) => [a.id, ...a.signals.systems.flatMap((s) => [s.name, ...s.aliases])])),
      "Zoë",
      "zoe",
      "Ångström",
    ];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
