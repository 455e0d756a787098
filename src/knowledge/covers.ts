import { STATED_FLOOR } from "./bounded-counters.js";
import type { ArchetypeId } from "./generated/ids.js";
import type { Topic } from "./topics.js";
import type { Availability, Consistency } from "./vocab.js";

/**
 * A supporting archetype whose role the dominant one already plays when the design is about one of its subjects:
 * recognition may still name it (a work queue's "visibility timeouts" read as a lease, and "timeouts" as a due-time
 * release), but the dominant's own variant holds that state and runs that loop, so the supporting archetype adds
 * no components, paths, invariants, numbers or decisions of its own. A row covers the role only while the prompt
 * does not ask for the supporting archetype's own need (`unless`: words that do, such as a cron schedule for a
 * due-time scheduler, or a lock on a resource outside the queue for a lease service).
 */
export interface Coverage {
  /** The dominant archetype whose variant covers the role. */
  by: ArchetypeId;
  /** The subject the dominant must be about (its topic variant); absent when any design of it covers the role. */
  topic?: Topic;
  /** The supporting archetype whose role is covered. */
  covers: ArchetypeId;
  /** Words (a case-insensitive regular expression's source) that ask for the covered archetype's own need. */
  unless: string;
  /** Which part of the dominant covers the role, said in a sentence that completes "covered: …". */
  because: string;
  /**
   * Whether the subject leads where recognition ranked the covered archetype first: the prompt's words name the
   * subject (a counter of likes), and the covered archetype was read only from the part the subject already plays
   * (its count store as "a distributed counter"). Without it, a covered archetype ranked first keeps the lead.
   */
  leads?: boolean;
  /**
   * The covering part holds soft state (a limiter's budgets, refilled each window and lost on a restart): it can
   * stand in for key-scoped state only where that state may be soft too. A prompt that holds a count to a floor
   * (`STATED_FLOOR`: "stock never goes negative", "a balance never drops below zero") asks for durable, linearizable
   * state, which soft state never covers.
   */
  soft?: true;
}

export const COVERAGE: readonly Coverage[] = [
  {
    // a score is the system's own decision, stored once per transaction id: no outside effect is made, so no workflow,
    // outbox or provider reconciliation is drawn unless the prompt asks the system to move money itself
    by: "I06",
    topic: "fraud-scoring",
    covers: "I12",
    unless: String.raw`\b(?:charg(?:e|es|ing) (?:the |a |each |every )?(?:cards?|customers?|buyers?)|refund\w*|payouts?|webhooks?|sagas?|compensat\w*|captur(?:e|es|ing) (?:the )?(?:payments?|funds))\b`,
    because:
      "the decision store's conditional insert keyed by transaction id: a retried score call gets the stored decision, and scoring calls no outside party, so no workflow, outbox relay or provider reconciliation is drawn",
    leads: true,
  },
  {
    by: "I06",
    topic: "fraud-scoring",
    covers: "I05",
    unless: String.raw`\b(?:consumer groups?|producer acks?|replay (?:a|the) log for (?:other|many) consumers)\b`,
    because:
      "the transaction log partitioned by card is the scoring's own append-only input: the feature updater reads it from a checkpointed offset and training reads whole days, so no separate partitioned log product with its own consumers is drawn",
    leads: true,
  },
  {
    by: "I06",
    topic: "fraud-scoring",
    covers: "I16",
    unless: String.raw`\b(?:(?:key-value|kv) stores? (?:as|is) (?:the |a )?(?:system|source) of (?:record|truth))\b`,
    because:
      "the online feature store keeps each card's, merchant's and device's counters, written only by the feature updater once per transaction id and read by the scorer, so no separate replicated key-value store is drawn",
    leads: true,
  },
  {
    // a deployment's health gate reads the error rates the fleet already reports; it queries the metrics system, it
    // does not build one, unless the prompt asks for the metrics pipeline itself
    by: "I11",
    topic: "deploy-rollout",
    covers: "I18",
    unless: String.raw`\b(?:(?:build|design)\w* (?:a |the )?(?:metrics|monitoring|telemetry|observability) (?:system|pipeline|platform|stack)|time[- ]series (?:database|store)|scrap(?:e|es|ing) (?:targets|metrics)|alert(?:ing)? rules?|dashboards?|retention)\b`,
    because:
      "the health gate, which reads each wave's and its control's error rate and latency from the metrics system the fleet already reports to",
    leads: true,
  },
  {
    // the hosts' load balancers only drain a host and take it back; a load balancer designed for its own sake is I17
    by: "I11",
    topic: "deploy-rollout",
    covers: "I17",
    unless: String.raw`\b(?:(?:design|build)\w* (?:a |an |the )?(?:load balancer|l4|l7|reverse proxy|api gateway|service mesh)|consistent hashing|least connections|weighted routing of requests)\b`,
    because:
      "the load balancers, which a host agent asks to drain a host before its install and to take it back once its health check passes, and where a blue/green switch moves traffic",
    leads: true,
  },
  {
    // a rollout on a cluster manager moves each group's desired release; placing containers on machines stays the
    // cluster's existing scheduler's job, unless the prompt asks to design the scheduler
    by: "I11",
    topic: "deploy-rollout",
    covers: "I15",
    unless: String.raw`\b(?:schedul\w*|bin[- ]?pack\w*|placement|cluster manager|resource quotas?|autoscal\w*)\b`,
    because:
      "the host agents (a cluster's own node agents where it runs on one), which move each host group to its desired release; placing containers on machines stays the cluster's existing scheduler's job",
    leads: true,
  },
  {
    // the release's artifact is registered once by digest and fetched from the artifact store the subject draws; an
    // artifact registry with tags, manifests and garbage collection is another system, asked for by its own words
    by: "I11",
    topic: "deploy-rollout",
    covers: "I14",
    unless: String.raw`\b(?:(?:container|image|artifact|package) (?:registry|registries|repository|repositories)|docker hub|manifests?|garbage collect\w*|peer[- ]to[- ]peer|p2p|bittorrent)\b`,
    because:
      "the artifact store, from which every host fetches the release's artifact by the digest registered with it and verifies what it got",
    leads: true,
  },
  {
    // a stream processor reads a partitioned, replayable log and keeps its offsets inside its own checkpoints: the
    // log is its source part, not a second system with consumer groups that commit offsets of their own
    by: "I06",
    topic: "stream-processor",
    covers: "I05",
    unless: String.raw`\b(?:brokers?|in-sync replicas?|isr|consumer groups?|partition reassignment|(?:design|build)\w* (?:a |an |the )?(?:kafka(?! streams)|message (?:queue|broker)|distributed log))\b`,
    because:
      "the source log is the job's input: its partitions are read from the offsets stored in each checkpoint, which the job rewinds to on a restore, so no consumer group commits offsets beside it",
    leads: true,
  },
  {
    // change capture into a warehouse publishes to a change log and loads from it by offsets kept in the warehouse
    by: "I06",
    topic: "cdc-warehouse",
    covers: "I05",
    unless: String.raw`\b(?:brokers?|in-sync replicas?|isr|consumer groups?|partition reassignment|(?:design|build)\w* (?:a |an |the )?(?:kafka(?! streams)|message (?:queue|broker)|distributed log))\b`,
    because:
      "the change log is the pipeline's own middle: connectors publish to it keyed by table and primary key, and the loader reads it from the offsets it records in the warehouse with each batch",
    leads: true,
  },
  {
    // the sign-in service counts failed attempts per account and per source itself (its attempt limiter), so a
    // rate limiter's buckets are not drawn beside it unless the prompt asks to limit its API traffic in general
    by: "I16",
    topic: "auth",
    covers: "I08",
    unless: String.raw`\b(?:api (?:rate limit\w*|quotas?)|per[- ](?:api[- ])?key quotas?|rate limit(?:s|ing)? (?:every|all|each) (?:api|endpoint|request)s?|token buckets?)\b`,
    because: "the attempt limiter's windows per account, address and network, checked before a hash is verified",
  },
  {
    // an in-memory key-value cache pool is the cache itself: its look-aside fill, leases and delete-on-write are the
    // variant's own rows, so the CDN's edges and purge control are not drawn unless the prompt asks for an edge tier
    by: "I16",
    topic: "kv-cache",
    covers: "I07",
    unless: String.raw`\b(?:cdns?|content delivery|edge (?:cach\w*|locations?|servers?|pops?)|points? of presence|purge by tag|surrogate keys?|http cach\w*|static (?:assets|content))\b`,
    because: "the cache pool's own servers, leases and delete-on-write are the cache",
  },
  {
    by: "I19",
    topic: "media-store",
    covers: "I07",
    unless: String.raw`\b(?:purg\w*|invalidat\w*|mutable|overwrit\w*|edit(?:s|ed|ing)? (?:\w+ ){0,2}(?:photos?|images?|pictures?) in place)\b`,
    because:
      "a photo's URL names its content and its bytes never change, so the CDN in front of the photo read service keeps each copy for as long as it likes and needs no purge fan-out, origin shield state or fill leases of its own",
  },
  {
    // a backup's nightly schedule is each source's own start offset in the window, kept by the backup coordinator:
    // a due-time scheduler's store of timers, materializer and pollers would schedule a million identical nightly jobs
    by: "I19",
    topic: "backup",
    covers: "I03",
    unless: String.raw`\b(?:cron (?:service|system|scheduler)s?|job schedul\w*|task schedul\w*|workflow schedul\w*|reminders?)\b`,
    because:
      "the nightly schedule is each source's policy in the backup coordinator: a start offset spread over the window, admitted by the ingest tier, with every source lacking a snapshot for the night flagged, so no schedule store, materializer or due poller is drawn",
  },
  {
    // a job semaphore's slot is a leased row of its own (granted under the quota, renewed by heartbeat, reclaimed
    // after it lapses): "a distributed semaphore" names the subject, not a lock service beside it
    by: "I08",
    topic: "job-slots",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|elect\w* a leader|mutual exclusion|mutex\w*)\b`,
    because:
      "each running job's JobSlot is a lease granted under its tenant's quota, renewed by the worker's heartbeat and reclaimed by its fencing token after it lapses",
    leads: true,
  },
  {
    // the semaphore's workers are the fleet it limits: they take jobs from the dispatcher with their slots, so no
    // placement scheduler, node registry or deployments are drawn unless the prompt asks to place work on machines
    by: "I08",
    topic: "job-slots",
    covers: "I15",
    unless: String.raw`\b(?:bin[- ]pack\w*|placement|containers?|pods?|kubernetes|deploy\w*|autoscal\w*|gpus?|cpu (?:and|&) memory)\b`,
    because:
      "the workers take each job from the dispatcher with its slot and heartbeat it, so the fleet needs no placement of its own",
  },
  {
    // a secrets manager's timed work is its own: each lease's expires_at is the expiry manager's queue and each static
    // role's rotation period the rotation scheduler's, both on the active node over the replicated store
    by: "I16",
    topic: "secrets",
    covers: "I03",
    unless: String.raw`\b(?:cron (?:service|system|scheduler)s?|job schedul\w*|task schedul\w*|workflow schedul\w*|reminders?)\b`,
    because:
      "each lease's expires_at is the expiry manager's queue and each static role's rotation period the rotation scheduler's, both run by the active node over the replicated store, so no schedule store or due poller is drawn",
  },
  {
    // a one-time code service counts sends per destination, address and prefix itself (its send windows), so a rate
    // limiter's buckets are not drawn beside it unless the prompt asks to limit its API traffic in general
    by: "I16",
    topic: "one-time-code",
    covers: "I08",
    unless: String.raw`\b(?:api (?:rate limit\w*|quotas?)|per[- ](?:api[- ])?key quotas?|rate limit(?:s|ing)? (?:every|all|each) (?:api|endpoint|request)s?|token buckets?)\b`,
    because:
      "the send windows per destination, address and number prefix, checked before a code is made, and the attempt count on each code",
    leads: true,
  },
  {
    // a code's text or email leaves from its own send job (the outbox written with the code), claimed by senders that
    // retry the same code on a second provider, so no generic workflow, outbox or idempotency table is drawn
    by: "I16",
    topic: "one-time-code",
    covers: "I12",
    unless: String.raw`\b(?:pay(?:s|ing|ments?)?|charg\w*|refund\w*|webhooks?|sagas?|compensat\w*|workflows?)\b`,
    because:
      "each code's SendJob, written in the issue's transaction and claimed by the senders, which call a provider under the send id with the same code and fail over to the secondary",
    leads: true,
  },
  {
    // a code store named as Redis or kept in memory is the code store itself, not a cache in front of an origin
    by: "I16",
    topic: "one-time-code",
    covers: "I07",
    unless: String.raw`\b(?:cdns?|content delivery|edge (?:cach\w*|locations?|servers?)|cache (?:in front of|before) (?:a |the )?(?:database|db|origin))\b`,
    because:
      "the code store, which holds each code's record itself (in memory where the store decision says so), never a copy of an origin's",
  },
  {
    // a code that "locks out" after its wrong tries is refused by its own attempt count, not held under a lock or lease
    by: "I16",
    topic: "one-time-code",
    covers: "I02",
    unless: String.raw`\b(?:distributed locks?|lock (?:service|manager)s?|mutual exclusion|mutex\w*|leader election|fencing tokens?|leases?)\b`,
    because:
      "each code's attempt count, raised in the verify's conditional write, which refuses the code once it reaches the limit",
  },
  {
    // a code's end is its own expires_at, checked by every verify and swept by the store's time-to-live
    by: "I16",
    topic: "one-time-code",
    covers: "I03",
    unless: String.raw`\b(?:cron (?:service|system|scheduler)s?|job schedul\w*|task schedul\w*|reminders?)\b`,
    because:
      "a code's end is its own expires_at, compared by every verify and swept by the store's time-to-live, so no schedule store or due poller is drawn",
  },
  {
    // a cart's expiry is its own expires_at, read by every request and swept by the store's TTL
    by: "I16",
    topic: "cart",
    covers: "I03",
    unless: String.raw`\b(?:cron (?:service|system|scheduler)s?|job schedul\w*|task schedul\w*|reminders?|abandon\w* cart (?:e-?mails?|reminders?|notifications?))\b`,
    because:
      "an idle cart's end is its own expires_at, pushed out by every change, checked by every read and swept by the store's time-to-live, so no schedule store or due poller is drawn",
  },
  {
    // a secret's lease is the secrets manager's own record (issued, renewed, revoked by the active node), not a lock
    by: "I16",
    topic: "secrets",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|mutual exclusion|mutex\w*|fencing tokens?)\b`,
    because: "each credential's SecretLease, issued, renewed and revoked by the active node through the consensus log",
  },
  {
    // a short-lived credential's TTL is its lease in the secrets manager, not a registration kept alive by heartbeats
    by: "I16",
    topic: "secrets",
    covers: "I10",
    unless: String.raw`\b(?:service discovery|heartbeats?|membership|health checks?)\b`,
    because: "each credential's TTL is its SecretLease, revoked at its target by the expiry manager when it ends",
  },
  {
    by: "I05",
    topic: "work-queue",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|elect\w* a leader|mutual exclusion|mutex\w*|fencing tokens?)\b`,
    because:
      "a work queue's visibility timeout is the per-message lease: the queue's brokers hand each message to one consumer until its deadline, the delivery id refuses a late ack or extension, and the redelivery loop reclaims what lapsed, so no separate lease service or fenced resource is drawn",
  },
  {
    by: "I05",
    topic: "work-queue",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|schedul\w*|reminders?|timers?)\b`,
    because:
      "a timed redelivery is the work queue's own visibility timeout, and a message sent for later is the send's delay (visible_at), so no schedule store, materializer or due poller is drawn; a cron or recurring schedule would need one",
  },
  {
    by: "I13",
    topic: "order-book",
    covers: "I10",
    unless: String.raw`\b(?:presence|who is online|online status|heartbeats?|membership|service discovery)\b`,
    because:
      "an order book tracks no people in a room: each trading session is a connection the order gateway holds itself, and the book's state is the sequenced order log, so no presence registry or heartbeat store is drawn",
  },
  {
    // an auction's close is its own owner's timer at the listing's end time, armed from the catalogue's end-time index
    by: "I13",
    topic: "auction",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|reminders?|scheduled (?:jobs?|tasks?|reports?|emails?))\b`,
    because:
      "an auction's close is a state transition its own owner appends under its epoch when its timer reaches the end time fixed at listing, armed ahead of time from the catalogue's end-time index and re-armed on takeover, so no schedule store, materializer, due poller, worker pool or job target is drawn",
  },
  {
    by: "I13",
    topic: "auction",
    covers: "I02",
    unless: String.raw`\b(?:distributed locks?|lock service|mutex\w*|leader election|elect\w* a leader|locks? on (?:an? )?(?:external|shared) (?:resource|file|table)s?)\b`,
    because:
      "an auction's one owner holds it under a lease with an epoch granted by the auction ownership group, and the bid log refuses an append from an older epoch, so no separate lock service or fenced resource is drawn",
  },
  {
    by: "I13",
    topic: "auction",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|event (?:logs?|streams?)|consumer groups?|offsets?|downstream consumers?|(?:stream|publish)\w* (?:the )?bids? to)\b`,
    because:
      "bids are applied in one order by each auction's owner and kept in the auction's own bid log, group-committed and replicated before a bid is acknowledged, so no separate partitioned log, consumer groups or offsets are drawn",
  },
  {
    by: "I13",
    topic: "auction",
    covers: "I10",
    unless: String.raw`\b(?:presence|who is online|online status|heartbeats?|membership|service discovery)\b`,
    because:
      "an auction tracks bids, not people in a room: watchers hold a push connection to the price gateways, and who leads is the auction's own state, so no presence registry or heartbeat store is drawn",
  },
  {
    // a match's players are its server's own connections, and the match directory holds which server runs it
    by: "I13",
    topic: "game-server",
    covers: "I10",
    unless: String.raw`\b(?:presence|who is online|online status|friends? lists?|service discovery|service registry|registry of (?:services|servers|nodes))\b`,
    because:
      "who is in a match is its server's own state (each player a connection the server ticks for), and where a match runs is the match directory's row under a lease, so no presence registry or heartbeat store is drawn",
  },
  {
    by: "I13",
    topic: "game-server",
    covers: "I02",
    unless: String.raw`\b(?:distributed locks?|lock service|mutex\w*|leader election|elect\w* a leader)\b`,
    because:
      "a match is owned by one server under a lease with an epoch in the match directory, and a server that cannot renew it stops ticking, so no separate lock service is drawn",
  },
  {
    by: "I13",
    topic: "game-server",
    covers: "I15",
    unless: String.raw`\b(?:untrusted|sandbox\w*|serverless|functions?|batch jobs?|build\w*|container orchestrat\w*|bin[- ]packing)\b`,
    because:
      "game servers are placed by the fleet allocator, which keeps warm Ready servers per region and hands one to each match once, so no general job scheduler or worker substrate is drawn",
  },
  {
    // a meeting's people are its signalling service's own participants, and where it runs is the placement service's row
    by: "I13",
    topic: "video-conference",
    covers: "I10",
    unless: String.raw`\b(?:presence|who is online|online status|last seen|friends? lists?|contacts? lists?|service discovery|service registry)\b`,
    because:
      "who is in a meeting is the signalling service's own Participant record (each one a connection it admitted), and which SFU forwards the meeting is the placement service's row under a lease, so no presence registry or heartbeat store is drawn",
  },
  {
    by: "I13",
    topic: "video-conference",
    covers: "I02",
    unless: String.raw`\b(?:distributed locks?|lock service|mutex\w*|leader election|elect\w* a leader)\b`,
    because:
      "a meeting is held by one SFU under a lease with an epoch in the placement service, and an SFU that cannot renew it stops forwarding, so no separate lock service is drawn",
  },
  {
    by: "I13",
    topic: "whiteboard",
    covers: "I10",
    unless: String.raw`\b(?:service discovery|service registry|registry of (?:services|servers|nodes)|cluster membership|which (?:servers|nodes) are (?:up|alive))\b`,
    because:
      "who is on a board and where their cursors are is ephemeral presence on the board's own connections: the board's server relays each cursor, throttled, to the other connections from memory and forgets it when the connection closes, so no registry, consensus group or heartbeat store is drawn",
  },
  {
    // an artifact registry draws its own CDN edge in front of the blob store (its distribution decision's choice):
    // the blobs are addressed by digest and never change, so the edge caches it composes need no purge plane
    by: "I14",
    covers: "I07",
    unless: String.raw`\b(?:purg\w*|invalidat\w*|origin shield|cache hit (?:ratio|rate)|points? of presence|pops|ttls?|time[- ]to[- ]live)\b`,
    because:
      "the registry's own CDN edge caches each blob under its digest, and a digest's content never changes, so an edge copy is never stale and never purged: no second edge tier, origin shield or purge plane is drawn",
  },
  {
    by: "I03",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|elect\w* a leader|mutual exclusion|mutex\w*|fencing tokens?|leas(?:e|es|ed|ing)|only one (?:replica|instance|copy|node|worker)s?)\b`,
    because:
      "a claimed Run is the per-run lease: the claim writes claimed_by and claim_expires_at on the Run's own row with a higher attempt number, the worker's completion is refused unless that attempt still holds it, and the claim sweeper releases what lapsed; the due pollers own their shards by a lease row in the same store, so no separate lease service, holder sessions or consensus group is drawn",
  },
  {
    by: "I18",
    covers: "I12",
    unless: String.raw`\b(?:payments?|billing|billed|charg\w*|invoices?|refunds?|webhooks?|exactly[- ]once (?:delivery|notifications?|pages?))\b`,
    because:
      "a page is the notifier's own outlet: the notifier groups firing alerts, deduplicates them by the alert's fingerprint and retries the pager until it accepts, and the pager's own deduplication key appends a repeated page to the incident it already opened, so no workflow store, outbox relay or reconciler is drawn beside it",
  },
  {
    by: "I12",
    topic: "psp",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|elect\w* a leader|mutual exclusion|mutex\w*|fencing tokens?|leases?)\b`,
    because:
      "a payment is claimed by its own rows: the unique (merchant, key) insert lets one of two concurrent requests create it, and each transition is guarded by the payment's state and version on its shard, so no lease service, holder sessions or consensus group is drawn",
  },
  {
    // an order asked for within each key (each customer's events in order) is kept by the outbox itself: its rows
    // carry the key and a sequence number, are partitioned by the key and claimed one at a time per key, so the
    // workflow store already is the ordered log the relay reads; a broker's controller, group coordinator and
    // follower replicas would play no part a requirement reads
    by: "I12",
    topic: "keyed-order",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|event (?:logs?|streams?|bus)|consumer groups?|offsets?|partitioned logs?|downstream consumers?|replay(?:s|ed)? (?:from|by) offset|change[- ]data[- ]capture|cdc)\b`,
    because:
      "each key's items wait in the outbox as that key's ordered queue: rows carry the key and a sequence number, are partitioned by the key and claimed one at a time per key by the relay, so the workflow store is the ordered log and no partitioned log with brokers, consumer groups, offsets or a controller quorum is drawn",
  },
  {
    by: "I12",
    topic: "email",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month) at|schedul\w*|reminders?|timers?|send (?:it |them )?(?:at|later)|drip|digests?)\b`,
    because:
      "a deferred email waits as its recipient send's next attempt time in the recipient domain's queue, which the domain schedulers poll, so no schedule store, materializer or due poller is drawn; a scheduled or recurring send would need one",
  },
  {
    // a count shown beside each item keeps one running total per key in its own count store, added to by the
    // aggregators and read through the count cache: that store is the key-value state, so no general replicated
    // key-value store with client routing, conditional puts and a rebalancer is drawn beside it, unless the prompt
    // asks for the store itself or for writes taken in every region and merged (a CRDT counter's own machinery)
    by: "I06",
    topic: "shown-count",
    covers: "I16",
    unless: String.raw`\b(?:key[- ]value|kv store|(?:every|all|any|each|multiple|several) (?:\w+ )?regions?|across regions|region(?:al)? outages?|regions? (?:are |is |go |goes )?(?:down|lost|disconnected|partitioned|cut off)|crdts?|pn-counters?|g-counters?|merge(?:s|d)? afterwards|converge\w*|(?:network )?partitions? (?:heal|between)|during (?:a |network )?partitions?|eventual(?:ly)? consisten\w*)\b`,
    because:
      "the count store keeps one running total per key, takes each aggregator's batched add and answers the count cache's point reads, so it is the key-value state; no client-routed replicated store with conditional puts is drawn beside it",
    leads: true,
  },
  {
    by: "I06",
    topic: "leaderboard",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|change[- ]data[- ]capture|cdc|debezium|consumer groups?|offsets?|partitioned logs?)\b`,
    because:
      "the score API sets each committed score in the ordered sets in the same request, and the score store is what a board is rebuilt from, so no partitioned log with consumer groups, offsets or producer acknowledgements is drawn",
  },
  {
    by: "I06",
    topic: "typeahead",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|change[- ]data[- ]capture|cdc|debezium|consumer groups?|offsets?|partitioned logs?)\b`,
    because:
      "the typeahead's own query log is the append-only input: the index builder reads whole days of it in batch and the trending counter its last minutes, so no partitioned log with consumer groups, offsets or producer acknowledgements is drawn",
  },
  {
    by: "I06",
    topic: "vector-search",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|change[- ]data[- ]capture|cdc|debezium|consumer groups?|offsets?|partitioned logs?)\b`,
    because:
      "the vector search's own change log by shard is the append-only input: query nodes tail it from their applied sequence and builders read sealed ranges, so no partitioned log with consumer groups, offsets or producer acknowledgements is drawn",
  },
  {
    by: "I18",
    topic: "logs",
    covers: "I06",
    unless: String.raw`\b(?:change[- ]data[- ]capture|cdc|debezium|product search|search engine for (?:products|documents|pages))\b`,
    because:
      "the log pipeline's own indexers read the durable buffer and keep the hot index and chunks, so no change stream from a source database, write API or rebuilder of a separate search projection is drawn",
    leads: true,
  },
  {
    by: "I18",
    topic: "logs",
    covers: "I05",
    unless: String.raw`\b(?:exactly[- ]once|consumer groups? (?:for|per) (?:teams|tenants)|event streaming platform|message broker)\b`,
    because:
      "the durable buffer between the shippers and the indexers is the log pipeline's own partitioned log, drawn with it, so no separate broker with producers and consumer groups is drawn",
  },
  {
    by: "I18",
    topic: "logs",
    covers: "I11",
    unless: String.raw`\b(?:config\w*|feature flags?|rollouts?|settings|dynamic configuration)\b`,
    because:
      "a line becoming searchable within a bound is the index's freshness, budgeted over the shipper, the buffer and the refresh, so no configuration store, rollout controller or watch streams are drawn",
  },
  {
    by: "I18",
    topic: "traces",
    covers: "I06",
    unless: String.raw`\b(?:change[- ]data[- ]capture|cdc|debezium)\b`,
    because:
      "the span store's own index by service, operation, tags and duration answers trace search, written with the spans, so no separate search projection is drawn",
  },
  {
    by: "I18",
    topic: "traces",
    covers: "I05",
    unless: String.raw`\b(?:exactly[- ]once|event streaming platform|message broker)\b`,
    because:
      "collectors write kept spans straight to the span store, so no separate broker with producers and consumer groups is drawn",
  },
  {
    by: "I04",
    topic: "polite-site",
    covers: "I08",
    unless: String.raw`\b(?:api (?:rate )?limits?|rate[- ]limit\w* (?:the |our )?(?:api|callers?|clients?|users?|tenants?)|quotas? per (?:caller|client|user|tenant|api key))\b`,
    because:
      "politeness is the site-partitioned frontier's own back-queue scheduler, per registrable domain since the prompt bounds fetches per site: the partition that owns a site hands out its next URL, from any of its hosts, only when no fetch to the site is in flight and its next_allowed_fetch_at has passed, on the fetch path to the sites, and a site whose state is unknown waits rather than being fetched (it fails closed); so no limiter in front of our own API, counter store or fail-open allowance is drawn",
  },
  {
    by: "I04",
    topic: "polite-site",
    covers: "I02",
    unless: String.raw`\b(?:leas(?:e|ed|es|ing)|locks?|locking|fencing tokens?|leader election|owned by exactly one)\b`,
    because:
      "each site belongs to the one frontier partition its registrable domain hashes to, which hands out the URLs of all its hosts, so no lease service, lock store or consensus group is drawn; the sites cannot check a fencing token, so none is sent to them",
  },
  {
    by: "I04",
    topic: "crawl",
    covers: "I08",
    unless: String.raw`\b(?:api (?:rate )?limits?|rate[- ]limit\w* (?:the |our )?(?:api|callers?|clients?|users?|tenants?)|quotas? per (?:caller|client|user|tenant|api key))\b`,
    because:
      "politeness is the host-partitioned frontier's own back-queue scheduler: the partition that owns a host hands out its next URL only when no fetch to it is in flight and its next_allowed_fetch_at has passed, on the fetch path to the sites, and a host whose state is unknown waits rather than being fetched (it fails closed); so no limiter in front of our own API, counter store or fail-open allowance is drawn",
  },
  {
    by: "I04",
    topic: "crawl",
    covers: "I02",
    unless: String.raw`\b(?:leas(?:e|ed|es|ing)|locks?|locking|fencing tokens?|leader election|owned by exactly one)\b`,
    because:
      "each host belongs to the one frontier partition its name hashes to, which hands out its URLs, so no lease service, lock store or consensus group is drawn; the sites cannot check a fencing token, so none is sent to them",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    covers: "I12",
    unless: String.raw`\b(?:pay(?:s|ing|ments?)?|charg\w*|refund\w*|webhooks?|providers?|compensat\w*|sagas?)\b`,
    because:
      "a task's effect is its own batch work (a query, a file, a Spark job), retried under the task's try number and made safe to repeat by writing its output for its run's data interval, so no outbox, provider callback or reconciliation against a provider is drawn",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    covers: "I02",
    unless: String.raw`\b(?:distributed locks?|lock service|leases? on (?:an? )?(?:external|shared) (?:resource|file|table)s?|leader election)\b`,
    because:
      "a task instance is held by the worker whose conditional start raised its try number, kept by its heartbeats and taken back by the zombie detector, all in the metadata database, so no lease service, lock store or consensus group is drawn",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    covers: "I04",
    unless: String.raw`\b(?:crawl\w*|frontier|re-?visit\w*|scan(?:s|ning)? (?:every|all|each|the whole)|sweep(?:s|ing)? (?:every|all|each))\b`,
    because:
      "a backfill is DagRuns created for past logical dates, one per date and inserted only if absent, run through the same scheduler and pools, so no scan frontier, pass coordinator or shard checkpoint is drawn",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|event (?:logs?|streams?)|append[- ]only logs?|replay\w*|re-?read\w*|consumer groups?|offsets?|streaming)\b`,
    because:
      "queued task instances reach worker slots through the executor queue, and a message it delivers twice is absorbed by the worker's conditional start, so no retained log or consumer offsets are drawn",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    covers: "I15",
    unless: String.raw`\b(?:serverless|functions? as a service|faas|lambdas?|cold starts?|bin[- ]?pack\w*|gpus?|placement)\b`,
    because:
      "queued task instances go through the executor to a pool of worker slots sized from the peak task starts, so no placement scheduler, node agents or autoscaler of a general fleet is drawn",
  },
  {
    by: "I12",
    topic: "workflow-engine",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|schedul\w*|reminders?)\b`,
    because:
      "a durable timer is the history shard's own timer task, written with the event that starts it and fired by the shard's timer queue, and an activity's retry or timeout is a timer of the same kind, so no schedule store, materializer or due poller is drawn; a cron or recurring schedule would need one",
  },
  {
    by: "I12",
    topic: "workflow-engine",
    covers: "I15",
    unless: String.raw`\b(?:serverless|functions? as a service|faas|lambdas?|containers?|pods?|sandbox\w*|cold starts?|kubernetes|autoscal\w*|bin[- ]?pack\w*|gpus?)\b`,
    because:
      "the users' workers run their workflow and activity code wherever they deploy it and pull tasks by long-polling the task queues, so the engine places nothing on machines: no placement scheduler, node agents, autoscaler or invocation router is drawn",
  },
  {
    by: "I06",
    topic: "cdc-cache",
    covers: "I07",
    unless: String.raw`\b(?:cache-aside|look-?aside|read-through|write-through|cdns?|content delivery|edge (?:caches?|servers?|nodes?|locations?)|points? of presence|ttls?|time[- ]to[- ]live|cache miss(?:es)?|hit (?:ratio|rate)|stampedes?|thundering herds?|origin (?:servers?|shield))\b`,
    because:
      "the cache is one more sink of the change stream: its applier workers write each row's copy with the row's log position through a compare-and-set script, in the order of the row's changes, so no look-aside fill path, fill lease, purge fan-out or origin tier is drawn; a read that misses the cache reads the database",
  },
  {
    by: "I06",
    topic: "cdc-cache",
    covers: "I16",
    // a key-value store the prompt keeps as a system of record, or the source the changes come from
    unless: String.raw`\b(?:(?:key-value|kv) stores? (?:as|is) (?:the |a )?(?:system|source) of (?:record|truth)|(?:from|out of) (?:a |the )?(?:dynamodb|cassandra|key-value stores?|kv stores?)|(?:dynamodb|cassandra) (?:streams?|cdc))\b`,
    because:
      "the cache's key-value store (Redis) is one more sink of the change stream, written only by its applier workers with each row's log position; the database the changes come from stays the system of record, so no replicated key-value store with its own client routing, quorum writes or repair is drawn",
  },
  {
    // a media pipeline's encode tasks wait as rows in its job store, claimed under leases and re-queued when a lease
    // lapses: that is its durable queue, so no log with producers, partitions and consumer offsets is drawn beside it
    by: "I15",
    topic: "media-pipeline",
    covers: "I05",
    unless: String.raw`\b(?:kafka|kinesis|pulsar|event (?:logs?|streams?)|append[- ]only logs?|consumer (?:groups?|offsets?)|partitions? (?:of|in) (?:a |the )?(?:topic|log)|replay\w*)\b`,
    because:
      "the job store's EncodeTask rows are the queue: each is claimed by one worker under a lease, finished by its attempt and re-queued by the sweeper when its lease lapses, and the backlog of queued tasks is what the autoscaler reads",
  },
  {
    // the splitter fans a job out as soon as its upload completes; nothing waits for a time
    by: "I15",
    topic: "media-pipeline",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|scheduled (?:runs?|jobs?|publish\w*|releases?)|nightly|publish (?:at|on) (?:a )?(?:given |set )?(?:time|date))\b`,
    because:
      "a job starts when its upload completes and a lapsed lease is re-queued by the sweeper, so no schedule store, materializer or due-time poller is drawn",
  },
  {
    by: "I15",
    topic: "untrusted-code",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|scheduled (?:runs?|jobs?|builds?)|nightly|reminders?|delayed jobs?)\b`,
    because:
      "a submission runs as soon as a sandbox is free: it waits in its language's queue, and a run whose worker dies is leased again under a higher attempt, so no schedule store, materializer or due-time poller is drawn; nightly or recurring runs would need one",
  },
  {
    // a model's new version reaches the gateways as its traffic split, streamed from the registry, and its canary is a
    // percentage of that split: the serving platform's own control plane, not a fleet's config snapshots and waves
    by: "I15",
    topic: "model-serving",
    covers: "I11",
    unless: String.raw`\b(?:feature flags?|config(?:uration)? (?:service|store|management|distribution)|dynamic configuration|settings service)\b`,
    because:
      "each model's traffic split is one record in the model registry, moved by compare-and-set and streamed to every gateway, and the rollout analyser raises or zeroes its canary percentage, so no configuration store, snapshot distribution tier or rollout controller with cohorts is drawn",
    leads: true,
  },
  {
    by: "I15",
    topic: "untrusted-code",
    covers: "I11",
    unless: String.raw`\b(?:config\w*|feature flags?|rollouts?|roll out|canar(?:y|ies)|deploy\w* (?:new )?versions?)\b`,
    because:
      "what a sandbox needs arrives with the run: the language image it starts from and the problem's read-only tests, versioned in the problem store, so no configuration control plane, snapshot distribution or rollout controller is drawn",
  },
  {
    by: "I08",
    covers: "I16",
    soft: true,
    unless: String.raw`\b(?:quorums?|multi-region|across (?:regions|data ?cent(?:er|re)s)|geo-replicat\w*|globally replicated)\b`,
    because:
      "the limiter's own counter store (sharded in memory, one atomic refill-and-take per key, Redis-style) is the key-scoped state; a budget is soft state refilled within one window, so no quorum coordinators, partition map, rebalancer or tombstones are drawn",
  },
];

const UNLESS = new Map(COVERAGE.map((c) => [c, new RegExp(c.unless, "i")]));

/**
 * A supporting archetype the dominant's subject keeps, but whose parts the subject's own components already play:
 * its machinery stays (a change log's in-sync replicas and controller quorum keep an acknowledged change), while the
 * components it names (a producer client, where the subject's connector is the only producer) are not drawn again,
 * with their links and the protocols that run through them, and, with `internalApi`, its calls are not offered to
 * clients (the connector publishes and the sinks' appliers poll and commit, inside the design).
 */
export interface Replacement {
  by: ArchetypeId;
  topic: Topic;
  supporting: ArchetypeId;
  /** Component ids of the supporting archetype's topology that the subject's own components play. */
  components: readonly string[];
  internalApi: boolean;
  /** Words (a case-insensitive regular expression's source) that put the supporting archetype's callers outside. */
  unless?: string;
  /** Which of the subject's components play them, said in a sentence. */
  because: string;
}

export const REPLACEMENTS: readonly Replacement[] = [
  {
    by: "I06",
    topic: "cdc",
    supporting: "I05",
    components: ["producers"],
    internalApi: true,
    // other services reading the change stream themselves call the log
    unless: String.raw`\b(?:consumers?|subscribers?|downstream (?:services|teams|systems)|other (?:services|teams) (?:read|consume|subscribe))\b`,
    because:
      "the CDC connector is the change log's only producer (it publishes each change keyed by primary key and confirms the slot's position once every in-sync replica holds it), and each sink's appliers are its only consumers, so no separate producer clients are drawn and the log's publish, poll and commit calls stay inside the design",
  },
  {
    by: "I06",
    topic: "aggregation",
    supporting: "I05",
    components: ["producers"],
    internalApi: true,
    because:
      "the event collectors are the event log's only producers (they validate, stamp an event id and publish in batches) and the stream aggregators its only consumers, so no separate producer clients are drawn and the log's publish, poll and commit calls stay inside the design; clients record events through the collectors' own call",
  },
  {
    by: "I06",
    topic: "aggregation",
    supporting: "I16",
    components: ["clients"],
    internalApi: true,
    because:
      "the aggregators and the count API are the key-value store's only callers (they add to a key's running total and read it), so no client library is drawn and its get, put and delete calls stay inside the design; readers ask the count API",
  },
];

/** The replacement the dominant's subject makes in a supporting archetype's parts, where the design speaks of it. */
export function replacementOf(
  dominant: string,
  supporting: string,
  unspoken: readonly Topic[],
  kept: readonly string[],
): Replacement | undefined {
  return REPLACEMENTS.find(
    (r) =>
      r.by === dominant &&
      r.supporting === supporting &&
      !unspoken.includes(r.topic) &&
      !kept.includes(replacementKey(r)),
  );
}

/** A replacement's key: the dominant and the supporting archetype. */
export const replacementKey = (r: Replacement): string => `${r.by}>${r.supporting}`;

const REPLACED_UNLESS = new Map(REPLACEMENTS.map((r) => [r, new RegExp(r.unless ?? "$^", "i")]));

/** The replacements a prompt's words keep from applying (other services read the change stream): their keys, sorted. */
export function replacementsKept(text: string): string[] {
  return REPLACEMENTS.filter((r) => r.unless !== undefined && REPLACED_UNLESS.get(r)?.test(text))
    .map(replacementKey)
    .sort();
}

/** The coverage row for a supporting archetype under a dominant one, when the design's subject and words allow it. */
export function coverageOf(
  dominant: string,
  supporting: string,
  unspoken: readonly Topic[],
  text: string,
): Coverage | undefined {
  return COVERAGE.find(
    (c) =>
      c.by === dominant &&
      c.covers === supporting &&
      (c.topic === undefined || !unspoken.includes(c.topic)) &&
      !UNLESS.get(c)?.test(text) &&
      !(c.soft && STATED_FLOOR.test(text)),
  );
}

/**
 * What a design of an archetype is about when the prompt speaks of one of its subjects: a key-value store behind a
 * cache tier is the database a look-aside cache fronts, so the design opens as that cache tier, not as a replicated
 * store; a queue whose messages are leased one by one is a work queue, not a log read by offset. `absorbs` names
 * the supporting archetypes the subject already says (the cache tier is I07's part), so they are not said again.
 */
export interface Variant {
  by: ArchetypeId;
  topic: Topic;
  /** The subject as a noun phrase that completes "At heart this is …". */
  subject: string;
  /** What the variant does, in short sentences the summary and the script say after the subject. */
  summary: readonly string[];
  absorbs: readonly ArchetypeId[];
  /**
   * Why the design's default stance holds for this variant, where the archetype card's own reason speaks of machinery
   * the variant does not have (a look-aside cache tier holds no shard majority: the database decides every write).
   */
  stance?: string;
  /**
   * The variant's own default consistency and availability where they differ from the card's, said for the design as
   * its clients see it (app installs read a versioned prefix of the config from a CDN and never stop for the store).
   */
  holds?: { consistency: Consistency; availability: Availability };
}

// The cache-aside rows follow Facebook's "Scaling Memcache at Facebook" (NSDI 2013): look-aside reads that set the
// copy after a database read on a miss, writes that delete the cached copy after the database commit (a delete is
// idempotent, an update is not), and a per-key lease token on a miss that lets one client fill while others wait,
// and that a delete voids so a slow fill cannot set a stale value (stale sets and thundering herds).
const CACHE_ASIDE: Omit<Variant, "by"> = {
  topic: "cache-aside",
  subject: "a look-aside cache tier in front of the database, which stays the system of record",
  summary: [
    "A read looks in the cache first, and on a miss reads the database and sets the copy",
    "The hit ratio decides the database's load: every miss is a database read",
    "A write commits to the database and then deletes the cached copy, because a delete is idempotent and an update can race",
    "A miss takes a lease per key, so one reader fills while the others wait, and a delete voids the lease so a slow fill cannot set a stale value",
    "A hot key is copied to several cache nodes so one node does not take all its reads",
  ],
  absorbs: ["I07"],
  stance:
    "a cache node lost or cut off only costs hits: its reads fall through to the database, which decides every write, and each write deletes the cached copy after the database commits, so the tier keeps serving, a copy at most briefly stale, and holds no vote or majority of its own",
};

// A read-through tier is the same tier with the loader inside it: the cache node that misses loads the record itself
// (Hazelcast's MapLoader, Ehcache's loader), concurrent misses of one key wait on that one load, and callers never
// read the database; writes, deletes from the commit log and hot-key copies are as behind a look-aside tier.
const READ_THROUGH: Omit<Variant, "by"> = {
  ...CACHE_ASIDE,
  topic: "read-through",
  subject: "a read-through cache tier in front of the database, which stays the system of record",
  summary: [
    "A read asks only the cache; on a miss the key's cache node loads the record from the database itself and keeps the copy",
    "The hit ratio decides the database's load: every miss is one load from the database",
    "A write commits to the database and then deletes the cached copy, because a delete is idempotent and an update can race",
    "Concurrent misses of one key wait on that key's one load, and a delete voids a load in flight so a slow load cannot store a stale value",
    "A hot key is copied to several cache nodes so one node does not take all its reads",
  ],
  stance:
    "a cache node lost or cut off only costs hits: its keys are loaded again from the database, which decides every write, and each write deletes the cached copy after the database commits, so the tier keeps serving, a copy at most briefly stale, and holds no vote or majority of its own",
};

export const VARIANTS: readonly Variant[] = [
  {
    by: "I06",
    topic: "fraud-scoring",
    subject:
      "a real-time fraud scoring service answering approve, review or decline on the authorisation path within a deadline",
    summary: [
      "The scorer reads the card's, merchant's and device's velocity counters from an online feature store, runs the live model version and the rules, and decides by the rules alone when the model misses its deadline",
      "Each transaction id gets one decision, inserted only where none exists with its score, model version and features used, so a retried authorisation gets the stored answer",
      "The counters are updated from the transaction log once per transaction id; chargebacks and analysts' verdicts come back as labels for training, and a new model goes through shadow and canary",
    ],
    absorbs: ["I05"],
  },
  {
    by: "I06",
    topic: "stream-processor",
    subject: "a stream processor computing keyed results over event-time windows",
    summary: [
      "Windows fire when the watermark passes their end, and aligned barrier checkpoints store every task's state with the source offsets, so a crash restores one checkpoint, replays, and the sink commits each window's result once",
    ],
    absorbs: ["I05"],
    stance:
      "a task that cannot reach the checkpoint storage stops and restarts from the last completed checkpoint, rather than publish results no checkpoint covers",
  },
  {
    by: "I06",
    topic: "cdc-warehouse",
    subject: "change data capture from source databases into a warehouse",
    summary: [
      "Each source's own log is read after a snapshot, changes travel keyed by table and primary key, and the loader merges each batch together with its end position in one warehouse transaction, so nothing is lost or applied twice",
    ],
    absorbs: ["I05"],
    stance:
      "a stage that cannot commit its position stops and resumes from the last committed one, rather than move past a change that is not yet durable further on",
  },
  {
    by: "I06",
    topic: "leaderboard",
    subject:
      "an ordered set per board and window in which a member's rank is the count of members scoring higher, derived from a durable score store",
    summary: [
      "Each score is recorded once per update id in the score store, then set in every window's ordered set in the same request",
      "A rank and the top k are each read in logarithmic time from the ordered set's replica, and the top page is cached",
      "A lost or wrong ordered set is rebuilt from the score store; a board past one node is split by score range with a count per range",
    ],
    absorbs: [],
  },
  {
    by: "I11",
    topic: "app-config",
    subject:
      "a versioned config store whose snapshots app installs fetch through a CDN when they open, evaluating them on the device",
    summary: [
      "Each install checks a small manifest with its ETag on start and foreground, and downloads an immutable snapshot only for a new version",
      "The app ships baked-in defaults and keeps its last good snapshot, so it starts and runs offline",
      "A kill switch bypasses every rollout: the manifest is republished and purged at once, and a silent push wakes installs to fetch",
    ],
    absorbs: [],
    stance:
      "installs read a prefix of the version sequence from the CDN, stale by up to the manifest's TTL and their next open; no install ever waits for the config store, since each runs on the snapshot it activated or on its baked-in defaults, and only a publish needs the store's primary",
    holds: { consistency: "consistent-prefix", availability: "stay-available" },
  },
  {
    by: "I11",
    topic: "feature-flags",
    subject:
      "a versioned flag store whose rules every service's SDK evaluates from an in-memory copy that relays keep current",
    summary: [
      "Relays stream each change as a small delta, and a full snapshot only to an SDK that starts or fell behind",
      "Each SDK evaluates in process and buckets a percentage rollout by hashing the flag and user keys",
    ],
    absorbs: [],
    stance:
      "a flag change is refused when the flag store has no majority, while every SDK keeps evaluating the flags it already holds",
  },
  {
    by: "I11",
    topic: "deploy-rollout",
    subject:
      "a deploy store holding each service's desired release per host group, moved wave by wave by an orchestrator behind health gates, and host agents that pull it, install it within a cap on hosts out of service and report",
    summary: [
      "A release is built once and named by its artifact's digest; one rollout per service is active, started by a conditional write",
      "Each wave moves its host groups' desired version only after the last wave baked and its gate, reading the metrics system, passed; missing metrics hold the wave",
      "A failing gate moves every desired version back to the previous release in one write and stops the waves; hosts keep their release while the control plane is down",
    ],
    absorbs: ["I14", "I18"],
    stance:
      "a rollout change is refused when the deploy store has no majority, while every host keeps running the release it has installed",
  },
  {
    by: "I17",
    topic: "ad-exchange",
    subject:
      "an ad exchange that runs one auction per bid request among the bidders, and answers the winning ad or no-bid before the publisher's deadline",
    summary: [
      "Each bid request goes in parallel to the bidders whose targeting matches and whose QPS budget has room, each call cut off at a bidder timeout inside the publisher's tmax",
      "The best bid at or above the floor wins; a bid arriving after the timeout takes no part",
      "A rendered ad's impression is billed once by its impression id, and every auction goes to an event log for reporting and billing",
    ],
    absorbs: [],
    stance:
      "an auction that cannot finish answers no-bid and is lost, while the billing ledger records each impression id once and refuses a second",
  },
  {
    by: "I11",
    topic: "dns",
    subject:
      "a zone store that commits each record change at the zone's next SOA serial, and name servers at anycast PoPs that load each serial by NOTIFY and incremental transfer and answer every query from memory",
    summary: [
      "Distributors send a NOTIFY on each new serial; each name server transfers only the diffs after its own serial, or the whole zone when the journal no longer reaches back",
      "A negative answer carries the zone's SOA, so resolvers cache an absence for at most min(SOA TTL, MINIMUM)",
      "A PoP that fails its probes or lags the head past the bound withdraws its anycast route, and queries move to the next-nearest PoP",
    ],
    absorbs: [],
    stance:
      "a record change is refused when the zone store has no majority, while every name server keeps answering from the serial it holds",
  },
  {
    by: "I19",
    topic: "media-store",
    subject:
      "a store of photos appended to large volumes replicated across zones, each acknowledged only once durable, and served through a CDN by content-named URLs",
    summary: [
      "An upload is resumable under the upload id the client chose, so a retry stores the photo once",
      "Its bytes are appended to a writable volume on every replica, and its metadata is committed only after all of them have it on disk",
      "Reads go through a CDN whose URLs name the photo's content, so nothing is purged; a miss is one disk read from a volume's in-memory index",
    ],
    absorbs: [],
  },
  {
    by: "I19",
    topic: "backup",
    subject:
      "a backup service keeping incremental snapshots of every source over a deduplicated chunk store spread across zones, any kept snapshot restorable in full",
    summary: [
      "Each night an agent uploads only the changed data's chunks that the dedup index lacks, packed and written across zones",
      "The night's snapshot is committed only after every chunk it lists is durable, so a partial backup is never a restore point",
      "Retention expires old snapshots, and a chunk is deleted only once no kept or running snapshot lists it, after a grace period",
    ],
    absorbs: [],
    stance:
      "a snapshot commit is refused when the catalog has no majority, and the agent commits again later with the chunks it already uploaded, because a restore point that may not exist is worse than a backup that finishes late",
  },
  {
    by: "I16",
    topic: "kv-cache",
    subject:
      "a pool of in-memory cache servers that clients pick by consistent hashing, holding copies of an origin's values in RAM with no replication",
    summary: [
      "Each client hashes a key onto a ketama ring of the servers; the servers never talk to each other",
      "A server keeps items in slab classes with an LRU each and evicts the least recently used when full",
      "A miss takes a per-key lease, so one reader fills from the origin, and a write commits at the origin then deletes the key",
      "A lost server costs misses, which a small gutter pool absorbs while the origin refills them",
    ],
    absorbs: [],
    stance:
      "a cache server lost or cut off only costs hits: its keys miss and refill from the origin, which keeps every value, so the pool keeps serving with no vote, replica or majority of its own",
  },
  { by: "I16", ...READ_THROUGH },
  { by: "I07", ...READ_THROUGH, absorbs: ["I16"] },
  { by: "I16", ...CACHE_ASIDE },
  { by: "I07", ...CACHE_ASIDE, absorbs: ["I16"] },
  {
    by: "I16",
    topic: "auth",
    subject:
      "a sign-in and password-reset service: accounts with slow salted password hashes sharded by user id, single-use reset tokens and revocable sessions",
    summary: [
      "A reset token is 128 random bits mailed as a link; only its hash is stored, with a short expiry",
      "Redeeming it is one conditional write (unused and unexpired) in the transaction that sets the new hash and raises the account's credential version, which signs out every session",
      "A sign-in is checked against failure windows per account, per address and per network before its hash is verified, with a back-off that doubles per failure",
      "A reset request answers the same whether or not the email has an account",
    ],
    absorbs: [],
    stance:
      "an account's credentials change only on its shard's leader, so a shard cut off from its majority refuses resets and password changes rather than let one token be consumed on both sides",
  },
  {
    by: "I08",
    topic: "job-slots",
    subject:
      "a semaphore per tenant over a worker fleet: a leased slot row per running job under the tenant's quota, on the tenant's shard",
    summary: [
      "A slot is granted by one conditional transaction that raises the tenant's count only while it is below the quota, with a fencing token",
      "The worker renews the slot's lease on every heartbeat and stops its job when it cannot renew before its own deadline",
      "A release, or a reclaim once the lease has lapsed, deletes the slot by its token and lowers the count in the same transaction",
      "Jobs wait in a queue per tenant, and a dispatcher serves tenants with a free slot in turn",
    ],
    absorbs: [],
    stance:
      "a tenant whose shard has no majority starts no new job, because a slot granted on both sides of a split runs one job over the quota",
  },
  {
    by: "I08",
    topic: "waiting-room",
    subject: "one line per room with a position per visitor, let out at the backend's rate by a served-up-to watermark",
    summary: [
      "A visitor passes a challenge, then gets one position stamped by the room's counter",
      "The waiting page and its polls are answered at the edge, from a signed ticket cookie and a watermark cached for a second",
      "An admission controller raises the watermark at the rate the backend can take, and lowers it while the backend struggles",
      "A visitor whose place is reached gets a signed, expiring token bound to them, checked at the edge on every request",
    ],
    absorbs: [],
    stance:
      "the edge keeps answering polls from its cached watermark while the queue store fails over, and the watermark never moves back, so nobody loses a turn already given",
  },
  {
    by: "I16",
    topic: "secrets",
    subject:
      "a secrets manager: secrets, versions and leases in one encrypted store replicated by a Raft log, written by one active node and read from standbys",
    summary: [
      "Every credential is issued under a lease with a TTL; the expiry manager revokes it at its target when the lease ends",
      "A revocation commits on the active node, and a standby answers a read only after applying the commit index it confirmed for that read",
      "A rotation writes the new value as pending, sets and tests it on the target, then moves current, keeping the previous version until its leases lapse",
      "Every answer waits for an audit device to record it, and the store is sealed by a keyring under a root key a KMS wraps",
    ],
    absorbs: [],
    stance:
      "a node cut off from the active node's majority issues nothing and stops answering reads, because a credential served after its revocation is worse than a read that waits",
  },
  {
    by: "I16",
    topic: "relationship-authz",
    subject:
      "a relationship-based authorization service: relation tuples per object in a replicated store with one commit order, checked by walking each namespace's userset rewrites at a snapshot",
    summary: [
      "Every tuple write commits with its changelog entry at a timestamp in real-time order and returns a zookie",
      "The caller saves new content with the zookie of a check at the latest snapshot, and every later check on it runs at a snapshot no older than that zookie, so a removed user never sees what came after",
      "Check servers walk rewrite rules depth-bounded, send sub-checks to each object's owner, and cache their answers by snapshot",
      "A nested-group index flattens groups of groups and is kept current from the changelog; a check newer than the index walks the tuples instead",
    ],
    absorbs: [],
    stance:
      "a server with no replica as fresh as the caller's zookie forwards or refuses, and an answer it cannot compute is a denial, because allowing from an older snapshot is the new enemy problem",
  },
  {
    by: "I16",
    topic: "ledger",
    subject: "a ledger of accounts sharded by account id, whose transfers conserve money across shards",
    summary: [
      "A transfer debits the source account on its shard, with the limit checked and the transfer recorded under its transfer id, in one local transaction",
      "The credit lands on the destination shard once per transfer id, or the debit is reversed by a compensating line",
      "A reconciliation sums the journal across shards, transfers in flight included, so a lost or created unit of money shows",
    ],
    absorbs: [],
  },
  {
    by: "I16",
    topic: "distributed-sql",
    subject:
      "a distributed SQL database: rows in ordered key ranges, each range its own consensus group, and transactions committed across ranges at one timestamp",
    summary: [
      "A read-write transaction locks what it reads and writes at each range's leader and commits across ranges by two-phase commit, each step logged through a consensus group",
      "Every commit gets one timestamp and waits out the clocks' known uncertainty before it is acknowledged, so timestamps follow real time",
      "Reads at a timestamp take no locks and are served by any replica caught up to it",
    ],
    absorbs: [],
    stance:
      "each key range is a consensus group, so a range cut off from its majority refuses rather than answer from a stale replica, and a majority spread over three regions keeps serving through a region's loss",
  },
  {
    by: "I12",
    topic: "psp",
    subject:
      "a payment provider that merchants call: payments under each merchant's Idempotency-Key, cards authorised and captured through acquirers, and a double-entry ledger",
    summary: [
      "A payment is created by inserting the unique (merchant, key) row in the same transaction as the payment, so a retry replays the stored response and a concurrent one gets 409",
      "Card numbers stay in a tokenising vault, and an authorisation whose acquirer reply never came is reversed under its trace reference, never sent again as a new one",
      "A capture posts balanced ledger lines with the payment on its shard, and merchants hear of outcomes by signed webhooks retried for days",
    ],
    absorbs: [],
  },
  {
    by: "I12",
    topic: "email",
    subject: "an email pipeline that queues each recipient's message by recipient domain and settles it by SMTP reply",
    summary: [
      "A send is accepted once per idempotency key, and suppressed addresses are dropped before anything is queued",
      "Each recipient domain's queue is paced under that domain's limits",
      "A transient reply defers the message, and a permanent one ends it",
      "Bounces and complaints arrive later and put the address on the suppression list",
    ],
    absorbs: [],
  },
  {
    by: "I12",
    topic: "multi-channel",
    subject: "a notification router that sends each notification by push, email or text as the user allows",
    summary: ["Each channel has its own queue, sender and gateway, so a slow channel never holds the others"],
    absorbs: [],
  },
  {
    by: "I15",
    topic: "untrusted-code",
    subject: "a fleet of sandboxes that runs untrusted code submissions, each isolated and judged to one verdict",
    summary: [
      "Each submission waits in its language's queue and runs in a fresh sandbox from a warm per-language image, with no network and hard CPU, memory, process and output limits",
      "A run retried after a worker dies is a new attempt of the same submission, and only the current attempt's verdicts are recorded, so each submission gets one verdict",
    ],
    absorbs: ["I03", "I11"],
  },
  {
    by: "I15",
    topic: "model-serving",
    subject:
      "a model serving platform: immutable model versions in a registry, routed by each model's traffic split to replicas that hold them in memory behind a dynamic batcher",
    summary: [
      "A version is registered once under its artifact's content digest, and a replica is routed to only after it has loaded, checked and warmed that version",
      "Each model's traffic split moves by compare-and-set on its revision: a canary percentage raised while its metrics hold, zeroed in one write when they break",
      "A request waits in a replica's batch queue at most a delay set from the stated latency target, so network + queue wait + batch compute stays within it",
    ],
    absorbs: ["I11"],
    stance:
      "predictions keep flowing from the versions replicas already hold while the registry fails over; registering a version or moving a split waits for it",
  },
  {
    by: "I15",
    topic: "media-pipeline",
    subject: "a media pipeline that encodes each upload's renditions on a worker fleet and publishes them at once",
    summary: [
      "Workers lease one encode task per rendition and segment, and the manifest pointer moves last, so nothing half-written is served",
    ],
    absorbs: ["I03", "I05", "I11"],
    stance:
      "task leases and the manifest pointer are decided only by the job store's majority, so a shard cut off from it hands out no task and publishes nothing, while encodes already running finish and report later",
  },
  {
    by: "I03",
    topic: "dag-workflow",
    subject: "a batch workflow scheduler that runs DAGs of dependent tasks on schedules, with retries",
    summary: [
      "A scheduler loop creates one DagRun per DAG and logical date, and queues each task instance once every upstream task of its run has succeeded, within its pool's slots",
      "A worker starts a queued task only by a conditional update that raises its try number, heartbeats while it runs, and a zombie detector retries a task whose heartbeat stops, so a task never runs twice at once",
      "Several schedulers share the metadata database through row locks that skip what another holds, with no consensus service",
    ],
    absorbs: ["I12", "I02", "I04", "I05", "I15"],
  },
  {
    by: "I12",
    topic: "workflow-engine",
    subject:
      "a durable workflow engine whose truth is each execution's append-only event history, sharded by workflow id",
    summary: [
      "A history shard appends each execution's events together with the tasks they imply, in one conditional write fenced by the shard's range id",
      "Workers long-poll task queues, rebuild an execution's state by replaying its history through deterministic workflow code, and run activities at least once",
      "An activity's completion counts only from the attempt the execution is waiting for, and durable timers are the shard's own timer tasks",
    ],
    absorbs: ["I03", "I15"],
  },
  {
    by: "I06",
    topic: "vector-search",
    subject:
      "a vector search service that keeps embeddings in a store of record and answers the k nearest from approximate index segments per shard, every query scattered to each shard and their top k merged",
    summary: [
      "Each upsert or tombstone commits in the store of record at its shard's next sequence; replicas tail it into a growing segment, so a vector is searchable within seconds",
      "Builders seal ranges into immutable HNSW or IVF-PQ segments, merge them dropping deleted vectors, and swap each shard's manifest whole",
      "Memory is count x dimensions x bytes per value plus links, or the quantised codes; one embedding model version per collection, and a model change re-embeds into a new generation",
    ],
    absorbs: [],
  },
  {
    by: "I06",
    topic: "typeahead",
    subject:
      "a typeahead service that precomputes each prefix's top-k completions into versioned snapshots served from memory",
    summary: [
      "An offline build scores what people searched and keeps, for every prefix, the few completions that score highest",
      "Each build is an immutable snapshot, validated before a version pointer moves to it, so a bad one rolls back",
      "Replicated prefix-range shards answer each keystroke from memory, behind browser and edge caches for short prefixes",
    ],
    absorbs: [],
  },
  {
    by: "I13",
    topic: "auction",
    subject: "an online auction whose one owner per item decides every bid and the close",
    summary: [
      "One owner per auction, under a lease with an epoch, accepts a bid only before the end time by its own clock and at least one increment over the current price",
      "Accepted bids are sequenced in the auction's bid log, group-committed, and maximum bids resolve to the second-highest plus one increment",
      "The close is a marker the owner appends: bids sequenced before it count, later ones are refused, and winner notice and payment follow from an outbox",
    ],
    absorbs: [],
  },
  {
    by: "I16",
    topic: "one-time-code",
    subject:
      "a one-time code service: one record per destination and purpose holding a code's keyed hash, expiry, wrong guesses and used flag",
    summary: [
      "An issue counts the send against its destination, address and prefix windows, replaces the record with a new code and writes its send job in one transaction under the request id",
      "A verify is one conditional write that counts the guess and spends the code only while it is unused, unexpired and under its attempt limit",
      "Senders call a provider with the same code under the send id and fail over to a second provider, so a retry never sends a different live code",
      "The fraud monitor blocks number prefixes whose codes are sent and never verified",
    ],
    absorbs: [],
    stance:
      "a code is spent only at its record's home, acknowledged by a majority, so a store cut off from its majority refuses verifies and the person asks for a new code, rather than let one code be spent twice",
  },
  {
    by: "I16",
    topic: "cart",
    subject: "a shopper's cart whose lines change one transaction at a time under the client's request id",
    summary: [
      "Each add raises the (cart, sku) line and records the request id in one transaction, acknowledged once a majority of the cart's replicas hold it",
      "A guest cart merges into the account's cart once at sign-in, removals kept as markers so none comes back",
      "Prices and stock are shown at add and checked again by checkout when the order is placed",
    ],
    absorbs: [],
  },
  {
    by: "I13",
    topic: "video-conference",
    subject: "a meeting whose media one SFU, or a cascade of them, forwards to each participant by what it chose",
    summary: [
      "Participants join with a signed token over a signalling WebSocket, which negotiates each media session (SDP, ICE with STUN and TURN, DTLS-SRTP)",
      "A placement service puts each meeting on one SFU under a lease, or a cascade of SFUs across regions for a big or spread meeting",
      "The SFU forwards each receiver the active speakers and its gallery page at the simulcast layer its bandwidth fits, with NACK, PLI and jitter buffers for loss",
    ],
    absorbs: [],
  },
  {
    by: "I13",
    topic: "game-server",
    subject: "a real-time match whose one server process owns its state and steps it on a fixed tick",
    summary: [
      "A matchmaker groups tickets into a match, a Ready server from the fleet is allocated to it, and the match directory records it under a lease",
      "The server applies each player's numbered inputs once, in order, at each tick, and sends every player a delta snapshot stamped with the last input applied",
      "Clients predict their own moves and reconcile to each snapshot, and lag compensation judges a hit where the shooter saw the target",
    ],
    absorbs: [],
  },
  {
    by: "I13",
    topic: "whiteboard",
    subject: "a board of objects whose server keeps the last value of each property",
    summary: [
      "One server owns each board and keeps, for every property of every object, the value it sequenced last",
      "Siblings are ordered by fractional keys, so a move sets one property",
      "Cursors are relayed to the board's other connections, throttled, and never stored",
    ],
    absorbs: [],
  },
  {
    by: "I18",
    topic: "iot",
    subject: "a time-series store for readings that devices and sensors push",
    summary: [
      "Each device buffers while offline and sends late, so a sample within the out-of-order window behind its series' newest is accepted, not refused",
      "Every series belongs to a registered device, and devices times sensors is the series count",
      "Raw samples are kept for a recent span and rollups for the rest of the retention",
    ],
    absorbs: [],
  },
  {
    by: "I18",
    topic: "logs",
    subject: "a log pipeline that ships application log lines into a durable buffer and makes them searchable",
    summary: [
      "A shipper on every host batches lines, buffers them on disk and slows down when the pipeline pushes back",
      "A durable, partitioned log holds every acknowledged line until the indexers have taken it",
      "A line is searchable within the freshness bound: the shipper's flush, the buffer lag, the indexing batch and the index refresh",
      "Recent days stay in the hot index, and older lines are compressed chunks in object storage",
    ],
    absorbs: [],
    stance:
      "logging must keep taking lines during trouble: a shipper keeps unsent batches on disk and resends them, and a resent line carries its line id (host, file, byte offset), so a repeat is recognised and delivery is at least once; a line is searchable once its shard refreshes, so search trails the newest lines",
  },
  {
    by: "I18",
    topic: "traces",
    subject: "a distributed tracing backend that samples whole traces and stores their spans by trace id",
    summary: [
      "Instrumented services record spans and pass the trace id and the sampled flag to every call they make",
      "One sampling decision per trace keeps it whole or drops it",
      "Kept spans are stored under their trace id with an index for search, and both lapse at the retention",
    ],
    absorbs: [],
    stance:
      "tracing must never slow the services it watches: a span an overloaded collector cannot take is dropped, not waited on, and a resent span (same trace and span id) is written once, so delivery is at least once while it retries; a trace becomes findable once its spans are written and indexed, so search trails the newest spans",
  },
  {
    by: "I04",
    topic: "polite-site",
    subject: "a URL frontier partitioned by site (registrable domain)",
    summary: [
      "The partition that owns a site hands out the next URL of any of its hosts only with no fetch to the site in flight and its delay passed",
      "A URL its own host's robots rules disallow is never fetched",
    ],
    absorbs: [],
  },
  {
    by: "I04",
    topic: "crawl",
    subject: "a URL frontier partitioned by host",
    summary: [
      "The partition that owns a host hands out its next URL only with no fetch to it in flight and its delay passed",
      "A URL the host's robots rules disallow is never fetched",
    ],
    absorbs: [],
  },
  {
    by: "I05",
    topic: "work-queue",
    subject: "a work queue that leases each message to one worker until it is acked",
    summary: [
      "A received message stays hidden from other workers until its visibility timeout passes",
      "An ack deletes it; a message not acked in time is handed out again, and one received too often goes to the dead-letter queue",
    ],
    absorbs: [],
  },
];

/** The dominant archetype's subject under the topics the design speaks of, if it has one. */
export function variantOf(dominant: string, unspoken: readonly Topic[]): Variant | undefined {
  return VARIANTS.find((v) => v.by === dominant && !unspoken.includes(v.topic));
}
