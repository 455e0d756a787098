import { ALIASES } from "../../knowledge/aliases.js";
import { CONTROL_OPERATIONS } from "../../knowledge/control-operations.js";
import { coverageOf } from "../../knowledge/covers.js";
import { DUE_TIME_ARCHETYPE } from "../../knowledge/defaults.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { fitsParty, type PartyKind } from "../../knowledge/parties.js";
import type { Archetype, ArchetypeId } from "../../knowledge/schema.js";
import { fitsTopics, offTopicNames, type Topic, type TopicMark, unspokenBesides } from "../../knowledge/topics.js";
import { grantedControls } from "../control-operations.js";
import type { Deriver } from "../design/graph.js";
import type { Fields, Requirement } from "../design/types.js";
import { statedNfrsOf } from "../nfr-parse.js";
import { featureLed, fillTerms } from "../product/index.js";
import { bareProductRecord, type ProductRecord } from "../product/record.js";
import { compiledSignals } from "../recognize/index.js";
import { buildIndex, findSignal, type Signal, type SignalIndex } from "../recognize/match.js";
import { tokenize } from "../recognize/tokens.js";
import { acksSpanRegions, ownsSpaceAcrossRegions } from "../regions.js";
import { archetype, depthFor, entityWords, meaningWords } from "./common.js";

let aliasSignals: { rows: { signal: Signal; row: (typeof ALIASES)[number] }[]; index: SignalIndex } | undefined;
/**
 * Each alias row's phrase as compiled with the recognition tables (a row whose phrase has no words has none),
 * indexed by first stem so a clause is matched against the phrases its words start, not against every one.
 */
function aliases() {
  if (!aliasSignals) {
    const rows = compiledSignals("aliases", ALIASES.length).flatMap((signals, i) =>
      signals.map((signal) => ({ signal, row: ALIASES[i] as (typeof ALIASES)[number] })),
    );
    aliasSignals = { rows, index: buildIndex(rows.map((r) => r.signal)) };
  }
  return aliasSignals;
}

/** The words a design ask opens with, before its subject ("Design a …"). */
const DESIGN_VERB = /^\s*(?:please\s+)?(?:design|build|create|implement|architect)\s+/i;
/** Where one clause ends and the next starts: punctuation, and (between asks) the words that join clauses. */
const CLAUSE_BREAK = /[,;:.]\s+|\s+(?:that|which|where|so that|and then|and|while|but)\s+/gi;
const PUNCTUATION_BREAK = /[,;:.]\s+/g;

/**
 * A prompt's clauses with where each starts in the prompt. `joins` also breaks at the words that join clauses
 * ("that", "and", "while"): each ask of a run-on sentence on its own (the requirements field); without it only
 * punctuation breaks, so a requirement clause keeps its subject with its verb ("instances register and heartbeat
 * every 5 seconds", the requirement ledger).
 */
export function clauseSpans(prompt: string, joins = true): { text: string; at: number }[] {
  const lead = DESIGN_VERB.exec(prompt)?.[0].length ?? 0;
  const out: { text: string; at: number }[] = [];
  // (matchAll runs a copy of the pattern, so the shared one keeps no place between calls)
  const breaks = joins ? CLAUSE_BREAK : PUNCTUATION_BREAK;
  let from = lead;
  const push = (end: number) => {
    const raw = prompt.slice(from, end);
    const trimmed = raw.trimStart();
    let at = from + raw.length - trimmed.length;
    let text = trimmed.trimEnd();
    // a clause after a comma keeps no joining word of its own (", and parks poison messages" asks to park them)
    const joiner = /^(?:and then|and|or|but|while|so that|then)\s+/i.exec(text);
    if (joiner) {
      at += joiner[0].length;
      text = text.slice(joiner[0].length);
    }
    text = text.replace(/[.?!]+$/, "");
    // two words or more: a space inside it (it starts with none)
    if (/\s/.test(text)) out.push({ text, at });
  };
  for (const m of prompt.slice(lead).matchAll(breaks)) {
    const start = lead + (m.index ?? 0);
    push(start);
    from = start + m[0].length;
  }
  push(prompt.length);
  return out;
}

/** Splits a prompt into clauses: "a queue that retries, and parks poison messages" -> two asks. */
export const clauses = (prompt: string): string[] => clauseSpans(prompt).map((c) => c.text);

/** The alias row whose phrase matches most words of the clause, if any matches. */
export function matchAlias(clause: string): (typeof ALIASES)[number] | undefined {
  const tokens = tokenize(clause);
  // a phrase matches only where each of its stems is a word of the clause: test that first, it is cheap
  const stems = new Set(tokens.map((t) => t.stem));
  const { rows, index } = aliases();
  const candidates: number[] = [];
  for (const stem of stems) for (const i of index.byStem.get(stem) ?? []) candidates.push(i);
  let best: { row: (typeof ALIASES)[number]; n: number } | undefined;
  // in the table's order, as a scan of every row would meet them
  for (const i of candidates.sort((a, b) => a - b)) {
    const { signal, row } = rows[i] as (typeof rows)[number];
    if (best && signal.stems.length <= best.n) continue;
    if (!signal.stems.every((s) => stems.has(s))) continue;
    if (findSignal(tokens, signal)) best = { row, n: signal.stems.length };
  }
  return best?.row;
}

/** The prompt's words that state a quality (exactly once, in order, linearizable, p99 under 50 ms), not an action. */
function statedNfrQuotes(prompt: string): string[] {
  const n = statedNfrsOf(prompt);
  return [n.delivery, n.consistency, n.availability, n.ordering, n.durability, ...n.latency]
    .flatMap((q) => (q ? [q.quote] : []))
    .filter((q) => q.trim().length > 0);
}

/**
 * A stated ask as an action: the words that state a quality are the NFRs' ("charges cards exactly once" asks to
 * charge cards, and separately for exactly-once delivery), so they leave the requirement's text.
 */
export function withoutNfrWords(clause: string, quotes: readonly string[]): string {
  let out = clause;
  for (const q of quotes) {
    const i = out.toLowerCase().indexOf(q.toLowerCase());
    if (i >= 0) out = `${out.slice(0, i)} ${out.slice(i + q.length)}`;
  }
  return out.replace(/\s+/g, " ").trim();
}

// "daily" before a counted noun ("500 million daily users", "daily active users") is a rate's unit, not a time trigger
const TIME_TRIGGER =
  /\b(?:at (?:a |the )?(?:scheduled|given|specific|future) time|scheduled times?|notify (?:me |them |users )?(?:when|at)|remind\w*|after a delay|delayed|expire[sd]? after|in \d+ (?:minutes|hours|days)|every (?:day|night|hour|minute)|nightly|daily(?!\s+(?:active\s+)?(?:users?|visitors?|viewers?|readers?|players?|customers?|riders?|drivers?|members?|actives?|uniques?|requests?|posts?|uploads?|orders?|events?|messages?|searches|queries|views?|writes?|reads?|transactions?|volume|traffic)\b)|cron)\b/i;

/** A trailing parenthetical example in a path's words ("(read-modify-write of a session or profile)"). */
const EXAMPLE = /\s*\([^()]*\)$/;

/**
 * A path's words as a supporting archetype (or a product's deep dive) says them: a closing example that shares
 * no meaning word with the rest of the path or the archetype's entities speaks for the archetype's home domain
 * ("(read-modify-write of a session or profile)"), not for this design, so it is left out and the reason says so (an
 * entity only a subject of the archetype draws is not its common ground);
 * a closing clause about the path's own things ("(never a number reused for that resource)") stays.
 */
function supportingPath(a: Archetype, action: string, entity: string): { text: string; dropped: string | undefined } {
  const m = EXAMPLE.exec(action);
  const own = new Set([
    ...meaningWords(action.slice(0, m?.index ?? action.length)),
    // a subject's own entity (a sign-in service's Session) is not the archetype's common ground for an example
    ...a.entities.filter((e) => e.topic === undefined).flatMap((e) => [...meaningWords(entityWords(e.name))]),
  ]);
  const example = m && ![...meaningWords(m[0])].some((w) => own.has(w));
  const dropped = example ? m[0].trim() : undefined;
  return { text: `${example ? action.replace(EXAMPLE, "") : action} (${entityWords(entity)})`, dropped };
}
const droppedNote = (dropped: string | undefined, id: string) =>
  dropped ? `; the example ${dropped} is ${id}'s own domain, not this design's` : "";

/**
 * Whether a card's path fits the subjects a design leaves unspoken: an entity of a subject the prompt never mentions
 * (a ledger for a webhook sender) keeps no path, and a path marked with a subject needs it (or its absence).
 */
function onTopicOf(
  a: ReturnType<typeof archetype>,
  unspoken: readonly Topic[],
  forParty: (p: { parties?: readonly PartyKind[] }) => boolean = () => true,
) {
  const offTopic = offTopicNames(a.entities, unspoken);
  return <P extends { entity: string; topic?: Topic; unlessTopic?: TopicMark; parties?: readonly PartyKind[] }>(p: P) =>
    !offTopic.has(p.entity) && fitsTopics(p, unspoken) && forParty(p);
}

/** How many substrate paths a product design walks through as deep dives (one per critical action at most). */
const MAX_DEEP_DIVES = 5;

/**
 * A product design's requirements: each feature's user actions in the product's nouns (visible
 * first, then the hidden writes that keep them correct), then, as deep dives, the critical write
 * paths of the infra archetypes those critical actions rest on (the seat hold is a lease: I02), except the archetype
 * a feature's record realizes, whose state is that record.
 */
function featureRequirements(
  features: Fields["features"],
  unspoken: readonly Topic[],
  realized: string | undefined,
): Requirement[] {
  const out: Requirement[] = [];
  const dives: { id: ArchetypeId; action: string; feature: string; mechanism?: string }[] = [];
  for (const row of features) {
    const feature = FEATURE_BY_ID.get(row.id);
    if (!feature) continue;
    const fits = feature.actions.filter((a) => fitsTopics(a, unspoken));
    const actions = [...fits.filter((a) => !a.hidden), ...fits.filter((a) => a.hidden)];
    for (const a of actions) {
      const text = fillTerms(a.action, row.terms);
      const entity = fillTerms(a.entity, row.terms);
      const sub = feature.substrates.find((s) => s.id === a.substrate);
      const path: NonNullable<Requirement["path"]> = {
        shape: a.shape,
        entity,
        critical: a.critical,
        hidden: a.hidden === true,
      };
      if (a.mechanism) path.mechanism = a.mechanism;
      out.push({
        text,
        kind: a.hidden ? "hidden" : "core",
        archetype: a.substrate,
        feature: feature.id,
        because: `${feature.name}: ${a.hidden ? "nobody asks for it, but the visible actions need it" : "a user action of the feature"}; it rests on ${a.substrate}${sub ? ` (${sub.role}: ${sub.why})` : ""}`,
        path,
      });
      // a record the feature realizes an archetype's guarantee in (room-night counts kept by one transaction)
      // enforces the action's rule in its own conditional write: without a mechanism of its own to dive into, the
      // action is its own deep dive, and the substrate's generic write (a conditional put on a key value) is not
      // the design's
      const realized = (feature.realizes ?? []).some((r) => fillTerms(r.entity, row.terms) === entity);
      if (a.critical && !(realized && a.mechanism === undefined))
        dives.push({ id: a.substrate, action: text, feature: feature.name, mechanism: a.mechanism });
    }
  }
  const walked = new Set<string>();
  for (const d of dives) {
    if (walked.size >= MAX_DEEP_DIVES) break;
    // the archetype a feature's own record realizes (a seat hold is a conditional write on the seat's row) has no
    // state of its own here: the feature's action on that record is the deep dive, not the archetype's lease table
    if (d.id === realized) continue;
    const a = archetype(d.id);
    // a path about a subject the design is not about (a push fan-out in a ride's payment) is no deep dive
    const onTopic = onTopicOf(a, unspoken);
    const paths = a.writePaths.filter(onTopic);
    // an action that names its own mechanism dives only into the substrate's path of that mechanism: where the
    // substrate has none (a best score kept by a conditional max on a key-value store), the action is its own deep
    // dive, and the substrate's generic write (a conditional put naming a version) is not the design's
    const w =
      d.mechanism !== undefined
        ? paths.find((p) => p.mechanism === d.mechanism)
        : paths.find((p) => p.critical && !p.hidden);
    if (!w || walked.has(`${a.id}|${w.action}`)) continue;
    walked.add(`${a.id}|${w.action}`);
    const said = supportingPath(a, w.action, w.entity);
    out.push({
      text: said.text,
      kind: "deep dive",
      archetype: a.id,
      because: `deep dive: '${d.action}' (${d.feature}) is correct only if ${a.id} ${a.name} holds here${droppedNote(said.dropped, a.id)}`,
      path: { shape: w.shape, entity: w.entity, mechanism: w.mechanism, critical: w.critical, hidden: w.hidden },
    });
  }
  return out;
}

/**
 * All the requirements read of the prompt: each stated ask the alias table reads (its clause, its text without
 * the NFR words, the alias row's index), asked only of an infra or mixed design, and the words that set a time.
 */
interface StatedAsks {
  stated: { clause: string; text: string; alias: number }[];
  /** The control verbs the prompt grants on a record ("teams can pause or edit a schedule"), each with its clause. */
  controls: { clause: string; verb: string; record: string | undefined }[];
  trigger: string | null;
  /** The topics the prompt never speaks of: an entity a card marks with one of them keeps no path. */
  unspoken: readonly Topic[];
  /** A product's main record when no product feature models it (a URL shortener's short URL). */
  record: ProductRecord | null;
}

/**
 * A bare product's own actions on its main record, before the archetypes' paths that carry them, both on the
 * lead archetype the design rests on: the create is critical (a code handed out twice, or a retry applied
 * twice, corrupts the product); the read writes nothing, so it is not, and is served the way the lead serves reads.
 */
function recordRequirements(r: ProductRecord, archetypes: Fields["archetypes"]): Requirement[] {
  const lead = archetypes[0];
  if (!lead) return [];
  const readShape = archetype(lead.id).readPaths[0]?.shape ?? "read source";
  const carried = `${lead.id} leads the design and carries it`;
  return [
    {
      text: r.create.phrase,
      kind: "core",
      archetype: lead.id,
      because: `${r.because}; making a ${r.noun} is the product's own write, and ${carried}`,
      path: { shape: "create target", entity: r.entity, mechanism: "idempotency-key", critical: true, hidden: false },
    },
    {
      text: r.read.phrase,
      kind: "core",
      archetype: lead.id,
      because: `${r.because}; reading a ${r.noun} by its ${r.key} is the product's own read, served as ${lead.id} serves reads (${readShape})`,
      path: { shape: readShape, entity: r.entity, critical: false, hidden: false },
    },
  ];
}

export const requirementsField: Deriver<"requirements", StatedAsks> = {
  field: "requirements",
  category: "Derived",
  reads: ["prompt", "archetypes", "nfrs", "branch", "features"],
  rule: "a product no feature card models first gets its main record's create and read in the prompt's words (both on the lead archetype; the create is critical, the read writes nothing); the product features' user actions in the product's nouns (deep dives into the substrates' critical paths when the prompt is product-first, none into the archetype a feature's record realizes); then, unless product-first, stated asks via the alias table, the archetypes' core write and read paths and hidden writes (none on an entity of a subject the prompt never speaks of, or of a shape it rules out: no ledger for a webhook sender, no consumer offset in a work queue); and structures the asks imply",
  facts: (f) => {
    const product = featureLed(f.branch.kind, f.features, f.archetypes);
    const stated: StatedAsks["stated"] = [];
    const lead = f.archetypes[0];
    if (lead && !product) {
      const nfrWords = statedNfrQuotes(f.prompt);
      // a clause the prompt repeats is matched once
      const matched = new Map<string, ReturnType<typeof matchAlias>>();
      for (const c of clauses(f.prompt)) {
        if (!matched.has(c)) matched.set(c, matchAlias(c));
        const row = matched.get(c);
        if (!row) continue;
        const text = withoutNfrWords(c, nfrWords);
        if (text.split(/\s+/).length < 2) continue;
        stated.push({ clause: c, text, alias: ALIASES.indexOf(row) });
      }
    }
    const controls: StatedAsks["controls"] = [];
    if (lead)
      for (const g of grantedControls(f.prompt.replace(DESIGN_VERB, (m) => " ".repeat(m.length))))
        if (!stated.some((x) => ALIASES[x.alias]?.phrase === g.control.verb))
          controls.push({ clause: g.quote, verb: g.control.verb, record: g.record });
    return {
      stated,
      controls,
      // a timed action the lead's own subject already schedules (a secrets manager's lease expiry and rotation
      // periods) is no due-time row of its own, whether or not the due-time archetype was recognised
      // and so is one a feature's own record keeps (points that expire at their lot's own date: the lead realizes it)
      trigger:
        lead &&
        lead.realizes?.id !== DUE_TIME_ARCHETYPE &&
        !coverageOf(lead.id, DUE_TIME_ARCHETYPE, unspokenBesides(f.nfrs.topics), f.prompt)
          ? (TIME_TRIGGER.exec(f.prompt)?.[0] ?? null)
          : null,
      // a subject is spoken by the prompt or by the product features it brings (a ride is charged to the rider)
      unspoken: unspokenBesides(f.nfrs.topics),
      record: bareProductRecord(f.prompt, f.branch.kind, f.features) ?? null,
    };
  },
  derive: (f, _input, asks) => {
    const product = featureLed(f.branch.kind, f.features, f.archetypes);
    const out: Requirement[] = [
      ...(asks.record ? recordRequirements(asks.record, f.archetypes) : []),
      ...featureRequirements(f.features, asks.unspoken, f.archetypes[0]?.realizes?.id),
    ];
    const lead = f.archetypes[0];
    for (const { clause: c, text, alias } of asks.stated) {
      const row = ALIASES[alias];
      if (!lead || !row) throw new Error(`requirements: stated ask '${c}' without a lead archetype or alias row`);
      out.push({
        text,
        kind: "stated",
        archetype: lead.id,
        because: `the prompt asks to '${c}', which the alias table reads as '${row.phrase}' (${row.operation})`,
        alias: { phrase: row.phrase, operation: row.operation, interaction: row.interaction, hidden: row.hidden },
      });
    }
    // a control verb the prompt grants on a record is an operation on that record: its call and the state it moves
    for (const { clause, verb, record } of asks.controls) {
      const c = CONTROL_OPERATIONS.find((x) => x.verb === verb);
      if (!lead || !c) continue;
      const moves = c.from && c.to ? ` (${c.from} → ${c.to})` : " (under the version the caller read)";
      out.push({
        text: clause,
        kind: "stated",
        archetype: lead.id,
        because: `the prompt asks '${clause}': '${verb}' is a control operation on the ${record ?? "record"}${moves}`,
        alias: { phrase: verb, operation: c.operation, interaction: "update target", hidden: false },
      });
    }
    f.archetypes.forEach((ra, i) => {
      if (product) return;
      const a = archetype(ra.id);
      const depth = depthFor(ra.role, i);
      const lead = ra.role === "dominant" || (i === 0 && ra.role === "substrate");
      // an entity of a subject the prompt never mentions keeps no path, nor a path for another kind of outside party
      // (a lookup at a provider that a webhook endpoint cannot answer)
      const onTopic = onTopicOf(a, asks.unspoken, (x) => fitsParty(x, f.nfrs.party?.value));
      const writes = a.writePaths.filter((w) => !w.hidden && onTopic(w));
      const chosen = lead
        ? writes
        : [...writes.filter((w) => w.critical), ...writes.filter((w) => !w.critical)].slice(0, depth);
      for (const w of chosen) {
        const said = lead
          ? { text: `${w.action} (${entityWords(w.entity)})`, dropped: undefined }
          : supportingPath(a, w.action, w.entity);
        out.push({
          text: said.text,
          kind: "core",
          archetype: a.id,
          because: `${a.id} ${a.name} as ${ra.role} writes ${w.entity} this way${droppedNote(said.dropped, a.id)}`,
          path: { shape: w.shape, entity: w.entity, mechanism: w.mechanism, critical: w.critical, hidden: false },
        });
      }
      for (const w of a.writePaths.filter((x) => x.hidden && (lead || x.critical) && onTopic(x))) {
        const said = lead
          ? { text: `${w.action} (${entityWords(w.entity)})`, dropped: undefined }
          : supportingPath(a, w.action, w.entity);
        out.push({
          text: said.text,
          kind: "hidden",
          archetype: a.id,
          because: `nobody asks for it, but ${a.id} must keep ${w.entity} current for the visible paths to stay correct${droppedNote(said.dropped, a.id)}`,
          path: { shape: w.shape, entity: w.entity, mechanism: w.mechanism, critical: w.critical, hidden: true },
        });
      }
      const reads = lead ? a.readPaths.filter(onTopic) : [];
      for (const r of reads) {
        out.push({
          text: `${r.action} (${entityWords(r.entity)})`,
          kind: "core",
          archetype: a.id,
          because: `${a.id} serves this read from ${r.shape === "read source" ? "the authority" : "a derived copy"}`,
          path: { shape: r.shape, entity: r.entity, critical: false, hidden: false },
        });
      }
    });
    // a timed action is the due-time archetype's row, unless that archetype is drawn, or its role is covered by the
    // lead's own variant (a backup coordinator's nightly starts, a work queue's visibility timeout)
    const dueTimeHeld = f.archetypes.some(
      (a) => a.id === DUE_TIME_ARCHETYPE || (a.covers ?? []).some((c) => c.id === DUE_TIME_ARCHETYPE),
    );
    if (lead && asks.trigger !== null && !dueTimeHeld) {
      const m = asks.trigger;
      out.push({
        text: "store each future action with its due time and release it when due",
        kind: "implied",
        archetype: lead.id,
        because: `'${m}' means a stored future constraint plus a trigger that fires it, even though no timer was named`,
        path: { shape: "create target", entity: "DueItem", mechanism: "due-time-index", critical: true, hidden: false },
      });
    }
    if (lead && f.nfrs.delivery.value === "exactly-once" && f.nfrs.delivery.source !== "default") {
      out.push({
        text: "remember each request id with its outcome so a retry is answered instead of applied again",
        kind: "implied",
        archetype: lead.id,
        because: `exactly-once effect (${f.nfrs.delivery.because}) needs a durable record of what was already applied`,
        path: {
          shape: "create target",
          entity: "AppliedRequest",
          mechanism: "idempotency-key",
          critical: true,
          hidden: true,
        },
      });
    }
    // a space each region owns a part of (ids carrying their data-centre id) replicates nothing across regions
    if (lead && f.nfrs.regions.value > 1 && !ownsSpaceAcrossRegions(f.nfrs.regions.value, f.archetypes)) {
      const spans = acksSpanRegions(f.nfrs);
      out.push({
        text: spans
          ? `replicate each write to a majority of the ${f.nfrs.regions.value} regions before acknowledging it`
          : `replicate authoritative state to ${f.nfrs.regions.value} regions`,
        kind: "implied",
        archetype: lead.id,
        because: spans
          ? `${f.nfrs.regions.because}, and ${f.nfrs.survives?.because ?? "the prompt"} that no acknowledged write is lost with a ${f.nfrs.survives?.value ?? "region"}: a write waits for other regions before acknowledging it`
          : `${f.nfrs.regions.because}: every write also becomes cross-region replication work`,
        path: {
          shape: "async process",
          entity: "ReplicationStream",
          mechanism:
            f.nfrs.consistency.value === "linearizable" || spans ? "consensus-replication" : "async-replication",
          critical: false,
          hidden: true,
        },
      });
    }
    return out;
  },
};
