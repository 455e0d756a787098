import type { ArchetypeInput } from "../../schema.js";
import {
  AUDIT_ENTITIES,
  AUDIT_INVARIANTS,
  AUDIT_READS,
  AUDIT_UNALTERED,
  AUDIT_UNALTERED_WORDS,
  AUDIT_WRITES,
} from "./audit.js";
import { protocols } from "./topology.js";
import { QUEUE_ENTITIES, QUEUE_INVARIANTS, QUEUE_WRITES } from "./work-queue.js";

export const card = {
  id: "I05",
  name: "Append Log + Consumer Progress",
  summary:
    "Owns durable, ordered hand-off of records from producers to any number of independent consumers: queues, pub/sub topics, event streams and brokers. The authoritative state is the replicated append-only log of each partition plus the committed offset every consumer group has reached in it. The core correctness concern is that an acknowledged record is never lost or reordered inside its partition, and that consumer progress is committed only after the work it covers is durable, so a crash yields redelivery rather than a silent skip. In Kafka each partition is a directory of segment files with sparse offset indexes, written sequentially, served from the page cache and sent to consumers with zero-copy transfer; producers batch and compress; the leader replicates to an in-sync replica set (not a majority vote) and a KRaft controller quorum picks leaders from that set; idempotent producers and transactions (fenced by a producer epoch) give exactly-once only for read-process-write inside Kafka; tiered storage moves old segments to object storage. Typical systems are Kafka, Pulsar, Kinesis, RabbitMQ, SQS (whose FIFO queues de-duplicate sends within a five-minute window) and the messaging backbones beneath chat or notification fan-out.",
  roles: ["truth", "coordination"],
  /** Runs work (FRAMEWORK.md §9), so the entry carries the runtime overlay. */
  runtime: true,
  signals: {
    phrases: [
      { text: "queue", weight: 0.6 },
      { text: "message queue", weight: 1 },
      { text: "pub sub", weight: 1 },
      { text: "publish subscribe", weight: 1 },
      { text: "message broker", weight: 1 },
      { text: "consumer group", weight: 1 },
      { text: "event bus", weight: 0.8 },
      { text: "event stream", weight: 0.8 },
      { text: "streaming platform", weight: 0.8 },
      { text: "commit log", weight: 0.8 },
      { text: "partitioned log", weight: 0.9 },
      { text: "durable queue", weight: 0.8 },
      { text: "consumer offset", weight: 0.9 },
      { text: "offset commit", weight: 0.7 },
      { text: "consumer lag", weight: 0.7 },
      { text: "producer consumer", weight: 0.7 },
      { text: "topic", weight: 0.5 },
      { text: "append only log", weight: 0.6 },
      { text: "durable log", weight: 0.6 },
      { text: "event log", weight: 0.6 },
      { text: "replay message", weight: 0.6 },
      { text: "message retention", weight: 0.6 },
      { text: "message ordering", weight: 0.6 },
      { text: "partition order", weight: 0.6 },
      { text: "partition rebalance", weight: 0.5 },
      { text: "deliver message", weight: 0.5 },
      { text: "real time messaging", weight: 0.5 },
      { text: "fan out subscriber", weight: 0.5 },
      { text: "task queue", weight: 0.5 },
      { text: "job queue", weight: 0.4 },
      { text: "at least once delivery", weight: 0.4 },
      { text: "delivery guarantee", weight: 0.4 },
      { text: "redeliver", weight: 0.5 },
      { text: "acknowledge message", weight: 0.5 },
      { text: "visibility timeout", weight: 0.5 },
      { text: "log segment", weight: 0.5 },
      { text: "poison message", weight: 0.4 },
      { text: "stream processing", weight: 0.4 },
      { text: "dead letter", weight: 0.3 },
      { text: "exactly once processing", weight: 0.3 },
      { text: "backpressure", weight: 0.3 },
      { text: "audit log", weight: 0.6 },
      { text: "audit trail", weight: 0.6 },
      { text: "message delivery", weight: 0.8 },
    ],
    systems: [
      {
        name: "Kafka",
        aliases: ["Apache Kafka", "Confluent Kafka", "Amazon MSK"],
        weight: 1,
        sharedBecause:
          "Kafka is the poster child of a partitioned log, and is also the transport inside projection (I06) and telemetry (I18) pipelines",
      },
      { name: "Pulsar", aliases: ["Apache Pulsar"], weight: 1 },
      { name: "Redpanda", aliases: [], weight: 1 },
      { name: "Kinesis", aliases: ["Amazon Kinesis", "AWS Kinesis", "Kinesis Data Streams"], weight: 1 },
      { name: "RabbitMQ", aliases: ["Rabbit MQ"], weight: 1 },
      { name: "SQS", aliases: ["Amazon SQS", "AWS SQS", "Simple Queue Service"], weight: 1 },
      { name: "Google Cloud Pub/Sub", aliases: ["Cloud Pub/Sub", "GCP Pub/Sub"], weight: 1 },
      { name: "NATS", aliases: ["NATS JetStream", "JetStream"], weight: 0.9 },
      { name: "ActiveMQ", aliases: ["Apache ActiveMQ", "Amazon MQ"], weight: 0.9 },
      { name: "Azure Event Hubs", aliases: ["Event Hubs"], weight: 0.9 },
      { name: "Azure Service Bus", aliases: ["Service Bus"], weight: 0.9 },
      { name: "SNS", aliases: ["Amazon SNS", "Simple Notification Service"], weight: 0.7 },
      {
        name: "Redis Streams",
        aliases: [],
        weight: 0.7,
        sharedBecause: "Redis is a key-value store (I16) whose Streams type adds an append log with consumer groups",
      },
    ],
  },
  entities: [
    {
      name: "Topic",
      unlessTopic: "work-queue",
      description: "A named stream with its partition count, replication factor and retention policy.",
      truth: false,
    },
    {
      name: "Partition",
      unlessTopic: "work-queue",
      description:
        "One replicated, append-only sequence of records with increasing offsets (not dense: compaction and transaction markers leave gaps). On disk it is segment files with sparse indexes. Each partition has a leader, an in-sync follower set and a high watermark that marks what is committed.",
      truth: true,
    },
    {
      name: "ConsumerOffset",
      description:
        "The next offset a consumer group will process in one partition, committed by the group member that owns that partition.",
      truth: true,
      unlessTopic: "work-queue",
    },
    {
      name: "GroupAssignment",
      description:
        "Which live member of a consumer group owns each partition, stamped with a generation number that changes on every rebalance.",
      truth: false,
      unlessTopic: "work-queue",
    },
    {
      name: "MessageLease",
      description:
        "A message handed to one consumer of a work queue: its delivery id (the receipt an ack must quote), the consumer, the time it becomes visible again and how many times it was received. Until it is acked or that time passes, no other consumer receives the message.",
      truth: true,
      topic: "work-queue",
    },
    {
      name: "DeadLetterEntry",
      description:
        "A record that failed processing more than the retry limit, parked with its origin partition, offset and last error.",
      truth: false,
    },
    // last: a stated ask that names no entity falls back on the card's first record, never a work queue's
    ...QUEUE_ENTITIES,
    ...AUDIT_ENTITIES,
  ],
  writePaths: [
    ...AUDIT_WRITES,
    ...QUEUE_WRITES,
    {
      action: "create a topic with its partition count and retention",
      entity: "Topic",
      shape: "create target",
      mechanism: "put-if-absent",
      repeatSafe:
        "a topic is created under the name its caller chose, so a resent create finds the name taken and is answered 'already exists' instead of making a second topic",
    },
    {
      action: "producer appends a record to the partition chosen by its key",
      entity: "Partition",
      shape: "append event",
      mechanism: "append-log",
      critical: true,
    },
    {
      action:
        "replicate the appended record to the in-sync followers, which fetch it, and the leader acknowledges once the replicas the producer's acks setting waits for hold it (decision i05-acks)",
      entity: "Partition",
      shape: "async process",
      mechanism: "isr-replication",
      hidden: true,
      critical: true,
    },
    {
      action: "consumer commits its offset after the records' effects are durable",
      entity: "ConsumerOffset",
      shape: "overwrite current value",
      mechanism: "consumer-offsets",
      hidden: true,
      critical: true,
      runs: {
        in: "request path",
        because: "the consumer's commit is a request to the group coordinator, answered once the offset is stored",
      },
    },
    {
      action:
        "a consumer receives the next visible message, which stays invisible to every other consumer until its visibility timeout passes",
      entity: "MessageLease",
      shape: "state transition",
      mechanism: "claim-run",
      critical: true,
      runs: {
        in: "request path",
        because: "the receive is the consumer's request, answered with the message and its delivery id",
      },
    },
    {
      action:
        "the consumer acks the message by its delivery id once its effects are durable, which deletes it; an ack after the timeout is refused because the message was handed out again",
      entity: "MessageLease",
      shape: "state transition",
      mechanism: "guarded-transition",
      critical: true,
      runs: {
        in: "request path",
        because: "the ack is the consumer's request, answered once the message is deleted",
      },
    },
    {
      action: "a consumer still working extends the visibility timeout of its message before it lapses",
      entity: "MessageLease",
      shape: "overwrite current value",
      mechanism: "lease",
      hidden: true,
      critical: true,
    },
    {
      action:
        "redeliver a message whose visibility timeout passed without an ack, or move it to the dead-letter queue once it was received too many times",
      entity: "MessageLease",
      shape: "async process",
      mechanism: "retry-dead-letter",
      hidden: true,
      critical: true,
    },
    {
      action: "coordinator reassigns partitions among live group members and bumps the generation",
      entity: "GroupAssignment",
      shape: "state transition",
      mechanism: "consumer-group-assignment",
      hidden: true,
    },
    {
      action: "park a record that exhausted its retries",
      entity: "DeadLetterEntry",
      shape: "append event",
      mechanism: "retry-dead-letter",
    },
    {
      // an audit log keeps every record whole: its segments go to the locked archive, never compacted by key
      action: "delete or compact segments past the retention limit",
      entity: "Partition",
      shape: "async process",
      mechanism: "log-compaction",
      hidden: true,
      unlessTopic: "audit-log",
    },
  ],
  readPaths: [
    ...AUDIT_READS,
    {
      action: "consumer fetches a batch from its committed offset",
      unlessTopic: "work-queue",
      entity: "Partition",
      shape: "read source",
      staleness:
        "Only records below the high watermark are served, so consumers never see an uncommitted record; visibility trails the append by the replication round trip.",
    },
    {
      action: "operator or autoscaler reads consumer lag per partition",
      entity: "ConsumerOffset",
      shape: "read source",
      staleness: "A few seconds old is acceptable because lag drives alerts and scaling, never a correctness decision.",
      tolerates: "stale",
    },
  ],
  protocols,
  invariants: [
    ...AUDIT_INVARIANTS,
    ...QUEUE_INVARIANTS,
    "Once a record is acknowledged with acks=all at offset N of a Partition, every replica that later becomes leader holds that same record at offset N, as long as unclean leader election stays disabled. The acknowledgement means every in-sync replica has appended the record, not that any has flushed it to disk: durability comes from replication, and Kafka leaves flushing to the operating system by default.",
    "Offsets in a Partition strictly increase (gaps are allowed), and a committed record (below the high watermark) never changes; only uncommitted records above it may be truncated when a new leader takes over.",
    "A ConsumerOffset never moves past a record whose processing effects are not yet durable.",
    "Within one consumer group each Partition has at most one owning member per GroupAssignment generation, and commits carrying an older generation are refused.",
    "Records sharing a key land in the same Partition while the partition count is unchanged, so their relative order is kept.",
    "A producer's retried batch is appended to a Partition at most once: the leader tracks each producer id's sequence numbers per partition and drops a resent batch it already holds instead of appending a second copy.",
    "A consumer group can fetch any offset of a Partition from its log start offset up to the high watermark; retention moves the log start offset forward only by deleting whole closed segments older than the retention time or past the size limit, never the active segment.",
  ],
  invariantTopics: [
    ...AUDIT_INVARIANTS.map((statement) => ({
      statement,
      topic: "audit-log" as const,
      keptBy: statement === AUDIT_UNALTERED ? ("hash-chain" as const) : ("worm-retention" as const),
      ...(statement === AUDIT_UNALTERED ? { says: AUDIT_UNALTERED_WORDS } : {}),
    })),
    ...QUEUE_INVARIANTS.map((statement) => ({ statement, topic: "work-queue" as const })),
  ],
  contract: {
    api: [
      "createTopic(name, partitions, replication, retention) -> ok | already_exists",
      "publish(topic, key, payload, producerId, seq) -> (partition, offset) once replicated | retryable_error",
      "subscribe(topic, group) -> assigned partitions with a generation number",
      "poll(partition, fromOffset, maxBytes) -> ordered records up to the high watermark",
      "commit(group, partition, offset, generation) -> ok | stale_generation",
      "seek(group, partition, offset or timestamp) -> new position, used to replay",
    ],
    guarantees: [
      "Records are totally ordered within a partition and every consumer group reads them in that order.",
      "A record acknowledged with acks=all survives the loss of all but one in-sync replica and stays readable until retention removes it; acks=1 risks losing it with the leader, and acks=0 gives no acknowledgement at all.",
      "Delivery is at-least-once: a consumer that crashes before committing receives the uncommitted records again. Kafka's exactly-once covers read-process-write inside Kafka (transactions commit output and offsets together); an effect outside Kafka needs an idempotent or transactional sink.",
      "Consumer groups progress independently; a slow group delays neither producers nor other groups while it stays within retention.",
    ],
  },
  predicates: [
    {
      id: "ordering-matters",
      because: "consumers rely on per-key order, which the partition key turns into per-partition order",
    },
    {
      id: "duplicate-retry-matters",
      // a log's idempotent producer; a work queue drops a resend by the deduplication id its producer sent
      unlessTopic: "work-queue",
      because:
        "a producer that retries after a lost acknowledgement would append the record twice without a producer id and sequence",
    },
    {
      id: "duplicate-retry-matters",
      topic: "work-queue",
      because:
        "a producer that resends after a lost reply would store the message twice unless the queue drops a resend carrying the same deduplication id within its window (SQS FIFO keeps one for five minutes)",
    },
    {
      id: "dedup-matters",
      because:
        "crashes and rebalances redeliver records processed but not yet committed, so consumers must skip repeats",
    },
    {
      id: "exclusivity-matters",
      // a log's partition leader and group member; a work queue leases each message to one worker
      unlessTopic: "work-queue",
      because: "one leader appends to each partition and one group member consumes it, or order and offsets break",
    },
    {
      id: "exclusivity-matters",
      topic: "work-queue",
      because:
        "each received message is leased to one worker until its ack or its visibility timeout, or two workers process it at once",
    },
    {
      id: "quorum-truth",
      because:
        "acknowledged records must survive broker loss without two leaders accepting divergent appends; the controller quorum picks leaders, while the data itself is replicated through the in-sync set",
    },
  ],
  failures: [
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure:
        "The partition leader acknowledges a record and dies before any follower copied it, so the record vanishes.",
      role: "truth",
      prevention:
        "Produce with acks=all so the leader acknowledges only after every in-sync replica holds the record, and set min.insync.replicas (2 of 3) so a shrunken set rejects produces instead of acknowledging a single copy.",
      repair:
        "Each returning follower asks the new leader where its leader epoch ended, truncates its log there rather than at its high watermark, and refetches; producers resend every record they never saw acknowledged.",
      chosen: { decision: "i05-acks", options: ["acks-all"] },
    },
    {
      // acks=1: the leader answers once it has written the record, so this loss is the trade the option accepts
      unlessTopic: "work-queue",
      failure:
        "The partition leader acknowledges a record and dies before any follower copied it, so the record vanishes.",
      role: "truth",
      prevention:
        "Accepted with acks=1: the leader answers before its followers fetch, so the loss is bounded by what they had not yet fetched; unclean leader election stays disabled so a far-behind replica never takes over.",
      repair:
        "Each returning follower asks the new leader where its leader epoch ended, truncates its log to that point and refetches; the lost records are gone, and a producer that needs one kept resends it from its own copy.",
      chosen: { decision: "i05-acks", options: ["acks-leader"] },
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure: "A producer resends after a timed-out acknowledgement and the record is appended twice.",
      role: "truth",
      prevention:
        "Enable the idempotent producer so the leader drops an append whose sequence it already holds, and give it a transactional.id so a restarted instance bumps the producer epoch and brokers fence the zombie still using the older one.",
      repair: "Consumers skip records whose id is already in their applied set within the dedup window.",
      // the idempotent producer needs acks=all (Apache Kafka producer configs, 'enable.idempotence')
      chosen: { decision: "i05-acks", options: ["acks-all"] },
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure: "A producer resends after a timed-out acknowledgement and the record is appended twice.",
      role: "truth",
      prevention:
        "Accepted with acks=1: the idempotent producer cannot run unless every in-sync replica acknowledges, so the producer stamps each record with an id it keeps on a resend and consumers drop a record id they have already applied.",
      repair:
        "A repeat that reaches a consumer is skipped by its record id within the dedup window; a sink that must see each record once writes under that id.",
      chosen: { decision: "i05-acks", options: ["acks-leader"] },
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure:
        "A consumer stalled by a long pause keeps processing after its partitions were reassigned and commits over the new owner's progress.",
      role: "coordination",
      prevention: "Stamp every commit with the group generation and refuse commits from an older generation.",
      repair:
        "The new owner resumes from the last accepted offset and reprocesses into an idempotent sink, so the stale member's work is harmless.",
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure: "A consumer commits its offset before finishing the work, then crashes, so records are skipped forever.",
      role: "coordination",
      prevention: "Commit only after the side effects are durable, or write effects and offset in one transaction.",
      repair: "Seek the group back to an offset or timestamp before the crash and replay into the idempotent sink.",
    },
    {
      failure: "A poison record fails on every attempt and the whole partition stops progressing behind it.",
      role: "coordination",
      prevention: "Bound retries with backoff and move the record to the dead-letter queue so later records proceed.",
      repair: "Fix the handler, then replay the parked records from the dead-letter queue.",
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure:
        "Two brokers both believe they lead a partition after a network split and accept appends at the same offsets.",
      role: "truth",
      prevention:
        "Leadership comes from the controller with a leader epoch, and followers and producers reject requests bearing an older epoch.",
      repair:
        "The deposed leader truncates its log back to the last offset of its epoch and re-fetches from the new leader.",
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure:
        "Every in-sync replica is lost and unclean leader election brings back an out-of-sync replica, silently dropping acknowledged records.",
      role: "truth",
      prevention:
        "Keep unclean.leader.election.enable off (the default), so only an in-sync replica can lead and the partition waits instead.",
      repair:
        "Bring an in-sync replica back; if unclean election was forced, replay the missing range from the producers' source or an archive.",
    },
    {
      // a log read by offset: a work queue has no in-sync set, producer sequence, offsets or groups
      unlessTopic: "work-queue",
      failure:
        "Retention deletes segments a lagging consumer group has not read yet, so that group silently loses records.",
      role: "truth",
      prevention:
        "Size retention above the worst tolerated lag and alert when a group's lag approaches the retention horizon.",
      repair: "Rebuild the group's downstream state from an archive tier or from the upstream source of truth.",
    },
    {
      failure:
        "A worker runs longer than its visibility timeout, the message is handed to a second worker, and both process it.",
      role: "coordination",
      topic: "work-queue",
      prevention:
        "The worker extends the timeout before it lapses while it still works, and the broker refuses an ack or extension quoting a delivery id it already replaced.",
      repair:
        "The handler is idempotent by message id, so the second run changes nothing; the first worker's refused ack is dropped.",
    },
    {
      failure: "A worker crashes after its side effects but before its ack, so the message is delivered again.",
      role: "coordination",
      topic: "work-queue",
      prevention: "Ack only once the effects are durable, and key every effect by the message id.",
      repair: "The redelivered message is processed as a repeat and its effects are skipped.",
    },
    {
      failure:
        "The broker leading a queue partition fails, and a replica that missed recent acks takes over, so acked messages come back.",
      role: "truth",
      topic: "work-queue",
      prevention:
        "Store every send, lease change and ack on a quorum of the partition's replicas before answering, and elect the new leader from that quorum with a higher term.",
      repair:
        "A message that still comes back is delivered again and the idempotent handler drops it; producers resend unanswered sends under the same dedup id.",
    },
  ],

  bottlenecks: [
    {
      topic: "work-queue" as const,
      bottleneck:
        "Replicated writes on each queue partition's leader: every message is written when sent, when a receive leases it and when its ack deletes it.",
      mitigation:
        "Split the queue over partitions, each its own replicated group, with producers spread by message id and workers receiving from every partition; receive and ack in batches so one replicated write carries several messages.",
      formula: {
        yields: "replicated writes at peak",
        expression: "peak_messages_per_sec * queue_writes_per_message",
        unit: "writes/s",
      },
    },
    {
      topic: "work-queue" as const,
      bottleneck: "Backlog while workers are down: unacked messages pile up for as long as nobody consumes them.",
      mitigation:
        "Alarm on the age of the oldest visible message, scale workers on queue depth, and keep the retention period longer than the longest outage to ride out.",
      formula: {
        yields: "messages held across replicas while workers are down",
        expression: "messages_per_sec * consumer_outage_seconds * message_bytes * replicas",
        unit: "B",
      },
    },
    {
      unlessTopic: "work-queue" as const,
      bottleneck:
        "A skewed key sends an outsized share of traffic to one partition, capping throughput at one leader and one consumer.",
      mitigation:
        "Salt a hot key into sub-keys when its records need no total order, or give it its own partition. Adding partitions does not split one key's load and moves existing keys. Watch the busiest partition rather than the average.",
      formula: {
        yields: "records per second on the busiest partition at peak",
        expression: "messages_per_partition * partition_skew",
        unit: "msg/s",
      },
    },
    {
      unlessTopic: "work-queue" as const,
      bottleneck:
        "Broker disk held by replicated segments grows with throughput and the local window; the remote tier grows with the retention period.",
      mitigation:
        "Shorten retention, compact keyed topics to the latest value, and keep only recent segments on broker disks while object storage holds the older ones.",
      // the storage tiers closed segments to object storage, so broker disks hold the local window only
      formula: {
        yields: "bytes on broker disks across replicas",
        expression: "messages_per_sec * message_bytes * 86400 * min(retention_days, local_retention_days) * replicas",
        unit: "B",
      },
    },
    {
      unlessTopic: "work-queue" as const,
      bottleneck: "Write bandwidth per broker, since every appended byte is written once per replica.",
      mitigation:
        "Spread partition leaders evenly, batch and compress on the producer, and add brokers before disks saturate.",
      formula: {
        yields: "replicated write bandwidth per broker",
        expression: "messages_per_sec * message_bytes * replicas / nodes",
        unit: "B/s",
      },
    },
    {
      unlessTopic: "work-queue" as const,
      bottleneck: "Read fan-out: every consumer group reads the full stream again.",
      mitigation:
        "Serve tail reads from page cache, add follower fetching, and fan out through a downstream topic where groups multiply.",
      formula: {
        yields: "egress bandwidth to consumer groups",
        expression: "messages_per_sec * message_bytes * consumer_groups",
        unit: "B/s",
      },
    },
    {
      bottleneck: "Per-request overhead when producers send records one at a time.",
      // a log's batching: a work queue's consumers take and delete single messages, not segments by offset
      unlessTopic: "work-queue",
      mitigation:
        "Batch records per partition (linger a few milliseconds), compress whole batches, and let brokers write segments sequentially and serve them from the page cache with zero-copy sends.",
    },
    {
      bottleneck: "Per-request overhead when producers and workers send, receive and delete one message per call.",
      topic: "work-queue",
      mitigation:
        "Send, receive and delete in batches (SQS takes up to 10 messages per SendMessageBatch, ReceiveMessage and DeleteMessageBatch call), long-poll receives so an empty queue answers no empty calls, and group-commit each partition's writes to its replicas.",
    },
    {
      bottleneck: "Rebalance storms: every membership change pauses the whole group while partitions move.",
      // a log's consumer groups: a work queue deletes each acked message and has no groups
      unlessTopic: "work-queue",
      mitigation:
        "Use cooperative incremental rebalancing and static membership so restarts do not trigger reassignment.",
    },
  ],
  silhouette: {
    storage: "append-only log + progress store",
    coordination: "partition ordering + offset semantics",
    serving: "consumer reads or fanout",
  },
  technologies: [
    {
      product: "Apache Kafka",
      layer: "storage",
      fits: "A partitioned log replicated through in-sync replica sets, with consumer-group offsets, replay by seek, compaction for keyed topics, and transactions that make read-process-write inside Kafka exactly-once.",
      suits: [
        "high-throughput",
        "ordering",
        "consistent-prefix",
        "durable",
        "long-retention",
        "at-least-once",
        "exactly-once",
      ],
      poorFor: ["operational-simplicity", "low-cost"],
      caveat:
        "Per-message acknowledgement and delayed redelivery are not native, and partition count caps consumer parallelism, so it is an awkward work queue.",
    },
    {
      product: "Amazon SQS",
      layer: "serving",
      fits: "A managed queue where each message is claimed by a visibility timeout and deleted on success.",
      suits: ["elastic-scale", "operational-simplicity", "at-least-once", "stay-available"],
      poorFor: ["ordering", "long-retention", "exactly-once"],
      caveat:
        "Standard queues reorder and duplicate; FIFO queues order per message group at lower throughput and drop a resend with the same deduplication id only within five minutes; a deleted message cannot be replayed.",
    },
    {
      product: "RabbitMQ",
      layer: "serving",
      fits: "A broker with routing exchanges, per-message acknowledgements and quorum queues for replicated durability.",
      suits: ["low-latency", "at-least-once", "operational-simplicity"],
      poorFor: ["long-retention", "high-throughput"],
      caveat:
        "Acknowledged messages are removed from classic and quorum queues, so a new consumer cannot replay history without streams.",
    },
    {
      product: "Apache Pulsar",
      layer: "storage",
      fits: "Stateless brokers over BookKeeper ledgers, with tiered storage, geo-replication and both shared and exclusive subscriptions.",
      suits: ["long-retention", "multi-region", "elastic-scale", "high-throughput", "ordering"],
      poorFor: ["operational-simplicity", "low-cost"],
      caveat:
        "Brokers, bookies and a metadata store must all be operated, which pays off only when tiered retention or geo-replication is needed.",
    },
    {
      product: "Amazon Kinesis Data Streams",
      layer: "storage",
      fits: "Managed ordered shards with checkpointed consumers and replay within the retention window.",
      suits: ["operational-simplicity", "ordering", "durable", "at-least-once"],
      poorFor: ["low-cost", "low-latency"],
      caveat:
        "Each shard has fixed write and read limits shared by its consumers, so shard count must be planned and resharded under load.",
    },
    {
      product: "Segment files on local SSDs, tiered to object storage",
      // a log's storage and controller: a work queue that leases each message keeps neither offsets nor groups
      unlessTopic: "work-queue",
      layer: "storage",
      fits: "Each partition is stored as append-only segment files with sparse offset indexes on the broker's disks and served from the page cache; closed segments are copied to S3 or GCS for long retention",
      suits: ["high-throughput", "durable", "long-retention", "low-cost"],
      poorFor: ["operational-simplicity"],
      caveat:
        "Building the log yourself means owning replication, leader failover, retention and the fetch path; tiered segments are slower to read back than local ones",
    },
    {
      product: "Embedded Raft (or etcd) for the controller quorum",
      // a log's storage and controller: a work queue that leases each message keeps neither offsets nor groups
      unlessTopic: "work-queue",
      layer: "coordination",
      fits: "Partition leadership, in-sync sets, topic configuration and group coordinators as small metadata in a consensus-replicated controller, the way KRaft replaced ZooKeeper in Kafka",
      suits: ["linearizable", "small-metadata", "fail-closed", "durable"],
      poorFor: ["high-throughput", "large-objects"],
      caveat:
        "Only metadata belongs in the quorum; the records themselves are replicated by the partition leaders through their in-sync sets",
    },
  ],
  connections: [
    {
      to: "I01",
      role: "substrate",
      why: "partition leadership, in-sync sets, topic metadata and group coordination live in a consensus-backed controller",
    },
    {
      to: "I02",
      role: "decorator",
      why: "a visibility timeout is a claim on one message, and partition ownership in a group is a lease fenced by the generation",
    },
    {
      to: "I10",
      role: "substrate",
      why: "consumer group membership is kept by heartbeats and session expiry, which triggers rebalance",
    },
    {
      to: "I06",
      role: "output",
      why: "projectors and search indexers consume the log and checkpoint their position in it",
    },
    {
      to: "I12",
      role: "input",
      why: "a transactional outbox relays state changes into the log so publishing is atomic with the business write",
    },
  ],
  overlay: {
    driver:
      "Producers append at their own rate while consumers pull batches at theirs; the group coordinator's rebalance loop reacts to membership changes.",
    unit: "One record, or a batch of records, at an offset within a partition.",
    worker: "A consumer group member that owns a set of partitions for the current generation.",
    slot: "One partition per member within a group, so the partition count caps a group's parallelism.",
    state:
      "Authoritative: replicated partition logs and committed group offsets. Attempt: fetched but uncommitted batches, delivery counts and dead-letter entries.",
    source: "Producer applications, outbox relays and change-data-capture connectors.",
    sink: "Whatever consumers write: databases, search indexes, downstream topics and external calls.",
    fabric:
      "Broker network with per-partition leader-to-follower replication and a batched fetch protocol for consumers.",
    maintenance:
      "Segment retention and compaction, partition reassignment across brokers, repair of under-replicated partitions and consumer lag monitoring.",
  },
  topicOverlays: [
    {
      topic: "work-queue",
      driver:
        "Producers send messages at their own rate while workers receive them one at a time or in small batches; a received message stays hidden until its visibility timeout, and a redelivery loop makes lapsed ones visible again.",
      unit: "One message, leased to one worker at a time under a delivery id.",
      worker:
        "A stateless worker that receives a message, processes it and acks it before its visibility timeout, extending the timeout for long tasks.",
      slot: "One in-flight message per worker thread, capped by a per-worker prefetch limit and the queue's in-flight limit.",
      state:
        "Authoritative: stored messages with their visible-at time, receive count and current delivery id. Attempt: in-flight leases, timeout extensions and dead-letter entries.",
      source: "Producer applications and outbox relays sending tasks.",
      sink: "Whatever a task does: databases, external calls and downstream queues.",
      fabric:
        "Broker nodes that replicate each stored message before acknowledging the send, and the receive, extend and ack calls between workers and brokers.",
      maintenance:
        "Making messages whose visibility timeout lapsed visible again, moving messages received too often to the dead-letter queue, expiring messages past retention and repairing under-replicated queue partitions.",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "consistent-prefix",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-partition",
    durability: "durable",
    because:
      "an acknowledged record must survive and be replayable, so a partition whose in-sync set falls below its minimum size refuses produces instead of acknowledging an under-replicated record (unclean leader election would trade that for availability and can lose acknowledged records); consumers de-duplicate, so redelivery is the safe failure; each consumer reads a partition's committed records in one order up to the high watermark, possibly behind the newest write (a follower fetch trails the leader)",
    scopes: {
      ordering: {
        scope: "partition",
        why: "the log is totally ordered only within a partition; the partition key decides what shares an order",
      },
      exclusivity: {
        scope: "partition",
        why: "one leader appends to a partition and one member of a consumer group reads it",
      },
      coordination: { scope: "partition", why: "offsets and leadership are tracked per partition" },
    },
  },
  // a work queue leases messages one by one: no consumer group owns a partition and no offset is kept
  topicScopes: [
    {
      topic: "work-queue",
      ordering: {
        scope: "key",
        why: "a standard queue promises no order across messages; where order matters it holds within one message group (first in, first out), never across the queue",
      },
      exclusivity: {
        scope: "key",
        why: "each message is leased to one worker at a time, until that worker acks it or its visibility timeout passes",
      },
      coordination: {
        scope: "partition",
        why: "each queue partition's leader replicates its messages' sends, leases and acks; nothing is agreed across partitions",
      },
    },
  ],
} satisfies ArchetypeInput;
