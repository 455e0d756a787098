import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

// Stated numbers and rules read generally (stop 53 lane `stated`): a per-owner limit feeds the per-key rate, the
// overshoot bound's wording family, the fail-closed stance where over-admission costs money, people nouns as users and
// a bound on a change reaching everywhere as a propagation bound, each with the prompt's own words in its quote.

describe("a limit stated per owner of any kind is one key's rate, quoted with the owner's words", () => {
  it("reads per-merchant, per-app, each-seller and plural-owner limits into the per-key rate", () => {
    for (const [p, id, perSec, words] of [
      [
        "Design a rate limiter for a card API: 400,000 requests per second, per-merchant limits of 600 requests per minute.",
        "requests_per_sec_per_key",
        10,
        "per-merchant limits of 600 requests per minute",
      ],
      [
        "Design an API gateway limiter: per-app quotas of 36,000 calls per hour and 200,000 requests per second overall.",
        "requests_per_sec_per_key",
        10,
        "per-app quotas of 36,000 calls per hour",
      ],
      [
        "Design a rate limiter for a marketplace API at 300,000 requests per second; each seller is limited to 1,200 requests a minute.",
        "requests_per_sec_per_key",
        20,
        "each seller is limited to 1,200 requests a minute",
      ],
      [
        "Design a rate limiter at 100,000 requests per second where stores get at most 300 requests per minute.",
        "requests_per_sec_per_key",
        5,
        "stores get at most 300 requests per minute",
      ],
      [
        "Design a rate limiter: 500,000 requests per second, per-customer limits of 600 requests per minute.",
        "requests_per_sec_per_user",
        10,
        "per-customer limits of 600 requests per minute",
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale[id]?.value, p).toBeCloseTo(perSec, 6);
      expect(s.scale[id]?.quote, p).toBe(words);
      expect(s.unread, p).toEqual([]);
    }
  });

  it("keeps the fleet's rate the fleet's, and a rate each member sends without a limit stays as before", () => {
    const s = parseStatedNfrs(
      "Design an API gateway limiter: per-app quotas of 36,000 calls per hour and 200,000 requests per second overall.",
    );
    expect(s.scale.requests_per_sec?.value).toBe(200000);
    const chat = parseStatedNfrs("Design a chat app: 400,000 users, each sending 30 messages a day.");
    expect(chat.scale.messages_per_sec_per_key).toBeUndefined();
    expect(chat.scale.messages_per_user_per_day?.value).toBe(30);
  });

  it("feeds the limiter's per-key input and its quota window from the stated limit", () => {
    const d = design(
      "Design a distributed rate limiter for a ticketing API: 500,000 requests per second over 25 edge nodes, per-merchant limits of 600 requests per minute, and a merchant may exceed its limit by at most 2%.",
    );
    const inputs = d.capacity.flatMap((r) => r.inputs);
    const perKey = inputs.find((i) => i.name === "requests_per_sec_per_key");
    expect(perKey?.source).toBe("stated");
    expect(perKey?.value).toBe(10);
    expect(perKey?.because).toContain("per-merchant limits of 600 requests per minute");
    expect(inputs.find((i) => i.name === "quota_window_seconds")?.source).toBe("stated");
    expect(d.coherence.filter((c) => c.rule === "stated-number-unread")).toEqual([]);
  });
});

describe("an overshoot bound is read in the wording family of exceeding a limit by at most a share", () => {
  const base =
    "Design a distributed rate limiter for an API: 500,000 requests per second over 25 edge nodes, per-customer limits of 600 requests per minute, and ";
  it("reads each wording as the overshoot share, quoted from its clause", () => {
    for (const [clause, share] of [
      ["a customer may exceed their per-minute limit by at most 2%.", 0.02],
      ["a tenant can go past its quota by no more than 3%.", 0.03],
      ["no key may be admitted more than 2% over its limit.", 0.02],
      ["a key may run over its quota by at most 3%.", 0.03],
      ["tolerate at most 2% overshoot.", 0.02],
      ["a merchant must not exceed its limit by more than 2%.", 0.02],
      ["exceeding the limit by more than 1% is not allowed.", 0.01],
      ["keys may go up to 2% over their limits.", 0.02],
      ["admitted requests may exceed the limit by 2% at most.", 0.02],
    ] as const) {
      const s = parseStatedNfrs(base + clause);
      expect(s.scale.overshoot_bound_share?.value, clause).toBeCloseTo(share, 9);
      expect(clause.startsWith(s.scale.overshoot_bound_share?.quote ?? "-"), clause).toBe(true);
    }
  });

  it("reads no overshoot from a latency or a share that bounds nothing", () => {
    for (const clause of [
      "the limiter must keep p99 under 5 ms.",
      "exceeding the limit by more than 2% happens daily.",
    ])
      expect(parseStatedNfrs(base + clause).scale.overshoot_bound_share, clause).toBeUndefined();
  });
});

describe("the limiter's budget rule carries the stated overshoot bound in the prompt's words", () => {
  it("says the bound on the stated limit's rule, so the clause is carried", () => {
    for (const p of [
      "Design a distributed rate limiter for a payments API: 500,000 requests per second over 25 edge nodes, per-merchant limits of 600 requests per minute, and a merchant may exceed its limit by at most 2%.",
      "Design a rate limiter for a billing API at 200,000 requests per second over 40 gateways where each customer is limited to 100 requests a minute and a customer may exceed its limit by at most 2%.",
      "Design a rate limiter for an API at 300,000 requests per second over 30 gateways; each app may make 1,200 requests a minute and no app may be admitted more than 3% over its limit.",
    ]) {
      const d = design(p);
      const rule = d.invariants.find((i) => /Budget admits at most \d/.test(i.statement));
      expect(rule?.statement, p).toMatch(/never admits a \w+ more than \d% past that figure/);
      expect(
        d.coherence.filter((c) => c.rule === "requirement-not-carried"),
        p,
      ).toEqual([]);
    }
  });
});

describe("the limiter fails closed where a stated overshoot bound guards money", () => {
  const choice = (p: string) => design(p).decisions.find((x) => x.id === "i08-on-failure");
  it("chooses fail closed for a payments, billing or payout limit with a stated bound, saying both", () => {
    for (const p of [
      "Design a distributed rate limiter for a payments API: 500,000 requests per second over 25 edge nodes, per-merchant limits of 600 requests per minute, and a merchant may exceed its limit by at most 2%.",
      "Design the rate limiter in front of a card-charging service: 80,000 requests per second, 100 charges per second per merchant, never more than 1% over a merchant's limit.",
      "Design a rate limiter for a payout API across 30 gateways, with each account limited to 50 requests a minute and an overshoot of at most 3%.",
    ]) {
      const d = choice(p);
      expect(d?.chosen, p).toBe("fail-closed");
      expect(d?.because, p).toMatch(/over-admission here costs money/);
      expect(d?.because, p).toMatch(/overshoot_bound_share is stated/);
      // the stance line follows the decision, with the stated words as its reason
      const n = design(p).nfrs;
      expect(n.availability, p).toBe("fail-closed");
      expect(n.sources.availability?.because, p).toMatch(/i08-on-failure takes 'fail-closed'.*the prompt says '/);
    }
  });

  it("keeps failing open where the bound guards capacity, not money", () => {
    const d = choice(
      "Design a distributed rate limiter for a public search API: 500,000 requests per second over 25 edge nodes, per-key limits of 600 requests per minute, and a key may exceed its limit by at most 2%.",
    );
    expect(d?.chosen).toBe("fail-open");
  });
});

describe("people named by what they do are the users", () => {
  it("reads listeners, readers, passengers and owners as users, feeding the per-user figures", () => {
    for (const [p, words] of [
      ["Design a music streaming service for 100 million listeners.", "100 million listeners"],
      ["Design a news site for 5 million readers.", "5 million readers"],
      ["Design a transit ticketing app for 3 million passengers.", "3 million passengers"],
      ["Design a vet-booking app for 2 million pet owners.", "2 million pet owners"],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.users?.quote, p).toBe(words);
      expect(s.scale.subscribers, p).toBeUndefined();
    }
    const d = design("Design a music streaming service for 100 million listeners.");
    const users = d.capacity.flatMap((r) => r.inputs).find((i) => i.name === "users");
    expect(users?.source).toBe("stated");
    expect(users?.value).toBe(100_000_000);
  });
});

describe("a handful of people spelled as a word are a rule's actors, not the user base", () => {
  it("reads no users from 'two guests' or 'Two readers', and keeps a voting group's voters", () => {
    for (const p of [
      "Design a hotel booking site and explain how you stop two guests from booking the same room.",
      "We keep a small piece of cluster metadata that 400 services read. Two readers must never see different answers.",
    ])
      expect(parseStatedNfrs(p).scale.users, p).toBeUndefined();
    const v = parseStatedNfrs(
      "Five voting members keep the list of table owners; any change needs most of them to agree.",
    );
    expect(v.scale.voters?.value).toBe(5);
    expect(parseStatedNfrs("Design a hotel booking site for 2 million guests.").scale.users?.value).toBe(2_000_000);
  });
});

describe("a bound on a change reaching everywhere is a propagation bound, not a request's latency", () => {
  it("reads sign-out, revocation and invalidation said everywhere within a time as propagation", () => {
    for (const [p, secs, words] of [
      [
        "Design the session service for a video site with 60 million accounts: signing out on one device must end that session everywhere within 5 seconds.",
        5,
        "signing out on one device must end that session everywhere within 5 seconds",
      ],
      [
        "Design an auth service for 30 million users where logging out must sign the user out on all of their devices within 3 seconds.",
        3,
        "logging out must sign the user out on all of their devices within 3 seconds",
      ],
      [
        "Design a session store: when an account is disabled, its sessions must be revoked across every region within 10 seconds.",
        10,
        "revoked across every region within 10 seconds",
      ],
      [
        "Design a login service; a password change must invalidate the user's sessions on all devices within 5 seconds.",
        5,
        "invalidate the user's sessions on all devices within 5 seconds",
      ],
    ] as const) {
      const s = parseStatedNfrs(p);
      expect(s.scale.propagation_seconds?.value, p).toBe(secs);
      expect(s.scale.propagation_seconds?.quote, p).toBe(words);
      expect(s.latency, p).toEqual([]);
      expect(s.scale.latency_seconds, p).toBeUndefined();
    }
  });

  it("keeps a request's own time a latency beside it", () => {
    const s = parseStatedNfrs(
      "Design a session store: when an account is disabled, its sessions must be revoked across every region within 10 seconds, and reads take under 20 ms.",
    );
    expect(s.scale.latency_seconds?.value).toBeCloseTo(0.02, 9);
  });
});
