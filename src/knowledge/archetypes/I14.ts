import type { ArchetypeInput } from "../schema.js";

export const I14 = {
  id: "I14",
  name: "Immutable Artifact Namespace + Delivery",
  summary:
    "Published things never change: container images, packages, model versions, release bundles, object versions. A name (tag, channel, 'latest') is a small mutable pointer to an immutable, content-addressed artifact made of a manifest and blobs. The authoritative state is the set of published manifests and blobs plus the head pointers. The core concern is that a pointer only ever references complete, verified content, that publishing moves the pointer atomically, and that garbage collection never removes something still referenced. Container registries, package repositories, model registries and update-image stores share this shape.",
  roles: ["immutable", "truth"],
  signals: {
    phrases: [
      { text: "os update", weight: 0.35 },
      { text: "software update", weight: 0.35 },
      { text: "artifact registry", weight: 1 },
      { text: "container registry", weight: 1 },
      { text: "image registry", weight: 1 },
      { text: "package registry", weight: 1 },
      { text: "package repository", weight: 0.9 },
      { text: "model registry", weight: 1 },
      { text: "immutable version", weight: 0.9 },
      { text: "immutable", weight: 0.6 },
      { text: "artifact", weight: 0.7 },
      { text: "content addressed", weight: 0.9 },
      { text: "manifest", weight: 0.5 },
      { text: "digest", weight: 0.5 },
      { text: "tag points to version", weight: 0.8 },
      { text: "deployments point to version", weight: 0.9 },
      { text: "release bundle", weight: 0.7 },
      { text: "versioned binaries", weight: 0.8 },
      { text: "publish version", weight: 0.7 },
      { text: "update image", weight: 0.6 },
      { text: "docker image", weight: 0.8 },
      { text: "pull image", weight: 0.7 },
      { text: "garbage collect blobs", weight: 0.7 },
      { text: "object versioning", weight: 0.6 },
      { text: "software distribution", weight: 0.7 },
    ],
    systems: [
      { name: "Docker Hub", aliases: ["Docker Registry"], weight: 1 },
      { name: "Amazon ECR", aliases: ["ECR"], weight: 1 },
      { name: "Artifactory", aliases: ["JFrog Artifactory"], weight: 1 },
      { name: "npm registry", aliases: [], weight: 1 },
      { name: "PyPI", aliases: [], weight: 1 },
      { name: "Maven Central", aliases: [], weight: 1 },
      { name: "MLflow Model Registry", aliases: ["MLflow"], weight: 0.9 },
      { name: "Harbor", aliases: [], weight: 1 },
    ],
  },
  entities: [
    { name: "Blob", description: "Immutable bytes named by the hash of their content.", truth: true },
    {
      name: "Manifest",
      description: "An immutable list of blob digests and metadata that makes one version, itself content-addressed.",
      truth: true,
    },
    {
      name: "HeadPointer",
      description:
        "A mutable name (tag, channel, latest) that points to one manifest digest, with a version for compare-and-set.",
      truth: true,
    },
    {
      name: "ReferenceCount",
      description: "Which manifests and heads reference each blob, used by garbage collection.",
      truth: false,
    },
  ],
  writePaths: [
    { action: "upload blob", entity: "Blob", shape: "create target", mechanism: "content-addressing", critical: true },
    {
      action: "publish manifest",
      entity: "Manifest",
      shape: "create target",
      mechanism: "publish-content-first",
      critical: true,
    },
    {
      action: "move tag",
      entity: "HeadPointer",
      shape: "state transition",
      mechanism: "head-pointer-cas",
      critical: true,
    },
    {
      action: "garbage collect blobs",
      entity: "ReferenceCount",
      shape: "async process",
      mechanism: "reference-gc",
      hidden: true,
    },
  ],
  readPaths: [
    {
      action: "resolve version",
      entity: "HeadPointer",
      shape: "read source",
      staleness: "seconds if served from a cache; pinned digests never go stale",
    },
    {
      action: "fetch artifact",
      entity: "Blob",
      shape: "read projection",
      staleness: "none: content-addressed bytes are the same everywhere",
    },
  ],
  protocols: [
    {
      name: "publish",
      notation:
        "publisher[upload blobs {digest matches content}] -> publisher[put manifest {all referenced blobs present}] -> registry[move tag {HeadPointer.version = expected}] |-> publisher[retry {tag moved meanwhile}] => done | retry",
    },
    {
      name: "pull",
      notation:
        "client[resolve tag] -> registry[return digest] -> client[fetch blobs {digest verified}] |-> edge[serve cached blob {digest match}] => done | retry",
    },
  ],
  invariants: [
    "A Manifest is never visible before every Blob it references is durable and verified.",
    "A Blob or Manifest never changes once published; the same digest always yields the same bytes.",
    "A HeadPointer moves only by compare-and-set from the value the publisher read.",
    "Garbage collection never deletes a Blob still referenced by any Manifest reachable from a HeadPointer or a grace-period upload.",
  ],
  contract: {
    api: [
      "put_blob(bytes) -> digest (idempotent)",
      "put_manifest(manifest) -> digest | missing blobs",
      "tag(name, digest, expected current) -> ok | conflict",
      "resolve(name) -> digest; get(digest) -> bytes",
    ],
    guarantees: ["published content is immutable and verifiable by digest", "a tag always points to complete content"],
  },
  predicates: [
    { id: "stale-write-dangerous", because: "two publishers moving the same tag could lose one release" },
    { id: "derived-read", because: "blobs are served from caches and mirrors" },
    { id: "duplicate-retry-matters", because: "uploads are retried, which content addressing makes harmless" },
  ],
  failures: [
    {
      failure: "a tag points to a manifest whose blobs were not all uploaded",
      role: "immutable",
      prevention: "publish content first and check references before accepting the manifest",
      repair: "reject the manifest; move the tag back to the previous digest",
    },
    {
      failure: "garbage collection deletes a blob an in-flight upload is about to reference",
      role: "immutable",
      prevention: "grace period for new blobs and mark-then-sweep collection",
      repair: "re-upload from the publisher; clients retry the pull",
    },
    {
      failure: "a published version is mutated in place",
      role: "immutable",
      prevention: "digest-addressed storage rejects overwrites of existing digests",
      repair: "publish a new version; audit the history of the tag",
    },
    {
      failure: "a corrupted blob is served from a mirror",
      role: "immutable",
      prevention: "clients verify the digest on every fetch",
      repair: "evict the mirror copy and refetch from the origin",
    },
    {
      failure: "two releases race to move the same tag",
      role: "immutable",
      prevention: "compare-and-set on the tag's current digest",
      repair: "the loser re-reads and decides whether to retag",
    },
  ],
  bottlenecks: [
    {
      bottleneck: "download fan-out when a popular version is released",
      mitigation: "serve blobs through a CDN or pull-through caches; peer-to-peer distribution for huge fleets",
      formula: { yields: "bytes served for one rollout", expression: "nodes * object_bytes", unit: "B" },
    },
    {
      bottleneck: "storage growth from every version kept",
      mitigation: "deduplicate by digest and collect unreferenced versions after retention",
      formula: { yields: "stored bytes", expression: "objects * object_bytes * replicas", unit: "B" },
    },
    {
      bottleneck: "tag resolution load on the metadata store",
      mitigation: "cache tag lookups briefly and encourage pinning by digest",
      formula: { yields: "resolves per second", expression: "requests_per_sec", unit: "req/s" },
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
      fits: "durable blob store keyed by digest",
      suits: ["durable", "large-objects", "low-cost", "elastic-scale"],
      poorFor: ["low-latency"],
      caveat: "pointer updates need a separate store with compare-and-set",
    },
    {
      product: "PostgreSQL or DynamoDB for heads",
      layer: "coordination",
      fits: "conditional writes on tags and manifest metadata",
      suits: ["linearizable", "durable", "small-metadata"],
      poorFor: ["large-objects"],
      caveat: "keep blobs out of it",
    },
    {
      product: "CDN / pull-through cache",
      layer: "serving",
      fits: "immutable blobs cache forever at the edge",
      suits: ["low-latency", "multi-region", "elastic-scale"],
      poorFor: ["linearizable"],
      caveat: "tag lookups must not be cached too long",
    },
    {
      product: "Harbor / Artifactory",
      layer: "serving",
      fits: "ready-made registries with GC and replication",
      suits: ["operational-simplicity", "durable"],
      poorFor: ["low-cost"],
      caveat: "scaling beyond one region needs their replication features",
    },
  ],
  connections: [
    { to: "I07", role: "output", why: "immutable blobs are served through edge caches" },
    { to: "I11", role: "output", why: "rollouts move fleets from one version to the next" },
    { to: "I19", role: "substrate", why: "blobs live in a replicated object or chunk store" },
  ],
} satisfies ArchetypeInput;
