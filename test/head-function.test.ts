// When the head names no kind of system, the last word of its noun phrase may still say what the system does
// ("shipment tracking", "exam registration", "fraud scoring"): that function word leads over side words, one-word hits
// and learned words, below a requirement stated in two words or more and below a stated hard rule (lane kinds).
import { describe, expect, it } from "vitest";
import { functionIndex, headFunction } from "../src/engine/recognize/head-function.js";
import { classify } from "../src/engine/recognize/index.js";
import { stemWord, tokenize } from "../src/engine/recognize/tokens.js";
import { WHOLE_PRODUCT_TAILS } from "../src/knowledge/branch-heads.js";
import { FUNCTION_TAILS, FUNCTION_WORDS } from "../src/knowledge/signals/functions.js";

const ranked = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const evidence = (prompt: string, id: string) =>
  classify(prompt)
    .archetypes.find((a) => a.id === id)
    ?.evidence.join(" ") ?? "";

const TAILS = new Set([...WHOLE_PRODUCT_TAILS, ...FUNCTION_TAILS]);
const wordOf = (prompt: string) => {
  const tokens = tokenize(prompt);
  const found = headFunction(
    tokens,
    (i) => tokens[i]?.head === true,
    (i) => tokens[i]?.at === 0,
    new Set([...TAILS].map(stemWord)),
    functionIndex(FUNCTION_WORDS),
  );
  return found === undefined ? undefined : tokens[found.at]?.raw;
};

describe("the function words table", () => {
  it("is broad, each row says why, and no written word is in two rows", () => {
    const words = FUNCTION_WORDS.flatMap((r) => r.words);
    expect(words.length).toBeGreaterThanOrEqual(40);
    expect(new Set(words).size).toBe(words.length);
    for (const row of FUNCTION_WORDS) {
      expect(row.ids.length, row.words[0]).toBeGreaterThan(0);
      expect(row.why.length, row.words[0]).toBeGreaterThan(20);
      for (const w of row.words) expect(w, w).toBe(w.toLowerCase());
    }
    expect(() => functionIndex([...FUNCTION_WORDS, { words: ["tracking"], ids: ["I05"], why: "x" }])).toThrow(
      /two rows/,
    );
  });
});

describe("the head's function word", () => {
  it("is the last word of the head's noun phrase, past the words for a whole thing", () => {
    expect(wordOf("Design shipment tracking for a freight forwarder.")).toBe("tracking");
    expect(wordOf("Design the exam registration system for a language school.")).toBe("registration");
    expect(wordOf("Design the fraud scoring engine.")).toBe("scoring");
  });

  it("is read by the written word, not the stem, and not where the head ends on another word", () => {
    // 'shortener' shares a stem with 'shortening', 'aggregator' with 'aggregation', but not a function
    expect(wordOf("Design a news aggregator.")).toBeUndefined();
    expect(wordOf("Design a URL shortener.")).toBeUndefined();
    // a product noun ends the head: "a shipment tracking app" names a product, as "platform" may
    expect(wordOf("Design a shipment tracking app.")).toBeUndefined();
    expect(wordOf("Design a volunteer-matching platform.")).toBeUndefined();
  });
});

describe("the function word leads when the head names no kind", () => {
  // Each of these read another archetype, or none, before the function word was read.
  const cases: [string, string][] = [
    [
      "Design shipment tracking for a freight forwarder: 5,000 trucks report their location every 30 seconds, and shippers must see each container's latest location within a minute.",
      "I06",
    ],
    [
      "Design the enrollment system for a chain of summer camps. Each cabin has 12 beds, enrollment opens on March 1 for 30,000 families, and a bed is never given to two campers.",
      "I02",
    ],
    [
      "Design the dispatch for a city ambulance service. Each emergency call goes to exactly one crew, and a crew that does not accept within 30 seconds loses the call to the next nearest crew.",
      "I02",
    ],
    [
      "Design fraud scoring for a card issuer: each of 50,000 transactions per second gets a risk score within 100 ms from features kept per card.",
      "I06",
    ],
    [
      "Design the moderation for a photo forum where users flag 500,000 posts a day and each flag is handled by one moderator at a time.",
      "I02",
    ],
    [
      "Design ad click deduplication for a marketing network that receives 2 million clicks per second; the same click must never be counted twice.",
      "I16",
    ],
    [
      "Design the trade settlement for a brokerage that settles 3 million trades a day with two clearing houses, and no trade may settle twice.",
      "I12",
    ],
    [
      "Design exam registration for a language school: 120 test dates with 40 desks each, and registration opens to 60,000 learners at noon.",
      "I02",
    ],
    [
      "Design wait time predictions for a theme park: 60 rides report queue lengths every 30 seconds and 80,000 visitors see each ride's predicted wait within 5 seconds.",
      "I06",
    ],
  ];
  for (const [prompt, id] of cases)
    it(`${prompt.slice(7, 40)} … is built by ${id}`, () => {
      const got = classify(prompt);
      expect(got.archetypes[0]?.id, prompt).toBe(id);
      // read from the head's word, not the list a prompt with no infrastructure words falls back to
      // (a head that names a known kind of system, "fraud scoring", is read from that name instead)
      expect(got.archetypes[0]?.evidence.join(" "), prompt).toMatch(
        /the head names no kind of system and asks for|' in the head names an? [\w -]+ system/,
      );
    });

  it("says so in the lead's evidence and in the reason of what it moves below", () => {
    const p = cases[4]?.[0] ?? "";
    expect(evidence(p, "I02")).toMatch(/the head names no kind of system and asks for moderation: each report handed/);
    // a system named only in the body is a side word, however strong its own weight
    const side = "Design fraud scoring for a card issuer that already runs a service mesh and a job scheduler.";
    expect(ranked(side)[0]).toBe("I06");
    expect(evidence(side, "I06")).toMatch(
      /asks for scoring, which I06 does, so it leads over I17|'fraud scoring' in the head names a fraud detection system/,
    );
    expect(evidence(side, "I17")).toMatch(
      /read here only from side words 'service mesh'|the head asks for what 'fraud scoring' names \(I06\) and no component of I17 is named there/,
    );
    const cdn = "Design exam registration for a language school whose web pages are served from a CDN.";
    expect(ranked(cdn)[0]).toBe("I02");
    // a requirement stated in two words keeps its rank on its own words, but learned words do not lift it over
    const d = cases[5]?.[0] ?? "";
    expect(evidence(d, "I06")).toMatch(/asks for deduplication, which I16 does; I06's stated '[^']+' weighs less/);
  });

  it("picks, of the row's archetypes, the one the prompt's other words favour, and pulls in no other", () => {
    // metering lists I06 first; a budget per team per month speaks for admission control
    const p =
      "Design the metering for a GPU rental service: each team has a monthly budget of 500 GPU hours, usage is reported by 10,000 machines every minute, and a team over budget is stopped within five minutes.";
    expect(ranked(p)[0]).toBe("I08");
    expect(ranked(p)).not.toContain("I06");
    // tracking lists I18 second: it is not drawn from the function word alone
    expect(ranked(cases[0]?.[0] ?? "")).not.toContain("I18");
    // nor is the archetype of a function word that does not lead: "release storage" keeps immutable releases
    const r =
      "Design release storage where every build is kept unchanged forever and a tag points at the live one, so a rollback is just retargeting the tag.";
    expect(ranked(r)[0]).toBe("I14");
    expect(ranked(r)).not.toContain("I19");
  });
});

describe("what the function word does not override", () => {
  it("a stated hard rule leads over it", () => {
    // without the rule, the function word and the search index together would lead
    const p =
      "Design shipment tracking for a courier that keeps a search index of 2 billion scans, where each parcel may be held by only one driver at a time.";
    expect(ranked(p)[0]).toBe("I02");
    expect(evidence(p, "I06")).toMatch(/the prompt states a hard rule, 'only one time'/);
    expect(evidence(p, "I06")).toMatch(
      /read here only from the head's function word 'tracking' and side words 'search index'/,
    );
  });

  it("a kind of system the head names is what is built", () => {
    const p = "Design a message queue dispatcher for a print shop network with 300 printers.";
    expect(ranked(p)[0]).toBe("I05");
    expect(evidence(p, "I05")).not.toMatch(/asks for dispatcher/);
  });

  it("a product part keeps its mixed reading: the function word adds no strength to the branch", () => {
    const p =
      "Design product search for an online marketplace: buyers search and filter a 100M-item catalog, and a seller's edit must show up in results within a minute.";
    expect(classify(p).branch.kind).toBe("mixed");
    expect(ranked(p)[0]).toBe("I06");
  });

  it("a product's words in the head keep it the product's part", () => {
    const p =
      "Design delivery time estimates for a grocery chain. 2,000 couriers send their position every 15 seconds and each shopper sees the estimate for their order refresh within 5 seconds.";
    expect(classify(p).branch.kind).toBe("product");
    expect(evidence(p, "I06")).not.toMatch(/asks for estimates/);
  });
});
