import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { spliceDefect } from "../src/render/script/grammar.js";
import { writeScript } from "../src/render/script/index.js";
import { hasVerb, shapeCounts, shapeProblems } from "../src/render/script/shapes.js";
import { speakable } from "../src/render/script/speak.js";
import { avoidWhy, promptSubject, spokenKey } from "../src/render/script/steps.js";
import type { Script } from "../src/render/script/types.js";

/** A one-step script saying `sentences`, to run the shape check on text of a known shape. */
const saying = (...sentences: string[]): Script =>
  ({ steps: [{ step: 4, sentences, followUps: [] }], deepDives: [] }) as unknown as Script;
const shapes = (...sentences: string[]) => shapeProblems(saying(...sentences)).map((p) => p.shape);

describe("the garbled-sentence shapes", () => {
  it("hears a doubled word, a lone bracket, 'no' before a pronoun and an 'of' that owns nothing", () => {
    expect(shapes("Each order keeps a write write of its total.")).toEqual(["doubled word"]);
    expect(shapes("It speaks the cache protocol, gets and sets).")).toEqual(["unbalanced bracket"]);
    expect(shapes("No anyone is ever dropped once it is stored.")).toEqual(["no before a pronoun"]);
    expect(shapes("Each has of tenant and invoice one row.")).toEqual(["of with no object"]);
    expect(shapes("No ticket is sold twice for one majority of.")).toEqual(["of with no object"]);
  });
  it("hears a sentence with no verb and one past thirty words", () => {
    expect(shapes("One writer lease per file or chunk at a time.")).toEqual(["no verb"]);
    const long =
      "The courier app sends its position every five seconds, and the dispatcher keeps the last one per courier in memory, so a rider's map shows where the courier was a moment ago.";
    expect(shapes(long)).toEqual(["over 30 words"]);
  });
  it("leaves English alone: 'no one', 'that that', a balanced aside, an instruction, a question, an elliptical answer", () => {
    expect(
      shapes(
        "No one is ever charged twice for one order.",
        "He said that that ledger was closed.",
        "Each shelf (aisle and bay) holds one bin.",
        "Shard the seat map by venue so each node serves its share.",
        "Why per venue and not globally?",
        "Now the first failure.",
        "Each of 40 gateway nodes admits its share.",
      ),
    ).toEqual([]);
    expect(
      shapeProblems({
        steps: [{ step: 7, sentences: [], followUps: [{ question: "How?", answer: "With a fencing token." }] }],
      } as unknown as Script),
    ).toEqual([]);
  });
  it("finds a verb a subject carries without an auxiliary", () => {
    expect(hasVerb("Every shelf scanner reports its count once a minute.")).toBe(true);
    expect(hasVerb("A parcel key maps to exactly one locker.")).toBe(true);
    expect(hasVerb("The courier never responds to a cancelled pickup.")).toBe(true);
    expect(hasVerb("A connection-holding relay tier in front of the truth store.")).toBe(false);
  });
  it("spliceDefect is what a builder asks of a fragment it did not write", () => {
    expect(spliceDefect("no anyone is ever lost")).toMatch(/^"no" before a pronoun/);
    expect(spliceDefect("a small-business banking app (accounts")).toBe("a bracket with no partner");
    expect(spliceDefect("partitioned by by device")).toMatch(/^a word said twice/);
    expect(spliceDefect("no book is lent twice at once")).toBeUndefined();
    // two articles, which a fix of the article's sound turns into "an an"
    expect(spliceDefect("after it began to send a an and before it recorded it")).toMatch(/^a word said twice: a an/);
    expect(spliceDefect("the A record points at the new host")).toBeUndefined();
  });
});

describe("the builders that made those shapes", () => {
  it("a bracketed tuple before a verb is said as a combination, before a noun as that noun's content", () => {
    expect(speakable("Each (tenant, invoice) has one row.")).toBe(
      "Each combination of tenant and invoice has one row.",
    );
    expect(speakable("Each (court, hour) counts one booking.")).toBe(
      "Each combination of court and hour counts one booking.",
    );
    expect(speakable("A (Job, due_at) pair yields one run.")).toBe("A pair of Job and due time yields one run.");
  });
  it("a key written as how it is split, or a hash with an aside inside, is said once and without brackets", () => {
    expect(spokenKey("by device")).toBe("device");
    expect(spokenKey("hash(meter_id (hash of its serial))")).toBe("the hash of meter id");
    expect(spokenKey("hash(order_id)")).toBe("the hash of order id");
  });
  it("an avoided product's reason is its own clause, never a source's words cut at a semicolon inside brackets", () => {
    const why =
      "tempting, but it loses every write when a node fails (Vendor wiki, Overview; wire protocol, gets and cas): it keeps no copy; no product offered for this layer meets it";
    expect(avoidWhy(why)).toBe("It loses every write when a node fails.");
    // a lead that is no clause of its own keeps the row's words after the semicolon
    expect(avoidWhy("tempting, but a single writer; use a sharded store instead")).toBe("Use a sharded store instead.");
  });
  it("the prompt's name for what it builds stops before its own aside, and a prompt that opens on a rule names nothing", () => {
    expect(
      promptSubject(
        design("Design a metrics store (counters, gauges, histograms) that keeps 90 days of data for 10,000 hosts."),
      ),
    ).toBe("a metrics store");
    expect(
      promptSubject(
        design("Each tenant of our SMS gateway may send at most 20 messages a second, with short bursts allowed."),
      ),
    ).toBeUndefined();
    expect(promptSubject(design("Design a metrics store that keeps 90 days of data for 10,000 hosts."))).toBe(
      "a metrics store",
    );
  });
  it("a choice a stated clause settles is said as the option and the one it beats, never 'it settles a choice'", () => {
    const d = design(
      "Each tenant of our SMS gateway may send at most 20 messages a second, with short bursts allowed.",
    );
    const said = writeScript(d)
      .steps.flatMap((s) => s.sentences)
      .join(" ");
    expect(said).not.toMatch(/settles a choice/);
  });
});

/** Every sixth prompt of the fixture corpus: the shapes a template splices may not come back. */
const SAMPLE = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "" && !l.startsWith("#"))
  .filter((_, i) => i % 6 === 0);

describe("the shapes over a sample of fixture prompts", () => {
  it("no doubled word, lone bracket, 'no' before a pronoun or 'of' with no object; few verbless or long sentences", () => {
    let sentences = 0;
    const found: ReturnType<typeof shapeProblems> = [];
    for (const p of SAMPLE) {
      const s = writeScript(design(p));
      sentences += s.steps.reduce((n, st) => n + st.sentences.length, 0);
      found.push(...shapeProblems(s));
    }
    const counts = shapeCounts(found);
    const hard = found.filter((x) => !["no verb", "over 30 words"].includes(x.shape));
    expect(hard.map((x) => `${x.shape}: ${x.sentence}`)).toEqual([]);
    expect(counts["no verb"] / sentences).toBeLessThan(0.01);
    expect(counts["over 30 words"] / sentences).toBeLessThan(0.02);
    expect(found.some((x) => /settles a choice/.test(x.sentence))).toBe(false);
  }, 300_000);
});
