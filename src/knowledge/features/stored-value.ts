import { fig, inp, LOCK_WORDS, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

/**
 * Words that say money or currency moves between the users themselves, or leaves the platform for a bank: a
 * peer-to-peer wallet (the transfer feature) is what such a prompt asks for, not a closed-loop balance.
 */
export const PEER_MONEY_WORDS = String.raw`\b(?:send|sends|sending|sent|gift|gifts|gifting|transfer|transfers|transferring|transferred) (?:\w+ ){0,3}(?:to|between) (?:their |his |her |your |a |an |the )?(?:friends?|each other|one another|other (?:users|players|people|members|customers)|another (?:user|player|person|member|customer)|users|players|people|members)\b|\bpay(?:s|ing)? (?:each other|one another|(?:their )?friends?|other (?:users|players|people))\b|\b(?:send|sends|sending|transfer|transfers|transferring) (?:money|funds|payments?)\b|\bmoney transfers?\b|\bpeer[- ]to[- ]peer\b|\bp2p\b|\bcash(?:es|ed|ing)? (?:\w+ ){0,3}out\b|\bcash-?outs?\b|\bwithdraw\w*\b|\bbank accounts?\b|\bsplit (?:the |a )?(?:bills?|checks?)\b|\bpayouts?\b`;

/**
 * Words that say the platform sells physical or shipped goods from a cart: a checkout with its order and capture is
 * asked for beside (or instead of) the currency's own top-up.
 */
export const CART_WORDS = String.raw`\b(?:carts?|checkouts?|shipp\w*|ships|deliver(?:y|ies|ed)|orders?|ordering|online stores?|e-?commerce|marketplaces?|shop(?:s|ping)?)\b`;

const USERS = inp(
  "users",
  20e6,
  "monthly active users of an app with its own currency (a game's players, a store's members)",
);
const ENTRY_BYTES = inp("entry_bytes", 200, "one journal line with ids, amount, kind and timestamps");
const SPENDS = fig(
  "spends_per_sec",
  "spends per second",
  "rate",
  "users * spends_per_user_per_day / 86400",
  "spends/s",
);
const PEAK_SPENDS = fig(
  "peak_spends_per_sec",
  "peak spends per second",
  "peak",
  "spends_per_sec * peak_factor",
  "spends/s",
);

/**
 * A closed-loop stored value: a balance in the platform's own currency (a game's coins or gems, a store's loyalty
 * points, an API's prepaid credits) that users buy or earn and spend inside the platform. The currency never leaves it:
 * no user pays another and nothing is cashed out to a bank, so the design is a guarded balance per account and a
 * double-entry journal against the platform's own issuance and revenue accounts. Money enters only through a top-up,
 * a payment at an outside provider credited once per provider payment id.
 */
export const STORED_VALUE: FeatureEntry = {
  id: "stored-value",
  name: "In-app currency balance (closed-loop wallet)",
  summary:
    "Users hold a balance of the platform's own currency (coins, points, credits, gems) that they buy or earn and spend inside the platform; it never leaves it. Each account's balance row is the authority: a spend debits it with a condition (the balance stays at or above zero) in the same transaction that appends its two journal entries, under the spend's idempotency key. A top-up is a payment at an outside provider, credited once per provider payment id when the provider confirms it (a signed webhook or a verified receipt), whichever of the two arrives first. The platform's issuance and revenue accounts take the other side of every entry, so the journal always balances.",
  signals: [
    "coins",
    "gems",
    "in-game currency",
    "in-app currency",
    "virtual currency",
    "loyalty points",
    "loyalty program",
    "rewards program",
    "points program",
    "reward points",
    "rewards points",
    "frequent flyer",
    "air miles",
    "miles program",
    "cashback credits",
    "cashback program",
    "stars program",
    "earn miles",
    "earn stars",
    "earn points",
    "redeem points",
    "points balance",
    "buy credits",
    "top-up credits",
    "spend credits",
    "prepaid credits",
    "credits system",
    "buy tokens",
    "spend tokens",
  ],
  terms: { coin: "coin", user: "user", item: "item" },
  promptNouns: {
    coin: ["coin", "gem", "diamond", "point", "credit", "token", "mile", "star"],
    user: ["player", "customer", "viewer", "member", "gamer"],
  },
  // currency users send one another ("transfer credits between players") is a ledger of the users' own accounts
  builtBy: {
    topic: "ledger",
    id: "I16",
    why: "a ledger of the system's own accounts (I16's ledger subject) keeps the accounts, each transfer under its id and the double-entry journal itself, so a balance users send one another adds no second wallet beside it",
  },
  wholeSystem:
    "a balance in the platform's own currency is the whole record such a system keeps: an infra ask for loyalty points, game coins or prepaid credits is built from the wallet rows, their journal and the top-up, not from a generic key-value tier",
  wholeSystemInHead: true,
  supersedes: [
    {
      id: "transfer",
      because:
        "the balance is in the platform's own currency, bought or earned and spent inside it: no user pays another and nothing is cashed out to a bank, so the balance is a guarded row with a journal against the platform's own issuance and revenue accounts, not a money-transfer ledger with payouts",
      unless: PEER_MONEY_WORDS,
    },
    {
      id: "checkout",
      because:
        "the currency is credited by its own path (a top-up paid at the provider, or points granted for a purchase already paid), once per that payment's or receipt's id, with no cart, order or shipment, so a checkout beside it would charge the same purchase a second time",
      unless: CART_WORDS,
    },
  ],
  actions: [
    {
      action: "redeem {coins} for an {item}",
      shape: "state transition",
      entity: "Wallet",
      critical: true,
      substrate: "I16",
      mechanism: "guarded-transition",
    },
    {
      // loyalty points that are only earned are never bought: no payment provider is drawn for them
      unlessTopic: "earned-currency-only",
      action: "buy {coins} with real money (top up)",
      shape: "create target",
      entity: "TopUp",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      topic: "earned-currency",
      action: "earn {coins} for an activity the platform rewards",
      shape: "state transition",
      entity: "Wallet",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      topic: "expiring-points",
      action: "expire the {coins} of every lot past its expiry date",
      shape: "async process",
      entity: "PointLot",
      critical: true,
      hidden: true,
      substrate: "I16",
      mechanism: "expiry-sweeper",
    },
    {
      action: "see the {coin} balance",
      shape: "read source",
      entity: "Wallet",
      critical: false,
      substrate: "I16",
    },
    {
      action: "see the {coin} history",
      shape: "read projection",
      entity: "JournalLine",
      critical: false,
      substrate: "I06",
    },
  ],
  entities: [
    {
      name: "Wallet",
      description:
        "per account: the {coin} balance and a version, the authority every spend is checked against; never below zero",
    },
    {
      name: "JournalLine",
      description:
        "one side of a movement, stored in the wallet's partition beside the other side: the ledger account it posts to (the {user}'s wallet, or the platform's issuance, revenue or promotions account), signed amount, movement id and kind (top-up, spend, grant, refund); never updated",
    },
    {
      unlessTopic: "earned-currency-only",
      name: "TopUp",
      description:
        "one purchase of {coins}: the provider's payment id (unique), amount paid, {coins} credited, state (pending, credited, refunded)",
    },
    {
      topic: "expiring-points",
      name: "PointLot",
      description:
        "one grant of {coins} from one purchase: the receipt id it was earned on (unique per wallet), {coins} granted and {coins} left, earned at and expires at (the earned date plus the stated period, counted in calendar months or years, not in days), state (live, used, expired); the wallet's balance is the sum of its live lots' {coins} left",
    },
    {
      name: "Spend",
      description: "one debit under the client's idempotency key: {item}, {coins} taken, the entries it wrote",
    },
  ],
  nfrs: [
    "no {user}'s {coin} balance ever goes below zero (linearizable per wallet, fail closed)",
    "every movement writes entries that sum to zero against the platform's own accounts, so {coins} are never created or lost",
    "every credit is applied once per the id of what paid for or earned it (a provider payment id, a purchase receipt or rewarded event id), and a spend once per idempotency key",
    "balances are read from the wallet store's primary, never a cache or replica",
  ],
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "a spend must see every earlier debit of the same wallet, or two of them both take the last {coins} and the balance goes below zero, so a wallet whose primary cannot be reached refuses spends rather than decide on a stale balance",
  },
  realizes: [
    {
      id: "I16",
      entity: "Wallet",
      demand: "no {user}'s {coin} balance ever goes below zero",
      why: "the balance is a row in the wallet store that a spend decrements only while it stays at or above the amount, in the same transaction that appends the spend's entries; the rule is that row's guarded update, so no separate key-value tier is drawn",
      instead: "key-value store",
      unless: String.raw`\b(?:key[- ]value stores?|kv stores?|storage engines?|databases? engines?)\b`,
    },
    {
      id: "I02",
      entity: "Spend",
      demand: "no {coins} are ever spent or redeemed twice",
      why: "spending the same {coins} twice is the balance going below zero or a retried spend applied again: the guarded debit on the wallet row and the spend's unique idempotency key keep both, so no lease service is drawn",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
    {
      id: "I03",
      entity: "PointLot",
      demand: "{coins} expire a fixed time after they are earned",
      why: "each lot is stamped with its own expiry date when it is granted, a balance read counts only lots not yet past it, and one expiry sweep over the lots' expiry index writes each expired lot's entries once; an expiry is a date on a record the wallet already holds, so no scheduler of recurring jobs, due-time poller or job queue is drawn",
      instead: "job scheduler",
      unless: String.raw`\b(?:cron|schedulers?|scheduled (?:jobs?|tasks?)|job queues?|task queues?|delayed (?:jobs?|tasks?|queues?)|timer services?)\b`,
    },
  ],
  // a spend claims its coins by the guarded debit on the wallet row, so a lease service recognised beside the wallet
  // ("never redeemed twice") is not drawn
  carries: [
    {
      id: "I12",
      why: "a purchase's {coins} are credited by the wallet's own transaction, keyed uniquely by the purchase's receipt id, so a repeated sale event credits nothing twice; the wallet makes no call to an outside party that a workflow and outbox would have to carry",
    },
    {
      id: "I02",
      why: "the {coins} a spend takes are claimed by the guarded debit on the wallet row under the spend's idempotency key, so no lease is drawn",
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each wallet's balance is a row in the system of record changed only by guarded updates",
      stance:
        "a spend that cannot reach the wallet's primary is refused: deciding on a replica's older balance could spend the same {coins} again",
      scopes: {
        ordering: {
          scope: "key",
          why: "one wallet's spends, grants and top-ups are serialised by its balance row: each sees the balance the one before it left",
        },
        exclusivity: {
          scope: "key",
          why: "each wallet row has one writer at a time, the primary holding its partition; wallets never wait on each other",
        },
        coordination: {
          scope: "key",
          why: "a movement touches one wallet and the platform's own accounts, whose entries are appended without a guarded balance, so no two wallets ever take part in one transaction",
        },
      },
    },
    {
      id: "I12",
      role: "input",
      why: "a top-up is a payment at an outside provider, credited when the provider confirms it; the provider's confirmation is an input to the wallet, which makes no outside call of its own",
      party: "payment-provider",
      unlessTopic: "earned-currency-only",
      record: {
        entity: "TopUp",
        why: "the top-up row is the purchase's whole workflow state: inserted pending under the client's idempotency key, moved to credited by the provider's confirmation under a unique provider payment id, in the transaction that writes its entries; the server makes no outside call that an outbox would have to carry",
      },
    },
    { id: "I06", role: "output", why: "the {coin} history is a projection of the wallet entries" },
  ],
  hotspot: {
    figure: "peak_spends_per_sec",
    bottleneck:
      "Spends at the peak: every spend is a guarded update of one wallet row plus two entries in one transaction, and a busy {user}'s wallet serialises its own spends",
    mitigation:
      "partition wallets by account id so spends spread over the store; the platform's issuance and revenue accounts are never guarded, so their entries are appended without updating a balance row (their totals are summed by a periodic rollup), which keeps them from becoming one hot row every spend writes",
  },
  capacity: {
    inputs: [
      USERS,
      perUserDaily("spends_per_user_per_day", "spends", 2, "a couple of purchases of items a day per active user"),
      perUserDaily("topups_per_user_per_day", "topups", 0.02, "a top-up every month or two per active user"),
      ENTRY_BYTES,
    ],
    figures: [
      SPENDS,
      PEAK_SPENDS,
      fig("topups_per_sec", "top-ups per second", "rate", "users * topups_per_user_per_day / 86400", "top-ups/s"),
      fig(
        "wallet_entry_bytes_per_year",
        "wallet journal growth per year (two lines per movement)",
        "growth",
        "(spends_per_sec + topups_per_sec) * 86400 * 365 * entries_per_transfer * entry_bytes",
        "B",
      ),
    ],
    // a currency only earned (loyalty points) is granted on the platform's own events and redeemed now and then
    topics: {
      // points earned on purchases that expire: each purchase is a lot kept until its expiry date, swept once a day
      "expiring-points": {
        inputs: [
          USERS,
          perUserDaily("spends_per_user_per_day", "redemptions", 0.05, "a redemption every few weeks per member"),
          perUserDaily(
            "grants_per_user_per_day",
            "purchases",
            0.3,
            "a member buys something every few days on average (dormant members included), each purchase credited as one lot",
          ),
          inp("ttl_seconds", 31536000, "points usually expire a year after they are earned"),
          inp("lot_bytes", 120, "one lot row: ids, receipt id, granted and remaining points, two dates, state"),
          inp(
            "sweep_window_seconds",
            14400,
            "the daily expiry sweep runs in a four-hour quiet window; reads already leave out lots past their date",
          ),
          ENTRY_BYTES,
        ],
        figures: [
          SPENDS,
          PEAK_SPENDS,
          fig(
            "grants_per_sec",
            "purchases credited per second",
            "rate",
            "users * grants_per_user_per_day / 86400",
            "grants/s",
          ),
          fig(
            "point_lots",
            "point lots kept (one per purchase until it expires)",
            "storage",
            "grants_per_sec * ttl_seconds",
            "lots",
          ),
          fig("point_lot_bytes", "point lots' storage", "storage", "grants_per_sec * ttl_seconds * lot_bytes", "B"),
          fig(
            "expiry_sweep_per_sec",
            "lots expired per second during the daily sweep (a day's lots, once the first period has passed)",
            "rate",
            "grants_per_sec * 86400 / sweep_window_seconds",
            "lots/s",
          ),
          fig(
            "wallet_entry_bytes_per_year",
            "wallet journal growth per year (two lines per movement)",
            "growth",
            "(spends_per_sec + 2 * grants_per_sec) * 86400 * 365 * entries_per_transfer * entry_bytes",
            "B",
          ),
        ],
      },
      "earned-currency-only": {
        inputs: [
          USERS,
          perUserDaily("spends_per_user_per_day", "redemptions", 0.05, "a redemption every few weeks per member"),
          perUserDaily("grants_per_user_per_day", "grants", 0.3, "points granted on a purchase every few days"),
          ENTRY_BYTES,
        ],
        figures: [
          SPENDS,
          PEAK_SPENDS,
          fig("grants_per_sec", "grants per second", "rate", "users * grants_per_user_per_day / 86400", "grants/s"),
          fig(
            "wallet_entry_bytes_per_year",
            "wallet journal growth per year (two lines per movement)",
            "growth",
            "(spends_per_sec + grants_per_sec) * 86400 * 365 * entries_per_transfer * entry_bytes",
            "B",
          ),
        ],
      },
    },
  },
  decisions: [
    {
      id: "wallet-sharding",
      question: "Keep every wallet on one transactional primary, or shard the wallets by account id?",
      options: [
        {
          id: "one-primary",
          name: "one transactional primary (with a synchronous standby) for every wallet",
          buys: "one database to run, back up and query; the platform accounts' totals are one query",
          costs: "every spend and top-up commits on one primary, so its write rate is the ceiling",
          winsWhen: "peak spends fit one primary",
        },
        {
          id: "by-account",
          name: "wallets sharded by account id, each movement's two lines in its wallet's shard",
          buys: "spends spread over shards with no cross-shard transaction, since a movement touches one wallet and the platform's unguarded accounts",
          costs: "the platform accounts' totals are summed across shards by a rollup, and resharding moves wallets",
          winsWhen: "peak spends pass what one primary commits",
          wins: [{ number: "peak_spends_per_sec", atLeast: 5000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "peak_spends_per_sec", atLeast: 5000 }],
          option: "by-account",
          because: "peak spends pass what one transactional primary commits comfortably",
        },
      ],
      fallback: { option: "one-primary", because: "the peak spends fit one transactional primary" },
    },
    {
      id: "wallet-credit-source",
      // only a bought currency has a provider to hear from
      unlessTopic: "earned-currency-only",
      question:
        "Credit a top-up from the provider's confirmation (a signed webhook or a server-side receipt check), or from the client's report that it paid?",
      options: [
        {
          id: "provider-confirmed",
          name: "credit only once the provider confirms the payment, keyed by the provider's payment id",
          buys: "no currency for a payment that failed or was forged, and the webhook and the client's report of the same payment credit once",
          costs:
            "the buyer waits for the confirmation, and a webhook the provider retries for days must be answered idempotently",
          winsWhen: "the currency is bought with real money",
        },
        {
          id: "client-reported",
          name: "credit when the client reports a completed purchase",
          buys: "an instant credit with no server-side check",
          costs: "a forged or replayed report mints currency for nothing",
          winsWhen:
            "the currency is only ever earned in play and no real money buys it, so a forged report costs nothing but the game's balance",
        },
      ],
      rules: [],
      fallback: {
        option: "provider-confirmed",
        because: "the client cannot be trusted to say it paid, so the credit waits for the provider's word",
      },
    },
  ],
  invariants: [
    {
      action: "redeem {coins} for an {item}",
      statement:
        "No {user}'s {coin} balance ever goes below zero: a spend debits the wallet row only while its balance is at least the amount, in the same transaction that appends the spend's two entries (the wallet's debit, the platform revenue account's credit), and a retried spend with the same idempotency key writes nothing new.",
    },
    {
      unlessTopic: "earned-currency-only",
      action: "buy {coins} with real money (top up)",
      statement:
        "A top-up credits {coins} once per provider payment id: the credit inserts the top up row keyed uniquely by that id and writes its two entries (the platform issuance account's debit, the wallet's credit) in one transaction, so the provider's retried webhook and the client's own report of the same payment credit once.",
    },
    {
      topic: "earned-currency",
      action: "earn {coins} for an activity the platform rewards",
      statement:
        "A grant credits {coins} to the wallet once per rewarded event id: the wallet's balance, its credit entry and the platform promotions account's debit are written in one transaction, and a repeated event id writes nothing new.",
    },
    {
      topic: "expiring-points",
      action: "expire the {coins} of every lot past its expiry date",
      statement:
        "{Coins} expire once, at their own lot's expiry date: the sweep moves a live point lot past expires_at to expired and debits its {coins} left from the balance with an expiry entry in one transaction guarded by the lot's state, so a rerun sweep expires nothing twice; a balance read counts only lots not yet past expires_at, so a late sweep never shows expired {coins}, and a redemption takes {coins} from the live lots with the earliest expiry first.",
    },
  ],
  failures: [
    {
      topic: "expiring-points",
      failure:
        "The store's sale event for one purchase is delivered twice (the point-of-sale retries, the event stream redelivers after a consumer crash)",
      prevention:
        "the credit inserts the purchase's lot keyed uniquely by (account id, receipt id) in the transaction that adds to the balance and writes its entries",
      repair: "the second insert finds the receipt's lot and returns it; no {coins} are credited twice",
      role: "external effect",
    },
    {
      topic: "expiring-points",
      failure: "The expiry sweep crashes halfway through a day's expiring lots, or runs twice",
      prevention:
        "each lot expires in its own transaction guarded by state = live and expires_at passed, and balance reads already leave out lots past expires_at",
      repair: "the next run picks up the lots still live past their date; a lot already expired is skipped",
      role: "truth",
    },
    {
      topic: "expiring-points",
      failure: "A purchase is returned after its {coins} were redeemed",
      prevention:
        "the return debits the receipt's lot for what it still holds, then the wallet's other live lots, never below zero",
      repair: "what the wallet cannot cover is recorded against a receivable account and taken from its next credits",
      role: "truth",
    },
    {
      failure: "Two spends from the same wallet run at once and together take more than its balance",
      prevention:
        "each spend is one conditional update (balance ≥ amount) on the wallet row at its primary, in the transaction that appends its entries",
      repair: "the later spend fails its condition and is refused before anything is granted",
      role: "truth",
    },
    {
      unlessTopic: "earned-currency-only",
      failure:
        "The provider's webhook for one payment arrives twice, or after the client already reported the purchase",
      prevention: "a unique key on the top-up's provider payment id, inserted in the credit's own transaction",
      repair: "the second credit finds the id and returns the first result; no {coins} are minted twice",
      role: "external effect",
    },
    {
      unlessTopic: "earned-currency-only",
      failure:
        "The provider's confirmation never arrives (the webhook endpoint was down past the provider's retries), so a paid top-up stays pending",
      prevention:
        "a sweeper asks the provider for the status of every top-up pending longer than a few minutes, by the payment id the top-up recorded when it was created",
      repair:
        "credit the ones the provider says succeeded through the same once-per-payment-id credit, so a late webhook for the same payment changes nothing",
      role: "external effect",
    },
    {
      unlessTopic: "earned-currency-only",
      failure: "A paid top-up is refunded or charged back after its {coins} were spent",
      prevention:
        "the refund debits only what the wallet still holds, never below zero, and records the rest against a receivable account",
      repair: "flag the account for review and recover the rest from its next top-up",
      role: "external effect",
    },
    {
      failure:
        "The wallet store's primary crashes during a spend, after the client sent it and before the answer came back",
      prevention:
        "a commit is acknowledged only once a synchronous standby holds it, so the promoted standby has every debit",
      repair:
        "the client retries the spend with the same idempotency key against the promoted standby, which holds the spend if it committed and returns its first result, or applies it once if it did not",
      role: "truth",
    },
  ],
  technology: [
    // PostgreSQL docs, "Transaction Isolation": under Read Committed an UPDATE that meets a row another transaction is
    // changing waits for it, then re-evaluates its WHERE clause on the new row version.
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "wallet rows changed by one conditional UPDATE (balance ≥ amount) in the transaction that inserts the entries; a concurrent spend of the same wallet waits and re-checks the condition on the new balance",
    },
    // docs.stripe.com/webhooks/process-undelivered-events: Stripe resends an undelivered event for up to three days;
    // developer.apple.com App Store Server Notifications: a version 2 notification is retried five times (1, 12, 24,
    // 48 and 72 hours apart) until the server answers 200-206
    {
      unlessTopic: "earned-currency-only",
      layer: "serving",
      product: "Stripe, or the App Store and Google Play for in-app purchases",
      fits: "the payment provider; each resends a confirmation the server has not acknowledged (Stripe for up to three days, the App Store's version 2 notifications five more times), so the credit is keyed by the provider's payment or transaction id",
    },
  ],
  topology: {
    components: [
      {
        id: "wallet-service",
        name: "Wallet service",
        kind: "service",
        runs: ["credit", "spend", "balance", "history"],
        because: "one place checks the balance and writes the entries in one transaction, refusing a spend past zero",
      },
      {
        id: "wallet-db",
        name: "Wallet database (transactional, synchronous standby)",
        kind: "store",
        holds: ["Wallet", "JournalLine", "TopUp", "Spend", "PointLot"],
        because: "the balance row and the entries change in one ACID transaction",
      },
      {
        topic: "expiring-points",
        id: "sale-events",
        name: "Sale event consumer (store tills and online orders)",
        kind: "worker-pool",
        runs: ["credit a purchase's lot once per receipt id"],
        because:
          "every completed sale is an event carrying its receipt id; crediting it in the wallet's own transaction keyed by that id makes a redelivered event credit nothing twice",
      },
      {
        topic: "expiring-points",
        id: "lot-expiry",
        name: "Lot expiry sweeper",
        kind: "control-loop",
        runs: ["expire lots past expires_at, in expiry order"],
        because:
          "lots past their date must leave the balance and the journal without anyone asking; reads already skip them, so the sweep only has to finish within the day",
      },
      {
        unlessTopic: "earned-currency-only",
        id: "payment-provider",
        name: "Payment provider (card processor or app store)",
        kind: "external",
        because: "real money enters only through it; it confirms each payment by a signed webhook it retries",
      },
    ],
    links: [
      { from: "gateway", to: "wallet-service", kind: "request", label: "spend / balance / history" },
      { from: "wallet-service", to: "wallet-db", kind: "request", label: "guarded debit + entries" },
      {
        topic: "expiring-points",
        from: "sale-events",
        to: "wallet-db",
        kind: "request",
        label: "insert lot once per receipt id + credit entries",
      },
      {
        topic: "expiring-points",
        from: "lot-expiry",
        to: "wallet-db",
        kind: "control",
        label: "expire lots past date",
      },
      {
        unlessTopic: "earned-currency-only",
        from: "client",
        to: "payment-provider",
        kind: "request",
        label: "pay for a currency pack",
      },
      {
        unlessTopic: "earned-currency-only",
        from: "payment-provider",
        to: "wallet-service",
        kind: "callback",
        label: "signed webhook: payment succeeded (provider payment id)",
      },
    ],
    api: [
      {
        unlessTopic: "earned-currency-only",
        operation: "top up",
        call: "POST /v1/wallet/top-ups",
        request: ["pack_id", "idempotency_key"],
        response: ["top_up_id", "provider_client_secret", "state"],
        errors: ["409 duplicate idempotency_key (returns the first top-up)"],
        guarantee:
          "creates one pending top-up per idempotency_key; the currency is credited only when the provider confirms the payment, once per provider payment id",
      },
      {
        operation: "spend",
        call: "POST /v1/wallet/spends",
        request: ["idempotency_key", "item_id", "amount"],
        response: ["spend_id", "balance_after"],
        errors: [
          "402 insufficient balance",
          "409 duplicate idempotency_key (returns the first spend)",
          "503 wallet primary unavailable (refused, never guessed)",
        ],
        guarantee:
          "debits only while the balance stays at or above zero, in the transaction that writes its entries; once per idempotency_key",
      },
      {
        topic: "expiring-points",
        operation: "credit a purchase",
        call: "POST /v1/wallets/{account_id}/credits (internal, from the sale event)",
        request: ["receipt_id", "amount", "earned_at"],
        response: ["lot_id", "expires_at", "balance_after"],
        errors: ["409 receipt already credited (returns the first lot)"],
        guarantee:
          "one lot per (account, receipt id), its expiry date stamped at grant; the balance and the entries in the same transaction",
      },
      {
        operation: "balance",
        call: "GET /v1/wallet",
        request: [],
        response: ["balance", "version"],
        errors: [],
        guarantee: "read from the wallet store's primary",
      },
      {
        operation: "history",
        call: "GET /v1/wallet/entries?cursor=",
        request: ["cursor"],
        response: ["entries[]", "next_cursor"],
        errors: [],
        guarantee: "the wallet's entries newest first; every top-up and spend appears once",
      },
    ],
    dataModel: [
      {
        entity: "Wallet",
        key: ["account_id"],
        fields: ["balance", "version", "updated_at"],
        indexes: [],
        partitionKey: "account_id",
        owner: "wallet-db",
      },
      {
        // both lines of a movement (the wallet's and the platform account's) sit in the wallet's partition, so a
        // movement commits on one shard; the platform accounts' totals are summed across partitions by a rollup
        entity: "JournalLine",
        key: ["account_id", "line_id"],
        fields: ["movement_id", "ledger_account", "kind", "amount", "created_at"],
        indexes: ["movement_id", "(ledger_account, created_at) for the platform accounts' rollup"],
        partitionKey: "account_id",
        owner: "wallet-db",
      },
      {
        unlessTopic: "earned-currency-only",
        entity: "TopUp",
        key: ["top_up_id"],
        fields: ["account_id", "provider_payment_id", "amount_paid", "coins", "state", "idempotency_key"],
        indexes: ["provider_payment_id unique", "idempotency_key unique"],
        partitionKey: "account_id",
        owner: "wallet-db",
      },
      {
        topic: "expiring-points",
        entity: "PointLot",
        key: ["account_id", "lot_id"],
        fields: ["receipt_id", "granted", "remaining", "earned_at", "expires_at", "state"],
        indexes: [
          "(account_id, receipt_id) unique",
          "(account_id, expires_at) where state = live, for earliest-expiry-first redemption",
          "(expires_at) where state = live, for the expiry sweep",
        ],
        partitionKey: "account_id",
        owner: "wallet-db",
      },
      {
        entity: "Spend",
        key: ["spend_id"],
        fields: ["account_id", "item_id", "amount", "idempotency_key", "created_at"],
        indexes: ["(account_id, idempotency_key) unique"],
        partitionKey: "account_id",
        owner: "wallet-db",
      },
    ],
    entry: "wallet-service",
    stateOwner: "wallet-db",
    protocols: [
      {
        topic: "expiring-points",
        name: "Purchase credited once as a lot with its expiry date",
        notation:
          "sale-events>wallet-db[in one transaction insert the receipt's lot with expires_at and add to the balance and append the credit and the promotions account's debit {no lot with this account and receipt id}] -> wallet-db>sale-events[committed with the lot] |-> wallet-db>sale-events[return the first lot {receipt already credited}] => done | reject",
      },
      {
        topic: "expiring-points",
        name: "Expiry sweep over lots past their date",
        notation:
          "lot-expiry>wallet-db[read live lots with expires_at before now in expiry order] -> lot-expiry>wallet-db[in one transaction mark the lot expired and debit its remaining points from the balance and append the expiry entry {PointLot.state = live and expires_at <= now}] -> wallet-db>lot-expiry[expired] |-> wallet-db>lot-expiry[skip {lot already used or expired}] => done | reject",
      },
      {
        name: "Spend with a guarded debit and its entries in one transaction",
        notation:
          "client>gateway[spend with idempotency key] -> gateway>wallet-service[spend amount on item] -> wallet-service>wallet-db[in one transaction debit the wallet and append its entry and the revenue account's and insert the spend {Wallet.balance >= amount and no spend with this idempotency key}] -> wallet-db>wallet-service[committed with balance after] -> wallet-service>client[granted with the balance after] |-> wallet-db>wallet-service[refuse: insufficient balance {Wallet.balance < amount}] |-> wallet-db>wallet-service[return the first spend {idempotency key already used}] => done | reject",
      },
      {
        unlessTopic: "earned-currency-only",
        name: "Top-up credited once per provider payment id",
        notation:
          "client>gateway[buy a coin pack with idempotency key] -> gateway>wallet-service[create pending top-up] -> wallet-service>wallet-db[insert top-up pending {no top-up with this idempotency key}] -> client>payment-provider[pay for the pack] -> payment-provider>wallet-service[signed webhook: payment succeeded with provider payment id] -> wallet-service>wallet-db[in one transaction mark the top-up credited and append the issuance account's debit and the wallet's credit and add to the balance {TopUp.state = pending and provider payment id not credited}] |-> wallet-db>wallet-service[acknowledge without crediting {provider payment id already credited}] => done | reject",
      },
    ],
  },
};
