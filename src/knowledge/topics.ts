import { TOPIC_LITERALS } from "./generated/topic-literals.js";
import { LazyLiteralIndex } from "./pattern-literals.js";
import type { MechanismId } from "./schema.js";
import { FILES_ON_DEVICES, kindsUnlike } from "./signals/kinds.js";

/**
 * Subject matters and shapes a card keeps rows for that only some designs of its archetype are about. A
 * workflow with an external effect may move money (a payment, a refund) or may not (a webhook, an email): the
 * ledger and card-capture rows belong to the first only. A queue may be a replayable log read by offset, or a
 * work queue that leases each message to one worker until it is acked: offsets belong to the first only.
 * A registry may track services, nodes and workers, or people: whether a user shows as online, away or busy,
 * and when they were last seen, belongs to the second only. A workflow's outside call may go to a provider we
 * use, or to endpoints our customers register (webhooks, callback URLs): endpoint subscriptions, per-endpoint
 * queues and signed deliveries belong to the second only. A workflow's outside effect may also be a push to people's
 * phones through the platform services (APNs, FCM): a registry of device tokens per user, app and platform, the
 * user's preferences and quiet hours, a fan-out to every device and a sender per platform belong to it, and the
 * saga's compensation (a refund, a void) and the lookup of an outcome by our key (neither service has one) do not.
 * A key-value store may be the system of record, or a cache (whose copies may be evicted and refilled), or the
 * database a cache tier fronts (a cache in front of a profile database): hinted handoff, Merkle-tree repair,
 * tombstones and sessions that force a user to sign in again belong to a system of record only, and a store behind a
 * cache is drawn as that database, without counters.
 * A shared subject may be a document many people edit, or an instrument's order book on an exchange: a matching
 * engine keeps one sequencer per symbol that applies a sequenced order log to an in-memory book by price-time
 * priority and publishes executions, and transformed edits, presence and snapshots of a document belong to the first only.
 * Replicated storage may be a file system or object store of its own, or the block store under a file-sync product
 * (Dropbox): there the product's metadata journal owns names and versions, and the substrate keeps immutable blocks by
 * hash, so paths, appends and a leased primary belong to the first only.
 * A limit may count requests over time (1,000 a minute per key) or cap those in flight at once (at most 50 concurrent
 * requests to a database): a concurrency slot acquired and released around each request belongs to the second only.
 * A workflow's outside effect may also be an email to a person's mailbox: a send API over templates, a suppression list
 * checked on accept and fed by bounces and complaints, per-recipient-domain queues paced under each domain's limits,
 * a DKIM signer and a pool of sending MTAs belong to it, and the saga's compensation does not.
 * A notification that may go out by push, email or text (several channels named) is routed per channel: a channel
 * router, a sender and gateway per channel and contact points that each channel's gateway can declare dead.
 * A search index may project records for queries over their words, or suggest completions as people type
 * (autocomplete): each prefix's top-k precomputed offline into a versioned snapshot served from memory belongs to the
 * second, and change capture from a source database to the first.
 * A frontier scan may walk a keyspace we own (a backfill, a re-validation sweep) or fetch other people's web pages (a
 * crawler, a link checker): per-host politeness state (robots.txt rules, crawl-delay, one fetch in flight, the time
 * the next fetch is allowed), a host-partitioned URL frontier with front and back queues, a DNS cache and fetchers
 * belong to the second, and a pass with leased, checkpointed shards that must cover the keyspace to the first.
 * Money may move through an outside party (a charge, a payout) or between accounts the system keeps itself (a bank's
 * ledger sharded by account): accounts with balances and limits, a transfer record under a transfer id, a double-entry
 * journal and the protocol that spans two shards belong to the second only, and no provider is called.
 * An exclusive claim may be a lock on a resource (acquire, release) or the leadership of a named election: candidates
 * campaign, the winner proclaims itself and fences with its revision, and the rest observe the leader (etcd's v3
 * election API, ZooKeeper's election recipe); campaign, observe and resign calls belong to the second only.
 * A shared subject may be a long text (OT or CRDTs merge edits inside it) or a board of objects (a whiteboard, a design
 * canvas): there one server per board keeps the last value it sequenced for each property of each object, siblings are
 * ordered by fractional keys, and cursors ride the board's own connections, never a presence registry.
 * A time-series pipeline may monitor a server fleet (scraped targets, alert rules) or store readings devices push
 * (IoT): a device buffers offline and sends late, so samples within an out-of-order window are accepted, each series
 * belongs to a registered device, and alert rules and scraping belong to the first only.
 * Proximity search may find objects that move (drivers, couriers: positions overwritten every few seconds) or places
 * that stay put (restaurants, shops): business records are the authority, the cell index is derived from them, and
 * no position updates arrive; the second is spoken only where no moving thing is.
 * Counted events may be billed (ad clicks charged per click) or not (trending hashtags, page views): a fraud row
 * that bills an advertiser, and billing readers, belong to the first only.
 * An execution fleet may serve trained models online (a model inference platform): immutable model versions in a
 * registry, a gateway routing by each model's traffic split to replicas holding models in memory behind a dynamic
 * batcher, canary rollouts and their rollback belong to it, and a cluster manager's tasks and attempts do not.
 * An execution fleet may run functions per invocation (serverless, Lambda-like) or jobs, builds and submissions: an
 * invocation router, an invoke call and a managed function platform belong to the first only.
 * A calendar may place meetings among people (free/busy over each invitee's calendar belongs to it) or hold a guest
 * list's RSVPs; a social graph may let people follow accounts (one account can gather a large share of all users as
 * followers) or join small groups of friends, which have no such vertex. Both are read from the prompt alone.
 * A configuration's clients may be a fleet of servers (watch streams, node agents that report what they applied) or
 * app installs on people's devices: a manifest fetched through a CDN on each open, baked-in defaults and the last good
 * snapshot on the device, and a kill switch outside any rollout belong to the second only (archetypes/I11/app-config.ts).
 * A topic may yield to another (`TOPIC_YIELDS`): a payment system that also sends a push keeps money as its subject.
 * A card marks such an entity, read path or failure row with the topic it needs (`topic`) or the topic it
 * cannot coexist with (`unlessTopic`); the design keeps the rows that fit what the prompt speaks of.
 */
export const TOPIC_VALUES = [
  "money",
  "work-queue",
  "user-presence",
  "webhook",
  "push",
  "kv-cache",
  "cache",
  "cache-aside",
  "read-through",
  "partner-channels",
  "order-book",
  "file-sync",
  "in-flight",
  "email",
  "multi-channel",
  // a count of people's own likes comes before the shown count it refines, so its capacity model is found first
  "reaction",
  "shown-count",
  "top-k",
  "aggregation",
  "billed",
  "vector-search",
  "typeahead",
  // before "crawl": a crawl whose politeness holds per site takes its own capacity model and scopes first
  "polite-site",
  "fraud-scoring",
  "crawl",
  "ledger",
  "election",
  "lasting-ownership",
  "object-store",
  "workflow-engine",
  "cdc",
  "cdc-cache",
  "cdc-mysql",
  "cdc-warehouse",
  "mysql-binlog",
  "stream-processor",
  "whiteboard",
  "iot",
  "places",
  "distributed-sql",
  "logs",
  "traces",
  "model-serving",
  "untrusted-code",
  "functions",
  "media-store",
  // before "feature-flags": flags for app installs on people's devices are the app config subject
  "app-config",
  "feature-flags",
  "dns",
  "deploy-rollout",
  "proxy-config",
  "in-memory",
  "leaderboard",
  "dag-workflow",
  "psp",
  "tiered-log",
  "auction",
  "ad-exchange",
  "game-server",
  "video-conference",
  "auth",
  "one-time-code",
  "secrets",
  "relationship-authz",
  "cart",
  "login-session",
  "storage-engine",
  "job-slots",
  "media-pipeline",
  "backup",
  "answer-credit",
  "keyed-order",
  "meetings",
  "followers",
  // a sale's crowd before the availability map it browses, so a booking's capacity model for the crowd is found first
  "on-sale",
  "availability-map",
  "waiting-room",
  "audit-log",
  // points earned and kept as lots that expire a set time after they are earned (features/stored-value.ts); before
  // the earned currency's topics, so its capacity model (lots, expiry sweep) is the one found first
  "expiring-points",
  // an in-app currency users earn by acting on the platform, and one they only earn (never buy): features/stored-value.ts
  "earned-currency",
  "earned-currency-only",
  // amounts in more than one currency, each kept in its own (features/shared-expenses.ts)
  "currencies",
] as const;
export type Topic = (typeof TOPIC_VALUES)[number];

/** A database's committed row changes captured from its log and carried to other stores (change data capture). */
/**
 * The captured database is MySQL or a MySQL-compatible server, read from its binary log by GTID: one set of words for
 * both change-capture subjects that ask it ("cdc-mysql" under "cdc", "mysql-binlog" under "cdc-warehouse").
 */
const MYSQL_SOURCE_WORDS = String.raw`\b(?:mysql|mariadb|percona(?: server)?|aurora mysql|binlogs?|binary logs?|gtids?)\b`;
const CDC_WORDS = String.raw`\b(?:change[- ]data[- ]capture|cdc|debezium|logical (?:replication|decoding)|replication slots?|(?:binlog|wal) (?:tailing|streaming)|tail(?:s|ing)? the (?:binlog|wal|write-ahead log)|(?:stream|replicat|captur|propagat|mirror|ship)\w* (?:[\w-]+ ){0,2}changes (?:from|out of|into|to)|(?:postgres\w*|mysql|mariadb|mongodb|oracle|sql server|database|db)(?: row)? changes)\b`;

/**
 * A sale that opens to a crowd at once: tickets going on sale, a concert's fans, a flash sale or limited drop. Only
 * such a sale brings more buyers in its first minutes than the inventory's rows take conditional writes, which is what
 * a waiting room meters; a shop reserving stock or a restaurant taking reservations has steady demand.
 */
const ON_SALE_WORDS = String.raw`\b(?:on[- ]?sales?|(?:go|goes|going|went) on sale|tickets?|ticketing|ticketmaster|eventbrite|stubhub|seatgeek|bookmyshow|concerts?|fans(?! out| (?:each|every|it|them|messages?|events?|posts?|writes?|requests?|data|updates?)\b)|flash[- ]sales?|(?:sneaker|limited[- ]edition|limited|product) drops?|at (?:noon|midnight|\d{1,2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?) sharp|stadiums?|arenas?|festivals?|sells? out in (?:seconds|minutes)|(?:hundreds of )?(?:thousands|millions?) of (?:buyers|fans|shoppers) (?:at once|rush\w*|arriv\w*))\b`;

/**
 * Words that say users earn an in-app currency by what they do (loyalty points on purchases, coins for a level):
 * the stored-value feature's grant is drawn only where the prompt says them.
 */
const EARNED_CURRENCY_WORDS = String.raw`\b(?:earn(?:s|ed|ing)?|award(?:s|ed|ing)?|collect(?:s|ed|ing)?|accru(?:e|es|ed|ing)) (?:\w+ ){0,3}(?:coins|points|credits|gems|tokens|diamonds|stars|miles)\b|\b(?:coins|points|credits|gems|tokens|diamonds|miles) (?:\w+ ){0,3}(?:earn(?:s|ed|ing)?|awarded|accrued)\b|\bloyalty (?:points|programs?|programmes?|rewards?|schemes?)\b|\brewards? points\b|\bcash ?back\b|\bfrequent[- ]fl(?:y|i)ers?\b|\bair miles\b`;

/**
 * Words that say earned points, miles, stars or credits expire a set time after they are earned ("points expire after
 * 12 months", "miles lapse after 3 years", "cashback credits that lapse after 90 days"): each purchase's points are a
 * lot with its own expiry date.
 */
const EXPIRING_POINTS_WORDS = String.raw`\b(?:points|miles|stars|credits|coins|rewards|cash ?back)\b[^.;]{0,80}?\b(?:expir(?:e|es|ed|ing)|lapse[sd]?|lapsing|forfeit(?:s|ed)?)\b|\b(?:expir(?:y|ation)|lapse) of (?:\w+ ){0,2}(?:points|miles|stars|credits)\b`;

/**
 * Words that say the in-app currency is bought with real money (a top-up, a pack bought in an app store): where none
 * is said beside the earning words, the currency is only earned and no payment provider is drawn.
 */
const BOUGHT_CURRENCY_WORDS = String.raw`\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|sell(?:s|ing)?) (?:\w+ ){0,3}(?:coins|points|credits|gems|tokens|diamonds|currency|packs?)\b|\b(?:coins|points|credits|gems|tokens|diamonds|currency) (?:\w+ ){0,3}(?:bought|purchased|sold|paid for)\b|\btop(?:s|ped|ping)?[- ]?ups?\b|\breal money\b|\bin-app purchases?\b|\bapp store\b|\bgoogle play\b|\bstripe\b`;

/**
 * Configuration whose clients are app installs: config, settings, flag or switch words and app-install words in one
 * clause, either way round ("remote config for a mobile app", "an iOS app's feature flags", "remote settings for a
 * game client on 10 million devices").
 */
const APP_CLIENT_WORDS = String.raw`(?:mobile (?:\w+ )?(?:apps?|clients?|games?)|(?:ios|android|iphone)(?: and (?:ios|android))? (?:\w+ )?(?:apps?|clients?|games?|users|devices)|ios|android|app installs?|installs|installations of the app|game clients?|client apps?|(?:smart)?phones)`;
const APP_CONFIG_SUBJECT = String.raw`(?:remote (?:config\w*|settings?)|config(?:uration)?s?|feature[- ](?:flags?|toggles?)|kill[- ]?switch(?:es)?|off[- ]switch(?:es)?)`;
const APP_CONFIG_WORDS = String.raw`\b(?:${APP_CONFIG_SUBJECT}\b[^.;]{0,80}\b${APP_CLIENT_WORDS}|${APP_CLIENT_WORDS}\b[^.;]{0,40}\b(?:remote (?:config\w*|settings?)|feature[- ](?:flags?|toggles?)|kill[- ]?switch(?:es)?))\b|\bfirebase remote config\b`;

/** Each topic's words, as a case-insensitive regular expression's source (decision rules quote them too). */
export const TOPIC_WORDS: Readonly<Record<Topic, string>> = {
  // actions kept as records that must not change (an audit log or trail, a compliance log, a tamper-evident log): the
  // records are the system of record for years, so they are hash-chained and archived under a retention lock
  "audit-log": String.raw`\b(?:audit (?:logs?|logging|trails?)|compliance logs?|tamper[- ]?(?:evident|proof|resistant) (?:logs?|records?|trails?|history|ledgers?)|(?:records?|logs?|entries|events?|actions?)\b[^.;]{0,60}\b(?:cannot|can ?not|must not|may not|must never|never) be (?:altered|changed|modified|edited|rewritten|tampered with))\b`,
  "expiring-points": EXPIRING_POINTS_WORDS,
  "earned-currency": EARNED_CURRENCY_WORDS,
  "earned-currency-only": EARNED_CURRENCY_WORDS,
  currencies: String.raw`\b(?:(?:multiple|several|many|different|other|foreign|mixed|any|two|their own|local) currenc(?:y|ies)|multi-?currency|currencies|exchange rates?|currency conversion)\b`,
  // people follow accounts, so one account can gather a large share of all users as followers (a feed, a social
  // network, a creator); a small group of friends who cheer each other on has no such vertex (features/graph.ts)
  followers: String.raw`\b(?:follow(?:s|ed|ing)? (?:each other|one another|other (?:users|people|accounts|members|cooks|creators|artists)|people|users|accounts|creators|artists|celebrit(?:y|ies)|influencers|friends|them|you)|followers?|followees?|celebrit(?:y|ies)|influencers?|creators?|social (?:networks?|media|apps?)|news ?feeds?|home (?:feeds?|timelines?)|timelines?|twitter|instagram|tiktok|linkedin|pinterest|facebook|threads|mastodon|strava|goodreads|letterboxd)\b`,
  // people find times to meet: a calendar product (or a scheduling one) whose invitees' busy times are read to place a
  // meeting; a guest list's RSVPs or an events page are no meetings (features/calendar.ts, its free/busy hotspot)
  meetings: String.raw`\b(?:meetings?|calendar (?:apps?|services?|systems?|products?|platforms?)|google calendar|outlook|calendly|microsoft teams|free[/ -]busy|schedul\w* (?:a |the )?(?:calls?|times?|interviews?))\b`,
  // a Q&A site where the asker accepts an answer and authors earn reputation from votes (Stack Overflow's model; Quora
  // has neither): the accept, the reputation ledger and its workers belong to it
  "answer-credit": String.raw`\b(?:stack ?overflow|stack ?exchange|reputation|accept(?:s|ed|ing)? (?:an? |the |one |their )?(?:best |right )?answers?|accepted answers?|best answers?|marks? (?:an? |the )?answers? as (?:accepted|the solution|solved))\b`,
  // the waiting room asked for itself: a line visitors wait in before a sale or a fragile site, let out at a rate
  // (a booking design that merely puts one in front of its inventory speaks of the on-sale instead, TOPIC_UNLESS)
  "waiting-room": String.raw`\b(?:(?:virtual|online|digital) (?:waiting rooms?|queues?|queuing|queueing|lines?)|waiting rooms?|waiting lines?|queue-it|queue[- ]it-like|(?:like|as) queue-?it|pre-?queues?|(?:admit|admits|admitted|admitting|let|lets|letting) (?:\w+ ){0,3}in (?:the )?(?:order|batches|waves) (?:they|visitors|fans|people|users|shoppers|customers) (?:arrived|arrive|came|joined)|queue (?:positions?|numbers?) (?:for|to) (?:\w+ ){0,3}(?:visitors|fans|shoppers|users|buyers|customers))\b`,
  "on-sale": ON_SALE_WORDS,
  // buyers look at which items are free before holding one: seats on a map, tables or slots at a time, a calendar
  // (a crowd at an on-sale browses its seat map too); a stock reservation or a pickup hold names the item directly
  "availability-map": String.raw`${ON_SALE_WORDS}|\b(?:seats?|seat maps?|seating|(?:reserv\w*|book\w*|free|open|available|pick\w*|choos\w*|restaurant|dining|dinner) (?:a |the )?tables?|tables? (?:reservations?|bookings?)|(?:time|appointment|delivery|booking|free|open|available) slots?|appointments?|showtimes?|(?:availability|room|booking) calendars?|sold[- ]out|what(?:'s| is) (?:free|available|open)|(?:free|available|open) (?:seats?|tables?|slots?|rooms?|times?|dates?)|availability (?:map|calendar|of))\b`,
  money: String.raw`\b(?:pay(?:s|ing|ment|ments|out|outs|roll)?|paid|charg(?:e|es|ed|ing)|refund\w*|money|ledgers?|billing|bills?|invoic\w*|wallets?|balances?|banks?|banking|stripe|checkout|funds?|currenc(?:y|ies)|debits?|credits?|settlements?|remittances?)\b`,
  // workers that each take the next item, one item to one worker ("2,000 agents pull the next ticket and no ticket is
  // handled by two agents"), are a work queue's consumers, not a log's consumer groups
  "work-queue": String.raw`\b(?:visibility timeouts?|invisible|per-message acks?|acknowledge each (?:message|task|job)|redeliver\w*|(?:task|job|work|ticket) queues?|like (?:Amazon |AWS )?SQS|SQS-like|(?:pulls?|takes?|grabs?|claims?|picks? up) the next (?:\w+ )?(?:tickets?|tasks?|jobs?|items?|messages?|requests?|cases?|orders?)|no (?:tickets?|tasks?|jobs?|items?|messages?|cases?) (?:is |are )?(?:ever )?(?:handled|processed|worked on|picked up|taken) by two)\b`,
  // "online" of people shown to others, not of a thing done over the internet or served live ("online model inference",
  // "an online store", "online auctions")
  "user-presence": String.raw`\b(?:presence|online(?! (?:model|inference|serving|prediction|predictions|feature|features|store|stores|shop|shopping|auction|auctions|banking|payments?|learning|course|courses|ordering|booking|bookings|retailer|marketplace|game|games|gaming|multiplayer|voting|exam|exams|ads?|advertising|services?|platform|checkout|transactions?|schema|index|migration)\b)|offline|last seen|typing|chat\w*|messag(?:e|es|ing)|messenger|friends?|contacts?|buddy|who is on)\b`,
  push: String.raw`\bpush(?:es|ed)? notifications?\b|\bpush (?:alerts?|messages?)\b|\bmobile push\b|\bAPNs\b|\bFCM\b|\bFirebase Cloud Messaging\b|\bdevice tokens?\b|\bpush tokens?\b`,
  // a system like Memcached is a cache by what defines it (items in memory only, evicted, nothing replicated), as a
  // system like SQS is a work queue
  cache: String.raw`\b(?:distributed|in-memory|read-through|look-aside|cache-aside)(?: (?:key-value|kv|object|data|memory))? cache\b|\b(?:like|similar to) memcached?\b|\bmemcached?[- ](?:like|style)\b|\bcache (?:cluster|service|tier|layer)\b|\bcaching (?:layer|service|tier)\b|\bcach(?:e|es|ing)\b[^.;]{0,40}\bin front of\b`,
  // the cache is the system itself, a pool of key-value servers holding items in RAM (Memcached, Redis used as a cache),
  // not a cache tier a design puts in front of its own database or a CDN's edges: spoken with the cache topic
  // (TOPIC_NEEDS) and where a key-value, in-memory or Memcached-like cache is named
  "kv-cache": String.raw`\b(?:key-value|kv|in-memory|memory) cach(?:e|es|ing)(?: (?:service|system|cluster|tier|layer|pool))?\b|\b(?:like|similar to) memcached?\b|\bmemcached?[- ](?:like|style)\b|\b(?:redis|memcached?|valkey)[- ]?(?:like|style|based)? (?:\w+ ){0,2}cach(?:e|es|ing)\b`,
  // people's own credentials: signing in, password resets, sessions and guessing attacks on them (not an API key's
  // quota or a lock's token): the nouns of an account's sign-in, never "token" or "session" alone
  auth: String.raw`\b(?:(?:password|account) (?:resets?|recovery)|reset(?:ting)? (?:a |the |their |your )?passwords?|forgot(?:ten)? passwords?|reset (?:tokens?|links?)|(?:log|sign)[- ]?ins? (?:services?|systems?|servers?|flows?|pages?|apis?|endpoints?|attempts?)|(?:log|sign)(?:s|ging|ning)? (?:people |users |customers )?in\b(?! (?:to|the|a)\b)|authenticat\w*|auth (?:service|server|system)s?|identity (?:provider|service)s?|(?<!\b(?:database|db|service|machine|cloud|api|iam|dynamic|rotat\w*) )credential(?:s| stuffing)|brute[- ]force(?:d)? (?:attacks?|login|guess\w*)|password (?:guess\w*|hash\w*|spraying)|magic[- ]links?|passwordless|single sign-on|sso|refresh tokens?|account lockouts?|lock(?:s|ing)? out (?:the )?accounts?|(?:multi|two)[- ]factor|2fa|mfa|one-time (?:passwords?|codes?))\b`,
  // a one-time code kept and checked by the system itself: a verification code or one-time password sent by text or
  // email, or a single-use sign-in link (I16/otp.ts); never a password sign-in service's own second factor (it yields
  // to auth, TOPIC_YIELDS) nor a managed SMS provider's delivery pipeline alone
  "one-time-code": String.raw`\b(?:one[- ]time (?:passwords?|pass ?codes?|codes?|pins?|login codes?|sign[- ]?in codes?)|otps?|verification codes?|(?:sms|text(?:ed)?|e-?mail(?:ed)?|login|sign[- ]?in|security|confirmation|2fa|mfa|two[- ]factor|phone) (?:verification )?(?:codes?|pass ?codes?|pins?)|(?:phone|sms|phone number) verification (?:services?|systems?|apis?|flows?)|magic[- ]links?|(?:sign|log)[- ]?in links?)\b`,
  // who may do what to which object, kept as relationships an authorization service checks (Zanzibar-style); signing
  // people in is the auth subject (TOPIC_UNLESS keeps a sign-in prompt's "permissions" there)
  "relationship-authz": String.raw`\b(?:authori[sz]ation (?:services?|systems?|servers?|engines?|platforms?|layers?|checks?)|permissions? (?:services?|systems?|checks?|engines?|platforms?)|access[- ]control (?:services?|systems?|checks?|lists? (?:service|system|store)s?)|relationship[- ]based (?:access control|authori[sz]ation|permissions?)|rebac|fine[- ]grained (?:authori[sz]ation|permissions?|access control)|(?:google )?zanzibar|spicedb|openfga|ory keto|relation(?:ship)? tuples?|zookies?|zedtokens?|new enemy problem)\b`,
  // machines' secrets kept and issued by the system itself (a vault of credentials with leases, rotation and
  // revocation), not people's sign-in or a payment provider's card vault
  secrets: String.raw`\b(?:secrets? (?:managers?|management|stores?|vaults?|engines?|services?|rotation)|(?:credentials?|passwords?|keys?) vaults?|hashicorp vault|openbao|(?:aws|google|gcp) secrets? manager|azure key vault|dynamic (?:secrets?|credentials?|database credentials?)|short[- ]lived (?:database )?(?:credentials?|passwords?|secrets?)|rotat\w+ (?:\w+ ){0,2}(?:credentials?|secrets?|database passwords?)|revoked (?:secrets?|credentials?|leases?)|revok\w+ (?:a |the )?(?:secrets?|credentials?|leases?))\b`,
  // a store of people's signed-in sessions, or a logout that must take effect: the session is a credential, so a logout
  // or revocation is a write that must never be undone (not a game's, a stream window's or a coordination service's
  // session, nor a load balancer's sticky one, nor people who leave "without logging out")
  "login-session": String.raw`\b(?:session stores?|(?:login|log-in|sign-in|signed-in|logged-in|user|web|browser|authenticated) sessions?|sessions? (?:tokens?|cookies?|revocations?)|(?:signed|logged)[- ]in (?:users|customers|people|members|accounts)|(?<!\bwithout )(?:log(?:s|ged|ging)?[- ]?outs?|sign(?:s|ed|ing)?[- ]?outs?)|revok(?:e|es|ed|ing) (?:a |the |their |its |every |all )?(?:\w+ )?sessions?|revoked sessions?)\b`,
  // a shopper's cart, basket or wishlist kept by the system itself: its lines, adds and merge across devices (not a
  // checkout that reads one, nor a warehouse's baskets of stock)
  cart: String.raw`\b(?:shopping (?:carts?|baskets?|bags?)|(?:carts?|baskets?) (?:services?|systems?|stores?|apis?|backends?)|(?:grocery|online|persistent|guest|saved|anonymous) (?:carts?|baskets?)|add(?:s|ed|ing)? (?:an? |the )?(?:items?|products?) (?:\w+ ){0,2}to (?:the |their |a |my |your )?(?:carts?|baskets?|bags?)|(?:items?|products?) (?:\w+ ){0,2}added to (?:the |their |a |my |your )?(?:carts?|baskets?)|wish ?lists?|saved[- ]for[- ]later|cart (?:items?|lines?|merg\w*))\b`,
  // one process's own storage engine on one machine (an LSM tree like RocksDB or LevelDB): its WAL, memtable, sorted
  // tables and compaction; a replicated or sharded store built on such engines is the card's own shape (TOPIC_UNLESS)
  "storage-engine": String.raw`\b(?:(?:key[- ]value |kv |embedded |single[- ]node |local |lsm[- ]?(?:tree )?(?:based )?)?storage engines?|lsm[- ]trees?|lsm(?:[- ]based)? (?:[\w-]+ ){0,2}(?:stores?|engines?|librar(?:y|ies)|databases?)|log[- ]structured merge(?:[- ]trees?)?|(?:embedded|single[- ]node|single[- ]machine|in[- ]process) (?:lsm |log-structured )?(?:key[- ]value |kv |ordered )?(?:stores?|databases?|engines?|librar(?:y|ies))|(?:like|such as|similar to) (?:rocksdb|leveldb|pebble|badger(?:db)?)|(?:rocksdb|leveldb)[- ](?:like|style|clone)|memtables?|sstables?|sorted string tables?)\b`,
  // long-running work held to a count per scope (a job semaphore), not requests in flight for a moment: jobs, tasks,
  // exports or builds run at once or in parallel under a per-tenant or per-customer cap
  "job-slots": String.raw`\b(?:distributed semaphores?|semaphore (?:services?|systems?)|(?:concurrency|parallelism) (?:limiter|limits?|caps?|quotas?)\b[^.;]{0,60}\b(?:jobs?|tasks?|exports?|builds?|renders?|transcodes?|workers?)|(?:at most|up to|no more than|quota of|limit\w* (?:\w+ ){0,3}to) (?:[\w,]+ ){0,4}(?:jobs?|tasks?|exports?|builds?|renders?|transcodes?)(?: \w+){0,2} (?:at once|concurrently|in parallel|at the same time|simultaneously))\b`,
  // uploaded media turned into several outputs by a worker fleet (transcoding into resolutions, audio bitrates,
  // thumbnail sizes, documents converted to PDF), published as one step
  "media-pipeline": String.raw`\b(?:(?:video|audio|media|image|photo|podcast) (?:\w+ ){0,2}(?:transcod\w*|processing|encoding) (?:pipelines?|services?|systems?|farms?|fleets?)|transcod\w* (?:pipelines?|services?|systems?|farms?|fleets?|workers?)|(?:image|photo|thumbnail|media|audio|podcast) pipelines?|(?:into|producing|makes?|making|generat\w+|creat\w+) (?:\w+ ){0,2}(?:resolutions|renditions|bitrates|thumbnail sizes)|thumbnail sizes|adaptive bitrate|(?:hls|dash) (?:renditions?|ladders?|packaging)|convert\w* (?:\w+ ){0,2}(?:documents?|files?|uploads?) (?:to|into) pdfs?)\b`,
  "cache-aside": String.raw`\bcach(?:e|es|ing)\b[^.;]{0,40}\b(?:in front of|before|for|over)\b[^.;]{0,40}\b(?:databases?|db|datastores?|data stores?|mysql|postgres\w*)\b|\b(?:look-aside|cache-aside)\b`,
  // the cache tier loads what it misses itself (a loader in the cache nodes): said only in these words, and only of a
  // cache in front of a database (TOPIC_NEEDS)
  "read-through": String.raw`\bread-through\b|\bread through cach(?:e|es|ing)\b`,
  // rooms (or other stock) also sold through other sellers' sites: travel agencies, a channel manager, named OTAs
  "partner-channels": String.raw`\b(?:partner (?:travel )?(?:sites?|channels?|agencies|websites?|platforms?)|(?:online )?travel agenc(?:y|ies)|otas|channel managers?|expedia|booking\.com|(?:sold|sells?|selling|listed) (?:\w+ ){0,3}(?:through|on|via) (?:\w+ ){0,2}(?:partners?|third[- ]party|other|external) (?:\w+ )?(?:sites?|channels?|agencies|platforms?|websites?)|(?:third[- ]party|external) (?:booking |travel )?(?:sites?|channels?|platforms?|resellers?))\b`,
  // a file sync service named, or its need said in words (a user's files kept the same on all their devices)
  "file-sync": String.raw`\b(?:file (?:sync|syncing|synchroni[sz]ation|hosting)|sync(?:s|ing|ed)? (?:files|folders)|dropbox|google drive|onedrive|icloud drive|box\.com)\b|${FILES_ON_DEVICES}`,
  "order-book": String.raw`\b(?:matching engines?|order ?books?|(?:stock|securities|crypto(?:currency)?) exchanges?|limit orders?|market orders?|bids? and (?:asks?|offers?)|price-time priority|trading venues?|order matching)\b`,
  "in-flight": String.raw`\bconcurrency (?:limit\w*|caps?)\b|\bconcurrent (?:requests?|calls?|connections?|jobs?|sessions?|uploads?|streams?|queries)\b|\bin[- ]flight\b|\bsimultaneous (?:requests?|calls?|connections?)\b|\bbulkheads?\b|\bconnection pools?\b|\bmax(?:imum)? (?:concurrent|parallel)\b|\bat (?:the )?same time\b`,
  "multi-channel": String.raw`\b(?:multi-?channel|omni-?channel|push\b[^.;]{0,40}\b(?:e-?mails?|sms|text messages?)|e-?mails?\b[^.;]{0,40}\b(?:push|sms|text messages?)|(?:sms|text messages?)\b[^.;]{0,40}\b(?:push|e-?mails?))\b`,
  email: String.raw`\b(?:e-?mails?|e-?mailing|newsletters?|mailing lists?|smtp|mail transfer agents?|sendgrid|mailgun|postmark|amazon ses|aws ses|simple email service)\b`,
  // the k most frequent keys of a recent window: counting events per key, then ranking them
  "top-k": String.raw`\b(?:top[- ]?(?:\d[\d,]*|k|n|ten|hundred)|trending|most (?:popular|viewed|played|shared|mentioned|used|searched|liked|frequent))\b[^.;]{0,60}\b(?:(?:of|in|over|during|for|within) (?:the )?(?:last|past|previous|latest) (?:\d+ )?(?:minutes?|hours?|days?|weeks?)|right now|today)\b|\btrending (?:hashtags?|topics?|tags?|searches|terms|videos|posts|songs|products)\b|\bheavy hitters?\b`,
  aggregation: String.raw`\b(?:usage metering|metering (?:services?|systems?|pipelines?)|usage (?:tracking|aggregation) (?:services?|systems?)|(?:web|product|clickstream|event) analytics (?:services?|platforms?|systems?|pipelines?))\b|\b(?:top[- ]?(?:\d[\d,]*|k|n|ten|hundred)|trending|most (?:popular|viewed|played|shared|mentioned|used|searched|liked|frequent))\b[^.;]{0,60}\b(?:(?:of|in|over|during|for|within) (?:the )?(?:last|past|previous|latest) (?:\d+ )?(?:minutes?|hours?|days?|weeks?)|right now|today)\b|\btrending (?:hashtags?|topics?|tags?|searches|terms|videos|posts|songs|products)\b|\bheavy hitters?\b|\b(?:count(?:s|ing|ed)?|counters?|aggregat(?:e|es|ed|ing|ion|ions|or|ors)|tall(?:y|ies|ied|ying)|roll(?:s|ed|ing)? up|rollups?)\b[^.;]{0,50}\b(?:ad clicks?|clicks?|impressions?|page ?views?|video views?|views|plays?|visits?|installs?|follows?|followers?|likes|reactions|upvotes|(?:click|view|play|visit|follow|business|user|ad|app|in-app|product|analytics|tracking|clickstream|game|player|session) events?|clickstream|active users?)\b|\b(?:app|in-app|user|product|analytics|tracking|clickstream|game|player|session) events?\b[^.;]{0,80}\b(?:count(?:s|ing|ed)?|aggregat(?:e|es|ed|ing|ion|ions)|totals?|rollups?|roll(?:s|ed)? up|sums)\b|\b(?:daily|weekly|monthly) active users?\b|\b(?:dau|mau)\b|\b(?:click|impression|page ?view|view|play|visit|install|follow|follower|like|reaction|upvote|clap)s? (?:counts?|counters?|totals?|aggregat\w*|rollups?)\b|\b(?:clicks?|impressions?|page ?views?|views?|plays?|visits?) per (?!second\b|minute\b|hour\b|day\b)\w+ per (?:second|minute|hour|day)\b|\bhow many (?:likes|views|upvotes|reactions|plays|clicks|visits|followers)\b`,
  // counts that are billed, paid on or audited (ad clicks are charged per click, impressions per thousand): only
  // where the prompt counts events too (TOPIC_NEEDS), so a bill alone is money, not this
  billed: String.raw`\b(?:bill(?:s|ed|ing|able)?|invoic\w*|advertis\w*|ad (?:clicks?|impressions?|spend)|impressions?|cpc|cpm|payouts?|pay(?:s|ing)? (?:out|per)|paid|royalt\w*|charg(?:e|es|ed|ing)|audit\w*|revenue)\b`,
  // a count shown to people beside the thing counted (a video's views, a post's likes): a running total per key that
  // pages read, beside the windowed counts analytics reads; it needs the prompt to count events too (TOPIC_NEEDS)
  "shown-count": String.raw`\b(?:view|like|play|listen|click|visit|vote|upvote|clap|follower|reaction)s? counters?\b|\bcounters?(?: (?:service|system))? (?:for|of|on) (?:\w+ ){0,3}(?:videos?|posts?|songs?|tracks?|pages?|articles?|tweets?|photos?|reels?|streams?|podcasts?|episodes?|messages?|comments?)\b|\b(?:view|like|play|reaction|upvote)s? counts? (?:for|of|on|per) (?:\w+ ){0,2}(?:videos?|posts?|songs?|tracks?|pages?|articles?|tweets?|photos?|reels?|streams?|podcasts?|episodes?|messages?|comments?|urls?)\b|\b(?:page ?views?|views?|likes?|plays?|reactions?) per (?:\w+ ){0,2}in (?:near[- ])?real[- ]?time\b|\b(?:counts?|totals?) (?:\w+ ){0,3}(?:shown|displayed)\b|\b(?:running|lifetime|all-time) (?:counts?|totals?)\b|\bhow many (?:likes|views|upvotes|reactions|plays|followers) (?:each|every|a|the|one) (?:\w+ ){1,2}(?:has|have|got|gets|received)\b`,
  // a count of people's own likes or reactions, each a person's toggle on an item: a set of (item, person) rows that
  // answers "did I like it", takes an unlike and counts a repeated tap once; spoken only with a shown count
  reaction: String.raw`\b(?:likes|liked|liking|unlik(?:e|es|ed|ing)|reactions?|upvotes?|downvotes?|hearts|favou?rites|claps)\b|\blike (?:counts?|counters?|buttons?|totals?)\b`,
  // nearest-neighbour search over embeddings: an ANN index (graphs or quantised lists) over vectors, not a text index
  "vector-search": String.raw`\b(?:vector (?:search|similarity|database|db|store|index(?:es)?|retrieval)|vector[- ]?dbs?|(?:vector |embedding |semantic )?similarity search\w*|semantic search|(?:approximate |k[- ])?nearest[- ]neighbou?rs?|k-?nn|ann (?:search|index(?:es)?)|embeddings? (?:search|store|index(?:es)?|retrieval|lookup)|(?:search(?:es|ing)?|index(?:es|ing)?|stor(?:e|es|ing)|among|over|against) (?:\d[\d,.]* )?(?:(?:million|billion|thousand|[mbk]) )?(?:[\w-]+ ){0,2}(?:embeddings|vectors)|\d[\d,.]* (?:(?:million|billion|thousand|[mbk]) )?(?:[\w-]+ ){0,2}embeddings|(?:document |text )?chunks embedded|hnsw|faiss|milvus|qdrant|pinecone|weaviate|pgvector|scann|most similar (?:vectors|embeddings|images|items|products|documents|songs|tracks|chunks|passages|faces))\b`,
  // each transaction, click or login scored for fraud or risk as it happens, the caller waiting for the decision
  "fraud-scoring": String.raw`\b(?:(?:fraud|risk) (?:scor\w*|detection (?:system|service|pipeline|engine)s?|checks?|checking|screening|decisions?|decisioning|engines?|models? serv\w*)|(?:fraud|risk)[- ]scor\w*|account[- ]takeover (?:risk|detection|scor\w*)|click fraud (?:scor\w*|detection)|transaction monitoring (?:system|service)s?|scor(?:e|es|ed|ing) (?:each|every) (?:card )?(?:transaction|payment|authori[sz]ation|login|click)s? (?:for|by) (?:fraud|risk))\b`,
  typeahead: String.raw`\b(?:auto-?complet\w*|type-?ahead|search[- ]as[- ]you[- ]type|(?:search|query|keyword) suggestions?|suggest\w* (?:completions?|queries) (?:as|while)|(?:suggest\w*|complet\w*) (?:\w+ ){0,3}(?:as|while) (?:you|the user|users|people|shoppers|customers) types?)\b`,
  // a crawl's politeness bound said per site, domain or website: the unit is the registrable domain, not the host
  "polite-site": String.raw`\b(?:per[- ](?:web ?sites?|sites?|domains?|registrable domains?)|(?:polite(?:ness|ly)?|rate|limits?|budgets?|delays?|caps?) (?:to |per |toward |towards |for |on |of )?(?:each |every |any |all |one |a )?(?:web ?sites?|sites?|domains?)|(?:hits?|hitting|hammer\w*|overload\w*|fetch\w*(?: from)?|requests?(?: to)?|visits?|load on|contact\w*|to|on|against)(?: any| one| a| each| the same| a single| any single| any one| no)(?: single)? (?:web ?site|site|domain)s? (?:[\w-]+ ){0,2}?(?:more (?:often )?than|faster than|at more than|above)|(?:no|any|one|each|every|a single|the same|any single) (?:web ?site|site|domain) (?:[\w-]+ ){0,4}?(?:more (?:often )?than|faster than|at most|above)|(?:more than|at most|no more than|faster than) (?:[\w-]+ ){0,6}?(?:to|on|against|from) (?:any|each|one|a single|the same|any single|any one|a) (?:web ?site|site|domain)s?)\b`,
  // "crawl" alone may mean slow ("everyone's pages crawl"): a crawl is a crawler, or crawling some pages or sites
  crawl: String.raw`\b(?:web ?crawl\w*|web ?scrap\w*|(?:price|site|page) scrapers?|scraping (?:platforms?|services?|systems?)|crawlers?|re-?crawl\w*|crawl(?:s|ed|ing)? (?:[\w-]+ ){0,4}(?:web|sites?|pages?|urls?|websites?|storefronts?|domains?|hosts?|links?)|spiders?|robots\.txt|politeness|polite(?:ly)? (?:to |per |toward |towards )?(?:each |every |any |all )?(?:sites?|hosts?|domains?|websites?|servers?)|link checkers?|web archiv\w*|googlebot)\b`,
  // money kept in the system's own accounts: a bank's ledger, a wallet, a stored or in-app balance users pay one
  // another from (peer-to-peer payments, money sent to friends), credits moved between users
  ledger: String.raw`\bbank ledgers?\b|\bledger (?:services?|systems?|databases?)\b|\b(?:digital|stored[- ]value) wallets?\b|\bwallet (?:services?|systems?)\b|\bdouble[- ]entry (?:ledgers?|accounting|bookkeeping)\b|\binternal (?:\w+ )?ledgers?\b|\b(?:transfer\w*|mov(?:e|es|ing)|money|funds) (?:\w+ ){0,3}between (?:(?!bank\b)\w+ ){0,2}accounts\b|\baccounts? (?:on|in|across) (?:\w+ )?(?:shards?|partitions?)\b|\bcross-(?:shard|partition) transfers?\b|\bstored balances?\b|\bin-app balances?\b|\b(?:peer[- ]to[- ]peer|p2p) (?:payments?|transfers?|money)\b|\b(?:send|sends|sending|transfer|transfers|transferring) (?:\w+ ){0,2}(?:money|funds|credits|coins|cash) (?:\w+ ){0,2}to (?:their |his |her |your )?(?:friends|one another|each other|other (?:users|players|members)|another (?:user|player|member))\b|\bpay(?:s|ing)? (?:each other|one another)\b|\b(?:money|funds|credits|coins) between (?:users|players|members)\b|\bmoney out of nothing\b`,
  // a claim held as lasting ownership: registered, titled or issued to someone, owned by them, retired once,
  // transferred between owners (TOPIC_UNLESS: unless the prompt names anything that lapses)
  "lasting-ownership": String.raw`\b(?:registered|titled|deeded|issued) to\b|\bowned by\b|\bretired (?:only )?once\b|\btransferr(?:ed|able) between\b|\b(?:transfers?|changes?) (?:of )?ownership\b|\bownership (?:is |can be )?transferred\b|\bowner of record\b`,
  election: String.raw`\b(?:leader|master|primary) elections?\b|\belect(?:s|ed|ing)? (?:a |one |the |a new |its |their )?(?:leader|master|primary|coordinator)s?\b|\belection services?\b`,
  "object-store": String.raw`\bobject (?:storage|stores?)\b|\bblob (?:storage|stores?)\b|\b(?:like|as) (?:Amazon |AWS )?S3\b|\bS3-(?:like|compatible)\b`,
  "workflow-engine": String.raw`\b(?:workflow (?:engines?|orchestrat\w*|platforms?|runtimes?)|durable (?:execution|workflows?|functions?|timers?)|orchestration (?:engines?|services?|platforms?)|(?:like|as in|similar to) (?:temporal|cadence|uber cadence|aws step functions|step functions|netflix conductor)|(?:temporal|cadence)[- ](?:like|style)|long[- ]running workflows?)\b`,
  cdc: CDC_WORDS,
  // committed row changes carried into a warehouse: change capture that lands in one, or a database's tables
  // replicated or loaded into one
  "cdc-warehouse": String.raw`(?:${CDC_WORDS})[^.;]{0,160}\b(?:data ?warehouses?|warehouse tables?|bigquery|snowflake|redshift|synapse|databricks|lakehouses?)\b|\b(?:replicat\w*|sync\w*|stream\w*|load\w*|cop(?:y|ies|ying)|mirror\w*|ingest\w*|land\w*)\b[^.;]{0,80}\b(?:mysql|postgres\w*|mariadb|aurora|sql server|oracle|(?:source|operational|production|oltp|application) databases?)\b[^.;]{0,80}\b(?:in|into|to) (?:a |the |our )?(?:data ?warehouses?|bigquery|snowflake|redshift|synapse|databricks|lakehouses?)\b`,
  // the captured database is MySQL (or MariaDB): its binlog and GTID positions, never a replication slot
  "mysql-binlog": MYSQL_SOURCE_WORDS,
  // a stream processor asked for itself, or keyed windows over a stream named by their kind (tumbling, sliding,
  // session), by a windowed result, or by sessions cut at an inactivity gap
  "stream-processor": String.raw`\b(?:stream[- ]processing (?:systems?|engines?|frameworks?|platforms?|jobs?|pipelines?|applications?|apps?|services?)|stream processors?|(?:like|as|similar to|using|on|with) (?:apache )?(?:flink|samza|storm)|(?:apache )?flink(?:[- ](?:like|style))? (?:jobs?|pipelines?|applications?|apps?)|kafka streams (?:apps?|applications?|jobs?|topolog\w*|services?)|(?:apache )?beam pipelines?|(?:google )?(?:cloud )?dataflow (?:jobs?|pipelines?)|(?:tumbling|sliding|hopping|session) windows?|windowed (?:counts?|aggregat\w*|sums?|joins?|totals?|metrics|results?)|event[- ]time (?:windows?|processing)|watermarks? (?:and|with) (?:allowed )?lateness|sessioni[sz]\w*|inactivity gaps?|gaps? of inactivity|(?:\d+|thirty|ten|five)[- ]minutes? (?:of )?inactivity)\b`,
  // the change stream's sinks include a cache or key-value store (Redis, Memcached) beside or instead of an index
  // the captured database is MySQL or a MySQL-compatible server: its binary log, not a write-ahead log and a slot
  "cdc-mysql": MYSQL_SOURCE_WORDS,
  "cdc-cache": String.raw`(?:${CDC_WORDS})[^.;]{0,120}\b(?:redis|memcached|caches?|key-value stores?)\b|\b(?:redis|memcached|caches?)\b[^.;]{0,80}(?:${CDC_WORDS})`,
  // a canvas alone may be a web page's drawing element or a course site: only a shared, collaborative or infinite one
  whiteboard: String.raw`\b(?:whiteboard(?:s|ing)?|infinite canvas(?:es)?|(?:collaborative|shared|multiplayer|online) (?:canvas(?:es)?|design tools?|diagram(?:ming)? (?:editors?|tools?|apps?))|design tools? like figma|diagram(?:ming)? editors?|miro|figma|figjam|excalidraw|tldraw|lucidchart|sticky notes)\b`,
  // readings pushed by devices and sensors (not scraped from servers): "devices" alone is too common a word
  iot: String.raw`\b(?:iot|internet of things|(?:iot |environmental |temperature |industrial |remote |weather |soil |air[- ]quality )?sensors?|sensor (?:data|readings?|fleets?)|(?:smart|connected|edge|iot) devices?|devices? (?:that |which )?(?:push(?:es)?|sends?|reports?|streams?|uploads?) (?:readings?|measurements?|samples?|telemetry|data|metrics)|telemetry from (?:devices|vehicles|machines|sensors|cars)|connected (?:cars|vehicles)|smart meters?|thermostats?|wearables?|(?:fleet|vehicle|gps|asset) tracking (?:systems?|services?|platforms?))\b`,
  // application or system log lines collected, kept and searched (not a database's write-ahead log or a Kafka log)
  logs: String.raw`\b(?:log (?:aggregation|management|ingestion|collection|shipping|search|analytics|pipelines?|platforms?|storage)|(?:centrali[sz]ed|distributed) logging|logging (?:pipelines?|platforms?|systems?|services?|backends?|stacks?|infrastructure)|(?:application|app|server|service|system|access|container|host) logs|log lines|(?:ELK|EFK) stack|like (?:Splunk|Loki|Grafana Loki|Papertrail|Logstash|Kibana|the ELK stack)|(?:Splunk|Loki)[- ]like|(?:collect\w*|ship\w*|ingest\w*|search\w*|index\w*|aggregat\w*|stor(?:e|es|ing)|keep\w*|tail\w*|grep\w*) (?:\w+ ){0,4}logs\b(?! of\b)(?! from (?:the |a |its )?(?:database|db|kafka|write-ahead|commit|transaction|binlog)))`,
  // spans of distributed traces ("spans" alone also means "covers", so only counted or traced spans)
  traces: String.raw`\b(?:distributed tracing|(?:request|distributed) traces|tracing (?:systems?|backends?|platforms?|services?|pipelines?|infrastructure|data)|trace (?:backends?|storage|stores?|collectors?|ids?|sampling|data)|(?:sampl\w*|keep\w*|stor\w*|search\w*|collect\w*) (?:\w+ ){0,3}(?:of )?traces\b|[\d.,]+\s*(?:k|m|million|thousand|billion)?\s*spans|spans? (?:per|a|each) (?:second|sec|minute)|jaeger|zipkin|grafana tempo|(?:opentelemetry|otel) (?:traces?|tracing|collectors?|backends?|spans?)|APM)\b`,
  // places that stay where they are: never where the prompt also speaks of things that move (drivers, couriers);
  // "places" as a noun only (counted, nearby, near a point), never the verb ("places tasks on machines")
  // static places; a text with a word of moving things anywhere does not speak of them (TOPIC_UNLESS)
  places: String.raw`\b(?:(?:[\d,.]+\s*(?:k|m|million|billion|thousand)?\s+|nearby |local |popular |all )places|places (?:near|nearby|around|to (?:eat|visit|stay))|restaurants?|businesses|local (?:search|businesses)|points? of interest|near me|nearby (?:search|places|restaurants|businesses|stores|shops|hotels)|yelp|foursquare)\b`,
  // a database that speaks SQL across machines and regions, or one that names the transaction order it keeps
  "distributed-sql": String.raw`\b(?:distributed sql|newsql|(?:distributed|global(?:ly)?(?: distributed)?|geo-distributed|multi-region|horizontally scal\w*|sharded) (?:sql|relational) databases?|(?:sql|relational) databases? (?:that|which) (?:scales?|spans?|runs?) (?:across|over|out)|external(?:ly)? consistent (?:transactions?|reads?|database)|external consistency|(?:like|as) (?:google )?(?:cloud )?spanner|spanner-(?:like|style)|cockroach ?db|tidb|yugabyte ?db)\b`,
  // code nobody has reviewed, run for whoever submits it: a judge, a code runner, CI for outsiders' pull requests;
  // "sandbox" alone is too common (a payment provider's test sandbox), and a function platform runs its owners' code
  // trained models answering prediction requests online from replicas that hold them in memory (an inference service
  // or platform, a model server, Triton- or KServe-like); training them or scheduling training jobs is not this (TOPIC_UNLESS)
  "model-serving": String.raw`\b(?:(?:ml |machine[- ]learning |model |llm |online |real[- ]time |low[- ]latency )?(?:model )?(?:inference|prediction) (?:services?|platforms?|servers?|systems?|endpoints?|apis?|gateways?|layers?|fleets?|clusters?)|(?:ml |machine[- ]learning |llm )?model[- ](?:serving|inference|hosting)(?: (?:platforms?|systems?|services?|infrastructure|layers?))?|(?:ml|machine[- ]learning) serving|serv(?:e|es|ing) (?:\w+ ){0,2}(?:ml |machine[- ]learning |trained |deep[- ]learning |llm )?models? (?:online|in production|for (?:online )?(?:inference|predictions?))|(?:online|real[- ]time|low[- ]latency) (?:model )?inference|predictions? (?:per|a|each) (?:second|sec|minute)|inferences? (?:per|a|each) (?:second|sec)|(?:triton|nvidia triton|kserve|kfserving|seldon(?: core)?|torchserve|tensorflow serving|tf serving|bentoml|ray serve|sagemaker (?:real[- ]time )?endpoints?|vertex ai (?:prediction|endpoints?))\b(?:[- ]like)?)\b`,
  "untrusted-code": String.raw`\b(?:untrusted (?:(?:user|users'|third-party|submitted|student|customer) )?(?:code|submissions?|programs?|scripts?|pull requests?|prs|builds?|jobs?|workloads?|notebooks?)|(?:online|code|programming) judges?|judge (?:systems?|services?|servers?|workers?)|leetcode|hackerrank|codeforces|codechef|competitive programming|coding (?:contests?|challenges?)|code (?:execution|runner|playground)s?(?: services?| engines?)?|(?:runs?|running|execut\w*) (?:(?:the |other )?(?:users?'?|people's|students'?|candidates'?|arbitrary|submitted|customers'?) )(?:\w+ )?(?:code|programs?|scripts?|notebooks?)|pull requests? from forks?|(?:ci|build) runners? for (?:untrusted|outside|external|public|forked)\b[\w ]*)\b`,
  // a function platform: code deployed as functions and run per invocation (serverless, Lambda-like); "lambda" alone
  // may be the batch-and-stream architecture
  functions: String.raw`\b(?:serverless|functions?[- ]as[- ]a[- ]service|faas|(?:aws )?lambda(?![- ](?:architecture|style))|cloud functions|azure functions|(?:apache )?openwhisk|knative|cloud run|function (?:platforms?|runtimes?|invocations?|calls?|executions?)|invocations?|invok\w* (?:\w+ ){0,2}functions?|(?:run|runs|running|deploy|deploys|deploying|host|hosts|hosting|execut\w*) (?:\w+ ){0,2}functions|cold[- ]starts?)\b`,
  // batch jobs run as DAGs of dependent tasks (Airflow, Dagster, Argo Workflows, an ETL orchestrator); a durable
  // execution engine running workflow code (Temporal) is "workflow-engine", never this
  "dag-workflow": String.raw`\b(?:dags?|directed acyclic graphs?|(?:apache )?airflow|dagster|prefect|luigi|argo workflows|(?:data|etl|batch|elt)[- ]pipelines? orchestrat\w*|pipeline orchestrat\w*|workflow schedulers?|(?:etl|elt|batch|data) (?:jobs?|tasks?|pipelines?) with (?:their )?dependencies|(?:jobs?|tasks?) (?:with|and their) (?:upstream )?dependencies|task dependencies|upstream tasks?|graphs? of (?:tasks|jobs|steps)|(?:task|job) graphs?|upstream dependencies|everything upstream|(?:jobs?|tasks?|steps?) (?:it|they) depends? on)\b`,
  // a stream kept in order within each of the prompt's own keys ("each customer's events in order", "per-partner
  // ordering", "ordered per tenant"): a key the prompt names, never a time unit ("per-minute order counts") nor a
  // partition (per-partition order is the log's own)
  "keyed-order": String.raw`\b(?:each|every|per|one|a) [a-z]+(?:'s|s') (?:[a-z-]+ ){0,2}(?:are |is |stay |stays )?(?:kept |delivered |sent |applied |processed )?in (?:the )?(?:same |right |correct )?order\b|\bper[- ](?!(?:second|minute|hour|day|week|month|year|partition|shard)s?\b)[a-z]+ (?:order(?:ing|ed)?|fifo)\b|\b(?:in order|order(?:ed|ing)?) (?:per|for each|within (?:a|each|one)) (?!(?:second|minute|hour|day|week|month|year|partition|shard)s?\b)[a-z]+\b|\b(?:events?|messages?|updates?|changes?|records?|notifications?|commands?|operations?|transactions?) (?:of|for|about) the same [a-z]+ (?:[a-z]+ ){0,3}?(?:out of (?:order|sequence)|in (?:order|sequence))\b|\b(?:each|every) (?!(?:second|minute|hour|day|week|month|year|partition|shard)\b)[a-z]+ (?:should |must |will |has to |needs to )?(?:receives?|gets?|sees?|processes|applies|consumes?) (?:its|their) (?:own )?(?:events?|messages?|updates?|changes?|records?|notifications?|commands?|deliveries|webhooks?) in (?:the )?(?:same |right |correct )?order\b`,
  webhook: String.raw`(?<!\b(?:provider|processor|stripe|inbound|incoming|payment)'?s? )\bwebhooks?\b|\bcallback urls?\b|\b(?:customer|subscriber|partner)s?'? (?:endpoints?|callbacks?)\b`,
  // a service that keeps people's photos or images itself (not a product that merely shows them): the store is the subject
  "media-store": String.raw`\b(?:photo|image|picture|media) (?:storage|stores?|hosting|blob stor(?:e|age))\b|\b(?:blob|object) stor(?:e|age) for (?:\w+ ){0,2}(?:photos|images|pictures)\b|\b(?:facebook'?s )?haystack\b`,
  // members ranked by a score that keeps changing (a game's players, sellers by sales): a rank or a top list of people
  // or sellers, never a search result's ranking or a ranking formula rolled out
  leaderboard: String.raw`\b(?:leader ?boards?|high[- ]?scores?(?: tables?| lists?)?|score ?boards?|(?:global|overall|world|player'?s?|their|his|her|each \w+'s|current|live|own) ranks?|(?:ranks?|rankings?|ranked) (?:of )?(?:the )?(?:\w+ ){0,2}(?:players|gamers|users|sellers|merchants|vendors|stores|shops|teams|clans|guilds|athletes|runners|creators|streamers|students|members|contributors|agents|affiliates)(?: by)?|(?:players|gamers|sellers|merchants|vendors|stores|teams|athletes|creators|streamers|students|members|contributors|agents|affiliates) ranked by|top (?:\d[\d,]*|ten|hundred|k|n) (?:players|gamers|sellers|merchants|vendors|teams|athletes|creators|streamers|scorers|students|contributors|agents|affiliates)|top (?:players|scorers|sellers|gamers))\b`,
  // flags evaluated per user inside services' SDKs (not a fleet's configuration pushed in staged waves)
  "feature-flags": String.raw`\bfeature[- ](?:flags?|flagging|toggles?)\b|\bflag (?:service|system|platform|management)\b|\b(?:launchdarkly|flagsmith|openfeature)\b|\b(?:like|as) unleash\b`,
  // a service's servers moved to a new built release in waves behind health gates, rolled back on their own (I11/deploy.ts);
  // a configuration snapshot, a flag or a device's firmware is another subject (TOPIC_UNLESS)
  // configuration, flags or switches whose clients are app installs on people's devices (a mobile app, an iOS or
  // Android app, a game client), counted in installs: fetched through a CDN when the app opens, never a server fleet's
  // streams (archetypes/I11/app-config.ts)
  "app-config": APP_CONFIG_WORDS,
  "deploy-rollout": String.raw`\b(?:deploy(?:ment)? (?:systems?|services?|platforms?|pipelines?|tool(?:s|ing)?|orchestrat\w*|controllers?|engines?|managers?)|(?:continuous|progressive) (?:deploy\w*|delivery)|(?:canary|rolling|blue[-/ ]green|red[-/ ]black) (?:deploy\w*|releases?|rollouts?|upgrades?|updates?)|(?:staged|phased|progressive|gradual|incremental) (?:deploy\w*|releases?|upgrades?)|roll(?:s|ing|ed)? out (?:a |the |each |every )?(?:new )?(?:versions?|releases?|builds?|binar(?:y|ies)|code|software)|(?:deploy\w*|push\w*|ship\w*|roll\w*) (?:a |the |each |every )?(?:new )?(?:versions?|releases?|builds?|binar(?:y|ies)|code)(?: of (?:our |the |its |their |each )?[\w-]+)? (?:to|across|onto|on)|(?:software|code|binary|release) (?:rollouts?|deploy\w*)|spinnaker|argo rollouts|codedeploy)\b`,
  // the authority for zones: name servers answering resolvers' queries about its zones' records, changed through an API
  // and spread to every server by serial (never a resolver that caches other people's answers, TOPIC_UNLESS)
  dns: String.raw`\b(?:authoritative (?:dns|name ?servers?)|(?:managed|hosted|internal|private|service|authoritative) dns|dns (?:services?|hosting|providers?|servers?|zones?|records?|names?|for)|name ?servers?|hosted zones?|zone (?:files?|transfers?|serials?)|(?:aaaa|cname|mx|ns|soa|txt) records?|route ?53|powerdns|nsd|knot dns)\b`,
  // a store whose data lives in memory (a cache tier, Memcached or Redis named as the model): its nodes serve from RAM
  "in-memory": String.raw`\bin-memory\b|\bmemcached?\b|\bredis\b|\b(?:key-value|kv|hot[- ]data|distributed|shared) caches?\b|\bcache (?:clusters?|tiers?|layers?|nodes?|fleets?)\b`,
  // the configuration is a proxy's own (routes, clusters, listeners) carried to Envoy-style proxies: xDS carries those
  // resource types, so a control plane speaking it fits there and not for arbitrary application config
  "proxy-config": String.raw`\b(?:envoy|xds|service[- ]mesh(?:es)?|istio|sidecars?|(?:reverse|edge|l7|ingress) prox(?:y|ies)|proxy (?:fleets?|config\w*|routes?)|route tables?|upstream clusters?)\b`,
  // a real-time multiplayer match run by a server that owns its state and steps it on a tick (not a game's leaderboard,
  // a registry of game servers, or a turn-by-turn board game stored as moves): the game server or backend, its
  // matches, tick rate, netcode or matchmaking
  // real-time audio and video between the people of a meeting or call, through media servers (SFUs): a video
  // conference, a video call, WebRTC, an SFU or MCU; never a one-to-many broadcast watched through a CDN (live
  // streaming) nor stored video played on demand (TOPIC_UNLESS)
  "video-conference": String.raw`\b(?:video[- ]?conferenc\w*|(?:audio|video|web|online|virtual) (?:conferenc\w*|meetings?)|video (?:calls?|calling|chats?)|group (?:video|voice) calls?|(?:voice|audio) calls?|webrtc|selective forwarding units?|sfus?|mcus?|multipoint control units?|simulcast|meetings? (?:of|with) (?:up to )?\d[\d,]* (?:participants|people|attendees)|\d[\d,]*[- ](?:participant|person|people)[- ](?:meetings?|calls?)|(?:participants|attendees) (?:in|per|of) (?:a|one|each|the same) (?:meeting|call)|(?:meetings|calls) (?:like|such as) (?:zoom|google meet|microsoft teams|webex)|like (?:zoom|google meet|webex|microsoft teams)|zoom[- ]like|(?:zoom|google meet|webex)[- ](?:style|clone)|^\W*(?:design|build|architect|implement) (?:an? |the )?(?:zoom|google meet|webex|jitsi meet)\b|google meet|webex|jitsi meet)\b`,
  "game-server": String.raw`\b(?:(?:multiplayer|multi-player|online|real[- ]time|competitive|battle[- ]royale|fps|shooter|racing|arena|action|mmo\w*) (?:[\w-]+ ){0,2}(?:game (?:servers?|backends?|back-ends?|sessions?|matches|match|state)|games? (?:where|in which|with) (?:[\w-]+ ){0,3}(?:players?|matches?|match|servers?)|matches)|multiplayer games?|game[- ]servers?|dedicated (?:game )?servers?|(?:authoritative|server[- ]authoritative) (?:game )?(?:servers?|state|simulation)|(?:server|servers) (?:is |are )?authoritative|tick[- ]?rates?|netcode|lag compensation|client[- ]side prediction|matchmak\w*|players? (?:share|join|in) (?:a|one|the same) (?:match|game|round|race|lobby))\b`,
  // bidders bid on one item until its end time and the highest valid bid wins (eBay-style, charity, penny auctions);
  // never an ad auction or real-time bidding for ad slots (TOPIC_UNLESS), nor a venue's bids and asks (an order book)
  auction: String.raw`\b(?:(?:online|timed|live|charity|silent|penny|english|real[- ]time|ebay[- ](?:like|style)|art|car|estate) auctions?|auction (?:sites?|platforms?|systems?|services?|houses?|apps?|listings?|items?|lots?)|auctions? like ebay|(?:an?|the|each|every|one) auction(?! (?:of|for) (?:ad|advertis)\w*)|auctions? (?:where|in which|that|with)|bidding (?:wars?|systems?|platforms?|sites?|services?|engines?)|bidders?|(?:place|places|placed|placing|submit\w*) (?:a |their |his |her |your )?bids?|highest (?:valid )?bids?|(?:last|final)[- ]seconds? bids?|(?:bid|auction) snip(?:e|es|ing|ers?)|sniping|proxy bid\w*|max(?:imum)? bids?|reserve price)\b`,
  // an exchange that runs an auction per ad slot among bidders (DSPs) within the publisher's deadline and answers the
  // winning ad, OpenRTB's bid requests, win and billing notices (never people bidding on an item for minutes: auction)
  "ad-exchange": String.raw`\b(?:ad[- ]?exchanges?|adx|real[- ]time bidding|rtb(?: exchanges?| systems?| platforms?| auctions?)?|openrtb|supply[- ]side platforms?|ssps?|demand[- ]side platforms?|dsps?|programmatic (?:ad\w*|auctions?|exchanges?)|ad auctions?(?: servers?| services?)?|header bidding|(?:ad|advertising) (?:impressions?|slots?) (?:auction|bidding)\w*|like (?:google ad manager|adx|openx|xandr|pubmatic|magnite|appnexus))\b`,
  // machines, databases or laptops backed up as snapshots kept for a window and restored to a point in time: the
  // backup service is the subject (not storage that merely holds backup files, nor a replica called a backup)
  backup: String.raw`\b(?:incremental (?:snapshots?|backups?)|(?:nightly|daily|hourly|weekly|scheduled|periodic) (?:incremental )?(?:backups?|snapshots? of)|snapshot backups?|backups? (?:services?|systems?|platforms?|agents?|products?|solutions?|and restores?)|point[- ]in[- ]time (?:restores?|recovery|backups?)|(?:server|laptop|vm|virtual machine|database|machine|disk|volume|desktop|computer|endpoint)s?'? backups?|back(?:s|ed|ing)? up (?:every|each|all|our|their|\d[\d,.]*)|restor(?:e|es|ed|ing) (?:any|each|every|a) (?:\w+ ){0,2}to (?:any|a|an earlier|a previous|an older|the state of)|deduplicat\w* backups?|time machine|restic|borg ?backup)\b`,
  // the payment provider itself (Stripe, Adyen, a gateway or processor merchants call), not a shop that calls one
  // a log kept for days or more, or read again from old offsets: closed segments move to object storage (Kafka's
  // tiered storage, KIP-405), so the brokers keep a short local window
  "tiered-log": String.raw`\b(?:replay\w*|rewind\w*|tiered storage|re-?read\w* (?:old|past|historical)|(?:keep|keeps|kept|retain|retains|retained|store|stores|hold|holds)\s+(?:\w+\s+){0,3}for\s+(?:\d+|several|many)\s+(?:days?|weeks?|months?|years?)|retention (?:of|for) \d+\s*(?:days?|weeks?|months?|years?)|\d+[- ](?:days?|weeks?|months?)(?:'s)? (?:of )?retention)\b`,
  psp: String.raw`\b(?:payment (?:gateways?|processors?|processing (?:platforms?|networks?)|service providers?)|psps?|(?:payments? )?apis? (?:like|such as|similar to) (?:stripe|adyen|braintree|square|checkout\.com)|(?:like|clone of|similar to|build(?:ing)?|design(?:ing)?|(?:our|your) own) (?:a )?(?:stripe|adyen|braintree)|(?:stripe|adyen|braintree)[- ](?:like|style|clone)|acquir(?:er|ers|ing) (?:bank|banks|connections?|links?)|card (?:networks?|processing)|iso 8583)\b`,
};

/**
 * Words that keep a topic unspoken wherever they stand in the text, before or after the topic's own words: places
 * that stay put are not the subject where anything moves (drivers, couriers, live locations). Tested once per text,
 * apart from the topic's words (as a lookaround around them it was tried again at every word of a long prompt).
 */
export const TOPIC_UNLESS: Readonly<Partial<Record<Topic, string>>> = {
  // a system whose own changes are audited (flags, secrets, a rollout, configuration) keeps its audit history as a
  // part of its own subject, not as the log it is built around
  "audit-log": String.raw`\b(?:feature[- ]?(?:flags?|flagging|toggles?)|secrets?|rollouts?|deploy\w*|config(?:uration)?s?|dns|permissions?|authori[sz]ation)\b`,
  // a currency also bought with real money is not only earned: its top-up and payment provider are drawn
  "earned-currency-only": BOUGHT_CURRENCY_WORDS,
  // a claim is a session lease where the holder can crash, go silent or time out, or a lease, lock or hold is named
  "lasting-ownership": String.raw`\b(?:leases?|leased|ttls?|heartbeats?|keep-?alives?|time-?outs?|times out|timed out|crash(?:es|ed)?|goes silent|go silent|unresponsive|stops? responding|dies|died|fails|failed|locks?|locked|holds?|held for)\b`,
  // a meeting's or a clinic's waiting room holds a few people for a host to let in one by one, not a crowd metered
  // at a rate; a booking or ticketing system that puts one in front of its inventory keeps the booking as its subject
  "waiting-room": String.raw`\b(?:(?:meeting|call|lobby|clinic|doctor'?s?|patient|telehealth|telemedicine|zoom) (?:\w+ )?waiting rooms?|host (?:admits|lets in))\b|^\W*(?:design|build|architect|create|implement) (?:an? |the )?(?:(?!(?:waiting|rooms?|queues?|lines?|for|in|of)\b)[\w-]+ ){0,3}(?:ticketing|booking|reservation|ticket|seat|e-?commerce|shopping) (?:systems?|platforms?|services?|sites?|apps?|websites?)\b|^\W*(?:design|build) (?:an? )?(?:ticketmaster|eventbrite|bookmyshow|stubhub|seatgeek)\b`,
  // a shop or product that takes payments through a provider is the merchant's side, whatever provider it names
  psp: String.raw`\b(?:(?:our|my|an?|the) (?:online )?(?:shop|store|marketplace|restaurant|app)'?s? (?:checkout|payments?)|checkout (?:for|of|in) (?:our|my|an?|the)|(?:through|via|using|with|integrat\w* (?:with )?|calls?|calling) (?:stripe|adyen|braintree|a payment (?:gateway|processor|provider)|the payment (?:gateway|processor|provider)|an? (?:external|third-party) (?:payment )?(?:gateway|processor|provider)))\b`,
  // an ad exchange's auction per impression is real-time bidding for ad slots, not bidders racing an item's end time
  auction: String.raw`\b(?:ad (?:auctions?|exchanges?|slots?|impressions?)|real[- ]time bidding|rtb|openrtb|dsps?|ssps?|(?:supply|demand)[- ]side platforms?|header bidding|programmatic|advertis\w*|(?:spectrum|treasury|bond) auctions?|second-price ad)\b`,
  // a game's leaderboard, a registry game servers announce themselves in, or a game's chat or store is another subject
  // a one-to-many live broadcast (viewers watch through a CDN) or stored video played on demand is another subject
  "video-conference": String.raw`\b(?:live[- ]?stream\w*|broadcast(?:s|ing)? to (?:millions|\d[\d,]* (?:million )?viewers)|viewers|hls|dash|video on demand|vod|upload(?:s|ed|ing)? videos?|transcod\w*)\b`,
  "game-server": String.raw`\b(?:leader ?boards?|high[- ]?scores?|rankings?|(?:servers?|themselves) (?:announce|register)\w*|registry|service discovery|look up live servers|in-game (?:chat|store|purchases?)|game (?:store|catalog(?:ue)?|downloads?|patches|assets))\b`,
  // a configuration snapshot, a feature flag or a device's firmware rolled out in stages is the card's own rollout,
  // flags.ts, or an over-the-air update, not a service's servers moved to a built release
  "deploy-rollout": String.raw`\b(?:feature[- ](?:flags?|flagging|toggles?)|flag (?:service|system|platform|management)|config(?:uration)?s? (?:changes?|rollouts?|snapshots?|push\w*|service|server|distribution|management)|firmware|over[- ]the[- ]air|ota|devices|phones|mobile apps?|app stores?)\b`,
  // scheduling training jobs on GPUs, or building features, is another subject than answering predictions online
  "model-serving": String.raw`\b(?:training (?:jobs?|clusters?|schedulers?|platforms?|runs?)|(?:distributed|large[- ]scale) training|gang[- ]schedul\w*|hyperparameter (?:tuning|search|sweeps?)|(?:schedul\w*|queue\w*) (?:gpu |ml )?training|batch[- ]training|feature (?:stores?|platforms?) (?:that|which|for|where)|design (?:an? )?(?:online )?feature store)\b`,
  // a resolver caches the answers of other people's authorities: a cache in front of them (I07), not the authority
  dns: String.raw`\b(?:(?:recursive|caching|forwarding|stub)(?: dns)? resolv\w*|dns resolvers?|resolvers? with (?:a )?(?:shared )?cache)\b`,
  // a k-nearest query over places on a map is a location index's, not a search over embeddings
  "vector-search": String.raw`\b(?:latitude|longitude|lat[/-]long?|geohash\w*|geospatial|quadtrees?|h3 (?:cells?|index)|nearby (?:drivers|restaurants|places|stores|users))\b`,
  // a sign-in service whose accounts carry roles is the auth subject: passwords, sessions and second factors
  "relationship-authz": String.raw`\b(?:passwords?|password resets?|(?:log|sign)[- ]?ins? (?:services?|systems?|flows?|pages?)|single sign-on|sso|multi-factor|mfa|2fa|magic[- ]links?|identity providers?)\b`,
  // a store of record that keeps a cache of its own is still a store
  "kv-cache": String.raw`\b(?:key-value|kv) (?:stores?|databases?)\b|\bsystem of record\b|\bdurabl[ey]\b`,
  // a store replicated, sharded or spread over machines is built on engines, not one: so is a stream processor's state;
  // a B-tree engine updated in place is another structure than this subject's log-structured merge tree
  "storage-engine": String.raw`\b(?:distributed|replicated|replicas?|replication|multi[- ]region|geo[- ]|shard(?:s|ed|ing)?|partitioned across|clusters? of|\d[\d,]* (?:nodes|machines|servers)|across (?:\w+ ){0,2}(?:nodes|machines|servers|regions|data ?cent(?:er|re)s)|stream process\w*|flink|kafka streams|b-?trees?|b\+ ?trees?|lmdb|innodb|boltdb|update\w* in place)\b`,
  // a key-value or session store that holds sign-in sessions is a store, not the sign-in service; a service of one-time
  // codes (an OTP or verification-code service) keeps codes, not accounts and passwords (I16/otp.ts)
  auth: String.raw`\b(?:key-value|kv) stores?\b|\bsession stores?\b|\b(?:one[- ]time (?:password|pass ?code|code)s?|otps?|verification codes?|(?:phone|sms|phone number) verification|magic[- ]links?) (?:services?|systems?|apis?|servers?|platforms?|providers?)\b`,
  // a sign-in service's passwords, resets and sessions make sign-in the subject, its codes a second factor of it
  "one-time-code": String.raw`\b(?:password (?:hash\w*|resets?|storage|changes?|policy|policies)|(?:reset|forgot(?:ten)?) (?:(?:a |the |their |your )?passwords?|tokens?)|refresh tokens?|session (?:stores?|management|tokens?)|account lockouts?|single sign-on|sso|argon2\w*|bcrypt|credential stuffing)\b`,
  // photos or videos backed up are a photo store, whatever the prompt calls the service
  backup: String.raw`\b(?:photo|image|picture|video)s? backups?\b`,
  places: String.raw`\b(?:drivers?|couriers?|riders?|vehicles?|cars?|taxis?|scooters?|bikes?|deliver(?:y|ies)|friends?|moving|live locations?|location updates?|tracking|tracked)\b`,
};

export const TOPIC_MEANING: Readonly<Record<Topic, string>> = {
  "audit-log":
    "every action is kept as its own record for a retention period of years and must not change once written: the log is appended only, each record carries the hash of the one before it with the chain's head signed at intervals, closed segments go to object storage under a compliance-mode retention lock, records are never rolled up or sampled, and searches read an index of the recent window only",
  "earned-currency":
    "users earn the platform's own currency by what they do (loyalty points on purchases, coins for playing): each grant is credited once per rewarded event against the platform's promotions account",
  "earned-currency-only": "the platform's own currency is only earned, never bought: no top-up and no payment provider",
  "expiring-points":
    "earned points expire a set time after they are earned: each purchase's points are a lot with its own expiry date, redeemed earliest expiry first, and a daily sweep expires the lots past their date once",
  currencies:
    "amounts come in more than one currency: each is kept in its own currency, balances are kept per currency, and nothing is converted unless someone asks for it at a rate recorded with the conversion",
  followers:
    "people follow accounts, so the most-followed account's followers list can hold a large share of all users",
  meetings:
    "people schedule meetings with one another: finding a time reads the busy times of every invitee's calendar",
  "answer-credit":
    "on a Q&A site the asker accepts one answer and authors earn reputation from votes and accepts: the accept is one conditional write by the asker, and reputation is a per-user ledger credited once per vote or accept event",
  "waiting-room":
    "a crowd waits in a virtual line in front of a site that takes only so many new visitors a minute: each visitor passes a challenge and gets one position, the waiting page and its polls are served at the edge, an admission controller raises a served-up-to watermark at the rate the backend can take (lower while it struggles), and a visitor whose place is reached gets a signed, expiring admission token bound to them that the site's edge checks on every request",
  "stream-processor":
    "a stream processor computes keyed results over event-time windows (tumbling, sliding, session): sources read partitions of a replayable log at offsets, windows fire when the watermark passes their end plus the allowed lateness, keyed state lives in a state backend, and periodic checkpoints by aligned barriers store state with the source offsets, so a crash restores the last checkpoint, replays, and a transactional or idempotent sink counts each event once",
  "cdc-warehouse":
    "committed row changes of source databases are carried into a warehouse: each engine's own commit log is read after an initial snapshot, from the position that log keeps, published keyed by table and primary key, and a loader MERGEs each table's batch by primary key together with the batch's end position, so a crash resumes from committed positions and nothing is applied twice",
  "mysql-binlog":
    "the captured databases are MySQL: changes are read from the binlog in row format and positions are GTID sets, which survive a failover to a replica",
  "on-sale":
    "a sale opens to a crowd at once (tickets going on sale, fans, a flash sale or drop): more buyers arrive in its first minutes than the inventory takes conditional writes, so they are admitted through a waiting room",
  "availability-map":
    "buyers browse which items are free (a seat map, tables or slots at a time, a calendar) before holding one, so a derived availability view is served from a cache in front of the inventory",
  money: "money moves: a payment, charge, refund, payout, transfer or ledger",
  "work-queue": "a work queue: each message is leased to one worker, hidden until acked, and redelivered on its own",
  "user-presence":
    "people's presence: whether a user shows as online, away or busy to others, and when they were last seen",
  "keyed-order":
    "each key the prompt names (a customer, a tenant, a partner) has its own ordered stream: one item of a key in flight at a time, the next handed on only after the one before it was acknowledged or parked, so a failing item holds only its own key's later ones",
  webhook: "events are pushed to endpoints our customers register (webhooks, callback URLs), not to a provider we call",
  cache:
    "the system is a cache: its copies may be evicted and refilled from elsewhere, so it keeps no repair of lost writes",
  "job-slots":
    "each tenant may run at most its quota of long-running jobs at once across a worker fleet: a slot is a leased row granted by one conditional write under the quota on the tenant's shard, renewed by the worker's heartbeat, ended by release or by reclaim after its lease lapses, and a worker that cannot renew stops its job",
  "media-pipeline":
    "uploaded media is turned into several outputs by a worker fleet (a video into resolutions, audio into bitrates, an image into sizes, a document into a PDF): a job per upload, split into segments encoded in parallel as leased tasks keyed by (asset, rendition, segment), outputs under a staging prefix, and one conditional manifest write that publishes the asset last",
  "relationship-authz":
    "the service decides who may do what to which object from relation tuples (object#relation@user, a user or a group's members) kept per object in a replicated store with one commit order: namespaces' userset rewrite rules say how relations derive from others, a check walks them at a snapshot no older than the caller's zookie so a removed user never sees content added after the removal, nested groups are flattened into an index fed by the changelog, and sub-check answers are cached by snapshot",
  secrets:
    "the system keeps and issues machines' secrets (a secrets manager like Vault): one active node writes every lease, revocation and rotation to an encrypted store replicated by a Raft log, standbys serve reads only after applying the active node's commit index, expired leases are revoked at their targets, and every answer is audited",
  "one-time-code":
    "the system issues and checks one-time codes (a verification code or one-time password sent by text or email, or a single-use sign-in link): one record per destination and purpose holds only the code's keyed hash, its expiry, its wrong guesses and when it was used; a verify spends it by one conditional write; sends are capped per destination, address and prefix and leave through outside providers with the same code on every retry",
  auth: "the system signs people in to their own accounts: passwords kept as slow salted hashes, password resets by an emailed single-use token, sessions revoked when the password changes, and failed attempts counted per account and per source so guessing is bounded",
  "kv-cache":
    "the system is a pool of in-memory key-value cache servers (Memcached, Redis as a cache): clients hash each key to one server, items live in RAM and are evicted least recently used, nothing is replicated, and a lost server's keys miss and refill from the origin",
  "cache-aside":
    "a cache tier sits in front of a database that stays the system of record: reads look in the cache first and fill it from the database on a miss",
  "partner-channels":
    "the same rooms are also sold through partner sites (travel agencies, a channel manager): every channel's sale comes out of one inventory",
  "read-through":
    "the cache tier in front of the database loads a missed key from the database itself, one load per key, so callers ask only the cache",
  "file-sync":
    "people's files sync across their devices: a metadata journal per namespace is the authority, and file contents are immutable blocks stored once by hash",
  "order-book":
    "orders for an instrument are matched against its order book: one sequencer per symbol applies a sequenced order log by price-time priority and publishes executions",
  "in-flight":
    "a limit caps the requests in flight at once, each holding a concurrency slot from admission until it finishes, rather than only counting requests over time",
  "multi-channel":
    "one notification reaches a person by push, email or text as their preferences allow: a channel router writes a delivery per allowed channel and contact point, and each channel has its own sender and gateway",
  email:
    "emails go to people's mailboxes: each recipient's message is queued by recipient domain, signed with the sender's DKIM key, handed to a recipient mail server over SMTP, and its bounces and complaints feed a suppression list",
  aggregation:
    "business events (clicks, views, follows, app events) are counted per key in time windows from a stream of immutable events, not projected record by record",
  billed:
    "the counts are billed, paid on or audited (ad clicks charged per click, impressions per thousand): each total must match the raw events, so bots and fraud are filtered out before anyone is charged",
  "shown-count":
    "a count is shown beside the thing counted (a video's views, a post's likes): a running total per key in a serving store that every page view reads through a cache, fed by batched sums from the event stream within the stated freshness",
  reaction:
    "the counted events are people's own likes or reactions, each a toggle of one person on one item: a set of (item, person) rows records who liked what once, answers whether a person liked it, takes an unlike, and only a change to it moves the count",
  "vector-search":
    "the service answers nearest-neighbour searches over embeddings: vectors with ids and metadata in a store of record, an approximate index (HNSW graphs or IVF lists of quantised codes) built and merged in segments per shard, every query scattered to each shard and their top k merged, deletes masked by tombstones, one embedding model version per collection",
  "fraud-scoring":
    "each transaction (a card authorisation, a click, a login) is scored for fraud while the caller waits: a scoring service reads the card's, merchant's and device's velocity counters from an online feature store fed by the transaction stream, runs the live model and the rules within a deadline and stores one decision per transaction id",
  typeahead:
    "completions are suggested as people type: each prefix's top-k, ranked by how often it was searched, is precomputed into an immutable snapshot served from memory",
  "polite-site":
    "the prompt bounds a crawl's fetches per site, domain or website, so politeness holds per registrable domain (the public suffix plus one label, from the Public Suffix List): every host of one site shares its one fetch in flight and its delay, and the frontier is partitioned by that domain",
  crawl:
    "other people's web pages are fetched: each host is owned by one frontier partition that keeps its robots.txt rules and fetches it one request at a time, a delay apart",
  ledger:
    "money moves between accounts the system keeps itself (a bank's ledger sharded by account): each transfer debits one account and credits another under a transfer id, and the total never changes",
  "lasting-ownership":
    "a claim held as lasting ownership (registered, titled or issued to someone, transferred between owners): a durable ownership record changed only by an explicit transfer, a release or a stored end date, never a session lease that lapses when its holder goes silent",
  election:
    "candidates campaign for the leadership of a named election: the winner holds it under a session lease and gets a revision it fences its writes with, and everyone else observes who leads",
  "object-store":
    "objects stored whole under a bucket and key: many, mostly small, each written once and read many times, so the objects and their requests are counted, not only the bytes",
  "workflow-engine":
    "a durable workflow engine runs other people's workflow code: each execution's append-only event history is the truth, workers poll task queues, and state is rebuilt by replaying the history",
  cdc: "a database's committed row changes are read from the database's own commit log by a connector and applied to other stores, each keyed by primary key and versioned by its position in that log",
  "cdc-mysql":
    "the captured database is MySQL: committed row changes are read from its row-based binary log by a connector that joins as a replica, and its place is a binlog position and GTID set the connector keeps, which the server does not wait for",
  "cdc-cache":
    "one of the change stream's sinks is a cache or key-value store (Redis), which applies a change only when its log position is newer than the one stored beside the value",
  whiteboard:
    "people edit a board of objects (stickies, shapes, connectors, frames) together: the board's server keeps the last value it received for each property of each object, orders siblings by fractional keys and relays cursors without storing them",
  iot: "readings come from devices and sensors that push them: each device buffers while offline and sends late, so samples are accepted out of order within a window, and each series belongs to a registered device",
  places:
    "people search for places near a point that stay where they are (restaurants, shops): the business records are the authority, and a geo cell index derived from them is filtered and ranked by distance, rating and relevance, with no position updates",
  logs: "application log lines are shipped from every host into a durable, partitioned buffer, indexed behind it, and searchable within a freshness bound; older lines are kept as compressed chunks in object storage",
  traces:
    "spans of distributed traces arrive from instrumented services; one sampling decision per trace keeps it whole or drops it, and kept spans are stored by trace id with an index for search, lapsing at the retention",
  "model-serving":
    "trained models answer prediction requests online: immutable model versions in a registry, a gateway that admits by tenant quota and routes by each model's traffic split to replicas holding models in memory behind a dynamic batcher, and canary rollouts promoted or rolled back by one compare-and-set",
  "untrusted-code":
    "code nobody has reviewed runs for whoever submits it (a judge's submissions, a code runner, CI for outsiders' pull requests): each run is isolated in a fresh sandbox with no network and hard CPU, memory, process and output limits, and ends in one verdict",
  functions:
    "code is deployed as functions and run per invocation (serverless, Lambda-like): an invocation router sends each call to an idle warm sandbox of the function's current version, or cold-starts one within capacity",
  push: "notifications go to people's phones through the platform push services (APNs for iOS, FCM for Android) by device token",
  "top-k":
    "the k keys counted most often over a recent window (trending hashtags, the most viewed videos of the last hour): per-key counts in minute buckets, each partition's own top k, merged into one ranking every minute",
  "app-config":
    "the config's clients are app installs on people's devices: each fetches a small manifest through a CDN when it opens, downloads an immutable snapshot only on a new version, evaluates on the device from it or from defaults baked into the build, and a kill switch bypasses every rollout, purged from the CDN and announced by silent push",
  "feature-flags":
    "feature flags are evaluated per user inside every service's SDK from an in-memory copy: targeting rules, segments and hashed percentage rollouts, changed under one global version with an audit entry and streamed to the SDKs as deltas",
  "deploy-rollout":
    "a service's servers are moved to a new release built once and named by digest, in waves from a canary to the whole fleet, each behind a bake time and a health gate reading the metrics system, within a cap on hosts out of service; a failing gate moves the desired version back on its own, one rollout per service at a time, every change audited",
  dns: "the service is the authority for DNS zones: record changes commit at each zone's next SOA serial, reach name servers at anycast PoPs by NOTIFY and incremental transfer, and every query is answered from memory, absences with the SOA that bounds negative caching",
  "in-memory":
    "the store keeps its data in memory (a cache tier, or a store modelled on Memcached or Redis), so each node serves from RAM",
  "proxy-config":
    "the configuration is a proxy's own: routes, clusters, listeners and endpoints streamed to Envoy-style proxies, the resource types xDS carries",
  leaderboard:
    "members are ranked by a score that keeps changing (a game's players, sellers by sales): each score is recorded once in a durable store and set in an ordered set per board and window, where a member's rank is the count of members scoring higher and the top k is read in logarithmic time",
  "media-store":
    "people's photos are stored by the service itself and served through a CDN: each upload is resumable under its upload id, its bytes are appended to large append-only volumes replicated across zones, and its metadata is committed only once they are durable, so an acknowledged photo is never lost",
  "dag-workflow":
    "batch jobs run as DAGs of dependent tasks (Airflow, Dagster): a scheduler creates one run per DAG and schedule date, releases each task when its upstream tasks succeed and queues it within its pool's slots, and a worker starts it once under a try number, heartbeating until it ends or is retried",
  "tiered-log":
    "the log is kept for days or more, or read again from old offsets: brokers copy each closed segment to object storage and keep only a short local window on disk, and a fetch below that window is served from the object store",
  psp: "the system is the payment provider itself (a payment API like Stripe, a gateway or processor): merchants create payments under their own Idempotency-Key, card numbers live only in a tokenising vault, cards are authorised and captured through acquirers over the card networks, every movement posts balanced ledger lines, and merchants hear of outcomes by signed webhooks",
  "storage-engine":
    "a single-node storage engine (an LSM tree like RocksDB): one process appends each group of writes to a write-ahead log with one fsync and gives each write a sequence number, keeps recent writes in a memtable, flushes it to immutable sorted tables with index and Bloom filter blocks, compacts them level by level, records each version of the live files in a MANIFEST named by CURRENT, reads at a snapshot sequence through a block cache, and recovers by replaying the WAL past the last flushed sequence",
  "login-session":
    "the store holds people's signed-in sessions, each a credential: a logout or revocation is a write that takes effect everywhere within a stated bound and is never undone by an older write, a late hint or a repair from a replica that missed it",
  cart: "a shopper's cart kept by the system: lines keyed by (cart, sku) changed one transaction at a time under the client's request id and acknowledged after a majority holds them, a guest cart merged into the account's once at sign-in, price and stock re-checked at checkout, idle carts expired",
  "video-conference":
    "real-time audio and video between the people of a meeting: participants join with a token through a WebSocket signalling service that negotiates each media session (SDP offer and answer, ICE with STUN and TURN, DTLS-SRTP keys), a placement service puts each meeting on one SFU or a cascade of them, and the SFU forwards each receiver only the streams it chose (active speakers, a gallery page) at the simulcast or SVC layer its bandwidth estimate fits, without mixing; loss is handled by NACK, PLI and jitter buffers, and a recorder joins as a receiver",
  "game-server":
    "a real-time multiplayer match run by an authoritative game server: a matchmaker places players into a match on a server process that owns its state, the server applies each player's numbered inputs once per fixed tick and sends delta snapshots, clients predict and reconcile, lag compensation judges hits, and a match directory keeps each match's server under a lease",
  auction:
    "bidders bid on one item until its end time and the highest valid bid wins: one owner per auction, under a lease with an epoch, accepts a bid only while its own clock is before the end time and the bid is at least the current price plus the increment, sequences it in the auction's bid log, resolves maximum (proxy) bids, and closes by appending a close marker after which no bid counts",
  "ad-exchange":
    "a real-time bidding ad exchange: each bid request from a publisher is enriched, sent in parallel to the eligible bidders within their QPS caps, each call cut off at a bidder timeout inside the publisher's tmax, the best bid at or above the floor wins and its markup is answered before the deadline (no-bid otherwise), win and billing notices go to the winner, each rendered impression is billed once by its impression id, and every auction, bid and impression goes to an event log for reporting and billing",
  backup:
    "machines, databases or laptops are backed up as incremental snapshots kept for a retention window: an agent uploads only the content-defined chunks the dedup index lacks, each night's snapshot is committed only once every chunk it lists is durable, and expired snapshots' chunks are collected by mark and sweep after a grace period, so any kept snapshot restores in full",
  "distributed-sql":
    "a SQL database spread over machines and regions: rows live in ordered key ranges, each range replicated by its own consensus group, and a transaction that writes several ranges commits on all of them at one timestamp, in the order clients saw commits happen",
};

/**
 * A topic that is not the design's subject when another one is spoken too: a payment system that sends a push on
 * success is still about money, so its saga and compensation stay.
 */
/**
 * Subjects whose whole state lives in one process on one machine (an embedded storage engine), with why: nothing is
 * replicated, so no majority keeps a hard rule; the disk's fsync does (predicate quorum-truth, the never-lost rule).
 */
export const ONE_MACHINE_TOPICS: Readonly<Partial<Record<Topic, string>>> = {
  "storage-engine": "an embedded storage engine keeps its whole state in one process on one machine",
};

/** Why a design speaking of these subjects lives on one machine: the first subject it speaks of that does. */
export function oneMachineReason(topics: readonly { value: Topic }[] | undefined): string | undefined {
  return (topics ?? []).map((t) => ONE_MACHINE_TOPICS[t.value]).find((x) => x !== undefined);
}

/**
 * Words of a topic that only say whose business a system serves, not that the topic's thing happens: "a push
 * notification service for a banking app" sends notifications for a bank, it moves no money. A topic does not yield
 * (`TOPIC_YIELDS`) to one spoken only by such words, and one so spoken gives way to any other subject spoken.
 */
export const OWNER_WORDS: Readonly<Partial<Record<Topic, RegExp>>> = {
  money: /\b(?:banks?|banking|fintech)\b/gi,
};

/** A text with a topic's owner words (`OWNER_WORDS`) blanked, every other character in its place. */
export function withoutOwnerWords(topic: Topic, text: string): string {
  const owner = OWNER_WORDS[topic];
  return owner === undefined ? text : text.replace(owner, (m) => " ".repeat(m.length));
}

/** Whether a spoken topic is spoken by more than its owner words (`OWNER_WORDS`): the text with them blanked still names it. */
function spokenBeyondOwner(topic: Topic, text: string): boolean {
  if (OWNER_WORDS[topic] === undefined) return true;
  const re = COMPILED[topic];
  re.lastIndex = 0;
  const blank = withoutOwnerWords(topic, text);
  return re.test(re.flags === "i" ? blank : lowerAscii(blank));
}

export const TOPIC_YIELDS: Readonly<Partial<Record<Topic, readonly Topic[]>>> = {
  // changes loaded into a warehouse are merged by primary key there, not versioned into a search index or a cache
  cdc: ["cdc-warehouse"],
  "cdc-cache": ["cdc-warehouse"],
  // a MySQL source loaded into a warehouse is read by the warehouse subject's own binlog rows (mysql-binlog)
  "cdc-mysql": ["cdc-warehouse"],
  // business events counted per key in windows are the aggregation pipeline, whatever engine runs it
  "stream-processor": ["aggregation"],
  // a stream job asked to keep per-card totals for fraud checks is the job itself (its checkpoints and state), not a
  // scoring service on the authorisation path
  "fraud-scoring": ["stream-processor"],
  // a cache in front of the design's own database draws that database behind the cache tier (cache-aside)
  "kv-cache": ["cache-aside"],
  // an observability platform that names both logs and traces is neither one's pipeline: the metrics model stays
  logs: ["traces"],
  traces: ["logs"],
  push: ["money", "multi-channel"],
  // a payment that emails a receipt is about money, a webhook service that emails a failing endpoint's owner is about
  // webhooks, and a notification service that also pushes keeps the push shape
  email: ["money", "webhook", "push", "multi-channel"],
  "multi-channel": ["money", "webhook"],
  // a bank ledger kept on a distributed SQL database is about the money; the database is its technology
  "distributed-sql": ["ledger"],
  // object storage for photos is a photo store: its upload, volume and CDN shape, not a bucket API's (and for
  // backups, listed below, a backup service's)
  // a payment provider's webhooks to its merchants are its own signed deliveries, drawn with it
  webhook: ["psp"],
  // requests in flight are a moment's slots; a job semaphore's slots are leased rows held while the job runs
  "in-flight": ["job-slots"],
  // a venue's bids and asks matched by price-time priority are an order book, not an auction with an end time
  auction: ["order-book"],
  // a Dropbox-like product's versions are its file-sync journal; a bucket of backup objects is the backup service's
  backup: ["file-sync", "media-store"],
  "object-store": ["media-store", "backup"],
  // an authorization service that checks signed-in users' permissions is about the permissions, not the sign-in
  auth: ["relationship-authz"],
  // a model's new version rolled out by canary is the serving platform's own traffic split, not a fleet's release
  // waves; a model replica's cold start is not a function's
  // flags whose clients are app installs are the app config subject: fetched through a CDN, not streamed to SDKs
  "feature-flags": ["app-config"],
  "deploy-rollout": ["model-serving"],
  functions: ["model-serving"],
  // a sign-in service whose second factor is a texted code is about the sign-in; the code is its factor
  "one-time-code": ["auth"],
  // a one-time code service kept in Redis or in memory is about its codes: the store's memory is its decision
  // (i16-otp-store), not a cache tier's model
  "in-memory": ["one-time-code"],
};

/**
 * A topic that only makes sense inside another: a count shown on a page is a running total kept beside the windowed
 * counts of an event-counting pipeline, so it is spoken only where the prompt counts events too.
 */
export const TOPIC_NEEDS: Readonly<Partial<Record<Topic, Topic>>> = {
  "polite-site": "crawl",
  "read-through": "cache-aside",
  "cdc-mysql": "cdc",
  "kv-cache": "cache",
  "shown-count": "aggregation",
  reaction: "shown-count",
  "top-k": "aggregation",
  billed: "aggregation",
  "mysql-binlog": "cdc-warehouse",
};

/**
 * Each topic's words as a pattern for a text whose ASCII capitals are lowered (`lowerAscii`): the same matches as
 * the case-insensitive pattern on the text itself, since without the `u` flag `i` pairs an ASCII letter only with
 * an ASCII letter, but compiled to machine code at about half the cost, which a one-shot design pays for all 25
 * on its first prompt. A source with other than ASCII text, or with a named group, keeps the `i` flag.
 */
const compile = (source: string): RegExp =>
  /^[\x20-\x7e]*$/.test(source) && !/\(\?<[A-Za-z]/.test(source) ? lowerPattern(source) : new RegExp(source, "i");
const COMPILED = Object.fromEntries(TOPIC_VALUES.map((t) => [t, compile(TOPIC_WORDS[t])])) as Record<Topic, RegExp>;
// a topic's own words that keep it unspoken, and a head asking for a kind of system unlike it (signals/kinds.ts)
const COMPILED_UNLESS = Object.fromEntries(
  TOPIC_VALUES.flatMap((t) => {
    const sources = [TOPIC_UNLESS[t], kindsUnlike(t)].filter((x) => x !== undefined);
    return sources.length === 0 ? [] : [[t, compile(sources.join("|"))]];
  }),
) as Partial<Record<Topic, RegExp>>;

/** Each topic's pattern as compiled (its source and flags): what scripts/build-kb.ts reads the literals of. */
export const topicPatterns = (): readonly { topic: Topic; source: string; flags: string }[] =>
  TOPIC_VALUES.map((t) => ({ topic: t, source: COMPILED[t].source, flags: COMPILED[t].flags }));

/**
 * Each topic's literals (knowledge/pattern-literals.ts, listed at build time in generated/topic-literals.ts): a
 * lowered text holding none of them cannot match its pattern, so the pattern is not run, and V8 never compiles it
 * (~0.2 ms a long alternation; a one-shot design compiled all 45, most of which match nothing). A literal list is
 * taken only where it was listed from the very pattern compiled here, so a stale table costs time, never an answer.
 */
const LITERALS: Partial<Record<Topic, readonly string[]>> = Object.fromEntries(
  TOPIC_VALUES.flatMap((t) => {
    const listed = TOPIC_LITERALS[t];
    return listed && COMPILED[t].flags === "" && listed.source === COMPILED[t].source ? [[t, listed.literals]] : [];
  }),
);
/**
 * Every topic's literals indexed (`LazyLiteralIndex`: `includes` for a process's first texts, then a trie; a topic without a list stands for the empty
 * literal, which every text holds), so a text is read for all of them in one pass. Looked for one by one with
 * `includes`, they cost ~150 µs a short prompt, more than the compiled patterns: a long-running process used to stop
 * looking after its first 16 texts and then ran all 46 patterns on every text.
 */
let literalIndex: LazyLiteralIndex | undefined;
/**
 * By each topic's place in TOPIC_VALUES: whether its pattern may match a lowered text (it has no listed literals,
 * or the text holds one).
 */
function mayMatchTopics(lowered: string): readonly boolean[] {
  literalIndex ??= new LazyLiteralIndex(TOPIC_VALUES.map((t) => LITERALS[t] ?? [""]));
  return literalIndex.holds(lowered);
}

/** A pattern source's ASCII capitals lowered, escapes kept (`\S` stays "not a space", `\B` a non-boundary). */
function lowerPattern(source: string): RegExp {
  return new RegExp(source.replace(/\\[\s\S]|[A-Z]+/g, (m) => (m[0] === "\\" ? m : m.toLowerCase())));
}

/** A text with its ASCII capitals lowered and nothing else changed: every character keeps its place. */
function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
}

/** A topic a text speaks of, with the words that name it. */
export type SpokenTopic = Readonly<{ value: Topic; quote: string }>;

/**
 * The last two texts' topics: one design asks of its prompt and of its prompt with its features' words, each
 * several times (the nfrs, the archetypes, the layout). Shared, so frozen.
 */
let recent: [string, readonly SpokenTopic[]] | undefined;
let before: [string, readonly SpokenTopic[]] | undefined;

/** The topics a text speaks of, in table order, each with the words that name it (a topic yielding to a spoken one is left out). */
export function topicsSpoken(text: string): readonly SpokenTopic[] {
  if (recent?.[0] === text) return recent[1];
  if (before?.[0] === text) {
    const hit = before;
    before = recent;
    recent = hit;
    return hit[1];
  }
  const lowered = lowerAscii(text);
  const may = mayMatchTopics(lowered);
  const found = TOPIC_VALUES.flatMap((t, k) => {
    const re = COMPILED[t];
    const m = may[k] ? re.exec(re.flags === "i" ? text : lowered) : null;
    const unless = m ? COMPILED_UNLESS[t] : undefined;
    if (unless?.test(unless.flags === "i" ? text : lowered)) return [];
    return m ? [Object.freeze({ value: t, quote: text.slice(m.index, m.index + m[0].length) })] : [];
  });
  const kept = found.filter(
    (x) =>
      !(TOPIC_YIELDS[x.value] ?? []).some((y) => found.some((f) => f.value === y && spokenBeyondOwner(y, text))) &&
      (TOPIC_NEEDS[x.value] === undefined || found.some((f) => f.value === TOPIC_NEEDS[x.value])),
  );
  // a topic spoken only by words that say whose business it is gives way to any other subject kept
  const owned = kept.length > 1 ? kept.filter((x) => !spokenBeyondOwner(x.value, text)) : [];
  const spoken = Object.freeze(
    owned.length > 0 && owned.length < kept.length ? kept.filter((x) => !owned.includes(x)) : kept,
  );
  before = recent;
  recent = [text, spoken];
  return spoken;
}

/**
 * The topics a design speaks of, with the words that name them: its prompt's words and its product features'
 * names and actions (nfrs.topics lists them; the architecture's layout draws the rows that fit the rest).
 */
export const designTopicsSpoken = (
  prompt: string,
  features: readonly { name: string; actions: readonly string[] }[],
): readonly SpokenTopic[] => {
  if (features.length === 0) return topicsSpoken(prompt);
  // the nfrs and the layout each ask of the same prompt and features (a kept features list is one object)
  if (lastDesign?.prompt === prompt && lastDesign.features === features) return lastDesign.spoken;
  const found = topicsSpoken([prompt, ...features.flatMap((x) => [x.name, ...x.actions])].join("\n"));
  // a subject only the prompt's own words speak of is taken from the prompt alone, whatever the features' words
  // add or (for a subject that no word of moving things may sit beside, static places) take away
  const own = topicsSpoken(prompt).filter((x) => PROMPT_ONLY.includes(x.value));
  const spoken = Object.freeze(
    TOPIC_VALUES.flatMap((t) => {
      const x = PROMPT_ONLY.includes(t) ? own.find((o) => o.value === t) : found.find((o) => o.value === t);
      return x ? [x] : [];
    }),
  );
  lastDesign = { prompt, features, spoken };
  return spoken;
};

/** The last design's spoken topics (designTopicsSpoken), by its prompt and its features list. Shared, so frozen. */
let lastDesign: { prompt: string; features: object; spoken: readonly SpokenTopic[] } | undefined;

/**
 * Subjects only the prompt's own words speak of, never a product feature's actions: a product whose feed shows
 * like counts is not an event-counting pipeline, while a prompt that asks to count clicks per campaign is.
 */
const PROMPT_ONLY: readonly Topic[] = [
  "partner-channels",
  "read-through",
  "polite-site",
  "currencies",
  "expiring-points",
  "earned-currency",
  "earned-currency-only",
  "meetings",
  "followers",
  "lasting-ownership",
  "answer-credit",
  "on-sale",
  "waiting-room",
  "availability-map",
  "backup",
  "shown-count",
  "reaction",
  "aggregation",
  "billed",
  "vector-search",
  "typeahead",
  "fraud-scoring",
  "stream-processor",
  "cdc-warehouse",
  "mysql-binlog",
  "whiteboard",
  "iot",
  "places",
  "logs",
  "traces",
  "media-store",
  "app-config",
  "feature-flags",
  "dns",
  "deploy-rollout",
  "proxy-config",
  "in-memory",
  "leaderboard",
  "dag-workflow",
  "psp",
  "kv-cache",
  "tiered-log",
  "auction",
  "ad-exchange",
  "game-server",
  "video-conference",
  "auth",
  "one-time-code",
  "secrets",
  "relationship-authz",
  "cart",
  "login-session",
  "storage-engine",
  "job-slots",
  "media-pipeline",
  "model-serving",
];

/** The topics a design never speaks of (designTopicsSpoken), in table order. */
export const designTopicsUnspoken = (
  prompt: string,
  features: readonly { name: string; actions: readonly string[] }[],
): readonly Topic[] => unspokenBesides(designTopicsSpoken(prompt, features));

/** The topics a row cannot coexist with: one, or several (a workflow's generic send is neither a push's nor an email's). */
export type TopicMark = Topic | readonly Topic[];

/** A mark's topics as a list. */
export const markTopics = (mark: TopicMark | undefined): readonly Topic[] =>
  mark === undefined ? [] : typeof mark === "string" ? [mark] : mark;

/** Whether a row marked with a needed topic and topics it cannot coexist with fits the topics left unspoken. */
export const fitsTopics = (row: { topic?: Topic; unlessTopic?: TopicMark }, unspoken: readonly Topic[]): boolean =>
  !(row.topic && unspoken.includes(row.topic)) && markTopics(row.unlessTopic).every((t) => unspoken.includes(t));

/**
 * The names of a card's entities the unspoken subjects leave out: an entity that does not fit them, unless another
 * entity of the same name does (a software deployment's own Rollout replaces the card's configuration Rollout, so
 * the name stays drawn with the subject's row).
 */
export const offTopicNames = (
  entities: readonly { name: string; topic?: Topic; unlessTopic?: TopicMark }[],
  unspoken: readonly Topic[],
): Set<string> => {
  const kept = new Set(entities.filter((e) => fitsTopics(e, unspoken)).map((e) => e.name));
  return new Set(entities.filter((e) => !kept.has(e.name)).map((e) => e.name));
};

/** The topics left unspoken by a design whose spoken subjects are these (nfrs.topics). */
export const unspokenBesides = (spoken: readonly { value: Topic }[] | undefined): readonly Topic[] => {
  if (spoken === undefined) return ALL_UNSPOKEN;
  // a design's fields ask this of the same (kept, frozen) topics list many times: one answer per list
  let unspoken = UNSPOKEN.get(spoken);
  if (unspoken === undefined) {
    unspoken = Object.freeze(TOPIC_VALUES.filter((t) => !spoken.some((x) => x.value === t)));
    UNSPOKEN.set(spoken, unspoken);
  }
  return unspoken;
};

const ALL_UNSPOKEN: readonly Topic[] = Object.freeze([...TOPIC_VALUES]);
/** unspokenBesides' answers by the spoken list they answer (a list is read-only by contract: fields are frozen). */
const UNSPOKEN = new WeakMap<readonly { value: Topic }[], readonly Topic[]>();

/**
 * Rows of a card's general model that designs about these subjects never keep: each row not already marked with a
 * topic it needs gets them added to the topics it cannot coexist with (a metrics pipeline's series and alert rules
 * have no place where the records are log lines or trace spans).
 */
export const unlessTopics = <R extends { topic?: Topic; unlessTopic?: TopicMark }>(
  rows: readonly R[],
  topics: readonly Topic[],
): R[] =>
  rows.map((r) =>
    r.topic !== undefined ? r : { ...r, unlessTopic: [...new Set([...markTopics(r.unlessTopic), ...topics])] },
  );

/**
 * A subject rule's mark naming the mechanism that keeps it (`keptBy` on a card's `invariantTopics`), read from the
 * subject file's own table of its rules and their mechanisms; nothing for a rule the table does not name.
 */
export const keptBy = (statement: string, table: Readonly<Record<string, MechanismId>>): { keptBy?: MechanismId } =>
  table[statement] ? { keptBy: table[statement] } : {};

/**
 * Words that speak of one subject's own records or parties (an advertiser billed for fraudulent clicks, a function
 * invoked, a metrics series scraped), which a design's rows say only where it speaks of that subject (`topic`) or never
 * where it speaks of one that replaces it (`unlessTopic`): a row carried in from a neighbouring subject (coherence
 * `subject-leftover`).
 */
export const SUBJECT_TELLS: readonly Readonly<{
  subject: string;
  words: string;
  topic?: Topic;
  unlessTopic?: readonly Topic[];
}>[] = [
  {
    subject: "ad billing",
    topic: "billed",
    words: String.raw`\b(?:advertisers?|billed to|fraudulent clicks)\b`,
  },
  {
    subject: "a function platform",
    topic: "functions",
    words: String.raw`\b(?:invok(?:e|es|ing) functions?|function invocations?|per (?:hot )?function|invocation router)\b`,
  },
  {
    subject: "a metrics pipeline",
    unlessTopic: ["logs", "traces"],
    words: String.raw`\b(?:(?:same|each|every|one) series|scrap(?:e|es|ed|ing)|scrape targets?|active series)\b`,
  },
];
