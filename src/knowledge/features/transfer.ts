import type { FeatureEntry } from "./index.js";

export const TRANSFER: FeatureEntry = {
  id: "transfer",
  name: "Money transfer between users (wallet ledger)",
  summary:
    "Balances are derived from a double-entry ledger: a transfer appends a debit and a credit that sum to zero in one transaction, guarded so the sender cannot go below zero. Money entering or leaving (card top-up, bank payout) goes through an outside provider as a workflow.",
  signals: ["send money", "transfer money", "pay a friend", "wallet", "balance", "peer to peer payment", "split bill"],
  terms: { payment: "payment", user: "user" },
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
    { id: "I12", role: "output", why: "top-ups and payouts are external effects with reconciliation" },
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
        because: "bank transfers are slow external calls retried with an idempotency key",
      },
      {
        id: "bank-provider",
        name: "Bank / card processor",
        kind: "external",
        because: "money enters and leaves the system only through it",
      },
    ],
    links: [
      { from: "gateway", to: "ledger-service", kind: "request", label: "transfer / balance" },
      { from: "ledger-service", to: "ledger-db", kind: "request", label: "append entries + update balances" },
      { from: "ledger-db", to: "payout-worker", kind: "stream", label: "payout outbox" },
      { from: "payout-worker", to: "bank-provider", kind: "request", label: "payout (idempotency key)" },
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
