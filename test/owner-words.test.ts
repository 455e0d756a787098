import { describe, expect, it } from "vitest";
import { partyOf } from "../src/knowledge/parties.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { design } from "../src/lib/index.js";

// Invented prompts: a system built for a bank is not about money unless money moves in it.
const ALERTS =
  "Build the push notification sender for a regional bank's app: 4 million phones, fraud warnings on screen within 3 seconds, device tokens refreshed weekly, never the same warning twice.";
const MESH = "Design the service mesh sidecar for a bank's 900 internal services, with retries and mutual TLS.";
const TRANSFERS =
  "Design the transfer service of a banking app: people send money to each other and no transfer is applied twice.";
const PAY_AND_PUSH =
  "Design a payment system for a bank that charges cards and sends a push notification when a charge succeeds.";

const topics = (p: string) => topicsSpoken(p).map((t) => t.value);

describe("words that only say whose business a system serves (topics.ts OWNER_WORDS)", () => {
  it("a bank's push or proxy system keeps its own subject and no money subject", () => {
    expect(topics(ALERTS)).toContain("push");
    expect(topics(ALERTS)).not.toContain("money");
    expect(topics(MESH)).not.toContain("money");
  });

  it("money stays the subject where money moves, or where nothing else is spoken", () => {
    expect(topics(TRANSFERS)).toContain("money");
    expect(topics(PAY_AND_PUSH)).toContain("money");
    expect(topics(PAY_AND_PUSH)).not.toContain("push");
    expect(topics("Design a mobile banking app.")).toEqual(["money"]);
  });

  it("the outside party is read past them: a bank's alerts reach the push gateways, its payments a provider", () => {
    expect(partyOf(ALERTS).kind).toBe("push-gateway");
    expect(partyOf(PAY_AND_PUSH).kind).toBe("payment-provider");
    expect(partyOf("a lock service for a bank's overnight batch jobs").kind).toBe("service");
  });

  it("a bank's push service is designed as push: device tokens and no ledger", () => {
    const d = design(ALERTS);
    const entities = d.dataModel.map((e) => e.entity);
    expect(entities).toContain("DeviceToken");
    expect(entities).not.toContain("LedgerEntry");
  });
});
