import { describe, expect, it } from "vitest";
import { guaranteeClauses, REPEAT_KEEPERS } from "../src/engine/stated-clauses.js";
import { design } from "../src/lib/index.js";

/** The rules a prompt's "never … twice" clauses read as: statement and head noun. */
const read = (p: string) => guaranteeClauses(p).map((c) => [c.statement, c.head]);

describe("an act the prompt says is never done twice, with no subject that names its thing", () => {
  it("is said of the act's object in the passive, or of the act itself, with what the repeat is counted per", () => {
    expect(
      read("Design a loyalty points service that posts to partner airlines and must never credit a member twice."),
    ).toEqual([["A member is never credited twice.", "member"]]);
    expect(
      read("Build a claims system that calls the insurer's gateway, and never refund twice when it times out."),
    ).toEqual([["Nothing is ever refunded twice.", "refund"]]);
    expect(read("Design a report scheduler that must never email twice for the same schedule tick.")).toEqual([
      ["Nothing is ever emailed twice for the same schedule tick.", "tick"],
    ]);
    expect(read("Design a label service that buys from carriers and must not buy twice for the same parcel.")).toEqual([
      ["Nothing is ever bought twice for the same parcel.", "parcel"],
    ]);
  });

  it("quotes the clause from its start, so the words that say whose repeat it is stand in the rule's quote", () => {
    const [c] = guaranteeClauses(
      "When a grant is approved, call the bank; a repeated approval must not transfer twice.",
    );
    expect(c?.quote).toBe("a repeated approval must not transfer twice");
    expect(c?.statement).toBe("Nothing is ever transferred twice.");
  });

  it("reads the passive with a modal in place of 'ever' ('no seat may be sold twice'), a kind's words kept", () => {
    expect(
      read("Design a mobile game backend where players earn daily rewards; no reward can be claimed twice."),
    ).toEqual([["No reward is ever claimed twice.", "reward"]]);
    const [c] = guaranteeClauses(
      "Design a garage where drivers reserve spots. No spot may be assigned twice for the same hour.",
    );
    expect(c?.kind).toBe("interval");
  });

  it("reads no rate and no pronoun as an act's object", () => {
    expect(read("Design a crawler that must never hit one site more than twice a second.")).toEqual([]);
    // a grant of a thing is kept by its holder's rule, not by the id a repeat carries to another party
    expect(read("Design a lease service that survives losing a node without ever granting a shard twice.")).toEqual([]);
    expect(read("Design a payout system that never pays anyone twice.")).toEqual([
      ["Nothing is ever paid twice.", "pay"],
    ]);
  });
});

describe("a rule that an act is never done twice, whose thing no write names", () => {
  const rule = (p: string) =>
    design(p).invariants.find((i) => /twice/.test(i.statement) && /the prompt says '/.test(i.because));

  it("is kept by the design's write that makes a repeat take effect once by its id, and carries its clause", () => {
    const p =
      "Design a tax filing pipeline that calls the tax authority's API per return, and never submit a return twice.";
    const r = rule(p);
    expect(r?.statement).toMatch(
      /^A return is never submitted twice\. .+ on the .+ write keys each attempt by one id, so a repeat takes effect once\./,
    );
    expect(REPEAT_KEEPERS).toContain(r?.keptBy);
    const row = design(p).statedRequirements.find((x) => x.clause === "never submit a return twice");
    expect(row?.carried).toBe(true);
    expect(row?.carriedBy.some((c) => c.kind === "rule" && /never submitted twice/.test(c.what))).toBe(true);
  });

  it("is kept so whatever its subject, when the subject is only the repeat's cause ('retries must never charge …')", () => {
    const r = rule(
      "Design a subscription box service that charges members monthly through a card processor; retries must never charge a member twice.",
    );
    expect(r?.statement).toMatch(/^Retries must never charge a member twice\. .+ keys each attempt by one id/);
    expect(REPEAT_KEEPERS).toContain(r?.keptBy);
  });

  it("is kept first by a write that names what the repeat is counted per (the run a partner call belongs to)", () => {
    const r = rule(
      "Design a nightly report scheduler that emails each report to finance and must never email twice for the same schedule tick.",
    );
    expect(r?.keptBy).toBe("claim-run");
  });

  it("is kept by such a write only for an act that reaches another party, never a use of a thing no write names", () => {
    const r = rule(
      "Design a coupon wallet for a grocery chain that pays out cashback to bank accounts, where no coupon can be redeemed twice.",
    );
    expect(r?.statement).toMatch(/^No coupon is ever redeemed twice\./);
    expect(r?.keptBy).toBeUndefined();
  });

  it("says no mechanism keeps it when the design has no write that keys a repeat by its id", () => {
    const r = rule(
      "Design a prescription refill service that messages pharmacies and never messages a pharmacy twice for one refill.",
    );
    expect(r?.keptBy).toBeUndefined();
    expect(r?.statement).toMatch(/no mechanism in this design keeps it yet\.$/);
  });
});
