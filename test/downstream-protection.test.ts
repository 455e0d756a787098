import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { protectionsOf } from "../src/engine/downstream-protection.js";

describe("a stated protection of a downstream part is carried by load shaping on its read path", () => {
  it("reads the clause and the part it protects", () => {
    expect(
      protectionsOf("Design a DNS cache: a cache restart should not overload the upstream authoritative servers."),
    ).toEqual([
      {
        quote: "a cache restart should not overload the upstream authoritative servers",
        protects: "the upstream authoritative servers",
      },
    ]);
    expect(protectionsOf("Design a URL shortener for 100 million links a month.")).toEqual([]);
  });

  it("quotes the clause on request coalescing, so the ledger finds it carried", () => {
    const d = design(
      "Design a session store for a banking app with 10 million users: sessions expire after 15 minutes of inactivity, and a failover must not stampede the user database.",
    );
    const row = d.mechanisms.find((m) => m.id === "request-coalescing");
    expect(
      row?.because.some((b) => /'a failover must not stampede the user database'.*warm-up.*admission limit/.test(b)),
    ).toBe(true);
    const clause = d.statedRequirements.find((r) => r.asks?.kind === "downstream-protection");
    expect(clause?.carried).toBe(true);
    expect(clause?.carriedBy).toContainEqual(
      expect.objectContaining({ kind: "mechanism", what: "request coalescing" }),
    );
    expect(d.coherence.some((c) => c.rule === "requirement-not-carried")).toBe(false);
  });
});
