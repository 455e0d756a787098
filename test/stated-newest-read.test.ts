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
    expect(
      parseStatedNfrs("An address book where, once a contact edit is acknowledged, every later read of it returns it.")
        .consistency?.value,
    ).toBe("linearizable");
    expect(
      parseStatedNfrs("A settings store where any subsequent read must return the last acknowledged write.").consistency
        ?.value,
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

  it("reads served off the leader keep it: a follower answers only once it has applied the leader's commit index", () => {
    const d = design(
      "Design a key-value store for 300 million account settings; once a change is acknowledged, every later read of it must return it.",
    );
    expect(d.nfrs.consistency).toBe("linearizable");
    const follower = d.readPaths.find((r) => r.entity === "Replica");
    expect(follower?.staleness).toMatch(/^none: .*read index/);
    expect(d.readPaths.filter((r) => /replication lag/.test(r.staleness))).toEqual([]);
  });

  it("a cache in front keeps it: every hit is revalidated at the origin before it is reused", () => {
    const d = design(
      "Design an edge cache for a price list read 400,000 times a second; once a price change is acknowledged, every later read must return it.",
    );
    expect(d.nfrs.consistency).toBe("linearizable");
    const cached = d.readPaths.filter((r) => r.entity === "CachedCopy");
    expect(cached.length).toBeGreaterThan(0);
    for (const r of cached) expect(r.staleness).toMatch(/^none: every hit is first revalidated/);
  });
});
