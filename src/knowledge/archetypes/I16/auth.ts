import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { GUESS_COSTS_MORE } from "../../decisions/stated-conditions.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is people's credentials (topic "auth", knowledge/topics.ts): sign-in, password
 * reset and sessions for a service's own accounts. Each account is state scoped by its user id, kept on the shard
 * its id hashes to, and everything that changes a credential (a reset redeemed, a password set, every session
 * revoked) changes rows of that one account in one local transaction. What makes it right is that a secret is
 * usable exactly as long and as often as promised: a reset token is redeemed once, by one conditional write; a
 * password change retires every session issued before it; no endpoint tells an attacker which accounts exist; and
 * no account or address gets more guesses than its window allows.
 *
 * Facts, checked against primary sources:
 * - OWASP Password Storage Cheat Sheet: store passwords with a slow, salted hash; Argon2id with at least 19 MiB of
 *   memory, 2 iterations and parallelism 1; scrypt if Argon2id is unavailable; bcrypt for legacy systems with a work
 *   factor of 10 or more (and its 72-byte input limit); PBKDF2 where FIPS-140 is required. Fast hashes such as
 *   SHA-256 are unfit for passwords.
 * - OWASP Forgot Password Cheat Sheet: answer a reset request with the same message, in the same time, whether or
 *   not the account exists; send the reset by a side channel (an emailed link); tokens random from a
 *   cryptographically secure generator, long enough to resist guessing, stored securely, single use and expiring;
 *   change nothing on the account (no lockout) until a valid token is presented.
 * - OWASP Authentication Cheat Sheet (login throttling): count failed logins against the account itself, not only the
 *   source address, so guesses spread over many addresses still count; a lockout has a threshold, an observation
 *   window and a duration, and may grow exponentially from about a second; care that lockout cannot be used to deny
 *   a user service (allow the reset path while locked). AWS Cognito's documented scheme: after 5 failed attempts a
 *   1 s lockout that doubles per failure up to 15 minutes.
 * - OWASP Credential Stuffing Prevention Cheat Sheet: MFA (conditional on risk), CAPTCHA on suspicious attempts,
 *   temporary IP block-listing kept apart from per-user failure counts, device fingerprinting, checking passwords
 *   against known breaches, notifying users.
 * - OWASP ASVS 4 (V7.2.3 / session management): a reference token for a session carries at least 128 bits from a
 *   CSPRNG; OWASP's Session Management Cheat Sheet asks at least 64 bits of entropy and renewing the id on login.
 * - OAuth 2.0 Security BCP and RFC 6819: refresh-token rotation issues a new refresh token on each use, and a used
 *   one presented again is treated as theft, revoking the whole family (Auth0, PingOne document the same).
 * - RFC 7519 (JWT): a token must not be accepted on or after its "exp" time, and "jti" is a unique identifier of the
 *   token, so a denylist of revoked ids need keep each entry only until that token's exp; a verifier that checks only
 *   the signature and exp accepts a revoked token until it expires.
 * - DynamoDB global tables settle concurrent writes to one item in two regions by last writer wins, so a single-use
 *   flag must be written in one region only (the card's DynamoDB row says the same).
 * Planning figures (a verify's CPU time, logins per account a day, row sizes) are assumptions, said in their rows.
 */

const T = "auth" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a reset token redeemed on two sides, or a password change a login does not see, lets the wrong person in, so an account's home shard cut off from its majority refuses credential changes rather than accept them twice",
} as const;

export const AUTH_ENTITIES = [
  {
    name: "UserAccount",
    description:
      "One person's account under its user id: the normalised email (unique), the password hash (argon2id, its salt and parameters in one PHC string), a credential_version raised by every password change, optional MFA enrolment and the time a lockout ends; it lives on the shard its user id hashes to, in the account's home region.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "ResetToken",
    description:
      "One password-reset request of an account: the SHA-256 hash of a 128-bit random token (the token itself is only ever in the emailed link), when it expires (minutes), and used_at, set by the one redemption that consumes it; kept beside its account on the account's shard.",
    stance: STANCE,
    truth: true,
    topic: T,
  },
  {
    name: "UserSession",
    description:
      "One signed-in device of an account: the hash of its opaque session id (or of its refresh token), the user id, the credential_version it was issued under, idle and absolute expiries, and the refresh-token family it rotates in; refused once revoked or once the account's credential_version has moved past it.",
    truth: true,
    topic: T,
  },
  {
    name: "AttemptCounter",
    description:
      "Failed sign-in and reset attempts counted in sliding windows per account, per source IP and per network (ASN): the count in the current and previous window and the time the back-off ends; soft state that expires with its window.",
    truth: false,
    topic: T,
  },
] as const;

export const AUTH_WRITES = [
  {
    action:
      "redeem a reset token: one conditional write marks the ResetToken used where used_at is empty and expires_at is still ahead, and in the same transaction sets the new password hash and raises the account's credential_version",
    entity: "ResetToken",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "set a password (sign-up, a change or a redeemed reset): store the salted argon2id hash of the new password and raise the account's credential_version in one transaction on the account's shard",
    entity: "UserAccount",
    shape: "overwrite current value",
    mechanism: "transaction",
    critical: true,
    topic: T,
  },
  {
    action:
      "request a password reset: store the hash of a new 128-bit random token with a short expiry for the email's account, mail the link, and answer the same whether or not the email has an account",
    entity: "ResetToken",
    shape: "create target",
    mechanism: "insert-primary",
    critical: true,
    topic: T,
  },
  {
    action:
      "sign in: once the attempt limits admit the request, verify the password against the account's argon2id hash and create a UserSession under the account's current credential_version",
    entity: "UserSession",
    shape: "create target",
    mechanism: "insert-primary",
    critical: true,
    topic: T,
  },
  {
    action:
      "count a failed attempt in the sliding windows of its account, its source IP and its network, and back off the account with a delay that doubles per failure up to a cap",
    entity: "AttemptCounter",
    shape: "overwrite current value",
    mechanism: "atomic-counter",
    critical: true,
    topic: T,
  },
  {
    action:
      "sign out or revoke a session: one conditional write sets revoked_at on the UserSession (only ever from empty, and no refresh or renewal clears it) and consumes its refresh family; where access tokens are signed, add the token's id (jti) to a denylist every verifier checks until the token's own expiry",
    entity: "UserSession",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "rotate a refresh token: one conditional write consumes the presented token and issues the next in its family; a consumed token presented again revokes the whole family",
    entity: "UserSession",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
] as const;

export const AUTH_READS = [
  {
    action:
      "check a session on each request: look the session id's hash up in the session store (or verify a short-lived signed access token) and refuse it when revoked, expired or older than the account's credential_version",
    entity: "UserSession",
    shape: "read source",
    staleness:
      "none for an opaque session read from the session store; a signed access token stays usable after a revocation until its id reaches the verifiers' denylist, and at most until its own expiry (minutes), which bounds how stale a token check may be",
    topic: T,
  },
] as const;

/** The rule that is the prompt's "never used twice": a single-use secret consumed by one conditional write. */
const ONCE =
  "A reset token is never used twice, because its redemption is one conditional write on the account's shard that sets ResetToken.used_at only while it is empty and expires_at is ahead, so of two concurrent redemptions exactly one updates the row and the other is refused.";
const RETIRE =
  "A redeemed reset sets the new password hash and raises UserAccount.credential_version in the same transaction that consumes the token, so every UserSession and refresh token issued under the older version is refused from then on.";
const LIMITS =
  "Every sign-in or reset attempt is checked against the failure windows of its account and of its source address before a password hash is verified, so no account and no address gets more guesses than its window allows, however the guesses are spread.";
const NO_ENUMERATION =
  "A reset request and a failed sign-in answer the same, in about the same time, whether or not the email has an account, so neither endpoint tells an attacker which accounts exist.";
/** The rule a sign-out keeps (its stated ask quoted through `says`, card.ts). */
export const AUTH_SIGNED_OUT =
  "A signed-out or revoked session is never accepted again: sign-out sets UserSession.revoked_at and consumes its refresh family in one conditional write that nothing undoes, and every session check reads it; a signed access token is refused once its id (jti) is on the denylist every verifier holds, each entry kept until the token's own expiry, so a revoked token stops working as soon as the denylist reaches the verifiers rather than living out its lifetime.";
const HASHED =
  "Only a hash of each secret is stored: passwords as salted argon2id (or bcrypt) hashes, reset tokens and session ids as SHA-256 hashes of 128 random bits, so a copy of the database yields no usable credential.";

export const AUTH_INVARIANTS = [ONCE, RETIRE, AUTH_SIGNED_OUT, LIMITS, NO_ENUMERATION, HASHED];

/** The mechanism that keeps each of the credential service's rules (`keptBy` on the card's invariant marks). */
export const AUTH_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [ONCE]: "guarded-transition",
  [RETIRE]: "transaction",
  [LIMITS]: "atomic-counter",
  [AUTH_SIGNED_OUT]: "guarded-transition",
};

export const AUTH_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "one account's redemptions, password changes and revocations apply in one order on its home shard; accounts are independent",
  },
  exclusivity: {
    scope: "key",
    why: "only the primary of the shard that owns an account consumes its reset tokens, so two redemptions of one token are serialised there",
  },
  coordination: {
    scope: "none",
    why: "a token, its account and the credential_version that retires the account's sessions live on one shard and change in one local transaction",
  },
} as const;

export const AUTH_FAILURES = [
  {
    failure:
      "Two redemptions of one reset link race (a double click, or an attacker who read the link) and both set a password",
    role: "truth",
    prevention:
      "Redeem by one conditional write (used_at empty and expires_at ahead) on the account's primary, in the transaction that sets the hash; only one statement updates the row",
    repair:
      "The loser gets 410 Gone, the same answer as an expired link; the account's owner is emailed that the password changed",
    topic: T,
  },
  {
    failure:
      "Credential stuffing: leaked email and password pairs are tried across many accounts from thousands of addresses",
    role: "truth",
    prevention:
      "Windows per source IP and per network catch the volume, the per-account window catches guesses spread over many addresses, and a risky attempt must pass a CAPTCHA or an MFA step; passwords found in breach lists are refused at reset",
    repair:
      "Force a reset on accounts whose password was used in the wave, revoke their sessions by raising credential_version, and notify their owners",
    topic: T,
  },
  {
    failure: "An attacker locks a victim out by failing sign-ins on purpose",
    role: "truth",
    prevention:
      "Back off with a delay that doubles per failure from about a second to a cap of about 15 minutes instead of a permanent lock, and let the reset path work while the account is backed off",
    repair: "The back-off lapses on its own; support can clear an account's counter",
    topic: T,
  },
  {
    failure: "The attempt limiter's store is unreachable, so no attempt can be counted",
    role: "derived",
    prevention:
      "Reset requests and redemptions fail closed (refused, try again later); sign-in degrades to each auth node's own in-memory limits plus a CAPTCHA on every attempt, rather than admitting unlimited guesses",
    repair:
      "The counters are soft state: a restored limiter starts from empty windows, and the node-local limits carried the gap",
    topic: T,
  },
  {
    failure:
      "A region fails while it is the home of accounts whose reset tokens are in flight, or two regions both accept a redemption",
    role: "truth",
    prevention:
      "Each account's shard has one leader, in its home region, that takes every credential write; other regions forward to it, and no region merges a token's rows by last writer wins",
    repair:
      "A new leader is taken only from replicas that hold every committed redemption, so a consumed token stays consumed and an unused one still works",
    topic: T,
  },
  {
    failure:
      "A signed access token keeps working after its session is signed out, because verifiers check only its signature and expiry",
    role: "truth",
    prevention:
      "Keep access tokens to a few minutes, and put a signed-out token's id (jti) on a denylist pushed to every verifier and kept until the token's expiry, or carry the session's credential_version in the token and refuse one older than the account's",
    repair:
      "Raise the account's credential_version, which refuses every token and refresh token issued before it, and push the denylist again to a verifier that missed it",
    topic: T,
  },
  {
    failure: "A stolen refresh token is used by the thief and by the real client",
    role: "truth",
    prevention:
      "Each refresh consumes its token by a conditional write and issues the next; the second use finds the token consumed",
    repair: "Revoke the whole refresh family, so both parties must sign in again and the thief's copy dies",
    topic: T,
  },
] as const;

export const AUTH_BOTTLENECKS = [
  {
    bottleneck:
      "Password hashing: every sign-in burns tens of milliseconds of a core on a memory-hard hash, so the auth fleet is sized by CPU, not by requests",
    mitigation:
      "Check the attempt limits before hashing so refused guesses cost no hash, keep sessions long so people sign in rarely, and tune the argon2id cost to the fleet's measured verify time",
    formula: {
      yields: "cores busy verifying password hashes at peak",
      expression: "peak_requests_per_sec * hash_cpu_seconds",
      unit: "cores",
    },
    topic: T,
  },
  {
    bottleneck:
      "A credential-stuffing wave multiplies sign-in attempts, and every one of them is a limiter check before it is refused",
    mitigation:
      "Refuse at the edge by IP and network reputation first, keep each counter one small key with a window expiry, and shard the limiter's store by key",
    formula: {
      yields: "limiter checks a second during an attack",
      expression: "peak_requests_per_sec * attack_factor",
      unit: "checks/s",
    },
    topic: T,
  },
] as const;

export const AUTH_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "PostgreSQL shards by user id (a primary with a synchronous replica each)",
    layer: "storage",
    fits: "One shard per account, holding its reset tokens too. An UPDATE that sets used_at only where used_at is null and expires_at is ahead reports one row or none. It runs in the transaction that sets the new hash and credential_version",
    suits: ["linearizable", "durable", "rich-queries"],
    poorFor: ["multi-region", "elastic-scale"],
    caveat:
      "Resharding is ours to run; an email-to-user-id lookup needs its own table, sharded by the email's hash, written with the account",
    topic: T,
  },
  {
    product: "Amazon DynamoDB (single-region table per home region)",
    layer: "storage",
    fits: "Consumes a token by a conditional update (used_at must not exist and the expiry must be ahead), written in one transaction with the account's new hash and credential_version",
    suits: ["durable", "elastic-scale", "operational-simplicity"],
    poorFor: ["multi-region", "rich-queries"],
    caveat:
      "Global tables in their default eventual mode settle concurrent writes to one item by last writer wins, so credential writes stay in the account's home region, unless the table runs in the multi-Region strong consistency mode, which refuses a write that conflicts with one in another Region",
    topic: T,
  },
  {
    product: "Redis (sliding-window counters and the session store)",
    layer: "serving",
    fits: "Atomic increments with expiries per window key for the attempt limits, and session records read in well under a millisecond on every request",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["durable", "linearizable"],
    caveat:
      "Replication is asynchronous, so a failover may forget recent counts or sessions: counts are soft state, and a lost session only signs its device out",
    topic: T,
  },
];

export const AUTH_COMPONENTS: ComponentSpec[] = [
  {
    id: "clients",
    name: "Clients (web and mobile sign-in)",
    kind: "client",
    runs: ["sign in", "request reset", "redeem reset", "refresh"],
    because: "the browser or app holds the session cookie or refresh token and follows the emailed reset link",
    topic: T,
  },
  {
    id: "auth-api",
    name: "Auth service (stateless; verifies argon2id hashes, issues sessions)",
    kind: "service",
    runs: ["sign in", "request reset", "redeem reset", "refresh", "check session"],
    because:
      "one stateless fleet checks the limits, verifies hashes on its own CPUs and writes credentials on the account's home shard",
    topic: T,
  },
  {
    id: "limiter",
    name: "Attempt limiter (sliding windows per account, IP and network)",
    kind: "service",
    holds: ["AttemptCounter"],
    runs: ["check windows", "count a failure", "back off an account"],
    because:
      "failed attempts must be counted across every auth node, per account and per source, before a hash is spent",
    topic: T,
  },
  {
    id: "account-db",
    name: "Account store (sharded by user id, a replicated group per shard led from the account's home region)",
    kind: "replica-group",
    holds: ["UserAccount", "ResetToken"],
    runs: ["conditional redeem", "set hash and credential_version", "insert reset token"],
    because:
      "a token, its account and the credential_version that retires the account's sessions change together in one local transaction on the account's shard",
    topic: T,
  },
  {
    id: "session-store",
    name: "Session store (session and refresh-token hashes, by session id)",
    kind: "service",
    holds: ["UserSession"],
    runs: ["create session", "check session", "rotate refresh token", "revoke"],
    because: "every request checks its session here, so it is an in-memory store keyed by the session id's hash",
    topic: T,
  },
  {
    id: "mail-relay",
    name: "Reset mail relay (sends each new token's link once)",
    kind: "worker-pool",
    runs: ["send reset link", "retry the provider"],
    because: "the request answers at once and the same for every email; the link goes out afterwards, off the request",
    topic: T,
  },
  {
    id: "mail-provider",
    name: "Email provider (delivers reset links)",
    kind: "external",
    runs: ["deliver email"],
    because: "the reset link reaches the person through their mailbox, a side channel the attacker does not hold",
    topic: T,
  },
];

export const AUTH_LINKS: LinkSpec[] = [
  { from: "clients", to: "auth-api", kind: "request", label: "sign in / reset / refresh", topic: T },
  { from: "auth-api", to: "limiter", kind: "request", label: "check and count attempts", topic: T },
  { from: "auth-api", to: "partition-map", kind: "request", label: "which shard owns each account", topic: T },
  { from: "auth-api", to: "account-db", kind: "request", label: "hash read, conditional redeem", topic: T },
  { from: "auth-api", to: "session-store", kind: "request", label: "create, check, revoke sessions", topic: T },
  { from: "mail-relay", to: "account-db", kind: "request", label: "tokens not yet mailed", topic: T },
  { from: "mail-relay", to: "mail-provider", kind: "request", label: "send the reset link", topic: T },
];

export const AUTH_API: ApiSpec[] = [
  {
    operation: "sign in",
    call: "POST /v1/sessions",
    request: ["email", "password", "captcha or MFA code (when asked)"],
    response: ["session cookie (opaque id), or an access token and a refresh token"],
    errors: [
      "401 invalid email or password (the same for an unknown email)",
      "429 too many attempts, with Retry-After",
      "403 CAPTCHA or MFA step required",
    ],
    guarantee: "no hash is verified past the account's or the address's window; a new session id on every sign-in",
    topic: T,
  },
  {
    operation: "request reset",
    call: "POST /v1/password-resets",
    request: ["email"],
    response: ["202 accepted: the same body whether or not the email has an account"],
    errors: ["429 too many reset requests for this email or address"],
    guarantee: "says nothing about whether the account exists; a link is mailed only to an account's own email",
    topic: T,
  },
  {
    operation: "redeem reset",
    call: "POST /v1/password-resets/redeem",
    request: ["user_id", "token (from the link)", "new password"],
    response: ["204 password changed: sign in again"],
    errors: ["410 link used or expired (one answer for both)", "422 password too weak or found in a breach list"],
    guarantee:
      "consumes the token at most once, and sets the new hash and credential_version in the same transaction, which signs out every device",
    topic: T,
  },
  {
    operation: "refresh",
    call: "POST /v1/sessions/refresh",
    request: ["refresh_token"],
    response: ["access_token (minutes)", "refresh_token (the next in its family)"],
    errors: ["401 refresh token already used: its whole family is revoked"],
    guarantee: "each refresh token works once; its reuse signs out every holder of the family",
    topic: T,
  },
  {
    operation: "sign out",
    call: "DELETE /v1/sessions/{session_id}",
    request: ["session_id"],
    response: ["204"],
    errors: [],
    guarantee: "idempotent; the session is refused on every later request",
    topic: T,
  },
];

export const AUTH_DATA: DataSpec[] = [
  {
    entity: "UserAccount",
    key: ["user_id"],
    fields: [
      "email (normalised)",
      "password_hash (argon2id PHC string: salt and parameters)",
      "credential_version",
      "mfa_secret (optional, encrypted)",
      "locked_until",
      "created_at",
    ],
    indexes: ["email → user_id (unique; its own table sharded by the email's hash)"],
    partitionKey: "hash(user_id)",
    owner: "account-db",
    topic: T,
  },
  {
    entity: "ResetToken",
    key: ["user_id", "token_hash"],
    fields: ["expires_at", "used_at (empty until redeemed)", "mailed_at", "requested_from (IP)"],
    indexes: ["(mailed_at is empty) for the mail relay", "expires_at for clean-up"],
    partitionKey: "hash(user_id)",
    owner: "account-db",
    topic: T,
  },
  {
    entity: "UserSession",
    key: ["session_id_hash"],
    fields: ["user_id", "credential_version", "refresh_family", "idle_expires_at", "absolute_expires_at", "revoked_at"],
    indexes: ["user_id (sign out everywhere)"],
    partitionKey: "hash(session_id_hash)",
    owner: "session-store",
    topic: T,
  },
  {
    entity: "AttemptCounter",
    key: ["scope (account | ip | network)", "scope_key", "window_start"],
    fields: ["failures", "backoff_until"],
    indexes: [],
    partitionKey: "hash(scope_key)",
    owner: "limiter",
    topic: T,
  },
];

export const AUTH_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Redeem a reset token once",
    notation:
      "clients>auth-api[redeem with user id, token and new password] -> auth-api>limiter[check the redeem windows for the account and the address {under every limit}] -> auth-api>account-db[in one transaction: mark the token used, set the new argon2id hash and raise credential_version {used_at is empty and expires_at > now}] -> account-db>auth-api[one row updated] -> auth-api>session-store[revoke the account's sessions] -> auth-api>clients[password changed, sign in again] |-> auth-api>clients[410 link used or expired {no row updated}] => done | reject",
    topic: T,
  },
  {
    name: "Sign in under the attempt limits",
    notation:
      "clients>auth-api[email and password] -> auth-api>limiter[check the failure windows of the account, the address and the network {under every limit}] -> limiter>auth-api[admitted] -> auth-api>account-db[read the hash and credential_version] -> account-db>auth-api[hash] -> auth-api[verify with argon2id {hash matches}] -> auth-api>session-store[create a session at the credential_version] -> auth-api>clients[new session] |-> auth-api>limiter[count the failure and back off the account {hash does not match}] => done | reject",
    topic: T,
  },
  {
    name: "Request a reset without telling who exists",
    notation:
      "clients>auth-api[email] -> auth-api>limiter[check the reset windows of the email and the address {under every limit}] -> auth-api>account-db[insert a token hash with its expiry {an account has this email}] -> auth-api>clients[202, the same answer either way] -> mail-relay>account-db[read tokens not yet mailed] -> mail-relay>mail-provider[send the link once] => done | retry",
    topic: T,
  },
];

/**
 * The credential service's figures: accounts stored, sign-ins at peak, the CPU the password hashes take and the auth
 * nodes that CPU needs, limiter checks under attack, reset emails a second and the session store's size.
 */
export const AUTH_CAPACITY: CapacityModel = {
  inputs: [
    inp("users", 100000000, "a large consumer service keeps on the order of a hundred million accounts"),
    {
      quantity: "logins_per_user_per_day",
      label: "sign-ins per account a day",
      unit: "logins/day",
      typical: 1,
      why: "sessions last days, so an account signs in about once a day across its devices (a planning figure)",
    },
    {
      quantity: "requests_per_sec",
      typical: 1000,
      why: "sign-ins a second",
      from: { expression: "users * logins_per_user_per_day / 86400", why: "each account's sign-ins spread over a day" },
    },
    inp("peak_factor"),
    inp("target_utilisation"),
    inp("replicas"),
    {
      quantity: "hash_cpu_seconds",
      label: "CPU time of one password verify",
      unit: "s",
      typical: 0.05,
      why: "argon2id at or above OWASP's floor (19 MiB, 2 passes), or bcrypt at cost 10 to 12, takes tens of milliseconds of one core; 50 ms is a planning figure to measure on the fleet's CPUs",
    },
    {
      quantity: "cores_per_auth_node",
      label: "cores of one auth node",
      unit: "cores",
      typical: 16,
      why: "a common general-purpose instance (a planning figure)",
    },
    {
      quantity: "account_bytes",
      label: "bytes of one account with its email lookup and indexes",
      unit: "B",
      typical: 1000,
      why: "ids, a normalised email twice (row and lookup), a ~100-byte argon2id string, flags and index overhead: about a kilobyte",
    },
    {
      quantity: "attack_factor",
      label: "sign-in attempts during a credential-stuffing wave, as a multiple of the normal peak",
      unit: "x",
      typical: 10,
      why: "a stuffing wave can send several times the service's own sign-in peak (a planning figure)",
    },
    {
      quantity: "resets_per_user_per_day",
      label: "password resets per account a day",
      unit: "resets/day",
      typical: 0.001,
      why: "about one account in a thousand resets its password on a given day (a planning figure)",
    },
    {
      quantity: "sessions_per_user",
      label: "live sessions per account",
      unit: "sessions",
      typical: 2,
      why: "a phone and a browser (a planning figure)",
    },
    {
      quantity: "session_bytes",
      label: "bytes of one session record",
      unit: "B",
      typical: 200,
      why: "a 32-byte id hash, the user id, credential_version, family and expiries, with the store's per-key overhead",
    },
  ],
  figures: [
    fig("peak_logins", "sign-ins a second at peak", "peak", "requests_per_sec * peak_factor", "logins/s"),
    fig(
      "hash_cores",
      "cores busy verifying password hashes at peak",
      "hotspot",
      "requests_per_sec * peak_factor * hash_cpu_seconds",
      "cores",
    ),
    fig(
      "auth_nodes",
      "auth nodes, by the CPU the password hashes take",
      "count",
      "requests_per_sec * peak_factor * hash_cpu_seconds / (cores_per_auth_node * target_utilisation)",
      "nodes",
      true,
    ),
    fig(
      "limiter_checks",
      "limiter checks a second during a credential-stuffing wave",
      "hotspot",
      "requests_per_sec * peak_factor * attack_factor",
      "checks/s",
    ),
    fig("account_store_bytes", "accounts stored, across replicas", "storage", "users * account_bytes * replicas", "B"),
    fig(
      "reset_emails",
      "reset emails a second at peak",
      "rate",
      "users * resets_per_user_per_day / 86400 * peak_factor",
      "emails/s",
    ),
    fig("session_store_bytes", "live sessions held", "storage", "users * sessions_per_user * session_bytes", "B"),
  ],
};

export const AUTH_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-auth-session",
    topic: T,
    question:
      "Keep sessions as opaque ids in a session store, or as short-lived signed access tokens with refresh tokens?",
    options: [
      {
        id: "opaque-session",
        name: "an opaque random session id whose hash is looked up in the session store on each request",
        buys: "revocation takes effect on the next request: signing out, a reset or a raised credential_version is seen at once",
        costs: "every request reads the session store, which must be fast and up wherever the service is",
        winsWhen: "one service (or a few behind one gateway) checks the sessions, and revocation must be immediate",
      },
      {
        id: "signed-tokens",
        name: "a signed access token of a few minutes, verified without a lookup, and a rotating single-use refresh token",
        buys: "services check a token by its signature alone, with no session store on their path, across many services and domains",
        costs:
          "a revoked access token stays usable until it expires unless every verifier checks a denylist of revoked token ids, so its lifetime (or the denylist's spread) is the revocation delay; refresh tokens need rotation and reuse detection",
        winsWhen: "many services or other domains accept the sign-in (single sign-on, mobile APIs)",
        wins: [
          {
            words:
              "\\b(?:refresh tokens?|access tokens?|jwts?|json web tokens?|sso|single sign-on|oauth|openid|oidc|bearer tokens?)\\b",
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:refresh tokens?|access tokens?|jwts?|json web tokens?|sso|single sign-on|oauth|openid|oidc|bearer tokens?)\b`,
          },
        ],
        option: "signed-tokens",
        because: "the prompt asks for tokens other services check (refresh tokens, single sign-on)",
      },
    ],
    fallback: {
      option: "opaque-session",
      because: "an opaque session is revoked on the next request, which a reset that must sign out every device needs",
    },
  },
  {
    id: "i16-auth-limiter-down",
    topic: T,
    question: "What do the auth paths do while the attempt limiter cannot be reached?",
    options: [
      {
        id: "split",
        name: "fail closed for resets, degrade sign-in to each node's own limits plus a CAPTCHA",
        buys: "people can still sign in, and no path admits unlimited guesses",
        costs:
          "node-local limits let an attacker spread guesses over nodes, so the CAPTCHA carries the gap; resets wait",
        winsWhen: "sign-in must stay up and resets can wait minutes",
      },
      {
        id: "fail-closed",
        name: "fail closed everywhere: refuse sign-ins and resets until the limiter is back",
        buys: "no attempt is ever uncounted",
        costs: "a limiter outage signs nobody in: the limiter becomes as critical as the account store",
        winsWhen: "an uncounted guess costs more than an outage (high-value accounts with no second factor)",
        // the prompt says so, or states that the sign-in paths fail closed
        wins: [{ any: [{ words: GUESS_COSTS_MORE }, { nfr: "availability", in: ["fail-closed"], stated: true }] }],
      },
    ],
    rules: [],
    fallback: {
      option: "split",
      because:
        "a reset can wait while a sign-in outage locks everyone out, and node-local limits with a CAPTCHA keep guesses bounded meanwhile",
    },
  },
  {
    id: "i16-auth-regions",
    topic: T,
    question: "Across regions, where may an account's credentials be written?",
    options: [
      {
        id: "home-region",
        name: "a single home region per account for every credential write",
        buys: "a token is consumed in one place, so single use holds, while other regions forward credential writes and serve sessions near the person",
        costs:
          "a redemption from far away pays a round trip to the home region, and a home region's loss waits for a new leader elsewhere",
        winsWhen: "a secret must be used at most once",
      },
      {
        id: "multi-writer",
        name: "every region writes and merges by last writer wins",
        buys: "writes stay local and keep going through a region's loss",
        costs:
          "two regions can each consume the same token before they hear of each other, so a token may be used twice",
        winsWhen: "the state written holds no single-use secret and the newest write may simply win",
      },
    ],
    rules: [],
    fallback: {
      option: "home-region",
      because: "a merge by last writer wins would let two regions each redeem one token, which the rule forbids",
    },
  },
];

/** What a credential design must draw and must not (coherence `auth-shape`). */
export const AUTH_SHAPE = {
  entities: ["UserAccount", "ResetToken", "UserSession"],
  once: /\bnever used twice\b/i,
  hashCost: "auth_nodes",
  /** Residue of a design that merges concurrent writes, which would let two regions each consume one token. */
  residue:
    /\b(?:last[- ]writer[- ]wins|sibling|version vectors?|conflict rule merges?|merged by the design's conflict rule)\b/i,
} as const;
