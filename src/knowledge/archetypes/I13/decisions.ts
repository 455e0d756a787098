import type { DecisionPoint } from "../../decisions/types.js";
import { OFFLINE_EDITS } from "../../patterns.js";
import { AUCTION_DECISIONS } from "./auction.js";
import { CONFERENCE_DECISIONS } from "./conference.js";
import { GAME_DECISIONS } from "./game.js";
import { ORDER_BOOK_DECISIONS } from "./orderbook.js";
import { BOARD_DECISIONS } from "./whiteboard.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  ...ORDER_BOOK_DECISIONS,
  ...BOARD_DECISIONS,
  ...AUCTION_DECISIONS,
  ...GAME_DECISIONS,
  ...CONFERENCE_DECISIONS,
  {
    id: "i13-merge",
    // a board of objects asks its own question, with per-property last-writer-wins as a third option
    unlessTopic: ["order-book", "whiteboard", "auction", "game-server", "video-conference"],
    question: "Operational transformation or CRDTs to merge concurrent edits?",
    options: [
      {
        id: "ot",
        name: "operational transformation with a server sequencer per subject",
        key: String.raw`operational transformation|sequencer|transform(?:s|ed)?`,
        buys: "small operations and one authoritative order per subject, with intent-preserving transforms",
        costs: "a central sequencer per subject; long offline edits are painful to rebase",
        winsWhen: "a server is always in the path and sequences each subject",
        implies: {
          addMechanisms: ["op-sequencer", "subject-snapshot"],
          removeMechanisms: ["crdt-merge"],
          // ShareDB is a realtime backend built on operational transformation of JSON documents (its README)
          preferTechnology: ["ShareDB"],
        },
      },
      {
        id: "crdt",
        name: "CRDTs that merge without a central order",
        key: String.raw`CRDTs?`,
        buys: "replicas converge in any delivery order: offline edits, peer-to-peer and multi-region writes",
        costs: "per-element metadata and tombstones grow the state; compaction needs care",
        winsWhen: "editing must continue offline or in several regions without one sequencer",
        // the prompt's own words say edits are made while disconnected and merged later: no sequencer is in their path
        wins: [{ words: OFFLINE_EDITS }],
        implies: {
          addMechanisms: ["crdt-merge", "subject-snapshot"],
          // no operation is transformed against a central order: updates merge by element ids
          removeMechanisms: ["op-sequencer", "operational-transform"],
          // the subject's owner merges and relays updates rather than ordering them (the y-websocket server
          // distributes document updates among clients and can persist them: its docs)
          names: [
            {
              component: "sequencer",
              name: "Subject relay (one owner per subject)",
              runs: ["dedupe", "merge and store updates", "relay"],
            },
          ],
          // Yjs and Automerge are CRDT libraries: replicas merge without a central order (their READMEs)
          preferTechnology: ["Yjs", "Automerge"],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "ot",
        because: "one authoritative order per subject is required",
      },
      {
        when: [{ nfr: "availability", in: ["stay-available"] }, { regionsAtLeast: 2 }],
        option: "crdt",
        because: "every region must keep accepting edits without a single sequencer",
      },
    ],
    fallback: {
      option: "ot",
      because: "a server already sits in every session, so one sequencer per subject is the simplest correct order",
    },
  },
  {
    id: "i13-routing",
    unlessTopic: ["order-book", "auction", "game-server", "video-conference"],
    question: "Route each subject to one owning server, or fan out through pub/sub?",
    options: [
      {
        id: "owner-server",
        name: "one owning server per subject (consistent hashing on the subject id)",
        buys: "the sequencer lives in one process's memory, so ordering and fan-out are cheap",
        costs: "ownership must move on failure; a very hot subject is bound by one server",
        winsWhen: "a subject's participants fit one server",
        implies: { addMechanisms: ["consistent-hashing", "lease"] },
      },
      {
        id: "pubsub",
        name: "stateless servers that publish to a per-subject channel",
        buys: "any server can take any participant",
        costs: "order must come from the log or store, adding a hop per operation",
        winsWhen: "subjects have thousands of participants",
        wins: [{ number: "max_participants", atLeast: 1000 }],
        implies: { addMechanisms: ["append-log"] },
      },
    ],
    rules: [
      {
        when: [{ number: "max_participants", atLeast: 1000 }],
        option: "pubsub",
        because: "a subject's participants exceed one server",
      },
    ],
    fallback: { option: "owner-server", because: "each subject's participants fit one server" },
  },
];
