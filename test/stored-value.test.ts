import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) => JSON.stringify([d.components, d.links, d.api, d.dataModel]);
const features = (d: ReturnType<typeof design>) => d.features.map((f) => f.id);

describe("a closed-loop in-app currency is a guarded wallet with a journal and a top-up, not a money transfer or a cart", () => {
  const game = design(
    "Design the coin wallet of a mobile game: players purchase coins with real money and spend them on skins; a balance may never drop below zero.",
  );
  const gems = design("Design in-game gems bought with real money and spent on items.");
  const credits = design(
    "Design a credits system for an AI API where customers top up credits and each call spends some.",
  );
  const loyalty = design(
    "Design loyalty points that customers earn on purchases and redeem for rewards; a balance can never go below zero.",
  );

  it("draws the stored-value feature alone: no peer transfer, bank payout or checkout", () => {
    for (const d of [game, gems, credits, loyalty]) {
      expect(features(d)).toContain("stored-value");
      expect(features(d)).not.toContain("transfer");
      expect(features(d)).not.toContain("checkout");
      const text = drawn(d);
      expect(text).not.toMatch(/Payout|ACH|bank account|\/v1\/transfers|\/v1\/orders|\bCart\b|capture at shipment/);
    }
  });

  it("spends with a guarded debit and its journal lines, and credits a top-up once per provider payment id", () => {
    for (const d of [game, gems, credits]) {
      const entities = d.dataModel.map((m) => m.entity);
      for (const e of ["Wallet", "JournalLine", "TopUp", "Spend"]) expect(entities).toContain(e);
      expect(d.dataModel.find((m) => m.entity === "TopUp")?.indexes).toContain("provider_payment_id unique");
      const spend = d.api.find((a) => a.call === "POST /v1/wallet/spends");
      expect(spend?.errors).toContain("402 insufficient balance");
      expect(d.components.some((c) => c.kind === "external" && /payment provider/i.test(c.name))).toBe(true);
      // no generic key-value tier beside the feature's own calls
      expect(d.api.some((a) => /\/v1\/kv\b/.test(a.call))).toBe(false);
    }
  });

  it("keeps the never-negative balance on the wallet row, read from the authority and failing closed", () => {
    for (const d of [game, loyalty]) {
      expect(d.nfrs.consistency).toBe("linearizable");
      expect(d.nfrs.availability).toBe("fail-closed");
      // the stated bound sits on the Wallet row, not on a second row named after the player or customer
      expect(d.dataModel.map((m) => m.entity)).not.toContain("Player");
      expect(d.dataModel.map((m) => m.entity)).not.toContain("Customer");
      expect(d.readPaths.find((r) => /balance/.test(r.read))?.servedBy).toBe("authority");
      // "never drop below zero" is a floor on the balance, never a durability rule about a thing called "below"
      expect(d.invariants.some((i) => /below zero/.test(i.statement))).toBe(true);
      expect(d.invariants.some((i) => /is ever lost once/.test(i.statement))).toBe(false);
    }
  });

  it("draws a grant for a currency users earn, and no top-up or provider for one only earned", () => {
    expect(loyalty.requirements.some((r) => /^earn points/.test(r.text))).toBe(true);
    expect(loyalty.requirements.some((r) => /top up/.test(r.text))).toBe(false);
    expect(loyalty.components.some((c) => c.kind === "external")).toBe(false);
    expect(loyalty.archetypes.map((a) => a.id)).not.toContain("I12");
    expect(game.requirements.some((r) => /^earn /.test(r.text))).toBe(false);
    // sized by its grants and redemptions, with no top-ups to count
    const figures = loyalty.capacity.map((f) => f.id);
    expect(figures).toContain("grants_per_sec");
    expect(figures).not.toContain("topups_per_sec");
  });

  it("keeps 'never redeemed twice' on the wallet's guarded debit, drawing no lock service", () => {
    const rewards = design(
      "Design a rewards program where members earn points on every purchase and redeem them for gift cards; points must never be redeemed twice.",
    );
    expect(features(rewards)).toContain("stored-value");
    expect(rewards.archetypes.map((a) => a.id)).not.toContain("I02");
    expect(rewards.components.some((c) => /lock/i.test(c.name))).toBe(false);
  });

  it("sizes users as an app with its own currency, not a payments app", () => {
    const users = game.capacity.flatMap((f) => f.inputs).find((i) => i.name === "users");
    expect(users?.because).toMatch(/app with its own currency/);
    expect(users?.because).not.toMatch(/payments app/);
  });

  it("leaves peer-to-peer wallets and shops with carts as they were", () => {
    const p2p = design("Design a wallet app where users send money to friends and cash out to their bank account.");
    expect(features(p2p)).not.toContain("stored-value");
    const pizza = design("Design an online ordering app for a pizza chain, with menus, carts and loyalty points.");
    expect(features(pizza)).toContain("checkout");
    const coinsToFriends = design(
      "Design a game wallet where players buy coins and send coins to their friends; a balance can never go negative.",
    );
    expect(features(coinsToFriends)).not.toContain("stored-value");
    // a currency named as one step of another system's workflow does not become the whole system
    const refund = design(
      "When a customer returns a jacket we refund the card through the payment provider, restock the warehouse and take back the loyalty points; no refund may be paid twice.",
    );
    expect(features(refund)).not.toContain("stored-value");
  });
});
