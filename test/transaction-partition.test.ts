import { describe, expect, it } from "vitest";
import { checkCoherence, retryRuleKeptByOther } from "../src/engine/coherence.js";
import type { DataModelRow } from "../src/engine/design/types.js";
import { coPartitioned } from "../src/engine/fields/data-model.js";
import { canKeep } from "../src/knowledge/index.js";
import { type Design, design } from "../src/lib/index.js";

// a rule that changes several records in one transaction holds only where they share a partition key; a per-shopper
// limit across stock buckets cannot, and names its claim-then-compensate step instead

const SEATS =
  "Design a movie theater seat booking system handling 50,000 bookings per minute at peak, where two customers can never book the same seat.";
const CONCERT = "Design a concert ticket system where each fan may buy at most 4 tickets.";
const FLASH =
  "Design an inventory service for flash sales where 1 million shoppers compete for 10,000 units and stock never goes negative.";
const DROP = "Design a limited sneaker drop where 200,000 buyers race for 5,000 pairs and nothing is ever oversold.";
const WEBHOOKS =
  "Design a webhook delivery service that sends 100 million events a day to customer endpoints, retries failures for up to 3 days, and keeps each customer's events in order.";
const RELAY =
  "Design an event relay that keeps each merchant's events in order and retries failed deliveries for a day.";
const FEED =
  "Design a news feed for a social network with 500 million daily users where a new post from a followed account shows up within 5 seconds.";

const spans = (d: Design) => checkCoherence(d).filter((p) => p.rule === "transaction-spans-partitions");
const row = (d: Design, name: RegExp) => d.dataModel.find((r) => name.test(r.entity));

describe("the rows a one-transaction rule changes share a partition key", () => {
  it.each([SEATS, CONCERT])("a booking is partitioned by its event, as its seats are (%s)", (p) => {
    const d = design(p);
    expect(row(d, /^Booking/)?.partitionKey).toBe(row(d, /^Item/)?.partitionKey);
    expect(row(d, /^Booking/)?.partitionKey).toBe("event_id");
    expect(spans(d)).toEqual([]);
  });

  it.each([FLASH, DROP])("an order sits in its reservation's bucket, and a shopper's claim spans buckets (%s)", (p) => {
    const d = design(p);
    const order = row(d, /^Order/);
    expect(order?.partitionKey).toBe(row(d, /^Reservation/)?.partitionKey);
    expect(order?.fields).toContain("bucket");
    // the one-per-shopper limit is its own row, keyed by what it limits, written before any bucket
    expect(row(d, /^ShopperClaim/)?.partitionKey).toBe("sale_id, shopper_id");
    const rule = d.invariants.find((i) => /at most once per/.test(i.statement))?.statement ?? "";
    expect(rule).toMatch(/claim .* written first/);
    expect(rule).toMatch(/compensation/);
    expect(spans(d)).toEqual([]);
  });

  it.each([WEBHOOKS, RELAY])(
    "a delivery and its outbox entry sit under the ordering key, and so do the shards (%s)",
    (p) => {
      const d = design(p);
      const outbox = row(d, /^OutboxEntry/);
      const delivery = d.dataModel.find((r) => /\(WorkflowInstance\)$|^WorkflowInstance$/.test(r.entity));
      expect(delivery?.partitionKey).toBe(outbox?.partitionKey);
      expect(delivery?.fields).toContain(outbox?.partitionKey);
      const key = (outbox?.partitionKey ?? "").replace(/_id$/, "");
      const shards = d.capacity.find((c) => c.id === "state_shards");
      if (shards) expect(shards.quantity).toContain(`split over by ${key} id`);
      expect(spans(d)).toEqual([]);
    },
  );

  it("moves a self-keyed row under the one scope key the rule's other rows sit under", () => {
    const rows: DataModelRow[] = [
      {
        entity: "Seat",
        key: ["show_id", "seat_id"],
        fields: ["state", "hold_token"],
        indexes: [],
        partitionKey: "show_id",
        owner: "db",
        archetype: "x",
      },
      {
        entity: "Ticket",
        key: ["ticket_id"],
        fields: ["buyer_id"],
        indexes: [],
        partitionKey: "ticket_id",
        owner: "db",
        archetype: "x",
      },
    ];
    const out = coPartitioned(rows, ["A Ticket is issued only with its hold token checked in the same write."]);
    expect(out[1]?.partitionKey).toBe("show_id");
    expect(out[1]?.fields).toContain("show_id");
    // a rule that changes one record, or names no transaction, moves nothing
    expect(coPartitioned(rows, ["A Ticket is issued once."])).toEqual(rows);
  });

  it("coherence flags a one-transaction rule over rows under different keys, and a uniqueness across partitions", () => {
    const d = design(SEATS);
    const apart: Design = {
      ...d,
      dataModel: d.dataModel.map((r) => (/^Booking/.test(r.entity) ? { ...r, partitionKey: "booking_id" } : r)),
    };
    expect(
      spans(apart)
        .map((p) => p.detail)
        .join(" "),
    ).toMatch(/Booking \(partitioned by booking_id\)/);
    const f = design(FLASH);
    const unique: Design = {
      ...f,
      invariants: [
        ...f.invariants,
        {
          ...(f.invariants[0] as Design["invariants"][number]),
          statement:
            "A stock row is decremented for a shopper at most once per sale: the reservation is unique on (sale, shopper) and is inserted in the same transaction as the decrement.",
        },
      ],
      dataModel: f.dataModel.map((r) =>
        /^Reservation/.test(r.entity) ? { ...r, indexes: ["(sale_id, shopper_id) unique", ...r.indexes] } : r,
      ),
    };
    expect(
      spans(unique)
        .map((p) => p.detail)
        .join(" "),
    ).toMatch(/uniqueness .*\(sale_id, shopper_id\) unique/);
  });
});

describe("a mechanism protects a rule whose property it keeps", () => {
  it("an outbox keeps publish-when-committed, never 'never twice'", () => {
    expect(
      canKeep(
        "transactional-outbox",
        "A published post reaches each follower's home feed once and never appears twice.",
      ),
    ).toBe(false);
    expect(
      canKeep(
        "transactional-outbox",
        "Every effect a Delivery requires has an OutboxEntry committed in the same transaction as the state change that required it.",
      ),
    ).toBe(true);
    expect(
      canKeep("transactional-outbox", "An acknowledged post change is never lost; it may be delivered again."),
    ).toBe(true);
  });

  it("an idempotency key keeps no rule whose lead is 'never lost'; a lease keeps a holder, not a key's mapping", () => {
    expect(
      canKeep(
        "idempotency-key",
        "An acknowledged raw event is never lost; it may be delivered again, and every consumer tolerates the repeat.",
      ),
    ).toBe(false);
    expect(canKeep("idempotency-key", "Each RawEvent adds to its window at most once, by its event id.")).toBe(true);
    expect(
      canKeep(
        "lease",
        "A request key maps to exactly one Delivery and one request hash; a retried request returns the original result.",
      ),
    ).toBe(false);
    expect(canKeep("lease", "A seat has at most one live hold for a time.")).toBe(true);
  });

  it("the feed's 'never twice' is kept by the dedup, not the outbox; the outbox keeps 'never lost'", () => {
    const d = design(FEED);
    const outbox = d.mechanisms.find((m) => m.id === "transactional-outbox");
    expect(outbox?.protects ?? outbox?.serves ?? "").not.toMatch(/never appears twice/);
    expect(d.mechanisms.some((m) => /never appears twice/.test(m.protects) && /dedup|idempotency/.test(m.id))).toBe(
      true,
    );
    expect(retryRuleKeptByOther(d)).toEqual([]);
  });

  it("coherence flags an outbox said to keep 'never twice'", () => {
    const d = design(FEED);
    const wrong: Design = {
      ...d,
      mechanisms: d.mechanisms.map((m) =>
        m.id === "transactional-outbox"
          ? {
              ...m,
              protects: d.invariants.find((i) => /never appears twice/.test(i.statement))?.statement ?? "",
              serves: undefined,
            }
          : m,
      ),
    };
    expect(checkCoherence(wrong).some((p) => p.rule === "mechanism-keeps-other-kind")).toBe(true);
  });
});
