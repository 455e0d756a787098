import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

const read = (p: string) => classify(p);
const lead = (p: string) => read(p).archetypes[0];
const ids = (p: string) => read(p).archetypes.map((a) => a.id);

describe("a stated hard rule leads when the head names no kind", () => {
  it("a cap on a count leads over admission control read from side words, and says which rule made the lead", () => {
    const p =
      "Design a museum timed-entry system where no more than 300 visitors in total may be admitted to one time slot.";
    const d = lead(p);
    expect(d?.id).toBe("I16");
    expect(d?.evidence.join(" ")).toMatch(/stated hard rule 'no more total'.*leads over I08/);
  });

  it("an exclusive claim on a lent thing is read with words between its parts", () => {
    expect(
      lead(
        "Design a camera rental shop with gear profiles, where one camera body can never be lent to two photographers at once.",
      )?.id,
    ).toBe("I02");
  });

  it("an alert router is an incident paging kind, so paging once leads over monitoring words", () => {
    expect(
      lead("Design an on-call alert router. Alerts for the same outage must page the on-call engineer only once.")?.id,
    ).toBe("I12");
  });

  it("keeps an archetype that states a requirement of its own in several words", () => {
    // "two people editing the same card at once" is shared-subject coordination's own requirement, not a side word
    expect(
      lead("Design a kanban board app where two people moving the same card at once end up with the same board.")?.id,
    ).toBe("I13");
  });

  it("an exclusive claim stated with words between its parts leads over a side noun", () => {
    expect(
      lead("Design a blood bank service where a unit of blood must never be allocated to two patients at once.")?.id,
    ).toBe("I02");
  });

  it("a once-only use of a handed-out thing is a claim kept by a conditional create", () => {
    const d = lead(
      "Design a gift voucher service. Each voucher can be redeemed only once, even if two tills scan it together.",
    );
    expect(d?.id).toBe("I02");
    expect(d?.evidence[0]).toMatch(/used up once/);
  });

  it("a cap on a count in total is kept by the bounded count, not admission control", () => {
    const p =
      "Design a museum timed-entry system where no more than 300 visitors in total may be admitted to one time slot.";
    expect(lead(p)?.id).toBe("I16");
    expect(ids(p)).not.toContain("I08");
  });

  it("does not move a head that names a kind of system", () => {
    expect(lead("Design a rate limiter where each customer may make at most 100 requests per second.")?.id).toBe("I08");
  });
});

describe("a freshness bound is no rate cap", () => {
  for (const p of [
    "Design a flight status service. Gate information shown to travelers must be no more than 10 seconds stale.",
    "Design a newsroom ticker. Headlines shown on screens must be no more than 3 seconds behind the wire.",
    "Design a stadium food ordering service. Inventory shown to fans must be no more than 2 seconds out of date.",
  ])
    it(p, () => expect(ids(p)).not.toContain("I08"));

  it("a cap per unit of time still reads as one", () => {
    expect(lead("Each client may send no more than 20 requests per second to the search API.")?.id).toBe("I08");
  });
});

describe("a cutoff is checked on the write path, not released at its time", () => {
  it("writes in the final span before a close lead over due-time release", () => {
    const p =
      "Design a sports betting service. Betting on a match must close at exactly kickoff, and bets placed in the final second before kickoff must still be accepted.";
    expect(lead(p)?.id).not.toBe("I03");
  });

  it("says the cutoff made the lead when due-time words were stronger", () => {
    const p =
      "Design a charity pledge drive where pledges must stop being accepted at exactly midnight, and gifts made in the last minute before the cutoff must still count.";
    const d = lead(p);
    expect(d?.id).toBe("I16");
    expect(d?.evidence.join(" ")).toMatch(/cutoff checked on the write path/);
  });

  it("an action a stated time before an event is still a due time", () => {
    expect(lead("Send each guest a reminder email one day before their check-in date.")?.id).toBe("I03");
  });
});

describe("a brand after 'like' brings only what it shares with the head's kind", () => {
  it("drops the brand's own business when the head names another kind", () => {
    expect(ids("Design a rate limiter like Stripe's.")).toEqual(["I08"]);
    expect(lead("Design an image resizing service like Dropbox's.")?.id).toBe("I15");
  });

  it("keeps what the brand shares with the head", () => {
    expect(lead("Design a webhook delivery platform like Stripe's.")?.id).toBe("I12");
  });

  it("makes no product ask of the brand", () => {
    expect(read("Design an ID generator like Twitter's.").branch.kind).toBe("infra");
  });
});
