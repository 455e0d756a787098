import { FALLBACK_ARCHETYPE } from "../../knowledge/defaults.js";
import { MECHANISM_FAILURES } from "../../knowledge/mechanism-failures.js";
import type { StatedSemantic } from "../../knowledge/mechanism-semantics.js";
import { fitsParty } from "../../knowledge/parties.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { fitsTopics, TOPIC_NEEDS, type Topic, unspokenBesides } from "../../knowledge/topics.js";
import { partlessArchetypes } from "../architecture.js";
import { BOTH_SIDES, REFUSES } from "../coherence.js";
import type { Deriver } from "../design/graph.js";
import type { FailureRow, MechanismRow, Nfrs } from "../design/types.js";
import { hardRuleStances } from "../hard-rules.js";
import { composedKind, criticalArchetypes, featureFailures, featureLed } from "../product/index.js";
import { designUnitNoun, leadRenamings, renameUnit, type UnitNoun } from "../prompt-nouns.js";
import { regionalFailureRows, regionalFailures } from "../regions.js";
import { guaranteeClauses, KIND_OWN, kindFailure } from "../stated-clauses.js";
import { fromStatedGuarantee, statedRule } from "../stated-rules.js";
import { failuresKeepingSemantics, statedSemantics } from "../stated-semantics.js";
import { archetype, entityWords } from "./common.js";
import { carriedOperations, choiceFits, choiceReason, excludedBy, withoutExcludedClauses } from "./decisions.js";
import { crashOf, drawnWords, failureRowHolds, orderingAuthorities, partsSaid, undrawnParts } from "./failure-scope.js";

const MAX_FAILURES = 14;

/** The mechanism failure rows by mechanism, in table order. */
const FAILURES_BY_MECHANISM = new Map<string, (typeof MECHANISM_FAILURES)[number][]>();
for (const row of MECHANISM_FAILURES) {
  const list = FAILURES_BY_MECHANISM.get(row.mechanism);
  if (list) list.push(row);
  else FAILURES_BY_MECHANISM.set(row.mechanism, [row]);
}

/** All the failure rows read of the prompt: the subjects it never speaks of (a card row may not fit one it does). */
interface FailureFacts {
  /** The semantics the prompt states that a mechanism could break (engine/stated-semantics.ts). */
  stated: ReadonlyMap<StatedSemantic, string>;
  unspoken: readonly Topic[];
  /** The prompt's noun for the lead archetype's unit, which its rows call it by. */
  unit: UnitNoun | undefined;
  /** The parts the prompt names itself (`partsSaid`), which a row may name though no component is drawn for them. */
  said: string[];
  /** The failure of each stated clause whose kind says it in the prompt's nouns, by the clause's quote (`kindFailure`). */
  kindRows: Readonly<Record<string, { failure: string; prevention: string; repair: string }>>;
}

export const failuresField: Deriver<"failures", FailureFacts> = {
  field: "failures",
  category: "Derived",
  reads: [
    "prompt",
    "archetypes",
    "nfrs",
    "baseMechanisms",
    "companions",
    "branch",
    "features",
    "criticalPaths",
    "operations",
    "decisions",
    "components",
    "invariants",
  ],
  rule: "a drawn part that decides the order of a subject's writes (a channel's owner, a document's sequencer) always has its crash row, from its card or feature, in place of the last row when the table is full; a product-first design: its features' own failure rows first, then only the archetypes and mechanisms that carry a critical action; otherwise the dominant archetype's failure modes, the crash/retry/replication failure each mechanism the design carries exists for (one an operation uses or a decision chose, never one a predicate only recommends; a row about one archetype's parts, such as a rate limiter's budget store, only beside that archetype; as it plays out under the design's availability stance), and the top failures of each supporting archetype — each with a prevention and a repair (a card's row about a subject, such as a card capture about money, only where the design writes that subject's entity, and a row about one kind of outside party, such as a refund that undoes a duplicate charge, only where the effects reach that kind; a row that cannot happen where the prompt speaks of a subject, such as a refund for a push, never there); a row in the words a chosen decision option excludes (a sloppy quorum beside leader-based replication) belongs to the option not taken and is left out, as is a card row marked for options of a decision that chose another (head sampling's disagreeing samplers beside tail sampling), a kept one naming the decision in its source; with more than one region, the region-cut row of the way writes cross regions (what keeps serving, what stops, what is lost) in place of the last row when the table is full; and a mechanism's row that speaks of a part besides the mechanism (the sweeper that frees a lapsed lease, the watchers that see a holder leave, a consumer's offsets, a published tag), or a supporting archetype's row whose failure names one, holds only where the design draws that part: elsewhere it was carried in from a neighbouring card",
  facts: (f) => ({
    stated: statedSemantics(f.prompt, f.nfrs),
    unspoken: unspokenBesides(f.nfrs.topics),
    unit: designUnitNoun(f),
    said: partsSaid(f.prompt),
    kindRows: Object.fromEntries(
      guaranteeClauses(f.prompt).flatMap((c) => {
        const row = kindFailure(c);
        return row ? [[c.quote, row]] : [];
      }),
    ),
  }),
  derive: (f, input, facts) =>
    withStatedSemantics(
      withChoiceSources(
        withRegionCut(
          withHardRulePartitions(
            withGuarantees(
              withAuthorityCrashes(withKindRows(deriveRows(f, input, facts), f, facts.kindRows), f, facts.said),
              f,
            ),
            f,
          ),
          f,
        ),
        f,
      ),
      f,
      facts.stated,
    ),
};

/** Failure rows about a mechanism said as the variant that keeps a stated rule are said of that variant. */
function withStatedSemantics(
  rows: FailureRow[],
  f: { baseMechanisms: readonly MechanismRow[]; companions: readonly MechanismRow[] },
  stated: ReadonlyMap<StatedSemantic, string>,
): FailureRow[] {
  return failuresKeepingSemantics(rows, [...f.baseMechanisms, ...f.companions], stated);
}

/** A card row met under one option of a decision says so in its source ("met because decision … chose tail"). */
function withChoiceSources(rows: FailureRow[], f: Parameters<typeof failuresField.derive>[0]): FailureRow[] {
  return rows.map((r) => {
    if (!/^I\d\d$/.test(r.archetype)) return r;
    const card = archetype(r.archetype as ArchetypeId).failures.find(
      (x) => x.chosen && (x.failure === r.failure || x.prevention === r.prevention),
    );
    return card?.chosen ? { ...r, source: `${r.source} (met because ${choiceReason(card.chosen, f.decisions)})` } : r;
  });
}

/**
 * A hard rule the prompt states (never / at most / exactly one) is tested by the actor on its path being cut off or
 * paused while it still runs: a partitioned holder that keeps acting on what it last saw, a paused one that wakes
 * after its lease passed on. Each rule's path gets that row in its own record's words, right after the rule's own
 * rows: the path decides only at its linearizable authority, so the cut-off side refuses (the path's stance, which
 * the rest of the design need not share) and a late write under an old fencing token is rejected.
 */
function withHardRulePartitions(rows: FailureRow[], f: Parameters<typeof failuresField.derive>[0]): FailureRow[] {
  const stances = hardRuleStances(f);
  if (stances.length === 0) return rows;
  const byPhrase = new Map(f.operations.map((o) => [o.phrase, o]));
  const added = stances.flatMap((s): FailureRow[] => {
    const path = f.criticalPaths.find((p) => p.name === s.path);
    const write = path?.operations.map((o) => byPhrase.get(o)).find((o) => o !== undefined && !o.hidden);
    const record = write ? entityWords(write.entity) : "record";
    // a path whose write is the outcome's own conditional insert holds no lease and no token: a late insert fails
    if (write?.mechanism === "put-if-absent" && write.operation === "create target")
      return [
        {
          failure: `The node running '${s.path}' is cut off from the ${record} authority by a partition, or pauses (a long GC stop, a frozen VM), and keeps running on what it last saw`,
          prevention: `'${s.path}' decides only at the ${record}'s one linearizable authority: a side that cannot reach it refuses that step rather than act, and the insert lands only where none is stored, so a paused node's late insert fails and '${s.quote}' holds on both sides`,
          repair: `The cut-off side retries once the authority answers, and returns the stored outcome if another call made it meanwhile`,
          role: "coordination",
          archetype: s.archetype as ArchetypeId,
          source: `the prompt says '${s.quote}': the stance of '${s.path}' under a partition or a pause`,
        },
      ];
    return [
      {
        failure: `The node running '${s.path}' is cut off from the ${record} authority by a partition, or pauses past its lease (a long GC stop, a frozen VM), and keeps running on what it last saw`,
        prevention: `'${s.path}' decides only at the ${record}'s one linearizable authority: a side that cannot reach it refuses that step rather than act, and every write there carries the holder's fencing token, so a paused holder's late write under an old token is rejected and '${s.quote}' holds on both sides`,
        repair: `The cut-off side retries once the authority answers; what it held passes on only under a higher token, and the old holder stops when its token is refused`,
        role: "coordination",
        archetype: s.archetype as ArchetypeId,
        source: `the prompt says '${s.quote}': the stance of '${s.path}' under a partition or a pause`,
      },
    ];
  });
  // after the rule's own rows (which lead the table), before the rest
  const lead = rows.filter((r) => stances.some((s) => r.source === `the prompt says '${s.quote}'`));
  const rest = rows.filter((r) => !lead.includes(r));
  return [...lead, ...added, ...rest].slice(0, MAX_FAILURES);
}

/**
 * A guarantee the prompt states in a clause of its own leads the table with the failure that tests it: a holder that
 * crashes mid-act for a thing never acted on twice, a restart while the source is down for a last copy kept in use.
 */
function withGuarantees(rows: FailureRow[], f: Parameters<typeof failuresField.derive>[0]): FailureRow[] {
  const archetype = f.archetypes[0]?.id ?? FALLBACK_ARCHETYPE;
  const lead: FailureRow[] = (f.nfrs.guarantees ?? []).map((g) => {
    const source = `the prompt says '${g.quote}'`;
    if (g.kind === "once") {
      const act = g.act ?? "send";
      const scope = g.scope ? ` for the same ${g.scope}` : "";
      const key = g.scope ? `(${g.noun}, ${g.scope})` : `the ${g.noun} and its occurrence`;
      // kept by the outcome's own conditional insert (the invariant says so): no claim lapses, calls race
      if (f.invariants.some((r) => r.keptBy === "put-if-absent" && r.because.includes(`'${g.quote}'`)))
        return {
          failure: `Two calls for the same ${g.noun}${scope} race (a caller's retry after a timeout while the first call is still working), and both ${act} it`,
          prevention: `The outcome is inserted only where none is stored for ${key}, so the second insert fails and that call returns the stored outcome instead of its own`,
          repair: `The losing call's work is dropped, and every caller, the retry included, sees the first outcome`,
          role: "coordination",
          archetype,
          source,
        };
      return {
        failure: `A worker crashes or stalls after it began to ${act} a ${g.noun} and before it recorded the outcome, so its claim lapses and another worker takes the same ${g.noun}${scope}`,
        prevention: `The claim keyed by ${key} is taken with a conditional insert and passes on only under a higher fencing token, which the store checks on the old holder's later writes; the ${act} carries that key, never an attempt number, so the party it reaches drops a repeat`,
        repair: `The new holder asks the party for its answer under the key and records that outcome instead of acting again`,
        role: "coordination",
        archetype,
        source,
      };
    }
    if (g.kind !== "last-known") return { ...statedRule(g).failure, archetype, source };
    return {
      failure: `The ${g.dependency} is down when a server restarts, and the restart wipes the ${g.what} it held in memory`,
      prevention: `Every version it applies is also written to a local file, which the process reads at start-up before it serves a request`,
      repair: `It serves the file's version and, once the ${g.dependency} answers again, fetches the changes after that version`,
      role: "derived",
      archetype,
      source,
    };
  });
  if (lead.length === 0) return rows;
  // a row testing what a rule's own row tests is said once, by the rule's row
  const same = (f.nfrs.guarantees ?? []).flatMap((g) =>
    g.kind === "once" || g.kind === "last-known" ? [] : (statedRule(g).same ?? []),
  );
  // a drawn ordering authority's crash row (withAuthorityCrashes) keeps its place when the table is full
  const all = [...lead, ...rows.filter((r) => !same.some((re) => re.test(r.failure)))];
  const kept = all.slice(0, MAX_FAILURES);
  const crashes = all.slice(MAX_FAILURES).filter((r) => ORDERS_WRITES.test(r.source));
  return crashes.length > 0 ? [...kept.slice(0, MAX_FAILURES - crashes.length), ...crashes] : kept;
}
/** The source of an ordering authority's crash row (withAuthorityCrashes). */
const ORDERS_WRITES = /\bwhich orders its subject's writes$/;

/**
 * A stated clause kept by its kind's own mechanism (a write-once key, an interval exclusion) is tested by that
 * mechanism's row, which leads the table (before a drawn authority's crash row takes the last place, if it must).
 */
function withKindRows(
  rows: FailureRow[],
  f: Parameters<typeof failuresField.derive>[0],
  kindRows: FailureFacts["kindRows"],
): FailureRow[] {
  const archetype = f.archetypes[0]?.id ?? FALLBACK_ARCHETYPE;
  const lead: FailureRow[] = [];
  for (const inv of f.invariants) {
    if (!inv.keptBy || !KIND_OWN.has(inv.keptBy) || !fromStatedGuarantee(inv.because)) continue;
    const row = FAILURES_BY_MECHANISM.get(inv.keptBy)?.[0];
    const quote = /\bthe prompt says '([^']+)'/.exec(inv.because)?.[1];
    if (!row || !quote) continue;
    // a kind that says its failure in the prompt's nouns says it so; the others by their mechanism's row
    // (a quote may hold an apostrophe: "a package's status …", so the clause is found by its whole quote)
    const own = Object.entries(kindRows).find(([q]) => inv.because.includes(`'${q}'`))?.[1];
    const failure = own?.failure ?? row.failure.charAt(0).toUpperCase() + row.failure.slice(1);
    if (lead.some((r) => r.failure === failure)) continue;
    lead.push({
      failure,
      prevention: own?.prevention ?? row.prevention,
      repair: own?.repair ?? row.repair,
      role: row.role,
      archetype: (inv.archetype ?? archetype) as ArchetypeId,
      source: `the prompt says '${quote}'`,
    });
  }
  if (lead.length === 0) return rows;
  const led = new Set(lead.map((r) => r.failure.toLowerCase()));
  return [...lead, ...rows.filter((r) => !led.has(r.failure.toLowerCase()))].slice(0, MAX_FAILURES);
}

/** A design served from several regions says what keeps serving and what stops when one is cut off (engine/regions.ts). */
function withRegionCut(rows: FailureRow[], f: Parameters<typeof failuresField.derive>[0]): FailureRow[] {
  const cut = regionalFailures(f, f.archetypes[0]?.id ?? FALLBACK_ARCHETYPE);
  if (cut.length === 0) return rows;
  const out = regionalFailureRows(f, rows);
  if (out.length + cut.length > MAX_FAILURES) out.splice(MAX_FAILURES - cut.length);
  return [...out, ...cut];
}

/**
 * The rows with a crash row for every drawn part that decides the order of a subject's writes: where none names it,
 * the first row of its archetype's card or of a feature that does joins, in place of the last row when the table is
 * full (the crash of the part every write goes through outranks a supporting archetype's row).
 */
function withAuthorityCrashes(
  rows: FailureRow[],
  f: Parameters<typeof failuresField.derive>[0],
  said: readonly string[],
): FailureRow[] {
  const out = [...rows];
  const unspoken = unspokenBesides(f.nfrs.topics);
  for (const c of orderingAuthorities(f.components)) {
    if (out.some((r) => crashOf(r.failure, c))) continue;
    const own = f.archetypes.find((a) => a.id === c.archetype);
    const candidates: FailureRow[] = [
      ...(own
        ? archetype(own.id).failures.flatMap(
            // a row of another subject (a log's in-sync followers in a work queue), party or delivery holds here no
            // more than in the card's own rows
            ({ topic, unlessTopic, parties, delivery, chosen, ...x }) =>
              choiceFits(chosen, f.decisions) &&
              fitsTopics({ topic, unlessTopic }, unspoken) &&
              fitsParty({ parties }, f.nfrs.party?.value) &&
              (!delivery || delivery.includes(f.nfrs.delivery.value))
                ? [
                    {
                      ...x,
                      archetype: own.id,
                      source: `${own.id}: the crash of ${c.name}, which orders its subject's writes`,
                    },
                  ]
                : [],
          )
        : []),
      ...featureFailures(f.features, unspoken).map((x) => ({
        ...x,
        archetype: f.archetypes[0]?.id ?? FALLBACK_ARCHETYPE,
        source: `the crash of ${c.name}, which orders its subject's writes`,
      })),
    ];
    const drawn = drawnWords(f.components, said);
    const row = candidates.find((x) => crashOf(x.failure, c) && undrawnParts(x.failure, drawn).length === 0);
    if (!row) continue;
    if (out.length >= MAX_FAILURES) out.pop();
    out.push(row);
  }
  return out;
}

function deriveRows(
  f: Parameters<typeof failuresField.derive>[0],
  _input: Parameters<typeof failuresField.derive>[1],
  { unspoken, unit, said }: FailureFacts,
): FailureRow[] {
  const out: FailureRow[] = [];
  // A row that describes the opposite availability stance (a refusing minority in a stay-available design,
  // writable stand-ins in a fail-closed one) belongs to another design.
  const against = f.nfrs.availability.value === "stay-available" ? REFUSES : BOTH_SIDES;
  const excluded = excludedBy(f.decisions);
  // the operations the decisions leave: a mechanism only a ruled-out step used carries no failure here
  const carried = carriedOperations(f.operations, f.decisions);
  // a part a mechanism's row or a supporting card's failure names must be drawn (`failureRowHolds`, `undrawnParts`)
  const drawn = drawnWords(f.components, said);
  // a prevention or repair that says both options of a decision keeps the chosen one's clause ("...; stores that
  // keep siblings merge them on the next read" beside one leader per shard); a failure in the excluded words, or a
  // step wholly in them, is the option not taken
  const chosenWords = <T extends { failure: string; prevention: string; repair: string }>(given: T): T | undefined => {
    if (excluded.some((re) => re.test(given.failure))) return undefined;
    const prevention = withoutExcludedClauses(given.prevention, excluded);
    const repair = withoutExcludedClauses(given.repair, excluded);
    if (prevention === undefined || repair === undefined) return undefined;
    return prevention === given.prevention && repair === given.repair ? given : { ...given, prevention, repair };
  };
  const push = (given: FailureRow) => {
    if (out.length >= MAX_FAILURES || out.some((r) => r.failure === given.failure)) return;
    const row = chosenWords(given);
    if (row && !against.test(`${row.failure} ${row.prevention} ${row.repair}`)) out.push(row);
  };
  const [lead, ...rest] = f.archetypes;
  // a row about a subject (a card capture is about money) holds only where the design writes one of its entities
  const written = new Set(f.operations.map((o) => `${o.archetype} ${o.entity}`));
  // (an unspoken subject's entity whose name another, fitting entity shares is that one's write: a Postgres source's
  // SourcePosition is no MySQL binlog position)
  const writesEntityOf = (id: ArchetypeId, topic: string) =>
    archetype(id).entities.some(
      (e) =>
        e.topic === topic &&
        written.has(`${id} ${e.name}`) &&
        !(
          unspoken.includes(topic as Topic) &&
          archetype(id).entities.some((o) => o !== e && o.name === e.name && fitsTopics(o, unspoken))
        ),
    );
  // a subject that only makes sense inside another (billed counts inside counted events) has no records of its own:
  // its rows hold where it is spoken and the design writes the records of the subject it needs
  const writesTopic = (id: ArchetypeId, topic: Topic) => {
    const needs = TOPIC_NEEDS[topic];
    return writesEntityOf(id, topic) || (needs !== undefined && !unspoken.includes(topic) && writesEntityOf(id, needs));
  };
  // ... and a row that cannot happen in a design about a subject the prompt speaks of (no refund reverses a push)
  // ... and a row whose failure names a part the design does not draw (a leader to fail over in a leaderless store)
  const cardRows = (id: ArchetypeId) =>
    archetype(id).failures.flatMap(({ topic, unlessTopic, parties, delivery, chosen, ...x }) =>
      // a row of one option of a decision (head sampling's disagreeing samplers) is met only where that option is chosen
      choiceFits(chosen, f.decisions) &&
      (!topic || writesTopic(id, topic)) &&
      undrawnParts(x.failure, drawn).length === 0 &&
      fitsTopics({ unlessTopic }, unspoken) &&
      fitsParty({ parties }, f.nfrs.party?.value) &&
      (!delivery || delivery.includes(f.nfrs.delivery.value))
        ? [x]
        : [],
    );
  // the crash, retry or replication failures a mechanism the design carries exists for, as they play out under the
  // design's availability stance
  const stance = f.nfrs.availability.value;
  const pushMechanismRows = (m: (typeof f.baseMechanisms)[number], archetype: ArchetypeId, source: string) => {
    for (const x of FAILURES_BY_MECHANISM.get(m.id) ?? [])
      if ((!x.stance || x.stance === stance) && failureRowHolds(x, m, carried, f.archetypes, drawn))
        push({ failure: x.failure, prevention: x.prevention, repair: x.repair, role: x.role, archetype, source });
  };
  if (featureLed(f.branch.kind, f.features, f.archetypes)) {
    const own = featureFailures(f.features, unspoken);
    if (own.length > 0) {
      for (const x of own) push(x);
      // A substrate keeps its rows only when it carries a critical action (the seat hold's lease),
      // never when it only supports a side feature (a notification outbox in a calendar).
      const critical = criticalArchetypes(f.criticalPaths);
      const onPaths = new Set(f.criticalPaths.flatMap((p) => p.operations));
      const mechanisms = new Set(
        f.operations.filter((o) => onPaths.has(o.phrase) && o.mechanism).map((o) => o.mechanism as string),
      );
      // (an archetype the design draws no part of, such as the one a feature's record realizes, adds none)
      const partless = partlessArchetypes(f);
      for (const a of f.archetypes.filter((x) => critical.has(x.id) && !partless.has(x.id)))
        for (const x of cardRows(a.id).slice(0, 2))
          push({ ...x, archetype: a.id, source: `${a.id} carries a critical action` });
      for (const m of [...f.baseMechanisms, ...f.companions].filter((x) => mechanisms.has(x.id)))
        pushMechanismRows(
          m,
          f.criticalPaths[0]?.archetype ?? lead?.id ?? "I16",
          `because a critical action uses ${m.name}`,
        );
      return out;
    }
  }
  if (lead) {
    // the lead's rows call its unit by the prompt's noun, as the boxes and the state do
    const renaming = leadRenamings(unit, lead, composedKind(f.branch.kind, f.archetypes));
    const rn = (t: string) => renameUnit(t, renaming);
    for (const x of cardRows(lead.id))
      push({
        ...x,
        failure: rn(x.failure),
        prevention: rn(x.prevention),
        repair: rn(x.repair),
        archetype: lead.id,
        source: `${lead.id} failure modes`,
      });
  }
  for (const m of [...f.baseMechanisms, ...f.companions])
    pushMechanismRows(m, lead?.id ?? FALLBACK_ARCHETYPE, `because the design uses ${m.name}`);
  // a supporting archetype adds its top rows that fit the decisions; one the lead's variant absorbs (the cache tier
  // of a look-aside cache in front of a database) is the design's own subject and adds every row that fits
  const absorbed = new Set<string>(lead?.variant?.absorbs ?? []);
  for (const ra of rest) {
    const rows = cardRows(ra.id).flatMap((x) => chosenWords(x) ?? []);
    for (const x of absorbed.has(ra.id) ? rows : rows.slice(0, 2))
      push({ ...x, archetype: ra.id, source: `${ra.id} as ${ra.role}` });
  }
  return out;
}
