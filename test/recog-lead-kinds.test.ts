import { describe, expect, it } from "vitest";
import { classify } from "../src/lib/index.js";

// Leads read from the kind of system a prompt asks for, not from surface words of another archetype (invented prompts;
// each kind has counter-examples that must keep their lead).
const lead = (p: string) => classify(p).archetypes[0]?.id;
const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const evidence = (p: string) => classify(p).archetypes.flatMap((a) => a.evidence);

describe("stored bytes with a retention period are object storage, not a due-time schedule", () => {
  it("leads with replicated chunk/object storage", () => {
    for (const p of [
      "We must keep a dental chain's X-ray images: roughly 3 PB added over eight years, each image is stored once and never edited, images from this week open in under a second while older ones may take an hour, and every image must be erased when its ten-year retention ends.",
      "Design storage for a bank's scanned cheques: images are written once and kept for seven years, no image may be lost if a disk or a rack fails, and images older than 90 days move to cheaper storage.",
    ])
      expect(lead(p), p).toBe("I19");
  });
  it("keeps a real due-time job with retention or age words on I03", () => {
    for (const p of [
      "Design a reminder service: users schedule reminders up to a year ahead, each must fire within a second of its time, and fired reminders are kept for 90 days then deleted.",
      "Delete each closed account's personal data 30 days after the account is closed, for 40 million users, and never delete an account that was reopened in the meantime.",
      "Automatically archive any support ticket older than 90 days that has had no reply.",
    ])
      expect(lead(p), p).toBe("I03");
  });
  it("reads 'older than' as an age only where 'than' is written", () => {
    const quiet = (p: string) => evidence(p).filter((e) => e.includes("action after a quiet period"));
    expect(quiet("Older invoices may take a few minutes to open, while this month's open at once.")).toEqual([]);
    expect(
      quiet("Automatically archive any support ticket older than 90 days that has had no reply.").length,
    ).toBeGreaterThan(0);
  });
  it("reads a seven-year retention's end as no stated time from an event", () => {
    const p = "Store every contract scan for a law office; scans must be deleted once their seven-year retention ends.";
    expect(evidence(p).filter((e) => e.includes("action a stated time from an event"))).toEqual([]);
  });
});

describe("a network the system scores for is not an outside effect to make once", () => {
  it("leads fraud and risk scoring with the projection pipeline", () => {
    for (const p of [
      "Design real-time risk scoring for a card issuer: 15,000 authorizations a second arrive from the card network, each must be scored within 40 ms using the card's spending over the last week, and each authorization updates those figures.",
      "Build fraud detection for an online payments processor: each payment is scored in under 100 ms from per-account features computed over the last 90 days of activity, and features update as payments arrive.",
      "Design transaction scoring for a card network: every transaction looks up the cardholder's recent features and returns a risk score within 30 milliseconds.",
    ])
      expect(lead(p), p).toBe("I06");
  });
  it("notes a provider named after 'for' as whom the system serves", () => {
    const p =
      "Design a notification service for a regional bank: 10 million customers get balance messages within a minute of each transaction.";
    expect(evidence(p).some((e) => e.startsWith("'bank'"))).toBe(false);
  });
  it("keeps a real payment flow through a card network or a bank on I12", () => {
    for (const p of [
      "Design the checkout payment flow for an online store: each order charges the customer's card through the card network exactly once, retries never double-charge, and refunds are reconciled daily with the payment provider.",
      "Design payouts to 200,000 drivers through the bank each week, paid exactly once per payout even if the bank API times out.",
      "Design a payment gateway for 2,000 merchants that charges cards through the card network exactly once.",
    ])
      expect(lead(p), p).toBe("I12");
  });
});

describe("a device's desired and reported state is key-scoped state with versions", () => {
  it("leads a device shadow, named or described, with I16", () => {
    for (const p of [
      "Design a device twin service for 5 million connected water heaters: each heater reports its state every few minutes, the owner's app can set a desired temperature while the heater is offline, and the heater applies the newest desired value when it reconnects.",
      "Keep the desired and reported state of 2 million smart light bulbs: the app sets a bulb's brightness even while it is disconnected, the bulb picks up the latest setting when it comes back online, and an older setting must never overwrite a newer one.",
      "Design a device shadow store for 400,000 industrial pumps: operators change a pump's target pressure at any time, a pump that was offline applies the latest target when it reconnects, and every update carries a version so stale ones are refused.",
    ])
      expect(lead(p), p).toBe("I16");
  });
  it("keeps a command log, device telemetry and a fleet rollout on their own archetypes", () => {
    expect(
      lead(
        "Every command sent to our 50,000 delivery drones must be kept in an ordered log for 30 days, and the flight-audit, billing and analytics teams each read it at their own pace.",
      ),
    ).toBe("I05");
    expect(
      lead(
        "Each of 3 million thermostats reports its temperature every minute; store a year of readings, chart them and alert when a home gets too cold.",
      ),
    ).toBe("I18");
    expect(
      lead(
        "Roll a new firmware setting out to 1 million thermostats in waves, halting the rollout if error rates rise.",
      ),
    ).toBe("I11");
  });
});

describe("an alert that is a message to a person is no telemetry", () => {
  it("draws no telemetry pipeline for security alerts a push service delivers", () => {
    const p =
      "Design a push notification service for a mobile bank with 20 million phones: security alerts must reach the phone within 5 seconds and promotional messages may wait.";
    expect(ids(p)).not.toContain("I18");
  });
  it("keeps monitoring alerts that page a phone on I18", () => {
    expect(
      lead(
        "Design server monitoring for 10,000 hosts: CPU and memory are sampled every 10 seconds, and alerts must reach the on-call engineer's phone within a minute when a host stays above 90% CPU.",
      ),
    ).toBe("I18");
  });
});
