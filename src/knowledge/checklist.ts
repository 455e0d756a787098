import type { ChecklistItem } from "./tables-schema.js";

/** The seed's seven infra questions, in order, with the design fields whose values answer them. */
export const CHECKLIST: readonly ChecklistItem[] = [
  { id: "authoritative-state", question: "what is the authoritative state?", answeredFrom: ["primaryState"] },
  {
    id: "correctness-scope",
    question: "what is the correctness scope: key, partition, shard, replica group, or global?",
    answeredFrom: ["scopes", "invariants"],
  },
  { id: "ordering", question: "where does ordering matter?", answeredFrom: ["predicates", "scopes", "mechanisms"] },
  {
    id: "exclusivity",
    question: "where does exclusivity or leadership matter?",
    answeredFrom: ["predicates", "scopes", "mechanisms"],
  },
  {
    id: "staleness",
    question: "what can become stale, and what cannot?",
    answeredFrom: ["readPaths", "nfrs", "invariants"],
  },
  {
    id: "holder-crash",
    question: "what happens when a holder crashes?",
    answeredFrom: ["failures", "mechanisms", "context"],
  },
  {
    id: "first-hotspot",
    question: "what is the first hotspot at scale?",
    answeredFrom: ["bottlenecks", "nfrs", "primaryState"],
  },
];
