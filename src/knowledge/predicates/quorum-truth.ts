import { definePredicate } from "./define.js";

export default definePredicate({
  id: "quorum-truth",
  name: "quorum truth",
  holdsWhen: "The authoritative state must survive losing nodes without two sides both believing they are in charge.",
  adds: ["consensus-replication", "epoch-term", "sync-standby-replication"],
  addsBecause:
    "Majority agreement keeps committed writes through minority loss, and terms let every node reject messages from a deposed leader; where the truth lives on one database primary with a synchronous standby, that store's commit rule and failover keep it instead.",
  guards: /\b(acknowledged|durable|lost|survive|majority|commit)/i,
  rule: (f, usual) => {
    const n = f.nfrs;
    // one process on one machine has no second node to elect: its acknowledged writes are kept by the disk's fsync
    if (f.oneMachine)
      return {
        holds: false,
        because: `${f.oneMachine}: an acknowledged write is kept by the fsync of its log record, and there is no other node to agree with`,
      };
    // a durable record the design keeps in a majority-commit group is quorum truth, whatever the design-wide stance
    const held = f.consensusHeld?.[0];
    if (held && (n.durability.value !== "durable" || (n.consistency.value !== "linearizable" && !usual)))
      return {
        holds: true,
        because: `${held.because}, and it holds ${held.entity}, which must survive node loss without two leaders`,
      };
    if (n.durability.value !== "durable")
      return {
        holds: false,
        because: `durability is best-effort (${n.durability.because}): losing the state is survivable`,
      };
    if (n.consistency.value === "linearizable")
      return {
        holds: true,
        because: `linearizable truth (${n.consistency.because}) must survive node loss without two leaders`,
      };
    if (usual) return { holds: true, because: usual };
    return { holds: false, because: "replicas may disagree briefly; no single-leader truth is needed" };
  },
  examples: {
    valid: [
      "Design a payment system.",
      "Design a key-value store.",
      "Design a Snowflake-style distributed ID generator.",
    ],
    invalid: [
      "Design a metrics monitoring system like Prometheus.",
      "Design a rate limiter.",
      "Design an embedded LSM storage engine that never loses an acknowledged write.",
    ],
  },
});
