import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

const chosen = (d: ReturnType<typeof design>, point: string) => d.decisions.find((r) => r.id === point)?.chosen;
const flips = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "flip-example-is-subject");

describe("a rejected option's example the prompt names is weighed by the choice (flip-example-is-subject)", () => {
  it("a short number people read is a counter's, not a 64-bit timestamp id", () => {
    for (const p of [
      "Every library card we issue needs a short, human-readable number that staff can read over the phone, across 200 branches.",
      "Give each support ticket a short reference code that customers can quote, unique across our three regions.",
      "Boarding passes need a short printable code, unique across 40 airports, issued even when an airport's link is down.",
    ]) {
      const d = design(p);
      expect(chosen(d, "i09-scheme"), p).toBe("leased-blocks");
      expect(flips(d), p).toEqual([]);
    }
    // ids asked only to sort by time keep the timestamp layout
    const sorted = design("Hand out 64-bit ids that sort by creation time to 2,000 app servers.");
    expect(chosen(sorted, "i09-scheme")).toBe("snowflake");
  });

  it("moving things named beside fixed places keep fixed cells", () => {
    const d = design(
      "Design a grocery delivery app where shoppers pick from nearby stores and riders bring the bags, with each order going to exactly one rider.",
    );
    const row = d.decisions.find((r) => r.id === "geo-index");
    expect(row?.chosen).toBe("geohash");
    expect(flips(d)).toEqual([]);
  });

  it("phones fetch their app's config as a cached manifest; a slowly changing catalogue is rebuilt in batches", () => {
    // flags for a mobile app are its remote config (the app-config subject): each install fetches a manifest through
    // the CDN on open, and no server-fleet flag evaluation is asked
    const flags = design("Build a feature flag service for our mobile shopping apps with percentage rollouts.");
    expect(flags.decisions.find((r) => r.id === "i11-app-delivery")?.chosen).toBe("cdn-poll");
    expect(flags.decisions.some((r) => r.id === "i11-flag-evaluation")).toBe(false);
    expect(flips(flags)).toEqual([]);
    const museum = design("Design a museum's app for searching its collection catalogue and booking guided tours.");
    const search = museum.decisions.find((r) => r.id === "search-freshness");
    expect(search?.chosen).toBe("batch");
    expect(flips(museum)).toEqual([]);
  });

  it("still flags a default choice against the example the prompt is about", () => {
    const d = design(
      "Every library card we issue needs a short, human-readable number that staff can read over the phone.",
    );
    const decisions = d.decisions.map((r) => (r.id === "i09-scheme" ? { ...r, chosen: "snowflake", inputs: [] } : r));
    expect(flips({ ...d, decisions }).map((p) => p.detail)).toContainEqual(expect.stringMatching(/i09-scheme/));
  });
});
