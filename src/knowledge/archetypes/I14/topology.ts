import type { ProtocolSpec, Topology } from "../../topology.js";

/** Immutable artifacts: content-addressed blobs, manifests and movable tags, delivered through a CDN. */
export const protocols: ProtocolSpec[] = [
  {
    name: "Publish content first, then move the tag",
    notation:
      "publishers>registry-api[upload blob] -> registry-api>blob-store[commit under digest {digest matches content}] -> publishers>registry-api[put manifest] -> registry-api>metadata-db[store manifest {every referenced Blob present}] -> publishers>registry-api[move tag to manifest digest] -> registry-api>metadata-db[compare and set tag {HeadPointer.target = expected}] -> registry-api>publishers[tag moved] |-> registry-api>publishers[conflict, re-read and retry {tag moved meanwhile}] => done | retry | reject",
  },
  {
    name: "Pull by tag, verify by digest",
    notation:
      "pullers>registry-api[resolve tag] -> registry-api>metadata-db[read HeadPointer] -> registry-api>pullers[manifest digest] -> pullers>cdn-edge[get blob by digest] -> cdn-edge>blob-store[fill on miss] -> cdn-edge>pullers[blob bytes] -> pullers[verify digest {hash of bytes = digest}] => done | retry",
  },
  {
    name: "Pull straight from the origin",
    notation:
      "pullers>registry-api[resolve tag] -> registry-api>metadata-db[read HeadPointer] -> registry-api>pullers[manifest digest] -> pullers>blob-store[get blob by digest] -> blob-store>pullers[blob bytes] -> pullers[verify digest {hash of bytes = digest}] => done | retry",
  },
  {
    name: "Pull from peers",
    notation:
      "pullers>registry-api[resolve tag] -> registry-api>metadata-db[read HeadPointer] -> registry-api>pullers[manifest digest] -> pullers>p2p-tracker[ask for peers holding the blob's pieces] -> p2p-tracker>blob-store[seed pieces no peer holds yet] -> p2p-tracker>pullers[peer list] -> pullers[fetch pieces from peers, then verify the whole blob {hash of bytes = digest}] => done | retry",
  },
  {
    name: "Garbage collection",
    notation:
      "gc>metadata-db[mark blobs reachable from tags and retained manifests] -> gc>blob-store[sweep unmarked blobs older than the grace period {Blob.created_at < now - grace}] => done | retry",
  },
];

export const topology: Topology = {
  components: [
    {
      id: "publishers",
      name: "Publishers (CI, release tooling)",
      kind: "client",
      runs: ["upload", "put manifest", "move tag"],
      because: "content is uploaded before anything refers to it",
    },
    {
      id: "registry-api",
      name: "Registry API (stateless)",
      kind: "service",
      runs: ["upload", "put manifest", "tag", "resolve"],
      because: "checks digests and refuses manifests that point at missing blobs",
    },
    {
      id: "metadata-db",
      name: "Metadata DB (manifests, tags)",
      kind: "store",
      holds: ["Manifest", "HeadPointer", "UploadSession"],
      runs: ["compare-and-set tag"],
      because: "the only mutable state is the tag pointer, moved by compare-and-set",
    },
    {
      id: "blob-store",
      name: "Content-addressed blob store (object storage)",
      kind: "store",
      holds: ["Blob"],
      runs: ["put by digest", "get by digest"],
      because: "immutable bytes keyed by their hash can be cached anywhere and never invalidated",
    },
    {
      id: "cdn-edge",
      name: "CDN edge (caches blobs by digest)",
      kind: "cache",
      runs: ["serve blobs"],
      because: "pulls are read-heavy and the content never changes under a digest",
    },
    {
      id: "p2p-tracker",
      name: "Peer tracker and origin seeders",
      kind: "service",
      runs: ["track which peers hold which pieces", "seed from the origin"],
      because:
        "a fleet-wide rollout spreads its bytes between the pulling nodes, so the origin sends each piece about once",
    },
    {
      id: "pullers",
      name: "Pullers (deployers, devices)",
      kind: "client",
      runs: ["resolve", "fetch", "verify"],
      because: "pullers verify every blob against its digest, so a corrupted copy is detected",
    },
    {
      id: "gc",
      name: "Garbage collector (mark and sweep)",
      kind: "control-loop",
      holds: ["BlobReference"],
      runs: ["mark reachable", "sweep after grace"],
      because: "unreferenced blobs are reclaimed only after a grace period so an in-flight publish is not swept",
    },
  ],
  links: [
    { from: "publishers", to: "registry-api", kind: "request", label: "upload / manifest / tag" },
    { from: "registry-api", to: "blob-store", kind: "request", label: "put blob by digest" },
    { from: "registry-api", to: "metadata-db", kind: "request", label: "manifest, tag CAS" },
    { from: "pullers", to: "registry-api", kind: "request", label: "resolve tag" },
    { from: "pullers", to: "cdn-edge", kind: "request", label: "get blob by digest" },
    { from: "cdn-edge", to: "blob-store", kind: "request", label: "fill on miss" },
    { from: "pullers", to: "blob-store", kind: "request", label: "get blob by digest" },
    { from: "pullers", to: "p2p-tracker", kind: "request", label: "find peers with the pieces" },
    { from: "p2p-tracker", to: "blob-store", kind: "request", label: "seed from the origin" },
    { from: "gc", to: "blob-store", kind: "control", label: "sweep unreferenced" },
    { from: "gc", to: "metadata-db", kind: "control", label: "mark reachable" },
  ],
  api: [
    {
      operation: "upload blob",
      call: "PUT /v2/{name}/blobs/uploads/{upload_id}?digest=",
      request: ["bytes", "digest"],
      response: ["digest"],
      errors: ["400 digest mismatch"],
      guarantee: "uploading the same bytes again is a no-op",
    },
    {
      operation: "put manifest",
      call: "PUT /v2/{name}/manifests/{digest}",
      request: ["manifest (blob digests)"],
      response: ["manifest_digest"],
      errors: ["400 manifest references unknown blob"],
      guarantee: "a manifest exists only if every blob it lists is committed",
    },
    {
      operation: "move tag",
      call: "PUT /v2/{name}/manifests/{tag} with If-Match: current digest (a conditional extension; plain OCI registries move tags last writer wins)",
      request: ["manifest", "expected_current_digest"],
      response: ["ok"],
      errors: ["409 tag moved (conflict)"],
      guarantee: "tags move atomically; a reader sees the old or the new manifest, never a partial one",
    },
    {
      operation: "resolve and fetch",
      call: "GET /v2/{name}/manifests/{tag}, then GET /v2/{name}/blobs/{digest}",
      request: ["tag or digest"],
      response: ["manifest digest", "bytes"],
      errors: ["404 unknown tag or digest"],
      guarantee: "bytes under a digest never change",
    },
  ],
  dataModel: [
    {
      entity: "Blob",
      key: ["digest"],
      fields: ["size", "storage_location", "created_at"],
      indexes: ["created_at (for GC grace)"],
      partitionKey: "digest",
      owner: "blob-store",
    },
    {
      entity: "Manifest",
      key: ["repository", "digest"],
      fields: ["blob digests", "media_type", "created_at"],
      indexes: [],
      partitionKey: "repository",
      owner: "metadata-db",
    },
    {
      entity: "HeadPointer",
      key: ["repository", "tag"],
      fields: ["manifest_digest", "version", "updated_at"],
      indexes: [],
      partitionKey: "repository",
      owner: "metadata-db",
    },
  ],
  entry: "registry-api",
  stateOwner: "metadata-db",
  outlet: "blob-store",
  protocols,
  unit: { entity: "Manifest", words: ["manifest"] },
};
