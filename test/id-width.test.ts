import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseIdWidth } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

const ID =
  "Design a distributed unique ID generator that produces 500,000 roughly time-ordered 64-bit IDs per second with no coordination on the hot path.";
const chosen = (p: string) => design(p).technology.flatMap((t) => t.choices.map((c) => c.product));

describe("a stated id width rejects products whose ids are wider", () => {
  it("reads the width the prompt fixes for its ids, and none for a cipher's key", () => {
    expect(parseIdWidth(ID)?.bits).toBe(64);
    expect(parseIdWidth("a 64-bit order-number generator for 50 shops")?.bits).toBe(64);
    expect(parseIdWidth("issues 32-bit keys for short links")?.bits).toBe(32);
    expect(parseIdWidth("rotates 256-bit AES keys for tenants")).toBeUndefined();
    expect(parseIdWidth("a 64-bit machine")).toBeUndefined();
  });

  it("no 128-bit UUIDv7 or ULID for 64-bit ids: it is the product to avoid, with the stated width as the reason", () => {
    const d = design(ID);
    expect(d.nfrs.idWidth).toBe(64);
    expect(chosen(ID)).not.toContain("UUIDv7 or ULID");
    const avoid = d.technology.find((t) => t.avoid?.product === "UUIDv7 or ULID")?.avoid;
    expect(avoid?.why).toMatch(/128 bits, wider than the 64 bits stated/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("a paraphrase and a prompt with no width", () => {
    expect(
      chosen("Design a 64-bit order-number generator for 50 shops that never hands out the same number twice."),
    ).not.toContain("UUIDv7 or ULID");
    // with no width stated the 128-bit ids stay a choice
    expect(chosen("Design a distributed unique ID generator that produces 200,000 IDs per second.")).toContain(
      "UUIDv7 or ULID",
    );
  });

  it("coherence names a chosen product wider than the stated width", () => {
    const d = design(ID);
    const serving = d.technology.find((t) => t.layer === "serving");
    expect(serving).toBeDefined();
    const wide = {
      ...d,
      technology: d.technology.map((t) =>
        t === serving ? { ...t, choices: [...t.choices, { product: "UUIDv7 or ULID", fits: "", why: "" }] } : t,
      ),
    };
    expect(checkCoherence(wide).map((p) => p.rule)).toContain("technology-over-limit");
  });
});
