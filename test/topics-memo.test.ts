import { describe, expect, it } from "vitest";
import { designTopicsSpoken, TOPIC_VALUES, type Topic, unspokenBesides } from "../src/knowledge/topics.js";

// unspokenBesides and designTopicsSpoken remember their last answers (a design asks them many times of the same
// kept lists): a remembered answer must still be the answer to the list asked about, and shared answers are frozen.
describe("remembered topic answers", () => {
  it("answers each spoken list with its own unspoken topics, frozen, the same object when asked again", () => {
    const a = [{ value: "money" as Topic }];
    const b = [{ value: "email" as Topic }, { value: "push" as Topic }];
    const ua = unspokenBesides(a);
    const ub = unspokenBesides(b);
    expect(ua).toEqual(TOPIC_VALUES.filter((t) => t !== "money"));
    expect(ub).toEqual(TOPIC_VALUES.filter((t) => t !== "email" && t !== "push"));
    expect(Object.isFrozen(ua)).toBe(true);
    expect(unspokenBesides(a)).toBe(ua);
    expect(unspokenBesides(undefined)).toEqual([...TOPIC_VALUES]);
  });

  it("answers the same prompt with other features by those features' words", () => {
    const prompt = "Design a small shop";
    const pay = [{ name: "checkout", actions: ["charge the card"] }];
    const mail = [{ name: "receipts", actions: ["email the receipt"] }];
    const withPay = designTopicsSpoken(prompt, pay).map((t) => t.value);
    const withMail = designTopicsSpoken(prompt, mail).map((t) => t.value);
    expect(withPay).toContain("money");
    expect(withMail).toContain("email");
    expect(withMail).not.toContain("money");
    expect(designTopicsSpoken(prompt, pay).map((t) => t.value)).toEqual(withPay);
    expect(Object.isFrozen(designTopicsSpoken(prompt, mail))).toBe(true);
  });
});
