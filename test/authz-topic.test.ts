import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const fig = (d: ReturnType<typeof designOf>, id: string) => d.capacity.find((c) => c.id === id);

const ZANZIBAR =
  "Design a global authorization service like Google Zanzibar that answers whether user U may view document D for 2 million checks per second under 10 ms, and never lets a user see content added after their access was revoked";

describe("relationship-based authorization subject (topic 'relationship-authz' on I16)", () => {
  it.each([
    ZANZIBAR,
    // prompts in no set
    "Design a fine-grained permissions service for a file-sharing app where folders inherit access and teams nest inside teams, answering 300,000 permission checks per second.",
    "Build an access control system like SpiceDB for a single-region SaaS product with 50,000 checks per second under 20 ms.",
    "Design a permission system like OpenFGA where removing someone from a project must hide every file added afterwards.",
  ])("draws tuples, namespace configs and a changelog, checked at a zookie's snapshot (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I16");
    expect(d.nfrs.topics).toContain("relationship-authz");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(expect.arrayContaining(["RelationTuple", "NamespaceConfig", "ChangelogEntry"]));
    expect(names).not.toContain("KeyValue");
    expect(names).not.toContain("Tombstone");
    expect(d.api.find((a) => a.operation === "check")?.request.join(" ")).toMatch(/zookie/);
    expect(fig(d, "check_servers")).toBeDefined();
    expect(checkCoherence(d).filter((p) => p.rule === "relationship-authz-shape")).toEqual([]);
  });

  it("the stated checks size the check servers and the stated latency bounds a cache-missing check", () => {
    const d = designOf(ZANZIBAR);
    expect(fig(d, "check_servers")?.value).toBe(200);
    expect(fig(d, "check_miss_latency_ms")?.bound?.quantity).toBe("latency_budget_ms");
    expect(chosen(d, "i16-authz-consistency")).toBe("at-least-as-fresh");
    expect(chosen(d, "i16-authz-store")).toBe("global-commit-order");
    // a check is answered by a replica at the zookie's snapshot, not by the leader
    const check = d.readPaths.find((r) => r.read.startsWith("check whether a user"));
    expect(check?.servedBy).toBe("replica");
    expect(d.invariants.map((i) => i.statement).join("\n")).toMatch(/no older than the zookie/);
    expect(checkCoherence(d).filter((p) => p.rule === "stated-number-unread")).toEqual([]);
  });

  it("nested teams take the flattened index; one region takes a sharded relational store", () => {
    expect(
      chosen(
        designOf(
          "Design a fine-grained permissions service for a file-sharing app where folders inherit access and teams nest inside teams, answering 300,000 permission checks per second.",
        ),
        "i16-authz-nested-groups",
      ),
    ).toBe("flattened-index");
    expect(
      chosen(
        designOf(
          "Build an access control system like SpiceDB for a single-region SaaS product with 50,000 checks per second under 20 ms.",
        ),
        "i16-authz-store",
      ),
    ).toBe("sharded-relational");
  });

  it("a sign-in service is the auth subject, not this one", () => {
    const d = designOf("Design a login service with passwords, password resets and sessions for 10 million users.");
    expect(d.nfrs.topics ?? []).not.toContain("relationship-authz");
  });

  it("an override may still choose the fastest snapshot", () => {
    const d = designOf(ZANZIBAR, ["decision.i16-authz-consistency=any-snapshot"]);
    expect(chosen(d, "i16-authz-consistency")).toBe("any-snapshot");
  });
});
