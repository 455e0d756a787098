import { describe, expect, it } from "vitest";
import type { OperationRow } from "../src/engine/design/types.js";
import { keyedEntities, mechanismTouches, touchedEntities } from "../src/engine/fields/mechanism-rows.js";
import { canKeep } from "../src/knowledge/mechanisms/keeps.js";
import { requirementKind } from "../src/knowledge/requirement-kinds.js";

// Answers the engine remembers (by their inputs) for speed must be the answers it would compute afresh, whatever was
// asked before them.

const op = (phrase: string, entity: string): OperationRow =>
  ({
    phrase,
    operation: "write",
    interaction: "request",
    entity,
    archetype: "I05",
    critical: true,
    hidden: false,
    because: phrase,
  }) as unknown as OperationRow;

describe("remembered readings", () => {
  const operations = [op("send a transfer", "Transfer"), op("open an account", "Account")];
  const because = ["applied once per transfer id, so a retried send changes nothing"];
  const fresh = (id: string) => {
    const out = touchedEntities(because, operations);
    if (id === "idempotency-key") for (const e of keyedEntities(because, operations)) out.add(e);
    return [...out];
  };

  it("a mechanism's touched entities are the same remembered or afresh, for a repeat keeper and any other", () => {
    // the same reasons and operations asked for a mechanism that keys repeats and one that does not, in both orders
    for (const order of [
      ["idempotency-key", "lease"],
      ["lease", "idempotency-key"],
    ]) {
      const ops = [...operations];
      for (const id of order) expect([...mechanismTouches(id, because, ops)], id).toEqual(fresh(id));
    }
    expect([...mechanismTouches("idempotency-key", because, operations)]).toContain("Transfer");
  });

  it("an operations list that grew is read again", () => {
    const ops = [op("open an account", "Account")];
    const text = ["keeps one transfer per key"];
    expect([...mechanismTouches("lease", text, ops)]).toEqual([]);
    ops.push(op("keep a transfer", "Transfer"));
    expect([...mechanismTouches("lease", text, ops)]).toEqual([...touchedEntities(text, ops)]);
  });

  it("canKeep and requirementKind answer the same when asked again", () => {
    const rules = [
      "A transfer is applied at most once, however many times it is retried.",
      "At most one worker holds a job's lease at a time.",
      "Events of one account are applied in the order they were written.",
    ];
    for (const id of ["idempotency-key", "lease", "ordered-apply", "fencing-token"]) {
      const first = rules.map((r) => canKeep(id, r));
      expect(
        rules.map((r) => canKeep(id, r)),
        id,
      ).toEqual(first);
    }
    for (const clause of ["clients that reconnect catch up on what they missed", "admins can pause a schedule"]) {
      const first = requirementKind(clause);
      expect(requirementKind(clause)).toBe(first);
    }
    expect(requirementKind("clients that reconnect catch up on what they missed")?.id).toBe("catch-up");
    expect(requirementKind("the weather is nice")).toBeUndefined();
  });
});
