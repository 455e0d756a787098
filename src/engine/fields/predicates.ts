import { fitsParty } from "../../knowledge/parties.js";
import type { PredicateFacts } from "../../knowledge/predicates/define.js";
import { PREDICATE_MODULES, speaksOfWritten } from "../../knowledge/predicates.js";
import { fitsTopics, unspokenBesides } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { PredicateRow } from "../design/types.js";
import { archetype } from "./common.js";

export const predicatesField: Deriver<"predicates"> = {
  field: "predicates",
  category: "Derived",
  reads: ["operations", "context", "invariants", "nfrs", "archetypes"],
  rule: "each registered predicate's rule is tested against the operations, the execution context, the invariants and the NFRs, with the dominant archetype's usual predicates (those that fit the design's outside party and the subjects it speaks of, and, where a reason speaks of some of its entities, where a path writes one) as the fallback evidence",
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
      for (const p of archetype(lead.id).predicates)
        if (fitsParty(p, f.nfrs.party?.value) && fitsTopics(p, unspoken) && speaksOfWritten(p, written))
          typical.set(p.id, `${lead.id}: ${p.because}`);
    // a write whose own key makes a repeat harmless says so on its archetype's path
    const operations = f.operations.map((o) => {
      const safe = archetype(o.archetype).writePaths.find(
        (p) => p.repeatSafe && p.entity === o.entity && p.shape === o.operation && fitsTopics(p, unspoken),
      )?.repeatSafe;
      return safe ? { ...o, repeatSafe: safe } : o;
    });
    const facts: PredicateFacts = {
      operations,
      invariants: f.invariants,
      nfrs: f.nfrs,
      context: f.context,
      typical,
    };
    return PREDICATE_MODULES.map(
      (p): PredicateRow => ({ id: p.id, name: p.name, ...p.rule(facts, typical.get(p.id)), source: "derived" }),
    );
  },
};
