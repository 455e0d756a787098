// Kinds of system an interview asks for, named in the head, lead with the archetype that builds them (round 21, lane
// kinds): a kind an archetype builds only partly still asks for a system, a product word inside a kind's noun is the
// kind's, and of two kinds in the head the first is what is built.
import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { SYSTEM_KINDS } from "../src/knowledge/signals/kinds.js";
import { design } from "../src/lib/index.js";

const read = (prompt: string) => {
  const r = classify(prompt);
  return { branch: r.branch.kind, top: r.archetypes[0]?.id, evidence: r.archetypes[0]?.evidence.join(" ") ?? "" };
};

describe("a kind named in the head", () => {
  it("asks for a system even where no archetype builds it whole (low confidence, not a product)", () => {
    for (const [p, id] of [
      ["Design an A/B testing service for a mobile game studio with 40 million players.", "I11"],
      ["Design a bot mitigation service for a retailer's 40 storefronts.", "I08"],
      ["Design a certificate manager for 12,000 internal services.", "I11"],
    ] as const) {
      const r = read(p);
      expect(r.branch, p).toBe("infra");
      expect(r.top, p).toBe(id);
      expect(r.evidence, p).toMatch(/which no archetype builds whole, so it is read with low confidence/);
    }
    // a one-time code service is built whole by I16's own subject (archetypes/I16/otp.ts), an inference platform by
    // I15's (archetypes/I15/serving.ts)
    expect(read("Design an inference platform for a bank's 120 credit risk models.").evidence).toMatch(
      /which is what I15 builds/,
    );
    const codes = read("Design a verification code service for a telehealth app's 9 million patients.");
    expect(codes.top).toBe("I16");
    expect(codes.evidence).toMatch(/which is what I16 builds/);
  });

  it("reads incident paging and feature stores as the systems they are", () => {
    for (const [p, id] of [
      ["Design an incident management platform for 2,000 engineering teams.", "I12"],
      ["Design a system like PagerDuty for a hospital's IT staff.", "I12"],
      ["Design a feature platform for 40 fraud models scored on every card swipe.", "I06"],
    ] as const) {
      const r = read(p);
      expect(r.branch, p).toBe("infra");
      expect(r.top, p).toBe(id);
    }
  });

  it("reads 'online' of a thing served live, not of people shown online", () => {
    const live = design("Design a feature platform that serves 50,000 lookups a second for online model inference.");
    expect(live.nfrs.topics ?? []).not.toContain("user-presence");
    const people = design("Design a presence service for a chat app that shows which friends are online.");
    expect(people.nfrs.topics ?? []).toContain("user-presence");
  });

  it("keeps a product word inside its own noun ('recommendation' in 'a recommendation engine')", () => {
    for (const p of [
      "Design a recommendation engine for an online bookshop with 3 million titles.",
      "Design a recommender system for a recipe site.",
    ]) {
      const r = read(p);
      expect(r.branch, p).toBe("infra");
      expect(r.top, p).toBe("I06");
    }
  });

  it("of two kinds in the head, the first is what is built and the later one a part it reads", () => {
    const p = "Design a distributed query engine over a data lake that 300 analysts use every morning.";
    const r = classify(p);
    expect(r.archetypes[0]?.id).toBe("I15");
    expect(r.archetypes.find((a) => a.id === "I19")?.evidence.join(" ")).toMatch(
      /'data lake' comes after it behind a preposition, so it names what that thing sits on or reads/,
    );
  });

  it("a one-time code service keeps no password accounts: its sign-in words are the kind's own", () => {
    expect(SYSTEM_KINDS.find((k) => k.kind === "one-time code service")?.unlike).toContain("auth");
    expect(read("Design an OTP service that texts codes to 20 million bank customers.").top).toBe("I16");
  });

  it("an ad exchange fans each request out to bidders (request mediation), never an item auction", () => {
    const r = read("Design an ad exchange that asks 150 bidders for every banner slot on a news site within 80 ms.");
    expect(r.top).toBe("I17");
    expect(read("Design an auction platform for a used car dealer network.").top).toBe("I13");
  });
});

describe("a kind's head speaks the subject that builds it", () => {
  const topics = (p: string) => design(p).nfrs.topics ?? [];
  it("a ledger or wallet service is money kept in the system's own accounts", () => {
    expect(
      topics("Design a wallet service for a transit card company where 6 million riders top up and pay fares."),
    ).toContain("ledger");
  });
  it("a web scraper fetches other people's sites politely", () => {
    expect(topics("Design a price scraper that visits 3 million listings on 800 travel sites each night.")).toContain(
      "crawl",
    );
  });
  it("a metering service counts usage per customer in windows", () => {
    expect(
      topics(
        "Design a metering service for a video platform that bills 40,000 developers by minutes of video encoded.",
      ),
    ).toContain("aggregation");
  });
  it("a task queue's tasks may send email; the queue builds no mail delivery", () => {
    const t = topics("Design a job queue for a newsletter tool where 300 workers send each email.");
    expect(t).toContain("work-queue");
    expect(t).not.toContain("email");
  });
});
