import type { CapacityFigureSpec, CapacityInputSpec, CapacityModel } from "../capacity/types.js";
import { DISTINCT_ITEM_WORDS } from "../goods.js";
import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { STOCK_PROTOCOLS } from "./protocols.js";

/** Conditional writes one stock row takes a second: the ceiling every sizing of a hot row is read against. */
const HOT_ROW_WRITES: CapacityInputSpec = {
  quantity: "hot_row_writes_per_sec",
  label: "conditional writes one stock row takes a second",
  unit: "writes/s",
  typical: 1000,
  why: "one row's updates are serialised: a relational row lock held for about a millisecond per commit allows about a thousand a second, and DynamoDB caps one partition at 1,000 write units a second (a planning figure; measure it)",
};

/**
 * Steady demand: stock kept per place (a store, a warehouse) and taken by holds as shoppers fill carts. Sized from the
 * places and the items each stocks, the holds the order rate makes, the holds open at once over the hold window
 * (Little's law) and the busiest (place, item) row against what one row takes.
 */
const STEADY_INPUTS: CapacityInputSpec[] = [
  {
    quantity: "stock_locations",
    label: "places that each keep their own count of every item (stores, warehouses)",
    unit: "places",
    typical: 500,
    why: "a retail or grocery chain's stores or fulfilment sites, each with its own shelves (a planning figure)",
    from: [
      { expression: "merchants", why: "each of the stated stores keeps its own count of every item it sells" },
      { expression: "sites", why: "each of the stated sites keeps its own count of every item it holds" },
    ],
  },
  // FMI, "Supermarket Facts": the average supermarket carried about 39,000 items (2010-12 figures)
  inp("items_per_location", 40000, "items a supermarket stocks: FMI counts about 39,000 on average"),
  inp("orders_per_day", 1e6, "orders a day across every place at a large retailer or delivery platform"),
  inp("reservations_per_order", 10, "a cart holds about ten lines, each one hold on its (place, item) row"),
  inp("writes_per_reservation", 2, "a hold, then a confirm or a release, each a conditional write on the stock row"),
  inp("hold_seconds", 600, "a checkout window of about ten minutes to pay for reserved units"),
  inp(
    "hot_item_share",
    0.02,
    "a place's best seller (milk, bread, bananas) takes a couple of percent of its cart adds (a planning figure)",
  ),
];

const STEADY_FIGURES: CapacityFigureSpec[] = [
  fig("stock_rows", "stock rows, one per (place, item)", "count", "stock_locations * items_per_location", "rows"),
  fig(
    "reservations_per_sec",
    "holds (cart adds) a second at peak",
    "peak",
    "orders_per_day * reservations_per_order / 86400 * peak_factor",
    "holds/s",
  ),
  fig(
    "stock_row_writes_per_sec",
    "conditional writes on stock rows a second at peak",
    "rate",
    "reservations_per_sec * writes_per_reservation",
    "writes/s",
  ),
  fig(
    "active_reservations",
    "holds open at once, each kept for its whole hold window (Little's law)",
    "count",
    "reservations_per_sec * hold_seconds",
    "holds",
  ),
  fig(
    "hottest_row_writes_per_sec",
    "conditional writes a second on the busiest (place, item) row, the holds spread evenly over the places",
    "hotspot",
    "stock_row_writes_per_sec / stock_locations * hot_item_share",
    "writes/s",
  ),
];

/** A crowd at a sale's opening (topic "on-sale"): the burst of buy attempts, the stock buckets and the waiting room. */
const ON_SALE_STOCK: CapacityModel = {
  inputs: [
    inp("buyers_at_onsale", 1e6, "shoppers who arrive when a popular sale opens"),
    {
      quantity: "units_for_sale",
      label: "units of the item put on sale",
      unit: "units",
      typical: 10000,
      why: "a limited drop or flash-sale lot of some thousands of units (a planning figure; the sale sets it)",
    },
    inp("buy_attempts_per_buyer", 3, "shoppers press buy again and refresh when the page does not answer at once"),
    {
      quantity: "onsale_seconds",
      label: "sale's opening window",
      unit: "s",
      typical: 10,
      why: "a flash sale's shoppers are waiting on the page and press buy within seconds of the start, so the burst is sized over about ten seconds, not spread over the day",
    },
    HOT_ROW_WRITES,
    {
      quantity: "units_per_bucket",
      label: "units each stock bucket holds",
      unit: "units",
      typical: 100,
      why: "buckets of about a hundred units spread the burst over many rows while keeping each bucket worth a shopper's retry when another empties (a planning figure)",
    },
    inp("hold_seconds", 600, "a checkout window of about ten minutes to pay for reserved units"),
  ],
  figures: [
    fig(
      "buy_attempts_per_sec",
      "buy attempts a second in the opening burst",
      "peak",
      "buyers_at_onsale * buy_attempts_per_buyer / onsale_seconds",
      "writes/s",
    ),
    fig(
      "buyers_per_unit",
      "shoppers competing for each unit",
      "hotspot",
      "buyers_at_onsale / units_for_sale",
      "buyers",
    ),
    fig(
      "stock_buckets",
      "stock buckets the units are divided into",
      "count",
      "units_for_sale / units_per_bucket",
      "rows",
    ),
    fig(
      "stock_writes_per_sec",
      "conditional decrements a second the stock buckets take together",
      "rate",
      "stock_buckets * hot_row_writes_per_sec",
      "writes/s",
    ),
    fig(
      "attempts_per_stock_write",
      "buy attempts in the burst for each decrement the buckets can take, to be held in the waiting room or answered from the sold-out flag",
      "fan-out",
      "buy_attempts_per_sec / stock_writes_per_sec",
      "attempts",
    ),
    fig(
      "expiries_per_sec",
      "reservation expiries a second if every reservation lapses",
      "rate",
      "units_for_sale / hold_seconds",
      "writes/s",
    ),
  ],
};

/**
 * Counted stock: a store's or warehouse's inventory that must never oversell, a flash sale or limited drop sold in a
 * burst (topic "on-sale", which alone brings the waiting room, the stock buckets and the burst's sizing). The units are
 * interchangeable, so the authority is a count per item (and per stock bucket) in the system of record, taken by a
 * conditional decrement; a shopper's claim is a reservation with an expiry that a payment confirms or the sweeper
 * returns. A waiting room in front only meters the burst: it is never what keeps the count at or above zero.
 */
export const STOCK: FeatureEntry = {
  id: "stock",
  name: "Stock reserved by count",
  summary:
    "Shoppers take interchangeable units of an item from a count kept per place (a store's shelf) or per sale (a flash sale's lot). Each item's stock is a count in the system of record; a purchase first reserves units by one conditional decrement (only while the count stays at or above zero) and inserts a reservation with an expiry in the same transaction, then the payment confirms it, or the sweeper gives the units back. Where a sale opens to a crowd, a waiting room in front admits the burst at the rate the stock rows take writes; it supports the count and never decides a sale.",
  supersedes: [
    {
      id: "checkout",
      because:
        "its confirm charges the shopper once, keyed by the reservation, so a checkout beside it would charge the same purchase a second time",
    },
    {
      // counted goods (a store's stock of an item) are taken from a count, not held one by one: the seat-style hold
      // beside the reservation would be a second writer of the same goods and a second charge
      id: "booking",
      because:
        "the goods are counted units of an item, so a reservation takes them from the item's count at the stock store; a hold on each item as if it were a seat would be a second authority over the same stock, charging the same purchase again",
      unless: DISTINCT_ITEM_WORDS,
    },
  ],
  signals: [
    "stock reservation",
    "stock reservations",
    "reserve stock",
    "reserves stock",
    "reserve inventory",
    "stock level",
    "stock levels",
    "flash sale",
    "flash sales",
    "limited drop",
    "sneaker drop",
    "product drop",
    "limited stock",
    "limited inventory",
    "limited edition",
    "inventory service",
    "inventory system",
    "inventory management",
    "stock never negative",
    "never oversell",
    "oversell",
    "oversold",
    "sell out",
  ],
  terms: { item: "item", sale: "sale", order: "order" },
  promptNouns: {
    item: ["sneaker", "console", "phone", "jacket", "product", "item"],
  },
  actions: [
    {
      action: "see how many {items} are left in the {sale}",
      shape: "read projection",
      entity: "StockView",
      critical: false,
      substrate: "I06",
    },
    {
      action: "reserve units of an {item} for a few minutes",
      shape: "state transition",
      entity: "Stock",
      critical: true,
      substrate: "I16",
      mechanism: "guarded-transition",
    },
    {
      action: "confirm the {order} by paying for the reserved units",
      shape: "state transition",
      entity: "{Order}",
      critical: true,
      substrate: "I12",
      mechanism: "idempotency-key",
    },
    {
      action: "return the units of reservations left unpaid past their expiry",
      shape: "async process",
      entity: "Reservation",
      critical: true,
      hidden: true,
      substrate: "I16",
      mechanism: "expiry-sweeper",
    },
    {
      action: "load the units of an {item} into the {sale}",
      shape: "overwrite current value",
      entity: "Stock",
      critical: false,
      substrate: "I16",
    },
  ],
  entities: [
    {
      name: "Stock",
      topic: "on-sale",
      description:
        "(sale, item, bucket) -> available, reserved, sold, version: the authority on how many units are left",
    },
    {
      name: "Stock",
      unlessTopic: "on-sale",
      description: "(place, item) -> available, reserved, sold, version: the authority on how many units are left",
    },
    {
      name: "Reservation",
      description: "a shopper's units set aside until expires_at: quantity, state (reserved, confirmed, expired)",
    },
    {
      // one reservation per shopper is a flash sale's rule; a shopper filling a cart holds as many items as they like
      topic: "on-sale",
      name: "ShopperClaim",
      description:
        "(sale, shopper) -> reservation, state, claimed_at: the one claim a shopper holds in a sale, written before any bucket is touched, since a bucket's transaction cannot see the other buckets' reservations",
    },
    { name: "{Order}", description: "the paid purchase made from one reservation: shopper, units, payment, state" },
    { name: "StockView", description: "the derived remaining count and sold-out flag shown to shoppers" },
  ],
  nfrs: [
    "no {item}'s stock ever goes below zero (linearizable per stock row, fail closed)",
    "a reservation lapses on its own if the shopper walks away, and its units go back on sale once",
    "the remaining count shown may be a second stale; the decrement at the stock store decides",
  ],
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "a unit sold past zero is a sale the business cannot fill, so a stock row that cannot be reached refuses sales rather than guess",
  },
  realizes: [
    {
      id: "I16",
      entity: "Stock",
      demand: "no {item}'s stock ever goes below zero",
      why: "the count is a row in the stock store that a reservation decrements only while it stays at or above zero, in the same transaction that inserts the reservation; the rule is that row's guarded update, so no separate counter service is drawn",
      instead: "counter service",
      unless: String.raw`\b(?:key[- ]value stores?|kv stores?|storage engines?|databases? engines?)\b`,
    },
    {
      id: "I02",
      entity: "Stock",
      demand: "no unit of an {item} is ever sold twice",
      why: "units are interchangeable, so selling one twice is the count going below zero; the conditional decrement on the stock row keeps it, and a reservation's expiry is a deadline column the sweeper enforces, so no lease service is drawn",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
  ],
  // a unit claimed twice is the count below zero: the decrement on the stock row keeps it, so a lease service
  // recognised beside the sale ("never oversells") is not drawn
  carries: [
    {
      id: "I02",
      why: "a unit is claimed by the conditional decrement on its stock row and released by the reservation's expiry, so no lease is drawn",
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each stock row is a count in the system of record changed only by conditional decrements",
    },
    {
      id: "I12",
      role: "output",
      why: "payment is an external side effect run after the units are reserved",
      party: "payment-provider",
    },
    {
      id: "I08",
      role: "decorator",
      why: "a sale that draws far more shoppers than units admits them through a waiting room; it meters the load in front of the stock rows and never decides a sale",
      topic: "on-sale",
    },
    { id: "I06", role: "output", why: "the remaining count shoppers see is a projection of the stock rows" },
  ],
  // the burst lands where the decrement does: one item's stock row, or each of its buckets
  hotspot: {
    topic: "on-sale",
    figure: "buy_attempts_per_sec",
    bottleneck:
      "The sale's stock row: every buy attempt is a conditional decrement of one {item}'s count, and one row (one partition) takes about a thousand such writes a second, far below the opening burst",
    mitigation:
      "admit shoppers through the waiting room at the rate the stock buckets take writes, divide the {item}'s units ahead of time into buckets each decremented only while its own count stays at or above zero, and answer everyone else from the sold-out flag once every bucket is empty, without touching the stock store",
  },
  // steady demand: holds spread over every (place, item) row, and the busiest row is a staple at a busy place
  otherHotspots: [
    {
      unlessTopic: "on-sale",
      figure: "hottest_row_writes_per_sec",
      bottleneck:
        "The busiest stock row: every hold, confirm and release is a conditional write on one (place, {item}) row, so a staple at a busy place takes the most writes, all serialised on that row",
      mitigation:
        "partition the stock rows by place and {item} so writes spread, keep each hold one single-row conditional update in the transaction that inserts the reservation, and let the sweeper return expired units in small batches",
    },
  ],
  capacity: {
    // steady demand (a store's stock taken by cart adds, an inventory that never oversells): the holds the order rate
    // makes, the ones open at once over the hold window, and the busiest (place, item) row; a crowd at a sale's
    // opening (topic "on-sale") sizes the burst instead
    inputs: STEADY_INPUTS,
    figures: STEADY_FIGURES,
    topics: { "on-sale": ON_SALE_STOCK },
  },
  decisions: [
    {
      id: "stock-layout",
      question:
        "Decrement one stock row per item, divide its units into buckets ahead of time, or queue every purchase through one ordered consumer?",
      options: [
        {
          id: "one-row",
          name: "one stock row per item, taken by a conditional decrement",
          buys: "the simplest rule: one row, one condition, an exact count at every moment",
          costs: "every attempt for the item lands on one row and one partition, about a thousand writes a second",
          winsWhen: "attempts stay within what one row takes (ordinary sales, steady demand)",
        },
        {
          id: "buckets",
          name: "the item's units divided ahead of time into stock buckets, each decremented only while its own count stays at or above zero",
          buys: "the burst spreads over many rows and partitions, and no bucket can go below zero, so neither can the total",
          costs:
            "a shopper whose bucket is empty retries another; the last units are scattered, so sold out is known only when every bucket is empty",
          winsWhen: "the opening burst (or the busiest row's steady writes) is more than one row takes",
          wins: [
            {
              any: [
                { number: "buy_attempts_per_sec", atLeast: 2000 },
                { number: "hottest_row_writes_per_sec", atLeast: 1000 },
              ],
            },
          ],
        },
        {
          id: "queue",
          name: "every purchase appended to a log and granted in order by one consumer per item",
          buys: "strict first-come order and no write contention at all",
          costs:
            "shoppers wait for an answer from an asynchronous queue, and the consumer is one more part that must fail over without losing its place",
          winsWhen: "fairness by arrival order matters more than an immediate answer",
          // the prompt states arrival order
          wins: [
            {
              words: String.raw`\bfirst[- ]come,? first[- ]served\b|\bin (?:the )?order (?:they|customers|shoppers|buyers|people|users) (?:arrive|arrived|clicked|joined|came)\b|\barrival order\b|\border of arrival\b`,
            },
          ],
        },
      ],
      rules: [
        {
          when: [{ number: "buy_attempts_per_sec", atLeast: 2000 }],
          option: "buckets",
          because: "the opening burst is several times what one row takes, so the units are spread over buckets",
        },
        {
          when: [{ number: "hottest_row_writes_per_sec", atLeast: 1000 }],
          option: "buckets",
          because:
            "the busiest row's steady writes already pass what one row takes, so its units are spread over buckets",
        },
        {
          when: [{ number: "hottest_row_writes_per_sec", below: 1000 }],
          option: "one-row",
          because:
            "the busiest (place, item) row takes far fewer than the thousand or so conditional writes a second one row takes, so each count stays one row",
        },
      ],
      fallback: { option: "one-row", because: "the attempts fit within what one row takes" },
    },
    {
      id: "stock-confirmation",
      question: "Reserve units before the shopper pays, or take the payment first and allocate a unit after?",
      options: [
        {
          id: "reserve-then-pay",
          name: "reserve units with an expiry, then pay; an unpaid reservation returns its units",
          buys: "a shopper who is paying is sure of the unit; no one is charged for stock that is gone",
          costs: "abandoned reservations keep units off sale until they expire",
          winsWhen: "many shoppers compete for few units, or the prompt holds units while the shopper pays",
        },
        {
          id: "pay-then-allocate",
          name: "authorise the payment first, then decrement and capture",
          buys: "no units held by abandoned checkouts",
          costs:
            "most shoppers in a hot sale authorise a card and then lose the race; every authorisation must be voided",
          winsWhen: "units are plentiful next to shoppers",
          wins: [{ number: "buyers_per_unit", below: 1 }],
        },
      ],
      rules: [
        {
          when: [{ stated: "hold_seconds" }],
          option: "reserve-then-pay",
          because: "the prompt holds the reserved units for a stated window while the shopper pays",
        },
        {
          when: [{ number: "buyers_per_unit", below: 1 }],
          option: "pay-then-allocate",
          because: "there are more units than shoppers, so a paid shopper almost always gets one",
        },
      ],
      fallback: {
        option: "reserve-then-pay",
        because: "the unit is set aside before anyone is charged, so no shopper pays for stock that is already gone",
      },
    },
    {
      id: "stock-admission",
      // only a crowd arriving at a sale's opening asks it; steady demand has no waiting room to weigh
      topic: "on-sale",
      question: "Let every shopper reach the stock store at once, or admit them through a waiting room?",
      options: [
        {
          id: "waiting-room",
          name: "virtual waiting room that admits shoppers at the rate the stock buckets take writes",
          buys: "the stock store sees a steady load; shoppers get a fair place in line and an honest wait",
          costs: "a queue to build, and a page that tells shoppers where they stand",
          winsWhen: "the burst is far more attempts than the stock rows can take",
          wins: [{ number: "attempts_per_stock_write", atLeast: 2 }],
        },
        {
          id: "open",
          name: "open access, with each shopper's request rate capped",
          buys: "no extra moving part",
          costs: "a hot sale becomes a storm of refused decrements and retries on the same rows",
          winsWhen: "demand is steady",
        },
      ],
      rules: [
        {
          when: [{ number: "attempts_per_stock_write", atLeast: 2 }],
          option: "waiting-room",
          because: "the burst brings more attempts than the stock buckets take writes",
        },
      ],
      fallback: { option: "open", because: "the stock buckets take the attempts as they come" },
    },
  ],
  invariants: [
    {
      action: "reserve units of an {item} for a few minutes",
      statement:
        "A stock row's available count never goes below zero: a reservation decrements it in one conditional update at the stock store (only while available is at least the quantity asked for), so the check and the write are one step; a count read from a cache, a waiting room or a limiter never decides a sale.",
    },
    {
      topic: "on-sale",
      action: "reserve units of an {item} for a few minutes",
      statement:
        "A shopper reserves at most once per {sale}: the shopper's claim on (sale, shopper) is written first, put-if-absent in its own partition, and only then is a stock bucket decremented and the reservation inserted in that bucket's own transaction. The buckets sit in different partitions, so no bucket's transaction can see another's reservations; a decrement that fails (the bucket is empty) releases the claim as its compensation, so a retry on another bucket finds the claim and never reserves twice, and a retried request with the same request id returns the first reservation.",
    },
    {
      action: "confirm the {order} by paying for the reserved units",
      statement:
        "An {order} is placed only from a live reservation, checked by its id and expiry in the same write that moves its units from reserved to sold; the charge carries the reservation id as its idempotency key, so a shopper pays at most once for it.",
    },
    {
      action: "return the units of reservations left unpaid past their expiry",
      statement:
        "An expired reservation returns its units once: the release moves it from reserved to expired and adds its quantity back in one transaction, and a payment that lands after the expiry is refunded instead of placing the {order}.",
    },
  ],
  failures: [
    {
      failure: "Two shoppers both see one unit left and both try to take it",
      prevention:
        "the reservation is a conditional decrement at the stock store that succeeds only while available stays at or above zero",
      repair:
        "the second decrement fails its condition; that shopper is told the {item} sold out or offered another bucket",
      role: "truth",
    },
    {
      topic: "on-sale",
      failure:
        "The waiting room or a request limiter loses its state or lets too many shoppers through during the burst",
      prevention:
        "admission only meters load; every sale is still decided by the conditional decrement at the stock store",
      repair: "excess shoppers meet refused decrements or the sold-out flag; no unit is oversold",
      role: "coordination",
    },
    {
      failure: "The stock store loses a node in the middle of the sale",
      prevention:
        "a decrement is acknowledged only once a second copy holds it durably (synchronous replication), so the copy that takes over has every reservation",
      repair: "shoppers retry with the same request id and get back the reservation they already hold",
      role: "truth",
    },
    {
      failure: "The payment succeeds after the reservation expired and its units went to someone else",
      prevention:
        "placing the {order} checks the reservation's state and expiry in the same write; the card is only authorised until that write succeeds",
      repair:
        "void the authorisation (or refund) and tell the shopper; never place an {order} without a live reservation",
      role: "external effect",
    },
    {
      topic: "on-sale",
      failure: "The sale service crashes after writing a shopper's claim and before any bucket is decremented",
      prevention:
        "the claim is written as claiming with its time; the sweeper releases a claim still claiming, with no reservation, a short while after it was written",
      repair: "the shopper's retry with the same request id claims again and reserves once",
      role: "coordination",
    },
    {
      failure: "The reservation sweeper stalls and expired reservations keep units off sale",
      prevention: "alert on the age of the oldest expired reservation still marked reserved",
      repair:
        "restart the sweeper; releasing an already expired reservation changes nothing, since the release is guarded by its state",
      role: "coordination",
    },
    {
      topic: "on-sale",
      failure: "One bucket empties while others still hold units, and its shoppers are told the {item} sold out",
      prevention:
        "a shopper whose bucket is empty tries another bucket with units; sold out is set only once every bucket is empty",
      repair: "move leftover units between buckets in one transaction near the end of the sale",
      role: "coordination",
    },
  ],
  technology: [
    // PostgreSQL docs, "Transaction Isolation": under Read Committed an UPDATE that meets a row another transaction is
    // changing waits for it, then re-evaluates its WHERE clause on the new row version.
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "stock rows per ({sale}, {item}, bucket) changed by one conditional UPDATE that subtracts n from available only while available ≥ n, in the transaction that inserts the reservation; a concurrent update of the same row waits for the first to commit and re-checks the condition on the new count",
    },
    // DynamoDB developer guide: a condition expression makes UpdateItem succeed only when it holds; each partition
    // is limited to 1,000 write units a second.
    {
      layer: "storage",
      product: "Amazon DynamoDB",
      fits: "an UpdateItem with a condition expression (available ≥ n) on each bucket's item; one partition takes about 1,000 write units a second, so the buckets carry the burst",
    },
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "",
      poorFor:
        "plain writes are last-write-wins and its counters cannot be conditioned, so concurrent decrements can go below zero; its lightweight transactions (Paxos per partition) are slow under contention on one hot row",
    },
    // Redis docs: a Lua script runs atomically, but replication is asynchronous by default, so a write acknowledged by
    // the primary can be lost when a replica is promoted.
    {
      layer: "serving",
      product: "Redis",
      fits: "the sold-out flag and the remaining count shown to shoppers; an atomic script can pre-filter attempts, but replication is asynchronous, so a failover can lose acknowledged decrements: it is never the authority on stock",
    },
  ],
  topology: {
    components: [
      {
        id: "sale-service",
        name: "Sale service",
        kind: "service",
        runs: ["reserve", "confirm", "cancel"],
        because: "the only writer of stock rows; every reservation is a conditional decrement at the stock store",
      },
      {
        id: "stock-store",
        name: "Stock store (stock counts, reservations and orders, partitioned by item)",
        kind: "store",
        holds: ["Stock", "Reservation", "Order"],
        because: "the authority on how many units are left; a guarded decrement makes overselling a failed condition",
      },
      {
        id: "reservation-sweeper",
        name: "Reservation expiry sweeper",
        kind: "control-loop",
        runs: ["return units of reservations past expires_at"],
        because: "abandoned checkouts must give their units back without anyone asking",
      },
      {
        id: "stock-view",
        name: "Remaining-stock cache (count and sold-out flag)",
        kind: "cache",
        holds: ["StockView"],
        because: "every waiting shopper reloads the count; the stock store is touched only to reserve",
      },
      {
        id: "waiting-room",
        name: "Waiting room (admission queue)",
        kind: "gateway",
        runs: ["admit shoppers at the rate the stock buckets take writes"],
        because:
          "a flash sale brings far more shoppers than units; admission keeps the stock store within its write rate",
        topic: "on-sale",
      },
      {
        id: "payment-provider",
        sameAs: { I12: "provider" },
        name: "Payment provider (card network gateway)",
        kind: "external",
        runs: ["charge", "refund"],
        because:
          "card payments are an external side effect; the charge carries an idempotency key so a retried confirm never pays twice",
      },
    ],
    links: [
      { from: "gateway", to: "waiting-room", kind: "request", label: "enter sale", topic: "on-sale" },
      {
        from: "waiting-room",
        to: "sale-service",
        kind: "request",
        label: "admitted: reserve / confirm",
        topic: "on-sale",
      },
      { from: "gateway", to: "sale-service", kind: "request", label: "reserve / confirm", unlessTopic: "on-sale" },
      { from: "sale-service", to: "stock-store", kind: "request", label: "conditional decrement / confirm" },
      { from: "reservation-sweeper", to: "stock-store", kind: "control", label: "return expired units" },
      { from: "reservation-sweeper", to: "payment-provider", kind: "control", label: "settle unknown charges first" },
      { from: "stock-store", to: "stock-view", kind: "stream", label: "count changes" },
      { from: "gateway", to: "stock-view", kind: "request", label: "read remaining count" },
      {
        from: "sale-service",
        to: "payment-provider",
        kind: "request",
        label: "charge at confirm (idempotency key = reservation id)",
      },
    ],
    api: [
      {
        operation: "reserve units",
        call: "POST /v1/sales/{sale_id}/reservations",
        request: ["request_id", "item_id", "quantity"],
        response: ["reservation_id", "expires_at"],
        errors: ["409 sold out", "409 one reservation per shopper", "429 not admitted yet"],
        topic: "on-sale",
        guarantee:
          "the quantity is set aside for this shopper until expires_at, or nothing is; a retry with the same request_id returns the same reservation",
      },
      {
        operation: "reserve units",
        call: "POST /v1/reservations",
        request: ["request_id", "place_id", "item_id", "quantity"],
        response: ["reservation_id", "expires_at"],
        errors: ["409 too few units left"],
        unlessTopic: "on-sale",
        guarantee:
          "the quantity is set aside for this shopper until expires_at, or nothing is; a retry with the same request_id returns the same reservation",
      },
      {
        operation: "place an {order}",
        call: "POST /v1/reservations/{reservation_id}:confirm",
        request: ["reservation_id", "payment_method", "request_id"],
        response: ["order_id", "state"],
        errors: ["410 reservation expired", "402 payment declined"],
        guarantee: "succeeds only while the reservation is live; retries return the same order and charge once",
      },
      {
        operation: "see remaining stock",
        call: "GET /v1/sales/{sale_id}/items/{item_id}/stock",
        request: ["sale_id", "item_id"],
        response: ["remaining", "sold_out"],
        errors: ["404 no such sale"],
        guarantee: "may be a second stale; reserving decides",
      },
    ],
    dataModel: [
      {
        entity: "Stock",
        topic: "on-sale",
        key: ["sale_id", "item_id", "bucket"],
        fields: ["available", "reserved", "sold", "version"],
        indexes: ["(sale_id, item_id)"],
        partitionKey: "item_id, bucket",
        owner: "stock-store",
      },
      {
        // steady demand: one count per place and item, the row every hold of that item at that place decrements
        entity: "Stock",
        unlessTopic: "on-sale",
        key: ["place_id", "item_id"],
        fields: ["available", "reserved", "sold", "version"],
        indexes: ["(item_id)"],
        partitionKey: "place_id, item_id",
        owner: "stock-store",
      },
      {
        entity: "Reservation",
        topic: "on-sale",
        key: ["reservation_id"],
        fields: ["sale_id", "item_id", "bucket", "shopper_id", "quantity", "state", "expires_at", "request_id"],
        indexes: ["(sale_id, shopper_id)", "request_id unique", "(state, expires_at)"],
        partitionKey: "item_id, bucket",
        owner: "stock-store",
      },
      {
        entity: "Reservation",
        unlessTopic: "on-sale",
        key: ["reservation_id"],
        fields: ["place_id", "item_id", "shopper_id", "quantity", "state", "expires_at", "request_id"],
        indexes: ["(shopper_id, state)", "request_id unique", "(state, expires_at)"],
        partitionKey: "place_id, item_id",
        owner: "stock-store",
      },
      {
        // one shopper's limit spans every bucket, so it is kept in a row of its own, keyed by what it limits
        entity: "ShopperClaim",
        topic: "on-sale",
        key: ["sale_id", "shopper_id"],
        fields: ["reservation_id", "state (claiming | reserved | released)", "claimed_at"],
        indexes: ["(state, claimed_at) for the sweeper to release claims a crash left without a reservation"],
        partitionKey: "sale_id, shopper_id",
        owner: "stock-store",
      },
      {
        entity: "Order",
        key: ["order_id"],
        fields: ["reservation_id", "shopper_id", "item_id", "quantity", "payment_id", "state"],
        indexes: ["reservation_id unique", "(shopper_id, created_at desc)"],
        partitionKey: "order_id",
        owner: "stock-store",
      },
    ],
    entry: "sale-service",
    stateOwner: "stock-store",
    protocols: STOCK_PROTOCOLS,
  },
};
