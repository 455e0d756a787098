import type { ProtocolSpec, Topology } from "../../topology.js";
import { AUDIT_API, AUDIT_COMPONENTS, AUDIT_DATA, AUDIT_LINKS, AUDIT_PROTOCOLS } from "./audit.js";
import { QUEUE_API, QUEUE_COMPONENTS, QUEUE_DATA, QUEUE_LINKS, QUEUE_PROTOCOLS } from "./work-queue.js";

/** Append log (Kafka-like): producers, partition leaders with in-sync followers, a controller quorum, consumer groups. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Publish with durable acknowledgement",
    unlessTopic: "work-queue",
    chosen: { decision: "i05-acks", options: ["acks-all"] },
    notation:
      "producers>partition-leaders[produce key, record, producer id, seq {partition = hash(key) mod partitions and seq = last seq + 1}] -> partition-leaders>isr-followers[replicate record (followers fetch)] -> isr-followers>partition-leaders[fetched up to offset] -> partition-leaders[advance high watermark {every in-sync replica holds the offset}] -> partition-leaders>producers[ack partition and offset] |-> producers>partition-leaders[resend same seq {no ack before timeout}] => done | retry",
  },
  {
    // acks=1: the leader answers once its own log holds the record, and the idempotent producer cannot run (Apache
    // Kafka producer configs: 'enable.idempotence' requires acks=all), so a resend may be appended again and consumers
    // drop the repeat by its record id
    name: "Publish acknowledged by the leader alone",
    unlessTopic: "work-queue",
    chosen: { decision: "i05-acks", options: ["acks-leader"] },
    notation:
      "producers>partition-leaders[produce key, record, record id {partition = hash(key) mod partitions}] -> partition-leaders[append to its own log] -> partition-leaders>producers[ack partition and offset] -> partition-leaders>isr-followers[replicate record (followers fetch)] |-> producers>partition-leaders[resend under the same record id {no ack before timeout}] => done | retry",
  },
  {
    name: "Consume and commit progress",
    unlessTopic: "work-queue",
    // the retry limit and the dead-letter topic are the consumer's (Kafka Connect errors.deadletterqueue.topic.name,
    // Spring Kafka's DeadLetterPublishingRecoverer): the group coordinator keeps offsets and membership and counts no
    // attempts, so it never refuses a commit for a retry limit
    notation:
      "consumers>group-coordinator[fetch committed offset] -> group-coordinator>consumers[offset] -> consumers>partition-leaders[fetch from offset {offset < high watermark}] -> partition-leaders>consumers[record batch] -> consumers[process, skipping applied record ids] |-> consumers>partition-leaders[produce it to a dead-letter topic, then commit past it {the consumer's own count of this record's attempts reached its retry limit}] -> consumers>group-coordinator[commit offset {GroupAssignment.generation = my generation}] => done | retry | park",
  },

  {
    name: "Rebalance after a member is lost",
    unlessTopic: "work-queue",
    notation:
      "group-coordinator[detect lost member {heartbeat older than session timeout}] -> group-coordinator>consumers[rejoin for generation + 1] -> consumers>group-coordinator[join group] -> group-coordinator>consumers[new assignment and generation] -> consumers>group-coordinator[fetch committed offsets of new partitions] => reclaim | done",
  },
  ...QUEUE_PROTOCOLS,
  ...AUDIT_PROTOCOLS,
];

export const topology: Topology = {
  components: [
    ...QUEUE_COMPONENTS,
    ...AUDIT_COMPONENTS,
    {
      id: "producers",
      unlessTopic: "work-queue",
      // one component for both acknowledgement settings: the idempotent producer runs only under acks=all (Apache Kafka
      // producer configs, 'enable.idempotence'), so the name promises neither
      name: "Producers (each record stamped with an id it keeps on a resend)",
      kind: "client",
      runs: ["publish", "resend an unacknowledged record under the same id"],
      because:
        "retries after a lost ack would duplicate records unless the resend can be recognised: by the producer's sequence at the leader where the whole in-sync set acknowledges, by the record id at the consumers where the leader answers alone",
    },
    {
      id: "partition-leaders",
      unlessTopic: "work-queue",
      name: "Partition leader brokers",
      kind: "replica-group",
      holds: ["Partition", "Topic", "DeadLetterEntry"],
      runs: ["append", "serve fetches up to the high watermark"],
      because: "each partition has one leader broker that orders its appends; partitions spread load across brokers",
    },
    {
      // Kafka's tiered storage (KIP-405; kafka.apache.org operations/tiered-storage): closed segments go to a remote
      // tier such as S3 or HDFS, local.retention.ms is at most retention.ms, and a fetch below the local log start is
      // served by the broker from the remote tier
      id: "remote-tier",
      topic: "tiered-log",
      unlessTopic: ["work-queue", "audit-log"],
      name: "Object store (remote tier of closed segments)",
      kind: "store",
      runs: ["keep closed segments for the whole retention", "serve fetches below the brokers' local window"],
      because:
        "brokers copy each closed segment to object storage and keep only a short local window on disk, so the retention period grows the object store, not the broker fleet",
    },
    {
      id: "isr-followers",
      unlessTopic: "work-queue",
      name: "In-sync follower replicas (RF 3, min in-sync 2)",
      kind: "replica-group",
      replicaOf: "partition-leaders",
      holds: ["Partition"],
      runs: ["fetch from leader"],
      because:
        "a record is committed only when every in-sync replica holds it, so a leader loss elects a follower that has it",
    },
    {
      id: "controller",
      unlessTopic: "work-queue",
      name: "Controller quorum (KRaft, 3 nodes)",
      kind: "control-loop",
      holds: ["Topic"],
      runs: ["partition leader election", "ISR changes", "topic metadata"],
      because:
        "leadership and in-sync membership must be decided in one place, by a Raft quorum, so no two brokers lead a partition",
    },
    {
      id: "group-coordinator",
      unlessTopic: "work-queue",
      name: "Group coordinator (broker of the group)",
      kind: "service",
      holds: ["GroupAssignment", "ConsumerOffset"],
      runs: ["membership heartbeats", "rebalance", "offset commit"],
      because:
        "consumer progress and partition assignment are per group, fenced by a generation number so a zombie member cannot commit",
    },
    {
      id: "consumers",
      unlessTopic: "work-queue",
      name: "Consumer group members",
      kind: "worker-pool",
      runs: ["receive records", "process", "record progress"],
      because: "each partition is read by one member of a group at a time, which keeps per-partition order",
    },
  ],
  links: [
    ...QUEUE_LINKS,
    ...AUDIT_LINKS,
    {
      from: "producers",
      to: "partition-leaders",
      kind: "request",
      label: "produce (acks = all)",
      unlessTopic: "work-queue",
      chosen: { decision: "i05-acks", options: ["acks-all"] },
    },
    {
      // acks=1: the leader answers once it has written the record, before any follower copies it (one setting said
      // one way: coherence setting-said-twice)
      from: "producers",
      to: "partition-leaders",
      kind: "request",
      label: "produce (acks = 1, the leader alone)",
      unlessTopic: "work-queue",
      chosen: { decision: "i05-acks", options: ["acks-leader"] },
    },
    {
      from: "partition-leaders",
      to: "remote-tier",
      kind: "stream",
      label: "copy closed segments; read them back for old offsets",
      topic: "tiered-log",
      unlessTopic: ["work-queue", "audit-log"],
    },
    {
      from: "partition-leaders",
      to: "isr-followers",
      kind: "replication",
      label: "followers fetch, ISR",
      unlessTopic: "work-queue",
    },
    {
      from: "controller",
      to: "partition-leaders",
      kind: "control",
      label: "leader and ISR changes",
      unlessTopic: "work-queue",
    },
    {
      from: "partition-leaders",
      to: "consumers",
      kind: "stream",
      label: "fetch from offset",
      unlessTopic: "work-queue",
    },
    {
      from: "consumers",
      to: "group-coordinator",
      kind: "request",
      label: "join / heartbeat / commit offset",
      unlessTopic: "work-queue",
    },
    {
      from: "partition-leaders",
      to: "consumers",
      kind: "stream",
      label: "push messages, acked one by one",
      unlessTopic: "work-queue",
    },
  ],
  api: [
    ...QUEUE_API,
    ...AUDIT_API,
    // the publish promises what the producers' acks setting does (decision i05-acks), one variant per option: under
    // acks=all the leader answers once the whole in-sync set holds the record and refuses a produce when fewer than
    // min.insync.replicas are in sync; under acks=1 it answers once its own log has the record, and min.insync.replicas
    // is not consulted (Apache Kafka documentation: producer config 'acks', topic config 'min.insync.replicas', which
    // applies only when a producer sets acks to all; producer config 'enable.idempotence', which requires acks=all)
    {
      operation: "publish",
      unlessTopic: "work-queue",
      call: "POST /v1/topics/{topic}/records",
      request: ["key", "value", "producer_id", "sequence"],
      response: ["partition", "offset"],
      errors: ["503 not enough in-sync replicas (retryable)", "409 out-of-order sequence"],
      guarantee:
        "acknowledged once every in-sync replica holds it; a resend with the same sequence is not appended twice",
      chosen: { decision: "i05-acks", options: ["acks-all"] },
    },
    {
      operation: "publish",
      unlessTopic: "work-queue",
      call: "POST /v1/topics/{topic}/records",
      request: ["key", "value", "record_id"],
      response: ["partition", "offset"],
      errors: ["503 partition leader unavailable (retryable)"],
      guarantee:
        "acknowledged once the partition leader has appended it, before any follower copies it, so a record no follower had fetched is lost if the leader fails; the idempotent producer cannot run with this setting, so a resend after a lost acknowledgement may append the record again and consumers drop a repeat by its record id",
      chosen: { decision: "i05-acks", options: ["acks-leader"] },
    },
    {
      operation: "poll",
      unlessTopic: "work-queue",
      call: "GET /v1/topics/{topic}/partitions/{p}/records?offset=&max_bytes=",
      request: ["offset", "max_bytes"],
      response: ["records in offset order", "high_watermark"],
      errors: ["416 offset out of range (retention)"],
      guarantee: "records of one partition come back in append order, only up to the committed high watermark",
    },
    {
      operation: "commit",
      unlessTopic: "work-queue",
      call: "POST /v1/groups/{group}/offsets",
      request: ["partition", "offset", "generation", "member_id"],
      response: ["committed"],
      errors: ["409 stale generation (rebalanced)"],
      guarantee: "only the current assignee can move the group's position; commit after processing gives at-least-once",
    },
    {
      operation: "receive",
      call: "POST /v1/queues/{queue}/receive",
      request: ["max_messages", "visibility_timeout"],
      response: ["messages with message id, delivery id, receive count"],
      errors: ["429 too many in-flight messages"],
      guarantee:
        "a received message is hidden from every other consumer until it is acked or its visibility timeout passes, then handed out again",
    },
    {
      operation: "extend",
      call: "POST /v1/queues/{queue}/deliveries/{delivery_id}:extend",
      request: ["delivery_id", "visibility_timeout"],
      response: ["invisible_until"],
      errors: ["404 unknown or expired delivery (already handed out again)"],
      guarantee: "only the current delivery id can keep its message hidden",
    },
    {
      operation: "ack",
      call: "POST /v1/queues/{queue}/acks",
      request: ["delivery id"],
      response: ["ok"],
      errors: ["404 unknown or expired delivery (already redelivered)"],
      guarantee:
        "a message not acked before its deadline is delivered again; an acked message is removed and cannot be read again",
    },
    {
      operation: "subscribe",
      unlessTopic: "work-queue",
      call: "POST /v1/groups/{group}/members",
      request: ["topics", "member_id"],
      response: ["assigned partitions", "generation"],
      errors: ["409 rebalance in progress"],
      guarantee: "each partition is assigned to one member per generation",
    },
  ],
  dataModel: [
    ...QUEUE_DATA,
    ...AUDIT_DATA,
    {
      entity: "Partition",
      unlessTopic: "work-queue",
      key: ["topic", "partition", "offset"],
      fields: ["key", "value", "producer_id", "sequence", "timestamp"],
      indexes: ["offset index", "time index"],
      partitionKey: "hash(key) mod partitions",
      owner: "partition-leaders",
    },
    {
      entity: "ConsumerOffset",
      unlessTopic: "work-queue",
      key: ["group", "topic", "partition"],
      fields: ["offset", "generation", "committed_at"],
      indexes: [],
      partitionKey: "hash(group)",
      owner: "group-coordinator",
    },
    {
      entity: "GroupAssignment",
      unlessTopic: "work-queue",
      key: ["group", "generation"],
      fields: ["member_id", "partitions"],
      indexes: [],
      owner: "group-coordinator",
    },
    {
      entity: "MessageLease",
      key: ["queue", "message_id"],
      fields: ["delivery_id", "consumer", "invisible_until", "receive_count"],
      indexes: ["invisible_until"],
      partitionKey: "its message's partition",
      owner: "partition-leaders",
    },
    {
      entity: "Topic",
      unlessTopic: "work-queue",
      key: ["topic"],
      fields: ["partitions", "replication_factor", "retention", "leader and ISR per partition"],
      indexes: [],
      owner: "controller",
    },
  ],
  entry: "partition-leaders",
  stateOwner: "partition-leaders",
  producer: "producers",
  consumer: "consumers",
  outlet: "consumers",
  protocols,
  hostedBy: { I01: "controller", I10: "group-coordinator" },
};
