import { fitsParty } from "../../knowledge/parties.js";
import type { PredicateFacts } from "../../knowledge/predicates/define.js";
import { PREDICATE_MODULES, speaksOfWritten } from "../../knowledge/predicates.js";
import { fitsTopics, oneMachineReason, unspokenBesides } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { PredicateRow } from "../design/types.js";
import { majorityHolder } from "../stance.js";
import { archetype } from "./common.js";

export const predicatesField: Deriver<"predicates"> = {
  field: "predicates",
  category: "Derived",
  reads: ["operations", "context", "invariants", "nfrs", "archetypes", "primaryState"],
  rule: "each registered predicate's rule is tested against the operations, the execution context, the invariants, the NFRs and the durable records a majority-commit group holds (primary state), with the dominant archetype's usual predicates (those that fit the design's outside party and the subjects it speaks of, and, where a reason speaks of some of its entities, where a path writes one) as the fallback evidence",
  derive: (f) => {
    // Only the dominant archetype's usual predicates count; supporting ones act through their operations.
    const lead = f.archetypes[0];
    const typical = new Map<string, string>();
    // a usual predicate marked with the parties it is for counts only where the design's effects reach one of them,
    // and one marked with a subject only where the design speaks of it (or, `unlessTopic`, only where it does not)
    const unspoken = unspokenBesides(f.nfrs.topics);
    // (and one whose reason speaks of some of the card's entities only where an operation writes one of them)
    const written = new Set(f.operations.filter((o) => o.archetype === lead?.id).map((o) => o.entity));
    if (lead)
      // (the first row that fits a predicate counts: a card may give one reason per set of records it speaks of)
      for (const p of archetype(lead.id).predicates)
        if (
          !typical.has(p.id) &&
          fitsParty(p, f.nfrs.party?.value) &&
          fitsTopics(p, unspoken) &&
          speaksOfWritten(p, written)
        )
          typical.set(p.id, `${lead.id}: ${p.because}`);
    // a write whose own key makes a repeat harmless says so on its archetype's path
    const operations = f.operations.map((o) => {
      const safe = archetype(o.archetype).writePaths.find(
        (p) => p.repeatSafe && p.entity === o.entity && p.shape === o.operation && fitsTopics(p, unspoken),
      )?.repeatSafe;
      return safe ? { ...o, repeatSafe: safe } : o;
    });
    // the durable records of the design's primary state that a group committing by majority holds (a worker-id
    // lease in a consensus group): quorum truth the design draws, whatever its design-wide consistency says
    // (the lead archetype's own records only: a supporting part's store is that part's truth, not the design's)
    const consensusHeld = f.primaryState.flatMap((s) => {
      if (s.durability.value !== "durable" || s.archetype !== lead?.id) return [];
      const holder = majorityHolder(s.archetype, s.entity);
      return holder ? [{ entity: s.entity, because: holder.because }] : [];
    });
    const oneMachine = oneMachineReason(f.nfrs.topics);
    const facts: PredicateFacts = {
      operations,
      invariants: f.invariants,
      nfrs: f.nfrs,
      context: f.context,
      typical,
      consensusHeld,
      ...(oneMachine ? { oneMachine } : {}),
    };
    return PREDICATE_MODULES.map(
      (p): PredicateRow => ({ id: p.id, name: p.name, ...p.rule(facts, typical.get(p.id)), source: "derived" }),
    );
  },
};
