import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

/** Everything a design says about its shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([
    d.operations,
    d.primaryState,
    d.failures,
    d.invariants,
    d.components,
    d.links,
    d.api,
    d.dataModel,
    d.technology,
    d.bottlenecks,
    d.capacity,
    d.decisions,
    d.mechanisms,
  ]);

const EBAY =
  "Design an online auction like eBay where thousands of bidders can bid on the same item in its last seconds and the highest valid bid always wins.";

describe("an online auction is drawn as one owner per auction deciding bids and the close", () => {
  const ebay = design(EBAY);
  const paraphrases = [
    "Design a bidding system for a charity auction site.",
    "Design a penny auction site where every bid raises the price by one cent and resets a 15 second timer.",
    "Design a real-time auction where the highest bid wins when the timer ends.",
  ].map((p) => design(p));

  it("names the subject it speaks of, and an ad exchange's auction is not it", () => {
    expect(ebay.nfrs.topics).toContain("auction");
    for (const d of paraphrases) expect(d.nfrs.topics, d.prompt).toContain("auction");
    const ads = design(
      "Design a real-time bidding ad exchange that runs an auction for every ad impression in 100 ms.",
    );
    expect(ads.nfrs.topics ?? []).not.toContain("auction");
    const book = design("Design a stock exchange matching engine with bids and asks for 1 million orders per second.");
    expect(book.nfrs.topics ?? []).not.toContain("auction");
  });

  it("keeps an auction's parts: owner per auction, bid log, price fan-out, close outbox", () => {
    for (const d of [ebay, ...paraphrases]) {
      const names = d.components.map((c) => c.name).join("\n");
      for (const part of ["Auction owners", "Bid log", "Price push gateways", "Close outbox"])
        expect(names, `${d.prompt}: ${part}`).toContain(part);
      const bid = d.api.find((a) => a.operation === "place bid");
      expect(bid?.request).toEqual(expect.arrayContaining(["bid_id", "max_amount"]));
      expect(d.decisions.map((r) => r.id)).toEqual(expect.arrayContaining(["i13-auction-close", "i13-auction-proxy"]));
      expect(checkCoherence(d), d.prompt).toEqual([]);
    }
    expect(ebay.invariants[0]?.statement).toMatch(/^The highest valid bid wins/);
  });

  it("reads 'thousands of bidders on the same item' as the hot auction's bidders and sizes its last seconds", () => {
    expect(ebay.nfrs.scale.max_participants).toBe(1000);
    const hot = ebay.capacity.find((r) => r.id === "hot_auction_bids_per_sec");
    expect(hot?.kind).toBe("hotspot");
    expect(hot?.value).toBe(500);
  });

  it("carries nothing of a document's editing and no job scheduler: the close is the owner's own", () => {
    for (const d of [ebay, ...paraphrases]) {
      const text = said(d);
      for (const word of ["ShareDB", "Yjs", "CRDT", "transform the submitted", "Schedule API", "cron", "time zone"])
        expect(text, `${d.prompt}: ${word}`).not.toContain(word);
      expect(d.archetypes[0]?.covers?.map((c) => c.id)).toContain("I03");
    }
    const script = JSON.stringify(writeScript(ebay));
    expect(script).toMatch(/The core mechanism is an owner-sequenced conditional bid/);
    expect(script).not.toMatch(/operational transformation|The core mechanism is an idempotency key/);
  });

  it("a stated anti-snipe or countdown flips the close to a soft close, a penny auction to exact bids", () => {
    const [, penny] = paraphrases;
    expect(ebay.decisions.find((r) => r.id === "i13-auction-close")?.chosen).toBe("hard-close");
    expect(penny?.decisions.find((r) => r.id === "i13-auction-close")?.chosen).toBe("soft-close");
    expect(penny?.decisions.find((r) => r.id === "i13-auction-proxy")?.chosen).toBe("exact");
    expect(penny?.nfrs.scale.closing_window_seconds).toBe(15);
  });

  it("coherence refuses an auction without bids, with a document's merge or a job scheduler's records", () => {
    const broken = {
      ...ebay,
      dataModel: [
        ...ebay.dataModel.filter((m) => m.entity !== "Bid"),
        { ...(ebay.dataModel[0] as (typeof ebay.dataModel)[number]), entity: "Schedule" },
      ],
      mechanisms: [
        ...ebay.mechanisms,
        { ...(ebay.mechanisms[0] as (typeof ebay.mechanisms)[number]), id: "operational-transform" as const },
      ],
      api: ebay.api.map((a) => (a.operation === "place bid" ? { ...a, request: ["bidder_id"] } : a)),
    };
    const details = checkCoherence(broken)
      .filter((p) => p.rule === "auction-shape")
      .map((p) => p.detail)
      .join("\n");
    for (const part of ["no Bid is kept", "carries no bid_id", "carries no max_amount", "merges bids", "job scheduler"])
      expect(details, part).toContain(part);
  });

  it("an order book and a document keep their own designs", () => {
    const book = design("Design a stock exchange order matching engine for 100k orders per second");
    const docs = design("Design a collaborative document editor like Google Docs where many people edit at once");
    for (const word of ["Auction owners", "Bid log", "place bid", "AuctionResult"]) {
      expect(said(book), word).not.toContain(word);
      expect(said(docs), word).not.toContain(word);
    }
    expect(said(docs)).toContain("transform the submitted operation");
    expect(book.components.map((c) => c.name).join("\n")).toContain("Order log");
  });

  it("sizes the hottest auction, not a typical one, where no bidder count is stated", () => {
    const d = design("Design an online auction site where each auction closes at a fixed time and the best bid wins.");
    const value = (id: string) => d.capacity.find((f) => f.id === id)?.value ?? 0;
    // a few hundred bidders on the hot item: thousands watching, a closing burst worth coalescing
    expect(value("hot_auction_bids_per_sec")).toBeGreaterThanOrEqual(50);
    expect(value("uncoalesced_pushes")).toBeGreaterThanOrEqual(100_000);
  });
});
