import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { STOCK_LEDGER_PROTOCOLS } from "./protocols.js";

/**
 * Places that hold stock of their own: a prompt about an inventory that names them ("a chain of 500 warehouses", "200
 * stores and 3 distribution centres", "40 depots") asks for the stock those places keep and move.
 */
export const STOCK_PLACE_WORDS = String.raw`\b(?:warehouses?|depots?|(?:distribution|fulfil?ment|logistics|regional) (?:centres?|centers?)|dcs|stockrooms?|storerooms?|stores|store's|shops|shop's|outlets|branches|bins|sites|locations)\b`;

/**
 * Words that say the stock is sold to people who buy it there and then (a sale, a flash sale, shoppers, a checkout,
 * a cart, a payment): such a prompt's stock is the count a purchase reserves (features/stock.ts), never warehouse
 * operations alone. "Drop" is left out: a count that can "never drop below zero" is the stock rule, not a product drop.
 */
export const STOCK_SOLD_WORDS = String.raw`\b(?:flash[- ]sales?|on[- ]sale|sales?|sell|sells|selling|sold|oversell\w*|oversold|buy|buys|buying|buyers?|bought|purchas\w*|shoppers?|shopping|checkouts?|check out|checks out|carts?|pay|pays|paying|payments?|paid|charg(?:e|es|ed|ing)|tickets?|e-?commerce|online (?:stores?|shops?|retail\w*)|web ?shops?)\b`;

/**
 * Stock kept per location (a warehouse, a depot, a store, a distribution centre): units are received into a location,
 * picked and shipped from it against an order, transferred between locations, and counted. Each (item, location) keeps
 * one on-hand count, changed only in the transaction that appends the movement that explains it, so the count never
 * goes below zero and always equals the sum of its movements. Sources checked for the claims below: PostgreSQL docs,
 * "Transaction Isolation" (under Read Committed an UPDATE that meets a row another transaction is changing waits for
 * it, then re-evaluates its WHERE clause on the new row version); Amazon DynamoDB API reference, TransactWriteItems (up
 * to 100 actions, each with an optional condition expression, applied all or nothing, within one account and region).
 */
export const STOCK_LEDGER: FeatureEntry = {
  id: "stock-ledger",
  name: "Stock kept per location (receipts, picks, transfers, counts)",
  summary:
    "Units of an item are held at locations (warehouses, depots, stores). Each (item, location) has one on-hand count, changed only in the transaction that appends the stock movement explaining the change (a receipt, a shipment, a transfer out or in, a count adjustment) under the movement's own id, so a retry applies once; a decrement is a conditional update that keeps the count at or above zero. A transfer leaves the source in one such transaction and reaches the destination in another, its units counted in the transfer while in transit.",
  drawnWhere: {
    words: STOCK_PLACE_WORDS,
    unless: STOCK_SOLD_WORDS,
    because:
      "the prompt names the locations that hold the stock and says nothing of selling it, so the design is those locations' stock operations (receive, pick and ship, transfer, count); where a sale, shoppers or a payment are named, the stock is the count a purchase reserves",
  },
  supersedes: [
    {
      id: "stock",
      because:
        "nothing in the prompt is bought or sold: the stock is moved by receipts, shipments, transfers and counts at its locations, so a sale's reserve-then-pay checkout would be a second writer of the same counts",
      inHead: true,
    },
  ],
  signals: [
    "inventory system",
    "inventory systems",
    "inventory service",
    "inventory management",
    "inventory management system",
    "inventory tracking",
    "track inventory",
    "tracks inventory",
    "inventory levels",
    "parts inventory",
    "stock levels",
    "stock level",
    "stock tracking",
    "track stock",
    "stock never negative",
    "stock transfers",
    "stock transfer",
    "transfer stock",
    "stock movements",
    "on-hand stock",
    "cycle counts",
    "warehouse management",
    "warehouse management system",
    "warehouse inventory",
  ],
  terms: { item: "item", location: "location" },
  promptNouns: {
    item: ["spare part", "part", "sku", "product"],
    location: [
      "warehouse",
      "depot",
      "store",
      "shop",
      "distribution centre",
      "distribution center",
      "fulfilment centre",
      "fulfillment center",
      "branch",
      "site",
    ],
  },
  actions: [
    {
      action: "pick an order's units of an {item} at a {location} and ship them",
      shape: "state transition",
      entity: "Stock",
      critical: true,
      substrate: "I16",
      mechanism: "bounded-quantity-update",
    },
    {
      action: "receive units of an {item} into a {location}",
      shape: "state transition",
      entity: "Stock",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      action: "transfer an {item}'s units from one {location} to another",
      shape: "state transition",
      entity: "Transfer",
      critical: true,
      substrate: "I16",
      mechanism: "bounded-quantity-update",
    },
    {
      action: "adjust a {location}'s count of an {item} after a cycle count",
      shape: "state transition",
      entity: "Stock",
      critical: false,
      substrate: "I16",
      mechanism: "version-check",
    },
    {
      action: "see how many units of an {item} each {location} holds",
      shape: "read source",
      entity: "Stock",
      critical: false,
      substrate: "I16",
    },
  ],
  entities: [
    {
      name: "Stock",
      description:
        "(item, {location}) -> on_hand, version: how many units of the item are physically at the {location}; never below zero",
    },
    {
      name: "StockMovement",
      description:
        "one append-only line per change of on_hand: movement id (the caller's idempotency key), item, {location}, signed quantity, kind (receipt, shipment, transfer out, transfer in, adjustment) and the order, transfer or count it belongs to",
    },
    {
      name: "Transfer",
      description:
        "units on their way from one {location} to another: item, source, destination, quantity, state (in transit, received); counted here while in transit, in neither {location}'s on_hand",
    },
  ],
  nfrs: [
    "no {location}'s count of an {item} ever goes below zero (linearizable per stock row, fail closed)",
    "every change to a count is a stock movement with its own id, so a retried receipt, shipment or transfer applies once",
    "units in transit between {locations} are counted in their transfer, never in both {locations} or in neither",
  ],
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "a unit shipped past zero is an order that location cannot fill, so a stock row that cannot be reached refuses picks rather than guess",
  },
  realizes: [
    {
      id: "I16",
      entity: "Stock",
      demand: "no {location}'s count of an {item} ever goes below zero",
      why: "the count is a row in the stock store that a shipment or transfer decrements only while it stays at or above zero, in the same transaction that appends the movement; the rule is that row's guarded update, so no separate counter service is drawn",
      instead: "counter service",
      unless: String.raw`\b(?:key[- ]value stores?|kv stores?|storage engines?|databases? engines?)\b`,
    },
    {
      id: "I02",
      entity: "Stock",
      demand: "no unit of an {item} is ever shipped twice",
      why: "units are interchangeable, so shipping one twice is the count going below zero; the conditional decrement on the stock row keeps it, so no lease service is drawn",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
  ],
  carries: [
    {
      id: "I02",
      why: "units leave a location by the conditional decrement on their stock row, so no lease is drawn",
    },
    {
      id: "I05",
      why: "the stock movements are append-only rows in the stock store, written in the transaction that changes the count, so no separate log is drawn",
    },
    {
      id: "I12",
      why: "receipts, shipments and transfers are stock movements recorded in the stock store, and no outside party's effect runs on them, so no workflow engine is drawn",
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each (item, location) count is a row in the system of record changed only by conditional updates, each in the transaction that appends its movement",
    },
  ],
  hotspot: {
    figure: "hot_stock_row_writes_per_sec",
    bottleneck:
      "The busiest stock row: every pick, receipt, transfer and count of a fast-moving {item} at a busy {location} is a conditional write on that one (item, {location}) row, serialised on it",
    mitigation:
      "partition the stock rows and their movements by {location}, keep each change one single-row conditional update in the transaction that appends its movement, and pick a wave's lines of one {item} as one decrement",
  },
  capacity: {
    inputs: [
      {
        quantity: "stock_locations",
        label: "locations that each keep their own count of every item (warehouses, depots, stores)",
        unit: "locations",
        typical: 500,
        why: "a national chain's stores and distribution centres (a planning figure)",
        from: [
          {
            expression: "merchants + sites",
            why: "the stated stores and the stated warehouses or depots each keep their own count of every item",
          },
          { expression: "sites", why: "each of the stated warehouses or depots keeps its own count of every item" },
          { expression: "merchants", why: "each of the stated stores keeps its own count of every item it stocks" },
        ],
      },
      // FMI, "Supermarket Facts": the average supermarket carried about 39,000 items (2010-12 figures)
      inp(
        "items_per_location",
        40000,
        "items one location stocks: FMI counts about 39,000 in an average supermarket (a planning figure)",
      ),
      inp(
        "order_lines_per_day",
        2e6,
        "order lines picked and shipped a day across every location of a national chain (a planning figure)",
      ),
      inp(
        "movements_per_line",
        1.5,
        "each shipped line is one movement, and receipts, transfers and count adjustments add about half as many again",
      ),
      inp("movement_bytes", 200, "a movement line: ids, item, location, signed quantity, kind, reference and time"),
      inp(
        "hot_item_share",
        0.02,
        "a location's fastest mover takes a couple of percent of its picks (a planning figure)",
      ),
    ],
    figures: [
      fig(
        "stock_rows",
        "stock rows, one per (item, location)",
        "count",
        "stock_locations * items_per_location",
        "rows",
      ),
      fig(
        "movement_writes_per_sec",
        "stock movements a second at peak, each one conditional update and one appended line",
        "peak",
        "order_lines_per_day * movements_per_line / 86400 * peak_factor",
        "writes/s",
      ),
      fig(
        "location_writes_per_sec",
        "stock movements a second at one location, the movements spread evenly over the locations",
        "rate",
        "movement_writes_per_sec / stock_locations",
        "writes/s",
      ),
      fig(
        "hot_stock_row_writes_per_sec",
        "conditional writes a second on the busiest (item, location) row",
        "hotspot",
        "location_writes_per_sec * hot_item_share",
        "writes/s",
      ),
      fig(
        "movement_bytes_per_year",
        "movement ledger kept for a year",
        "storage",
        "order_lines_per_day * movements_per_line * 365 * movement_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "stock-transfer-mode",
      question:
        "Move a transfer's units in one transaction over both locations' rows, or in two steps with the units in transit between them?",
      options: [
        {
          id: "two-step",
          name: "two steps: out of the source into a transfer in transit, then into the destination when it arrives",
          buys: "each step is one single-partition transaction on one location's rows, and units on a truck are counted in the transfer, as they are in the world",
          costs:
            "a transfer that never arrives stays in transit until someone receives or writes it off, so transfers past their expected arrival must be chased",
          winsWhen: "the units travel between sites for hours or days",
        },
        {
          id: "one-transaction",
          name: "one transaction that decrements the source and increments the destination together",
          buys: "no in-transit state: the units are at one location or the other at every moment",
          costs:
            "both rows must live in one database or take a distributed transaction, and the count claims units at the destination before they arrive",
          winsWhen: "the move is instant, bin to bin inside one site, and both rows share a database",
          wins: [
            {
              words: String.raw`\b(?:atomic(?:ally)?|in (?:one|a single) transaction|instant(?:ly)?|between bins|bin[- ]to[- ]bin)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: {
        option: "two-step",
        because:
          "units moved between locations spend time on the road, and each step stays inside one location's partition",
      },
    },
  ],
  invariants: [
    {
      action: "pick an order's units of an {item} at a {location} and ship them",
      statement:
        "A {location}'s stock of an {item} (its on_hand) never goes below zero: a shipment subtracts its quantity in one conditional update on the (item, {location}) row (only while on_hand is at least the quantity), in the transaction that appends its movement, so the check and the write are one step.",
      keptBy: "bounded-quantity-update",
    },
    {
      action: "receive units of an {item} into a {location}",
      statement:
        "Every change to on_hand is one stock movement with its own id, appended in the same transaction: a retried receipt, shipment or transfer finds its movement and changes nothing, so on_hand always equals the sum of its movements.",
      keptBy: "idempotency-key",
    },
    {
      action: "transfer an {item}'s units from one {location} to another",
      statement:
        "A transfer's units are counted in exactly one place at every moment: they leave the source's on_hand (only while it stays at or above zero) in the transaction that inserts the transfer in transit, and join the destination's on_hand once, in the transaction that appends the transfer-in movement keyed by the transfer id.",
      keptBy: "bounded-quantity-update",
    },
    {
      action: "adjust a {location}'s count of an {item} after a cycle count",
      statement:
        "A cycle count sets a stock row's on_hand only against the version it was counted at, appending an adjustment movement for the difference; a row that moved during the count is counted again, never overwritten.",
      keptBy: "version-check",
    },
  ],
  failures: [
    {
      failure: "Two pickers ship the last units of an {item} at one {location} at the same time",
      prevention:
        "each shipment is a conditional decrement of the (item, {location}) row that succeeds only while on_hand stays at or above zero",
      repair:
        "the second decrement fails its condition; its order line is allocated to another {location} or back-ordered",
      role: "truth",
    },
    {
      failure: "A scanner times out on a receipt that was recorded and sends it again",
      prevention: "the receipt's movement id is unique and inserted in the transaction that adds the units",
      repair: "the retry finds the movement and returns the first outcome; the units are counted once",
      role: "truth",
    },
    {
      failure: "A transfer leaves the source but is never received (a lost pallet, a crash before the receipt)",
      prevention:
        "the units stay counted in the transfer while in transit, and transfers past their expected arrival raise an alert",
      repair: "receive what arrived, and write the shortfall off with an adjustment movement referencing the transfer",
      role: "coordination",
    },
    {
      failure: "Picks continue while a {location} counts an {item}",
      prevention: "the adjustment is conditional on the version the count started from",
      repair: "a refused adjustment means the row moved: count the {item} again",
      role: "truth",
    },
    {
      failure: "The stock store loses a node in the middle of a wave of picks",
      prevention:
        "a movement is acknowledged only once a second copy holds it durably (synchronous replication), so the copy that takes over has every movement",
      repair: "scanners retry with the same movement ids and get back the outcomes already recorded",
      role: "truth",
    },
    {
      failure: "A count drifts from its movements (a manual edit, a bug in one path)",
      prevention: "on_hand is changed only in the transaction that appends its movement",
      repair:
        "a nightly job sums each row's movements, compares the sum with on_hand and flags every difference for a recount",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "one row per (item, location) changed by UPDATE … SET on_hand = on_hand - n WHERE on_hand >= n in the transaction that inserts the movement under a unique movement id; a concurrent update of the same row waits for the first to commit and re-checks the condition on the new count",
    },
    {
      layer: "storage",
      product: "Amazon DynamoDB",
      fits: "TransactWriteItems: an Update of the stock item with a condition expression (on_hand ≥ n) and a Put of the movement that must not exist yet, applied all or nothing",
    },
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "",
      // DataStax CQL docs, "Lightweight transactions": an IF condition runs Paxos among the replicas, at about four
      // times a plain write's latency
      poorFor:
        "plain writes are last-write-wins, so two read-then-write decrements of one row can take it below zero; its lightweight transactions (an IF condition run over Paxos) cost about four times a plain write's latency, felt most by one hot row",
    },
  ],
  topology: {
    components: [
      {
        id: "inventory-service",
        name: "Inventory service",
        kind: "service",
        runs: ["receive", "pick and ship", "transfer out and in", "adjust after a count", "read stock"],
        because:
          "the only writer of stock rows; every change is a conditional update and its movement in one transaction",
      },
      {
        id: "stock-store",
        name: "Stock store (counts, movements and transfers, partitioned by location)",
        kind: "store",
        holds: ["Stock", "StockMovement", "Transfer"],
        because:
          "the authority on how many units each location holds; a guarded decrement makes a negative count a failed condition",
      },
    ],
    links: [
      { from: "gateway", to: "inventory-service", kind: "request", label: "receive / ship / transfer / count / read" },
      {
        from: "inventory-service",
        to: "stock-store",
        kind: "request",
        label: "conditional update + movement in one transaction",
      },
    ],
    api: [
      {
        operation: "pick and ship",
        call: "POST /v1/locations/{location_id}/shipments",
        request: ["movement_id", "order_id", "item_id", "quantity"],
        response: ["on_hand"],
        errors: ["409 too few units on hand"],
        guarantee:
          "subtracts the quantity only while on_hand stays at or above zero, in the transaction that appends the movement; a retry with the same movement_id returns the first outcome",
      },
      {
        operation: "receive",
        call: "POST /v1/locations/{location_id}/receipts",
        request: ["movement_id", "item_id", "quantity", "purchase_order_id"],
        response: ["on_hand"],
        errors: ["404 unknown item or location"],
        guarantee:
          "adds the quantity in the transaction that appends the movement; a retry with the same movement_id changes nothing",
      },
      {
        operation: "transfer out",
        call: "POST /v1/transfers",
        request: ["transfer_id", "item_id", "from_location_id", "to_location_id", "quantity"],
        response: ["state"],
        errors: ["409 too few units on hand at the source"],
        guarantee:
          "the source's on_hand drops by the quantity (only while it stays at or above zero) and the transfer is inserted in transit, in one transaction; a retry with the same transfer_id changes nothing",
      },
      {
        operation: "transfer in",
        call: "POST /v1/transfers/{transfer_id}:receive",
        request: ["transfer_id", "received_quantity"],
        response: ["state"],
        errors: ["404 no such transfer"],
        guarantee:
          "adds the units to the destination's on_hand once, in the transaction that appends the transfer-in movement keyed by the transfer id; a second receive changes nothing",
      },
      {
        operation: "adjust after a count",
        call: "POST /v1/locations/{location_id}/counts",
        request: ["count_id", "item_id", "counted_quantity", "version"],
        response: ["on_hand"],
        errors: ["409 the row moved since it was counted"],
        guarantee:
          "sets on_hand to the counted quantity only at the version read when the count began, appending an adjustment movement for the difference",
      },
      {
        operation: "read stock",
        call: "GET /v1/items/{item_id}/stock",
        request: ["item_id", "location_id (optional)"],
        response: ["locations[] (location_id, on_hand)"],
        errors: ["404 unknown item"],
        guarantee: "the committed count of each location; a pick still decides at the row",
      },
    ],
    dataModel: [
      {
        entity: "Stock",
        key: ["location_id", "item_id"],
        fields: ["on_hand", "version"],
        indexes: ["(item_id, location_id)"],
        partitionKey: "location_id",
        owner: "stock-store",
      },
      {
        entity: "StockMovement",
        key: ["movement_id"],
        fields: ["location_id", "item_id", "quantity", "kind", "reference_id", "created_at"],
        indexes: ["(location_id, item_id, created_at)", "(reference_id)"],
        partitionKey: "location_id",
        owner: "stock-store",
      },
      {
        entity: "Transfer",
        key: ["transfer_id"],
        fields: ["item_id", "from_location_id", "to_location_id", "quantity", "state", "shipped_at", "received_at"],
        indexes: ["(to_location_id, state)", "(state, shipped_at)"],
        partitionKey: "from_location_id",
        owner: "stock-store",
      },
    ],
    entry: "inventory-service",
    stateOwner: "stock-store",
    protocols: STOCK_LEDGER_PROTOCOLS,
  },
};
