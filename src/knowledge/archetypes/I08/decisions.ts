import { BURSTS_TOLERATED, OVER_ADMISSION_COSTS } from "../../decisions/stated-conditions.js";
import type { DecisionPoint } from "../../decisions/types.js";
import { TOPIC_WORDS } from "../../topics.js";
import { SLOT_DECISIONS } from "./slots.js";
import { ROOM_DECISIONS } from "./waiting-room.js";

/** A limit stated per minute, hour, day or month (a quota per window rather than a rate): "per minute", "per-minute". */
const PER_WINDOW = String.raw`\b(?:per|a|an|every|each)[\s-]+(?:minute|hour|day|month)|/\s*(?:min|minute|h|hr|hour|d|day)\b`;

/**
 * The prompt's words that state a limit as a quota per window of a minute or longer: a quota or limit named per
 * minute, hour, day or month ("a per-minute quota", "a quota of 1,000 calls per hour", "hourly limits"), not a
 * throughput the system serves ("5 million requests per second") nor a budget people set for their spending.
 */
const QUOTA_PER_WINDOW = String.raw`\b(?:per[\s-]+(?:minute|hour|day|month)|hourly|daily|monthly)\s+(?:\w+\s+)?(?:quotas?|limits?|caps?)\b|\b(?:quotas?|limits?|caps?)\s+(?:of\s+[\d,.]+\s*[kmb]?\s+\w+(?:\s+\w+)?\s+)?(?:per|a|an|each|every)\s+(?:minute|hour|day|month)\b`;

/**
 * The prompt bounds how far the fleet may admit past a limit ("may be exceeded by at most 5%", "no more than 1% over
 * the quota", "over-admission under 2%"): a stated tolerance that local allowances, each spent without the others,
 * cannot promise as the fleet grows.
 */
const OVER_ADMISSION_BOUND = String.raw`\bexceeded\s+by\s+(?:at\s+most|no\s+more\s+than|less\s+than|under)\s+[\d.]+\s*(?:%|percent)|\bover-?admi\w*\s+(?:of\s+)?(?:at\s+most|no\s+more\s+than|below|under|within)\s+[\d.]+\s*(?:%|percent)|\b(?:at\s+most|no\s+more\s+than)\s+[\d.]+\s*(?:%|percent)\s+(?:over|above|past|beyond)\s+(?:the|its|their|a)\s+(?:quota|limit|budget)`;

/**
 * Over-admission that costs money or a security promise: calls billed per request, guesses, fraud (OVER_ADMISSION_COSTS),
 * or a limit on calls that move money (a payments API, charges, payouts, transfers: the money topic's words).
 */
const MONEY_AT_STAKE = `${OVER_ADMISSION_COSTS}|${TOPIC_WORDS.money}`;

/**
 * The fewest requests of one key a gateway must be able to spend between syncs for a local allowance to save store
 * calls: with less, a gateway asks the store for at least every other request, so the allowance only adds its slack.
 */
const MIN_USEFUL_ALLOWANCE = 2;

/**
 * The fewest requests of one key a region's even share of a window must hold for shares to be worth splitting and
 * rebalancing: a rebalance moves a slice of spare share, so with a share of thousands a region borrows rarely, while a
 * share of a few dozen (1,000 an hour over 40 data centres is 25 each) leaves a key whose callers sit in one region
 * with a fortieth of its limit until spare share is moved to it.
 */
const MIN_REGION_SHARE = 1000;

/**
 * The over-admission across regions a limiter plans for where the prompt states no tolerance: a tenth of a key's quota
 * per window. Past it (a small per-minute limit over many regions: 10 a minute over 40 regions overshoots by more than
 * half at a one-second sync), summing per-region counts no longer enforces the limit in any useful sense.
 */
const UNSTATED_OVERSHOOT_SHARE = 0.1;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    unlessTopic: ["job-slots", "waiting-room"],
    id: "i08-algorithm",
    question: "Token bucket or sliding window?",
    options: [
      {
        id: "token-bucket",
        name: "token bucket",
        buys: "allows short bursts up to the bucket size at a steady refill rate; two numbers per key",
        costs: "not a hard count per calendar window",
        winsWhen: "the limit is a rate with tolerated bursts",
        // the prompt allows short bursts above the steady rate: the bucket's capacity is that allowance (Envoy's
        // TokenBucket: max_tokens bounds what may be taken at once, tokens_per_fill per fill_interval the steady rate)
        wins: [{ words: BURSTS_TOLERATED }],
        implies: { addMechanisms: ["token-bucket"], draws: ["Token bucket admission"] },
      },
      {
        id: "sliding-window",
        name: "sliding-window counter (current and previous window, weighted)",
        buys: "a smooth per-window quota without the fixed window's double burst at the boundary",
        costs: "approximate unless a per-request log is kept, which costs memory per request",
        winsWhen: "the limit is stated as a quota per minute or longer that callers read as a contract",
        wins: [{ words: QUOTA_PER_WINDOW }],
        implies: {
          addMechanisms: ["atomic-counter"],
          removeMechanisms: ["token-bucket"],
          draws: ["Sliding window admission"],
        },
      },
    ],
    rules: [
      {
        when: [{ stated: "requests_per_sec_per_key", matching: PER_WINDOW }],
        option: "sliding-window",
        because: "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
      },
      {
        when: [{ stated: "requests_per_sec_per_user", matching: PER_WINDOW }],
        option: "sliding-window",
        because: "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
      },
      {
        when: [{ stated: "requests_per_sec_per_tenant", matching: PER_WINDOW }],
        option: "sliding-window",
        because: "the limit is stated as a quota per window, so a burst at the window boundary would visibly break it",
      },
    ],
    fallback: { option: "token-bucket", because: "a rate limit with tolerated bursts is the common contract" },
  },
  {
    unlessTopic: ["job-slots", "waiting-room"],
    id: "i08-enforcement",
    question: "Check a central budget store on every request, or spend local allowances synced periodically?",
    options: [
      {
        id: "central-store",
        name: "a central budget store (for example Redis with an atomic script) checked on every request, with a small local allowance spent only while the store is unreachable",
        buys: "one shared count per scope across every gateway, as exact as the window algorithm it runs",
        costs: "one store round trip per request; the store's throughput and availability bound the gateway",
        winsWhen:
          "the store handles the fleet's peak checks on a few nodes, or the prompt bounds how far the fleet may admit past a limit",
        // the second half as facts: a stated over-admission tolerance is a requirement, where the store's node count is a
        // cost; a bound read as a share ('never more than 5% over its limit') is one too, and the rule below says what it
        // leaves each gateway to spend
        wins: [{ any: [{ words: OVER_ADMISSION_BOUND }, { stated: "overshoot_bound_share" }] }],
        // the per-request admission sequences call the store on every check, so only this option draws them
        implies: {
          addMechanisms: ["atomic-counter"],
          draws: ["Token bucket admission", "Sliding window admission"],
          // the allowance syncs are the rejected option's load, not this one's (syncing an allowance per scope to every node)
          excludes: ["every node holds an allowance", String.raw`\bholds an allowance for every active scope\b`],
        },
      },
      {
        id: "local-allowance",
        name: "local allowances per gateway, synced every few seconds",
        buys: "no remote call on the request path",
        costs: "the fleet may over-admit by up to one allowance per gateway between syncs",
        winsWhen:
          "central checks would need many store nodes or add unacceptable latency, and each gateway may spend a few requests of a key between syncs",
        // an allowance under a couple of requests per gateway (a tight overshoot bound spread over many gateways) makes
        // nearly every request a store call anyway: the allowances then save nothing and cost their slack
        wins: [
          { number: "budget_store_nodes", atLeast: 4 },
          { number: "allowance_per_gateway", atLeast: MIN_USEFUL_ALLOWANCE },
        ],
        implies: {
          addMechanisms: ["heartbeat-renewal"],
          draws: ["Local allowance"],
          excludes: ["refill and take atomically", "count the request in the current window"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "central-store",
        because: "the limit must be exact",
      },
      {
        // "a key must never get more than 5% over its limit" across 40 gateways: the bound's slack per key, shared by
        // the other gateways, is what each may spend between syncs; under a couple of requests, a local allowance is a
        // store call per request with extra slack, so the central store is the cheaper way to keep the bound
        when: [{ stated: "overshoot_bound_share" }, { number: "allowance_per_gateway", below: MIN_USEFUL_ALLOWANCE }],
        option: "central-store",
        because:
          "the stated overshoot bound, shared by the other gateways, leaves each gateway less than a couple of requests of a key to spend between syncs, so local allowances would call the store on nearly every request anyway",
      },
      {
        when: [{ number: "budget_store_nodes", atLeast: 4 }],
        option: "local-allowance",
        because: "central checks would need many store nodes",
      },
      {
        when: [{ latencyAtMost: 1 }],
        option: "local-allowance",
        because: "a sub-millisecond budget leaves no room for a remote call",
      },
    ],
    fallback: { option: "central-store", because: "the fleet's checks fit a small store cluster" },
  },
  {
    unlessTopic: ["job-slots", "waiting-room"],
    id: "i08-on-failure",
    question: "When the budget store is unreachable: fail open or fail closed?",
    options: [
      {
        id: "fail-open",
        name: "fail open (admit and log)",
        buys: "a limiter outage does not become a full outage",
        costs: "limits are not enforced while the store is down",
        winsWhen: "the limiter protects capacity rather than money or security",
        // the prompt states that the limiter fails open (or that the system stays up) when its store is unreachable
        wins: [{ nfr: "availability", in: ["stay-available"], stated: true }],
      },
      {
        id: "fail-closed",
        name: "fail closed (reject)",
        buys: "no request is admitted beyond its budget",
        costs: "the limiter's outage rejects all traffic",
        winsWhen: "over-admission costs money or breaks a security promise",
        // over-admission the prompt says costs money or security ('login attempts'); a stated fail-closed stance picks
        // it by the rule below
        wins: [{ words: OVER_ADMISSION_COSTS }],
        implies: { stance: "fail-closed" },
      },
    ],
    rules: [
      {
        when: [{ nfr: "availability", in: ["fail-closed"] }],
        option: "fail-closed",
        because: "the prompt asks to fail closed",
      },
      {
        // "a merchant may exceed its limit by at most 2%" on a payments API: the prompt bounds over-admission where it
        // costs money, and failing open admits every request past its limit for as long as the store is down, so the
        // stated bound holds only if the limiter rejects while it cannot count
        when: [{ words: MONEY_AT_STAKE }, { stated: "overshoot_bound_share" }],
        option: "fail-closed",
        because:
          "the prompt bounds how far a limit may be exceeded, and over-admission here costs money: failing open would admit every request past its limit while the store is down, breaking the stated bound",
      },
    ],
    fallback: {
      option: "fail-open",
      because: "rejecting everything when the limiter is down turns its outage into everyone's",
    },
  },
  {
    // how one key's budget is shared by the regions or data centres that enforce it: asked only across several
    unlessTopic: ["job-slots", "waiting-room"],
    regionsAtLeast: 2,
    id: "i08-cross-region",
    question:
      "How do the regions share one key's budget: check it in the key's home region, give each region a share, or count in every region and sum?",
    options: [
      {
        id: "home-region",
        name: "a home region per key, checked on every request (the other regions forward the key's checks there)",
        buys: "one count per key, as exact as its window algorithm",
        costs:
          "a cross-region round trip for every caller away from the key's home, and the home region's availability bounds the key's",
        winsWhen:
          "the limit must be exact, or per-region counts summed between syncs would over-admit past a stated bound (a tenth of the quota per window where none is stated) and each region's share is too small to split",
        implies: { regionMode: "per-key-home" },
      },
      {
        id: "region-shares",
        name: "a share of each key's budget per region (the limit divided among the regions), spent locally and rebalanced periodically",
        buys: "no cross-region call on the request path, and never more than the limit admitted (the shares sum to it)",
        costs:
          "a region can run out while others have spare until the next rebalance; a share of a few requests a window is too coarse to split",
        winsWhen:
          "each region's share is large (thousands of requests a window) and the limit must not be exceeded by the sync interval's slack",
        implies: { regionMode: "region-shares" },
      },
      {
        id: "summed-counts",
        name: "per-region counts of each key, exchanged every sync interval and summed (each region increments only its own slot)",
        buys: "no cross-region call on the request path, and the whole limit usable from any region",
        costs:
          "the regions may over-admit a key by up to one sync interval of its rate per other region before they hear of each other",
        winsWhen: "the over-admission one sync interval allows per other region is within what the limit tolerates",
        implies: {
          regionMode: "count-slots",
          sizes: ["region_count_overshoot_per_key", "region_count_overshoot_share", "count_exchange_bytes_per_region"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "home-region",
        because: "the limit must be exact across regions, so one region holds each key's count",
      },
      {
        when: [
          { number: "region_count_overshoot_share", atLeast: 1, of: "overshoot_bound_share" },
          { number: "region_share_per_key", atLeast: MIN_REGION_SHARE },
        ],
        option: "region-shares",
        because:
          "per-region counts summed between syncs would over-admit past the stated bound, and each region's share is large enough to spend locally and rebalance rarely",
      },
      {
        when: [{ number: "region_count_overshoot_share", atLeast: 1, of: "overshoot_bound_share" }],
        option: "home-region",
        because:
          "per-region counts summed between syncs would over-admit past the stated bound, and each region's share is too small to split, so each key is checked in its home region",
      },
      {
        when: [{ number: "region_count_overshoot_share", atLeast: UNSTATED_OVERSHOOT_SHARE }],
        option: "home-region",
        because:
          "per-region counts summed between syncs would over-admit a key by a tenth of its quota per window or more, so each key is checked in its home region, paying a cross-region round trip for callers away from home",
      },
      {
        when: [
          { number: "region_share_per_key", below: MIN_REGION_SHARE },
          { number: "region_count_overshoot_share", below: UNSTATED_OVERSHOOT_SHARE },
        ],
        option: "summed-counts",
        because:
          "an even share per region is too few requests a window to split (a key whose callers sit in one region would get one region's share of its limit), and a home region would put a cross-region round trip on most callers' path, so each region counts its own admissions in its own slot and the regions sum the slots, over-admitting at most one sync interval of the key's rate per other region",
      },
    ],
    fallback: {
      option: "summed-counts",
      because:
        "no cross-region call on the request path and the whole limit usable from any region, with the over-admission bounded by one sync interval of the key's rate per other region",
    },
  },
  ...SLOT_DECISIONS,
  ...ROOM_DECISIONS,
];
