import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const FULFILMENT: FeatureEntry = {
  id: "fulfilment",
  name: "Merchant menus and order fulfilment",
  summary:
    "Merchants (restaurants, shops) publish menus and accept or reject each order; an accepted order moves through preparation to pickup and delivery as one forward-only state machine that links the order to exactly one delivery, and the courier is requested so that they arrive about when the order is ready.",
  signals: [
    "restaurant",
    "restaurants",
    "menu",
    "menus",
    "food delivery",
    "order food",
    "grocery delivery",
    "prepare the order",
  ],
  terms: { merchant: "restaurant", menu: "menu", order: "order", product: "dish" },
  promptNouns: { merchant: ["restaurant", "store", "shop", "merchant"] },
  requires: ["checkout", "matching"],
  setting: ["restaurant", "restaurants"],
  actions: [
    {
      action: "browse a {merchant}'s {menu} with prices and availability",
      shape: "read source",
      entity: "MenuItem",
      critical: false,
      substrate: "I16",
    },
    {
      action: "{merchant} updates its {menu} and marks {products} sold out",
      shape: "overwrite current value",
      entity: "MenuItem",
      critical: false,
      substrate: "I16",
    },
    {
      action: "{merchant} accepts the {order} and sets a preparation time",
      shape: "state transition",
      entity: "Fulfilment",
      critical: true,
      substrate: "I12",
      mechanism: "guarded-transition",
    },
    {
      action: "request a courier so they arrive when the {order} is ready",
      shape: "async process",
      entity: "Fulfilment",
      critical: false,
      hidden: true,
      substrate: "I03",
    },
    {
      action: "track the {order} from {merchant} to door",
      shape: "read source",
      entity: "Fulfilment",
      critical: false,
      substrate: "I16",
    },
  ],
  entities: [
    { name: "{Merchant}", description: "a restaurant or shop with its location, hours and average preparation time" },
    { name: "MenuItem", description: "(merchant, item) -> name, price, options, sold-out flag, version" },
    {
      name: "Fulfilment",
      description:
        "(order) -> merchant, state (placed, accepted, preparing, ready, picked up, delivered, cancelled), ready_at, delivery id",
    },
  ],
  nfrs: [
    "a {merchant} sees a new {order} within seconds and must accept it within a few minutes",
    "an {order} is handed to exactly one courier, who arrives close to the ready time",
    "the customer sees each state change of the {order} within seconds",
  ],
  substrates: [
    {
      id: "I12",
      role: "substrate",
      why: "an order's fulfilment is a workflow across the merchant, the courier and payment",
    },
    { id: "I03", role: "decorator", why: "the courier is requested at a due time set by the preparation estimate" },
    { id: "I16", role: "output", why: "menus are small versioned per-merchant records, read far more than written" },
  ],
  // customers browse about twenty menus for each order, in the lunch and dinner peaks, and a menu changes far less
  // often than it is read: the read load lands on the menus' key-value records (I16), not on the order workflow
  hotspot: {
    figure: "menu_reads_per_sec",
    archetype: "I16",
    bottleneck:
      "Meal-time {menu} reads: customers browse about twenty {menus} for every {order}, crowded into the lunch and dinner peaks, and a popular {merchant}'s {menu} is read by thousands at once while the {merchant} marks {products} sold out",
    mitigation:
      "cache each {merchant}'s {menu} as one versioned document keyed by {merchant} and version, serve its images from the CDN, keep sold-out flags as a small record read beside the cached {menu}, and refresh the cached {menu} when the {merchant} publishes a change",
  },
  capacity: {
    inputs: [
      inp("merchants", 500000, "restaurants and shops on the platform"),
      inp("items_per_menu", 100, "dishes and options per menu"),
      inp("orders_per_day", 5e6, "orders a day on a large delivery platform"),
      inp("menu_views_per_order", 20, "customers browse several menus per order"),
      inp("status_events_per_order", 6, "placed, accepted, ready, picked up, nearby, delivered"),
    ],
    figures: [
      fig("menu_rows", "menu item rows", "count", "merchants * items_per_menu", "rows"),
      fig(
        "menu_reads_per_sec",
        "menu reads per second at peak",
        "peak",
        "orders_per_day * menu_views_per_order / 86400 * peak_factor",
        "reads/s",
      ),
      fig(
        "status_events_per_sec",
        "order status events per second at peak",
        "peak",
        "orders_per_day * status_events_per_order / 86400 * peak_factor",
        "events/s",
      ),
    ],
  },
  decisions: [
    {
      id: "courier-timing",
      question: "Request the courier as soon as the order is placed, or time the request to the preparation estimate?",
      options: [
        {
          id: "timed",
          name: "request at the estimated ready time minus the courier's travel time",
          buys: "couriers do not wait at the counter and food does not wait for couriers",
          costs: "depends on good preparation estimates per merchant",
          winsWhen: "preparation takes longer than the courier's trip to the merchant",
        },
        {
          id: "immediate",
          name: "request a courier as soon as the merchant accepts",
          buys: "simplest; a courier is secured early when couriers are scarce",
          costs: "couriers idle at busy merchants and serve fewer orders an hour",
          winsWhen: "preparation is near instant (packaged goods) or couriers are scarce",
        },
      ],
      rules: [],
      fallback: { option: "timed", because: "meals take longer to prepare than a nearby courier takes to arrive" },
    },
  ],
  invariants: [
    {
      action: "{merchant} accepts the {order} and sets a preparation time",
      statement:
        "A fulfilment moves only forward (placed, accepted, preparing, ready, picked up, delivered) by guarded transitions and links its {order} to exactly one delivery; a repeated accept or a cancel after pickup changes nothing.",
    },
  ],
  failures: [
    {
      failure: "The {merchant} never responds to a new {order}",
      prevention: "an accept deadline: the {merchant}'s tablet is alerted again, then called",
      repair: "cancel the {order} and void the payment before any courier is requested",
      role: "coordination",
    },
    {
      failure: "The courier arrives long before the food is ready, or the food waits and goes cold",
      prevention:
        "request the courier at the estimated ready time minus travel time, and update it as the {merchant} reports progress",
      repair: "re-offer to a closer courier when the first one runs late",
      role: "coordination",
    },
    {
      failure: "A {product} sells out after the customer added it to the cart",
      prevention: "sold-out flags are checked when the {order} is placed; menu caches live for seconds",
      repair: "the {merchant} proposes a substitute or the item is refunded",
      role: "truth",
    },
    {
      failure: "A cancel arrives after the courier picked the {order} up",
      prevention: "cancel is a guarded transition allowed only before pickup",
      repair: "refund under the cancellation policy without recalling the courier",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "fulfilment state beside the {order}, changed by guarded UPDATEs (WHERE state = expected)",
    },
    {
      layer: "coordination",
      product: "Apache Kafka",
      fits: "{order} status events fanned out to the {merchant} tablet, the courier app and the customer",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "cached {menus} per {merchant}, refreshed on every menu change",
    },
  ],
  topology: {
    components: [
      {
        id: "merchant-service",
        name: "Merchant service (menus, order acceptance)",
        kind: "service",
        runs: ["serve menus", "accept / reject orders", "update preparation estimates"],
        because: "the merchant's side of an order: what can be ordered and when it will be ready",
      },
      {
        id: "menu-store",
        name: "Menu store",
        kind: "store",
        holds: ["Merchant", "MenuItem"],
        because: "menus and sold-out flags, read on every browse",
      },
      {
        id: "fulfilment-orchestrator",
        name: "Fulfilment orchestrator",
        kind: "worker-pool",
        runs: ["advance the order's state", "request the courier at the due time", "publish status events"],
        because: "ties one order to its merchant and to exactly one delivery",
      },
    ],
    links: [
      { from: "gateway", to: "merchant-service", kind: "request", label: "menus / accept order" },
      { from: "merchant-service", to: "menu-store", kind: "request", label: "read / update menu" },
      { from: "merchant-service", to: "order-db", kind: "request", label: "guarded state change" },
      { from: "order-db", to: "fulfilment-orchestrator", kind: "stream", label: "order state changes" },
      { from: "fulfilment-orchestrator", to: "trip-service", kind: "request", label: "request courier at ready time" },
    ],
    api: [
      {
        operation: "browse a {menu}",
        call: "GET /v1/merchants/{merchant_id}/menu",
        request: ["merchant_id"],
        response: ["items[] (id, name, price, options, sold_out)", "menu_version"],
        errors: ["404 unknown merchant"],
        guarantee: "may be seconds stale; placing the order re-checks prices and sold-out flags",
      },
      {
        operation: "accept an {order}",
        call: "POST /v1/orders/{order_id}:accept",
        request: ["order_id", "merchant_id", "prep_minutes", "expected_state"],
        response: ["state", "ready_at"],
        errors: ["409 order no longer placed (cancelled or already accepted)"],
        guarantee: "applies only from the expected state",
      },
    ],
    dataModel: [
      {
        entity: "MenuItem",
        key: ["merchant_id", "item_id"],
        fields: ["name", "price", "options", "sold_out", "version"],
        indexes: ["(merchant_id)"],
        partitionKey: "merchant_id",
        owner: "menu-store",
      },
      {
        entity: "Fulfilment",
        key: ["order_id"],
        fields: ["merchant_id", "state", "prep_minutes", "ready_at", "delivery_id", "version"],
        indexes: ["(merchant_id, state)", "delivery_id unique"],
        partitionKey: "order_id",
        owner: "order-db",
      },
    ],
    entry: "merchant-service",
    stateOwner: "menu-store",
  },
};
