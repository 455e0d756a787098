import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

const lead = (p: string) => classify(p).archetypes.find((a) => a.role === "dominant");
const ids = (p: string) => classify(p).archetypes.map((a) => a.id);

describe("a subject is not picked from one stray pair of words", () => {
  it("a requirement read from two words together, with nothing else for its archetype, does not lead", () => {
    // 'login … service' fell into the families of 'measurements from a whole fleet' (a telemetry pipeline)
    const login =
      "Design a password reset and login service for 300 million accounts that blocks brute-force attacks and never lets a reset token be used twice.";
    expect(lead(login)?.id).not.toBe("I18");
    // its words stand in the head, where they name what is built: not placed as a part either
    expect(ids(login)).not.toContain("I18");
    // 'server … restore' fell into the families of a staged rollout
    const backup =
      "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.";
    expect(lead(backup)?.id).not.toBe("I11");
    // a paraphrase and a related prompt read the same way
    expect(
      lead("Design a sign-in service for 50 million users that locks an account after five failed logins.")?.id,
    ).not.toBe("I18");
    expect(
      lead(
        "Design a fitness app where each user's workout streak stays correct even when they log from their watch and phone at once.",
      )?.id,
    ).not.toBe("I11");
  });

  it("says why such a part is weak, and counts its own words low so the design does not draw it", () => {
    const backup =
      "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.";
    const rollout = classify(backup).archetypes.find((a) => a.id === "I11");
    if (rollout) {
      expect(rollout.own ?? 1).toBeLessThan(0.3);
      expect(rollout.evidence.join(" ")).toMatch(/two words together/);
    }
  });

  it("still leads on a pair the prompt's other words corroborate", () => {
    expect(
      lead("Roll a new pricing rule out to all checkout servers gradually, and let operators roll it back at once.")
        ?.id,
    ).toBe("I11");
    expect(lead("Only one copy of the billing job may run per account, even when two schedulers fire.")?.id).toBe(
      "I02",
    );
  });

  it("a cadence read only from the body says when the thing the head names works, not what is built", () => {
    const backup =
      "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.";
    expect(lead(backup)?.id).not.toBe("I03");
    // 'every night' alone only says when the backups run: the due-time archetype is not drawn at all (stray support)
    expect(ids(backup)).not.toContain("I03");
    // a head that names no other component keeps the timed work
    expect(lead("Design a report service that emails each customer a usage summary every morning.")?.id).toBe("I03");
  });
});

describe("a product kind that qualifies the part the head names is not a product ask", () => {
  it("a kind before a head that ends on an archetype's own word names whose component it is", () => {
    // the head's last word must be a word of an archetype's problem ("like counter", as "YouTube view counter"): a
    // kind before a product's own part ("a food delivery courier dispatcher", "a ride-hailing surge pricing service")
    // stays the product, whose feature designs that part
    expect(
      classify(
        "Design a ride-hailing surge pricing service that recomputes prices for 10,000 city zones every 30 seconds.",
      ).branch.kind,
    ).toBe("product");
    expect(
      classify(
        "Design a food delivery courier dispatcher: 300,000 couriers report their position every 5 seconds and orders are matched to the nearest courier.",
      ).branch.kind,
    ).toBe("product");
    // a store the product keeps is its part too ("a shopping cart store")
    expect(
      classify(
        "Design a shopping cart store for 80 million carts where a cart survives a data-center outage and two devices adding items at the same moment never lose either item.",
      ).branch.kind,
    ).toBe("infra");
    // named after 'for', the kind says whose part it is too
    expect(
      classify(
        "Design a dynamic pricing service for a ride-hailing app that updates each zone's multiplier every minute from open requests and idle drivers.",
      ).branch.kind,
    ).toBe("infra");
  });

  it("named after 'for', the kind is asked for through its feature when the head's noun is what that feature does", () => {
    // 'dispatch' is an act of the ride-matching feature ('dispatch drivers'), whose phrase 'ride hailing' names the
    // product: the head asks for that feature of the product, so the product's features are drawn beside the claim
    const dispatch = classify(
      "Design the dispatch system for a ride-hailing app: 500,000 drivers report their location every 4 seconds, a rider's request is matched to a nearby free driver within 3 seconds, and a driver is never assigned to two rides at once.",
    );
    expect(dispatch.branch.kind).toBe("mixed");
    expect(dispatch.archetypes[0]?.id).toBe("I02");
    expect(dispatch.branch.evidence.join(" ")).not.toMatch(/only qualifies the part the head names/);
    // a part no feature of that product does stays a part the product only owns
    expect(
      classify("Design a fraud scoring service for a ride-hailing app that flags suspicious trips.").branch.kind,
    ).toBe("infra");
    // and a word before the head's noun only qualifies it ('order' of "an order number service")
    expect(
      classify("Design an order number service for a food delivery app that never repeats a number.").branch.kind,
    ).toBe("infra");
  });

  it("a product kind followed only by a word for the whole product stays a product ask", () => {
    expect(classify("Design a ride-hailing app with surge pricing.").branch.kind).toBe("product");
    expect(classify("Design a ride-hailing service.").branch.kind).toBe("product");
    expect(classify("Design the backend for a food delivery app.").branch.kind).toBe("product");
  });
});
