import type { Topology } from "../topology.js";

/**
 * The shared edge every product design stands on. Feature topologies name these ids in their
 * links instead of drawing their own copies, so merging features by component id joins them into
 * one architecture: one client, one gateway, one auth service, one object store behind one CDN.
 */
export const SHARED_COMPONENT_IDS = ["client", "cdn", "gateway", "auth", "object-store"] as const;

export const PRODUCT_SKELETON: Topology = {
  components: [
    {
      id: "client",
      name: "Mobile and web clients",
      kind: "client",
      runs: ["every user action"],
      because: "users act through an app; it holds a session token and retries with the same request id",
    },
    {
      id: "cdn",
      name: "CDN edge caches",
      kind: "cache",
      holds: ["media copies", "static assets"],
      runs: ["serve media near the reader"],
      because: "media and static files are read far more than written and never change once published",
    },
    {
      id: "gateway",
      name: "API gateway",
      kind: "gateway",
      runs: ["authenticate", "rate-limit", "route to the feature service"],
      because: "one front door terminates TLS, checks the session and meters each user before any feature service runs",
    },
    {
      id: "auth",
      name: "Auth service",
      kind: "service",
      holds: ["User", "Session"],
      runs: ["sign in", "verify session token"],
      because: "every feature needs the caller's user id, so identity is checked once at the edge",
    },
    {
      id: "object-store",
      name: "Object store (media blobs)",
      kind: "store",
      holds: ["media blobs"],
      because: "large immutable bytes live in blob storage, not in the feature databases, and the CDN fills from it",
    },
  ],
  links: [
    { from: "client", to: "gateway", kind: "request", label: "HTTPS API calls" },
    { from: "client", to: "cdn", kind: "request", label: "fetch media" },
    { from: "gateway", to: "auth", kind: "request", label: "verify session" },
    { from: "cdn", to: "object-store", kind: "request", label: "fill on miss" },
  ],
  api: [],
  dataModel: [
    {
      entity: "User",
      key: ["user_id"],
      fields: ["handle", "display_name", "created_at"],
      indexes: ["handle (unique)"],
      partitionKey: "user_id",
      owner: "auth",
    },
  ],
  entry: "gateway",
  stateOwner: "auth",
};
