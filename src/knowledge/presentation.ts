import type { PresentationStep } from "./tables-schema.js";

/** The eight spoken steps of an infra round, in order, with the design fields each one draws on. */
export const PRESENTATION_STEPS: readonly PresentationStep[] = [
  {
    step: 1,
    title: "Normalise",
    line: "To start, I'm going to restate what was asked as a list of state changes, the paths that serve reads, and the background control or upkeep work behind them.",
    fields: ["requirements", "operations"],
  },
  {
    step: 2,
    title: "Critical state and scopes",
    line: "Next I'll pick out the state that must never be wrong, and say at what granularity — per key, per partition, per replica group or globally — order, single ownership and agreement have to hold.",
    fields: ["criticalPaths", "scopes"],
  },
  {
    step: 3,
    title: "Smallest primary state",
    line: "Then I'll cut that down to the least authoritative state we have to keep; everything else should be something we can rebuild from it.",
    fields: ["primaryState"],
  },
  {
    step: 4,
    title: "Hard invariants",
    line: "For every critical path I'll name the rules we can never break, written against that state.",
    fields: ["invariants", "criticalPaths"],
  },
  {
    step: 5,
    title: "Execution context",
    line: "Before choosing any mechanism, I'll say where each path runs — inside the request, in an async worker, or in a control loop — and what it has to survive: retries, crashes, skewed clocks, more than one region.",
    fields: ["context", "nfrs"],
  },
  {
    step: 6,
    title: "Shapes and mechanisms",
    line: "From there I'll label each write and coordination shape, work out which predicates hold, and let those choose the base mechanisms and the companions they pull in.",
    fields: ["operations", "predicates", "mechanisms", "companions"],
  },
  {
    step: 7,
    title: "Serving paths",
    line: "Then I'll go through the read side: which reads have to reach the authority, which can use a replica, and which are fine on a derived copy, and how much lag each one tolerates.",
    fields: ["readPaths", "nfrs"],
  },
  {
    step: 8,
    title: "Failures and scale",
    line: "Last, I'll walk through retries, crashes and replication, then the first things to saturate as load grows, giving each failure a prevention and a repair.",
    fields: ["failures", "bottlenecks"],
  },
];
