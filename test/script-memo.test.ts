import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { withScript, writeScript } from "../src/render/script/index.js";
import { forScript, perScript } from "../src/render/script/memo.js";

const PROMPT = "Design a distributed lock service where a crashed holder must not keep the lock forever";

describe("answers remembered while one script is written", () => {
  it("answers once per question and key inside forScript, and each time outside it", () => {
    const d = design(PROMPT);
    let asked = 0;
    const ask = (key: string) =>
      perScript(d, ask, key, () => {
        asked++;
        return `${key}!`;
      });
    ask("a");
    ask("a");
    expect(asked).toBe(2);
    asked = 0;
    forScript(d, () => {
      expect([ask("a"), ask("a"), ask("b")]).toEqual(["a!", "a!", "b!"]);
    });
    expect(asked).toBe(2);
    // another design inside the scope is never answered from this one's memory
    asked = 0;
    const other = design(PROMPT);
    forScript(d, () => {
      ask("a");
      perScript(other, ask, "a", () => asked++);
    });
    expect(asked).toBe(2);
  });

  it("a design changed between two scripts is scripted as it is now", () => {
    // a derived design is frozen; a caller's own copy may change
    const d = structuredClone(design(PROMPT));
    writeScript(d);
    d.bottlenecks.reverse();
    d.failures.splice(0, 1);
    expect(writeScript(d)).toEqual(writeScript(structuredClone(d)));
  });

  it("withScript keeps exactly the steps writeScript times", () => {
    const d = design(PROMPT);
    expect(withScript(d).script).toEqual(writeScript(d).steps);
  });
});
