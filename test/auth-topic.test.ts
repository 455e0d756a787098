import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const RESET =
  "Design a password reset and login service for 300 million accounts that blocks brute-force attacks and never lets a reset token be used twice.";

describe("a sign-in and password-reset service is designed as credentials kept per account", () => {
  it("accounts, single-use reset tokens, sessions and an attempt limiter; the single use is the hard rule", () => {
    for (const p of [
      RESET,
      "Design an authentication service with sessions for a bank",
      "Build passwordless magic-link sign-in for 50 million users",
      "Design SSO login with refresh tokens",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id, p).toBe("I16");
      expect(d.archetypes[0]?.variant?.topic, p).toBe("auth");
      const ids = d.components.map((c) => c.id);
      expect(ids, p).toEqual(expect.arrayContaining(["auth-api", "limiter", "account-db", "session-store"]));
      for (const gone of ["coordinators", "replicas", "ingesters", "distributors"]) expect(ids, p).not.toContain(gone);
      const entities = d.dataModel.map((m) => m.entity);
      expect(entities, p).toEqual(expect.arrayContaining(["ResetToken", "UserSession", "AttemptCounter"]));
      expect(
        d.invariants.some((i) => /never used twice/.test(i.statement)),
        p,
      ).toBe(true);
      expect(
        checkCoherence(d).filter((x) => x.rule === "auth-shape"),
        p,
      ).toEqual([]);
    }
  });

  it("the reset prompt: 300 million accounts sized, hash CPU sizes the fleet, one authority per account", () => {
    const d = design(RESET);
    expect(d.dataModel.map((m) => m.entity)).toContain("UserAccount");
    const nodes = d.capacity.find((c) => c.id === "auth_nodes");
    expect(nodes?.value).toBeGreaterThan(1);
    const stored = d.capacity.find((c) => c.id === "account_store_bytes");
    expect(stored?.value).toBe(300e6 * 1000 * 3);
    expect(d.decisions.find((x) => x.id === "i16-auth-regions")?.chosen).toBe("home-region");
    expect(d.decisions.find((x) => x.id === "i16-auth-session")?.chosen).toBe("opaque-session");
    expect(d.coherence).toEqual([]);
  });

  it("refresh tokens or single sign-on choose signed tokens", () => {
    const d = design("Design SSO login with refresh tokens");
    expect(d.decisions.find((x) => x.id === "i16-auth-session")?.chosen).toBe("signed-tokens");
  });

  it("rate limits on login attempts, reset-link expiry and a session key-value store keep their own designs", () => {
    for (const [p, lead] of [
      ["Use Redis to rate limit login attempts per IP address.", "I08"],
      [
        "Protect our login endpoint from credential-stuffing bots by capping attempts per IP address and per account across 60 servers.",
        "I08",
      ],
      ["How do you expire a million password-reset links exactly one hour after they were created?", "I03"],
      ["Design a distributed lock service", "I02"],
    ] as const) {
      expect(design(p).archetypes[0]?.id, p).toBe(lead);
    }
    for (const p of [
      "Design a replicated key-value store for login sessions: 200 million live sessions, 1 ms p99 reads, 30-minute idle expiry, and no loss if an availability zone goes down.",
      "Design a session store for a web application.",
    ]) {
      const d = design(p);
      expect(d.archetypes[0]?.id, p).toBe("I16");
      expect(d.nfrs.topics ?? [], p).not.toContain("auth");
    }
  });

  it("coherence flags a credential design that settles writes by last writer wins or draws no reset token", () => {
    const d = design(RESET);
    const bad = {
      ...d,
      dataModel: d.dataModel.filter((m) => m.entity !== "ResetToken"),
      failures: [...d.failures, { ...d.failures[0], failure: "Two regions merge a token by last writer wins" }],
    } as typeof d;
    const rules = checkCoherence(bad).filter((x) => x.rule === "auth-shape");
    expect(rules.length).toBeGreaterThanOrEqual(2);
  });
});
