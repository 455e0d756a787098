import { CROSS_PARTITION_STEP, ONE_TRANSACTION } from "../knowledge/patterns.js";
import type { DataModelRow } from "./design/types.js";
import { escapeRe, pattern } from "./text.js";

/**
 * The records a rule changes together. A rule that says "in the same transaction" (or "one write", "atomically")
 * holds only where every record it names sits in one partition of one store: a transaction inside a partition is a
 * local commit, one across partitions is a distributed transaction the design never drew. These helpers find the
 * data-model rows a rule names and the partition keys they sit under, for the data model (which co-partitions them)
 * and for coherence (which flags a rule whose rows stay apart with no cross-partition step named).
 */

/** "Delivery (WorkflowInstance)" is named "Delivery" by the design and "WorkflowInstance" by its archetype. */
const namesOf = (entity: string): string[] => {
  const own = entity.replace(/\s*\([A-Za-z]+\)$/, "");
  const base = /\(([A-Za-z]+)\)$/.exec(entity)?.[1];
  return base && base !== own ? [own, base] : [own];
};

/** "OutboxEntry" is said "OutboxEntry" or "outbox entry"; a field "hold_token" is said "hold token". */
const spoken = (name: string): string =>
  name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

const says = (text: string, words: string): boolean =>
  pattern(`\\b${escapeRe(words).replace(/ /g, "\\s?")}(?:s|es)?\\b`, "i").test(text);

/**
 * Whether a rule names a row: by its entity's name (the design's or the archetype's), or by one of its compound
 * fields ("hold token" names the seat row that keeps the hold's token). Key columns (`_id`) and timestamps (`_at`)
 * are left out: "the same request id" names a retry, not a table.
 */
export function namesRow(statement: string, row: DataModelRow): boolean {
  if (namesOf(row.entity).some((n) => says(statement, spoken(n)))) return true;
  return row.fields.some(
    (f) => /^[a-z]+_[a-z_]+$/.test(f) && !/_(?:id|at)$/.test(f) && !f.startsWith("is_") && says(statement, spoken(f)),
  );
}

/** A partition key's columns, in order ("item_id, bucket" -> item_id, bucket). */
export const partitionColumns = (key: string): string[] =>
  key
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);

/** A row partitioned by its own key (a Booking by booking_id): it carries no scope of its own to share. */
export const selfKeyed = (row: DataModelRow): boolean =>
  row.partitionKey !== undefined && partitionColumns(row.partitionKey).join(",") === row.key.join(",");

/** A rule that changes several records together, and names no step that keeps it across partitions. */
export const oneTransaction = (statement: string): boolean =>
  ONE_TRANSACTION.test(statement) && !CROSS_PARTITION_STEP.test(statement);

/**
 * The partitioned rows of one store a one-transaction rule names, grouped by their owner: only a group whose
 * partition keys differ breaks the rule.
 */
export function transactionRows(statement: string, rows: readonly DataModelRow[]): DataModelRow[][] {
  if (!oneTransaction(statement)) return [];
  // the records the transaction changes are the ones named in its own clause ("every balance change has its journal
  // line in the same local transaction"), not every record the rule mentions elsewhere
  const clause = statement
    .split(/[;:]|\.\s/)
    .filter((c) => ONE_TRANSACTION.test(c))
    .join(" ");
  const byOwner = new Map<string, DataModelRow[]>();
  for (const r of rows) {
    if (r.partitionKey === undefined || !namesRow(clause, r)) continue;
    byOwner.set(r.owner, [...(byOwner.get(r.owner) ?? []), r]);
  }
  return [...byOwner.values()].filter((g) => g.length > 1);
}

/** The distinct partition keys a group of rows sits under. */
export const keysOf = (group: readonly DataModelRow[]): string[] => [
  ...new Set(group.map((r) => partitionColumns(r.partitionKey ?? "").join(", "))),
];

/**
 * A uniqueness the rule promises ("unique on (sale, shopper)") that a row's unique index keeps across its partitions:
 * an index whose columns leave out the partition key is checked across every partition, which a transaction in one
 * partition cannot do. Returns the index.
 */
export function uniqueAcrossPartitions(statement: string, row: DataModelRow): string | undefined {
  if (!/\bunique\b/i.test(statement) || row.partitionKey === undefined) return undefined;
  const pk = partitionColumns(row.partitionKey);
  return row.indexes.find((ix) => {
    const m = /^\(([^)]+)\)\s+unique\b/.exec(ix);
    if (!m) return false;
    const cols = partitionColumns(m[1] ?? "");
    return !pk.every((c) => cols.includes(c));
  });
}
