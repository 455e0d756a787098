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
  /**
   * Round trips from one region to its other regions, nearest first, a planning figure: a write that waits for a
   * majority of the regions waits for the farthest of the nearest ones it needs, so a majority of 4 regions (3: its
   * own and two others) pays the round trip to the second-nearest other region. The last step repeats.
   */
  nearestRttMs: [70, 150, 200],
  nearestRttWhy:
    "from one region the nearest other region is usually a neighbour on its own continent or across one ocean (about 60-90 ms: US-East to US-West or to Western Europe), the next ones are on other continents (about 150 ms US-East to Tokyo, 200 ms or more to Singapore or Sydney) (AWS inter-region matrix at cloudping.co)",
  /** How long a shipped write waits in the sender's batch before it leaves, a planning figure. */
  batchMs: 100,
  batchWhy:
    "a replication stream ships writes in small batches so one WAN round trip carries many; managed multi-region tables publish their replication lag per region pair, and it grows with the distance between the regions",
  /** Time to notice a region is gone and move its callers elsewhere. */
  failoverSeconds: 60,
  failoverWhy:
    "health checks fail for about 30 s before a region is declared lost, and a GeoDNS record with a 30 s TTL then moves callers to the next-nearest region",
} as const;

export type RegionMode =
  | "active-active"
  | "primary-region"
  | "global-consensus"
  | "quorum-across-regions"
  | "per-key-home"
  | "region-shares"
  | "count-slots"
  | "owned-space";

/** A participant of the cross-region sequence, by its role in the design: filled with the drawn component's id. */
export type RegionRole = "entry" | "state" | "replicator" | "peers";

/** One step of the cross-region sequence: a message between two roles (a self-step where `from` is `to`). */
export interface RegionStep {
  from: RegionRole;
  to: RegionRole;
  operation: string;
  guard?: string;
  /** A step of the alternative branch (the region cut off). */
  branch?: true;
}

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
  /** The label of the link from the state to the replicator, where it carries something other than committed writes. */
  tail?: string;
  /**
   * What a request away from its data pays: `forward` where a check is sent to the key's home region (a WAN round
   * trip on the request path, sized in place of a replication lag).
   */
  path?: "forward";
  /**
   * The protocol said aloud in one or two sentences (the script's step 6): `{regions}` is the region count, `{id}` a
   * capacity figure or input of the design said as spoken (a sentence whose figure the design lacks is left out).
   */
  said?: readonly string[];
  /**
   * A failure row of the design's own archetype that this mode answers otherwise (`match`, a pattern over its failure
   * words), said as the mode keeps it.
   */
  replaces?: { match: string; row: { failure: string; prevention: string; repair: string } };
  /**
   * What a write call acknowledges in this mode, in place of a caller-chosen consistency that could void it ("?consistency=one"),
   * and what a read asks: `{majority}` is the majority of the regions, `{regions}` their count.
   */
  calls?: { write: string; readCall: string; read: string };
  /**
   * Whether nothing of the state crosses regions (each region owns a disjoint part of what it hands out): no
   * replication link, no lag or recovery-point figure, only the callers' move to another region.
   */
  local?: true;
  /** The protocol across regions, drawn as its own sequence (a title and its steps by role), where the mode has one. */
  sequence?: { title: string; steps: readonly RegionStep[]; outcomes: readonly string[] };
}

export const REGION_MODES: Record<RegionMode, RegionModeSpec> = {
  // Something handed out once across every region (an id, a worker id): a lease store merged asynchronously between
  // regions could grant one worker id in two regions at once, and both would mint the same ids. Twitter's Snowflake
  // gives each data centre its own id in the id itself (5 of its 10 machine bits, beside 5 worker bits), so each
  // region hands out only its own part of the space from its own store and no grant ever crosses a region.
  "owned-space": {
    says: "each region runs its own generators and its own worker-id lease store, and every id carries the minting region's data-centre id in its own bits, so two regions never mint the same id and no lease or id crosses regions",
    link: "callers nearest another region (each region leases and mints on its own)",
    peers:
      "the same generators and their own lease store in each other region, minting under that region's own data-centre id",
    cut: {
      failure: "Region cut off: one data centre loses its links to the others (or goes dark)",
      prevention:
        "Nothing on the id path crosses regions: the cut-off region keeps minting from its own lease store under its own data-centre id, which no other region uses, so no id repeats; GeoDNS moves a dark region's callers to the next-nearest region, which mints under its own data-centre id",
      repair:
        "Nothing to reconcile, since no region's leases are copied to another; a region lost for good takes only ids it never issued, and its data-centre id is retired rather than handed to another region",
    },
    losesLag: false,
    local: true,
  },
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
    // Dynamo (SOSP 2007) section 4.6: a sloppy quorum counts stand-in nodes toward W, so an acknowledged write may sit
    // only on stand-ins and die with them; Cassandra's docs ("Hinted handoff"): a hint counts toward no consistency
    // level but ANY, and QUORUM counts a quorum of the replicas across every data centre
    replaces: {
      match: String.raw`\bsloppy quorum\b`,
      row: {
        failure:
          "A stand-in node takes a write for a replica it cannot reach during a partition (a hint), and would count toward the acknowledgement under a sloppy quorum",
        prevention:
          "Stand-ins never count: a write is acknowledged only by copies on the key's own replicas in a majority of regions (strict quorums, as Cassandra's consistency levels are, a hint counting only at ANY, which is never used), so no acknowledged write rests on a stand-in",
        repair:
          "Hinted handoff delivers the stand-in's copy when the home replica returns, and Merkle-tree anti-entropy finds whatever the hints missed",
      },
    },
    calls: {
      write:
        "acknowledged only once the key's own replicas in a majority of the regions ({majority} of {regions}) hold it, whatever the caller asks, and never by a stand-in node",
      readCall: "consistency=nearest|majority",
      read: "with consistency=majority the read asks the key's replicas in a majority of the regions ({majority} of {regions}), which overlaps every acknowledged write's majority, so it returns that write or a newer version; nearest answers from this region's copy alone and may trail it",
    },
  },
  // A budget counted across regions is a count, never a value to overwrite: each region increments only its own slot
  // and a key's count is the sum of the slots, merged by keeping each slot's highest value (a grow-only counter:
  // Shapiro et al., "A comprehensive study of Convergent and Commutative Replicated Data Types", 2011; Akka's
  // GCounter docs). Last-writer-wins on the whole count would drop one region's increments; Redis Active-Active
  // resolves a string used by INCR/INCRBY as a counter and a plain SET by last write wins (Redis docs, "Strings and
  // bitfields in Active-Active databases").
  "count-slots": {
    says: "every region admits its own callers against its own counter store and adds each admission only to its own slot of the key's count; every sync interval it sends its changed slots to the other regions, which keep the highest value seen per slot, so a key's count everywhere is the sum of the regions' slots and no region's count overwrites another's",
    replicator: {
      name: "Count exchange (sends this region's own per-key slots to the other regions every sync interval)",
      runs: [
        "send this region's changed per-key slots every sync interval",
        "keep the highest value seen per region slot",
      ],
      because:
        "a key's count is the sum of every region's slot and only a region itself increments its slot, so merging by each slot's highest value (a grow-only counter) never loses an increment the way overwriting the whole count with the latest write would",
    },
    tail: "this region's per-key slots, every sync interval",
    link: "per-key slots, every sync interval (merged by the highest value per slot, then summed)",
    peers: "the same limiter and counter store in each other region, counting its own callers in its own slot",
    cut: {
      failure:
        "Region cut off: one region loses its links to the others while its callers keep sending requests, so its slots and theirs stop reaching each other",
      prevention:
        "The cut-off region keeps admitting against the other regions' last known slots plus its own count, but spends at most its share of the limit (limit / regions per window) since the cut, because the others' slots keep growing unseen; under a fail-closed policy it rejects once that share is spent; the other regions do the same against its last known slot",
      repair:
        "When the link returns the exchange sends every slot and each is merged by its highest value, so no admission is lost or counted twice; the over-admission during the cut is at most the cut-off region's share per window; a region lost for good leaves its last sent slots, undercounting at most one sync interval of its admissions",
    },
    losesLag: true,
    said: [
      "Across the {regions} regions, each region counts a key's admissions only in its own slot and sends its slots to the others every {count_sync_seconds}, and a region admits while the slots' sum is under the limit",
      "So a key can go over by at most {region_count_overshoot_per_key}, {region_count_overshoot_share} of its quota, and a region cut off spends no more than its share of the limit",
    ],
    sequence: {
      title: "Cross-region count exchange",
      steps: [
        {
          from: "entry",
          to: "state",
          operation: "count the admission in this region's own slot",
          guard: "own slot + other regions' last known slots < limit",
        },
        { from: "state", to: "entry", operation: "allowed, remaining" },
        { from: "state", to: "replicator", operation: "this region's changed slots, every sync interval" },
        { from: "replicator", to: "peers", operation: "send this region's slots to every other region" },
        { from: "peers", to: "replicator", operation: "each other region's own slots" },
        {
          from: "replicator",
          to: "state",
          operation: "merge each region's slot by its highest value",
          guard: "received slot > stored slot",
        },
        {
          from: "entry",
          to: "entry",
          operation:
            "admit against the last known slots up to this region's share (limit / regions), or reject under a fail-closed policy",
          guard: "cut off from the exchange",
          branch: true,
        },
      ],
      outcomes: ["admitted", "reject", "merged"],
    },
  },
  "per-key-home": {
    says: "each key's budget lives only in its home region (the region its customer is assigned to); a limiter in any other region forwards the check to the home region's counter store, so a key has one count, as exact as its window algorithm, and a caller away from home pays a cross-region round trip",
    link: "checks for keys homed there, forwarded from other regions (one WAN round trip each)",
    peers: "the same limiter and counter store in each other region, the home of its own customers' budgets",
    cut: {
      failure: "A key's home region cut off: checks from the other regions cannot reach its budget",
      prevention:
        "The other regions spend a fallback allowance of the key's share (limit / regions per window) while its home is unreachable, or reject under a fail-closed policy; the home region's own callers are unaffected",
      repair:
        "When the link returns each region reports what it admitted from its fallback allowance and the home region adds it to the key's count; a key whose home is lost for good is given a new home region and starts a fresh window",
    },
    losesLag: false,
    path: "forward",
    said: [
      "Across the {regions} regions, each key's budget lives in its home region and the other regions forward its checks there, adding {cross_region_check_seconds} for a caller away from home",
      "If the home region is cut off, the others spend a fallback share of the limit or reject",
    ],
    sequence: {
      title: "Cross-region check at the key's home region",
      steps: [
        {
          from: "entry",
          to: "state",
          operation: "check a key homed in this region",
          guard: "window count < limit",
        },
        {
          from: "entry",
          to: "peers",
          operation: "forward the check of a key homed elsewhere (one WAN round trip)",
          guard: "home region's window count < limit",
        },
        { from: "peers", to: "entry", operation: "allowed, remaining" },
        {
          from: "entry",
          to: "entry",
          operation:
            "spend a fallback allowance of the key's share (limit / regions), or reject under a fail-closed policy",
          guard: "forwarded check times out",
          branch: true,
        },
      ],
      outcomes: ["admitted", "reject"],
    },
  },
  "region-shares": {
    says: "each region holds its own share of every key's budget (the limit divided among the regions) and spends it locally; a rebalancer moves unspent share from regions with spare to a region running low, so no request waits on another region and the shares always sum to the limit",
    replicator: {
      name: "Share rebalancer (moves unspent share of a key's budget between regions)",
      runs: ["collect each region's unspent share per key", "move spare share to a region running low"],
      because:
        "the shares of a key always sum to its limit, so moving unspent share never admits more than the limit; a region that runs out before the next rebalance rejects though others have spare",
    },
    tail: "this region's unspent share per key, every rebalance",
    link: "share reports and transfers (periodic, async)",
    peers: "the same limiter and counter store in each other region, spending its own share of each key's budget",
    cut: {
      failure: "Region cut off: it can neither report its spend nor receive spare share",
      prevention:
        "It keeps spending only the share it holds and the others spend theirs, so no key is over-admitted (the shares sum to the limit); its callers are refused once its share is spent",
      repair:
        "When the link returns the rebalancer reads its spend and resumes moving spare share; the share held by a region lost for good is reissued at the next window",
    },
    losesLag: true,
    said: [
      "Across the {regions} regions, each region spends its own share of a key's limit, about {region_share_per_key} a window, and a rebalancer moves spare share to a region running low, so the limit is never exceeded",
    ],
    sequence: {
      title: "Regional shares with rebalancing",
      steps: [
        {
          from: "entry",
          to: "state",
          operation: "spend from this region's share of the key's budget",
          guard: "share remaining > 0",
        },
        { from: "state", to: "entry", operation: "allowed, remaining" },
        { from: "state", to: "replicator", operation: "this region's unspent share, every rebalance" },
        { from: "replicator", to: "peers", operation: "move spare share to the regions running low" },
        { from: "replicator", to: "state", operation: "add share moved to this region" },
        {
          from: "entry",
          to: "entry",
          operation: "reject until the next rebalance",
          guard: "share spent",
          branch: true,
        },
      ],
      outcomes: ["admitted", "reject"],
    },
  },
};

/**
 * Lead archetypes whose state across regions is a space each region owns a disjoint part of (identifier generation:
 * the data-centre id is a field of every id), never one store merged between regions.
 */
export const OWNED_SPACE_LEADS: readonly string[] = ["I09"];

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

/**
 * Records whose value is a count of admissions (a limiter's budget): across regions such a count is kept as one slot
 * per region, each incremented only by its own region, and its value is the slots' sum (a grow-only counter), never a
 * value one region's write overwrites (engine/fields/invariants.ts says its convergence rule so).
 */
export const SLOT_SUMMED_ENTITIES: readonly string[] = ["Budget"];
