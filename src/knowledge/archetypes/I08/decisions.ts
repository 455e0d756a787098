import type { DecisionPoint } from "../../decisions/types.js";
import { SLOT_DECISIONS } from "./slots.js";
import { ROOM_DECISIONS } from "./waiting-room.js";

/** A limit stated per minute, hour, day or month (a quota per window rather than a rate). */
const PER_WINDOW = String.raw`\b(?:per|a|an|every|each)\s+(?:minute|hour|day|month)|/\s*(?:min|minute|h|hr|hour|d|day)\b`;

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
        implies: { addMechanisms: ["token-bucket"], draws: ["Token bucket admission"] },
      },
      {
        id: "sliding-window",
        name: "sliding-window counter (current and previous window, weighted)",
        buys: "a smooth per-window quota without the fixed window's double burst at the boundary",
        costs: "approximate unless a per-request log is kept, which costs memory per request",
        winsWhen: "the limit is stated as a quota per minute or longer that callers read as a contract",
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
        winsWhen: "the store handles the fleet's peak checks on a few nodes",
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
        winsWhen: "central checks would need many store nodes or add unacceptable latency",
        wins: [{ number: "budget_store_nodes", atLeast: 4 }],
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
      },
      {
        id: "fail-closed",
        name: "fail closed (reject)",
        buys: "no request is admitted beyond its budget",
        costs: "the limiter's outage rejects all traffic",
        winsWhen: "over-admission costs money or breaks a security promise",
        // the prompt states that over-admission must never happen, even in an outage
        wins: [{ nfr: "availability", in: ["fail-closed"], stated: true }],
      },
    ],
    rules: [
      {
        when: [{ nfr: "availability", in: ["fail-closed"] }],
        option: "fail-closed",
        because: "the prompt asks to fail closed",
      },
    ],
    fallback: {
      option: "fail-open",
      because: "rejecting everything when the limiter is down turns its outage into everyone's",
    },
  },
  ...SLOT_DECISIONS,
  ...ROOM_DECISIONS,
];
