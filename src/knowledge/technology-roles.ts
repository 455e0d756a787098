import type { ComponentKind } from "./topology.js";

/**
 * The kind of component a product is, where its name says so: a product offered for a role is a part the design
 * draws. Kafka, Pulsar, Kinesis and Redpanda are durable partitioned logs (a topic is one), so a row naming one
 * stands for a log component; a stream processor or a relay that only reads or writes such a log (Kafka Streams,
 * Kafka Connect, Debezium, Spark, Flink, Beam) is not the log itself. Sources: Kafka's introduction
 * (kafka.apache.org: each topic is a partitioned log, each partition an ordered, immutable sequence appended to);
 * Kinesis Data Streams key concepts (docs.aws.amazon.com/streams: a stream is a set of shards, each an ordered
 * sequence of data records); Pulsar and Redpanda as the log archetype's card (I05) describes them.
 */
export const PRODUCT_ROLES: readonly {
  kind: ComponentKind;
  /** What a component of this kind is, in a reason. */
  what: string;
  words: RegExp;
  unless: RegExp;
  /** The names a drawn component of another kind carries when it is this part (partition leader brokers are the log). */
  named: RegExp;
}[] = [
  {
    kind: "log",
    what: "a durable partitioned log",
    words: /\b(?:kafka|pulsar|kinesis|redpanda)\b|\btopics?\b|\b(?:event|change|commit) log\b/i,
    unless: /\bkafka (?:streams|connect)\b|\b(?:debezium|spark|flink|beam)\b|\brelay/i,
    named: /\b(?:brokers?|logs?|topics?|partitions?|streams?)\b/i,
  },
];

/** The role a product's name says it plays, if any. */
export const roleOf = (product: string) => PRODUCT_ROLES.find((r) => r.words.test(product) && !r.unless.test(product));

/** The product name of a storage layer built as the design's own part, where the prompt asks to build the system. */
export const BUILT_IN_HOUSE = "built in-house";
