import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The shared subject as one auction (topic "auction", knowledge/topics.ts): an online auction site where many bidders
 * bid on one item until its end time and the highest valid bid wins (eBay-style timed auctions, a charity auction, a
 * penny auction). One owner per auction (an actor under a lease with an epoch) holds its current price, leading bidder,
 * the leader's secret maximum, the bid sequence and the end time, and decides every bid against that state by its own
 * clock: a bid counts only if the owner sequences it before the close marker and it is at least the current price
 * plus the increment. Accepted bids are appended to the auction's bid log (group-committed), which replays to the same
 * price and winner. Close is a state transition the owner appends under its epoch; the winner's notice and payment
 * follow from an outbox. Watchers get coalesced price pushes. Nothing of a document's editing (transformed operations,
 * CRDT merges, snapshots of text) and no cron schedule or time zone belongs here.
 *
 * Facts, checked:
 * - eBay automatic bidding (eBay's help text, quoted on bidding-help pages): a bidder enters the most they will pay;
 *   eBay bids for them from the next increment, only as much as needed to stay the high bidder (or meet the reserve),
 *   up to that maximum; a bidder whose maximum equals one placed earlier is outbid, so the earlier of two equal
 *   maximums leads. The maximum stays hidden from other bidders and the seller.
 * - eBay Buy Offer API (developer.ebay.com, placeProxyBid and the Bidding type): a proxy bid carries maxAmount; the
 *   auction reports currentPrice, highBidder, auctionEndDate, auctionStatus (ACTIVE or ENDED) and reservePriceMet.
 * - eBay Trading API user guide (listing duration): an auction listing ends and its winner is determined when its
 *   duration has passed, if the highest bid meets the reserve; auction durations are 3, 5, 7 or 10 days (1 day in
 *   some categories). Buy It Now is switched off by the first qualifying bid. A seller may make a Second Chance
 *   Offer to a bidder of an ended listing (AddSecondChanceItem).
 * - Soft close (auction sites' help pages: a bid in the last 30 s to 5 min extends the close by a set time, often
 *   with a cap on extensions) is the common answer to sniping; eBay keeps a hard end time. Penny auctions reset a
 *   short countdown (10 to 20 s) on every bid, each bid raising the price by a fixed step.
 * Planning figures (bids per bidder in the closing seconds, watchers per bidder, the coalescing rate) are
 * assumptions, said as such in their rows.
 */

const T = "auction" as const;

/** Why an auction's truth is linearizable and fails closed, whatever a document's default stance is. */
const AUCTION_STANCE =
  "an auction takes bids only through its one current owner, whose clock and sequence decide what came before the close: while ownership is moving the auction refuses bids with a retryable error rather than let two owners each accept a leading bid";

export const AUCTION_ENTITIES = [
  {
    name: "Auction",
    stance: { consistency: "linearizable", availability: "fail-closed", because: AUCTION_STANCE },
    description:
      "One item's auction, durable as its bid log (with the owner's snapshots) and replayed into the memory of the owner that holds its lease: seller, start price, reserve, increment table, end time, state (scheduled, open, closed), current price, leading bidder and the leader's secret maximum, the sequence of the last bid applied and the owner's epoch.",
    truth: true,
    topic: T,
  },
  {
    name: "Bid",
    stance: { consistency: "linearizable", availability: "fail-closed", because: AUCTION_STANCE },
    description:
      "One bid as the auction's owner sequenced it: bid id (the bidder's own request id), bidder, maximum amount, the owner's time and sequence number, the price it produced and its outcome (leading, outbid, rejected: too low or too late); appended to the auction's bid log, which replays to the same price and winner.",
    truth: true,
    topic: T,
  },
  {
    name: "AuctionResult",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: "the result is written once, by the close marker of the auction's owner, and never changes after it",
    },
    description:
      "An auction's outcome, written in the same append as its close marker: winner and price (or unsold when the reserve was not met), the close sequence number, and the outbox entries that notify the winner and seller and start payment.",
    truth: true,
    topic: T,
  },
  {
    name: "AuctionLease",
    description:
      "Which owner node currently holds an auction, with an epoch that grows at every takeover so a bid or close from a deposed owner is refused.",
    truth: false,
    topic: T,
  },
  {
    name: "PriceView",
    stance: {
      consistency: "eventual",
      availability: "stay-available",
      because:
        "a watcher's price is a copy pushed after the owner decided it: a late push shows an older price, never a wrong winner, since every bid is decided by the owner",
    },
    description:
      "The public view of an auction pushed to watchers and cached for pages: current price, bid count, leading bidder's alias, end time and the bid sequence it reflects; coalesced to a few updates a second per auction.",
    truth: false,
    topic: T,
  },
] as const;

export const AUCTION_WRITES = [
  {
    action:
      "place a bid: the auction's owner accepts it only while its own clock is before the end time and the auction is open, and only if the maximum is at least the current price plus the increment, then sequences it in the auction's bid log in the same step",
    entity: "Bid",
    shape: "append event",
    mechanism: "owner-sequenced-bid",
    critical: true,
    topic: T,
  },
  {
    action: "record the bid id per auction so a resent bid is answered with its first outcome and never counted twice",
    entity: "Bid",
    shape: "create target",
    mechanism: "idempotency-key",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "resolve the maximum bids: the higher of the leader's and the new bid's maximums leads, and the price becomes the lower maximum plus one increment, capped at the leader's maximum; of two equal maximums the earlier-sequenced one leads",
    entity: "Auction",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "close the auction at its end time: the owner appends the close marker under its epoch, so every bid sequenced before it counts and every later one is refused, and writes the result with its outbox entries in the same append",
    entity: "AuctionResult",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action: "notify the winner and the seller and start payment from the close's outbox entries, each once per auction",
    entity: "AuctionResult",
    shape: "append event",
    mechanism: "transactional-outbox",
    critical: false,
    topic: T,
    runs: {
      in: "async worker",
      because: "the close is decided by the owner; mail and payment happen after it and never hold a bid up",
    },
  },
  {
    action:
      "push the auction's price to its watchers, coalesced to a few updates a second, each carrying the bid sequence it reflects",
    entity: "PriceView",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    critical: false,
    topic: T,
  },
  {
    action:
      "take over an auction with a new epoch: replay its bid log from the last snapshot and arm its close timer from the stored end time",
    entity: "AuctionLease",
    shape: "state transition",
    mechanism: "epoch-term",
    hidden: true,
    critical: true,
    topic: T,
  },
] as const;

export const AUCTION_READS = [
  {
    action: "view an auction's current price, bid count and time left",
    entity: "PriceView",
    shape: "read projection",
    staleness:
      "At most one coalescing interval (about a quarter of a second) behind the owner; the page shows the bid sequence, and the owner's answer to a bid is always exact.",
    topic: T,
  },
  {
    action: "read an auction's bid history",
    entity: "Bid",
    shape: "read source",
    staleness: "Exact up to the last sequenced bid: the history is the bid log itself, with maximums hidden.",
    topic: T,
  },
] as const;

export const AUCTION_INVARIANTS = [
  "The highest valid bid wins: a Bid counts only if the auction's owner sequenced it before the close marker, with its own clock before the end time, and its maximum was at least the current price plus the increment; the winner is the leader at the close marker.",
  "The current price never falls, and the leading bidder holds the highest maximum accepted: the price is the second-highest maximum plus one increment, capped at the leader's maximum, and of two equal maximums the earlier-sequenced one leads.",
  "Each Auction's bid log has exactly one Bid at each sequence number, and replaying it rebuilds the same price, leader and result.",
  "A bid id is accepted at most once per auction; a resend is answered with the bid's first outcome.",
  "Only the owner holding the auction's current epoch appends to its bid log; a bid or close from an older epoch is refused.",
  "An auction closes exactly once: its AuctionResult is written with the close marker and never changed by a bid sequenced after it, and the winner is notified and charged only after that close is durable.",
];

/** The mechanism that keeps each auction rule (`keptBy` on the card's invariant marks). */
export const AUCTION_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [AUCTION_INVARIANTS[0] as string]: "owner-sequenced-bid",
  [AUCTION_INVARIANTS[1] as string]: "guarded-transition",
  [AUCTION_INVARIANTS[2] as string]: "owner-sequenced-bid",
  [AUCTION_INVARIANTS[3] as string]: "idempotency-key",
  [AUCTION_INVARIANTS[4] as string]: "epoch-term",
};

export const AUCTION_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "bids are ordered per auction by its owner's sequence; different auctions are independent",
  },
  exclusivity: {
    scope: "key",
    why: "each auction has one owner at a time, and the epoch of its lease fences a deposed owner",
  },
  coordination: {
    scope: "key",
    why: "the auction's owner takes each bid, resolves proxy bids and appends the close itself, so no transaction spans two auctions",
  },
} as const;

export const AUCTION_FAILURES = [
  {
    failure:
      "Two bids arrive in the same millisecond for the last increment and both are told they lead, or a bid arriving after the end time is counted because a gateway's clock was behind.",
    role: "truth",
    prevention:
      "Decide every bid on the auction's one owner, in its sequence order and by its own clock; gateways only forward, and a bid sequenced after the close marker is refused whatever time it was sent.",
    repair:
      "Replay the bid log to recompute the leader and price, and tell any bidder wrongly shown as leading that they were outbid before payment starts.",
    topic: T,
  },
  {
    failure: "The auction's owner dies in the last seconds, and bids are lost or the close fires twice on two owners.",
    role: "coordination",
    prevention:
      "Acknowledge a bid only once its log entry is durable, and take over with a higher epoch that also takes the bid log's writer fence (a new Raft term, or the shard's transactional producer started again), so the deposed owner can neither append a bid nor a close.",
    repair:
      "The new owner replays the log, closes at the stored end time if it has passed, and bidders resend unacknowledged bids under their bid ids; how long the takeover took is logged so the site can apply its outage policy.",
    topic: T,
  },
  {
    failure:
      "A bidder's client times out and resends the bid, which is counted twice and raises the price against them.",
    role: "truth",
    prevention: "Keep each bid id per auction and answer a resend with the bid's first outcome.",
    repair: "Drop the duplicate from the computed price by replaying the log with the bid id check.",
    topic: T,
  },
  {
    failure:
      "A last-seconds burst on one hot item fills its owner's queue, so valid bids time out before the end time.",
    role: "coordination",
    prevention:
      "Reject at the gateway any bid below the last published price plus the increment (the price only rises, so this never drops a valid bid), group-commit the bid log, and give a hot auction a node of its own.",
    repair:
      "Answer overflow with a retryable busy error before the end time, and record the queue delay so a soft-close site can extend the close.",
    topic: T,
  },
  {
    failure: "The close's winner notice or payment request is lost, or sent twice, after the owner crashed mid-way.",
    role: "truth",
    prevention:
      "Write the result and its outbox entries in the same append as the close marker, and send each with the auction id as its idempotency key.",
    repair:
      "Resend pending outbox entries; if the winner does not pay, the seller may offer the item to the next bidder (eBay's Second Chance Offer).",
    topic: T,
  },
  {
    failure: "Price pushes to thousands of watchers fall behind and pages show an old price.",
    role: "derived",
    prevention:
      "Coalesce pushes per auction to a few a second, each carrying the bid sequence, and drop a push superseded before it was sent.",
    repair: "A watcher that sees a gap or a stale sequence reloads the price view.",
    topic: T,
  },
] as const;

export const AUCTION_BOTTLENECKS = [
  {
    bottleneck:
      "The hot item's owner in its last seconds: every bid on one auction goes through one sequencer and one bid log.",
    mitigation:
      "Keep the auction in the owner's memory, group-commit the log appends, reject hopeless bids at the gateway from the published price, and give the hottest auctions a node each.",
    formula: {
      yields: "bids a second on the hottest auction",
      expression: "max_participants * closing_bid_rate",
      unit: "bids/s",
    },
    topic: T,
  },
  {
    bottleneck: "Price fan-out: every change of a hot auction's price goes to everyone watching it.",
    mitigation:
      "Coalesce to a few pushes a second per auction, fan out through gateway nodes subscribed per auction, and serve page loads from the cached price view.",
    formula: {
      yields: "price pushes a second for the hottest auction",
      expression: "subscribers * price_pushes_per_sec",
      unit: "msgs/s",
    },
    topic: T,
  },
  {
    bottleneck: "Closing waves: auctions listed at the same hour of day all end in the same minute.",
    mitigation:
      "Arm each owner's close timers ahead of time from the end-time index, and spread owners' auctions by consistent hashing so one minute's closes land on every node.",
    topic: T,
  },
] as const;

/** The auction's capacity model: the hot item in its last seconds on one owner, then the catalogue. */
export const AUCTION_CAPACITY: CapacityModel = {
  inputs: [
    inp("auctions", 10000000, "a planning figure: about ten million auctions open at once on a large site"),
    inp("bids_per_auction", 10, "a planning figure: an auction draws about ten bids over its life"),
    {
      quantity: "auction_days",
      typical: 7,
      why: "eBay auctions run 3, 5, 7 or 10 days; seven is the common choice",
      // "each lasting 20 minutes": how long each one runs, when the prompt says it, is how long an auction runs
      from: { expression: "run_seconds / 86400", why: "the stated time each auction runs, in days" },
    },
    inp(
      "closing_bid_rate",
      0.5,
      "a planning figure: a bidder in a bidding war sends about one bid every two seconds in the last seconds",
    ),
    inp("price_pushes_per_sec", 4, "a planning figure: each watcher gets at most four coalesced price pushes a second"),
    inp(
      "group_commit_seconds",
      0.005,
      "a planning figure: the bid log is flushed every five milliseconds, one write for every bid that arrived",
    ),
    inp("closing_window_seconds", 10, "a planning figure: a hot item's bidding war is fought in its last ten seconds"),
    inp("message_bytes", 200, "one bid log entry (ids, amount, times, outcome) is a couple of hundred bytes"),
    inp("nodes", 50, "a planning figure: a few dozen owner nodes"),
    ...[
      {
        quantity: "max_participants",
        // the hotspot is the hottest item, not the typical one: the figures that read it size its owner and pushes
        typical: 200,
        why: "no count of bidders on one item is stated: a typical auction has about ten, but the hottest items of a large site, the ones that size an auction's owner and its pushes, draw a few hundred in their last minutes (a planning figure)",
        // "hundreds of bids in the final seconds": the bidders a stated closing burst needs at each one's bid rate
        from: {
          expression: "closing_bids / (closing_bid_rate * closing_burst_seconds)",
          why: "the stated burst of bids on the hottest auction, over its span, shared among bidders at each one's bid rate",
        },
      },
      {
        quantity: "subscribers",
        from: {
          expression: "max_participants * 10",
          why: "a planning figure: each bidder on a hot item is joined by about ten people watching without bidding",
        },
      },
      {
        quantity: "writes_per_sec",
        from: [
          { expression: "messages_per_sec", why: "each stated bid is one bid log entry" },
          {
            expression: "auctions * bids_per_auction / (auction_days * 86400)",
            why: "every auction's bids spread over its duration",
          },
        ],
      },
    ],
  ],
  figures: [
    fig(
      "hot_auction_bids_per_sec",
      "bids a second on the hottest auction in its last seconds (its bidders times each one's bid rate)",
      "hotspot",
      "max_participants * closing_bid_rate",
      "bids/s",
    ),
    fig(
      "closing_window_bids",
      "bids the hot auction's owner sequences in its closing window",
      "rate",
      "hot_auction_bids_per_sec * closing_window_seconds",
      "bids",
    ),
    fig(
      "bids_per_commit",
      "bids one group commit of the hot auction's bid log carries",
      "rate",
      "hot_auction_bids_per_sec * group_commit_seconds",
      "bids",
    ),
    fig(
      "hot_price_pushes",
      "coalesced price pushes a second to the hot auction's watchers",
      "fan-out",
      "subscribers * price_pushes_per_sec",
      "msgs/s",
    ),
    fig(
      "uncoalesced_pushes",
      "pushes a second the hot auction would need without coalescing (every bid to every watcher), which coalescing avoids",
      "rate",
      "subscribers * hot_auction_bids_per_sec",
      "msgs/s",
    ),
    fig("peak_bids_per_sec", "peak bids across the site", "peak", "writes_per_sec * peak_factor", "bids/s"),
    fig(
      "closes_per_sec",
      "auctions closing a second at peak",
      "rate",
      "auctions / (auction_days * 86400) * peak_factor",
      "closes/s",
    ),
    fig("auctions_per_node", "open auctions each owner node holds", "count", "auctions / nodes", "auctions"),
    fig("bid_log_growth", "bid log written per day", "growth", "writes_per_sec * message_bytes * 86400", "B/day"),
  ],
};

/** The auction's decisions: how the close is timed, and whether bids are maximums the owner bids up to. */
export const AUCTION_DECISIONS: DecisionPoint[] = [
  {
    id: "i13-auction-close",
    topic: T,
    question:
      "Close at a hard end time, or soft-close by extending the end time when a bid lands in the last moments (anti-sniping)?",
    options: [
      {
        id: "hard-close",
        name: "a hard close at the listed end time (eBay's rule)",
        key: "hard close|hard end|fixed end time",
        buys: "every bidder knows the exact end, closing waves are predictable, and proxy bidding makes a last-second snipe no better than an early maximum",
        costs:
          "bidders who bid by hand lose to snipers in the last seconds, and the final seconds carry the whole bidding war",
        winsWhen: "bidders are expected to enter their maximum early and the site wants a predictable end",
      },
      {
        id: "soft-close",
        name: "a soft close: a bid in the last minutes (or seconds) moves the end time out by a set extension, up to a cap",
        key: String.raw`soft[- ]close|extend\w*|extension|anti-?snip\w*|timer reset`,
        buys: "the last bidder can always be answered, so the price is set by bidders' limits rather than by who bid last",
        costs:
          "the end time changes inside the owner, so watchers must be pushed the new end, and closing times are no longer predictable",
        winsWhen:
          "the site wants to stop sniping, or the auction is a countdown that restarts on every bid (a penny auction)",
        wins: [
          {
            words: String.raw`\b(?:soft[- ]close|anti[- ]?snip\w*|extend\w* (?:the )?(?:auction|end|close|clock|timer|deadline)|(?:timer|clock|countdown)s? (?:resets?|restarts?|extends?)|penny auctions?|popcorn bidding)\b`,
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "hard-close",
      because:
        "a hard end decided by the owner's clock and sequence lets the highest valid bid at that moment win, at a close every bidder can plan for, and proxy bids already let a bidder answer a snipe in advance",
    },
  },
  {
    id: "i13-auction-proxy",
    topic: T,
    question: "Take each bid as a maximum the owner bids up to (proxy bidding), or only as the exact amount offered?",
    options: [
      {
        id: "proxy",
        name: "proxy bidding: each bid is a secret maximum, and the owner raises the leader only as far as needed",
        buys: "the winner pays one increment over the second-highest maximum, and a bidder need not watch the last seconds",
        costs: "the owner keeps the leader's maximum secret and resolves two maximums on every bid",
        winsWhen: "bidders should not need to be online at the end (eBay-style timed auctions)",
      },
      {
        id: "exact",
        name: "exact bids: each bid is the amount offered, at least the current price plus the increment",
        buys: "the bid history shows every amount as placed, and the rule is simplest to explain",
        costs: "bidders must rebid by hand, which moves the whole war into the last seconds",
        winsWhen: "each bid is a fixed step (a penny auction) or a live auctioneer calls the amounts",
        wins: [
          { words: String.raw`\b(?:penny auctions?|fixed (?:bid )?increments? per bid|each bid (?:raises|adds))\b` },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "proxy",
      because:
        "with proxy bidding the highest maximum wins at the second-highest plus one increment, whoever clicked last",
    },
  },
];

export const AUCTION_COMPONENTS: ComponentSpec[] = [
  {
    id: "bidders",
    name: "Bidders and watchers (web and app)",
    kind: "client",
    runs: ["place bids with a bid id", "watch the price", "show the server's countdown"],
    because: "bidders resend a bid under the same bid id after a timeout, and watchers keep one push connection open",
    topic: T,
  },
  {
    id: "bid-gateway",
    name: "Bid gateway (auth, per-bidder throttle, route by auction id)",
    kind: "gateway",
    runs: ["authenticate", "throttle per bidder", "reject bids below the published price", "route to the owner"],
    because:
      "every bid reaches its auction's one owner; a bid below the last published price plus the increment can never win, since the price only rises",
    topic: T,
  },
  {
    id: "auction-owner",
    name: "Auction owners (one actor per auction, replayed from the bid log)",
    kind: "service",
    runs: ["check end time and increment", "resolve proxy bids", "sequence bids", "close at the end time"],
    because:
      "one owner per auction decides every bid and the close by its own clock and sequence, so two bids can never both lead",
    topic: T,
  },
  {
    id: "bid-log",
    name: "Bid log (per auction, replicated, group commit)",
    kind: "log",
    holds: ["Auction", "Bid", "AuctionResult"],
    runs: ["append under the owner's writer fence", "group commit", "replay from a sequence"],
    because:
      "a bid is acknowledged only once durable, and replaying the log rebuilds the same price and winner; the log checks no bid, only that its writer still holds the fence (a Raft term, or the one transactional producer of the owner's shard)",
    topic: T,
  },
  {
    id: "auction-store",
    name: "Auction catalogue (listings, end-time index, snapshots)",
    kind: "store",
    runs: ["create listings", "index by end time", "keep owner snapshots"],
    because:
      "a listing's end time is written once when it is listed; owners arm close timers from the end-time index and load snapshots on takeover",
    topic: T,
  },
  {
    id: "auction-ownership",
    name: "Auction ownership (consensus, lease and epoch per auction)",
    kind: "replica-group",
    holds: ["AuctionLease"],
    runs: ["grant an auction to one owner with an epoch"],
    because:
      "a takeover gets a higher epoch and takes the bid log's writer fence with it, so appends from the deposed owner are refused",
    topic: T,
  },
  {
    id: "price-fanout",
    name: "Price push gateways (WebSocket, coalesced per auction)",
    kind: "gateway",
    holds: ["PriceView"],
    runs: ["coalesce price updates", "push to watchers", "serve the price view"],
    because: "watchers get a few pushes a second per auction, however many bids arrive",
    topic: T,
  },
  {
    id: "close-outbox",
    name: "Close outbox relay (winner and seller notices, payment)",
    kind: "worker-pool",
    runs: ["read close results", "notify winner and seller", "start payment under the auction id"],
    because: "side effects of a close run after it is durable, each once per auction",
    topic: T,
  },
  {
    id: "payments",
    name: "Payments and notifications",
    kind: "external",
    runs: ["charge the winner", "send messages"],
    because: "payment and mail are outside services reached after the close, keyed by the auction id",
    topic: T,
  },
];

export const AUCTION_LINKS: LinkSpec[] = [
  { from: "bidders", to: "bid-gateway", kind: "request", label: "place bid (bid id, maximum)", topic: T },
  { from: "bid-gateway", to: "auction-owner", kind: "request", label: "route by auction id", topic: T },
  { from: "auction-owner", to: "bid-log", kind: "replication", label: "append bid or close (epoch)", topic: T },
  { from: "auction-owner", to: "auction-ownership", kind: "control", label: "auction lease (epoch)", topic: T },
  { from: "auction-owner", to: "auction-store", kind: "request", label: "end times and snapshots", topic: T },
  { from: "auction-owner", to: "price-fanout", kind: "stream", label: "price changes with bid sequence", topic: T },
  { from: "price-fanout", to: "bidders", kind: "stream", label: "coalesced price pushes", topic: T },
  { from: "bid-log", to: "close-outbox", kind: "stream", label: "close results", topic: T },
  { from: "close-outbox", to: "payments", kind: "request", label: "notify and charge (auction id)", topic: T },
];

export const AUCTION_API: ApiSpec[] = [
  {
    operation: "place bid",
    call: "POST /v1/auctions/{auction_id}/bids",
    request: ["bid_id", "bidder_id", "max_amount"],
    response: ["outcome (leading or outbid)", "current_price", "seq", "end_time"],
    errors: ["too low (below current price plus increment)", "auction closed", "busy: retry with the same bid_id"],
    guarantee:
      "decided by the auction's owner before or after its close marker; a resent bid_id returns its first outcome",
    topic: T,
  },
  {
    operation: "watch auction",
    call: "GET /v1/auctions/{auction_id} (then WebSocket subscribe)",
    request: ["auction_id", "since_seq"],
    response: ["current_price", "bid_count", "end_time", "seq", "coalesced pushes"],
    errors: ["404 unknown auction"],
    guarantee: "pushes carry the bid sequence and never go backwards; the countdown uses the server's clock",
    topic: T,
  },
  {
    operation: "create auction",
    call: "POST /v1/auctions",
    request: ["idempotency_key", "item", "start_price", "reserve", "duration"],
    response: ["auction_id", "end_time"],
    errors: ["invalid duration", "invalid price"],
    guarantee: "the end time is fixed when the listing starts; a retried create returns the same auction",
    topic: T,
  },
  {
    operation: "auction result",
    call: "GET /v1/auctions/{auction_id}/result",
    request: ["auction_id"],
    response: ["state", "winner", "price", "reserve_met"],
    errors: ["not closed yet"],
    guarantee: "written once with the close marker and never changed",
    topic: T,
  },
];

export const AUCTION_DATA: DataSpec[] = [
  {
    entity: "Auction",
    key: ["auction_id"],
    fields: [
      "seller_id",
      "start_price",
      "reserve",
      "increment_table",
      "end_time",
      "state",
      "current_price",
      "leader_id",
      "leader_max",
      "seq",
      "epoch",
    ],
    indexes: ["(end_time, auction_id)"],
    partitionKey: "auction_id",
    owner: "bid-log",
    topic: T,
  },
  {
    entity: "Bid",
    key: ["auction_id", "seq"],
    fields: ["bid_id", "bidder_id", "max_amount", "owner_time", "price_after", "outcome", "epoch"],
    indexes: ["(auction_id, bid_id) unique", "(bidder_id, auction_id)"],
    partitionKey: "auction_id",
    owner: "bid-log",
    topic: T,
  },
  {
    entity: "AuctionResult",
    key: ["auction_id"],
    fields: ["close_seq", "winner_id", "price", "reserve_met", "outbox_state"],
    indexes: ["(outbox_state)"],
    partitionKey: "auction_id",
    owner: "bid-log",
    topic: T,
  },
  {
    entity: "AuctionLease",
    key: ["auction_id"],
    fields: ["owner_node", "epoch", "expires_at"],
    indexes: ["expires_at"],
    owner: "auction-ownership",
    topic: T,
  },
  {
    entity: "PriceView",
    key: ["auction_id"],
    fields: ["current_price", "bid_count", "end_time", "seq"],
    indexes: [],
    partitionKey: "auction_id",
    owner: "price-fanout",
    topic: T,
  },
];

export const AUCTION_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Place a bid",
    notation:
      "bidders>bid-gateway[place bid with bid id and maximum] -> bid-gateway>auction-owner[route to the auction's owner] -> auction-owner[check and resolve proxy bids {the owner's own copy has Auction.state = open and now < Auction.end_time and max_amount >= Auction.current_price + increment and bid id not yet seen}] -> auction-owner>bid-log[append bid at the next sequence {the writer still holds the log's fence}] -> bid-log>auction-owner[durable in the next group commit] -> auction-owner>bid-gateway[leading or outbid, new price] -> bid-gateway>bidders[outcome] -> auction-owner>price-fanout[price with seq] -> price-fanout>bidders[coalesced push] |-> auction-owner>bid-gateway[first outcome {bid id already seen}] => done | retry",
    topic: T,
  },
  {
    name: "Close the auction",
    notation:
      "auction-owner[timer fires at the end time {the owner's own copy has now >= Auction.end_time and Auction.state = open}] -> auction-owner>bid-log[append close marker with the result and its outbox entries {the writer still holds the log's fence}] -> bid-log>auction-owner[durable] -> auction-owner>price-fanout[closed, winner and price] -> bid-log>close-outbox[close result] -> close-outbox>payments[notify winner and seller, start payment under the auction id] => done | retry",
    topic: T,
  },
  {
    name: "Take over an auction",
    notation:
      "auction-owner>auction-ownership[claim auction {AuctionLease.expires_at < now}] -> auction-ownership>auction-owner[new epoch] -> auction-owner>auction-store[load snapshot and end time] -> auction-owner>bid-log[replay bids after the snapshot, fence the older epoch] -> auction-owner[close at once if the end time has passed] => reclaim | done",
    topic: T,
  },
];

/**
 * Products for an auction, checked: Akka Cluster Sharding (doc.akka.io, "Cluster Sharding"): actors with an
 * identifier are spread over the cluster's nodes, each entity running on at most one node at a time (doc.akka.io, "Split
 * Brain Resolver": a downing provider is needed for that to hold across a network partition), and a message is
 * routed to it by its identifier without the sender knowing where it lives. Microsoft Orleans (learn.microsoft.com,
 * "Request scheduling"): a grain activation is single-threaded and, unless marked reentrant, runs each request to
 * completion before the next begins. Apache Kafka (kafka.apache.org documentation): a producer with acks=all waits for the full
 * set of in-sync replicas, and batches records per partition (batch.size, linger.ms). A produce request carries no
 * condition on the application's state or on the offset it lands at (conditional publish, KIP-27, was never adopted);
 * the only fencing the broker does is of producers that share one transactional.id: the latest to start bumps the
 * producer epoch and the older one fails with ProducerFencedException (Kafka javadoc, ProducerFencedException). So every
 * bid check runs in the owner, and the log is fenced per owner shard through its one transactional producer.
 */
type TechnologyInput = z.input<typeof Technology>;

export const AUCTION_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Akka Cluster Sharding",
    layer: "coordination",
    fits: "One actor per auction, placed on one node of the cluster and reached by its auction id, holding the auction in memory and deciding its bids one at a time; run with the Split Brain Resolver as its downing provider, since without one a partition can start the same auction on both sides.",
    suits: ["ordering", "low-latency", "linearizable"],
    poorFor: ["multi-region", "operational-simplicity"],
    caveat:
      "Rebalancing and node loss move an auction's actor; its state must come back from the bid log, and a split cluster needs a downing strategy so two nodes never run the same auction.",
    topic: T,
  },
  {
    product: "Microsoft Orleans",
    layer: "coordination",
    fits: "A grain per auction, activated on demand by its id and handling its calls one at a time, so bids on one auction are decided in one order.",
    suits: ["ordering", "low-latency", "operational-simplicity"],
    poorFor: ["multi-region"],
    caveat:
      "An activation runs one request to completion before the next only while the grain is not reentrant; the bid check and its log append must not interleave, and the append still carries the owner's epoch.",
    topic: T,
  },
  {
    product: "Apache Kafka (bid log keyed by auction id)",
    layer: "storage",
    fits: "One partition per group of auctions keyed by auction id, written with acks=all and batched per partition, which gives the bid log its group commit and its replay; each owner shard writes through one transactional producer (its own transactional.id), so a takeover that starts that producer again fences the deposed owner's writes.",
    suits: ["durable", "ordering", "high-throughput"],
    poorFor: ["low-latency", "small-metadata"],
    caveat:
      "A produce carries no condition on an auction's state, price or sequence, so the owner makes every bid check before it appends; the broker fences only producers sharing one transactional.id, so an owner shard without its own transactional producer is not fenced at all.",
    topic: T,
  },
];

/** What an auction design must draw and must not (coherence `auction-shape`). */
export const AUCTION_SHAPE = {
  bidEntity: "Bid",
  auctionEntity: "Auction",
  /** The auction's write: a call that places a bid, carrying the bidder's bid id and maximum. */
  bidCall: /\bplace bid\b/,
  bidFields: ["bid_id", "max_amount"],
  /** Mechanisms of a document's merge, which a bid never goes through. */
  mergeMechanisms: ["operational-transform", "crdt-merge"],
  /** A job scheduler's records, which an auction's close never is. */
  schedulerEntities: ["Schedule", "Run", "DueIndex"],
} as const;
