import { describe, expect, it } from "vitest";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import {
  blocked,
  buildIndex,
  combine,
  compileSignal,
  everySignal,
  findSignal,
  isKnown,
  matchAll,
  type Signal,
} from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const sig = (text: string, weight = 1, kind: Signal["kind"] = "phrase") => compileSignal(text, weight, kind) as Signal;

describe("signal matching", () => {
  it("matches phrase words in any order within a short window", () => {
    expect(findSignal(tokenize("a service that limits the rate of calls"), sig("rate limit"))?.quoted).toBe(
      "limits rate",
    );
    expect(findSignal(tokenize("rate of calls is limited"), sig("rate limit"))).toBeDefined();
    expect(
      findSignal(tokenize("rate of all the incoming calls from users is limited"), sig("rate limit")),
    ).toBeUndefined();
  });

  it("keeps a leading negation in front of what it scopes", () => {
    expect(findSignal(tokenize("files must never change"), sig("never change"))).toBeDefined();
    expect(findSignal(tokenize("see the changes and never lose an edit"), sig("never change"))).toBeUndefined();
  });

  it("reads a leading negation as scoping the word right after it", () => {
    expect(findSignal(tokenize("files must never be changed"), sig("never change"))).toBeDefined();
    expect(findSignal(tokenize("ensure no two nodes run the same job"), sig("no two same"))).toBeDefined();
    expect(
      findSignal(tokenize("a store that never loses an acknowledged change"), sig("never change")),
    ).toBeUndefined();
    expect(
      findSignal(tokenize("with no gaps, even when two are opened at the same instant"), sig("no two same")),
    ).toBeUndefined();
  });

  it("matches named systems contiguously, with one typo allowed", () => {
    const kafka = sig("Kafka", 1, "system");
    expect(findSignal(tokenize("Design Kafak"), kafka)?.fuzzy).toBe(true);
    expect(findSignal(tokenize("Design Kafka"), kafka)?.fuzzy).toBe(false);
    expect(findSignal(tokenize("Design Kayak"), kafka)).toBeUndefined();
    const multi = sig("Google Cloud Pub/Sub", 1, "system");
    expect(findSignal(tokenize("like Google Cloud Pub/Sub"), multi)).toBeDefined();
    expect(findSignal(tokenize("Google pub sub cloud"), multi)).toBeUndefined();
  });

  it("does not count a phrase again when a stronger one already covers its words", () => {
    const toks = tokenize("a message queue");
    const hits = [sig("message queue", 0.9), sig("queue", 0.6)]
      .map((s) => findSignal(toks, s))
      .filter((h) => h !== undefined);
    const { score, counted } = combine(hits, (h) => h.signal.weight);
    expect(counted.map((h) => h.signal.text)).toEqual(["message queue"]);
    expect(score).toBeCloseTo(0.9);
  });

  it("combines independent evidence as a noisy-OR", () => {
    const toks = tokenize("lease with fencing token");
    const hits = [sig("lease", 0.5), sig("fencing token", 0.5)]
      .map((s) => findSignal(toks, s))
      .filter((h) => h !== undefined);
    expect(combine(hits, (h) => h.signal.weight).score).toBeCloseTo(0.75);
  });

  it("marks the head noun phrase", () => {
    const toks = tokenize("Design a timer service that fires callbacks");
    expect(toks.filter((t) => t.head).map((t) => t.raw)).toEqual(["timer", "service"]);
  });

  it("tokenizes a text once: asked again, the same frozen tokens, whatever came in between", () => {
    const text = "A rate-limiter's tokens: the limiter throttles callers, so queued calls wait";
    const first = tokenize(text);
    const copy = first.map((t) => ({ ...t }));
    expect(tokenize(text)).toBe(first);
    expect(Object.isFrozen(first) && first.every((t) => Object.isFrozen(t))).toBe(true);
    const other = tokenize("queued callers of a rate limiter wait, throttled");
    expect(other).not.toBe(first);
    expect(other.map((t) => t.raw)).toEqual(["queued", "callers", "rate", "limiter", "wait", "throttled"]);
    expect(tokenize(text).map((t) => ({ ...t }))).toEqual(copy);
    expect(copy.map((t) => `${t.raw}/${t.stem}@${t.at}${t.head ? "h" : ""}`)).toEqual([
      "rate/rat@1h",
      "limiter/limit@1h",
      "tokens/token@2h",
      "limiter/limit@4",
      "throttles/throttl@5",
      "callers/caller@6",
      "queued/queu@8",
      "calls/call@9",
      "wait/wait@10",
    ]);
  });
});

describe("signal index", () => {
  const kb = recognitionKnowledge();
  const allSignals = everySignal(kb.index);
  const prompts = [
    "Design a distributed lock service with fencing tokens",
    "Only one copy of the billing job may run per account, even when two schedulers fire.",
    "Design Kafak with consumer groups and a dead-letter queue",
    "Design a Zookeper clone",
    "Keep one noisy customer's burst from slowing search for everyone else.",
    "Design Twitter's Snowflake ID service.",
  ];

  it("finds exactly what a scan of every signal finds, known words aside", () => {
    for (const p of prompts) {
      const toks = tokenize(p);
      const brute = allSignals
        .map((s) => findSignal(toks, s))
        .filter((h) => h !== undefined)
        .filter(
          (h) =>
            !h.fuzzy ||
            h.covers.every((i, k) => toks[i]?.stem === h.signal.stems[k] || !isKnown(kb.index, toks[i]?.stem ?? "")),
        )
        .map((h) => `${h.signal.text}@${h.covers.join(",")}`);
      const indexed = matchAll(toks, kb.index).map((h) => `${h.signal.text}@${h.covers.join(",")}`);
      expect(indexed, p).toEqual(brute);
    }
  });

  it("looks a phrase up by its first word and a name also by its shape", () => {
    const lock = sig("lock service");
    const kafka = sig("Kafka", 1, "system");
    const index = buildIndex([lock, kafka]);
    expect(index.byStem.get("lock")).toEqual([0]);
    expect(index.byShape.get("k5")).toEqual([1]);
    expect(index.at(0)).toBe(lock);
    expect(matchAll(tokenize("a service that locks"), index).map((h) => h.signal.text)).toEqual(["lock service"]);
    expect(matchAll(tokenize("design kafak"), index).map((h) => h.signal.text)).toEqual(["Kafka"]);
  });

  it("never reads a word the knowledge base knows as a misspelt name", () => {
    const sharedb = sig("ShareDB", 1, "system");
    const index = buildIndex([sharedb, sig("shared canvas")]);
    expect(matchAll(tokenize("the shared pool"), index)).toEqual([]);
    expect(matchAll(tokenize("a ShareBD clone"), index).map((h) => h.signal.text)).toEqual(["ShareDB"]);
  });
});

describe("a bound before a count", () => {
  it("cancels a match when the word before the count is one of the bounds", () => {
    const t = tokenize("refresh within ten seconds");
    const at = t.findIndex((x) => x.raw === "seconds");
    expect(blocked(t, at, ["within"])).toBe(true);
    expect(blocked(tokenize("ten seconds after"), 1, ["within"])).toBe(false);
    expect(blocked(t, at, undefined)).toBe(false);
  });
  it("keeps an offset phrase from matching a bound", () => {
    const s = compileSignal("second after", 1, "phrase", { slack: 1, unlessAfter: ["within"] });
    if (!s) throw new Error("no signal");
    expect(findSignal(tokenize("run it ten seconds after the order"), s)).toBeDefined();
    expect(findSignal(tokenize("catch up within seconds after a deploy"), s)).toBeUndefined();
  });
});
