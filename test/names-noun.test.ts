import { describe, expect, it } from "vitest";
import { namesNoun } from "../src/engine/text.js";

describe("namesNoun: one reading of whether a text names a noun", () => {
  it("finds the noun and its plurals as words of their own, in any case", () => {
    expect(namesNoun("POST /orders", "order")).toBe(true);
    expect(namesNoun("reserve boxes", "box")).toBe(true);
    expect(namesNoun("each Policy holds", "policy")).toBe(true);
    expect(namesNoun("list policies", "policy")).toBe(true);
    expect(namesNoun("the seat's hold", "seat")).toBe(true);
    expect(namesNoun("hold a time slot", "time slot")).toBe(true);
    expect(namesNoun("order-id", "order")).toBe(true);
  });

  it("never finds it inside a longer word or after an apostrophe", () => {
    expect(namesNoun("reorder items", "order")).toBe(false);
    expect(namesNoun("orderly queue", "order")).toBe(false);
    expect(namesNoun("o'order", "order")).toBe(false);
    expect(namesNoun("seating plan", "seat")).toBe(false);
  });
});
