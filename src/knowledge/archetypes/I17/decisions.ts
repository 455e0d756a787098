import type { DecisionPoint } from "../../decisions/types.js";
import { ADX_DECISIONS } from "./adx.js";

/** Words that ask for balancing at layer 4: flows of packets, not requests. */
const L4_ASKED = String.raw`\b(?:layer[- ]?4|l4|packets? (?:per|a|each) second|network load balanc\w*)\b`;
/** Words that ask for per-request (layer-7) work: routes by path or header, HTTP, an API gateway. */
const L7_ASKED = String.raw`\b(?:layer[- ]?7|l7|https?|paths?|headers?|api gateway|per[- ]request routing)\b`;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  ...ADX_DECISIONS,
  {
    id: "i17-balancing",
    // an exchange's auction servers are reached through its regional front door; its own questions replace these
    unlessTopic: "ad-exchange",
    question: "How does a proxy pick a backend?",
    options: [
      {
        id: "p2c",
        name: "least-requests over two random choices (power of two choices)",
        buys: "avoids overloaded backends using only local, possibly stale load counts",
        costs: "no affinity: repeated keys land anywhere",
        winsWhen: "backends are interchangeable",
        implies: { addMechanisms: ["health-checked-selection", "outlier-ejection"] },
      },
      {
        id: "hash-affinity",
        name: "consistent hashing on a request's key or a connection's flow",
        buys: "the same key reaches the same backend, keeping its caches warm, and every packet of a connection reaches one backend",
        costs: "hot keys overload one backend",
        winsWhen: "backends keep per-key state or caches",
        // the prompt keeps a key's requests on one backend
        wins: [
          {
            words: String.raw`\bsticky sessions?\b|\bsession affinity\b|\b(?:same|one) (?:backend|server) (?:for|per) (?:each |every |the same )?(?:user|key|session|client|tenant)\b`,
          },
        ],
        // Maglev and Katran hash each packet's flow (its 5-tuple) into a consistent lookup table, so every balancer
        // sends a connection to the same backend and few flows move when backends change (Maglev paper, NSDI 2016;
        // github.com/facebookincubator/katran)
        usedBy: ["Maglev", "Katran"],
        implies: { addMechanisms: ["consistent-hashing"] },
      },
      {
        id: "round-robin",
        name: "round robin",
        buys: "the simplest spread",
        costs: "ignores load, so a slow backend collects a queue",
        winsWhen: "a handful of identical backends with uniform requests",
        wins: [{ number: "backends", below: 5 }],
      },
    ],
    rules: [{ when: [{ number: "backends", below: 5 }], option: "round-robin", because: "only a handful of backends" }],
    fallback: { option: "p2c", because: "backends are interchangeable and load varies per request" },
  },
  {
    id: "i17-layer",
    unlessTopic: "ad-exchange",
    question: "Balance at layer 4, layer 7, or an L4 tier in front of L7 proxies?",
    options: [
      {
        id: "l7",
        name: "L7 proxies",
        buys: "routing by path or header, retries and per-request balancing",
        costs: "TLS and HTTP parsing cost CPU per request",
        winsWhen: "per-request routing is needed at moderate volume",
        // whole L7 proxies and the control plane that configures them: no part of an L4-only balancer
        implies: {
          preferTechnology: ["Envoy", "NGINX", "HAProxy", "Kong", "Istio"],
          draws: ["clients>proxies", "route", "Proxy a request"],
        },
      },
      {
        id: "l4-then-l7",
        name: "an L4 tier (ECMP or a connection balancer) spreading over L7 proxies",
        buys: "the L7 tier scales out behind one address",
        costs: "two tiers to run and debug",
        winsWhen: "peak traffic needs dozens of L7 proxies",
        wins: [{ number: "proxies_needed", atLeast: 24 }],
        implies: {
          preferTechnology: ["Envoy", "NGINX", "HAProxy", "Kong", "Istio", "Linux IPVS or an XDP forwarder"],
          // the L4 tier is a part of its own in front of the proxies: the clients reach it, and it spreads their
          // connections over the L7 fleet
          draws: ["l4-tier", "clients>l4-tier", "l4-tier>proxies", "route", "Proxy a request"],
        },
      },
      {
        id: "l4",
        name: "an L4 tier alone, with no L7 proxies behind it",
        buys: "the highest throughput per box; TLS can pass through",
        costs: "no per-request routing or retries",
        winsWhen: "traffic is not HTTP, or routing per request is not needed",
        // both forward packets at layer 4 and leave HTTP to the servers behind them (Maglev paper; Katran's README:
        // a layer 4 load balancing forwarding plane on XDP)
        usedBy: ["Maglev", "Katran"],
        // the prompt asks for a layer-4 balancer (packets, flows, TCP or UDP) and names no per-request routing
        wins: [{ words: L4_ASKED, unless: L7_ASKED }],
        // packets forwarded in the kernel or past it (IPVS, XDP), reached from the routers by ECMP: a layer-4 forwarder
        // sees packets of a flow, not requests: it hashes each flow to a backend and tracks the connection, and never
        // parses, retries or replays a request
        implies: {
          preferTechnology: ["Linux IPVS or an XDP forwarder"],
          names: [
            {
              component: "proxies",
              name: "L4 forwarders (reached by ECMP, each flow hashed to a backend, connection tracking)",
              runs: ["hash each new flow to a backend", "keep each connection's backend", "forward packets"],
            },
          ],
          draws: ["clients>proxies", "forward", "Forward a flow"],
          excludes: [String.raw`\bidempoten\w*|\bretr(?:y|ies)\b(?! budget)`],
        },
      },
    ],
    rules: [
      {
        when: [{ words: L4_ASKED, unless: L7_ASKED }],
        option: "l4",
        because: "the prompt asks for a layer-4 balancer and names no per-request routing",
      },
      {
        when: [{ number: "proxies_needed", atLeast: 10 }],
        option: "l4-then-l7",
        because: "the proxy tier needs many L7 boxes behind one address",
      },
    ],
    fallback: { option: "l7", because: "per-request routing at a volume a few proxies carry" },
  },
];
