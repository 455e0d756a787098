import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const fig = (d: ReturnType<typeof designOf>, id: string) => d.capacity.find((c) => c.id === id);

const ADX =
  "Design a real-time bidding ad exchange that receives 1 million bid requests per second, fans each one out to 20 bidders, and must answer the publisher within 100 ms";

describe("ad exchange subject (topic 'ad-exchange' on I17)", () => {
  it.each([
    ADX,
    // prompts in no set
    "Design a programmatic exchange that sends each bid request to 40 DSPs and answers within 120 ms.",
    "Design a supply-side platform for mobile apps handling 300k bid requests per second.",
    "Design an ad exchange like Google Ad Manager.",
  ])("draws auctions, bids, impressions and bidders behind stateless auction servers (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I17");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(expect.arrayContaining(["Auction", "Bid", "Impression", "Bidder"]));
    expect(names).not.toContain("RouteTable");
    const parts = d.components.map((c) => c.name).join("\n");
    expect(parts).toMatch(/Auction servers/);
    expect(parts).toMatch(/Billing ledger/);
    expect(parts).not.toMatch(/Route control plane|Backend instances/);
    const sequences = d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(sequences.join("\n")).toMatch(/Run an auction within the publisher's deadline/);
    expect(sequences.join("\n")).toMatch(/Bill an impression once/);
    expect(sequences.join("\n")).not.toMatch(/Shift traffic weights|Drain a backend/);
    // the generic proxy plane's questions are not asked of an exchange
    expect(chosen(d, "i17-layer")).toBeUndefined();
    expect(fig(d, "outbound_bid_requests_per_sec")).toBeDefined();
    expect(
      checkCoherence(d).filter((p) => p.rule === "ad-exchange-shape" || p.rule === "stated-bound-exceeded"),
    ).toEqual([]);
  });

  it("the stated rate and bidders size the fan-out, and the stated deadline is spent on a bidder timeout inside it", () => {
    const d = designOf(ADX);
    const out = fig(d, "outbound_bid_requests_per_sec");
    // 1M requests/s x 20 bidders x the shaped share each bidder is sent
    expect(out?.value).toBeCloseTo(1_000_000 * 20 * 0.5, -3);
    expect(out?.inputs.find((i) => i.name === "bidders")?.source).toBe("stated");
    const path = fig(d, "request_path_seconds");
    expect(path?.bound?.quantity).toBe("latency_seconds");
    expect(path?.value).toBeLessThanOrEqual(0.1 * 0.7 + 1e-9);
    const timeout = path?.inputs.find((i) => i.name === "bidder_timeout_seconds");
    expect(timeout?.value).toBeCloseTo(0.043, 3);
    expect(fig(d, "event_log_bytes_per_day")?.value).toBeGreaterThan(1e14);
    expect(chosen(d, "i17-adx-auction")).toBe("first-price");
    expect(chosen(d, "i17-adx-billing")).toBe("on-impression");
    expect(chosen(d, "i17-adx-fanout")).toBe("shaped");
    // each hard rule of the exchange is kept by its own mechanism
    const inv = d.invariants.map((x) => x.statement).join("\n");
    expect(inv).toMatch(/answered before its deadline/);
    expect(inv).toMatch(/billed at most once/);
  });

  it("a tighter deadline leaves bidders less time; a second-price prompt and a win-billed prompt flip their decisions", () => {
    const tight = designOf(
      "Design an ad exchange that answers every bid request within 60 ms, sending each to 10 DSPs.",
    );
    const timeout = fig(tight, "request_path_seconds")?.inputs.find((i) => i.name === "bidder_timeout_seconds");
    expect(timeout?.value).toBeLessThan(0.02);
    expect(
      chosen(designOf("Design a second-price ad exchange for 50 bidders that bills on the win."), "i17-adx-auction"),
    ).toBe("second-price");
    expect(
      chosen(designOf("Design a second-price ad exchange for 50 bidders that bills on the win."), "i17-adx-billing"),
    ).toBe("on-win");
    expect(chosen(designOf("Design an ad exchange with 3 bidders."), "i17-adx-fanout")).toBe("all");
  });

  it("the shape rule fails a design that lost its impressions", () => {
    const d = designOf(ADX);
    const broken = { ...d, dataModel: d.dataModel.filter((m) => m.entity !== "Impression") };
    expect(checkCoherence(broken).map((p) => p.detail)).toContain("no Impression record is drawn");
  });

  it("'N bidders' counts an exchange's bidders too, and '20 bidders, and must answer …' is no list of kinds", () => {
    expect(parseStatedNfrs(ADX).scale.bidders?.value).toBe(20);
    expect(parseStatedNfrs("An exchange that sends each request to 30 DSPs.").scale.bidders?.value).toBe(30);
    // OpenRTB's tmax is the time a bid request may take
    expect(parseStatedNfrs("An RTB exchange for 8 demand partners, tmax 80 ms.").scale.latency_seconds?.value).toBe(
      0.08,
    );
    expect(parseStatedNfrs("An RTB exchange for 8 demand partners, tmax 80 ms.").scale.bidders?.value).toBe(8);
    // people bidding on one item are still one auction's participants
    expect(
      parseStatedNfrs("Design an auction site with 500 bidders on the same item.").scale.max_participants?.value,
    ).toBe(500);
  });

  it("an auction site where people bid for minutes is not this subject", () => {
    const d = designOf("Design an online auction site like eBay where bidders place bids until the auction closes.");
    expect(d.archetypes[0]?.id).not.toBe("I17");
    expect(d.dataModel.map((m) => m.entity)).not.toContain("Impression");
  });
});
