import { describe, expect, it } from "vitest";
import { classify, design } from "../src/lib/index.js";

const N22 =
  "Design a URL shortener that serves 200,000 redirects per second with custom aliases that are never handed out twice.";

describe("a product sized by its own reads keeps its record (n22 #2)", () => {
  it("a URL shortener sized by redirects is the product: its record, its redirect read and its cache", () => {
    for (const p of [
      N22,
      "Build a URL shortener serving 50,000 redirects per second; a custom short code can never be given out twice.",
      "Design a URL shortener like bit.ly handling 100k redirects a second where vanity aliases must be unique.",
    ]) {
      const d = design(p);
      expect(d.branch.kind, p).toBe("product");
      expect(
        d.dataModel.map((e) => e.entity),
        p,
      ).toContain("ShortUrl");
      expect(
        d.api.map((a) => a.call),
        p,
      ).toContain("GET /{code}");
      expect(d.components.some((c) => c.kind === "cache")).toBe(true);
      expect(d.nfrs.scale.reads_per_sec, p).toBeGreaterThan(0);
    }
    expect(design(N22).branch.evidence.join(" ")).toMatch(
      /sizes the product's own reads \('200,000 redirects per second'\)/,
    );
  });

  it("a stated rate of the component's own work still sizes the component (creates are minted ids)", () => {
    const d = classify(
      "Design a URL shortener that creates 20,000 short links per second, each code unique, and redirects 500,000 clicks per second.",
    );
    expect(d.branch.kind).toBe("infra");
    expect(d.archetypes[0]?.id).toBe("I09");
  });

  it("a custom alias is claimed by a conditional insert and a taken one answers 409", () => {
    const d = design(N22);
    const create = d.api.find((a) => a.call === "POST /v1/short-urls");
    expect(create?.request).toContain("custom_code (optional)");
    expect(create?.errors).toContain("409 custom alias already taken");
    expect(create?.guarantee).toMatch(/conditional insert on the code \(put-if-absent\)/);
    expect(d.invariants.map((i) => i.statement).join(" ")).toMatch(
      /A custom alias is written only by a conditional insert/,
    );
    // no alias words, no alias rows
    expect(design("Design a URL shortener.").api[0]?.request).not.toContain("custom_code (optional)");
  });

  it("words read whole as labels that never repeat are not read again, in part, as a busy resource", () => {
    expect(design(N22).archetypes.map((a) => a.id)).not.toContain("I02");
  });

  it("short codes pick leased blocks, as that option's own win condition says", () => {
    for (const p of [N22, "Design a promo code service that issues 5,000 coupon codes per second."]) {
      const row = design(p).decisions.find((x) => x.id === "i09-scheme");
      if (row) expect(row.chosen, p).toBe("leased-blocks");
    }
    expect(
      design("Design a service that hands out unique 64-bit ids to 500 microservices.").decisions.find(
        (x) => x.id === "i09-scheme",
      )?.chosen,
    ).toBe("snowflake");
  });
});
