import { describe, expect, it } from "vitest";
import { canKeep } from "../src/knowledge/index.js";
import { design } from "../src/lib/index.js";

const LEDGER =
  "Design a ledger that moves money between accounts at 10,000 transfers per second and never loses or creates money.";
const LEDGER_2 =
  "Design a payments ledger that transfers money between 50 million accounts and never creates or loses money.";
const HOTEL =
  "Design a hotel booking system where a room is never booked twice for the same night and payment is charged once.";
const RIDE = "Design Uber: match riders with drivers and charge each ride once.";

const row = (prompt: string, id: string) => design(prompt).mechanisms.find((m) => m.id === id);

describe("a mechanism is paired by what it keeps on its path, not by shared words", () => {
  it("per-key ordering keeps only a rule about an order or a key's one owner", () => {
    expect(
      canKeep("partition-key-ordering", "A ride is charged once, on completion, under the ride's idempotency key."),
    ).toBe(false);
    expect(
      canKeep("partition-key-ordering", "Within one key, message changes are applied in the order they were accepted."),
    ).toBe(true);
    expect(
      canKeep(
        "partition-key-ordering",
        "For a given PartitionMap epoch, exactly one replica group accepts writes for each key range.",
      ),
    ).toBe(true);
  });

  it.each([HOTEL, RIDE])("per-key ordering never keeps a charge or request-key rule (%s)", (p) => {
    const m = row(p, "partition-key-ordering");
    if (!m) return;
    expect(m.protects).not.toMatch(/charge|request key|idempotency/i);
    if (m.serves) expect(m.serves).toMatch(/^one order per key/);
  });

  it.each([LEDGER, LEDGER_2])("the credit's idempotency key keeps the transfer's once-only rule (%s)", (p) => {
    const m = row(p, "idempotency-key");
    expect(m?.serves).toBeUndefined();
    expect(m?.protects).toMatch(/at most once|once/);
  });
});
