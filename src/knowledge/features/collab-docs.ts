import { OFFLINE_EDITS } from "../patterns.js";
import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const COLLAB_DOCS: FeatureEntry = {
  id: "collab-docs",
  name: "Collaborative documents",
  summary:
    "Several people edit one document at once. Each edit is a small operation; one server session per document orders them (operational transformation) or the clients merge them commutatively (CRDT), and the document is stored as periodic snapshots plus the operations since. Who is in the document and where their cursors are is soft state in that session's memory; who may open, comment on or edit it is the document's sharing list, checked on every operation.",
  signals: ["collaborative editing", "edit together", "shared document", "real time collaboration", "co-edit"],
  terms: { doc: "document" },
  actions: [
    {
      action: "edit a {doc} together in real time",
      shape: "append event",
      entity: "DocOperation",
      critical: true,
      substrate: "I13",
      mechanism: "op-sequencer",
    },
    {
      action: "open a {doc} at its latest version",
      shape: "read source",
      entity: "DocSnapshot",
      critical: false,
      substrate: "I13",
      mechanism: "subject-snapshot",
    },
    {
      action: "see who else is editing and where their cursors are",
      shape: "read source",
      entity: "DocPresence",
      critical: false,
      substrate: "I13",
    },
    {
      action: "share a {doc} with a person or group as viewer, commenter or editor",
      shape: "overwrite current value",
      entity: "DocPermission",
      critical: false,
      substrate: "I16",
    },
    {
      action: "browse the {doc}'s version history",
      shape: "read source",
      entity: "DocSnapshot",
      critical: false,
      substrate: "I14",
    },
  ],
  entities: [
    { name: "DocOperation", description: "(doc, revision, author, insert/delete at position): the ordered edit log" },
    { name: "DocSnapshot", description: "the document's content at a revision, saved every N operations" },
    {
      name: "DocPermission",
      description:
        "(doc, person or group) -> role (owner, editor, commenter, viewer): the sharing list every open and every operation is checked against",
    },
    {
      name: "DocPresence",
      description:
        "(doc, connection) -> person, cursor, selection: soft state in the document session's memory, gone when the connection closes; never written to a store",
    },
  ],
  nfrs: [
    "every editor converges to the same content",
    "an edit shows to others within about a hundred milliseconds",
    "no acknowledged edit is lost",
    "only people the {doc} is shared with at editor role can change it; a revoked editor's next operation is refused",
    "presence and cursors are best-effort and a second or two stale at worst; they are never stored",
  ],
  substrates: [
    { id: "I13", role: "substrate", why: "one document is a shared subject whose operations are sequenced" },
    { id: "I14", role: "output", why: "snapshots are immutable versions" },
  ],
  carries: [
    {
      id: "I10",
      why: "who is in a {doc} and where their cursors are lives in the document session's memory, which every editor's connection already reaches, and is dropped when a connection closes; a registry kept by heartbeats under a majority commit would write soft state as if it were truth",
    },
  ],
  hotspot: {
    figure: "broadcasts_per_sec",
    bottleneck:
      "Edit broadcast: every edit goes to every other editor of the same {doc}, all from the one server that sequences it",
    mitigation:
      "keep all editors of a {doc} on the server that sequences it, batch keystrokes into operations of a few hundred milliseconds, and send presence and cursors on a slower channel than edits",
  },
  capacity: {
    inputs: [
      inp("subjects", 1e6, "documents open for editing at peak"),
      {
        ...inp("participants", 3, "editors per open document on average"),
        from: {
          expression: "min(max_participants, 3)",
          why: "the stated count is the busiest document's; an average open document has about three editors, or the stated count where it is smaller (the busiest document is sized at the stated count)",
        },
      },
      inp("ops_per_participant_per_sec", 2, "keystrokes batched into a couple of operations a second"),
      inp("snapshot_every_ops", 1000, "a snapshot every thousand operations bounds replay on open"),
    ],
    figures: [
      fig(
        "doc_ops_per_sec",
        "operations per second across all documents",
        "rate",
        "subjects * participants * ops_per_participant_per_sec",
        "ops/s",
      ),
      fig(
        "broadcasts_per_sec",
        "operation broadcasts to the other editors at peak",
        "fan-out",
        "doc_ops_per_sec * peak_factor * (participants - 1)",
        "msg/s",
      ),
      fig(
        "snapshots_per_sec",
        "snapshots written per second",
        "rate",
        "doc_ops_per_sec / snapshot_every_ops",
        "writes/s",
      ),
    ],
  },
  decisions: [
    {
      id: "collab-merge",
      question: "Operational transformation through a server, or CRDTs merged on every replica?",
      options: [
        {
          id: "ot",
          name: "operational transformation with one server session per document (Google Docs' approach)",
          key: String.raw`operational transformation|sequencer|transform(?:s|ed)?`,
          buys: "compact operations and one authoritative order",
          costs: "every edit goes through the document's session owner; offline editing is limited",
          winsWhen: "clients are online and a server is always in the loop",
          // ShareDB is a realtime backend built on operational transformation of JSON documents (its README)
          implies: { preferTechnology: ["ShareDB"], draws: ["submit an operation"] },
        },
        {
          id: "crdt",
          name: "CRDT (every replica merges concurrent edits the same way)",
          key: String.raw`CRDTs?`,
          buys: "offline and peer-to-peer editing; no central sequencer needed",
          costs: "metadata per character or element, and garbage collection of tombstones",
          winsWhen: "editing must work offline or without a central server",
          // the prompt's own words say edits are made while disconnected and merged on reconnect
          wins: [{ words: OFFLINE_EDITS }],
          // Yjs and Automerge are CRDT libraries: replicas merge without a central order (their READMEs); a client and
          // the server exchange state vectors and send each other only the updates the other lacks (Yjs sync protocol)
          implies: {
            preferTechnology: ["Yjs", "Automerge"],
            draws: ["submit updates"],
            // the session merges, stores and relays updates; no edit is transformed against a central order
            names: [
              {
                component: "doc-session",
                name: "Document session (one owner per document)",
                runs: [
                  "check the author's role",
                  "merge, store and relay updates",
                  "snapshot",
                  "keep who is here and their cursors in memory",
                ],
              },
            ],
          },
        },
      ],
      rules: [],
      fallback: { option: "ot", because: "editors are online and a document session can sequence them" },
    },
    {
      id: "collab-presence",
      question:
        "Where do presence and cursors live: in the document session's memory, or in a shared store with expiry?",
      options: [
        {
          id: "session-memory",
          name: "in the document session's memory, per connection",
          buys: "no writes at all for presence: the session every editor already talks to knows who is connected and forwards cursors with the edits",
          costs: "a restarted session starts with an empty list until the editors reconnect",
          winsWhen: "every editor of a document is connected to the one session that sequences it",
        },
        {
          id: "ttl-store",
          name: "a shared in-memory store with a time-to-live per entry (a Redis key set with EX, renewed while the editor is there)",
          buys: "presence survives a session move and is visible to servers that do not own the document",
          costs: "a write per renewal, and a store to run; entries linger until their time-to-live passes",
          winsWhen:
            "editors of the same subject reach different servers, so no one server sees them all (peer-to-peer CRDT editing)",
          // Redis SET with EX gives a key a lifetime in seconds (redis.io, SET / SETEX)
          implies: { preferTechnology: ["Redis"] },
        },
      ],
      rules: [],
      fallback: {
        option: "session-memory",
        because:
          "presence is soft state that dies with the connection, and the document's editors already meet at its session",
      },
    },
  ],
  invariants: [
    {
      action: "edit a {doc} together in real time",
      statement:
        "Every editor's copy of the {doc} converges to the same content once all doc operations are applied, whatever order they arrive in, and an acknowledged doc operation is never lost.",
      // the merge algorithm keeps it (a CRDT, where a decision chose one over transforms, merges without a keeper here)
      keptBy: "operational-transform",
    },
    {
      action: "edit a {doc} together in real time",
      statement:
        "A doc operation is sequenced only when its author holds the editor or owner role in the {doc}'s DocPermission at that moment; an operation that arrives after a revocation is refused.",
    },
  ],
  failures: [
    {
      failure: "Someone whose access was revoked keeps editing through a connection opened before the revocation",
      prevention:
        "the document session checks each operation's author against the sharing list (cached with a version that every grant or revocation bumps) and a revocation closes that person's open connections to the {doc}",
      repair: "operations refused after the revocation never reach the log; the person reopens and is refused at open",
      role: "truth",
    },
    {
      failure: "A collaborator's cursor stays on screen after they closed the tab",
      prevention:
        "presence lives in the document session's memory per connection and is dropped when the connection closes or sends nothing for a few seconds",
      repair:
        "clients drop a participant they have not heard from within a few seconds; a restarted session starts with an empty list that reconnecting editors refill",
      role: "derived",
    },
    {
      failure: "Two people type at the same place at once and their edits interleave wrongly or one is lost",
      prevention:
        "operations are transformed (OT, with a server ordering them) or merged by a CRDT, so all copies converge",
      repair: "clients resync from the latest snapshot plus the operations after it",
      role: "truth",
    },
    {
      failure: "An editor goes offline for hours and comes back with many edits",
      prevention:
        "the client keeps its pending operations and rebases them on the server's operations when it reconnects",
      repair: "if rebasing fails, keep both versions and ask the user",
      role: "truth",
    },
    {
      failure: "The operation log grows without bound and opening a {doc} replays too much",
      prevention: "take periodic snapshots and open from the latest one plus the operations after it",
      repair: "compact the log behind the newest snapshot",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "ShareDB",
      fits: "a realtime backend that applies operational transformation to JSON documents, ordering each {doc}'s operations in one log",
    },
    {
      layer: "serving",
      product: "Yjs or Automerge",
      fits: "CRDT libraries that merge concurrent edits of a {doc} without a central order",
    },
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "the operation log and snapshots per {doc}",
    },
  ],
  topology: {
    components: [
      {
        id: "collab-gateway",
        sameAs: { I13: "session-gateway" },
        name: "Collaboration connections (WebSocket)",
        kind: "gateway",
        runs: ["route a document's editors to its session"],
        because: "all editors of one document must reach the same session owner",
      },
      {
        id: "doc-session",
        sameAs: { I13: "sequencer" },
        name: "Document session (one owner per document)",
        kind: "service",
        runs: [
          "check the author's role",
          "transform / sequence operations",
          "broadcast",
          "snapshot",
          "keep who is here and their cursors in memory",
        ],
        because:
          "a single sequencer per document gives every edit a revision number, and every editor's connection already reaches it, so presence and cursors live there as soft state",
      },
      {
        id: "doc-permissions",
        name: "Sharing and permissions (per-document roles)",
        kind: "store",
        holds: ["DocPermission"],
        because:
          "the owner shares a document with people or groups at a role; opens and operations are checked against it",
      },
      {
        id: "doc-store",
        sameAs: { I13: "op-log" },
        name: "Document store",
        kind: "store",
        holds: ["DocOperation", "DocSnapshot"],
        because: "the operation log and snapshots; a session restarts from the last snapshot plus later ops",
      },
    ],
    links: [
      { from: "client", to: "collab-gateway", kind: "stream", label: "WebSocket: ops and cursors" },
      { from: "collab-gateway", to: "doc-session", kind: "stream", label: "ops for this document" },
      { from: "doc-session", to: "doc-store", kind: "request", label: "append op / save snapshot" },
      { from: "gateway", to: "doc-store", kind: "request", label: "open document / history" },
      {
        from: "gateway",
        to: "doc-permissions",
        kind: "request",
        label: "share / change a role / check access on open",
      },
      {
        from: "doc-session",
        to: "doc-permissions",
        kind: "request",
        label: "check the author's role (cached, versioned)",
      },
    ],
    api: [
      {
        operation: "submit an operation",
        call: "WS doc/{doc_id} op",
        request: ["doc_id", "base_revision", "client_op_id", "operation"],
        response: ["revision", "transformed_operation"],
        errors: ["409 base revision too old: resync", "403 not an editor of this document"],
        guarantee:
          "acknowledged ops are durable and ordered; a resent client_op_id is applied once; an op from someone without editor role is refused",
      },
      {
        operation: "submit updates",
        call: "WS doc/{doc_id} update",
        request: ["doc_id", "client_id", "updates (CRDT deltas made online or offline)", "state vector"],
        response: ["the updates the client lacks, from the server's state vector"],
        errors: ["403 not an editor of this document"],
        guarantee:
          "an update is stored and relayed once per (client_id, clock); edits made offline are sent on reconnect with the client's state vector, and each side receives what it lacks, so both merge to the same content",
      },
      {
        operation: "share a {doc}",
        call: "PUT /v1/docs/{doc_id}/permissions/{principal_id}",
        request: ["doc_id", "principal_id", "principal_kind (person or group)", "role"],
        response: ["role", "permissions_version"],
        errors: ["403 only the owner or an editor allowed to share may change roles", "404 no such person or group"],
        guarantee:
          "the role holds from the next open or operation; a removal bumps the version and closes the principal's open connections",
      },
      {
        operation: "send my cursor and see who is here",
        call: "WS doc/{doc_id} presence",
        request: ["doc_id", "cursor", "selection"],
        response: ["participants[] (person, cursor, selection)"],
        errors: [],
        guarantee: "best-effort and never stored: a participant leaves the list when its connection closes",
      },
      {
        operation: "open a {doc}",
        call: "GET /v1/docs/{doc_id}",
        request: ["doc_id"],
        response: ["snapshot", "revision", "ops_since[]"],
        errors: ["403 no access"],
        guarantee: "the returned revision is consistent with the ops stream that follows",
      },
    ],
    dataModel: [
      {
        entity: "DocOperation",
        key: ["doc_id", "revision"],
        fields: ["author_id", "client_op_id", "op", "created_at"],
        indexes: ["(doc_id, client_op_id) unique"],
        partitionKey: "doc_id",
        owner: "doc-store",
      },
      {
        entity: "DocSnapshot",
        key: ["doc_id", "revision"],
        fields: ["content_ref", "created_at"],
        indexes: [],
        partitionKey: "doc_id",
        owner: "doc-store",
      },
      {
        entity: "DocPermission",
        key: ["doc_id", "principal_id"],
        fields: ["principal_kind", "role", "granted_by", "granted_at", "permissions_version"],
        indexes: ["(principal_id) for the documents shared with someone"],
        partitionKey: "doc_id",
        owner: "doc-permissions",
      },
    ],
    entry: "collab-gateway",
    stateOwner: "doc-store",
  },
};
