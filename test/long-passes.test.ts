import { describe, expect, it } from "vitest";
import { setAside } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { everySignal, findSignalAt } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import { SET_ASIDE } from "../src/knowledge/setting-ways.js";

// The passes a long prompt made once per clause, number or signal now read a per-prompt table; each answers as the
// whole scan did (bench/NOTES.md, 2026-12-02, lane speedlong).

const LONG_TEXTS = [
  "Design a ride-hailing dispatch service. Riders request a car and must be matched within 2 seconds; 600,000 drivers send a position every 4 seconds. A declined offer goes to the next driver within 15 seconds, and a request nobody takes after 3 minutes is cancelled. Surge prices are computed per zone every 30 seconds and a quoted fare holds for 2 minutes. Trips are kept for 7 years, failed cards are retried for up to 24 hours, and the service must survive the loss of one data center with no lost trips. Rate limit each rider to 10 requests per minute; no rider is ever matched to two drivers at once.",
  "Build an exchange matching engine: 400,000 order messages per second at the open, an acknowledgement within 50 microseconds at the median, price-time priority, iceberg orders that refill, a kill switch per broker, a journal replicated to a second site, and a standby promoted within 2 seconds when the primary fails. The market data feed is multicast with a snapshot channel; late joiners catch up from it. Cancels take effect before any later order of the same session, and a live audit stream keeps every order event for 7 years.",
  "A photo sharing app for 8 million daily users: 3 million uploads a day of up to 20 MB, resumable chunked uploads, four resized copies per photo behind a CDN, a home feed whose first page loads within 400 ms, like counts a few seconds stale, private accounts whose photos never reach anyone unapproved, stories that vanish after 24 hours, and deletion of an account's photos within 30 days. Notifications are grouped so a popular post does not page its owner thousands of times.",
];

describe("a signal found by its words' places", () => {
  const signals = everySignal(recognitionKnowledge().index);

  it("is the signal the walk over every word found, from every word on", () => {
    for (const text of LONG_TEXTS) {
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(48);
      const stems = new Set(tokens.map((t) => t.stem));
      let found = 0;
      for (const s of signals) {
        if (!s.stems.some((x) => stems.has(x))) continue;
        for (let from = 0; from < tokens.length; from += 3) {
          const walked = findSignalAt(tokens, s, from, false);
          expect(findSignalAt(tokens, s, from, true), `${s.text} @${from}: ${text.slice(0, 40)}`).toEqual(walked);
          if (walked) found++;
        }
      }
      // the texts reach many signals, so the comparison covers hits and misses alike
      expect(found).toBeGreaterThan(100);
    }
  });
});

describe("the set-aside words of a design's texts", () => {
  it("are blanked as the whole pattern blanked them, with and without a sentence of what would win", () => {
    const texts = [
      "flowchart LR\n  client --> api\n  api --> store[(primary store)]\n  api -. not on the write path .-> cache",
      "The cache is write-through rather than write-back, so a write sets the cached value",
      "Write-back would win if writes were bursty; we invalidate on write. Acks=all, not acks=1",
      "Replicate synchronously within the region; cross-region copies are asynchronous instead of synchronous",
      "A WOULD WIN sentence in capitals; never synchronously; over the network or over a queue",
      "would flip the choice: acks=1 would switch; a would-win case",
      ...LONG_TEXTS,
      `${"node a --> node b\n".repeat(200)}or node c`,
    ];
    for (const text of texts) expect(setAside(text), text.slice(0, 40)).toBe(text.replace(SET_ASIDE, " "));
  });
});

describe("the stated parse's per-prompt answers", () => {
  it("are the fresh parse's, whichever prompt was read before", () => {
    // each read first after a prompt that shares none of its durations or words of a lease, a live stream or a lock
    const fresh = LONG_TEXTS.map((t) => {
      parseStatedNfrs("Design a chat app with read receipts for a live webinar's 300 viewers and a leader lease");
      return JSON.stringify(parseStatedNfrs(t));
    });
    for (const order of [
      [0, 1, 2],
      [2, 2, 1, 0, 0, 1],
    ])
      for (const k of order) expect(JSON.stringify(parseStatedNfrs(LONG_TEXTS[k] as string))).toBe(fresh[k]);
    // and each reads its own amounts, never the text read before it
    const own = ["600,000", "400,000", "3 million"];
    for (const k of [2, 0, 1, 1, 0])
      own.forEach((amount, j) => {
        expect(JSON.stringify(parseStatedNfrs(LONG_TEXTS[k] as string)).includes(amount), `${k}: ${amount}`).toBe(
          j === k,
        );
      });
    // a text equal to an earlier one but made anew reads the same
    expect(JSON.stringify(parseStatedNfrs(`${LONG_TEXTS[1]}`.slice(0)))).toBe(fresh[1]);
  });

  it("read a time-to-live as a lease only in the prompt that speaks of a lock, in either order", () => {
    const lock = "Design a lock service where each lock has a 10 second TTL and clients renew it";
    const cache = "Design a cache for product pages where each entry has a 10 second TTL and is refreshed on read";
    for (const order of [
      [lock, cache, lock],
      [cache, lock, cache],
    ])
      for (const p of order) {
        const scale = parseStatedNfrs(p).scale;
        expect(scale.lease_seconds?.value, p).toBe(p === lock ? 10 : undefined);
        expect(scale.ttl_seconds?.value, p).toBe(p === lock ? undefined : 10);
      }
  });
});
