import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/**
 * A conversation's one owner assigns its sequence numbers under a lease with an epoch: the lease is a row the design
 * draws (its Conversation row in the message store, taken by a conditional write), not a lock service nothing grants;
 * and an offline device is served by its sync cursor, with no push part the design does not draw.
 */
describe("a chat's per-conversation owner lease", () => {
  for (const prompt of [
    "Design a chat system for a workplace app with 10 million daily users where messages in a channel appear in the same order for everyone.",
    "Design a team chat app like Slack where every channel's messages appear in one order for all members.",
  ])
    it(prompt, () => {
      const d = design(prompt);
      const row = d.dataModel.find((r) => r.entity === "Conversation");
      expect(row?.fields).toEqual(expect.arrayContaining(["owner_epoch", "lease_expires_at"]));
      expect(row?.owner).toBe("message-store");
      const crash = d.failures.find((f) => /owns a (?:channel|conversation|group)/.test(f.failure));
      expect(crash?.prevention).toMatch(/Conversation row in the message store/);
      if (!d.features.some((f) => f.id === "notifications"))
        expect(d.failures.map((f) => f.prevention).join(" ")).not.toMatch(/push notification/);
    });
});
