import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is a shopper's cart (topic "cart", knowledge/topics.ts): a shopping cart, basket or
 * wishlist kept per shopper (an account's user id, or a guest token before sign-in) and followed across devices. The
 * cart's lines are keyed by (cart, sku); every add or change carries the client's request id and is applied once, in
 * the same transaction that records the id, and acknowledged only after the store's replicas hold it. At sign-in a
 * guest cart is merged into the account's cart once. Price and stock are shown at add but checked again, line by
 * line, when the order is placed. Idle carts expire. What makes it right is that an added item is never lost and
 * never doubled; ordering, payment and stock belong to checkout, which reads the cart.
 *
 * Facts, checked:
 * - commercetools (docs.commercetools.com, "Cart merge strategies", AnonymousCartSignInMode): a cart made before
 *   sign-in is tied to an anonymousId; at sign-in MergeWithExistingCustomerCart copies the anonymous cart's line
 *   items into the customer's active cart, and where both hold the same product variant the larger of the two
 *   quantities is kept; the anonymous cart's state becomes Merged; UseAsNewActiveCustomerCart makes the anonymous
 *   cart the customer's active cart instead, merging nothing.
 * - Amazon's Dynamo (as "Designing Data-Intensive Applications" recounts): the cart was kept always writable across
 *   replicas and concurrent versions were merged by union, which kept every added item but brought back items a
 *   shopper had removed; a removal must be kept as a marker with a version for a merge to honour it.
 * - Amazon DynamoDB (docs.aws.amazon.com): Time to Live deletes an item after its expiry attribute has passed, on a
 *   best-effort basis, typically within a couple of days, and an expired item still shows in reads until then, so a
 *   read must filter on the expiry itself.
 * Planning figures (cart operations a shopper makes, lines a cart holds, how long carts are kept) are assumptions,
 * said in their rows.
 */

const T = "cart" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "an add the shopper was told succeeded must be on every device's next view of the cart, and a retried add must not count twice, so each cart has one home whose majority acknowledges every change; a replica cut off from it refuses writes rather than accept one it may lose",
} as const;

export const CART_ENTITIES = [
  {
    name: "Cart",
    stance: STANCE,
    description:
      "One shopper's cart: cart id, owner (an account's user id, or a guest token before sign-in), state (active, merged into another cart, checked out, expired), version, updated_at and expires_at (pushed out by every change).",
    truth: true,
    topic: T,
  },
  {
    name: "CartLine",
    stance: STANCE,
    description:
      "One product in a cart, keyed by (cart id, sku): quantity, the time it was first added, the price shown when it was added (a display, never the price charged), and removed_at, set instead of deleting the row so a merge cannot bring it back.",
    truth: true,
    topic: T,
  },
  {
    name: "CartRequest",
    description:
      "A client request id already applied to a cart, with the cart's version after it: a retried add or change is answered with that result and applied no second time; kept as long as the cart.",
    truth: true,
    topic: T,
  },
] as const;

export const CART_WRITES = [
  {
    action:
      "add an item: in one transaction on the cart's home, record the client's request id for the cart and raise the (cart, sku) line's quantity, creating the line if absent; a request id already recorded returns its first result; acknowledged only after a majority of the cart's replicas hold it",
    entity: "CartLine",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "change a line's quantity or remove it: set the quantity under the client's request id, and on removal set removed_at instead of deleting the row, bumping the cart's version",
    entity: "CartLine",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "merge a guest cart into the account's cart at sign-in: in one transaction, copy each guest line into the account cart (keeping the larger quantity where both hold the sku, a removal newer than the other side's add winning) and move the guest cart to merged, so a retried sign-in merges nothing twice",
    entity: "Cart",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "hand the cart to checkout: read it at its current version, re-check every line's price and stock at that moment, and move the cart to checked out only when the order is placed from that version",
    entity: "Cart",
    shape: "state transition",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action:
      "expire carts idle past their window (a guest's sooner than an account's), reading expires_at so an expired cart is never shown even before the sweeper deletes it",
    entity: "Cart",
    shape: "state transition",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
] as const;

export const CART_READS = [
  {
    action: "view the cart on any device: read the cart and its lines from the cart's home with a consistent read",
    entity: "CartLine",
    shape: "read source",
    staleness:
      "none for the cart's own lines: the read goes to the cart's home, which holds every acknowledged change; prices and stock beside them are the catalogue's and may be a minute old until checkout checks them",
    topic: T,
  },
] as const;

/** The prompt's "an added item is never lost": the spoken rule. */
const NEVER_LOST_OR_DOUBLED =
  "An added item is never lost and never doubled: each add to a CartLine carries the client's request id, is applied at most once in the same transaction that records that id, and is acknowledged only after a majority of the cart's replicas hold it.";
const ONE_LINE_PER_SKU =
  "Each Cart holds one CartLine per sku, and adds from two devices to the same sku both land on it as increments under their own request ids, so neither overwrites the other.";
const MERGE_ONCE =
  "A guest Cart is merged into the account's Cart once: the copied lines and the guest cart's move to merged commit together, and a CartLine the shopper removed stays removed, since its removal is kept rather than deleted.";
const CHECKED_AT_CHECKOUT =
  "No order is placed from a Cart at a price or stock level checkout did not read itself: the price shown at add is a display, and every line is re-priced and its stock checked when the order is placed.";
const EXPIRES_IDLE =
  "A Cart expires only after it has stood idle past its window: every change pushes expires_at out, and a read treats a cart past expires_at as gone even before the sweeper removes it.";

export const CART_INVARIANTS = [NEVER_LOST_OR_DOUBLED, ONE_LINE_PER_SKU, MERGE_ONCE, CHECKED_AT_CHECKOUT, EXPIRES_IDLE];

/** The mechanism that keeps each of the cart's rules (`keptBy` on the card's invariant marks). */
export const CART_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [NEVER_LOST_OR_DOUBLED]: "idempotency-key",
  [ONE_LINE_PER_SKU]: "put-if-absent",
  [MERGE_ONCE]: "guarded-transition",
  [CHECKED_AT_CHECKOUT]: "version-check",
  [EXPIRES_IDLE]: "ttl-expiry",
};

export const CART_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "changes to one cart are ordered by its version on the cart's home; carts are independent of one another",
  },
  exclusivity: {
    scope: "key",
    why: "one request id is applied to a cart at most once, and a guest cart moves to merged once",
  },
  coordination: {
    scope: "key",
    why: "every change touches one cart's rows on one partition, so no transaction spans two carts except a merge, which touches the guest's and the account's",
  },
} as const;

export const CART_FAILURES = [
  {
    failure:
      "The shopper's add times out on a flaky mobile network and the app retries it, so the item is counted twice.",
    role: "truth",
    prevention:
      "Every add carries a request id made once by the client; the store records it in the same transaction as the line change and answers a repeat with the first result.",
    repair: "A doubled line found in support or audit is set back by the request log, which shows the repeated id.",
    topic: T,
  },
  {
    failure: "The node that took an add fails before the add reaches another replica, and the item vanishes.",
    role: "truth",
    prevention:
      "Acknowledge an add only after a majority of the cart's replicas hold it; a failover promotes a replica from that majority.",
    repair:
      "Nothing acknowledged is lost; an add that was never acknowledged is retried by the client under the same request id.",
    topic: T,
  },
  {
    failure:
      "Two devices change the cart at once, or carts written in two regions are merged, and a removed item reappears or an added one is dropped.",
    role: "truth",
    prevention:
      "Apply each change as its own line operation (an increment or a set under a request id), never a whole-cart overwrite, and keep removals as a removed_at marker that a merge honours.",
    repair: "Show the merged cart to the shopper before checkout; a line restored by mistake is removed again.",
    topic: T,
  },
  {
    failure: "A shopper signs in on two devices at once and the guest cart is merged twice, doubling its lines.",
    role: "truth",
    prevention:
      "The merge commits with the guest cart's move from active to merged, conditional on it still being active, so the second merge finds nothing to do.",
    repair: "A double merge is undone from the merge's request id, which both attempts share.",
    topic: T,
  },
  {
    failure: "A price or stock level shown when the item was added has changed by checkout.",
    role: "derived",
    prevention:
      "Checkout re-prices every line and checks its stock when the order is placed; the cart never holds stock.",
    repair: "Show the shopper the changed lines and ask again before the order is placed.",
    topic: T,
  },
  {
    failure: "Expired carts are not yet deleted by the store's background expiry and show up again.",
    role: "derived",
    prevention: "Every read compares expires_at with the time itself rather than trusting the sweeper to have run.",
    repair: "The sweeper catches up; nothing past expires_at is ever shown.",
    topic: T,
  },
] as const;

export const CART_BOTTLENECKS = [
  {
    bottleneck: "Cart writes at the day's peak: every add, change and merge is a transaction on the cart's partition",
    mitigation:
      "Partition by cart id (one shopper's writes are a trickle), batch a page's several adds into one request, and keep the request-id record beside the cart's rows",
    formula: {
      yields: "cart writes a second at peak",
      expression: "users * cart_ops_per_user_per_day / 86400 * peak_factor",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck: "Sales days: a flash sale multiplies adds within minutes",
    mitigation:
      "Provision the store for the sale's peak ahead of time; the cart holds no stock, so a hot product is hot only in the catalogue and at checkout",
    topic: T,
  },
] as const;

/**
 * Products for a cart store, checked: DynamoDB (docs.aws.amazon.com): conditional writes and TransactWriteItems
 * apply several item changes all or none; strongly consistent reads return every write acknowledged before them; TTL
 * deletes expired items in the background, usually within a couple of days.
 */
export const CART_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "DynamoDB (cart table keyed by cart id and sku, request ids beside the lines)",
    layer: "storage",
    fits: "Lines and the request-id record change together in one TransactWriteItems; the cart view is a strongly consistent query on the cart id; TTL removes idle carts",
    suits: ["durable", "high-throughput", "operational-simplicity"],
    poorFor: ["multi-region"],
    caveat:
      "TTL deletes late (usually within two days), so reads filter on expires_at; global tables in their default eventual mode resolve concurrent writes by last writer wins, which would drop one of two adds to the same line (the multi-Region strong consistency mode refuses the second write instead, which the client must retry)",
    topic: T,
  },
  {
    product: "PostgreSQL sharded by cart id",
    layer: "storage",
    fits: "An upsert on (cart_id, sku) and an insert of the request id in one transaction, with synchronous replication to a standby before commit",
    suits: ["durable", "linearizable"],
    poorFor: ["multi-region", "operational-simplicity"],
    caveat: "Sharding and resharding are the application's, and a synchronous standby adds its round trip to every add",
    topic: T,
  },
];

export const CART_COMPONENTS: ComponentSpec[] = [
  {
    id: "shoppers",
    name: "Shoppers' web and app clients (a request id per change)",
    kind: "client",
    runs: ["add item", "change quantity", "view cart", "sign in"],
    because: "a client makes each change's request id once and resends it unchanged on a retry",
    topic: T,
  },
  {
    id: "cart-service",
    name: "Cart service (stateless, routes by cart id)",
    kind: "service",
    runs: ["apply changes under request ids", "merge a guest cart at sign-in", "hand the cart to checkout"],
    because: "every change is one transaction on the cart's own rows, so any instance can take it",
    topic: T,
  },
  {
    id: "cart-store",
    name: "Cart store (partitioned by cart id, replicated; a majority acknowledges each change)",
    kind: "replica-group",
    holds: ["Cart", "CartLine", "CartRequest"],
    runs: ["transactional upsert", "consistent read", "expire idle carts"],
    because: "an acknowledged add is held by a majority of the cart's replicas before the shopper is told",
    topic: T,
  },
  {
    id: "identity",
    name: "Sign-in (guest token to user id)",
    kind: "external",
    runs: ["sign the shopper in", "name the guest cart to merge"],
    because: "signing in names both the guest cart and the account cart the merge joins",
    topic: T,
  },
  {
    id: "catalogue",
    name: "Catalogue, price and stock service",
    kind: "external",
    runs: ["price a sku", "report stock"],
    because: "the cart shows prices and stock but holds neither; checkout asks again",
    topic: T,
  },
  {
    id: "checkout",
    name: "Checkout (re-prices, re-checks stock, places the order)",
    kind: "external",
    runs: ["read the cart at a version", "re-price and check stock", "place the order"],
    because: "an order is placed only from a cart version checkout has priced itself",
    topic: T,
  },
];

export const CART_LINKS: LinkSpec[] = [
  { from: "shoppers", to: "cart-service", kind: "request", label: "add, change, view (request id)", topic: T },
  {
    from: "cart-service",
    to: "cart-store",
    kind: "request",
    label: "transaction per change; consistent read",
    topic: T,
  },
  { from: "shoppers", to: "identity", kind: "request", label: "sign in with the guest token", topic: T },
  { from: "identity", to: "cart-service", kind: "callback", label: "merge the guest cart", topic: T },
  { from: "cart-service", to: "catalogue", kind: "request", label: "prices and stock to show", topic: T },
  { from: "checkout", to: "cart-service", kind: "request", label: "read the cart at its version", topic: T },
  { from: "checkout", to: "catalogue", kind: "request", label: "re-price and check stock", topic: T },
];

export const CART_API: ApiSpec[] = [
  {
    operation: "add item",
    call: "POST /v1/carts/{cart_id}/lines",
    request: ["request_id", "sku", "quantity"],
    response: ["line", "cart version"],
    errors: ["404 unknown sku", "409 cart checked out or merged", "503 the cart's home has no majority (retry)"],
    guarantee: "applied once per request_id, acknowledged only after a majority of replicas hold it",
    topic: T,
  },
  {
    operation: "change quantity",
    call: "PUT /v1/carts/{cart_id}/lines/{sku}",
    request: ["request_id", "quantity (0 removes)"],
    response: ["line", "cart version"],
    errors: ["404 no such line", "409 cart checked out or merged"],
    guarantee: "a set, not an increment: repeating it changes nothing; a removal is kept as a marker",
    topic: T,
  },
  {
    operation: "view cart",
    call: "GET /v1/carts/{cart_id}",
    request: ["cart_id (the user's, or the guest token's)"],
    response: ["lines", "cart version", "prices and stock to show"],
    errors: ["404 expired or unknown"],
    guarantee: "every change acknowledged before the read is in it, from any device",
    topic: T,
  },
  {
    operation: "merge guest cart",
    call: "POST /v1/carts/{account_cart_id}/merge",
    request: ["request_id", "guest_cart_id"],
    response: ["cart", "cart version"],
    errors: ["409 guest cart already merged (returns the merged cart)"],
    guarantee: "once per guest cart: the lines and the guest cart's move to merged commit together",
    topic: T,
  },
];

export const CART_DATA: DataSpec[] = [
  {
    entity: "Cart",
    key: ["cart_id"],
    fields: ["owner (user_id or guest_token)", "state", "version", "updated_at", "expires_at", "merged_into"],
    indexes: ["owner (one active cart per owner)", "expires_at"],
    partitionKey: "cart_id",
    owner: "cart-store",
    topic: T,
  },
  {
    entity: "CartLine",
    key: ["cart_id", "sku"],
    fields: ["quantity", "added_at", "price_shown", "removed_at"],
    indexes: [],
    partitionKey: "cart_id",
    owner: "cart-store",
    topic: T,
  },
  {
    entity: "CartRequest",
    key: ["cart_id", "request_id"],
    fields: ["result", "cart_version", "applied_at"],
    indexes: [],
    partitionKey: "cart_id",
    owner: "cart-store",
    topic: T,
  },
];

export const CART_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Add an item once",
    notation:
      "shoppers>cart-service[add item with request id] -> cart-service>cart-store[one transaction: record the request id, raise the (cart, sku) line {request id not yet recorded and Cart.state = active}] -> cart-store[a majority of the cart's replicas hold it] -> cart-service>shoppers[line and cart version] |-> cart-service>shoppers[the first result {request id already recorded}] => done | retry",
    topic: T,
  },
  {
    name: "Merge a guest cart at sign-in",
    notation:
      "shoppers>identity[sign in with the guest token] -> identity>cart-service[merge the guest cart into the account's] -> cart-service>cart-store[one transaction: copy lines keeping the larger quantity, removals kept, guest cart to merged {guest Cart.state = active}] -> cart-service>shoppers[the account's cart] |-> cart-service>shoppers[the account's cart as it is {guest Cart.state = merged}] => done",
    topic: T,
  },
  {
    name: "Check out from a cart version",
    notation:
      "checkout>cart-service[read the cart at its version] -> checkout>catalogue[re-price every line and check its stock] -> checkout[place the order from that version {prices and stock confirmed}] -> checkout>cart-service[move the cart to checked out {Cart.version unchanged}] |-> checkout>cart-service[return the changed lines for the shopper to confirm {a price or stock changed}] => done | retry",
    topic: T,
  },
];

/** The cart's figures: changes and views a second from the shoppers, carts held, their bytes, and merges. */
export const CART_CAPACITY: CapacityModel = {
  inputs: [
    inp("users", 10000000, "a planning figure: ten million shoppers a day on a large store"),
    inp("peak_factor"),
    inp("target_utilisation"),
    {
      quantity: "cart_ops_per_user_per_day",
      label: "cart changes one shopper makes a day (adds, quantity changes, removals)",
      unit: "ops/day",
      typical: 10,
      why: "a planning figure: a shopper adds, changes or removes about ten lines a day",
    },
    {
      quantity: "cart_views_per_user_per_day",
      label: "times one shopper views the cart a day (the cart badge counts)",
      unit: "views/day",
      typical: 30,
      why: "a planning figure: the cart count on every page is a view",
    },
    {
      quantity: "new_cart_share",
      label: "share of a day's shoppers who start a cart not already held",
      unit: "fraction",
      typical: 0.2,
      why: "a planning figure: most shoppers come back to a cart they already have",
    },
    {
      quantity: "cart_days",
      label: "days an idle cart is kept",
      unit: "days",
      typical: 30,
      why: "a planning figure: an account's cart is kept about a month after its last change (a guest's sooner)",
    },
    {
      quantity: "lines_per_cart",
      label: "lines one cart holds",
      unit: "lines",
      typical: 5,
      why: "a planning figure: a handful of products per cart",
    },
    {
      quantity: "line_bytes",
      label: "bytes of one cart line with its request id",
      unit: "B",
      typical: 300,
      why: "a sku, quantity, times, the price shown and the request id that set it, with index overhead",
    },
    {
      quantity: "signin_merge_share",
      label: "share of a day's shoppers who sign in holding a guest cart",
      unit: "fraction",
      typical: 0.2,
      why: "a planning figure: about one shopper in five adds before signing in",
    },
  ],
  figures: [
    fig(
      "cart_writes_per_sec",
      "cart changes a second at peak",
      "peak",
      "users * cart_ops_per_user_per_day / 86400 * peak_factor",
      "writes/s",
    ),
    fig(
      "cart_reads_per_sec",
      "cart views a second at peak",
      "peak",
      "users * cart_views_per_user_per_day / 86400 * peak_factor",
      "reads/s",
    ),
    fig("carts_held", "carts held at once", "count", "users * new_cart_share * cart_days", "carts"),
    fig("cart_store_bytes", "bytes of every cart held", "storage", "carts_held * lines_per_cart * line_bytes", "B"),
    fig(
      "cart_store_bytes_all_regions",
      "bytes of every cart held, counted in every region that keeps a copy",
      "storage",
      "carts_held * lines_per_cart * line_bytes * regions",
      "B",
    ),
    fig(
      "merges_per_sec",
      "guest-cart merges a second at peak",
      "rate",
      "users * signin_merge_share / 86400 * peak_factor",
      "merges/s",
    ),
  ],
};

export const CART_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-cart-home",
    topic: T,
    question:
      "Give each cart one home whose majority acknowledges every change, or take writes in every region and merge the copies?",
    options: [
      {
        id: "one-home",
        name: "one home per cart: changes commit on the cart's partition with a majority of its replicas; reads are consistent",
        buys: "an add is applied once and seen on every device's next view, and no merge can drop or revive a line",
        costs:
          "a shopper far from the cart's home pays the round trip, and the cart refuses writes while its home has no majority",
        winsWhen:
          "an added item must never be lost or doubled, and the store serves shoppers mostly from one region per shopper",
      },
      {
        id: "merge-everywhere",
        name: "always writable: every region takes changes as line operations and merges copies (adds kept per request id, removals kept as markers)",
        buys: "a region or partition fault never refuses an add, which is what Amazon's Dynamo cart chose",
        costs:
          "two regions' copies differ until merged, and a merge that only keeps adds brings back removed items unless removals are kept as markers",
        winsWhen: "the prompt asks for a cart that always takes writes, or eventual consistency across regions",
        wins: [
          {
            words: String.raw`\b(?:always (?:accepts?|takes?|writ\w*|available)|never rejects?|eventual(?:ly)? consisten\w*|active[- ]active|multi[- ]region writes?|writ\w* in (?:any|every) region|highly available|(?:stays?|remains?|staying|remaining) (?:fully )?(?:available|writable)(?! to)|(?:accepts?|takes?) writes (?:during|through|despite) (?:a |network )?partitions?)\b`,
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "one-home",
      because:
        "a change committed by a majority of one home is applied once and never merged away, which is what 'never lost and never doubled' asks",
    },
  },
  {
    id: "i16-cart-merge",
    topic: T,
    question:
      "When a guest cart meets the account's cart at sign-in, keep the larger quantity of a shared sku, or add them up?",
    options: [
      {
        id: "larger",
        name: "keep the larger quantity of each shared sku (commercetools' MergeWithExistingCustomerCart)",
        buys: "a product the shopper put in both carts is not doubled by signing in",
        costs: "a shopper who really wanted both quantities must raise it by hand",
        winsWhen: "the two carts are likely the same intent on two devices",
      },
      {
        id: "sum",
        name: "add the quantities of each shared sku",
        buys: "nothing the shopper added on either device is lost",
        costs: "the same item added on phone and laptop is ordered twice unless the shopper notices",
        winsWhen: "the prompt asks that quantities from both carts add up",
        wins: [{ words: String.raw`\b(?:sum|add up|adds? up|combine[sd]? (?:the )?quantit\w*)\b` }],
      },
    ],
    rules: [],
    fallback: {
      option: "larger",
      because:
        "a sku in both carts is most often one intent made twice, and the larger quantity neither drops nor doubles it",
    },
  },
];
