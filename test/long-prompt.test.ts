import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { checkPrompt } from "../src/engine/prompt.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { everySignal, findSignal } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import { TOPIC_UNLESS, TOPIC_VALUES, TOPIC_WORDS, topicsSpoken } from "../src/knowledge/topics.js";
import { design } from "../src/lib/index.js";

// A long prompt (4,000 characters, the CLI's limit) costs about its length, not its length squared: the scans that
// were quadratic in it (a topic lookaround, a copy of the later words per occurrence of a cue, every rule of the
// coherence verdict run again for a number no rule reads) answer exactly as before.

const LONG =
  `Design a distributed lock service ${"with fencing tokens, renewals and a fair queue of waiters ".repeat(70)}`.slice(
    0,
    3990,
  );

const corpus = [
  ...readFileSync("test/fixtures/corpus.txt", "utf8").split("\n"),
  ...readFileSync("test/fixtures/arch-prompts.txt", "utf8").split("\n"),
].filter((p) => p.trim() !== "" && !p.startsWith("#"));

describe("a topic's unless words", () => {
  // the pattern as it was: the moving words as a lookbehind and a lookahead around the places' words
  const moving = TOPIC_UNLESS.places as string;
  const before = new RegExp(String.raw`(?<!${moving}[\s\S]*)${TOPIC_WORDS.places}(?![\s\S]*${moving})`, "i");
  const texts = [
    ...corpus,
    "Design a local search for restaurants near me",
    "Find restaurants near me and track the courier delivering my order",
    "Restaurants near me. Drivers may wait.",
    "drivers, then restaurants",
    "restaurants,drivers",
    "a yelp for car washes: 5,000 places to eat",
    "Design Yelp's nearby search: 100 million places, 50,000 searches per second",
    "nearby restaurants with live location updates",
    "points of interest; the tracking of nothing",
    "deliveryrestaurants near me",
  ];

  it("keep a topic unspoken wherever they stand, as the lookarounds did", () => {
    for (const text of texts) {
      const m = before.exec(text);
      const spoken = topicsSpoken(text).find((t) => t.value === "places");
      // a topic yielding to another may be left out; the places pattern itself must agree
      if (spoken) expect(m?.[0], text).toBe(spoken.quote);
      if (!m) expect(spoken, text).toBeUndefined();
    }
  });

  it("no topic pattern holds a lookaround that reaches across the whole text", () => {
    const reaching = /\(\?<?[=!][^()]*(?:\([^()]*\)[^()]*)*(?:\[\\s\\S\]|\.)[*+]/;
    for (const t of TOPIC_VALUES) {
      expect(reaching.test(TOPIC_WORDS[t]), t).toBe(false);
      expect(reaching.test(TOPIC_UNLESS[t] ?? ""), t).toBe(false);
    }
  });
});

describe("a signal sought from a later word", () => {
  const signals = everySignal(recognitionKnowledge().index);
  const texts = [
    LONG.slice(0, 600),
    "Jobs run at most once per day; at most once, exactly once delivery; jobs run at most once a day again",
    "Use Redis for a lock, then Redis as a cache, then a Redis lock with fencing, within 10 seconds every 30 minutes",
    "Alert within 5 seconds after a failure; retry 30 seconds later, then within 2 minutes before the deadline",
    "no two writers hold the same lock; never change a committed offset; no gaps, two same; never change it",
    ...corpus.slice(0, 40),
  ];

  it("finds what a search of the later words alone found", () => {
    for (const text of texts) {
      const tokens = tokenize(text);
      const stems = new Set(tokens.map((t) => t.stem));
      for (const s of signals) {
        if (!s.stems.some((x) => stems.has(x)) && s.kind !== "system") continue;
        for (let from = 1; from < tokens.length; from += s.kind === "system" ? 7 : 1) {
          const alone = findSignal(tokens.slice(from), s);
          const later = findSignal(tokens, s, from);
          expect(
            later && { ...later, covers: later.covers.map((i) => i - from) },
            `${s.text} @${from}: ${text}`,
          ).toEqual(alone);
        }
      }
    }
  });
});

describe("the coherence verdict of a prompt's variants", () => {
  it("is every rule's verdict, with the variant's own unread number", () => {
    for (const p of [LONG.slice(0, 3970), corpus[3] as string, corpus[17] as string]) {
      for (const v of [1, 2, 3, 4]) {
        const d = design(`${p} (variant ${v})`);
        expect(d.coherence).toEqual(checkCoherence(d));
        expect(d.coherence.map((x) => x.detail).join("\n")).toContain(`'${v}'`);
      }
    }
  });

  it("a long prompt derives the design of its words", () => {
    const d = design(LONG);
    expect(d.archetypes[0]?.id).toBe(design("Design a distributed lock service with fencing tokens").archetypes[0]?.id);
    expect(d.coherence).toEqual(checkCoherence(d));
  });
});

describe("a prompt's spaces", () => {
  it("collapse as every run of white space replaced by one space, whatever the spaces are", () => {
    for (const text of [
      LONG,
      " a  b ",
      "a\tb",
      "a\u00a0b",
      "a\u2028b",
      "a \nb",
      "a\u3000b",
      "\ufeffab c",
      "a\u200bb",
      "x\r\ny",
    ]) {
      const r = checkPrompt(text);
      expect(r.ok && r.prompt, JSON.stringify(text)).toBe(text.replace(/\s+/g, " ").trim());
    }
  });
});

describe("a kept coherence verdict belongs to its own prompt", () => {
  it("every corpus design's verdict equals a fresh check of that design, after all were derived once", async () => {
    const { readFileSync } = await import("node:fs");
    const prompts = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    // two passes: the second finds every verdict kept, so a verdict kept for another prompt would show here
    for (const p of prompts) design(p);
    for (const p of prompts) {
      const d = design(p);
      expect(d.coherence, p).toEqual(checkCoherence(d));
    }
  });
});
