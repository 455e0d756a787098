import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { saidAloud } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";

const said = (prompt: string) =>
  saidAloud(writeScript(design(prompt), { minutes: 45 }))
    .map((x) => x.text)
    .join(" ");

describe("the script's builders say one fact once, in plain words", () => {
  it("a field kept empty until an event is said by what it records, never 'the empty until'", () => {
    const text = said(
      "Design a secrets manager like HashiCorp Vault that hands database credentials to 100,000 pods and rotates them every day.",
    );
    expect(text).not.toMatch(/\bthe (?:empty|set) (?:until|only)\b/);
    expect(text).toMatch(/its revocation time once revoked/);
  });

  it("a whole-unit loss is answered in the unit the prompt names, never another ('a data center goes dark')", () => {
    const text = said(
      "Keep a small blob of state per device id (current settings, firmware last seen), read and overwritten by key tens of thousands of times a second, and still answering when one data center goes dark.",
    );
    expect(text).toMatch(/The prompt asks to survive losing a whole data centre\. A whole data centre goes down/);
    expect(text).toMatch(/replicas in distinct data centres/);
    expect(text).not.toMatch(/availability zone/);
  });

  it("a rule's path of two joined verbs agrees in both ('moves or splits key ranges')", () => {
    const text = said(
      "Design a geo-replicated database for a global game's 80 million player profiles that reads locally in 6 regions and survives losing one.",
    );
    expect(text).toMatch(/on the path that moves or splits key ranges/);
    expect(text).not.toMatch(/moves or split key ranges/);
  });

  it("one feature under a product is 'it', never 'them'", () => {
    const text = said("Design a fitness app that lets friends compete in weekly step challenges.");
    expect(text).toMatch(/built from one feature: social graph\. Under it, most of the correctness rests on/);
  });

  it("a bare time among the given numbers is said with what it times, in the prompt's unit", () => {
    const text = said(
      "Design seat booking for a theatre chain with 300 venues: customers pick exact seats, a chosen seat is held for 8 minutes while they pay, and no seat may be sold twice.",
    );
    expect(text).toMatch(/The numbers given are 300 venues and a hold of 8 minutes\./);
    expect(text).not.toMatch(/480 hold seconds/);
  });

  it("a ranking's length is said as the ranking, never as a count of keys", () => {
    const text = said(
      "Design a trending hashtags service that shows the top 10 hashtags of the last hour for 300 million users.",
    );
    expect(text).toMatch(/The numbers given are 300 million users and the top 10 hashtags\./);
    expect(text).not.toMatch(/\b10 keys\b/);
  });

  it("a cost in big-O notation is said by its name, never cut to 'in O.'", () => {
    const text = said("Design a leaderboard for a mobile game with 50 million players");
    expect(text).not.toMatch(/\bin O\b|O\(/);
    expect(text).toMatch(/logarithmic time/);
  });

  it("a global ownership scope is asked as one owner for everything, never 'per global'", () => {
    const s = writeScript(
      design(
        "Design a secrets manager like HashiCorp Vault that hands database credentials to 100,000 pods and rotates them every day.",
      ),
      { minutes: 45 },
    );
    const asked = s.steps.flatMap((x) => (x.followUps ?? []).map((f) => f.question)).join(" ");
    expect(asked).not.toMatch(/per (?:global|none)\b/);
    expect(asked).toMatch(/Why one owner for everything, and not one per key\?/);
  });

  it("a bound with a spare figure says the spare once, with what it is for", () => {
    const text = said("Design a leader election service for 500 services that fails over within 10 seconds");
    expect(text).toMatch(/spare for a missed keep-alive or a pause/);
    expect(text).not.toMatch(/of the bound spare/);
  });

  it("a long chain is said by its result and the input that moves it, never the formula", () => {
    const text = said("Design a search autocomplete service answering 80,000 queries per second within 60 ms");
    expect(text).not.toMatch(/times 1 minus|ratio of 1 times/);
    expect(text).toMatch(
      /At 80 thousand queries a second, with 50 percent of requests answered by browser and edge caches/,
    );
  });

  it("a stated rate that is the peak is said as that rate, not as a stock sentence", () => {
    const text = said(
      "Design a unique ID generator that produces 500,000 sortable IDs per second without a coordinator",
    );
    expect(text).not.toMatch(/since the prompt states the rate to serve/);
    expect(text).toMatch(/is already the peak to serve/);
  });

  it("the subject keeps the prompt's own verb before the requirement it names", () => {
    const text = said("Design a bank ledger that transfers money between accounts held on many shards");
    expect(text).toMatch(/I'm designing a bank ledger that transfers money between accounts\./);
    expect(text).not.toMatch(/ledger for money between accounts/);
  });

  it("a call named by what it does is said as a call, never as 'the hold a seat'", () => {
    const text = said("Design a ticketing system for a stadium where 200,000 fans race for 30,000 seats");
    expect(text).toMatch(/A call to hold a seat carries a request id/);
    expect(text).not.toMatch(/The hold a seat/);
  });
});
