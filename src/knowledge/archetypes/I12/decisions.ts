import type { DecisionPoint } from "../../decisions/types.js";
import { WF_DECISIONS } from "./durable.js";
import { PSP_DECISIONS } from "./psp.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i12-handoff",
    unlessTopic: ["workflow-engine", "psp"],
    question: "Record intended effects in a transactional outbox, or call the provider right after commit?",
    options: [
      {
        id: "outbox",
        name: "transactional outbox with a relay that retries",
        buys: "the state change and the intent to act commit together, so no effect is lost in a crash",
        costs: "relay lag, and effects may be sent more than once, so the receiver must deduplicate",
        winsWhen: "an effect must not be lost",
        wins: [
          { nfr: "durability", in: ["durable"] },
          { nfr: "delivery", in: ["at-least-once", "exactly-once"] },
        ],
        implies: { addMechanisms: ["transactional-outbox", "idempotency-key"] },
      },
      {
        id: "direct-call",
        name: "a direct call after the commit",
        buys: "lower latency and one fewer component",
        costs: "a crash between commit and call loses the effect; a retry after a timeout can repeat it",
        winsWhen: "the effect is best-effort: losing one to a crash between the commit and the call is acceptable",
        wins: [{ nfr: "durability", in: ["best-effort"] }],
        implies: { removeMechanisms: ["transactional-outbox"] },
      },
    ],
    rules: [
      {
        when: [{ nfr: "durability", in: ["best-effort"] }],
        option: "direct-call",
        because: "effects may be dropped",
      },
      {
        when: [{ nfr: "delivery", in: ["at-most-once"] }],
        option: "direct-call",
        because: "effects are at-most-once",
      },
    ],
    fallback: { option: "outbox", because: "an external effect must neither vanish nor depend on luck" },
  },
  {
    id: "i12-coordination",
    unlessTopic: ["workflow-engine", "psp"],
    question: "Orchestrate the steps centrally, or let services react to each other's events?",
    options: [
      {
        id: "orchestration",
        name: "orchestration: a workflow engine holds each instance's step and drives it",
        buys: "the state of every instance is visible, and its retries, parking (and compensations, where an effect can be undone) live in one place",
        costs: "a central component whose store carries every step",
        winsWhen: "steps need compensation or a person must see where an instance is stuck",
        wins: [{ partyUndoes: true }],
        implies: { addMechanisms: ["saga"] },
      },
      {
        id: "tracked-delivery",
        name: "a delivery state machine: each effect's state, retries and parking kept in one store, with no compensation",
        buys: "every delivery is seen and repaired in one store, and no undo step has to be written",
        costs: "a failure after an effect went out is settled by retry, parking or a follow-up effect, never undone",
        winsWhen: "the effects cannot be undone once delivered, so retry and parking are all there is",
        wins: [{ partyUndoes: false }],
      },
      {
        id: "choreography",
        name: "choreography: each service reacts to the previous step's event",
        buys: "loose coupling and no central engine",
        costs: "no single place to see or repair an instance; compensations are scattered",
        winsWhen: "few steps, owned by independent teams, with no compensation",
      },
    ],
    rules: [
      {
        when: [{ partyUndoes: false }],
        option: "tracked-delivery",
        because:
          "a delivered effect cannot be taken back, so the steps need tracked retries and parking, not compensation",
      },
      {
        when: [{ predicate: "external-effect", holds: true }],
        option: "orchestration",
        because: "external effects need tracked retries and compensation",
      },
    ],
    fallback: {
      option: "orchestration",
      because: "a multi-step process with effects needs one place that knows its state",
    },
  },
  ...WF_DECISIONS,
  ...PSP_DECISIONS,
];
