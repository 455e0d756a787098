import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const PROMPT =
  "Design a notification service that sends 200 million push notifications a day; a user must never get the same notification twice.";

describe("a push notification service", () => {
  it("reads 'a day' in a rate as a rate, not a date a due-time scheduler must keep", () => {
    // the need cue "on day" matched the bare 'day' of "200 million … a day" and grafted a scheduler on
    const d = design(PROMPT);
    expect(d.archetypes.map((a) => a.id)).not.toContain("I03");
    expect(d.archetypes[0]?.id).toBe("I12");
  });

  it("says which FCM field replaces a notification already shown (the tag), not collapse_key", () => {
    // FCM's collapse_key folds only messages still waiting for the device; android.notification.tag replaces a shown one
    const text = JSON.stringify(design(PROMPT));
    expect(text).toMatch(/android\.notification\.tag/);
    expect(text).not.toMatch(/FCM collapse_key\)/);
    expect(text).not.toMatch(/replaces a shown notification of the same collapse key/);
  });
});
