import { fig, fleetOf, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { AUCTION_CAPACITY } from "./auction.js";
import { CONFERENCE_CAPACITY } from "./conference.js";
import { GAME_CAPACITY } from "./game.js";
import { ORDER_BOOK_CAPACITY } from "./orderbook.js";
import { oplogSplitFigures, participantInputs } from "./participants.js";
import { BOARD_CAPACITY } from "./whiteboard.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    inp("subjects", 100000, "about a hundred thousand documents, rooms or matches open at once"),
    inp("message_bytes", 200, "one edit or chat operation is a few hundred bytes"),
    fleetOf("session_servers", 50, "a session tier of a few dozen servers"),
    // fleet totals read a typical subject's participants; a stated per-subject count is the busiest subject's
    ...participantInputs("subject"),
    {
      quantity: "clients",
      from: {
        expression: "subjects * participants",
        why: "every participant of every open subject holds a connection",
      },
    },
    {
      quantity: "writes_per_sec",
      from: [
        { expression: "messages_per_sec", why: "each stated message or edit is one operation" },
        {
          expression: "subjects * participants * ops_per_participant_per_sec",
          why: "every participant sends operations while active",
        },
      ],
    },
  ],
  figures: [
    fig("peak_ops_per_sec", "peak operations", "peak", "writes_per_sec * peak_factor", "ops/s"),
    fig(
      "ops_per_subject",
      "operations through one subject's sequencer",
      "hotspot",
      "max_participants * ops_per_participant_per_sec",
      "ops/s",
    ),
    fig(
      "deliveries_per_sec",
      "operation deliveries to the other participants at peak (the sender gets an acknowledgement, not a copy)",
      "fan-out",
      "peak_ops_per_sec * (participants - 1)",
      "msgs/s",
    ),
    fig("delivery_bandwidth", "delivery bandwidth at peak", "bandwidth", "deliveries_per_sec * message_bytes", "B/s"),
    fig("connections_per_server", "open connections per server", "rate", "clients / session_servers", "connections"),
    fig("oplog_growth", "operation log written per day", "growth", "writes_per_sec * message_bytes * 86400", "B/day"),
    ...oplogSplitFigures("subject"),
  ],
  topics: {
    "order-book": ORDER_BOOK_CAPACITY,
    whiteboard: BOARD_CAPACITY,
    auction: AUCTION_CAPACITY,
    "game-server": GAME_CAPACITY,
    "video-conference": CONFERENCE_CAPACITY,
  },
};
