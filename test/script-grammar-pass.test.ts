import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { slotProblems } from "../src/render/script/check.js";
import { grammarFixed, grammarProblems } from "../src/render/script/grammar.js";
import { writeScript } from "../src/render/script/index.js";
import { actionName } from "../src/render/script/speak.js";
import { flipCondition } from "../src/render/script/steps.js";
import { SCRIPT_CORPUS } from "./fixtures/script-corpus.js";

describe("the grammar pass over spoken sentences", () => {
  it("puts articles, irregular participles and four-digit counts right", () => {
    expect(grammarFixed("No parcel is showed twice.")).toBe("No parcel is shown twice.");
    expect(grammarFixed("A worker began to count a update.")).toBe("A worker began to count an update.");
    expect(grammarFixed("It keeps an unique key, a hour and a 8 node ring.")).toBe(
      "It keeps a unique key, an hour and an 8 node ring.",
    );
    expect(grammarFixed("I'd pick an L4 tier and a TTL, over a HTTP call.")).toBe(
      "I'd pick an L4 tier and a TTL, over an HTTP call.",
    );
    expect(grammarFixed("Each tenant gets 5000 jobs a minute.")).toBe("Each tenant gets 5,000 jobs a minute.");
    // a year, a port or a status code keeps its digits; the letter A as a name keeps its case
    expect(grammarFixed("Since 2019 the port 8080 answers; option A wins.")).toBe(
      "Since 2019 the port 8080 answers; option A wins.",
    );
  });
  it("reports each garble shape it knows, and nothing in a clean sentence", () => {
    const kinds = (t: string) => grammarProblems(t).map((p) => p.split(":")[0]);
    expect(kinds("No parcel is showed twice.")).toEqual(['a regular past form after "be"']);
    expect(kinds("Each tenant gets 5000 jobs a minute.")).toEqual(["a count without its thousands separator"]);
    expect(kinds("It counts a update.")).toEqual(["an article before the wrong sound"]);
    expect(kinds("The other way wins if there is the busiest shard's rate nears one disk's limit.")).toEqual([
      'a clause after "if there is"',
    ]);
    expect(kinds("I'd pick a local quotas per region.")).toEqual(["a singular article before a plural"]);
    expect(kinds("The other way wins if there are many hot keys per tenant.")).toEqual([]);
  });
  it("says a flip condition that is a clause as one, and 'change X or remove it' by its first action", () => {
    expect(flipCondition("the busiest shard's rate nears one disk's limit")).toBe(
      "if the busiest shard's rate nears one disk's limit",
    );
    expect(flipCondition("the prompt asks for a queue that never drops")).toBe(
      "if the prompt asks for a queue that never drops",
    );
    expect(flipCondition("tens of thousands of writes a second")).toBe(
      "if there are tens of thousands of writes a second",
    );
    expect(actionName("edit a note's title or delete it: set the title under the request id (note)")).toBe(
      "edit the note's title",
    );
  });
});

describe("the script fills its slot with the design's own substance", () => {
  const prompts = SCRIPT_CORPUS.filter((_, i) => i % 4 === 0);
  const scripts = prompts.map((p) => {
    const d = design(p);
    return { d, s: writeScript(d) };
  });
  it("no grammar problem on the corpus (ceiling 0)", () => {
    const found = scripts.flatMap(({ d, s }) =>
      slotProblems(d, s)
        .filter((x) =>
          /^(?:a regular past|a count without|an article before|a clause after|a singular article)/.test(x.problem),
        )
        .map((x) => `${d.prompt}: ${x.problem}`),
    );
    expect(found).toEqual([]);
  });
  it("step 2 says the stated requirements with what each forces, from the requirement ledger", () => {
    const d = design(
      "Design a parcel tracking service for a courier: 20,000 scans per second at peak, each parcel's status must never go backwards, and customers see a scan within 10 seconds",
    );
    const two = writeScript(d).steps[1]?.sentences ?? [];
    const asks = two.filter((x) => x.startsWith("The prompt says") || x.startsWith("The prompt asks for"));
    expect(asks.length).toBeGreaterThan(0);
    // every quoted clause is one the ledger holds as carried
    for (const a of asks) {
      const clause =
        a
          .replace(/^The prompt (?:says|asks for) /, "")
          .split(", so ")[0]
          ?.replace(/\.$/, "") ?? "";
      expect(
        d.statedRequirements.some(
          (r) => r.carried && r.clause.toLowerCase().includes(clause.slice(0, 20).toLowerCase()),
        ),
      ).toBe(true);
    }
  });
  it("steps 2, 4 and 5 carry more than a few sentences on average", () => {
    const mean = (step: number) =>
      scripts.reduce((n, { s }) => n + (s.steps[step - 1]?.words ?? 0), 0) / Math.max(1, scripts.length);
    expect(mean(2)).toBeGreaterThan(60);
    expect(mean(4)).toBeGreaterThan(90);
    expect(mean(5)).toBeGreaterThan(130);
  });
});
