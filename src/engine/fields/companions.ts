import { PREDICATES } from "../../knowledge/predicates.js";
import type { PredicateId } from "../../knowledge/schema.js";
import type { Deriver } from "../design/graph.js";
import type { MechanismRow } from "../design/types.js";
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

export const companionsField: Deriver<"companions"> = {
  field: "companions",
  category: "Derived",
  reads: ["baseMechanisms", "predicates", "invariants"],
  rule: "every predicate that holds adds its companion mechanisms (idempotency key, version check, lease + fencing, outbox, sweeper, projector checkpoint, quorum…); nothing is added without a predicate",
  derive: (f) => {
    const rows: MechanismRow[] = [];
    const base = new Set(f.baseMechanisms.map((m) => m.id));
    for (const p of f.predicates) {
      if (!p.holds) continue;
      const def = PREDICATES.find((x) => x.id === p.id);
      if (!def) continue;
      for (const id of def.adds) {
        if (base.has(id)) continue;
        addMechanism(
          rows,
          mechanismRow(id, "companion", [`${p.id}: ${p.because}`], invariantMatching(f.invariants, GUARDS[p.id])),
        );
      }
    }
    return rows;
  },
};
