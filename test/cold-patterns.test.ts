import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import type { OperationRow } from "../src/engine/design/types.js";
import { entityWords } from "../src/engine/fields/common.js";
import { invariantEntities, touchedEntities } from "../src/engine/fields/mechanism-rows.js";
import {
  TOPIC_NEEDS,
  TOPIC_UNLESS,
  TOPIC_VALUES,
  TOPIC_WORDS,
  TOPIC_YIELDS,
  type Topic,
  topicsSpoken,
} from "../src/knowledge/topics.js";

// A one-shot design compiles each pattern it runs to machine code, so some patterns run on a lower-cased text
// without the `i` flag, or only where the text holds the words they need. Both must answer exactly what the
// case-insensitive pattern on the text itself answers, for any text.

const prompts = [
  ...readFileSync("test/fixtures/corpus.txt", "utf8").split("\n"),
  ...readFileSync("test/fixtures/arch-prompts.txt", "utf8").split("\n"),
].filter((p) => p.trim() !== "" && !p.startsWith("#"));

// capitals, and characters that lower-case to ASCII or to two characters (the Kelvin sign, a dotted capital I)
const awkward = [
  "PAYMENTS THROUGH STRIPE, WEBHOOKS TO CUSTOMER ENDPOINTS AND PUSH NOTIFICATIONS",
  "İİ Pay the invoice; a WEBHOOK callback URL per partner",
  "a webhoo\u212A service, a \u212Aafka CHAT with pre\u017Fence",
  "Count AD CLICKS per campaign per minute, with a running total shown on each page",
  "Design Dropbox-like FILE SYNC; objects LIKE S3",
  "RESTAURANTS NEAR ME, LIKE YELP",
];

/** The topics as the case-insensitive patterns on the text itself find them (the rule before this change). */
function reference(text: string): { value: Topic; quote: string }[] {
  const found = TOPIC_VALUES.flatMap((t) => {
    const m = new RegExp(TOPIC_WORDS[t], "i").exec(text);
    const unless = TOPIC_UNLESS[t];
    if (unless !== undefined && new RegExp(unless, "i").test(text)) return [];
    return m ? [{ value: t, quote: m[0] }] : [];
  });
  return found.filter(
    (x) =>
      !(TOPIC_YIELDS[x.value] ?? []).some((y) => found.some((f) => f.value === y)) &&
      (TOPIC_NEEDS[x.value] === undefined || found.some((f) => f.value === TOPIC_NEEDS[x.value])),
  );
}

describe("topic patterns on lower-cased text", () => {
  it("find the same topics with the same quotes as the case-insensitive patterns", () => {
    for (const text of [...prompts, ...prompts.map((p) => p.toUpperCase()), ...awkward])
      expect([...topicsSpoken(text)], text).toEqual(reference(text));
  });

  it("never match a letter that only lower-cases to ASCII", () => {
    expect(topicsSpoken("a webhoo\u212A service").map((t) => t.value)).not.toContain("webhook");
    expect(topicsSpoken("İİ a WEBHOOK").find((t) => t.value === "webhook")?.quote).toBe("WEBHOOK");
  });
});

/** An entity named in a text, as the two patterns alone decide it (the rule the pre-check must not change). */
function names(text: string, entity: string): boolean {
  const words = entityWords(entity);
  const head = words.replace(/ (?:entry|record|row|item)$/, "");
  const spoken = head.split(" ").length >= 2 ? head : words;
  const single = words.includes(" ")
    ? undefined
    : new RegExp(`\\b(?:a|an|the|each|every|no|any|one|its|that)\\s+${words}(?:s|'s)?\\b`, "i");
  const second = spoken.includes(" ") ? new RegExp(`\\b${spoken}(?:s|'s)?\\b`, "i") : single;
  return new RegExp(`(?<![A-Za-z])${entity}(?![A-Za-z])`).test(text) || second?.test(text) === true;
}

describe("entities named in invariants and reasons", () => {
  it("are the entities the patterns name, over every design of the fixtures", () => {
    let checked = 0;
    for (const prompt of prompts.slice(0, 60)) {
      const r = deriveDesign(prompt);
      if (!r.ok) continue;
      const ops = r.design.operations;
      const texts = [
        ...r.design.invariants.map((i) => i.statement),
        ...r.design.mechanisms.map((m) => m.because.join(" ")),
      ];
      for (const text of [...texts, ...texts.map((t) => t.toUpperCase())]) {
        const expected = new Set(ops.filter((op) => names(text, op.entity)).map((op) => op.entity));
        const got = invariantEntities({ path: "", statement: text, archetype: "I01", because: "" }, ops);
        expect([...got].sort(), text).toEqual([...expected].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("are found in spoken words with other capitals, and not in letters that only lower-case to ASCII", () => {
    const op = (entity: string) => ({ entity, phrase: "-", archetype: "I99" }) as unknown as OperationRow;
    const ops = [op("OutboxEntry"), op("Block"), op("FileVersionRecord"), op("Job.Run")];
    expect([...touchedEntities(["THE OUTBOX ENTRY'S EFFECT ID"], ops)]).toEqual(["OutboxEntry"]);
    expect([...touchedEntities(["Each BLOCK is hashed"], ops)]).toEqual(["Block"]);
    expect([...touchedEntities(["İİ the File Versions"], ops)]).toEqual(["FileVersionRecord"]);
    expect([...touchedEntities(["each bloc\u212A"], ops)]).toEqual([]);
    // a name that is not literal in its pattern is left to the patterns alone
    expect([...touchedEntities(["the JobXRun table"], ops)]).toEqual(["Job.Run"]);
  });
});
