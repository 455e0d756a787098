import type { ArchetypeId } from "./schema.js";

/**
 * Per archetype: the words a prompt uses to ask for the archetype itself ("Design a CDN"), and the
 * products that are complete implementations of it. When a prompt asks to build the archetype, those
 * products are the reference design to learn from, not a component to buy.
 */
export interface ReferenceFamily {
  archetype: ArchetypeId;
  /** Matched against the prompt, case-insensitive, on word boundaries. */
  asks: RegExp;
  /** Product name fragments that mark a whole implementation of the archetype. */
  implementations: readonly string[];
  /** Parts one builds the archetype from; offered only when the prompt asks to build it. */
  buildingBlocks?: readonly string[];
  /**
   * Asked for by likeness only in the prompt's head ("Design a secrets manager like Vault that …"): a system like one
   * named in a later clause ("a login service that keeps its keys in a secrets manager like Vault") is a part.
   */
  headOnly?: boolean;
  /**
   * The kind's name, where every design the archetype leads builds one: its whole implementations are then references
   * whatever words the prompt uses ("Push a new routing configuration to 5,000 proxies" builds a config rollout
   * system, so LaunchDarkly is one to learn from, not its part). Only for a kind no other design is led by.
   */
  ledBuilds?: string;
}

export const REFERENCE_FAMILIES: readonly ReferenceFamily[] = [
  {
    archetype: "I01",
    asks: /\b(coordination service|consensus[- ]replicated|metadata store)\b/i,
    implementations: ["ZooKeeper", "etcd", "Consul", "Chubby"],
  },
  {
    archetype: "I03",
    asks: /\b(job scheduler|task scheduler|cron service|scheduling service|delayed[- ]jobs?|delayed[- ](?:message|delivery) service|message scheduler|timer service|distributed scheduler)\b/i,
    implementations: ["EventBridge Scheduler", "Temporal"],
    // a design the due-time release leads draws its own schedule store, pollers and claims: a managed scheduler is
    // what one would buy instead of building it ("a delayed task queue … fire within 5 seconds"), never its part
    ledBuilds: "due-time scheduler",
  },
  {
    archetype: "I06",
    asks: /\b(search index|search service|search engine|full[- ]text search)\b/i,
    implementations: ["Elasticsearch", "OpenSearch"],
  },
  {
    archetype: "I09",
    asks: /\b(id generator|id generation|unique ids?|identifier service)\b/i,
    implementations: ["Snowflake-style"],
  },
  {
    archetype: "I05",
    asks: /\b(message queue|pub[- /]?sub|event streaming|task queue|message broker|commit log|event log|append[- ]only log|durable log|event bus|(?:log|queue|streaming) (?:service|platform|system))\b/i,
    implementations: ["Kafka", "Kinesis", "SQS", "RabbitMQ", "Pulsar", "Redpanda"],
    buildingBlocks: ["Segment files on local SSDs", "Embedded Raft (or etcd) for the controller quorum"],
  },
  {
    archetype: "I07",
    asks: /\b(cdn|content delivery network|edge cache)\b/i,
    implementations: ["CloudFront", "Fastly", "Akamai", "Cloudflare"],
  },
  {
    archetype: "I07",
    // a cache named by what it keeps ("a distributed key-value cache") or by the system it is like ("like Memcached")
    asks: /\b(distributed(?: key-value| in-memory| kv)? cache|in-memory (?:key-value |kv )?cache|cache cluster|caching service|(?:like|similar to) memcached?|memcached?[- ](?:like|style))\b/i,
    // Memcached servers know nothing of each other (clients hash keys to servers): a part of a distributed cache
    implementations: ["Redis Cluster"],
  },
  {
    archetype: "I08",
    asks: /\b(rate limiter|rate limiting service|throttling service)\b/i,
    implementations: ["Envoy global rate limit service", "Managed gateway throttling"],
  },
  {
    archetype: "I10",
    asks: /\b(service discovery|service registry)\b/i,
    implementations: ["Consul", "Eureka"],
  },
  {
    archetype: "I11",
    asks: /\b(feature[- ]flags? (?:service|system|platform)|flag service|configuration management service|config(uration)? (?:service|system|plane|store))\b/i,
    implementations: ["LaunchDarkly", "AWS AppConfig", "Unleash"],
    // a design led by I11 pushes versioned config, flags, policies or images to a fleet in stages: it is the rollout
    // system. AWS AppConfig deploys validated configuration versions by a deployment strategy with automatic rollback on
    // alarms (docs.aws.amazon.com/appconfig/latest/userguide/deploying-feature-flags.html), and LaunchDarkly and Unleash
    // serve flags to SDKs that evaluate locally (see I11/flags.ts): whole ones, so buying one is no design of it
    ledBuilds: "configuration rollout system",
  },
  {
    archetype: "I12",
    asks: /\b(workflow engine|workflow orchestrat\w*)\b/i,
    implementations: ["Temporal", "Step Functions"],
  },
  {
    archetype: "I14",
    asks: /\b(artifact registry|package registry|package index|container registry)\b/i,
    implementations: ["Harbor", "Artifactory"],
  },
  {
    archetype: "I15",
    asks: /\b(container scheduler|cluster scheduler|container orchestrat\w*)\b/i,
    implementations: ["Kubernetes", "Nomad"],
  },
  {
    archetype: "I16",
    asks: /\b((?:key[- ]value|wide[- ]column|nosql) (?:store|database|db))\b/i,
    // Bigtable and HBase are whole wide-column stores too (no product row of their own): a prompt asking for a store like
    // either asks for the family, so the stores that are whole ones are references, not parts
    implementations: [
      "Cassandra",
      "ScyllaDB",
      "DynamoDB",
      "TiKV",
      "FoundationDB",
      "Redis Cluster",
      "Bigtable",
      "HBase",
    ],
    buildingBlocks: ["RocksDB as the per-node storage engine"],
  },
  // a balancer or gateway is built from proxies one runs (Envoy, NGINX, HAProxy, Kong on OpenResty): they are its parts,
  // and only the managed services that are a whole balancer or gateway (and a mesh's own control plane, for a mesh) are
  // references; a prompt asking for a reverse proxy itself asks for what those proxies are
  {
    archetype: "I17",
    asks: /\b(load balancer|api gateway)\b/i,
    implementations: ["AWS ALB", "AWS API Gateway", "Google Cloud Load Balancing", "Apigee"],
    buildingBlocks: ["Linux IPVS or an XDP forwarder"],
  },
  {
    archetype: "I17",
    asks: /\b(reverse proxy|service mesh)\b/i,
    implementations: ["Envoy", "Istio", "Linkerd", "NGINX", "HAProxy", "AWS ALB", "Google Cloud Load Balancing"],
    buildingBlocks: ["Linux IPVS or an XDP forwarder"],
  },
  // a kind of system asked for in the head ("Design a secrets manager …", "Design a video transcoding pipeline …"), whose
  // whole products are one managed service or server: a design asked to build one never buys one; named later in a
  // clause ("… keeps its keys in a secrets manager") the kind is a part
  {
    archetype: "I16",
    asks: /^\W*(?:design|build|implement|architect|create)\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(secrets? (?:manager|store|vault|service|management (?:service|system))|secret management (?:service|system))\b/i,
    implementations: ["HashiCorp Vault", "Vault", "AWS Secrets Manager", "Google Secret Manager", "Azure Key Vault"],
    headOnly: true,
  },
  {
    archetype: "I15",
    asks: /^\W*(?:design|build|implement|architect|create)\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?((?:video |media )?transcod\w*(?: pipeline| service| system)?|(?:video|media) (?:processing|encoding) (?:pipeline|service|system)|encoding pipeline)\b/i,
    implementations: ["AWS Elemental MediaConvert", "MediaConvert", "Amazon Elastic Transcoder", "Elastic Transcoder"],
    headOnly: true,
  },
  {
    archetype: "I18",
    asks: /\b(metrics monitoring|monitoring (?:system|platform|service)|observability platform|time[- ]series (?:database|store)|metrics (?:pipeline|system|platform|service|store|backend))\b/i,
    implementations: ["Prometheus", "Mimir", "Thanos", "InfluxDB", "VictoriaMetrics"],
  },
  // a file system's whole implementations are file systems (CephFS over RADOS, HDFS), an object store's are object
  // stores (RGW over RADOS, MinIO, S3, GCS): MinIO is no reference for a file system, nor HDFS for a bucket store
  {
    archetype: "I19",
    asks: /\b(file system|block storage)\b/i,
    implementations: ["Ceph", "HDFS"],
  },
  {
    archetype: "I19",
    // "the storage service behind a photo-sharing app": the service that keeps an app's uploaded objects is the store
    asks: /\b(object storage|object store|blob storage|blob store|storage service (?:behind|for) (?:an? |the )?[\w-]+(?: [\w-]+)? (?:app|site|service|platform))\b/i,
    implementations: ["Ceph", "MinIO", "Amazon S3", "Google Cloud Storage"],
  },
];
