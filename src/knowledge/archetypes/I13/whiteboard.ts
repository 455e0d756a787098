import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";
import { oplogSplitFigures, participantInputs } from "./participants.js";

/**
 * The shared subject as a board of objects (topic "whiteboard", knowledge/topics.ts): a collaborative whiteboard,
 * canvas or design tool (Miro, Figma, Excalidraw). The board is not one long text but a tree of objects (stickies,
 * shapes, connectors, frames), each with an id and a set of properties. Two people's edits conflict only when they
 * set the same property of the same object, so the board's one server keeps, per (object, property), the last value
 * it received and relays it; no transform functions are needed. Siblings are ordered by a fractional order key, so a
 * move sets one property. Cursors and selections are ephemeral: relayed to the board's other connections, throttled,
 * and never stored. Each client keeps its own undo history and undoes by writing the earlier values back.
 *
 * Facts, checked against primary sources (the Figma engineering blog):
 * - "How Figma's multiplayer technology works" (Evan Wallace, 2019): the document is a tree of objects, each an id
 *   with properties; a central server per document keeps the latest value any client sent for each property of each
 *   object (a last-writer-wins register, "last" meaning last to reach the server); edits to different properties or
 *   objects never conflict; the approach is inspired by CRDTs but relies on the central server, and was chosen over
 *   OT as simpler. Object ids embed the client id so clients create objects without coordination; a client ignores
 *   server values for a property it has an unacknowledged change to (no flicker); a reparent that would make a
 *   cycle is rejected by the server; undo history lives in each client, and undo writes the earlier values back.
 * - "Realtime editing of ordered sequences" (Figma blog, 2017): children are ordered by a fractional index, an
 *   arbitrary-precision fraction kept as a string; inserting or moving a child sets its index between its new
 *   neighbours, and the server gives a new index to a child whose index collides with a sibling's.
 * Planning figures (a cursor relayed about ten times a second, a few thousand objects per board) are assumptions,
 * said as such in their rows.
 */

const T = "whiteboard" as const;

/** Why the board's objects fail closed under a moving owner, said in the board's terms. */
const BOARD_STANCE =
  "one server owns each board under a lease whose epoch fences an older owner, and its arrival order decides which write to a property is last: while the board has no reachable owner it is read-only (clients keep their edits pending) rather than let two servers pick different last values";

export const BOARD_ENTITIES = [
  {
    name: "BoardObject",
    description:
      "One object on a board (sticky note, shape, connector, text, image or frame): an object id made of the creating client's id and its own counter, its type, a map of properties (position, size, colour, text, style), the parent frame it sits in, a fractional order key among its siblings (its z-order) and a deleted flag; the board's server keeps the last value it sequenced for each property.",
    truth: true,
    topic: T,
    stance: { consistency: "read-your-writes", availability: "fail-closed", because: BOARD_STANCE },
  },
  {
    name: "CursorPresence",
    description:
      "One connection's live cursor position, selection and viewport on a board, held only in the board server's memory for as long as the connection is open; never written to the operation log or any store.",
    truth: false,
    topic: T,
    stance: {
      consistency: "eventual",
      availability: "stay-available",
      because:
        "a cursor is replaced by the next one a tenth of a second later: a lost or late update costs a jump on someone's screen, never a wrong board",
    },
  },
] as const;

export const BOARD_WRITES = [
  {
    action:
      "set one property of a board object: the board's server keeps the last value it sequenced for that object and property, and relays it to the board's other connections",
    entity: "BoardObject",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    critical: true,
    topic: T,
  },
  {
    action:
      "create an object under an id made of the client's id and its own counter, with a fractional order key between its new neighbours in its parent frame",
    entity: "BoardObject",
    shape: "create target",
    mechanism: "put-if-absent",
    // the id is unique by construction (client id + its own counter), so a create never races another
    critical: false,
    topic: T,
  },
  {
    action:
      "move an object in z-order or into another frame by setting its order key to a fraction between its new neighbours; the server gives a colliding key a new value and refuses a parent that would make a cycle",
    entity: "BoardObject",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "client drops an incoming value for a property it still has an unacknowledged change to, so its own pending edit does not flicker back",
    entity: "BoardObject",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    hidden: true,
    topic: T,
  },
  {
    action:
      "undo on one client: write back the earlier values of the properties that client changed, from its own history, as new property updates",
    entity: "BoardObject",
    shape: "overwrite current value",
    mechanism: "lww-overwrite",
    critical: false,
    topic: T,
  },
  {
    action:
      "relay each connection's cursor and selection to the board's other connections, throttled per connection and kept only in memory",
    entity: "CursorPresence",
    shape: "overwrite current value",
    mechanism: "ttl-expiry",
    critical: false,
    topic: T,
  },
] as const;

export const BOARD_READS = [
  {
    action: "open a board: load its latest snapshot, then replay the updates sequenced after it",
    entity: "SubjectSnapshot",
    shape: "read projection",
    staleness:
      "The snapshot may be many updates old; replaying the log tail after its sequence makes the loaded board exact at join time.",
    topic: T,
  },
  {
    action: "see the other participants' cursors and selections on the board",
    entity: "CursorPresence",
    shape: "read source",
    staleness:
      "one throttle interval (about a tenth of a second) plus a network hop; a cursor that stops moving stays where it is, and disappears when its connection closes",
    topic: T,
  },
] as const;

export const BOARD_INVARIANTS = [
  "For each BoardObject property, every participant ends with the value the board's server sequenced last; edits to different properties or different objects never conflict.",
  "Siblings under one parent frame are ordered by their fractional order keys: no two share a key (the server gives a colliding one a new key), and no move makes a BoardObject its own ancestor.",
  "CursorPresence is never written to the operation log or a durable store: it lives in the board server's memory and is gone when its connection closes.",
  "An undo writes back the earlier values of the undoing client's own BoardObject changes as new updates; it never rewinds another participant's edits.",
];

export const BOARD_FAILURES = [
  {
    failure:
      "Two people drag the same sticky at once and each sees the other's position jump back and forth while their own drag is in flight",
    role: "truth",
    prevention:
      "A client ignores server values for a property it has an unacknowledged change to, and applies the server's value once its own is acknowledged",
    repair: "The server's last sequenced value is the board's; a client that drifted reloads the object from it",
    topic: T,
  },
  {
    failure: "Two clients insert an object at the same place and both pick the same order key, so the z-order differs",
    role: "truth",
    prevention:
      "The server checks each new key against the parent's siblings and gives a colliding one a new key, relayed to everyone",
    repair: "Renumber the siblings' keys from the server's order in one update",
    topic: T,
  },
  {
    failure: "Cursor traffic of a crowded board swamps its server and delays real edits",
    role: "derived",
    prevention:
      "Throttle cursors per connection, batch them per tick, drop a cursor update superseded before it was sent, and send edits ahead of cursors",
    repair: "Lower the cursor rate for the board, or show viewers' cursors to nobody",
    topic: T,
  },
] as const;

export const BOARD_BOTTLENECKS = [
  {
    bottleneck:
      "Cursor fan-out on a crowded board: every participant's cursor goes to every other participant, so the board's traffic grows with the square of its participants",
    mitigation:
      "Throttle each cursor to about ten updates a second, batch per tick, coalesce superseded positions, and relay only to participants whose viewport shows it",
    formula: {
      yields: "cursor messages a second on one board",
      expression: "max_participants * (max_participants - 1) * cursor_updates_per_sec",
      unit: "msgs/s",
    },
    topic: T,
  },
  {
    bottleneck: "Loading a large board: every joiner reads all its objects before the first edit",
    mitigation:
      "Snapshot the board's objects every few thousand operations, load the snapshot plus the log tail, and send objects outside the viewport later",
    formula: { yields: "board snapshot size", expression: "objects_per_board * object_bytes", unit: "B" },
    topic: T,
  },
] as const;

export const BOARD_CAPACITY: CapacityModel = {
  inputs: [
    inp("subjects", 100000, "about a hundred thousand boards open at once"),
    inp("nodes", 50, "a tier of a few dozen board servers"),
    inp("message_bytes", 200, "one property update (object id, property, value) is a couple of hundred bytes"),
    inp(
      "cursor_updates_per_sec",
      10,
      "a planning figure: each cursor is throttled to about ten updates a second, smooth enough when interpolated",
    ),
    inp("cursor_bytes", 60, "a cursor update (connection id, x, y, selection id) is a few dozen bytes"),
    inp("objects_per_board", 5000, "a planning figure: a busy board holds a few thousand objects"),
    inp("object_bytes", 500, "an object with its properties (position, size, style, text) is about half a kilobyte"),
    inp("boards", 10000000, "a planning figure: about ten million boards kept"),
    // fleet totals read a typical board's participants; a stated per-board count is the busiest board's
    ...participantInputs("board"),
    {
      quantity: "clients",
      from: [
        { expression: "users * online_share", why: "every online user holds one board connection" },
        { expression: "subjects * participants", why: "every participant of every open board holds a connection" },
      ],
    },
    {
      quantity: "writes_per_sec",
      from: [
        { expression: "messages_per_sec", why: "each stated edit is one property update" },
        {
          expression: "subjects * participants * ops_per_participant_per_sec",
          why: "every participant sends property updates while active",
        },
      ],
    },
  ],
  figures: [
    fig(
      "cursor_msgs_per_board",
      "cursor messages a second on the busiest board (each participant's cursor to every other)",
      "hotspot",
      "max_participants * (max_participants - 1) * cursor_updates_per_sec",
      "msgs/s",
    ),
    fig(
      "ops_per_subject",
      "property updates a second through the busiest board's server",
      "rate",
      "max_participants * ops_per_participant_per_sec",
      "ops/s",
    ),
    fig(
      "board_edit_deliveries",
      "edit deliveries a second on the busiest board (each update to every other participant)",
      "rate",
      "max_participants * ops_per_participant_per_sec * (max_participants - 1)",
      "msgs/s",
    ),
    fig(
      "board_bandwidth",
      "bandwidth out of the busiest board's server",
      "bandwidth",
      "max_participants * (max_participants - 1) * (cursor_updates_per_sec * cursor_bytes + ops_per_participant_per_sec * message_bytes)",
      "B/s",
    ),
    fig("peak_ops_per_sec", "peak property updates across boards", "peak", "writes_per_sec * peak_factor", "ops/s"),
    fig(
      "deliveries_per_sec",
      "edit deliveries to the other participants across boards at peak (the sender gets an acknowledgement, not a copy)",
      "fan-out",
      "peak_ops_per_sec * (participants - 1)",
      "msgs/s",
    ),
    fig("connections_per_server", "open connections per board server", "rate", "clients / nodes", "connections"),
    fig("oplog_growth", "operation log written per day", "growth", "writes_per_sec * message_bytes * 86400", "B/day"),
    ...oplogSplitFigures("board"),
    fig("board_snapshot_bytes", "one board's snapshot", "storage", "objects_per_board * object_bytes", "B"),
    fig(
      "snapshot_storage",
      "latest snapshots of every board across replicas",
      "storage",
      "boards * objects_per_board * object_bytes * replicas",
      "B",
    ),
  ],
};

export const BOARD_DECISIONS: DecisionPoint[] = [
  {
    id: "i13-board-merge",
    topic: T,
    question:
      "Per-property last-writer-wins under the board's server, operational transformation, or CRDTs to merge concurrent edits?",
    options: [
      {
        id: "lww-property",
        name: "per-property last-writer-wins under one server per board (Figma's approach)",
        buys: "edits conflict only on the same property of the same object, and the server's arrival order settles them with no transform functions",
        costs:
          "of two concurrent edits to one property, one is lost; long text inside an object needs its own text merge",
        winsWhen: "the board is objects with properties and a server sits in every session",
        implies: {
          addMechanisms: ["op-sequencer", "subject-snapshot", "lww-overwrite"],
          removeMechanisms: ["operational-transform", "crdt-merge"],
        },
      },
      {
        id: "ot",
        name: "operational transformation with a server sequencer per board",
        key: String.raw`operational transformation|sequencer|transform(?:s|ed)?`,
        buys: "both of two concurrent edits inside one text survive, with intent-preserving transforms",
        costs: "a transform function for every pair of operation types, for a board's many object types",
        winsWhen: "most edits are concurrent typing inside the same long text",
        implies: {
          addMechanisms: ["op-sequencer", "subject-snapshot", "operational-transform"],
          removeMechanisms: ["crdt-merge"],
          // ShareDB is a realtime backend built on operational transformation of JSON documents (its README)
          preferTechnology: ["ShareDB"],
        },
      },
      {
        id: "crdt",
        name: "CRDTs that merge without a central order",
        buys: "replicas converge in any delivery order: offline edits, peer-to-peer and multi-region writes",
        costs: "per-element metadata and tombstones grow the board's state; compaction needs care",
        winsWhen: "editing must continue offline or in several regions without one server per board",
        // the prompt asks edits to merge with no server in the loop (local-first, peer to peer); offline edits alone do
        // not: a board's server re-applies them on reconnect (Figma's clients reapply offline edits to a fresh copy)
        wins: [
          {
            words: String.raw`\blocal[- ]first\b|\bpeer[- ]to[- ]peer\b|\bwithout (?:a |any )?(?:central |coordinating )?server\b|\bno (?:central |coordinating )?server\b`,
          },
        ],
        implies: {
          addMechanisms: ["crdt-merge", "subject-snapshot"],
          removeMechanisms: ["op-sequencer", "operational-transform"],
          // Yjs and Automerge are CRDT libraries: replicas merge without a central order (their READMEs)
          preferTechnology: ["Yjs", "Automerge"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "availability", in: ["stay-available"] }, { regionsAtLeast: 2 }],
        option: "crdt",
        because: "every region must keep accepting edits without one server per board",
      },
    ],
    fallback: {
      option: "lww-property",
      because:
        "a board is objects with properties, so two edits collide only on one property of one object, and a server already sits in every session to decide which came last",
    },
  },
];

export const BOARD_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Board clients (local objects, pending edits, own undo history)",
    kind: "client",
    holds: ["ParticipantCursor"],
    runs: ["apply locally", "send property updates", "keep undo history", "throttle cursor"],
    because:
      "edits apply locally at once; a client keeps its own undo history and its unacknowledged properties until the server answers",
    topic: T,
  },
  {
    id: "sequencer",
    name: "Board server (one owner per board)",
    kind: "service",
    holds: ["Subject", "BoardObject", "CursorPresence"],
    runs: [
      "dedupe",
      "keep the last value per object property",
      "check order keys and parents",
      "relay edits",
      "relay cursors",
    ],
    because:
      "one owner per board decides which write to a property came last and relays edits and cursors to the board's connections from memory",
    topic: T,
  },
];

export const BOARD_LINKS: LinkSpec[] = [
  {
    from: "sequencer",
    to: "session-gateway",
    kind: "stream",
    label: "cursors and selections (throttled, memory only)",
    topic: T,
  },
];

export const BOARD_API: ApiSpec[] = [
  {
    operation: "set properties",
    call: "WS message set",
    request: ["client_id", "client_seq", "object_id", "properties{}"],
    response: ["seq"],
    errors: ["rejected (unknown object or invalid value)"],
    guarantee:
      "each (client_id, client_seq) is applied once; the value the server sequences last for a property is everyone's",
    topic: T,
  },
  {
    operation: "create object",
    call: "WS message create",
    request: ["client_id", "client_seq", "object_id", "type", "parent_id", "order_key", "properties{}"],
    response: ["seq", "order_key"],
    errors: ["rejected (unknown parent)"],
    guarantee: "a colliding order key is answered with the new key the server gave it",
    topic: T,
  },
  {
    operation: "move object",
    call: "WS message move",
    request: ["client_id", "client_seq", "object_id", "parent_id", "order_key"],
    response: ["seq", "order_key"],
    errors: ["rejected (parent would make a cycle)"],
    guarantee: "siblings stay in one order on every client",
    topic: T,
  },
  {
    operation: "cursor",
    call: "WS message cursor",
    request: ["x", "y", "selection[]"],
    response: [],
    errors: [],
    guarantee: "best effort, throttled; relayed to the board's other connections and never stored",
    topic: T,
  },
];

export const BOARD_DATA: DataSpec[] = [
  {
    entity: "BoardObject",
    key: ["subject_id", "object_id"],
    fields: ["type", "parent_id", "order_key", "properties", "deleted", "last_seq"],
    indexes: ["(subject_id, parent_id, order_key)"],
    partitionKey: "subject_id",
    owner: "sequencer",
    topic: T,
  },
  {
    entity: "CursorPresence",
    key: ["subject_id", "connection_id"],
    fields: ["user_id", "x", "y", "selection", "viewport"],
    indexes: [],
    partitionKey: "subject_id",
    owner: "sequencer",
    topic: T,
  },
];

export const BOARD_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Set an object's property",
    notation:
      "clients>session-gateway[set properties with client id and client seq] -> session-gateway>sequencer[route to the board's owner] -> sequencer>op-log[append the update {epoch = SequencerLease.epoch and client seq not yet sequenced}] -> op-log>sequencer[durable at seq] -> sequencer[keep the value as the property's last] -> sequencer>session-gateway[relay the update with seq] -> session-gateway>clients[ack own update, deliver others' (a client skips a property it has pending)] |-> sequencer>session-gateway[ack existing seq {client seq already sequenced}] => done | retry",
    topic: T,
  },
  {
    name: "Move an object among its siblings",
    notation:
      "clients>session-gateway[move with a new order key between its neighbours] -> session-gateway>sequencer[route to the board's owner] -> sequencer[check the key and the new parent {no sibling holds the key and the parent is not a descendant}] -> sequencer>op-log[append the move] -> sequencer>session-gateway[relay the move] |-> sequencer>session-gateway[relay a new key for the object {key collides with a sibling's}] => done | retry",
    topic: T,
  },
];

/** What a board design must draw and must not (coherence `whiteboard-shape`). */
export const BOARD_SHAPE = {
  objectEntity: "BoardObject",
  presenceEntity: "CursorPresence",
  /** A property set is the board's write: a call that sets an object's properties. */
  setCall: /\bset properties\b/,
  /** A consensus-held registry's records, which board presence never lives in. */
  registryEntities: ["Registration", "LivenessLease", "MembershipEvent"],
  /** Kinds of component that keep state durably: cursors are never held in one. */
  durableKinds: ["store", "log", "replica-group"],
} as const;
