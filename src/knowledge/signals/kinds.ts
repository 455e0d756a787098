import type { ArchetypeId } from "../schema.js";
import type { Topic } from "../topics.js";

/**
 * How well an archetype builds a kind of system: `well` when the archetype is that kind, `partly` when it is only the
 * nearest one (the kind has parts no archetype holds), so recognition reads it with low confidence and says so.
 */
export type KindCover = "well" | "partly";

/**
 * A kind of system a prompt's head may name ("Design a secrets manager …") or a well-known system may be
 * ("… like HashiCorp Vault"), and the archetype that builds it. `nouns` are the head noun phrases that name the kind;
 * they count only in the head (in a clause, "stored in a relational database" names a part, not what is built) and
 * are left empty where the archetype cards' own phrases already name it.
 */
export interface SystemKind {
  kind: string;
  id: ArchetypeId;
  cover: KindCover;
  nouns: readonly string[];
  /** What the archetype holds of the kind, and (when `partly`) what it leaves out. */
  why: string;
  /**
   * Subjects (knowledge/topics.ts) whose words a prompt asking for this kind uses for something else: a secret store's
   * "credentials" are what it keeps and hands out, not people signing in. A head that names the kind keeps them unspoken.
   */
  unlike?: readonly Topic[];
}

/** What a kind named in the head, or a well-known system asked for, is worth to its archetype, by how well it builds it. */
export const COVER_WEIGHT: Readonly<Record<KindCover, number>> = { well: 1, partly: 0.55 };

export const SYSTEM_KINDS: readonly SystemKind[] = [
  {
    kind: "secret store",
    id: "I16",
    cover: "well",
    nouns: [
      "secrets manager",
      "secret manager",
      "secret store",
      "secrets store",
      "secrets vault",
      "secrets service",
      "secrets management service",
      "secret management service",
    ],
    why: "secrets are kept by path with versions in a replicated key-scoped store whose reads must see a revocation at once; the leases, rotation, encryption barrier and audit log a secret store adds are built by I16's own secrets subject",
    unlike: ["auth"],
  },
  {
    kind: "document database",
    id: "I16",
    cover: "partly",
    nouns: ["document database", "document store", "document db"],
    why: "documents are records scoped by their id in a replicated, partitioned store with a primary per shard; secondary indexes and queries over document fields are more than the key-scoped store holds",
  },
  {
    kind: "key management service",
    id: "I16",
    cover: "partly",
    nouns: ["key management service", "key management system"],
    why: "keys and their versions are key-scoped records in a replicated store; the hardware security modules and cryptographic operations around them are not an archetype of their own",
    unlike: ["auth"],
  },
  {
    kind: "DNS server",
    id: "I11",
    cover: "partly",
    nouns: ["dns server", "authoritative dns", "authoritative name server", "name server", "nameserver"],
    why: "records are authored in one place and reach many name servers as versioned zone snapshots they answer from memory, which is a control plane distributing snapshots; delegation between zones and resolvers caching answers by time to live are not an archetype of their own (a resolver that answers from cached records is a cache)",
  },
  {
    kind: "stream processor",
    id: "I06",
    cover: "well",
    nouns: ["stream processor", "stream processing engine", "stream processing framework"],
    why: "a stream processor reads ordered partitions, keeps per-key state with checkpoints and writes derived results, which is the projection pipeline",
  },
  {
    kind: "relational database",
    id: "I16",
    cover: "partly",
    nouns: ["relational database", "rdbms"],
    why: "rows are key-scoped state in ordered ranges, each replicated from a leader (with transactions across ranges where the prompt speaks of distributed SQL); a query planner and secondary indexes over any column are more than the key-scoped store holds",
  },
];

/**
 * Well-known systems and the kind each one is, one line each, from the system's own documentation (`source`). Read
 * only where the prompt asks for such a system ("like Vault", "a Vault-like …", "Design Vault"): a system merely
 * named beside what is built is a part or a caller, which the archetype cards' systems say. A name here is in no
 * card's systems nor the ambiguous systems (the knowledge compile checks it).
 */
export interface KnownSystem {
  name: string;
  aliases: readonly string[];
  kind: string;
  source: string;
}

// biome-ignore format: one well-known system a line
export const KNOWN_SYSTEMS: readonly KnownSystem[] = [
  { name: "HashiCorp Vault", aliases: ["Vault"], kind: "secret store", source: "developer.hashicorp.com/vault/docs/concepts/lease (a tool for securely accessing secrets; leases, renewal, revocation)" },
  { name: "AWS Secrets Manager", aliases: ["Amazon Secrets Manager"], kind: "secret store", source: "aws.amazon.com/documentation-overview/secrets-manager (stores, rotates and retrieves secrets)" },
  { name: "Google Secret Manager", aliases: ["Google Cloud Secret Manager", "GCP Secret Manager"], kind: "secret store", source: "cloud.google.com/sdk/gcloud/reference/secrets (store and retrieve secrets, with versions)" },
  { name: "Azure Key Vault", aliases: [], kind: "secret store", source: "learn.microsoft.com/azure/key-vault/general/overview (a secure store for secrets, keys and certificates)" },
  { name: "AWS KMS", aliases: ["AWS Key Management Service", "Amazon KMS"], kind: "key management service", source: "docs.aws.amazon.com/kms/latest/developerguide/concepts-intro.html (generates and manages cryptographic keys)" },
  { name: "CoreDNS", aliases: [], kind: "DNS server", source: "coredns.io (a DNS server used for service discovery)" },
  { name: "Apache Storm", aliases: [], kind: "stream processor", source: "storm.apache.org (a distributed realtime computation system over unbounded streams)" },
  { name: "Apache Samza", aliases: ["Samza"], kind: "stream processor", source: "samza.apache.org (a distributed stream processing framework with managed, snapshotted state)" },
  { name: "PostgreSQL", aliases: ["Postgres"], kind: "relational database", source: "postgresql.org/docs/current/intro-whatis.html (an object-relational database management system)" },
];

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s-]+");

/**
 * A pattern (source, for a lowered text) for a prompt whose head asks for a kind `unlike` the topic: among the ask's
 * first words, one of the kind's nouns ("Design a secrets manager …") or a well-known system of the kind asked for
 * ("… like HashiCorp Vault", "a Vault-like …"); undefined when no kind is unlike it. A kind named later ("a sign-in
 * service that keeps its keys in a secrets manager") is a part, and leaves the subject spoken. Read with the topic's own
 * `TOPIC_UNLESS` words, so the subject stays unspoken whatever its words in the clauses say.
 */
export function kindsUnlike(topic: Topic): string | undefined {
  const kinds = SYSTEM_KINDS.filter((k) => k.unlike?.includes(topic));
  if (kinds.length === 0) return undefined;
  const nouns = kinds.flatMap((k) => k.nouns).map(escaped);
  const names = KNOWN_SYSTEMS.filter((sys) => kinds.some((k) => k.kind === sys.kind))
    .flatMap((sys) => [sys.name, ...sys.aliases])
    .map((n) => escaped(n.toLowerCase()));
  const asked = [
    ...nouns,
    ...(names.length === 0 ? [] : [String.raw`like\s+(?:${names.join("|")})`, `(?:${names.join("|")})-(?:like|style)`]),
  ];
  return String.raw`^\W*(?:design|build|implement|architect|create)\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(?:${asked.join("|")})\b`;
}
