import { describe, expect, it } from "vitest";
import { participle } from "../src/engine/stated-rules.js";

/** One participle for every rule the design states: a stressed closing syllable doubles, an unstressed one does not. */
describe("an act's participle", () => {
  it("doubles only a stressed closing consonant", () => {
    const said = [
      "credit",
      "limit",
      "deposit",
      "edit",
      "ship",
      "stop",
      "submit",
      "commit",
      "overcommit",
      "fire",
      "notify",
      "send",
    ];
    expect(said.map(participle)).toEqual([
      "credited",
      "limited",
      "deposited",
      "edited",
      "shipped",
      "stopped",
      "submitted",
      "committed",
      "overcommitted",
      "fired",
      "notified",
      "sent",
    ]);
  });
});
