import type { ArchetypeId } from "../../knowledge/schema.js";
import { architectureOf, LAYOUT_FACTS, type Layout } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import type { DataModelRow } from "../design/types.js";
import { guardedRecords, statedGuards } from "../stated-guards.js";
import { keysOf, selfKeyed, transactionRows } from "../transaction-scope.js";
import { archetype } from "./common.js";

export const dataModelField: Deriver<"dataModel", Layout> = {
  field: "dataModel",
  category: "Derived",
  reads: [
    "prompt",
    "branch",
    "archetypes",
    "features",
    "decisions",
    "primaryState",
    "components",
    "operations",
    "nfrs",
    "invariants",
  ],
  rule: "one table or keyspace per entity of the dominant archetype (an entity it keeps for one subject only where the primary state holds it or one of the design's own operations writes or reads it) and of the primary state the supporting archetypes and product features add, primary state first: key, main fields, indexes, partition key where partitioned, and the composed component that owns it. A row a rule changes in one transaction with a row partitioned by a scope (a Booking written with its event's seat rows, an Order with its reservation's bucket) is partitioned by that scope too, carrying its columns, so the rule's transaction stays in one partition. A guarantee the prompt states of a kind with a keeper of its own (write-once, interval exclusion, effect ledger, connection table, not-before gate) adds the columns and index its check reads to the record that holds it, or a record of its own (an effect line keyed by event id, a connection entry), each saying the clause and the mechanism",
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
    const kept = ranked.filter((r) => keep(r) && (ids.has(r.owner) || ids.size === 0));
    // a guarantee the prompt states reaches the record that holds its guard (engine/stated-guards.ts)
    return guardedRecords(
      coPartitioned(
        keyedOrder(kept, f.nfrs.orderKey?.value, f.operations),
        f.invariants.map((i) => i.statement),
      ),
      statedGuards(layout.clauses, f.invariants, f.operations),
      f.components,
    );
  },
};

/**
 * An order the prompt asks for within one of its keys ("each customer's events in order") is kept by the record an
 * ordered queue writes (the operation per-key ordering carries): that record names the key, carries a sequence
 * number within it, and is partitioned by it, so one partition owns each key's order and the next is found by
 * (key, seq).
 */
function keyedOrder(
  rows: DataModelRow[],
  key: string | undefined,
  operations: readonly { entity: string; mechanism?: string }[],
): DataModelRow[] {
  if (!key) return rows;
  const queued = new Set(operations.filter((o) => o.mechanism === "partition-key-ordering").map((o) => o.entity));
  if (queued.size === 0) return rows;
  const column = `${key.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_id`;
  return rows.map((r) => {
    const base = /\(([A-Za-z]+)\)$/.exec(r.entity)?.[1] ?? r.entity;
    if (!queued.has(base) || r.fields.includes(column)) return r;
    return {
      ...r,
      fields: [column, "seq", ...r.fields],
      indexes: [`(${column}, seq) as each ${key}'s ordered queue`, ...r.indexes],
      partitionKey: column,
    };
  });
}

/**
 * A rule that changes several rows in one transaction ("checked with its hold token in the same write that writes the
 * Booking") holds only where those rows share a partition. A row the rule names that is partitioned by its own id (a
 * Booking by booking_id) moves under the one scope key the rule's other rows sit under (the event's), carrying that
 * key's columns, so the transaction never spans two partitions. Rows under two scope keys are left as they are:
 * coherence (`transaction-spans-partitions`) asks for a cross-partition step there.
 */
export function coPartitioned(rows: DataModelRow[], statements: readonly string[]): DataModelRow[] {
  const scope = new Map<string, string>();
  for (const s of statements)
    for (const group of transactionRows(s, rows)) {
      const scoped = keysOf(group.filter((r) => !selfKeyed(r)));
      if (scoped.length !== 1) continue;
      for (const r of group) if (selfKeyed(r) && !scope.has(r.entity)) scope.set(r.entity, scoped[0] as string);
    }
  if (scope.size === 0) return rows;
  return rows.map((r) => {
    const key = scope.get(r.entity);
    if (!key) return r;
    const missing = key
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c && !r.fields.includes(c) && !r.key.includes(c));
    return { ...r, fields: [...missing, ...r.fields], partitionKey: key };
  });
}
