import type { DecisionPoint } from "../../decisions/types.js";
import { TOPIC_WORDS } from "../../topics.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i05-acks",
    question: "Producer acknowledgement: acks=all with a minimum in-sync replica count, or acks=1?",
    // a work queue has no in-sync replica set: each send and lease change is stored on a quorum (its own rows)
    unlessTopic: "work-queue",
    options: [
      {
        id: "acks-all",
        name: "acks=all with min.insync.replicas=2 of 3",
        // what acks=all buys is bounded by where the in-sync replicas live: a data center's loss is survived only where
        // replicas are placed in different data centers (broker.rack, rack-aware assignment), not by acks alone
        // (Apache Kafka docs: producer 'acks', topic 'min.insync.replicas', broker 'broker.rack')
        buys: "an acknowledged record survives losing the leader's broker, and a data center's loss when the in-sync replicas sit in different data centers (broker.rack)",
        costs:
          "each publish waits for the slowest in-sync follower; with too few in-sync replicas the partition refuses writes",
        winsWhen: "an acknowledged record must not be lost",
        wins: [{ nfr: "durability", in: ["durable"] }],
      },
      {
        id: "acks-leader",
        name: "acks=1 (leader only)",
        buys: "lower publish latency and higher throughput",
        costs: "records acknowledged but not yet copied are lost when the leader fails",
        winsWhen: "losing a few recent records is acceptable (metrics, best-effort telemetry)",
        wins: [{ nfr: "durability", in: ["best-effort"] }],
        // the leader answers alone: no text of the design says every in-sync replica acknowledges, or a minimum
        // in-sync count that only acks=all consults (Kafka producer config 'acks'; broker config min.insync.replicas)
        implies: {
          excludes: [
            "\\backs ?= ?(?:all|-1)\\b",
            "\\bmin\\.insync\\.replicas\\b",
            "\\backnowledg\\w* (?:only )?(?:once|after|when) (?:every|all) in-sync replicas?\\b",
            // nor that the broker drops a producer's resend: the idempotent producer requires acks=all (Apache Kafka
            // producer config 'enable.idempotence'), so under acks=1 a resend may be appended twice
            "\\benable the idempotent producer\\b",
            "\\b(?:retried|resent) (?:batch|record)e?s? (?:is |are )?appended\\b[^.;]{0,40}\\bat most once\\b",
            "\\bresend same seq\\b",
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "durability", in: ["durable"] }],
        option: "acks-all",
        because: "records must be durable once acknowledged",
      },
      {
        when: [{ nfr: "delivery", in: ["at-least-once", "exactly-once"] }],
        option: "acks-all",
        because: "delivery must not drop records",
      },
      {
        when: [{ nfr: "durability", in: ["best-effort"] }],
        option: "acks-leader",
        because: "durability is best-effort",
      },
      {
        when: [{ nfr: "delivery", in: ["at-most-once"] }],
        option: "acks-leader",
        because: "delivery is at-most-once",
      },
    ],
    fallback: { option: "acks-all", because: "a log is trusted as the record of what happened" },
  },
  {
    id: "i05-consumption",
    question:
      "Do consumers track their own offsets in a log, or does the broker track each message's delivery and ack?",
    options: [
      {
        id: "pull",
        name: "consumers pull batches and commit offsets (Kafka-style)",
        buys: "each consumer sets its own pace and batch size, and can replay from any retained offset",
        costs: "polling adds a little latency; consumers own their offsets",
        winsWhen: "several groups read the same stream, volume is high, or replay matters",
        // Kafka consumers fetch from the brokers and keep their own position (Kafka docs, design: "push vs. pull");
        // Kinesis consumers read a shard from a sequence number they choose and checkpoint it themselves (KCL keeps
        // the checkpoints in a DynamoDB table; Kinesis API, GetShardIterator)
        usedBy: ["Kafka", "Kinesis Data Streams"],
        implies: {
          addMechanisms: ["consumer-offsets"],
          needs: ["replay"],
          draws: [
            "group-coordinator",
            "partition-leaders>consumers[fetch from offset]",
            "poll",
            "commit",
            "subscribe",
            "Consume and commit progress",
            "Rebalance after a member is lost",
            "ConsumerOffset",
            "GroupAssignment",
          ],
        },
      },
      {
        id: "push",
        name: "the broker leases each message and tracks its ack: consumers poll (SQS-style) or the broker pushes under a prefetch limit (RabbitMQ-style)",
        buys: "low per-message latency and per-message retry and dead-lettering",
        costs: "the broker keeps per-message delivery state; slow consumers need prefetch limits; no replay after ack",
        winsWhen: "volume is low, there is one consumer group, and no one replays",
        // RabbitMQ delivers to consumers under a prefetch limit and tracks each ack; SQS hides a received message for its
        // visibility timeout until it is deleted (their docs)
        usedBy: ["RabbitMQ", "SQS"],
        implies: {
          addMechanisms: ["retry-dead-letter"],
          removeMechanisms: ["consumer-offsets"],
          preferTechnology: ["RabbitMQ", "Amazon SQS"],
          draws: [
            "partition-leaders>consumers[push messages, acked one by one]",
            "receive",
            "extend",
            "ack",
            "MessageLease",
            "Receive, process and ack under a visibility timeout",
          ],
          excludes: ["commit(ted)? offsets?", "fetch from offset", "replay"],
        },
      },
    ],
    rules: [
      {
        when: [{ words: TOPIC_WORDS["work-queue"] }],
        option: "push",
        because:
          "the prompt asks for a work queue whose messages are leased, acked and redelivered one by one, which offsets cannot express",
      },
      {
        when: [
          { number: "peak_messages_per_sec", below: 1000 },
          { number: "consumer_groups", below: 2 },
        ],
        option: "push",
        because: "one consumer group at low volume does not need offsets or replay",
      },
    ],
    fallback: {
      option: "pull",
      because: "several groups read the stream and replay by offset is the point of a log",
    },
  },
  {
    id: "i05-order-scope",
    question: "Order records per key across many partitions, or globally in one partition?",
    // a work queue is not partitioned by key: its ordering question is i05-wq-order
    unlessTopic: "work-queue",
    options: [
      {
        id: "per-key",
        name: "per-key order: records with the same key go to the same partition",
        buys: "throughput grows with partitions while each key stays ordered",
        costs: "no order across keys; changing the partition count moves keys",
        winsWhen: "order matters per entity, not across entities",
        // the prompt states order per key (per account, per device)
        wins: [{ nfr: "ordering", in: ["per-key"], stated: true }],
        implies: { addMechanisms: ["partition-key-ordering"] },
      },
      {
        id: "single-partition",
        name: "one partition for a single global order",
        buys: "every consumer sees every record in the same order",
        costs: "throughput is capped by one partition and one consumer",
        winsWhen: "a single global order is required and the volume fits one partition",
        // the prompt states one global order
        wins: [{ nfr: "ordering", in: ["global"], stated: true }],
      },
    ],
    rules: [
      {
        when: [{ nfr: "ordering", in: ["global"] }],
        option: "single-partition",
        because: "a global order is required",
      },
    ],
    fallback: { option: "per-key", because: "order is needed per key, so partitions can carry the volume" },
  },
  {
    // Amazon SQS is the reference (SQS Developer Guide: "Using the message group ID with Amazon SQS FIFO queues",
    // "Amazon SQS message quotas"): a standard queue takes a nearly unlimited call rate but may deliver out of order
    // and more than once; a FIFO queue hands out one group's messages one at a time in send order, and without its
    // high-throughput mode takes 300 calls a second per action (3,000 messages with batches of 10).
    id: "i05-wq-order",
    topic: "work-queue",
    question: "Any-order messages spread over every consumer, or first-in-first-out per message group?",
    options: [
      {
        id: "unordered",
        name: "any order: every visible message may go to any consumer at once",
        buys: "throughput and parallelism grow with consumers and partitions; a slow message holds up nothing else",
        costs: "no order between messages, so a retried or redelivered message can run after a later one",
        winsWhen: "each task stands alone (resize an image, send one email)",
        // nothing keeps an order, so no partition key is chosen to keep one
        implies: { removeMechanisms: ["partition-key-ordering"] },
      },
      {
        id: "fifo-groups",
        name: "first-in-first-out per message group: a group's next message is hidden until the one before it is acked",
        buys: "the messages of one group (one account, one order) are processed one at a time in send order",
        costs:
          "a group's throughput is one message per processing time, and one stuck message holds up its whole group until it reaches the dead-letter queue",
        winsWhen: "the tasks of one entity must apply in the order they were sent",
        wins: [{ nfr: "ordering", in: ["per-key", "global"] }],
      },
    ],
    rules: [
      {
        when: [{ nfr: "ordering", in: ["per-key", "global"] }],
        option: "fifo-groups",
        because: "order is required between some messages",
      },
    ],
    fallback: {
      option: "unordered",
      because:
        "a work queue's tasks are commonly independent, and at-least-once delivery already means a consumer copes with a repeat arriving out of turn",
    },
  },
];
