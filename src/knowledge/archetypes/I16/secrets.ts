import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is machines' secrets (topic "secrets", knowledge/topics.ts): a secrets manager that
 * stores secrets by path, issues short-lived credentials under leases, rotates static secrets on a schedule, revokes
 * on demand and at expiry, and logs every access. One active node owns every write (a lease issued, renewed or
 * revoked, a version rotated) and replicates it through a consensus log; standby nodes serve the reads. What makes it
 * right is that a secret is usable exactly as long as promised: no read is answered for a revoked lease or a retired
 * version, a rotation never leaves a window where neither the old nor the new credential works, and no request is
 * answered that the audit log did not record.
 *
 * Facts, checked against primary sources (HashiCorp Vault docs, AWS Secrets Manager docs):
 * - Vault leases: every dynamic secret and service token gets a lease (a TTL, renewability); consumers must renew it
 *   or fetch a replacement; a revoked lease invalidates its secret at once and can no longer be renewed (the AWS
 *   engine deletes the access keys, the database engine drops the user); an expired lease is revoked by Vault itself;
 *   revoking a token revokes every lease created with it; revocation can be by prefix; a renewal's increment is only a
 *   request, capped by the role's max TTL. Without an explicit TTL Vault's default lease is 32 days.
 * - Vault database secrets engine: dynamic roles create a unique user and password per request (so an access is
 *   traceable to one service instance) and drop it when the lease ends; static roles map one Vault role to one existing
 *   database user whose password Vault rotates every rotation_period (e.g. 3600 s). A database user has one password,
 *   so once it is changed the old one no longer logs in (open connections stay): overlap needs two accounts taking
 *   turns, the alternating-users strategy of AWS Secrets Manager ("Lambda function rotation strategies": single user
 *   vs alternating users, where after a rotation both the user and its clone hold valid credentials).
 * - Vault seal/unseal: data in storage is encrypted with the keyring's encryption key, the keyring with the root key,
 *   and the root key with the unseal key (split by Shamir's Secret Sharing into shares with a threshold, or held by a
 *   cloud KMS/HSM with auto-unseal); a sealed node can read storage but decrypt nothing. Under auto-unseal the shares
 *   issued at init are recovery keys: they authorise operator actions (a new root token, a rekey) but cannot decrypt
 *   the root key, so they cannot unseal a node while the KMS is unreachable (HashiCorp support article "How to rekey
 *   vault recovery keys when using auto unseal"); resilience against a seal outage is Seal HA, two or three auto-seals
 *   (Enterprise, Vault 1.16+, "Configure high availability for Vault seals").
 * - Vault HA: one active node at a time; with integrated storage (Raft) only the active node writes; performance
 *   standbys (Enterprise) answer read-only requests locally and forward any request that writes storage; a standby
 *   that handles a login or issues a dynamic secret stores the token or lease on the active node by an RPC. Vault
 *   documents that performance standbys may not give read-after-write consistency.
 * - Vault audit devices: every request and response is logged with its secrets HMAC-SHA256'd; with several devices a
 *   request succeeds if at least one logs it; if none can log, Vault answers no request.
 * - AWS Secrets Manager rotation: versions carry staging labels AWSPENDING (the new value being set), AWSCURRENT and
 *   AWSPREVIOUS (the last known good); moving AWSCURRENT to a version moves AWSPREVIOUS to the one it left; a read
 *   without a stage returns AWSCURRENT; versions with no label are deprecated and may be deleted.
 * Planning figures (a standby's reads a second, the TTL, entry sizes) are assumptions, said in their rows.
 */

const T = "secrets" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a revocation a serving node has not seen, or a lease issued on both sides of a split, hands out a credential that should no longer work, so a node cut off from the active node's majority stops answering reads past the revocation bound and issues nothing",
} as const;

export const SECRETS_ENTITIES = [
  {
    name: "SecretLease",
    description:
      "One issued credential or token under a lease id: the secret path or role it came from, issue time, expires_at (issue time plus the TTL, renewable up to the role's max TTL), the parent token that created it, and revoked_at, its revocation time once revoked; written only by the active node through the consensus log.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "SecretVersion",
    description:
      "One stored value of a secret path: its version number, the value encrypted under the keyring's current key, and its stage (pending while a rotation sets it, current, previous as the last known good, or retired); a read names a version or gets the current one.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "SecretRole",
    description:
      "What a secret path issues or rotates: the target system (a database, a cloud account), the statements that create and drop a dynamic user or set a static user's password, the default and max TTL, the rotation period, and the policies allowed to read it.",
    truth: true,
    topic: T,
  },
  {
    name: "AuditEntry",
    description:
      "One request and its response as the audit log keeps it: the caller's token accessor, the path, the operation, the lease id and every secret value HMAC'd with the audit salt, so a value can be matched without the log holding it.",
    truth: true,
    topic: T,
  },
  {
    name: "Keyring",
    description:
      "The data-encryption keys by term, encrypted by the root key, which the unseal key (Shamir shares or a KMS key) encrypts in turn; every stored value says the key term it was sealed under.",
    truth: true,
    topic: T,
  },
] as const;

export const SECRETS_WRITES = [
  {
    action:
      "issue a dynamic credential: the active node creates a unique user on the target with the role's statements and commits a SecretLease with expires_at = now + TTL through the consensus log before the credential is returned",
    entity: "SecretLease",
    shape: "create target",
    mechanism: "lease",
    critical: true,
    topic: T,
  },
  {
    action:
      "revoke a lease (on demand, by prefix, with its parent token, or at expiry): one conditional write on the active node sets revoked_at where it is empty, commits it through the consensus log, and queues the target's drop of the user, retried until it succeeds",
    entity: "SecretLease",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "renew a lease: extend expires_at by the requested increment, capped at the role's max TTL, only while revoked_at is empty and the lease has not expired",
    entity: "SecretLease",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "rotate a static secret on its period: write the new value as a pending SecretVersion, set it on the account of the pair clients are not using, test that it works, then move current to it in one write while the other account, now previous, keeps its password until the next rotation",
    entity: "SecretVersion",
    shape: "state transition",
    mechanism: "versioned-overwrite",
    critical: true,
    topic: T,
  },
  {
    action:
      "record each request and its response in the audit log, secret values HMAC'd, before the response leaves the node; no audit device able to log means no answer",
    entity: "AuditEntry",
    shape: "append event",
    mechanism: "write-ahead-log",
    critical: true,
    topic: T,
  },
] as const;

export const SECRETS_READS = [
  {
    action:
      "read a secret: a standby node confirms it has applied the active node's commit index (asked once per batch of reads), decrypts the SecretVersion with the keyring, and answers only when the caller's token and the secret's lease are unrevoked and unexpired",
    entity: "SecretVersion",
    shape: "read source",
    staleness:
      "none for revocation: a standby answers only after applying every write the active node had committed when the read's batch began, and stops answering when it cannot reach the active node",
    topic: T,
  },
] as const;

/** The prompt's "never serves a revoked secret": every read checks a revocation the serving node has applied. */
const NEVER_REVOKED =
  "A revoked or expired SecretLease is never answered again, because revocation commits on the active node through the consensus log and a standby answers a read only after applying the commit index it confirmed for that read's batch, so no node serves a credential past its revocation.";
const TTL_BOUND =
  "Every issued credential carries a SecretLease whose expires_at is at most the role's max TTL ahead, and an expired lease is revoked at the target by the expiry manager, so a leaked credential stops working within its TTL even if no one revokes it.";
const ROTATION_OVERLAP =
  "A rotation makes a new SecretVersion current only after its value is set and tested on the target, and it changes the password of the one account of a pair clients are not using, so the previous version's account keeps logging in until the next rotation and no client is ever left holding neither a working old nor a working new credential.";
const AUDITED =
  "No request is answered unless at least one audit device has recorded it, with secret values HMAC'd, so every secret handed out has an audit entry naming the token that asked.";
const SEALED =
  "Every stored SecretVersion is encrypted under the keyring, the keyring under the root key and the root key under the unseal key held outside the storage, so a copy of the storage or its backups yields no secret.";

export const SECRETS_INVARIANTS = [NEVER_REVOKED, TTL_BOUND, ROTATION_OVERLAP, AUDITED, SEALED];

/** The mechanism that keeps each of the secrets manager's rules (`keptBy` on the card's invariant marks). */
export const SECRETS_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [NEVER_REVOKED]: "leader-read",
  [TTL_BOUND]: "expiry-sweeper",
  [ROTATION_OVERLAP]: "versioned-overwrite",
  [AUDITED]: "write-ahead-log",
};

export const SECRETS_SCOPES = {
  topic: T,
  ordering: {
    scope: "global",
    why: "every issue, renewal, revocation and rotation is an entry of the one consensus log the active node writes, so every standby applies them in the same order",
  },
  exclusivity: {
    scope: "global",
    why: "one active node at a time writes storage; standbys forward any request that writes",
  },
  coordination: {
    scope: "replica group",
    why: "the active node and its standbys replicate one encrypted store by a Raft log; a write is acknowledged once a majority holds it",
  },
} as const;

export const SECRETS_FAILURES = [
  {
    failure:
      "A standby that fell behind, or is cut off from the active node, answers a read for a lease revoked a moment ago",
    role: "truth",
    prevention:
      "A standby confirms the active node's commit index for each batch of reads and waits until it has applied it; one that cannot reach the active node stops answering reads",
    repair:
      "Clients retry on another node; the lagging standby rejoins by replaying the log or installing a snapshot before it serves again",
    topic: T,
  },
  {
    failure: "The active node fails while leases are due to expire or revocations are queued",
    role: "truth",
    prevention:
      "Leases, revocations and the revocation queue are in the replicated store, so the standby elected next rebuilds its expiry schedule from them",
    repair:
      "The new active node revokes every lease already past expires_at at the target, and retries the queued drops; a brief stop in issuing is the cost",
    topic: T,
  },
  {
    failure: "The target database is down when a lease expires, so the user cannot be dropped",
    role: "derived",
    prevention:
      "The lease is marked revoked in the store at once (so no node serves it) and the drop is retried with back-off from the revocation queue",
    repair:
      "Alert when a drop keeps failing; an operator force-revokes only after removing the user on the target by hand",
    topic: T,
  },
  {
    failure: "A rotation sets the new password on the target and the node fails before moving the current version",
    role: "truth",
    prevention:
      "The new value is written as pending before the target is changed, so the next active node finds the pending version and finishes or retries the same step",
    repair:
      "Clients keep the previous value until the current version moves; a rotation that fails its test leaves current where it was and alerts",
    topic: T,
  },
  {
    failure: "Every audit device is unreachable (a full disk, a blocked socket)",
    role: "truth",
    prevention: "Two or more audit devices on separate failure domains, since a request succeeds once any one logs it",
    repair:
      "With none writable the cluster answers no request until one is restored: an unlogged secret read is worse than an outage",
    topic: T,
  },
  {
    failure: "A node restarts sealed and cannot decrypt its storage",
    role: "derived",
    prevention:
      "Auto-unseal through a cloud KMS or HSM, so a restarted node unseals without operators gathering Shamir shares",
    repair:
      "Sealed nodes serve nothing and the unsealed ones carry the reads, so no healthy node is restarted while the KMS is down; recovery keys only authorise operator actions and cannot unseal, so surviving a KMS outage needs a second auto-seal (Seal HA) or a KMS key replicated to another region",
    topic: T,
  },
] as const;

export const SECRETS_BOTTLENECKS = [
  {
    bottleneck:
      "Reads: every read is decrypted and audited on a serving node, so the fleet of standbys is sized by the read rate",
    mitigation:
      "Add performance standbys (each serves reads from its own replica), confirm the commit index once per batch of reads rather than per read, and have clients cache a secret for its lease",
    formula: {
      yields: "standby nodes serving reads at peak",
      expression: "reads_per_sec * peak_factor / (reads_per_node * target_utilisation)",
      unit: "nodes",
    },
    topic: T,
  },
  {
    bottleneck:
      "The active node writes every issue, renewal and revocation, and revokes every expiring lease at its target",
    mitigation:
      "Keep TTLs long enough that renewals stay a small share of traffic, batch revocations by prefix, and split unrelated teams onto separate clusters or namespaces",
    formula: {
      yields: "lease writes a second on the active node",
      expression: "leases_per_sec * (1 + renewals_per_lease) * 2",
      unit: "writes/s",
    },
    topic: T,
  },
] as const;

export const SECRETS_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "HashiCorp Vault with integrated storage (Raft), performance standbys and auto-unseal",
    layer: "storage",
    fits: "Leases, dynamic database credentials, static-role rotation, audit devices and seal/unseal are built in; one active node writes the Raft log and performance standbys serve reads",
    suits: ["linearizable", "durable", "high-throughput"],
    poorFor: ["multi-region", "operational-simplicity"],
    caveat:
      "Performance standbys need Vault Enterprise; Vault documents that standbys may not give read-after-write consistency, so a read that must see a revocation needs the active node's index (or forwarding)",
    topic: T,
  },
  {
    product: "AWS Secrets Manager",
    layer: "storage",
    fits: "Stores versions under AWSCURRENT, AWSPENDING and AWSPREVIOUS labels and runs scheduled rotation through a Lambda function, encrypted by KMS, logged to CloudTrail",
    suits: ["durable", "operational-simplicity"],
    poorFor: ["low-latency", "high-throughput"],
    caveat:
      "It rotates stored secrets but issues no per-client lease: short-lived per-caller credentials need a rotation function of our own",
    topic: T,
  },
  {
    product: "Cloud KMS or an HSM (auto-unseal and the root key)",
    layer: "coordination",
    fits: "Holds the key that wraps the root key, so a node unseals without operators and the storage alone decrypts nothing",
    suits: ["durable"],
    poorFor: ["low-latency"],
    caveat:
      "A KMS outage stops every restarted node from unsealing, and the recovery keys auto-unseal issues cannot decrypt the root key: configure a second seal (Vault Enterprise Seal HA) or a multi-region KMS key",
    topic: T,
  },
];

export const SECRETS_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Client services and agents (authenticate, read, renew)",
    kind: "client",
    runs: ["authenticate", "read secret", "request credential", "renew lease"],
    because: "a service signs in with its machine identity, caches each secret for its lease, and renews or refetches",
    topic: T,
  },
  {
    id: "active-node",
    name: "Active node (writes every lease, revocation and rotation; one at a time)",
    kind: "service",
    holds: ["SecretLease", "SecretVersion", "SecretRole"],
    runs: ["issue credential", "revoke lease", "renew lease", "rotate secret", "commit to the Raft log"],
    because: "one writer orders every change to leases and versions, so a revocation has one place it commits",
    topic: T,
  },
  {
    id: "standbys",
    name: "Performance standbys (serve reads from their replica; forward writes)",
    kind: "service",
    runs: ["read secret", "confirm the commit index", "forward writes", "check token and lease"],
    because: "reads are most of the traffic, and each standby serves them from its own applied copy of the log",
    topic: T,
  },
  {
    id: "secret-store",
    name: "Encrypted storage (Raft log and snapshots on every node, a majority to commit)",
    kind: "replica-group",
    holds: ["SecretLease", "SecretVersion", "SecretRole", "Keyring"],
    runs: ["append", "replicate", "snapshot"],
    because: "every write is acknowledged once a majority holds it, and every value in it is sealed by the keyring",
    topic: T,
  },
  {
    id: "expiry-manager",
    name: "Expiry manager and revocation queue (on the active node)",
    kind: "worker-pool",
    runs: ["revoke expired leases", "drop users on targets", "retry failed drops"],
    because: "a lease past expires_at must be revoked at its target even if no one asks",
    topic: T,
  },
  {
    id: "rotation-scheduler",
    name: "Rotation scheduler (static roles, each on its rotation period)",
    kind: "worker-pool",
    runs: ["set pending version", "set password on target", "test", "move current"],
    because: "a static secret is rotated on its period whether or not anyone reads it",
    topic: T,
  },
  {
    id: "audit-log",
    name: "Audit devices (two or more, HMAC'd entries)",
    kind: "log",
    holds: ["AuditEntry"],
    runs: ["append entry"],
    because: "every answer waits for one device to record it",
    topic: T,
  },
  {
    id: "kms",
    name: "KMS or HSM (wraps the root key; auto-unseal)",
    kind: "external",
    runs: ["unwrap root key"],
    because: "the key that unlocks the storage lives outside it",
    topic: T,
  },
  {
    id: "target-db",
    name: "Target databases (users created and dropped per lease)",
    kind: "external",
    runs: ["create user", "drop user", "set password"],
    because: "a dynamic credential is a real user on the target, created on issue and dropped on revocation",
    topic: T,
  },
];

export const SECRETS_LINKS: LinkSpec[] = [
  { from: "clients", to: "standbys", kind: "request", label: "read secrets, renew leases", topic: T },
  { from: "standbys", to: "active-node", kind: "request", label: "forward writes, confirm commit index", topic: T },
  { from: "active-node", to: "secret-store", kind: "request", label: "commit leases, revocations, versions", topic: T },
  { from: "secret-store", to: "standbys", kind: "replication", label: "Raft log applied on every node", topic: T },
  { from: "active-node", to: "target-db", kind: "request", label: "create user on issue", topic: T },
  { from: "expiry-manager", to: "secret-store", kind: "request", label: "leases past expires_at", topic: T },
  { from: "expiry-manager", to: "target-db", kind: "request", label: "drop user, retried", topic: T },
  { from: "rotation-scheduler", to: "target-db", kind: "request", label: "set and test the new password", topic: T },
  { from: "rotation-scheduler", to: "active-node", kind: "request", label: "write pending, move current", topic: T },
  { from: "standbys", to: "audit-log", kind: "request", label: "log before answering", topic: T },
  { from: "active-node", to: "audit-log", kind: "request", label: "log before answering", topic: T },
  { from: "active-node", to: "kms", kind: "request", label: "unwrap the root key at unseal", topic: T },
];

export const SECRETS_API: ApiSpec[] = [
  {
    operation: "read secret",
    call: "GET /v1/secret/data/{path}?version={n}",
    request: ["client token", "path", "version (optional; current when absent)"],
    response: ["value", "version", "lease_id and lease_duration when leased"],
    errors: ["403 token lacks the policy, or is revoked", "404 no such path or version", "503 node sealed or cut off"],
    guarantee: "never answers for a revoked token or lease; the answer is logged before it leaves",
    topic: T,
  },
  {
    operation: "request credential",
    call: "GET /v1/database/creds/{role}",
    request: ["client token", "role"],
    response: ["username", "password", "lease_id", "lease_duration", "renewable"],
    errors: ["403 not allowed for this role", "502 the target refused to create the user"],
    guarantee: "a unique user per request, dropped when its lease is revoked or expires",
    topic: T,
  },
  {
    operation: "renew lease",
    call: "PUT /v1/sys/leases/renew",
    request: ["lease_id", "increment (a request, capped at the max TTL)"],
    response: ["lease_id", "lease_duration granted"],
    errors: ["400 lease expired or revoked (nothing left to renew)"],
    guarantee: "never extends past the role's max TTL, never revives a revoked lease",
    topic: T,
  },
  {
    operation: "revoke lease",
    call: "PUT /v1/sys/leases/revoke",
    request: ["lease_id, or a prefix with sudo"],
    response: ["204"],
    errors: [],
    guarantee: "idempotent; once acknowledged no node serves the lease, and the target's user is dropped, retried",
    topic: T,
  },
  {
    operation: "rotate secret",
    call: "POST /v1/database/rotate-role/{role}",
    request: ["role"],
    response: ["204"],
    errors: ["409 a rotation of this role is in progress"],
    guarantee: "current moves only after the new value is set and tested; previous stays readable",
    topic: T,
  },
];

export const SECRETS_DATA: DataSpec[] = [
  {
    entity: "SecretLease",
    key: ["lease_id (role path / random id)"],
    fields: ["issue_time", "expires_at", "renewable", "max_expires_at", "parent_token_accessor", "revoked_at"],
    indexes: ["expires_at (the expiry manager's queue)", "parent token (revoke with the token)", "path prefix"],
    partitionKey: "none: one Raft-replicated store",
    owner: "secret-store",
    topic: T,
  },
  {
    entity: "SecretVersion",
    key: ["path", "version"],
    fields: ["ciphertext", "key_term", "stage (pending | current | previous | retired)", "created_at"],
    indexes: ["(path, stage)"],
    partitionKey: "none: one Raft-replicated store",
    owner: "secret-store",
    topic: T,
  },
  {
    entity: "SecretRole",
    key: ["mount", "role"],
    fields: ["target connection", "creation and revocation statements", "default_ttl", "max_ttl", "rotation_period"],
    indexes: [],
    partitionKey: "none: one Raft-replicated store",
    owner: "secret-store",
    topic: T,
  },
  {
    entity: "AuditEntry",
    key: ["request_id"],
    fields: ["time", "token accessor (HMAC)", "path", "operation", "lease_id", "response values (HMAC)"],
    indexes: ["time"],
    partitionKey: "by device",
    owner: "audit-log",
    topic: T,
  },
];

export const SECRETS_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Read a secret that is not revoked",
    notation:
      "clients>standbys[read path with token] -> standbys>active-node[confirm the commit index for this batch] -> standbys[wait until applied {applied index >= confirmed index}] -> standbys[check token and lease {unrevoked and unexpired}] -> standbys>audit-log[log the request, values HMAC'd] -> standbys>clients[value and lease] |-> standbys>clients[503 cut off from the active node {no confirmed index}] => done | reject",
    topic: T,
  },
  {
    name: "Revoke a lease everywhere",
    notation:
      "clients>standbys[revoke lease] -> standbys>active-node[forward the write] -> active-node>secret-store[set revoked_at where empty {a majority commits}] -> active-node>clients[revoked] -> expiry-manager>target-db[drop the user, retried until it succeeds] => done | retry",
    topic: T,
  },
  {
    name: "Rotate a static secret with overlap",
    notation:
      "rotation-scheduler>active-node[write the new value as pending] -> rotation-scheduler>target-db[set the password on the idle account of the pair] -> rotation-scheduler>target-db[test the new password {login works}] -> rotation-scheduler>active-node[move current to the new version; the other account becomes previous and still logs in] |-> rotation-scheduler>active-node[leave current where it was and alert {test fails}] => done | retry",
    topic: T,
  },
];

/**
 * The secrets manager's figures: reads at peak and the standbys they need, leases issued and live, the active
 * node's lease writes, revocations a second, and the audit log a day.
 */
export const SECRETS_CAPACITY: CapacityModel = {
  inputs: [
    inp("reads_per_sec", 10000, "a large fleet's services reading their secrets, each cached for its lease"),
    inp("peak_factor"),
    inp("target_utilisation"),
    {
      quantity: "reads_per_node",
      label: "secret reads one serving node answers a second",
      unit: "reads/s",
      typical: 5000,
      why: "a read is a decrypt, a policy check and an audit write; a few thousand a second per node is a planning figure to measure",
    },
    {
      quantity: "leases_per_sec",
      label: "credentials issued a second",
      unit: "leases/s",
      typical: 100,
      why: "services fetch a dynamic credential at start and when its lease nears its end (a planning figure)",
    },
    {
      quantity: "rotation_period_seconds",
      label: "time between two rotations of one secret",
      unit: "s",
      typical: 3600,
      why: "an hour, a common rotation period for database credentials (a planning figure)",
    },
    {
      quantity: "lease_ttl_seconds",
      label: "a credential's lease TTL",
      unit: "s",
      typical: 3600,
      why: "an hour, a common database-credential TTL (Vault's own default without one is 32 days, too long to bound a leak)",
      from: {
        expression: "rotation_period_seconds",
        why: "a credential lives no longer than the period it is rotated on",
      },
    },
    {
      quantity: "static_roles",
      label: "secrets rotated on a schedule (static roles)",
      unit: "secrets",
      typical: 10000,
      why: "each service's database users and API keys across a large fleet (a planning figure)",
    },
    {
      quantity: "renewals_per_lease",
      label: "renewals of one lease before it ends",
      unit: "renewals",
      typical: 2,
      why: "a client renews at about two thirds of its TTL, a few times before its max TTL (a planning figure)",
    },
    {
      quantity: "lease_bytes",
      label: "bytes of one lease record",
      unit: "B",
      typical: 500,
      why: "ids, paths, times and the parent token accessor, with index overhead",
    },
    {
      quantity: "audit_entry_bytes",
      label: "bytes of one audit entry (request and response)",
      unit: "B",
      typical: 2000,
      why: "a JSON request and response line with HMAC'd values (a planning figure)",
    },
  ],
  figures: [
    fig("peak_secret_reads", "secret reads a second at peak", "peak", "reads_per_sec * peak_factor", "reads/s"),
    fig(
      "standby_nodes",
      "standby nodes serving reads at peak",
      "count",
      "reads_per_sec * peak_factor / (reads_per_node * target_utilisation)",
      "nodes",
      true,
    ),
    fig("live_leases", "leases live at once", "storage", "leases_per_sec * lease_ttl_seconds", "leases"),
    fig(
      "lease_writes",
      "lease writes a second on the active node (issue, renewals, revocation)",
      "hotspot",
      "leases_per_sec * (2 + renewals_per_lease)",
      "writes/s",
    ),
    fig("revocations", "revocations a second at the targets", "rate", "leases_per_sec", "drops/s"),
    fig(
      "rotations_per_sec",
      "scheduled rotations a second",
      "rate",
      "static_roles / rotation_period_seconds",
      "rotations/s",
    ),
    fig("lease_store_bytes", "lease records held", "storage", "leases_per_sec * lease_ttl_seconds * lease_bytes", "B"),
    fig(
      "audit_bytes_per_day",
      "audit log a day",
      "storage",
      "(reads_per_sec + leases_per_sec) * audit_entry_bytes * 86400",
      "B",
    ),
  ],
};

/**
 * Words that name an account that exists ahead of time (a static role, a shared password), or ask to rotate a secret
 * the store keeps ("rotates a database password every 24 hours", "API keys are rotated every 90 days"): a value that
 * is stored and rotated is one credential clients share until the next rotation, the static option's win.
 */
// (credentials rotated on a schedule say nothing of which: a database user made per lease is rotated too, so only a
// stored secret, password or key rotated in place names a fixed account, said in one clause)
export const FIXED_ACCOUNT = String.raw`\b(?:static (?:roles?|users?|accounts?|credentials?)|shared (?:credentials?|passwords?)|fixed (?:users?|accounts?))\b|\brotat(?:e|es|ed|ing|ion)\b[^.;,]{0,40}\b(?:secrets?|passwords?|(?:api |access |signing )?keys?)\b|\b(?:secrets?|passwords?|(?:api |access )?keys?)\b[^.;,]{0,40}\b(?:are |is |be |get )?rotat(?:e|es|ed|ing|ion)\b`;

/** Words that ask for a credential made per client or per lease, on demand (dynamic credentials, short-lived database users). */
export const PER_CLIENT = String.raw`\bdynamic (?:credentials?|secrets?|database (?:users?|credentials?))\b|\bshort[- ]lived (?:database |db )?(?:credentials?|users?|passwords?)\b|\b(?:per|each)[- ](?:client|request|service|lease|application|app|instance) (?:credentials?|database users?|passwords?)\b|\b(?:credentials?|database users?) (?:created|generated|minted|issued) (?:on demand|per (?:client|request|lease))\b|\bjust[- ]in[- ]time (?:credentials?|access)\b`;

export const SECRETS_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-secrets-read-path",
    topic: T,
    question: "How does a standby that serves reads know a lease was not revoked a moment ago?",
    options: [
      {
        id: "confirm-index",
        name: "confirm the active node's commit index once per batch of reads and wait until it is applied",
        buys: "a revocation acknowledged before a read's batch began is always seen, so no node serves a revoked secret",
        costs: "one round trip to the active node per batch, and a standby cut off from it stops answering reads",
        winsWhen: "a revoked secret must never be served",
      },
      {
        id: "bounded-lag",
        name: "serve from the standby's own replica and refuse once its lag passes a bound",
        buys: "reads never wait on the active node, and keep going briefly while it is being replaced",
        costs: "a revocation may be missed for up to the lag bound, which the promise must allow",
        winsWhen: "the prompt allows revocation to take effect within a stated time",
        wins: [{ words: "\\brevo\\w+ (?:\\w+ ){0,4}within \\d" }],
      },
    ],
    rules: [
      {
        when: [{ words: String.raw`\brevo\w+ (?:\w+ ){0,4}within \d` }],
        option: "bounded-lag",
        because: "the prompt gives revocation a time to take effect, which a bounded lag can keep",
      },
    ],
    fallback: {
      option: "confirm-index",
      because: "a standby that only bounds its lag can still answer for a lease revoked inside that bound",
    },
  },
  {
    id: "i16-secrets-credentials",
    topic: T,
    question: "Hand each client its own short-lived credential, or rotate one shared credential on a period?",
    options: [
      {
        id: "dynamic",
        name: "dynamic credentials: a unique database user per request under a lease, dropped when it ends",
        buys: "every access is traceable to one client, and a leak is closed by revoking one lease",
        costs: "a user created and dropped on the target per lease, and clients that renew or refetch",
        winsWhen: "the targets allow creating users on demand, and per-client revocation matters",
        // the prompt asks for a credential per client or per lease, made when asked for
        wins: [{ words: PER_CLIENT }],
      },
      {
        id: "static-rotation",
        name: "two static users rotated in turn, each period changing the password of the one clients are not using",
        buys: "no user churn on the target, and it works for accounts that cannot be created on demand",
        costs:
          "clients share one credential, so revoking it affects them all until the next rotation; where only one account exists, changing its password ends the old one at once, so clients refetch and retry a refused login",
        winsWhen:
          "the account must exist ahead of time (a legacy system, a fixed user name), or the ask is to rotate a secret the store already keeps",
        wins: [{ words: FIXED_ACCOUNT, unless: PER_CLIENT }],
      },
    ],
    rules: [
      {
        when: [{ words: FIXED_ACCOUNT, unless: PER_CLIENT }],
        option: "static-rotation",
        because: "the prompt names a fixed account, or a stored secret, whose value is rotated",
      },
    ],
    fallback: {
      option: "dynamic",
      because: "a credential per client under a lease is revoked alone and expires on its own",
    },
  },
];
