import { ARCHITECTURE } from "../../knowledge/architecture/index.js";
import { COVERAGE, coverageOf, variantOf } from "../../knowledge/covers.js";
import { conditionsOf, decisionPoints } from "../../knowledge/decisions/index.js";
import { asksForMachinery, FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { ARCHETYPE_BY_ID } from "../../knowledge/index.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { STANCES } from "../../knowledge/stances.js";
import {
  designTopicsSpoken,
  designTopicsUnspoken,
  fitsTopics,
  TOPIC_MEANING,
  topicsSpoken,
  unspokenBesides,
} from "../../knowledge/topics.js";
import { topicalTopology } from "../../knowledge/topology.js";
import { recordCarried } from "../architecture.js";
import { compositionRole } from "../composition.js";
import type { Deriver } from "../design/graph.js";
import type { DesignArchetype, Fields } from "../design/types.js";
import { statedNfrsOf } from "../nfr-parse.js";
import { lowFitNote, nounFit } from "../noun-fit.js";
import { fillTerms, recognizeProduct } from "../product/index.js";
import { bareProductRecord } from "../product/record.js";
import { classify } from "../recognize/index.js";
import { onCardAlone, onFallbackAlone } from "../recognize/recognize.js";

const MAX_ARCHETYPES = 5;
/** Own words this strong name an archetype outright (a system or component named in full), not by a loose phrase. */
const NAMED_OUTRIGHT = 0.9;
/** Own words below this are one weak phrase at most: the archetype is there through the lead's card, not the prompt. */
const ONE_PHRASE = 0.5;

/**
 * A product-first design's substrates in the order its features' critical actions need them (the
 * seat hold's lease before the search index), each carrying the action that makes it critical;
 * a critical substrate the recogniser did not rank is added. Others keep their order after them.
 */
function byCriticalActions(
  recognised: Fields["archetypes"],
  features: Fields["features"],
  prompt: string,
): Fields["archetypes"] {
  const critical: { id: ArchetypeId; why: string }[] = [];
  // an action marked with a subject the prompt does not speak of is not the design's (a top-up of points only earned)
  const unspoken = unspokenBesides(topicsSpoken(prompt));
  for (const row of features) {
    const feature = FEATURE_BY_ID.get(row.id);
    for (const a of feature?.actions ?? []) {
      if (!a.critical || !fitsTopics(a, unspoken) || critical.some((c) => c.id === a.substrate)) continue;
      critical.push({
        id: a.substrate,
        // the action in the design's own words (its item a seat, a time slot), its article agreeing ("an item")
        why: `${feature?.name}: a critical action ('${fillTerms(a.action, row.terms).replace(/[{}]/g, "")}') rests on it`,
      });
    }
  }
  if (critical.length === 0) return recognised;
  const top = Math.max(0, ...recognised.map((a) => a.score));
  const lead = critical.flatMap((c) => {
    const have = recognised.find((a) => a.id === c.id);
    if (have) return [{ ...have, evidence: [c.why, ...have.evidence] }];
    const entry = ARCHETYPE_BY_ID.get(c.id);
    return entry ? [{ id: c.id, name: entry.name, role: "substrate" as const, score: top, evidence: [c.why] }] : [];
  });
  const rest = recognised.filter((a) => !critical.some((c) => c.id === a.id));
  return [...lead, ...rest].slice(0, Math.max(MAX_ARCHETYPES, lead.length));
}

/**
 * An archetype-led design without the supporting archetypes whose role the dominant's own variant plays
 * (`knowledge/covers.ts`): each is named on the dominant's row with the part that covers it, and adds no
 * components, paths, invariants, numbers or decisions of its own.
 */
function withoutCovered(archetypes: Fields["archetypes"], prompt: string): Fields["archetypes"] {
  if (archetypes[0] === undefined) return archetypes;
  const unspoken = designTopicsUnspoken(prompt, []);
  // a product the prompt names by one of a substrate's own subjects (an online auction: bids on one item decided by
  // its one owner, a variant of the shared subject) is that subject: its substrate leads the others, and what its
  // variant covers is not drawn again (the auction's own close timer, not a cron scheduler)
  const subjectLed =
    archetypes[0].role === "dominant"
      ? undefined
      : archetypes.find(
          (a) =>
            a.role === "substrate" &&
            variantOf(a.id, unspoken) !== undefined &&
            archetypes.some((b) => b !== a && coverageOf(a.id, b.id, unspoken, prompt) !== undefined),
        );
  const [first, ...rest] = subjectLed ? [subjectLed, ...archetypes.filter((a) => a !== subjectLed)] : archetypes;
  if (first === undefined || (first.role !== "dominant" && !subjectLed)) return archetypes;
  const v = variantOf(first.id, unspoken);
  const lead = v
    ? {
        ...first,
        variant: { topic: v.topic, subject: v.subject, summary: [...v.summary], absorbs: [...v.absorbs] },
      }
    : first;
  if (rest.length === 0) return v ? [lead] : archetypes;
  const covers: NonNullable<Fields["archetypes"][number]["covers"]> = [];
  const kept = rest.filter((a) => {
    const c = coverageOf(lead.id, a.id, unspoken, prompt);
    if (!c) return true;
    covers.push({ id: a.id, name: a.name, role: a.role, score: a.score, evidence: a.evidence, because: c.because });
    return false;
  });
  if (covers.length === 0) return v ? [lead, ...rest] : archetypes;
  return [{ ...lead, covers }, ...kept];
}

/**
 * An archetype-led design whose recognised dominant is a part that a subject the prompt's own words name already
 * plays (`knowledge/covers.ts`: a count shown beside each post keeps its running totals in a key-value count store,
 * so "a distributed counter service for likes" is the counting pipeline, not a general replicated key-value store):
 * the subject's archetype leads, recognised or not, and the others take the role their connection to it gives, so
 * `withoutCovered` then names the old dominant as covered. Only a coverage row that says so (`leads`) moves the lead;
 * a work queue that covers a scheduler's due-time release leaves a scheduler-led design as it is. Words that ask for the covered part's own need
 * (`unless`: a key-value store named outright, writes taken in every region) keep the recognised dominant.
 */
function subjectLeads(archetypes: Fields["archetypes"], prompt: string): Fields["archetypes"] {
  const [first, ...rest] = archetypes;
  if (first === undefined || first.role !== "dominant") return archetypes;
  const unspoken = designTopicsUnspoken(prompt, []);
  const c = COVERAGE.find(
    (x) =>
      x.leads === true &&
      x.covers === first.id &&
      x.topic !== undefined &&
      coverageOf(x.by, first.id, unspoken, prompt) === x,
  );
  const entry = c ? ARCHETYPE_BY_ID.get(c.by) : undefined;
  if (!c?.topic || !entry) return archetypes;
  const why = `the prompt speaks of its subject (${TOPIC_MEANING[c.topic]}), whose own parts play ${first.id} ${first.name}: ${c.because}`;
  const have = rest.find((a) => a.id === c.by);
  const lead = have
    ? {
        ...have,
        role: "dominant" as const,
        score: Math.max(have.score, first.score),
        evidence: [why, ...have.evidence],
      }
    : { id: c.by, name: entry.name, role: "dominant" as const, score: first.score, evidence: [why] };
  const others = [first, ...rest.filter((a) => a.id !== c.by)].map((a) => {
    const card = ARCHETYPE_BY_ID.get(a.id);
    const role = card ? compositionRole(entry, card)?.role : undefined;
    return { ...a, role: role ?? (a.role === "dominant" ? "substrate" : a.role) };
  });
  return [lead, ...others].slice(0, MAX_ARCHETYPES);
}

/**
 * Kinds of component a part draws in the design's subject, clients aside (every part has its callers).
 */
function drawnKinds(id: ArchetypeId, unspoken: ReturnType<typeof designTopicsUnspoken>) {
  const t = ARCHITECTURE[id];
  return t ? topicalTopology(t, unspoken).components.filter((c) => c.kind !== "client") : [];
}

/**
 * Why a supporting archetype of an archetype-led design adds nothing of its own, or undefined when it keeps its
 * parts: `drop` when neither card records a connection to the lead and the prompt does not name it outright (a
 * document sequencer read from 'conflict resolution' beside a key-value store, a telemetry pipeline from 'time …
 * service'); `cover` when it is an output joined on one weak phrase at most, and the lead already reaches an outside
 * party itself and draws a component of every kind the output would add (a cron's worker pool, job target and claim
 * sweeper are the workflow's relay, outside system and reconciler: a second set would duplicate them); `cover` too
 * for a substrate or decorator joined on one weak phrase at most where the lead draws a component of every kind it
 * would add (a consensus store's followers and session loop beside a config service's own consensus-backed store):
 * it is on none of the lead's paths, so its parts, decisions and figures would be a neighbouring subject's.
 */
export function thinPart(
  lead: Pick<Fields["archetypes"][number], "id">,
  a: Pick<Fields["archetypes"][number], "id" | "role" | "own" | "score">,
  unspoken: ReturnType<typeof designTopicsUnspoken>,
  prompt: string,
): { kind: "drop" | "cover"; because: string } | undefined {
  if (a.own === undefined) return undefined;
  const leadCard = ARCHETYPE_BY_ID.get(lead.id);
  const card = ARCHETYPE_BY_ID.get(a.id);
  if (!leadCard || !card) return undefined;
  // the only owner of a stated clause is never thin, however few words name it: "applies route changes made by
  // operators within 5 seconds" is a bound on spreading a change that a gateway's own card decides nothing by, while
  // its control-plane companion's push-or-poll and rollout questions are decided by it
  if (soleOwnerOfStated(lead.id, a.id, prompt) !== undefined) return undefined;
  const link = compositionRole(leadCard, card);
  if (!link) {
    if (a.own >= NAMED_OUTRIGHT) return undefined;
    return {
      kind: "drop",
      because: `neither ${leadCard.name} nor ${card.name} records a connection to the other, and the prompt's own words for it score ${a.own}, below the ${NAMED_OUTRIGHT} of a part named outright`,
    };
  }
  if (a.own >= ONE_PHRASE) return undefined;
  const cover = coverOf(leadCard, a, link.why, unspoken, lead.id);
  if (cover) return cover;
  // one the lead's card names a usual companion, and nothing else, that the lead does not already play: no word of the
  // prompt and no cue of a need reaches it (a due-time poller and cron API beside a transcoding fleet, a second log
  // cluster beside an aggregation pipeline's own event log, a config rollout beside a CDN's purge plane), so its parts
  // would be a neighbouring subject's template
  if (onCardAlone(a))
    return {
      kind: "drop",
      because: `${leadCard.name} usually composes with it (${link.why}), but no word of the prompt speaks for it (its own words score 0) and no cue makes it a need of the lead, so nothing the prompt asks reaches its parts`,
    };
  return undefined;
}

/** The quantities an archetype's own decision points are decided by where the prompt states them (`{ stated: q }`). */
function statedDeciders(id: ArchetypeId): ReadonlySet<string> {
  const seen = STATED_DECIDERS.get(id);
  if (seen) return seen;
  const known = new Set<string>(
    decisionPoints(id).flatMap((p) =>
      conditionsOf(p).flatMap((c) => ("stated" in c && typeof c.stated === "string" ? [c.stated] : [])),
    ),
  );
  STATED_DECIDERS.set(id, known);
  return known;
}
const STATED_DECIDERS = new Map<ArchetypeId, ReadonlySet<string>>();

/**
 * A quantity the prompt states (a bound such as "within 5 seconds") that a supporting archetype's own decisions are
 * decided by and the lead's are not, or undefined: that archetype is the only part of the design that owns the
 * clause, so it is drawn whatever its words score.
 */
export function soleOwnerOfStated(lead: ArchetypeId, a: ArchetypeId, prompt: string): string | undefined {
  const theirs = statedDeciders(a);
  if (theirs.size === 0) return undefined;
  const mine = statedDeciders(lead);
  const scale = statedNfrsOf(prompt).scale as Readonly<Record<string, unknown>>;
  return [...theirs].find((q) => !mine.has(q) && scale[q] !== undefined);
}

/** The lead's own parts that play a thinly joined supporting archetype's role, or undefined (`thinPart`'s covers). */
function coverOf(
  leadCard: { name: string },
  a: Pick<Fields["archetypes"][number], "id" | "role" | "own">,
  why: string,
  unspoken: ReturnType<typeof designTopicsUnspoken>,
  leadId: ArchetypeId,
): { kind: "cover"; because: string } | undefined {
  const lead = { id: leadId };
  const link = { why };
  // a substrate or decorator joined on one weak phrase at most is on none of the lead's paths where the lead already
  // draws a part of every kind it would add (a configuration store's consensus group and its loops beside a config
  // service's own consensus-backed store and rollout controller; a scheduler's poller and sweeper beside a
  // notification pipeline's router and retry loop): a second set would be a neighbouring subject's parts
  if (a.role === "substrate" || a.role === "decorator") {
    const mine = drawnKinds(lead.id, unspoken);
    const theirs = drawnKinds(a.id, unspoken);
    const kind = (k: string) => (k === "replica-group" ? "store" : k);
    const kinds = new Set(theirs.map((c) => kind(c.kind)));
    if (theirs.length === 0 || [...kinds].some((k) => !mine.some((c) => kind(c.kind) === k))) return undefined;
    const parts = mine.filter((c) => kinds.has(kind(c.kind))).map((c) => c.name);
    return {
      kind: "cover",
      because: `${leadCard.name} already draws a part of every kind the ${a.role} would add (${parts.join(", ")}), and the prompt's own words for it score ${a.own}, below the ${ONE_PHRASE} of one phrase; the card's reason for it (${link.why}) is met by those parts, so no second set is drawn`,
    };
  }
  // an output carries what the lead emits to where it goes; where the lead already reaches that outside party
  // itself, an output joined on no words of its own would be a second path there (an input brings what the lead
  // lacks, a queue of pending work, and stays)
  if (a.role !== "output") return undefined;
  const mine = drawnKinds(lead.id, unspoken);
  const theirs = drawnKinds(a.id, unspoken);
  if (theirs.length === 0 || !mine.some((c) => c.kind === "external")) return undefined;
  const kinds = new Set(theirs.map((c) => c.kind));
  if ([...kinds].some((k) => !mine.some((c) => c.kind === k))) return undefined;
  const party = mine.filter((c) => c.kind === "external").map((c) => c.name);
  const parts = mine.filter((c) => c.kind !== "external" && kinds.has(c.kind)).map((c) => c.name);
  return {
    kind: "cover",
    because: `${leadCard.name} already reaches the outside party itself (${party.join(", ")}) and draws a part of every kind the output would add (${parts.join(", ")}); the card's reason for it (${link.why}) is met by those parts, and the prompt asks nothing more of it, so no second set is drawn`,
  };
}

/**
 * An archetype-led design without the supporting archetypes that joined on too little to add parts of their own
 * (`thinPart`): one the lead's own components already play is named on the lead's row as covered; one with no
 * recorded connection to the lead is named in the lead's evidence as not drawn.
 */
function withoutThin(archetypes: Fields["archetypes"], prompt: string): Fields["archetypes"] {
  const [lead, ...rest] = archetypes;
  if (lead === undefined || lead.role !== "dominant" || rest.length === 0) return archetypes;
  const unspoken = designTopicsUnspoken(prompt, []);
  const covers: NonNullable<Fields["archetypes"][number]["covers"]> = [];
  const dropped: string[] = [];
  const kept = rest.filter((a) => {
    const thin = thinPart(lead, a, unspoken, prompt);
    if (!thin) return true;
    if (thin.kind === "cover")
      covers.push({
        id: a.id,
        name: a.name,
        role: a.role,
        score: a.score,
        evidence: a.evidence,
        because: thin.because,
      });
    else dropped.push(`${a.id} ${a.name} is not drawn: ${thin.because}`);
    return false;
  });
  // a row joined on few words of its own that is kept as the only owner of a stated clause says so
  const owners = kept.map((a) => {
    const q = a.own !== undefined && a.own < ONE_PHRASE ? soleOwnerOfStated(lead.id, a.id, prompt) : undefined;
    const quote = q ? statedNfrsOf(prompt).scale[q]?.quote : undefined;
    if (!quote) return a;
    const why = `${a.id} ${a.name} is drawn though few words of the prompt name it: its own decisions are decided by the stated '${quote}' (${q}) and ${lead.id}'s are not, so it is the only part that owns that clause`;
    return { ...a, evidence: [...a.evidence, why] };
  });
  if (kept.length === rest.length && owners.every((a, i) => a === kept[i])) return archetypes;
  return [
    {
      ...lead,
      evidence: [...lead.evidence, ...dropped],
      ...(covers.length > 0 || lead.covers ? { covers: [...(lead.covers ?? []), ...covers] } : {}),
    },
    ...owners,
  ];
}

/**
 * An archetype-led design without a supporting archetype that only one option of the lead's own decisions composes
 * (the queue a releaser moves due runs onto), where another option of that decision keeps the work in the lead (workers
 * claim runs in the run store), the supporting archetype's own delivery is at least once (a work queue hands a message
 * out again once its visibility timeout lapses) and the prompt states at-most-once delivery: drawing it would put a
 * redelivering hop and a second consumption model beside the lead's claim, which marks a run started before the
 * effect and never fires it again. The lead's row names it as not drawn, with why; the decision then keeps the work in
 * the lead (coherence `option-not-carried` holds the two together).
 */
function withoutRedeliveryAgainstStated(archetypes: Fields["archetypes"], prompt: string): Fields["archetypes"] {
  const [lead, ...rest] = archetypes;
  if (lead === undefined || lead.role !== "dominant" || rest.length === 0) return archetypes;
  if (statedNfrsOf(prompt).delivery?.value !== "at-most-once") return archetypes;
  const dropped: string[] = [];
  const kept = rest.filter((a) => {
    if (a.role === "dominant" || STANCES[a.id]?.delivery !== "at-least-once") return true;
    const point = decisionPoints(lead.id).find(
      (p) =>
        p.options.some((o) => o.implies?.composes?.includes(a.id)) &&
        p.options.some((o) => (o.implies?.composes ?? []).length === 0),
    );
    if (!point) return true;
    const own = point.options.find((o) => (o.implies?.composes ?? []).length === 0);
    dropped.push(
      `${a.id} ${a.name} is not drawn: the prompt states at-most-once delivery, and ${a.name} hands work out at least once (a message whose lease lapses is delivered again), so due work stays with ${lead.id}'s own option '${own?.name}' (${point.id}), which takes each item once and reports one whose outcome is unknown instead of handing it out again`,
    );
    return false;
  });
  if (dropped.length === 0) return archetypes;
  return [{ ...lead, evidence: [...lead.evidence, ...dropped] }, ...kept];
}

/**
 * Each archetype every feature resting on it keeps in a record of its own (`recordCarried`: a driver's state row is
 * the driver's lease) says so: it is drawn, sized and decided through that record, not as machinery of its own.
 */
function withRecordsNamed(archetypes: Fields["archetypes"], features: Fields["features"]): Fields["archetypes"] {
  return archetypes.map((a) => {
    const carried = recordCarried(features, a.id);
    if (!carried) return a;
    const said = carried.map((c) => `${a.id} ${a.name} is kept in ${c.feature}'s ${c.entity}: ${c.why}`);
    return { ...a, evidence: [...a.evidence, ...said] };
  });
}

/**
 * The recognised archetypes without a supporting one a design's feature carries itself (`carries`: who is in a
 * document lives in its session's memory, so no consensus registry of presence is drawn beside it), unless it
 * leads the design or another feature rests on it.
 */
function withoutCarried(recognised: Fields["archetypes"], features: Fields["features"]): Fields["archetypes"] {
  const rests = new Set(features.flatMap((row) => row.substrates.map((s) => s.id)));
  const carried = new Map(
    features.flatMap((row) => {
      const feature = FEATURE_BY_ID.get(row.id);
      return (feature?.carries ?? []).map((c) => [c.id as string, `${feature?.name}: ${c.why}`] as const);
    }),
  );
  if (carried.size === 0) return recognised;
  const gone = recognised.filter((a, i) => i > 0 && a.role !== "dominant" && carried.has(a.id) && !rests.has(a.id));
  const [lead, ...rest] = recognised;
  if (gone.length === 0 || !lead) return recognised;
  const why = gone.map((a) => `${a.id} ${a.name} is not drawn: ${carried.get(a.id)}`);
  return [{ ...lead, evidence: [...lead.evidence, ...why] }, ...rest.filter((a) => !gone.includes(a))];
}

type ArchetypeRow = Fields["archetypes"][number];

/**
 * The first feature whose own record realizes `row`'s archetype (unless the prompt asks for that archetype's
 * machinery), with the `realizes` value the lead row carries and the evidence line that says it.
 */
function realizationOf(row: ArchetypeRow, features: Fields["features"], prompt: string) {
  for (const f of features) {
    const feature = FEATURE_BY_ID.get(f.id);
    const r = feature?.realizes?.find((x) => x.id === row.id);
    if (!feature || !r || asksForMachinery(r, prompt)) continue;
    const entity = fillTerms(r.entity, f.terms);
    const because = fillTerms(r.why, f.terms);
    const realizes = {
      id: row.id,
      name: row.name,
      evidence: row.evidence,
      feature: f.id,
      featureName: f.name,
      entity,
      demand: fillTerms(r.demand, f.terms),
      because,
    };
    return { feature, realizes, said: `${row.id} ${row.name} is realized by ${f.name}'s ${entity}: ${because}` };
  }
  return undefined;
}

/**
 * A mixed design whose dominant archetype came from a demand ("never double-books") that a recognised feature's own
 * record already enforces in the system of record (`realizes`: room-night counts changed in one transaction): the
 * feature leads, composed as a product design, and the dominant row stays as the archetype that record realizes,
 * in the role the feature gives it; unless the prompt asks for the archetype's own machinery (a lock, a lease).
 */
function realizedByFeature(
  recognised: Fields["archetypes"],
  features: Fields["features"],
  prompt: string,
): Fields["archetypes"] | undefined {
  const [lead, ...rest] = recognised;
  if (lead?.role !== "dominant") return undefined;
  const found = realizationOf(lead, features, prompt);
  if (!found) return undefined;
  // it stays, in the role the feature gives it, only where a critical action rests on it (a seat hold)
  const unspoken = unspokenBesides(topicsSpoken(prompt));
  const critical = features.some((x) =>
    FEATURE_BY_ID.get(x.id)?.actions.some((a) => a.critical && a.substrate === lead.id && fitsTopics(a, unspoken)),
  );
  const role = found.feature.substrates.find((s) => s.id === lead.id)?.role ?? "substrate";
  const kept = critical ? [{ ...lead, role }, ...rest] : rest;
  const [first, ...others] = byCriticalActions(kept, features, prompt);
  if (!first) return undefined;
  return [{ ...first, evidence: [...first.evidence, found.said], realizes: found.realizes }, ...others];
}

/**
 * A product-first design whose lead substrate a feature's own record realizes (a seat hold is a conditional write on
 * the seat's row, not a lease service): the lead row names it (`realizes`) with that record, as a mixed design's does,
 * so the archetype draws, decides and sizes nothing of its own; unless the prompt asks for its machinery (a lock, a
 * lease).
 */
function realizedInProduct(
  ordered: Fields["archetypes"],
  features: Fields["features"],
  prompt: string,
): Fields["archetypes"] | undefined {
  const [first, ...others] = ordered;
  const found = first && realizationOf(first, features, prompt);
  if (!first || !found) return undefined;
  return [{ ...first, evidence: [...first.evidence, found.said], realizes: found.realizes }, ...others];
}

/**
 * A product's substrates without those only the no-feature fallback placed, where they would answer a question the
 * prompt never asked:
 * - beside a product feature (a photo-sharing app's media upload and delivery), every such row: recognition's table
 *   named no feature, but the product's own reading found one, whose card names the substrates it rests on and draws
 *   its own service, store and cache; the fallback's generic parts (a projection pipeline, a replicated key-value
 *   store's coordinators and partition map, a cache cluster) would be drawn beside them for no word of the prompt;
 * - for a bare product (no feature), those that bring machinery of their own (a projection pipeline's change log,
 *   projector workers and search index beside a pastebin): the product's record is drawn as its own service, cache
 *   and store, which play the fallback's key-scoped state and cache, and nothing the prompt names, states or demands
 *   asks for lists or searches over derived views.
 * The first row kept names each one left out.
 */
function withoutGuessedMachinery(
  recognised: Fields["archetypes"],
  prompt: string,
  branch: Fields["branch"]["kind"],
  features: Fields["features"],
): { rows: Fields["archetypes"]; why: { id: ArchetypeId; text: string }[] } {
  if (branch !== "product") return { rows: recognised, why: [] };
  const beside = features.length > 0;
  if (!beside && !bareProductRecord(prompt, branch, 0)) return { rows: recognised, why: [] };
  const unspoken = designTopicsUnspoken(prompt, []);
  const machinery = (id: ArchetypeId) =>
    drawnKinds(id, unspoken).some((c) => c.kind === "worker-pool" || c.kind === "log");
  const gone = recognised.filter((a) => onFallbackAlone(a) && (beside || machinery(a.id)));
  const kept = recognised.filter((a) => !gone.includes(a));
  const why = gone.map((a) => ({
    id: a.id,
    text: beside
      ? `${a.id} ${a.name} is not drawn: only the fallback for a product that names no feature placed it, and the product's features (${features.map((f) => f.name).join(", ")}) name the substrates they rest on and draw their own stores; no word of the prompt asks for its parts`
      : `${a.id} ${a.name} is not drawn: only the fallback for a product that names no feature placed it, and the product's own record already plays the state and cache it stands for; no word of the prompt asks for its machinery`,
  }));
  // beside features every row may go: the features' own substrates are ordered in after this (`byCriticalActions`)
  return { rows: beside || kept.length > 0 ? kept : recognised, why: beside || kept.length > 0 ? why : [] };
}

/** The notes of rows left out, on the first row: of those a feature's critical action has not brought back. */
function noted(rows: DesignArchetype[], why: readonly { id: ArchetypeId; text: string }[]): DesignArchetype[] {
  const [first, ...rest] = rows;
  const said = why.filter((w) => !rows.some((r) => r.id === w.id)).map((w) => w.text);
  return first && said.length > 0 ? [{ ...first, evidence: [...first.evidence, ...said] }, ...rest] : rows;
}

/**
 * The dominant row with a low-confidence note when the prompt's distinctive nouns ('window', 'player') are records or
 * operations of no row its card draws under the design's subjects (`engine/noun-fit.ts`): the kind was read from
 * an incidental word, and the note names what the design may not cover.
 */
function withNounFit(
  archetypes: Fields["archetypes"],
  prompt: string,
  features: Fields["features"],
): Fields["archetypes"] {
  const [lead, ...rest] = archetypes;
  if (lead?.role !== "dominant") return archetypes;
  const topics = designTopicsSpoken(prompt, features).map((t) => t.value);
  const subject = lead.variant ? [lead.variant.subject, ...lead.variant.summary] : [];
  const note = lowFitNote(lead.id, nounFit(prompt, lead.id, topics, subject));
  return note ? [{ ...lead, evidence: [...lead.evidence, note] }, ...rest] : archetypes;
}

export const archetypesField: Deriver<"archetypes"> = {
  field: "archetypes",
  category: "Classified",
  reads: ["prompt", "branch", "features"],
  rule: "the archetype with the strongest signals dominates; others join with the role their knowledge-base connection gives (input, output, decorator, substrate), except one whose role the dominant's own variant already plays (a work queue's visibility timeout is the per-message lease), which is named on the dominant's row with the part that covers it and adds nothing else, a supporting one joined on one weak phrase at most whose parts the dominant already draws one of every kind of (a consensus store's followers and loops beside a config service's own consensus-backed store and rollout controller), which is named on the dominant's row as covered and adds nothing, a supporting one only the dominant's card names as a usual companion (no word of the prompt speaks for it and no cue made it a need: a due-time poller beside a transcoding fleet), which is named in the dominant's evidence as not drawn, a bare product's substrate only the no-feature fallback placed that brings machinery of its own (a search pipeline beside a pastebin's record), which is not drawn, and a supporting one whose concern a design's feature keeps in its own components and no feature rests on (a document's presence in its session's memory, not a registry). A product-first design orders its substrates by the features' critical actions that rest on them; so does a mixed design whose dominant archetype came from a demand that a recognised feature's own record enforces in the system of record (a feature's `realizes`: room-night counts changed in one transaction keep a room from being booked twice), unless the prompt asks for that archetype's own machinery (a lock, a lease): the dominant archetype stays, in the role the feature gives it, only where a critical action rests on it, the first row names it (`realizes`) with that record, and the design is composed as a product design",
  derive: (f) => withFeaturesNotDrawn(deriveArchetypes(f), f.prompt, f.branch.kind),
};

/**
 * The product features the prompt reaches only through a stray word, named on the first row as not drawn with why
 * (the features field leaves them out: `recognizeProduct`'s `notDrawn`); an infra ask whose subject is no named
 * product has no features to set aside.
 */
function withFeaturesNotDrawn(
  rows: DesignArchetype[],
  prompt: string,
  branch: "infra" | "product" | "mixed",
): DesignArchetype[] {
  const [first, ...rest] = rows;
  if (!first) return rows;
  const infra = branch === "infra";
  const r = recognizeProduct(prompt, { namedOnly: infra });
  if ((infra && !r.subjectIsProduct) || r.notDrawn.length === 0) return rows;
  return [{ ...first, featuresNotDrawn: r.notDrawn }, ...rest];
}

function deriveArchetypes(f: Parameters<Deriver<"archetypes">["derive"]>[0]): DesignArchetype[] {
  {
    const { rows: recognised, why } = withoutGuessedMachinery(
      withoutCarried(classify(f.prompt, { branch: f.branch.kind }).archetypes, f.features),
      f.prompt,
      f.branch.kind,
      f.features,
    );
    if (f.branch.kind === "product" && f.features.length > 0) {
      // (carried once more after the features' order: a lease the classifier led with, where no feature rests on it
      // and one keeps it in its own record, a stock count's conditional decrement, is no more drawn than a supporting one)
      const ordered = noted(
        withRecordsNamed(withoutCarried(byCriticalActions(recognised, f.features, f.prompt), f.features), f.features),
        why,
      );
      return realizedInProduct(ordered, f.features, f.prompt) ?? ordered;
    }
    const bare = noted(recognised, why);
    // (an infra prompt keeps features only where its subject is a named product or its head names a whole-system
    // feature, a URL shortener, whose record realizes the lead the same way)
    const realized = f.branch.kind !== "product" ? realizedByFeature(bare, f.features, f.prompt) : undefined;
    return withNounFit(
      realized ??
        withoutRedeliveryAgainstStated(
          withoutThin(withoutCovered(subjectLeads(bare, f.prompt), f.prompt), f.prompt),
          f.prompt,
        ),
      f.prompt,
      f.features,
    );
  }
}
