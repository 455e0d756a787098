import type { z } from "zod";
import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { MechanismId } from "../../mechanisms/catalog.js";
import type { Technology } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Key-scoped state whose subject is a one-time code (topic "one-time-code", knowledge/topics.ts): a verification code
 * or one-time password sent by text or email for a sign-in, a phone check or a confirmation, or a single-use sign-in
 * link. Each code is one record keyed by (destination, purpose) that holds only a keyed hash of the code, its expiry, a
 * count of wrong guesses and when it was used; issuing a new code replaces the record, so only the newest code is live.
 * A verify is one conditional write that checks the record is unused, unexpired and under its attempt limit, counts the
 * guess and, when the hash matches, marks it used, so two verifies of one code never both succeed and the limit holds
 * under races. Sends are counted per destination, per source address and per number prefix before a code is made, and
 * the text or email leaves through outside providers from a send job that carries the same code on every retry. What
 * makes it right is that a code is accepted at most once, within its validity and its guesses; signing people in with
 * passwords and sessions is the auth subject's (I16/auth.ts), which this one may serve as a second factor.
 *
 * Facts, checked:
 * - RFC 4226 (HOTP): a code is HMAC-SHA-1 over a counter, dynamically truncated to at least 6 decimal digits (errata
 *   5792: at most 9); the validation server must throttle, with a limit on failed attempts per user (it recommends a
 *   small number such as 10 or fewer), since a 6-digit code is guessed with probability attempts / 10^6.
 * - RFC 6238 (TOTP): HOTP over the count of time steps since the Unix epoch, a 30-second step recommended; the verifier
 *   may accept a few steps either side for clock drift (two steps back is about 89 s of drift at 30 s), should accept
 *   at most one step back for network delay, and must refuse a second use of a code already accepted, which means
 *   remembering the last step used per user.
 * - NIST SP 800-63B: a verifier limits consecutive failed attempts on one account to no more than 100, and an
 *   out-of-band or one-time code is at least 6 decimal digits; throttling may add CAPTCHAs and growing waits.
 * - Twilio Verify (twilio.com/docs/verify): a code is valid 10 minutes by default; starting a verification again while
 *   one is pending sends the same code; TOTP factors allow 5 attempts; Fraud Guard blocks SMS pumping by geography
 *   and by anomalies in send rates. SMS pumping (attackers triggering texts to premium numbers they are paid for) and
 *   per-number limits (a few sends per number in ten minutes) are described by Telnyx's Verify security guide too.
 * - Auth0 passwordless (auth0/docs): only the last code issued is accepted, a used code is void, three failed inputs
 *   void it, and a longer validity should come with a longer code.
 * - DynamoDB: a conditional UpdateItem checks and changes one item atomically; TTL deletes expired items late (within
 *   days), so a read checks expires_at itself; global tables settle concurrent writes by last writer wins.
 * - Redis replication is asynchronous, so a failover can lose writes the primary acknowledged; WAIT does not make
 *   Redis strongly consistent. Amazon MemoryDB keeps a Redis-compatible store durable with a multi-AZ transaction log
 *   that a write is committed to before it is acknowledged.
 * Planning figures (verifies per code, record sizes, writes per issue, sends per destination a day, an SMS's price,
 * a provider call's time) are assumptions, said in their rows.
 */

const T = "one-time-code" as const;
type TechnologyInput = z.input<typeof Technology>;

const STANCE = {
  consistency: "linearizable",
  availability: "fail-closed",
  because:
    "a code accepted by a second verify, or a guess counted on a replica that a failover loses, lets the wrong person in, so each code is checked and spent by one conditional write on its home that a majority acknowledges; a store cut off from its majority refuses verifies, and the person asks for a new code",
} as const;

export const OTP_ENTITIES = [
  {
    name: "OneTimeCode",
    stance: STANCE,
    description:
      "The live code of one (destination, purpose), the destination a phone number or email kept as its keyed hash: a code_id made anew by every issue, the code's HMAC-SHA-256 under a server key and that key's version (never the code in clear), expires_at, attempts (wrong guesses so far), used_at and the request id of the verify that used it, the issue's request id, and resend_after for the cooldown.",
    truth: true,
    topic: T,
  },
  {
    name: "SendWindow",
    description:
      "Sends counted in a time window per scope (one destination, one source address, one number prefix or country), with the time the next resend is allowed; soft state that expires with its window.",
    truth: false,
    topic: T,
  },
  {
    name: "SendJob",
    description:
      "One code's delivery, keyed by its code_id: destination, channel, the code encrypted under a data key (so a retry sends the same code), the provider tried, the provider's message id and its receipt, attempts and state; deleted once sent and at the code's expiry at the latest.",
    truth: true,
    topic: T,
  },
  {
    name: "TotpFactor",
    description:
      "One person's authenticator-app factor: the shared secret encrypted under a data key, the last time step accepted (so a code is never taken twice) and the wrong guesses since the last success.",
    truth: true,
    topic: T,
  },
] as const;

export const OTP_WRITES = [
  {
    action:
      "verify a code: one conditional write on the (destination, purpose) record raises attempts and, where the submitted code's HMAC equals the stored one, sets used_at and the verify's request id, only while used_at is empty, expires_at is ahead and attempts are under the limit",
    entity: "OneTimeCode",
    shape: "state transition",
    mechanism: "guarded-transition",
    critical: true,
    topic: T,
  },
  {
    action:
      "issue a code: once the send windows admit it, replace the (destination, purpose) record with a new code_id, the HMAC of a fresh random code, expires_at and attempts at zero, and write its send job in the same transaction; an issue request id already recorded returns the first code_id and sends nothing",
    entity: "OneTimeCode",
    shape: "overwrite current value",
    mechanism: "idempotency-key",
    critical: true,
    topic: T,
  },
  {
    action:
      "count a send in the windows of its destination, its source address and its number prefix, refusing it inside the resend cooldown or past a window's cap",
    entity: "SendWindow",
    shape: "overwrite current value",
    mechanism: "token-bucket",
    critical: true,
    topic: T,
  },
  {
    action:
      "send a code: a sender claims the due send job, calls the provider with the same code under the send id, records the provider's message id, and moves the job to the secondary provider after a timeout",
    entity: "SendJob",
    shape: "state transition",
    mechanism: "transactional-outbox",
    hidden: true,
    topic: T,
  },
  {
    action:
      "expire codes and send jobs past expires_at, while every verify compares expires_at itself rather than trust the sweep",
    entity: "OneTimeCode",
    shape: "state transition",
    mechanism: "ttl-expiry",
    hidden: true,
    topic: T,
  },
] as const;

export const OTP_READS = [
  {
    action: "show whether a code was sent and when a resend is allowed, from the record's home",
    entity: "OneTimeCode",
    shape: "read source",
    staleness:
      "none for the code itself, which is only ever read and spent at its home; the delivery receipt may trail the provider by seconds",
    topic: T,
  },
] as const;

/** The prompt's "can be used exactly once": the spoken rule. */
const USED_ONCE =
  "A code is accepted at most once: the verify that accepts it sets used_at on its OneTimeCode in the same conditional write that finds it unused, unexpired and under its attempt limit, so two verifies of one code never both succeed.";
const ATTEMPT_CAP =
  "No OneTimeCode takes more wrong guesses than its attempt limit: every verify raises attempts in the conditional write that compares the hash, and a code at the limit is refused without being compared.";
const EXPIRES =
  "A OneTimeCode past expires_at is refused by the verify itself, whether or not the store's time-to-live sweep has removed it yet.";
const NEWEST_ONLY =
  "Only the newest code of a destination and purpose is live: an issue replaces the OneTimeCode with a new code_id, so an earlier code, even one delivered late, is refused.";
const ONE_CODE_PER_REQUEST =
  "A retried issue never sends a second live code: the issue's request id, kept on the OneTimeCode, returns the first code_id, and a SendJob retried on any provider carries the same code under the same send id.";
const NEVER_IN_CLEAR =
  "No code is stored in clear: the OneTimeCode keeps an HMAC of it under a server key held apart from the store, and the delivery's encrypted copy is deleted once the provider accepts it or the code expires.";
const SEND_CAPS =
  "Sends to one destination, from one source address and to one number prefix stay within their SendWindow caps and the resend cooldown, checked before a code is made.";

export const OTP_INVARIANTS = [
  USED_ONCE,
  ATTEMPT_CAP,
  EXPIRES,
  NEWEST_ONLY,
  ONE_CODE_PER_REQUEST,
  NEVER_IN_CLEAR,
  SEND_CAPS,
];

/** The mechanism that keeps each of the code's rules (`keptBy` on the card's invariant marks). */
export const OTP_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [USED_ONCE]: "guarded-transition",
  [ATTEMPT_CAP]: "guarded-transition",
  [EXPIRES]: "ttl-expiry",
  [NEWEST_ONLY]: "version-check",
  [ONE_CODE_PER_REQUEST]: "idempotency-key",
  [SEND_CAPS]: "token-bucket",
};

export const OTP_SCOPES = {
  topic: T,
  ordering: {
    scope: "key",
    why: "the issues and verifies of one destination and purpose apply in one order on its record's home; destinations are independent",
  },
  exclusivity: {
    scope: "key",
    why: "one code is spent by one conditional write on its own record, so two verifies of it are serialised there",
  },
  coordination: {
    scope: "key",
    why: "a code, its guesses and its send job live under one destination's key and change in one local write; only the send windows of an address or a prefix are shared across destinations",
  },
} as const;

export const OTP_FAILURES = [
  {
    failure:
      "Two verifies of the same code race (a double tap, or an attacker who read the code) and both are told it is right",
    role: "truth",
    prevention:
      "Spend the code in one conditional write that sets used_at only while it is empty, so the second finds it used; never read the record, compare in the service and write back",
    repair: "Nothing to repair: the loser is refused, and a session issued from a code is tied to its code_id",
    topic: T,
  },
  {
    failure:
      "Guesses sent in parallel each read attempts below the limit, so a code takes more wrong guesses than it allows",
    role: "truth",
    prevention:
      "Raise attempts inside the same conditional write that checks it is under the limit, and count failures per destination across codes too, so requesting new codes does not reset the guessing",
    repair: "Void the destination's live code and require a fresh issue after a cooling-off period",
    topic: T,
  },
  {
    failure:
      "The verify succeeds but its reply is lost, and the app's retry is told the code was already used, so a person who typed the right code is refused",
    role: "truth",
    prevention:
      "Every verify carries a request id; the write that spends the code records it, and a retry with the same id is answered with the first success instead of a refusal",
    repair: "The person asks for a new code; no second success is ever given to a different request id",
    topic: T,
  },
  {
    failure:
      "The store fails over and the new primary lacks the latest used flag or guess count, so a used code works again or a code gets fresh guesses",
    role: "truth",
    prevention:
      "Acknowledge a verify only after a majority of the record's replicas hold it, and raise a store epoch on failover that voids every code issued before it wherever that cannot be promised",
    repair: "Codes are short-lived: a voided code costs one resend, never a second use",
    topic: T,
  },
  {
    failure:
      "The SMS provider is slow or down, so codes arrive late or never and sign-in stalls; a retry to another provider must not send a second, different code",
    role: "external effect",
    prevention:
      "Time out each provider call, move the send job to the secondary provider with the same code under the same send id, and route each country to the provider that delivers there best",
    repair:
      "Show the person a resend after the cooldown, which reuses the live code, and offer email or a voice call when texts keep failing",
    topic: T,
  },
  {
    failure:
      "SMS pumping: bots request codes for premium-rate numbers in ranges the attacker is paid for, running up the text bill with codes nobody verifies",
    role: "external effect",
    prevention:
      "Cap sends per destination, per source address and per number prefix, allow only the countries the service serves, put a challenge in front of sends from new devices, and alarm on prefixes whose codes are sent but not verified",
    repair:
      "Block the pumped prefixes and countries at once, refund with the provider where it offers protection, and lower the caps",
    topic: T,
  },
  {
    failure: "A code leaks from a database dump, a log line or a support tool, and is replayed within its validity",
    role: "truth",
    prevention:
      "Store only the code's HMAC under a key held in a key service apart from the database, keep the send job's copy encrypted and delete it once sent, and never log a code",
    repair: "Rotate the HMAC key by version, which voids every live code, and ask people to request new ones",
    topic: T,
  },
  {
    failure:
      "A phone or server clock drifts, so an authenticator code falls outside the accepted time steps and a right code is refused",
    role: "truth",
    prevention:
      "Keep servers on NTP, accept one step back for network delay, and record each person's observed drift when a code matches a neighbouring step",
    repair: "Let the person enter a second consecutive code to resynchronise the drift recorded for them",
    topic: T,
  },
  {
    failure:
      "An email security scanner opens every link in a message, so a sign-in link is used up before the person clicks it",
    role: "truth",
    prevention:
      "Opening the link shows a confirm page and spends nothing; only the person's confirm (a POST) redeems it, in the conditional write that sets used_at",
    repair: "The person asks for a new link",
    topic: T,
  },
] as const;

export const OTP_BOTTLENECKS = [
  {
    bottleneck: "Code store writes at peak: every issue, send-window count and guess is a write on the record's home",
    mitigation:
      "Partition by the destination's hash, keep the send windows in memory beside the store, and refuse sends past a window before any store write",
    formula: {
      yields: "code store writes a second at peak",
      expression: "codes_per_sec * writes_per_issue + codes_per_sec * verifies_per_code",
      unit: "writes/s",
    },
    topic: T,
  },
  {
    bottleneck:
      "Provider throughput and cost: texts per second are capped per sender and per account, and every text is paid for",
    mitigation:
      "Spread sends over two providers and several senders per country, and stop pumping before it reaches the provider",
    topic: T,
  },
] as const;

/**
 * Products, checked: DynamoDB (docs.aws.amazon.com): condition expressions make an UpdateItem all or nothing on one
 * item; TTL deletes late. Amazon MemoryDB (docs.aws.amazon.com/memorydb): Redis-compatible, writes committed to a
 * multi-AZ transaction log before they are acknowledged. Redis (redis.io, replication): asynchronous replication, and
 * WAIT does not make a write strongly consistent.
 */
export const OTP_TECHNOLOGIES: TechnologyInput[] = [
  {
    product: "DynamoDB (codes table keyed by destination hash and purpose, conditional updates, TTL)",
    layer: "storage",
    fits: "A verify is one UpdateItem whose condition checks used_at, expires_at, attempts and the HMAC, and the issue writes the code and its send job in one TransactWriteItems; TTL removes expired codes",
    suits: ["durable", "linearizable", "high-throughput", "operational-simplicity"],
    poorFor: ["multi-region"],
    caveat:
      "TTL deletes late, so the verify checks expires_at itself; global tables in their default eventual mode settle concurrent writes by last writer wins, so a code is spent in one region only, unless the table runs in the multi-Region strong consistency mode, which refuses a write that conflicts with one in another Region",
    topic: T,
  },
  {
    product: "Amazon MemoryDB (Redis-compatible, a multi-AZ transaction log)",
    layer: "storage",
    fits: "The verify runs as one Lua script (check, count, spend) at memory speed, and a write is acknowledged only after the multi-AZ log holds it, so a failover keeps every used flag",
    suits: ["low-latency", "durable", "high-throughput"],
    poorFor: ["low-cost", "multi-region"],
    caveat:
      "Each write pays the log's commit, so writes are slower than plain Redis; the send windows may live in plain Redis, where losing a count only loosens a cap for a moment",
    topic: T,
  },
  {
    product: "Redis with replicas (send windows and cooldowns)",
    layer: "serving",
    fits: "Counters per destination, address and prefix with a time-to-live, raised atomically in the send path",
    suits: ["low-latency", "high-throughput"],
    poorFor: ["durable", "linearizable"],
    caveat:
      "Replication is asynchronous, so a failover may lose the latest counts or used flags: fit for soft send limits, not for the codes themselves unless a failover voids every code issued before it",
    topic: T,
  },
  {
    product: "Two SMS providers (for example Twilio Programmable Messaging and Vonage), email through an ESP",
    layer: "serving",
    fits: "Two providers with routes per country take the sends, so one provider's outage or a bad route in one country does not stop sign-in",
    suits: ["stay-available", "high-throughput"],
    poorFor: ["low-cost"],
    caveat:
      "Providers cap texts per second per sender and per account, and a managed verification product would replace the code store this design builds",
    topic: T,
  },
];

export const OTP_COMPONENTS: ComponentSpec[] = [
  {
    id: "otp-clients",
    name: "Apps and sign-in pages (a request id per issue and verify)",
    kind: "client",
    runs: ["ask for a code", "submit a code", "ask for a resend"],
    because:
      "a client makes each request's id once and resends it unchanged on a retry, so a lost reply never costs a second code or a refused right answer",
    topic: T,
  },
  {
    id: "otp-service",
    name: "Code service (stateless: issue, verify, resend)",
    kind: "service",
    runs: ["check the send windows", "make a code and its HMAC", "verify by one conditional write"],
    because: "every issue and verify is one write on the destination's own record, so any instance can take it",
    topic: T,
  },
  {
    id: "send-limits",
    name: "Send windows (counters per destination, address and prefix, in memory)",
    kind: "store",
    holds: ["SendWindow"],
    runs: ["count a send", "hold the resend cooldown"],
    because:
      "a send is refused before any code is made or paid for when its destination, address or prefix is past its cap",
    topic: T,
  },
  {
    id: "code-store",
    name: "Code store (partitioned by destination hash; a majority acknowledges each write; TTL)",
    kind: "replica-group",
    holds: ["OneTimeCode", "SendJob", "TotpFactor"],
    runs: ["conditional update", "issue and send job in one transaction", "expire codes"],
    because: "a used flag or a guess counted must survive a failover, or a code works twice",
    topic: T,
  },
  {
    id: "otp-keys",
    name: "Key service (the versioned HMAC key and the data key for send jobs)",
    kind: "external",
    runs: ["hand the code service its keys by version"],
    because: "the key lives apart from the store, so a copy of the store alone reveals no code",
    topic: T,
  },
  {
    id: "code-senders",
    name: "Senders (claim send jobs, call a provider under the send id)",
    kind: "worker-pool",
    runs: ["claim a due send job", "call the provider", "fail over to the secondary provider"],
    because:
      "the text leaves outside the transaction, retried with the same code until a provider accepts it or the code expires",
    topic: T,
  },
  {
    id: "sms-providers",
    name: "SMS and email providers (primary and secondary, routed per country)",
    kind: "external",
    runs: ["deliver the text or email", "report a delivery receipt"],
    because: "delivery is an outside effect the service pays for per message and cannot take back",
    topic: T,
  },
  {
    id: "fraud-monitor",
    name: "Fraud monitor (sends without verifies per prefix and country)",
    kind: "control-loop",
    runs: ["compare sends with verifies per prefix", "block pumped ranges"],
    because: "pumping shows as codes sent to a range that are never verified, which no single request reveals",
    topic: T,
  },
];

export const OTP_LINKS: LinkSpec[] = [
  { from: "otp-clients", to: "otp-service", kind: "request", label: "issue, verify (request id)", topic: T },
  { from: "otp-service", to: "send-limits", kind: "request", label: "count the send, check the cooldown", topic: T },
  {
    from: "otp-service",
    to: "code-store",
    kind: "request",
    label: "issue with its send job; conditional verify",
    topic: T,
  },
  { from: "otp-service", to: "otp-keys", kind: "request", label: "HMAC and data keys by version", topic: T },
  {
    from: "code-senders",
    to: "code-store",
    kind: "request",
    label: "claim send jobs, record the message id",
    topic: T,
  },
  { from: "code-senders", to: "sms-providers", kind: "request", label: "send the code under the send id", topic: T },
  { from: "sms-providers", to: "code-senders", kind: "callback", label: "delivery receipts", topic: T },
  { from: "fraud-monitor", to: "send-limits", kind: "control", label: "block prefixes, lower caps", topic: T },
];

export const OTP_API: ApiSpec[] = [
  {
    operation: "issue code",
    call: "POST /v1/codes",
    request: ["request_id", "destination", "purpose", "channel (sms, email, voice)"],
    response: ["code_id", "expires_at", "resend_after"],
    errors: [
      "429 resend cooldown or a send window's cap (retry after resend_after)",
      "422 destination refused (a blocked prefix or country)",
    ],
    guarantee:
      "one live code per destination and purpose: a new issue voids the old code; a repeated request_id returns the first code_id and sends nothing",
    topic: T,
  },
  {
    operation: "verify code",
    call: "POST /v1/codes/verify",
    request: ["request_id", "destination", "purpose", "code"],
    response: ["verified", "attempts_left", "code_id"],
    errors: ["410 used, expired or replaced by a newer code", "429 attempt limit reached (ask for a new code)"],
    guarantee:
      "at most one verify ever succeeds per code, within its attempt limit; a repeated request_id gets the first answer",
    topic: T,
  },
  {
    operation: "redeem sign-in link",
    call: "POST /v1/links/redeem",
    request: ["request_id", "token"],
    response: ["verified", "destination", "purpose"],
    errors: ["410 link used, expired or replaced"],
    guarantee:
      "opening the link spends nothing; the confirm redeems it once, and a repeated request_id gets the first answer",
    topic: T,
  },
  {
    operation: "verify authenticator code",
    call: "POST /v1/totp/verify",
    request: ["request_id", "user_id", "code"],
    response: ["verified", "time_step"],
    errors: ["401 wrong code or a step already used", "429 attempt limit reached"],
    guarantee: "each time step is accepted at most once per person, within one step of drift either side",
    topic: T,
  },
];

export const OTP_DATA: DataSpec[] = [
  {
    entity: "OneTimeCode",
    key: ["destination_hash", "purpose"],
    fields: [
      "code_id",
      "code_hmac",
      "key_version",
      "expires_at",
      "attempts",
      "used_at",
      "verify_request_id",
      "issue_request_id",
      "resend_after",
    ],
    indexes: ["expires_at (TTL)"],
    partitionKey: "destination_hash",
    owner: "code-store",
    topic: T,
  },
  {
    entity: "SendWindow",
    key: ["scope (destination, address or prefix)", "window_start"],
    fields: ["sends", "cooldown_until"],
    indexes: [],
    partitionKey: "scope",
    owner: "send-limits",
    topic: T,
  },
  {
    entity: "SendJob",
    key: ["code_id"],
    fields: [
      "destination",
      "channel",
      "code_ciphertext",
      "provider",
      "provider_message_id",
      "attempts",
      "state",
      "next_attempt_at",
      "expires_at",
    ],
    indexes: ["(state, next_attempt_at)"],
    partitionKey: "code_id",
    owner: "code-store",
    topic: T,
  },
  {
    entity: "TotpFactor",
    key: ["user_id"],
    fields: ["secret_ciphertext", "last_step_used", "failed_attempts", "drift_steps", "enrolled_at"],
    indexes: [],
    partitionKey: "user_id",
    owner: "code-store",
    topic: T,
  },
];

export const OTP_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Verify a code once",
    notation:
      "otp-clients>otp-service[verify with request id and the typed code] -> otp-service[HMAC the typed code under the record's key version] -> otp-service>code-store[one conditional write: attempts + 1, and used_at with the request id when the HMACs are equal {OneTimeCode.used_at = null and expires_at > now and attempts < limit}] -> otp-service>otp-clients[verified or attempts left] |-> otp-service>otp-clients[the first answer again {OneTimeCode.verify_request_id = this request id}] => done | reject",
    topic: T,
  },
  {
    name: "Issue a code once",
    notation:
      "otp-clients>otp-service[ask for a code with request id] -> otp-service>send-limits[count the send for the destination, the address and the prefix {each window under its cap and resend_after passed}] -> otp-service>code-store[one transaction: replace the record with a new code_id and the fresh code's HMAC, attempts 0, and put its send job {issue request id not yet recorded}] -> otp-service>otp-clients[code_id and resend_after] |-> otp-service>otp-clients[429 wait {a window at its cap or inside the cooldown}] => done | reject",
    topic: T,
  },
  {
    name: "Send a code through a provider",
    notation:
      "code-senders>code-store[claim a due send job {SendJob.state = pending and its code_id is still the record's}] -> code-senders>sms-providers[send the same code under the send id] -> sms-providers>code-senders[accepted with a message id] -> code-senders>code-store[mark sent, drop the code's copy] |-> code-senders>sms-providers[the same code to the secondary provider {no acceptance before the timeout}] => done | retry",
    topic: T,
  },
  {
    name: "Redeem a sign-in link",
    notation:
      "otp-clients>otp-service[open the link: a confirm page, nothing spent] -> otp-clients>otp-service[confirm with the token and a request id] -> otp-service>code-store[one conditional write: set used_at {the token's HMAC matches and used_at = null and expires_at > now}] -> otp-service>otp-clients[signed in] |-> otp-service>otp-clients[410 link used or expired {used_at set or expires_at passed}] => done | reject",
    topic: T,
  },
  {
    name: "Verify an authenticator code",
    notation:
      "otp-clients>otp-service[verify the person's current code with a request id] -> otp-service[compute the codes of the current time step and one step either side from the decrypted secret] -> otp-service>code-store[one conditional write: last_step_used = the matching step {matching step > TotpFactor.last_step_used and failed_attempts < limit}] -> otp-service>otp-clients[verified] |-> otp-service>otp-clients[refused, that step was already used {matching step <= last_step_used}] => done | reject",
    topic: T,
  },
];

/** The code's figures: sends, live codes, their bytes, store writes, guesses, senders and the text bill. */
export const OTP_CAPACITY: CapacityModel = {
  inputs: [
    inp("requests_per_sec"),
    inp("users", 50000000, "a planning figure: a large consumer service has tens of millions of people who get codes"),
    {
      quantity: "codes_per_user_per_day",
      label: "codes one person is sent a day on average",
      unit: "codes/day",
      typical: 0.2,
      why: "a planning figure: a person signs in or confirms something with a code about once every five days",
    },
    {
      quantity: "send_peak_ratio",
      label: "ratio of the peak sends a second to the day's average",
      unit: "x",
      typical: 3,
      why: "a planning figure: sign-ins crowd into the waking hours, so a day's sends average about a third of the peak",
    },
    {
      quantity: "codes_per_sec",
      typical: 2000,
      why: "a planning figure: a large consumer service sends a couple of thousand codes a second at its peak",
      from: [
        {
          expression: "requests_per_sec",
          why: "each stated sign-up or sign-in asks for one code, at the rate the prompt states",
        },
        {
          expression: "users * codes_per_user_per_day / 86400 * send_peak_ratio",
          why: "the stated people, each sent a code now and then, over a day, at the peak's ratio to the average",
        },
      ],
    },
    {
      quantity: "code_valid_seconds",
      typical: 300,
      why: "five minutes is a common validity for a texted code (Twilio Verify's default is ten)",
    },
    {
      quantity: "attempt_limit",
      typical: 5,
      why: "five wrong guesses per code is a common cap (Twilio Verify's TOTP factors allow 5), well under NIST's 100",
    },
    {
      quantity: "code_digits",
      label: "decimal digits of one code",
      unit: "digits",
      typical: 6,
      why: "six digits is the least RFC 4226 and NIST SP 800-63B allow, and what people type without trouble",
    },
    {
      quantity: "verifies_per_code",
      label: "verify calls made per code sent (typos included)",
      unit: "verifies",
      typical: 1.2,
      why: "a planning figure: most codes are typed right once, some after a typo, and some never",
    },
    {
      quantity: "writes_per_issue",
      label: "store writes per code issued (the record, its send job, sent and receipt)",
      unit: "writes",
      typical: 4,
      why: "the issue writes the record and its send job in one transaction, and the sender records the send and its receipt",
    },
    {
      quantity: "code_record_bytes",
      label: "bytes of one code record with its send job",
      unit: "B",
      typical: 400,
      why: "a destination hash, the HMAC, times, counters, request ids and the send job's encrypted code and provider ids, with index overhead",
    },
    {
      quantity: "sends_per_destination_per_day",
      label: "codes one destination may be sent a day (its daily cap)",
      unit: "codes/day",
      typical: 10,
      why: "a planning cap: a person rarely needs more than a few codes a day, and the cap bounds guessing across codes",
    },
    {
      quantity: "price_per_message_usd",
      label: "price of one text",
      unit: "USD",
      typical: 0.01,
      why: "a planning figure: a text to a US number costs on the order of a cent, international routes several times more",
    },
    {
      quantity: "provider_call_seconds",
      label: "time one provider call takes to accept a text",
      unit: "s",
      typical: 0.3,
      why: "a planning figure: a provider's send API answers in a few hundred milliseconds",
    },
    {
      quantity: "calls_per_sender",
      label: "provider calls one sender keeps in flight",
      unit: "calls",
      typical: 100,
      why: "a planning figure: an asynchronous HTTP client holds about a hundred calls open at once",
    },
    inp("replicas"),
    inp("target_utilisation"),
    inp(
      "store_node_ops_per_sec",
      20000,
      "a node that logs every write and has a majority acknowledge it serves on the order of tens of thousands of small conditional writes a second (a planning figure; measure it on the chosen store)",
    ),
  ],
  figures: [
    fig(
      "live_codes",
      "codes live at once (the peak held for a whole validity)",
      "count",
      "codes_per_sec * code_valid_seconds",
      "codes",
    ),
    fig(
      "code_store_bytes",
      "bytes of every live code across replicas",
      "storage",
      "codes_per_sec * code_valid_seconds * code_record_bytes * replicas",
      "B",
    ),
    fig("verify_calls_per_sec", "verify calls a second at peak", "peak", "codes_per_sec * verifies_per_code", "req/s"),
    fig(
      "code_store_writes",
      "code store writes a second at peak (issues, send jobs and guesses)",
      "peak",
      "codes_per_sec * writes_per_issue + codes_per_sec * verifies_per_code",
      "writes/s",
    ),
    fig(
      "code_store_shards",
      "code store shards by writes at the planned load",
      "count",
      "(codes_per_sec * writes_per_issue + codes_per_sec * verifies_per_code) / (store_node_ops_per_sec * target_utilisation)",
      "shards",
      true,
    ),
    fig(
      "guess_odds_per_code",
      "chance that guessing wins one code (attempts ÷ 10^digits)",
      "count",
      "attempt_limit / 10 ^ code_digits",
      "fraction",
    ),
    fig(
      "daily_guess_odds",
      "chance that guessing wins a destination's codes in a day at its daily cap",
      "count",
      "attempt_limit * sends_per_destination_per_day / 10 ^ code_digits",
      "fraction",
    ),
    fig(
      "code_senders",
      "senders to hold the peak's provider calls in flight",
      "count",
      "codes_per_sec * provider_call_seconds / (calls_per_sender * target_utilisation)",
      "senders",
      true,
    ),
    fig(
      "messages_cost_per_day",
      "text bill a day (a day's average sends, the peak over its ratio to the average)",
      "rate",
      "codes_per_sec / send_peak_ratio * 86400 * price_per_message_usd",
      "USD/day",
    ),
  ],
};

export const OTP_DECISIONS: DecisionPoint[] = [
  {
    id: "i16-otp-factor",
    topic: T,
    question:
      "Send a random code and keep its hash, let an authenticator app compute codes (TOTP), or send a signed single-use link?",
    options: [
      {
        id: "sent-code",
        name: "a random numeric code sent by text or email, its HMAC kept with an expiry, a guess count and a used flag",
        buys: "works for any phone or inbox with nothing to install, and proves the person holds that number or address",
        costs:
          "every code is a paid message through a provider, open to SMS pumping, interception by SIM swap, and delivery delays",
        winsWhen: "the prompt sends codes by text or email, or verifies a phone number or address",
        wins: [{ words: String.raw`\b(?:sms|texts?|texted|texting|phones?|e-?mail(?:ed)?|voice call)\b` }],
        implies: {
          draws: [
            "issue code",
            "verify code",
            "Issue a code once",
            "Verify a code once",
            "Send a code through a provider",
            "SendJob",
            "code-senders",
            "sms-providers",
            "fraud-monitor",
          ],
          excludes: [String.raw`\bauthenticator\b`, String.raw`\bsign-in links?\b`],
        },
      },
      {
        id: "totp",
        name: "TOTP in an authenticator app (RFC 6238): a shared secret per person, codes from 30-second steps, the last step used kept",
        buys: "no message to send or pay for and no per-code record; nothing to pump or intercept in transit",
        costs:
          "the person must enrol an app first, clocks must agree within a step or two, and a lost phone needs a recovery path",
        winsWhen: "the prompt names authenticator apps or time-based codes",
        wins: [
          {
            words: String.raw`\b(?:authenticator(?: apps?)?|totp|time[- ]based (?:one[- ]time )?(?:codes?|passwords?)|google authenticator|authy|rfc ?6238)\b`,
          },
        ],
        implies: {
          draws: ["verify authenticator code", "Verify an authenticator code", "TotpFactor"],
          excludes: [String.raw`\bsign-in links?\b`, String.raw`\bSMS pumping\b`, String.raw`\bSMS provider\b`],
        },
      },
      {
        id: "magic-link",
        name: "a signed single-use sign-in link by email, its token's HMAC kept like a code",
        buys: "nothing to type, and 128 random bits that no attempt limit needs to protect",
        costs:
          "email is slower than a text, and a scanner that opens links must not spend them, so redeeming needs a confirm",
        winsWhen: "the prompt names magic links or sign-in links",
        wins: [{ words: String.raw`\b(?:magic[- ]links?|(?:sign|log)[- ]?in links?|e-?mail(?:ed)? links?)\b` }],
        implies: {
          draws: [
            "issue code",
            "redeem sign-in link",
            "Issue a code once",
            "Redeem a sign-in link",
            "Send a code through a provider",
            "SendJob",
            "code-senders",
            "sms-providers",
            "fraud-monitor",
          ],
          excludes: [String.raw`\bauthenticator\b`],
        },
      },
    ],
    rules: [],
    fallback: {
      option: "sent-code",
      because:
        "a one-time code service sends codes to a number or address the person has, which an authenticator app cannot prove",
    },
  },
  {
    id: "i16-otp-length",
    topic: T,
    question: "Six-digit codes, or eight, against the attempt limit and the codes a destination may get a day?",
    options: [
      {
        id: "six",
        name: "six-digit codes",
        buys: "quick to read and type, and the fewest mistyped verifies",
        costs: "a million possible codes: each allowed guess is one chance in a million",
        winsWhen: "the attempt limit times the daily cap of codes stays well under one in ten thousand a day",
      },
      {
        id: "eight",
        name: "eight-digit codes",
        buys: "a hundred times fewer lucky guesses for the same attempt limit and validity",
        costs: "slower to type and more typos, so more verify calls",
        winsWhen: "a guesser's odds reach one in ten thousand a day or more",
        wins: [{ number: "daily_guess_odds", atLeast: 0.0001 }],
      },
    ],
    rules: [
      {
        when: [{ number: "daily_guess_odds", atLeast: 0.0001 }],
        option: "eight",
        because: "the attempts and daily codes allowed give guessing odds of one in ten thousand a day or more",
      },
    ],
    fallback: {
      option: "six",
      because: "the attempt limit and the daily cap keep a guesser's odds far below one in ten thousand a day",
    },
  },
  {
    id: "i16-otp-store",
    topic: T,
    question:
      "Keep codes in a store where a majority acknowledges each write, or in memory with asynchronous replicas that void every code on failover?",
    options: [
      {
        id: "majority",
        name: "a store where a majority of the record's replicas acknowledges each issue and verify",
        buys: "a failover never loses a used flag or a counted guess, so no code works twice",
        costs: "each verify waits for the majority's acknowledgement, a millisecond or a few",
        winsWhen: "a code must be used at most once and its guesses capped even across a failover",
        usedBy: ["DynamoDB"],
        implies: { preferTechnology: ["DynamoDB", "MemoryDB"] },
      },
      {
        id: "memory-void",
        name: "an in-memory primary with asynchronous replicas, raising a store epoch on failover that voids every code issued before it",
        buys: "the lowest latency and cost per verify",
        costs: "every failover sends everyone with a live code back to ask for a new one, and texts are paid for twice",
        winsWhen: "the prompt asks for an in-memory store and accepts resending codes after a failover",
        wins: [{ words: String.raw`\b(?:in[- ]memory|redis)\b` }],
      },
    ],
    rules: [],
    fallback: {
      option: "majority",
      because:
        "a code used exactly once and a guess limit that holds need the used flag and the count to survive a failover",
    },
  },
  {
    id: "i16-otp-region",
    topic: T,
    question:
      "Keep each destination's codes in one home region, or replicate them by consensus across regions so a region's loss keeps live codes?",
    options: [
      {
        id: "home-region",
        name: "one home region per destination: a verify that lands elsewhere is forwarded there",
        buys: "every spend is a local conditional write, and no two regions can accept one code",
        costs: "a region's loss voids its live codes until people ask for new ones in another region",
        winsWhen: "codes live minutes, so re-issuing after a region's loss is cheap",
      },
      {
        id: "multi-region-consensus",
        name: "codes replicated by consensus across regions (Spanner-like), spent by a majority of regions",
        buys: "a region's loss keeps every live code usable",
        costs: "every issue and verify pays a round trip between regions",
        winsWhen: "a region's loss must not cost people their live codes",
        wins: [
          {
            words: String.raw`\b(?:surviv\w* (?:a |the )?(?:loss of a |)region\w*|region(?:al)? (?:outages?|failures?|loss)|active[- ]active)\b`,
          },
        ],
      },
    ],
    rules: [],
    fallback: {
      option: "home-region",
      because:
        "a code lives minutes, so asking again after a region's loss costs less than a round trip between regions on every verify",
    },
  },
  {
    id: "i16-otp-provider",
    topic: T,
    question: "Send through one SMS provider, or two with failover and routes per country?",
    options: [
      {
        id: "failover",
        name: "two providers, routed per country, with failover of a send job to the secondary under the same code",
        buys: "one provider's outage or a bad route in one country does not stop sign-in",
        costs: "two contracts and sender registrations, and receipts to reconcile from both",
        winsWhen: "sign-in must keep working through a provider's outage",
      },
      {
        id: "single",
        name: "one provider",
        buys: "one integration and one bill",
        costs: "that provider's outage stops every code until it recovers",
        winsWhen: "the prompt names one provider and accepts its outages",
        wins: [{ words: String.raw`\b(?:one|a single|only one) (?:sms )?providers?\b` }],
      },
    ],
    rules: [],
    fallback: {
      option: "failover",
      because: "codes gate sign-in, so a provider's outage must not stop every code",
    },
  },
];

/** What a one-time code design must draw and must not (coherence `one-time-code-shape`). */
export const OTP_SHAPE = {
  entities: ["OneTimeCode"],
  /** A field that would keep the code itself, not its keyed hash. */
  clear: /^(?:code|otp|passcode|one_time_code|code_plain\w*|plain\w*_code)$/i,
  once: /\baccepted at most once\b/i,
  live: "live_codes",
  /** Residue of a generic key-value store or a password sign-in service in a one-time code design. */
  residue:
    /\b(?:last[- ]writer[- ]wins|sibling|version vectors?|hinted handoff|merkle|partition map|password hash\w*|argon2\w*|reset tokens?)\b/i,
} as const;
