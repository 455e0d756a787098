import type { ArchetypeInput } from "../../schema.js";
import { protocols } from "./topology.js";

export const card = {
  id: "I14",
  name: "Immutable Artifact Namespace + Delivery",
  summary:
    "Stores published things that never change after publication — container images, language packages, build outputs, ML model versions, OS update images, release bundles — and lets clients find them by a human name. The authoritative state is content-addressed blobs, immutable manifests that list which blobs make up one version, and small mutable head pointers (tags, channels, 'latest') that name a manifest. The core correctness concern is ordering the publish so that a pointer only ever references complete, verified content, moving pointers by compare-and-set so that concurrent releases do not lose one another, and collecting garbage without deleting anything still reachable. Container registries, package repositories, model registries and update-image stores share this shape, usually with a CDN or mirrors in front for delivery.",
  roles: ["immutable", "truth"],
  signals: {
    phrases: [
      { text: "artifact registry", weight: 1 },
      { text: "artifact repository", weight: 0.95 },
      { text: "binary repository", weight: 0.9 },
      { text: "container registry", weight: 1 },
      { text: "image registry", weight: 1 },
      { text: "package registry", weight: 1 },
      { text: "package repository", weight: 0.9 },
      { text: "package manager", weight: 0.6 },
      { text: "model registry", weight: 1 },
      { text: "model version", weight: 0.6 },
      { text: "dataset version", weight: 0.6 },
      { text: "build artifact", weight: 0.8 },
      { text: "artifact", weight: 0.6 },
      { text: "immutable version", weight: 0.9 },
      { text: "immutable", weight: 0.4 },
      { text: "content addressed", weight: 0.9 },
      { text: "content addressable storage", weight: 0.9 },
      { text: "digest", weight: 0.5 },
      { text: "manifest", weight: 0.5 },
      { text: "tag point version", weight: 0.8 },
      { text: "point to version", weight: 0.6 },
      { text: "version pointer", weight: 0.7 },
      { text: "latest tag", weight: 0.7 },
      { text: "release channel", weight: 0.5 },
      { text: "release bundle", weight: 0.7 },
      { text: "versioned binaries", weight: 0.8 },
      { text: "publish version", weight: 0.7 },
      { text: "publish release", weight: 0.6 },
      { text: "docker image", weight: 0.8 },
      { text: "container image", weight: 0.8 },
      { text: "image layer", weight: 0.7 },
      { text: "pull image", weight: 0.7 },
      { text: "push image", weight: 0.7 },
      { text: "helm chart", weight: 0.7 },
      { text: "update image", weight: 0.6 },
      { text: "signed artifact", weight: 0.6 },
      { text: "garbage collect blob", weight: 0.7 },
      { text: "unreferenced blob", weight: 0.7 },
      { text: "object versioning", weight: 0.6 },
      { text: "software distribution", weight: 0.7 },
      { text: "download mirror", weight: 0.6 },
      { text: "os update", weight: 0.35 },
      { text: "software update", weight: 0.35 },
      { text: "oci registry", weight: 0.9 },
      { text: "oci image", weight: 0.8 },
    ],
    systems: [
      { name: "Docker Hub", aliases: ["Docker Registry"], weight: 1 },
      { name: "Amazon ECR", aliases: ["ECR", "Elastic Container Registry"], weight: 1 },
      { name: "Google Artifact Registry", aliases: ["Artifact Registry", "GCR"], weight: 1 },
      { name: "GitHub Container Registry", aliases: ["GHCR"], weight: 1 },
      { name: "Harbor", aliases: [], weight: 1 },
      { name: "Quay", aliases: ["Quay.io"], weight: 1 },
      { name: "Artifactory", aliases: ["JFrog Artifactory"], weight: 1 },
      { name: "Sonatype Nexus", aliases: ["Nexus Repository"], weight: 1 },
      { name: "npm registry", aliases: ["npm"], weight: 1 },
      { name: "PyPI", aliases: [], weight: 1 },
      { name: "Maven Central", aliases: [], weight: 1 },
      { name: "MLflow Model Registry", aliases: ["MLflow"], weight: 0.9 },
      { name: "IPFS", aliases: [], weight: 0.7 },
      { name: "Git", aliases: ["git server", "git hosting"], weight: 0.7 },
    ],
  },
  entities: [
    {
      name: "Blob",
      description:
        "Immutable bytes (a layer, archive or weights file) named by the cryptographic hash of their content.",
      truth: true,
    },
    {
      name: "Manifest",
      description:
        "An immutable, itself content-addressed document listing the blob digests, sizes and metadata that make up one version.",
      truth: true,
    },
    {
      name: "HeadPointer",
      description:
        "A mutable name (tag, channel, 'latest', 'production') pointing at one manifest digest, with a version for compare-and-set and a history of past targets.",
      truth: true,
    },
    {
      name: "UploadSession",
      description:
        "An in-progress upload of one blob: received chunks, expected digest and a creation time that protects it from garbage collection for a grace period.",
      truth: false,
    },
    {
      name: "BlobReference",
      description:
        "Which manifests reference each blob and which heads reach each manifest, computed by the collector's mark phase.",
      truth: false,
    },
  ],
  writePaths: [
    {
      action: "stream blob chunks into an upload session",
      entity: "UploadSession",
      shape: "create target",
      mechanism: "insert-primary",
      hidden: true,
      runs: {
        in: "request path",
        because: "the uploading client sends each chunk and waits for it to be stored",
      },
    },
    {
      action: "commit the blob under its digest after verifying the hash of what arrived",
      entity: "Blob",
      shape: "create target",
      mechanism: "content-addressing",
      critical: true,
    },
    {
      action: "accept the manifest only when every blob it lists is already committed",
      entity: "Manifest",
      shape: "create target",
      mechanism: "publish-content-first",
      critical: true,
    },
    {
      action: "move a tag or channel to the new manifest by compare-and-set on its current target",
      entity: "HeadPointer",
      shape: "state transition",
      mechanism: "head-pointer-cas",
      critical: true,
    },
    {
      action: "replicate blobs, then manifests, then heads to other regions and mirrors",
      entity: "Blob",
      shape: "async process",
      mechanism: "async-replication",
      hidden: true,
    },
    {
      action: "mark reachable content and sweep unreferenced blobs older than the grace period",
      entity: "BlobReference",
      shape: "async process",
      mechanism: "reference-gc",
      hidden: true,
      critical: true,
    },
  ],
  readPaths: [
    {
      action: "resolve a tag or channel to a manifest digest",
      entity: "HeadPointer",
      shape: "read source",
      staleness: "none at the registry; seconds when tag lookups are cached, which is why deployments pin digests",
    },
    {
      action: "fetch a manifest or blob by digest from a CDN, mirror or pull-through cache",
      entity: "Blob",
      shape: "read projection",
      servesFeatureReads: true,
      staleness: "none: bytes under a digest are the same everywhere, so copies can be cached forever",
    },
    {
      action: "list the versions of a package, image or model",
      entity: "Manifest",
      shape: "read projection",
      staleness: "seconds behind publication when served from a search or listing index",
    },
  ],
  protocols,
  invariants: [
    "A Manifest is never accepted before every Blob it references is durable and its digest verified.",
    "A Blob or Manifest never changes once published: fetching a digest returns bytes that hash to that digest, or fails.",
    "A HeadPointer moves only by compare-and-set from the target the publisher read, and each move is kept in its history.",
    "Garbage collection never deletes a Blob reachable from any retained Manifest or HeadPointer, nor one younger than the upload grace period.",
    "In every region, blobs become visible before the manifests that list them, and manifests before the heads that name them.",
  ],
  contract: {
    api: [
      "upload(bytes) -> digest; uploading the same bytes again is a no-op",
      "put_manifest(manifest) -> digest | missing blobs",
      "tag(name, digest, expected current digest) -> ok | conflict",
      "resolve(name) -> digest; get(digest) -> bytes",
      "untag(name) or yank(version) -> ok; content stays fetchable by digest until retention releases it",
    ],
    guarantees: [
      "published content is immutable and verifiable by digest wherever it is fetched from",
      "a tag always points to complete content",
      "a digest that a deployment pinned stays fetchable for the declared retention period",
    ],
  },
  predicates: [
    {
      id: "stale-write-dangerous",
      because: "two publishers moving the same tag from the same read would lose one release",
    },
    {
      id: "multi-object",
      because:
        "one version is many blobs plus a manifest plus a tag, made safe by publish order rather than a transaction",
    },
    {
      id: "duplicate-retry-matters",
      because: "uploads are retried constantly, which content addressing makes harmless",
    },
    { id: "derived-read", because: "blobs are mostly served from CDNs, mirrors and pull-through caches" },
  ],
  failures: [
    {
      failure: "a tag points to a manifest whose blobs were never all uploaded",
      role: "immutable",
      prevention: "publish content first and check every reference before accepting the manifest",
      repair: "reject the manifest and move the tag back to its previous target from the history",
    },
    {
      failure: "garbage collection deletes a blob that an in-flight publish is about to reference",
      role: "immutable",
      prevention: "a grace period for new blobs and a recheck of references at sweep time",
      repair: "the manifest is rejected for the missing blob and the publisher re-uploads it",
    },
    {
      failure: "a published version is overwritten in place with different bytes",
      role: "immutable",
      prevention: "storage keyed by digest refuses writes to an existing digest, and version numbers cannot be reused",
      repair: "publish a new version and audit the tag history for who pulled the old one",
    },
    {
      failure: "a mirror or cache serves corrupted or tampered bytes",
      role: "immutable",
      prevention: "clients verify the digest on every fetch and check signatures on the manifest",
      repair: "evict the bad copy and refetch from the origin registry",
    },
    {
      failure: "two release pipelines race to move the same tag",
      role: "immutable",
      prevention: "compare-and-set on the tag's current target",
      repair: "the loser re-reads and decides whether its release should still win",
    },
    {
      failure: "a manifest replicates to another region before its blobs, and pulls there fail",
      role: "immutable",
      prevention: "replicate blobs first, manifests next and heads last",
      repair: "pull through from the origin region until replication catches up",
    },
    {
      failure: "a cached tag lookup keeps sending clients to the previous version after a release",
      role: "derived",
      prevention: "short TTLs on tag lookups and deployments that pin the digest they resolved",
      repair: "purge the tag from caches; pinned deployments are unaffected",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "download fan-out when a popular version is released to a whole fleet",
      mitigation:
        "CDN or pull-through caches per region, staged rollout, peer-to-peer distribution for very large fleets",
      formula: { yields: "bytes served for one fleet-wide rollout", expression: "nodes * object_bytes", unit: "B" },
    },
    {
      bottleneck: "storage growth as every version is kept",
      mitigation:
        "deduplicate by digest (shared layers are stored once) and collect unreferenced versions after retention",
      formula: { yields: "stored bytes", expression: "objects * object_bytes * replicas", unit: "B" },
    },
    {
      bottleneck: "tag resolution load on the metadata store",
      mitigation: "cache tag lookups briefly, serve manifests by digest from the CDN, and encourage pinning",
      formula: { yields: "tag resolutions per second", expression: "requests_per_sec", unit: "req/s" },
    },
    {
      bottleneck: "mark phase of garbage collection over a huge namespace",
      mitigation: "maintain reference counts incrementally and collect per repository instead of globally",
    },
  ],
  silhouette: {
    storage: "head/manifest store + blob store",
    coordination: "publish-content-first + head CAS",
    serving: "resolve/fetch artifact",
  },
  technologies: [
    {
      product: "S3 or GCS object storage",
      layer: "storage",
      fits: "durable, cheap blob store keyed by digest, with strong read-after-write consistency per object and conditional writes (S3 If-None-Match or If-Match on the ETag, GCS generation preconditions)",
      suits: ["durable", "large-objects", "low-cost", "elastic-scale", "linearizable"],
      poorFor: ["low-latency", "rich-queries"],
      caveat:
        "a tag can be a small object moved by a conditional write on its ETag or generation, but listing tags, history and reference counts for GC want a queryable metadata store beside it",
    },
    {
      product: "PostgreSQL or DynamoDB for manifests and heads",
      layer: "coordination",
      fits: "conditional writes on tags, manifest metadata and reference tables",
      suits: ["linearizable", "durable", "small-metadata", "rich-queries"],
      poorFor: ["large-objects"],
      caveat: "keep blob bytes out of it; it holds only digests and pointers",
    },
    {
      product: "CDN or pull-through cache",
      layer: "serving",
      fits: "blobs and manifests by digest can be cached forever at the edge",
      suits: ["low-latency", "multi-region", "elastic-scale"],
      poorFor: ["linearizable"],
      caveat: "tag lookups must not be cached for long or releases appear late",
    },
    {
      product: "Harbor, Artifactory or a cloud registry (ECR, Artifact Registry)",
      layer: "serving",
      fits: "ready-made registries with digests, tag immutability rules, GC and replication",
      suits: ["operational-simplicity", "durable"],
      poorFor: ["low-cost"],
      caveat: "cross-region replication and GC schedules still need to be configured deliberately",
    },
  ],
  connections: [
    {
      to: "I07",
      role: "output",
      why: "immutable blobs are delivered through edge caches that never need to purge them",
    },
    { to: "I11", role: "output", why: "a rollout moves fleets from one published version to the next" },
    { to: "I19", role: "substrate", why: "blobs live in a replicated object or chunk store" },
    {
      to: "I06",
      role: "output",
      why: "version listings and package search are projections built from the manifests",
    },
  ],
  /** The NFR stance a design takes when the prompt is silent, and where ordering, exclusivity and coordination hold. */
  stance: {
    consistency: "linearizable",
    availability: "fail-closed",
    delivery: "at-least-once",
    ordering: "per-key",
    durability: "durable",
    because:
      "moving a tag is a compare-and-set that must be refused rather than forked, and a published version must never change or vanish; pulls of content-addressed bytes keep working from any copy or cache, since those bytes never change",
    scopes: {
      ordering: { scope: "key", why: "versions of one name form a sequence; names are independent" },
      exclusivity: { scope: "key", why: "a head pointer moves by compare-and-set per name" },
      coordination: { scope: "key", why: "publication is coordinated per artifact name" },
    },
  },
} satisfies ArchetypeInput;
