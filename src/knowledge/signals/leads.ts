import type { ArchetypeId } from "../schema.js";

/**
 * Which archetype leads when two speak. Two readings that words alone get wrong:
 *
 * - A named system followed closely by one of these verbs is the caller of what the prompt designs, not the
 *   thing designed: "Envoy sidecars call out to a service …; design that service" asks for the service Envoy
 *   calls (a rate limiter), and Envoy is its client (supporting, not leading).
 * - Exclusivity words ("exactly once", "never twice", "only one") in a prompt that asks to build something
 *   whose work is owned by one of `WORK_OWNERS` (work due at a time, a graph of steps, a scan of a keyspace)
 *   say how that work must run, not what to build: the owner leads and the claim supports it.
 */
export const CALLER_VERBS: readonly string[] = [
  "call",
  "calls",
  "consult",
  "consults",
  "query",
  "queries",
  "ask",
  "asks",
];

/** How many words after a named system a calling verb may stand ("Istio's mesh proxies query …"). */
export const CALLER_WINDOW = 3;

/** Archetypes that own a kind of work, whose "once" and "never twice" are how the work runs. */
export const WORK_OWNERS: readonly { id: ArchetypeId; work: string }[] = [
  { id: "I03", work: "work released at a due time" },
  { id: "I04", work: "a scan over a keyspace or a crawl frontier" },
  { id: "I12", work: "a workflow of steps with outside effects" },
];

/**
 * The archetype of work released at a due time. Read only from the body of an ask to build ("… takes snapshots of
 * every server every night"), its cadence says when the thing the head names does its work ("a backup service"):
 * that thing leads and the timed release supports it.
 */
export const TIMED_WORK: ArchetypeId = "I03";

/** The archetype exclusivity words point to, which the owner of the work outranks. */
export const EXCLUSIVE_CLAIM: ArchetypeId = "I02";

/**
 * Business nouns that say what a prompt is about, not what to build: "the payments service" whose healthy
 * addresses callers need, "a dashboard of refunds computed from the payments ledger". An archetype known only from
 * these (alone, or before "service" / "system") ranks below one whose requirement the prompt states, in a prompt
 * that asks for nothing to be built; the words still count, they only stop leading.
 */
export const SUBJECT_NOUNS: readonly string[] = [
  "payment",
  "payments",
  "payout",
  "payouts",
  "refund",
  "refunds",
  "ledger",
  "billing",
];

/** Words that, after a subject noun, still only name the subject ("the payments service"). */
export const SUBJECT_NOUN_TAILS: readonly string[] = ["service", "system"];

/** How strongly the other archetype's requirement must be stated for a subject-noun archetype to rank below it. */
export const SUBJECT_STATED_LEAST = 0.6;

/**
 * Words for the runners of owned work ("even if two workers pick it up"). In a statement that asks for nothing to be
 * built, exclusivity beside several of them racing ("two workers") says that each piece of due work runs once,
 * which due-time release's claimable run provides: it leads, when its requirement is stated, and the claim supports it.
 */
export const RUNNER_WORDS: readonly string[] = [
  "worker",
  "workers",
  "poller",
  "pollers",
  "runner",
  "runners",
  "consumer",
  "consumers",
];

/** Counts right before a runner word that make it several runners racing for one piece of work ("two workers"). */
export const RUNNER_COUNTS: readonly string[] = ["two", "both", "several", "multiple", "many", "three", "one"];

/** How many words before the runner word its count may stand ("exactly one of the waiting consumers"). */
export const RUNNER_COUNT_WINDOW = 2;

/**
 * The owner whose card holds a claimable run: due-time work. Runners racing over a workflow's or a scan's item
 * ("two workers must never process the same invoice") contend for a resource, which is the claim itself.
 */
export const RUNNER_OWNER: ArchetypeId = "I03";

/** How strongly the owner's requirement must be stated (from requirement phrases) in a statement to lead a claim. */
export const STATED_OWNER_LEAST = 0.6;

/** The requirement that is the claim's own: a stale holder fenced off. A claim stated with it is what is built. */
export const CLAIM_OWN_RULE = "a stale holder fenced off";

/**
 * Money that moves between accounts the system keeps itself ("transfers money between accounts on different
 * shards", "a bank ledger") is its own state, not an effect at an outside party: the words that would otherwise
 * read as a provider to call ("bank", "transfer money") stop pointing to the outside-effect workflow when the
 * prompt says the accounts are its own and names no outside party. The words are read as stems, in any order
 * within a short window, as requirement phrases are.
 */
export const OWN_ACCOUNT_CUES: readonly string[] = [
  "between accounts",
  "between our accounts",
  "between its accounts",
  "between customer accounts",
  "between user accounts",
  "accounts different shards",
  "accounts across shards",
  "accounts different partitions",
  "cross shard transfer",
  "cross partition transfer",
  "internal transfer",
  "bank ledger",
  "double entry ledger",
  "double entry accounting",
  "double entry bookkeeping",
  "internal ledger",
  // a balance the system stores for its users ("send money from a stored balance", "their in-app balance", "the
  // wallet balance"), and money users send one another inside it ("peer-to-peer payments", "send money to friends",
  // "pay each other"): a payment between two of the system's own balances is a transfer in its ledger
  "stored balance",
  "stored balances",
  "wallet balance",
  "peer to peer payment",
  "peer to peer payments",
  "peer to peer transfer",
  "p2p payment",
  "p2p payments",
  "p2p transfer",
  "send money friends",
  "send money other users",
  "send money one another",
  "send money other",
  "pay other",
  "pay one another",
  "transfer credits other users",
  "credits between users",
  // money said to be neither created nor destroyed by the system ("create money out of nothing") is conserved in
  // its own books
  "money out of nothing",
];

/**
 * The money words whose outside reading own accounts cancel: an archetype's hit made only of them ("bank",
 * "transfers money", "ledger", "a payment ledger") is dropped. "Payment" names what moves, not who moves it: a
 * payment between the system's own accounts is a transfer in its ledger, and a payment through an outside party
 * names that party ("card", "provider", "Stripe": OUTSIDE_PARTY_CUES), which cancels the own reading first.
 */
export const OWN_MONEY_WORDS: readonly string[] = [
  "bank",
  "banks",
  "transfer",
  "transfers",
  "money",
  "ledger",
  "payment",
  "payments",
  "pay",
  "paid",
  "funds",
];

/**
 * Requirements read from words taken together whose outside party may be read from a money word alone ("a payment
 * … never twice": 'payment' fills the outside party). Where the money is the system's own, such a word names what
 * moves, not who moves it, so the reading is dropped: a payment between two stored balances applied twice is a
 * transfer id applied twice in the ledger, which the ledger's own rule keeps.
 */
export const OWN_MONEY_OUTSIDE_RULES: readonly string[] = ["an outside effect made once"];

/**
 * The requirement rule that reads money as kept in the system's own accounts (signals/requirements.ts): where the
 * prompt names an outside party, its words are read as the party's accounts instead, and the rule does not speak.
 */
export const OWN_ACCOUNT_RULE = "money kept in our own accounts";

/**
 * The requirement rules that read a named outside party as one the system calls (signals/requirements.ts). In an ask
 * to build whose head is followed by "for" ("card fraud scoring for a payments network", "fraud detection for an
 * online payments processor"), a party named only there, with at most the head's own words, is whom the system is
 * built for: it scores or looks things up for that party and makes no effect at it, so the reading is not
 * counted (`servedProvider` in engine/recognize/recognize.ts). A party named in the head alone ("a payment gateway")
 * is what is built and keeps its weight.
 */
export const PROVIDER_RULES: readonly string[] = ["an outside provider to call"];

/**
 * Words that name an outside party however the accounts are kept ("to another bank", "through the card network",
 * "between bank accounts": accounts held at banks, which the system moves money between, not its own).
 */
export const OUTSIDE_PARTY_CUES: readonly string[] = [
  "bank account",
  "bank accounts",
  "another bank",
  "other bank",
  "other banks",
  "two banks",
  "external bank",
  "partner",
  "provider",
  "processor",
  "gateway",
  "card",
  "cards",
  "payout",
  "payouts",
  "wire",
  "external",
  "third party",
  "api",
  "stripe",
  "ach",
  "swift",
];

/**
 * Event analytics is not monitoring. Telemetry (`SYSTEM_TELEMETRY`) gathers what systems measure about themselves
 * (hosts' CPU, services' error rates and latency, log lines, spans, devices' readings), scrapes or receives it and
 * alerts on it. A prompt that counts what users do (`BUSINESS_COUNT_RULE`: clicks, app events, page views,
 * impressions, per minute or hour over days) and names nothing of that kind (`SYSTEM_MEASURE_CUES`) asks for
 * aggregates of business events: a partitioned event log, a stream aggregator keeping rollups per key and time
 * window, and a columnar store (`BUSINESS_COUNT_OWNER`). There the telemetry pipeline its generic words
 * ("aggregates", "ingests", "minute", "dashboard", even "game telemetry") call up is not drawn at all, neither leading
 * nor beside the count: scrape targets, alert rules and series of samples are no part of counting what users do.
 */
export const SYSTEM_TELEMETRY: ArchetypeId = "I18";
export const BUSINESS_COUNT_OWNER: ArchetypeId = "I06";
export const BUSINESS_COUNT_RULE = "a running count of business events";
/** Words that say a system's own measurements are gathered: any of them keeps the telemetry reading in the lead. */
export const SYSTEM_MEASURE_CUES: readonly string[] = [
  "metrics",
  "metric",
  "monitoring",
  "monitor",
  "observability",
  "host",
  "hosts",
  "server",
  "servers",
  "machines",
  "containers",
  "pods",
  "microservices",
  "cpu",
  "memory usage",
  "request latency",
  "response times",
  "p99",
  "error rate",
  "error rates",
  "errors",
  "logs",
  "log lines",
  "traces",
  "spans",
  "scrape",
  "scraped",
  "exporters",
  "alert",
  "alerts",
  "alerting",
  "on call",
  "oncall",
  "pager",
  "sensor",
  "sensors",
  "readings",
  "samples",
  "time series",
  "prometheus",
];

/**
 * Hard rules a prompt states, by the requirement rule that reads them (signals/requirements.ts, combinations.ts), and
 * what each one says is kept. When the head of an ask to build names no kind of system (no kind in `kinds.ts`, no
 * component an archetype's own phrase names outright: "Design an on-call alert router …", "Design a blood bank
 * service …"), the archetype whose hard rule the prompt states leads over ones known only from side phrases, other
 * requirements that only describe the work, and words typical of them in labelled prompts: every part of the design
 * then serves the rule the prompt says must hold. A cap per unit of time on incoming traffic is no bounded count
 * (it is admission control, which reads its own cap), so it is not listed here.
 */
export const HARD_RULES: readonly { rule: string; says: string }[] = [
  { rule: "exclusivity", says: "an exclusive claim: one holder at a time" },
  { rule: "exclusivity under contention", says: "an exclusive claim: two racing actors must not both win" },
  { rule: "taken stays taken", says: "an exclusive claim: what is taken stays taken" },
  { rule: "the first to take it keeps it", says: "an exclusive claim won by the first" },
  { rule: "one holder at a time", says: "an exclusive claim: one holder at a time" },
  { rule: "one holder of a claim", says: "an exclusive claim: one holder at a time" },
  { rule: "used up once", says: "a once-only use of a sold or issued thing, kept by a conditional create keyed by it" },
  { rule: "a cap on a total count", says: "a cap on a count, kept by a conditional update of the bounded count" },
  { rule: "external effect exactly once", says: "an effect at an outside party made once" },
  { rule: "an outside effect made once", says: "an effect at an outside party made once" },
];

/** How strongly (without typical words) the archetype of a stated hard rule must be read to lead a head that names no kind. */
export const HARD_RULE_LEAST = 0.5;

/**
 * A cutoff is no due time. "Sales must close at 8 pm, and orders placed in the final minute before the close must be
 * honoured": writes made just before a time still count, so the time is checked by each write on the write path
 * (`CUTOFF_RULE`, read in signals/combinations.ts); nothing is released when it comes. Due-time release read from the
 * same prompt's time words ("close at 8 pm", "midnight") ranks below the archetype that keeps the cutoff.
 */
export const CUTOFF_RULE = "writes checked against a cutoff";
