import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { CHECKOUT_PROTOCOLS } from "./protocols.js";

export const CHECKOUT: FeatureEntry = {
  id: "checkout",
  name: "Checkout and payment",
  summary:
    "A cart becomes an order, and the order is paid through an outside payment provider. The order and the intent to charge are written together; a relay calls the provider with the order's idempotency key, and a reconciliation job compares the provider's record with ours.",
  signals: [
    "checkout",
    "shopping cart",
    "place order",
    "orders food",
    "food delivery",
    "online store",
    "e-commerce",
    "marketplace",
    "buy",
    "purchase",
    "payment",
    "pay for",
  ],
  // where an order is placed, not the act of ordering or paying: said just before or as the place of another
  // feature's phrase ("online store reviews", "a reviews system for an online store"), it names that feature's setting
  setting: ["online store", "e-commerce", "marketplace"],
  terms: { order: "order", product: "product" },
  actions: [
    {
      // where the cart itself is the subject (knowledge/topics.ts "cart"), its lines, adds and merge are I16's own
      unlessTopic: "cart",
      action: "add a {product} to the cart",
      shape: "overwrite current value",
      entity: "Cart",
      critical: false,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
    {
      action: "place an {order} from the cart",
      shape: "create target",
      entity: "{Order}",
      critical: true,
      substrate: "I12",
      mechanism: "idempotency-key",
    },
    {
      action: "charge the {order} at the payment provider",
      shape: "async process",
      entity: "Payment",
      critical: true,
      substrate: "I12",
      mechanism: "transactional-outbox",
    },
    {
      action: "reconcile {orders} with the provider's settlement report",
      shape: "async process",
      entity: "Payment",
      critical: false,
      hidden: true,
      substrate: "I12",
      mechanism: "reconciliation-loop",
    },
    {
      action: "see an {order}'s status",
      shape: "read source",
      entity: "{Order}",
      critical: false,
      substrate: "I12",
    },
  ],
  entities: [
    { name: "Cart", description: "per buyer: items and quantities, overwritten freely", unlessTopic: "cart" },
    { name: "{Order}", description: "the buyer's commitment: lines, total, state (placed, paid, failed, refunded)" },
    { name: "Payment", description: "one charge attempt at the provider, keyed by the order's idempotency key" },
  ],
  nfrs: [
    "a buyer is charged at most once per {order}, whatever retries happen",
    "no paid {order} is lost; every charge is reconciled with the provider",
  ],
  substrates: [
    {
      id: "I12",
      role: "substrate",
      why: "payment is a workflow whose step leaves the system through a provider",
      party: "payment-provider",
    },
    { id: "I16", role: "input", why: "the cart is per-buyer mutable state" },
  ],
  // every order calls the payment provider, whose per-account limit binds before any box of ours: Stripe's live mode
  // allows 100 operations a second per account, raised on request, and asks for six weeks' notice of a large increase
  // (docs.stripe.com/rate-limits; knowledge/parties.ts)
  hotspot: {
    figure: "provider_calls_per_sec",
    bottleneck:
      "Payment calls at the peak: every {order} calls the payment provider, which caps the calls one account makes a second whatever our own capacity, so the daily peak of {orders} (and a sale's, higher still) meets that limit before any box of ours",
    mitigation:
      "arrange a raised limit with the provider weeks before a planned sale, send charges from the outbox relay through a token bucket set to the account's limit so a burst waits in the outbox instead of failing, back off on the provider's rate-limit answers, and keep reads of payment state out of the call budget by recording the provider's webhooks",
  },
  capacity: {
    inputs: [
      inp("users", 50e6, "daily active shoppers"),
      perUserDaily("orders_per_user_per_day", "orders", 0.05, "one order every few weeks per active shopper"),
      inp("order_bytes", 2000, "order lines, totals, addresses and states"),
      {
        // no typical value: the payment provider's own per-account limit (knowledge/parties.ts) supplies it
        quantity: "provider_requests_per_sec",
        why: "the calls a second the payment provider accepts from one account",
      },
      {
        quantity: "provider_calls_per_order",
        label: "calls to the payment provider for each order",
        unit: "calls",
        typical: 2,
        why: "an authorisation when the order is placed and a capture when it ships",
      },
    ],
    figures: [
      fig("orders_per_sec", "orders per second", "rate", "users * orders_per_user_per_day / 86400", "orders/s"),
      fig(
        "peak_orders_per_sec",
        "peak orders per second (sales days run higher)",
        "peak",
        "orders_per_sec * peak_factor",
        "orders/s",
      ),
      fig(
        "provider_calls_per_sec",
        "calls a second to the payment provider at peak",
        "peak",
        "peak_orders_per_sec * provider_calls_per_order",
        "req/s",
      ),
      fig(
        "provider_call_headroom",
        "share of the payment provider's per-account limit the order calls use at peak",
        "headroom",
        "provider_calls_per_sec / provider_requests_per_sec",
        "fraction",
      ),
      fig(
        "order_bytes_per_year",
        "order storage added per year",
        "growth",
        "orders_per_sec * 86400 * 365 * order_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "checkout-charge",
      question: "Call the payment provider inside the order request, or record the intent and charge from an outbox?",
      options: [
        {
          id: "outbox",
          name: "write order and payment intent together, then a relay charges with the idempotency key",
          buys: "no order without its charge attempt and no charge without its order, whatever crashes",
          costs: "the buyer sees 'processing' until the relay reports back",
          winsWhen: "an order must never be lost or charged twice",
        },
        {
          id: "inline",
          name: "charge inside the request, then write the order",
          buys: "an immediate yes or no for the buyer",
          costs: "a crash between the charge and the write leaves money taken and no order",
          winsWhen: "it is a prototype taking test payments, where a charge with no order costs nothing to put right",
        },
      ],
      rules: [],
      fallback: {
        option: "outbox",
        because: "money leaves through an outside system, so the intent must be durable first",
      },
    },
    {
      id: "checkout-capture",
      question: "Capture the money at order time, or authorise then capture when the goods ship?",
      options: [
        {
          id: "authorise-capture",
          name: "authorise at order, capture at shipment",
          buys: "nobody pays for items that cannot be shipped",
          costs: "two provider calls, and authorisations expire after some days",
          winsWhen: "physical goods ship later and stock can fail",
          // a hold on the card that lapses, and a capture separate from it, exist only under this option
          key: String.raw`authori[sz]e at order|capture at shipment|authori[sz]ations? (?:lapses?|expires?)`,
          implies: {
            capacity: [
              {
                quantity: "provider_calls_per_order",
                value: 2,
                why: "an authorisation when the order is placed and a capture when it ships",
              },
            ],
          },
        },
        {
          id: "capture-now",
          name: "capture at order",
          buys: "one call; money settles immediately",
          costs: "refunds when fulfilment fails",
          winsWhen: "digital goods or services delivered at once",
          // the prompt sells something delivered at once
          wins: [
            {
              words: String.raw`\bdigital (?:goods|products|downloads?|items|content)\b|\b(?:sells?|selling|buy|buys|buying) (?:e-?books?|gift cards?|downloads|in-app (?:items|coins))\b|\bin-app purchases?\b`,
            },
          ],
          // one call captures at once: no hold lapses, nothing is captured later against an authorised amount
          implies: {
            excludes: [String.raw`\bauthori[sz]ations? (?:lapses?|expires?)\b`, String.raw`\bauthori[sz]ed amount\b`],
            capacity: [
              {
                quantity: "provider_calls_per_order",
                value: 1,
                why: "one call captures the payment when the order is placed",
              },
            ],
          },
        },
      ],
      rules: [],
      fallback: { option: "authorise-capture", because: "orders are fulfilled after the buyer pays" },
    },
  ],
  invariants: [
    {
      action: "place an {order} from the cart",
      statement:
        "A retried request to place an {order} (same request id) creates one {order}, and the stock it takes is decremented in the same transaction, never below zero.",
    },
    {
      action: "charge the {order} at the payment provider",
      statement:
        "A payment is captured at most once per {order} and never above the authorised amount: every provider call carries the {order}'s idempotency key.",
    },
    {
      action: "reconcile {orders} with the provider's settlement report",
      statement:
        "Every payment the provider settled matches one {order}; a mismatch is flagged and repaired, never left silent.",
    },
  ],
  failures: [
    {
      failure: "The buyer double-taps, or the app retries placing the {order} after a timeout",
      prevention: "a client-generated request id with a unique constraint on the {order}",
      repair: "return the first {order} to the retry",
      role: "truth",
    },
    {
      failure: "The provider charged the card but the service crashed before recording the payment",
      prevention:
        "write the {order} state and an outbox row in one transaction; call the provider with an idempotency key and record the outcome from its reply or webhook",
      repair: "reconcile against the provider's records and settle the {order}",
      role: "external effect",
    },
    {
      failure: "Two buyers check out the last unit of a {product} at the same time",
      prevention:
        "decrement stock with a condition (only while it stays at or above zero) in the {order}'s transaction",
      repair: "fail the later checkout before any charge and offer a back-order",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "{orders}, stock and an outbox table in one transaction",
    },
    {
      layer: "coordination",
      product: "Temporal",
      fits: "durable retries and compensation for the charge, refund and fulfilment steps of an {order}",
    },
    {
      layer: "serving",
      product: "Stripe or Adyen",
      fits: "the payment provider; both accept an idempotency key on API requests",
    },
  ],
  topology: {
    components: [
      {
        id: "order-service",
        sameAs: { I12: "workflow-api" },
        name: "Order service",
        kind: "service",
        runs: ["place order", "order status"],
        because: "writes the order and its payment intent in one transaction, keyed by the client's request id",
      },
      {
        id: "order-db",
        sameAs: { I12: "workflow-db" },
        name: "Order database",
        kind: "store",
        holds: ["Cart", "Order", "Payment", "Outbox"],
        because: "the authority on orders and on which charges were asked for",
      },
      {
        id: "payment-worker",
        sameAs: { I12: "relay" },
        name: "Payment relay workers",
        kind: "worker-pool",
        runs: ["read outbox", "call provider with idempotency key", "record result"],
        because: "the provider is called after commit, retried safely with the same key",
      },
      {
        id: "payment-provider",
        sameAs: { I12: "provider" },
        name: "Payment provider (card network gateway)",
        kind: "external",
        because: "money moves outside our system; the provider dedups by idempotency key",
      },
      {
        id: "reconciler",
        sameAs: { I12: "reconciler" },
        name: "Reconciliation job",
        kind: "control-loop",
        runs: ["compare provider report with payments"],
        because: "timeouts leave charges whose outcome we never heard; the report settles them",
      },
    ],
    links: [
      { from: "gateway", to: "order-service", kind: "request", label: "place order / status" },
      { from: "order-service", to: "order-db", kind: "request", label: "insert order + outbox" },
      { from: "order-db", to: "payment-worker", kind: "stream", label: "outbox rows" },
      { from: "payment-worker", to: "payment-provider", kind: "request", label: "charge (idempotency key)" },
      { from: "payment-provider", to: "order-service", kind: "callback", label: "webhook: charge result" },
      { from: "reconciler", to: "payment-provider", kind: "control", label: "fetch settlement report" },
      { from: "reconciler", to: "order-db", kind: "control", label: "fix payment states" },
    ],
    api: [
      {
        operation: "place an {order}",
        call: "POST /v1/orders",
        request: ["request_id", "cart_version", "payment_method_id"],
        response: ["order_id", "state"],
        errors: ["409 cart changed (stale cart_version)", "402 payment declined"],
        guarantee: "one order per request_id; the charge happens at most once",
      },
      {
        operation: "{order} status",
        call: "GET /v1/orders/{order_id}",
        request: ["order_id"],
        response: ["state", "lines[]", "total"],
        errors: ["404 unknown order"],
        guarantee: "read from the authority",
      },
    ],
    dataModel: [
      {
        entity: "Order",
        key: ["order_id"],
        fields: ["buyer_id", "lines", "total", "state", "request_id", "created_at"],
        indexes: ["(buyer_id, created_at desc)", "request_id unique"],
        partitionKey: "buyer_id",
        owner: "order-db",
      },
      {
        entity: "Payment",
        key: ["payment_id"],
        fields: ["order_id", "idempotency_key", "amount", "provider_ref", "state"],
        indexes: ["order_id", "idempotency_key unique"],
        partitionKey: "order_id",
        owner: "order-db",
      },
    ],
    entry: "order-service",
    stateOwner: "order-db",
    protocols: CHECKOUT_PROTOCOLS,
  },
};
