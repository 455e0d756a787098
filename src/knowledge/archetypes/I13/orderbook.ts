import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The shared subject as an instrument's order book (topic "order-book", knowledge/topics.ts): an exchange's matching
 * engine. Orders pass a gateway that checks each account's pre-trade risk limits, then reach the one sequencer that
 * owns their symbol: it appends every input (new order, cancel, replace) to the symbol's order log, replicated to a
 * backup before the order is acknowledged, and applies the log single-threaded to an in-memory book by price-time
 * priority. Replaying the log rebuilds the same book and the same executions, which is how the backup stays hot and
 * how a restart recovers. Executions go out to the trading parties, market data and clearing. Nothing of a
 * document's editing (transformed operations, CRDT merges, presence, snapshots of text) belongs here.
 *
 * Facts, checked:
 * - LMAX (Martin Fowler, "The LMAX Architecture", martinfowler.com, 2011): the business logic runs on one thread,
 *   entirely in memory, with event sourcing; an input stage journals and replicates every event before the business
 *   logic sees it, so state is rebuilt by replaying the journal; an output stage sends the results.
 * - Price-time priority (e.g. MarketsWiki "Price/time priority"): orders rank by price first, and at one price by
 *   when they were entered; pro-rata matching is the main alternative.
 * - FIX (FIX 4.4/5.0 OrderCancelReplaceRequest and OrderCancelRequest; Kraken's cl_ord_id guide): ClOrdID is the
 *   client's own order id, unique within the trading day (or across days for multi-day orders), and OrigClOrdID
 *   names the order a cancel or replace refers to.
 */

/** Why an order book's truth is linearizable and fails closed, whatever a document's default stance is. */
const BOOK_STANCE =
  "a symbol trades only through its one current matcher: while it is cut off, the symbol stops taking orders rather than let two books fill the same order";

export const ORDER_BOOK_ENTITIES = [
  {
    name: "OrderBook",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: BOOK_STANCE,
    },
    description:
      "One instrument's book, kept in the memory of the sequencer that owns the symbol: resting buy and sell orders by price level, each level a queue in the order they were sequenced, and the log sequence last applied.",
    truth: true,
    topic: "order-book",
  },
  {
    name: "OrderLogEntry",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: BOOK_STANCE,
    },
    description:
      "One sequenced input to a symbol's matcher (new order, cancel or replace) at its sequence number and epoch, durable on the primary and its backup before the order is acknowledged; replaying the entries in order rebuilds the book and its executions exactly.",
    truth: true,
    topic: "order-book",
  },
  {
    name: "Order",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: BOOK_STANCE,
    },
    description:
      "One client order: account, client order id (unique per trading session), symbol, side, limit price, quantity, quantity still open, time in force, state (new, partially filled, filled, cancelled, rejected) and the sequence it was accepted at.",
    truth: true,
    topic: "order-book",
  },
  {
    name: "Execution",
    stance: {
      consistency: "consistent-prefix",
      availability: "stay-available",
      because:
        "executions are published in the symbol's log order, so every reader sees a prefix of them; market data and order status stay readable while a symbol is halted",
    },
    description:
      "One trade between an incoming order and a resting one: execution id, symbol, price, quantity, both order ids and the log sequence that produced it; sent to both parties, market data and clearing.",
    truth: true,
    topic: "order-book",
  },
  {
    name: "RiskLimit",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: BOOK_STANCE,
    },
    description:
      "A trading account's pre-trade limits and the exposure its open orders use: credit or buying power, largest order size and the price band around the last trade, checked before an order reaches the book.",
    truth: true,
    topic: "order-book",
  },
  {
    name: "SymbolLease",
    description:
      "Which matcher currently owns a symbol, with an epoch that grows at every failover so appends from a deposed primary are refused.",
    truth: false,
    topic: "order-book",
  },
] as const;

export const ORDER_BOOK_WRITES = [
  {
    action:
      "check the order against its account's pre-trade limits (credit, largest order size, price band) at the gateway and reserve the exposure it adds",
    entity: "RiskLimit",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: "order-book",
  },
  {
    action:
      "append the order (new, cancel or replace) to its symbol's order log at the next sequence number, replicated to the backup matcher before it is acknowledged",
    entity: "OrderLogEntry",
    shape: "append event",
    mechanism: "op-sequencer",
    critical: true,
    topic: "order-book",
  },
  {
    action:
      "record the client order id per trading session so a resent order is answered with its existing state and never entered twice",
    entity: "Order",
    shape: "create target",
    mechanism: "idempotency-key",
    hidden: true,
    critical: true,
    topic: "order-book",
  },
  {
    action:
      "match the order against the opposite side of the book by price-time priority (best price first, earliest sequence first within a price), resting any remainder at its limit price",
    entity: "OrderBook",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: "order-book",
  },
  {
    action:
      "cancel or replace a resting order, found by its original client order id; a replace that changes the price or raises the quantity loses its place in the queue",
    entity: "Order",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: "order-book",
  },
  {
    action:
      "publish each execution with its log sequence to both parties, the market-data feed and clearing, in sequence order",
    entity: "Execution",
    shape: "append event",
    mechanism: "append-log",
    critical: true,
    topic: "order-book",
    runs: {
      in: "async worker",
      because:
        "publishers read the matcher's output after the match, so slow subscribers never hold the single matching thread",
    },
  },
  {
    action: "promote the backup to matcher of a symbol with a new epoch once it has applied every replicated log entry",
    entity: "SymbolLease",
    shape: "state transition",
    mechanism: "epoch-term",
    hidden: true,
    critical: true,
    topic: "order-book",
  },
] as const;

export const ORDER_BOOK_READS = [
  {
    action: "read the top of book, depth per price level and trades from the market-data feed",
    entity: "Execution",
    shape: "read projection",
    staleness:
      "Microseconds to milliseconds behind the matcher; every message carries the log sequence, so a subscriber that sees a gap asks for a replay or a fresh book image.",
    topic: "order-book",
  },
  {
    action: "query an order's state by its client order id",
    entity: "Order",
    shape: "read source",
    staleness:
      "Exact: the matcher answers from the book it owns, after every earlier log entry of the symbol is applied.",
    topic: "order-book",
  },
] as const;

export const ORDER_BOOK_INVARIANTS = [
  "Each symbol's order log has exactly one entry at each sequence number, and the book equals the result of applying entries 1 to N in order, so replaying the log rebuilds the same book and the same executions.",
  "An order is acknowledged only after its log entry is durable on the primary and replicated to the backup.",
  "A client order id is entered at most once per trading session; a resend is answered with that order's existing state.",
  "An incoming order never trades at a price worse than its limit; a better-priced resting order always fills before a worse one, and at one price the earlier-sequenced order fills first.",
  "An order's filled quantity never exceeds its quantity, and each execution takes the same quantity from both orders in the same step.",
  "No order reaches the book without passing its account's pre-trade risk check.",
  "Only the matcher holding the symbol's current epoch appends to its log; entries from an older epoch are refused.",
];

export const ORDER_BOOK_FAILURES = [
  {
    failure:
      "The primary matcher acknowledges an order and dies before the backup received its log entry, so the fill is lost on failover.",
    role: "truth",
    prevention: "Acknowledge an order only after its log entry is durable locally and replicated to the backup.",
    repair:
      "The promoted backup replays the log to its last replicated entry; clients resend unacknowledged orders under their client order ids.",
    topic: "order-book",
  },
  {
    failure: "A client resends an order after a timeout and it is entered twice, doubling the position.",
    role: "truth",
    prevention:
      "Keep every client order id of the trading session and answer a resend with the existing order's state.",
    repair:
      "Cancel the duplicate resting order; a duplicate that already traded is busted with both parties by the venue's rules.",
    topic: "order-book",
  },
  {
    failure: "A deposed primary keeps matching after the backup took over, and two books for one symbol disagree.",
    role: "coordination",
    prevention:
      "Promote with a higher epoch held in a consensus group, and make the log and the gateways refuse entries from an older epoch.",
    repair: "Discard the older epoch's unreplicated entries; their orders were never acknowledged and are resent.",
    topic: "order-book",
  },
  {
    failure:
      "The matcher's behaviour depends on something other than the log (wall clock, thread timing, a random seed), so replay builds a different book.",
    role: "truth",
    prevention:
      "Stamp time into each log entry when it is sequenced, and keep matching single-threaded and deterministic over the log alone.",
    repair:
      "Rebuild the book from the last snapshot by replaying the log, and compare executions with what was published.",
    topic: "order-book",
  },
  {
    failure: "A burst on one hot symbol fills its matcher's input queue and delays every order of that symbol.",
    role: "coordination",
    prevention:
      "Give the hottest symbols their own matcher, throttle each session's order rate at the gateway, and reject rather than queue past a bound.",
    repair: "Shed new orders of the overloaded symbol with a busy reject, or halt its trading until the queue drains.",
    topic: "order-book",
  },
  {
    failure: "A market-data subscriber misses messages and shows a stale or crossed book.",
    role: "derived",
    prevention: "Number every market-data message by the log sequence so a gap is seen before it is applied.",
    repair: "Fetch the missing range from the replay service, or load a fresh book image and resume from its sequence.",
    topic: "order-book",
  },
] as const;

export const ORDER_BOOK_BOTTLENECKS = [
  {
    bottleneck: "The hottest symbol's matcher: every order of one symbol goes through one single-threaded sequencer.",
    mitigation:
      "Keep the matcher in memory with no locks or database on its path, give hot symbols a matcher each, and throttle sessions at the gateway.",
    topic: "order-book",
  },
  {
    bottleneck: "Log replication before acknowledgement adds a network round trip to every order.",
    mitigation: "Batch log entries per replication write, and keep the backup in the same data centre on a fast link.",
    topic: "order-book",
  },
  {
    bottleneck: "Market-data fan-out: every book change and trade goes to every subscriber.",
    mitigation:
      "Publish over multicast or a fan-out tier that sends per-symbol channels, with snapshots and replay for gaps.",
    topic: "order-book",
  },
] as const;

/** The order book's capacity model: orders per symbol, the log, executions and market data. */
export const ORDER_BOOK_CAPACITY: CapacityModel = {
  inputs: [
    inp("symbols", 10000, "an equities venue lists on the order of ten thousand instruments"),
    {
      quantity: "hot_symbol_share",
      label: "share of all orders on the busiest symbol",
      unit: "fraction",
      typical: 0.05,
      why: "order flow is skewed: a handful of the most traded instruments each draw several percent of all orders (a planning figure)",
    },
    {
      quantity: "executions_per_order",
      label: "executions per order entered",
      unit: "executions",
      typical: 0.1,
      why: "most orders rest or are cancelled without trading, so venues see many orders per trade (a planning figure)",
    },
    inp("message_bytes", 100, "one order log entry is a compact binary record of about a hundred bytes"),
    inp(
      "subscribers",
      1000,
      "a venue's market-data feed reaches on the order of a thousand subscribing firms and systems",
    ),
    {
      quantity: "writes_per_sec",
      from: [{ expression: "messages_per_sec", why: "each stated order, cancel or replace is one log entry" }],
    },
  ],
  figures: [
    fig("peak_orders_per_sec", "peak orders entered", "peak", "writes_per_sec * peak_factor", "orders/s"),
    fig(
      "hot_symbol_orders",
      "orders through the hottest symbol's matcher",
      "hotspot",
      "peak_orders_per_sec * hot_symbol_share",
      "orders/s",
    ),
    fig(
      "executions_per_sec",
      "executions at peak",
      "rate",
      "peak_orders_per_sec * executions_per_order",
      "executions/s",
    ),
    fig(
      "market_data_msgs_per_sec",
      "market-data messages at peak (book changes and trades)",
      "rate",
      "peak_orders_per_sec + executions_per_sec",
      "msgs/s",
    ),
    fig(
      "market_data_deliveries",
      "market-data messages delivered to subscribers",
      "fan-out",
      "market_data_msgs_per_sec * subscribers",
      "msgs/s",
    ),
    fig(
      "replication_bandwidth",
      "order log replicated to the backup at peak",
      "bandwidth",
      "peak_orders_per_sec * message_bytes",
      "B/s",
    ),
    fig("order_log_growth", "order log written per day", "growth", "writes_per_sec * message_bytes * 86400", "B/day"),
  ],
};

/** The order book's decision: where the matcher's durability comes from. */
export const ORDER_BOOK_DECISIONS: DecisionPoint[] = [
  {
    id: "i13-book-durability",
    topic: "order-book",
    question:
      "Keep the book durable by a replicated order log replayed into memory, or by a database commit per order?",
    options: [
      {
        id: "replicated-log",
        name: "a sequenced order log replicated to a hot backup, replayed into an in-memory book",
        buys: "one sequential append per order, no database on the matching path, and a backup that rebuilds the same book by replay",
        costs:
          "matching must be fully deterministic over the log; snapshots and replay tooling are needed to bound recovery",
        winsWhen: "orders per second exceed what one database primary commits",
        implies: { addMechanisms: ["op-sequencer", "subject-snapshot"] },
      },
      {
        id: "db-commit",
        name: "a database transaction per order that updates the book's rows",
        buys: "familiar tooling and queries over the book's state",
        costs: "every order waits for a commit, and one symbol's rows serialise behind row locks",
        winsWhen: "a venue handles a few hundred orders per second and latency is not a concern",
      },
    ],
    rules: [
      {
        when: [{ number: "writes_per_sec", atLeast: 1000 }],
        option: "replicated-log",
        because: "the order rate is past what a commit per order sustains with low latency",
      },
    ],
    fallback: {
      option: "replicated-log",
      because: "a matcher must answer in microseconds to milliseconds, which a database commit per order does not",
    },
  },
];

export const ORDER_BOOK_COMPONENTS: ComponentSpec[] = [
  {
    id: "traders",
    name: "Trading clients (order entry sessions)",
    kind: "client",
    runs: ["send orders", "cancel and replace", "receive execution reports"],
    because: "brokers and trading firms keep sessions open and name every order by their own client order id",
    topic: "order-book",
  },
  {
    id: "order-gateway",
    name: "Order-entry gateway (sessions, throttles, pre-trade risk)",
    kind: "gateway",
    holds: ["RiskLimit"],
    runs: ["validate", "check risk limits", "throttle sessions", "route by symbol"],
    because:
      "every order is checked against its account's limits before it can reach a book, and routed to its symbol's matcher",
    topic: "order-book",
  },
  {
    id: "matcher",
    name: "Symbol matcher (one sequencer per symbol, in-memory book)",
    kind: "service",
    holds: ["OrderBook", "Order"],
    runs: ["sequence", "match by price-time priority", "cancel and replace", "emit executions"],
    because: "one single-threaded owner per symbol gives one order of inputs and a deterministic book with no locks",
    topic: "order-book",
  },
  {
    id: "order-log",
    name: "Order log (sequenced input journal per symbol)",
    kind: "log",
    holds: ["OrderLogEntry"],
    runs: ["append", "replicate", "replay from a sequence"],
    because: "an order is acknowledged only once its entry is durable and replicated; replay rebuilds the book",
    topic: "order-book",
  },
  {
    id: "backup-matcher",
    name: "Backup matcher (applies the same log, hot standby)",
    kind: "replica-group",
    runs: ["apply replicated entries", "take over with a new epoch"],
    because:
      "the backup rebuilds the identical book from the same sequenced log, so failover loses no acknowledged order",
    topic: "order-book",
  },
  {
    id: "symbol-ownership",
    name: "Symbol ownership (consensus, epoch per symbol)",
    kind: "replica-group",
    holds: ["SymbolLease"],
    runs: ["grant a symbol to one matcher with an epoch"],
    because: "a promoted backup gets a higher epoch, and entries from the deposed primary are refused",
    topic: "order-book",
  },
  {
    id: "execution-log",
    name: "Execution and market-data publisher",
    kind: "log",
    holds: ["Execution"],
    runs: ["publish trades and book changes in sequence", "replay gaps"],
    because: "the matcher's output is published after the match, so subscribers never slow the matching thread",
    topic: "order-book",
  },
  {
    id: "clearing",
    name: "Clearing and drop copy",
    kind: "external",
    runs: ["receive executions for settlement"],
    because: "every execution is handed on for clearing and to the firms' drop-copy sessions",
    topic: "order-book",
  },
];

export const ORDER_BOOK_LINKS: LinkSpec[] = [
  { from: "traders", to: "order-gateway", kind: "request", label: "orders, cancels, replaces", topic: "order-book" },
  { from: "order-gateway", to: "matcher", kind: "request", label: "route by symbol", topic: "order-book" },
  { from: "matcher", to: "order-log", kind: "replication", label: "append entry (durable)", topic: "order-book" },
  { from: "order-log", to: "backup-matcher", kind: "replication", label: "replicate before ack", topic: "order-book" },
  { from: "matcher", to: "symbol-ownership", kind: "control", label: "symbol ownership (epoch)", topic: "order-book" },
  {
    from: "backup-matcher",
    to: "symbol-ownership",
    kind: "control",
    label: "claim the symbol on failover (epoch)",
    topic: "order-book",
  },
  { from: "matcher", to: "execution-log", kind: "stream", label: "executions and book changes", topic: "order-book" },
  {
    from: "execution-log",
    to: "traders",
    kind: "stream",
    label: "execution reports, market data",
    topic: "order-book",
  },
  { from: "execution-log", to: "clearing", kind: "stream", label: "trades for clearing", topic: "order-book" },
];

export const ORDER_BOOK_API: ApiSpec[] = [
  {
    operation: "new order",
    call: "POST /v1/orders (FIX NewOrderSingle)",
    request: ["account", "cl_ord_id", "symbol", "side", "price", "quantity", "time_in_force"],
    response: ["order_id", "seq", "status", "executions"],
    errors: ["rejected: risk limit", "rejected: outside price band", "busy: symbol throttled"],
    guarantee: "a cl_ord_id is entered once per session; a resend returns the existing order's state",
    topic: "order-book",
  },
  {
    operation: "cancel",
    call: "DELETE /v1/orders/{orig_cl_ord_id} (FIX OrderCancelRequest)",
    request: ["orig_cl_ord_id", "cl_ord_id"],
    response: ["status", "cancelled quantity"],
    errors: ["too late to cancel (already filled)", "unknown order"],
    guarantee: "sequenced in the symbol's log like any order, so it takes effect only on what is still open",
    topic: "order-book",
  },
  {
    operation: "replace",
    call: "PUT /v1/orders/{orig_cl_ord_id} (FIX OrderCancelReplaceRequest)",
    request: ["orig_cl_ord_id", "cl_ord_id", "price", "quantity"],
    response: ["status", "seq"],
    errors: ["too late to replace", "rejected: risk limit"],
    guarantee: "a new price or a larger quantity loses time priority; a smaller quantity keeps it",
    topic: "order-book",
  },
  {
    operation: "market data",
    call: "subscribe market data (multicast or WebSocket per symbol)",
    request: ["symbol", "since_seq"],
    response: ["book changes and trades with seq"],
    errors: ["gap: request replay or a book image"],
    guarantee: "messages in log-sequence order; a gap is visible by its sequence number",
    topic: "order-book",
  },
];

export const ORDER_BOOK_DATA: DataSpec[] = [
  {
    entity: "OrderLogEntry",
    key: ["symbol", "seq"],
    fields: ["epoch", "kind", "account", "cl_ord_id", "side", "price", "quantity", "sequenced_at"],
    indexes: [],
    partitionKey: "symbol",
    owner: "order-log",
    topic: "order-book",
  },
  {
    entity: "Order",
    key: ["symbol", "order_id"],
    fields: ["account", "cl_ord_id", "side", "price", "quantity", "open_quantity", "state", "seq"],
    indexes: ["(account, session, cl_ord_id) unique"],
    partitionKey: "symbol",
    owner: "matcher",
    topic: "order-book",
  },
  {
    entity: "OrderBook",
    key: ["symbol"],
    fields: ["bids by price (FIFO per level)", "asks by price (FIFO per level)", "seq"],
    indexes: [],
    partitionKey: "symbol",
    owner: "matcher",
    topic: "order-book",
  },
  {
    entity: "Execution",
    key: ["symbol", "execution_id"],
    fields: ["price", "quantity", "buy_order_id", "sell_order_id", "seq"],
    indexes: ["seq"],
    partitionKey: "symbol",
    owner: "execution-log",
    topic: "order-book",
  },
  {
    entity: "RiskLimit",
    key: ["account"],
    fields: ["credit_limit", "exposure", "max_order_size", "price_band"],
    indexes: [],
    owner: "order-gateway",
    topic: "order-book",
  },
  {
    entity: "SymbolLease",
    key: ["symbol"],
    fields: ["matcher_node", "epoch", "expires_at"],
    indexes: ["expires_at"],
    owner: "symbol-ownership",
    topic: "order-book",
  },
];

export const ORDER_BOOK_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Enter and match an order",
    notation:
      "traders>order-gateway[new order with client order id] -> order-gateway[check risk limits {RiskLimit.exposure + order value <= RiskLimit.credit_limit}] -> order-gateway>matcher[route to the symbol's matcher] -> matcher>order-log[append entry {epoch = SymbolLease.epoch and seq = OrderBook.seq + 1 and client order id not yet entered}] -> order-log>backup-matcher[replicate entry] -> backup-matcher>order-log[replicated] -> order-log>matcher[durable at seq] -> matcher>execution-log[match by price-time priority, emit executions] -> execution-log>traders[execution reports] |-> matcher>order-gateway[existing order state {client order id already entered}] => done | retry",
    topic: "order-book",
  },
  {
    name: "Cancel or replace",
    notation:
      "traders>order-gateway[cancel or replace by original client order id] -> order-gateway>matcher[route to the symbol's matcher] -> matcher>order-log[append entry {Order.open_quantity > 0}] -> order-log>matcher[durable at seq] -> matcher>execution-log[cancelled or replaced, priority kept only for a smaller quantity] -> execution-log>traders[execution report] |-> matcher>order-gateway[too late {Order.open_quantity = 0}] => done | retry",
    topic: "order-book",
  },
  {
    name: "Fail over to the backup matcher",
    notation:
      "backup-matcher>symbol-ownership[claim symbol {SymbolLease.expires_at < now}] -> symbol-ownership>backup-matcher[new epoch] -> backup-matcher>order-log[apply every replicated entry, fence the older epoch] -> backup-matcher>order-gateway[resume matching the symbol] => reclaim | done",
    topic: "order-book",
  },
];

/**
 * Products for an order book, checked: Aeron Cluster (aeron-io/aeron wiki, "Cluster Tutorial"): Raft log replication
 * with an elected leader for in-memory services that rebuild their state from the log, linearizable while a majority
 * is up. LMAX Disruptor (Fowler, "The LMAX Architecture"): lock-free ring buffers between the journalling,
 * replicating input stage, the single-threaded business logic and the output stage.
 */
type TechnologyInput = z.input<typeof Technology>;

export const ORDER_BOOK_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Aeron Cluster",
    layer: "storage",
    fits: "A Raft-replicated input log for in-memory services: each matcher is a deterministic service that rebuilds its book from the log and snapshots, with an elected leader per cluster.",
    suits: ["ordering", "durable", "low-latency", "linearizable"],
    poorFor: ["multi-region", "operational-simplicity"],
    caveat:
      "Every node must apply the log deterministically; a cluster waits for a majority on each append, so keep its nodes on a fast local network.",
    topic: "order-book",
  },
  {
    product: "LMAX Disruptor",
    layer: "coordination",
    fits: "Lock-free ring buffers that feed one matching thread per symbol group from a journalling, replicating input stage and drain its output to publishers.",
    suits: ["ordering", "low-latency", "high-throughput"],
    poorFor: ["multi-region", "stay-available"],
    caveat:
      "It passes events between threads in one process; durability and replication come from the journal stage around it.",
    topic: "order-book",
  },
  {
    product: "Aeron multicast market data",
    layer: "serving",
    fits: "Reliable UDP multicast streams that carry per-symbol book changes and trades, numbered so receivers see gaps, with replay from a recording.",
    suits: ["low-latency", "high-throughput", "ordering"],
    poorFor: ["multi-region", "operational-simplicity"],
    caveat: "Multicast needs a network that carries it; remote subscribers get a unicast or WebSocket relay instead.",
    topic: "order-book",
  },
];
