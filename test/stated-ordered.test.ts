import { describe, expect, it } from "vitest";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { design } from "../src/lib/index.js";
import { seqs, stated } from "./stated-helpers.js";

describe("a party's taken things never overlap in time: interval exclusion keyed by the party", () => {
  it("reads the party and what it takes, apart from one holder and a resource's interval", () => {
    const kinds = (p: string) => guaranteeClauses(p).map((c) => [c.kind, c.head, c.taken]);
    expect(
      kinds("Design a tutoring marketplace where a tutor is never booked into two sessions that overlap."),
    ).toEqual([["party-overlap", "tutor", "session"]]);
    expect(kinds("Design a courier shift app where no driver works two overlapping shifts.")).toEqual([
      ["party-overlap", "driver", "shift"],
    ]);
    // a thing held by one party at a time stays one holder; a resource's own bookings stay per-resource intervals
    expect(kinds("Design a quiz league: a contestant is never in two quizzes at once.")[0]?.[0]).toBe("one-holder");
    expect(
      kinds("Design a kayak rental service where a kayak is never rented to two people for overlapping hours.")[0]?.[0],
    ).toBe("interval");
  });

  it("keeps it on the party's busy intervals in every section, with a failure row in the prompt's nouns", () => {
    const d = design("Design a film festival planner where no juror attends two screenings that overlap.");
    const rule = stated(d, /no juror attends two screenings/);
    expect(rule?.keptBy).toBe("party-interval-exclusion");
    expect(rule?.statement).toMatch(/serialised per juror/);
    expect(rule?.statement).not.toMatch(/no mechanism in this design keeps it/);
    const row = d.dataModel.find((r) => r.entity === "JurorBusyInterval");
    expect(row?.key).toEqual(["juror_id", "starts_at"]);
    expect(row?.fields).toEqual(expect.arrayContaining(["screening_id", "ends_at"]));
    expect(row?.indexes.join(" ")).toMatch(/exclusion on \(juror_id, \[starts_at, ends_at\)\)/);
    expect(seqs(d)).toMatch(/no JurorBusyInterval of this juror_id overlaps/);
    expect(d.failures[0]?.failure).toMatch(/A juror takes two screenings whose times overlap/);
  });
});

describe("a per-key state never moves backwards: an ordered apply", () => {
  it("reads the key, the updates that carry it and whether the state is a ranked step", () => {
    const [c] = guaranteeClauses(
      "Design an order fulfilment tracker where an order's stage must never move backwards when warehouse events arrive out of order.",
    );
    expect(c).toMatchObject({ kind: "forward-only", head: "stage", key: "order", ranked: true });
    expect(
      guaranteeClauses(
        "Design a weather station ingest service where an older observation must never overwrite a newer one.",
      )[0],
    ).toMatchObject({ kind: "forward-only", head: "observation" });
    // a status noun ending in -us stays itself
    expect(guaranteeClauses("Design a tracker where a package's status never goes backwards.")[0]?.head).toBe("status");
  });

  it("a ranked state: rank and event order on the key's row, late updates kept in history, a failure row in its nouns", () => {
    const d = design(
      "Design a ride tracking backend where a trip's state never regresses when driver app events are retried or delayed.",
    );
    const rule = stated(d, /trip's state never regresses/);
    expect(rule?.keptBy).toBe("ordered-apply");
    expect(rule?.statement).toMatch(/still kept in the history/);
    const row = d.dataModel.find((r) => r.entity === "Trip");
    expect(row?.fields).toEqual(expect.arrayContaining(["status_rank", "last_event_at", "last_event_seq"]));
    expect(seqs(d)).toMatch(/\(event_at, event_seq\) #gt; \(Trip\.last_event_at, Trip\.last_event_seq\)/);
    expect(d.failures[0]?.failure).toMatch(/would move the trip's state back/);
    // an ordered apply recognises a repeat: a retried event is no rule kept by another kind of mechanism
    expect(d.coherence.map((c) => c.rule)).not.toContain("retry-rule-kept-by-other");
  });

  it("a value that is its own order: a conditional write above the stored value", () => {
    const d = design("Design a collaborative wiki where a page's revision number never decreases.");
    const rule = stated(d, /revision number never decreases/);
    expect(rule?.keptBy).toBe("ordered-apply");
    expect(rule?.statement).toMatch(/WHERE revision_number < new/);
    expect(d.dataModel.some((r) => r.indexes.some((i) => /revision_number < the new revision_number/.test(i)))).toBe(
      true,
    );
  });
});

describe("a bound on a per-key quantity: one conditional update that checks it", () => {
  it("reads the quantity, its key, the bound and its side, apart from a total cap and a holder's cap", () => {
    expect(
      guaranteeClauses("Design a cloud quota service where a project's vCPU usage never goes over its quota.")[0],
    ).toMatchObject({ kind: "quantity-bound", quantity: "usage", key: "project", bound: "quota", side: "ceiling" });
    expect(guaranteeClauses("Design a wallet where a wallet's balance never goes below zero.")[0]).toMatchObject({
      kind: "quantity-bound",
      key: "wallet",
      side: "floor",
    });
    expect(
      guaranteeClauses("Design a limited sneaker release: at most 5,000 pairs in total.").map((c) => c.kind),
    ).toEqual(["total-cap"]);
  });

  it("the key's row carries the quantity and its bound; the contention is from the stated rate on one key", () => {
    const d = design(
      "Design a sportsbook where the exposure on each market must stay under its limit, with 4,000 bets per second on a single market.",
    );
    const rule = stated(d, /exposure on each market/);
    expect(rule?.keptBy).toBe("bounded-quantity-update");
    expect(rule?.statement).toMatch(/4,000 conditional writes a second, more than the about 1,000/);
    const row = d.dataModel.find((r) => r.fields.includes("exposure_limit"));
    expect(row?.indexes.join(" ")).toMatch(/WHERE exposure \+ amount <= exposure_limit/);
    expect(d.failures[0]?.failure).toMatch(/one market's exposure race/);
  });

  it("a rate on one key said with a scale word is read at its scale, as the stated total rate is", () => {
    const d = design(
      "Design a sportsbook where the exposure on each market must stay under its limit, with 2 million bets per second on a single market.",
    );
    expect(stated(d, /exposure on each market/)?.statement).toMatch(/2,000,000 conditional writes a second, more than/);
  });

  it("a floor at zero with no per-key rate: no contention figure; the call carries the key and the amount", () => {
    const d = design("Design a prepaid card platform where a card's balance never goes below zero.");
    const rule = stated(d, /balance never goes below zero/);
    expect(rule?.keptBy).toBe("bounded-quantity-update");
    expect(rule?.statement).toMatch(/less the amount stays at or above zero/);
    expect(rule?.statement).not.toMatch(/conditional writes a second/);
    expect(seqs(d)).toMatch(/Card\.balance - amount #gt;= 0/);
    const call = d.api.find((a) => a.errors.includes("409 the card's balance would go below zero"));
    expect(call?.request).toEqual(expect.arrayContaining(["card_id", "amount", "idempotency_key"]));
  });
});
