import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { parseReplay } from "../src/engine/stated-replay.js";

describe("a stated replay of a retained log from a past position (engine/stated-replay.ts)", () => {
  it("reads the ability to go back, rewind or rebuild from history, quoting the whole requirement clause", () => {
    expect(
      parseReplay(
        "The fraud, analytics and email teams each read those changes at their own pace, and each must be able to go back and re-read everything since last Tuesday.",
      ),
    ).toEqual({ kind: "replay-from", quote: "each must be able to go back and re-read everything since last Tuesday" });
    expect(
      parseReplay(
        "Every tap a rider makes is an event that fare calculation, fraud detection and analytics must each process in order per card, at their own pace, with replay after a bug.",
      )?.quote,
    ).toBe(
      "fraud detection and analytics must each process in order per card, at their own pace, with replay after a bug",
    );
    expect(
      parseReplay("Several stores derive from the order log. New views must be buildable from history.")?.quote,
    ).toBe("New views must be buildable from history");
    expect(
      parseReplay(
        "A risk service we add next year must be able to reprocess the last 30 days from the beginning, at its own pace, without slowing down the readers that already exist.",
      )?.quote,
    ).toBe(
      "A risk service we add next year must be able to reprocess the last 30 days from the beginning, at its own pace, without slowing down the readers that already exist",
    );
  });

  it("does not read a copy rebuilt from its source, or a replay no one asks to be able to do", () => {
    expect(
      parseReplay("A search index over support tickets must be rebuildable from the tickets table."),
    ).toBeUndefined();
    expect(parseReplay("Lost fragments must be rebuilt automatically after a disk dies.")).toBeUndefined();
    expect(parseReplay("Consumers read in order and commit their offsets.")).toBeUndefined();
  });

  it("carries the clause by a rule, its keeper and its failure row", () => {
    for (const [prompt, clause] of [
      [
        "Every change to an order has to be recorded in the sequence it happened and kept for 7 days. The fraud, analytics and email teams each read those changes at their own pace, and each must be able to go back and re-read everything since last Tuesday.",
        "re-read everything",
      ],
      [
        "Fans of our cricket app get ball-by-ball events. The stats service, the commentary service and the odds service each read every ball in order, and a new service must be able to rebuild its state from the first ball of the season.",
        "rebuild its state",
      ],
      [
        "Every trade event from the exchange has to be kept in order per instrument, and a risk service we add next year must be able to reprocess the last 30 days from the beginning, at its own pace, without slowing down the readers that already exist.",
        "reprocess the last 30 days",
      ],
    ] as const) {
      const d = design(prompt);
      expect(d.statedRequirements.find((r) => r.clause.includes(clause))?.carried, prompt).toBe(true);
      const rule = d.invariants.find((i) =>
        i.statement.startsWith("Any reader can reread the log from a past position"),
      );
      expect(rule?.keptBy, prompt).toBe("consumer-offsets");
      expect(d.mechanisms.some((m) => m.id === "consumer-offsets")).toBe(true);
      expect(d.failures.some((f) => f.failure.startsWith("A reader ships a bug"))).toBe(true);
      expect(d.coherence.filter((c) => /requirement-not-carried|qualifier-unkept|stated-rule/.test(c.rule))).toEqual(
        [],
      );
    }
  });
});
