import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { phrasingProblems, saidAloud, spliceProblems } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { isClause, optionForm, withArticle } from "../src/render/script/speak.js";
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
    // a leaderboard is now the I06 subject, whose options are named as things
    const board = said("Design a leaderboard for a mobile game with 50 million players");
    expect(board).not.toMatch(/I'd pick (?:fold|keep|set|split|offer)\b/);
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
  it("catches an empty field list, 'per global', a noun phrase after 'comes when', a lost tuple and a split-off 'none'", () => {
    const problems = spliceProblems(
      fake([
        "It holds.",
        "Order and ownership hold per global.",
        "The first hotspot comes when bytes pushed when a whole fleet takes a new snapshot.",
        "A pair yields at most one run, no matter how many materialisers insert it.",
        "And a receiver that keeps none can drop the repeat by that id.",
        "It holds the payload. Order holds across the whole system. A pair of job and due at yields one run.",
        "The first hotspot comes when a skewed key sends an outsized share of traffic to one partition.",
      ]),
    ).map((p) => p.problem.split(":")[0]);
    expect(problems).toEqual([
      "a field list cut to nothing",
      'a scope that is not a unit after "per"',
      "a noun phrase where a clause belongs",
      "a pair with nothing in it",
      'a split-off clause whose "none" has nothing to point back to',
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
    expect(eight).toContain("At 1 percent times 72 hours");
    expect(eight).not.toMatch(/a how long a failed call/);
    expect(eight).toMatch(/I'm assuming 500 workflows a second/);
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

describe("no sentence a candidate could not say naturally", () => {
  const fake = (sentences: string[], followUps: { question: string; answer: string }[] = []) =>
    ({ steps: [{ step: 8, sentences, followUps }] }) as never;
  it("catches each class once", () => {
    const problems = phrasingProblems(
      fake(
        [
          "I'm assuming 200 million users, because daily active users of a large social app.",
          "I'd pick a capped in-memory list per reader over a wide-column table, because millisecond reads.",
          "Exact top few thousand would win with one board outgrows one node's memory.",
          "I'd fold the time into the sort key, rather than equal scores share a rank.",
          "It gives session-bound keys vanish when a member dies.",
          "At 2777.8 requests a second, that's about 240 gigabytes.",
          "At 1.16 thousand posts a second, that's a lot.",
          "That's about 1000 terabytes.",
          "A conditional write applies only when key value.version still equals the version read.",
          "It holds the its delivery id.",
          "Three reads matter most: syncing missed messages, seeing the time and viewing the photo.",
          "Let me draw the feed: Publish sequence, with who asks whom.",
          "It is -> best score.",
          "Async workers cover re-bucketing the driver and notifying the user about.",
          "Three writes matter most: requesting a ride, the conditional put naming the version and matching the ride.",
          "Callers retry on timeout, so every write may arrive more than once and must be safe to repeat.",
          "Callers retry on timeout, so every write may arrive more than once and must be safe to repeat.",
        ],
        [
          {
            question: "What if a client retries?",
            answer: "Callers retry on timeout, so every write may arrive more than once and must be safe to repeat.",
          },
          {
            question: "What if a producer resends?",
            answer:
              "Enable the idempotent producer so the leader drops an append whose sequence it already holds, and give it a transactional id so a restarted instance bumps the producer epoch and brokers fence the zombie still using the older one.",
          },
        ],
      ),
    ).map((p) => p.problem.split(/[:"]/)[0]?.replace(/^\d+ /, ""));
    expect(problems).toEqual([
      "a noun phrase said as a reason",
      "a noun phrase said as a reason",
      "a clause after ",
      "a clause where a noun phrase belongs",
      "a clause after 'It gives'",
      "a number with more digits than anyone says",
      "a number with more digits than anyone says",
      "a size said in too small a unit",
      "a field read with a dot",
      "an article before a determiner",
      "a list item cut to a bare ",
      "a diagram title said as a name",
      "an arrow read aloud",
      "a cut-short list item ",
      "a noun phrase in a list of actions",
      "words in one sentence",
      "the same sentence twice in one step",
      "a follow-up that repeats the step",
    ]);
  });
  it("finds none in the fourteen graded prompts' scripts, and their first minute names the prompt's subject", () => {
    const subjects: [string, string][] = [
      ["Design a notification service that sends 10 million push notifications per hour", "notification service"],
      [
        "Design a stock exchange order matching engine for 100k orders per second",
        "stock exchange order matching engine",
      ],
      [
        "Design a webhook delivery service that retries failed deliveries for up to 72 hours",
        "webhook delivery service",
      ],
      ["Design a collaborative document editor like Google Docs", "collaborative document editor"],
      [
        "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
        "distributed cache",
      ],
      ["Design Dropbox file sync for 100 million users", "Dropbox file sync"],
    ];
    for (const [p, subject] of subjects) {
      const s = writeScript(design(p), { minutes: 45 });
      expect(s.steps[0]?.sentences[0], p).toContain(subject);
      expect(phrasingProblems(s), p).toEqual([]);
    }
  });
});

describe("a decision option said after 'a design where' is a clause", () => {
  it("reads a noun phrase whose last word is also a verb as a noun phrase", () => {
    expect(optionForm("clocks with a bounded uncertainty and commit wait")).toBe("noun");
    expect(optionForm("per-property last-writer-wins under one server per board")).toBe("noun");
    expect(optionForm("in-memory quadtree that splits dense areas")).toBe("noun");
  });

  it("reads a first verb joined to an instruction as an instruction, and a subject's clause as a clause", () => {
    expect(optionForm("index only labels and keep lines as compressed chunks in object storage")).toBe("instruction");
    expect(optionForm("agents scrape the targets beside them and push batches to the distributors")).toBe("clause");
    expect(optionForm("consumers pull batches and commit offsets")).toBe("clause");
  });

  it("never says 'a design where' before a noun phrase on a graded prompt", () => {
    for (const p of [
      "Design a Spanner-like distributed SQL database with externally consistent transactions.",
      "Design a collaborative whiteboard like Miro where 50 people edit the same board.",
      "Design a log aggregation system that ingests 5 GB/s of logs and makes them searchable within 30 seconds.",
    ]) {
      const text = saidAloud(writeScript(design(p), { minutes: 45 }))
        .map((x) => x.text)
        .join(" ");
      for (const m of text.matchAll(/\ba design where (.+?)(?:, (?:not|rather than)\b|, because\b|[.?]$)/g))
        expect(isClause(m[1] ?? ""), `${p}: ${m[0]}`).toBe(true);
    }
  });
});
