import { singularOf as singular } from "./counted-nouns.js";
import type { ApiRow, DataModelRow, DecisionRow } from "./design/types.js";

/**
 * One role, one row. A product feature that runs on the lead archetype's own parts (its components are the lead's
 * by `sameAs`) brings records, calls and decisions that play the lead's roles under the product's words: a document
 * editor's DocOperation is the shared subject's Operation, its "submit an operation" the subject's "submit", its
 * OT-or-CRDT question the subject's. Rendered side by side they read as two models of one thing, so they are merged
 * before rendering: one row per role, keeping the product's own name and every field of both.
 */

/** The last word of an entity's name, what kind of thing it is: DocSnapshot and SubjectSnapshot are both snapshots. */
export const headNoun = (entity: string): string => /[A-Z][a-z0-9]*$/.exec(entity)?.[0] ?? entity;

/**
 * The other row's key columns in the base row's names, position by position, where both keys have the same length
 * (a feature's (doc_id, revision) is the lead's (document_id, seq)); empty when they differ in length.
 */
export function columnMap(from: readonly string[], to: readonly string[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (from.length !== to.length) return map;
  from.forEach((c, i) => {
    const t = to[i];
    if (t !== undefined && t !== c) map.set(c, t);
  });
  return map;
}

/**
 * A column or field name in the base row's words: a mapped column whole, or, for a mapped column that is one word of
 * four letters or more ("revision"), as one word of a snake_case name (base_revision is base_seq); a short or generic
 * column ("id") only whole, so principal_id stays.
 */
export function translate(name: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return name;
  return name.replace(/[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*/g, (word) => {
    const whole = map.get(word);
    if (whole !== undefined) return whole;
    return word
      .split("_")
      .map((w) => (w.length >= 4 ? (map.get(w) ?? w) : w))
      .join("_");
  });
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...a, ...b.filter((x) => !a.includes(x))];

/**
 * Two records in one component, of one kind (the same head noun), one the lead's and one a feature's that runs on
 * the lead's parts: one role. The merged row takes the lead's key (its paths and rules are written against it), every
 * field and index of both (the feature's in the lead's column names), and the feature's name, with the lead's in
 * parentheses as a renamed entity reads ("DocOperation (Operation)").
 */
export function mergeDataRows(lead: DataModelRow, feature: DataModelRow): DataModelRow {
  const map = columnMap(feature.key, lead.key);
  const t = (s: string) => translate(s, map);
  const leadName = /\(([A-Za-z]+)\)$/.exec(lead.entity)?.[1] ?? lead.entity;
  const row: DataModelRow = {
    entity: `${feature.entity} (${leadName})`,
    key: [...lead.key],
    fields: union(
      lead.fields,
      feature.fields.map(t).filter((x) => !lead.key.includes(x)),
    ),
    indexes: union(lead.indexes, feature.indexes.map(t)),
    owner: lead.owner,
    archetype: lead.archetype,
  };
  const partition = lead.partitionKey ?? (feature.partitionKey ? t(feature.partitionKey) : undefined);
  if (partition) row.partitionKey = partition;
  return row;
}

/** A call's verb and the head of its object ("submit an operation" -> submit, operation; "open" -> open, none). */
function verbObject(operation: string): { verb: string; object?: string } {
  const words = operation.toLowerCase().split(/\s+/).filter(Boolean);
  const [verb = "", ...rest] = words;
  const object = rest.filter((w) => !/^(?:a|an|the|my|its|their|one|of|to)$/.test(w)).pop();
  return object === undefined ? { verb } : { verb, object };
}

/**
 * Two calls play one role when they have the same verb on the same record: the objects' heads agree, or one call
 * names no object (the lead's bare "submit" is the feature's "submit an operation" on the lead's own record). Calls
 * with different objects ("accept an order", "accept an offer") are two calls.
 */
export function sameCall(a: Pick<ApiRow, "operation">, b: Pick<ApiRow, "operation">): boolean {
  const x = verbObject(a.operation);
  const y = verbObject(b.operation);
  if (x.verb === "" || x.verb !== y.verb) return false;
  return x.object === undefined || y.object === undefined || singular(x.object) === singular(y.object);
}

/**
 * The lead's call with the feature's merged in: the lead's call and fields (its records' names), the product's name
 * for the operation, the feature's further request and response fields in the lead's column names, both calls'
 * errors, and both guarantees.
 */
export function mergeApiRows(lead: ApiRow, feature: ApiRow, map: ReadonlyMap<string, string>): ApiRow {
  const t = (s: string) => translate(s, map);
  const operation =
    feature.operation.split(/\s+/).length > lead.operation.split(/\s+/).length ? feature.operation : lead.operation;
  const guarantee = [lead.guarantee, t(feature.guarantee)].filter((g) => g.trim().length > 0);
  return {
    operation,
    call: lead.call,
    request: union(lead.request, feature.request.map(t)),
    response: union(lead.response, feature.response.map(t)),
    errors: union(lead.errors, feature.errors.map(t)),
    guarantee: [...new Set(guarantee)].join("; "),
    archetype: lead.archetype,
  };
}

/** The words of a name that say what it is (four letters or more), for telling one option from another. */
const contentWords = (s: string): Set<string> =>
  new Set((s.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) => w.replace(/(?:ed|s)$/, "")));

/**
 * Two decisions ask one question when they offer the same options: the same option ids, each pair's names sharing a
 * word that says what it is (OT "operational transformation with a server sequencer" and "operational
 * transformation through a server"). Options named alike for different things ("sync"/"async" replication beside
 * "sync"/"async" notification) differ in their words.
 */
export function sameQuestion(a: DecisionRow, b: DecisionRow): boolean {
  if (a.options.length < 2 || a.options.length !== b.options.length) return false;
  return a.options.every((o) => {
    const other = b.options.find((x) => x.id === o.id);
    if (!other) return false;
    const mine = contentWords(o.name);
    return [...contentWords(other.name)].some((w) => mine.has(w));
  });
}

/**
 * The decisions as a reader meets them: one per question. A later decision asking a question an earlier one already
 * answered the same way (a feature's OT-or-CRDT beside its lead archetype's) is folded into the earlier, whose
 * `also` names it (both ids still take an override). Rows that answer one question differently stay, and coherence
 * `decision-asked-twice` names them.
 */
export function oneDecisionPerQuestion<T extends DecisionRow>(rows: readonly T[]): { row: T; also: string[] }[] {
  const out: { row: T; also: string[] }[] = [];
  for (const r of rows) {
    const earlier = out.find((x) => x.row.chosen === r.chosen && sameQuestion(x.row, r));
    if (earlier) earlier.also.push(r.id);
    else out.push({ row: r, also: [] });
  }
  return out;
}

/** The decisions a reader is shown, one per question (`oneDecisionPerQuestion`). */
export const shownDecisions = <T extends DecisionRow>(rows: readonly T[]): T[] =>
  oneDecisionPerQuestion(rows).map((x) => x.row);
