import { describe, expect, it } from "vitest";
import { clauses } from "../src/render/script/speak.js";

// a long cell split before ", and …": the part before it gains an "and" only where it ends on a list's open item
describe("a long cell split before its last ', and …'", () => {
  it("adds no 'and' before a piece that only qualifies the clause ('as the key', 'by a conditional append')", () => {
    const [first] = clauses(
      "Send the run id, the same on every attempt of that run, as the idempotency key the target deduplicates by, and keep the outcome the target returned beside the run so a retry reads it first.",
      25,
    );
    expect(first).toBe(
      "Send the run id, the same on every attempt of that run, as the idempotency key the target deduplicates by.",
    );
  });

  it("adds no 'and' inside a list the piece already closes ('send, lease change and ack')", () => {
    const [first, second] = clauses(
      "Store every send, lease change and ack on a quorum of the partition's replicas before answering, and elect the new leader from that quorum with a higher term.",
      25,
    );
    expect(first).toBe(
      "Store every send, lease change and ack on a quorum of the partition's replicas before answering.",
    );
    expect(second).toBe("Also, elect the new leader from that quorum with a higher term.");
  });

  it("still joins two instructions with 'and'", () => {
    const [first] = clauses(
      "Run an odd number of voters across separate failure domains, keep election timeout well above heartbeat and disk latency, and alert on elections that keep failing to reach a majority.",
      25,
    );
    expect(first).toBe(
      "Run an odd number of voters across separate failure domains, and keep election timeout well above heartbeat and disk latency.",
    );
  });
});
