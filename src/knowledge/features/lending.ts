import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

/**
 * Lending: a library's loans and holds. A title has copies (items) at branches; a patron borrows one copy at a time
 * per loan, with a due date, returns it and may renew it a limited number of times, never while others wait for the
 * title; holds queue per title in request order, a returned copy goes to the first patron waiting, who has a few days
 * to collect it from the hold shelf before it passes to the next; overdue fines accrue per day past due up to a cap and
 * are charged to the patron's own account (no card payment unless the prompt asks for payments).
 *
 * Checked against a primary source (own words): Koha's "Circulation and fine rules" admin page (the smart-rules.tt
 * template in git.koha-community.org) sets, per library, patron category and item type, the current checkouts allowed,
 * a loan period, a fine amount per fine charging interval with an overdue fines cap, the renewals allowed and the holds
 * allowed: the limits this card keeps on the patron's row, the loan and the fine ledger. The default figures below
 * (a three-week loan, a cap on fines, a few days on the hold shelf) are planning figures of that shape, not Koha's.
 */
const LIBRARY_WORDS = String.raw`\b(?:librar(?:y|ies)(?! (?:releases?|versions?|packages?|dependenc\w+|code|api|sdk|modules?))|librarians?|patrons?|borrowers? of books|books?|e-?books?|catalog(?:ue)?s?|overdue|late fees?|due dates?)\b`;

export const LENDING: FeatureEntry = {
  id: "lending",
  name: "Loans and holds (library lending)",
  summary:
    "Patrons borrow copies of titles held at branches, return and renew them, and queue holds on titles out on loan. A loan is one conditional write on the copy (only from on the shelf to on loan), so a copy is never lent twice; holds queue per title in request order and a returned copy is trapped for the first patron waiting, who has a few days to collect it; overdue fines accrue per day past the due date up to a cap, in the patron's own account.",
  signals: [
    "library system",
    "library management",
    "library catalog",
    "library catalogue",
    "library app",
    "library website",
    "library patrons",
    "library books",
    "library e-book",
    "lending library",
    "borrow books",
    "borrow e-books",
    "check out books",
    "check out a book",
    "checked out books",
    "return books",
    "renew loans",
    "renew books",
    "book loans",
    "library loans",
    "place holds",
    "holds queue",
    "late fees",
    "overdue fines",
    "overdue fees",
    "due dates",
  ],
  terms: { title: "title", copy: "copy", patron: "patron", branch: "branch" },
  promptNouns: { title: ["e-book", "book"], patron: ["member", "student", "reader"] },
  otherKind: {
    // money lent between people, or a software library's releases, are no library's loans of its copies
    words: String.raw`\b(?:peer[- ]to[- ]peer (?:loans?|lending)|p2p (?:loans?|lending)|mortgages?|interest rates?|credit scores?|lenders?|loan applications?|repayments?|software librar(?:y|ies)|librar(?:y|ies) (?:releases?|versions?|packages?))\b`,
    because: "are money lent for interest or a software library's releases, not copies a library lends",
  },
  actions: [
    {
      action: "search the catalogue for a {title} and see which {branch} has a {copy} on the shelf",
      shape: "read projection",
      entity: "{Title}",
      critical: false,
      substrate: "I16",
    },
    {
      action: "borrow a {copy} (check it out until its due date)",
      shape: "state transition",
      entity: "{Copy}",
      critical: true,
      substrate: "I16",
      mechanism: "guarded-transition",
    },
    {
      action: "return a {copy}",
      shape: "state transition",
      entity: "Loan",
      critical: true,
      substrate: "I16",
      mechanism: "guarded-transition",
    },
    {
      action: "renew a loan",
      shape: "state transition",
      entity: "Loan",
      critical: false,
      substrate: "I16",
      mechanism: "guarded-transition",
    },
    {
      action: "place a hold on a {title}",
      shape: "create target",
      entity: "Hold",
      critical: true,
      substrate: "I16",
      mechanism: "insert-primary",
    },
    {
      action: "trap a returned {copy} for the first hold and expire uncollected holds",
      shape: "async process",
      entity: "Hold",
      critical: true,
      hidden: true,
      substrate: "I03",
    },
    {
      action: "add overdue fines to the patron's ledger once per loan and day, up to the cap",
      shape: "async process",
      entity: "FineEntry",
      critical: true,
      hidden: true,
      substrate: "I16",
      mechanism: "keyed-effect-ledger",
    },
  ],
  entities: [
    { name: "{Title}", description: "a work in the catalogue: title, authors, ISBN, subjects, copies per branch" },
    {
      name: "{Copy}",
      description:
        "(copy id) -> title, home branch, state (on shelf / on loan / on hold shelf / in transit / lost), current loan id, version",
    },
    { name: "Loan", description: "(loan id) -> copy, patron, checked out at, due date, renewals used, returned at" },
    {
      name: "Hold",
      description:
        "(title, position) -> patron, pickup branch, placed at, state (waiting / trapped with its copy / collected / expired / cancelled), shelf expiry",
    },
    {
      name: "{Patron}",
      description: "card number, category with its loan limit, open loans count, fines balance, blocked flag",
    },
    {
      name: "FineEntry",
      description:
        "(patron, loan, day) -> amount: the patron's ledger of fines charged, waived and paid at the desk or online",
    },
  ],
  nfrs: [
    "a {copy} is on loan to at most one {patron} at a time",
    "holds on a {title} are served in the order they were placed",
    "a {patron} never holds more open loans than their category allows",
  ],
  carries: [
    {
      id: "I02",
      why: "a copy lent once at a time is the copy row's own conditional write; a hold waits in its title's queue with no lease to expire while a buyer pays",
    },
    {
      id: "I12",
      why: "a library checkout lends a copy and calls no outside party; fines go to the patron's own ledger, with no card payment unless the prompt asks for one",
    },
  ],
  realizes: [
    {
      id: "I02",
      entity: "Copy",
      demand: "a {copy} is never lent to two {patrons} at once",
      why: "a loan is the copy's own row moved from on shelf to on loan by one conditional write with its version, in the transaction that writes the Loan; a copy has no expiry to enforce while out, so no lease service or consensus group is drawn",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "copies, loans, holds and fines are the library's records of truth, changed by conditional writes",
    },
    {
      id: "I03",
      role: "output",
      why: "due dates, hold shelf expiries and the nightly fine run are timed work",
    },
  ],
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "a {copy} lent twice or a hold served out of turn is a promise to a {patron} the desk cannot keep, so a checkout that cannot reach the {copy}'s row is refused rather than guessed; catalogue search stays up from its own index",
  },
  requires: ["search"],
  supersedes: [
    {
      id: "booking",
      because:
        "a library's hold waits in a queue per title until any copy comes back; it is no seat held for minutes while a buyer pays",
      when: LIBRARY_WORDS,
      inHead: true,
    },
    {
      id: "checkout",
      because:
        "a library's checkout lends a copy until its due date and charges nothing; fines go to the patron's own account, not through a card payment provider",
      when: LIBRARY_WORDS,
      unless: String.raw`\b(?:pay(?:s|ing|ments?)? (?:fines|fees) (?:online|by card|with a card)|card payments?|payment provider|stripe|paypal|credit cards?)\b`,
      inHead: true,
    },
  ],
  hotspot: {
    figure: "hot_title_hold_writes_per_sec",
    bottleneck:
      "A popular new {title}: hundreds of {patrons} queue holds on it within minutes of its announcement, and each hold is appended to that one title's queue",
    mitigation:
      "keep the queue as rows under the title's key, a position taken from a per-title counter in the same transaction; patrons read their place from the row, and the trap on return reads only the queue's head",
  },
  capacity: {
    inputs: [
      {
        quantity: "branches",
        typical: 10,
        why: "branches of a city or university library (a planning figure)",
        from: { expression: "sites", why: "the stated branches, each with its own shelves and hold shelf" },
      },
      {
        quantity: "patrons",
        typical: 100000,
        why: "registered patrons of a large city or university library (a planning figure)",
        from: { expression: "users", why: "the stated patrons, each with their own loans and holds" },
      },
      {
        quantity: "titles",
        typical: 500000,
        why: "titles in a large library's catalogue (a planning figure)",
        from: { expression: "objects", why: "the stated titles in the catalogue" },
      },
      inp("copies_per_title", 2, "copies of a title across the branches: most one, popular ones several"),
      inp("loans_per_patron_per_year", 15, "loans a year per registered patron (a planning figure)"),
      inp("loan_days", 21, "a three-week loan period"),
      inp("peak_day_share", 0.02, "the busiest day (the start of a semester) takes about a fiftieth of a year's loans"),
      inp("busy_hours", 8, "the hours of a busy day the loans happen in"),
      inp("hot_title_holds", 500, "holds placed on one popular new title"),
      inp("hot_title_minutes", 10, "minutes after its announcement in which most of those holds arrive"),
    ],
    figures: [
      fig("copies", "copies on the shelves of every branch", "count", "titles * copies_per_title", "copies"),
      fig("loans_per_year", "loans a year", "count", "patrons * loans_per_patron_per_year", "loans"),
      fig("open_loans", "loans out at once", "count", "loans_per_year * loan_days / 365", "loans"),
      fig(
        "peak_checkouts_per_sec",
        "checkouts a second on the busiest day (the semester's start)",
        "peak",
        "loans_per_year * peak_day_share / (busy_hours * 3600)",
        "writes/s",
      ),
      fig(
        "checkouts_per_branch_per_sec",
        "checkouts a second at one branch's desks on that day",
        "rate",
        "peak_checkouts_per_sec / branches",
        "writes/s",
      ),
      fig(
        "hot_title_hold_writes_per_sec",
        "holds a second appended to one popular title's queue",
        "hotspot",
        "hot_title_holds / (hot_title_minutes * 60)",
        "writes/s",
      ),
    ],
  },
  decisions: [
    {
      id: "lending-hold-queue",
      question: "Keep each title's hold queue as ordered rows in the loans database, or in a queue service?",
      options: [
        {
          id: "ordered-rows",
          name: "holds as rows keyed by (title, position) beside the copies and loans, the position from a per-title counter",
          buys: "trapping a returned copy for the queue's head is one transaction with the copy's state change; a patron's place, a cancellation or a skipped hold is a row read or update",
          costs: "every hold on a popular title writes that title's counter row",
          winsWhen: "holds per title arrive at desk and web speed, a few a second at most",
          wins: [{ number: "hot_title_hold_writes_per_sec", below: 200 }],
        },
        {
          id: "queue-service",
          name: "a queue per title in a message or queue service, consumed when a copy comes back",
          buys: "appends to one title's queue scale past one row's write rate",
          costs:
            "the queue and the copy's state live in two systems, so a trap needs an outbox and a retry; cancelling or reordering a hold in the middle of a queue is not a queue operation",
          winsWhen: "thousands of holds a second land on one title",
        },
      ],
      rules: [],
      fallback: {
        option: "ordered-rows",
        because: "a library's holds are few a second, and the trap must change the copy and the hold together",
      },
    },
    {
      id: "lending-fines",
      question: "Compute a loan's fine when the copy is returned, or accrue fines nightly into the patron's ledger?",
      options: [
        {
          id: "at-return",
          name: "the fine computed at return from the days past due, capped, and written as one ledger entry",
          buys: "one write per late loan and no nightly job; the amount is exact at the moment the patron is at the desk",
          costs:
            "a patron's balance misses what long-overdue loans owe until they come back, so limits and blocks that read the balance lag",
          winsWhen: "blocks and notices need not count fines on loans still out",
        },
        {
          id: "nightly-accrual",
          name: "a nightly run adds one entry per overdue loan and day, keyed by (loan, day), until the cap",
          buys: "the balance always includes loans still out, so a patron past the block threshold is blocked before returning; a rerun of a night adds nothing",
          costs: "a write per overdue loan every night, and the run must finish before the desks open",
          winsWhen: "borrowing is blocked above a fines balance, as library rules usually do",
        },
      ],
      rules: [],
      fallback: {
        option: "nightly-accrual",
        because: "a patron's fines balance decides whether they may borrow, so it must count loans still out",
      },
    },
  ],
  invariants: [
    {
      action: "borrow a {copy} (check it out until its due date)",
      statement:
        "A {copy} is on loan to at most one {patron}: the checkout moves it from on shelf (or trapped for this patron's hold) to on loan in one conditional write on the {Copy} row with its version, in the same transaction as the Loan and the patron's open-loans count, which may not exceed the category's limit.",
      keptBy: "guarded-transition",
    },
    {
      action: "place a hold on a {title}",
      statement:
        "Holds on a {title} are served in the order placed: each Hold takes the next position of its title's counter in its own transaction, and a returned {copy} is trapped for the lowest waiting position only.",
    },
    {
      action: "add overdue fines to the patron's ledger once per loan and day, up to the cap",
      statement:
        "A late Loan is fined once per day past due and never beyond the cap: each FineEntry is keyed by (loan, day), so a rerun of the night adds nothing.",
      keptBy: "keyed-effect-ledger",
    },
  ],
  failures: [
    {
      failure: "Two desks check out the same {copy} at once",
      prevention: "the checkout is a conditional write on the copy's state and version; the second finds it on loan",
      repair: "the desk that lost tells the patron the copy is already out and offers a hold",
      role: "truth",
    },
    {
      failure: "A renewal is granted while other {patrons} wait for the {title}",
      prevention: "the renewal checks for a waiting hold on the title and the renewals used in the same transaction",
      repair: "shorten the renewed loan to its original due date and notify the patron",
      role: "truth",
    },
    {
      failure: "A trapped {copy} sits on the hold shelf after its patron stops coming",
      prevention: "the hold's shelf expiry is a timer; on expiry the copy is trapped for the next waiting hold",
      repair: "a daily sweep expires any trapped hold past its date the timers missed",
      role: "derived",
    },
    {
      failure: "The nightly fine run is rerun and charges a day twice",
      prevention: "each fine entry is keyed by (loan, day); the rerun finds them and writes nothing",
      repair: "recompute a patron's balance from their ledger",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "copies, loans, holds and the fines ledger in one database, the checkout a conditional update in one transaction",
    },
  ],
  topology: {
    components: [
      {
        id: "circulation-service",
        name: "Circulation service",
        kind: "service",
        runs: ["check out", "return", "renew", "place / cancel a hold", "trap a returned copy"],
        because: "every change of a copy's state and the loans and holds behind it goes through one service",
      },
      {
        id: "circulation-db",
        name: "Circulation database (copies, loans, holds, patrons)",
        kind: "store",
        holds: ["Copy", "Loan", "Hold", "Patron", "FineEntry"],
        because:
          "a checkout or a trap changes the copy, the loan or hold and the patron's counts in one transaction; a library system's few million loans a year fit one database, split by library system only in a consortium",
      },
      {
        id: "circulation-jobs",
        name: "Due-date and hold-shelf jobs",
        kind: "worker-pool",
        runs: ["send due-date notices", "expire uncollected holds", "accrue overdue fines nightly"],
        because: "due dates, shelf expiries and fines are timed work over the loans and holds",
      },
    ],
    links: [
      { from: "gateway", to: "circulation-service", kind: "request", label: "check out / return / renew / hold" },
      { from: "circulation-service", to: "circulation-db", kind: "request", label: "conditional writes on copies" },
      {
        from: "circulation-jobs",
        to: "circulation-db",
        kind: "request",
        label: "expire holds; fine entries by (loan, day)",
      },
      {
        from: "circulation-jobs",
        to: "circulation-service",
        kind: "request",
        label: "expire a trapped hold; trap the copy for the next",
      },
      { from: "circulation-db", to: "change-stream", kind: "stream", label: "copy availability changes" },
    ],
    api: [
      {
        operation: "borrow a {copy}",
        call: "POST /v1/loans",
        request: ["copy_id", "patron_id", "request_id"],
        response: ["loan_id", "due_date"],
        errors: ["409 copy already on loan", "403 loan limit reached or patron blocked"],
        guarantee: "one open loan per copy; a retry with the same request id returns the first loan",
      },
      {
        operation: "return a {copy}",
        call: "POST /v1/copies/{copy_id}/return",
        request: ["copy_id"],
        response: ["fine", "trapped_for_hold"],
        errors: ["409 copy not on loan"],
        guarantee: "the loan is closed once; a copy with waiting holds is trapped for the first",
      },
      {
        operation: "renew a loan",
        call: "POST /v1/loans/{loan_id}/renew",
        request: ["loan_id"],
        response: ["due_date", "renewals_left"],
        errors: ["409 others hold this title", "403 renewal limit reached"],
        guarantee: "refused while another patron waits for the title",
      },
      {
        operation: "place a hold on a {title}",
        call: "POST /v1/titles/{title_id}/holds",
        request: ["title_id", "pickup_branch", "request_id"],
        response: ["hold_id", "position"],
        errors: ["409 already holding this title", "403 patron blocked"],
        guarantee: "positions in request order; one hold per patron per title",
      },
    ],
    dataModel: [
      {
        entity: "Copy",
        key: ["copy_id"],
        fields: ["library_id", "title_id", "branch_id", "state", "loan_id", "version"],
        indexes: ["(title_id, state)", "(branch_id, state)"],
        partitionKey: "library_id",
        owner: "circulation-db",
      },
      {
        entity: "Loan",
        key: ["loan_id"],
        fields: ["library_id", "copy_id", "patron_id", "checked_out_at", "due_date", "renewals", "returned_at"],
        indexes: ["(patron_id, returned_at)", "(due_date) where returned_at is null"],
        partitionKey: "library_id",
        owner: "circulation-db",
      },
      {
        entity: "Hold",
        key: ["title_id", "position"],
        fields: ["library_id", "patron_id", "pickup_branch", "state", "copy_id", "shelf_expires_at"],
        indexes: ["(patron_id, title_id) unique", "(state, shelf_expires_at)"],
        partitionKey: "library_id",
        owner: "circulation-db",
      },
      {
        entity: "Patron",
        key: ["patron_id"],
        fields: ["library_id", "category", "open_loans", "loan_limit", "fines_balance", "blocked"],
        indexes: ["(card_number) unique"],
        partitionKey: "library_id",
        owner: "circulation-db",
      },
      {
        entity: "FineEntry",
        key: ["patron_id", "loan_id", "day"],
        fields: ["library_id", "amount", "kind (charge / waive / payment)"],
        indexes: [],
        partitionKey: "library_id",
        owner: "circulation-db",
      },
    ],
    entry: "circulation-service",
    stateOwner: "circulation-db",
  },
};
