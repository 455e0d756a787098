import { canKeep, keepsFirst, MECHANISM_BY_ID, MECHANISM_SERVES, REPEAT_KEEPERS } from "../../knowledge/index.js";
import type { MechanismId } from "../../knowledge/mechanisms/catalog.js";
import type { InvariantRow, MechanismRow, OperationRow } from "../design/types.js";
import { KIND_OWN, UNKEPT } from "../stated-clauses.js";
import { fromStatedGuarantee } from "../stated-rules.js";

/** Whether a rule is made from a guarantee the prompt states and says no mechanism keeps it. */
const unkeptStated = (inv: InvariantRow): boolean =>
  inv.keptBy === undefined && fromStatedGuarantee(inv.because) && inv.statement.endsWith(UNKEPT);

/** Whether a rule is a stated clause's, kept by its kind's own mechanism, which is not this one. */
const keptByItsKind = (inv: InvariantRow, mechanismId: string): boolean =>
  inv.keptBy !== undefined &&
  inv.keptBy !== mechanismId &&
  KIND_OWN.has(inv.keptBy) &&
  fromStatedGuarantee(inv.because);

import { rememberText } from "../text.js";
import { entityWords, meaningWords, shortName } from "./common.js";

/**
 * Builds a mechanism row from the catalogue; undefined for an id the catalogue lacks, and for a mechanism that
 * keeps no rule of the design and serves no stated purpose (it would be listed protecting nothing).
 */
export function mechanismRow(
  id: string,
  kind: MechanismRow["kind"],
  because: string[],
  protects: Protected,
): MechanismRow | undefined {
  const m = MECHANISM_BY_ID.get(id);
  if (!m || protects.statement === NO_INVARIANT) return undefined;
  return {
    id,
    name: m.name,
    family: m.family,
    kind,
    because,
    protects: protects.statement,
    protectsBecause: protects.because,
    ...(protects.serves ? { serves: protects.serves } : {}),
  };
}

/** Adds a row, or merges its reasons into an existing row with the same id. */
export function addMechanism(rows: MechanismRow[], row: MechanismRow | undefined): void {
  if (!row) return;
  const prev = rows.find((r) => r.id === row.id);
  if (!prev) rows.push(row);
  else {
    for (const b of row.because) if (!prev.because.includes(b)) prev.because.push(b);
    // a use of the mechanism that keeps the prompt's own stated rule names what the merged row protects
    // and so does a use that keeps a rule where the first use only served its operation (a feature's edit run by the
    // substrate's sequencer, whose own path states the order it keeps)
    if (
      (statedKept(row) && !statedKept(prev)) ||
      (prev.serves !== undefined && row.serves === undefined && row.protects !== "" && row.protects !== NO_INVARIANT)
    ) {
      prev.protects = row.protects;
      prev.protectsBecause = row.protectsBecause;
      delete prev.serves;
    }
  }
}

/** Whether a row keeps a rule made from the prompt's stated guarantee, as its reason says. */
const statedKept = (row: MechanismRow) => row.protectsBecause.startsWith(KEEPS_STATED);
/** How a row that keeps a rule made from the prompt's stated guarantee gives its reason. */
export const KEEPS_STATED = "the rule made from the prompt's stated guarantee names";

/** The invariant a mechanism protects, and why that one. */
export interface Protected {
  statement: string;
  because: string;
  /** What the mechanism is for when it keeps no rule (then `statement` is empty). */
  serves?: string;
}

/** A mechanism's name words, and its name and summary words in order, by id (the catalogue is fixed). */
const mechanismWords = rememberText(
  (mechanismId: string): { named: ReadonlySet<string>; mine: readonly string[]; mineSet: ReadonlySet<string> } => {
    const m = MECHANISM_BY_ID.get(mechanismId);
    const named = meaningWords(m?.name ?? mechanismId.replace(/-/g, " "));
    const mineSet = new Set([...named, ...meaningWords(m?.summary ?? "")]);
    return { named, mine: [...mineSet], mineSet };
  },
);

/**
 * The rules a mechanism may be paired with by words: those it can keep, less a stated rule no mechanism keeps and a
 * stated rule its kind's own mechanism keeps. Remembered by the rule list (its length, should it grow) and the
 * mechanism, since a design asks it for each mechanism from its row, its companions and its base paths.
 */
function keepableRules(invariants: readonly InvariantRow[], mechanismId: string): readonly InvariantRow[] {
  let known = KEEPABLE.get(invariants);
  if (known === undefined || known.count !== invariants.length) {
    known = { count: invariants.length, rules: new Map() };
    KEEPABLE.set(invariants, known);
  }
  let rules = known.rules.get(mechanismId);
  if (rules === undefined) {
    rules = invariants.filter(
      (inv) => canKeep(mechanismId, inv.statement) && !unkeptStated(inv) && !keptByItsKind(inv, mechanismId),
    );
    known.rules.set(mechanismId, rules);
  }
  return rules;
}
const KEEPABLE = new WeakMap<readonly InvariantRow[], { count: number; rules: Map<string, readonly InvariantRow[]> }>();

/** What a mechanism row says when no invariant of the design is about what the mechanism touches. */
export const NO_INVARIANT = "none";

/**
 * Whole-word test for an entity in a text: its type name, case-sensitive ("Run", "KeyValue"), or the words of a
 * compound name ("the outbox entry's effect id" names OutboxEntry; a one-word name said in lower case, such as
 * "run", is too often a verb to count).
 */
function namesEntity(text: string, entity: string): boolean {
  const [exact, spoken, said] = entityPatterns(entity);
  // A pattern is run only where the text holds the name or its words: each pattern is compiled to machine code
  // on its first run, which costs a one-shot design more than all its runs (a name of letters, digits and spaces
  // is literal in both patterns, and case-insensitive matching pairs ASCII letters only with ASCII letters)
  if (said === undefined) return exact.test(text) || spoken?.test(text) === true;
  if (text.includes(entity) && exact.test(text)) return true;
  return spoken !== undefined && lowerCased(text).includes(said) && spoken.test(text);
}

/** The last text lower-cased: one statement or reason is asked about every operation's entity in turn. */
let lastText = "";
let lastLower = "";
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * An entity's two patterns, compiled once per name (a name comes from the cards or a prompt's noun: capped), and
 * the lower-case words the second needs, when the name is plain enough for a text without them to be passed by.
 */
const ENTITY_PATTERNS = new Map<string, readonly [RegExp, RegExp | undefined, string | undefined]>();
function entityPatterns(entity: string): readonly [RegExp, RegExp | undefined, string | undefined] {
  let p = ENTITY_PATTERNS.get(entity);
  if (p === undefined) {
    const words = entityWords(entity);
    // a one-word name said in lower case counts after a determiner ("a block is deleted", "each shard"), where
    // it is a noun; bare ("run", "block") it is too often a verb
    const single = words.includes(" ")
      ? undefined
      : new RegExp(`\\b(?:a|an|the|each|every|no|any|one|its|that)\\s+${words}(?:s|'s)?\\b`, "i");
    // a record-kind last word is often left unsaid: "the order log" names OrderLogEntry, "the file version"
    // names FileVersionRecord (at least two words stay, so "order" alone never names OrderLogEntry)
    const head = words.replace(/ (?:entry|record|row|item)$/, "");
    const spoken = head.split(" ").length >= 2 ? head : words;
    p = [
      new RegExp(`(?<![A-Za-z])${entity}(?![A-Za-z])`),
      spoken.includes(" ") ? new RegExp(`\\b${spoken}(?:s|'s)?\\b`, "i") : single,
      /^[A-Za-z0-9 ]+$/.test(entity) ? spoken : undefined,
    ];
    if (ENTITY_PATTERNS.size >= 4096) ENTITY_PATTERNS.clear();
    ENTITY_PATTERNS.set(entity, p);
  }
  return p;
}

/**
 * The entities a mechanism touches, read from its reasons: an operation it was added for (quoted phrase or
 * "on <Entity>"), an entity named in a predicate's reason, or every entity of an archetype the reason cites
 * ("I05: …", "I05's default", "decision i18-…"). Empty when the reasons name none (then nothing is ruled out).
 */
export function touchedEntities(because: readonly string[], operations: readonly OperationRow[]): Set<string> {
  const out = new Set<string>();
  const text = because.join(" ");
  const cited = new Set([...text.matchAll(/\b[Ii](\d\d)\b/g)].map((m) => `I${m[1]}`));
  // an entity already in (many operations share one) is not asked again: the set and its order are the same
  for (const op of operations) {
    if (out.has(op.entity)) continue;
    if (text.includes(op.phrase) || namesEntity(text, op.entity) || cited.has(op.archetype)) out.add(op.entity);
  }
  return out;
}

/**
 * The entities a mechanism touches: those its reasons name (`touchedEntities`), and for a mechanism that recognises
 * a repeat by a key, the record that key is the id of ("once per transfer id" keeps the transfer's once-only rule,
 * whichever record the keyed write appends).
 */
export function mechanismTouches(
  mechanismId: string,
  because: readonly string[],
  operations: readonly OperationRow[],
): ReadonlySet<string> {
  // a function of the reasons' joined text, the operations and whether the mechanism keys repeats: remembered by
  // those, since a design asks it for each mechanism several times (its row, its companions, coherence)
  const keyed = REPEAT_KEEPERS.has(mechanismId as MechanismId);
  let known = TOUCHED.get(operations);
  if (known === undefined || known.count !== operations.length) {
    known = { count: operations.length, answers: new Map() };
    TOUCHED.set(operations, known);
  }
  const text = because.join(" ");
  const key = keyed ? `k ${text}` : text;
  let touched = known.answers.get(key);
  if (touched === undefined) {
    const found = touchedEntities(because, operations);
    if (keyed) for (const e of keyedEntities(because, operations)) found.add(e);
    if (known.answers.size >= 1024) known.answers.clear();
    known.answers.set(key, found);
    touched = found;
  }
  return touched;
}

/** mechanismTouches' answers, by the operations (their number, should the list grow) and the reasons' text. */
const TOUCHED = new WeakMap<readonly OperationRow[], { count: number; answers: Map<string, ReadonlySet<string>> }>();

/**
 * The entities whose id a mechanism's reasons key a write by ("once per transfer id", "under the order's id"): the
 * record a repeat is recognised by, which may not be the record the keyed write appends.
 */
export function keyedEntities(because: readonly string[], operations: readonly OperationRow[]): Set<string> {
  const text = because.join(" ").toLowerCase();
  const out = new Set<string>();
  // every pattern needs " id" as a word after the name (a name with no alternation or escape in it): a text without
  // it keys nothing (most reasons, "idempotency" included), and its patterns are not compiled
  const bare = !KEYED_ID.test(text);
  for (const op of operations) {
    if (bare && !/[|\\]/.test(op.entity)) continue;
    if (keyedPattern(op.entity).test(text)) out.add(op.entity);
  }
  return out;
}

/** What every keyed-write pattern ends in. */
const KEYED_ID = / id\b/;

/** The pattern of a write keyed by an entity's id, compiled once per name (capped, as ENTITY_PATTERNS). */
const KEYED_PATTERNS = new Map<string, RegExp>();
function keyedPattern(entity: string): RegExp {
  let re = KEYED_PATTERNS.get(entity);
  if (re === undefined) {
    const words = entityWords(entity).toLowerCase();
    re = new RegExp(`\\b(?:per|under|by|carries) (?:the |its |an? |each )?${words}(?:'s)? id\\b`);
    if (KEYED_PATTERNS.size >= 4096) KEYED_PATTERNS.clear();
    KEYED_PATTERNS.set(entity, re);
  }
  return re;
}

/** The entities an invariant is about: those its statement names, and those written on the path it constrains. */
export function invariantEntities(inv: InvariantRow, operations: readonly OperationRow[]): ReadonlySet<string> {
  // asked of the same rule and operations for every mechanism and companion of a design: the last answer per rule
  const seen = ABOUT.get(inv);
  if (seen?.operations === operations && seen.statement === inv.statement && seen.path === inv.path) return seen.about;
  const out = new Set<string>();
  for (const op of operations) {
    if (out.has(op.entity)) continue;
    if (namesEntity(inv.statement, op.entity) || (inv.path !== "" && op.phrase.startsWith(inv.path)))
      out.add(op.entity);
  }
  ABOUT.set(inv, { operations, statement: inv.statement, path: inv.path, about: out });
  return out;
}

/** invariantEntities' last answer per invariant row, with what it was asked of. */
const ABOUT = new WeakMap<
  InvariantRow,
  { operations: readonly OperationRow[]; statement: string; path: string; about: ReadonlySet<string> }
>();

/**
 * Which invariant a mechanism protects, computed from the invariant's wording and the mechanism's: only an
 * invariant about an entity the mechanism touches (its reasons' operations, predicate or archetype) can be
 * protected by it; among those, an invariant on the path that uses the mechanism counts most, then the words
 * the predicate that added it guards (`guards`), then the words the invariant shares with the mechanism's
 * name, summary and reasons. Ties go to the earlier invariant. With no link at all the answer is
 * {@link NO_INVARIANT}, never a fallback; with no invariants at all, the component's contract.
 */
export function protectedInvariant(
  invariants: readonly InvariantRow[],
  mechanismId: string,
  scope: {
    operations: readonly OperationRow[];
    because: readonly string[];
    /** The design's critical paths: with no link by words, the mechanism protects the rule of the path it runs on. */
    paths?: readonly ServedPath[];
    /** The mechanism is the write of the operation its reason quotes: any rule of that operation's path binds it. */
    own?: boolean;
  },
  hints: { path?: string; guards?: RegExp; guardedBy?: string } = {},
): Protected {
  const m = MECHANISM_BY_ID.get(mechanismId);
  const { named, mine: own, mineSet: ownSet } = mechanismWords(mechanismId);
  // the words of its reasons (each reason's remembered by its text; one reason's set is used as it is)
  const [only, ...more] = scope.because;
  const reasons =
    only === undefined
      ? new Set<string>()
      : more.length === 0
        ? meaningWords(only)
        : new Set(scope.because.flatMap((b) => [...meaningWords(b)]));
  let best:
    | {
        inv: InvariantRow;
        score: number;
        words: ReadonlySet<string>;
        weight: number;
        ownWeight: number;
        onPath: boolean;
        guarded: boolean;
        first: boolean;
        keeper: boolean;
      }
    | undefined;
  // a rule made from a guarantee the prompt states, naming this mechanism as its keeper, is what it protects: the
  // prompt's own rule beats any the archetype brought
  // (where the mechanism touches what the rule is about, or touches nothing named)
  const touched = mechanismTouches(mechanismId, scope.because, scope.operations);
  const stated = invariants.find((inv) => {
    if (inv.keptBy !== mechanismId || !fromStatedGuarantee(inv.because) || !canKeep(mechanismId, inv.statement))
      return false;
    const about = touched.size === 0 ? new Set<string>() : invariantEntities(inv, scope.operations);
    return about.size === 0 || [...about].some((e) => touched.has(e));
  });
  if (stated)
    return {
      statement: stated.statement,
      because: `${KEEPS_STATED} ${m?.name ?? mechanismId} as what keeps it`,
    };
  // a rule only some kinds of mechanism keep (a retry taking effect once) is never paired with another kind by words
  // and a stated rule the design says no mechanism keeps is paired with none by words (engine/stated-clauses.ts)
  // and a stated rule of a kind its own mechanism keeps (a write-once key, an interval exclusion) is that mechanism's
  // alone: its explanation shares words with many others that keep nothing of it
  const keepable = keepableRules(invariants, mechanismId);
  const servesSomething = Object.hasOwn(MECHANISM_SERVES, mechanismId);
  for (const inv of keepable) {
    if (touched.size > 0) {
      const about = invariantEntities(inv, scope.operations);
      if (about.size > 0 && ![...about].some((e) => touched.has(e))) continue;
    }
    const words = meaningWords(inv.statement);
    const onPath = hints.path !== undefined && inv.path === hints.path;
    const guarded = hints.guards?.test(inv.statement) === true;
    // what the mechanism does picks its rule before shared words do (a lease keeps one live holder)
    const first = keepsFirst(mechanismId, inv.statement);
    // and so does a rule that names this mechanism as what keeps it (`keptBy`: a subject's rule, a stated
    // qualifier's rule kept by the write that hands the thing out)
    const keeper = inv.keptBy === mechanismId;
    // a word of the mechanism's name counts twice; one word of its summary alone is chance, and the words of
    // its reasons here count only beside a word of its own or three together (a shared "run" alone links nothing)
    let weight = 0;
    let ownWeight = 0;
    // (a sum over the words both speak, so walked from the rule's few words, not the mechanism's many)
    for (const w of words) {
      if (!ownSet.has(w) && !reasons.has(w)) continue;
      const add = named.has(w) ? 2 : 1;
      weight += add;
      if (ownSet.has(w)) ownWeight += add;
    }
    // a mechanism kept for liveness, throughput or recovery (MECHANISM_SERVES) keeps a rule only by what it does,
    // never by the words of the operation it runs on alone: a projector on "redirect a short link to its long URL"
    // shares 'link' and 'url' with "a code names at most one long URL", which only the create's write keeps
    if (ownWeight === 0 && (weight < 3 || servesSomething)) weight = 0;
    const score = (onPath ? 3 : 0) + (guarded ? 2 : 0) + (first || keeper ? 3 : 0) + (weight >= 2 ? weight : 0);
    // a tie goes to the invariant sharing more of the mechanism's own name and summary (the reasons' words are
    // context: "commit a new file version" fits every rule of that path equally), then to the earlier one
    if (score > 0 && (!best || score > best.score || (score === best.score && ownWeight > best.ownWeight)))
      best = { inv, score, words, weight, ownWeight, onPath, guarded, first, keeper };
  }
  if (invariants.length === 0)
    return { statement: "the contract of the component", because: "the design states no invariant" };
  const what = [...touched].sort().join(", ");
  if (!best)
    return (
      servesInstead(mechanismId, what) ??
      servedRule(keepable, scope) ??
      ownWrite(scope, invariants) ??
      decided(scope.because) ?? {
        statement: NO_INVARIANT,
        because: `no invariant of this design is about ${what || "what it touches"} and names what it does`,
      }
    );
  const { words } = best;
  // its own words first, then its reasons' (in order, each once)
  const spoken = new Set(own);
  for (const b of scope.because) for (const w of meaningWords(b)) spoken.add(w);
  const shared = [...spoken].filter((w) => words.has(w));
  const why: string[] = [];
  if (best.onPath) why.push(`it sits on the path '${best.inv.path}' the invariant constrains`);
  if (best.guarded) why.push(`the invariant names what ${hints.guardedBy ?? "its predicate"} guards`);
  if (best.first)
    why.push(`it is a rule about one live holder or what an expiry frees, which ${m?.name ?? mechanismId} keeps`);
  else if (best.keeper) why.push(`the rule names ${m?.name ?? mechanismId} as what keeps it`);
  if (best.weight >= 2)
    why.push(
      `it shares ${shared
        .slice(0, 4)
        .map((w) => `'${w}'`)
        .join(", ")} with ${m?.name ?? mechanismId}`,
    );
  if (what) why.push(`it touches ${what}`);
  return { statement: best.inv.statement, because: why.join("; ") };
}

/** A mechanism kept for liveness, throughput or recovery rather than a rule: what it serves, said as such. */
function servesInstead(mechanismId: string, what: string): Protected | undefined {
  const serves = MECHANISM_SERVES[mechanismId as keyof typeof MECHANISM_SERVES];
  if (!serves) return undefined;
  return {
    statement: "",
    serves,
    because: `no invariant of this design is about ${what || "what it touches"} and names what it does; it is kept for ${serves.split(":")[0]}`,
  };
}

/**
 * A base mechanism no rule covers is still how its operation is carried out: it serves that operation (a side
 * write with no rule of its own, such as registering a series on its first sample), said as such.
 */
function ownWrite(
  scope: {
    operations: readonly OperationRow[];
    because: readonly string[];
    own?: boolean;
  },
  invariants: readonly InvariantRow[],
): Protected | undefined {
  if (!scope.own) return undefined;
  const text = scope.because.join(" ");
  const op = scope.operations.find((o) => text.startsWith(`${o.phrase}:`));
  if (!op) return undefined;
  // the entity may have rules its other writes keep (an item admitted once): then it is this write no rule constrains
  const ruled = invariants.some((i) => invariantEntities(i, scope.operations).has(op.entity));
  const serves = ruled
    ? `the operation '${shortName(op.phrase)}' on ${op.entity}, a write no rule of this design constrains`
    : `the operation '${shortName(op.phrase)}' on ${op.entity}, which no rule of this design constrains`;
  return {
    statement: "",
    serves,
    because: ruled
      ? `the rules about ${op.entity} are kept by its other writes on their own paths; it is how '${shortName(op.phrase)}' is done`
      : `no invariant of this design constrains ${op.entity}; it is how '${shortName(op.phrase)}' is done`,
  };
}

/** A mechanism a chosen decision implies serves what that decision chose ("decision i16-replication: one leader …"). */
function decided(because: readonly string[]): Protected | undefined {
  for (const b of because) {
    const m = /^decision ([a-z0-9-]+): (.+)$/.exec(b);
    if (m?.[2])
      return {
        statement: "",
        serves: `what decision ${m[1]} chose: ${m[2]}`,
        because: `no invariant of this design names what it does; decision ${m[1]} adds it`,
      };
  }
  return undefined;
}

/** A critical path as the pairing reads it: its name (an invariant's `path`) and the operations it runs. */
export interface ServedPath {
  name: string;
  operations: readonly string[];
}

/**
 * The rule a mechanism protects when no invariant shares its words: the first rule of a critical path it runs on
 * (an operation its reasons quote, or one that writes an entity they name), else the first rule about an entity
 * such an operation writes. Undefined when it runs on no operation (an archetype-wide reason) or none has a rule.
 */
function servedRule(
  invariants: readonly InvariantRow[],
  scope: {
    operations: readonly OperationRow[];
    because: readonly string[];
    paths?: readonly ServedPath[];
    own?: boolean;
  },
): Protected | undefined {
  const text = scope.because.join(" ");
  const quoted = scope.operations.filter((op) => text.includes(op.phrase));
  const runs = quoted.length > 0 ? quoted : scope.operations.filter((op) => namesEntity(text, op.entity));
  if (runs.length === 0) return undefined;
  const phrases = new Set(runs.map((op) => op.phrase));
  const writes = new Set(
    runs.filter((op) => op.operation !== "read source" && op.operation !== "read projection").map((op) => op.entity),
  );
  for (const p of scope.paths ?? []) {
    if (!p.operations.some((o) => phrases.has(o))) continue;
    // the path's first rule about what the mechanism's operation writes (or about no entity in particular)
    const rule = invariants.find((i) => {
      if (i.path !== p.name) return false;
      if (scope.own) return true;
      const about = invariantEntities(i, scope.operations);
      return about.size === 0 || [...about].some((e) => writes.has(e));
    });
    if (rule)
      return { statement: rule.statement, because: `it runs on '${p.name}', and this is that path's first rule` };
  }
  for (const inv of invariants) {
    const about = [...invariantEntities(inv, scope.operations)].filter((e) => writes.has(e));
    if (about.length > 0 && !keptElsewhere(inv, runs, scope.operations, scope.paths))
      return { statement: inv.statement, because: `it writes ${about.sort().join(", ")}, which this rule constrains` };
  }
  return undefined;
}

/**
 * A rule its own path keeps by another write of the same entity: the path creates what the rule is about with a
 * different mechanism and does not run `runs`, which only change it ("admitted at most once" is kept by the admission's put-if-absent, not by the
 * versioned overwrite that records a visit's outcome on the same item).
 */
export function keptElsewhere(
  inv: InvariantRow,
  runs: readonly OperationRow[],
  operations: readonly OperationRow[],
  paths: readonly ServedPath[] | undefined,
): boolean {
  const path = paths?.find((p) => p.name === inv.path);
  if (!path) return false;
  const mine = new Set(runs.map((o) => o.phrase));
  if (path.operations.some((o) => mine.has(o))) return false;
  const about = invariantEntities(inv, operations);
  const mechanisms = new Set(runs.map((o) => o.mechanism));
  // (a rule on a path that creates the entity is about its creation: a write that only changes it keeps none of it)
  if (runs.some((o) => o.operation === "create target")) return false;
  return operations.some(
    (o) =>
      path.operations.includes(o.phrase) &&
      about.has(o.entity) &&
      o.operation === "create target" &&
      o.mechanism !== undefined &&
      !mechanisms.has(o.mechanism),
  );
}

/**
 * The mechanisms once the design's operations are carried: a mechanism paired with a rule that went with a dropped
 * path is paired again among the rules that stay (or shown with what it serves); one left protecting nothing goes.
 */
export function carriedPairings<T extends MechanismRow>(
  rows: readonly T[],
  carried: { invariants: readonly InvariantRow[]; operations: readonly OperationRow[]; paths: readonly ServedPath[] },
): readonly T[] {
  const stated = new Set(carried.invariants.map((i) => i.statement));
  const stale = (m: T) => m.serves === undefined && carried.invariants.length > 0 && !stated.has(m.protects);
  if (!rows.some(stale)) return rows;
  return rows.flatMap((m) => {
    if (!stale(m)) return [m];
    const p = protectedInvariant(carried.invariants, m.id, {
      operations: carried.operations,
      because: m.because,
      paths: carried.paths,
      own: m.kind === "base",
    });
    if (p.statement === NO_INVARIANT) return [];
    return [{ ...m, protects: p.statement, protectsBecause: p.because, ...(p.serves ? { serves: p.serves } : {}) }];
  });
}
