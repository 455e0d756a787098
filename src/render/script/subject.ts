/**
 * What the script's spoken core is about: the subject of the prompt (the feature a product prompt names as its
 * subject, else the dominant archetype), the record it names as authoritative (a source of truth, never a derived
 * copy), whether a rule is only housekeeping beside what the prompt asks for (repeats, removal), and which
 * mechanisms may be called the core one for a rule. Read by steps.ts (which says them) and check.ts (which checks
 * what was said against them).
 */
import type { Design } from "../../engine/design/design.js";
import { HOUSEKEEPING_CONCERNS } from "../../knowledge/index.js";
import { promptRead } from "./kept.js";
import { perScript } from "./memo.js";

type Feature = Design["features"][number];
type Operation = Design["operations"][number];
type State = Design["primaryState"][number];
type Component = Design["components"][number];

/**
 * The feature a product prompt names as its subject ("the Instagram news feed": the feed), when the design is led by
 * features and the prompt's own words name one of them; a feature only known for by a named product (media upload for
 * Instagram) is a supporting feature. None for an infrastructure design, which is about its dominant archetype.
 */
export function subjectFeature(d: Design): Feature | undefined {
  return perScript(d, subjectFeature, undefined, () => {
    if (d.branch.kind !== "product" || d.archetypes[0]?.realizes) return undefined;
    return d.features.find((f) => f.evidence.some((e) => /^the prompt says '/.test(e)));
  });
}

/** The operations of the subject: the subject feature's actions, else the dominant archetype's operations. */
export function subjectOperations(d: Design): readonly Operation[] {
  return perScript(d, subjectOperations, undefined, () => {
    const f = subjectFeature(d);
    const dominant = d.archetypes[0]?.id;
    return f ? d.operations.filter((o) => o.feature === f.id) : d.operations.filter((o) => o.archetype === dominant);
  });
}

/** Whether an invariant sits on one of the subject's paths (its path opens one of the subject's operations). */
export function onSubjectPath(d: Design, inv: Design["invariants"][number]): boolean {
  const f = subjectFeature(d);
  if (!f) return inv.archetype === d.archetypes[0]?.id;
  return subjectOperations(d).some((o) => o.phrase.startsWith(inv.path));
}

/**
 * Entities that are a copy of the truth (an index, a feed list, a geo cell): read as a projection, written only by a
 * background process that derives them, and no primary state.
 */
function derivedEntities(d: Design): ReadonlySet<string> {
  return perScript(d, derivedEntities, undefined, () => {
    const projected = new Set(d.operations.filter((o) => o.operation === "read projection").map((o) => o.entity));
    const truth = new Set(d.primaryState.map((s) => s.entity));
    const written = writtenInLine(d);
    return new Set([...projected].filter((e) => !truth.has(e) && !written.has(e)));
  });
}

/** Entities some operation writes in line (not a background derivation): records of the truth. */
function writtenInLine(d: Design): ReadonlySet<string> {
  return perScript(d, writtenInLine, undefined, () => new Set(d.operations.filter(inLine).map((o) => o.entity)));
}

const inLine = (o: Operation) => !["read projection", "read source", "async process"].includes(o.operation);

/**
 * A component that keeps a derived copy rather than a source of truth: a cache, or a store that holds a record read
 * only as a projection (a search index cluster, a geo cell index) and none that an operation writes in line.
 * Authority is never named on one.
 */
export function derivedStore(d: Design, c: Component): boolean {
  if (c.kind === "cache") return true;
  const derived = derivedEntities(d);
  const truth = writtenInLine(d);
  return c.holds.some((h) => derived.has(h)) && !c.holds.some((h) => truth.has(h));
}

/** The component that keeps a primary-state record, preferring one that is not a derived copy. */
export function ownerOf(d: Design, s: State): Component | undefined {
  const holders = d.components.filter((c) => c.holds.includes(s.entity));
  return holders.find((c) => !derivedStore(d, c)) ?? holders[0];
}

/**
 * The record the script names as the authoritative state: the subject's own source-of-truth record (a feed prompt's
 * posts, not the media blob a supporting upload feature writes), kept by a store that is not a derived copy; else the
 * first record so kept; else the design's first.
 */
export function leadState(d: Design): State | undefined {
  return perScript(d, leadState, undefined, () => {
    const rows = d.primaryState;
    const kept = (s: State) => {
      const owner = ownerOf(d, s);
      return owner === undefined || !derivedStore(d, owner);
    };
    const written = new Set(subjectOperations(d).map((o) => o.entity));
    const subject = subjectFeature(d) ? rows.find((s) => written.has(s.entity) && kept(s)) : undefined;
    // a record no drawn store keeps does not beat the first one: that is named without a store
    const stored = (s: State) => ownerOf(d, s) !== undefined && kept(s);
    const first = rows[0];
    return subject ?? (first && kept(first) ? first : (rows.find(stored) ?? first));
  });
}

/**
 * A rule's main clause: its first sentence up to where a second clause starts (", and a chunk is deleted …", "… once
 * and never appears twice"); a colon's explanation stays ("names exactly one notification: a retried send …").
 */
export const mainClause = (statement: string): string =>
  (statement.split(/(?<=[.])\s+(?=[A-Z])/)[0] ?? statement).split(
    /,\s+(?:and|but|while|so)\s+|;\s+|\s+and\s+(?=never\b)/,
  )[0] ?? statement;

/**
 * Whether a rule is housekeeping beside what the prompt asks: its main clause is about repeats or removal and the
 * prompt does not ask about that concern ("an operation is sequenced at most once" for a whiteboard prompt that asks
 * for concurrent editing; "a deleted record never stays searchable" for a pipeline asked for no lost updates).
 */
export function housekeepingRule(d: Design, statement: string): boolean {
  const main = mainClause(statement);
  return HOUSEKEEPING_CONCERNS.some((c) => c.only.test(main) && !promptRead(d, asksConcern, c));
}

/** Whether the prompt asks about a housekeeping concern. */
const asksConcern = (d: Design, c: (typeof HOUSEKEEPING_CONCERNS)[number]): boolean => c.asks.test(d.prompt);

/**
 * Whether a mechanism may be called the core one for a rule: one that keeps only a housekeeping concern (an
 * idempotency key, reference-tracked garbage collection, tombstones) is the core only of a rule whose main clause is
 * about that concern, or that the design pairs it with (a short code's create answered once under its key).
 */
export function mayLeadFor(m: { id: string; protects: string }, statement: string): boolean {
  if (m.protects === statement) return true;
  const main = mainClause(statement);
  return HOUSEKEEPING_CONCERNS.every((c) => !(c.mechanisms as readonly string[]).includes(m.id) || c.rule.test(main));
}
