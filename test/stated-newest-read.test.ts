import { describe, expect, it } from "vitest";
import { design, parseStatedNfrs } from "../src/lib/index.js";

describe("a stated guarantee that every reader sees the newest value once a write is acknowledged", () => {
  it("is a stated linearizable read, in the prompt's words", () => {
    expect(
      parseStatedNfrs("A menu service where diners always see the latest dish price once an edit is committed.")
        .consistency,
    ).toEqual({ value: "linearizable", quote: "always see the latest dish price once an edit is committed" });
    expect(
      parseStatedNfrs("A points service where no member ever gets a stale total after a purchase is confirmed.")
        .consistency?.value,
    ).toBe("linearizable");
    // a read allowed to lag says the opposite
    expect(parseStatedNfrs("A feed where readers may see slightly stale posts.").consistency?.value).toBe("eventual");
    expect(parseStatedNfrs("A feed where readers always see posts.").consistency).toBeUndefined();
  });

  it("beats a cache's default eventual stance, which says why", () => {
    const d = design(
      "Design a seat map service where buyers always see the newest seat state after a hold is acknowledged.",
    );
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.nfrs.sources.consistency?.because).toMatch(/the prompt says 'always see the newest seat state/);
  });
});
