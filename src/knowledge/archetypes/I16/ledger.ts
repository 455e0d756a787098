import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is money kept in the system's own accounts (topic "ledger", knowledge/topics.ts):
 * a bank's or a wallet's ledger, sharded by account. Each account's balance is state scoped by its key, like any
 * key-value record, but a transfer changes two keys at once, and when the two accounts live on different shards that
 * change spans two replica groups. What makes it right is that money is conserved: the sum of all balances plus the
 * money in flight between shards never changes, every movement is a balanced pair of journal lines, a transfer id
 * applies each leg at most once, and no account goes below its limit. No outside party is involved: a transfer
 * between our own accounts is our own state, not an effect at a provider.
 *
 * Facts, checked against primary sources:
 * - Sagas (Garcia-Molina and Salem, SIGMOD 1987): a long-lived transaction written as a sequence of transactions
 *   that may interleave with others; either all of them complete or compensating transactions amend the partial
 *   run. A compensation undoes a step in meaning, not by restoring the old state.
 * - Two-phase commit blocks: a participant that has voted yes and written its prepare record holds its locks and may
 *   neither commit nor abort on its own until it learns the coordinator's decision, so a coordinator that crashes
 *   between prepare and commit stalls every transaction touching those rows until its durable log is read back.
 * - Spanner (OSDI 2012, and Google Cloud's "Life of Spanner reads and writes"): each split is replicated by a Paxos
 *   group whose leader keeps the lock table; a transaction across splits runs two-phase commit between those groups'
 *   leaders, one group acting as coordinator, so the coordinator's decision is itself replicated and survives the
 *   loss of one machine.
 * - CockroachDB (architecture docs, "Transaction layer"): transactions may span ranges; writes are intents replicated
 *   by Raft that point to a transaction record (pending, staging, committed, aborted), committed by its Parallel
 *   Commits protocol.
 */

const T = "ledger" as const;
type TechnologyInput = z.input<typeof Technology>;

export const LEDGER_ENTITIES = [
  {
    name: "Account",
    description:
      "One account's balance, its limit (the lowest balance it may reach: zero, or minus an agreed overdraft), its currency and a version; it lives on the shard its account id hashes to, and only that shard's leader changes it.",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "a debit must see every earlier debit of the account, or two of them overdraw it, so an account shard cut off from its majority refuses transfers rather than move money on a stale balance",
    },
    truth: true,
    topic: T,
  },
  {
    name: "Transfer",
    description:
      "One movement of money between two accounts under the caller's transfer id: source, destination, amount, currency and state (pending, debited, completed, reversed); while it is debited and not yet credited its amount is money in flight, counted in the conservation check.",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "a debit must see every earlier debit of the account, or two of them overdraw it, so an account shard cut off from its majority refuses transfers rather than move money on a stale balance",
    },
    truth: true,
    topic: T,
  },
  {
    name: "JournalEntry",
    description:
      "One line of the double-entry journal: account, signed amount, transfer id and leg (debit, credit or reversal); lines are appended in the same local transaction as the balance they change and never edited, and each transfer's lines sum to zero once it completes or is reversed.",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because:
        "a debit must see every earlier debit of the account, or two of them overdraw it, so an account shard cut off from its majority refuses transfers rather than move money on a stale balance",
    },
    truth: true,
    topic: T,
  },
  {
    name: "BalanceSnapshot",
    description:
      "One account's balance as of a journal sequence number and its commit time, recorded when the reconciliation has checked that cut; never edited, so a past balance is this snapshot plus the journal lines after it up to the asked time.",
    truth: false,
    topic: T,
  },
] as const;

export const LEDGER_WRITES = [
  {
    action:
      "debit the source account on its shard in one local transaction: check the balance stays at or above its limit, write the debit journal line and the Transfer record as debited under the transfer id",
    entity: "Account",
    shape: "overwrite current value",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "credit the destination account on its shard once per transfer id: write the credit journal line and the new balance in one local transaction, and do nothing if the credit leg is already there",
    entity: "JournalEntry",
    shape: "append event",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "drive each debited transfer to its credit, and reverse the debit with a compensating journal line when the credit is refused (account closed or frozen)",
    entity: "Transfer",
    shape: "state transition",
    mechanism: "saga",
    critical: true,
    topic: T,
  },
  {
    action:
      "sum the journal per shard at a cut and check that balances equal their journal lines and that all balances plus transfers in flight equal the total issued",
    entity: "JournalEntry",
    shape: "async process",
    mechanism: "reconciliation-loop",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action:
      "record each account's checked balance at the reconciled cut as a snapshot (account, journal sequence, balance, commit time), appended and never edited",
    entity: "BalanceSnapshot",
    shape: "append event",
    mechanism: "subject-snapshot",
    hidden: true,
    critical: false,
    topic: T,
  },
] as const;

export const LEDGER_READS = [
  {
    action: "read an account's balance and recent journal lines from its shard leader",
    entity: "Account",
    shape: "read source",
    staleness:
      "None: the balance is read from the account shard's leader, which every debit and credit passes through; a transfer in flight shows as debited at the source and not yet credited at the destination.",
    topic: T,
  },
  {
    action: "read a transfer's state by its transfer id",
    entity: "Transfer",
    shape: "read source",
    staleness: "None: read from the source account's shard, which owns the Transfer record.",
    topic: T,
  },
  {
    action:
      "reproduce an account's balance as of a past time for an auditor: the latest snapshot at or before that time plus the account's journal lines committed after it up to that time, in journal sequence",
    entity: "JournalEntry",
    shape: "read source",
    staleness:
      "None for a time already past: journal lines are never edited and each carries its sequence and commit time, so asking again gives the same balance; a later correction is its own reversing line and shows only as of its own time.",
    topic: T,
  },
] as const;

export const LEDGER_INVARIANTS = [
  "Money is conserved: all Account balances plus the amounts of Transfers still in flight, debited but not yet credited or reversed, always add up to the same total. Only entries that record money entering or leaving the bank change that total.",
  "No Account balance goes below its limit: the debit checks the balance in the same local transaction that lowers it, so two concurrent debits of one account never both pass.",
  "Each Transfer's JournalEntry lines sum to zero once it is completed or reversed; every balance change has its journal line in the same local transaction, and lines are never edited.",
  "A transfer id moves money at most once: a retried transfer finds its Transfer record and returns it, and a retried credit finds its credit leg and writes nothing.",
  "A debited Transfer always ends completed or reversed: it is never dropped while its money is in flight.",
  "Any past balance can be reproduced: JournalEntry lines are append-only, numbered in commit order per account and never edited or deleted (a mistake is fixed by a new reversing line), so an account's balance as of a time is its snapshot at or before that time plus the lines committed after it up to that time.",
];

export const LEDGER_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "debits and credits of one account apply in one order on its shard leader, so its balance and journal agree; different accounts are independent",
  },
  exclusivity: {
    scope: "key",
    why: "only the leader of the shard that owns an account changes its balance, so two debits of one account are serialised there",
  },
  coordination: {
    scope: "global",
    why: "a transfer between accounts on different shards must change two shards' state together or be visibly in flight, and the conservation check spans every shard",
  },
} as const;

export const LEDGER_FAILURES = [
  {
    failure:
      "The transfer processor crashes after the source shard committed the debit and before the destination shard credited it, so the money is in flight",
    role: "truth",
    prevention:
      "The debit writes the Transfer record as debited in the same local transaction, and a relay scans debited transfers and resends the credit under the transfer id until it lands or is refused",
    repair:
      "The relay finishes the credit (idempotent by transfer id) or reverses the debit with a compensating journal line; the reconciliation counts the in-flight amount until then",
    topic: T,
  },
  {
    failure: "A client retries a transfer after a timeout and the money moves twice",
    role: "truth",
    prevention:
      "The transfer id is the Transfer record's key on the source shard, so the retried debit finds the first one and returns its state",
    repair:
      "Return the first transfer's result; a duplicate found by the reconciliation is reversed by a compensating entry, never an edit",
    topic: T,
  },
  {
    failure: "Two concurrent debits of one account both read the old balance and together overdraw it",
    role: "truth",
    prevention:
      "Debit with a condition (new balance at or above the limit) on the account shard's leader, in the same transaction as the journal line",
    repair: "The later debit is refused before any money moves",
    topic: T,
  },
  {
    failure:
      "A hot account (a merchant's settlement account, a payroll account) takes many transfers a second, and every debit and credit queues on its one row",
    role: "truth",
    prevention:
      "Credit a hot account through sub-accounts (several rows summed on read) or append its credits to its journal and fold them into the balance in batches; debits stay checked on one row",
    repair: "Split the account into more sub-accounts from its measured rate",
    topic: T,
  },
  {
    failure:
      "A shard's balances drift from its journal (a bug, a manual fix, a replay), or the bank's total changes with no entry that explains it",
    role: "truth",
    prevention:
      "A reconciliation job sums the journal per account and across shards at a consistent cut, including transfers in flight, and compares it with the balances and the total issued",
    repair:
      "Stop transfers on the affected accounts, find the journal lines that explain the difference and post correcting entries",
    topic: T,
  },
  {
    failure:
      "A journal line is edited or deleted in place (a manual fix, a bad migration), so an auditor's replay no longer gives the balance that was reported at the time",
    role: "truth",
    prevention:
      "Journal lines and snapshots are append-only (the service's database role may only insert them); a correction is a new reversing line with its own time, and each snapshot is checked against the sum of its lines when it is written",
    repair:
      "Restore the changed lines from the replicated log or a backup, post the intended correction as a reversing line, and re-check the snapshots taken after the change",
    topic: T,
  },
] as const;

export const LEDGER_BOTTLENECKS = [
  {
    bottleneck:
      "Hot account: every transfer touching one account serialises on its row in its shard, which caps that account's rate at one row's commit rate",
    mitigation:
      "Spread a hot account's credits over sub-accounts summed on read, and batch its journal lines; keep debits on one row so the limit check stays exact",
    formula: {
      yields: "transfers a second on the hottest account",
      expression: "hot_account_transfers_per_sec",
      unit: "transfers/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Cross-shard transfers: each takes a local transaction on two shards plus the step between them, so they cost about twice a same-shard transfer",
    mitigation:
      "Place accounts that trade often on the same shard where possible, and batch the relay's credits per destination shard",
    formula: {
      yields: "cross-shard transfers a second at peak",
      expression: "requests_per_sec * peak_factor * cross_shard_share",
      unit: "transfers/s",
    },
    topic: T,
  },
] as const;

export const LEDGER_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "PostgreSQL shards (a primary and two synchronous standbys each, quorum commit)",
    layer: "storage",
    fits: "Each shard holds its accounts, their journal lines and their transfers, and debits with a checked balance in one local ACID transaction; the cross-shard step is the ledger's own saga.",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region", "elastic-scale"],
    caveat:
      "No transaction spans two shards, so the transfer record, the relay and the reversal are ours to get right.",
    topic: T,
  },
  {
    product: "Google Cloud Spanner",
    layer: "storage",
    fits: "A transaction across splits runs two-phase commit between Paxos groups, so a transfer between two shards is one atomic transaction with replicated coordinator state.",
    suits: ["linearizable", "durable", "multi-region"],
    poorFor: ["low-cost", "low-latency"],
    caveat:
      "Every cross-split commit pays a two-phase commit over replicated groups; a hot account still serialises on its row.",
    topic: T,
  },
  {
    product: "CockroachDB",
    layer: "storage",
    fits: "Serializable transactions across ranges, with write intents replicated by Raft and a transaction record committed by Parallel Commits.",
    suits: ["linearizable", "durable", "multi-region"],
    poorFor: ["low-latency", "operational-simplicity"],
    caveat: "Contended rows make transactions retry; a hot account needs the same sub-account split as anywhere else.",
    topic: T,
  },
];

export const LEDGER_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Clients (bank channels and internal services)",
    kind: "client",
    runs: ["transfer", "balance"],
    because: "callers retry on timeouts, so every transfer carries the caller's transfer id",
    topic: T,
  },
  {
    id: "ledger-api",
    name: "Ledger API (stateless, routes by account)",
    kind: "service",
    runs: ["transfer", "balance", "transfer status", "balance as of a past time"],
    because: "looks up which shard owns each account and sends the debit to the source account's shard",
    topic: T,
  },
  {
    id: "account-shards",
    name: "Account shards (accounts, journal, transfers; leader + replicas per shard)",
    kind: "replica-group",
    holds: ["Account", "JournalEntry", "Transfer", "BalanceSnapshot"],
    runs: ["checked debit", "idempotent credit", "reversal"],
    because:
      "an account's balance, its journal lines and the transfers it sends change together in one local transaction on the shard that owns it",
    topic: T,
  },
  {
    id: "transfer-relay",
    name: "Transfer relay (drives debited transfers to their credit or reversal)",
    kind: "worker-pool",
    runs: ["scan debited transfers", "send credit by transfer id", "reverse a refused credit"],
    because:
      "the step between two shards runs outside either shard's transaction, so something must finish it after any crash",
    topic: T,
  },
  {
    id: "txn-coordinator",
    name: "Transfer coordinator with a durable decision log",
    kind: "service",
    runs: ["prepare both shards", "log the decision", "commit or abort both"],
    because: "two-phase commit needs one place that decides and remembers the outcome of each cross-shard transfer",
    topic: T,
  },
  {
    id: "reconciler",
    name: "Reconciliation job (sums the journal at a cut)",
    kind: "control-loop",
    runs: ["sum journal per account", "check total issued", "record balance snapshots"],
    because: "only a sum over every shard, transfers in flight included, shows that no money was lost or created",
    topic: T,
  },
];

export const LEDGER_LINKS: LinkSpec[] = [
  {
    from: "clients",
    to: "ledger-api",
    kind: "request",
    label: "transfer (transfer id) / balance / past balance",
    topic: T,
  },
  { from: "ledger-api", to: "partition-map", kind: "request", label: "which shard owns each account", topic: T },
  { from: "ledger-api", to: "account-shards", kind: "request", label: "checked debit on the source shard", topic: T },
  {
    from: "transfer-relay",
    to: "account-shards",
    kind: "request",
    label: "credit by transfer id, or reverse",
    topic: T,
  },
  { from: "ledger-api", to: "txn-coordinator", kind: "request", label: "begin a cross-shard transfer", topic: T },
  { from: "txn-coordinator", to: "account-shards", kind: "request", label: "prepare, then commit or abort", topic: T },
  {
    from: "reconciler",
    to: "account-shards",
    kind: "control",
    label: "sum journal at a cut, record snapshots",
    topic: T,
  },
];

export const LEDGER_API: ApiSpec[] = [
  {
    operation: "transfer",
    call: "POST /v1/transfers",
    request: ["transfer_id", "from_account", "to_account", "amount (minor units)", "currency"],
    response: ["transfer_id", "state (debited | completed | reversed | refused)"],
    errors: [
      "422 insufficient funds (the debit would pass the account's limit)",
      "409 same transfer_id with a different request",
      "404 unknown account",
    ],
    guarantee:
      "money moves at most once per transfer_id; an accepted transfer always ends completed or reversed, and its journal lines sum to zero",
    topic: T,
  },
  {
    operation: "transfer status",
    call: "GET /v1/transfers/{transfer_id}",
    request: ["transfer_id"],
    response: ["state", "journal lines"],
    errors: ["404 unknown transfer"],
    guarantee: "read from the source account's shard, which owns the Transfer record",
    topic: T,
  },
  {
    operation: "balance",
    call: "GET /v1/accounts/{account_id}",
    request: ["account_id"],
    response: ["balance", "limit", "currency", "version"],
    errors: ["404 unknown account"],
    guarantee: "read from the account shard's leader: every committed debit and credit is in it",
    topic: T,
  },
  {
    operation: "past balance",
    call: "GET /v1/accounts/{account_id}/balance?as_of={time}",
    request: ["account_id", "as_of (a past time, or a journal sequence)"],
    response: ["balance", "currency", "as_of_sequence (the last journal line counted)", "snapshot_sequence"],
    errors: ["404 unknown account", "422 as_of is in the future"],
    guarantee:
      "the same account and time always give the same balance: the snapshot at or before it plus the journal lines committed up to it, none of which is ever edited",
    topic: T,
  },
];

export const LEDGER_DATA: DataSpec[] = [
  {
    entity: "Account",
    key: ["account_id"],
    fields: ["balance (minor units)", "limit", "currency", "version"],
    indexes: [],
    partitionKey: "hash(account_id)",
    owner: "account-shards",
    topic: T,
  },
  {
    entity: "Transfer",
    key: ["transfer_id"],
    fields: ["from_account", "to_account", "amount", "currency", "state", "created_at"],
    indexes: ["(state, created_at) for the relay"],
    partitionKey: "hash(from_account)",
    owner: "account-shards",
    topic: T,
  },
  {
    entity: "JournalEntry",
    key: ["account_id", "transfer_id", "leg"],
    fields: ["sequence (per account, in commit order)", "amount (signed)", "currency", "posted_at"],
    indexes: ["(account_id, sequence) for balances as of a time"],
    partitionKey: "hash(account_id)",
    owner: "account-shards",
    topic: T,
  },
  {
    entity: "BalanceSnapshot",
    key: ["account_id", "sequence"],
    fields: ["balance", "currency", "committed_at", "cut_id"],
    indexes: ["(account_id, committed_at) to find the snapshot at or before a time"],
    partitionKey: "hash(account_id)",
    owner: "account-shards",
    topic: T,
  },
];

export const LEDGER_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Cross-shard transfer as a saga",
    notation:
      "clients>ledger-api[transfer with transfer id] -> ledger-api>account-shards@source[debit the source account, write the debit line and the Transfer as debited in one local transaction {balance minus amount at or above the limit, transfer id not seen}] -> account-shards@source>ledger-api[debited] -> ledger-api>clients[accepted, in flight] -> transfer-relay>account-shards@destination[credit the destination account by transfer id in one local transaction {credit leg not yet written}] -> account-shards@destination>transfer-relay[credited] -> transfer-relay>account-shards@source[mark the Transfer completed] |-> transfer-relay>account-shards@source[reverse the debit with a compensating line {credit refused}] => done | retry | reject",
    topic: T,
  },
  {
    name: "Cross-shard transfer by two-phase commit",
    notation:
      "clients>ledger-api[transfer with transfer id] -> ledger-api>txn-coordinator[begin the transfer] -> txn-coordinator>account-shards@source[prepare the debit: write a prepare record and hold the account row {balance minus amount at or above the limit}] -> account-shards@source>txn-coordinator[prepared] -> txn-coordinator>account-shards@destination[prepare the credit: write a prepare record and hold the account row] -> account-shards@destination>txn-coordinator[prepared] -> txn-coordinator[write the commit decision to the durable log] -> txn-coordinator>account-shards@source[commit the debit] -> txn-coordinator>account-shards@destination[commit the credit] -> account-shards@destination>txn-coordinator[committed] -> txn-coordinator>ledger-api[completed] -> ledger-api>clients[completed] |-> txn-coordinator>account-shards@source[abort the prepared debit, and the credit likewise {a shard refused}] => done | retry | reject",
    topic: T,
  },
  {
    name: "Reconcile the ledger",
    notation:
      "reconciler>account-shards[sum journal lines per account and transfers in flight at a cut] -> account-shards>reconciler[sums and balances] -> reconciler[compare every balance with its journal and the total with the amount issued {differences found}] -> reconciler>account-shards[record each checked balance as a snapshot at the cut's journal sequence] => done | repair",
    topic: T,
  },
];

/** The ledger's capacity: transfers a second, the share that spans two shards, the hottest account and the journal's growth. */
export const LEDGER_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "requests_per_sec",
      typical: 5000,
      why: "a large retail bank's ledger takes on the order of thousands of transfers a second at its busiest (a planning figure; the prompt states none)",
      // a transfer or payment stated by its own noun counts as a message (stated-nouns.ts), a transaction as a write:
      // either is one transfer request the ledger serves
      from: [
        { expression: "messages_per_sec", why: "each stated transfer or payment is one transfer request" },
        { expression: "writes_per_sec", why: "each stated transaction is one transfer request" },
      ],
    },
    {
      quantity: "cross_shard_share",
      label: "share of transfers whose two accounts are on different shards",
      unit: "ratio",
      typical: 0.9,
      why: "with accounts hashed over many shards, almost every transfer's two accounts land on different shards (1 - 1/shards)",
    },
    {
      quantity: "hot_account_transfers_per_sec",
      label: "transfers a second on the hottest account",
      unit: "transfers/s",
      typical: 200,
      why: "a large merchant's or payroll account can take hundreds of credits a second at its peak (a planning figure; measure it)",
    },
    {
      quantity: "shard_writes_per_sec",
      label: "local transactions a second one account shard commits",
      unit: "writes/s",
      typical: 2000,
      why: "a relational primary with a synchronous replica commits a few thousand small transactions a second (a planning figure; measure it)",
    },
    {
      quantity: "entry_bytes",
      label: "bytes of one journal line",
      unit: "B",
      typical: 200,
      why: "an account id, transfer id, leg, signed amount, currency and timestamp",
    },
  ],
  figures: [
    fig("peak_transfers", "peak transfers a second", "peak", "requests_per_sec * peak_factor", "transfers/s"),
    fig(
      "cross_shard_transfers",
      "cross-shard transfers a second at peak",
      "rate",
      "requests_per_sec * peak_factor * cross_shard_share",
      "transfers/s",
    ),
    fig(
      "shard_writes",
      "local transactions a second at peak (two per transfer: debit and credit)",
      "rate",
      "requests_per_sec * peak_factor * 2",
      "writes/s",
    ),
    fig(
      "journal_bytes_per_year",
      "journal growth a year (two lines per transfer, across replicas)",
      "growth",
      "requests_per_sec * 86400 * 365 * 2 * entry_bytes * replicas",
      "B",
    ),
    // a shard keeps its accounts' journal, never deleted (any past balance is rebuilt from it): the shards are as many
    // as the commit rate needs or as the journal of the planning years needs, each shard a replica group whose every
    // node holds the shard's copy at the planned fill, whichever is more
    fig(
      "account_shards",
      "account shards by commit rate and by the journal each keeps for the planning years",
      "count",
      "max(requests_per_sec * peak_factor * 2 / shard_writes_per_sec, journal_bytes_per_year * planning_years / replicas / (node_bytes * target_utilisation))",
      "shards",
      true,
    ),
    fig(
      "hot_account",
      "transfers a second on the hottest account",
      "hotspot",
      "hot_account_transfers_per_sec",
      "transfers/s",
    ),
  ],
};

export const LEDGER_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-ledger-cross-shard",
    topic: T,
    question:
      "How does a transfer between accounts on different shards stay atomic: a saga through a transfer record, two-phase commit with a coordinator, or a distributed SQL database?",
    options: [
      {
        id: "saga",
        name: "saga: debit with a debited Transfer record, idempotent credit by transfer id, compensating reversal",
        buys: "each step is one local transaction on one shard, and no row is locked across shards, so a crash anywhere blocks nothing",
        costs:
          "money is visibly in flight between the two steps, so the conservation check counts debited transfers, and the reversal must be exact",
        winsWhen: "cross-shard transfers are common and a coordinator's outage must not stall them",
        implies: { draws: ["transfer-relay", "Cross-shard transfer as a saga", "transfer-relay>account-shards"] },
      },
      {
        id: "two-phase-commit",
        name: "two-phase commit: a coordinator with a durable decision log and a prepare record on each shard",
        buys: "both legs commit together and no transfer is ever seen half done",
        costs:
          "a coordinator crash between prepare and commit leaves both accounts locked until its log is read back, and every transfer pays two rounds",
        winsWhen: "no in-flight state may be visible and the coordinator's log is itself replicated",
        implies: {
          draws: [
            "txn-coordinator",
            "Cross-shard transfer by two-phase commit",
            "txn-coordinator>account-shards",
            "ledger-api>txn-coordinator",
          ],
        },
      },
      {
        id: "distributed-sql",
        name: "distributed SQL (Spanner, CockroachDB): one transaction across shards, committed by the database",
        buys: "the database runs the atomic commit over replicated groups, so the ledger writes one transaction",
        costs:
          "a commit across groups costs consensus rounds on each, and the whole ledger lives in one vendor's database",
        winsWhen: "the team can adopt such a database and its commit latency fits",
        implies: {
          draws: [
            "Cross-shard transfer by two-phase commit",
            "txn-coordinator",
            "txn-coordinator>account-shards",
            "ledger-api>txn-coordinator",
          ],
          preferTechnology: ["Spanner", "CockroachDB"],
        },
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\b(?:spanner|cockroach\s?db|distributed sql|newsql)\b` }],
        option: "distributed-sql",
        because: "the prompt names a database that commits transactions across shards itself",
      },
      {
        when: [{ words: String.raw`\b(?:two[- ]phase commit|2pc|xa transactions?)\b` }],
        option: "two-phase-commit",
        because: "the prompt asks for an atomic commit across the shards",
      },
    ],
    fallback: {
      option: "saga",
      because:
        "a saga keeps every step a local transaction and blocks nothing when a process dies; the money in flight is recorded, so it is counted, finished or reversed",
    },
  },
  {
    id: "i16-ledger-hot-account",
    topic: T,
    question: "Keep each account on one balance row, or split hot accounts into sub-accounts?",
    options: [
      {
        id: "sub-accounts",
        name: "split a hot account's credits over sub-accounts summed on read",
        buys: "credits to one account spread over several rows and commit in parallel",
        costs: "a balance read sums the sub-accounts, and debits still go through one row for the limit check",
        winsWhen: "the hottest account's rate nears one row's commit rate",
        wins: [{ number: "hot_account_transfers_per_sec", atLeast: 500 }],
      },
      {
        id: "one-row",
        name: "one balance row per account",
        buys: "a balance read is one row, and every debit checks it exactly",
        costs: "the hottest account's rate is capped by one row",
        winsWhen: "no account comes near one row's commit rate",
      },
    ],
    rules: [
      {
        when: [{ number: "hot_account_transfers_per_sec", atLeast: 500 }],
        option: "sub-accounts",
        because: "the hottest account takes more transfers than one row commits comfortably",
      },
    ],
    fallback: { option: "one-row", because: "the hottest account fits one row's commit rate" },
  },
];

/**
 * What a design about money in our own accounts must draw, checked by the coherence rule `ledger-shape`: the
 * account in the truth, a transfer keyed by its transfer id, the conservation rule, and no outside party to call.
 */
export const LEDGER_SHAPE = {
  entities: ["Account", "Transfer", "JournalEntry"],
  transferKey: "transfer_id",
  conservation: /\bmoney is conserved\b/i,
  outsideKinds: ["external"],
} as const;
