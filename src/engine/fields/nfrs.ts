import { VARIANTS } from "../../knowledge/covers.js";
import { type DecisionCondition, decisionPoints } from "../../knowledge/decisions/index.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { PARTIES } from "../../knowledge/parties.js";
import { LOSS_WORDS, repeatAgainst } from "../../knowledge/patterns.js";
import { REFERENCE_MODEL } from "../../knowledge/reference-model.js";
import { STANCES } from "../../knowledge/stances.js";
import { designTopicsSpoken, TOPIC_MEANING, unspokenBesides } from "../../knowledge/topics.js";
import { designParty } from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import type { Nfrs, Sourced } from "../design/types.js";
import { statedNfrsOf } from "../nfr-parse.js";
import { fillTerms } from "../product/index.js";
import { referenceFacts } from "../references.js";
import { copyOnlyTruth, ownedAuthority } from "../stance.js";
import type { Stated } from "../stated.js";
import { lastingBecause } from "../stated-stance.js";
import { namedSystemStance } from "../system-stance.js";
import { pattern } from "../text.js";
import { leadingStance, stanceReason, stateHolder } from "./common.js";

function pick<T>(stated: Stated<T> | undefined, fallback: T, why: string): Sourced<T> {
  if (stated) return { value: stated.value, source: "stated", because: `the prompt says '${stated.quote}'` };
  return { value: fallback, source: "default", because: why };
}

/** The inputs the prompt's nouns fix: its own, plus the outside party's checked ceiling where one applies. */
function implied(
  own: NonNullable<Nfrs["implied"]>,
  party: (typeof PARTIES)[keyof typeof PARTIES] | undefined,
  stated: Readonly<Record<string, unknown>>,
): Pick<Nfrs, "implied"> {
  const out = { ...own };
  const ceiling = party?.ceiling;
  if (ceiling && out.provider_requests_per_sec === undefined)
    out.provider_requests_per_sec = {
      value: ceiling.perSecond,
      because: `assumed ${ceiling.perSecond} req/s for ${party.name}: ${ceiling.because}`,
    };
  // the party's own key retention bounds the design's idempotency records, unless the prompt's retry window does
  const kept = party?.keyRetention;
  if (kept && out.retention_days === undefined && stated.retry_window_seconds === undefined)
    out.retention_days = {
      value: kept.days,
      because: `assumed ${kept.days} day${kept.days === 1 ? "" : "s"} for ${party.name}: ${kept.because}`,
    };
  return Object.keys(out).length > 0 ? { implied: out } : {};
}

export const nfrsField: Deriver<"nfrs"> = {
  field: "nfrs",
  category: "Given",
  reads: ["prompt", "archetypes", "branch", "features"],
  rule: "NFRs the prompt states win; anything unstated takes the dominant archetype's default stance (in a mixed design a feature's record realizes, the stance of the archetype the demand stands for: a room never booked twice is linearizable and fails closed; its reason said in the feature's terms where the feature gives one), except durability and delivery, which follow the role of the state: those of the archetype holding the records the design must not lose (among those the prompt asks to build), best-effort when it asks only for derived or soft state; a default that contradicts a stated value (linearizable with stay-available) gives way to it. A design whose effects leave the system (I12) names the kind of outside party they reach from the prompt's words (in a feature-led design the feature that carries the workflow says it; else a payment provider, customers' webhook endpoints, the push gateways, an email or SMS gateway, else another service); its checked per-account ceiling, where one applies, is the input its call rate is measured against, and where the workflow archetype leads, unstated consistency and availability follow what that party needs (a payment is decided once and refused when the primary is unreachable; a delivery is retried and deduplicated, so intake stays available). The subjects the prompt and its features speak of (money, a work queue, an order book, …) are listed with the words that name them",
  derive: (f) => {
    const s = statedNfrsOf(f.prompt);
    const { stance, id } = leadingStance(f.archetypes);
    const topics = topicsOf(f.prompt, f.features);
    // the stance's reason is re-derived where the card's own text would contradict the design: a variant's reason
    // where the lead is that variant (a cache tier holds no shard majority), and none that promises a repeat where
    // the prompt states at-most-once delivery
    const lead = f.archetypes[0];
    const variant =
      lead?.id === id && lead.variant
        ? VARIANTS.find((v) => v.by === id && v.topic === lead.variant?.topic && v.stance)
        : undefined;
    // a stated "never twice" (at most once, or exactly once: 'never run twice') holds whatever the archetype's stance
    // says of repeats, so a reason that promises one ('a due item may fire a little late or twice') is not the design's
    const atMostOnce =
      s.delivery?.value === "at-most-once" || s.delivery?.value === "exactly-once" ? s.delivery : undefined;
    const repeats = atMostOnce !== undefined && repeatAgainst(stance.because, atMostOnce.value) !== undefined;
    // a product design whose lead substrate a feature rests on says the stance in that feature's terms, and so does a
    // mixed one whose lead a feature's record realizes (a chat's sends stop per conversation, not a log's produces)
    const byFeature = f.features
      .map((row) => ({ row, s: FEATURE_BY_ID.get(row.id)?.substrates.find((x) => x.id === id && x.stance) }))
      .find((x) => x.s !== undefined);
    const featureReason = byFeature?.s?.stance && fillTerms(byFeature.s.stance, byFeature.row.terms);
    const dflt = (what: string) =>
      featureReason && (f.branch.kind === "product" || lead?.realizes?.id === id)
        ? `not stated; ${byFeature?.row.name} rests on ${id}, whose default ${what} it takes: ${featureReason}`
        : variant?.stance
          ? `not stated; ${id}'s default ${what}, as ${variant.subject} (${variant.stance})`
          : repeats && atMostOnce
            ? `not stated; ${id}'s default ${what}, held under the delivery the prompt states ('${atMostOnce.quote}'), so no item runs twice`
            : `not stated; ${id}'s default ${what} (${stance.because})`;
    // Durability and delivery belong to the state, not to whichever archetype leads.
    const holder = stateHolder(f.archetypes, referenceFacts(f.prompt)) ?? { id, records: false, asked: false };
    const held = STANCES[holder.id];
    const byState = (what: string) =>
      holder.id === id
        ? dflt(what)
        : holder.records
          ? `not stated; the records the design must not lose are ${holder.id}'s${holder.asked ? ", which the prompt asks to build" : ""}, so its default ${what} (${stanceReason(holder.id, f.archetypes)})`
          : `not stated; the prompt asks for ${holder.id}, whose state is derived or soft, so its default ${what} (${stanceReason(holder.id, f.archetypes)})`;
    // the outside party a workflow's effects reach: its kind decides its ceiling, reconciliation and stance
    const sends = f.archetypes.some((a) => a.id === "I12");
    const found = sends ? designParty(f) : undefined;
    const party = found ? PARTIES[found.kind] : undefined;
    const partyWhy = found?.because ?? "";
    const scale: Nfrs["scale"] = {};
    for (const [k, v] of Object.entries(s.scale))
      scale[k] = { value: v.value, quote: v.quote, ...(v.reading ? { reading: v.reading } : {}), source: "stated" };
    const byParty = party && id === "I12" ? party.stance : undefined;
    const partyDflt = (what: string) => `not stated; ${partyWhy}, whose ${what} it takes (${byParty?.because})`;
    // the lead's own reference system, where the prompt names it or its workload, sets a weaker default (GFS's
    // relaxed regions for appended files)
    const relaxed = stance.relaxed && pattern(stance.relaxed.when, "i").test(f.prompt) ? stance.relaxed : undefined;
    let consistency = byParty
      ? pick(s.consistency, byParty.consistency, partyDflt("consistency"))
      : relaxed
        ? pick(s.consistency, relaxed.consistency, `not stated; ${REFERENCE_MODEL}: ${relaxed.because}`)
        : pick(s.consistency, stance.consistency, dflt("consistency"));
    // the lead's authoritative state, where its card says one owner holds it, sets the design's failure stance: a
    // symbol halts without its matcher, a document is read-only without its sequencer
    const owned = byParty ? undefined : ownedAuthority(id, unspokenBesides(topics.topics));
    const ownedWhy = owned && `not stated; ${id}'s authoritative state fails closed: ${owned.stance.because}`;
    if (owned && ownedWhy && !relaxed && s.consistency === undefined && s.availability === undefined)
      consistency = pick(undefined, owned.stance.consistency, ownedWhy);
    // the feature the prompt itself names (not one a product is known for) sets what its own requirements say
    const asked = f.features.flatMap((row) => {
      const said = row.evidence.find((e) => e.startsWith("the prompt says '"));
      const st = said && FEATURE_BY_ID.get(row.id)?.stance;
      return st ? [{ row, said, st }] : [];
    });
    // a mixed design composed as a product design, its lead realized by the feature's own record (a flash sale's
    // stock row), reads its stance from that feature as a product design does
    const realizedBy = f.archetypes[0]?.realizes?.feature;
    const composed = f.branch.kind === "product" || asked.some((a) => a.row.id === realizedBy);
    const named = asked.length === 1 && !byParty && composed ? asked[0] : undefined;
    const namedWhy =
      named &&
      `not stated; ${named.said}, and ${named.row.name} is ${named.st.consistency} and ${named.st.availability}: ${fillTerms(named.st.because, named.row.terms)}`;
    if (named && namedWhy && s.consistency === undefined) consistency = pick(undefined, named.st.consistency, namedWhy);
    // a named system the prompt likens the design to, with a checked guarantee, sets what the prompt leaves unstated
    // (a wide-column store like Bigtable serves each row from one tablet server: strongly consistent per row)
    const likened = byParty || named ? undefined : namedSystemStance(f.prompt);
    const likenedWhy = likened && `not stated; the prompt names ${likened.name}: ${likened.stance.because}`;
    if (likened && likenedWhy && s.consistency === undefined)
      consistency = pick(undefined, likened.stance.consistency, likenedWhy);
    let availability = byParty
      ? pick(s.availability, byParty.availability, partyDflt("availability stance"))
      : owned && ownedWhy && s.consistency === undefined
        ? pick(s.availability, owned.stance.availability, ownedWhy)
        : pick(s.availability, stance.availability, dflt("availability stance"));
    if (named && namedWhy && s.availability === undefined && s.consistency === undefined)
      availability = pick(undefined, named.st.availability, namedWhy);
    // a variant whose clients see the design otherwise than the card's nodes (app installs read a cached prefix and
    // never stop for the store) takes its own defaults, with the variant's reason
    if (variant?.holds && s.availability === undefined && s.consistency === undefined) {
      consistency = pick(undefined, variant.holds.consistency, dflt("consistency"));
      availability = pick(undefined, variant.holds.availability, dflt("availability stance"));
    }
    if (likened && likenedWhy && s.availability === undefined && s.consistency === undefined)
      availability = pick(undefined, likened.stance.availability, likenedWhy);
    // At most once for records that must not be lost: a side cut off from the primary that records each claim cannot
    // run an item (it might run twice) nor drop it, so it holds the item until the primary is reachable again. A
    // stated exactly-once ('never run twice') is the same promise about repeats where the card's default would run an
    // item again ('may fire a little late or twice'); an outside party's checked stance (a webhook retried and
    // deduplicated by the receiver) keeps its own
    if (
      atMostOnce &&
      repeats &&
      (atMostOnce.value === "at-most-once" || !byParty) &&
      s.availability === undefined &&
      s.consistency?.value !== "eventual" &&
      availability.value === "stay-available" &&
      (s.durability?.value ?? held.durability) === "durable"
    )
      availability = {
        value: "fail-closed",
        source: "default",
        because: `not stated; the prompt says '${atMostOnce.quote}', and an item must never be lost: a side cut off from the primary that records each claim holds its items until that primary is reachable, so an item runs late, never twice`,
      };
    // A decision of the lead whose option is a failure stance, and whose win condition the prompt states in words
    // ("caps login attempts": over-admission breaks a security promise, so the limiter fails closed), sets the stance
    // the prompt leaves unstated, so the stance line says what the decision chose
    const fromOption = s.availability === undefined ? stanceOfStatedOption(id, f.prompt, s.scale) : undefined;
    if (fromOption && fromOption.value !== availability.value) availability = fromOption;
    // Linearizable and stay-available cannot both hold under a partition; a stated value beats a default.
    if (consistency.value === "linearizable" && availability.value === "stay-available") {
      if (consistency.source === "stated" && availability.source === "default")
        availability = {
          value: "fail-closed",
          source: "default",
          because: `the prompt asks for linearizable state (${consistency.because}), so a partitioned minority refuses rather than answer stale`,
        };
      else if (availability.source === "stated" && consistency.source === "default")
        consistency = {
          value: "read-your-writes",
          source: "default",
          because: `the prompt asks to stay available (${availability.because}), which rules out linearizable reads under a partition; each client still reads its own writes through a sticky session (if 'available' meant surviving node loss, state 'linearizable' instead: a majority keeps serving and only a cut-off minority refuses, which is what one leader or one lock holder needs)`,
        };
      else if (availability.source === "stated" && consistency.source === "stated")
        availability = {
          value: "fail-closed",
          source: "stated",
          because: `${availability.because} and ${consistency.because}: under a partition only one can hold, so the design keeps linearizable and stays available by surviving the loss of a minority of replicas (a majority keeps serving), not by answering on both sides`,
        };
    }
    // the lead holds the state and its subject's records are copies (an in-memory cache's items): best-effort
    const copies = holder.id === id && !byParty ? copyOnlyTruth(id, unspokenBesides(topics.topics)) : undefined;
    let durability = copies
      ? pick(
          s.durability,
          "best-effort",
          `not stated; ${copies.name} is a copy of a value the origin keeps, evicted and refilled on a miss, so losing it costs a miss, not data`,
        )
      : pick(s.durability, held.durability, byState("durability"));
    // A linearizable read must still see an acknowledged write after a node is lost, so it cannot sit on best-effort state.
    if (consistency.value === "linearizable" && durability.value === "best-effort" && durability.source === "default")
      durability = {
        value: "durable",
        source: "default",
        because: `linearizable state (${consistency.because}) keeps every acknowledged write through a node loss, so it is durable`,
      };
    // A stated promise that nothing is lost ('no photo is ever lost') rules out an at-most-once default, whose
    // retries give up and accept the loss: a write is retried until it is acknowledged durably
    let delivery = pick(s.delivery, held.delivery, byState("delivery"));
    const lossFree =
      s.durability?.value === "durable" && LOSS_WORDS.test(s.durability.quote) ? s.durability : undefined;
    if (lossFree && delivery.source === "default" && delivery.value === "at-most-once")
      delivery = {
        value: "at-least-once",
        source: "default",
        because: `not stated as such, but the prompt says '${lossFree.quote}': a write is retried until it is acknowledged durably, never dropped after a small budget, so a repeat must be harmless`,
      };
    // A stated freshness bound ('a price change must be visible within 1 second') is a promise about every change:
    // one lost on its way to a copy leaves that copy stale until its TTL, past the bound. So the path that carries a
    // change to the copies is at least once from a durable log read from a checkpoint (a delete or a newer version
    // applied twice does no harm), whatever the archetype's default says of its own writes or copies
    const fresh = freshnessBound(s.scale);
    if (fresh && delivery.source === "default" && delivery.value === "at-most-once")
      delivery = {
        value: "at-least-once",
        source: "default",
        because: `not stated as such, but the prompt says '${fresh.quote}': a change lost on its way to a copy leaves that copy stale past the bound, so every change is carried at least once from a durable log read from a checkpoint, and applying one twice (a delete, a newer version) does no harm`,
      };
    if (fresh && durability.source === "default" && durability.value === "best-effort")
      durability = {
        value: "durable",
        source: "default",
        because: `not stated as such; ${durability.because.replace(/^not stated; /, "")}, but the prompt says '${fresh.quote}': the changes that reach the copies must outlive a node loss, so they travel on a durable change log (the store's own commit log, read from a checkpoint)`,
      };
    const ordering = pick(s.ordering, stance.ordering, dflt("ordering"));
    return {
      delivery,
      consistency,
      availability,
      ordering,
      durability,
      regions: s.regions
        ? {
            value: s.regions.value,
            source: "stated",
            because: `the prompt says '${s.regions.quote}'${s.regions.reading ? `: ${s.regions.reading}` : ""}`,
          }
        : { value: 1, source: "default", because: "no regions named; one region with replicas across its zones" },
      latency: s.latency.map((l) => ({ ...l })),
      scale,
      ...implied(s.implied, party, s.scale),
      ...(party
        ? {
            party: {
              value: party.kind,
              because: party.ceiling
                ? `${partyWhy}; its limit: ${party.ceiling.because} (${party.ceiling.source})`
                : `${partyWhy}; ${party.noCeiling ?? "no per-account limit is drawn"}`,
            },
          }
        : {}),
      ...topics,
      ...orderKeyOf(
        designTopicsSpoken(f.prompt, f.features).find((x) => x.value === "keyed-order")?.quote,
        ordering.value,
      ),
      ...(s.repeatWindow
        ? { repeatWindow: { ...s.repeatWindow, because: `the prompt says '${s.repeatWindow.quote}'` } }
        : {}),
      ...(s.idWidth ? { idWidth: { bits: s.idWidth.bits, because: `the prompt says '${s.idWidth.quote}'` } } : {}),
      ...(s.guarantees ? { guarantees: s.guarantees } : {}),
      ...(s.survives
        ? { survives: { value: s.survives.value, because: `the prompt says '${s.survives.quote}'` } }
        : {}),
      ...(s.readModes
        ? { readModes: { value: s.readModes.value, because: `the prompt says '${s.readModes.quote}'` } }
        : {}),
      ...(s.confirmation
        ? { confirmation: { party: s.confirmation.party, because: `the prompt says '${s.confirmation.quote}'` } }
        : {}),
      ...(s.tenure ? { tenure: { value: s.tenure.value, because: lastingBecause(s.tenure.quote) } } : {}),
    };
  },
};

/**
 * The key a stated order is kept within, where the prompt names one ("each customer's events in order": customer,
 * events; "per-partner ordering": partner): the ordering rule, its partition key and its one-in-flight queue are
 * said of that key, not of whatever record the first path writes.
 */
function orderKeyOf(quote: string | undefined, ordering: string): Pick<Nfrs, "orderKey"> {
  if (ordering !== "per-key" || !quote) return {};
  // "two events of the same order out of sequence": the items come first, the thing that keys them after
  const same = /\b([a-z]+?s?) (?:of|for|about) the same ([a-z]+)\b/i.exec(quote);
  if (same?.[1] && same[2])
    return {
      orderKey: {
        value: same[2].toLowerCase(),
        items: same[1].toLowerCase(),
        because: `the prompt says '${quote}': order is kept within one ${same[2].toLowerCase()}`,
      },
    };
  const m =
    /\b(?:each|every|per|one|a) ([a-z]+?)(?:'s|s') (?:([a-z-]+(?: [a-z-]+)?) )?(?:are |is |stays? )?(?:kept |delivered |sent |applied |processed )?in /i.exec(
      quote,
    ) ??
    /\bper[- ]([a-z]+) /i.exec(quote) ??
    /\b(?:per|for each|within (?:a|each|one)) ([a-z]+)$/i.exec(quote);
  const key = m?.[1]?.toLowerCase();
  if (!key) return {};
  const items = m?.[2]?.toLowerCase();
  return {
    orderKey: {
      value: key,
      ...(items ? { items } : {}),
      because: `the prompt says '${quote}': order is kept within one ${key}`,
    },
  };
}

/**
 * The freshness bound the prompt states, where it states one ('visible within 1 second'): how long a committed
 * change may take to reach every copy readers are served from.
 */
export function freshnessBound(
  scale: Readonly<Record<string, { value: number; quote: string } | undefined>>,
): { value: number; quote: string } | undefined {
  return scale[FRESHNESS_QUANTITY];
}

/** The scale quantity a stated freshness bound binds to. */
export const FRESHNESS_QUANTITY = "propagation_seconds";

/** The subjects the prompt and its product features speak of, each with the words that name it. */
function topicsOf(
  prompt: string,
  features: readonly { name: string; actions: readonly string[] }[],
): Pick<Nfrs, "topics"> {
  const spoken = designTopicsSpoken(prompt, features);
  return spoken.length === 0
    ? {}
    : {
        topics: spoken.map((t) => ({
          value: t.value,
          because: `the design speaks of '${t.quote}': ${TOPIC_MEANING[t.value]}`,
        })),
      };
}

/** Every `words` condition of a win condition, each alternative of an `any` on its own. */
const wordConditions = (cs: readonly DecisionCondition[]): Extract<DecisionCondition, { words: string }>[] =>
  cs.flatMap((c) => ("any" in c ? wordConditions(c.any) : "words" in c ? [c] : []));

/**
 * The failure stance of an option of the archetype's decisions (`implies.stance`) whose win condition the prompt states
 * in its own words, with those words as its reason; undefined where no such option's words are in the prompt.
 */
function stanceOfStatedOption(
  archetype: string,
  prompt: string,
  scale: Readonly<Record<string, { quote: string }>> = {},
): Sourced<Nfrs["availability"]["value"]> | undefined {
  for (const p of decisionPoints(archetype as Parameters<typeof decisionPoints>[0])) {
    // a rule resting only on what the prompt states (its words, a stated quantity) that takes a stance's option: "a
    // merchant may exceed its limit by at most 2%" on a payments API fails the limiter closed
    for (const r of p.rules) {
      const o = p.options.find((x) => x.id === r.option);
      const value = o?.implies?.stance;
      if (!o || !value || r.when.length === 0) continue;
      const said = r.when.map((c) =>
        "words" in c
          ? pattern(c.words, "i").exec(prompt)?.[0]
          : "stated" in c && typeof c.stated === "string" && !("matching" in c && c.matching !== undefined)
            ? scale[c.stated]?.quote
            : undefined,
      );
      if (said.some((q) => q === undefined)) continue;
      const stance = value === "fail-closed" ? "fails closed" : "stays up";
      return {
        value,
        source: "default",
        because: `not stated; ${p.id} takes '${o.id}' and the design ${stance} with it (the prompt says ${said.map((q) => `'${q}'`).join(" and ")}: ${r.because})`,
      };
    }
  }
  for (const p of decisionPoints(archetype as Parameters<typeof decisionPoints>[0]))
    for (const o of p.options) {
      const value = o.implies?.stance;
      if (!value) continue;
      for (const c of wordConditions(o.wins ?? [])) {
        const m = pattern(c.words, "i").exec(prompt);
        if (!m || (c.unless !== undefined && pattern(c.unless, "i").test(prompt))) continue;
        const stance = value === "fail-closed" ? "fails closed" : "stays up";
        return {
          value,
          source: "default",
          because: `not stated as such; ${p.id} takes '${o.id}' and the design ${stance} with it (the prompt says '${m[0]}': ${o.winsWhen})`,
        };
      }
    }
  return undefined;
}
