import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const notDrawn = (p: string) => classify(p).archetypes.flatMap((a) => a.notDrawn ?? []);

/** A supporting archetype is drawn for the job it serves, not for a word it often stands beside. */
describe("supports drawn only for their job", () => {
  it("a product's name in the head is no shared state its users edit together", () => {
    const p = "Design a recipe sharing app where users post dishes and see their friends' recipes.";
    expect(ids(p)).not.toContain("I13");
    const aside = notDrawn(p).find((n) => n.id === "I13");
    expect(aside?.rule).toBe("head-system");
    expect(aside?.because).toContain("'sharing'");
    expect(ids("Design a video sharing site where viewers see what creators upload.")).not.toContain("I13");
  });

  it("keeps the shared state a product asks for in a clause of its own", () => {
    expect(
      ids(
        "Build a recipe sharing site where all members of a family see the same shared shopping list as they edit it.",
      ),
    ).toContain("I13");
  });

  it("a word that only dates the prompt's own work draws no due-time release", () => {
    const p =
      "Design a batch processing system like Hadoop that runs 20,000 nightly jobs over 5 PB of logs on 4,000 machines.";
    expect(ids(p)).not.toContain("I03");
    expect(notDrawn(p).find((n) => n.id === "I03")?.because).toContain("say when the prompt's own work runs");
    expect(ids("Grow the pool of rendering machines when the queue gets long and shrink it at night.")).not.toContain(
      "I03",
    );
  });

  it("still draws due-time release where the prompt asks to act at a stored time", () => {
    expect(ids("Send each subscriber a reminder at the exact time they picked, even if a server restarts.")).toContain(
      "I03",
    );
    expect(ids("Cancel every unpaid order 30 minutes after it was placed, even across restarts.")).toContain("I03");
  });
});
