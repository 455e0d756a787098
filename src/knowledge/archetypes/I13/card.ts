import type { ArchetypeInput } from "../../schema.js";
import { keptBy } from "../../topics.js";
import {
  AUCTION_BOTTLENECKS,
  AUCTION_ENTITIES,
  AUCTION_FAILURES,
  AUCTION_INVARIANTS,
  AUCTION_KEPT_BY,
  AUCTION_READS,
  AUCTION_SCOPES,
  AUCTION_TECHNOLOGIES,
  AUCTION_WRITES,
} from "./auction.js";
import {
  CONFERENCE_BOTTLENECKS,
  CONFERENCE_ENTITIES,
  CONFERENCE_FAILURES,
  CONFERENCE_INVARIANTS,
  CONFERENCE_KEPT_BY,
  CONFERENCE_READS,
  CONFERENCE_SCOPES,
  CONFERENCE_TECHNOLOGIES,
  CONFERENCE_WRITES,
} from "./conference.js";
import {
  GAME_BOTTLENECKS,
  GAME_ENTITIES,
  GAME_FAILURES,
  GAME_INVARIANTS,
  GAME_KEPT_BY,
  GAME_READS,
  GAME_SCOPES,
  GAME_TECHNOLOGIES,
  GAME_WRITES,
} from "./game.js";
import {
  ORDER_BOOK_BOTTLENECKS,
  ORDER_BOOK_ENTITIES,
  ORDER_BOOK_FAILURES,
  ORDER_BOOK_INVARIANTS,
  ORDER_BOOK_READS,
  ORDER_BOOK_TECHNOLOGIES,
  ORDER_BOOK_WRITES,
} from "./orderbook.js";
import { protocols } from "./topology.js";
import {
  BOARD_BOTTLENECKS,
  BOARD_ENTITIES,
  BOARD_FAILURES,
  BOARD_INVARIANTS,
  BOARD_READS,
  BOARD_WRITES,
} from "./whiteboard.js";

/** Rows about merging edits to one long text, which a board of objects with properties replaces. */
const TEXT_ONLY = ["order-book", "whiteboard", "auction", "game-server", "video-conference"] as const;
/** Rows about a shared document or board, which an order book, an auction and a game match each replace with their own. */
const NOT_DOC = ["order-book", "auction", "game-server", "video-conference"] as const;

/** A shared document's rules: one order of operations, resubmits applied once, snapshots equal to their prefix. */
const DOCUMENT_INVARIANTS = [
  "Each Subject has exactly one Operation at each sequence number, and every participant applies them in that order.",
  "An Operation identified by client id and client sequence is sequenced at most once, however often it is resubmitted.",
  "Only the holder of the current SequencerLease epoch appends to a Subject's log; appends from an older epoch are refused.",
  "A SubjectSnapshot at sequence N equals the result of applying Operations 1 to N, and no Operation after N is lost when older log entries are trimmed.",
  "Participants that have applied the same set of Operations hold the same Subject state.",
];

export const card = {
  id: "I13",
  name: "Shared Subject Coordination",
  summary:
    "Owns many participants changing one shared subject at the same time: a document, whiteboard, chat room, spreadsheet or game match. The authoritative state is the per-subject operation log with its sequence numbers, plus periodic snapshots that let a joiner load the state without replaying all history. The core correctness concern is that every participant applies the same operations in the same effective order and converges on the same state, with concurrent edits transformed or merged rather than overwritten and reconnect resubmissions applied only once. Two families solve the concurrency differently and should not be mixed up: operational transformation (Jupiter, Google Wave and Docs, ShareDB) keeps a central server that orders operations and rewrites each late one against what was ordered since its base, while each client keeps at most one operation in flight, buffers later edits, and transforms every incoming server operation against its pending ones (and its cursor and selection); CRDTs (Yjs, Automerge) give every element a unique id so updates merge in any order with no transformation, and a server only relays and stores them. Figma uses a central server that resolves per-property conflicts by last write, and authoritative multiplayer game servers order inputs per match.",
  roles: ["truth", "coordination", "derived"],
  signals: {
    phrases: [
      { text: "collaborative editing", weight: 1 },
      { text: "real time collaboration", weight: 1 },
      { text: "live collaboration", weight: 0.9 },
      { text: "operational transformation", weight: 1 },
      { text: "CRDT", weight: 0.8 },
      { text: "conflict free replicated", weight: 0.7 },
      { text: "edit same document", weight: 0.9 },
      { text: "concurrent edit", weight: 0.8 },
      { text: "shared document", weight: 0.8 },
      { text: "whiteboard", weight: 0.8 },
      { text: "shared cursor", weight: 0.8 },
      { text: "collaborative", weight: 0.7 },
      { text: "offline edit", weight: 0.7 },
      { text: "game state sync", weight: 0.7 },
      { text: "chat room", weight: 0.6 },
      { text: "multiplayer game", weight: 0.6 },
      { text: "authoritative game server", weight: 0.6 },
      { text: "offline first", weight: 0.6 },
      { text: "merge conflict", weight: 0.6 },
      { text: "operation log", weight: 0.6 },
      { text: "sequence operation", weight: 0.6 },
      { text: "order of edits", weight: 0.6 },
      { text: "group chat", weight: 0.5 },
      { text: "conflict resolution", weight: 0.5 },
      { text: "converge same state", weight: 0.5 },
      { text: "document revision", weight: 0.5 },
      { text: "broadcast to room", weight: 0.5 },
      { text: "sync across devices", weight: 0.5 },
      { text: "shared state", weight: 0.4 },
      { text: "undo redo", weight: 0.4 },
      { text: "version history", weight: 0.4 },
      { text: "cursor position", weight: 0.4 },
      { text: "matching engine", weight: 0.8 },
      { text: "stock exchange", weight: 0.5 },
    ],
    systems: [
      { name: "Google Docs", aliases: ["Google Sheets", "Google Slides"], weight: 1 },
      { name: "Figma", aliases: [], weight: 1 },
      { name: "Yjs", aliases: ["Y.js"], weight: 1 },
      { name: "Automerge", aliases: [], weight: 1 },
      { name: "ShareDB", aliases: [], weight: 1 },
      { name: "Etherpad", aliases: [], weight: 0.9 },
      { name: "Liveblocks", aliases: [], weight: 0.9 },
      { name: "Fluid Framework", aliases: ["Microsoft Fluid"], weight: 0.9 },
      { name: "Replicache", aliases: [], weight: 0.8 },
      { name: "Notion", aliases: [], weight: 0.6 },
      {
        name: "Durable Objects",
        aliases: ["Cloudflare Durable Objects"],
        weight: 0.6,
        sharedBecause:
          "a Durable Object is a single-owner actor per key, used both as a per-subject sequencer here and as key-scoped state (I16)",
      },
      {
        name: "Firebase Realtime Database",
        aliases: ["Firebase RTDB"],
        weight: 0.5,
        sharedBecause:
          "Firebase syncs shared subjects to many clients, but is also a key-scoped document store (I16) with presence (I10)",
      },
    ],
  },
  entities: [
    ...ORDER_BOOK_ENTITIES,
    ...AUCTION_ENTITIES,
    ...GAME_ENTITIES,
    ...CONFERENCE_ENTITIES,
    ...BOARD_ENTITIES,
    {
      name: "Subject",
      unlessTopic: NOT_DOC,
      description:
        "The shared document, room, board or match, holding its current state and the sequence number of the last applied operation.",
      topicDescriptions: [
        {
          topic: "whiteboard",
          description:
            "One board: its objects' last values, the owning server's epoch and the sequence number of the last applied update.",
        },
      ],
      truth: true,
      stance: {
        consistency: "read-your-writes",
        availability: "fail-closed",
        because:
          "one sequencer owns each subject under a lease whose epoch fences an older owner: while a subject has no reachable owner, or its ownership is moving, it is read-only (clients keep their edits pending) rather than let two owners order its edits differently",
      },
    },
    {
      name: "Operation",
      unlessTopic: NOT_DOC,
      description:
        "One edit or message in the subject's log, with its assigned sequence number, the base sequence it was made against, and the client id and client sequence that identify it.",
      truth: true,
    },
    {
      name: "SubjectSnapshot",
      unlessTopic: NOT_DOC,
      description:
        "The subject's full state as of a recorded sequence number, used to load and recover without full replay.",
      truth: false,
    },
    {
      name: "ParticipantCursor",
      unlessTopic: NOT_DOC,
      description:
        "The highest sequence number a participant has received and applied, used to resume after disconnect.",
      truth: false,
    },
    {
      name: "SequencerLease",
      unlessTopic: NOT_DOC,
      description: "Which server currently owns sequencing for a subject, with an epoch that fences older owners.",
      truth: false,
    },
  ],
  writePaths: [
    ...ORDER_BOOK_WRITES,
    ...AUCTION_WRITES,
    ...GAME_WRITES,
    ...CONFERENCE_WRITES,
    ...BOARD_WRITES,
    {
      unlessTopic: NOT_DOC,
      action: "sequencer appends a submitted operation at the next sequence number of its subject",
      entity: "Operation",
      shape: "append event",
      mechanism: "op-sequencer",
      critical: true,
    },
    {
      unlessTopic: NOT_DOC,
      action: "record the client id and client sequence so a resubmitted operation is not sequenced twice",
      entity: "Operation",
      shape: "create target",
      mechanism: "idempotency-key",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: NOT_DOC,
      action:
        "transform the submitted operation against every operation sequenced since its base revision, then apply it to subject state",
      entity: "Subject",
      shape: "state transition",
      mechanism: "operational-transform",
      critical: true,
    },
    {
      unlessTopic: NOT_DOC,
      action:
        "client keeps one operation in flight, buffers later edits, and transforms each incoming sequenced operation (and its cursor and selection) against its unacknowledged edits before applying it",
      entity: "Subject",
      shape: "state transition",
      mechanism: "operational-transform",
      hidden: true,
    },
    {
      unlessTopic: NOT_DOC,
      action:
        "where the subject is a CRDT instead, merge each update into subject state by element ids, in whatever order updates arrive",
      entity: "Subject",
      shape: "state transition",
      mechanism: "crdt-merge",
    },
    {
      unlessTopic: NOT_DOC,
      action: "claim sequencing ownership of a subject with a new epoch",
      entity: "SequencerLease",
      shape: "state transition",
      mechanism: "lease",
      hidden: true,
      critical: true,
    },
    {
      unlessTopic: NOT_DOC,
      action: "write a snapshot of the subject at a sequence number",
      entity: "SubjectSnapshot",
      shape: "create target",
      mechanism: "subject-snapshot",
      hidden: true,
    },
    {
      unlessTopic: NOT_DOC,
      action: "advance a participant's received-up-to cursor",
      entity: "ParticipantCursor",
      shape: "overwrite current value",
      mechanism: "consumer-offsets",
      hidden: true,
    },
  ],
  readPaths: [
    ...ORDER_BOOK_READS,
    ...AUCTION_READS,
    ...GAME_READS,
    ...CONFERENCE_READS,
    ...BOARD_READS,
    {
      unlessTopic: TEXT_ONLY,
      action: "open a subject: load the latest snapshot, then replay operations after it",
      entity: "SubjectSnapshot",
      shape: "read projection",
      staleness:
        "The snapshot may be many operations old; replaying the log tail after its sequence makes the loaded state exact at join time.",
    },
    {
      unlessTopic: NOT_DOC,
      action: "receive sequenced operations from the subject's live stream",
      entity: "Operation",
      shape: "read source",
      staleness:
        "Sub-second; a participant applies operations strictly in sequence and requests any missing range when it sees a gap.",
    },
  ],
  protocols,
  invariants: [
    ...DOCUMENT_INVARIANTS,
    ...ORDER_BOOK_INVARIANTS,
    ...BOARD_INVARIANTS,
    ...AUCTION_INVARIANTS,
    ...GAME_INVARIANTS,
    ...CONFERENCE_INVARIANTS,
  ],
  // a document's rules hold where the subject is not an order book, an order book's only where it is
  invariantTopics: [
    ...DOCUMENT_INVARIANTS.map((statement) => ({ statement, unlessTopic: NOT_DOC })),
    ...AUCTION_INVARIANTS.map((statement) => ({
      statement,
      topic: "auction" as const,
      ...keptBy(statement, AUCTION_KEPT_BY),
    })),
    ...GAME_INVARIANTS.map((statement) => ({
      statement,
      topic: "game-server" as const,
      ...keptBy(statement, GAME_KEPT_BY),
    })),
    ...CONFERENCE_INVARIANTS.map((statement) => ({
      statement,
      topic: "video-conference" as const,
      ...keptBy(statement, CONFERENCE_KEPT_BY),
    })),
    ...ORDER_BOOK_INVARIANTS.map((statement) => ({ statement, topic: "order-book" as const })),
    ...BOARD_INVARIANTS.map((statement) => ({ statement, topic: "whiteboard" as const })),
  ],
  contract: {
    api: [
      "open(subjectId) -> snapshot, its sequence number and a live stream of later operations",
      "submit(subjectId, clientId, clientSeq, baseSeq, op) -> assigned seq | transformed op | rejected",
      "sync(subjectId, sinceSeq) -> operations after sinceSeq, or a snapshot when sinceSeq is older than the retained log",
      "history(subjectId, fromSeq, toSeq) -> ordered operations for replay, audit or undo",
    ],
    guarantees: [
      "Per-subject total order: every participant observes the same sequence of operations.",
      "Read-your-writes: the author sees an edit immediately and later receives its assigned sequence number.",
      "Convergence: once edits stop, every participant of a subject holds the same state.",
      "An acknowledged operation is durable in the subject's log before it is broadcast.",
    ],
  },
  predicates: [
    {
      id: "ordering-matters",
      unlessTopic: ["video-conference"],
      because: "all participants must apply a subject's operations in one order to end in the same state",
    },
    {
      id: "ordering-matters",
      topic: "video-conference",
      because: "each sender's packets are numbered per stream and played in that order by every receiver",
    },
    {
      id: "exclusivity-matters",
      unlessTopic: ["video-conference"],
      because: "one sequencer per subject assigns sequence numbers, and a second live sequencer would fork history",
    },
    {
      id: "exclusivity-matters",
      topic: "video-conference",
      because: "one SFU, or one cascade, forwards a live meeting, and a second placement would split it into two rooms",
    },
    {
      id: "duplicate-retry-matters",
      because: "clients resubmit pending operations after reconnecting, which must not apply an edit twice",
    },
    {
      id: "stale-write-dangerous",
      // a meeting's media is forwarded, never merged as edits against a base
      unlessTopic: ["video-conference"],
      because:
        "an operation made against an old base would clobber concurrent edits unless it is transformed or merged",
    },
    {
      id: "derived-read",
      unlessTopic: ["video-conference"],
      because: "joiners load from snapshots, which must match the log at their recorded sequence number",
    },
  ],
  failures: [
    ...ORDER_BOOK_FAILURES,
    ...AUCTION_FAILURES,
    ...GAME_FAILURES,
    ...CONFERENCE_FAILURES,
    ...BOARD_FAILURES,
    {
      unlessTopic: NOT_DOC,
      failure: "Two servers both sequence the same subject after a partition, and participants see forked histories.",
      role: "coordination",
      prevention:
        "Hold sequencing under a lease with an epoch, and make the log append conditional on both the epoch and the next sequence number.",
      repair: "Keep the current epoch's operations and have clients resubmit their rejected edits as new operations.",
    },
    {
      unlessTopic: NOT_DOC,
      failure: "A client reconnects, resubmits an edit the server already sequenced, and the text appears twice.",
      role: "truth",
      prevention:
        "Identify each operation by client id and client sequence and answer a repeat with its original sequence number.",
      repair: "Detect repeated client sequences in the log and append inverse operations that undo the duplicates.",
    },
    {
      unlessTopic: TEXT_ONLY,
      failure: "An edit made against an old version is applied as-is and erases a concurrent participant's change.",
      role: "truth",
      prevention:
        "Transform the operation against everything sequenced since its base (OT), or model the subject as a CRDT whose updates merge by element id.",
      repair: "Replay the subject from the operation history with transformation to restore the lost edit.",
    },
    {
      unlessTopic: NOT_DOC,
      failure:
        "The sequencer acknowledges and broadcasts an operation, then crashes before it was durable, so participants diverge.",
      role: "truth",
      prevention: "Append the operation durably before acknowledging or broadcasting it.",
      repair: "Clients resubmit every pending operation without an acknowledged sequence number to the new sequencer.",
    },
    {
      unlessTopic: NOT_DOC,
      failure: "A participant misses part of the broadcast stream and silently drifts from everyone else.",
      role: "derived",
      prevention: "Deliver operations with sequence numbers so a client detects any gap before applying.",
      repair:
        "Fetch the missing range from the log, or reload the latest snapshot when the gap is older than retention.",
    },
    {
      unlessTopic: NOT_DOC,
      failure:
        "A snapshot is written while operations are still being applied, so it matches no single sequence number.",
      role: "derived",
      prevention:
        "Take snapshots from a state frozen at one recorded sequence number, on the sequencer or a replica applying in order.",
      repair: "Discard the bad snapshot and rebuild from the previous good snapshot plus the log.",
    },
    {
      unlessTopic: NOT_DOC,
      failure: "The host owning a subject dies and nobody can edit it until ownership moves.",
      role: "coordination",
      prevention: "Keep the sequencer lease short and the snapshot recent so a takeover replays little.",
      repair: "Another server claims the expired lease, loads snapshot plus tail, and clients reconnect to it.",
    },
  ],
  bottlenecks: [
    ...ORDER_BOOK_BOTTLENECKS,
    ...AUCTION_BOTTLENECKS,
    ...GAME_BOTTLENECKS,
    ...CONFERENCE_BOTTLENECKS,
    ...BOARD_BOTTLENECKS,
    {
      unlessTopic: NOT_DOC,
      bottleneck: "Broadcast fan-out: every operation is delivered to every other participant of its subject.",
      mitigation: "Batch operations per tick, coalesce cursor and presence updates, and send diffs rather than state.",
      formula: {
        yields: "operation deliveries per second",
        expression: "writes_per_sec * (participants - 1)",
        unit: "deliveries/s",
      },
    },
    {
      unlessTopic: NOT_DOC,
      bottleneck: "A hot subject with many active editors is serialised through one sequencer.",
      mitigation:
        "Split the subject into independently sequenced sections, cap active editors and make large audiences read-only viewers.",
      formula: {
        yields: "average operations per second per subject",
        expression: "writes_per_sec / subjects",
        unit: "ops/s",
      },
    },
    {
      unlessTopic: NOT_DOC,
      bottleneck: "Long-lived connections per server, since participants stay attached for the whole session.",
      mitigation: "Route all participants of a subject to its owning server and spread subjects by consistent hashing.",
      formula: { yields: "open connections per server", expression: "clients / nodes", unit: "connections" },
    },
    {
      unlessTopic: NOT_DOC,
      bottleneck: "Operation log growth makes loading and recovering a busy subject slow.",
      mitigation:
        "Snapshot every few thousand operations and trim or archive the log before the oldest retained snapshot.",
    },
  ],
  silhouette: {
    storage: "op log + subject state + snapshot",
    coordination: "sequencing/merge/version discipline",
    serving: "subject sync/fanout",
  },
  topicSilhouettes: [
    {
      topic: "video-conference",
      storage:
        "meetings and participants in a database; each meeting's placement on an SFU under a lease; media in SFU memory only",
      coordination: "one SFU or one cascade per meeting under a lease with an epoch; admission by signed token",
      serving: "selective forwarding of each receiver's chosen tracks at the layer its bandwidth fits",
    },
    {
      topic: "auction",
      storage: "bid log per auction (group commit) + auction snapshots + end-time index",
      coordination: "one owner per auction under a lease with an epoch decides every bid and the close",
      serving: "coalesced price pushes to watchers; winner notice and payment from an outbox",
    },
    {
      topic: "whiteboard",
      storage: "board objects (snapshot + op log), last value per object property",
      coordination: "one server per board decides the last write to each property",
      serving: "edit and throttled cursor fan-out on the board's connections",
    },
    {
      topic: "order-book",
      storage: "replicated order log per symbol + snapshots",
      coordination: "one single-threaded sequencer per symbol, price-time priority",
      serving: "execution reports and market-data fan-out",
    },
  ],
  technologies: [
    ...ORDER_BOOK_TECHNOLOGIES,
    ...AUCTION_TECHNOLOGIES,
    ...GAME_TECHNOLOGIES,
    ...CONFERENCE_TECHNOLOGIES,
    {
      unlessTopic: NOT_DOC,
      product: "Yjs",
      layer: "coordination",
      fits: "A CRDT library whose updates merge in any order, with providers for WebSocket sync, awareness and offline storage.",
      suits: ["low-latency", "eventual", "stay-available"],
      poorFor: ["linearizable", "small-metadata"],
      caveat:
        "Deleted content leaves tombstone metadata that grows with history, so documents need snapshotting and garbage collection.",
    },
    {
      unlessTopic: NOT_DOC,
      product: "ShareDB",
      layer: "coordination",
      fits: "An operational-transformation server that sequences JSON document operations and stores the op log in a database.",
      suits: ["ordering", "read-your-writes", "durable"],
      poorFor: ["multi-region", "stay-available"],
      caveat: "Each document is sequenced by one server path, so offline editing and multi-region writes are limited.",
    },
    {
      unlessTopic: NOT_DOC,
      product: "Cloudflare Durable Objects",
      layer: "serving",
      fits: "One single-threaded actor per subject holds the connections and acts as the sequencer with attached storage.",
      suits: ["ordering", "low-latency", "operational-simplicity"],
      poorFor: ["high-throughput", "multi-region"],
      caveat:
        "An object lives in one location at a time, so one very hot subject is capped by a single actor's throughput.",
    },
    {
      unlessTopic: NOT_DOC,
      product: "PostgreSQL op-log table",
      layer: "storage",
      fits: "A unique key on subject id and sequence number turns every append into a conditional write, with snapshots in a side table.",
      suits: ["durable", "ordering", "linearizable"],
      poorFor: ["high-throughput", "low-latency"],
      caveat:
        "Every keystroke as a row overwhelms it, so batch operations per tick and keep live fan-out out of the database.",
    },
  ],
  connections: [
    {
      to: "I10",
      role: "decorator",
      why: "who is in the subject, their cursors and typing state are ephemeral presence kept by heartbeats",
      typical: true,
    },
    {
      to: "I02",
      role: "decorator",
      why: "sequencer ownership of each subject is a lease fenced by an epoch",
    },
    {
      to: "I17",
      role: "substrate",
      why: "participants of one subject must be steered to the server that owns it, typically by consistent hashing on the subject id",
    },
    {
      to: "I05",
      role: "substrate",
      why: "the operation log can live in a partitioned append log keyed by subject, which also feeds downstream consumers",
    },
  ],
  topicScopes: [AUCTION_SCOPES, GAME_SCOPES, CONFERENCE_SCOPES],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "read-your-writes",
    availability: "stay-available",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because: "each participant must see its own changes at once, and all converge on one order per subject",
    scopes: {
      ordering: { scope: "key", why: "operations are sequenced per shared subject (document, room, board)" },
      exclusivity: { scope: "key", why: "one sequencer owns each subject at a time" },
      coordination: { scope: "key", why: "merging and versioning happen within one subject" },
    },
  },
} satisfies ArchetypeInput;
