import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { stockThings } from "../src/engine/stock-records.js";
import { design } from "../src/lib/index.js";

const VOTING = "Design a voting system for 100 million voters where each voter can vote exactly once.";
const PARKING = "Design a parking-spot reservation service for 2 million spots.";
const LIBRARY = "Design a library lending service for 5 million books where each member can borrow up to 10 books.";
const SEMAPHORE = "Design a distributed semaphore service where 20,000 clients acquire permits on 1,000 semaphores.";

const entities = (p: string) => design(p).dataModel.map((e) => e.entity);
const calls = (p: string) => design(p).api.map((a) => a.call);

describe("stock records: a thing the prompt counts is a record of the design, with its own calls", () => {
  it("reads the stocks, the verb that makes them and what each one does", () => {
    expect(stockThings(VOTING)).toEqual([
      {
        noun: "voter",
        count: 100_000_000,
        quote: "100 million voters",
        role: "thing",
        before: "for",
        action: { verb: "vote", once: true, quote: "voter can vote exactly once" },
      },
    ]);
    const made = stockThings("Design a delayed job service where tenants schedule 5 million jobs.")[0];
    expect(made?.made).toBe("schedule");
    expect(stockThings("Design a recipe sharing site storing 50 million recipes.")[0]?.kept).toBe("store");
  });

  it("reads 'the N <word> of M things' as how many are picked from the stock, not a stock of its own", () => {
    const nouns = (p: string) => stockThings(p).map((t) => t.noun);
    expect(nouns("Design an image similarity service that returns the 20 closest of 500 million images.")).toEqual([
      "image",
    ]);
    expect(nouns("Design a geo service that finds the 5 nearest of 40 million shops.")).toEqual(["shop"]);
    // without 'the' before the count, 'of' only says whose they are: both are kept
    expect(nouns("Design a photo service storing 2 billion photos of 300 million users.")).toContain("photo");
  });

  it("reads a counted noun placed by a preposition as a thing held, not a client acting", () => {
    expect(
      stockThings("Design a parking app for 2 million parking spots across 5,000 garages.").map((t) => t.noun),
    ).toEqual(["spot", "garage"]);
  });

  it("leaves out what is no record: a system word, the fleet, a fungible measure, a pick of the top k", () => {
    expect(stockThings("Design a load balancer across 1,000 backends.")).toEqual([]);
    expect(stockThings("Design a rate limiter shared by 50 API gateway nodes for 2 million accounts.")).toEqual([
      expect.objectContaining({ noun: "account" }),
    ]);
    expect(stockThings("Design an inventory service where 10,000 units are sold.")).toEqual([]);
    expect(stockThings("Design trending hashtags: the top 100 hashtags of the last hour.")).toEqual([]);
  });

  it("draws the counted thing's record on the design's own store, with a reason, and the calls its words ask", () => {
    const d = design(VOTING);
    const voter = d.dataModel.find((e) => e.entity === "Voter");
    expect(voter?.key).toEqual(["voter_id"]);
    expect(voter?.fields).toContain("vote_receipt (set once)");
    expect(voter?.because).toMatch(/counts '100 million voters'/);
    expect(d.components.find((c) => c.id === voter?.owner)?.holds).toContain("Voter");
    const vote = d.api.find((a) => a.call === "POST /v1/voters/{voter_id}:vote");
    expect(vote?.guarantee).toMatch(/at most once/);
    expect(vote?.because).toMatch(/voter can vote exactly once/);
    expect(calls(VOTING)).toContain("GET /v1/voters/{voter_id}");
    expect(checkCoherence(d).filter((p) => p.rule === "prompt-noun-uncovered")).toEqual([]);
  });

  it("holds a stock by the same word only: books are no Booking, semaphores get a record of their own", () => {
    // a library's books are the lending feature's copies and loans (features/lending.ts), never a Booking
    expect(entities(LIBRARY)).toEqual(expect.arrayContaining(["Copy", "Loan"]));
    expect(entities(LIBRARY)).not.toContain("Booking");
    expect(entities(PARKING)).toContain("Spot");
    expect(entities(SEMAPHORE)).toContain("Semaphore");
  });

  it("adds no second record where one already keeps the thing", () => {
    // a feature's terms name its unit: a concert's booking Item is a seat
    const seats = entities("Design Ticketmaster: 2 million fans try to buy 60,000 seats in the first minute.");
    expect(seats).not.toContain("Seat");
    // a bare product's own count: a job board's listings are its jobs
    expect(entities("Design a job board with 10 million listings where employers post and candidates apply.")).toEqual([
      "Job",
    ]);
    // the subject's own record by the same word (Maglev's backends)
    const maglev = entities(
      "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends.",
    );
    expect(maglev.filter((e) => /Backend/.test(e))).toHaveLength(1);
  });
});
