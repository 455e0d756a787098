import type { ArchetypeId } from "../../knowledge/schema.js";
import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import { archetype } from "./common.js";

export const dataModelField: Deriver<"dataModel", Layout> = {
  field: "dataModel",
  category: "Derived",
  reads: ["prompt", "branch", "archetypes", "features", "decisions", "primaryState", "components", "operations"],
  rule: "one table or keyspace per entity of the dominant archetype (an entity it keeps for one subject only where the primary state holds it or one of the design's own operations writes or reads it) and of the primary state the supporting archetypes and product features add, primary state first: key, main fields, indexes, partition key where partitioned, and the composed component that owns it",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => {
    const rows = architectureOf(f, layout).dataModel;
    const primary = new Set(f.primaryState.map((s) => s.entity));
    const ids = new Set(f.components.map((c) => c.id));
    /** A renamed entity reads "Refund (WorkflowInstance)": the archetype's name is the one in parentheses. */
    const base = (e: string) => /\(([A-Za-z]+)\)$/.exec(e)?.[1] ?? e;
    // the primary state names a renamed entity by the prompt's noun ("Refund"), the table by both
    for (const r of rows) if (primary.has(r.entity.replace(/\s*\([A-Za-z]+\)$/, ""))) primary.add(base(r.entity));
    const ranked = [...rows].sort((a, b) => Number(primary.has(base(b.entity))) - Number(primary.has(base(a.entity))));
    const lead = f.archetypes[0]?.id;
    // an entity a card keeps for one subject only (a webhook's endpoint subscriptions) has a table where the
    // primary state holds it, even in the dominant archetype's model
    const topical = (r: (typeof rows)[number]) =>
      /^I\d\d$/.test(r.archetype) &&
      archetype(r.archetype as ArchetypeId).entities.some((e) => e.name === base(r.entity) && e.topic !== undefined);
    // ...or where one of the lead archetype's own operations names it (a leaderboard's ordered set, derived from the
    // scores, is what every rank read reads): an operation's entity always has its table
    const operated = new Set(f.operations.filter((o) => o.archetype === lead).map((o) => o.entity));
    const keep = (r: (typeof rows)[number]) =>
      (r.archetype === lead && (!topical(r) || operated.has(base(r.entity)))) ||
      primary.has(base(r.entity)) ||
      !/^I\d\d$/.test(r.archetype);
    return ranked.filter((r) => keep(r) && (ids.has(r.owner) || ids.size === 0));
  },
};
