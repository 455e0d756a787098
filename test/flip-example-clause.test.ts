import { describe, expect, it } from "vitest";
import { checkCoherence, flipExamples } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const HOTEL =
  "Design a hotel booking system where a room is never booked twice for the same night and payment is charged once.";

describe("a win condition's examples are things, not the clauses that explain them", () => {
  it("reads no example from a clause opened by where, when or which", () => {
    expect(flipExamples("each unit is unique (holiday rentals, where the count is one)")).toEqual(["holiday"]);
    expect(flipExamples("the subject is small (a notification, when it is rare)")).toEqual(["notification"]);
  });

  it("a prompt's 'where' is no flip example of the hotel's inventory model", () => {
    expect(checkCoherence(design(HOTEL)).map((p) => p.rule)).not.toContain("flip-example-is-subject");
  });
});
