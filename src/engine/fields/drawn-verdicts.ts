/**
 * Verdicts checked against what the finished design draws. A predicate is decided before the decisions from the
 * operations, invariants and card (a decision reads it); once the components are drawn, a verdict that denies what
 * they hold is answered again from that evidence, with a reason naming it: an outside party that takes an effect
 * (a payment provider's charge) makes the effect external whatever the operations' words say.
 */
import { EFFECT_WORDS } from "../../knowledge/predicates/external-effect.js";
import type { ComponentRow, LinkRow, PredicateRow } from "../design/types.js";

/** The drawn outside component that takes an effect the design cannot roll back, with what it runs there. */
export function effectParty(
  components: readonly ComponentRow[],
  links: readonly LinkRow[],
): { name: string; effects: string[] } | undefined {
  for (const c of components) {
    if (c.kind !== "external") continue;
    const calls = links.filter((l) => l.to === c.id && l.kind === "request").map((l) => l.label);
    const effects = [...c.runs, ...calls].filter((w) => EFFECT_WORDS.test(w));
    if (effects.length > 0) return { name: c.name, effects: c.runs.filter((w) => EFFECT_WORDS.test(w)) };
  }
  return undefined;
}

/** The predicates, with each verdict that denies what the drawn design holds answered from that evidence. */
export function drawnVerdicts(
  predicates: readonly PredicateRow[],
  drawn: { components: readonly ComponentRow[]; links: readonly LinkRow[] },
): PredicateRow[] | undefined {
  let changed = false;
  const rows = predicates.map((p) => {
    if (p.source === "override" || p.holds || p.id !== "external-effect") return p;
    const party = effectParty(drawn.components, drawn.links);
    if (!party) return p;
    changed = true;
    const what = party.effects.length > 0 ? `its ${party.effects.join(" and ")}` : "what it is asked to do";
    return {
      ...p,
      holds: true,
      because: `${party.name} is drawn outside the design, and ${what} cannot be rolled back by a local transaction`,
    };
  });
  return changed ? rows : undefined;
}
