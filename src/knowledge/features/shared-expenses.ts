import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

/**
 * Words that ask the app itself to move money (a wallet, a transfer to a bank, paying a friend inside the app): then
 * the money-transfer ledger is drawn beside the shared expenses, whose settle-up otherwise only records a payment made
 * outside the app.
 */
export const MOVES_MONEY_WORDS = String.raw`\b(?:wallets?|send(?:s|ing)? money|transfer(?:s|ring)? (?:money|funds)|money transfers?|pay(?:s|ing)? (?:each other|one another|(?:their )?friends?) (?:in|through|inside|within) the app|in-app payments?|payouts?|cash(?:es|ed|ing)? out|withdraw\w*|bank accounts?|peer[- ]to[- ]peer payments?|p2p payments?)\b`;

/**
 * Shared expenses among friends, housemates or travellers (an app like Splitwise): members of a group record who paid
 * for what and how it is split, and the app keeps who owes whom. The group's ledger is the truth: every expense,
 * every edit and every settle-up appends entries that sum to zero, and each member's balance in the group is the sum
 * of that member's entries. Nothing moves money unless the prompt asks for it: settling up records a payment the
 * members made elsewhere. Debt simplification follows Splitwise's own description of its "simplify debts" setting
 * (feedback.splitwise.com, "What does the simplify debts setting do?": it restructures debts within a group so fewer
 * payments are needed, without changing the total anyone owes); finding the fewest payments exactly is NP-complete
 * (A. Verdugo, "Settling Debts Efficiently: Zero-Sum Set Packing", Harvard thesis), so the design matches the
 * largest debtor with the largest creditor, which settles one member per payment and so needs at most one payment
 * fewer than the members with a non-zero balance.
 */
export const SHARED_EXPENSES: FeatureEntry = {
  id: "shared-expenses",
  name: "Shared expenses (groups, splits, balances, settle-up)",
  summary:
    "Members of a group record expenses: who paid, the total in integer minor units (cents) and how it is split (equally, by exact amounts or by percentages), the shares always summing to the total, the cents left over by rounding given one each to the participants in member-id order. Each expense appends ledger entries to its group's ledger in one transaction (a credit to each payer, a debit to each participant) that sum to zero, under the client's request id. An edit or a delete never changes an entry: it appends entries reversing the old version and, for an edit, the new version's entries, guarded by the version the editor read. A member's balance is the sum of their entries in the group, kept in a balance row updated in the same transaction and rebuildable from the ledger. Settling up records a payment made outside the app as two entries; the app moves no money. Simplified debts (who should pay whom) are computed on read from the net balances, never stored.",
  signals: [
    "split expenses",
    "split expense",
    "splitting expenses",
    "shared expenses",
    "shared expense",
    "share expenses",
    "expense sharing",
    "expense splitting",
    "expense splitter",
    "group expenses",
    "group expense",
    "split costs",
    "split the costs",
    "share costs",
    "split the bill",
    "split bills",
    "bill splitting",
    "bill splitter",
    "split rent",
    // (phrases whose every word is a meaning word: "who owes whom" would lose "who" and "whom" to the stop list
    // and fire on any "owes")
    "owe money",
    "owes money",
    "debts between friends",
    "iou",
    "ious",
    "settle debts",
    "settling debts",
    "simplify debts",
    "debt simplification",
  ],
  terms: { expense: "expense", group: "group", member: "member" },
  promptNouns: {
    member: ["friend", "roommate", "flatmate", "housemate", "traveller", "traveler"],
  },
  wholeSystem:
    "a group's ledger of expenses and settlements, with the balances and simplified debts derived from it, is the whole record such an app keeps: an infra reading of 'a bill splitting service' is built from that ledger, not from a generic workflow or key-value tier",
  supersedes: [
    {
      id: "transfer",
      because:
        "settling up records a payment the members made outside the app (cash, a bank transfer, a payments app): the app keeps who owes whom and moves no money, so no wallet, transfer ledger or bank payout is drawn",
      unless: MOVES_MONEY_WORDS,
    },
    {
      id: "graph",
      because:
        "the friends a {member} splits with are the {members} of their {groups}: who shares costs with whom is the memberships, so no follow graph with followers and followees is drawn",
      unless: String.raw`\b(?:follow(?:s|ed|ing|ers?)?|followees?|social (?:networks?|graphs?|feeds?)|news ?feeds?)\b`,
    },
  ],
  actions: [
    {
      action: "add an {expense} to a {group}: who paid and how it is split",
      shape: "create target",
      entity: "Expense",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      action: "edit or delete an {expense} (reversing entries, then the new version's)",
      shape: "state transition",
      entity: "Expense",
      critical: true,
      substrate: "I16",
      mechanism: "version-check",
    },
    {
      action: "settle up: record that one {member} paid another back",
      shape: "create target",
      entity: "Settlement",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      action: "see who owes whom in a {group}",
      shape: "read source",
      entity: "Balance",
      critical: false,
      substrate: "I16",
    },
    {
      action: "see the simplified debts of a {group} (the fewest transfers that settle it)",
      shape: "read source",
      entity: "Balance",
      critical: false,
      substrate: "I16",
    },
    {
      action: "create a {group} and add {members}",
      shape: "create target",
      entity: "Group",
      critical: false,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      action: "notify the {members} an {expense} or settlement involves",
      shape: "async process",
      entity: "Activity",
      critical: false,
      hidden: true,
      substrate: "I06",
    },
    {
      action: "see a {group}'s activity",
      shape: "read projection",
      entity: "Activity",
      critical: false,
      substrate: "I06",
    },
  ],
  entities: [
    {
      name: "Group",
      description:
        "a set of {members} who share {expenses} (a household, a trip, a couple); its ledger and balances live in its own partition",
    },
    {
      name: "Membership",
      description: "({group}, {member}) -> joined at, left at: a {member} with a non-zero balance cannot leave",
    },
    {
      name: "Expense",
      description:
        "one {expense} of a {group}: description, currency, total in integer minor units, payers with their amounts, the split kind (equal, exact, percent) and each participant's share, version, the client's request id, deleted flag",
    },
    {
      name: "LedgerEntry",
      description:
        "one append-only line of a {group}'s ledger: the {member}, a signed amount in minor units and its currency, the {expense} version or settlement it belongs to, and kind (share, payment, reversal, settlement); never updated, and the lines of one {expense} version or settlement sum to zero",
    },
    {
      name: "Balance",
      description:
        "({group}, {member}, currency) -> net amount: the sum of that {member}'s entries, updated in the transaction that appends them; positive is owed, negative owes, and a {group}'s balances sum to zero",
    },
    {
      name: "Settlement",
      description:
        "a payment one {member} made to another outside the app: payer, receiver, amount, currency, the client's request id; recorded as two entries",
    },
    {
      name: "Activity",
      description:
        "a {group}'s feed line (who added, edited, deleted or settled what), written from the ledger's outbox and read newest first",
    },
  ],
  nfrs: [
    "an {expense}'s shares sum exactly to its total in integer minor units, the rounding remainder assigned deterministically",
    "a {member}'s balance always equals the sum of their ledger entries in the {group}, and a {group}'s balances sum to zero",
    "adding an {expense} or a settlement takes effect once per client request id; an edit applies only to the version its editor read",
  ],
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "an edit must reverse the version of the {expense} that is current, or two edits both reverse the same version and the {group}'s balances count it twice, so a {group} whose primary cannot be reached refuses writes rather than apply them to a stale ledger",
  },
  // a shared bill is a cost the members split, not billing: no payment workflow unless a feature that moves money rests on it
  carries: [
    {
      id: "I12",
      why: "a bill here is a cost the {members} split among themselves: the app records who paid and who owes whom and calls no payment provider, so no payment workflow is drawn",
    },
  ],
  realizes: [
    {
      id: "I16",
      entity: "Expense",
      demand: "an {expense}'s entries and its {members}' balances always change together, once per request",
      why: "each {group}'s {expenses}, ledger entries and balance rows are rows of the {group}'s partition in a transactional store, written in one transaction guarded by the {expense}'s version and the client's request id; the rule is that transaction, so no separate key-value tier is drawn",
      instead: "key-value store",
      unless: String.raw`\b(?:key[- ]value stores?|kv stores?|storage engines?|databases? engines?)\b`,
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each {group}'s ledger entries, {expenses} and balance rows sit in the {group}'s partition of a transactional store, changed together in one transaction",
      stance:
        "a write that cannot reach its {group}'s primary is refused: applying it to a replica's older ledger could reverse an {expense} version that is no longer current",
      scopes: {
        ordering: {
          scope: "key",
          why: "one {group}'s {expenses}, edits and settlements are serialised by that {group}'s ledger: each sees the balances the one before it left",
        },
        exclusivity: {
          scope: "key",
          why: "each {expense} version is replaced by one edit at a time, guarded by its version; {groups} never wait on each other",
        },
        coordination: {
          scope: "key",
          why: "an {expense} touches only its own {group}'s rows, so every write commits in one {group}'s partition with no cross-{group} transaction",
        },
      },
    },
    {
      id: "I06",
      role: "output",
      why: "a {group}'s activity feed and each {member}'s totals across {groups} are projections of the ledger entries",
    },
  ],
  hotspot: {
    figure: "peak_ledger_entries_per_sec",
    bottleneck:
      "Ledger writes at the peak: every {expense} appends one entry per payer and participant and updates each of their balance rows in one transaction over its {group}'s rows",
    mitigation:
      "keep each {expense}'s transaction to its own {group}'s rows, so that once the peak outgrows one primary the ledgers split by {group} id with no cross-shard transaction; a large {group} serialises only its own writes, and each {member}'s totals across {groups} are a projection updated from the outbox, not a row every {expense} locks",
  },
  capacity: {
    inputs: [
      inp("users", 10e6, "registered users of a shared-expenses app (a planning figure)"),
      inp(
        "expenses_per_user_per_month",
        6,
        "a few shared costs a month per user: rent and bills in a household, meals and tickets on a trip (a planning figure)",
      ),
      inp(
        "members_per_group",
        4,
        "a household, a couple or a handful of friends on a trip: most groups have 2 to 6 members (a planning figure)",
      ),
      inp("groups_per_user", 3, "a household, a partner and a trip or two (a planning figure)"),
      inp("settlements_per_user_per_month", 1, "about one settle-up a month per user (a planning figure)"),
      inp("balance_views_per_user_per_day", 1, "opening the app about once a day to see who owes whom"),
      inp("days_per_month", 30, "a month's per-user counts spread over 30 days"),
      inp("entry_bytes", 150, "one ledger line: ids, member, signed amount, currency, kind and timestamp"),
    ],
    figures: [
      fig(
        "expenses_per_sec",
        "expenses added per second",
        "rate",
        "users * expenses_per_user_per_month / days_per_month / 86400",
        "expenses/s",
      ),
      fig(
        "settlements_per_sec",
        "settle-ups recorded per second",
        "rate",
        "users * settlements_per_user_per_month / days_per_month / 86400",
        "settlements/s",
      ),
      fig("peak_expenses_per_sec", "peak expenses per second", "peak", "expenses_per_sec * peak_factor", "expenses/s"),
      fig(
        "peak_ledger_entries_per_sec",
        "peak ledger entries per second (one per participant and one per payer of each expense, two per settlement)",
        "peak",
        "(expenses_per_sec * (members_per_group + 1) + settlements_per_sec * 2) * peak_factor",
        "entries/s",
      ),
      fig("groups", "groups", "count", "users * groups_per_user / members_per_group", "groups"),
      fig(
        "balance_reads_per_sec",
        "balance and simplified-debt reads per second",
        "rate",
        "users * balance_views_per_user_per_day / 86400",
        "reads/s",
      ),
      fig(
        "ledger_bytes_per_year",
        "ledger growth per year",
        "growth",
        "(expenses_per_sec * (members_per_group + 1) + settlements_per_sec * 2) * 86400 * 365 * entry_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "expense-ledger-sharding",
      question: "Keep every group's ledger on one transactional primary, or shard the ledgers by group id?",
      options: [
        {
          id: "one-primary",
          name: "one transactional primary (with a synchronous standby) for every group",
          buys: "one database to run and back up; a member's totals across groups are one query",
          costs: "every expense and settlement commits on one primary, so its write rate is the ceiling",
          winsWhen: "one primary commits the peak ledger writes with room to spare",
        },
        {
          id: "by-group",
          name: "ledgers sharded by group id, an expense's entries and balance rows in its group's shard",
          buys: "writes spread over shards with no cross-shard transaction, since an expense touches one group only",
          costs:
            "a member's totals across groups come from a projection fed by each shard's outbox, and resharding moves groups",
          winsWhen: "one primary cannot keep up with the peak ledger writes",
          wins: [{ number: "peak_ledger_entries_per_sec", atLeast: 5000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "peak_ledger_entries_per_sec", atLeast: 5000 }],
          option: "by-group",
          because: "peak ledger writes pass what one transactional primary commits comfortably",
        },
      ],
      fallback: { option: "one-primary", because: "the peak ledger writes fit one transactional primary" },
    },
    {
      id: "expense-edit",
      question: "Edit an expense by reversing its entries and appending the new version's, or by updating its entries?",
      options: [
        {
          id: "reverse-and-repost",
          name: "reversing entries for the old version and the new version's entries, appended in one transaction",
          buys: "the ledger is a complete history: every balance can be rebuilt and every change explained in the activity feed",
          costs: "an edited expense leaves three sets of entries, so the ledger grows with edits",
          winsWhen: "balances must be explainable and rebuildable",
        },
        {
          id: "update-in-place",
          name: "the expense's entries overwritten and the balances recomputed",
          buys: "a smaller ledger",
          costs:
            "the old amounts are lost, so a disputed balance cannot be explained and a crash between the update and the recompute leaves a balance no entry explains",
          winsWhen:
            "only the current amounts matter and nobody will ask how a balance came to be (a scratch tally, not debts between people)",
        },
      ],
      rules: [],
      fallback: {
        option: "reverse-and-repost",
        because: "a balance people argue about must be explained by entries that never change",
      },
    },
    {
      id: "expense-currency",
      topic: "currencies",
      question:
        "Keep each expense and the balances in the currency it was paid in, or convert every expense to the group's currency when it is added?",
      options: [
        {
          id: "per-currency",
          name: "one balance per member and currency, with each amount in the currency it was paid in",
          buys: "no rate is ever applied silently, so a balance never moves because an exchange rate did",
          costs:
            "a member can owe in two currencies at once, and simplified debts are computed per currency unless someone converts",
          winsWhen: "expenses come in more than one currency",
        },
        {
          id: "convert-on-add",
          name: "every expense converted to the group's currency at the day's rate when it is added",
          buys: "one balance per member",
          costs:
            "the payer is owed an amount that differs from what they paid, and the rate source becomes part of the ledger's truth",
          winsWhen: "a group agrees to settle in one currency",
        },
      ],
      rules: [],
      fallback: {
        option: "per-currency",
        because:
          "a debt is owed in the currency it was paid in; converting it is a choice a member makes, recorded with its rate",
      },
    },
    {
      id: "debt-simplification",
      question: "Compute a group's simplified debts on read from the net balances, or store the suggested payments?",
      options: [
        {
          id: "on-read",
          name: "simplified debts computed on read, matching the largest debtor with the largest creditor until every net balance is zero",
          buys: "one truth (the ledger and its balances); the suggestion can never disagree with the balances, and it costs a sort of a few members' balances",
          costs:
            "the greedy match needs at most one payment fewer than the members with a non-zero balance, not always the fewest (finding the fewest is NP-complete)",
          winsWhen: "groups are small enough to sort their balances on every read",
        },
        {
          id: "stored",
          name: "a stored list of suggested payments that every expense rewrites",
          buys: "no work on read",
          costs:
            "a second truth that every expense, edit and settlement must rewrite, and that drifts from the balances if one rewrite fails",
          winsWhen:
            "groups are so large that matching their balances on every read costs more than rewriting the suggestion on every expense",
        },
      ],
      rules: [],
      fallback: {
        option: "on-read",
        because: "the suggested payments are a function of the net balances, so computing them on read keeps one truth",
      },
    },
  ],
  invariants: [
    {
      action: "add an {expense} to a {group}: who paid and how it is split",
      statement:
        "An {expense}'s shares sum exactly to its total in integer minor units: an equal or percentage split rounds each share down and gives the cents left over one each to the participants in member-id order, so the same {expense} always splits the same way; its entries (a credit to each payer, a debit to each participant) sum to zero and are written with the {expense} and the balance rows in one transaction, and a retried add with the same client request id writes nothing new.",
      keptBy: "transaction",
    },
    {
      action: "edit or delete an {expense} (reversing entries, then the new version's)",
      statement:
        "No ledger entry is ever changed: an edit or a delete appends entries reversing the {expense}'s current version (and, for an edit, the new version's entries) in one transaction, applied only while the {expense}'s version is still the one the editor read.",
      keptBy: "version-check",
    },
    {
      action: "settle up: record that one {member} paid another back",
      statement:
        "A settlement is recorded once per client request id as two entries that sum to zero (the payer's credit, the receiver's debit) in the same transaction as both balance rows; the app records a payment made outside it and moves no money.",
      keptBy: "idempotency-key",
    },
    {
      action: "add an {expense} to a {group}: who paid and how it is split",
      statement:
        "An {expense}'s entries change its {members}' balance rows only in the transaction that appends them, so a {member}'s balance in a {group} always equals the sum of that {member}'s ledger entries there, per currency, and a {group}'s balances in each currency sum to zero.",
      keptBy: "transaction",
    },
    {
      topic: "currencies",
      action: "add an {expense} to a {group}: who paid and how it is split",
      statement:
        "An {expense} is kept in the currency it was paid in: its entries and the balance rows they change are in that currency, and no amount is converted unless a {member} asks for it, which appends a conversion recording the rate used.",
    },
  ],
  failures: [
    {
      failure: "A client retries an add after a timeout, and the {expense} would be recorded twice",
      prevention: "a unique key on ({group}, client request id), inserted in the {expense}'s own transaction",
      repair: "the retry finds the request id and returns the first {expense}; no second set of entries is written",
      role: "truth",
    },
    {
      failure: "Two {members} edit the same {expense} at once",
      prevention:
        "each edit names the version it read, and its transaction applies only while the {expense} is still at that version",
      repair: "the later edit gets 409 with the current version, and the client shows it before the {member} retries",
      role: "truth",
    },
    {
      failure:
        "Shares do not add up: 10.00 split three ways, or percentages that round to a cent more or less than the total",
      prevention:
        "amounts are integer minor units; shares round down and the remainder cents go one each to participants in member-id order; an exact split whose shares do not sum to the total is refused with 422",
      repair: "nothing to repair: an {expense} whose shares do not sum to its total is never written",
      role: "truth",
    },
    {
      failure: "A balance row drifts from the entries (a bug, or a manual fix that skipped the ledger)",
      prevention: "balance rows change only in the transaction that appends their entries",
      repair:
        "a nightly job sums each {group}'s entries per {member} and currency, compares them with the balance rows, and rebuilds a row that differs from its entries",
      role: "truth",
    },
    {
      failure: "The ledger's primary crashes after an {expense} commits and before the client hears back",
      prevention:
        "a commit is acknowledged only once a synchronous standby holds it, so the promoted standby has every entry",
      repair:
        "the client retries with the same request id against the promoted standby, which returns the {expense} if it committed or applies it once if it did not",
      role: "truth",
    },
    {
      failure: "A {member} leaves a {group} while they still owe or are owed",
      prevention: "leaving is refused while any of the {member}'s balances in the {group} is non-zero",
      repair: "the {member} settles up first, or the {group} keeps them as a former member whose balance stays visible",
      role: "coordination",
    },
  ],
  technology: [
    // PostgreSQL docs, "Transaction Isolation": under Read Committed an UPDATE that meets a row another transaction is
    // changing waits for it, then re-evaluates its WHERE clause on the new row version.
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "a group's expense, its ledger entries and its members' balance rows written in one transaction; an edit's UPDATE of the expense row with a version condition waits for a concurrent edit and then re-checks the version",
    },
  ],
  topology: {
    components: [
      {
        id: "expense-service",
        name: "Expense service",
        kind: "service",
        runs: ["add expense", "edit expense", "settle up", "balances", "simplified debts", "groups"],
        because:
          "one place validates the split (shares sum to the total), writes the entries and balance rows in one transaction, and computes the simplified debts from the balances on read",
      },
      {
        id: "ledger-db",
        name: "Group ledger database (transactional, synchronous standby)",
        kind: "store",
        holds: ["Group", "Membership", "Expense", "LedgerEntry", "Balance", "Settlement"],
        because:
          "an expense, its entries and its members' balance rows change in one ACID transaction in its group's partition",
      },
      {
        id: "activity-worker",
        name: "Activity workers",
        kind: "worker-pool",
        runs: ["write activity lines", "push to the members an entry involves"],
        because:
          "each committed expense, edit and settlement becomes a feed line and a notification to the members it involves, read from the ledger's outbox so none is lost or sent for a write that rolled back",
      },
      {
        id: "activity-store",
        name: "Activity store",
        kind: "store",
        holds: ["Activity"],
        because: "the group's feed, read newest first, is a projection of the ledger",
      },
      {
        id: "push-provider",
        name: "Push providers (APNs, FCM)",
        kind: "external",
        because:
          "only the platform push services can wake a phone; a push is best-effort, so the activity feed is the record",
      },
    ],
    links: [
      { from: "gateway", to: "expense-service", kind: "request", label: "expenses / settlements / balances" },
      { from: "expense-service", to: "ledger-db", kind: "request", label: "entries + balance rows in one transaction" },
      { from: "ledger-db", to: "activity-worker", kind: "stream", label: "ledger outbox" },
      { from: "activity-worker", to: "activity-store", kind: "request", label: "append activity line" },
      { from: "gateway", to: "activity-store", kind: "request", label: "read a group's activity" },
      { from: "activity-worker", to: "push-provider", kind: "request", label: "push to the members involved" },
    ],
    api: [
      {
        operation: "create group",
        call: "POST /v1/groups",
        request: ["request_id", "name", "member_ids[]", "default_currency"],
        response: ["group_id"],
        errors: ["409 request_id reused with a different body"],
        guarantee: "one group per request_id, its members added with it",
      },
      {
        operation: "add expense",
        call: "POST /v1/groups/{group_id}/expenses",
        request: ["request_id", "description", "currency", "total_minor", "paid_by[]", "split_kind", "shares[]"],
        response: ["expense_id", "version", "shares[]"],
        errors: [
          "422 shares do not sum to the total",
          "404 a payer or participant is not a member",
          "409 request_id reused with a different body",
        ],
        guarantee:
          "the expense, its entries and the balance rows commit together, once per request_id; the returned shares sum to the total",
      },
      {
        operation: "edit expense",
        call: "PUT /v1/groups/{group_id}/expenses/{expense_id}",
        request: ["expected_version", "total_minor", "paid_by[]", "split_kind", "shares[]", "deleted"],
        response: ["expense_id", "version"],
        errors: ["409 version changed (returns the current version)", "422 shares do not sum to the total"],
        guarantee:
          "appends reversing entries for the current version and the new version's entries in one transaction, only if expected_version is current",
      },
      {
        operation: "settle up",
        call: "POST /v1/groups/{group_id}/settlements",
        request: ["request_id", "from_member", "to_member", "amount_minor", "currency"],
        response: ["settlement_id"],
        errors: ["404 not a member", "409 request_id reused with a different body"],
        guarantee: "records a payment made outside the app as two entries, once per request_id; moves no money",
      },
      {
        operation: "balances",
        call: "GET /v1/groups/{group_id}/balances",
        request: ["group_id"],
        response: [
          "balances[] (member, currency, net_minor)",
          "simplified_payments[] (from, to, amount_minor, currency)",
        ],
        errors: ["404 unknown group"],
        guarantee:
          "balances read from the group's primary; simplified payments computed from them on read, per currency, and stored nowhere",
      },
      {
        operation: "activity",
        call: "GET /v1/groups/{group_id}/activity?cursor=",
        request: ["cursor"],
        response: ["items[]", "next_cursor"],
        errors: [],
        guarantee: "every committed expense, edit and settlement appears once, newest first, shortly after its commit",
      },
    ],
    dataModel: [
      {
        entity: "Expense",
        key: ["group_id", "expense_id"],
        fields: [
          "description",
          "currency",
          "total_minor",
          "paid_by",
          "split_kind",
          "shares",
          "version",
          "request_id",
          "deleted",
        ],
        indexes: ["(group_id, request_id) unique"],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "LedgerEntry",
        key: ["group_id", "entry_id"],
        fields: [
          "member_id",
          "amount_minor",
          "currency",
          "kind",
          "expense_id",
          "expense_version",
          "settlement_id",
          "created_at",
        ],
        indexes: ["(group_id, member_id, currency) for rebuilding a balance", "(expense_id, expense_version)"],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "Balance",
        key: ["group_id", "member_id", "currency"],
        fields: ["net_minor", "updated_at"],
        indexes: [],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "Settlement",
        key: ["group_id", "settlement_id"],
        fields: ["from_member", "to_member", "amount_minor", "currency", "request_id", "created_at"],
        indexes: ["(group_id, request_id) unique"],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "Group",
        key: ["group_id"],
        fields: ["name", "default_currency", "created_by", "created_at"],
        indexes: [],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "Membership",
        key: ["group_id", "member_id"],
        fields: ["joined_at", "left_at"],
        indexes: ["member_id for a member's groups"],
        partitionKey: "group_id",
        owner: "ledger-db",
      },
      {
        entity: "Activity",
        key: ["group_id", "activity_id"],
        fields: ["actor_id", "kind", "expense_id", "settlement_id", "summary", "created_at"],
        indexes: [],
        partitionKey: "group_id",
        owner: "activity-store",
      },
    ],
    entry: "expense-service",
    stateOwner: "ledger-db",
    protocols: [
      {
        name: "Add an expense: its shares, entries and balance rows in one transaction",
        notation:
          "client>gateway[add expense with request id] -> gateway>expense-service[add expense with payers and split] -> expense-service[compute shares in minor units with the remainder cents one each in member-id order {shares sum to the total}] -> expense-service>ledger-db[in one transaction insert the expense and append one entry per payer and participant and add each to its balance row {no expense with this request id}] -> ledger-db>expense-service[committed] -> expense-service>client[expense id and shares] |-> expense-service>client[422 shares do not sum to the total {shares differ from the total}] |-> ledger-db>expense-service[return the first expense {request id already used}] => done | reject",
      },
      {
        name: "Edit an expense: reverse the current version, then post the new one",
        notation:
          "client>gateway[edit expense with expected version] -> gateway>expense-service[edit expense] -> expense-service>ledger-db[in one transaction append entries reversing the current version and the new version's entries and update the balance rows and bump the version {Expense.version = expected version}] -> ledger-db>expense-service[committed with the new version] -> expense-service>client[new version] |-> ledger-db>expense-service[refuse: version changed {Expense.version != expected version}] => done | reject",
      },
    ],
  },
};
