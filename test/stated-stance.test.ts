import { describe, expect, it } from "vitest";
import { statedPathStances } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { statedConfirmation, statedLocalAutonomy, statedTenure } from "../src/engine/stated-stance.js";

const predicate = (d: ReturnType<typeof design>, id: string) => d.predicates.find((p) => p.id === id);

describe("a part the prompt says keeps working while cut off", () => {
  it("is read from a keep/continue verb and a cut-off clause, or from working offline", () => {
    expect(statedLocalAutonomy("Kiosks keep issuing tickets while disconnected from the head office.")?.quote).toBe(
      "keep issuing tickets while disconnected",
    );
    expect(
      statedLocalAutonomy("Each pump keeps running its watering schedule if the central scheduler goes down.")?.quote,
    ).toBe("keeps running its watering schedule if the central scheduler goes down");
    expect(statedLocalAutonomy("The inspection app works offline in basements.")?.quote).toBe("works offline");
  });

  it("is not a retry loop or a pass resuming after a crash", () => {
    expect(statedLocalAutonomy("Workers keep retrying uploads while the cache is down.")).toBeUndefined();
    expect(
      statedLocalAutonomy("Walk every photo and continue from where it left off if a worker crashes."),
    ).toBeUndefined();
  });

  it("is not the system staying up through the loss of its own site, nor reads served through a loss", () => {
    expect(statedLocalAutonomy("A replicated store keeps serving reads when a data centre fails.")).toBeUndefined();
    expect(statedLocalAutonomy("The cluster keeps accepting writes if a node dies.")).toBeUndefined();
    expect(statedLocalAutonomy("Readers keep answering queries while the primary is unreachable.")).toBeUndefined();
    expect(
      statedLocalAutonomy("The store keeps erasure-coded fragments and rebuilds them when a server is unreachable."),
    ).toBeUndefined();
    expect(statedLocalAutonomy("Each till keeps selling if the store server is down.")?.quote).toBe(
      "keeps selling if the store server is down",
    );
  });

  it("makes the design stay available, while a stated never-two rule still fails closed on its own path", () => {
    const d = design(
      "Design the point-of-sale backend for 3,000 ferry ticket kiosks at remote piers. Kiosks keep issuing tickets while disconnected from the head office and sync their sales when the link returns, a seat on a sailing must never be sold twice, and fares changed centrally must reach every kiosk within 10 minutes.",
    );
    expect(d.nfrs.availability).toBe("stay-available");
    expect(d.nfrs.sources.availability?.because).toContain("keep issuing tickets while disconnected");
  });
});

describe("an outcome the prompt says an outside party confirms", () => {
  it("names the party, an organisation rather than a person of the design's own workflow", () => {
    expect(statedConfirmation("A booking is final only once the ocean carrier confirms it.")?.party).toBe(
      "ocean carrier",
    );
    expect(statedConfirmation("A transfer must be approved by the receiving bank.")?.party).toBe("receiving bank");
    expect(statedConfirmation("An expense is paid only after the manager approves it.")).toBeUndefined();
  });

  it("makes the effect external and draws the party, its reconciler and a pending record", () => {
    const d = design(
      "Design the backend for a shipping container booking service. Shippers book slots on vessels, a booking is final only once the ocean carrier confirms it, each slot can be booked by at most one shipper, and 5,000 booking requests per minute arrive at peak.",
    );
    expect(predicate(d, "external-effect")?.holds).toBe(true);
    expect(predicate(d, "external-effect")?.because).toContain("only once the ocean carrier confirms");
    const party = d.components.find((c) => c.kind === "external" && /ocean carrier/i.test(c.name));
    expect(party).toBeDefined();
    expect(d.components.some((c) => c.kind === "control-loop" && /reconciler \(ocean carrier\)/.test(c.name))).toBe(
      true,
    );
    expect(d.links.some((l) => l.to === party?.id && l.kind === "request")).toBe(true);
    expect(d.dataModel.find((r) => r.entity === "ConfirmationRequest")?.fields.join(" ")).toContain(
      "pending → confirmed | failed",
    );
    expect(statedPathStances(d)).toEqual([]);
  });
});

describe("a claim the prompt treats as lasting ownership", () => {
  it("is lasting only where the prompt names nothing that lapses", () => {
    expect(statedTenure("Each mark is registered to one applicant only.")?.quote).toBe("registered to");
    expect(statedTenure("Every invoice issued by any of our branches gets a number.")).toBeUndefined();
    expect(
      statedTenure("Each domain is registered to one customer, and a holder whose lease is not renewed loses it."),
    ).toBeUndefined();
  });

  it("is no time-bounded hold, and its claim carries no lease", () => {
    const d = design(
      "Design a trademark registry. A mark must never be registered to two applicants, ownership can be transferred by assignment, 10 million searches per day must return within 200 ms, and every change needs an audit history.",
    );
    expect(predicate(d, "time-bounded-hold")?.holds).toBe(false);
    expect(predicate(d, "time-bounded-hold")?.because).toContain("'registered to'");
    const rule = d.invariants.find((i) => /registered to two applicants/i.test(i.because));
    expect(rule?.statement).toContain("The claim does not lapse");
    expect(rule?.statement).not.toContain("carries a lease");
    expect(d.components.some((c) => /expiry sweeper/i.test(c.name))).toBe(false);
    expect(d.api.some((a) => a.operation === "keep-alive")).toBe(false);
    expect(statedPathStances(d)).toEqual([]);
  });

  it("keeps the lease where the holder may crash", () => {
    const d = design(
      "Design a distributed job lock for 4,000 backup agents. Each agent takes a lock on a server before backing it up, an agent may crash mid-backup, and a lock whose holder stops heartbeating must be released within 30 seconds so another agent can take over.",
    );
    expect(predicate(d, "time-bounded-hold")?.holds).toBe(true);
    expect(d.components.some((c) => /expiry sweeper/i.test(c.name))).toBe(true);
  });
});

describe("the coherence rule over stated path stances", () => {
  it("flags a design that fails closed everywhere, denies the outside effect or lets a lasting claim lapse", () => {
    const base = design("Design a trademark registry. Each mark is registered to one applicant only.");
    const failing = {
      ...base,
      prompt:
        "Machines keep selling while offline, a sale is final only once the card issuer confirms it, and each machine is registered to one owner.",
      nfrs: { ...base.nfrs, availability: "fail-closed" as const },
      predicates: base.predicates.map((p) =>
        p.id === "external-effect"
          ? { ...p, holds: false }
          : p.id === "time-bounded-hold"
            ? { ...p, holds: true, because: "a lease" }
            : p,
      ),
      components: base.components.filter((c) => c.kind !== "external"),
    };
    const details = statedPathStances(failing).map((p) => p.detail);
    expect(details.some((x) => x.includes("fails closed on every path"))).toBe(true);
    expect(details.some((x) => x.includes("external-effect is no"))).toBe(true);
    expect(details.some((x) => x.includes("no outside component stands for the card issuer"))).toBe(true);
    expect(details.some((x) => x.includes("time-bounded-hold is yes"))).toBe(true);
  });
});
