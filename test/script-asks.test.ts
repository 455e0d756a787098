import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/** "The prompt asks for" takes a thing; a clause with a verb of its own is what the prompt says. */
describe("a requirement clause said aloud", () => {
  it("says a clause with its own verb, never 'asks for a … must …'", () => {
    for (const p of [
      "Design a leader election service for 400 database shards: each shard must never have two primaries at once, and a new primary must be chosen within 10 seconds of a failure.",
      "Build leader election for 100 Kafka-like partitions where a new leader must be elected within 5 seconds of a crash.",
    ]) {
      const said = design(p)
        .script.map((s) => s.text)
        .join(" ");
      expect(said, p).not.toMatch(/asks for (?:a|an|the) [^.]*\b(?:must|should|may|can|will)\b/);
    }
  });
});

describe("the paths a mechanism guards, said aloud", () => {
  it("never says one verb twice with the second bare ('accepting the order and accepting')", () => {
    for (const p of [
      "Design a food delivery app.",
      "Build an app like DoorDash for 2 million daily orders.",
      "Design a grocery delivery service where shoppers accept orders and couriers deliver them.",
    ]) {
      const said = design(p)
        .script.map((s) => s.text)
        .join(" ");
      expect(said, p).not.toMatch(/\b(\w+ing) [\w ]+ and \1,/);
    }
  });
});
