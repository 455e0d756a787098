import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * A real-time bidding ad exchange (topic "ad-exchange", knowledge/topics.ts): publishers (their ad servers, SDKs or
 * SSPs) send a bid request for each ad slot with the time they will wait (tmax); the exchange stamps a deadline,
 * enriches the request (user ids, device, geo, invalid-traffic and brand-safety verdicts from in-memory stores),
 * picks the bidders whose targeting matches and whose per-second QPS budget has room, and sends each of them a bid
 * request in parallel with a shorter tmax. It keeps the bids that arrive before the bidder timeout, are at least the
 * floor and are not blocked, ranks them (first price: the winner pays its bid), and answers the winning markup, or
 * no-bid, before the deadline. A win notice (nurl) tells the winner; the rendered ad's impression callback makes it
 * billable, recorded once per impression id in the billing ledger and told to the bidder by the billing notice (burl).
 * Every auction, bid, win and impression goes to an event log keyed by auction id that reporting and billing aggregate.
 * A slow or failing bidder is throttled to a trickle by a health loop. The bidders' budgets and pacing are theirs: the
 * exchange only reports spend. An auction site where people bid for minutes on an item (I13's auction) is not this.
 *
 * Facts, checked against primary sources (IAB Tech Lab OpenRTB 2.6, github.com/InteractiveAdvertisingBureau/openrtb2.x):
 * - Transport: bid requests are HTTP POST; a no-bid may be an HTTP 204; a malformed request gets a 400. HTTP
 *   persistent connections (keep-alive) are the spec's named best practice to cut connection overhead and CPU on both
 *   sides; gzip may compress requests (agreed a priori) and responses (Accept-Encoding).
 * - BidRequest.tmax: the most time, in milliseconds, the exchange allows for bids to arrive, internet latency
 *   included; an intermediary should lower the tmax it forwards by its own latency and the extra hop.
 * - BidRequest.at: the auction type, 1 = first price, 2 = second price plus (the default); above 500 exchange-specific.
 * - Imp.bidfloor: the minimum bid for the impression, in CPM.
 * - Bid.nurl is the win notice, called if the bid wins and not necessarily a billable ad; Bid.burl is the billing
 *   notice, called when the winning bid becomes billable under the exchange's policy (typically a delivered or viewed
 *   ad); Bid.lurl the loss notice. The spec's overview: the win notice informs the bidder's pricing, the billing notice
 *   says spend should be applied. ${AUCTION_PRICE} in those URLs carries the clearing price.
 * - Google Ad Manager moved its Ad Exchange from a second-price to a unified first-price auction in 2019, with
 *   publishers' floors set by unified pricing rules (support.google.com/admanager/answer/9298211).
 * Planning figures (bytes per request, an auction server's rate, network and enrichment times, fill) are assumptions,
 * said as such in their rows.
 */

const T = "ad-exchange" as const;

export const ADX_ENTITIES = [
  {
    name: "Auction",
    description:
      "One auction per bid request received, by its auction id (the BidRequest id): publisher, site or app, the impressions offered with their floors, the tmax it came with and the deadline stamped from it, the bidders called, and the outcome (winner and clearing price, or no-bid and why).",
    truth: true,
    topic: T,
  },
  {
    name: "Bidder",
    description:
      "A demand partner the exchange calls: its endpoint in each region, the QPS cap it agreed to, its targeting (formats, geos, publishers it buys), its timeout and its status; the configuration every auction server holds in memory.",
    truth: true,
    topic: T,
  },
  {
    name: "Placement",
    description:
      "A publisher's ad slot: its formats and sizes, the floor price by rule (geo, device, bidder), and the blocked ad categories and ad domains (adomain) its brand safety asks for.",
    truth: true,
    topic: T,
  },
  {
    name: "Bid",
    description:
      "One bid a bidder returned for an impression of an auction: bid id, impression id, price (CPM), ad markup or win-notice URL (nurl), billing-notice URL (burl), the ad's domain (adomain) and creative id, arrival time, and whether it won, lost, arrived late or was filtered.",
    truth: false,
    topic: T,
  },
  {
    name: "Impression",
    description:
      "The billable event of a won auction, by impression id (auction id and the impression's id in it): the winning bidder and seat, the clearing price and when the rendered ad reported; one row per impression, which billing and every bidder's spend are counted from.",
    truth: true,
    durability: "durable",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "an impression id is inserted only where the ledger's primary confirms it is absent, so a cut-off ledger refuses the insert rather than risk billing twice",
    },
    topic: T,
  },
  {
    name: "BidderThrottle",
    description:
      "Each bidder's observed health and share, per auction server: requests sent this second against its share of the QPS cap, timeouts and errors over the last minute, its recent p99 response time, and the share of eligible requests it is sent.",
    truth: false,
    topic: T,
  },
] as const;

export const ADX_WRITES = [
  {
    action:
      "run an auction on each bid request: stamp its deadline from tmax, enrich it, call every eligible bidder in parallel with a tmax cut to the bidder timeout, keep the bids that arrived in time, at or above the floor and not blocked, and answer the highest one's markup, or no-bid, before the deadline",
    entity: "Auction",
    shape: "create target",
    mechanism: "deadline-fanout",
    critical: true,
    topic: T,
  },
  {
    action:
      "take one request from the bidder's per-second QPS budget on this auction server before calling it, and skip the bidder for this auction when the budget is spent",
    entity: "BidderThrottle",
    shape: "overwrite current value",
    mechanism: "token-bucket",
    critical: true,
    topic: T,
  },
  {
    action:
      "throttle a bidder whose timeouts or errors run high down to a trickle of requests, and restore its share step by step as it answers in time again",
    entity: "BidderThrottle",
    shape: "state transition",
    mechanism: "outlier-ejection",
    hidden: true,
    topic: T,
  },
  {
    action:
      "record the impression when the rendered ad reports it: insert its impression id only if absent, with the winning bid and clearing price, then send the bidder's billing notice (burl) once",
    entity: "Impression",
    shape: "create target",
    mechanism: "keyed-effect-ledger",
    critical: true,
    topic: T,
  },
  {
    action:
      "append each auction, its bids and outcome, and each win and impression to the event log keyed by auction id, for reporting and billing aggregates",
    entity: "Bid",
    shape: "append event",
    mechanism: "append-log",
    hidden: true,
    runs: {
      in: "async worker",
      because: "events are handed to a local buffer and sent after the answer, so the auction never waits on the log",
    },
    topic: T,
  },
  {
    action:
      "send the win notice (nurl) with the clearing price to the winner after the answer, retried under the auction id so the bidder counts one win",
    entity: "Auction",
    shape: "async process",
    mechanism: "idempotent-receiver",
    hidden: true,
    runs: { in: "async worker", because: "notices go out after the publisher is answered" },
    topic: T,
  },
  {
    action:
      "change a bidder's endpoints, QPS cap, targeting or timeout, or a placement's floors and blocks, under the version read, and push the new configuration to every auction server",
    entity: "Bidder",
    shape: "overwrite current value",
    mechanism: "versioned-snapshot",
    topic: T,
  },
] as const;

export const ADX_READS = [
  {
    action:
      "enrich a bid request from in-memory stores: the user's synced ids, device and geo, and the page's invalid-traffic and brand-safety verdicts",
    entity: "Auction",
    shape: "read projection",
    staleness: "minutes: user syncs and page verdicts are refreshed in the background, never looked up across regions",
    topic: T,
  },
  {
    action: "pick the bidders eligible for a request from the auction server's copy of bidders and placements",
    entity: "Bidder",
    shape: "read projection",
    staleness: "one configuration push, seconds behind the config store",
    topic: T,
  },
  {
    action: "report spend, impressions, win rate and timeouts by bidder, publisher and placement",
    entity: "Impression",
    shape: "read projection",
    staleness: "a minute behind the event log; billing totals are final once the day's log is closed",
    topic: T,
  },
] as const;

export const ADX_INVARIANTS = [
  "Every bid request is answered before its deadline (arrival plus tmax, less the network allowance), with the winning bid or with no-bid; a bid arriving after its bidder timeout takes no part, and no auction waits for a late bidder.",
  "Each Impression is billed at most once: its impression id is recorded once in the billing ledger, and a repeated or replayed impression callback or billing notice bills nothing twice.",
  "A winning bid is at least the placement's floor and is not blocked by the placement's blocked categories or ad domains; with first price the winner pays its own bid, never more.",
  "No bidder is sent more bid requests a second than its QPS cap, counted across every auction server.",
];

/** The mechanism that keeps each of the exchange's rules (`keptBy` on the card's invariant marks). */
export const ADX_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [ADX_INVARIANTS[0] as string]: "deadline-fanout",
  [ADX_INVARIANTS[1] as string]: "keyed-effect-ledger",
  [ADX_INVARIANTS[3] as string]: "token-bucket",
};

export const ADX_FAILURES = [
  {
    failure: "A bidder slows down or stops answering",
    role: "derived",
    prevention:
      "Each call carries the bidder timeout and is abandoned when it passes, never retried within the auction; the health loop sees the bidder's timeouts climb and cuts its share to a trickle",
    repair:
      "The trickle probes it; as its answers come back in time its share is restored step by step, so it is not flooded on recovery",
    topic: T,
  },
  {
    failure: "An auction cannot finish before the publisher's deadline (slow enrichment, a GC pause, a queue)",
    role: "derived",
    prevention:
      "The deadline is stamped on arrival from tmax on the server's monotonic clock; each step gets what is left, and at the deadline the server answers with the best valid bid so far or a 204 no-bid",
    repair:
      "The publisher fills the slot from its other demand; the missed auction is logged with its reason and nothing is billed",
    topic: T,
  },
  {
    failure: "A retried callback, a reloaded page or a replayed log reports the same impression twice",
    role: "truth",
    prevention:
      "The billing ledger inserts an impression id only if it is absent; a repeat finds it and records nothing, and the billing notice goes out only after the first insert",
    repair: "Reconcile billing totals against the event log daily; a difference is an investigation, not a re-bill",
    topic: T,
  },
  {
    failure: "A region's exchange servers go down",
    role: "derived",
    prevention:
      "Publishers reach the exchange through GeoDNS or anycast with health checks, so their requests move to the next-nearest region; every region holds the full bidder and placement configuration",
    repair:
      "Auctions in flight in the lost region are lost and nothing was billed for them; the region takes traffic back once its health checks pass",
    topic: T,
  },
  {
    failure:
      "Auction servers' clocks drift, so deadlines or the spend bidders pace on are reported against the wrong minute",
    role: "derived",
    prevention:
      "Deadlines are measured from arrival on each server's own monotonic clock, never compared across hosts; impressions carry the ingest time the ledger assigns, and hosts run NTP with a drift alarm",
    repair:
      "Spend reports are restated from the event log by impression id; bidders pace on the spend reported and their own win notices",
    topic: T,
  },
  {
    failure: "The event log or the billing ledger is unreachable",
    role: "derived",
    prevention:
      "Auction servers keep answering and buffer events on local disk; an impression callback is acknowledged only after its ledger insert",
    repair:
      "Buffers drain into the log when it returns; reporting catches up from the log, and a callback the publisher's SDK retries is recorded once by its impression id",
    topic: T,
  },
  {
    failure:
      "Bots or fraudulent inventory send bid requests, or a bidder returns an ad that breaks a publisher's rules",
    role: "derived",
    prevention:
      "Filter known spiders and invalid traffic before any bidder is called; drop bids whose ad domain or category the placement blocks; scan creatives before they serve",
    repair:
      "Impressions found invalid later are marked in the ledger and credited back to the bidder, never billed again",
    topic: T,
  },
] as const;

export const ADX_BOTTLENECKS = [
  {
    bottleneck: "Outbound bid requests: every bid request fans out to every eligible bidder",
    mitigation:
      "Traffic shaping sends each bidder only the requests it is likely to bid on and within its QPS cap; gzip or a binary encoding cuts the bytes",
    formula: {
      yields: "outbound bid requests per second",
      expression: "requests_per_sec * peak_factor * bidders * eligible_share",
      unit: "req/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Connections held open to bidders: with HTTP/1.1 keep-alive each request in flight holds one connection for its round trip",
    mitigation:
      "Pool warm connections per bidder endpoint in each region; HTTP/2 multiplexes many requests on one connection where bidders take it",
    formula: {
      yields: "bid requests in flight to bidders",
      expression:
        "requests_per_sec * peak_factor * bidders * eligible_share * min(bidder_response_seconds, bidder_timeout_seconds)",
      unit: "requests",
    },
    topic: T,
  },
  {
    bottleneck: "The event log: every auction writes its bids, its outcome and later its win and impression",
    mitigation:
      "Compact binary events partitioned by auction id; reporting reads minute aggregates, and raw bid events are kept only for days",
    formula: {
      yields: "event log bytes per day",
      expression: "requests_per_sec * (1 + bidders * eligible_share + 2 * fill_share) * event_bytes * 86400",
      unit: "B",
    },
    topic: T,
  },
] as const;

export const ADX_COMPONENTS: ComponentSpec[] = [
  {
    id: "publishers",
    name: "Publishers (ad servers, SDKs and SSPs sending bid requests)",
    kind: "client",
    runs: ["send a bid request with tmax", "render the winning ad", "report the impression"],
    because: "each ad slot shown is one bid request, and the publisher waits at most tmax for an answer",
    topic: T,
  },
  {
    id: "front-door",
    name: "Regional front door (GeoDNS or anycast, L4 balancers)",
    kind: "gateway",
    runs: ["send each publisher to the nearest healthy region", "spread connections over auction servers"],
    because: "auctions run in the region nearest the publisher and its bidders, and a lost region's traffic must move",
    topic: T,
  },
  {
    id: "auction-servers",
    name: "Auction servers (stateless per region: deadline, enrich, select, fan out, auction)",
    kind: "service",
    runs: [
      "stamp the deadline",
      "enrich the request",
      "select eligible bidders under their QPS budgets",
      "fan out with a per-bidder timeout",
      "run the auction",
    ],
    because:
      "every auction lives inside one server's memory for a tenth of a second, so the servers hold no durable state and scale with the request rate",
    topic: T,
  },
  {
    id: "enrichment-store",
    name: "Enrichment store (user syncs, device and geo, invalid-traffic and brand-safety verdicts; in-memory, per region)",
    kind: "cache",
    runs: ["answer lookups in a millisecond", "refresh lists in the background"],
    because: "enrichment must fit in a few milliseconds of the deadline, so it is read from memory in the same region",
    topic: T,
  },
  {
    id: "config-store",
    name: "Bidder and placement config store (bidders, QPS caps, targeting, floors, blocks)",
    kind: "replica-group",
    holds: ["Bidder", "Placement"],
    runs: ["commit versioned changes", "push snapshots to auction servers"],
    because:
      "bidders' caps and targeting and publishers' floors change rarely and must reach every auction server whole",
    topic: T,
  },
  {
    id: "bidders",
    name: "Bidders (demand-side platforms, an endpoint per region)",
    kind: "external",
    runs: ["answer a bid request within its tmax", "receive win, billing and loss notices"],
    because: "each bidder prices the impression for the brands it buys for and paces their budgets itself",
    topic: T,
  },
  {
    id: "bidder-health",
    name: "Bidder health loop (timeouts, errors and QPS per bidder; sets each bidder's share)",
    kind: "control-loop",
    holds: ["BidderThrottle"],
    runs: ["collect per-bidder timeouts and latency", "cut or restore a bidder's share"],
    because: "a slow bidder must stop costing every auction its timeout and connections before it drags the rest down",
    topic: T,
  },
  {
    id: "event-log",
    name: "Event log (auctions, bids, wins, impressions; partitioned by auction id)",
    kind: "log",
    holds: ["Auction", "Bid"],
    runs: ["append events", "serve reporting and billing consumers"],
    because:
      "every auction's record, its bids and outcome, must be kept for reporting, billing checks and bidders' disputes without slowing the auction",
    topic: T,
  },
  {
    id: "impression-trackers",
    name: "Impression trackers (the rendered ad's callback; record billable impressions)",
    kind: "service",
    runs: ["verify the callback's signature", "record the impression once", "queue the billing notice"],
    because: "a win becomes billable only when the ad renders, and that report can arrive twice",
    topic: T,
  },
  {
    id: "billing-ledger",
    name: "Billing ledger (one row per impression id; clearing price, bidder, publisher)",
    kind: "replica-group",
    holds: ["Impression"],
    runs: ["insert an impression id if absent", "total spend by bidder and publisher"],
    because: "money is owed per impression, so each impression id must be recorded exactly once, durably",
    topic: T,
  },
  {
    id: "notice-sender",
    name: "Notice sender (win notices nurl, billing notices burl, loss notices lurl; retried)",
    kind: "worker-pool",
    runs: ["call the winner's nurl", "call the burl once an impression is billable", "call losers' lurl"],
    because: "notices go out after the answer so the auction never waits on them, retried under their ids",
    topic: T,
  },
  {
    id: "reporting",
    name: "Reporting aggregator (minute aggregates by bidder, publisher and placement into a columnar store)",
    kind: "worker-pool",
    runs: ["aggregate events per minute", "reconcile billing with the log daily"],
    because: "publishers and bidders read spend, fill and timeouts by minute, never the raw events",
    topic: T,
  },
];

export const ADX_LINKS: LinkSpec[] = [
  { from: "publishers", to: "front-door", kind: "request", label: "bid request (tmax)", topic: T },
  { from: "front-door", to: "auction-servers", kind: "request", label: "nearest region", topic: T },
  { from: "auction-servers", to: "enrichment-store", kind: "request", label: "enrich", topic: T },
  {
    from: "auction-servers",
    to: "bidders",
    kind: "request",
    label: "bid requests in parallel (tmax cut to the bidder timeout)",
    topic: T,
  },
  { from: "auction-servers", to: "event-log", kind: "stream", label: "auction, bids, outcome", topic: T },
  { from: "auction-servers", to: "notice-sender", kind: "stream", label: "win and loss", topic: T },
  { from: "config-store", to: "auction-servers", kind: "control", label: "bidder and placement snapshot", topic: T },
  { from: "bidder-health", to: "auction-servers", kind: "control", label: "each bidder's share", topic: T },
  { from: "auction-servers", to: "bidder-health", kind: "stream", label: "timeouts and latency per bidder", topic: T },
  { from: "publishers", to: "impression-trackers", kind: "request", label: "impression callback", topic: T },
  { from: "impression-trackers", to: "billing-ledger", kind: "request", label: "insert if absent", topic: T },
  { from: "impression-trackers", to: "notice-sender", kind: "stream", label: "billable", topic: T },
  { from: "impression-trackers", to: "event-log", kind: "stream", label: "impression", topic: T },
  { from: "notice-sender", to: "bidders", kind: "request", label: "nurl, burl, lurl", topic: T },
  { from: "event-log", to: "reporting", kind: "stream", label: "events by auction id", topic: T },
];

export const ADX_API: ApiSpec[] = [
  {
    operation: "bid request",
    call: "POST /openrtb2/auction with an OpenRTB BidRequest (x-openrtb-version header, keep-alive)",
    request: [
      "id (the auction id)",
      "imp[] with bidfloor",
      "site or app, device, user",
      "tmax (ms)",
      "at (1 first price, 2 second price)",
    ],
    response: [
      "BidResponse: the winning bid's price, markup (adm) or nurl, and burl",
      "HTTP 204 no-bid when no valid bid arrived in time",
    ],
    errors: ["400 malformed request", "204 no-bid at the deadline"],
    guarantee: "answered before the deadline; a late bid is never answered or billed",
    topic: T,
  },
  {
    operation: "call a bidder",
    call: "POST to the bidder's regional endpoint: an OpenRTB BidRequest over a warm keep-alive connection",
    request: ["id (the auction id)", "imp[] with bidfloor", "tmax cut to the bidder timeout", "at", "bcat and badv"],
    response: ["seatbid[].bid[]: impid, price, adm or nurl, burl, adomain, crid", "HTTP 204 no-bid"],
    errors: ["no answer by the bidder timeout: dropped from this auction"],
    guarantee: "a bid arriving after the bidder timeout takes no part in the auction",
    topic: T,
  },
  {
    operation: "report an impression",
    call: "GET /imp?auction={auction_id}&imp={imp_id}&sig={signature}",
    request: ["auction_id", "imp_id", "signature over the win"],
    response: ["204"],
    errors: ["403 bad signature", "410 win expired"],
    guarantee: "the impression is recorded and billed once per impression id, however often the report repeats",
    topic: T,
  },
  {
    operation: "send win and billing notices",
    call: "GET the bid's nurl on win and its burl once billable, with the AUCTION_PRICE macro set to the clearing price",
    request: ["auction_id", "clearing price"],
    response: ["200 or 204"],
    errors: ["no answer: retried with backoff under the same auction or impression id"],
    guarantee: "one win notice per won auction and one billing notice per billable impression reach the bidder",
    topic: T,
  },
  {
    operation: "update a bidder",
    call: "PUT /v1/bidders/{bidder_id}",
    request: ["endpoints by region", "qps_cap", "targeting", "timeout_ms", "expected_version"],
    response: ["version"],
    errors: ["409 version moved (reload and retry)", "422 invalid targeting"],
    guarantee: "every auction server applies the whole new version within one configuration push",
    topic: T,
  },
  {
    operation: "set a placement's floors and blocks",
    call: "PUT /v1/placements/{placement_id}/rules",
    request: ["floor rules (geo, device, bidder)", "blocked categories and ad domains", "expected_version"],
    response: ["version"],
    errors: ["409 version moved"],
    guarantee: "an auction applies one version of a placement's rules, never half of two",
    topic: T,
  },
];

export const ADX_DATA: DataSpec[] = [
  {
    entity: "Auction",
    key: ["auction_id"],
    fields: [
      "publisher_id",
      "placement_ids",
      "tmax_ms",
      "deadline",
      "bidders_called",
      "winner",
      "clearing_price",
      "no_bid_reason",
    ],
    indexes: ["(publisher_id, minute)"],
    partitionKey: "auction_id",
    owner: "event-log",
    topic: T,
  },
  {
    entity: "Bid",
    key: ["auction_id", "bidder_id", "bid_id"],
    fields: [
      "imp_id",
      "price",
      "adomain",
      "crid",
      "nurl",
      "burl",
      "arrived_ms",
      "outcome (won | lost | late | filtered)",
    ],
    indexes: ["(bidder_id, minute)"],
    partitionKey: "auction_id",
    owner: "event-log",
    topic: T,
  },
  {
    entity: "Impression",
    key: ["impression_id"],
    fields: ["auction_id", "imp_id", "bidder_id", "seat", "clearing_price", "recorded_at", "invalid (credited)"],
    indexes: ["(bidder_id, hour)", "(publisher_id, hour)"],
    partitionKey: "impression_id",
    owner: "billing-ledger",
    topic: T,
  },
  {
    entity: "Bidder",
    key: ["bidder_id"],
    fields: ["endpoints by region", "qps_cap", "targeting", "timeout_ms", "status", "version"],
    indexes: [],
    owner: "config-store",
    topic: T,
  },
  {
    entity: "Placement",
    key: ["placement_id"],
    fields: ["publisher_id", "formats", "floor rules", "blocked categories", "blocked ad domains", "version"],
    indexes: ["(publisher_id)"],
    owner: "config-store",
    topic: T,
  },
  {
    entity: "BidderThrottle",
    key: ["bidder_id", "server_id"],
    fields: ["sent_this_second", "qps_share", "timeouts_last_minute", "p99_ms", "traffic_share"],
    indexes: [],
    owner: "bidder-health",
    topic: T,
  },
];

export const ADX_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Run an auction within the publisher's deadline",
    notation:
      "publishers>front-door[bid request with tmax] -> front-door>auction-servers[to the nearest region] -> auction-servers[stamp the deadline from tmax {request valid and not invalid traffic}] -> auction-servers>enrichment-store[look up user, device, geo and brand safety] -> auction-servers[pick eligible bidders {targeting matches and QPS budget left and share not cut}] -> auction-servers>bidders[bid requests in parallel, tmax cut to the bidder timeout] -> bidders>auction-servers[bids or 204 no-bid] -> auction-servers[close at the bidder timeout and rank {arrived in time and price at least the floor and not blocked}] -> auction-servers>publishers[winning markup at the clearing price] -> auction-servers>event-log[auction, bids and outcome by auction id] |-> auction-servers>publishers[204 no-bid {no valid bid by the deadline}] => done | reject",
    topic: T,
  },
  {
    name: "Bill an impression once",
    notation:
      "publishers>impression-trackers[impression callback for the auction's impression {signature valid}] -> impression-trackers>billing-ledger[insert the impression if absent {impression id not recorded}] -> impression-trackers>event-log[impression event] -> impression-trackers>notice-sender[billable at the clearing price] -> notice-sender>bidders[billing notice (burl)] |-> impression-trackers>publishers[204 and nothing billed {impression id already recorded}] => done | reject",
    topic: T,
  },
  {
    name: "Throttle a slow bidder",
    notation:
      "auction-servers>bidder-health[timeouts and latency per bidder] -> bidder-health[compare with the bidder's limits {timeout rate above the limit}] -> bidder-health>auction-servers[cut the bidder's share to a trickle] -> auction-servers>bidders[a trickle of bid requests] -> bidder-health>auction-servers[restore the share step by step {answers back within the timeout}] => done | retry",
    topic: T,
  },
];

/** The exchange's figures: the fan-out from the stated rate and bidders, the deadline spent step by step, the log. */
export const ADX_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 1000000,
      why: "a large exchange receives on the order of a million bid requests a second at its peak (a planning figure)",
    },
    {
      quantity: "bidders",
      label: "bidders each bid request may be sent to",
      unit: "bidders",
      typical: 20,
      why: "an exchange connects tens of demand partners (a planning figure)",
    },
    {
      quantity: "eligible_share",
      label: "share of bid requests each bidder is sent after targeting, QPS caps and traffic shaping",
      unit: "fraction",
      typical: 0.5,
      why: "targeting, caps and shaping leave each bidder about half of the requests, the ones it is likely to bid on (a planning figure)",
    },
    {
      quantity: "bid_request_bytes",
      label: "bytes of one outbound bid request on the wire",
      unit: "B",
      typical: 1500,
      why: "an OpenRTB JSON bid request is a few kilobytes, about 1.5 KB gzipped (a planning figure)",
    },
    {
      quantity: "bidder_response_seconds",
      label: "time a bid request stays in flight to a bidder, on average",
      unit: "s",
      typical: 0.03,
      why: "most bidders answer within tens of milliseconds from the same region, and a call is abandoned at the bidder timeout, whichever comes first (a planning figure)",
    },
    {
      quantity: "fill_share",
      label: "share of bid requests that end in a rendered, billable impression",
      unit: "fraction",
      typical: 0.3,
      why: "many requests get no bid above the floor or are never rendered (a planning figure)",
    },
    {
      quantity: "event_bytes",
      label: "bytes of one compact event in the log",
      unit: "B",
      typical: 200,
      why: "a binary event with ids, prices and times is a couple of hundred bytes (a planning figure)",
    },
    {
      quantity: "auction_server_rps",
      label: "bid requests one auction server handles a second, with its fan-out",
      unit: "req/s",
      typical: 5000,
      why: "an auction server parses, enriches and fans out a few thousand requests a second, each to many bidders (a planning figure; measure it)",
    },
    {
      quantity: "publisher_rtt_seconds",
      label: "publisher's round trip to the nearest region",
      unit: "s",
      typical: 0.02,
      why: "the publisher's or SSP's round trip to the nearest region, with TLS on a warm connection, is about 10 to 30 ms (a planning figure)",
    },
    {
      quantity: "enrich_seconds",
      label: "time to parse and enrich a bid request",
      unit: "s",
      typical: 0.005,
      why: "parsing and a few in-memory lookups in the same region take a few milliseconds (a planning figure)",
    },
    {
      quantity: "auction_seconds",
      label: "time to rank the bids and write the answer",
      unit: "s",
      typical: 0.002,
      why: "ranking a few bids against floors and blocks and writing the answer takes a couple of milliseconds (a planning figure)",
    },
    {
      quantity: "bidder_timeout_seconds",
      label: "time the exchange waits for bidders (the tmax it sends them)",
      unit: "s",
      typical: 0.08,
      why: "bidders are commonly given 80 to 100 ms (a planning figure)",
      from: {
        expression:
          "max(0.01, latency_seconds * (1 - bound_headroom) - publisher_rtt_seconds - enrich_seconds - auction_seconds)",
        why: "what the stated deadline leaves, with its headroom kept spare, after the publisher's round trip, enrichment and the auction (10 ms at least): the OpenRTB tmax an intermediary forwards is its own tmax less its latency and the extra hop",
      },
    },
    {
      quantity: "regions",
      typical: 3,
      why: "auctions run near publishers and bidders: US East, US West and Europe, typically (a planning figure)",
    },
  ],
  figures: [
    fig("peak_bid_requests_per_sec", "bid requests at peak", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig(
      "outbound_bid_requests_per_sec",
      "bid requests sent to bidders a second (each request to each eligible bidder)",
      "fan-out",
      "peak_bid_requests_per_sec * bidders * eligible_share",
      "req/s",
    ),
    fig(
      "requests_per_bidder",
      "bid requests each bidder is sent a second, to compare with its QPS cap",
      "hotspot",
      "peak_bid_requests_per_sec * eligible_share",
      "req/s",
    ),
    fig(
      "outbound_bandwidth",
      "bandwidth of the outbound bid requests",
      "bandwidth",
      "outbound_bid_requests_per_sec * bid_request_bytes",
      "B/s",
    ),
    fig(
      "bidder_requests_in_flight",
      "bid requests in flight to bidders at once (with HTTP/1.1 keep-alive, one connection each)",
      "count",
      "outbound_bid_requests_per_sec * min(bidder_response_seconds, bidder_timeout_seconds)",
      "requests",
    ),
    fig(
      "auction_servers",
      "auction servers across the regions at the planned load",
      "count",
      "peak_bid_requests_per_sec / (auction_server_rps * target_utilisation)",
      "servers",
      true,
    ),
    fig(
      "auction_servers_per_region",
      "auction servers in each region, each region sized for its share of the traffic",
      "count",
      "auction_servers / regions",
      "servers",
      true,
    ),
    fig(
      "impressions_per_sec",
      "billable impressions recorded a second",
      "rate",
      "requests_per_sec * fill_share",
      "impressions/s",
    ),
    fig(
      "events_per_day",
      "events a day into the log: each auction, each bidder's answer, each win and impression",
      "rate",
      "requests_per_sec * (1 + bidders * eligible_share + 2 * fill_share) * 86400",
      "events",
    ),
    fig("event_log_bytes_per_day", "event log bytes a day", "storage", "events_per_day * event_bytes", "B"),
  ],
  // the publisher's wait spent step by step: its round trip to the region, enrichment, the bidders' calls (the timeout
  // the exchange cuts their tmax to) and the auction itself
  latencyPath: {
    serves: "one auction",
    steps: ["publisher_rtt_seconds", "enrich_seconds", "bidder_timeout_seconds", "auction_seconds"],
    inputs: [],
  },
};

/** Words that ask for a second-price auction. */
const SECOND_PRICE = String.raw`\b(?:second[- ]price\w*|vickrey|pays? (?:the )?second[- ]highest)\b`;
/** Words that ask to bill when the auction is won rather than when the ad renders. */
const BILL_ON_WIN = String.raw`\b(?:bill\w*|charg\w*|pay\w*) (?:on|at|when|per) (?:the |each |a )?(?:win|won auction|auction win)\w*\b`;
/** Words that ask for HTTP/2 or gRPC to the bidders. */
const HTTP2 = String.raw`\b(?:http/?2|h2|grpc|multiplex\w*)\b`;

export const ADX_DECISIONS: DecisionPoint[] = [
  {
    id: "i17-adx-auction",
    topic: T,
    question: "First-price or second-price auction?",
    options: [
      {
        id: "first-price",
        name: "first price: the highest bid at or above the floor wins and pays its own bid (at = 1)",
        buys: "one simple, transparent rule across every demand source; the price a bidder sends is the price it pays",
        costs: "bidders must shade their own bids, so floors matter more to the publisher's revenue",
        winsWhen: "several exchanges and header bidding compete for one slot, as they do today",
        usedBy: ["Google Ad Manager"],
      },
      {
        id: "second-price",
        name: "second price: the winner pays the second-highest bid or the floor, whichever is higher, plus one increment (at = 2)",
        buys: "bidding one's true value is the best strategy in a single auction",
        costs:
          "breaks when the result is compared again downstream (header bidding), and the clearing price is opaque to the publisher",
        winsWhen: "one exchange runs the only auction for the slot, or the prompt asks for second price",
        wins: [{ words: SECOND_PRICE }],
      },
    ],
    rules: [
      {
        when: [{ words: SECOND_PRICE }],
        option: "second-price",
        because: "the prompt asks for a second-price auction",
      },
    ],
    fallback: {
      option: "first-price",
      because: "the industry moved to first price (Google Ad Manager in 2019); the winner pays what it bid",
    },
  },
  {
    id: "i17-adx-timeout",
    topic: T,
    question: "One fixed timeout for every bidder, or a timeout per bidder from its own latency?",
    options: [
      {
        id: "adaptive",
        name: "a timeout per bidder, set from its recent p99 and never past the shared bidder timeout",
        buys: "fast bidders cost no more than they need and a slowing bidder is cut before it eats the deadline",
        costs: "a loop per bidder to measure and tune, and a bidder near its cut-off loses bids it would have made",
        winsWhen: "many bidders of different speeds share one deadline",
        wins: [{ number: "bidders", atLeast: 5 }],
      },
      {
        id: "fixed",
        name: "one fixed bidder timeout for every bidder (the tmax forwarded)",
        buys: "simple and predictable: every bidder knows its tmax",
        costs: "the slowest bidder sets every auction's wait, and a degraded one costs each auction the whole timeout",
        winsWhen: "a handful of bidders of similar speed",
        wins: [{ number: "bidders", below: 5 }],
      },
    ],
    rules: [
      {
        when: [{ number: "bidders", below: 5 }],
        option: "fixed",
        because: "a handful of bidders share one timeout easily",
      },
    ],
    fallback: { option: "adaptive", because: "many bidders of different speeds share one deadline" },
  },
  {
    id: "i17-adx-fanout",
    topic: T,
    question: "Send every bid request to every bidder, or shape traffic to a selected subset?",
    options: [
      {
        id: "shaped",
        name: "a selected subset: targeting, QPS caps and each bidder's recent bid rate on similar requests pick who is called",
        buys: "outbound requests, bandwidth and connections fall to what bidders actually bid on, and caps are respected",
        costs: "a model of which bidders bid on what, kept fresh, and a bidder may miss a request it would have won",
        winsWhen: "the fan-out reaches millions of outbound requests a second or bidders cap their QPS",
        wins: [{ number: "outbound_bid_requests_per_sec", atLeast: 1000000 }],
        implies: {
          capacity: [
            {
              quantity: "eligible_share",
              value: 0.5,
              why: "targeting, caps and shaping send each bidder about half of the requests (a planning figure)",
            },
          ],
        },
      },
      {
        id: "all",
        name: "every eligible bidder gets every bid request",
        buys: "maximum competition for each impression and nothing to predict",
        costs: "outbound traffic grows with bidders times requests, mostly answered with no-bid",
        winsWhen: "a few bidders and a modest request rate",
        implies: {
          capacity: [
            { quantity: "eligible_share", value: 1, why: "every bidder is sent every bid request it is eligible for" },
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ number: "bidders", below: 5 }],
        option: "all",
        because: "a handful of bidders can take every request",
      },
    ],
    fallback: {
      option: "shaped",
      because: "most calls would return no-bid: shaping sends each bidder what it bids on, within its cap",
    },
  },
  {
    id: "i17-adx-transport",
    topic: T,
    question: "HTTP/1.1 keep-alive connections to bidders, or HTTP/2?",
    options: [
      {
        id: "keep-alive",
        name: "HTTP/1.1 with persistent (keep-alive) connection pools per bidder endpoint",
        buys: "what every bidder supports and OpenRTB names as its best practice; no handshake per request",
        costs: "one request in flight per connection, so pools grow with the in-flight requests",
        winsWhen: "bidders are many and mixed, and only a common transport fits all of them",
      },
      {
        id: "http2",
        name: "HTTP/2 (or gRPC) multiplexing many bid requests on a few connections per bidder",
        buys: "far fewer connections and no head-of-line wait for a free connection",
        costs: "not every bidder supports it, and one lost TCP connection stalls every request on it",
        winsWhen: "the bidders support it and connection counts dominate the servers' cost",
        wins: [{ words: HTTP2 }],
      },
    ],
    rules: [{ when: [{ words: HTTP2 }], option: "http2", because: "the prompt asks for HTTP/2 or gRPC to bidders" }],
    fallback: {
      option: "keep-alive",
      because: "every bidder speaks it, and OpenRTB names keep-alive its best practice",
    },
  },
  {
    id: "i17-adx-billing",
    topic: T,
    question: "Bill on the win notice, or on the rendered impression?",
    options: [
      {
        id: "on-impression",
        name: "bill on the rendered impression: the ad's callback records the impression once and sends the burl",
        buys: "buyers pay only for ads that were shown; wins that never render cost nothing",
        costs: "a second callback path that must be deduplicated and can arrive late or not at all",
        winsWhen: "billing follows delivered or viewed ads, the common policy",
      },
      {
        id: "on-win",
        name: "bill on the win: the auction's own win is the billable event",
        buys: "one record at auction time, no callback to trust or deduplicate",
        costs: "bidders pay for wins whose ad never rendered, which they dispute",
        winsWhen: "the exchange serves the ad itself, so a win is a delivery",
        wins: [{ words: BILL_ON_WIN }],
      },
    ],
    rules: [{ when: [{ words: BILL_ON_WIN }], option: "on-win", because: "the prompt bills on the win" }],
    fallback: { option: "on-impression", because: "spend should follow delivered ads, as the burl notice is for" },
  },
];

export const ADX_SCOPES = {
  topic: T,
  ordering: {
    scope: "none",
    why: "each auction stands alone; only one auction's own events share its auction id",
  },
  exclusivity: {
    scope: "key",
    why: "one billing row per impression id, inserted only if absent",
  },
  coordination: {
    scope: "key",
    why: "a bidder's QPS cap is shared by every auction server, split into per-server shares",
  },
} as const;

export const ADX_SILHOUETTE = {
  topic: T,
  storage:
    "bidder and placement configuration pushed to every auction server, an event log by auction id, and a billing ledger by impression id",
  coordination: "each bidder's QPS share and health set by a loop, and a deadline per auction",
  serving: "stateless auction servers in each region fanning out to bidders within the publisher's tmax",
} as const;

export const ADX_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "Apache Kafka as the event log",
    layer: "storage",
    fits: "A partitioned, replicated log the auction servers append auctions, bids and impressions to, which reporting and billing read at their own pace and replay",
    suits: ["high-throughput", "durable", "elastic-scale"],
    poorFor: ["low-latency"],
    caveat: "The auction never waits on it: events are buffered and sent after the answer",
    topic: T,
  },
  {
    product: "Aerospike or Redis in each region for enrichment lookups",
    layer: "serving",
    fits: "In-memory key lookups (user syncs, device, page verdicts) answered in about a millisecond inside the deadline",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["rich-queries"],
    caveat: "Kept per region and refreshed in the background; never read across regions in the auction",
    topic: T,
  },
  {
    product: "PostgreSQL or another replicated SQL store for the billing ledger",
    layer: "storage",
    fits: "A primary key on the impression id makes insert-if-absent one statement, and spend totals are plain queries",
    suits: ["linearizable", "durable"],
    poorFor: ["elastic-scale"],
    caveat:
      "Hundreds of thousands of inserts a second need the ledger sharded by impression id, or batched from the log",
    topic: T,
  },
  {
    product: "ClickHouse or Apache Druid for reporting",
    layer: "serving",
    fits: "Columnar minute aggregates by bidder, publisher and placement over billions of events a day",
    suits: ["high-throughput", "rich-queries"],
    poorFor: ["linearizable"],
    caveat: "A copy for reading; billing totals are settled from the ledger",
    topic: T,
  },
];

/** What an ad exchange design must draw and must not (coherence `ad-exchange-shape`). */
export const ADX_SHAPE = {
  entities: ["Auction", "Bid", "Impression", "Bidder"],
  fanout: "outbound_bid_requests_per_sec",
  deadline: "bidder_timeout_seconds",
  /** Residue of the generic proxy plane or of a user-facing auction. */
  residue:
    /\b(?:Route control plane|route table|Backend instances|drain a backend|shift traffic weights|reserve price|proxy bids?|snip\w*|soft close)\b/i,
} as const;
