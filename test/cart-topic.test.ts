import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

const CART =
  "Design a shopping cart for an online store with 20 million daily shoppers, where a cart follows the shopper across devices and an added item is never lost.";

describe("a shopping cart is drawn as per-shopper lines changed once under request ids", () => {
  const cart = design(CART);
  const paraphrases = [
    "a wishlist that syncs across devices",
    "a grocery basket service",
    "Design a highly available shopping cart with eventual consistency across 3 regions.",
  ].map((p) => design(p));

  it("leads with the cart, not checkout, and a cart that 'follows the shopper' is no social graph", () => {
    for (const d of [cart, ...paraphrases]) {
      expect(d.nfrs.topics, d.prompt).toContain("cart");
      expect(d.archetypes[0]?.id, d.prompt).toBe("I16");
      expect(checkCoherence(d), d.prompt).toEqual([]);
    }
    expect((cart.features ?? []).map((f) => f.id)).not.toContain("graph");
    expect(cart.invariants[0]?.statement).toMatch(/^An added item is never lost and never doubled/);
    const feed = design("Design a timeline service that fans out posts to followers.");
    expect((feed.features ?? []).map((f) => f.id)).toContain("graph");
  });

  it("keeps the cart's parts and its request id, and no freely overwritten cart from checkout", () => {
    const names = cart.components.map((c) => c.name).join("\n");
    for (const part of ["Cart service", "Cart store"]) expect(names).toContain(part);
    const add = cart.api.find((a) => a.operation === "add item");
    expect(add?.request).toEqual(expect.arrayContaining(["request_id", "sku"]));
    expect(cart.operations.some((o) => /overwritten freely|add a product to the cart/.test(o.phrase))).toBe(false);
    expect(cart.operations.find((o) => o.entity === "CartLine")?.critical).toBe(true);
  });

  it("sizes the cart from the stated shoppers, and flips to merging everywhere when writes must always be taken", () => {
    expect(cart.nfrs.scale.users).toBe(20000000);
    const writes = cart.capacity.find((r) => r.id === "cart_writes_per_sec");
    expect(Math.round(writes?.value ?? 0)).toBe(Math.round((20000000 * 10 * 3) / 86400));
    const [, , regions] = paraphrases;
    expect(cart.decisions.find((r) => r.id === "i16-cart-home")?.chosen).toBe("one-home");
    expect(regions?.decisions.find((r) => r.id === "i16-cart-home")?.chosen).toBe("merge-everywhere");
  });
});
