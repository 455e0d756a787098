import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "messages_per_sec",
      typical: 50000,
      why: "a shared event bus commonly carries tens of thousands of events a second",
      from: [
        { expression: "users * messages_per_sec_per_user", why: "each user's stated rate times the users" },
        { expression: "writes_per_sec", why: "every stated write is published as a record" },
      ],
    },
  ],
  figures: [
    fig("peak_messages_per_sec", "peak publish rate", "peak", "messages_per_sec * peak_factor", "msg/s"),
    fig("ingest_bandwidth", "peak ingest bandwidth", "bandwidth", "peak_messages_per_sec * message_bytes", "B/s"),
    fig(
      "partitions_needed",
      "partitions so each stays within its planned bandwidth",
      "count",
      "ingest_bandwidth / (partition_bytes_per_sec * target_utilisation)",
      "partitions",
      true,
      "partitions",
    ),
    fig(
      "messages_per_partition",
      "peak records per second per partition",
      "hotspot",
      "peak_messages_per_sec / partitions_needed",
      "msg/s",
    ),
    fig(
      "daily_growth",
      "bytes written per day across replicas",
      "growth",
      "messages_per_sec * message_bytes * 86400 * replicas",
      "B/day",
    ),
    fig("retained_bytes", "bytes retained across replicas", "storage", "daily_growth * retention_days", "B"),
    fig(
      "consumer_egress",
      "egress to all consumer groups at peak",
      "fan-out",
      "ingest_bandwidth * consumer_groups",
      "B/s",
    ),
  ],
};
