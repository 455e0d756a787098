import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENERATED_NFR_LITERALS, nfrLiteralsSource } from "../scripts/build-kb.js";
import { literalGatedPatterns, mayMatch, parseGuarantees, parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { NFR_LITERALS } from "../src/knowledge/generated/nfr-literals.js";
import { literalGate, patternKey } from "../src/knowledge/pattern-literals.js";

const lines = (url: URL) =>
  readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
const prompts = [
  ...lines(new URL("./fixtures/arch-prompts.txt", import.meta.url)),
  ...lines(new URL("./fixtures/corpus.txt", import.meta.url)),
  ...lines(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url)).map(
    (l) => (JSON.parse(l) as { prompt: string }).prompt,
  ),
  // phrases each gated pattern is written for, in mixed case
  "Exactly-Once payments, never charge a card twice; at-least-once delivery; Fire-and-Forget is OK to lose",
  "Strongly Consistent, LINEARIZABLE reads, read-your-own-writes, consistent prefix, eventually consistent, LWW",
  "fail closed, split-brain, Highly Available, 99.99% uptime, globally ordered, ordered per customer, FIFO",
  "order does not matter; durable, never lose data, in-memory only, ephemeral; eleven nines of durability",
  "a Global Configuration Service, used worldwide; multi-region, active-active, survives the loss of a region",
  "changes visible within a few seconds; workflows that run for months; samples 1% of traces, a 0.1% trace sampling rate",
  "heartbeat every second, scrapes once a minute; a reading once a minute per device",
];
const gate = literalGate(NFR_LITERALS);

describe("the stated-requirements parser's literal pre-check (engine/nfr-parse.ts mayMatch)", () => {
  it("lists every gated pattern's literals, up to date with the patterns (run `npm run kb` after editing them)", () => {
    expect(readFileSync(GENERATED_NFR_LITERALS, "utf8") === nfrLiteralsSource(), "nfr-literals.ts is stale").toBe(true);
    const listed = literalGatedPatterns().filter((re) => Object.hasOwn(NFR_LITERALS, patternKey(re)));
    expect(listed.length).toBeGreaterThanOrEqual(20);
  });

  it("never rules out a text a gated pattern matches: prompts, and random texts of its own words in any case", () => {
    let matched = 0;
    for (const re of literalGatedPatterns()) {
      const once = new RegExp(re.source, re.flags.replace("g", ""));
      for (const p of prompts)
        if (once.test(p)) {
          matched++;
          expect(gate(re, p.toLowerCase()), `/${re.source}/ on '${p}'`).toBe(true);
        }
      const words = re.source.match(/[a-z0-9][a-z0-9' %.-]*/gi) ?? ["x"];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...words, " ", "s", "-", "1", "."), { maxLength: 8 }),
          fc.array(fc.boolean(), { maxLength: 64 }),
          (parts, upper) => {
            const text = [...parts.join("")].map((c, i) => (upper[i % 64] ? c.toUpperCase() : c)).join("");
            if (once.test(text)) expect(gate(re, text.toLowerCase()), `/${re.source}/ on '${text}'`).toBe(true);
          },
        ),
        { numRuns: 300, seed: 16 },
      );
    }
    expect(matched).toBeGreaterThan(50);
  });

  it("answers the same with the pre-check as without it, for every text a process reads", () => {
    const sample = prompts.slice(0, 40);
    const first = sample.map((p) => JSON.stringify(parseStatedNfrs(p)));
    expect(sample.map((p) => JSON.stringify(parseStatedNfrs(p)))).toEqual(first);
    // the parser's one-pass index says what the table's literals say, text after text (and back to an earlier one)
    const texts = [...prompts, ...prompts.slice(0, 20).reverse()];
    for (const p of texts)
      for (const re of literalGatedPatterns())
        expect(mayMatch(re, p.toLowerCase()), `/${re.source}/ on '${p}'`).toBe(gate(re, p.toLowerCase()));
  });
});

describe("the prompt-only readers (engine/nfr-parse.ts gx)", () => {
  it("run no pattern that is global or sticky: a skipped run must leave the pattern as a run that found nothing", () => {
    // PACED_ITEM and STAY_WRITABLE are global for `matchAll` (matchesIf), which copies the pattern; no other may be
    const globals = literalGatedPatterns().filter((re) => re.global || re.sticky);
    expect(globals.length).toBeLessThanOrEqual(4);
    for (const re of globals) expect(re.source).toMatch(/writ|once\\s\+|\(\?:a\|an\)/);
  });

  it("read the same prompt the same way twice (a global pattern's exec once began where its last match ended)", () => {
    const p = "Design a cron service that never runs the same job twice for one schedule slot.";
    const first = parseGuarantees(p);
    expect(first.some((g) => g.kind === "once")).toBe(true);
    expect(parseGuarantees(p)).toEqual(first);
  });
});
