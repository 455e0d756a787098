import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/** Workers that each take the next item, one item to one worker, are a work queue's consumers, not consumer groups. */
describe("taking the next item is a work queue", () => {
  it("a help desk's agents pulling the next ticket get the work-queue subject", () => {
    for (const p of [
      "Design a ticket queue for a help desk where 2,000 agents pull the next customer ticket and no ticket is handled by two agents.",
      "Design the queue behind a support center: 500 agents each take the next case, and no case is ever handled by two agents.",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id, p).toBe("I05");
      expect(d.archetypes[0]?.variant?.topic, p).toBe("work-queue");
      expect(
        d.components.map((c) => c.id),
        p,
      ).not.toContain("group-coordinator");
    }
  });
  it("a log read by consumer groups at their own offsets stays a log", () => {
    const d = design("Design a message broker where consumer groups read each partition at their own offsets.");
    expect(d.archetypes[0]?.variant?.topic).not.toBe("work-queue");
  });
});
