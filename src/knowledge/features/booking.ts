import type { CapacityFigureSpec, CapacityInputSpec, CapacityModel } from "../capacity/types.js";
import { COUNTED_GOODS_WORDS, DISTINCT_ITEM_WORDS } from "../goods.js";
import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { BOOKING_PROTOCOLS } from "./protocols.js";

/** The hold's own inputs at steady demand: the booking rate and the conditional writes each booking makes. */
const CORE_INPUTS: CapacityInputSpec[] = [
  // the steady booking rate across every event, beside one hot sale's burst: each booking holds and then confirms
  // each of its items with a conditional write on that item's row
  inp("bookings_per_sec", 200, "bookings confirmed a second across every event on sale at a busy hour"),
  inp("items_per_booking", 2, "a booking takes a couple of seats or slots (a pair, a family)"),
  inp("writes_per_item", 2, "a hold, then a confirm (or a release), each a conditional write on the item's row"),
];

const CORE_FIGURES: CapacityFigureSpec[] = [
  fig(
    "item_writes_per_sec",
    "conditional writes on item rows a second from the booking rate",
    "rate",
    "bookings_per_sec * items_per_booking * writes_per_item",
    "writes/s",
  ),
];

const AVAILABILITY_TTL: CapacityInputSpec = {
  quantity: "availability_ttl_seconds",
  label: "time the availability cache keeps an event's free items",
  unit: "s",
  typical: 1,
  why: "the availability cache keeps an event's free items for about a second: an item shown free that was just held costs a refused hold (409), never a double sale",
};

const AVAILABILITY_STALENESS: CapacityFigureSpec = fig(
  "availability_staleness",
  "how old the free items a buyer sees may be",
  "time",
  "availability_ttl_seconds",
  "s",
);

/** A crowd at an on-sale (topic "on-sale"): the burst of hold attempts, the venue's rows and the map its buyers reload. */
const ON_SALE_CAPACITY: CapacityModel = {
  inputs: [
    inp("items_per_event", 50000, "seats of a large venue, or room-nights of a hotel chain's night"),
    inp("buyers_at_onsale", 1e6, "a popular sale draws about a million buyers as it opens"),
    inp("hold_attempts_per_buyer", 3, "a buyer's first pick is often taken, so most try a few seats"),
    inp("onsale_seconds", 600, "most attempts land in the first ten minutes"),
    inp("hold_seconds", 600, "a checkout window of about ten minutes"),
    inp("events", 100000, "events or properties on sale at once"),
    ...CORE_INPUTS,
    // the read side: every buyer waiting in the sale keeps reloading what is still free, and those reads are served
    // from the availability cache, never from the inventory store that decides a hold
    {
      quantity: "availability_refresh_seconds",
      label: "seconds between a watching buyer's reloads of what is free",
      unit: "s",
      typical: 5,
      why: "a buyer watching a sale reloads the seat map or room calendar every few seconds (a planning figure; measure it)",
    },
    AVAILABILITY_TTL,
    {
      quantity: "cache_reads_per_node",
      label: "small reads one cache node answers a second",
      unit: "reads/s",
      typical: 100000,
      why: "one in-memory cache node answers on the order of a hundred thousand small reads a second (a planning figure; measure it)",
    },
  ],
  figures: [
    fig(
      "hold_attempts_per_sec",
      "hold attempts per second during a hot sale",
      "peak",
      "buyers_at_onsale * hold_attempts_per_buyer / onsale_seconds",
      "writes/s",
    ),
    ...CORE_FIGURES,
    fig("buyers_per_item", "buyers competing for each item", "hotspot", "buyers_at_onsale / items_per_event", "buyers"),
    fig("inventory_rows", "item rows in the inventory store", "count", "events * items_per_event", "rows"),
    fig(
      "expiries_per_sec",
      "hold expiries per second if every hold lapses",
      "rate",
      "items_per_event / hold_seconds",
      "writes/s",
    ),
    fig(
      "availability_reads_per_sec",
      "availability reads a second (seat maps, room calendars) from the buyers watching the sale",
      "peak",
      "buyers_at_onsale / availability_refresh_seconds",
      "reads/s",
    ),
    fig(
      "availability_cache_nodes",
      "availability cache nodes those reads need, each run at the planned share of what it can answer",
      "count",
      "availability_reads_per_sec / (cache_reads_per_node * target_utilisation)",
      "nodes",
      true,
    ),
    fig(
      "reads_per_hold_attempt",
      "availability reads the cache absorbs for each hold attempt that reaches the inventory store",
      "fan-out",
      "availability_reads_per_sec / hold_attempts_per_sec",
      "reads",
    ),
    AVAILABILITY_STALENESS,
  ],
};

export const BOOKING: FeatureEntry = {
  id: "booking",
  name: "Booking with a temporary hold",
  summary:
    "A buyer picks a seat, room or slot and gets an exclusive hold on it for a few minutes while paying. The hold is a lease: a conditional write claims the item, the hold expires on its own if not confirmed, and confirmation is a guarded transition from held to booked, so one item is never sold twice.",
  supersedes: [
    {
      id: "checkout",
      because:
        "its confirm charges the buyer once, keyed by the hold, so a checkout beside it would charge the same purchase a second time",
    },
    {
      // distinct items (a seat, a table, a slot) are held one by one on their own rows; a count of interchangeable
      // units beside the hold would be a second writer of the same items
      id: "stock",
      because:
        "the prompt sells distinct items, each held on its own row, so a count of interchangeable units beside the hold would be a second authority over the same items, charging the same purchase again",
      when: DISTINCT_ITEM_WORDS,
      unless: COUNTED_GOODS_WORDS,
    },
  ],
  signals: [
    "pick seats",
    "choose seats",
    "seat hold",
    "hold seats",
    "book tickets",
    "ticket booking",
    "ticketing",
    "reserve",
    "reservation",
    "booking",
    "double booking",
    "sold out",
    "seat map",
  ],
  terms: { item: "seat", slot: "time", booking: "booking" },
  // what a seat is sold for, in the prompt's own word: a concert's seat is held for that concert, not "for a time"
  promptNouns: { slot: ["concert", "event", "match", "game", "flight", "screening", "performance", "show"] },
  objectTerm: { term: "item", verbs: ["pick", "choose", "select", "reserve", "book", "hold"] },
  actions: [
    {
      // browsing what is free is the prompt's own ask (seats on a map, tables at a time), not the hold's core: a
      // shop reserving stock or a pharmacy holding a prescription names the item and holds it
      action: "see the free {items} for the chosen {slot}",
      shape: "read projection",
      entity: "Availability",
      critical: false,
      substrate: "I06",
      topic: "availability-map",
    },
    {
      action: "hold a {item} for a few minutes",
      shape: "create target",
      entity: "Hold",
      critical: true,
      substrate: "I02",
      mechanism: "lease",
    },
    {
      action: "confirm the {booking} by paying before the hold expires",
      shape: "state transition",
      entity: "{Booking}",
      critical: true,
      substrate: "I02",
      mechanism: "guarded-transition",
    },
    {
      action: "release {items} whose hold expired unpaid",
      shape: "async process",
      entity: "Hold",
      critical: true,
      hidden: true,
      substrate: "I02",
      mechanism: "expiry-sweeper",
    },
    {
      action: "cancel a {booking}",
      shape: "state transition",
      entity: "{Booking}",
      critical: false,
      substrate: "I12",
    },
  ],
  entities: [
    { name: "{Item}", description: "one sellable unit (seat, room-night, slot) with its state: free, held, booked" },
    { name: "Hold", description: "(item, holder, expires_at, token): the temporary exclusive claim" },
    { name: "{Booking}", description: "the confirmed purchase: items, buyer, payment, state" },
    {
      name: "Availability",
      description: "the derived per-event map of free items shown to browsers",
      topic: "availability-map",
    },
  ],
  nfrs: [
    "no {item} is ever sold twice (linearizable per {item}, fail closed)",
    "a hold lapses on its own if the buyer walks away",
    "what a buyer is shown as free may be a few seconds stale; the hold itself is checked at the authority",
  ],
  realizes: [
    {
      id: "I02",
      entity: "Hold",
      demand: "no {item} is ever sold twice",
      why: "a hold is a row in the inventory database that a conditional write claims only while the {item} is free or its hold has lapsed, and a confirm checks with the same write; its expiry is a deadline column the release sweeper enforces, so no separate lease service or consensus group is drawn",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
  ],
  substrates: [
    { id: "I02", role: "substrate", why: "a hold on an item is a lease: exclusive, expiring, fenced by a token" },
    { id: "I03", role: "substrate", why: "unpaid holds are released at their due time" },
    {
      id: "I12",
      role: "output",
      why: "payment is an external side effect run as a workflow",
      party: "payment-provider",
    },
    {
      id: "I08",
      role: "decorator",
      why: "a popular on-sale meters buyers through a waiting room",
      topic: "on-sale",
    },
  ],
  // the sale's write load lands where the hold's conditional write does: the event's seat rows, which the inventory
  // store partitions by event, so one partition takes the whole on-sale, not a lock leader
  hotspot: {
    topic: "on-sale",
    figure: "hold_attempts_per_sec",
    bottleneck:
      "The on-sale event's partition: every hold attempt is a conditional write on that event's {item} rows, which the inventory store keeps under one event key, so one partition takes the whole sale's write rate",
    mitigation:
      "admit buyers through the waiting room at the rate one partition takes conditional writes, split a large venue's {items} over sub-partitions by section, and serve the {item} map from the availability cache, never from the inventory rows",
  },
  // steady demand (a shop's stock, a restaurant's tables): the load is the booking rate's conditional writes, spread
  // over the items' rows, with no crowd arriving at one sale's opening
  otherHotspots: [
    {
      unlessTopic: "on-sale",
      figure: "item_writes_per_sec",
      bottleneck:
        "The inventory store's conditional writes: every hold, confirm and release is a conditional write on one {item}'s row, so the booking rate times the {items} per {booking} lands on the store's primary",
      mitigation:
        "partition the inventory rows by {item} (or by the place that owns them) so writes spread, keep each hold a single-row conditional write, and let the expiry sweeper release in small batches",
    },
  ],
  capacity: {
    // the hold's own load at steady demand; a crowd at an on-sale and the availability map it browses size more
    inputs: CORE_INPUTS,
    figures: CORE_FIGURES,
    topics: {
      "availability-map": {
        inputs: [...CORE_INPUTS, AVAILABILITY_TTL],
        figures: [...CORE_FIGURES, AVAILABILITY_STALENESS],
      },
      "on-sale": ON_SALE_CAPACITY,
    },
  },
  decisions: [
    {
      id: "booking-concurrency",
      question: "Hold the item while the buyer pays (pessimistic), or check availability only at payment (optimistic)?",
      options: [
        {
          id: "hold",
          name: "temporary hold (a lease on the item) before payment",
          buys: "a buyer who starts paying is sure to get the item; no one pays for a seat that is gone",
          costs: "abandoned holds keep items off sale until they expire",
          winsWhen: "many buyers compete for few items",
        },
        {
          id: "optimistic",
          name: "a conditional write at payment decides, with no hold before it",
          buys: "no hold state or expiry sweeps; items never sit unsold in abandoned carts",
          costs: "a buyer can fill in payment and lose the item at the last step",
          winsWhen: "items are plentiful compared with buyers (most hotel nights)",
          wins: [{ number: "buyers_per_item", below: 0.5 }],
        },
      ],
      rules: [
        {
          when: [{ number: "buyers_per_item", below: 0.5 }],
          option: "optimistic",
          because: "there are at least twice as many items as buyers, so collisions at payment are rare",
        },
      ],
      fallback: { option: "hold", because: "buyers compete for the same items, so a claim must precede payment" },
    },
    {
      id: "booking-admission",
      // only a crowd arriving at a sale's opening asks it; steady demand has no waiting room to weigh
      topic: "on-sale",
      question: "Let every buyer hit the inventory at once, or admit them through a waiting room?",
      options: [
        {
          id: "waiting-room",
          name: "virtual waiting room that admits buyers at a fixed rate",
          buys: "the inventory store sees a steady load; buyers get a fair queue position",
          costs: "a queue to build and an honest wait shown to buyers",
          winsWhen: "a sale brings far more attempts than the inventory store can take",
          wins: [{ number: "hold_attempts_per_sec", atLeast: 2000 }],
        },
        {
          id: "open",
          name: "open access with rate limits only",
          buys: "no extra moving part",
          costs: "a hot sale becomes a storm of conflicting holds and retries",
          winsWhen: "demand is steady (hotel and restaurant bookings)",
        },
      ],
      rules: [
        {
          when: [{ number: "hold_attempts_per_sec", atLeast: 2000 }],
          option: "waiting-room",
          because: "thousands of hold attempts a second on one event would concentrate on one partition",
        },
      ],
      fallback: { option: "open", because: "demand is steady enough for the inventory store" },
    },
  ],
  invariants: [
    {
      action: "hold a {item} for a few minutes",
      statement:
        "A {item} has at most one live hold for a {slot}: the availability check and the hold write are one conditional update at the inventory store, never a read from a cache followed by a write.",
    },
    {
      action: "confirm the {booking} by paying before the hold expires",
      statement:
        "A {booking} is confirmed only by the holder of a live hold, checked with its hold token at the store in the same write, so no {item} is sold twice for the same {slot}.",
    },
    {
      // the payment is the effect that leaves the system: the provider's idempotency key and the refund of a late
      // charge keep it once, which the outbox, the receiver and the reconciliation exist for
      action: "confirm the {booking} by paying before the hold expires",
      statement:
        "A {booking} charges its buyer at most once per hold: the charge carries the hold id as its idempotency key at the payment provider, and a charge that lands after the hold expired is refunded.",
    },
    {
      action: "release {items} whose hold expired unpaid",
      statement:
        "An expired hold frees its {item} once; a payment that arrives after the expiry is voided or refunded instead of confirming the {booking}.",
    },
    {
      // the hold call takes several items at once (its API promises all or none), so the claim spans their rows;
      // kept last so the rules that keep an item from being sold twice lead
      action: "hold a {item} for a few minutes",
      statement:
        "A hold on several {items} claims their rows in one transaction: every requested {item} is held by the buyer, or none is.",
    },
  ],
  failures: [
    {
      failure: "Two buyers both see a {item} free and both try to hold it for the same {slot}",
      prevention:
        "the hold is a conditional write at the inventory store: insert only when no live hold exists, or for counted stock decrement only while the count stays at or above zero",
      repair: "the second write fails its condition; that buyer is shown the {item} as taken and offered the next one",
      role: "truth",
    },
    {
      failure: "The payment succeeds after the hold expired and the {item} was given to someone else",
      prevention:
        "confirm checks the hold token and its expiry in the same transaction that writes the {booking}; the payment is only authorised, and captured after confirm succeeds",
      repair: "void the authorisation (or refund) and tell the buyer; never confirm a {booking} without a live hold",
      role: "external effect",
    },
    {
      failure: "The expiry sweeper stalls and expired holds keep {items} off sale",
      prevention:
        "availability treats any hold past its expiry time as free, so correctness does not wait for the sweeper",
      repair: "restart the sweeper; releasing an already released hold changes nothing",
      role: "coordination",
    },
    {
      failure: "A popular on-sale or holiday date sends every buyer to the same few {items} at once",
      topic: "on-sale",
      prevention: "admit buyers through a queue at the rate the store can take conditional writes on one {item}'s rows",
      repair: "shed the excess with a retry-after and an honest position in the queue",
      role: "coordination",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "a conditional UPDATE (or SELECT … FOR UPDATE) on the {item}'s inventory row makes hold and confirm atomic",
    },
    {
      layer: "storage",
      product: "Amazon DynamoDB",
      fits: "a conditional write on the {item}'s key keeps one live hold; transactions cover hold plus {booking}",
    },
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "",
      poorFor:
        "plain writes are last-write-wins, so two holds on one {item} can both succeed, and its lightweight transactions (Paxos per partition) are slow under contention for one hot {item}",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "the availability cache in front of the inventory store; it is never the authority on a hold",
      topic: "availability-map",
    },
  ],
  topology: {
    components: [
      {
        id: "booking-service",
        name: "Booking service",
        kind: "service",
        runs: ["hold", "confirm", "cancel"],
        because: "the only writer of item state; every claim is a conditional write at the inventory store",
      },
      {
        id: "inventory-store",
        name: "Inventory store (item state, partitioned by event or property)",
        kind: "store",
        holds: ["Item", "Hold", "Booking"],
        because:
          "the authority on who holds or owns each item; one row per item makes double booking a failed condition",
      },
      {
        id: "hold-expiry",
        name: "Hold expiry sweeper",
        kind: "control-loop",
        runs: ["release holds past expires_at"],
        because: "abandoned holds must return items to sale without anyone asking",
      },
      {
        id: "availability-cache",
        name: "Availability cache",
        kind: "cache",
        holds: ["Availability"],
        because: "seat maps and room calendars are read by every browser; the authority is hit only to claim",
        topic: "availability-map",
      },
      {
        id: "waiting-room",
        name: "Waiting room (admission queue)",
        kind: "gateway",
        runs: ["admit buyers at the rate holds can be served"],
        because: "a hot on-sale brings far more buyers than items; admission keeps the inventory store alive",
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
        to: "booking-service",
        kind: "request",
        label: "admitted: hold / confirm",
        topic: "on-sale",
      },
      { from: "gateway", to: "booking-service", kind: "request", label: "hold / confirm", unlessTopic: "on-sale" },
      { from: "booking-service", to: "inventory-store", kind: "request", label: "conditional claim / confirm" },
      { from: "hold-expiry", to: "inventory-store", kind: "control", label: "release expired holds" },
      {
        from: "inventory-store",
        to: "availability-cache",
        kind: "stream",
        label: "item state changes",
        topic: "availability-map",
      },
      {
        from: "gateway",
        to: "availability-cache",
        kind: "request",
        label: "read seat map",
        topic: "availability-map",
      },
      {
        from: "booking-service",
        to: "payment-provider",
        kind: "request",
        label: "charge at confirm (idempotency key = hold id)",
      },
    ],
    api: [
      {
        operation: "hold a {item}",
        call: "POST /v1/events/{event_id}/holds",
        request: ["request_id", "item_ids[]"],
        response: ["hold_id", "hold_token", "expires_at"],
        errors: ["409 item already held or sold", "429 too many hold attempts; retry after"],
        guarantee: "all requested items are held by this buyer until expires_at, or none are",
      },
      {
        operation: "confirm a {booking}",
        call: "POST /v1/holds/{hold_id}:confirm",
        request: ["hold_id", "hold_token", "payment_method", "request_id"],
        response: ["booking_id", "state"],
        errors: ["410 hold expired", "402 payment declined", "409 token superseded"],
        guarantee: "succeeds only while the hold is live and the token matches; retries return the same booking",
      },
    ],
    dataModel: [
      {
        entity: "Item",
        key: ["event_id", "item_id"],
        fields: ["state", "holder_id", "hold_token", "hold_expires_at", "booking_id", "version"],
        indexes: ["(event_id, state)", "hold_expires_at"],
        partitionKey: "event_id",
        owner: "inventory-store",
      },
      {
        entity: "Booking",
        key: ["booking_id"],
        fields: ["buyer_id", "event_id", "item_ids", "payment_id", "state", "request_id"],
        indexes: ["(buyer_id, created_at desc)", "request_id unique"],
        partitionKey: "booking_id",
        owner: "inventory-store",
      },
    ],
    entry: "booking-service",
    stateOwner: "inventory-store",
    protocols: BOOKING_PROTOCOLS,
  },
};
