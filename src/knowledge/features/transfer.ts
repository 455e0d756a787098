import { fig, inp, perUserDaily } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { PEER_MONEY_WORDS } from "./stored-value.js";

export const TRANSFER: FeatureEntry = {
  id: "transfer",
  name: "Money transfer between users (wallet ledger)",
  summary:
    "Balances are derived from a double-entry ledger: a transfer appends a debit and a credit that sum to zero in one transaction, guarded so the sender cannot go below zero. Money entering or leaving (card top-up, bank payout) goes through an outside provider as a workflow.",
  signals: [
    "send money",
    "transfer money",
    "pay a friend",
    "pay friends",
    "wallet",
    "wallet balance",
    "peer to peer payment",
  ],
  terms: { payment: "payment", user: "user" },
  // users who pay one another, or cash out to a bank, make the wallet a money-transfer ledger even where its balance
  // is counted in coins or points
  supersedes: [
    {
      id: "stored-value",
      because:
        "the prompt has users pay one another or move money out to a bank, so the balance is a money-transfer ledger between users' accounts, not a closed-loop balance only the platform issues and takes back",
      when: PEER_MONEY_WORDS,
    },
  ],
  actions: [
    {
      action: "send a {payment} to another {user}",
      shape: "append event",
      entity: "LedgerEntry",
      critical: true,
      substrate: "I05",
      mechanism: "transaction",
    },
    {
      action: "see the wallet balance",
      shape: "read source",
      entity: "Balance",
      critical: false,
      substrate: "I16",
    },
    {
      action: "cash out the balance to a bank account",
      shape: "async process",
      entity: "Payout",
      critical: true,
      substrate: "I12",
      mechanism: "transactional-outbox",
    },
    {
      action: "see the {payment} history",
      shape: "read projection",
      entity: "LedgerEntry",
      critical: false,
      substrate: "I06",
    },
  ],
  entities: [
    { name: "LedgerEntry", description: "one side of a transfer: account, amount (+/-), transfer id; never updated" },
    { name: "Balance", description: "per account: the sum of its entries, kept with a version for the guard" },
    { name: "Payout", description: "money leaving to a bank, with the provider's reference and state" },
  ],
  nfrs: [
    "money is never created or lost: every transfer's entries sum to zero",
    "a retried transfer is applied once (idempotency key per transfer)",
    "balances are read from the authority (strong consistency), not a cache",
  ],
  substrates: [
    { id: "I05", role: "substrate", why: "the ledger is an append-only log of entries" },
    { id: "I16", role: "input", why: "the balance per account is guarded key state" },
    {
      id: "I12",
      role: "output",
      why: "a payout to a bank account is sent over a bank rail, an external effect settled against the bank's statement",
      party: "bank",
    },
  ],
  // a prompt that asks for sending money between users takes the ledger's stance for what it leaves unstated
  builtBy: {
    topic: "ledger",
    id: "I16",
    why: "a ledger of the system's own accounts (I16's ledger subject) keeps the accounts, the transfer under its id and the double-entry journal itself, so a wallet product named beside it adds no second ledger",
  },
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "a {payment} must see every earlier debit of its sender's balance, or two of them overdraw it, so a ledger that cannot reach its primary refuses {payments} rather than move money on a stale balance",
  },
  capacity: {
    inputs: [
      inp("users", 80e6, "monthly active users of a payments app, a share active daily"),
      perUserDaily("transfers_per_user_per_day", "transfers", 0.1, "a payment every week or two per user"),
      inp("entry_bytes", 200, "one ledger entry with ids, amount and timestamps"),
    ],
    figures: [
      fig(
        "transfers_per_sec",
        "transfers per second",
        "rate",
        "users * transfers_per_user_per_day / 86400",
        "transfers/s",
      ),
      fig(
        "peak_transfers_per_sec",
        "peak transfers per second",
        "peak",
        "transfers_per_sec * peak_factor",
        "transfers/s",
      ),
      fig(
        "ledger_bytes_per_year",
        "ledger growth per year (two entries per transfer)",
        "growth",
        "transfers_per_sec * 86400 * 365 * entries_per_transfer * entry_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "ledger-sharding",
      question: "One transactional ledger database, or accounts sharded with cross-shard transfers as a saga?",
      options: [
        {
          id: "single-ledger",
          name: "one ACID database (with replicas) for all accounts",
          buys: "debit and credit in one local transaction",
          costs: "write throughput of one primary",
          winsWhen: "peak transfers fit one primary",
        },
        {
          id: "sharded-saga",
          name: "sharded accounts: debit, then credit, with a compensating step",
          buys: "throughput grows with shards",
          costs: "money is briefly in flight; compensation and reconciliation must be exact",
          winsWhen: "peak transfers exceed what one primary can commit",
          wins: [{ number: "peak_transfers_per_sec", atLeast: 5000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "peak_transfers_per_sec", atLeast: 5000 }],
          option: "sharded-saga",
          because: "peak transfers pass what one primary commits comfortably",
        },
      ],
      fallback: { option: "single-ledger", because: "the peak fits one transactional primary" },
    },
    {
      id: "ledger-balance",
      question: "Keep a balance row updated with each transfer, or sum the entries on read?",
      options: [
        {
          id: "balance-row",
          name: "balance row updated in the same transaction as the entries",
          buys: "constant-time balance reads and an overdraft check in the same transaction",
          costs: "the balance row is a hot key for busy accounts",
          winsWhen: "every transfer must check funds",
        },
        {
          id: "sum-entries",
          name: "sum entries (with periodic checkpoints) on read",
          buys: "no hot row; entries are append-only",
          costs: "slower reads and no cheap overdraft guard",
          winsWhen: "accounts may go negative (merchant settlement accounts)",
          // the prompt lets accounts go negative
          wins: [
            {
              words: String.raw`\b(?:may|can|are allowed to|is allowed to) go (?:below zero|negative)\b|\bnegative balances? (?:is |are )?(?:allowed|permitted|fine|ok)\b|\boverdraft\w*\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "balance-row", because: "users must not send money they do not have" },
    },
  ],
  invariants: [
    {
      action: "send a {payment} to another {user}",
      statement:
        "Every {payment} writes one debit and one credit ledger entry that sum to zero in one transaction; a retried {payment} with the same id writes no new ledger entry.",
    },
    {
      action: "cash out the balance to a bank account",
      statement:
        "A payout is sent to the bank once per request id, and only from a balance already debited in the ledger.",
    },
  ],
  failures: [
    {
      failure: "A retried {payment} moves the money twice",
      prevention: "a client request id with a unique constraint on the ledger transaction",
      repair: "return the first result; reverse a duplicate with a compensating entry, never an edit",
      role: "truth",
    },
    {
      failure: "The bank accepts a payout but the service crashes before recording it",
      prevention:
        "record the payout and an outbox row in one transaction, send it under the outbox row's id as its end-to-end reference",
      repair:
        "match the bank's statement and returns by that reference and settle the payout; never resend an unmatched one blind",
      role: "external effect",
    },
    {
      failure: "Two {payments} from the same balance run at once and overdraw it",
      prevention:
        "debit with a condition (balance stays at or above zero) in the same transaction as the ledger entries",
      repair: "reject the later {payment} before any money moves",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "a double-entry ledger and balances in serializable transactions",
    },
    {
      layer: "coordination",
      product: "Temporal",
      fits: "durable retries of the payout call to the bank",
    },
  ],
  topology: {
    components: [
      {
        id: "ledger-service",
        name: "Ledger service",
        kind: "service",
        runs: ["transfer", "balance", "history"],
        because: "one writer applies debit and credit together and refuses overdrafts",
      },
      {
        id: "ledger-db",
        name: "Ledger database (transactional)",
        kind: "store",
        holds: ["LedgerEntry", "Balance", "Transfer"],
        because: "entries and balances change in one ACID transaction",
      },
      {
        id: "payout-worker",
        name: "Payout workers",
        kind: "worker-pool",
        runs: ["send payouts", "record provider result"],
        because:
          "bank transfers are slow external calls, each sent once under its end-to-end reference and settled from the bank's records",
      },
      {
        id: "bank-provider",
        name: "Bank / payment rail (ACH, wire)",
        kind: "external",
        because: "money enters and leaves the system only through it",
      },
    ],
    links: [
      { from: "gateway", to: "ledger-service", kind: "request", label: "transfer / balance" },
      { from: "ledger-service", to: "ledger-db", kind: "request", label: "append entries + update balances" },
      { from: "ledger-db", to: "payout-worker", kind: "stream", label: "payout outbox" },
      { from: "payout-worker", to: "bank-provider", kind: "request", label: "payout (end-to-end reference)" },
    ],
    api: [
      {
        operation: "send money",
        call: "POST /v1/transfers",
        request: ["request_id", "to_user_id", "amount", "currency", "note"],
        response: ["transfer_id", "state", "balance_after"],
        errors: ["402 insufficient funds", "409 duplicate request_id (returns the first transfer)"],
        guarantee: "debit and credit commit together, exactly once per request_id",
      },
      {
        operation: "balance",
        call: "GET /v1/wallet",
        request: [],
        response: ["balance", "currency", "as_of_entry"],
        errors: [],
        guarantee: "read from the ledger's authority",
      },
    ],
    dataModel: [
      {
        entity: "LedgerEntry",
        key: ["account_id", "entry_id"],
        fields: ["transfer_id", "amount", "currency", "created_at"],
        indexes: ["transfer_id"],
        partitionKey: "account_id",
        owner: "ledger-db",
      },
      {
        entity: "Balance",
        key: ["account_id"],
        fields: ["amount", "currency", "version"],
        indexes: [],
        partitionKey: "account_id",
        owner: "ledger-db",
      },
    ],
    entry: "ledger-service",
    stateOwner: "ledger-db",
  },
};
