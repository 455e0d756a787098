import { PREDICATES } from "../../knowledge/predicates.js";
import type { PredicateId } from "../../knowledge/schema.js";
import { MULTI_OBJECT_WRITE, propagatingDelete, TOKEN_CHECKING_WRITE } from "../coherence.js";
import type { Deriver } from "../design/graph.js";
import type { InvariantRow, MechanismRow, OperationRow } from "../design/types.js";
import { own } from "../own.js";
import { entityWords } from "./common.js";
import { applyDecisions } from "./decisions.js";
import { addMechanism, invariantMatching, mechanismRow } from "./mechanism-rows.js";

/** Which invariant each predicate's companions guard, found by the words that invariant uses. */
const GUARDS: Record<PredicateId, RegExp> = {
  "duplicate-retry-matters": /\b(once|twice|retr|duplicate|request id)/i,
  "stale-write-dangerous": /\b(version|older|stale|overwrit|clobber|newer)/i,
  "exclusivity-matters": /\b(one|single|at most|owner|holder|leader|exclusive)/i,
  "multi-object": /\b(together|atomic|both|all or nothing)/i,
  "ordering-matters": /\b(order|sequence|monoton)/i,
  "dedup-matters": /\b(once|twice|duplicate|count)/i,
  "lww-acceptable": /\b(converge|newest|latest|last)/i,
  "external-effect": /\b(effect|charge|call|external|provider|sent|once)/i,
  "time-bounded-hold": /\b(expir|lease|hold|ttl|heartbeat|renew)/i,
  "derived-read": /\b(stale|lag|derived|projection|cache|copy|index)/i,
  "quorum-truth": /\b(acknowledged|durable|lost|survive|majority|commit)/i,
};

interface GateInput {
  holds: ReadonlySet<PredicateId>;
  have: ReadonlySet<string>;
  operations: readonly OperationRow[];
  invariants: readonly InvariantRow[];
}

const isWrite = (o: OperationRow) => o.operation !== "read source" && o.operation !== "read projection";

/** The grant, renewal and expiry of a lease or claim are bookkeeping; the protected resource is elsewhere. */
const isLeaseBookkeeping = (o: OperationRow) =>
  /\b(lease|claim|lock|heartbeat|keepalive|vote|election)\b/i.test(`${o.entity} ${entityWords(o.entity)}`);

/** A projector exists only where a derived copy is fed by a stream of changes. */
function projectorGate(g: GateInput): string | undefined {
  const projecting = /index|view|projection|projector|materiali|search|feed|rollup|aggregat|count/i;
  const fed = g.operations.some(
    (o) => o.operation === "append event" || (o.operation === "async process" && projecting.test(o.phrase)),
  );
  const projection = g.operations.some(
    (o) => o.operation === "read projection" && projecting.test(`${o.phrase} ${o.entity}`),
  );
  return fed || projection
    ? undefined
    : "the derived copy is a replica or cache refreshed in place, not a projector fed by a change stream";
}

/**
 * Some companions of a predicate are alternatives or only make sense with a certain operation.
 * A gate returns why the companion is left out, or undefined when it applies.
 */
const GATES: Record<string, (g: GateInput) => string | undefined> = {
  "put-if-absent": (g) =>
    g.have.has("idempotency-key")
      ? "the idempotency key already makes creates safe to retry"
      : g.operations.some((o) => o.operation === "create target")
        ? undefined
        : "no path creates a record",
  saga: (g) =>
    g.holds.has("external-effect")
      ? undefined
      : "every object lives in stores this design owns, so a transaction suffices",
  transaction: (g) => {
    if (g.holds.has("external-effect"))
      return "an external effect cannot join a local transaction; a saga coordinates it";
    const multi =
      g.operations.some((o) => isWrite(o) && MULTI_OBJECT_WRITE.test(o.phrase)) ||
      g.invariants.some((i) => MULTI_OBJECT_WRITE.test(i.statement));
    return multi
      ? undefined
      : "no write changes several records together, so a single-record write is atomic on its own";
  },
  tombstones: (g) => {
    if (!g.operations.some((o) => propagatingDelete(o)))
      return "no authoritative record is deleted on these paths (only cached copies or old data past retention)";
    if (!g.operations.some((o) => o.operation === "read projection"))
      return "no derived copy is read, so a delete has nowhere to propagate";
    return undefined;
  },
  "fencing-token": (g) =>
    g.operations.some((o) => isWrite(o) && !isLeaseBookkeeping(o) && TOKEN_CHECKING_WRITE.test(o.phrase))
      ? undefined
      : "no protected resource checks a holder's token: the exclusive hold guards work whose only effect is its own lease",
  "ttl-expiry": (g) =>
    g.holds.has("derived-read") || !g.holds.has("exclusivity-matters")
      ? undefined
      : "holds are released by the sweeper, not by a cache TTL",
  "expiry-sweeper": (g) =>
    g.holds.has("exclusivity-matters") ? undefined : "nothing exclusive is held, so expiry is a plain TTL",
  "consensus-replication": (g) =>
    g.have.has("isr-replication")
      ? "the log's records are replicated through the in-sync replica set, not a majority vote; consensus lives in the controller that picks leaders"
      : undefined,
  "projector-checkpoint": (g) => projectorGate(g),
  "replay-rebuild": (g) => projectorGate(g),
  "dedup-window": (g) =>
    g.operations.some((o) => o.operation === "append event" || o.operation === "async process")
      ? undefined
      : "no event stream is consumed",
};

export const companionsField: Deriver<"companions"> = {
  field: "companions",
  category: "Derived",
  reads: ["baseMechanisms", "predicates", "invariants", "operations", "decisions"],
  rule: "every predicate that holds adds its companion mechanisms (idempotency key, version check, lease + fencing, outbox, sweeper, projector checkpoint, quorum…); nothing is added without a predicate",
  derive: (f) => {
    const rows: MechanismRow[] = [];
    const base = new Set(f.baseMechanisms.map((m) => m.id));
    const holds = new Set(f.predicates.filter((p) => p.holds).map((p) => p.id));
    const wanted = new Set([
      ...base,
      ...f.predicates.filter((p) => p.holds).flatMap((p) => PREDICATES.find((x) => x.id === p.id)?.adds ?? []),
    ]);
    for (const p of f.predicates) {
      if (!p.holds) continue;
      const def = PREDICATES.find((x) => x.id === p.id);
      if (!def) continue;
      for (const id of def.adds) {
        if (base.has(id)) continue;
        if (own(GATES, id)?.({ holds, have: wanted, operations: f.operations, invariants: f.invariants })) continue;
        addMechanism(
          rows,
          mechanismRow(id, "companion", [`${p.id}: ${p.because}`], invariantMatching(f.invariants, GUARDS[p.id])),
        );
      }
    }
    // Hook (numbers helper): chosen decisions add the mechanisms they imply and drop the ones they rule out.
    return applyDecisions(
      rows,
      f.decisions,
      "companion",
      // A decision's mechanism still needs its precondition in this design (the same gates as above).
      (id, why) =>
        own(GATES, id)?.({ holds, have: wanted, operations: f.operations, invariants: f.invariants })
          ? undefined
          : mechanismRow(id, "companion", why, invariantMatching(f.invariants, /./)),
      base,
    );
  },
};
