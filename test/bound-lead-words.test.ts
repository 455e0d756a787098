import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";

const quoteOf = (prompt: string, id: string) => parseStatedNfrs(prompt).scale[id]?.quote;

describe("a stated bound is quoted from its own words before the figure (LEAD_WORDS in nfr-parse.ts)", () => {
  it("quotes a failover bound from the words that say a failover", () => {
    expect(
      quoteOf(
        "Design a ledger database whose standby must take over within 20 seconds of a crash.",
        "failover_seconds",
      ),
    ).toMatch(/^take over/i);
  });

  it("quotes a propagation bound from its spread words, even a few words back", () => {
    expect(
      quoteOf(
        "Design a config store for 40,000 hosts where a setting change is visible on every host within 10 seconds.",
        "propagation_seconds",
      ),
    ).toMatch(/^(?:visible|every)/i);
  });
});
