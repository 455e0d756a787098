import { describe, expect, it } from "vitest";
import { design, writeScript } from "../src/lib/index.js";
import { breathSplit, SPOKEN_WORDS } from "../src/render/script/breath.js";
import { countWords } from "../src/render/script/speak.js";
import { ruleCore } from "../src/render/script/steps.js";

// the script in a candidate's voice (stop 53): short sentences, no template said over and over, long rules by their
// core, a once-only rule said with what once means
const CRON =
  "Design a job scheduler that fires 2 million cron jobs a day on 100 workers; each job must run once per scheduled time even if a worker dies mid-run.";
const PROMPTS = [
  CRON,
  "Design a distributed lock service",
  "Design a distributed message queue like Kafka",
  "Design a leaderboard for a racing game with 5 million players that shows the top 50 within a second of a new lap time.",
  "Design a feature flag service for 500 backend services that must see a flag change within 5 seconds.",
];
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+(?=[A-Z])/);
const scripts = PROMPTS.map((p) => ({ p, s: writeScript(design(p), { minutes: 45 }) }));

describe("the script in a candidate's voice", () => {
  it("parts a spoken sentence past a breath at a join whose both halves are whole sentences", () => {
    const because =
      "I'm assuming 3 writes for each workflow, because a workflow writes its state once on create, once on calling out and once on settling.";
    expect(countWords(because)).toBeGreaterThan(SPOKEN_WORDS);
    expect(breathSplit(because, SPOKEN_WORDS)).toBe(
      "I'm assuming 3 writes for each workflow. That is because a workflow writes its state once on create, once on calling out and once on settling.",
    );
    // a pick keeps its own voice for its reason
    expect(
      breathSplit(
        "I'd pick short leases, renewed every third of the TTL, rather than long leases, because a crashed holder's resource is free again within seconds.",
        SPOKEN_WORDS,
      ),
    ).toMatch(/rather than long leases\. I'd do it because a crashed holder's/);
    // below the hard bound, a join before a participle is no place to part ("…, then set in …")
    const participle =
      "Each score is recorded once per update id in the score store, then set in every window's ordered set in the same request.";
    expect(breathSplit(participle, SPOKEN_WORDS)).toBe(participle);
  });

  it("says a long rule beside the hard one by its core, never dropping a clause that loosens it", () => {
    expect(
      ruleCore(
        "Within one consumer group each partition has at most one owning member per group assignment generation, and commits carrying an older generation are refused.",
      ),
    ).toBe("Within one consumer group each partition has at most one owning member per group assignment generation.");
    const plus =
      "A scope's budget admits at most the policy's limit in any window of the policy's period, counted across every enforcing node, plus at most the outstanding local allowance slack the policy declares.";
    expect(ruleCore(plus)).toBe(plus);
    const short = "A lease has one holder, and a stale holder is fenced.";
    expect(ruleCore(short)).toBe(short);
  });

  it("introduces the rules beside the hard rule once, says a few, and varies what keeps each", () => {
    for (const { p, s } of scripts) {
      const four = s.steps[3]?.text ?? "";
      expect(four, p).not.toMatch(/these rules also hold/);
      const rules = four.split(/(?:A few more rules|One more rule) holds? alongside it\./)[1] ?? "";
      const keepers = sentencesOf(rules).filter((x) => /^That one is kept by /.test(x));
      expect(keepers.length, p).toBeLessThanOrEqual(1);
    }
  });

  it("never opens three sentences of a step alike, nor says a placement template three times", () => {
    for (const { p, s } of scripts)
      for (const st of s.steps) {
        const sent = st.sentences.flatMap(sentencesOf);
        const openings = sent.map((x) => x.split(/\s+/).slice(0, 3).join(" "));
        for (const o of new Set(openings))
          expect(openings.filter((x) => x === o).length, `${p} step ${st.step}: ${o}`).toBeLessThanOrEqual(2);
        expect(sent.filter((x) => / (?:is|are) guarded by /.test(x)).length, p).toBeLessThanOrEqual(2);
        expect(sent.filter((x) => /^Each runs there because/.test(x)).length, p).toBeLessThanOrEqual(1);
      }
  });

  it("says a once-only hard rule with what once means, beside the rule", () => {
    const four = scripts[0]?.s.steps[3]?.text ?? "";
    expect(four).toMatch(/^The hard rule is this\. [^.]*twice/);
    expect(four).toContain("Exactly once here means at-least-once delivery plus a receiver that ignores repeats.");
  });

  it("keeps most spoken sentences short", () => {
    const lens = scripts.flatMap(({ s }) => s.steps.flatMap((st) => st.sentences.flatMap(sentencesOf).map(countWords)));
    const over = lens.filter((n) => n > 25).length / lens.length;
    expect(over).toBeLessThan(0.04);
  });
});
