/**
 * What a design served from more than one region draws: the routing that sends a caller to its nearest region, the
 * same cluster in every region, the link that carries writes between regions, the lag and recovery figures that link
 * sets, and what keeps serving and what stops when one region is cut off. How writes cross regions is one of three
 * ways, carried by the design's consistency and its chosen replication option (engine/regions.ts `regionMode`).
 */

/**
 * The words that name a rack as the failure unit a design must survive ("survives the loss of a whole rack", "a rack
 * failure"), where the prompt names no zone or data centre: the pieces are then spread over racks of one data centre,
 * never silently over availability zones.
 */
export const RACK_FAILURE_UNIT = String.raw`\bracks?\b`;
export const ZONE_FAILURE_UNIT = String.raw`\b(?:availability zones?|zones?|azs?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|regions?)\b`;

/** Round trips between regions, as a planning figure. */
export const WAN = {
  /** Round trip between regions on different continents, a planning figure. */
  rttMs: 150,
  rttWhy:
    "published inter-region round trips run about 70-90 ms between US-East and Western Europe and 150-250 ms between Europe or Africa and Asia (AWS inter-region matrix at cloudping.co; Azure network round-trip latency statistics); 150 ms plans for a pair on different continents",
  /** How long a shipped write waits in the sender's batch before it leaves, a planning figure. */
  batchMs: 100,
  batchWhy:
    "a replication stream ships writes in small batches so one WAN round trip carries many; managed multi-region tables publish their replication lag per region pair, and it grows with the distance between the regions",
  /** Time to notice a region is gone and move its callers elsewhere. */
  failoverSeconds: 60,
  failoverWhy:
    "health checks fail for about 30 s before a region is declared lost, and a GeoDNS record with a 30 s TTL then moves callers to the next-nearest region",
} as const;

export type RegionMode = "active-active" | "primary-region" | "global-consensus" | "quorum-across-regions";

export interface RegionModeSpec {
  /** One sentence: how a write crosses regions. */
  says: string;
  /** The part that carries writes to the other regions, when one is drawn beside the state. */
  replicator?: { name: string; runs: string[]; because: string };
  /** The label of the link to the other regions' copies. */
  link: string;
  /** What the copies in the other regions are. */
  peers: string;
  /** The region-cut failure row. */
  cut: { failure: string; prevention: string; repair: string };
  /** Whether an acknowledged write can be lost with its region (the recovery point is the lag), or none is. */
  losesLag: boolean;
}

export const REGION_MODES: Record<RegionMode, RegionModeSpec> = {
  "active-active": {
    says: "every region takes writes for its callers at in-region latency and ships them to the other regions asynchronously; concurrent writes to one key in two regions are merged by the design's conflict rule",
    replicator: {
      name: "Cross-region replicator (ships each region's committed writes to the others)",
      runs: ["tail the region's committed writes", "apply them in each other region in version order"],
      because:
        "each region acknowledges writes once its own quorum holds them, so a separate stream carries them to the other regions afterwards and resumes from its last shipped position after a cut",
    },
    link: "ship committed writes to the other regions (async, resumes from its position)",
    peers: "the same cluster in each other region, taking its own callers' writes",
    cut: {
      failure: "Region cut off: one region loses its links to the others (or goes dark) while its callers keep writing",
      prevention:
        "Every region keeps serving reads and writes for its own callers; GeoDNS health checks move a dark region's callers to the next-nearest region; the replicator queues what it could not ship",
      repair:
        "When the link returns the replicator ships the queued writes and the conflict rule merges keys written on both sides; writes acknowledged in a region that is lost for good, not yet shipped, are lost (the recovery point is the replication lag)",
    },
    losesLag: true,
  },
  "primary-region": {
    says: "one primary region takes every write and ships it to read replicas in the other regions asynchronously; reads are served in every region, writes cross to the primary",
    replicator: {
      name: "Cross-region log shipping (primary region to the replica regions)",
      runs: ["ship the primary's committed log", "apply it to the read replicas in each other region"],
      because:
        "the primary acknowledges writes in its own region, so its log reaches the other regions afterwards; a replica region is promoted when the primary is lost",
    },
    link: "ship the primary's committed log to the replica regions (async)",
    peers: "read replicas in each other region, promotable to primary",
    cut: {
      failure: "Primary region cut off: writes stop everywhere while replica regions keep serving reads",
      prevention:
        "Replica regions keep serving reads (stale by the lag); writes fail fast rather than queue; an operator or a fencing lease promotes the most caught-up replica region",
      repair:
        "The promoted region takes writes under a new epoch, so the old primary's late writes are refused; writes not yet shipped when the primary was lost are lost (the recovery point is the replication lag)",
    },
    losesLag: true,
  },
  "global-consensus": {
    says: "one consensus group spans the regions (a voter in each), so every write waits for a majority of regions and pays a WAN round trip",
    link: "consensus round: each write commits once a majority of regions hold it",
    peers: "voters of the same consensus group in each other region",
    cut: {
      failure: "Region cut off: a minority region loses its links to the majority",
      prevention:
        "The majority side keeps committing writes; the cut-off region stops accepting writes (it cannot reach a quorum) but keeps serving the last state it holds, marked stale; GeoDNS moves its callers that can reach another region",
      repair:
        "When the link returns the region's voters catch up from the leader's log; no acknowledged write is lost, because each one was held by a majority of regions",
    },
    losesLag: false,
  },
  // an eventual store whose acknowledgement waits on other regions ("no acknowledged write is lost when a region goes
  // down"): the write quorum spans regions, so a region's loss takes no acknowledged write with it, while reads stay
  // local and may trail
  "quorum-across-regions": {
    says: "every region takes writes for its callers, but a write is acknowledged only once replicas in a majority of regions hold it, so each write pays a WAN round trip and losing one region loses no acknowledged write; reads are served by the nearest region's copy and may trail the latest write",
    link: "each write is acknowledged once replicas in a majority of regions hold it",
    peers: "the same cluster in each other region, holding a copy of each write before it is acknowledged",
    cut: {
      failure: "Region cut off: one region loses its links to the others (or goes dark)",
      prevention:
        "A write is acknowledged only once a majority of regions hold it, so the cut-off region cannot acknowledge writes and refuses them while its callers retry through GeoDNS to a reachable region; it keeps serving reads from its own copy, marked stale",
      repair:
        "When the link returns the region's replicas catch up on the writes they missed (hinted writes and anti-entropy, or the leader's log); no acknowledged write is lost, because each one was held by a majority of regions",
    },
    losesLag: false,
  },
};

/** The routing part in front of every region. */
export const GEO_ROUTER = {
  name: "Geo routing (GeoDNS / anycast to the nearest healthy region)",
  runs: ["resolve callers to the nearest region", "drop a region that fails health checks"],
  because:
    "each caller reaches the region nearest to it, so no request pays an intercontinental round trip, and a region that fails its health checks leaves the answers",
} as const;

/**
 * The fewest failure domains (regions, data centres, zones) a majority can be spread over and still survive losing
 * any one of them: with two, a majority is both, so the loss of either stops every write (or, with the copies split
 * two and one, the loss of the larger side does). CockroachDB refuses its region survival goal below three database
 * regions ("Multi-Region Survival Goals"); Spanner's multi-region configurations add a witness region beside two
 * read-write regions ("Replication": a witness replica votes on commits and in leader elections, keeps no full copy,
 * serves no reads and never leads), and its dual-region configurations must be switched by an operator to a
 * single-region quorum to keep writing after one region is lost.
 */
export const MAJORITY_DOMAINS_MIN = 3;

/** The voter a consensus group over two regions adds in a third site so that a majority survives losing either. */
export const WITNESS = {
  name: "Witness voter in a third site (votes on commits and elections; no full copy, serves no reads)",
  runs: ["vote on each commit of the cross-region group", "vote in leader elections, never leading"],
  because:
    "a majority of two regions is both of them, so losing either would stop every write; a voter in a third region or data centre makes three sites, and any two of them commit, so the region left standing keeps writing with the witness (the witness region of Spanner's multi-region configurations)",
  link: "vote on each commit and election (third site)",
  /** What "a majority of regions" is where the witness is the third site. */
  majority: "a majority of the three sites (both regions and the witness)",
} as const;
