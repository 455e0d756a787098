import { describe, expect, it } from "vitest";
import { acrossClauses, clauseOf, failureCondition, otherProperty } from "../src/engine/recognize/clause-reading.js";
import { classify } from "../src/engine/recognize/index.js";
import { compileSignal, type Hit } from "../src/engine/recognize/match.js";
import { tokenize, writtenWords } from "../src/engine/recognize/tokens.js";

const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const notDrawn = (prompt: string, id: string) =>
  classify(prompt)
    .archetypes.flatMap((a) => a.notDrawn ?? [])
    .find((n) => n.id === id);

/** A requirement hit on the written words `words` of `prompt` (first occurrence of each), with `extra` on its signal. */
function hitOn(prompt: string, words: string[], extra: Parameters<typeof compileSignal>[3] = {}): Hit {
  const tokens = tokenize(prompt);
  const covers = words.map((w) => tokens.findIndex((t) => t.raw === w));
  if (covers.some((c) => c < 0)) throw new Error(`no ${words.join(" ")} in ${prompt}`);
  const signal = compileSignal(words.join(" "), 0.8, "phrase", { rule: { name: "r", why: "w" }, ...extra });
  if (!signal) throw new Error("no signal");
  return { signal, covers: [...covers].sort((a, b) => a - b), quoted: words.join(" "), fuzzy: false };
}
const args = (prompt: string) => [tokenize(prompt), writtenWords(prompt)] as const;

describe("a requirement's words are read within one clause", () => {
  it("a clause runs between marks and the words that open one, which belong to the clause they open", () => {
    const p = "Design a session store, 2 KB each, and no session lost when one node fails.";
    const [tokens, written] = args(p);
    const at = written.indexOf("node");
    const c = clauseOf(at, at, tokens, written);
    expect(written.slice(c.from, c.to + 1).join(" ")).toBe("when one node fails");
    expect(c.opener).toEqual({ word: "when", at: written.indexOf("when") });
  });

  it("words on both sides of 'when' or of a list's 'and' are from two clauses; 'join and leave' is one expression", () => {
    const a = "Retry an export on another machine when its machine dies.";
    expect(acrossClauses(hitOn(a, ["machine", "dies"]), ...args(a))).toBe(true);
    const b = "Count each user's login attempts per hour and block them after ten.";
    expect(acrossClauses(hitOn(b, ["hour", "after"]), ...args(b))).toBe(true);
    const c = "Fetching is spread over machines that join and leave the pool.";
    expect(acrossClauses(hitOn(c, ["join", "leave"]), ...args(c))).toBe(false);
    const d = "Detect a dead worker within ten seconds.";
    expect(acrossClauses(hitOn(d, ["dead", "worker"]), ...args(d))).toBe(false);
  });

  it("a failure condition is a condition of the main clause, unless the main clause notices it", () => {
    const lost = "Keep settings by user id, never lost when a machine dies.";
    expect(failureCondition(hitOn(lost, ["machine", "dies"]), ...args(lost))).toBeDefined();
    const detect = "Detect within ten seconds when a machine dies and move its work.";
    expect(failureCondition(hitOn(detect, ["machine", "dies"]), ...args(detect))).toBeUndefined();
    // no failure word: a condition, but not a failure
    const busy = "Stock never goes below zero when two buyers take the last pair.";
    expect(failureCondition(hitOn(busy, ["two", "buyers"]), ...args(busy))).toBeUndefined();
    // the condition ends where a new subject starts, even without a comma
    const rebuilt = "If a disk dies the missing copies are rebuilt before a second one fails.";
    expect(failureCondition(hitOn(rebuilt, ["copies", "rebuilt"]), ...args(rebuilt))).toBeUndefined();
    expect(failureCondition(hitOn(rebuilt, ["disk", "dies"]), ...args(rebuilt))).toBeDefined();
    // a rule that states what must hold through a failure is stated by naming it
    const region = "Keep serving reads even if a whole region goes offline.";
    const survive = hitOn(region, ["region", "offline"], { underFailure: true });
    expect(failureCondition(survive, ...args(region))).toBeUndefined();
  });

  it("a rule's own words say when its clause states another property", () => {
    const instead = { says: "a retention", words: ["kept", "stored for"], unlessWith: ["metrics"] };
    const chat = "Members chat in groups, and history is kept for one year.";
    expect(otherProperty(hitOn(chat, ["history", "year"], { instead }), ...args(chat))).toBe("a retention");
    const metrics = "Hosts send metrics, and metrics history is kept for one year.";
    expect(otherProperty(hitOn(metrics, ["history", "year"], { instead }), ...args(metrics))).toBeUndefined();
    // the word must stand in the requirement's own clause
    const apart = "Messages are kept for a week, and history lasts one year.";
    expect(otherProperty(hitOn(apart, ["history", "year"], { instead }), ...args(apart))).toBeUndefined();
  });
});

describe("a support read only from words that state no requirement of it is not drawn", () => {
  it.each([
    [
      "Design a restaurant table booking service with 3 million bookings a day, reads under 20 ms, and no booking lost when one storage node fails.",
      "I10",
      "condition",
    ],
    [
      "Design an event bus for bank account events where a consumer never sees two updates of the same account out of order.",
      "I13",
      "other-property",
    ],
    [
      "Design a delivery tracking page where customers see each parcel's status changes in sequence, and scan history is kept for two years.",
      "I18",
      "other-property",
    ],
    [
      "Design a payment gateway that never charges a card twice, even if the app server restarts after sending the charge.",
      "I10",
      "condition",
    ],
    [
      "Design a URL shortener with 10 billion links whose redirects keep working if a server crashes.",
      "I10",
      "condition",
    ],
  ])("%s (%s)", (prompt, id, kind) => {
    expect(ids(prompt)).not.toContain(id);
    const nd = notDrawn(prompt, id);
    expect(nd?.kinds).toContain(kind);
    expect(nd?.because).toMatch(/clause|failure/);
  });

  it.each([
    [
      "Design a hotel booking site for 30,000 hotels where a room is never booked twice for one night and new listings are searchable within a minute.",
      "I02",
    ],
    [
      "Design a fleet of image resizing workers that grows and shrinks with the backlog, where each image is resized by only one worker at a time.",
      "I02",
    ],
    ["Design a photo backup app that keeps each uploaded photo safe even if a whole data center burns down.", "I16"],
    ["Design a photo backup app that keeps each uploaded photo safe even if a whole data center burns down.", "I17"],
    [
      "Design a build farm that dispatches compile jobs to 2,000 agents and notices within 15 seconds when an agent stops heartbeating.",
      "I10",
    ],
  ])("a requirement its clause states stays: %s (%s)", (prompt, id) => {
    expect(ids(prompt)).toContain(id);
  });
});
