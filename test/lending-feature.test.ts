import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * A library's loans and holds: a copy lent to one patron at a time by a conditional write on its row, holds queued
 * per title in request order, fines in the patron's own ledger; not a seat hold, and no card payment provider unless
 * the prompt asks for payments.
 */
const UNIVERSITY = "Design a library system for a university: catalog search, loans, holds, and late fees.";
const RESERVE = "Design a library's book reservation and checkout system.";
const CITY = "Design a library management system for a city's 30 branches: catalog, holds, checkouts and late fees.";

const ids = (p: string) => design(p).features.map((f) => f.id);
const comps = (p: string) => design(p).components.map((c) => c.id);

describe("library lending (loans and holds)", () => {
  it("draws lending with catalogue search for library prompts, with no seat hold and no payment provider", () => {
    for (const p of [
      UNIVERSITY,
      RESERVE,
      CITY,
      "Design a public library's app for borrowing e-books and placing holds.",
    ]) {
      const d = design(p);
      const f = d.features.map((x) => x.id);
      expect(f, p).toContain("lending");
      expect(f, p).toContain("search");
      expect(f, p).not.toContain("booking");
      expect(f, p).not.toContain("checkout");
      const c = d.components.map((x) => x.id);
      expect(c, p).toContain("circulation-db");
      for (const gone of ["payment-provider", "provider", "lock-leader", "booking-service", "order-service"])
        expect(c, p).not.toContain(gone);
      expect(d.coherence, p).toEqual([]);
    }
  });

  it("keeps one loan per copy, holds in order and fines once per loan and day as hard rules", () => {
    const rules = design(CITY).invariants.map((i) => i.statement);
    expect(
      rules.some((r) => /^A copy is on loan to at most one patron: .*conditional write on the Copy row/.test(r)),
    ).toBe(true);
    expect(rules.some((r) => /^Holds on a title are served in the order placed/.test(r))).toBe(true);
    expect(rules.some((r) => /fined once per day past due and never beyond the cap/.test(r))).toBe(true);
    // a checkout that cannot reach the copy's row is refused, not guessed
    const nfrs = design(CITY).nfrs;
    expect([nfrs.consistency, nfrs.availability]).toEqual(["linearizable", "fail-closed"]);
  });

  it("sizes from the stated branches and patrons, with a popular title's hold queue as the hotspot", () => {
    const d = design(
      "Design a library management system for a city's 30 branches with 200,000 patrons: catalog, holds, checkouts and late fees.",
    );
    const loans = d.capacity.find((c) => c.id === "loans_per_year");
    expect(loans?.value).toBe(3_000_000);
    expect(loans?.inputs.find((i) => i.name === "users")?.source).toBe("stated");
    const desk = d.capacity.find((c) => c.id === "checkouts_per_branch_per_sec");
    expect(desk?.inputs.find((i) => i.name === "sites")?.value).toBe(30);
    expect(d.bottlenecks.some((b) => /^A popular new title/.test(b.bottleneck))).toBe(true);
    expect(d.decisions.find((x) => x.id === "lending-hold-queue")?.chosen).toBe("ordered-rows");
    expect(d.decisions.find((x) => x.id === "lending-fines")?.chosen).toBe("nightly-accrual");
  });

  it("keeps the card checkout where the library prompt asks for payments", () => {
    const p = "Design the checkout system for a city library with 20 branches where patrons pay fines online by card.";
    expect(ids(p)).toEqual(expect.arrayContaining(["lending", "checkout"]));
    expect(comps(p)).toContain("payment-provider");
  });

  it("is not drawn for a shop checkout, a concert seat hold, money loans or a software library", () => {
    expect(ids("Design an online shop's checkout with a shopping cart.")).toEqual(["checkout"]);
    const concert = ids("Design a concert ticketing system where users pick seats and hold them for 10 minutes.");
    expect(concert).toContain("booking");
    expect(concert).not.toContain("lending");
    for (const p of [
      "Design a lending platform for peer-to-peer loans.",
      // its due dates and late fees are a money loan's repayments, not a library's copies
      "Design a peer-to-peer lending platform where borrowers see their repayment due dates and late fees.",
      "Design a peer-to-peer lending marketplace where lenders fund loan applications and borrowers make repayments.",
      "Publish each library release once under its version and let build machines download it quickly from anywhere.",
      "Design a hotel reservation system with room holds.",
    ])
      expect(ids(p), p).not.toContain("lending");
  });
});
