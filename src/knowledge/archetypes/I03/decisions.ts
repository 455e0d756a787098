import type { DecisionPoint } from "../../decisions/types.js";
import { DAG_DECISIONS } from "./dag.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    unlessTopic: "dag-workflow",
    id: "i03-due-index",
    question: "How are due runs found: polling a durable due-time index, or in-memory timing wheels?",
    options: [
      {
        id: "polled-index",
        name: "a durable due-time index polled by claimers",
        buys: "nothing is lost in a crash and any worker can fire any run",
        costs: "firing lags by up to the poll interval and every poll reads the index",
        winsWhen: "the firing rate fits a few index shards",
        implies: { addMechanisms: ["due-time-index", "claim-run"] },
      },
      {
        id: "timing-wheel",
        name: "per-shard in-memory timing wheels loaded ahead from the store",
        key: String.raw`timing wheels?`,
        buys: "precise firing with constant-time insert and almost no store reads",
        costs: "each shard needs one owner (a lease) and a reload after failover; memory grows with near-term timers",
        winsWhen: "peaks fire fifty thousand or more runs a second, or the timing must be tight",
        wins: [{ number: "peak_fires_per_sec", atLeast: 50000 }],
        implies: {
          addMechanisms: ["due-time-index", "lease"],
          // the shard's owner loads its due range into a wheel rather than polling the index for every tick
          names: [
            {
              component: "due-poller",
              name: "Timing-wheel owner (one lease per due-index shard)",
              runs: ["load upcoming due buckets into an in-memory wheel", "release runs as the wheel ticks"],
            },
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ number: "peak_fires_per_sec", atLeast: 50000 }],
        option: "timing-wheel",
        because: "polling could not keep up with the peak firing rate",
      },
    ],
    fallback: { option: "polled-index", because: "the peak firing rate fits a polled index" },
  },
  {
    unlessTopic: "dag-workflow",
    id: "i03-handoff",
    question: "Do workers claim runs in the run store, or are due runs released onto a queue?",
    options: [
      {
        id: "claim-in-store",
        name: "workers claim run records with a lease in the run store",
        buys: "one record per run holds its state, retries and timeout",
        costs: "every claim is a conditional write on the run store",
        winsWhen: "the run store absorbs a claim write per run",
        implies: { addMechanisms: ["claim-run"] },
      },
      {
        id: "release-to-queue",
        name: "a releaser moves due runs onto a log or queue that workers consume",
        buys: "bursts are absorbed by the log and workers scale independently",
        costs: "two systems to keep consistent: a run can be released twice, so handlers must be idempotent",
        winsWhen: "peak firing rates exceed what the run store should take in claims",
        wins: [{ number: "run_store_writes", atLeast: 100000 }],
        implies: {
          addMechanisms: ["append-log", "consumer-offsets", "idempotent-receiver"],
          composes: ["I05"],
          carries: [
            {
              quantity: "messages_per_sec",
              from: "tasks_per_sec",
              why: "each released run is one message on the queue, so the queue takes the runs' own rate",
            },
          ],
        },
      },
    ],
    rules: [
      {
        // a stated at-most-once: a queue or log hands a message out again once its lease lapses (or re-reads it from
        // an uncommitted offset), so the run's claim stays in the run store, marked started before the call, where a
        // lapsed started run is reported rather than handed to another worker (I05 is then not drawn)
        when: [{ nfr: "delivery", in: ["at-most-once"], stated: true }],
        option: "claim-in-store",
        because:
          "the prompt states at-most-once: a queue redelivers a message whose lease lapsed, while a claim in the run store is marked started before the call and a run that lapsed after it started is reported, never fired again",
      },
      {
        // the prompt's words asked for the log or queue the released runs go onto (recognised as I03's output):
        // a design that draws it hands due runs over through it, never beside claims in the run store
        when: [{ archetype: "I05", roles: ["output"] }],
        option: "release-to-queue",
        because: "the prompt asks for the log or queue that due runs are handed to",
      },
      {
        when: [{ number: "run_store_writes", atLeast: 100000 }],
        option: "release-to-queue",
        because: "claim writes would overload the run store at peak",
      },
      {
        // the same load with no log drawn to release onto: the claims stay in the run store, spread over the shards
        // its due index already has, rather than adding a second system the prompt does not ask for
        when: [{ number: "run_store_writes", atLeast: 100000 }],
        option: "claim-in-store",
        because:
          "the design draws no log or queue to release due runs onto, so the claim writes are spread over the run store's shards",
      },
    ],
    fallback: { option: "claim-in-store", because: "claim writes fit the run store" },
  },
  {
    unlessTopic: "dag-workflow",
    id: "i03-lapsed-run",
    question:
      "A run whose claim lapsed after it called the target: fire it again under the same run id, or report it as unknown?",
    options: [
      {
        id: "rerun",
        name: "a refire under the same run id: the lapsed run fires again, and the target deduplicates by its run id",
        buys: "no due run lost to a worker crash",
        costs: "the target may be called twice for one run and must treat the run id as an idempotency key",
        winsWhen: "a missed run costs more than a repeated one, so runs go out at least once",
        implies: { draws: ["Release, claim, execute, complete"] },
      },
      {
        id: "report-unknown",
        name: "a start mark before the call: written durably before the target is called, so a started run whose claim lapsed is reported as unknown",
        buys: "at most one firing per run",
        costs:
          "a worker crash after the start mark leaves that run unknown until the target's record or an operator settles it",
        winsWhen: "a run must never fire twice and a missed one is acceptable",
        wins: [{ nfr: "delivery", in: ["at-most-once"] }],
        implies: {
          draws: ["Release, claim, mark started, execute once"],
          names: [
            {
              component: "target",
              name: "Job target (callback endpoint or handler)",
              runs: ["perform the job once per run id"],
              because:
                "each run is called at most once: the run is marked started before the call and never fired again, and the run id lets the target report whether an unknown run took effect",
            },
          ],
          excludes: ["another worker re-claims", "execution is at least once"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "delivery", in: ["at-most-once"] }],
        option: "report-unknown",
        because: "a run must not fire twice",
      },
    ],
    fallback: { option: "rerun", because: "a due run must not be lost, so a lapsed one runs again under its run id" },
  },
  ...DAG_DECISIONS,
];
