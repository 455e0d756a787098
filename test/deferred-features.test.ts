import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { DEFERRED, recognizeProduct } from "../src/engine/product/recognize.js";
import { classify } from "../src/engine/recognize/index.js";
import { coreFeatures, PRODUCTS } from "../src/knowledge/features/products.js";

const features = (p: string) => design(p).features.map((f) => f.id);
const deferredLine = (p: string) =>
  design(p)
    .features.flatMap((f) => f.evidence)
    .filter((e) => e.endsWith(DEFERRED));
const componentNames = (p: string) =>
  design(p)
    .components.map((c) => c.name)
    .join("; ");

describe("a named product's features come from the prompt, not from its profile alone", () => {
  it("keeps the product's core and defers what it is also known for, in one line", () => {
    const cases: [string, string[], string[]][] = [
      [
        "Design Dropbox: file sync across devices for 500 million users with files up to 10 GB, where conflicting edits are kept as separate copies.",
        ["file-sync"],
        ["search", "notifications"],
      ],
      [
        "Build a Dropbox-like service that keeps files in sync across a user's laptops and phones.",
        ["file-sync"],
        ["search", "notifications"],
      ],
      [
        "Design Ticketmaster: 2 million fans try to buy 60,000 seats in the first minute and no seat may be sold twice.",
        // 'buy' asks for a checkout, which the seat hold's own confirm replaces (one charge path)
        ["booking"],
        ["search", "notifications", "checkout"],
      ],
      [
        "Design a ticketing platform like Ticketmaster where seats are held while the buyer pays.",
        ["booking"],
        ["search", "notifications"],
      ],
      [
        "Design WhatsApp: 2 billion users, messages delivered in order per conversation, and offline users receive them when they reconnect.",
        ["chat"],
        ["media", "notifications"],
      ],
      ["Design WhatsApp with group chats of up to 256 members.", ["chat"], ["media", "notifications"]],
    ];
    for (const [prompt, kept, gone] of cases) {
      const f = features(prompt);
      expect(f, prompt).toEqual(expect.arrayContaining(kept));
      for (const g of gone) expect(f, prompt).not.toContain(g);
      expect(deferredLine(prompt), prompt).toHaveLength(1);
    }
  });

  it("draws no component and sizes nothing for a deferred feature", () => {
    const p =
      "Design Dropbox: file sync across devices for 500 million users with files up to 10 GB, where conflicting edits are kept as separate copies.";
    expect(componentNames(p)).not.toMatch(/search|push provider|notification inbox/i);
    const t =
      "Design Ticketmaster: 2 million fans try to buy 60,000 seats in the first minute and no seat may be sold twice.";
    expect(componentNames(t)).not.toMatch(/search|push provider|notification inbox|projection/i);
    expect(classify(t).archetypes.map((a) => a.id)).not.toContain("I06");
  });

  it("takes a known-for feature when the prompt names it", () => {
    const f = features("Design Dropbox with search over files and push notifications when a shared folder changes");
    expect(f).toEqual(expect.arrayContaining(["file-sync", "search", "notifications"]));
    const w = features("Design WhatsApp with online status, last seen and push notifications to offline phones.");
    expect(w).toEqual(expect.arrayContaining(["chat", "presence", "notifications"]));
    expect(w).not.toContain("media");
  });

  it("takes a known-for feature a kept feature needs", () => {
    // DoorDash's fulfilment needs dispatch, which needs the couriers' locations
    expect(features("Design DoorDash")).toEqual(
      expect.arrayContaining(["checkout", "fulfilment", "matching", "proximity"]),
    );
    expect(features("Design Twitter")).toEqual(["feed", "graph"]);
  });

  it("every product's core is within its features", () => {
    for (const p of PRODUCTS) {
      expect(coreFeatures(p).length, p.name).toBe(
        p.features.length === 0 ? 0 : Math.min(p.core ?? 1, p.features.length),
      );
      expect(p.core ?? 1, p.name).toBeLessThanOrEqual(Math.max(1, p.features.length));
    }
  });

  it("reads the core even when the prompt asks for a part", () => {
    expect(recognizeProduct("Design Spotify for 500 million listeners").features.map((f) => f.feature.id)).toEqual([
      "music",
    ]);
  });
});
