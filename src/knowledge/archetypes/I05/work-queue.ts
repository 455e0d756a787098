import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * The queue card's work-queue subject (topic "work-queue", knowledge/topics.ts): each message is leased to one
 * consumer, hidden for a visibility timeout, deleted by an ack and handed out again when the timeout passes. A work
 * queue is a per-message lease store, not a log read by offset: it has no partitions chosen by key, no in-sync
 * replica set, no controller quorum electing partition leaders and no consumer-group offsets, so its drawing,
 * paths and rules are its own. (Amazon SQS is the reference: a visibility timeout per receive, a receipt handle that
 * an ack or an extension must quote, a dead-letter queue after a maximum receive count, and FIFO queues that drop a
 * resend with the same deduplication id within five minutes; checked against the SQS Developer Guide and API
 * reference: ReceiveMessage's VisibilityTimeout, ChangeMessageVisibility by ReceiptHandle, 0 s to 12 h, and a receive
 * not deleted in time counting as a failed receive toward the dead-letter queue.)
 */

export const QUEUE_ENTITIES = [
  {
    name: "QueueMessage",
    description:
      "One message of a work queue: its id, body, the deduplication id its producer sent, when it was sent and when it first becomes visible (a delay), stored on a quorum of the queue partition's replicas and deleted by an ack.",
    truth: true,
    topic: "work-queue",
  },
  {
    name: "QueueConfig",
    description:
      "A queue's settings: its default visibility timeout, retention period, delay, the receive count after which a message moves to the dead-letter queue, and which queue that is.",
    truth: true,
    topic: "work-queue",
  },
] as const;

export const QUEUE_WRITES = [
  {
    action:
      "a producer sends a message to a queue with a deduplication id, so a resend after a lost reply within the dedup window stores no second message",
    entity: "QueueMessage",
    shape: "create target",
    mechanism: "dedup-window",
    critical: true,
    topic: "work-queue",
  },
  {
    action:
      "store each sent message and each lease change on a quorum of the queue partition's replicas before answering, so a broker loss neither drops an acknowledged message nor revives an acked one",
    entity: "QueueMessage",
    shape: "async process",
    mechanism: "quorum-read-write",
    hidden: true,
    critical: true,
    topic: "work-queue",
  },
  {
    action: "create a queue with its visibility timeout, retention, receive limit and dead-letter queue",
    entity: "QueueConfig",
    shape: "create target",
    mechanism: "put-if-absent",
    topic: "work-queue",
  },
  {
    action: "expire messages that outlived the queue's retention period, acked or not",
    entity: "QueueMessage",
    shape: "async process",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: "work-queue",
  },
] as const;

/** Work-queue invariants, first in the card's list so they lead where a design leases messages. */
export const QUEUE_INVARIANTS = [
  "A MessageLease hands its message to one consumer at a time: until it is acked or its visibility timeout passes no other receive returns the message, and only the current delivery id can ack or extend it.",
  "A QueueMessage is acknowledged to its producer only once a quorum of its partition's replicas stores it, and it leaves the queue only by an ack, by moving to the dead-letter queue, or by expiring past retention, never because a consumer crashed.",
  "A MessageLease that lapsed more often than the queue's receive limit allows moves its message to the dead-letter queue instead of handing it out again.",
];

export const QUEUE_COMPONENTS: ComponentSpec[] = [
  {
    id: "producers",
    name: "Producers",
    kind: "client",
    runs: ["send with a dedup id", "retry on timeout"],
    because: "a send whose reply is lost is retried, so it carries a dedup id the queue remembers for a window",
    topic: "work-queue",
  },
  {
    id: "partition-leaders",
    name: "Queue brokers (one leader per queue partition)",
    kind: "replica-group",
    holds: ["QueueMessage", "MessageLease", "DeadLetterEntry"],
    runs: ["store messages", "hand out visible messages under a lease", "delete on ack"],
    because:
      "a queue is split into partitions by message id, each led by one broker that decides which consumer holds each message",
    topic: "work-queue",
  },
  {
    id: "isr-followers",
    name: "Queue replicas (3 zones, quorum writes)",
    kind: "replica-group",
    replicaOf: "partition-leaders",
    holds: ["QueueMessage", "MessageLease"],
    runs: ["store sends, leases and deletes"],
    because: "a send or a lease counts only once a quorum stores it, so losing a broker loses no message and no ack",
    topic: "work-queue",
  },
  {
    id: "controller",
    name: "Queue metadata (partition map)",
    kind: "control-loop",
    holds: ["QueueConfig"],
    runs: ["create queues", "assign partitions to brokers", "fail over a partition's leader"],
    because: "brokers and clients find each queue partition's leader here, and a failed leader is replaced here",
    topic: "work-queue",
  },
  {
    id: "receive-router",
    name: "Receive front end (long poll across partitions)",
    kind: "gateway",
    runs: ["route a receive to partitions with visible messages", "hold a long poll until one arrives"],
    because:
      "a consumer asks the queue, not a partition: the front end polls partitions that have visible messages, so no partition's messages wait while another is drained",
    topic: "work-queue",
  },
  {
    id: "redelivery-scanner",
    name: "Visibility-timeout scanner (one per partition leader)",
    kind: "control-loop",
    runs: [
      "find leases past invisible_until on the (partition, invisible_until) index",
      "make the message visible again",
      "move it to the dead-letter queue past the receive limit",
    ],
    because:
      "a consumer that crashes never acks, so the partition's leader must notice its lapsed lease and hand the message out again; a consumer's late ack then quotes a stale delivery id and is refused",
    topic: "work-queue",
  },
  {
    id: "consumers",
    name: "Workers (consumers)",
    kind: "worker-pool",
    runs: ["receive", "process", "extend the timeout", "ack"],
    because: "any worker may take any visible message; a worker that dies simply lets its lease lapse",
    topic: "work-queue",
  },
];

export const QUEUE_LINKS: LinkSpec[] = [
  { from: "producers", to: "partition-leaders", kind: "request", label: "send (dedup id)", topic: "work-queue" },
  { from: "partition-leaders", to: "isr-followers", kind: "replication", label: "quorum write", topic: "work-queue" },
  {
    from: "controller",
    to: "partition-leaders",
    kind: "control",
    label: "partition map, failover",
    topic: "work-queue",
  },
  { from: "consumers", to: "receive-router", kind: "request", label: "receive (long poll)", topic: "work-queue" },
  {
    from: "receive-router",
    to: "partition-leaders",
    kind: "request",
    label: "take visible messages under a lease",
    topic: "work-queue",
  },
  {
    from: "consumers",
    to: "partition-leaders",
    kind: "request",
    label: "extend / ack (the delivery id names the partition)",
    topic: "work-queue",
  },
  {
    from: "redelivery-scanner",
    to: "partition-leaders",
    kind: "control",
    label: "lapsed leases: visible again or dead-letter",
    topic: "work-queue",
  },
];

export const QUEUE_API: ApiSpec[] = [
  {
    operation: "send",
    call: "POST /v1/queues/{queue}/messages",
    request: ["body", "dedup_id", "delay_seconds"],
    response: ["message_id"],
    errors: ["503 quorum unavailable (retryable)", "413 message too large"],
    guarantee:
      "acknowledged once a quorum stores it; a resend with the same dedup id inside the window is not stored twice",
    topic: "work-queue",
  },
  {
    operation: "create queue",
    call: "PUT /v1/queues/{queue}",
    request: ["visibility_timeout", "retention", "max_receive_count", "dead_letter_queue"],
    response: ["queue_url"],
    errors: ["409 exists with other settings"],
    guarantee: "creating an existing queue with the same settings returns it",
    topic: "work-queue",
  },
];

export const QUEUE_DATA: DataSpec[] = [
  {
    entity: "QueueMessage",
    key: ["queue", "message_id"],
    fields: ["body", "dedup_id", "sent_at", "visible_at", "receive_count"],
    indexes: ["(queue partition, visible_at)", "dedup_id within the window"],
    partitionKey:
      "hash(dedup_id) mod partitions (a fresh id when the producer sends none), so a resend meets its first copy",
    owner: "partition-leaders",
    topic: "work-queue",
  },
  {
    entity: "QueueConfig",
    key: ["queue"],
    fields: ["visibility_timeout", "retention", "delay", "max_receive_count", "dead_letter_queue", "partitions"],
    indexes: [],
    owner: "controller",
    topic: "work-queue",
  },
];

/**
 * The receive protocol is drawn wherever the broker hands out messages one by one: in every work queue, and in a log
 * whose consumption decision chose push (its option draws it by name), so it carries no topic of its own.
 */
export const QUEUE_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Receive through the front end; a lapsed lease is handed out again",
    notation:
      "consumers>receive-router[receive up to n messages, long poll] -> receive-router>partition-leaders[take visible messages under a lease {MessageLease.invisible_until < now}] -> partition-leaders>isr-followers[store lease: new delivery id, invisible_until = now + timeout, receive_count + 1] -> isr-followers>partition-leaders[quorum stored] -> partition-leaders>receive-router[messages with delivery ids] -> receive-router>consumers[messages with delivery ids] -> consumers>partition-leaders[ack by delivery id {MessageLease.delivery_id = acked id and MessageLease.invisible_until > now}] -> partition-leaders>isr-followers[delete the message] |-> redelivery-scanner>partition-leaders[make the message visible again, or move it to the dead-letter queue past the receive limit {no ack before MessageLease.invisible_until}] => done | retry | park",
    topic: "work-queue",
  },
  {
    name: "Receive, process and ack under a visibility timeout",
    unlessTopic: "work-queue",
    notation:
      "consumers>partition-leaders[receive up to n visible messages {MessageLease.invisible_until < now}] -> partition-leaders>isr-followers[store lease: new delivery id, invisible_until = now + timeout, receive_count + 1] -> isr-followers>partition-leaders[quorum stored] -> partition-leaders>consumers[messages with delivery ids] -> consumers>partition-leaders[extend the timeout while still working {MessageLease.delivery_id = mine}] -> consumers>partition-leaders[ack by delivery id {MessageLease.delivery_id = acked id and MessageLease.invisible_until > now}] -> partition-leaders>isr-followers[delete the message] |-> partition-leaders>consumers[hand the message out again after the timeout, or move it to the dead-letter queue past the receive limit {no ack before the visibility timeout}] => done | retry | park",
  },
  {
    name: "Send with a dedup id, stored on a quorum",
    notation:
      "producers>partition-leaders[send body with dedup id {no QueueMessage with this dedup id inside the window}] -> partition-leaders>isr-followers[store message] -> isr-followers>partition-leaders[quorum stored] -> partition-leaders>producers[message id] |-> producers>partition-leaders[resend with the same dedup id {no reply before timeout}] => done | retry",
    topic: "work-queue",
  },
];
