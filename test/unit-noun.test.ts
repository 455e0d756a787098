import { describe, expect, it } from "vitest";
import { unitNoun } from "../src/engine/prompt-nouns.js";

describe("the prompt's unit noun", () => {
  it("takes the noun before a system word", () => {
    expect(unitNoun("Design a timer service")?.noun).toBe("timer");
    expect(unitNoun("Design a user profile store")?.noun).toBe("profile");
  });

  it("never takes a data model or query language for a record", () => {
    expect(unitNoun("Design a globally distributed SQL database like Spanner")).toBeUndefined();
    expect(unitNoun("Design a NoSQL database")).toBeUndefined();
    expect(unitNoun("Design a graph database")).toBeUndefined();
    expect(unitNoun("Design a relational database with transactions")).toBeUndefined();
  });

  it("never takes the venue a system serves for its record: an exchange's engine matches orders of symbols", () => {
    expect(
      unitNoun("Design a stock exchange matching engine that handles 1 million orders per second"),
    ).toBeUndefined();
    // nor the book a ledger service keeps: its records are accounts and transfers (coherence ledger-shape)
    expect(unitNoun("Design a bank ledger service")?.noun).not.toBe("bank");
    expect(unitNoun("Design a bank ledger service")?.noun).not.toBe("ledger");
    expect(unitNoun("Design a hospital scheduling system")).toBeUndefined();
    expect(unitNoun("Design a stock exchange order matching engine.")?.noun).toBe("order");
  });

  it("walks past what the system does to its unit: a firmware update distribution service distributes firmware", () => {
    expect(unitNoun("Design a firmware update distribution service for 5 million routers.")?.noun).toBe("firmware");
    expect(unitNoun("Design a config distribution service.")).toBeUndefined();
  });
});
