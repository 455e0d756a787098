import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { countedNouns } from "../src/engine/counted-nouns.js";
import { type Design, design } from "../src/lib/index.js";

describe("the things a prompt counts", () => {
  it("are the nouns of its stated counts, singular", () => {
    expect(
      countedNouns(
        "Design a password reset and login service for 300 million accounts that blocks brute-force attacks and never lets a reset token be used twice.",
      ),
    ).toEqual(["account"]);
    expect(
      countedNouns(
        "Design a ride-hailing surge pricing service that recomputes prices for 10,000 city zones every 30 seconds from live supply and demand.",
      ),
    ).toEqual(["zone"]);
    expect(countedNouns("Design an online auction where thousands of bidders can bid on the same item.")).toEqual([
      "bidder",
    ]);
    expect(countedNouns("Design a backup service for 1 million servers every night.")).toEqual(["server"]);
  });

  it("are not rates of work, units, the audience, or counted clients that act on the system", () => {
    expect(countedNouns("Design a counter that takes 5 million increments per second.")).toEqual([]);
    expect(countedNouns("Design a web crawler that fetches a billion pages a month.")).toEqual([]);
    expect(countedNouns("Design a cache for 10 TB of data with a 1 ms p99 within 30 seconds.")).toEqual([]);
    expect(countedNouns("Design Netflix for 10 million concurrent viewers.")).toEqual([]);
    expect(countedNouns("Design a global configuration service that 100,000 servers watch.")).toEqual([]);
    expect(countedNouns("Design an L4 load balancer like Maglev.")).toEqual([]);
  });
});

describe("coherence: prompt-noun-uncovered", () => {
  const base = design("Design a URL shortener that creates 20,000 short links per second.");
  const rules = (d: Design) => checkCoherence(d).filter((p) => p.rule === "prompt-noun-uncovered");

  it("flags a design none of whose records holds a thing the prompt counts", () => {
    // a shortener's records (ShortUrl) hold no mailbox: a design about another subject
    const off = { ...base, prompt: "Design an email service storing 1.5 billion mailboxes." };
    const hits = rules(off);
    expect(hits.map((h) => h.detail)).toEqual([expect.stringMatching(/counts 'mailbox' things/)]);
  });

  it("passes a design whose records hold what the prompt counts", () => {
    const held = { ...base, prompt: "Design a URL shortener for 5 billion short URLs." };
    expect(rules(held)).toEqual([]);
    expect(rules(design("Design a distributed lock service for 10,000 clients."))).toEqual([]);
  });
});
