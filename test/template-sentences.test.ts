import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { promisedClause } from "../src/engine/fields/decisions.js";
import { design, writeScript } from "../src/lib/index.js";
import { spliceProblems } from "../src/render/script/check.js";
import { speakInput } from "../src/render/script/speak.js";

const CORPUS = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith("#"));

describe("template sentences say whole clauses and spoken units", () => {
  it("a decision's reason quotes the whole clause of the invariant it rests on, never a noun cut out of it", () => {
    const statement =
      "No URL is fetched unless the HostState of its host holds a robots.txt fetched within the last day that allows it; a host whose robots.txt is unreachable is treated as disallowing everything until it answers.";
    expect(promisedClause(statement, /robots\.txt/i)).toBe(
      "No URL is fetched unless the HostState of its host holds a robots.txt fetched within the last day that allows it",
    );
    expect(
      promisedClause(
        "No host ever has more than one fetch in flight, and successive fetches to it start at least a delay apart.",
        /more than one fetch in flight/i,
      ),
    ).toBe("No host ever has more than one fetch in flight");
    for (const p of CORPUS) {
      for (const row of design(p).decisions)
        for (const m of JSON.stringify(row).matchAll(/the design promises '([^']*)'/g))
          expect(m[1], `${p}: ${m[0]}`).toMatch(/^[A-Z]/);
    }
  }, 300000);

  it("a duration below a second is said in milliseconds", () => {
    expect(speakInput(0.05, "latency_budget_seconds", "s", "latency target")).toBe(
      "a latency target of 50 milliseconds",
    );
    const s = writeScript(
      design("Design a search autocomplete service answering 100,000 queries per second within 50 ms"),
      {
        minutes: 45,
      },
    );
    const text = s.steps.map((x) => x.text).join(" ");
    expect(text).toMatch(/50 milliseconds/);
    expect(text).not.toMatch(/\b0\.\d+ seconds?\b/);
  });

  it("catches a clause slot after 'not one where' that opens with a noun phrase of its own", () => {
    const problems = spliceProblems({
      steps: [
        {
          step: 6,
          sentences: [
            "I'd pick a temporary hold before payment, not one where no hold, and a conditional write at payment decides.",
          ],
          followUps: [],
        },
      ],
    } as never).map((p) => p.problem);
    expect(problems).toEqual(["a noun phrase where a clause belongs: where no hold"]);
    const cut = spliceProblems({
      steps: [{ step: 1, sentences: ["I'm designing a search autocomplete service answering."], followUps: [] }],
    } as never).map((p) => p.problem);
    expect(cut).toEqual(["a subject cut after its participle: answering"]);
    const s = writeScript(
      design("Design a search autocomplete service answering 100,000 queries per second within 50 ms"),
      {
        minutes: 45,
      },
    );
    expect(s.steps[0]?.text).toMatch(/^I'm designing a search autocomplete service\./);
  });

  it("no corpus script says a sub-second figure in seconds or splices a noun phrase into 'one where'", () => {
    for (const p of CORPUS) {
      const s = writeScript(design(p), { minutes: 45 });
      const text = s.steps.map((x) => x.text).join(" ");
      expect(text, p).not.toMatch(/\b0\.\d+ seconds?\b/);
      expect(
        spliceProblems(s).filter((x) => /where a clause belongs: where|subject cut after/.test(x.problem)),
        p,
      ).toEqual([]);
    }
  }, 300000);
});
