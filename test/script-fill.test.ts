import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";
import { bodyFailures, furtherDecisions, moreFailures, partitionSaid } from "../src/render/script/steps.js";

// prompts of several shapes: a booking hold, a metrics pipeline, a dispatch match, a URL shortener
const PROMPTS = [
  "Design a concert ticket booking system that never sells the same seat twice, for 20,000 seats going on sale at once",
  "Design a metrics system that ingests 5 million samples per second and alerts on thresholds",
  "Design a ride-hailing dispatch service that matches riders with nearby drivers within 2 seconds, for 500,000 concurrent drivers",
  "Design a URL shortener that serves 100,000 redirects a second",
];
const cases = PROMPTS.map((p) => {
  const d = design(p);
  return { d, s: writeScript(d, { minutes: 45 }) };
});

describe("the spoken script fills its round with the design's own content", () => {
  it("says the decisions after the first two in step 6, with what would flip each, and offers none again", () => {
    let said = 0;
    for (const { d, s } of cases) {
      const step6 = s.steps[5]?.text ?? "";
      for (const dec of furtherDecisions(d)) {
        const other = dec.options.find((o) => o.name !== dec.chosen && (o as { id?: string }).id !== dec.chosen);
        if (other?.winsWhen && /would win|other way wins|never wins/.test(step6)) said++;
        expect(
          s.deepDives.some((x) => x.topic.toLowerCase() === dec.question.toLowerCase().replace(/\s+$/, "")),
          d.prompt,
        ).toBe(false);
      }
    }
    expect(said).toBeGreaterThan(0);
  });

  it("says at most three failure rows past the first two in step 8, each with its fix and no repair, asking none of them again", () => {
    let more = 0;
    let joined = 0;
    for (const { d, s } of cases) {
      const step8 = s.steps[7]?.text ?? "";
      expect(moreFailures(d).length, d.prompt).toBeLessThanOrEqual(3);
      // reading every row's prevention and repair aloud, back to back, is a table recited, not a talk
      expect(step8, d.prompt).not.toMatch(/If it happens anyway/);
      joined += (step8.match(/(?:^|\. )If [^.]+, [^.]+\./g) ?? []).length;
      for (const f of moreFailures(d)) {
        more++;
        expect(step8, d.prompt).toMatch(/more failures? (?:is|are) worth a plan/);
        expect(s.steps[7]?.followUps.length ?? 0).toBeLessThanOrEqual(4);
        expect(bodyFailures(d)).toContain(f);
      }
    }
    expect(more).toBeGreaterThan(0);
    expect(joined).toBeGreaterThan(0);
  });

  it("joins a failure to its fix only when the failure is one clause (never 'If two clients read the same key, …')", () => {
    const d = design("Design a fitness app that lets friends compete in weekly step challenges.");
    const step8 = writeScript(d, { minutes: 45 }).steps[7]?.text ?? "";
    expect(moreFailures(d).some((f) => /two clients read the same key, modify it/i.test(f.failure))).toBe(true);
    expect(step8).not.toMatch(/If two clients read the same key,/);
    expect(step8).toContain("the second write erases the first");
  });

  it("never tells the same failure twice in step 8 (a row restating the first one in other words is left out)", () => {
    const d = design("Design a job queue where each job runs once, 10,000 jobs a minute");
    const step8 = writeScript(d, { minutes: 45 }).steps[7]?.text ?? "";
    expect(step8).toContain("A worker crashes or stalls after it began to run a job");
    expect(d.failures.some((f) => /crashes mid-task after claiming/.test(f.failure))).toBe(true);
    expect(step8).not.toMatch(/crashes mid-task after claiming/);
  });

  it("says the records the hard rule rests on in step 3 by their partition key, and points at the table for the rest", () => {
    const ride = cases[2]?.s.steps[2]?.text ?? "";
    expect(ride).toContain("The hard rule also rests on the driver state, partitioned by driver id.");
    expect(ride).toMatch(/The other \w+ records are in the data-model table\./);
  });

  it("never runs a step past its budget", () => {
    for (const { d, s } of cases)
      for (const st of s.steps)
        expect(st.words, `${d.prompt} step ${st.step}`).toBeLessThanOrEqual(
          Math.floor((st.budgetSeconds / 60) * s.wpm),
        );
  });
});

describe("a partition key said in step 3", () => {
  it("keeps a function of a column whole ('the hash of group', never 'hashgroup') and says several columns as a list", () => {
    expect(partitionSaid("hash(group)")).toBe("the hash of group");
    expect(partitionSaid("hash(from_wallet)")).toBe("the hash of from wallet");
    expect(partitionSaid("(item_id, bucket)")).toBe("item id and bucket");
  });
});
