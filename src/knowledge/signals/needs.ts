import type { Need } from "./types.js";

/**
 * What a dominant archetype needs underneath it even when the prompt does not name it. The cue
 * words make the need explicit enough to show; without a cue the card's `typical` flag decides.
 */
export const NEEDS: readonly Need[] = [
  {
    dominant: "I02",
    needs: "I01",
    cues: ["lock service", "lease service", "lock manager", "distributed lock", "fencing", "lease"],
    why: "a lock or lease service is only safe if its lease records live on a linearizable, quorum-replicated store",
  },
  {
    dominant: "I02",
    needs: "I03",
    cues: [
      "hold minutes",
      "held minutes",
      "hold expires",
      "hold lapses",
      "release unconfirmed",
      "hold timeout",
      "not confirmed",
      "given back",
      "unconfirmed",
    ],
    why: "a hold that must end after a set time is a stored due time that releases the claim when it arrives",
  },
  {
    dominant: "I03",
    needs: "I12",
    cues: ["call", "api", "endpoint", "webhook", "email", "third party", "notify", "callback"],
    why: "a due job that reaches an outside system must make that effect once, through an idempotent external call",
  },
  {
    dominant: "I05",
    needs: "I10",
    cues: ["chat", "real time messaging", "connected clients", "connected users", "online users", "message delivery"],
    why: "delivering messages to people live needs to know who is connected and where, which is a presence registry",
  },
  {
    dominant: "I09",
    needs: "I01",
    cues: ["worker id", "machine id", "gap free"],
    why: "generators need unique worker ids or a consensus counter to hand out numbers without collisions",
  },
  {
    dominant: "I13",
    needs: "I10",
    cues: ["who else", "cursor", "presence", "several people", "live"],
    why: "collaborators see who is present and where their cursors are through a presence registry",
  },
  {
    dominant: "I15",
    needs: "I10",
    cues: ["node health", "track nodes", "tracks node", "heartbeat", "healthy nodes", "dead nodes"],
    why: "a fleet that places work on nodes must know which nodes are alive, which is a membership registry fed by heartbeats",
  },
  {
    dominant: "I15",
    needs: "I05",
    cues: ["queue", "backlog", "uploads"],
    why: "a fleet that scales with pending work reads that work from a durable queue",
  },
  {
    dominant: "I18",
    needs: "I12",
    cues: ["page", "pages", "paging", "on call", "notify", "notification", "third party", "sms", "email", "slack"],
    why: "an alert that reaches a person goes out through an outside provider, an effect that needs retries and deduplication",
  },
  {
    dominant: "I19",
    needs: "I01",
    cues: ["metadata", "namespace", "master", "name node", "namenode", "chunk locations"],
    why: "the mapping from names to chunks must survive the loss of the node that holds it, so it is kept on a consensus-replicated store",
  },
  {
    dominant: "I04",
    needs: "I02",
    cues: [
      "leased",
      "lease",
      "one crawler at a time",
      "one worker at a time",
      "no two workers",
      "two workers",
      "same range",
      "twice",
      "same links",
    ],
    why: "two workers must never scan the same shard of the pass at once, so each shard is held under a lease",
  },
  {
    dominant: "I11",
    needs: "I01",
    cues: ["consensus", "quorum", "versions", "versioned", "watch"],
    why: "configuration versions must be ordered and durable before they are pushed, which a consensus-replicated store gives",
  },
  {
    dominant: "I17",
    needs: "I10",
    cues: [
      "healthy backends",
      "health checks",
      "health check",
      "instances come and go",
      "service discovery",
      "registry",
      "backend list",
    ],
    why: "a proxy sends only to backends that are alive, a list kept by a membership registry",
  },
  {
    dominant: "I14",
    needs: "I07",
    cues: ["cdn", "mirror", "mirrors", "download", "downloads", "delivered", "pulls"],
    why: "published artifacts are immutable, so they are delivered through caches and mirrors near the clients",
  },
  {
    dominant: "I08",
    needs: "I16",
    cues: ["across all", "every server", "all servers", "all nodes", "all regions", "every node", "global"],
    why: "a budget enforced across many servers keeps its counters in one key-scoped store they all update",
  },
  {
    dominant: "I05",
    needs: "I06",
    cues: ["searchable", "search", "query view", "audit view", "queryable"],
    why: "readers that search or query what the log carries read a view derived from it, kept in step by a consumer",
  },
  {
    dominant: "I11",
    needs: "I10",
    cues: ["alive", "which servers", "healthy servers", "registered", "applied", "which version each"],
    why: "a rollout targets the servers that are up and tracks which version each has applied, which is a fleet registry",
  },
  {
    dominant: "I04",
    needs: "I08",
    cues: [
      "too often",
      "politeness",
      "politely",
      "per site",
      "per host",
      "overload",
      "hitting any site",
      "crawl delay",
    ],
    why: "a pass that visits other people's sites must not overload any one of them, which is a per-host budget",
  },
  {
    dominant: "I16",
    needs: "I05",
    cues: ["change stream", "publishes every change", "changefeed", "change feed", "cdc", "change events"],
    why: "other services that follow a store's changes read them from an ordered change log with their own positions",
  },
];
