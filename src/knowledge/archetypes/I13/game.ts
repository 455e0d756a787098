import type { z } from "zod";
import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import { OUTLIVES_ITS_SERVER } from "../../patterns.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The shared subject as one match of a real-time multiplayer game (topic "game-server", knowledge/topics.ts): an
 * authoritative game server. A matchmaker groups players' tickets into a match and an allocator hands the match a
 * ready game-server process; that one process owns the match's state for its whole life. Clients send their inputs,
 * each numbered by the player's own sequence; the server steps the simulation on a fixed tick (N times a second),
 * applies each input it finds valid at the tick it arrives for, and sends every player a snapshot of the state
 * (a delta against the last snapshot that player acknowledged). Clients predict their own moves and reconcile with
 * each snapshot; the server judges hits against where the shooter saw the others (lag compensation). A match
 * directory maps each match id to its server under a lease; a crashed server's match is lost or resumed elsewhere from
 * its last periodic snapshot. Nothing of a document's editing (transformed operations, CRDT merges, an operation log
 * replayed to rebuild text) belongs here: a match's truth is the server's memory, stepped by ticks, not a log of edits.
 *
 * Facts, checked:
 * - Valve's "Source Multiplayer Networking" (developer.valvesoftware.com): a dedicated server is authoritative over
 *   the world simulation, the game rules and the processing of player input; clients talk only to the server, never
 *   to each other, sending input samples and receiving world state in small packets at a high rate (usually 20 to 30
 *   a second); the server takes snapshots of the world at a constant rate and broadcasts them, because it cannot send
 *   every change; client inputs reach the server late by the network delay, which is what prediction, interpolation
 *   and lag compensation (the server rewinding others to the moment the shooter saw them) make up for.
 * - Agones (agones.dev, Google for Games): a Fleet keeps warm GameServers; a GameServer calls Ready() when it can take
 *   players, and a GameServerAllocation takes one that is Ready and moves it to Allocated (only Ready servers can be
 *   allocated), so two matches are never placed on the same server; Shutdown() ends it after the match.
 * - Open Match (open-match.dev, Google Cloud and Unity): a player wanting a game is a ticket; a Director asks the
 *   backend for matches, which calls a Match Function (the game's own logic) that turns pooled tickets into matches,
 *   and the Director assigns each match a game server (commonly an Agones allocation) and writes its address to the
 *   tickets. Unity's matchmaker documents the same flow: the client polls its ticket until the server's IP and port
 *   are on it, then connects.
 * Planning figures (bytes per player in a delta, matches a host runs, the snapshot interval) are assumptions, said
 * in their rows.
 */

const T = "game-server" as const;

/** Why the match's state is linearizable on its one server and a server cut off stops. */
const MATCH_STANCE =
  "a match's state lives in the memory of the one server process that ticks it, and every other copy is a snapshot it sent: two servers ticking the same match would hand players two different worlds, so a server that loses its lease in the match directory stops the match rather than go on";

export const GAME_ENTITIES = [
  {
    name: "Match",
    stance: { consistency: "linearizable", availability: "fail-closed", because: MATCH_STANCE },
    description:
      "One running match, held in the memory of the game-server process that owns it: the tick number, every player's entity (position, velocity, health, inventory), the game rules' state (score, round, timers), the last input sequence applied per player, and a short history of past ticks' positions for lag compensation.",
    truth: true,
    topic: T,
  },
  {
    name: "PlayerInput",
    stance: { consistency: "linearizable", availability: "fail-closed", because: MATCH_STANCE },
    description:
      "One command a player's client sent: player id, input_seq (the player's own counter), the client tick it was made for, and the controls (move, aim, fire, use); the server applies it at most once, in input_seq order, or drops it as invalid or stale.",
    truth: true,
    topic: T,
  },
  {
    name: "StateSnapshot",
    stance: {
      consistency: "eventual",
      availability: "stay-available",
      because:
        "a snapshot is a copy the server sends each tick; a lost one is replaced by the next, which is a delta against the last snapshot the player acknowledged",
    },
    description:
      "The state the server sends one player at one tick: tick number, the last input_seq applied for that player, and the entities that player may see, delta-encoded against the last snapshot the player acknowledged.",
    truth: false,
    topic: T,
  },
  {
    name: "MatchAssignment",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: "a match id names one server at a time; a second assignment would split the players across two worlds",
    },
    description:
      "The match directory's row for a match: match id, the server's address and port, the epoch of its lease (raised on every move), the lease's expiry, the players and their join tokens, and the state (allocated, running, migrating, ended).",
    truth: true,
    topic: T,
  },
  {
    name: "MatchTicket",
    description:
      "One player's (or party's) request to play: ticket id, the players, mode, region and skill; written by the matchmaker's front end and, once the match is made, given the server's address.",
    truth: false,
    topic: T,
  },
  {
    name: "MatchCheckpoint",
    description:
      "A periodic copy of a match's state (every few seconds) written by its server, with the tick it was taken at: what a replacement server resumes from if the owner crashes.",
    truth: false,
    topic: T,
  },
  {
    name: "MatchResult",
    stance: {
      consistency: "linearizable",
      availability: "fail-closed",
      because: "a result feeds rankings and rewards, so it is written once, by the match's owner, and never changed",
    },
    description:
      "A finished match's outcome: match id, final scores and placings, duration, and the epoch of the server that wrote it; written once at the end under the match id.",
    truth: true,
    topic: T,
  },
] as const;

export const GAME_WRITES = [
  {
    action:
      "apply a player's input at the server's next tick: the match's owning server takes each player's inputs in input_seq order, checks each against the rules and the state only it holds (speed, cooldowns, ammunition, walls), applies it or drops it, and ignores any input_seq at or below the last one applied for that player",
    entity: "PlayerInput",
    shape: "append event",
    mechanism: "authoritative-tick",
    critical: true,
    topic: T,
  },
  {
    action:
      "step the match one tick on a fixed clock (the tick rate) and send each player a snapshot: the state it may see at that tick, delta-encoded against the last snapshot the player acknowledged, with the last input_seq applied for that player",
    entity: "Match",
    shape: "state transition",
    mechanism: "authoritative-tick",
    critical: true,
    topic: T,
  },
  {
    action:
      "judge a shot with lag compensation: the server moves the other players back to where the shooter saw them (the shot's tick less the shooter's interpolation delay, never more than a fixed limit back), tests the hit there, and puts them back",
    entity: "Match",
    shape: "state transition",
    mechanism: "authoritative-tick",
    critical: true,
    topic: T,
  },
  {
    action:
      "make a match from waiting tickets and place it: the match function groups tickets by mode, region and skill, the allocator moves one Ready game server to Allocated, and the match directory records the match id against that server with a new epoch, then the tickets get its address",
    entity: "MatchAssignment",
    shape: "create target",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "renew the match's lease in the match directory from its server every few seconds; a server whose lease lapsed stops ticking the match",
    entity: "MatchAssignment",
    shape: "state transition",
    mechanism: "heartbeat-renewal",
    hidden: true,
    critical: true,
    topic: T,
  },
  {
    action: "write a checkpoint of the match's state every few seconds, tagged with its tick and the server's epoch",
    entity: "MatchCheckpoint",
    shape: "overwrite current value",
    mechanism: "subject-snapshot",
    hidden: true,
    critical: false,
    topic: T,
  },
  {
    action:
      "record the match's result once at its end, keyed by match id and carrying the server's epoch, before the server is shut down and returned to the fleet",
    entity: "MatchResult",
    shape: "create target",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
] as const;

export const GAME_READS = [
  {
    action:
      "show the player's own moves at once by predicting them from its unacknowledged inputs, and on each snapshot reset to the server's state at the last input_seq it applied and replay the inputs after it (server reconciliation)",
    entity: "StateSnapshot",
    shape: "read source",
    staleness:
      "the server's word arrives half a round trip plus up to one tick late; the player's own moves are predicted meanwhile and corrected when the snapshot disagrees",
    topic: T,
  },
  {
    action: "draw the other players between the two latest snapshots (entity interpolation)",
    entity: "StateSnapshot",
    shape: "read projection",
    staleness:
      "others are shown about two snapshot intervals in the past, which lag compensation undoes when it judges a hit",
    topic: T,
  },
  {
    action: "find a match's server to join or reconnect",
    entity: "MatchAssignment",
    shape: "read source",
    staleness:
      "none: the directory names the current epoch's server, and a server refuses a join for a match it no longer owns",
    topic: T,
  },
] as const;

/** The hard rule: only the server's state is the match. */
const SERVER_ONLY_TRUTH =
  "No PlayerInput changes a match until the server that owns the match has checked it against the rules at a tick: that server's state is the only truth, and no client applies another player's move, a hit or a result the server did not send.";
const INPUT_ONCE =
  "Each player's PlayerInput is applied in input_seq order and at most once: an input at or below the last input_seq applied for that player is ignored, and every StateSnapshot tells the player which input_seq it reflects.";
const ONE_OWNER =
  "A match has one ticking server at a time: the match directory holds each MatchAssignment under a lease with an epoch, a server whose lease lapsed stops ticking, and a join, checkpoint or result from an older epoch is refused.";
const RESULT_ONCE =
  "A MatchResult is written once, by the server holding the match's current epoch, from its final state, and never changed afterwards.";
const REWIND_BOUND =
  "Lag compensation never rewinds the Match further than its fixed limit: a shot made from more than that far in the past is judged against the oldest kept tick, so a slow client cannot hit a player who has long since moved.";

export const GAME_INVARIANTS = [SERVER_ONLY_TRUTH, INPUT_ONCE, ONE_OWNER, RESULT_ONCE, REWIND_BOUND];

/** The mechanism that keeps each game-server rule (`keptBy` on the card's invariant marks). */
export const GAME_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [SERVER_ONLY_TRUTH]: "authoritative-tick",
  [INPUT_ONCE]: "dedup-window",
  [ONE_OWNER]: "epoch-term",
  [RESULT_ONCE]: "idempotency-key",
};

export const GAME_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "inputs are ordered per player by input_seq and applied at the match's ticks; different matches are independent",
  },
  exclusivity: {
    scope: "key",
    why: "each match has one owning server at a time, under a lease with an epoch in the match directory",
  },
  coordination: {
    scope: "key",
    why: "one process steps one match, so no tick ever waits on another machine; only placement and the directory are shared",
  },
} as const;

export const GAME_FAILURES = [
  {
    failure:
      "A modified client sends moves the rules forbid (moving through walls, firing faster than the weapon allows) or claims its own hits.",
    role: "truth",
    prevention:
      "Clients send inputs, never results: the server simulates every move and hit itself, drops inputs that break the rules, and sends each player only the entities it may see.",
    repair:
      "Correct the player at the next snapshot (the client snaps back to the server's state), log the rejected inputs, and flag accounts that keep sending them.",
    topic: T,
  },
  {
    failure:
      "Packets are lost or arrive twice, so an input is applied twice (a double jump) or a player's view drifts from the server's.",
    role: "truth",
    prevention:
      "Number inputs per player and apply each input_seq once in order; clients resend their unacknowledged inputs in every packet, and snapshots are deltas against the last one the player acknowledged, so a lost snapshot costs nothing but a larger next delta.",
    repair: "A player whose acknowledgement is too old gets a full snapshot instead of a delta.",
    topic: T,
  },
  {
    failure: "The game-server process or its host dies in the middle of a match.",
    role: "coordination",
    prevention:
      "Checkpoint the match every few seconds, keep the lease in the match directory short, and run matches of one region on hosts spread over zones.",
    repair:
      "End the match and send its players back to matchmaking (the default), or, where matches must survive, allocate a new server that resumes from the last checkpoint under a higher epoch and tells the clients its address; the ticks since the checkpoint are lost.",
    topic: T,
  },
  {
    failure:
      "A server cut off from the match directory keeps ticking while a replacement resumes the same match, and players are split across two worlds.",
    role: "coordination",
    prevention:
      "A server stops the match when it cannot renew its lease before it lapses, and the replacement starts only after the lapse with a higher epoch.",
    repair:
      "Refuse joins, checkpoints and the result from the older epoch; players of the stopped server reconnect through the directory.",
    topic: T,
  },
  {
    failure:
      "A tick takes longer than the tick interval (too many players in one fight, a slow physics step), so the match slows down for everyone.",
    role: "derived",
    prevention:
      "Budget each tick's work below its interval, cap the players per match and per host, and measure the tick time per match.",
    repair:
      "Shed cosmetic work first, then lower the snapshot rate for distant entities; move matches off a host that keeps overrunning.",
    topic: T,
  },
  {
    failure: "A burst of players (a new season, an event) queues in matchmaking with no Ready servers to allocate.",
    role: "derived",
    prevention:
      "Keep a buffer of warm Ready servers in each region's fleet and scale the fleet on allocated versus ready counts ahead of the peak.",
    repair:
      "Hold tickets in the queue with an estimated wait rather than failing them, and widen the region or skill range as they age.",
    topic: T,
  },
] as const;

export const GAME_BOTTLENECKS = [
  {
    bottleneck:
      "Snapshot egress: every tick the server sends every player the state of the players it can see, so a match's outbound traffic grows with the square of its size.",
    mitigation:
      "Delta-encode against each player's last acknowledged snapshot, quantise positions and angles, send only what a player can see or is near (interest management), and send distant entities less often.",
    formula: {
      yields: "bytes a second one match sends its players",
      expression: "max_participants * tick_rate_hz * max_participants * entity_delta_bytes",
      unit: "B/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "The tick budget: one process must read every input, step the simulation and build every player's snapshot within one tick interval.",
    mitigation:
      "Keep a match on one core, cap players per match, and split the world into areas a server each only where a match is far bigger than one core can step.",
    formula: {
      yields: "time one tick may take",
      expression: "1 / tick_rate_hz",
      unit: "s",
    },
    topic: T,
  },
  {
    bottleneck: "Placement at peak: tickets arrive faster than Ready servers, and matchmaking waits grow.",
    mitigation:
      "Keep warm Ready servers per region, scale fleets ahead of events, and match in pools by region and mode.",
    topic: T,
  },
] as const;

/** The game server's capacity model: one match's tick and egress, then the fleet of hosts and the players' traffic. */
export const GAME_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "tick_rate_hz",
      typical: 30,
      why: "Source-engine servers send 20 to 30 updates a second; fast shooters tick faster (a planning figure)",
    },
    {
      quantity: "max_participants",
      typical: 16,
      why: "no players per match are stated: a team shooter or racing match holds about sixteen (a planning figure)",
      from: {
        expression: "users",
        why: "a count of players this small is the players of one match",
        atMost: 200,
      },
    },
    {
      quantity: "participants",
      from: {
        expression: "max_participants",
        why: "every match of a mode is filled to its size by the matchmaker, so the typical match holds the stated count",
      },
    },
    {
      quantity: "entity_delta_bytes",
      label: "bytes one player's entity takes in a snapshot, quantised and delta-encoded",
      unit: "B",
      typical: 30,
      why: "position, angles, velocity and a few state bits, sent only as changes against the last acknowledged snapshot (a planning figure to measure)",
    },
    {
      quantity: "input_bytes",
      label: "bytes of one input packet (with the unacknowledged inputs resent)",
      unit: "B",
      typical: 60,
      why: "a few numbered commands and the last snapshot acknowledged, plus UDP and IP headers (a planning figure)",
    },
    {
      quantity: "online_share",
      label: "share of the players online at the peak hour",
      unit: "fraction",
      typical: 0.1,
      why: "a planning figure: about a tenth of a game's players are in a match at its peak hour",
    },
    {
      quantity: "clients",
      typical: 100000,
      why: "a planning figure: a hundred thousand players in matches at once",
      from: [
        {
          expression: "users",
          why: "a count of players this small is one match or a few, every one of them in a match",
          atMost: 1000,
        },
        { expression: "users * online_share", why: "the stated players, the share of them online at the peak hour" },
      ],
    },
    {
      quantity: "matches_per_host",
      label: "matches one game-server host runs at once",
      unit: "matches",
      typical: 8,
      why: "a planning figure: about one core per match at this size and tick rate, on an eight-core host; measured per game",
    },
    {
      quantity: "match_seconds",
      label: "length of one match",
      unit: "s",
      typical: 1200,
      why: "a planning figure: a twenty-minute match",
    },
    {
      quantity: "checkpoint_seconds",
      label: "interval between a match's checkpoints",
      unit: "s",
      typical: 5,
      why: "a planning figure: a crash costs at most the last five seconds of play when the match resumes",
    },
    {
      quantity: "match_state_bytes",
      label: "bytes of one match's checkpoint",
      unit: "B",
      typical: 200000,
      why: "a planning figure: every entity's full state and the rules' state, compressed to a few hundred kilobytes",
    },
  ],
  figures: [
    fig(
      "match_inputs_per_sec",
      "inputs one match's server applies a second (every player at the tick rate)",
      "hotspot",
      "max_participants * tick_rate_hz",
      "inputs/s",
    ),
    fig("tick_budget", "time one tick may take on the match's server", "time", "1 / tick_rate_hz", "s"),
    fig(
      "snapshot_bytes",
      "bytes of one player's snapshot at one tick (every player of the match, delta-encoded)",
      "storage",
      "max_participants * entity_delta_bytes",
      "B",
    ),
    fig(
      "match_egress",
      "bytes a second one match's server sends (each player a snapshot every tick)",
      "bandwidth",
      "max_participants * tick_rate_hz * max_participants * entity_delta_bytes",
      "B/s",
    ),
    fig(
      "player_downstream",
      "bytes a second one player receives",
      "bandwidth",
      "tick_rate_hz * max_participants * entity_delta_bytes",
      "B/s",
    ),
    fig("matches", "matches running at once", "count", "clients / participants", "matches", true),
    fig(
      "game_hosts",
      "game-server hosts for the running matches",
      "count",
      "matches / matches_per_host",
      "hosts",
      true,
    ),
    fig(
      "fleet_egress",
      "bytes a second all matches send their players",
      "bandwidth",
      "clients * tick_rate_hz * participants * entity_delta_bytes",
      "B/s",
    ),
    fig(
      "fleet_ingress",
      "bytes a second of players' inputs",
      "bandwidth",
      "clients * tick_rate_hz * input_bytes",
      "B/s",
    ),
    fig(
      "match_starts",
      "matches placed a second (matchmaking and allocation)",
      "rate",
      "matches / match_seconds",
      "matches/s",
    ),
    fig(
      "checkpoint_bytes_per_sec",
      "checkpoint bytes a second written to the checkpoint store",
      "bandwidth",
      "matches * match_state_bytes / checkpoint_seconds",
      "B/s",
    ),
  ],
};

export const GAME_DECISIONS: DecisionPoint[] = [
  {
    id: "i13-game-transport",
    topic: T,
    question: "Send inputs and snapshots over UDP with the game's own acknowledgements, or over WebSocket (TCP)?",
    options: [
      {
        id: "udp-deltas",
        name: "UDP datagrams: inputs resent until acknowledged, snapshots delta-encoded against the last one acknowledged",
        buys: "a lost packet never holds up newer state, so a late snapshot is simply replaced by the next one",
        costs: "the game carries its own sequence numbers, acknowledgements, encryption and congestion control",
        winsWhen: "the game is fast (shooters, racing) and runs as a native client",
      },
      {
        id: "websocket",
        name: "WebSocket over TCP: every message delivered in order",
        buys: "works from browsers and through any proxy, with delivery and ordering given by TCP",
        costs:
          "one lost packet stalls every later one behind it (head-of-line blocking), which shows as hitches at high tick rates",
        winsWhen:
          "players play in a browser, or the game is slow enough (turn-based, casual) that a stall goes unnoticed",
        wins: [
          {
            words: String.raw`\b(?:browsers?|web ?sockets?|html5|web[- ]based|in the web|turn[- ]based|casual|card games?|board games?|chess)\b`,
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "udp-deltas",
      because:
        "a snapshot a tick old is worthless once the next has arrived, so a transport that waits to redeliver it only adds lag",
    },
  },
  {
    id: "i13-game-crash",
    topic: T,
    question: "When a match's server dies, end the match, or resume it on another server from its last checkpoint?",
    options: [
      {
        id: "end-match",
        name: "end the match: its players go back to matchmaking and the match records no result",
        buys: "nothing to migrate, and no two servers can ever tick one match",
        costs: "everyone on the host loses the match in progress",
        winsWhen: "matches last minutes and a lost match is an annoyance, not a loss of paid or long-built progress",
      },
      {
        id: "resume-from-checkpoint",
        name: "resume: a new server loads the last checkpoint under a higher epoch and the clients reconnect to it",
        buys: "the match survives a host failure, losing only the seconds since its checkpoint",
        costs:
          "a checkpoint stream to store, a lease short enough to notice the death, and clients that can reconnect mid-match",
        winsWhen: "matches are long, ranked or persistent worlds whose loss players would not accept",
        // the prompt's words ask for long-lived or ranked matches, or say a match outlives the server it runs on ("must
        // survive its server crashing", "keeps running when any single server fails")
        wins: [
          {
            any: [
              {
                words: String.raw`\b(?:persistent (?:worlds?|matches?|sessions?)|mmo\w*|survives? (?:a )?(?:server|host|node) (?:crash|failure|loss)|(?:never|not) (?:be )?lost|resum\w*|migrat\w*|hours[- ]long|long[- ]running|ranked)\b`,
              },
              { words: OUTLIVES_ITS_SERVER },
            ],
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "end-match",
      because:
        "a match lasts minutes: ending it and requeueing its players costs less than shipping every match's state off the host",
    },
  },
];

export const GAME_COMPONENTS: ComponentSpec[] = [
  {
    id: "players",
    name: "Game clients (predict own moves, interpolate others)",
    kind: "client",
    runs: ["send numbered inputs", "predict and reconcile", "interpolate other players"],
    because: "a client shows its own moves at once and corrects them to the server's snapshot; it never decides a hit",
    topic: T,
  },
  {
    id: "matchmaker",
    name: "Matchmaker (tickets, match function, director)",
    kind: "service",
    runs: ["take tickets", "group tickets into matches", "ask for a server", "write the address to the tickets"],
    because: "players are grouped by mode, region and skill before any server is used",
    topic: T,
  },
  {
    id: "fleet-allocator",
    name: "Game-server fleet allocator (warm Ready servers per region)",
    kind: "control-loop",
    runs: ["keep Ready servers warm", "allocate a Ready server to a match", "return ended servers"],
    because: "a match starts on a server already running, and a Ready server moves to Allocated only once",
    topic: T,
  },
  {
    id: "game-server",
    name: "Game servers (one process owns each match; fixed tick loop)",
    kind: "service",
    holds: ["Match", "PlayerInput"],
    runs: ["apply inputs in order", "step the tick", "send delta snapshots", "lag-compensate hits", "checkpoint"],
    because:
      "one process ticks one match, so its memory is the match's only truth and no tick waits on another machine",
    topic: T,
  },
  {
    id: "match-directory",
    name: "Match directory (match id to server, lease with epoch)",
    kind: "replica-group",
    holds: ["MatchAssignment", "MatchTicket"],
    runs: ["record placement", "renew leases", "answer where a match runs"],
    because: "reconnects and joins find the match's current server, and an older epoch's server is refused",
    topic: T,
  },
  {
    id: "checkpoint-store",
    name: "Match checkpoint store",
    kind: "store",
    holds: ["MatchCheckpoint"],
    runs: ["keep each match's last checkpoint"],
    because: "a replacement server resumes a match from its last checkpoint",
    topic: T,
  },
  {
    id: "results-store",
    name: "Match results store",
    kind: "store",
    holds: ["MatchResult"],
    runs: ["record each result once by match id"],
    because: "rankings and rewards read results written once by the match's owner",
    topic: T,
  },
];

export const GAME_LINKS: LinkSpec[] = [
  { from: "players", to: "matchmaker", kind: "request", label: "ticket (mode, region, skill)", topic: T },
  { from: "matchmaker", to: "fleet-allocator", kind: "request", label: "allocate a Ready server", topic: T },
  { from: "matchmaker", to: "match-directory", kind: "request", label: "record the match's server (epoch)", topic: T },
  { from: "players", to: "game-server", kind: "stream", label: "numbered inputs (UDP)", topic: T },
  { from: "game-server", to: "players", kind: "stream", label: "delta snapshots every tick", topic: T },
  { from: "game-server", to: "match-directory", kind: "control", label: "renew the match's lease", topic: T },
  {
    from: "fleet-allocator",
    to: "match-directory",
    kind: "request",
    label: "move a match to a new server (epoch)",
    topic: T,
  },
  { from: "game-server", to: "checkpoint-store", kind: "replication", label: "checkpoint every few seconds", topic: T },
  { from: "game-server", to: "results-store", kind: "request", label: "result once, by match id", topic: T },
];

export const GAME_API: ApiSpec[] = [
  {
    operation: "find a match",
    call: "POST /v1/tickets",
    request: ["player_ids", "mode", "region", "skill"],
    response: ["ticket_id", "state", "server address and join token once matched"],
    errors: ["429 already queued", "503 no capacity in region (retry)"],
    guarantee: "a ticket is placed in at most one match; the client polls or is pushed the server's address",
    topic: T,
  },
  {
    operation: "send inputs",
    call: "UDP to the match's server: {player_id, input_seq, client_tick, controls, last_snapshot_ack}",
    request: ["player_id", "input_seq", "client_tick", "controls", "last_snapshot_ack"],
    response: ["none: the next snapshot carries the last input_seq applied"],
    errors: ["dropped when invalid, stale or from an unknown player"],
    guarantee: "each input_seq applied at most once, in order, by the server's rules",
    topic: T,
  },
  {
    operation: "receive snapshots",
    call: "UDP from the match's server every tick",
    request: ["join token"],
    response: ["tick", "last input_seq applied", "visible entities (delta against the acknowledged snapshot)"],
    errors: ["full snapshot when the acknowledged one is too old"],
    guarantee: "the state is the server's own at that tick; nothing in it comes from another client unchecked",
    topic: T,
  },
  {
    operation: "reconnect",
    call: "GET /v1/matches/{match_id}/server",
    request: ["match_id", "player_id"],
    response: ["server address", "epoch", "join token"],
    errors: ["404 match ended", "409 match is migrating (retry)"],
    guarantee: "names only the server holding the match's current epoch",
    topic: T,
  },
  {
    operation: "match result",
    call: "GET /v1/matches/{match_id}/result",
    request: ["match_id"],
    response: ["scores", "placings", "duration"],
    errors: ["404 not finished"],
    guarantee: "written once by the match's owner at its end, never changed",
    topic: T,
  },
];

export const GAME_DATA: DataSpec[] = [
  {
    entity: "Match",
    key: ["match_id"],
    fields: ["tick", "entities", "rules_state", "last_input_seq per player", "position history (lag compensation)"],
    indexes: [],
    partitionKey: "match_id (one process)",
    owner: "game-server",
    topic: T,
  },
  {
    entity: "PlayerInput",
    key: ["match_id", "player_id", "input_seq"],
    fields: ["client_tick", "controls", "received_tick", "outcome (applied, dropped)"],
    indexes: [],
    partitionKey: "match_id",
    owner: "game-server",
    topic: T,
  },
  {
    entity: "MatchAssignment",
    key: ["match_id"],
    fields: ["server_address", "epoch", "lease_expires_at", "players", "state"],
    indexes: ["lease_expires_at", "(region, state)"],
    partitionKey: "match_id",
    owner: "match-directory",
    topic: T,
  },
  {
    entity: "MatchTicket",
    key: ["ticket_id"],
    fields: ["player_ids", "mode", "region", "skill", "created_at", "match_id"],
    indexes: ["(mode, region, created_at)"],
    partitionKey: "ticket_id",
    owner: "match-directory",
    topic: T,
  },
  {
    entity: "MatchCheckpoint",
    key: ["match_id"],
    fields: ["tick", "epoch", "state (compressed)"],
    indexes: [],
    partitionKey: "match_id",
    owner: "checkpoint-store",
    topic: T,
  },
  {
    entity: "MatchResult",
    key: ["match_id"],
    fields: ["scores", "placings", "duration", "epoch"],
    indexes: ["(player_id, ended_at)"],
    partitionKey: "match_id",
    owner: "results-store",
    topic: T,
  },
];

export const GAME_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "One tick of a match",
    notation:
      "players>game-server[inputs with input_seq, resending the unacknowledged] -> game-server[apply each player's inputs in order, then step the simulation one tick {input_seq > last applied and the move obeys the rules}] -> game-server>players[snapshot: tick, last input_seq applied, delta against the acknowledged snapshot] |-> game-server[drop the input {input_seq <= last applied or the move breaks the rules}] => done",
    topic: T,
  },
  {
    name: "Place a match on a server",
    notation:
      "players>matchmaker[ticket] -> matchmaker[group tickets into a match {mode, region and skill fit}] -> matchmaker>fleet-allocator[allocate {a server is Ready}] -> matchmaker>match-directory[record match id and server with a new epoch] -> matchmaker>players[server address and join token] |-> matchmaker>players[keep waiting {no Ready server}] => done | retry",
    topic: T,
  },
  {
    name: "A match's server dies",
    notation:
      "match-directory[lease lapses {no renewal before expiry}] -> fleet-allocator>match-directory[allocate a new server under a higher epoch] -> game-server>checkpoint-store[load the last checkpoint] -> game-server>players[reconnect here and resume from the checkpoint's tick] |-> matchmaker>players[match ended, back to the queue {the crash option is end-match}] => reclaim | done",
    topic: T,
  },
];

/**
 * Products for a game server, checked: Agones (agones.dev) runs dedicated game servers on Kubernetes as Fleets of
 * GameServers, allocating a Ready one per match; Open Match (open-match.dev) is a matchmaking framework in which a
 * Director and the game's Match Function turn tickets into matches. Both are from Google for Games (Open Match with
 * Unity).
 */
type TechnologyInput = z.input<typeof Technology>;

export const GAME_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "Agones (dedicated game servers on Kubernetes)",
    layer: "serving",
    fits: "Keeps Fleets of warm GameServers, hands a Ready one to each match through a GameServerAllocation (Ready to Allocated, once), and scales the fleet on ready versus allocated counts.",
    suits: ["low-latency", "operational-simplicity"],
    poorFor: ["multi-region"],
    caveat:
      "It places and tracks processes; the game's own tick loop, state and checkpoints are the game server's to write, and each cluster serves one region.",
    topic: T,
  },
  {
    product: "Open Match (matchmaking framework)",
    layer: "coordination",
    fits: "Stores tickets, pools them, and calls the game's own match function; a director assigns each match a server and writes its address to the tickets.",
    suits: ["high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat: "The matching logic (skill, latency, parties) is the game's code; Open Match supplies the plumbing.",
    topic: T,
  },
];
