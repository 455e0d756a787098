import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { spliceProblems } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { isClause, withArticle } from "../src/render/script/speak.js";
import { sayDecision } from "../src/render/script/steps.js";

describe("the script's templates keep their grammar", () => {
  it("an option named by its verb is a noun phrase, not 'a design where push …'", () => {
    expect(isClause("push for most authors, pull for authors above a follower threshold")).toBe(false);
    expect(isClause("consumers pull batches and commit offsets")).toBe(true);
    const d = design("Design Twitter's home timeline");
    const fanout = d.decisions.find((x) => x.id === "feed-fanout");
    const said = fanout ? sayDecision(fanout as never).join(" ") : "";
    expect(said).toMatch(/I'd pick/);
    expect(said).not.toMatch(/a design where push/);
  });
  it("a name that carries its own count or determiner takes no article", () => {
    expect(withArticle("one in-memory sorted set")).toBe("one in-memory sorted set");
    expect(withArticle("sorted set")).toBe("a sorted set");
  });
  it("one region is said in the singular", () => {
    const d = design(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    expect(JSON.stringify(d.decisions)).not.toMatch(/\b1 regions\b/);
  });
  it("a path that opens with its verb is never read as a subject ('the hold writes')", () => {
    // holding writes for an unreachable replica (hinted handoff) is a leaderless store's step
    const p =
      "Design a distributed counter service for page views that stays available during partitions with eventual consistency";
    const s = writeScript(design(p), { minutes: 45 });
    const text = s.steps.map((x) => x.text).join(" ");
    expect(text).not.toMatch(/the hold writes/);
    expect(text).toMatch(/holding writes/);
  });
});

describe("an option worded as an instruction is said as what I'd do", () => {
  const said = (prompt: string) =>
    design(prompt)
      .decisions.map((x) => sayDecision(x as never).join(" "))
      .join(" ");
  it("says 'I'd offer …' and 'I'd fold …', never 'I'd pick' before a verb", () => {
    const uber = said("Design a ride-hailing app like Uber");
    expect(uber).toContain("I'd offer to the best driver");
    expect(uber).not.toMatch(/I'd pick a design where offer/);
    const board = said("Design a leaderboard for a mobile game with 50 million players");
    expect(board).toContain("I'd fold the time into the sort key");
    expect(board).not.toMatch(/I'd pick fold/);
  });
  it("keeps 'I'd pick' for an option named as a thing", () => {
    expect(said("Design Twitter's home timeline")).toMatch(/I'd pick/);
  });
});

describe("a count of one is said in the singular", () => {
  it("says '1 region', never '1 regions', in a spoken assumption", () => {
    const s = writeScript(
      design("Design a distributed cache in front of a user-profile database serving 1 million reads per second"),
      { minutes: 45 },
    );
    const text = s.steps.map((x) => x.text).join(" ");
    expect(text).not.toMatch(/\b1 regions\b/);
  });
});

describe("no phrase of the wrong form spliced into a template's slot", () => {
  const fake = (sentences: string[]): Parameters<typeof spliceProblems>[0] =>
    ({ steps: [{ step: 6, sentences, followUps: [] }] }) as never;
  it("catches a how, a verb, a noun phrase after 'where', a clause among actions, mixed verbs, counts and a lost referent", () => {
    const problems = spliceProblems(
      fake([
        "I'd pick a by document over by term.",
        "I'd pick make the renditions at upload time over resize on first request.",
        "I'd pick a design where temporary hold before payment, not one where nothing is held.",
        "Three writes matter most: appending the record, receiving the next message and the consumer acks the message.",
        "Three paths matter most: requesting a ride, matching the ride and accepting or declines.",
        "I'm assuming 1 regions.",
        "That spreads over 3 node.",
        "Now the first failure.",
        "Its lease expires late.",
      ]),
    ).map((p) => p.problem.split(":")[0]);
    expect(problems).toEqual([
      "a how or where where a noun phrase belongs",
      "a verb phrase where a noun phrase belongs",
      "a noun phrase where a clause belongs",
      "a clause in a list of actions",
      "two joined verbs in different forms",
      "a count of one with a plural",
      "a count above one with a singular",
      "a pronoun with nothing to refer to after",
    ]);
  });
  it("finds none in the scripts of a queue, a registry, a leaderboard, a ride app, a document editor and a cache", () => {
    for (const p of [
      "Design a distributed task queue with at-least-once processing and visibility timeouts",
      "Design a service discovery and configuration system like Consul for 5,000 services",
      "Design a leaderboard for a mobile game with 50 million players",
      "Design a ride-hailing app like Uber",
      "Design a collaborative document editor like Google Docs",
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
      "Design a wide-column store like Cassandra",
      "Design a search engine index",
    ])
      for (const o of [{ minutes: 45 }, { short: true }])
        expect(spliceProblems(writeScript(design(p), o)), p).toEqual([]);
  });
});

describe("a sizing chain says the prompt's figure in its words and every unstated number as mine", () => {
  it("says '72 hours' in the chain and the assumed rate and failing share as assumptions", () => {
    const s = writeScript(
      design("Design a webhook delivery service that retries failed deliveries for up to 72 hours"),
      { minutes: 45 },
    );
    const eight = s.steps[7]?.text ?? "";
    expect(eight).toContain("times 1 percent times 72 hours");
    expect(eight).not.toMatch(/a how long a failed call/);
    expect(eight).toMatch(/I'm assuming 500 requests a second/);
    expect(eight).toContain("I'm assuming 1 percent of calls fail and wait for a retry");
  });
  it("says an unstated read-to-write ratio as an assumption before the writes it adds", () => {
    const s = writeScript(
      design("Design a distributed cache in front of a user-profile database serving 1 million reads per second"),
      { minutes: 45 },
    );
    const eight = s.steps[7]?.text ?? "";
    const ratio = eight.indexOf("I'm assuming a read-to-write ratio of 10");
    expect(ratio).toBeGreaterThan(-1);
    expect(ratio).toBeLessThan(eight.indexOf("plus about 100 thousand writes a second"));
  });
});
