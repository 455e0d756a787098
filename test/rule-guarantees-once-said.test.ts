import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseGuarantees } from "../src/engine/nfr-parse.js";
import { baseOf } from "../src/engine/stated-once.js";

const once = (p: string) => parseGuarantees(p).filter((g) => g.kind === "once");

describe("a repeat forbidden in words beyond 'never … the same … twice'", () => {
  it("reads the thing, the act and the whole clause with its condition", () => {
    expect(
      once(
        "Design a service that renews 5 million library loans each night; it must never renew a loan twice, even if a worker dies mid-batch.",
      ),
    ).toEqual([
      {
        kind: "once",
        noun: "loan",
        act: "renew",
        quote: "it must never renew a loan twice, even if a worker dies mid-batch",
      },
    ]);
    expect(
      once(
        "Our clinic sends vaccination reminders by SMS. Each reminder must go out exactly once, even when the sending service restarts.",
      ),
    ).toEqual([
      {
        kind: "once",
        noun: "reminder",
        act: "send",
        quote: "Each reminder must go out exactly once, even when the sending service restarts",
      },
    ]);
    expect(
      once("Warehouse robots pick totes all day, and no pick may happen twice when a robot reboots.")[0],
    ).toMatchObject({
      noun: "pick",
      act: "perform",
      quote: "and no pick may happen twice when a robot reboots".replace(/^and /, ""),
    });
    expect(once("Sweep every expired coupon each hour, never deleting a coupon twice.")[0]).toMatchObject({
      noun: "coupon",
      act: "delete",
    });
    // a bare "never twice" is said of the passive before it in its sentence
    expect(
      once("Each insurance claim is approved by an adjuster and paid out to the policyholder, never twice.")[0],
    ).toMatchObject({ noun: "claim", act: "pay", quote: "never twice" });
    // an act said doubled is said of what that act is done to earlier in the prompt
    expect(
      once(
        "The old system sometimes triggers an alarm twice. Design the alarm core so it can never double-trigger.",
      )[0],
    ).toMatchObject({
      noun: "alarm",
      act: "trigger",
    });
  });

  it("reads nothing where a repeat is a rate, is allowed, or another reader takes it", () => {
    for (const p of [
      "Never hit one site more than twice a second.",
      "A message may be delivered twice; consumers deduplicate.",
      "Users can like a post once and unlike it once.",
      "The limits must hold across all of our API servers.",
      "Every job must run on exactly one runner even if a runner dies mid-job.",
      "A voucher can only be used once per customer.",
      "Everyone must see all the updates at once.",
      "Design a payment service that charges cards exactly once",
    ])
      expect(once(p), p).toEqual([]);
  });

  it("becomes the once rule with its failure row, a stance that keeps it, and a carried clause", () => {
    for (const prompt of [
      "Design a service that renews 5 million library loans each night; it must never renew a loan twice, even if a worker dies mid-batch.",
      "Our clinic sends vaccination reminders by SMS. Each reminder must go out exactly once, even when the sending service restarts.",
    ]) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => /^No (?:loan|reminder) is (?:renewed|sent) twice\./.test(i.statement));
      expect(rule, prompt).toBeDefined();
      expect(rule?.statement).toMatch(/claim keyed by/);
      expect(d.nfrs.delivery).toBe("exactly-once");
      expect(
        d.failures.some((f) =>
          /^A worker crashes or stalls after it began to (?:renew a loan|send a reminder)/.test(f.failure),
        ),
      ).toBe(true);
      expect(d.statedRequirements.filter((r) => /twice|once/.test(r.clause)).every((r) => r.carried)).toBe(true);
      expect(d.coherence.filter((c) => c.rule === "qualifier-unkept" || c.rule === "requirement-not-carried")).toEqual(
        [],
      );
    }
  });

  it("takes a verb's base from its gerund, participle or third person", () => {
    expect(
      "processing running firing issuing charging creating released submitted downgraded paid goes treated"
        .split(" ")
        .map(baseOf),
    ).toEqual("process run fire issue charge create release submit downgrade pay go treat".split(" "));
  });

  it("gives back the 'e' a gerund or participle dropped after 'or', 'ar' and 'ach', and only there", () => {
    expect(
      "scoring scored storing restored ignoring sharing compared declared caching cached pricing monitoring mirrored clearing reaching honored"
        .split(" ")
        .map(baseOf),
    ).toEqual(
      "score score store restore ignore share compare declare cache cache price monitor mirror clear reach honor".split(
        " ",
      ),
    );
  });

  it("says a worker's act on a thing scored once in its base form, never a bare stem", () => {
    const d = design(
      "Build a risk engine for card payments: 20,000 payments a second, each payment scored exactly once.",
    );
    const text = JSON.stringify(d);
    expect(text).not.toMatch(/\bscor\b/);
  });
});
