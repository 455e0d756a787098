import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { MECHANISM_SERVES } from "../src/knowledge/index.js";

const row = (prompt: string, id: string) => design(prompt).mechanisms.find((m) => m.id === id);

describe("a mechanism kept for liveness, throughput or recovery keeps a rule only by what it does", () => {
  it("a URL shortener's projector and rebuild serve the redirect copy, not the create's one-URL-per-code rule", () => {
    const p = "Design a URL shortener that serves 100,000 redirects a second";
    const create = row(p, "put-if-absent");
    expect(create?.protects).toMatch(/^A code names at most one long URL/);
    for (const id of ["projector-checkpoint", "replay-rebuild"]) {
      const m = row(p, id);
      expect(m, id).toBeDefined();
      expect(m?.serves, id).toBe(MECHANISM_SERVES[id as keyof typeof MECHANISM_SERVES]);
      expect(m?.protects ?? "", id).not.toMatch(/long URL/);
    }
  });

  it("a word the rule shares with the operation a mechanism runs on is not a link (a job runner's leader reads)", () => {
    const m = row(
      "Design a job runner whose jobs are claimed with expiring leases from a durable queue.",
      "leader-read",
    );
    expect(m?.serves).toBe(MECHANISM_SERVES["leader-read"]);
    expect(m?.protects ?? "").not.toMatch(/Assignment/);
  });

  it("a liveness mechanism whose own words name the rule still keeps it (a lease's expiry frees the resource)", () => {
    const d = design("Design a distributed lock service with fencing tokens");
    expect(d.mechanisms.some((m) => m.id in MECHANISM_SERVES && m.serves === undefined && m.protects !== "")).toBe(
      true,
    );
  });
});
