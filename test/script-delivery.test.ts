import { describe, expect, it } from "vitest";
import { design, writeScript } from "../src/lib/index.js";
import { sayOwnedOnce } from "../src/render/script/speak.js";
import { restSaid } from "../src/render/script/steps.js";

const said = (p: string): string[] => {
  const s = writeScript(design(p), { minutes: 45 });
  return s.steps.flatMap((st) => [...st.sentences, ...(st.cue ? [st.cue.say] : [])]);
};

describe("script delivery: what a candidate can say aloud", () => {
  it("the HLD cue names the boxes that matter and groups the rest by kind, never a bare count of the diagram", () => {
    for (const p of [
      "Two support agents answering the same customer email is embarrassing. Design it so only one agent can claim an email.",
      "Design a typeahead service for a music app like Spotify that suggests artists and songs from 100 million titles as 30 million users type.",
      "Design a URL shortener",
    ]) {
      const d = design(p);
      const cue = writeScript(d).steps[2]?.cue?.say ?? "";
      expect(d.components.length, p).toBeGreaterThan(6);
      expect(cue, p).toMatch(
        /^Let me draw this\. The six boxes that matter most are .+\. The rest I add as we reach them: .+\.$/,
      );
      expect(cue, p).not.toMatch(/\b\d+ boxes\b|\b(?:ten|eleven|twelve|\d{2}) boxes\b/i);
    }
  });

  it("a small diagram is named whole, with no rest clause", () => {
    expect(restSaid([])).toBe("");
    expect(restSaid(["cache", "worker-pool", "worker-pool"])).toBe("two worker pools and a cache");
    expect(restSaid(["service", "service", "store", "log", "cache", "external", "external", "external"])).toBe(
      "three outside systems, two services, a store and two more parts",
    );
  });

  it("no line disowns the design", () => {
    for (const p of [
      "We're evaluating Temporal for loan disbursement: check credit, reserve funds, wire money through a partner bank, notify the borrower. Any step can fail or time out and money must never move twice. Design the engine that would run this.",
      "Design a flash-sale shopping app where 2 million people try to buy 10,000 pairs of sneakers at noon. The storefront matters, but the core is never selling more pairs than exist and holding an item in a cart for 10 minutes.",
      "Design a concert ticket site: artist pages, event listings, checkout. When a megastar's tour goes on sale, 5M fans arrive within minutes; they have to be let in at a controlled, fair rate so the checkout backend never sees more than 20k active sessions.",
      "Design a URL shortener",
    ])
      expect(
        said(p).filter((x) => /\bNothing in this design enforces\b|\bno mechanism in this design\b/i.test(x)),
        p,
      ).toEqual([]);
  });

  it("a noun owning itself is said once, and a different owner is left as it is", () => {
    expect(sayOwnedOnce("A prefix's prefix suggestions are read from memory.")).toBe(
      "A prefix's suggestions are read from memory.",
    );
    expect(sayOwnedOnce("It reads the key's key.")).toBe("It reads the key.");
    expect(sayOwnedOnce("A prefix's top suggestions and the key's value.")).toBe(
      "A prefix's top suggestions and the key's value.",
    );
    const s = said(
      "Design a typeahead service for a music app like Spotify that suggests artists and songs from 100 million titles as 30 million users type.",
    );
    expect(s.filter((x) => /\b(\w+)'s \1\b/i.test(x))).toEqual([]);
  });
});
