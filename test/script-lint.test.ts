import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { phrasingProblems } from "../src/render/script/check.js";
import { isConditionClause } from "../src/render/script/speak.js";
import { flipCondition, sayDecision } from "../src/render/script/steps.js";

type Decision = Design["decisions"][number];

const lines = (file: string) =>
  readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** The corpus and the graded and dev prompts (tuned evidence): the scripts the lint reads. */
const PROMPTS = [...lines("corpus.txt"), ...lines("graded-prompts.txt")];

/** The trade-off grammar the lint holds every script to. */
const LINT = [
  "an option's description spliced after a colon",
  'a clause after "with"',
  "the same sentence twice in one script",
  "the same sentence twice in one step",
];

describe("script lint: trade-offs said in one grammar, each sentence once", () => {
  it("finds no spliced option description, no clause after 'with' and no repeated sentence in any corpus script", () => {
    const found: string[] = [];
    for (const p of PROMPTS) {
      const problems = phrasingProblems(writeScript(design(p), { minutes: 45 })).filter((x) =>
        LINT.some((l) => x.problem.startsWith(l)),
      );
      for (const x of problems) found.push(`${p}\n  step ${x.step}: ${x.problem}`);
    }
    expect(found).toEqual([]);
  }, 900_000);

  it("the lint catches each of the three", () => {
    const fake = (sentences: string[]) =>
      ({
        steps: [{ step: 6, sentences, followUps: [] }],
        deepDives: [],
      }) as unknown as Parameters<typeof phrasingProblems>[0];
    const problems = phrasingProblems(
      fake([
        "I'd pick orchestration, rather than a delivery state machine: each effect's state kept in one store.",
        "A range-partitioned index would win with readers scan key ranges.",
        "The stated freshness bound is 5 seconds.",
        "The model puts it at about 330 milliseconds, inside it.",
        "The stated freshness bound is 5 seconds.",
      ]),
    ).map((x) => x.problem);
    for (const l of LINT.slice(0, 2))
      expect(
        problems.some((x) => x.startsWith(l)),
        l,
      ).toBe(true);
    expect(problems.some((x) => x.startsWith("the same sentence twice"))).toBe(true);
  });
});

describe("a trade-off's parts are said in their own form", () => {
  const option = (id: string, name: string, buys: string, winsWhen: string) => ({
    id,
    name,
    buys,
    costs: "one more moving part",
    winsWhen,
  });
  const decision = (options: ReturnType<typeof option>[]): Decision =>
    ({
      id: "x",
      question: "Which?",
      chosen: options[0]?.id ?? "",
      options,
    }) as unknown as Decision;

  it("names an option by the words before its colon and gives a labelled reason by its clause", () => {
    const said = sayDecision(
      decision([
        option(
          "leased",
          "leased from a coordination store",
          "safe under restarts: two live processes never share an id",
          "x",
        ),
        option(
          "machine",
          "a delivery state machine: each effect's state, retries and parking kept in one store",
          "one store",
          "the effects cannot be undone",
        ),
      ]),
    ).join(" ");
    expect(said).not.toMatch(/: each effect's state|restarts: two/);
    expect(said).toContain("a delivery state machine");
    expect(said).toContain("because two live processes never share an id");
  });

  it("says a flip condition as a finite clause after 'if'", () => {
    for (const c of [
      "readers scan key ranges",
      "clients append to or rewrite files in place",
      "no key comes near one task's throughput",
      "what people type changes slowly",
      "recommendations or queries walk several hops online",
    ]) {
      expect(isConditionClause(c), c).toBe(true);
      expect(flipCondition(c)).toBe(`if ${c}`);
    }
    expect(flipCondition("tens of thousands of placements a second")).toBe(
      "if there are tens of thousands of placements a second",
    );
    expect(flipCondition("a handful of long-lived hosts")).toBe("if there are a handful of long-lived hosts");
    expect(isConditionClause("digital goods or services delivered at once")).toBe(false);
  });
});
