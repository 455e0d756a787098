import type { ProtocolSpec, Topology } from "../../topology.js";
import { AUCTION_API, AUCTION_COMPONENTS, AUCTION_DATA, AUCTION_LINKS, AUCTION_PROTOCOLS } from "./auction.js";
import {
  CONFERENCE_API,
  CONFERENCE_COMPONENTS,
  CONFERENCE_DATA,
  CONFERENCE_LINKS,
  CONFERENCE_PROTOCOLS,
} from "./conference.js";
import { GAME_API, GAME_COMPONENTS, GAME_DATA, GAME_LINKS, GAME_PROTOCOLS } from "./game.js";
import {
  ORDER_BOOK_API,
  ORDER_BOOK_COMPONENTS,
  ORDER_BOOK_DATA,
  ORDER_BOOK_LINKS,
  ORDER_BOOK_PROTOCOLS,
} from "./orderbook.js";
import { BOARD_API, BOARD_COMPONENTS, BOARD_DATA, BOARD_LINKS, BOARD_PROTOCOLS } from "./whiteboard.js";

/** Parts about transforming operations on one long text, which a board of objects with properties replaces. */
const TEXT_ONLY = ["order-book", "whiteboard", "auction", "game-server", "video-conference"] as const;
/** Parts of a shared document or board, which an order book and an auction each replace with their own. */
const NOT_DOC = ["order-book", "auction", "game-server", "video-conference"] as const;

/** Shared subject (collaborative document): clients, a session gateway, one sequencer per subject, an op log, snapshots. */
export const protocols: ProtocolSpec[] = [
  ...ORDER_BOOK_PROTOCOLS,
  ...AUCTION_PROTOCOLS,
  ...GAME_PROTOCOLS,
  ...CONFERENCE_PROTOCOLS,
  ...BOARD_PROTOCOLS,
  {
    unlessTopic: TEXT_ONLY,
    name: "Submit an operation",
    notation:
      "clients>session-gateway[submit op with client id, client seq and base seq] -> session-gateway>sequencer[route to the subject's owner] -> sequencer>op-log[append op {epoch = SequencerLease.epoch and seq = Subject.seq + 1 and client seq not yet sequenced}] -> op-log>sequencer[durable at seq] -> sequencer>session-gateway[broadcast op with seq] -> session-gateway>clients[ack own op, deliver others] |-> sequencer>session-gateway[ack existing seq {client seq already sequenced}] => done | retry",
  },
  {
    unlessTopic: NOT_DOC,
    name: "Reconnect and catch up",
    notation:
      "clients>session-gateway[reconnect from cursor] -> session-gateway>sequencer[sync since seq] -> sequencer>op-log[read ops after cursor {Operation.seq > ParticipantCursor.seq}] -> op-log>sequencer[missing ops] -> sequencer>session-gateway[missing ops] -> session-gateway>clients[missing ops] -> clients>session-gateway[resubmit pending ops with the same client seq] |-> sequencer>snapshot-store[load snapshot {gap older than the retained log}] => done | retry",
  },
  {
    unlessTopic: NOT_DOC,
    name: "Subject owner failover",
    notation:
      "sequencer>lease-store[claim subject {SequencerLease.expires_at < now}] -> lease-store>sequencer[new epoch] -> sequencer>snapshot-store[load latest snapshot] -> sequencer>op-log[replay tail and fence older epochs] => reclaim | done",
  },
];

export const topology: Topology = {
  components: [
    ...ORDER_BOOK_COMPONENTS,
    ...AUCTION_COMPONENTS,
    ...GAME_COMPONENTS,
    ...CONFERENCE_COMPONENTS,
    ...BOARD_COMPONENTS,
    {
      unlessTopic: TEXT_ONLY,
      id: "clients",
      name: "Editors (clients with pending local ops)",
      kind: "client",
      holds: ["ParticipantCursor"],
      runs: ["apply locally", "submit", "rebase on remote ops"],
      because: "edits apply locally at once and are rebased when the sequenced order comes back",
    },
    {
      unlessTopic: NOT_DOC,
      id: "session-gateway",
      name: "WebSocket gateway (routes by subject id)",
      kind: "gateway",
      runs: ["hold connections", "route to the owner", "fan out"],
      because:
        "long-lived connections terminate in a stateless tier that routes every op of a subject to its one sequencer",
    },
    {
      unlessTopic: TEXT_ONLY,
      id: "sequencer",
      name: "Subject sequencer (one owner per subject)",
      kind: "service",
      holds: ["Subject"],
      runs: ["dedupe", "transform", "assign seq", "broadcast"],
      because: "one owner per subject gives a single total order of operations without cross-node locking",
    },
    {
      unlessTopic: NOT_DOC,
      id: "op-log",
      name: "Operation log (durable, per subject)",
      kind: "log",
      holds: ["Operation"],
      runs: ["append", "read since seq"],
      because: "an op is acknowledged only once durable, and reconnecting clients catch up from it",
    },
    {
      unlessTopic: NOT_DOC,
      id: "snapshot-store",
      name: "Snapshot store",
      kind: "store",
      holds: ["SubjectSnapshot"],
      runs: ["store and load snapshots"],
      because: "loading a subject replays only the log tail after its latest snapshot",
    },
    {
      unlessTopic: NOT_DOC,
      id: "lease-store",
      name: "Ownership lease store (consensus)",
      kind: "replica-group",
      holds: ["SequencerLease"],
      runs: ["grant subject ownership with an epoch"],
      because: "a failed sequencer is replaced by one with a higher epoch, and ops from the old epoch are refused",
    },
  ],
  links: [
    ...ORDER_BOOK_LINKS,
    ...AUCTION_LINKS,
    ...GAME_LINKS,
    ...CONFERENCE_LINKS,
    ...BOARD_LINKS,
    { from: "clients", to: "session-gateway", kind: "request", label: "ops over WebSocket", unlessTopic: NOT_DOC },
    { from: "session-gateway", to: "sequencer", kind: "request", label: "route by subject", unlessTopic: NOT_DOC },
    { from: "sequencer", to: "op-log", kind: "replication", label: "append op (durable)", unlessTopic: NOT_DOC },
    {
      from: "sequencer",
      to: "session-gateway",
      kind: "stream",
      label: "broadcast sequenced ops",
      unlessTopic: NOT_DOC,
    },
    { from: "sequencer", to: "snapshot-store", kind: "stream", label: "periodic snapshots", unlessTopic: NOT_DOC },
    {
      from: "sequencer",
      to: "lease-store",
      kind: "control",
      label: "subject ownership (epoch)",
      unlessTopic: NOT_DOC,
    },
  ],
  api: [
    ...ORDER_BOOK_API,
    ...AUCTION_API,
    ...GAME_API,
    ...CONFERENCE_API,
    ...BOARD_API,
    {
      unlessTopic: NOT_DOC,
      operation: "open",
      call: "GET /v1/subjects/{subject_id} (then WebSocket upgrade)",
      request: ["subject_id"],
      response: ["snapshot", "seq", "live op stream"],
      errors: ["404 unknown subject", "403 no access"],
      guarantee: "the stream continues exactly after the snapshot's seq",
    },
    {
      unlessTopic: TEXT_ONLY,
      operation: "submit",
      call: "WS message submit",
      request: ["client_id", "client_seq", "base_seq", "op"],
      response: ["assigned seq or transformed op"],
      errors: ["rejected (invalid against the subject)"],
      guarantee: "each (client_id, client_seq) is sequenced once; all clients see one order",
      chosen: { decision: "i13-merge", options: ["ot"] },
    },
    {
      // with CRDTs an update names the elements it changes by their unique ids and merges in any order, so the
      // server stores and relays it with no base to transform against (Yjs and Automerge, their docs)
      unlessTopic: TEXT_ONLY,
      operation: "submit",
      call: "WS message submit",
      request: ["client_id", "client_seq", "update (with the ids of the elements it changes)"],
      response: ["ack once stored and relayed"],
      errors: ["rejected (malformed update)"],
      guarantee:
        "each (client_id, client_seq) is stored once; updates merge by element id in any order, so every client converges without one global order",
      chosen: { decision: "i13-merge", options: ["crdt"] },
    },
    {
      unlessTopic: NOT_DOC,
      operation: "sync",
      call: "GET /v1/subjects/{subject_id}/ops?since_seq=",
      request: ["since_seq"],
      response: ["ops after since_seq or a snapshot"],
      errors: ["410 older than the retained log (load snapshot)"],
      guarantee: "no gaps between since_seq and the returned ops",
    },
  ],
  dataModel: [
    ...ORDER_BOOK_DATA,
    ...AUCTION_DATA,
    ...GAME_DATA,
    ...CONFERENCE_DATA,
    ...BOARD_DATA,
    {
      unlessTopic: NOT_DOC,
      entity: "Operation",
      key: ["subject_id", "seq"],
      fields: ["client_id", "client_seq", "op", "epoch"],
      indexes: ["(subject_id, client_id, client_seq) unique"],
      partitionKey: "subject_id",
      owner: "op-log",
    },
    {
      unlessTopic: NOT_DOC,
      entity: "Subject",
      key: ["subject_id"],
      fields: ["seq", "state", "epoch"],
      indexes: [],
      partitionKey: "subject_id",
      owner: "sequencer",
    },
    {
      unlessTopic: NOT_DOC,
      entity: "SubjectSnapshot",
      key: ["subject_id", "seq"],
      fields: ["state"],
      indexes: [],
      partitionKey: "subject_id",
      owner: "snapshot-store",
    },
    {
      unlessTopic: NOT_DOC,
      entity: "SequencerLease",
      key: ["subject_id"],
      fields: ["owner_node", "epoch", "expires_at"],
      indexes: ["expires_at"],
      owner: "lease-store",
    },
  ],
  entry: "session-gateway",
  stateOwner: "op-log",
  outlet: "op-log",
  protocols,
  unit: { entity: "Subject", words: ["subject"] },
  topicHooks: {
    "video-conference": {
      entry: "signalling",
      stateOwner: "sfu",
      outlet: "recording-store",
      unit: {
        entity: "Meeting",
        words: ["meeting", "call", "video", "conference", "web", "chat", "room", "session", "webrtc", "sfu"],
      },
    },
    "game-server": {
      entry: "matchmaker",
      stateOwner: "game-server",
      outlet: "results-store",
      unit: { entity: "Match", words: ["match", "game"] },
    },
    auction: {
      entry: "bid-gateway",
      stateOwner: "bid-log",
      outlet: "bid-log",
      unit: { entity: "Auction", words: ["auction"] },
    },
    "order-book": {
      entry: "order-gateway",
      stateOwner: "order-log",
      outlet: "execution-log",
      unit: { entity: "OrderBook", words: ["symbol"] },
    },
  },
};
