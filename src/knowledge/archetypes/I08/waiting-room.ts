import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Admission control whose subject is a crowd held in line in front of a site that can take only so many new
 * visitors a minute (topic "waiting-room", knowledge/topics.ts): a virtual waiting room before a ticket sale, a
 * product drop or a fragile backend. Unlike a rate limiter keyed by caller (which refuses whoever is over budget and
 * lets them retry), a waiting room gives every arrival a place in one line, lets the line out at a rate set from the
 * backend's capacity by moving a "served up to" watermark, and hands each visitor whose place is reached a signed,
 * expiring admission token that the protected site's edge checks on every request. The booking design that sits
 * behind one ("on-sale" in features/booking.ts and features/stock.ts) keeps its own inventory rules; the waiting room
 * only meters who may reach it.
 *
 * Facts, checked against primary sources:
 * - Cloudflare Waiting Room: a room is configured with new_users_per_minute and total_active_users (the docs suggest
 *   about 75% of the origin's capacity); in FIFO mode each visitor's cookie carries the time their first request hit
 *   an actively queueing room, and that time orders them; a random mode picks waiting visitors at random; a scheduled
 *   event can pre-queue visitors and shuffle them at the event's start; an admitted visitor stays active while they
 *   make a request within session_duration minutes (1 to 30, default 5); Turnstile can challenge visitors.
 * - Queue-it: FIFO by default; visitors who arrive before a scheduled sale wait in a pre-queue and are put in random
 *   order when it starts, and later arrivals join the back in arrival order, so arriving early or scripting a fast
 *   request buys no place.
 * - Virtual Waiting Room on AWS: requests enter through CloudFront and an SQS queue that batches bursts; a function
 *   raises a queue counter in ElastiCache (Redis) and stores each request's position; a serving counter is raised by
 *   an inlet strategy (a periodic one adds a fixed count each minute and skips while a CloudWatch alarm fires, a
 *   MaxSize one adds the sessions that ended or were abandoned); a JWT is issued only to a request whose position the
 *   serving counter has reached, never twice for one request, signed with a key held in Secrets Manager.
 * Planning figures (the poll interval, the edge's cache time, a session's length, the claim window) are assumptions,
 * said in their rows.
 */

const T = "waiting-room" as const;
type TechnologyInput = z.input<typeof Technology>;

export const ROOM_ENTITIES = [
  {
    name: "QueueTicket",
    description:
      "One visitor's place in one room: room id, visitor id (from the challenge the visitor passed), the position stamped when they joined, the arrival time, and state (waiting, admitted, abandoned); written once on join, moved to admitted when its token is issued.",
    truth: true,
    topic: T,
  },
  {
    name: "RoomState",
    description:
      "One room's line: the next position to stamp, served_up_to (the highest position let out so far, only ever raised), the admission rate per minute set from the backend's capacity, the opening time, the queueing mode (fifo or lottery at opening) and the policy version.",
    truth: true,
    topic: T,
  },
  {
    name: "AdmissionToken",
    description:
      "The pass a visitor presents to the protected site: room id, visitor id, position, issued_at and expires_at, signed with the room's current key; kept in a cookie or header, recorded once per ticket so it is never issued twice.",
    truth: false,
    topic: T,
  },
] as const;

export const ROOM_WRITES = [
  {
    action:
      "join the line once: after the visitor passes the challenge, insert the QueueTicket keyed by (room, visitor) only if absent and stamp it with the room's next position by one atomic increment; a repeat join returns the first ticket",
    entity: "QueueTicket",
    shape: "create target",
    mechanism: "put-if-absent",
    critical: true,
    topic: T,
  },
  {
    action:
      "let the line out: each tick the admission controller raises RoomState.served_up_to by the admission rate times the tick (plus the places abandoned since the last tick), only ever upward, and by less or nothing while the backend reports itself degraded",
    entity: "RoomState",
    shape: "state transition",
    mechanism: "max-update",
    critical: true,
    topic: T,
  },
  {
    action:
      "admit a visitor: move the QueueTicket from waiting to admitted only while its position is at or below served_up_to, and sign an AdmissionToken bound to the visitor id with a short expiry; a repeat returns the same token",
    entity: "QueueTicket",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "release abandoned places: mark abandoned each waiting QueueTicket whose visitor stopped polling longer than the abandonment timeout, and each admitted one whose token was never used, and count them back to the admission controller",
    entity: "QueueTicket",
    shape: "async process",
    mechanism: "expiry-sweeper",
    topic: T,
  },
  {
    action:
      "change a room's rate, mode or opening time with a version check; a lowered rate slows the watermark from the next tick and takes no token back",
    entity: "RoomState",
    shape: "overwrite current value",
    mechanism: "versioned-overwrite",
    topic: T,
  },
] as const;

export const ROOM_READS = [
  {
    action:
      "answer a position poll at the edge: compare the position signed into the visitor's ticket cookie with the room's served_up_to cached at the point of presence, and say the place and the estimated wait",
    entity: "RoomState",
    shape: "read projection",
    staleness:
      "up to the edge's cache time of the watermark (about a second); a visitor learns of their turn one poll late at most",
    topic: T,
  },
  {
    action:
      "check the admission token at the protected site's edge on every request: a valid signature under a current key, not expired, and issued to the visitor id presenting it",
    entity: "AdmissionToken",
    shape: "read projection",
    staleness:
      "none for the signature and expiry, checked locally; a revoked key reaches every point of presence within the key push interval",
    topic: T,
  },
] as const;

/** Arrival order: nobody is let out before someone who joined earlier (after the opening shuffle, when chosen). */
const FIFO =
  "No visitor is admitted before one who joined the same room earlier: each QueueTicket's position is stamped by one atomic increment of the room's counter, and a ticket is admitted only once its position is at or below served_up_to, so the line leaves in position order (visitors who joined before the opening are shuffled once, then keep the order the shuffle gave them).";
const MONOTONE =
  "RoomState.served_up_to only ever rises: the controller's write keeps the higher of the stored and the new value, so a late, repeated or stale tick never takes a place back from a visitor already told it is their turn.";
const RATE =
  "The protected site receives at most the room's admission rate of new visitors a minute: RoomState.served_up_to rises by at most the rate times the tick plus the places abandoned since the last tick, and by less while the backend reports itself degraded.";
const TOKEN =
  "The protected site serves a request only with an AdmissionToken, signed when its QueueTicket is admitted, whose signature verifies under a current room key, whose expiry has not passed and whose visitor id matches the presenting visitor, so a forged, expired or shared token is turned back to the line.";
const ONE_PLACE =
  "A visitor holds at most one QueueTicket per room: the join inserts the ticket keyed by (room, visitor) only if absent, and the visitor id comes from a challenge passed before any position is given, so refreshing or opening new tabs never buys a second place.";
const ABANDON =
  "A QueueTicket whose visitor stops polling for longer than the abandonment timeout, or whose token goes unused through its claim window, is marked abandoned and counted back into the next tick, so the line keeps moving at the stated rate and no place is held forever.";

export const ROOM_INVARIANTS = [FIFO, MONOTONE, RATE, TOKEN, ONE_PLACE, ABANDON];

/** The mechanism that keeps each of the waiting room's rules (`keptBy` on the card's invariant marks). */
export const ROOM_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [FIFO]: "atomic-counter",
  [MONOTONE]: "max-update",
  [RATE]: "token-bucket",
  [TOKEN]: "ttl-expiry",
  [ONE_PLACE]: "put-if-absent",
  [ABANDON]: "expiry-sweeper",
};

export const ROOM_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "positions are stamped and let out in order within one room; rooms are independent lines",
  },
  exclusivity: {
    scope: "key",
    why: "one counter per room stamps every position, and one admission controller per room moves its watermark",
  },
  coordination: {
    scope: "key",
    why: "a room's counter and watermark live on one primary; the edge only reads the watermark and checks signatures",
  },
} as const;

export const ROOM_FAILURES = [
  {
    failure:
      "The queue store crashes during the opening rush and comes back without its last increments, so it could stamp a position twice",
    role: "truth",
    prevention:
      "The store's replica is promoted with its counter set above the highest position any ticket holds, and tickets are keyed by (room, visitor), so a repeat join returns its first ticket",
    repair:
      "The edge retries joins against the new primary while waiting pages keep polling at the edge; positions resume above every one already given",
    topic: T,
  },
  {
    failure: "The backend slows down or starts failing while visitors are being let in",
    role: "derived",
    prevention:
      "The admission controller reads the backend's latency, error rate and active sessions each tick and lowers the rate, or holds the watermark, while they are past their limits",
    repair:
      "The watermark resumes at the stated rate once health recovers; visitors already admitted keep their tokens and nobody is sent back",
    topic: T,
  },
  {
    failure: "A visitor forges, copies or shares an admission token to skip the line",
    role: "truth",
    prevention:
      "Tokens are signed with a room key from a key store, carry an expiry of minutes and the visitor id the challenge gave, and the edge checks all three on every request",
    repair:
      "Rotate the signing key (both keys verify during the overlap), and count tokens seen from many visitors to block the sharer",
    topic: T,
  },
  {
    failure: "Bots join the line many times, or join just before the opening to take the front places",
    role: "derived",
    prevention:
      "A challenge is passed before any position is given, one ticket per visitor id, and visitors who arrive before the opening are shuffled once at the opening",
    repair:
      "Tickets from challenge failures or repeated ids are marked abandoned; their places are counted back to the rate",
    topic: T,
  },
  {
    failure: "Millions of waiting pages poll at once and the polls reach the origin",
    role: "derived",
    prevention:
      "The waiting page is static at the edge and a poll is answered there from the signed ticket cookie and the watermark cached for about a second, so the origin sees one watermark read per point of presence a second",
    repair: "Lengthen the poll interval from the page's own response when the edge is hot; polls carry jitter",
    topic: T,
  },
  {
    failure: "Admitted visitors who leave hold places the backend could use",
    role: "derived",
    prevention:
      "An admitted ticket whose token is not used within its claim window, and a waiting one whose visitor stopped polling, is marked abandoned by the sweeper",
    repair: "Abandoned places are added to the next tick's increase, so the backend sees its stated rate",
    topic: T,
  },
] as const;

export const ROOM_BOTTLENECKS = [
  {
    bottleneck:
      "The opening rush: every arrival of the first minute takes one increment of the room's one position counter",
    mitigation:
      "Keep the counter in memory on one node, one atomic increment per join (tens of thousands a second fit one node); past that, stamp a signed arrival time at the edge instead",
    formula: {
      yields: "joins a second at the opening",
      expression: "buyers_at_onsale / onsale_seconds",
      unit: "joins/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "The line itself: at the stated admission rate the whole opening crowd waits hours, and every visitor in it keeps polling",
    mitigation:
      "Show each visitor the wait their position implies, let a visitor leave and keep their place within the abandonment timeout, and raise the rate only as the backend's own capacity grows",
    formula: {
      yields: "time to let the whole opening crowd out at the admission rate",
      expression: "buyers_at_onsale / admits_per_sec",
      unit: "s",
    },
    topic: T,
  },
  {
    bottleneck: "Position polls from every waiting page, all through the line's drain time",
    mitigation:
      "Answer polls at the edge from the ticket cookie and a cached watermark; the poll interval sets the edge's load, not the origin's",
    formula: {
      yields: "position polls a second at the edge",
      expression: "buyers_at_onsale / poll_seconds",
      unit: "polls/s",
    },
    topic: T,
  },
] as const;

export const ROOM_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Redis (INCR for positions, a hash per room for the watermark, a replica per primary)",
    layer: "storage",
    fits: "One atomic INCR stamps each position and a Lua script raises served_up_to only upward; a room's state is a few keys in memory",
    suits: ["low-latency", "high-throughput", "operational-simplicity"],
    poorFor: ["durable", "multi-region"],
    caveat:
      "Replication is asynchronous, so a failover can repeat positions unless the new primary starts above the highest ticket; the AWS waiting-room solution keeps its counters in ElastiCache this way",
    topic: T,
  },
  {
    product: "CDN edge workers (Cloudflare Workers, CloudFront Functions, Fastly Compute)",
    layer: "serving",
    fits: "The waiting page, position polls and the token check run at every point of presence, so the origin sees only joins and watermark reads",
    suits: ["low-latency", "elastic-scale", "stay-available"],
    poorFor: ["linearizable"],
    caveat:
      "The edge reads a watermark cached for a second or so: a visitor learns of their turn one poll late at most",
    topic: T,
  },
  {
    product: "AWS KMS or Secrets Manager for the token signing keys (a public key pushed to the edge)",
    layer: "coordination",
    fits: "Tokens are signed with a private key the edge never holds and verified with a public key every point of presence caches",
    suits: ["durable", "operational-simplicity"],
    poorFor: ["low-latency"],
    caveat:
      "A KMS call per token is too slow for the rush: sign in the queue service with a key loaded at start and rotated",
    topic: T,
  },
];

export const ROOM_COMPONENTS: ComponentSpec[] = [
  {
    id: "visitors",
    name: "Visitors' browsers (waiting page polling for their turn)",
    kind: "client",
    runs: ["pass challenge", "join", "poll position", "browse with token"],
    because: "every arrival holds a place and polls until it is their turn",
    topic: T,
  },
  {
    id: "edge",
    name: "Edge (CDN points of presence: static waiting page, polls, token check)",
    kind: "gateway",
    runs: ["serve waiting page", "answer polls from the cached watermark", "check admission token"],
    because: "the crowd lands on the edge, so the origin sees only joins and one watermark read per point of presence",
    topic: T,
  },
  {
    id: "queue-service",
    name: "Queue service (challenge check, position stamping, token signing)",
    kind: "service",
    runs: ["verify challenge", "join once per visitor", "issue admission token"],
    because: "a position is given once per visitor and a token only to a visitor whose place is reached",
    topic: T,
  },
  {
    id: "queue-store",
    name: "Queue store (per room: position counter, watermark, tickets)",
    kind: "store",
    holds: ["QueueTicket", "RoomState"],
    runs: ["atomic increment", "raise watermark", "admit ticket"],
    because: "one counter per room stamps every position, so the line has one order",
    topic: T,
  },
  {
    id: "admission-controller",
    name: "Admission controller (moves the watermark at the backend's rate)",
    kind: "control-loop",
    runs: ["raise served_up_to each tick", "read backend health", "count abandoned places back"],
    because: "the rate out of the line is set from the backend's capacity and lowered when it struggles",
    topic: T,
  },
  {
    id: "abandon-sweeper",
    name: "Abandonment sweeper (frees places of visitors who left)",
    kind: "control-loop",
    runs: ["find stale tickets", "mark abandoned", "report freed places"],
    because: "a visitor who stops polling must not hold a place the line could use",
    topic: T,
  },
  {
    id: "backend",
    name: "Protected site (the ticketing backend behind the room)",
    kind: "resource",
    runs: ["serve admitted visitors", "report health"],
    because: "the capacity the room protects; it sees only visitors with a valid token",
    topic: T,
  },
];

export const ROOM_LINKS: LinkSpec[] = [
  { from: "visitors", to: "edge", kind: "request", label: "waiting page, polls, site requests with token", topic: T },
  { from: "edge", to: "queue-service", kind: "request", label: "join, claim token", topic: T },
  { from: "edge", to: "queue-store", kind: "request", label: "read watermark (cached a second)", topic: T },
  { from: "queue-service", to: "queue-store", kind: "request", label: "stamp position, admit ticket", topic: T },
  { from: "admission-controller", to: "queue-store", kind: "control", label: "raise served_up_to", topic: T },
  { from: "admission-controller", to: "backend", kind: "control", label: "read health and active sessions", topic: T },
  { from: "abandon-sweeper", to: "queue-store", kind: "request", label: "mark stale tickets abandoned", topic: T },
  { from: "edge", to: "backend", kind: "request", label: "admitted requests (token checked)", topic: T },
];

export const ROOM_API: ApiSpec[] = [
  {
    operation: "join",
    call: "POST /v1/rooms/{room_id}/tickets",
    request: ["challenge token (proves a person passed the check)", "visitor_id"],
    response: ["signed ticket cookie: position, joined_at", "estimated wait"],
    errors: ["403 challenge failed", "409 already in line (the first ticket is returned)"],
    guarantee: "one position per visitor per room, stamped in arrival order",
    topic: T,
  },
  {
    operation: "poll position",
    call: "GET /v1/rooms/{room_id}/position",
    request: ["signed ticket cookie"],
    response: ["position", "served_up_to", "estimated wait", "your turn: yes or no"],
    errors: ["410 place lost: stopped polling past the abandonment timeout"],
    guarantee: "answered at the edge from the cookie and the cached watermark; never reaches the origin",
    topic: T,
  },
  {
    operation: "claim admission",
    call: "POST /v1/rooms/{room_id}/tickets/{visitor_id}/token",
    request: ["signed ticket cookie"],
    response: ["admission token (cookie or header): visitor_id, position, expires_at, key id, signature"],
    errors: ["425 not your turn yet (position above served_up_to)", "410 place abandoned"],
    guarantee: "issued only at or below the watermark, once per ticket; a repeat returns the same token",
    topic: T,
  },
  {
    operation: "set room",
    call: "PUT /v1/rooms/{room_id}",
    request: ["admits_per_minute", "mode (fifo or lottery at opening)", "opens_at", "expected_version"],
    response: ["new version"],
    errors: ["409 version changed"],
    guarantee: "a new rate applies from the controller's next tick; tokens already issued stay valid",
    topic: T,
  },
];

export const ROOM_DATA: DataSpec[] = [
  {
    entity: "QueueTicket",
    key: ["room_id", "visitor_id"],
    fields: ["position", "joined_at", "state", "token_issued_at"],
    indexes: ["(room_id, state, position)"],
    partitionKey: "hash(room_id, visitor_id)",
    owner: "queue-store",
    topic: T,
  },
  {
    entity: "RoomState",
    key: ["room_id"],
    fields: ["next_position", "served_up_to", "admits_per_minute", "mode", "opens_at", "key_id", "version"],
    indexes: [],
    partitionKey: "room_id",
    owner: "queue-store",
    topic: T,
  },
  {
    entity: "AdmissionToken",
    key: ["room_id", "visitor_id"],
    fields: ["position", "issued_at", "expires_at", "key_id", "signature"],
    indexes: [],
    partitionKey: "hash(room_id, visitor_id)",
    owner: "queue-service",
    topic: T,
  },
];

export const ROOM_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Join, wait at the edge, and enter with a token",
    notation:
      "visitors>edge[join after the challenge] -> edge>queue-service[join with challenge token and visitor id] -> queue-service>queue-store[insert ticket if absent, stamp the next position {no QueueTicket for (room, visitor)}] -> queue-service>visitors[signed ticket cookie with position] -> visitors>edge[poll every few seconds] -> edge>queue-store[read served_up_to, cached a second] -> edge>visitors[your turn {position <= served_up_to}] -> edge>queue-service[claim admission] -> queue-service>queue-store[move ticket to admitted {position <= served_up_to and state = waiting}] -> queue-service>visitors[signed admission token with expiry] -> visitors>edge[site request with token] -> edge>backend[forward {signature valid, not expired, visitor id matches}] |-> edge>visitors[back to the waiting page {token missing, forged or expired}] => done | reject",
    topic: T,
  },
  {
    name: "Let the line out at the backend's rate",
    notation:
      "admission-controller>backend[read latency, errors and active sessions] -> admission-controller>queue-store[raise served_up_to by rate x tick plus abandoned places {backend healthy}] |-> admission-controller>queue-store[raise by less or hold {backend past its limits}] -> abandon-sweeper>queue-store[mark tickets abandoned {no poll within the timeout or token unused within the claim window}] => done | retry",
    topic: T,
  },
];

/**
 * The waiting room's figures: the opening rush's joins a second, the line's drain time at the stated admission
 * rate, polls at the edge and watermark reads at the origin, the line's state, and the backend's active sessions.
 */
export const ROOM_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "buyers_at_onsale",
      label: "visitors who arrive when the room opens",
      unit: "buyers",
      typical: 1e6,
      why: "a popular sale draws about a million visitors as it opens (a planning figure)",
      from: { expression: "users", why: "the prompt counts the crowd that arrives" },
    },
    {
      quantity: "onsale_seconds",
      label: "the window the opening crowd arrives in",
      unit: "s",
      typical: 60,
      why: "most of an opening crowd arrives in its first minute (a planning figure)",
    },
    {
      quantity: "admits_per_sec",
      label: "new visitors the protected site takes a second",
      unit: "visitors/s",
      typical: 100,
      why: "a checkout that takes about 6,000 new shoppers a minute (a planning figure; set it from the backend's own capacity)",
    },
    {
      quantity: "poll_seconds",
      label: "time between two position polls of one waiting page",
      unit: "s",
      typical: 15,
      why: "a waiting page refreshes its place every 10 to 30 seconds (a planning figure)",
    },
    {
      quantity: "edge_pops",
      label: "CDN points of presence serving the waiting page",
      unit: "pops",
      typical: 300,
      why: "a global CDN runs a few hundred points of presence (a planning figure)",
    },
    {
      quantity: "watermark_cache_seconds",
      label: "how long a point of presence caches the room's watermark",
      unit: "s",
      typical: 1,
      why: "a second keeps the origin's reads to one per point of presence a second and a turn at most a second late",
    },
    {
      quantity: "session_seconds",
      label: "how long an admitted visitor stays active on the protected site",
      unit: "s",
      typical: 600,
      why: "about ten minutes to pick and pay (a planning figure; Cloudflare's session duration allows 1 to 30 minutes)",
    },
    {
      quantity: "ticket_bytes",
      label: "bytes of one queue ticket with its index entry",
      unit: "B",
      typical: 100,
      why: "ids, a position, two times and a state, with index overhead",
    },
  ],
  figures: [
    fig("join_rate", "joins a second at the opening", "hotspot", "buyers_at_onsale / onsale_seconds", "joins/s"),
    fig(
      "drain_seconds",
      "time to let the whole opening crowd out at the admission rate",
      "time",
      "buyers_at_onsale / admits_per_sec",
      "s",
    ),
    fig("admits_per_minute", "visitors let out a minute", "rate", "admits_per_sec * 60", "visitors/min"),
    fig("edge_polls", "position polls a second at the edge", "rate", "buyers_at_onsale / poll_seconds", "polls/s"),
    fig(
      "origin_watermark_reads",
      "watermark reads a second at the origin",
      "rate",
      "edge_pops / watermark_cache_seconds",
      "reads/s",
    ),
    fig(
      "active_sessions",
      "admitted visitors active on the protected site at once",
      "count",
      "admits_per_sec * session_seconds",
      "visitors",
    ),
    fig("line_bytes", "queue tickets held for the whole line", "storage", "buyers_at_onsale * ticket_bytes", "B"),
  ],
};

export const ROOM_DECISIONS: DecisionPoint[] = [
  {
    id: "i08-room-order",
    topic: T,
    question: "Strict arrival order, or a lottery for everyone who arrived before the opening?",
    options: [
      {
        id: "strict-fifo",
        name: "strict arrival order by stamped position",
        buys: "the order the prompt asks for: whoever joined first is let out first, and each visitor's wait is predictable",
        costs:
          "a visitor who opened the page before the sale, or a bot that scripted a faster request, takes the front places",
        winsWhen: "the prompt states arrival order, or the line forms only once the sale is open",
      },
      {
        id: "prequeue-lottery",
        name: "a lottery over the pre-queue at the opening, then arrival order",
        buys: "arriving early or fast buys nothing: everyone present at the opening has the same chance",
        costs: "a visitor who waited an hour may be placed behind one who came a minute before the opening",
        winsWhen:
          "a scheduled sale draws a crowd before it opens and fairness across that crowd matters more than order",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:in (?:the )?order (?:they|visitors|fans|people|users|shoppers|customers) (?:arrived|arrive|came|joined)|first[- ]come,? first[- ]served|first[- ]in,? first[- ]out|fifo|arrival order|order of arrival|strict(?:ly)? (?:in )?order)\b`,
          },
        ],
        option: "strict-fifo",
        because: "the prompt asks for visitors to be let in in the order they arrived",
      },
      {
        when: [{ words: String.raw`\b(?:lottery|random(?:ly|ised|ized)?|shuffl\w*|pre-?queue|equal chance)\b` }],
        option: "prequeue-lottery",
        because: "the prompt asks for an equal chance for everyone present at the opening",
      },
    ],
    fallback: {
      option: "strict-fifo",
      because: "visitors expect a line to keep arrival order, and a lottery needs a stated opening time to shuffle at",
    },
  },
  {
    id: "i08-room-stamp",
    topic: T,
    question: "Stamp each position from one counter per room, or from a signed arrival time at the edge?",
    options: [
      {
        id: "sequencer",
        name: "one atomic position counter per room",
        buys: "an exact order and an exact count of who is ahead; the watermark is a position",
        costs:
          "every join of the opening rush is one increment on one node, and its failover must not repeat positions",
        winsWhen: "the opening rush fits one in-memory node (tens of thousands of joins a second)",
      },
      {
        id: "edge-timestamp",
        name: "a signed arrival time stamped at the edge, with an arrival-time watermark",
        buys: "no shared write at all on join: the rush is spread over every point of presence",
        costs:
          "order holds only up to the clock skew between points of presence, and 'people ahead of you' is an estimate",
        winsWhen: "the opening rush is far beyond one node's increments, or the line spans regions",
        // the line spans regions
        wins: [{ regionsAtLeast: 2 }],
      },
    ],
    rules: [],
    fallback: {
      option: "sequencer",
      because:
        "one in-memory counter takes an opening rush of tens of thousands of joins a second and keeps order exact",
    },
  },
  {
    id: "i08-room-pace",
    topic: T,
    question: "Let the line out at a fixed rate, or to keep a cap on active visitors?",
    options: [
      {
        id: "fixed-rate",
        name: "a fixed admission rate from the backend's stated capacity, lowered while it is unhealthy",
        buys: "a rate that matches how the backend states its capacity, and a predictable wait for everyone in line",
        costs: "visitors who finish fast leave room unused; visitors who linger can pile up past what the site holds",
        winsWhen: "the backend states how many new visitors it takes a minute",
      },
      {
        id: "active-cap",
        name: "a cap on active sessions, refilled as visitors finish or time out",
        buys: "the site runs full whatever visitors' session lengths are",
        costs: "the site must report each exit (or wait for sessions to time out), and waits are hard to predict",
        winsWhen: "the backend states how many visitors it holds at once rather than a rate",
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:at (?:most|a time|once)|concurrent(?:ly)?|simultaneous(?:ly)?|active (?:users|visitors|shoppers|sessions))\b`,
          },
        ],
        option: "active-cap",
        because: "the prompt states how many visitors the site holds at once",
      },
    ],
    fallback: {
      option: "fixed-rate",
      because:
        "a rate of new visitors a minute is how a backend's capacity is usually stated, and it needs no exit reports",
    },
  },
  {
    id: "i08-room-check",
    topic: T,
    question: "Check the admission token at the edge, or at the origin?",
    options: [
      {
        id: "edge-check",
        name: "an edge check of signature, expiry and visitor binding",
        buys: "a request without a valid token never reaches the origin, so the crowd cannot bypass the room",
        costs: "a revoked key or token reaches the edge only with the next key push",
        winsWhen: "the crowd is larger than the origin can take even to say no",
      },
      {
        id: "origin-check",
        name: "an origin check in the protected site's own gateway",
        buys: "no edge logic to run; revocation is immediate",
        costs: "every request, admitted or not, reaches the origin's gateway",
        winsWhen: "the site is small enough that refusing requests costs it little",
      },
    ],
    rules: [],
    fallback: {
      option: "edge-check",
      because:
        "a waiting room exists because the origin cannot take the crowd, so it must not see the crowd's requests",
    },
  },
];

/** What the waiting-room shape rule reads (engine/coherence.ts `waitingRoomShape`). */
export const ROOM_SHAPE = {
  entities: ["QueueTicket", "RoomState", "AdmissionToken"],
  drain: "drain_seconds",
  polls: "edge_polls",
  // a per-caller rate limiter's own records and answers: a waiting room holds a line, not a budget per caller
  residue:
    /\b(?:Budget|LimitPolicy|LocalAllowance|ConcurrencySlot|429 Too Many Requests|token bucket|sliding window)\b/,
} as const;
