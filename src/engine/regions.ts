import { DECISION_BY_ID } from "../knowledge/decisions/index.js";
import {
  GEO_ROUTER,
  MAJORITY_DOMAINS_MIN,
  OWNED_SPACE_LEADS,
  REGION_MODES,
  type RegionMode,
  WAN,
  WITNESS,
} from "../knowledge/regions.js";
import type { ApiRow, CapacityRow, ComponentRow, FailureRow, Fields, LinkRow, Nfrs } from "./design/types.js";

/** Words that say a bound is about copies between regions or data centres. */
const REGION_WORDS = /\b(?:regions?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|continents?|geograph\w*)\b/i;

/**
 * A design served from more than one region draws what that needs, in one place: the routing to the nearest region,
 * the same cluster in each region, the link that carries writes across regions, the lag and recovery figures, and the
 * region-cut failure row. How writes cross regions follows the design: linearizable state is one consensus group
 * across regions (every write pays a WAN round trip); otherwise a chosen option that keeps one primary (a single
 * leader, a primary with followers) is a primary region shipping its log, and any other design takes writes in every
 * region and ships them asynchronously (active-active).
 */

type RegionFields = {
  nfrs: Pick<Nfrs, "regions" | "consistency"> & Partial<Pick<Nfrs, "scale">>;
  decisions: readonly Fields["decisions"][number][];
  archetypes?: readonly { id: string }[];
};

/** A chosen option that hands out one sequence from one place (a consensus-replicated counter). */
const ONE_SEQUENCER = /\bone sequencer\b/i;

/**
 * Whether the design hands out a space each region owns a disjoint part of (`OWNED_SPACE_LEADS`: ids carrying their
 * data-centre id): its lead archetype is one, served from more than one region, and no chosen option of it draws every
 * id from one sequencer. Read before the decisions too (the execution context, the implied operations), where only
 * the lead archetype and the region count say it.
 */
export function ownsSpaceAcrossRegions(
  regions: number,
  archetypes: readonly { id: string }[] | undefined,
  decisions: readonly Fields["decisions"][number][] = [],
): boolean {
  const lead = archetypes?.[0]?.id;
  if (regions < 2 || !lead || !OWNED_SPACE_LEADS.includes(lead)) return false;
  return !decisions.some(
    (row) => row.archetype === lead && ONE_SEQUENCER.test(row.options.find((o) => o.id === row.chosen)?.name ?? ""),
  );
}

/**
 * Whether the prompt promises that an acknowledged write outlives a whole region ("no acknowledged write is lost when
 * one region goes down"): a stated durable state and a stated loss of a region or data centre survived, across
 * regions. The acknowledgement then waits on other regions (I16's `i16-ack` rule reads the same two statements), so
 * the fields derived before the decisions (the replication path, the execution context) say so too.
 */
export function acksSpanRegions(n: Pick<Nfrs, "regions" | "durability" | "survives">): boolean {
  return (
    n.regions.value > 1 &&
    n.durability.value === "durable" &&
    n.durability.source === "stated" &&
    (n.survives?.value === "region" || n.survives?.value === "data centre")
  );
}

/** A chosen option that keeps one writer for the whole state. */
const ONE_PRIMARY = /\b(?:single[- ]leader|primary[- ](?:replica|with|and)|leader[- ]follower|one primary)\b/i;

/**
 * How the region count is known, as every section says it: a count the prompt implies (a user base past one
 * country's market, a worldwide product) rests on a stated phrase but is derived, not stated.
 */
export function regionsSource(r: { source: string; because: string }): string {
  return r.source === "stated" && /^the prompt says '[^']*': /.test(r.because) ? "derived" : r.source;
}

/** Why each mode a chosen option names (`implies.regionMode`) is how the state crosses the regions. */
const CHOSEN_MODE_SAYS: Record<"per-key-home" | "region-shares" | "count-slots", string> = {
  "per-key-home": "a key's budget is checked only in its home region, and the other regions forward its checks there",
  "region-shares": "each region spends its own share of a key's budget and a rebalancer moves spare share between them",
  "count-slots":
    "each region counts its own admissions in its own slot of a key's count and the regions exchange their slots every sync interval, summed, never overwritten",
};

export function regionMode(f: RegionFields): { mode: RegionMode; because: string } | undefined {
  const n = f.nfrs.regions.value;
  if (n < 2) return undefined;
  // a chosen option that says how its state crosses the regions (a budget counted per region and summed) decides it
  for (const row of f.decisions) {
    const mode = row.options.find((o) => o.id === row.chosen)?.implies?.regionMode;
    if (mode) return { mode, because: `${n} regions and ${row.id} chose '${row.chosen}': ${CHOSEN_MODE_SAYS[mode]}` };
  }
  if (ownsSpaceAcrossRegions(n, f.archetypes, f.decisions))
    return {
      mode: "owned-space",
      because: `${n} regions and ${f.archetypes?.[0]?.id} hands out a space no two regions may share: ${REGION_MODES["owned-space"].says}`,
    };
  if (f.nfrs.consistency.value === "linearizable")
    return {
      mode: "global-consensus",
      because: needsWitness(n)
        ? `${n} regions and linearizable state: one consensus group with a voter in each region and a witness voter in a third site, so a write is acknowledged once two of the three sites hold it and losing either region leaves a majority`
        : `${n} regions and linearizable state: one consensus group with a voter in each region, so a write is acknowledged once a majority of regions hold it`,
    };
  // an acknowledgement chosen to wait on other regions ("no acknowledged write is lost when a region goes down"): the
  // write quorum spans the regions, though reads stay local
  for (const row of f.decisions) {
    if (DECISION_BY_ID.get(row.id)?.options.find((o) => o.id === row.chosen)?.implies?.crossRegion !== "sync") continue;
    const option = row.options.find((o) => o.id === row.chosen);
    return {
      mode: "quorum-across-regions",
      because: needsWitness(n)
        ? `${n} regions and ${row.id} chose '${option?.name ?? row.chosen}': a write is acknowledged once two of three sites (the regions and a witness) hold it, so losing either region loses no acknowledged write`
        : `${n} regions and ${row.id} chose '${option?.name ?? row.chosen}': a write is acknowledged once replicas in a majority of regions hold it, so losing one region loses no acknowledged write`,
    };
  }
  for (const row of f.decisions) {
    const option = row.options.find((o) => o.id === row.chosen);
    if (option && ONE_PRIMARY.test(option.name))
      return {
        mode: "primary-region",
        because: `${n} regions and ${row.id} chose '${option.name}': one primary region takes the writes and ships its log to the others`,
      };
  }
  return {
    mode: "active-active",
    because: `${n} regions and ${f.nfrs.consistency.value} state: each region accepts writes locally and replicates them asynchronously`,
  };
}

/** A consensus group over this many regions needs a voter in a third site for a majority to survive losing one. */
export const needsWitness = (regions: number) => regions > 1 && regions < MAJORITY_DOMAINS_MIN;

/** A sentence of the region mode said over the sites that vote: the two regions and the witness. */
const overSites = (text: string, regions: number) =>
  needsWitness(regions)
    ? text
        .replace(/\bheld by a majority of regions\b/g, "accepted by a majority of regions")
        .replace(/\ba majority of regions\b/g, WITNESS.majority)
    : text;

const GEO = "geo-router";
const WITNESS_ID = "witness-site";
const REPLICATOR = "cross-region-replicator";
const PEERS = "other-regions";

/**
 * The regions a drawn copy of the other regions stands for, counted with the home region ("The 3 other regions: …" is
 * 4), or undefined for any other part: a commit acknowledged by that part counts regions, not one group's copies.
 */
export function regionsOfPeers(c: { id: string; name: string }): number | undefined {
  if (c.id !== PEERS) return undefined;
  const m = /^The (\d+) other regions?\b/.exec(c.name);
  return m ? Number(m[1]) + 1 : undefined;
}
const STATEFUL = new Set(["replica-group", "store", "log"]);

/** Records that say where data lives (a partition map, a lease), not the data itself. */
const METADATA = /(?:Map|Lease|Epoch|Membership)$/;

/**
 * The component that holds the design's state: the first stateful part that holds a record other than metadata (a
 * partition map places the rows; the range groups hold them), else the first that holds any.
 */
function stateOf(components: readonly ComponentRow[]): ComponentRow | undefined {
  const stateful = components.filter((c) => STATEFUL.has(c.kind));
  return (
    stateful.find((c) => c.holds.some((h) => !METADATA.test(h))) ??
    stateful.find((c) => c.holds.length > 0) ??
    stateful[0]
  );
}

/** The parts a multi-region design adds: the geo router, the cross-region replicator and the other regions' copies. */
export function regionalComponents(f: RegionFields, components: readonly ComponentRow[]): ComponentRow[] {
  const m = regionMode(f);
  const state = stateOf(components);
  if (!m || !state) return [...components];
  const spec = REGION_MODES[m.mode];
  const n = f.nfrs.regions.value;
  const archetype = state.archetype;
  const added: ComponentRow[] = [
    {
      id: GEO,
      name: GEO_ROUTER.name,
      kind: "gateway",
      archetype,
      holds: [],
      runs: [...GEO_ROUTER.runs],
      because: `${GEO_ROUTER.because}; ${m.because}`,
    },
  ];
  if (spec.replicator)
    added.push({
      id: REPLICATOR,
      name: spec.replicator.name,
      kind: "worker-pool",
      archetype,
      holds: [],
      runs: [...spec.replicator.runs],
      because: `${spec.replicator.because}; ${m.because}`,
    });
  added.push({
    id: PEERS,
    name: `The ${n - 1} other ${n - 1 === 1 ? "region" : "regions"}: ${spec.peers}`,
    kind: "replica-group",
    archetype,
    // copies of the home cluster's records: a protocol's steps stay bound to the home cluster
    holds: [],
    runs: [],
    because: `every region runs the same cluster as ${state.name}, so a caller is served in its own region; ${overSites(spec.says, n)}`,
  });
  if ((m.mode === "global-consensus" || m.mode === "quorum-across-regions") && needsWitness(n))
    added.push({
      id: WITNESS_ID,
      name: WITNESS.name,
      kind: "replica-group",
      archetype,
      holds: [],
      runs: [...WITNESS.runs],
      because: WITNESS.because,
    });
  return [...components, ...added];
}

/**
 * The links of a multi-region design: callers reach the entry through the geo router, and the state reaches the
 * other regions' copies through the replicator (or a consensus round).
 */
export function regionalLinks(
  f: RegionFields,
  components: readonly ComponentRow[],
  links: readonly LinkRow[],
): LinkRow[] {
  const m = regionMode(f);
  const ids = new Set(components.map((c) => c.id));
  if (!m || !ids.has(GEO)) return [...links];
  const state = stateOf(components.filter((c) => c.id !== PEERS));
  // the callers of the lead part reach their region through the router (one kind of caller: the router is its entry)
  const clients = new Set(
    components
      .filter((c) => c.kind === "client")
      .map((c) => c.id)
      .slice(0, 1),
  );
  const out: LinkRow[] = [];
  for (const l of links) {
    if (clients.has(l.from) && l.kind === "request") {
      if (!out.some((o) => o.from === l.from && o.to === GEO))
        out.push({ from: l.from, to: GEO, kind: "request", label: "resolve to the nearest healthy region" });
      out.push({ ...l, from: GEO });
    } else out.push(l);
  }
  const spec = REGION_MODES[m.mode];
  if (spec.local) {
    // nothing of the state crosses regions: the other regions are reached only by their own callers
    if (ids.has(PEERS)) out.push({ from: GEO, to: PEERS, kind: "request", label: spec.link });
  } else if (state && ids.has(REPLICATOR)) {
    out.push({ from: state.id, to: REPLICATOR, kind: "stream", label: spec.tail ?? "committed writes, in order" });
    out.push({ from: REPLICATOR, to: PEERS, kind: "replication", label: spec.link });
  } else if (state)
    out.push({ from: state.id, to: PEERS, kind: "replication", label: overSites(spec.link, f.nfrs.regions.value) });
  if (state && ids.has(WITNESS_ID))
    out.push({ from: state.id, to: WITNESS_ID, kind: "replication", label: WITNESS.link });
  return out;
}

/** The region-cut row of a multi-region design. */
export function regionalFailures(f: RegionFields, archetype: FailureRow["archetype"]): FailureRow[] {
  const m = regionMode(f);
  if (!m) return [];
  const n = f.nfrs.regions.value;
  const cut = REGION_MODES[m.mode].cut;
  const said = {
    failure: overSites(cut.failure, n),
    prevention: overSites(cut.prevention, n),
    repair: overSites(cut.repair, n),
  };
  return [{ ...said, role: "truth", archetype, source: `${n} regions (${m.mode})` }];
}

/**
 * The failure rows as the region mode keeps them: a row its mode answers otherwise (a sloppy quorum where a write
 * must be held by a majority of regions) is said as the mode keeps it.
 */
export function regionalFailureRows(f: RegionFields, rows: readonly FailureRow[]): FailureRow[] {
  const m = regionMode(f);
  const r = m ? REGION_MODES[m.mode].replaces : undefined;
  if (!m || !r) return [...rows];
  const match = new RegExp(r.match, "i");
  return rows.map((row) => (match.test(row.failure) ? { ...row, ...r.row } : row));
}

/** A caller-chosen consistency on a call ("?consistency=one|quorum"), which could void the mode's acknowledgement. */
const CALLER_CONSISTENCY = /[?&]consistency=one\|quorum\b/;
/** A call's own acknowledgement clause, replaced by the mode's ("acknowledged after W of N replicas stored it"). */
const OWN_ACK = /^acknowledged after W of N replicas (?:stored|applied) it(?:; |$)/;

/**
 * The calls as the region mode promises them: where every write waits for a majority of regions, no call lets its
 * caller ask for less (`?consistency=one` acknowledged by one replica would void the rule), a write says the mode's
 * acknowledgement and a read offers the nearest copy or a majority of regions.
 */
export function regionalApi(f: RegionFields, api: readonly ApiRow[]): ApiRow[] {
  const m = regionMode(f);
  const calls = m ? REGION_MODES[m.mode].calls : undefined;
  if (!m || !calls) return [...api];
  const n = f.nfrs.regions.value;
  const fill = (t: string) =>
    overSites(t.replace("{majority}", String(majorityOf(n))).replace("{regions}", String(n)), n);
  return api.map((a) => {
    if (!CALLER_CONSISTENCY.test(a.call)) return a;
    if (/^GET\b/.test(a.call))
      return { ...a, call: a.call.replace(/consistency=one\|quorum/, calls.readCall), guarantee: fill(calls.read) };
    const rest = a.guarantee.replace(OWN_ACK, "");
    return {
      ...a,
      call: a.call.replace(/\?consistency=one\|quorum$/, "").replace(/([?&])consistency=one\|quorum&?/, "$1"),
      request: a.request.filter((x) => x !== "consistency"),
      guarantee: rest ? `${fill(calls.write)}; ${rest}` : fill(calls.write),
    };
  });
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const show = (v: number) => `≈ ${v < 1 ? round(v) : Math.round(v * 10) / 10} s`;

/**
 * The lag, recovery-point and recovery-time figures of a multi-region design; `holdsSpread` holds the lag to a stated
 * spreading bound.
 */
export function regionalCapacity(f: RegionFields, archetype: string, holdsSpread = true): CapacityRow[] {
  const m = regionMode(f);
  if (!m) return [];
  const rtt = WAN.rttMs / 1000;
  const rttIn = {
    name: "wan_rtt_seconds",
    value: rtt,
    unit: "s",
    source: "assumed" as const,
    because: `not stated; ${WAN.rttMs} ms: ${WAN.rttWhy}`,
  };
  const failover = {
    name: "region_failover_seconds",
    value: WAN.failoverSeconds,
    unit: "s",
    source: "assumed" as const,
    because: `not stated; ${WAN.failoverSeconds} s: ${WAN.failoverWhy}`,
  };
  const rto: CapacityRow = {
    id: "region_rto_seconds",
    quantity: "time to move a lost region's callers to another region (recovery time)",
    kind: "time",
    formula: "region_rto_seconds = region_failover_seconds",
    value: WAN.failoverSeconds,
    unit: "s",
    display: show(WAN.failoverSeconds),
    inputs: [failover],
    archetype,
  };
  if (REGION_MODES[m.mode].local) return [rto];
  if (REGION_MODES[m.mode].path === "forward")
    return [
      {
        id: "cross_region_check_seconds",
        quantity: "time a check forwarded to a key's home region adds for a caller away from home",
        kind: "time",
        formula: "cross_region_check_seconds = wan_rtt_seconds",
        value: rtt,
        unit: "s",
        display: show(rtt),
        inputs: [rttIn],
        archetype,
      },
      rto,
    ];
  if (!REGION_MODES[m.mode].losesLag) {
    return [
      needsWitness(f.nfrs.regions.value)
        ? {
            id: "cross_region_commit_seconds",
            quantity: "time a write waits for two of the three sites (the regions and the witness)",
            kind: "time",
            formula: "cross_region_commit_seconds = wan_rtt_seconds",
            value: rtt,
            unit: "s",
            display: show(rtt),
            inputs: [rttIn],
            archetype,
          }
        : majorityCommit(f.nfrs.regions.value, archetype),
      {
        id: "region_rpo_seconds",
        quantity: needsWitness(f.nfrs.regions.value)
          ? "writes lost with a region (recovery point): none, each was accepted by two of the three sites"
          : "writes lost with a region (recovery point): none, each was held by a majority of regions",
        kind: "time",
        formula: "region_rpo_seconds = 0",
        value: 0,
        unit: "s",
        display: "0 s",
        inputs: [],
        archetype,
      },
      rto,
    ];
  }
  const lag = WAN.batchMs / 1000 + rtt / 2;
  // "syncs data across two regions within 10 seconds": a stated bound on a change reaching its readers holds the
  // replication lag to it (coherence `stated-bound-exceeded`, and the bound is read, not left unused)
  // — unless another figure already spends the bound (a feed's path from commit to every follower's list)
  // Only a bound said of the regions themselves ("across two regions within 10 seconds") is theirs: a bound on a
  // change reaching people ("visible to their contacts within 5 seconds") is spent on the path that carries it, and
  // holding the lag to it would read the bound without meeting it.
  const stated = f.nfrs.scale?.propagation_seconds;
  const spread = holdsSpread && stated && REGION_WORDS.test(stated.quote) ? stated : undefined;
  return [
    {
      id: "cross_region_lag_seconds",
      quantity: "time a write takes to reach the other regions (replication lag)",
      kind: "time",
      formula: "cross_region_lag_seconds = wan_batch_seconds + wan_rtt_seconds / 2",
      value: round(lag),
      unit: "s",
      display: show(lag),
      inputs: [
        {
          name: "wan_batch_seconds",
          value: WAN.batchMs / 1000,
          unit: "s",
          source: "assumed",
          because: `not stated; ${WAN.batchMs} ms: ${WAN.batchWhy}`,
        },
        rttIn,
      ],
      archetype,
      ...(spread ? { bound: { quantity: "propagation_seconds", value: spread.value } } : {}),
    },
    {
      id: "region_rpo_seconds",
      quantity: "writes lost with a region that is lost for good (recovery point): those not yet shipped",
      kind: "time",
      formula: "region_rpo_seconds = cross_region_lag_seconds",
      value: round(lag),
      unit: "s",
      display: show(lag),
      inputs: [
        {
          name: "cross_region_lag_seconds",
          value: round(lag),
          unit: "s",
          source: "assumed",
          because: "the replication lag above: a write acknowledged in its region is shipped that long afterwards",
        },
      ],
      archetype,
    },
    rto,
  ];
}

/** The fewest regions that are a majority of `regions`. */
export const majorityOf = (regions: number) => Math.floor(regions / 2) + 1;

const ORDINAL = ["", "nearest", "second-nearest", "third-nearest", "fourth-nearest", "fifth-nearest"];
const ordinal = (k: number) => ORDINAL[k] ?? `${k}th-nearest`;

/**
 * The time a write waits for a majority of the regions: the writing region holds it at once, so it waits for the
 * nearest `majority - 1` other regions, i.e. the round trip to the farthest of them (4 regions: 3 of 4, the
 * second-nearest other region), never one round trip to whichever region answers first.
 */
function majorityCommit(regions: number, archetype: string): CapacityRow {
  const m = majorityOf(regions);
  const k = m - 1;
  const ladder = WAN.nearestRttMs;
  const ms = ladder[Math.min(k, ladder.length) - 1] ?? WAN.rttMs;
  const rtt = ms / 1000;
  return {
    id: "cross_region_commit_seconds",
    quantity: `time a write waits for a majority of regions (${m} of ${regions}: its own and the ${k === 1 ? "nearest other" : `${k} nearest others`}), the round trip to the ${ordinal(k)} other region`,
    kind: "time",
    formula: "cross_region_commit_seconds = majority_peer_rtt_seconds",
    value: rtt,
    unit: "s",
    display: show(rtt),
    inputs: [
      {
        name: "majority_regions",
        value: m,
        unit: "regions",
        source: "assumed",
        because: `derived as floor(regions / 2) + 1 = ${m}, a majority of ${regions} regions: the writing region and the ${k === 1 ? "nearest other" : `${k} nearest others`}`,
      },
      {
        name: "majority_peer_rtt_seconds",
        value: rtt,
        unit: "s",
        source: "assumed",
        because: `not stated; ${ms} ms to the ${ordinal(k)} other region: ${WAN.nearestRttWhy}`,
      },
    ],
    archetype,
  };
}

/**
 * What a read that asks for consistency sees, said only as strongly as the replication the design draws across its
 * regions: every acknowledged write where one consensus group spans the regions (or there is one region); only the
 * writes acknowledged in its own region where regions take writes locally and ship them asynchronously; and every
 * acknowledged write only when served in the primary region where one region takes the writes and ships its log.
 */
export function consistentReadScope(
  regions: number,
  consistency: Nfrs["consistency"]["value"],
  decisions: RegionFields["decisions"],
): string {
  // regionMode reads only the two values and the chosen options
  const m = regionMode({
    nfrs: {
      regions: { value: regions, source: "stated", because: "" },
      consistency: { value: consistency, source: "stated", because: "" },
    },
    decisions,
  } as RegionFields);
  if (!m || m.mode === "global-consensus") return "a read that asks for consistency sees every acknowledged write";
  if (m.mode === "quorum-across-regions")
    return "a read that asks for consistency reads from a majority of regions and sees every acknowledged write; a read served by the nearest region's copy alone may trail it";
  if (m.mode === "primary-region")
    return "a read that asks for consistency sees every acknowledged write when the primary region serves it; the other regions' copies trail it by the cross-region replication lag, so no consistent read is offered there";
  return "a read that asks for consistency sees every write acknowledged in its own region; a write acknowledged in another region reaches it only after the cross-region replication lag, since regions replicate asynchronously, so no read is consistent across regions";
}

/** The cross-region sequence of a mode that has one, its steps bound to the drawn components by role. */
export function regionalSequence(
  f: RegionFields,
  components: readonly ComponentRow[],
):
  | {
      title: string;
      steps: { from: string; to: string; operation: string; guard?: string; branch: boolean }[];
      outcomes: string[];
    }
  | undefined {
  const m = regionMode(f);
  const seq = m ? REGION_MODES[m.mode].sequence : undefined;
  if (!seq) return undefined;
  const ids = new Set(components.map((c) => c.id));
  const entry = components.find((c) => c.kind === "gateway" && c.id !== GEO);
  const state = stateOf(components.filter((c) => c.id !== PEERS));
  const roles: Record<string, string | undefined> = {
    entry: entry?.id,
    state: state?.id,
    replicator: ids.has(REPLICATOR) ? REPLICATOR : undefined,
    peers: ids.has(PEERS) ? PEERS : undefined,
  };
  const steps = seq.steps.map((s) => ({
    from: roles[s.from],
    to: roles[s.to],
    operation: s.operation,
    ...(s.guard ? { guard: s.guard } : {}),
    branch: s.branch === true,
  }));
  if (steps.some((s) => s.from === undefined || s.to === undefined)) return undefined;
  return {
    title: seq.title,
    steps: steps as { from: string; to: string; operation: string; guard?: string; branch: boolean }[],
    outcomes: [...seq.outcomes],
  };
}
