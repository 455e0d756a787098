import { describe, expect, it } from "vitest";
import { classify, design } from "../src/lib/index.js";

describe("a head asking for a session service names the session store", () => {
  const prompt =
    "Design the session service for a streaming site with 80 million accounts: a session lasts 14 days, and signing out on one device must end that session everywhere within 5 seconds.";
  it("leads with I16, not a due-time scheduler read from 'lasts 14 days'", () => {
    const r = classify(prompt);
    expect(r.archetypes[0]?.id).toBe("I16");
  });
  it("carries the logout rule with its tombstone", () => {
    const d = design(prompt);
    expect(d.archetypes[0]?.id).toBe("I16");
    expect(JSON.stringify(d.invariants)).toMatch(/logged-out or revoked session is never accepted again/);
  });
});
