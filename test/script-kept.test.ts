import { describe, expect, it } from "vitest";
import { type Design, design, keptBodyKey } from "../src/engine/design/design.js";
import { withScript, writeScript } from "../src/render/script/index.js";
import { keptSteps, promptRead } from "../src/render/script/kept.js";
import type { ScriptStep } from "../src/render/script/types.js";

/**
 * A design of `prompt` with a suffix no field reads ("(case 3)"), derived after the prompt's variants were seen
 * often enough for every field to be kept, so its body is kept (each test has a prompt of its own: kept scripts are
 * shared by every design with that body).
 */
const variant = (prompt: string, n: number): Design => {
  for (let i = 0; i < 3; i++) design(`${prompt} (try ${i})`);
  return design(`${prompt} (case ${n})`);
};
const step = (text: string): ScriptStep[] => [{ text } as unknown as ScriptStep];

describe("scripts kept by the design body they were written from", () => {
  it("a design with the same body whose prompt answers alike is given the kept steps, as written afresh", () => {
    const prompt = "Design a seat-map service for a regional ferry operator where a cabin berth is never sold twice";
    const a = variant(prompt, 1);
    const b = variant(prompt, 1);
    expect(keptBodyKey(a)).toBeDefined();
    expect(keptBodyKey(b)).toBe(keptBodyKey(a));
    const first = withScript(a).script;
    const second = withScript(b).script;
    expect(second).toBe(first);
    expect(second).toEqual(writeScript(b).steps);
    expect(Object.isFrozen(second)).toBe(true);
    // a prompt that differs in a word has the same body but its own stated clauses, which the script says
    const other = variant(prompt, 2);
    expect(keptBodyKey(other)).toBe(keptBodyKey(a));
    expect(withScript(other).script).not.toBe(first);
  });

  it("writes again when the prompt answers a question differently, and keeps both", () => {
    const prompt = "Design a shared ledger of loyalty points for a chain of bakeries where no balance goes negative";
    const eleven = (d: Design) => d.prompt.endsWith("(case 11)");
    let writes = 0;
    const write = (d: Design) => {
      writes++;
      return step(promptRead(d, eleven) ? "eleven" : "other");
    };
    expect(keptSteps(variant(prompt, 11), write)).toEqual(step("eleven"));
    expect(writes).toBe(1);
    expect(keptSteps(variant(prompt, 12), write)).toEqual(step("other"));
    expect(writes).toBe(2);
    expect(keptSteps(variant(prompt, 13), write)).toEqual(step("other"));
    expect(keptSteps(variant(prompt, 11), write)).toEqual(step("eleven"));
    expect(writes).toBe(2);
  });

  it("keeps nothing written from a direct read of the prompt", () => {
    const prompt = "Design a tool-lending library for a maker space where one drill is lent to one member at a time";
    let writes = 0;
    const write = (d: Design) => {
      writes++;
      return step(d.prompt.endsWith("(case 21)") ? "twenty-one" : "other");
    };
    expect(keptSteps(variant(prompt, 21), write)).toEqual(step("twenty-one"));
    expect(keptSteps(variant(prompt, 22), write)).toEqual(step("other"));
    expect(writes).toBe(2);
  });

  it("reads the fields made from the prompt beside the body (its stated requirements) as questions asked of it", () => {
    // two prompts with one body quote different clauses: a script that says a clause is not handed to the other
    const prompt = "Design a seat-map service for a regional ferry operator where a cabin berth is never sold twice";
    const clauses = (d: Design) => d.statedRequirements.map((r) => r.clause).join(" | ");
    let writes = 0;
    const write = (d: Design) => {
      writes++;
      return step(clauses(d));
    };
    const a = variant(prompt, 31);
    const b = variant(prompt, 32);
    expect(keptBodyKey(b)).toBe(keptBodyKey(a));
    expect(clauses(b)).not.toBe(clauses(a));
    expect(keptSteps(a, write)).toEqual(step(clauses(a)));
    expect(keptSteps(b, write)).toEqual(step(clauses(b)));
    expect(writes).toBe(2);
    expect(keptSteps(variant(prompt, 31), write)).toEqual(step(clauses(a)));
    expect(writes).toBe(2);
  });

  it("never shares a body key across different fields, nor gives one to a design with overrides", () => {
    const a = variant(
      "Design a parcel-locker network for a city where a locker door opens for one pickup code only",
      1,
    );
    const other = variant("Design a pub/sub broker for soil-moisture sensors with at-least-once delivery", 1);
    expect(keptBodyKey(other)).toBeDefined();
    expect(keptBodyKey(other)).not.toBe(keptBodyKey(a));
    expect(keptBodyKey(design(a.prompt, ["consistency=eventual"]))).toBeUndefined();
  });
});
