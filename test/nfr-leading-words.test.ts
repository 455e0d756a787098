import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { leadingWords, STATED_RULES } from "../src/engine/nfr-parse.js";

describe("leadingWords", () => {
  it("reads the words each alternative starts with, without a last letter a quantifier makes optional", () => {
    expect(leadingWords(/\bfail(?:s)?[- ]closed\b|\bmonotonic reads?\b|^Never lose\b/i)).toEqual([
      "fail",
      "monotonic read",
      "never lose",
    ]);
    expect(leadingWords(/\b99\.9+%|\bfifo{1,2}\b|\bab+c/)).toEqual(["99", "fif", "ab"]);
    // an alternative that starts with a group or a class, or with one letter, is always tried
    expect(leadingWords(/\bexactly once\b|\b(?:ok|fine) to lose\b/)).toBeUndefined();
    expect(leadingWords(/\bx?yz|\bfoo/)).toBeUndefined();
    expect(leadingWords(/[ab]c|\bfoo/)).toBeUndefined();
    // a bar inside a group or a class does not split the pattern
    expect(leadingWords(/\bkeep (?:a|b)|\bstay[|]x/)).toEqual(["keep ", "stay"]);
  });

  it("never rules out a text its stated-NFR pattern matches", () => {
    const dev = readFileSync(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { prompt: string }).prompt);
    const corpus = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8").split("\n");
    const phrases = [
      "Exactly-once payments, never charge a card twice",
      "must not double charge; no duplicate payments",
      "At least once delivery; never drop a message; guaranteed delivery",
      "fire-and-forget, ok to lose a few",
      "Strongly consistent, linearizable reads; read-your-own-writes; session consistency; monotonic reads",
      "eventually consistent, last writer wins (LWW), stale reads are fine, slightly stale",
      "fail closed, correctness over availability, never grant a lock twice, split-brain",
      "FAILS OPEN, Highly Available, high availability, always writable, stays up, availability over consistency, 99.99%",
      "globally ordered, ordered per partition, per-partition ordering, ordered per key, in-order, ordered delivery, preserves the order, FIFO",
      "order does not matter, unordered, no ordering",
      "durable, never lose data, persisted, survives a crash, three replicas, in-memory only, best-effort, ephemeral",
    ];
    let matched = 0;
    for (const text of [...dev, ...corpus, ...phrases])
      for (const rules of STATED_RULES)
        for (const r of rules) {
          if (!r.re.test(text)) continue;
          matched++;
          const words = leadingWords(r.re);
          if (words)
            expect(
              words.some((w) => text.toLowerCase().includes(w)),
              `${r.value}: ${text}`,
            ).toBe(true);
        }
    expect(matched).toBeGreaterThan(30);
  });
});
