import { ARCHITECTURE } from "../../knowledge/architecture/index.js";
import {
  DELIVERING_MECHANISMS,
  keepRank,
  keptKinds,
  MECHANISM_BY_ID,
  type MechanismId,
  PROPAGATING_MECHANISMS,
  WHOLE_DESIGN_KINDS,
  wouldKeep,
} from "../../knowledge/index.js";
import { SLOT_SUMMED_ENTITIES } from "../../knowledge/regions.js";
import { fitsTopics, TOPIC_NEEDS, type Topic, unspokenBesides } from "../../knowledge/topics.js";
import { architectureOf, LAYOUT_FACTS, partlessArchetypes } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import type { InvariantRow } from "../design/types.js";
import type { FailureUnit } from "../nfr-parse.js";
import { composedKind, featureInvariants, featureLed } from "../product/index.js";
import { bareProductRecord, type ProductRecord } from "../product/record.js";
import { designUnitNoun, leadRenamings, renameUnit, type UnitNoun } from "../prompt-nouns.js";
import { acksSpanRegions } from "../regions.js";
import {
  CARDINAL_KINDS,
  contradicts,
  type GuaranteeClause,
  guaranteeClauses,
  KIND_KEEPERS,
  keeperOf,
  keeperSaid,
  keptSaying,
  kindWrite,
  REPEAT_KEEPERS,
  repeatKeeperOf,
  roleRecord,
  saysClause,
  UNKEPT,
} from "../stated-clauses.js";
import { fromStatedGuarantee, GUARANTEE_BECAUSE, statedRule } from "../stated-rules.js";
import { anA, namesNoun, pattern } from "../text.js";
import { archetype, entityWords, meaningWords, shortName } from "./common.js";
import { FRESHNESS_QUANTITY } from "./nfrs.js";

const MAX_PER_PATH = 3;
/** On a feature-led path, the substrate archetype adds at most this many rules after the feature's own. */
const MAX_SUBSTRATE_PER_PATH = 1;

/** A whole-word, case-insensitive pattern for an entity's words (plural allowed). */
const wordPattern = (w: string) => pattern(`\\b${w.replace(/[^A-Za-z0-9 ]/g, "")}s?\\b`, "i");

/**
 * All the invariants read of the prompt: a product's main record when no product feature models it, and the
 * subjects it never speaks of (a card's topical statements hold only where they fit).
 */
interface InvariantFacts {
  record: ProductRecord | null;
  unspoken: readonly Topic[];
  /** The prompt's noun for the lead archetype's unit, which the statements call it by. */
  unit: UnitNoun | undefined;
  /** The client-facing calls whose request names the request for its retries (a request id, an idempotency key). */
  keyedCalls: readonly string[];
  /** The guarantee clauses the prompt states, in its words (engine/stated-clauses.ts). */
  clauses: readonly GuaranteeClause[];
  /** By a subject rule's statement, the prompt clause its mark's `says` words find (its stated requirement). */
  sayings: Readonly<Record<string, string>>;
}

/** A noun with its indefinite article ("an account", "a hold"). */
/** The words of a write that hands work out to a worker (give out, claim, take, lease, dequeue). */
const HANDS_OUT = /\b(?:give|gives|hand|hands) out\b|\b(?:claim|claims|take|takes|lease|leases|dequeue|dequeues)\b/i;

/** A write that sends something out or decides that it goes out (an alert that fires, a page, a notification). */
const SENDS =
  /\b(?:send|sends|notify|notifies|page|pages|fire|fires|alert|alerts|deliver|delivers|publish|publishes|dispatch|dispatches)\b/i;

const upperFirst = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** A failure unit's plural, as a rule names the units a replica set is spread over. */
const UNIT_PLURAL: Readonly<Record<FailureUnit, string>> = {
  zone: "zones",
  "data centre": "data centres",
  rack: "racks",
  region: "regions",
};

/** A request field that names the request for its retries: a request id, an idempotency key, a client token. */
const REQUEST_KEY = /\brequest.?id\b|\bidempoten\w*|\bclient.?token\b/i;

export const invariantsField: Deriver<"invariants", InvariantFacts> = {
  field: "invariants",
  category: "Derived",
  reads: ["prompt", "operations", "criticalPaths", "primaryState", "nfrs", "branch", "features", "archetypes"],
  facts: (f) => ({
    record: bareProductRecord(f.prompt, f.branch.kind, f.features) ?? null,
    unspoken: unspokenBesides(f.nfrs.topics),
    unit: designUnitNoun(f),
    // the calls as drawn before any decision prunes them: a retry rule promises what a call's request id keeps
    keyedCalls: architectureOf({ branch: f.branch, archetypes: f.archetypes, features: f.features }, LAYOUT_FACTS.of(f))
      .api.filter((a) => a.request.some((r) => REQUEST_KEY.test(r)))
      .map((a) => a.operation),
    clauses: guaranteeClauses(f.prompt),
    sayings: sayingsOf(f.prompt, f.archetypes),
  }),
  rule: "per critical path (a card statement marked with a subject only where the prompt speaks of it), a bare product's create guarantee on its record (an id never reused, a retry answered with the first) and a product design's (or a named product's infra design's) feature rules on that path's actions first (its substrate archetype then adds at most one), then the archetype's never-violate statements about an entity that path writes (an invariant is attached only to a path that writes what it constrains), plus the guarantees the stated NFRs add on the first path's entity",
  derive: (f, _input, { record, unspoken, unit, keyedCalls, clauses, sayings }) => {
    // the statements call the lead's unit by the prompt's noun, as the boxes and the state do (a Delivery)
    const renaming = leadRenamings(unit, f.archetypes[0], composedKind(f.branch.kind, f.archetypes));
    const rows = withSayings(invariantRows(f, record, unspoken, keyedCalls, clauses), sayings);
    return renaming.length === 0
      ? rows
      : rows.map((r) =>
          // a rule made from the prompt's own guarantee already speaks its words ("one schedule slot")
          fromStatedGuarantee(r.because) ? r : { ...r, statement: renameUnit(r.statement, renaming) },
        );
  },
};

/**
 * The prompt clause each subject rule carries: a card's `invariantTopics` mark with `says` words finds the clause of the
 * prompt (between stops, colons, semicolons and commas) that holds them ("logout must take effect everywhere within a
 * second"), which the rule then quotes as its reason.
 */
function sayingsOf(prompt: string, archetypes: readonly { id: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of archetypes)
    for (const m of archetype(a.id as Parameters<typeof archetype>[0]).invariantTopics ?? []) {
      if (m.says === undefined || out[m.statement] !== undefined) continue;
      const hit = pattern(m.says, "i").exec(prompt);
      if (!hit) continue;
      const clause = clauseAround(prompt, hit.index, hit.index + hit[0].length);
      if (clause) out[m.statement] = clause;
    }
  return out;
}

/** The clause of a text around a span: from the stop, colon, semicolon or comma before it to the one after it. */
function clauseAround(text: string, from: number, to: number): string | undefined {
  const stops = /[.;:!?\n]|,\s/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(stops)) {
    const at = m.index ?? 0;
    // a stop inside a number ("1.5 seconds") is no stop
    if (m[0] === "." && /\d/.test(text[at + 1] ?? "")) continue;
    if (at < from) start = at + m[0].length;
    else if (at >= to) {
      end = at;
      break;
    }
  }
  const clause = text.slice(start, end).trim();
  return clause.length > 0 ? clause : undefined;
}

/**
 * Each rule whose subject's clause the prompt states quotes it (`sayingsOf`), once, as the prompt's own guarantee: the
 * clause is a rule the prompt asks for in a clause of its own, so the rule leads the spoken hard rule.
 */
const withSayings = (rows: InvariantRow[], sayings: Readonly<Record<string, string>>): InvariantRow[] =>
  rows.map((r) => {
    const clause = sayings[r.statement];
    return clause === undefined || r.because.includes(`'${clause}'`)
      ? r
      : { ...r, because: `${r.because}; the prompt says '${clause}', ${GUARANTEE_BECAUSE}` };
  });

/** A write that takes a share of a counted capacity: reserving, holding, booking or claiming some of it. */
const TAKES_SHARE = /\b(?:reserv|hold|book|claim|allocat|decrement)\w*\b/i;

function invariantRows(
  f: Parameters<(typeof invariantsField)["derive"]>[0],
  record: ProductRecord | null,
  unspoken: readonly Topic[],
  keyedCalls: readonly string[],
  clauses: readonly GuaranteeClause[],
): InvariantRow[] {
  const out: InvariantRow[] = [];
  const used = new Set<string>();
  const entityOf = new Map(f.operations.map((o) => [o.phrase, o.entity]));
  const entitiesByPath = new Map<(typeof f.criticalPaths)[number], string[]>();
  const pathEntities = (p: (typeof f.criticalPaths)[number]) => {
    let list = entitiesByPath.get(p);
    if (!list) {
      list = [...new Set(p.operations.flatMap((o) => (entityOf.has(o) ? [entityOf.get(o) as string] : [])))];
      entitiesByPath.set(p, list);
    }
    return list;
  };
  // each statement is tested against each path's entities several times (scores, then candidates): once each
  const lowers = new Map<string, string>();
  const lowered = (text: string) => {
    let t = lowers.get(text);
    if (t === undefined) {
      t = text.toLowerCase();
      lowers.set(text, t);
    }
    return t;
  };
  // Each archetype invariant goes to the first critical path that writes the entity it names first;
  // an invariant naming no entity a critical path writes is left out rather than pinned to an unrelated path.
  const firstMention = (text: string, entity: string) => {
    const t = lowered(text);
    const hits = [t.indexOf(entity.toLowerCase()), t.indexOf(entityWords(entity))].filter((x) => x >= 0);
    return hits.length > 0 ? Math.min(...hits) : -1;
  };
  const mentions = new Map<string, Map<string, number>>();
  const wordMention = (text: string, entity: string) => {
    let byEntity = mentions.get(text);
    if (!byEntity) {
      byEntity = new Map();
      mentions.set(text, byEntity);
    }
    let at = byEntity.get(entity);
    if (at === undefined) {
      at = searchWords(text, entity);
      byEntity.set(entity, at);
    }
    return at;
  };
  const searchWords = (text: string, entity: string) => {
    const hits = [entity, entityWords(entity)].map((w) => text.search(wordPattern(w)));
    const found = hits.filter((x) => x >= 0);
    return found.length > 0 ? Math.min(...found) : -1;
  };
  const attached = new Map<
    string,
    { statement: string; archetype: InvariantRow["archetype"]; because: string; keptBy?: string }[]
  >();
  // A feature-led design leads each path with the rules its features state for that path's actions.
  const led = featureLed(f.branch.kind, f.features, f.archetypes);
  // (an infra design whose subject is a named product keeps its features' rules too: a document's sharing check)
  const own =
    led || f.branch.kind === "infra"
      ? featureInvariants(f.features, f.operations, f.criticalPaths, unspokenBesides(f.nfrs.topics))
      : [];
  // a bare product's create keeps its record's guarantee, on the path that makes the record
  const creates = record ? f.criticalPaths.find((p) => p.operations.includes(record.create.phrase)) : undefined;
  const createOp = creates && f.operations.find((o) => o.phrase === record?.create.phrase);
  if (record && creates && createOp)
    own.push({
      path: creates.name,
      statement: record.create.invariant,
      archetype: createOp.archetype,
      because: `the product's own guarantee for ${record.entity}, which '${creates.name}' writes: ${record.create.guarantee}`,
    });
  const ownCount = new Map<string, number>();
  for (const x of own) {
    if (used.has(x.statement)) continue;
    used.add(x.statement);
    attached.set(x.path, [...(attached.get(x.path) ?? []), x]);
    ownCount.set(x.path, (ownCount.get(x.path) ?? 0) + 1);
  }
  // On a feature-led design, a substrate's own deep-dive path (no feature action on it) keeps one rule too:
  // the one about the entity that path writes, not the substrate's whole list.
  const featurePath = new Set(
    f.criticalPaths
      .filter((p) => p.operations.some((o) => f.operations.some((x) => x.phrase === o && x.feature)))
      .map((p) => p.name),
  );
  const room = (path: string) =>
    (attached.get(path)?.length ?? 0) <
    (ownCount.has(path) || (led && !featurePath.has(path))
      ? (ownCount.get(path) ?? 0) + MAX_SUBSTRATE_PER_PATH
      : MAX_PER_PATH);
  // an archetype the design draws no part of (the one a feature's record realizes) states no rule of its own: the
  // record's own rules carry its guarantee ("the committed lease store holds …" where no lease store is drawn)
  const partless = partlessArchetypes(f);
  const archetypeIds = [...new Set(f.criticalPaths.map((p) => p.archetype))].filter((id) => !partless.has(id));
  for (const id of archetypeIds) {
    const paths = f.criticalPaths.filter((p) => p.archetype === id);
    // A feature-led design keeps few substrate rules, so it takes first those that open with the entity a
    // path writes ("a Blob never changes") over those that mention it in passing, and a whole word only
    // ("hold", not "holder").
    const score = (statement: string) =>
      Math.min(
        ...paths.flatMap((p) => pathEntities(p).map((e) => wordMention(statement, e))).filter((x) => x >= 0),
        Number.POSITIVE_INFINITY,
      );
    // ... and, before that, those that share the most words with what the path's actions do
    // ("conditional put naming the version the caller read" -> "a conditional write applies only when …").
    const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    const pathWords = words(paths.flatMap((p) => p.operations).join(" "));
    const shared = (statement: string) => [...words(statement)].filter((w) => pathWords.has(w)).length;
    const marks = new Map((archetype(id).invariantTopics ?? []).map((x) => [x.statement, x]));
    const onTopic = (s: string) => {
      const m = marks.get(s);
      return !m || fitsTopics(m, unspoken);
    };
    const statements = led
      ? archetype(id)
          .invariants.filter(onTopic)
          .map((s, i) => ({ s, i, at: score(s), overlap: shared(s) }))
          .sort((x, y) => y.overlap - x.overlap || x.at - y.at || x.i - y.i)
          .map((x) => x.s)
      : archetype(id).invariants.filter(onTopic);
    for (const statement of statements) {
      if (used.has(statement)) continue;
      // a rule that carries a prompt's ask (its mark's `says` words) sits on the path named in those words first (a
      // sign-out's rule on 'sign out', not on 'sign in', which writes the same session record)
      const says = marks.get(statement)?.says;
      const asked = (path: string) => (says !== undefined && pattern(says, "i").test(path) ? 0 : 1);
      const candidates = paths
        .flatMap((p, order) =>
          pathEntities(p).map((e) => ({
            path: p.name,
            entity: e,
            at: led ? wordMention(statement, e) : firstMention(statement, e),
            order,
          })),
        )
        .filter((c) => c.at >= 0)
        .sort((x, y) => asked(x.path) - asked(y.path) || x.at - y.at || x.order - y.order);
      const best = candidates.find((c) => room(c.path));
      if (!best) continue;
      const list = attached.get(best.path) ?? [];
      used.add(statement);
      const keptBy = marks.get(statement)?.keptBy;
      list.push({
        statement,
        archetype: id,
        because: `${id} states it for ${best.entity}, which '${best.path}' writes`,
        ...(keptBy ? { keptBy } : {}),
      });
      attached.set(best.path, list);
    }
  }
  for (const p of f.criticalPaths)
    for (const x of attached.get(p.name) ?? []) out.push({ path: p.name, ...statedRate(x, f.nfrs.scale) });
  // a card statement marked with a subject the prompt speaks of is the prompt's own rule (a cap on requests in flight,
  // a message leased to one worker), so it leads its archetype's rules, and the hard rule is said from it
  const spokenTopic = (x: InvariantRow) =>
    (archetype(x.archetype).invariantTopics ?? []).find(
      (m) => m.statement === x.statement && m.topic !== undefined && !unspoken.includes(m.topic),
    )?.topic;
  const spokenRule = (x: InvariantRow) => spokenTopic(x) !== undefined;
  // the narrower subject leads the one it rests on (the top k ranks the windowed counts it needs), so its rule is
  // said first; rules of one subject keep their card order
  const narrower = (x: InvariantRow) => {
    const t = spokenTopic(x);
    return t !== undefined && TOPIC_NEEDS[t] !== undefined && !unspoken.includes(TOPIC_NEEDS[t]) ? 0 : 1;
  };
  if (out.some(spokenRule)) {
    const lead = out
      .filter(spokenRule)
      .map((x, i) => ({ x, i }))
      .sort((a, b) => narrower(a.x) - narrower(b.x) || a.i - b.i)
      .map((y) => y.x);
    const rest = out.filter((x) => !spokenRule(x));
    out.length = 0;
    for (const x of lead) out.push({ ...x, because: `${x.because}; the prompt speaks of its subject, so it leads` });
    out.push(...rest);
  }
  const first = f.criticalPaths[0];
  if (first) {
    const subject = entityWords(pathEntities(first)[0] ?? f.primaryState[0]?.entity ?? "record");
    const d = f.nfrs.delivery;
    // at-least-once delivery under an idempotency key is once in effect: say so rather than ask consumers to cope
    const onFirst = new Set(first.operations);
    const keyed = f.operations.some((o) => onFirst.has(o.phrase) && o.mechanism === "idempotency-key");
    const delivery: Record<typeof d.value, string> = {
      "exactly-once": `A retried '${first.name}' takes effect once: the same request id never produces a second ${subject} change.`,
      "at-least-once": `A retried '${first.name}' may arrive again but takes effect once: the same request id never produces a second ${subject} change.`,
      // a stated at-most-once binds the effect, not the API: a create under a request id still takes effect once,
      // and an effect is claimed before it runs and never retried once its outcome is unknown (no dedup afterwards)
      "at-most-once":
        d.source === "stated"
          ? keyed
            ? `A retried '${first.name}' takes effect once: the same request id never produces a second ${subject} change.`
            : `'${first.name}' is attempted at most once: a claim is recorded durably before the effect, and an attempt whose outcome is unknown is reported, never retried.`
          : `${/^[aeiou]/i.test(subject) ? "An" : "A"} ${subject} change is never applied twice; losing one under failure is accepted.`,
    };
    // a stated freshness bound's own rule says how a repeat is harmless (a delete or a newer version applied twice)
    const fresh = freshnessRule(f, subject);
    const repeat =
      d.value === "at-least-once" && !keyed && !(fresh && d.source !== "stated")
        ? deliveredRepeat(f, first, d.source === "stated")
        : undefined;
    // with no path that delivers messages, at-least-once is the caller retrying a write at the store: a create or a
    // guarded transition on the request path takes effect once per request id (a plain overwrite repeats harmlessly;
    // a record appended to a node's write-ahead log, such as a sample, is settled by its own key), said only where
    // the call that makes it carries a request id (a fetcher's take names only the fetcher; a campaign its session)
    const pathWords = meaningWords(first.name);
    const retried =
      d.value === "at-least-once" &&
      !keyed &&
      !repeat &&
      keyedCalls.some((c) => [...meaningWords(c)].some((w) => pathWords.has(w))) &&
      f.operations.some(
        (o) =>
          onFirst.has(o.phrase) &&
          !o.hidden &&
          (o.operation === "create target" ||
            o.operation === "state transition" ||
            (o.operation === "append event" && o.mechanism !== "write-ahead-log")),
      );
    if (repeat) out.push({ ...repeat, because: `delivery is ${d.value}: ${d.because}; ${repeat.because}` });
    else if (d.value !== "at-least-once" || keyed || retried)
      out.push({
        path: first.name,
        statement: delivery[d.value],
        archetype: first.archetype,
        because: `delivery is ${d.value}: ${d.because}`,
      });
    if (fresh) out.push(fresh);
    const c = f.nfrs.consistency;
    if (c.value === "linearizable") {
      out.push({
        path: first.name,
        statement: `Once ${anA(subject)} write is acknowledged, every later read sees it or something newer.`,
        archetype: first.archetype,
        because: `consistency is linearizable: ${c.because}`,
      });
    } else if (c.value === "read-your-writes") {
      out.push({
        path: first.name,
        statement: `A client that wrote ${anA(subject)} change reads its own write afterwards, even from another replica.`,
        archetype: first.archetype,
        because: `consistency is read-your-writes: ${c.because}`,
      });
    } else if (c.value === "consistent-prefix") {
      out.push({
        path: first.name,
        statement: `Every reader sees ${subject} writes as a prefix of one agreed order: it may trail the newest acknowledged write, but never sees a gap or a reordering.`,
        archetype: first.archetype,
        because: `consistency is consistent-prefix: ${c.because}`,
      });
    } else if (f.nfrs.regions.value > 1 && SLOT_SUMMED_ENTITIES.includes(pathEntities(first)[0] ?? "")) {
      // a count kept across regions converges by summing each region's own slot, never by one write replacing another
      out.push({
        path: first.name,
        statement: `Every region adds to ${anA(subject)} only in its own slot of the count, and its value is the sum of the regions' slots, so no region's count overwrites another's; the regions' copies converge on the same sum once writes stop, with a bounded lag.`,
        archetype: first.archetype,
        because: `consistency is eventual across ${f.nfrs.regions.value} regions and ${anA(subject)} is a count: ${c.because}`,
      });
    } else if (f.nfrs.regions.value > 1 || c.source !== "default") {
      out.push({
        path: first.name,
        statement: `Replicas of ${anA(subject)} converge to the same value once writes stop, with a bounded lag.`,
        archetype: first.archetype,
        because: `consistency is eventual: ${c.because}`,
      });
    }
    // a stated loss the system survives is a rule on where the copies sit, whatever path writes them: each replica
    // set spread over distinct units, so one unit's loss leaves most of every set
    const lost = f.nfrs.survives;
    // across several regions each region holds its own copy of every record (regions.ts draws the same cluster in
    // each), so the unit lost is one of those copies; an acknowledgement said to outlive it waits on other regions
    const perRegion = lost && f.nfrs.regions.value > 1 && (lost.value === "region" || lost.value === "data centre");
    if (lost && perRegion)
      out.push({
        path: first.name,
        statement: acksSpanRegions(f.nfrs)
          ? `Each ${subject} has a copy in every one of the ${f.nfrs.regions.value} regions, and a write is acknowledged only once a majority of regions hold it, so the loss of a whole ${lost.value} takes no acknowledged write with it and the other regions keep serving.`
          : `Each ${subject} has a copy in every one of the ${f.nfrs.regions.value} regions, so the loss of a whole ${lost.value} leaves the other regions serving it.`,
        archetype: first.archetype,
        because: `the system must survive the loss of a ${lost.value}: ${lost.because}; ${f.nfrs.regions.because}`,
      });
    else if (lost)
      out.push({
        path: first.name,
        statement: `The replica set of each ${subject} spreads over distinct ${UNIT_PLURAL[lost.value]}, never two members in one ${lost.value}, so the loss of a whole ${lost.value} takes one member of each set at most, and the others keep serving while it is re-created.`,
        archetype: first.archetype,
        because: `the system must survive the loss of a ${lost.value}: ${lost.because}`,
      });
    const o = f.nfrs.ordering;
    const k = f.nfrs.orderKey;
    if (k && o.value === "per-key") {
      // the prompt names the key its order is kept within: the rule is said of that key and of the items it orders,
      // with the one-in-flight queue that keeps it where the items are handed on (a failing one holds its key)
      // the ordered queue's own record where a critical path writes one (the write per-key ordering carries): its
      // items go out one at a time per key; else every write of a key goes through the one partition that owns it
      const byPhrase = new Map(f.operations.map((x) => [x.phrase, x]));
      const queue = f.criticalPaths.flatMap((p) =>
        p.operations.flatMap((x) => {
          const op = byPhrase.get(x);
          return op?.mechanism === "partition-key-ordering" ? [{ p, op }] : [];
        }),
      )[0];
      const items = k.items ?? (queue ? "items" : `${subject} changes`);
      out.push({
        path: queue?.p.name ?? first.name,
        statement: queue
          ? `Within one ${k.value}, ${items} are delivered in the order they were accepted: each ${entityWords(queue.op.entity)} carries a sequence number within its ${k.value}, all of a ${k.value}'s go to one ordered queue by the ${k.value}'s key, and one is handed on only after the one before it was acknowledged or parked, so a failing one holds only its own ${k.value}'s later ones.`
          : `Within one ${k.value}, ${items} never reach a reader out of the order they were accepted in: every ${subject} write of ${/^[aeiou]/i.test(k.value) ? "an" : "a"} ${k.value} goes through the one partition that owns its key.`,
        archetype: queue?.p.archetype ?? first.archetype,
        because: `ordering is ${o.value}: ${o.because}; ${k.because}`,
        keptBy: "partition-key-ordering",
      });
    } else if (o.source !== "default" && o.value !== "none") {
      out.push({
        path: first.name,
        statement: `Within one ${o.value === "global" ? "system" : o.value.replace("per-", "")}, ${subject} changes are applied in the order they were accepted.`,
        archetype: first.archetype,
        because: `ordering is ${o.value}: ${o.because}`,
      });
    }
    const w = f.nfrs.repeatWindow;
    if (w) {
      // a repeat forbidden within a window is kept where the thing is handed out: the write that hands it out checks
      // when its last act started and records the new start before the act begins, so an act whose claim lapsed
      // still counts against the window. That write names the thing ("give out the next URL"), else it is the first
      // write of a critical path that hands work out (a page is handed out as its URL)
      const byPhrase = new Map(f.operations.map((x) => [x.phrase, x]));
      const noun = pattern(String.raw`\b${w.noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\b`, "i");
      const writes = f.criticalPaths.flatMap((p) =>
        p.operations.flatMap((x) => {
          const op = byPhrase.get(x);
          return op && !op.hidden ? [{ p, op }] : [];
        }),
      );
      const at =
        writes.find((x) => noun.test(x.op.phrase)) ?? writes.find((x) => HANDS_OUT.test(x.op.phrase)) ?? writes[0];
      const how = at
        ? `'${shortName(at.op.phrase)}' (${anA(entityWords(at.op.entity))} write) hands one out only if`
        : "a handout checks that";
      out.push({
        path: at?.p.name ?? first.name,
        statement: `No ${w.noun} gets a second ${w.act} within ${w.window}: ${how} its last ${w.act} started at least ${w.window} ago, and records the new start before the ${w.act} begins, so ${anA(w.act)} whose claim lapsed mid-way still counts.`,
        archetype: at?.p.archetype ?? first.archetype,
        because: `${w.because}: a repeat forbidden within a window is checked where the ${w.noun} is handed out`,
        ...(at?.op.mechanism ? { keptBy: at.op.mechanism } : {}),
      });
    }
    for (const g of f.nfrs.guarantees ?? []) {
      const row = guaranteeRule(g, f, first);
      if (row) out.push(row);
    }
    statedClauseRules(f, out, first, clauses);
  }
  return out;
}

/**
 * A guarantee clause the prompt states that no clause shape reads ("stock never goes negative", "a signed contract can
 * never be edited"): a rule that already says it (engine/stated-clauses.ts `saysClause`) is marked as the prompt's
 * guarantee, so it leads the spoken hard rule; else the clause becomes a rule in the prompt's own words, on the write
 * that names its thing, kept by the mechanism `keeperOf` picks there, or saying that no mechanism keeps it yet.
 */
function statedClauseRules(
  f: Parameters<(typeof invariantsField)["derive"]>[0],
  out: InvariantRow[],
  first: Paths[number],
  stated: readonly GuaranteeClause[],
): void {
  const shaped = (f.nfrs.guarantees ?? []).map((g) => g.quote.toLowerCase());
  const clauses = stated.filter(
    (c) =>
      // a clause a shape reads is that shape's rule; a lost or stale thing is the durability and freshness bounds'
      !shaped.some((q) => q.includes(c.quote.toLowerCase()) || c.quote.toLowerCase().includes(q)) &&
      // (a state that never moves backwards when updates arrive late is a rule of its own kind)
      (c.kind === "forward-only" || !/\b(?:lost|stale|older|late|down|slow)\b/.test(c.verb)),
  );
  if (clauses.length === 0) return;
  const byPhrase = new Map(f.operations.map((x) => [x.phrase, x]));
  const writes = f.criticalPaths.flatMap((p) =>
    p.operations.flatMap((x) => {
      const op = byPhrase.get(x);
      if (!op || op.hidden || !op.mechanism) return [];
      const m = MECHANISM_BY_ID.get(op.mechanism);
      const words = `${op.phrase} ${m?.name ?? ""} ${m?.summary ?? ""}`;
      const roles = playsOf(op.entity);
      return [
        {
          p,
          op,
          phrase: op.phrase,
          entity: entityWords(op.entity),
          mechanism: op.mechanism,
          words,
          ...(roles ? { plays: roles } : {}),
        },
      ];
    }),
  );
  for (const c of clauses) {
    const because = `the prompt says '${c.quote}', ${GUARANTEE_BECAUSE}`;
    // (a cardinality rule is said only by a rule that names what keeps it: else it gets a rule of its own that does)
    const sayers = (r: InvariantRow) =>
      !fromStatedGuarantee(r.because) &&
      saysClause(r.statement, c) &&
      (!c.kind || !CARDINAL.has(c.kind) || r.keptBy !== undefined);
    // a rule already made from words of this very clause (a stated per-key order's rule) says it ahead of an
    // archetype's rule that only shares its words (a partition's prefix order)
    const fromClause = out.findIndex((r) => sayers(r) && quotedIn(r.because, c.quote));
    const k = fromClause >= 0 ? fromClause : out.findIndex(sayers);
    const said = out[k];
    if (said) {
      out[k] = { ...said, because: `${said.because}; ${because}` };
      continue;
    }
    const keeper = keeperOf(c, writes);
    // a clause of a kind kept by its kind's own mechanism is said as that mechanism keeps it; one a reused write keeps
    // (a signed contract's guarded transition) is said as that write keeps it
    if (c.kind && (!keeper || keeper.mechanism === KIND_KEEPERS[c.kind].own || CARDINAL.has(c.kind))) {
      // a clause of a kind gets a rule of its own, kept by its kind's mechanism (joining the design when no write
      // carries it), on a write whose shape does not contradict it (never an overwrite under "never overwritten")
      const fit = keeper ?? kindWrite(c, writes);
      const at =
        fit ?? writes.find((w) => w.p === first && !contradicts(c, w)) ?? writes.find((w) => !contradicts(c, w));
      const mechanism = keeper?.mechanism ?? KIND_KEEPERS[c.kind].own;
      // a write that neither names the thing nor does the act only carries the rule: its record is not the thing's,
      // which is named by its role ("the room booking record", not the idempotency record the first path writes)
      const entity = fit?.entity ?? roleRecord(c);
      const kept = `${c.statement} It is kept by ${keeperSaid(c, mechanism)}. ${keptSaying(c, entity, mechanism)}`;
      // a cardinality guard on a record the path's write does not name is made by that write, with its own record
      const carried =
        (CARDINAL.has(c.kind) || ORDERED_KINDS.has(c.kind)) &&
        at &&
        !kept.toLowerCase().includes(at.entity.toLowerCase())
          ? ` '${upperFirst(shortName(at.phrase))}' makes the check, in the same write as its ${at.entity} record.`
          : "";
      out.push({
        path: at?.p.name ?? first.name,
        statement: `${kept}${carried}`,
        archetype: at?.p.archetype ?? first.archetype,
        because,
        keptBy: mechanism,
      });
      continue;
    }
    // an act never done twice, whose thing no write names, is kept by the write that makes a repeat take effect once
    const repeat = keeper ? undefined : repeatKeeperOf(c, writes);
    if (repeat) {
      out.push({
        path: repeat.p.name,
        statement: `${c.statement} ${upperFirst(MECHANISM_BY_ID.get(repeat.mechanism)?.name ?? repeat.mechanism)} on the ${repeat.entity} write keys each attempt by one id, so a repeat takes effect once.`,
        archetype: repeat.p.archetype,
        because,
        keptBy: repeat.mechanism,
      });
      continue;
    }
    const sits =
      writes.find((w) => [c.head, ...c.names].some((n) => w.phrase.toLowerCase().includes(n))) ??
      writes.find((w) => w.p === first);
    // failing a write that names its thing and does its verb, the write the rule sits on (or one naming its thing)
    // keeps it where its mechanism keeps the rule's kind by what it does (a lease "two replicas never both active", an
    // idempotency key "money never moves twice", publishing content first "a half-uploaded package is never visible")
    const kindKeeper = keeper ?? kindKeeperOf(c, writes, sits);
    const at = kindKeeper ?? sits;
    out.push({
      path: at?.p.name ?? first.name,
      statement: kindKeeper
        ? `${c.statement} '${shortName(kindKeeper.phrase)}' keeps it: ${upperFirst(MECHANISM_BY_ID.get(kindKeeper.mechanism)?.name ?? kindKeeper.mechanism)} on the ${kindKeeper.entity} write refuses a change that would break it.${playedBy(c, kindKeeper)}`
        : `${c.statement} The ${at?.entity ?? entityWords(first.operations.map((x) => byPhrase.get(x)?.entity).find(Boolean) ?? "record")} write it sits on refuses nothing that breaks it${wouldSaid(c.statement)}: ${UNKEPT}`,
      archetype: at?.p.archetype ?? first.archetype,
      because,
      ...(kindKeeper ? { keptBy: kindKeeper.mechanism } : {}),
    });
  }
}

/**
 * The write that keeps a stated clause by the kind of rule it is (knowledge/mechanisms/rule-kinds.ts), when no write
 * names its thing and does its verb: the write it sits on, else one that names its thing, whose mechanism keeps the
 * clause's kind; never a write elsewhere in the design (its scope is another record's).
 */
function kindKeeperOf<T extends { phrase: string; entity: string; mechanism: string; plays?: readonly string[] }>(
  c: GuaranteeClause,
  writes: readonly T[],
  sits: T | undefined,
): T | undefined {
  // (a write names the thing by its words or its record's role; a write the rule sits on only because its path comes
  // first keeps nothing of it: a coupon redeemed twice is not the payment's transaction's to refuse)
  const names = (w: T) =>
    [c.head, ...c.names].some(
      (n) => n !== "" && (namesNoun(`${w.phrase} ${entityWords(w.entity)}`, n) || w.plays?.includes(n) === true),
    );
  const rank = (w: T) => keepRank(w.mechanism, c.statement);
  // the write the rule sits on by its path alone keeps a rule the design states of itself as a whole (what readers
  // see, how many lead, what survives a crash), or a repeat when its mechanism takes a repeat once by its id
  const kind = keptKinds(c.statement)[0];
  const whole = (w: T) =>
    kind !== undefined &&
    (WHOLE_DESIGN_KINDS.has(kind) || (kind === "unique" && REPEAT_KEEPERS.includes(w.mechanism as MechanismId)));
  return uniqBy([...(sits && (names(sits) || whole(sits)) ? [sits] : []), ...writes.filter(names)])
    .map((w, i) => ({ w, i, r: rank(w) }))
    .filter((x): x is { w: T; i: number; r: number } => x.r !== undefined && Number.isFinite(x.r))
    .sort((a, b) => a.r - b.r || a.i - b.i)[0]?.w;
}

const uniqBy = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** What would keep a rule the design leaves unkept, said before the note that nothing does (" (a lease would)"). */
function wouldSaid(statement: string): string {
  const id = wouldKeep(statement)[0];
  const name = id === undefined ? undefined : MECHANISM_BY_ID.get(id)?.name;
  return name ? ` (${name.charAt(0).toLowerCase()}${name.slice(1)} would keep it)` : "";
}

type Paths = Parameters<(typeof invariantsField)["derive"]>[0]["criticalPaths"];

/** The cardinality kinds, said as their keeper keeps them even where a reused write (a lease, a claimed run) keeps them. */
const CARDINAL: ReadonlySet<string> = CARDINAL_KINDS;
/** The kinds whose guard is a record of its own or its key's row (a party's busy intervals, a key's ordered or bounded
 * row), so a write that names another record makes the check alongside it. */
const ORDERED_KINDS: ReadonlySet<string> = new Set(["party-overlap", "forward-only", "quantity-bound"]);

/** Where a clause's thing sits on a record by its role, the words that say so ("In this design a lock is its lease record."). */
const playedBy = (c: GuaranteeClause, w: { entity: string; plays?: readonly string[] }): string => {
  const noun = [c.head, ...c.names].find((n) => w.plays?.includes(n) && !w.entity.split(" ").includes(n));
  return noun ? ` In this design a ${noun} is its ${w.entity} record.` : "";
};

/** Each record's role nouns (knowledge/topology.ts `plays`): the things a prompt may call it by besides its name. */
let plays: ReadonlyMap<string, readonly string[]> | undefined;
const playsOf = (entity: string): readonly string[] | undefined => {
  plays ??= new Map(
    Object.values(ARCHITECTURE).flatMap((t) =>
      t.dataModel.flatMap((d) => (d.plays ? [[d.entity, d.plays] as const] : [])),
    ),
  );
  return plays.get(entity);
};

export { fromStatedGuarantee, GUARANTEE_BECAUSE } from "../stated-rules.js";

/** Whether a reason quotes the prompt ("the prompt says '…'") with words that lie inside the given clause. */
function quotedIn(because: string, clause: string): boolean {
  const q = /\bthe prompt says '([^']+)'/.exec(because)?.[1];
  return q !== undefined && q.length > 8 && clause.toLowerCase().includes(q.toLowerCase());
}

/** The participle of an act a guarantee names ("run" -> run, "send" -> sent, "fire" -> fired, "notify" -> notified). */
const IRREGULAR: Readonly<Record<string, string>> = { run: "run", send: "sent", pay: "paid", get: "got" };
const participle = (v: string): string =>
  IRREGULAR[v] ??
  (/e$/.test(v)
    ? `${v}d`
    : /[^aeiou]y$/.test(v)
      ? `${v.slice(0, -1)}ied`
      : // one syllable ending in a short vowel and p or t doubles it (stop, ship, submit); credit and edit do not
        /^[^aeiou]*[aeiou][pt]$|mit$/.test(v)
        ? `${v}${v.slice(-1)}ed`
        : `${v}ed`);

/**
 * A guarantee the prompt states in a clause of its own becomes a hard rule in its words, kept by the mechanism of
 * the write that carries it, so a stated guarantee beats the archetype's default stance rather than being answered
 * by it. A thing never acted on twice for one scope is claimed by a key of (the thing, its scope) with a conditional
 * insert before the act, a lapsed claim is taken over only under a higher fencing token, and the act carries that
 * key to the party it reaches (an outside effect is once only where that party deduplicates by it). A last copy
 * kept in use while its source is down is kept on local disk too, so a restart during the outage still has it.
 */
function guaranteeRule(
  g: NonNullable<Parameters<(typeof invariantsField)["derive"]>[0]["nfrs"]["guarantees"]>[number],
  f: Parameters<(typeof invariantsField)["derive"]>[0],
  first: Paths[number],
): (Omit<InvariantRow, "because"> & { because: string }) | undefined {
  const byPhrase = new Map(f.operations.map((x) => [x.phrase, x]));
  const writes = f.criticalPaths.flatMap((p) =>
    p.operations.flatMap((x) => {
      const op = byPhrase.get(x);
      return op && !op.hidden ? [{ p, op }] : [];
    }),
  );
  const because = `the prompt says '${g.quote}', ${GUARANTEE_BECAUSE}`;
  if (g.kind === "once") {
    // the write that names the thing ("claim the runnable job"), else one that hands work out, else one that
    // delivers, else the first
    const head = g.noun.split(" ").pop() ?? g.noun;
    const noun = pattern(String.raw`\b${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\b`, "i");
    const at =
      writes.find((x) => noun.test(x.op.phrase)) ??
      writes.find((x) => HANDS_OUT.test(x.op.phrase)) ??
      writes.find((x) => SENDS.test(x.op.phrase)) ??
      writes.find((x) => x.op.mechanism !== undefined && DELIVERING_MECHANISMS.has(x.op.mechanism as MechanismId)) ??
      writes[0];
    const act = g.act ?? "send";
    const scope = g.scope ? ` for one ${g.scope}` : "";
    const key = g.scope ? `the ${g.noun} and its ${g.scope}` : `the ${g.noun} and the occurrence it belongs to`;
    // said as a purpose clause, so the spoken rule reads as a sentence ("To claim a runnable run, the write first …")
    // (a short name cut before its object ends on no preposition: "move the alert between" is said "move the alert")
    const short = at
      ? shortName(at.op.phrase).replace(/\s+(?:between|to|from|of|on|in|into|at|for|with|by)$/i, "")
      : "";
    const where = at ? `to ${short}, the ${entityWords(at.op.entity)} write` : "the write that hands it out";
    // "without duplicate pages" names no act and no claimant: what goes out is deduplicated where it goes out, by a key
    // of what it is about and the occurrence, not claimed and fenced like a run of a job
    if (g.act === undefined)
      return {
        path: at?.p.name ?? first.name,
        statement: `No ${g.noun} goes out twice for one occurrence. Each ${g.noun} carries a key made of what it is about and the occurrence it belongs to, never an attempt number; ${at ? `the ${entityWords(at.op.entity)} write that sends it` : "the step that sends it"} records the key first and drops a repeat, and a receiver that deduplicates by the key drops one that slips through a failover.`,
        archetype: at?.p.archetype ?? first.archetype,
        because,
        ...(at?.op.mechanism ? { keptBy: at.op.mechanism } : {}),
      };
    return {
      path: at?.p.name ?? first.name,
      statement: `No ${g.noun} is ${participle(act)} twice${scope}. ${upperFirst(where)} first records a claim keyed by ${key} with a conditional insert, so a retry, a second claimant or a worker taking over after a crash finds the claim and stops. A claim whose holder went silent passes on only under a higher fencing token, which the store checks on the old holder's later writes. What goes out carries the same key, never an attempt number, so the party it reaches drops a repeat; once holds for an outside effect only where that party deduplicates by the key.`,
      archetype: at?.p.archetype ?? first.archetype,
      because,
      ...(at?.op.mechanism ? { keptBy: at.op.mechanism } : {}),
    };
  }
  if (g.kind !== "last-known") {
    // a rule about one kind of thing sits on the write that names the thing and does what the rule constrains (the
    // publish of the output, the assignment of the order), else one that names the thing, else one that does it
    const rule = statedRule(g);
    // a capacity's rule is about what holds the capacity (a node's memory sits on the node's record), else what takes it
    const thing =
      g.kind === "capacity"
        ? (g.scope ?? g.noun ?? g.capacity)
        : g.kind === "rebuilt-from"
          ? g.source
          : g.kind === "replay-from"
            ? "event"
            : g.kind === "fenced-takeover"
              ? "resource"
              : g.kind === "copies-within"
                ? (g.noun ?? "version")
                : g.kind === "one-answer"
                  ? "record"
                  : g.kind === "resume-from"
                    ? "checkpoint"
                    : g.noun;
    const head = thing.split(" ").pop() ?? thing;
    const noun = pattern(String.raw`\b${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\b`, "i");
    const counted =
      g.kind === "capacity" && g.scope && g.noun
        ? pattern(String.raw`\b${(g.noun.split(" ").pop() ?? g.noun).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\b`, "i")
        : undefined;
    const owner = rule.owner ? pattern(String.raw`\b${rule.owner.replace(/[^a-z -]/gi, "")}s?\b`, "i") : undefined;
    const at =
      (rule.onKeeper ? writes.find((x) => x.op.mechanism === rule.keeper) : undefined) ??
      // (the carriers in their order: a data write's pipeline before a metadata log's consensus)
      rule.carriers?.map((id) => writes.find((x) => x.op.mechanism === id)).find((x) => x !== undefined) ??
      // (a lock the design grants by a lease is held through its lease record: the rule sits on the lease's grant)
      rule.grantedBy
        ?.map((id) =>
          writes.find(
            (x) => x.op.mechanism === id && (noun.test(x.op.phrase) || playsOf(x.op.entity)?.includes(head) === true),
          ),
        )
        .find((x) => x !== undefined) ??
      (owner && writes.find((x) => owner.test(x.op.phrase) && x.op.mechanism === rule.keeper)) ??
      (owner && writes.find((x) => owner.test(x.op.phrase) && rule.at.test(x.op.phrase))) ??
      writes.find((x) => noun.test(x.op.phrase) && rule.at.test(x.op.phrase)) ??
      // a count of things a holder has ("never sell more of an item than a store has") is spent where one of those
      // things is reserved or held (the stock row's reserve), not on another write that names the holder (the
      // store accepting an order)
      (counted && writes.find((x) => counted.test(x.op.phrase) && TAKES_SHARE.test(x.op.phrase))) ??
      writes.find((x) => x.op.mechanism === rule.keeper && noun.test(x.op.phrase)) ??
      writes.find((x) => x.op.mechanism === rule.keeper) ??
      writes.find((x) => noun.test(x.op.phrase)) ??
      writes.find((x) => rule.at.test(x.op.phrase)) ??
      // failing all of those, the first write the design walks, so the rule still names the record it sits on
      writes[0];
    // a keeper the design already carries on that write keeps the rule as it keeps it (an auction's sequenced bids)
    const by =
      [...(rule.keepers ?? []), ...(rule.grantedBy ?? [])].find((id) => id === at?.op.mechanism) ?? rule.keeper;
    return {
      path: at?.p.name ?? first.name,
      statement: rule.statement(at ? entityWords(at.op.entity) : undefined, by),
      archetype: at?.p.archetype ?? first.archetype,
      because,
      keptBy: by,
    };
  }
  // the copies are kept current by the write that carries changes to them (a watch stream, a projector), so the
  // rule that they outlive the source is said there
  const at =
    writes.find(
      (x) => PROPAGATING_MECHANISMS.includes(x.op.mechanism as MechanismId) && x.op.mechanism !== "version-check",
    ) ??
    writes.find((x) => x.op.mechanism !== undefined && DELIVERING_MECHANISMS.has(x.op.mechanism as MechanismId)) ??
    writes[0];
  return {
    path: at?.p.name ?? first.name,
    statement: `While the ${g.dependency} is down, every client keeps serving the last ${g.what} it applied, across its own restart too. Each ${at ? entityWords(at.op.entity) : "version"} it applies is written to a local file before it is served and read back at start-up, so a process that restarts during the outage serves that snapshot; it falls back to built-in defaults only if it never held one.`,
    archetype: at?.p.archetype ?? first.archetype,
    because,
    ...(at?.op.mechanism ? { keptBy: at.op.mechanism } : {}),
  };
}

/**
 * The at-least-once rule that consumers tolerate a repeat, placed on the first critical path that delivers messages
 * (one of its operations is carried by a delivering mechanism — a log, an outbox, a projector, a claimed run — or writes a
 * message or event itself) and said
 * of what that operation writes. A path that only writes a store by a conditional update, a snapshot or a quorum write
 * delivers nothing, so with no delivering path the rule is stated only where the prompt itself states the stance (on
 * the first path); otherwise there is no such rule.
 */
function deliveredRepeat(
  f: Parameters<(typeof invariantsField)["derive"]>[0],
  first: Paths[number],
  stated: boolean,
): (Omit<InvariantRow, "because"> & { because: string }) | undefined {
  const byPhrase = new Map(f.operations.map((o) => [o.phrase, o]));
  for (const p of f.criticalPaths) {
    const op = p.operations.map((x) => byPhrase.get(x)).find((o) => o !== undefined && delivers(o));
    if (!op) continue;
    return {
      path: p.name,
      statement: repeatStatement(entityWords(op.entity)),
      archetype: p.archetype,
      because: `'${shortName(op.phrase)}' is delivered by ${op.mechanism}`,
    };
  }
  const subject = entityWords(first.operations.map((x) => byPhrase.get(x)?.entity).find(Boolean) ?? "record");
  // a projector or consumer group off the critical paths consumes the truth's changes: the first path's change is
  // what it is handed
  const consumer = f.operations.find(
    (o) => o.mechanism === "projector-checkpoint" || o.mechanism === "consumer-offsets",
  );
  if (!stated && !consumer) return undefined;
  return {
    path: first.name,
    statement: repeatStatement(subject),
    archetype: first.archetype,
    because: consumer
      ? `its changes are handed to '${shortName(consumer.phrase)}' (${consumer.mechanism})`
      : "the prompt states the stance, though no path of this design hands messages to a consumer",
  };
}

/** An operation that hands a message on: carried by a delivering mechanism, or writing a message or event itself. */
export function delivers(o: { mechanism?: string; entity: string; operation: string }): boolean {
  if (o.mechanism !== undefined && DELIVERING_MECHANISMS.has(o.mechanism as MechanismId)) return true;
  return (
    o.operation !== "read source" &&
    o.operation !== "read projection" &&
    /\b(?:message|event)$/.test(entityWords(o.entity))
  );
}

/** "An acknowledged host state change is never lost …"; a message-like subject is the change itself (a change event). */
const repeatStatement = (subject: string) =>
  `An acknowledged ${/\b(?:event|message|record|entry|result|notification|delivery)$/.test(subject) ? subject : `${subject} change`} is never lost; it may be delivered again, and every consumer tolerates the repeat.`;

/** A stated rate per scope: "requests_per_sec_per_key" stated as "1,000 requests per minute". */
const RATE_PER_SCOPE = /_per_sec_per_([a-z]+)$/;

/**
 * A rule that bounds a rate, said in the prompt's own figure where it states one per scope: "Each key's Budget admits
 * at most 1,000 requests per minute …, counted across all 30 gateway nodes" (the card's `invariantRates`).
 */
/**
 * The rule a stated freshness bound makes ('a price change must be visible within 1 second'), said in the prompt's
 * own words on the path that carries a committed change to the copies readers are served from (the first that a
 * propagating mechanism keeps: a delete on change, a projector's checkpoint, a watch stream), kept by that mechanism.
 * None where no path carries changes to copies, or where a subject's own rule already spends the bound in its words.
 */
function freshnessRule(
  f: Parameters<(typeof invariantsField)["derive"]>[0],
  subject: string,
): InvariantRow | undefined {
  const bound = f.nfrs.scale[FRESHNESS_QUANTITY];
  if (bound?.source !== "stated") return undefined;
  // only where the bound set the delivery stance (the archetype's own default would drop a change): a subject built
  // around its freshness (a log index, a flag relay, a shown count) already carries each change at least once and
  // spends the bound in its own rule
  const d = f.nfrs.delivery;
  if (d.source !== "default" || d.value !== "at-least-once" || !d.because.includes(`'${bound.quote}'`))
    return undefined;
  // the change log and its checkpoint are a cache tier's in front of a database of record; an edge network spends the
  // bound on its purge fan-out instead
  if (!(f.nfrs.topics ?? []).some((t) => t.value === "cache-aside")) return undefined;
  const carried = PROPAGATING_MECHANISMS.flatMap((id) =>
    f.operations.filter((o) => o.mechanism === id).map((o) => ({ id, o })),
  ).find(({ o }) => f.criticalPaths.some((p) => p.operations.includes(o.phrase)));
  if (!carried) return undefined;
  const path = f.criticalPaths.find((p) => p.operations.includes(carried.o.phrase));
  if (!path) return undefined;
  return {
    path: path.name,
    statement: `Every committed ${subject} change reaches every copy readers are served from within ${spokenSeconds(bound.value)}, the stated bound ('${bound.quote}'). The change travels at least once on a durable change log read from a checkpoint, and applying it twice does no harm.${carried.id === "cache-invalidation" ? " A fill never stores a version older than the newest change it was told of." : ""}`,
    archetype: path.archetype,
    because: `the prompt bounds how soon a change is visible ('${bound.quote}'), and '${path.name}' carries each change to the copies`,
    keptBy: carried.id,
  };
}

/** A time bound in seconds as said aloud: "1 second", "2 seconds", "500 ms". */
const spokenSeconds = (s: number): string =>
  s >= 1 ? `${s} second${s === 1 ? "" : "s"}` : `${Math.round(s * 1000)} ms`;

function statedRate<T extends { statement: string; archetype: InvariantRow["archetype"]; because: string }>(
  row: T,
  scale: Parameters<(typeof invariantsField)["derive"]>[0]["nfrs"]["scale"],
): T {
  const bound = (archetype(row.archetype).invariantRates ?? []).find((x) => x.statement === row.statement);
  if (!bound) return row;
  const rate = Object.entries(scale).find(([k, v]) => RATE_PER_SCOPE.test(k) && v.source === "stated");
  if (!rate) return row;
  const scope = RATE_PER_SCOPE.exec(rate[0])?.[1] ?? "scope";
  const nodes = scale.nodes?.source === "stated" ? scale.nodes : undefined;
  // a stated overshoot bound ("a merchant may exceed its limit by at most 2%") is how far past that figure the fleet
  // may admit: the same rule, said with its tolerance in the prompt's words
  const over = scale.overshoot_bound_share?.source === "stated" ? scale.overshoot_bound_share : undefined;
  const statement = `${bound.stated
    .replace("{scope}", scope)
    // the figure itself, without the owner's words a limit may be quoted with ("per-merchant limits of 600 requests …")
    .replace("{rate}", rate[1].quote.replace(/^[^\d]*(?=\d)/, ""))
    .replace("{nodes}", nodes ? `all ${nodes.quote}` : "every enforcing node")}${
    over
      ? ` The fleet together never admits a ${scope} more than ${+(over.value * 100).toPrecision(3)}% past that figure in a window, the stated bound ('${over.quote}').`
      : ""
  }`;
  return {
    ...row,
    statement,
    because: `${row.because}; said in the prompt's own figures ('${rate[1].quote}'${nodes ? `, '${nodes.quote}'` : ""}${over ? `, '${over.quote}'` : ""})`,
  };
}
