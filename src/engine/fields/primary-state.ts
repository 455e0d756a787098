import { ARCHITECTURE } from "../../knowledge/architecture/index.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { PARTIES } from "../../knowledge/parties.js";
import { repeatAgainst } from "../../knowledge/patterns.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { STANCES, scopesOf, writtenBy } from "../../knowledge/stances.js";
import { fitsTopics, markTopics, type Topic, unspokenBesides } from "../../knowledge/topics.js";
import { partlessArchetypes } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import type { PrimaryStateRow } from "../design/types.js";
import { composedKind } from "../product/correctness.js";
import { fillTerms } from "../product/index.js";
import { bareProductRecord, type ProductRecord, recordBoxes } from "../product/record.js";
import { designUnitNoun, leadRenamings, renameText, renameUnit, type UnitNoun } from "../prompt-nouns.js";
import { type ReferenceFacts, referenceFacts } from "../references.js";
import { majorityHolder } from "../stance.js";
import { statedLocalAutonomy } from "../stated-stance.js";
import { archetype, stanceReason, stateHolder } from "./common.js";

/** All the primary state reads of the prompt: its unit noun, and the archetypes it asks to build. */
interface StateFacts {
  unit: UnitNoun | undefined;
  references: ReferenceFacts;
  /** A product's main record when no product feature models it. */
  record: ProductRecord | null;
  /** The words of a part the prompt says keeps working while cut off (engine/stated-stance.ts). */
  local: string | null;
}

/**
 * Subjects whose cards mark an entity \`unlessTopic\` only to keep it out of that subject (a chunk replica under a
 * file-sync product, a document's snapshot beside an order book, a source record under a count of events, a scan pass under a crawl, a key-value record under a ledger of accounts, alert rules under devices' readings, a fleet's rollout under feature flags, a chunk under a photo store or a backup service, a key-value record under a secrets manager, a rate budget under a job semaphore, a cluster manager's nodes under a media pipeline): where the subject is not spoken, such an entity is
 * state like any other truth of its card, written or not. The older marks (a work queue's partitions, a cache's
 * tombstones) also stand for "only when a path writes it".
 */
const LOOSE_UNLESS: ReadonlySet<Topic> = new Set<Topic>([
  "media-pipeline",
  "file-sync",
  "order-book",
  "aggregation",
  "crawl",
  "ledger",
  "workflow-engine",
  "iot",
  "feature-flags",
  "media-store",
  "backup",
  "dag-workflow",
  "kv-cache",
  "auction",
  "secrets",
  "job-slots",
  "waiting-room",
]);

/**
 * Whether another archetype of the design describes the same fronted record for a subject the design speaks of (the
 * key-value store's record is "the database's record for one key" behind a look-aside cache).
 */
function describedElsewhere(own: ArchetypeId, unspoken: readonly Topic[], ids: readonly ArchetypeId[]): boolean {
  return ids.some(
    (id) =>
      id !== own &&
      archetype(id).entities.some((x) => x.topicDescriptions?.some((d) => fitsTopics({ topic: d.topic }, unspoken))),
  );
}

export const primaryStateField: Deriver<"primaryState", StateFacts> = {
  field: "primaryState",
  category: "Derived",
  reads: ["prompt", "branch", "features", "operations", "archetypes", "criticalPaths", "nfrs"],
  rule: "each row's durability, consistency and availability follow the role of its state: the prompt's stated values, else the card's own word for the entity, else a majority-commit holder's (a registration kept by a consensus group is durable, linearizable and refused on a cut-off minority), else its archetype's stance (config versions durable, liveness leases soft; the lead archetype's is the design's own, which follows the outside party its effects reach, so a webhook's delivery state is not a payment's). A feature record that realizes an archetype's guarantee (a feature's `realizes`: room-night counts) keeps that archetype's consistency and availability unless the prompt states them. In a feature-led design, the unit record of a substrate a feature's critical action rests on is that feature's record (RoomInventory is the key-value store's KeyValue) and is not listed again. Keep only the source-of-truth entities of archetypes that own a critical path: the smallest state that must be authoritative (an entity a card marks with a subject, such as a ledger for money, only when an operation writes it). A product-first design names first the product's own records (a product no feature card models: the main record its prompt names, durable unless stated, held by the store drawn for it) its critical actions write (a ticket hold, a message), kept by the feature's state owner, then the substrate's records that carry them. The lead archetype's unit takes the prompt's own noun, as the boxes and tables do (a payment service's workflow instance is a Payment)",
  facts: (f) => ({
    unit: designUnitNoun(f),
    references: referenceFacts(f.prompt),
    record: bareProductRecord(f.prompt, f.branch.kind, f.features) ?? null,
    local: statedLocalAutonomy(f.prompt)?.quote ?? null,
  }),
  derive: (f, _input, { unit, references, record, local }) => {
    const out: PrimaryStateRow[] = [];
    const stated = f.nfrs.durability.source !== "default" ? f.nfrs.durability : undefined;
    // A design asked only for derived state (a cache) keeps its dominant archetype's records as part of that cache;
    // a substrate beside it (the config plane) keeps its own.
    const holder = stateHolder(f.archetypes, references);
    // (unless the dominant draws that derived state as a tier in front of its own store, which then stays the system of
    // record: a cache in front of a database keeps the database's rows durable, and only the cached copies are not)
    const fronted = f.archetypes.some(
      (a) => a.role === "dominant" && holder && a.variant?.absorbs?.includes(holder.id),
    );
    const derivedOnly = holder?.asked === true && !holder.records && !fronted ? holder.id : undefined;
    // a card's stance reason that promises a repeat ('a due item may fire a little late or twice') is not this
    // design's where the prompt states that nothing runs twice: the stated delivery is the reason instead
    const cardReason = (id: ArchetypeId) =>
      f.nfrs.delivery.source === "stated" && repeatAgainst(STANCES[id].because, f.nfrs.delivery.value) !== undefined
        ? `held under the delivery the prompt states (${f.nfrs.delivery.because}), so no item runs twice`
        : stanceReason(id, f.archetypes);
    const durabilityOf = (id: ArchetypeId, entity?: string): PrimaryStateRow["durability"] => {
      if (stated) return { value: stated.value, because: stated.because };
      const own = entity ? archetype(id).entities.find((e) => e.name === entity)?.durability : undefined;
      if (own)
        return { value: own, because: `${entity} is ${own} where it lives, whatever ${id} keeps of it (${id}'s card)` };
      const majority = entity ? majorityHolder(id, entity) : undefined;
      if (majority)
        return {
          value: "durable",
          because: `not stated; ${majority.because}, so an acknowledged ${entity} survives the loss of a member`,
        };
      if (derivedOnly && id !== derivedOnly && f.archetypes.some((a) => a.id === id && a.role === "dominant"))
        return {
          value: f.nfrs.durability.value,
          because: `the prompt asks for ${derivedOnly}, whose state is derived: what ${id} keeps here is part of it (${f.nfrs.durability.because})`,
        };
      if (fronted && holder && f.archetypes.some((a) => a.id === id && a.role === "dominant"))
        return {
          value: "durable",
          because: `not stated; ${id} is the store the asked-for ${holder.id} tier fronts, which stays the system of record: its rows must survive, and only the copies ${holder.id} keeps of them are best-effort`,
        };
      const d = STANCES[id].durability;
      return {
        value: d,
        because: `not stated; ${id} holds it, whose state is ${d === "durable" ? "a record that must survive" : "derived or soft, rebuilt or renewed after a loss"} (${cardReason(id)})`,
      };
    };
    // consistency and availability by the state's role: stated, else a majority-commit holder's, else the stance of
    // the archetype that holds it (the lead's is the design's own, which already follows an outside party's needs)
    const lead0 = f.archetypes[0]?.id;
    const localOnly =
      local !== null &&
      f.nfrs.consistency.source === "default" &&
      f.nfrs.availability.because === `the prompt says '${local}'`;
    const stanceOf = (id: ArchetypeId, entity?: string): Pick<PrimaryStateRow, "consistency" | "availability"> => {
      const majority = entity ? majorityHolder(id, entity) : undefined;
      const pickOne = <K extends "consistency" | "availability">(
        k: K,
        held: PrimaryStateRow[K]["value"],
      ): PrimaryStateRow[K] => {
        const n = f.nfrs[k];
        // a stated consistency or availability fixes both: the design reconciled the other against it (save where the
        // only stated stance is a part that keeps working while cut off: that speaks of the part's own path, and each
        // record keeps its role's stance, a quorum's record quorum truth and a payment's state decided once)
        if ((f.nfrs.consistency.source !== "default" || f.nfrs.availability.source !== "default") && !localOnly)
          return { value: n.value, because: n.because } as PrimaryStateRow[K];
        // the card's word for the entity's role comes before its holder's: a registration kept by a consensus group
        // is still read from any server's copy, and a liveness lease beside it is soft
        // only a row that fits the subjects spoken: a checkout's Cart takes no stance from the cart subject's own Cart
        const own = entity
          ? archetype(id).entities.find((e) => e.name === entity && fitsTopics(e, unspokenBesides(f.nfrs.topics)))
              ?.stance
          : undefined;
        // a stance that fails closed only so an outside effect never runs twice gives way to a party that accepts a
        // repeat: the delivery state of a webhook or an email takes the design's (the party's) stance
        const party = f.nfrs.party ? PARTIES[f.nfrs.party.value] : undefined;
        if (own?.against === "repeat" && party && party.stance.availability === "stay-available")
          return {
            value: party.stance[k],
            because: `not stated; ${entity} fails closed only so that an effect never runs twice (${own.because}), and ${party.name} ${party.dedupes.value ? "drops" : "may receive"} a repeat, which the design accepts: ${party.stance.because}`,
          } as PrimaryStateRow[K];
        if (own)
          return {
            value: own[k],
            because: `not stated; ${entity}'s role sets it (${id}'s card): ${own.because}`,
          } as PrimaryStateRow[K];
        if (majority)
          return {
            value: held,
            because: `not stated; ${majority.because}: ${k === "consistency" ? "every read it serves follows the last committed write" : "a member cut off from the majority refuses writes rather than accept ones that could be lost"}`,
          } as PrimaryStateRow[K];
        if (id === lead0) return { value: n.value, because: n.because } as PrimaryStateRow[K];
        return {
          value: STANCES[id][k],
          because: `not stated; ${id} holds it, whose default ${k} it keeps (${cardReason(id)})`,
        } as PrimaryStateRow[K];
      };
      return {
        consistency: pickOne("consistency", "linearizable"),
        availability: pickOne("availability", "fail-closed"),
      };
    };
    if (composedKind(f.branch.kind, f.archetypes) === "product") {
      for (const op of f.operations) {
        if (!op.critical || out.some((r) => r.entity === op.entity)) continue;
        if (record && op.entity === record.entity) {
          // a bare product's own record: kept by the store the architecture draws for it, and never lost
          const keyWords = record.key.replace(/_/g, " ");
          out.push({
            entity: record.entity,
            description: `One ${record.noun} per ${keyWords} (${record.fields.map((x) => x.replace(/_/g, " ")).join(", ")}), made once by a request to ${record.create.phrase} and read on every request to ${record.read.verb} it.`,
            authority: recordBoxes(record).store,
            scope: scopesOf(op.archetype as ArchetypeId, f.nfrs.topics, writtenBy(op.archetype, f.operations))
              .coordination.scope,
            archetype: op.archetype,
            durability: stated
              ? { value: stated.value, because: stated.because }
              : {
                  value: "durable",
                  because: `not stated; a ${record.noun} is the product's own record: once '${record.create.phrase}' answers, losing it breaks every ${keyWords} handed out`,
                },
            ...stanceOf(op.archetype as ArchetypeId),
            because: `'${op.phrase}' is the product's own critical write (${record.because}); ${f.archetypes.map((a) => a.id).join(", ")} below carry it`,
          });
          continue;
        }
        if (!op.feature) continue;
        const row = f.features.find((x) => x.id === op.feature);
        const feature = FEATURE_BY_ID.get(op.feature);
        if (!row || !feature) continue;
        // the component that keeps the record (a reputation ledger in its own store beside the posts' store), else the
        // feature's state owner
        const t = feature.topology;
        const holder =
          t.dataModel.find((d) => fillTerms(d.entity, row.terms) === op.entity)?.owner ??
          t.components.find((c) => c.holds?.some((h) => fillTerms(h, row.terms) === op.entity))?.id;
        const owner = t.components.find((c) => c.id === holder) ?? t.components.find((c) => c.id === t.stateOwner);
        // a record that enforces an archetype's guarantee itself (room-night counts keep a room from being booked
        // twice) is as strict as that archetype's state: the stance follows the guarantee, not the store's default
        const realizes = feature.realizes?.find((r) => fillTerms(r.entity, row.terms) === op.entity);
        const unstated = f.nfrs.consistency.source === "default" && f.nfrs.availability.source === "default";
        // … unless the feature states its own stance for what it sells (a stock row realizes a counter, whose default is
        // eventual, yet it refuses sales rather than guess): the feature's word on its own record comes first
        const own = realizes && unstated ? feature.stance : undefined;
        const stance = own
          ? {
              consistency: {
                value: own.consistency,
                because: `not stated; ${op.entity} enforces ${feature.name}'s own rule (${fillTerms(realizes?.demand ?? "", row.terms)}), and ${fillTerms(own.because, row.terms)}`,
              },
              availability: {
                value: own.availability,
                because: `not stated; ${op.entity} enforces ${feature.name}'s own rule (${fillTerms(realizes?.demand ?? "", row.terms)}), and ${fillTerms(own.because, row.terms)}`,
              },
            }
          : realizes && unstated
            ? {
                consistency: {
                  value: STANCES[realizes.id].consistency,
                  because: `not stated; ${op.entity} enforces ${realizes.id}'s guarantee itself (${fillTerms(realizes.demand, row.terms)}), so it keeps ${realizes.id}'s consistency (${STANCES[realizes.id].because})`,
                },
                availability: {
                  value: STANCES[realizes.id].availability,
                  because: `not stated; ${op.entity} enforces ${realizes.id}'s guarantee itself (${fillTerms(realizes.demand, row.terms)}), so it keeps ${realizes.id}'s availability (${STANCES[realizes.id].because})`,
                },
              }
            : stanceOf(op.archetype as ArchetypeId);
        out.push({
          entity: op.entity,
          description: row.entities.find((e) => e.name === op.entity)?.description ?? `what '${op.phrase}' writes`,
          authority: owner?.name ?? feature.name,
          scope: scopesOf(op.archetype as ArchetypeId, f.nfrs.topics, writtenBy(op.archetype, f.operations))
            .coordination.scope,
          archetype: op.archetype,
          durability: durabilityOf(op.archetype as ArchetypeId),
          ...stance,
          because: `'${op.phrase}' is a critical action of ${feature.name} and writes it; ${op.archetype} carries its correctness (${scopesOf(op.archetype as ArchetypeId, f.nfrs.topics, writtenBy(op.archetype, f.operations)).coordination.why})`,
        });
      }
    }
    const owners = new Set(f.criticalPaths.map((p) => p.archetype));
    const lead = f.archetypes[0];
    if (lead) owners.add(lead.id);
    // the same renaming the architecture applies (engine/prompt-nouns.ts), so the state and the boxes agree
    const renaming = leadRenamings(unit, lead, composedKind(f.branch.kind, f.archetypes));
    const unspoken = unspokenBesides(f.nfrs.topics);
    // in a feature-led design, the unit record of a substrate a feature's critical action rests on is that feature's
    // own record (a hotel's RoomInventory row is the key-value store's KeyValue): it is not listed again generically
    const featureUnits = new Set(
      composedKind(f.branch.kind, f.archetypes) === "product"
        ? f.operations
            .filter((o) => o.critical && o.feature && out.some((r) => r.entity === o.entity))
            .flatMap((o) => ARCHITECTURE[o.archetype as ArchetypeId]?.unit?.entity ?? [])
        : [],
    );
    // an archetype the design draws no part of (the one a feature's record realizes) keeps its state in that record
    const partless = partlessArchetypes(f);
    for (const ra of f.archetypes) {
      if (!owners.has(ra.id) || partless.has(ra.id)) continue;
      const a = archetype(ra.id);
      // our own record of an effect is authoritative where the outside party cannot be asked about it
      const party = f.nfrs.party?.value;
      for (const e of a.entities.filter((x) => x.truth || (party && x.truthFor?.includes(party)))) {
        if (out.some((r) => r.entity === e.name) || featureUnits.has(e.name)) continue;
        // an entity of a subject the design is not about (a ledger without money) is state only when a path writes it
        // (one kept out of a subject the design speaks of, a leased chunk replica under a file-sync product, is no state
        // at all; where that subject is not spoken it is state like any other truth of its card)
        const written = f.operations.some((o) => o.archetype === a.id && o.entity === e.name);
        if (e.unlessTopic && !fitsTopics(e, unspoken)) continue;
        // of two entities of one name, the one the design's subjects keep speaks for it: a configuration rollout is
        // never described as a software deployment's move between releases because a path writes a "Rollout"
        if (!fitsTopics(e, unspoken) && a.entities.some((x) => x !== e && x.name === e.name && fitsTopics(x, unspoken)))
          continue;
        // (a record the design fronts, the database behind a look-aside cache, is its truth though another system writes
        // it, unless another card of the design already speaks for that record in this subject)
        const given =
          e.givenBy !== undefined &&
          fitsTopics(e, unspoken) &&
          !describedElsewhere(
            a.id,
            unspoken,
            f.archetypes.map((x) => x.id),
          );
        if (e.topic && !written && !given) continue;
        if (e.unlessTopic && !written && !markTopics(e.unlessTopic).some((t) => LOOSE_UNLESS.has(t))) continue;
        const renamed = a.id === lead?.id ? renaming.find((r) => r.entity === e.name) : undefined;
        const name = renamed ? renameText(e.name, [renamed]) : e.name;
        // what the entity is in a design about one of its subjects (a database row behind a look-aside cache)
        const described =
          e.topicDescriptions?.find((x) => fitsTopics({ topic: x.topic }, unspoken))?.description ?? e.description;
        out.push({
          entity: name,
          description: renamed ? renameUnit(renameText(described, [renamed]), [renamed]) : described,
          // the storage of a design about one subject, where the card draws it differently (file sync's journal); a
          // record the design fronts is held by the system that writes it
          authority:
            (given ? e.givenBy : undefined) ??
            (a.topicSilhouettes?.find((x) => !unspoken.includes(x.topic)) ?? a.silhouette).storage,
          scope: scopesOf(a.id, f.nfrs.topics, writtenBy(a.id, f.operations)).coordination.scope,
          archetype: a.id,
          durability: durabilityOf(a.id, e.name),
          ...stanceOf(a.id, e.name),
          because: given
            ? `${name} is the record the design fronts, kept and written by ${e.givenBy}: the design reads it and never writes it, so it stays the source of truth`
            : e.truth
              ? `${name} is ${a.id}'s source of truth${renamed ? ` (its ${e.name}: ${renamed.because})` : ""}; ${scopesOf(a.id, f.nfrs.topics, writtenBy(a.id, f.operations)).coordination.why}`
              : `${name} is the only record of what reached the outside party, which cannot be asked about an outcome (${f.nfrs.party?.because ?? a.id})`,
        });
      }
    }
    return out;
  },
};
