import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { design } from "../src/lib/index.js";

// A URL shortener asked for by its kind ("a link shortener", "a short link service") is infrastructure: its short
// codes are minted unique (I09) and each names a long URL kept by that code (I16). The design is built from the
// short-links feature, whose ShortLink row realizes the code's uniqueness by a put-if-absent on the code.
describe("a URL shortener asked for by its kind", () => {
  it("is infra, led by code generation with the code's mapping store beside it", () => {
    for (const p of ["Design a link shortener.", "Design a short link service for a marketing team."]) {
      const c = classify(p);
      expect(c.branch.kind).toBe("infra");
      const ids = c.archetypes.map((a) => a.id);
      expect(ids[0]).toBe("I09");
      expect(ids).toContain("I16");
    }
  });

  const d = design(
    "Design a link shortener that mints 8,000 new links a second and answers 400,000 redirects a second; a code never maps to two URLs.",
  );

  it("has a create-link call and a redirect read, over a ShortLink row keyed and partitioned by code", () => {
    const calls = d.api.map((a) => a.call);
    expect(calls).toContain("POST /v1/links");
    expect(calls).toContain("GET /{code}");
    const link = d.dataModel.find((m) => m.entity === "ShortLink");
    expect(link?.key).toEqual(["code"]);
    expect(link?.partitionKey).toBe("code");
  });

  it("keeps 'one URL per code' by the ShortLink row the feature realizes I09 with", () => {
    expect(d.branch.kind).toBe("infra");
    expect(d.archetypes[0]?.realizes).toMatchObject({ id: "I09", entity: "ShortLink" });
    expect(d.components.map((c) => c.name).join("; ")).toMatch(/Redirect cache/);
  });
});
