import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/**
 * The work queue's own capacity (topic "work-queue", work-queue.ts): a per-message lease store, not a log. Each
 * message costs a send, a receive that leases it and an ack that deletes it, all committed on the queue partition's
 * replicas; messages are held only until acked, so the bytes held are the backlog while workers are down, not a
 * week of retained history, and nothing is read again by other consumer groups.
 */
const WORK_QUEUE_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "messages_per_sec",
      typical: 10000,
      why: "a shared task queue commonly takes thousands to tens of thousands of tasks a second (a planning figure)",
      from: [
        { expression: "tasks_per_sec", why: "each stated task is one message" },
        { expression: "users * messages_per_sec_per_user", why: "each user's stated rate times the users" },
        { expression: "writes_per_sec", why: "every stated write enqueues one message" },
      ],
    },
    // a queue partition's leader commits sends, leases and acks in groups: one fsync and one replication round carry
    // every write that arrived while the previous group was committing, so a leader takes several times the writes of
    // a consensus store that commits each request alone (etcd's own guide: it batches requests into Raft and passes
    // 30,000 requests a second under heavy load, through an MVCC B-tree a queue log does not need)
    {
      quantity: "group_commit_writes_per_sec",
      typical: 50000,
      why: "a replicated leader that commits sends, leases and acks in groups (one fsync and one replication round per group, as etcd batches requests into Raft and passes 30,000 a second under heavy load) is planned at about fifty thousand small writes a second",
    },
    // how long an unacknowledged message is kept before it expires unread: SQS keeps one 4 days unless told
    // otherwise, between 1 minute and 14 days (MessageRetentionPeriod)
    {
      quantity: "message_retention_days",
      typical: 4,
      why: "a work queue keeps a message until it is acknowledged or expires; SQS's default retention is 4 days (settable from a minute to 14 days)",
      from: { expression: "retention_days", why: "the stated retention" },
    },
  ],
  figures: [
    fig("peak_messages_per_sec", "peak messages sent", "peak", "messages_per_sec * peak_factor", "msg/s"),
    fig(
      "lease_store_writes",
      "replicated writes at peak: a send, a receive that leases the message and an ack that deletes it",
      "hotspot",
      "peak_messages_per_sec * queue_writes_per_message",
      "writes/s",
    ),
    fig(
      "queue_leader_headroom",
      "share of one queue partition leader's write capacity those writes use",
      "headroom",
      "lease_store_writes / group_commit_writes_per_sec",
      "fraction",
    ),
    fig(
      "queue_partitions",
      "queue partitions, each a replicated group, so every leader runs at the planned utilisation",
      "count",
      "lease_store_writes / (group_commit_writes_per_sec * target_utilisation)",
      "partitions",
      true,
      "partitions",
    ),
    fig(
      "in_flight_messages",
      "messages leased to workers at peak (Little's law)",
      "count",
      "peak_messages_per_sec * task_seconds",
      "messages",
    ),
    fig(
      "backlog_bytes",
      "messages held across replicas while workers are down for the planned outage",
      "storage",
      "messages_per_sec * consumer_outage_seconds * message_bytes * replicas",
      "B",
    ),
    // the most the queue can be asked to hold: every message sent over the retention period while nothing drains it;
    // past that, messages expire unread, so this bounds the disk a partition may need, not what it usually holds
    fig(
      "retention_ceiling_bytes",
      "messages held across replicas if no worker drains the queue for the whole retention period (past it, messages expire unread)",
      "storage",
      "messages_per_sec * 86400 * message_retention_days * message_bytes * replicas",
      "B",
    ),
  ],
};

/** The log's own inputs other than its record rate, and its figures: every subject of the card sizes its log by them. */
const LOG_INPUTS: CapacityModel["inputs"] = [
  // "sends each event to 500 subscribers": every subscriber reads every event at its own pace, as its own consumer
  // group with its own offsets, so the stated fan-out is the groups the egress is sent to (read only when stated)
  {
    quantity: "consumer_groups",
    from: {
      expression: "fanout",
      why: "each subscriber the prompt sends every event to reads it at its own pace, as its own consumer group",
      allStated: true,
    },
  },
];

const LOG_FIGURES: CapacityModel["figures"] = [
  fig("peak_messages_per_sec", "peak publish rate", "peak", "messages_per_sec * peak_factor", "msg/s"),
  fig("ingest_bandwidth", "peak ingest bandwidth", "bandwidth", "peak_messages_per_sec * message_bytes", "B/s"),
  // a partition is served only by the brokers holding its replicas (its leader, or any replica once consumers fetch
  // from followers, Kafka's KIP-392), so the partitions must be enough both for the writes each takes and for the
  // copy every group reads from them: with many groups the egress, not the writes, sets the count, and a fleet
  // sized for that egress has a partition replica on every broker to send it from
  fig(
    "partitions_needed",
    "partitions so each stays within its planned bandwidth",
    "count",
    "max(ingest_bandwidth / (partition_bytes_per_sec * target_utilisation), consumer_egress / (server_egress_bytes_per_sec * replicas * target_utilisation))",
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
  // the storage tiers closed segments to object storage (the card's storage row): brokers keep only the hot
  // window on their disks, and the rest is one logical copy the object store keeps durable on its own
  fig(
    "broker_retained_bytes",
    "bytes on broker disks across replicas",
    "storage",
    "daily_growth * min(retention_days, local_retention_days)",
    "B",
  ),
  fig(
    "object_store_bytes",
    "bytes of closed segments held in object storage for the whole retention (one logical copy)",
    "storage",
    "messages_per_sec * message_bytes * 86400 * retention_days",
    "B",
  ),
  // the untiered alternative, kept to show what tiering saves: the plan is the broker and object-store rows before
  // it, so this row comes after them and says it is not the plan, rather than sizing one quantity twice (a
  // supporting log shows its first storage row, the plan's)
  fig(
    "retained_bytes",
    "bytes the whole retention would take on broker disks, once per replica, without tiering (the alternative to the broker and object-store rows above, not the plan)",
    "storage",
    "daily_growth * retention_days",
    "B",
  ),
  fig(
    "consumer_egress",
    "egress to all consumer groups at peak",
    "fan-out",
    "ingest_bandwidth * consumer_groups",
    "B/s",
  ),
  // every appended byte is written once per replica and read once per consumer group, so the brokers are sized by
  // the largest of the local hot window over their disks, the replicated writes over their disk bandwidth and the
  // egress to every group over their network cards: a fan-out to many groups is bound by the network, not the disk
  fig(
    "replicated_write_bandwidth",
    "disk writes across replicas at peak",
    "bandwidth",
    "ingest_bandwidth * replicas",
    "B/s",
  ),
  fig(
    "brokers_needed",
    "brokers to hold the local hot window, absorb the replicated writes and send every group its copy at the planned utilisation",
    "count",
    "max(replicas, broker_retained_bytes / (node_bytes * target_utilisation), replicated_write_bandwidth / (disk_write_bytes_per_sec * target_utilisation), consumer_egress / (server_egress_bytes_per_sec * target_utilisation))",
    "brokers",
    true,
  ),
];

/**
 * The audit log's own rate (topic "audit-log", audit.ts): its records are actions people and their tools take (an
 * administrator's change, a privileged access), far fewer than the machine events a shared bus carries; every other
 * input and figure is the log's own, the years of retention sized by the object-store row.
 */
const AUDIT_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "messages_per_sec",
      typical: 1000,
      why: "recorded actions are people's and their tools' (admin changes, privileged access), commonly hundreds to a few thousand a second even for a large company (a planning figure; pin the real rate)",
      from: [
        { expression: "users * messages_per_sec_per_user", why: "each user's stated rate times the users" },
        { expression: "writes_per_sec", why: "every stated write is published as a record" },
      ],
    },
    ...LOG_INPUTS,
  ],
  figures: LOG_FIGURES,
};

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
        {
          expression: "users * posts_per_user_per_day / 86400",
          why: "each post the product publishes is one record on the log, from the product's own posts a day",
          fromDesign: true,
        },
      ],
    },
    ...LOG_INPUTS,
  ],
  figures: LOG_FIGURES,
  topics: { "work-queue": WORK_QUEUE_CAPACITY, "audit-log": AUDIT_CAPACITY },
};
