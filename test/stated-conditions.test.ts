import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import {
  BURSTS_TOLERATED,
  GUESS_COSTS_MORE,
  HARD_CAP,
  OFFER_TO_SEVERAL,
  OVER_ADMISSION_COSTS,
  REVERSE_LIST_AT_ONCE,
} from "../src/knowledge/decisions/stated-conditions.js";

const re = (s: string) => new RegExp(s, "i");

/** Each reader: phrasings that state its win condition, and near misses that do not. */
const READERS: [string, string, string[], string[]][] = [
  [
    "OFFER_TO_SEVERAL",
    OFFER_TO_SEVERAL,
    [
      "each order is offered to the 5 nearest couriers",
      "a job is sent to several nearby technicians",
      "the first cleaner to accept takes the booking",
    ],
    ["each order is offered to one courier at a time", "a courier accepts or declines the offer"],
  ],
  [
    "GUESS_COSTS_MORE",
    GUESS_COSTS_MORE,
    ["2 million high-value accounts", "accounts without a second factor", "no 2FA"],
    ["accounts with a second factor", "high availability"],
  ],
  [
    "OVER_ADMISSION_COSTS",
    OVER_ADMISSION_COSTS,
    ["caps login attempts per account", "calls are billed per request", "to stop brute-force guessing"],
    ["protects the backend's capacity", "a per-minute quota per API key", "paid tiers get a bigger share"],
  ],
  [
    "BURSTS_TOLERATED",
    BURSTS_TOLERATED,
    ["short bursts above the steady rate are fine", "it should allow brief bursts", "bursts are acceptable"],
    ["a burst at the window boundary breaks the quota", "traffic arrives in bursts", "bursty clients are refused"],
  ],
  [
    "HARD_CAP",
    HARD_CAP,
    [
      "each tenant has a hard limit of 20 concurrent builds",
      "a studio may never run more than 8 renders at once",
      "the licence allows 5 seats",
    ],
    ["a soft cap of 20 builds", "a job must never run twice", "licences are sold per seat"],
  ],
  [
    "REVERSE_LIST_AT_ONCE",
    REVERSE_LIST_AT_ONCE,
    [
      "a new follower appears in the followed user's followers list immediately",
      "followers lists must reflect a new follow at once",
      "shows up on their followers page right away",
    ],
    [
      "followers are notified immediately",
      "a followers list may lag a few seconds",
      "posts appear in the feed at once",
    ],
  ],
];

describe("stated win-condition readers", () => {
  for (const [name, reader, says, misses] of READERS)
    it(`${name} reads what states it and not its near misses`, () => {
      for (const s of says) expect(re(reader).test(s), s).toBe(true);
      for (const s of misses) expect(re(reader).test(s), s).toBe(false);
    });

  it("'may take up to 5 minutes to reach every instance' is a propagation bound, not a run time", () => {
    const scale = statedNfrsOf("A flag change may take up to 5 minutes to reach every instance.").scale;
    expect(scale.propagation_seconds?.value).toBe(300);
    expect(scale.run_seconds).toBeUndefined();
    // a run's own length stays a run time
    expect(statedNfrsOf("Each build takes up to 20 minutes.").scale.propagation_seconds).toBeUndefined();
  });
});

const row = (prompt: string, id: string) => {
  const d = design(prompt);
  const r = d.decisions.find((x) => x.id === id);
  if (!r) throw new Error(`no decision ${id} for '${prompt}'`);
  return { d, r };
};

describe("a decision whose win condition the prompt states takes that option", () => {
  const cases: [string, string, string, RegExp][] = [
    [
      "Design courier dispatch for a grocery delivery app: 20,000 couriers report their location every 5 seconds, and each order is offered to the 5 nearest couriers and the first to accept gets it.",
      "dispatch-offer",
      "broadcast",
      /the prompt says 'offered to the 5 nearest couriers'/,
    ],
    [
      "Design a rate limiter that caps login attempts at 5 per minute per account across 50 API servers to stop brute-force password guessing.",
      "i08-on-failure",
      "fail-closed",
      /the prompt says 'login attempts'/,
    ],
    [
      "Design a rate limiter for an internal API gateway with 40 nodes handling 200,000 requests per second; if the counter store is down the limiter fails open.",
      "i08-on-failure",
      "fail-open",
      /availability is stay-available \(stated, the prompt says 'fails open'\)/,
    ],
  ];
  for (const [prompt, id, option, reason] of cases)
    it(`${id} → ${option}`, () => {
      const { d, r } = row(prompt, id);
      expect(r.chosen).toBe(option);
      expect(r.because).toMatch(reason);
      expect(checkCoherence(d).filter((p) => p.rule === "decision-condition-stated")).toEqual([]);
    });

  it("a design that rejects an option whose stated condition holds is reported", () => {
    const { d } = row(cases[0]?.[0] ?? "", "dispatch-offer");
    const broken = structuredClone(d);
    const offer = broken.decisions.find((x) => x.id === "dispatch-offer");
    if (!offer) throw new Error("no dispatch-offer");
    offer.chosen = "one-at-a-time";
    expect(checkCoherence(broken).filter((p) => p.rule === "decision-condition-stated")).toEqual([
      expect.objectContaining({
        detail: expect.stringMatching(
          /^dispatch-offer chose 'one-at-a-time', but 'broadcast' wins when .*the prompt states it: the prompt says/,
        ),
      }),
    ]);
  });

  it("without the stated words the default stays", () => {
    const { r } = row(
      "Design courier dispatch for a grocery delivery app: 20,000 couriers report their location every 5 seconds and each order gets one courier.",
      "dispatch-offer",
    );
    expect(r.chosen).toBe("one-at-a-time");
  });
});
