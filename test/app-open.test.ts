import { describe, expect, it } from "vitest";
import { classify } from "../src/lib/index.js";

/**
 * "Users open the app every morning" and "open spots" say nothing of who is online: liveness is read from an app
 * open right now (a presence list), never from 'app … open' anywhere in a sentence.
 */
describe("an app that users open is no presence registry", () => {
  it("draws no membership registry from opening an app or open slots", () => {
    for (const p of [
      "Design an API for a weather app that 20 million users open every morning; forecasts update hourly.",
      "Design a campus parking app that shows open spots in each lot and lets drivers pay by the hour; a cache in front of the lot data is fine.",
      "Design a golf tee-time app where members see open times, book a foursome and get a text the morning of.",
    ])
      expect(
        classify(p).archetypes.map((a) => a.id),
        p,
      ).not.toContain("I10");
  });
  it("still reads who has the app open right now as presence", () => {
    const ids = classify(
      "Design the service that shows each chat user which friends have the app open right now.",
    ).archetypes.map((a) => a.id);
    expect(ids).toContain("I10");
  });
});
