import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseSplit } from "../src/engine/stated-split.js";

describe("a stated promise of one agreed answer, never two, under a split or a minority down (engine/stated-split.ts)", () => {
  it("reads split-brain, two deciders at once, a refusing minority and an agreement that must hold", () => {
    expect(parseSplit("Design a lock service: a coordinator cluster that must never split-brain.")).toEqual({
      kind: "one-answer",
      quote: "a coordinator cluster that must never split-brain",
    });
    expect(
      parseSplit(
        "The routing table tells 90 gateways which node leads each partition; it must never name two leaders at once, even during a network split.",
      )?.quote,
    ).toBe("it must never name two leaders at once, even during a network split");
    expect(
      parseSplit("Nine servers keep the schema history. A minority that gets cut off must refuse writes.")?.quote,
    ).toBe("A minority that gets cut off must refuse writes");
    expect(
      parseSplit(
        "Our brokers need one agreed answer to 'who owns this topic?' That answer must stay correct, and never split in two, while two of five machines are down.",
      )?.quote,
    ).toBe("That answer must stay correct, and never split in two, while two of five machines are down");
  });

  it("does not read two of something that is not a decider, or an answer that only has to be fast", () => {
    expect(parseSplit("A seat can never be sold to two buyers.")).toBeUndefined();
    expect(parseSplit("The answer must stay under 50 ms.")).toBeUndefined();
    expect(parseSplit("Every order must be accepted by the warehouse within a day.")).toBeUndefined();
  });

  it("leaves two a thing is held by or given to to the thing's one-holder rule, kept on its lease's own record", () => {
    for (const prompt of [
      "Design a distributed lock service for a fleet of 5,000 batch hosts; a lock must never be held by two hosts at once, even across network partitions.",
      "Our 900 owners share a lock service: a lock can never be granted to two owners at the same time, even during a network split.",
      "Build a lock manager for 300 application servers: no lock may ever be held by two servers at the same time, even during a network split.",
      "Design a distributed lock service for our job scheduler. A lock must never be held by two scheduler hosts at once, even across network partitions.",
    ]) {
      expect(parseSplit(prompt), prompt).toBeUndefined();
      const d = design(prompt);
      const rule = d.invariants.find((i) => /\bnever (?:held|granted)\b|\bheld by two\b/i.test(i.statement));
      expect(rule?.keptBy, prompt).toBe("lease");
      expect(
        d.invariants.some((i) => i.statement.startsWith("There is one agreed answer")),
        prompt,
      ).toBe(false);
      // the lock's own record is its lease: no Lock row beside it, no interval columns, and the counted holders are
      // the service's clients, not leases
      expect(
        d.dataModel.map((r) => r.entity).filter((e) => /^(?:Lock|May)$/.test(e)),
        prompt,
      ).toEqual([]);
      const lease = d.dataModel.find((r) => r.entity === "Lease");
      expect(
        lease?.fields.filter((f) => /starts_at|ends_at/.test(f)),
        prompt,
      ).toEqual([]);
      expect(lease?.because ?? "", prompt).not.toMatch(/\bplays the prompt's\b/);
    }
  });

  it("carries the clause by a majority-commit rule, kept by consensus replication, with its split row said once", () => {
    for (const [prompt, clause] of [
      [
        "Today ZooKeeper decides which broker is the cluster controller. If you had to replace it, how would you make sure a network split can never leave us with two controllers?",
        "never leave us with two controllers",
      ],
      [
        "Five control servers must agree on one ordered history of changes to the cluster's settings. A minority that gets cut off must refuse writes, and a server that restarts must catch up before it is allowed to vote.",
        "A minority that gets cut off must refuse writes",
      ],
    ] as const) {
      const d = design(prompt);
      expect(d.statedRequirements.find((r) => r.clause.includes(clause))?.carried, prompt).toBe(true);
      const rule = d.invariants.find((i) => i.statement.startsWith("There is one agreed answer, never two"));
      expect(rule?.keptBy, prompt).toBeDefined();
      expect(d.mechanisms.some((m) => m.id === rule?.keptBy)).toBe(true);
      expect(
        d.failures.some((f) => f.failure.startsWith("A network split cuts the voters in two")),
        prompt,
      ).toBe(true);
      expect(
        d.failures.filter((f) => /\bpartition splits the replicas\b|\bold leader keeps acting\b/i.test(f.failure)),
        prompt,
      ).toEqual([]);
      expect(
        d.coherence.filter((c) =>
          /requirement-not-carried|qualifier-unkept|stated-rule|invariant-off-path/.test(c.rule),
        ),
        prompt,
      ).toEqual([]);
    }
  });
});
