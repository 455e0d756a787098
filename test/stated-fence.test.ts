import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseFence } from "../src/engine/stated-fence.js";

describe("a stated hand-over of a hold, the old holder's late acts refused (engine/stated-fence.ts)", () => {
  it("reads a stale holder kept from acting, a lapsing hold and a take-over, quoting the whole clause", () => {
    expect(
      parseFence(
        "Several cron hosts use Redis SETNX so only one of them sends the daily digest. Redesign this so a paused holder can never act after losing its claim.",
      ),
    ).toEqual({
      kind: "fenced-takeover",
      quote: "Redesign this so a paused holder can never act after losing its claim",
    });
    expect(
      parseFence(
        "In our yard, each crane may be driven by only one operator at a time. If an operator's tablet drops, its reservation must lapse so another operator can take the crane, and the first operator must not keep acting on it.",
      )?.quote,
    ).toBe(
      "its reservation must lapse so another operator can take the crane, and the first operator must not keep acting on it",
    );
    expect(
      parseFence(
        "A clerk who opens an invoice should be the only one able to edit it until she saves, and an edit sent after her hold has lapsed must be rejected.",
      )?.quote,
    ).toBe("an edit sent after her hold has lapsed must be rejected");
    expect(
      // (a thousands comma marks no clause)
      parseFence(
        "Build leader election for 2,000 shards where each primary holds a lease and a paused primary must never keep writing.",
      )?.quote,
    ).toBe(
      "Build leader election for 2,000 shards where each primary holds a lease and a paused primary must never keep writing",
    );
    expect(
      parseFence("Exactly one replica may act as the leader, and it must step down if it cannot renew its term.")
        ?.quote,
    ).toBe("it must step down if it cannot renew its term");
  });

  it("does not read an old version, a first step or a hold that is only timed", () => {
    expect(parseFence("The old version must not be served after a release.")).toBeUndefined();
    expect(parseFence("The first payment must not be charged before the order ships.")).toBeUndefined();
    expect(parseFence("A seat someone picks must be held for that buyer for 8 minutes.")).toBeUndefined();
  });

  it("carries the clause by a rule kept by a fencing token, on the write that checks it, with its failure row said once", () => {
    for (const [prompt, clause] of [
      [
        "We use Redis SET NX with a TTL so that only one cron host runs the monthly statement batch. Sometimes a long GC pause makes two hosts both believe they own it. Redesign this so a stale holder can never act.",
        "a stale holder can never act",
      ],
      [
        "At most one dispatcher process may assign ambulances for a given county at any time. If its machine drops off the network another must take over within 10 s, and the old one must not be able to push assignments when it comes back.",
        "the old one must not be able to push assignments",
      ],
      [
        "Only one node may send the daily settlement file to the bank, and if that node hangs, another must take over without both sending it.",
        "take over without both sending it",
      ],
    ] as const) {
      const d = design(prompt);
      expect(d.statedRequirements.find((r) => r.clause.includes(clause))?.carried, prompt).toBe(true);
      const rule = d.invariants.find((i) => i.statement.startsWith("A holder that stops renewing loses its hold"));
      expect(rule?.keptBy, prompt).toBe("fencing-token");
      expect(d.mechanisms.some((m) => m.id === "fencing-token")).toBe(true);
      const paused = d.failures.filter((f) =>
        /\b(?:paus\w*|frozen)\b.*\blease\b.*\b(?:expired|lapsed)\b/i.test(f.failure),
      );
      expect(
        paused.map((f) => f.failure),
        prompt,
      ).toEqual([]);
      expect(d.failures.some((f) => f.failure.startsWith("A holder pauses past its lease"))).toBe(true);
      expect(
        d.coherence.filter((c) => /requirement-not-carried|qualifier-unkept|stated-rule/.test(c.rule)),
        prompt,
      ).toEqual([]);
    }
  });
});
