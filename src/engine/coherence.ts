import { owedKind } from "../knowledge/requirement-kinds.js";
/**
 * Coherence rules over a derived design: a design must never contradict itself. Each rule reads only
 * the finished Design (and the knowledge behind it), so the check runs on anything `design()` returns.
 * Decisions are held to what they chose: the option's drawn elements, excluded phrases, fixed capacity
 * inputs and needed product properties (see knowledge/decisions/types.ts) must agree with the design.
 */

import { DAG_SHAPE } from "../knowledge/archetypes/I03/dag.js";
import { AGG_SHAPE } from "../knowledge/archetypes/I06/aggregation.js";
import { CDC_SHAPE } from "../knowledge/archetypes/I06/cdc.js";
import { COUNTER_SHAPE } from "../knowledge/archetypes/I06/counter.js";
import { LB_SHAPE } from "../knowledge/archetypes/I06/leaderboard.js";
import { TA_SHAPE } from "../knowledge/archetypes/I06/typeahead.js";
import { VEC_SHAPE } from "../knowledge/archetypes/I06/vector.js";
import { ROOM_SHAPE } from "../knowledge/archetypes/I08/waiting-room.js";
import { DEPLOY_SHAPE } from "../knowledge/archetypes/I11/deploy.js";
import { DNS_SHAPE } from "../knowledge/archetypes/I11/dns.js";
import { FLAG_SHAPE } from "../knowledge/archetypes/I11/flags.js";
import { WF_SHAPE } from "../knowledge/archetypes/I12/durable.js";
import { PSP_SHAPE } from "../knowledge/archetypes/I12/psp.js";
import { AUCTION_SHAPE } from "../knowledge/archetypes/I13/auction.js";
import { CONFERENCE_SHAPE } from "../knowledge/archetypes/I13/conference.js";
import { BOARD_SHAPE } from "../knowledge/archetypes/I13/whiteboard.js";
import { SANDBOX_SHAPE } from "../knowledge/archetypes/I15/sandbox.js";
import { SERVING_SHAPE } from "../knowledge/archetypes/I15/serving.js";
import { AUTH_SHAPE } from "../knowledge/archetypes/I16/auth.js";
import { AUTHZ_SHAPE } from "../knowledge/archetypes/I16/authz.js";
import { ENGINE_SHAPE } from "../knowledge/archetypes/I16/engine.js";
import { LEDGER_SHAPE } from "../knowledge/archetypes/I16/ledger.js";
import { KVC_SHAPE } from "../knowledge/archetypes/I16/memcache.js";
import { OTP_SHAPE } from "../knowledge/archetypes/I16/otp.js";
import { SQL_SHAPE } from "../knowledge/archetypes/I16/sql.js";
import { ADX_SHAPE } from "../knowledge/archetypes/I17/adx.js";
import { IOT_SHAPE } from "../knowledge/archetypes/I18/iot.js";
import { LOGS_SHAPE } from "../knowledge/archetypes/I18/logs.js";
import { TRACES_SHAPE } from "../knowledge/archetypes/I18/traces.js";
import { BACKUP_SHAPE } from "../knowledge/archetypes/I19/backup.js";
import { MEDIA_SHAPE } from "../knowledge/archetypes/I19/media.js";
import { ARCHITECTURE } from "../knowledge/architecture/index.js";
import { BOUND_KINDS, RATIO_BOUNDS } from "../knowledge/bound-kinds.js";
import { BOUNDED_COUNT, SPLIT_COUNTER } from "../knowledge/bounded-counters.js";
import { capacityModel } from "../knowledge/capacity/index.js";
import { BOUND_MARGIN, REGION_REACH } from "../knowledge/capacity/latency.js";
import { STATED_USE_FIGURES } from "../knowledge/capacity/stated.js";
import { REPLACEMENTS, replacementKey, replacementsKept } from "../knowledge/covers.js";
import { DECISION_BY_ID, type DecisionCondition } from "../knowledge/decisions/index.js";
import { lacks, type Property } from "../knowledge/decisions/properties.js";
import { asksForMachinery, FEATURE_BY_ID, FEATURES } from "../knowledge/features/index.js";
import { GATE_MODULES } from "../knowledge/gates.js";
import { MECHANISM_SEMANTICS } from "../knowledge/mechanism-semantics.js";
import { cannotKeep } from "../knowledge/mechanisms/cannot-keep.js";
import { EXCLUSIVE_MECHANISMS } from "../knowledge/mechanisms/exclusive.js";
import { MECHANISM_BY_ID } from "../knowledge/mechanisms/index.js";
import { canKeep, isRetryRule } from "../knowledge/mechanisms/keeps.js";
import { PLACE_WORDS } from "../knowledge/named-parts.js";
import { formulaOf } from "../knowledge/notation/compiled.js";
import { evaluateFormula, formulaVariables } from "../knowledge/notation/formula.js";
import { PARTIES, PARTY_ONLY_WORDS, PARTY_WORDS, type PartyKind } from "../knowledge/parties.js";
import {
  isWrite,
  LOSS_WORDS,
  NEVER_EARLY,
  REFUSES_STALE,
  RISES_ONLY,
  repeatAgainst,
  TOLERATES_EARLY,
} from "../knowledge/patterns.js";
import { factsOf } from "../knowledge/product-facts.js";
import { QUANTITY_BRIDGES, QUANTITY_BY_ID, QUANTITY_TWINS } from "../knowledge/quantities.js";
import { MAJORITY_DOMAINS_MIN } from "../knowledge/regions.js";
import { KEPT_STEP, ROLLUP_TEXT, STATED_STEP, STEP_SECONDS, stepSeconds } from "../knowledge/resolutions.js";
import type { ArchetypeId } from "../knowledge/schema.js";
import { SET_ASIDE, SET_ASIDE_WORDS, SET_ASIDE_WOULD, SETTING_WAYS } from "../knowledge/setting-ways.js";
import { onOnePrimary } from "../knowledge/state-limits.js";
import { statedPaths } from "../knowledge/stated-paths.js";
import { HARDWARE_NOUNS } from "../knowledge/stock-records.js";
import {
  designTopicsUnspoken,
  markTopics,
  SUBJECT_TELLS,
  type Topic,
  type TopicMark,
  unspokenBesides,
} from "../knowledge/topics.js";
import { type OptionMark, topicalTopology } from "../knowledge/topology.js";
import { CALLED_KINDS, recordCarried } from "./architecture.js";
import { quantitiesRead } from "./capacity.js";
import { countedThings, designWords, holds } from "./counted-nouns.js";
import {
  boundCheck,
  boundOnlyWins,
  figureOnlyWins,
  figuresMeet,
  figureThreshold,
  type StatedQuantity,
} from "./decision-figures.js";
import type { Design } from "./design/design.js";
import { keepJsonTexts, keptJsonText } from "./design/keep.js";
import type { CapacityRow } from "./design/types.js";
import { unbudgetedBounds } from "./end-to-end-bounds.js";
import { thinPart } from "./fields/archetypes.js";
import { atBase, ceilingOfFigure, countFor, sameMeasure } from "./fields/bottleneck-load.js";
import { mitigationItems, proposesOption, quantityId, WHOLE_UNITS } from "./fields/bottlenecks.js";
import { sizedByFeatures, storedBytes } from "./fields/capacity.js";
import { archetype as archetypeEntry, entityWords, shortName } from "./fields/common.js";
import {
  breaksBound,
  builds,
  chosenKeys,
  decidedAgainst,
  excludedBy,
  optionOnly,
  rejectedKeys,
  ruledOutMechanisms,
} from "./fields/decisions.js";
import { effectParty } from "./fields/drawn-verdicts.js";
import {
  crashOf,
  drawnWords,
  failureRowHolds,
  MECHANISM_FAILURE_BY_TEXT,
  ORDER_AUTHORITY_RUNS,
  orderingAuthorities,
  partsSaid,
  undrawnNames,
  undrawnParts,
} from "./fields/failure-scope.js";
import { delivers } from "./fields/invariants.js";
import { invariantEntities, keptElsewhere, mechanismTouches } from "./fields/mechanism-rows.js";
import { conditionalWithoutStore, deniedClaims } from "./fields/product-claims.js";
import {
  componentNeeds,
  drawnPart,
  namedAlternatives,
  namedPart,
  overLimit,
  peakStoreWrites,
  setsAsideDrawn,
  storeSplitOf,
  TRUTH_LAYERS,
  widerThanStated,
} from "./fields/technology.js";
import { drawsCache, technologyRequirements, unmetReason, unmetRequirement } from "./fields/technology-requirements.js";
import { namedGroupSize } from "./group-size.js";
import {
  countedPartHeld,
  countedParts,
  partWords,
  relationalPartHeld,
  relationalParts,
  spreadOf,
} from "./named-parts.js";
import { quoteOfScaleReason, statedNfrsOf } from "./nfr-parse.js";
import { seqText } from "./output/mermaid.js";
import { featureHotspots, featureLed } from "./product/correctness.js";
import { RECORD_PART } from "./product/record.js";
import { namedWords } from "./prompt-nouns.js";
import { formatQuantity } from "./quantity-format.js";
import { ownAccounts } from "./recognize/recognize.js";
import { tokenize } from "./recognize/tokens.js";
import { type ReferenceFacts, referenceFacts, referenceVerdict } from "./references.js";
import { sameQuestion } from "./roles.js";
import { checksWithoutState } from "./sequence-rules.js";
import { majorityHolder, ownedAuthority } from "./stance.js";
import { guaranteeClauses, overwritesInPlace, UNKEPT } from "./stated-clauses.js";
import { fromStatedGuarantee, statedRule } from "./stated-rules.js";
import { conflictOf, keepsStated, statedSemantics } from "./stated-semantics.js";
import { statedConfirmation, statedLocalAutonomy, statedTenure } from "./stated-stance.js";
import { isPartyNoun, uncountedThing } from "./stock-records.js";
import { namedSystemStance } from "./system-stance.js";
import { technologyAgainstDesign } from "./technology-against-design.js";
import { escapeRe, pattern } from "./text.js";
import { keysOf, namesRow, oneTransaction, transactionRows, uniqueAcrossPartitions } from "./transaction-scope.js";

export type CoherenceRule =
  | "chosen-and-avoided"
  | "reference-as-choice"
  | "failure-contradicts-availability"
  | "isr-called-majority"
  | "mechanism-without-precondition"
  | "invariant-off-path"
  | "qualifier-unkept"
  | "stated-rule-unkept"
  | "mechanism-breaks-stated-rule"
  | "stated-rule-on-contradicting-write"
  | "order-beside-parallel"
  | "due-time-unindexed"
  | "mechanism-protects-untouched"
  | "mechanism-protects-nothing"
  | "source-path-in-text"
  | "two-charge-paths"
  | "nfr-contradiction"
  | "stated-nfr-lost"
  | "decision-contradicted"
  | "rejected-option-drawn"
  | "flip-condition-holds"
  | "decision-condition-stated"
  | "decision-own-condition-met"
  | "option-violates-bound"
  | "choice-on-assumption"
  | "mitigation-proposes-chosen"
  | "default-against-requirement"
  | "technology-layer-empty"
  | "decision-built-over-limit"
  | "capacity-contradicts-decision"
  | "technology-lacks-property"
  | "version-check-with-lww"
  | "numbers-disagree"
  | "stated-number-unused"
  | "quantity-computed-twice"
  | "input-cycle"
  | "stated-stand-in-replaced"
  | "stated-number-unread"
  | "requirement-not-carried"
  | "stated-without-quote"
  | "part-exceeds-whole"
  | "input-below-own-rule"
  | "outsider-checks-ours"
  | "two-parties-one-lifeline"
  | "count-reaches-tolerance"
  | "message-without-link"
  | "product-record-not-state"
  | "technology-builds-rejected"
  | "technology-over-limit"
  | "technology-breaks-requirement"
  | "product-claim-denied"
  | "store-unsplit"
  | "mechanisms-exclusive"
  | "flip-example-is-subject"
  | "two-ordering-authorities"
  | "rows-without-component"
  | "stated-path-undrawn"
  | "covered-archetype-adds"
  | "thin-part-drawn"
  | "part-uncalled"
  | "state-stance-against-holder"
  | "stance-against-owner"
  | "soft-row-fail-closed"
  | "party-cannot-do"
  | "party-fact-elsewhere"
  | "lww-beside-rises-only"
  | "lww-revocation-unkept"
  | "failure-without-mechanism"
  | "row-names-undrawn"
  | "one-role-twice"
  | "share-not-acted"
  | "duration-implausible"
  | "figure-implausible"
  | "fan-out-counted-twice"
  | "flush-before-ack-contradicted"
  | "one-part-bought-twice"
  | "aggregation-shape"
  | "shown-count-shape"
  | "typeahead-shape"
  | "vector-search-shape"
  | "leaderboard-shape"
  | "whiteboard-shape"
  | "auction-shape"
  | "iot-shape"
  | "logs-shape"
  | "traces-shape"
  | "untrusted-code-shape"
  | "dag-workflow-shape"
  | "subject-leftover"
  | "media-store-shape"
  | "backup-shape"
  | "feature-flags-shape"
  | "dns-shape"
  | "model-serving-shape"
  | "ad-exchange-shape"
  | "relationship-authz-shape"
  | "waiting-room-shape"
  | "storage-engine-shape"
  | "deploy-rollout-shape"
  | "video-conference-shape"
  | "kv-cache-shape"
  | "auth-shape"
  | "one-time-code-shape"
  | "ledger-shape"
  | "distributed-sql-shape"
  | "cdc-shape"
  | "workflow-engine-shape"
  | "psp-shape"
  | "realized-record-elsewhere"
  | "quantity-two-values"
  | "decision-asked-twice"
  | "figure-follows-rejected"
  | "stated-bound-exceeded"
  | "bound-without-headroom"
  | "latency-unbudgeted"
  | "bound-unbudgeted"
  | "figure-beyond-sense"
  | "fence-at-outsider"
  | "guard-off-owner"
  | "check-without-state"
  | "politeness-off-fetch-path"
  | "sized-by-moved-bytes"
  | "connections-without-servers"
  | "split-counter-on-bound"
  | "charge-without-payment-party"
  | "stance-against-delivery"
  | "names-undrawn-entity"
  | "technology-part-undrawn"
  | "latency-beyond-one-region"
  | "rollup-coarser-than-query"
  | "verdict-denies-drawn"
  | "reason-of-left-out-record"
  | "repeat-without-delivery"
  | "mechanism-keeps-other-create"
  | "entity-named-after-product"
  | "named-part-rejected"
  | "technology-against-design"
  | "replaced-part-drawn"
  | "substrate-resizes-feature-records"
  | "mitigation-proposes-rejected"
  | "rejected-option-carried"
  | "option-not-carried"
  | "stance-contradicts-clause"
  | "retry-rule-kept-by-other"
  | "mechanism-keeps-other-kind"
  | "keeper-cannot-keep"
  | "setting-said-twice"
  | "figure-against-chosen-count"
  | "pool-without-headroom"
  | "core-decided-against"
  | "authority-without-crash-row"
  | "technology-layer-unchosen"
  | "default-weakens-guarantee"
  | "regions-sync-and-async"
  | "compare-and-set-across-regions"
  | "transaction-spans-partitions"
  | "prompt-noun-uncovered"
  | "named-part-missing"
  | "stance-against-stated-path"
  | "majority-over-two-domains";

export interface Problem {
  rule: CoherenceRule;
  detail: string;
}

export const COHERENCE_RULES: Readonly<Record<CoherenceRule, string>> = {
  "chosen-and-avoided": "no product is both recommended and rejected",
  "reference-as-choice": "the system the prompt asks to build is the reference design, never a technology to buy",
  "failure-contradicts-availability": "failure rows agree with the availability stance",
  "isr-called-majority": "Kafka's in-sync replica set is never described as a majority quorum",
  "mechanism-without-precondition": "a mechanism appears only where its precondition holds in this design",
  "invariant-off-path": "every invariant is attached to a critical path that writes what it constrains",
  "qualifier-unkept":
    "a qualifier the prompt states (each customer's events in order, never the same URL twice in one day) is a rule of the design at the stated scope, kept by a mechanism that names it",
  "stated-rule-unkept":
    "a rule made from a guarantee the prompt states is kept by a mechanism the design has, or says that no mechanism keeps it yet",
  "mechanism-breaks-stated-rule":
    "no mechanism breaks a rule the prompt states (a dead-letter queue that lets later events of a key pass a parked one beside a stated per-key order, a renewed lease beside a fixed hold, at-least-once plus dedup beside a stated at-most-once): the design names the variant that keeps the rule, and its text never says the plain mechanism",
  "stated-rule-on-contradicting-write":
    "a rule made from a guarantee the prompt states never sits on a write whose shape breaks it (an overwrite under 'never overwritten')",
  "due-time-unindexed":
    "a design that promises a next attempt time or a due-time index holds that time as a field of its data model, with an index that leads to the due rows",
  "order-beside-parallel":
    "an order the prompt asks for within each key is never set beside several calls in flight per key, which reorder them",
  "two-charge-paths":
    "one purchase is charged along one path: two components never each send a charge to the same outside party (a hold's own confirm beside a checkout's payment relay charges the buyer twice)",
  "source-path-in-text":
    "no text of the design (rows, reasons, trace rules) names a file of this tool's source, such as knowledge/parties.ts",
  "mechanism-protects-untouched":
    "a mechanism protects only an invariant about an entity it touches (its operation, predicate or archetype), or says what it serves instead",
  "mechanism-protects-nothing":
    "every mechanism keeps a rule the design states, or names the liveness, throughput or recovery concern it serves; the mechanism of the first critical write (the script's core) keeps a rule",
  "nfr-contradiction": "defaulted NFRs never contradict each other or the stated ones",
  "stated-nfr-lost": "an NFR the prompt states is never replaced by a default",
  "decision-contradicted":
    "what a decision chose is what the design draws and says: no component, link, API call, sequence, failure row or rule, and no core mechanism, hard rule or first hotspot the script speaks, belongs to an option it rejected",
  "rejected-option-drawn":
    "no component, link, API call, sequence or failure row marked for options a decision did not choose (`chosen`, knowledge/topology.ts `OptionMark`), and no duty or link a rejected option alone draws (`implies.draws`), is drawn: tail sampling chosen, the services do not sample at the root",
  "flip-condition-holds":
    "no decision rejects an option whose win condition, as this design's facts, holds (a cache is not acknowledged synchronously because durability matters when losing the latest writes is acceptable)",
  "decision-own-condition-met":
    "no decision rejects an option whose size condition (a load at or above a threshold: 'the ingest runs to gigabytes a second') the figures the design itself is sized for meet, stated or assumed, nor one whose win condition is a time bound the prompt states below a figure of the chosen option (failover within 10 seconds under a long lease, a change applied within 15 seconds under a minute of polling), unless its reason names that tension: a design sized for 1 GB/s does not index every word 'at a modest ingest'",
  "decision-condition-stated":
    "no decision rejects an option whose win condition the prompt itself states (its words, a stated bound or quantity, a stated NFR), unless the chosen option's own win condition is stated too: 'the first driver to accept gets it' takes the broadcast offer, 'a change may take 5 minutes to land' takes polling",
  "option-violates-bound":
    "no decision keeps an option that adds more than half a bound the prompt states to the time it bounds (nodes polling a minute apart beside 'a record change is served by every location within 60 seconds', operator-paced rollout waves beside 'route changes within 5 seconds'): the bound is met by the option chosen, or the design breaks it",
  "choice-on-assumption":
    "no decision keeps an option that wins only on figures computed from assumed inputs while a rejected option wins on what the prompt itself says (geohash cells for moving objects nobody stated, beside 'places', which are fixed)",
  "mitigation-proposes-chosen":
    "no bottleneck's mitigation proposes, as a change, what a chosen option already does (downsample older data into rollups, beside rollups chosen)",
  "default-against-requirement":
    "an unstated consistency or partition stance never contradicts the stance of the feature the prompt names (a news feed assumed linearizable and failing closed beside 'reaches followers' feeds within seconds (eventual)')",
  "technology-layer-empty":
    "every technology layer the design shows names a product to pick, avoid or learn from: none is an empty heading",
  "decision-built-over-limit":
    "no chosen option is built on a product whose documented state limit is below the design's own figure for that state (one metadata group 'etcd-style' for ≈ 9.54 GB)",
  "capacity-contradicts-decision":
    "the capacity figures use the inputs the chosen options fix (an erasure-coded store is not sized at three replicas)",
  "technology-lacks-property":
    "no recommended product lacks a property a chosen option, the design's own API or its components need (replay from a log, a majority commit under a consensus group)",
  "version-check-with-lww":
    "a design that refuses a stale write by version never also calls last-writer-wins acceptable",
  "numbers-disagree":
    "one quantity has one value in a design: a bottleneck estimate agrees with the capacity table, and every capacity figure reads the same value of a named input",
  "stated-number-unused": "every number the prompt states is read by at least one capacity figure",
  "input-cycle":
    "no two inputs of a figure are each derived from the other (orders a day from orders per user per day, and that from orders a day): a value rests on something the prompt states or a typical value, never on itself",
  "quantity-computed-twice":
    "one quantity has one row: two capacity figures never compute the same expression over the same inputs under two names (the drivers' location updates sized by both the dispatcher and the proximity index)",
  "stated-stand-in-replaced":
    "a quantity the prompt states under another model's name (a million drivers reporting every 4 seconds are the live clients and their heartbeat) never takes a typical value in a figure that reads it under its own name",
  "stated-without-quote":
    "a value is labelled stated only where the prompt holds the words it quotes: a count or bound with no such words is a default or a derivation, and says so",
  "requirement-not-carried":
    "every requirement clause the prompt states of a kind a design owes an answer to (a catch-up on reconnect, a protected downstream, a control verb on a record, a latency, a retention) is read by some part of the design (a figure, a rule, an operation, a record, a latency bound, a feature or a decision): a clause nothing reads is named, not dropped silently",
  "stated-number-unread":
    "every amount the prompt states is read as some quantity: a number no rule binds (an unknown noun, a bound of an unknown kind) is named, not replaced silently by a typical value",
  "bound-without-headroom":
    "a time the design plans against a stated bound (a latency, a freshness, a failover) leaves at least a fifth of the bound spare: a sum that meets the bound exactly, or nearly, is missed by the first slow step",
  "latency-unbudgeted":
    "a stated request latency is spent over the path's costed steps (a figure that sums at least two steps against it), never left as one round trip taken off with the rest 'still to be budgeted'",
  "bound-unbudgeted":
    "a stated end-to-end bound on a pipeline's way (an alert or page within a minute, a rollback within a minute, a change reaching every server within seconds) is spent as a budget: a figure sums the path's stages and is held to the bound, never only a bandwidth or a count sized to it",
  "stated-bound-exceeded":
    "no figure the design chooses or derives is past a bound the prompt states for it (a failover of about 11 s against 'fails over within 5 seconds', an annual loss per object above the stated nines)",
  "figure-beyond-sense":
    "no figure is past a physical or product ceiling by orders of magnitude: no fleet of billions of workers or servers (open, waiting items hold rows, not slots), no per-subject maximum multiplied into a fleet total, no load set against a ceiling assumed for a party the prompt never names",
  "part-exceeds-whole":
    "a part is never larger than its whole: a byte figure over a share of the design's objects (a hot set) is at most one copy of all of them",
  "message-without-link":
    "every message a sequence diagram draws between two components runs along a chain of links the architecture draws between them",
  "ledger-shape":
    "money moved between the system's own accounts (a bank's ledger) is drawn as its own state: no outside party is called for it, and a ledger design keeps accounts, a transfer keyed by its transfer id, a journal and the rule that money is conserved",
  "distributed-sql-shape":
    "a distributed SQL database keeps rows and transaction records, states the order its commit timestamps keep (external consistency where asked), is linearizable, and draws none of a leaderless store's parts (quorum reads and writes, anti-entropy, last-writer-wins)",
  "cdc-shape":
    "a change-data-capture design reads the database's log through a replication slot with a connector, applies every change at each sink guarded by its log position (LSN), draws no write API the applications must go through, and gives a named cache sink its own LSN-guarded copy",
  "psp-shape":
    "a design of the payment provider itself keeps its payments and each merchant's idempotency keys (unique per merchant, in the payment's transaction) and ledger lines kept by movement so one movement's lines commit together, reaches the card through an acquirer it draws, and buys no payment provider from someone else",
  "workflow-engine-shape":
    "a durable workflow engine keeps each execution's append-only history with the tasks it implies on a fixed set of history shards, hands tasks to workers through task queues, fences an activity's completion by its attempt, and calls no payment provider for it",
  "aggregation-shape":
    "a design about counting events in windows keys its truth by event id and its totals by time window, sizes the hottest key, and draws no record-by-record projection entity",
  "shown-count-shape":
    "a design whose count is shown beside the thing counted keeps a running total per key in a drawn store, reads it on a path of its own, sizes those reads, and holds the time to a shown count to the prompt's freshness bound where one is stated",
  "vector-search-shape":
    "a vector search design keeps vectors by id in a store of record, index segments and a collection with its model version, answers a nearest-neighbour search call, sizes the index memory and the shards from the count and dimensions, and draws no text index's terms, analyzers or postings",
  "typeahead-shape":
    "a design about suggesting completions as people type keys its served lists by prefix, offers a suggest call, splits a stated latency target into network, edge and lookup time, and draws no change-capture projection entity",
  "leaderboard-shape":
    "a design about ranking members by a changing score keeps the scores as the record and an ordered set per board it is rebuilt from, offers a call that reads a member's rank and one that reads the top, holds the time from a score to its rank to the stated freshness, and draws no search-projection entity",
  "auction-shape":
    "a design about an online auction keeps its bids and the auction with its end time, offers a call that places a bid under the bidder's bid id and maximum, and neither merges bids as edits (operational transformation, CRDTs) nor closes auctions through a job scheduler's schedules and runs",
  "whiteboard-shape":
    "a design about a shared board of objects keeps each object with its properties and order key, offers a call that sets an object's properties, and carries cursors on the board's own connections: never in a presence registry or a durable store",
  "iot-shape":
    "a time-series design for readings devices push keeps a device record for its series, accepts a late sample within the out-of-order window rather than refusing it, and draws no scraping or alert-rule machinery of monitoring a server fleet",
  "logs-shape":
    "a telemetry design about log lines keeps every acknowledged line in a durable buffer, bounds the time until a line is searchable by the stated freshness (flush, lag, indexing batch and refresh summed), and draws no series, scraping, alert rules, config rollout or change capture",
  "traces-shape":
    "a telemetry design about trace spans stores spans keyed by trace id, keeps or drops each trace whole by one sampling decision, and draws no series, scraping or alert rules",
  "subject-leftover":
    "a design's rows never speak of a subject it does not have (an advertiser billed where nothing is billed, a function invoked where no function runs, a metrics series where the records are log lines or spans)",
  "dag-workflow-shape":
    "a DAG scheduler keeps its DAG runs and task instances, holds an invariant that a task instance has at most one running try, and draws no payment outbox, provider webhook, durable-execution history or consensus lock store it was not asked for",
  "untrusted-code-shape":
    "a fleet that runs untrusted code keeps each submission and its verdict, holds an invariant that a run reaches no network, and draws no cron scheduler, config rollout or function-invocation platform it was not asked for",
  "media-store-shape":
    "a photo store keeps its photos' metadata, volumes and needles, acknowledges an upload only once it is durable (never best-effort), sizes the bytes it adds a day, and draws no purge fan-out, config rollout, file-system lease or bought object store",
  "one-time-code-shape":
    "a one-time code design keeps a code record per destination and purpose that holds only the code's keyed hash, holds a rule that a code is accepted at most once, sizes the codes live at once from the sends and their validity, and draws no generic store's partition map, hinted handoff or merge, nor a password sign-in's hashes and reset tokens",
  "auth-shape":
    "a sign-in and password-reset design keeps accounts, reset tokens and sessions, holds a rule that a reset token is never used twice, sizes its fleet by the CPU its password hashes take, and settles no credential write by last writer wins or a merge",
  "backup-shape":
    "a backup service keeps its snapshots, chunks and packs, commits a snapshot only once every chunk it lists is durable (never best-effort), sizes the new chunk bytes a night and the snapshots its retention window keeps, and draws no config rollout, purge fan-out or file-system lease",
  "kv-cache-shape":
    "an in-memory key-value cache is drawn as cache servers holding items in RAM, sized by RAM for every byte it is said to hold, with no durable store's coordinators, replicas, partition map or quorum",
  "feature-flags-shape":
    "a feature-flag design keeps flags, segments and an audit log of changes, bounds the time from a committed change to every SDK by the stated propagation target, hop by hop, and draws no fleet cohorts, health gates or service-mesh control plane",
  "video-conference-shape":
    "a video conferencing design keeps meetings, their participants and each meeting's placement on an SFU, forwards media by selective forwarding, sizes the busiest meeting's egress and the SFU hosts, and draws no document editing or presence registry",
  "relationship-authz-shape":
    "a relationship-based authorization design keeps relation tuples, namespace configurations and a changelog, takes a zookie on its check call, sizes the check servers from the check rate, spends a stated latency on a cache-missing check hop by hop, and draws no key-value store's hinted handoff, Merkle repair or siblings, nor a sign-in service's passwords and sessions",
  "waiting-room-shape":
    "a virtual waiting room keeps its visitors' tickets, the room's watermark and the admission tokens, sizes the time to drain the line at the admission rate and the polls its edge answers, and draws no per-caller budget, limit policy or 429 answer of a rate limiter",
  "storage-engine-shape":
    "a single-node storage engine design keeps its write-ahead log records, sorted tables and MANIFEST version edits, sizes WAL fsyncs with group commit, compaction write amplification and the Bloom filters' false positives, and draws no replicas, quorums, shards or consensus unless the prompt asks for them",
  "ad-exchange-shape":
    "an ad exchange design keeps auctions, bids, impressions and bidders, sizes the bid requests sent to bidders from the stated rate and bidders, spends the stated deadline on a bidder timeout inside it, and draws no route tables, backend drains or a user-facing auction's reserve and proxy bids",
  "dns-shape":
    "an authoritative DNS design keeps zones, record sets and a change journal by serial, bounds the time from a committed change to every name server by the stated propagation target, hop by hop, sizes the name servers from the query rate, and draws no fleet cohorts, health gates or feature-flag SDKs",
  "deploy-rollout-shape":
    "a software deployment design keeps releases by digest, rollouts, desired versions per host group and an audit log, sizes the whole rollout's time (batches within the unavailable cap plus each wave's bake) and the time to roll back, and draws no feature-flag SDKs, configuration snapshots or name servers",
  "model-serving-shape":
    "a model-serving design keeps immutable model versions, each model's traffic split and what each replica has loaded, bounds a prediction's network + queue wait + batch compute by the stated latency target, sizes the replicas from the stated rate, and draws no cluster manager's task attempts or training scheduler",
  "product-record-not-state":
    "a product's own record the architecture draws (the main record of a product no feature card models) is the design's first primary state, written by a critical operation",
  "technology-over-limit":
    "no product is offered for more state than its own documentation says it holds (no etcd, 8 GiB at most, for ≈ 95 GB of object metadata): a layer's state figure stays within each chosen product's documented limit, and no chosen product hands out ids wider than the width the prompt states (no 128-bit UUIDv7 for 64-bit ids)",
  "technology-breaks-requirement":
    "no chosen product that keeps the records fails what the design asks of it, by the product's documented replication and conditional writes: no store that keeps no copy of a key off its node for durable records, none that replicates after answering where the prompt states that no acknowledged write is lost, and none that checks a conditional write only by a Paxos round of its own per write where the design's rule makes writes conditional",
  "product-claim-denied":
    "no text of the design credits a named product with a property its documented facts deny (knowledge/product-facts.ts): no conditional insert or compare-and-set on Kafka, Kinesis, SQS or ClickHouse, no quorum or majority acknowledgement for PostgreSQL's standby, MySQL's replicas or Redis; no rule that makes a write conditional where every store the design picks is a log that checks no condition; and no majority-commit (consensus) replication where every product the design picks acknowledges on its primary first and cannot be configured otherwise (Redis, Memcached)",
  "store-unsplit":
    "a store the design loads past what one database primary or node handles is said split over the count the design sizes for it (an operation log at 3M appends a second is no one PostgreSQL table): its layer's write rate is checked against one unit's capacity by a share and a count, and each chosen product carries that count",
  "technology-builds-rejected":
    "no recommended product is built on an option a decision rejected (gossip rejected, Serf recommended), and no product a chosen option is built on is the one to avoid",
  "flip-example-is-subject":
    "a rejected option never wins, in the decision's own words, for the very thing the prompt asks about (outbox chosen, while 'a direct call would win if the effect is a notification that may be dropped' in a notification service)",
  "two-ordering-authorities":
    "a design where members must see one order (a chat's conversation) draws one part that assigns it: a second sequencer or a log's partition leader beside the conversation's owner leaves open which sequence members see",
  "stated-path-undrawn":
    "a path the prompt names in its own words (an alert that pages on-call, a visibility timeout that hands a message out again, downsampled old data, offline users served on reconnect, positions sent every few seconds) is run by a drawn component joined by a link; `STATED_PATHS` in knowledge/stated-paths.ts",
  "rows-without-component":
    "every capacity figure, decision and bottleneck belongs to a part the design draws: an archetype that adds no component, holds no entity on another's component and draws no sequence sizes and decides nothing (no 15 PB of artifacts in a home timeline)",
  "part-uncalled":
    "every part that acts only when called (an API, a front end, a gateway) of a supporting archetype has a caller: one no link reaches serves nobody, a neighbouring subject's entry left behind once the lead's clients stood in for its own (a projection's write API beside a crawler whose workers write the pages)",
  "thin-part-drawn":
    "a supporting archetype draws parts of its own only where it earned them: one neither card connects to the lead and the prompt does not name outright (a document sequencer from 'conflict resolution' in a key-value store), or an output joined on no words of its own whose outside party and parts the lead already draws (a workflow stack behind a cron's job target), draws no component; and one every feature resting on it keeps in a record of its own (a driver's state row is the lease) decides and sizes nothing of its own",
  "covered-archetype-adds":
    "a supporting archetype whose role the dominant's own variant plays (a work queue's visibility timeout is the lease) adds no component, capacity figure, decision or bottleneck",
  "mechanisms-exclusive":
    "the design never holds two mechanisms that answer one question oppositely (a majority commit beside asynchronous replication)",
  "state-stance-against-holder":
    "a record a majority-commit group holds (a registration in a consensus group) is never called best-effort or eventual unless the prompt says so, and no record is both linearizable and stay-available",
  "stance-against-owner":
    "a design whose authoritative state one owner holds and that stops without it (an order book behind its symbol's matcher, a document behind its sequencer's lease) never says it keeps serving under a partition, unless the prompt says so",
  "soft-row-fail-closed":
    "a design that stays up under a partition calls no soft row fail-closed: not state its card marks best-effort (a liveness lease), nor a record that fails closed only against a repeated effect where the outside party accepts a repeat (a webhook's delivery state)",
  "lww-beside-rises-only":
    "a value an invariant lets only rise (a best score) is never overwritten by last-writer-wins: a newer but lower write would lower it",
  "lww-revocation-unkept":
    "a design that lets last-writer-wins settle writes and holds a logout or revocation (of a session, a token) says how it is kept from being undone: a rule naming the tombstone or revocation marker and how long it is kept against the repair window or the session's own lifetime, since a renewal landing after it, a late hint or a repair from a replica that missed it would bring the session back",
  "party-cannot-do":
    "the design asks its outside party only what that kind of party can do: no lookup sent to one that cannot be queried (a customer's webhook endpoint, APNs), and its call rate is checked against that party's own ceiling, or none where it has none",
  "party-fact-elsewhere":
    "a fact true of one kind of outside party only (a payment provider pruning idempotency keys after 24 hours, a push gateway's collapse id) is never the reason or the wording in a design whose effects reach another kind",
  "failure-without-mechanism":
    "a mechanism's failure row appears only where the design carries that mechanism (an operation uses it or a decision chose it), and a row about one archetype's parts only beside that archetype: no lease holder crashing where nothing holds a lease, no rate limiter's budget store in a push service",
  "row-names-undrawn":
    "a failure row names only parts the design draws (in what fails, and a mechanism's generic row in any sentence): no sweeper releasing a hold where nothing sweeps, no session's watchers where no session or watch is drawn, no consumer offsets where nothing consumes, no published tag where no tag is kept",
  "one-role-twice":
    "one role, one component: no two client components enter through one gateway (a product's mobile and web clients beside the lead's own editors), and a record a product feature adds lives where the lead keeps that kind of record (no DocSnapshot in the operation log beside the lead's snapshot store, no Block in a second store beside the lead's BlockPlacement)",
  "share-not-acted":
    "a load past what one of our own units handles (a share of one primary or leader over 100%) is acted on: a count figure splits the same load over as many units as it needs at the planned utilisation",
  "realized-record-elsewhere":
    "a demand a product feature's own record keeps in the system of record (room-night counts changed in one transaction keep a room from being booked twice) is realized by that record: unless the prompt asks for a lock or lease service, the archetype the demand stands for neither leads the design nor draws its own parts (a lease leader, a consensus group, a fenced resource), no product is bought for its coordination layer, and it decides, sizes and loads nothing of its own (no lock-store decision, no consensus leader as a hotspot)",
  "fan-out-counted-twice":
    "one fan-out has one value: two delivery figures that multiply by the same recipients count (participants of a document) agree",
  "flush-before-ack-contradicted":
    "no row promises a disk flush (fsync) before every acknowledgement where the design's own invariant acknowledges on replication and leaves flushing to the operating system (Kafka's acks=all)",
  "one-part-bought-twice":
    "the technology buys one product per part: no two recommended products fill the same part (CDC relaying an outbox to Kafka beside outbox tables whose relay claims rows with SKIP LOCKED)",
  "figure-follows-rejected":
    "a figure, budget, bottleneck estimate or invariant of a decision's owner follows the chosen option: none names a product only a rejected option is built on (a freshness budget that waits for Elasticsearch's refresh beside a label index with chunks) or a phrase the chosen option excludes, unless the prompt names it",
  "quantity-two-values":
    "one quantity, one value across models and decisions: a figure that computes a quantity another model reads as an input gives it that value, two models' figures of one rate or count agree, a bottleneck sizing a quantity a figure computes under the same name and unit quotes its value (no fleet of 2 workers beside workers_needed = 12), a decision quotes the value the capacity table shows, and one quantity under two names in two units (a round trip of 30 ms beside one of 0.02 s) agrees with itself",
  "decision-asked-twice":
    "one question, one answer: two decisions that offer the same options (a feature's OT-or-CRDT beside its lead archetype's) choose the same one, so the reader is shown one decision",
  "fence-at-outsider":
    "a fencing token is checked only where we own the check: no outside party (a website, a provider, a customer's endpoint) holds a last fence, runs a token check or is drawn checking one in a sequence, because it cannot refuse a stale holder on our behalf",
  "guard-off-owner":
    "a check drawn in a sequence sits on the participant that holds the state it reads: a guard on a record's field (KeyValue.version = version read) is never noted on a participant that holds no state and only routes or forwards the request (a coordinator) while the record's holder is drawn in the same sequence",
  "check-without-state":
    "a check decided with the write it admits (a record's absence for a dedupe, a version or state compared) sits on the participant that holds that record: never on a participant that holds no state (a stateless API) while the record's holder is drawn in the same sequence",
  "politeness-off-fetch-path":
    "politeness toward other people's sites is kept on the fetch path by the owner of each host: a design that crawls draws no rate limiter in front of its own API for it (no limiter an operator's request passes, no admission that fails open and lets the fleet overshoot a host)",
  "sized-by-moved-bytes":
    "a count of servers or brokers is never sized by bytes the chosen storage keeps elsewhere (brokers counted from a whole retention while closed segments are tiered to object storage)",
  "connections-without-servers":
    "a count of long-lived connections or streams the design holds is turned into a count of the servers that hold them",
  "split-counter-on-bound":
    "no remedy splits a counter into parts summed on read (or salts its key) where a rule bounds a counted value: no single write would then see the whole value the bound is checked against",
  "charge-without-payment-party":
    "a product step that charges, pays or refunds draws a payment provider, and the workflow's outbox and ledger live in a store of that step's own feature",
  "stance-against-delivery":
    "a stance's reason (the design's, or a primary-state row's) never promises a repeat (fires twice, delivered again) where the prompt states at-most-once or exactly-once delivery ('never run twice')",
  "count-reaches-tolerance":
    "a count of pieces one correlated failure takes at once (a whole zone's share of a stripe) stays below the pieces the code tolerates, so a zone outage still leaves a margin for a disk failure: the design widens its code or spreads it over more zones rather than showing 3 lost beside 3 tolerated",
  "two-parties-one-lifeline":
    "a protocol between two parties of one kind (the source and the destination shard of a cross-shard transfer) draws each as its own lifeline: no participant is sent the messages for both sides (a debit of the source and a credit of the destination), nor one message for both at once ('prepare on both shards')",
  "outsider-checks-ours":
    "an outside party (a website, a provider, a customer's endpoint) is never drawn checking a record we hold: the host's cached robots rules are checked by the fetcher or the frontier before the GET, not by the website",
  "input-below-own-rule":
    "a capacity input the design's own rule decides (a politeness gap of the larger of a host's crawl-delay and ten times its last response time) is never below that rule worked out from the design's own values of its inputs: no 5 s delay beside 2 s fetches and a ten-times rule",
  "figure-implausible":
    "a computed figure fits the parts it sizes: no storage node holding more raw bytes than the node is (or than the most one server carries), no rebuild or recovery of one failed part taking longer than a day, no yearly loss of things larger than the things there are",
  "duration-implausible":
    "a derived time to move bytes is never shorter than those bytes over the bandwidth of the units that can take part at once (no node rebuilt in seconds by every node of the cluster writing in parallel)",
  "repeat-without-delivery":
    "a rule that a change may be delivered again and every consumer tolerates the repeat sits only on a path that hands messages to a consumer (a log, an outbox, a projector, a claimed run, a message or event written), on the first path where a projector or consumer group takes the truth's changes, or where the prompt states at-least-once delivery; a store written by a conditional update or a derived read model delivers nothing",
  "mechanism-keeps-other-create":
    "a mechanism that only changes an entity does not protect a rule that another mechanism's create of that entity keeps on a path the mechanism does not run (a version guard on a visit's outcome does not keep 'admitted at most once')",
  "figure-against-chosen-count":
    "a figure that counts serving copies reads the regions the design serves reads from: no serving replicas sized for one region beside reads served from three",
  "pool-without-headroom":
    "a pool sized from a rate over what one unit answers plans for a share of that capacity (a target utilisation), never for every unit at 100%",
  "retry-rule-kept-by-other":
    "a retry rule (a retried or redelivered request takes effect once) is protected only by a mechanism that recognises the repeat (an idempotency key, a dedupe window, an idempotent receiver, a create that finds its key): never by a lease, a renewal, an expiry, an ordering key, replication or an outbox",
  "mechanism-keeps-other-kind":
    "a mechanism that keeps one kind of rule protects only a rule of that kind: a create that finds its key keeps that something exists once, log retention what is kept or dropped, an expiry sweeper a holder or what an expiry frees, per-key ordering an order; never a rule that only shares its operation's words (a topic's create does not keep which partition a key lands in)",
  "keeper-cannot-keep":
    "no mechanism is credited with a kind of rule its action cannot make true, nor named as a rule's keeper: last-writer-wins never keeps 'no older version is returned' or 'no update is lost' (it drops the older of two concurrent writes by timestamp, and clock skew can move a value backwards), asynchronous replication never keeps 'an acknowledged write is never lost'; a version check, a leader read or a majority commit keeps those",
  "setting-said-twice":
    "one setting of one part is said one way: no producer acknowledged by the leader alone (acks=1) in one place and by every in-sync replica (acks=all) in another",
  "names-undrawn-entity":
    "no requirement, invariant, predicate, mechanism or failure row names a record of the design's archetypes that the design does not draw (no operation, state row, data-model row, component or feature keeps it): a record a chosen option or a realizing feature record left out takes its rules, reasons and failure rows with it",
  "technology-layer-unchosen":
    "the storage layer of a system the prompt asks to build, where the design draws the part that keeps its records, chooses a product or says it is built in-house: never only reference designs or a product to avoid",
  "authority-without-crash-row":
    "a drawn part that decides the order of a subject's writes (a channel's owner, a document's sequencer, a log's partition leaders) has a failure row that names it crashing, with how the next one takes over",
  "default-weakens-guarantee":
    "a default never weakens a guarantee the prompt states: no stay-available default beside 'never run twice' (a cut-off side could run an item again), no at-most-once delivery, best-effort record or accepted loss beside 'no photo is ever lost', and no stance reason that promises a repeat beside a stated exactly-once or at-most-once",
  "regions-sync-and-async":
    "a design with several regions acknowledges a write across regions one way: no option that waits on other regions (a wide-area round trip per write) beside 'each region accepts writes locally and replicates asynchronously', nor one that ships writes afterwards beside linearizable state across regions",
  "compare-and-set-across-regions":
    "where every region accepts writes and replicates them asynchronously, no rule promises a compare-and-set on one version for all regions: a conditional write is refused only where one place orders the key's writes, so concurrent writes in two regions are merged by a stated rule (last writer on hybrid logical clocks, siblings under version vectors, or a CRDT)",
  "transaction-spans-partitions":
    "a rule that changes several records in one transaction (or one write) names only records that share a partition key, and a uniqueness it promises is keyed within that partition; where they cannot share one (a per-shopper limit across stock buckets) the rule names its cross-partition step (a claim written first and released by compensation, or a multi-item transaction)",
  "core-decided-against":
    "the script never says the design rests on a mechanism a decision chose against: no 'core mechanism is an invalidation or purge on change' beside 'TTL expiry over invalidation on every change'",
  "technology-part-undrawn":
    "a technology row whose product is a kind of part (a Kafka topic is a log) names a component of that kind the design draws: no product chosen, or offered as the runner-up, for a part the architecture does not have",
  "latency-beyond-one-region":
    "a stated latency target below one round trip between regions, with no region count stated, serves a read that comes from a copy from more than one region",
  "rollup-coarser-than-query":
    "a step the prompt asks its answers at (per-minute aggregates) over a range it states (the last 90 days) is kept for the whole range: no chosen option keeps only coarser rollups (5-minute, 1-hour) for part of it",
  "verdict-denies-drawn":
    "no predicate verdict denies what the drawn design holds: quorum truth is not 'no' beside a durable record of the lead archetype's primary state that a majority-commit group keeps, and external effect is not 'no' while a drawn outside component runs a charge, refund, email or webhook",
  "reason-of-left-out-record":
    "no scope row or usual-predicate reason is a card text about records (a chunk's writer lease, a lease table, a block counter, rollups) that the design's operations do not write",
  "technology-against-design":
    "the Technology section follows the design's own decisions and parts: a product a chosen option names ('for example Redis with an atomic script') is never avoided, the runner-up or a reference set aside; a product that is one part of a whole system (Prometheus Alertmanager) where the design draws that part is named for it, never set aside as the whole system's reference; and no managed object store (S3, GCS) is recommended for bytes the design keeps on a storage-node fleet it sizes itself",
  "named-part-rejected":
    "no technology row avoids, or offers as the runner-up, a product the prompt names as a part (a sink, a source or a store it builds on: 'into Elasticsearch and Redis'); what argues against it is said as how to run it",
  "replaced-part-drawn":
    "where the dominant's subject plays a supporting archetype's part (a change stream's connector is its log's only producer), that part is not drawn again and, where its callers are inside the design, none of the supporting archetype's calls is offered to clients",
  "substrate-resizes-feature-records":
    "in a feature-led design, no archetype a feature rests on (other than as its input log) sizes stored bytes of its own beside that feature's stored-bytes figure: the feature sized those records from the prompt's nouns, and an archetype's typical object count would size them a second time",
  "mitigation-proposes-rejected":
    "no bottleneck's mitigation proposes an option a decision rejected ('use erasure coding instead of full replication' beside three full replicas chosen) unless it says the condition under which that option would win",
  "option-not-carried":
    "a decision's chosen option is carried through the design and a rejected one is not: where the owner draws parts, each component, API call, record and sequence the chosen option draws (`implies.draws`) is drawn, and no capacity figure sizes a part only a rejected option has (`implies.sizes`: no shards of parallel schedulers beside one scheduler)",
  "stance-contradicts-clause":
    "a default stance line says nothing a stated clause, a rule of the design or the checked guarantee of a system the prompt names forbids: no clock line tolerates firing a little early where the prompt or a rule says never before the due time, and no default consistency or availability differs from the named system's (knowledge/system-stances.ts)",
  "rejected-option-carried":
    "a rejected option's key phrase (the words that name it and no other: 'timing wheels', 'siblings') appears in no component, API row, rule, sequence, mitigation step (but one said under the condition it wins on) or technology choice, and no technology row offers a chosen option's key phrase as its runner-up or the product to avoid: a rejected option lives only in its trade-off sentence",
  "prompt-noun-uncovered":
    "every thing the prompt counts as a stock ('300 million accounts', '10,000 city zones', '1 million servers') is held by a record, key, field, operation, API call or rule of the design: a design none of whose records holds it answers another question",
  "named-part-missing":
    "every part the prompt names by counting it ('into five resolutions', 'across 500 workers', 'from one queue') is a record or a component of the design, and every system it spreads its steps across ('reserves inventory, charges the card and books shipping across three services') is drawn as a component of its own: a named part with no box and no record is a part of the question left unanswered",
  "stance-against-stated-path":
    "what the prompt states about a path outranks the card: a part said to keep working while cut off ('keeps selling while offline') is not refused by a design that fails closed everywhere; an outcome final only once a named outside party confirms it makes the effect external and draws that party as an outside component; and a claim the prompt treats as lasting ownership ('registered to', 'owned by') never lapses as a session lease",
  "majority-over-two-domains":
    "no majority or quorum is spread over fewer than three failure domains: a majority of two regions, data centres or zones is both of them (or the side holding two of three copies), so losing one stops writes or loses the majority; a design over two puts a witness voter in a third site",
  "entity-named-after-product":
    "no data-model record or API call is named after a product the prompt names: the product is the system built or one the design uses, and the unit takes the subject's own noun (no 'POST /v1/temporals' for a workflow engine like Temporal)",
};

const norm = (s: string) => s.trim().toLowerCase();

/** An option whose win condition is a stated time bound alone: `decision-own-condition-met` reads it (`boundConditionsMet`). */
const boundOption = (point: string, option: string): boolean =>
  boundOnlyWins(DECISION_BY_ID.get(point)?.options.find((o) => o.id === option)?.wins) !== undefined;

/** A rejected option whose structured win condition holds: the decision argues against its own flip condition. */
function flipConditionsHold(d: Design): Problem[] {
  return d.decisions.flatMap((row) =>
    (row.winning ?? [])
      .filter(
        (w) =>
          w.option !== row.chosen &&
          !row.winning?.some((x) => x.option === row.chosen) &&
          !boundOption(row.id, w.option),
      )
      .map((w) => ({
        rule: "flip-condition-holds" as const,
        detail: `${row.id} chose '${row.chosen}', but '${w.option}' wins when ${row.options.find((o) => o.id === w.option)?.winsWhen}, and here ${w.says.join("; ")}`,
      })),
  );
}

/**
 * A rejected option whose size condition the design's own figures meet (its capacity table's figures and inputs of the
 * deciding owner, then the prompt's scale), where the chosen option's own win condition does not hold and the reason
 * does not name the option: the design builds for a load its decision argues is not there. An option whose whole win
 * condition holds is `flip-condition-holds`'s to report.
 */
function decisionsOwnConditionMet(d: Design): Problem[] {
  return [...sizedConditionsMet(d), ...boundConditionsMet(d)];
}

/** The prompt's stated quantities with its words for each (`breaksBound`, `boundCheck` read them). */
function statedScale(d: Design): Record<string, StatedQuantity> {
  const stated = statedNfrsOf(d.prompt).scale as Readonly<Record<string, { quote: string } | undefined>>;
  return Object.fromEntries(
    Object.entries(d.nfrs.scale ?? {}).map(([k, value]) => [k, { value, quote: stated[k]?.quote ?? `${value}` }]),
  );
}

/**
 * A rejected option whose win condition is a time bound the prompt states below a figure the chosen option adds to
 * that time (staleness bounded under a TTL or a poll interval, a step bounded under an offer's own timeout), read
 * from the design's stated quantities whatever the row says it weighed, unless the reason names the option (a stated
 * rule kept the choice and says the tension): the decision otherwise refutes itself.
 */
function boundConditionsMet(d: Design): Problem[] {
  const scale = statedScale(d);
  return d.decisions.flatMap((row) => {
    if (row.source === "override") return [];
    return (DECISION_BY_ID.get(row.id)?.options ?? []).flatMap((o) => {
      const bounds = o.id === row.chosen ? undefined : boundOnlyWins(o.wins);
      if (!bounds || row.because.includes(o.name)) return [];
      if (!(o.implies?.composes ?? []).every((id) => d.archetypes.some((a) => a.id === id))) return [];
      const checks = bounds.map((c) => boundCheck(c, scale));
      if (!checks.every((c) => c.holds)) return [];
      return [
        {
          rule: "decision-own-condition-met" as const,
          detail: `${row.id} chose '${row.chosen}', but '${o.id}' wins when ${o.winsWhen}, and the prompt bounds it: ${checks.map((c) => c.says).join("; ")}`,
        },
      ];
    });
  });
}

/** A rejected option whose size condition the design's own figures meet (the deciding owner's capacity rows). */
function sizedConditionsMet(d: Design): Problem[] {
  return d.decisions.flatMap((row) => {
    if (row.source === "override" || row.winning?.some((w) => w.option === row.chosen)) return [];
    const rows = d.capacity.filter((r) => r.archetype === row.archetype);
    const figure = (id: string) => {
      const fig = rows.find((r) => r.id === id);
      if (fig) return { value: fig.value, unit: fig.unit, assumed: fig.inputs.every((i) => i.source === "assumed") };
      const input = rows.flatMap((r) => r.inputs).find((i) => i.name === id);
      if (input) return { value: input.value, unit: input.unit ?? "", assumed: input.source === "assumed" };
      const stated = (d.nfrs.scale as Readonly<Record<string, number | undefined>> | undefined)?.[id];
      return typeof stated === "number" ? { value: stated, unit: "", assumed: false } : undefined;
    };
    const point = DECISION_BY_ID.get(row.id);
    return (point?.options ?? []).flatMap((o) => {
      if (boundOnlyWins(o.wins)) return [];
      const figures = figureOnlyWins(o.wins);
      if (o.id === row.chosen || !figures || row.winning?.some((w) => w.option === o.id)) return [];
      // an option composing an archetype the design does not hold cannot be drawn, so it wins nothing here
      if (!(o.implies?.composes ?? []).every((id) => d.archetypes.some((a) => a.id === id))) return [];
      if (!figuresMeet(figures, figure) || row.because.includes(o.name)) return [];
      const says = figures
        .map(
          (c) =>
            `${c.number} ≈ ${figure(c.number)?.value} (≥ ${c.of ? `${c.atLeast} × ${c.of} = ` : ""}${figureThreshold(c, figure)})`,
        )
        .join("; ");
      return [
        {
          rule: "decision-own-condition-met" as const,
          detail: `${row.id} chose '${row.chosen}', but '${o.id}' wins when ${o.winsWhen}, and the design is sized for it: ${says}`,
        },
      ];
    });
  });
}

/**
 * Whether a win condition is a statement of the prompt: its words, a stated quantity or latency target, a promise the
 * design states, an NFR counted only where stated, or a number beside a condition that it is stated; an `any` is one
 * where each alternative is.
 */
function statedCondition(c: DecisionCondition, all: readonly DecisionCondition[]): boolean {
  if ("any" in c) return c.any.every((x) => statedCondition(x, c.any));
  if ("words" in c || "stated" in c || "latencyAtMost" in c || "invariant" in c || "boundBelow" in c) return true;
  if ("survives" in c) return true;
  if ("nfr" in c) return c.stated === true;
  if ("number" in c) return all.some((x) => "stated" in x && x.stated === c.number);
  return false;
}

/** An option whose every win condition is one the prompt states (`statedCondition`). */
function winsOnStatement(point: string, option: string): boolean {
  const wins = DECISION_BY_ID.get(point)?.options.find((o) => o.id === option)?.wins ?? [];
  return wins.length > 0 && wins.every((c) => statedCondition(c, wins));
}

/**
 * A rejected option whose win condition the prompt states, held over a choice that rests on no statement of its own:
 * the design answers the trade-off against the very words that settle it.
 */
function decisionConditionsStated(d: Design): Problem[] {
  return d.decisions.flatMap((row) => {
    const chosenStated = row.winning?.some((x) => x.option === row.chosen) && winsOnStatement(row.id, row.chosen);
    if (chosenStated || row.source === "override") return [];
    return (row.winning ?? [])
      .filter((w) => w.option !== row.chosen && winsOnStatement(row.id, w.option) && !boundOption(row.id, w.option))
      .map((w) => ({
        rule: "decision-condition-stated" as const,
        detail: `${row.id} chose '${row.chosen}', but '${w.option}' wins when ${row.options.find((o) => o.id === w.option)?.winsWhen}, and the prompt states it: ${w.says.join("; ")}`,
      }));
  });
}

/** A chosen option whose added delay is more than half a bound the prompt states (`breaksBound`). */
function optionsWithinBounds(d: Design): Problem[] {
  const scale = statedScale(d);
  return d.decisions.flatMap((row) => {
    const o = DECISION_BY_ID.get(row.id)?.options.find((x) => x.id === row.chosen);
    const broken = breaksBound(o, scale);
    return broken
      ? [{ rule: "option-violates-bound" as const, detail: `${row.id} chose '${row.chosen}', but ${broken}` }]
      : [];
  });
}

/**
 * A decision whose chosen option wins only on figures computed from assumed inputs, while a rejected option wins on
 * the prompt's own words: the assumption is argued against what the prompt says.
 */
function choicesOnAssumption(d: Design): Problem[] {
  // a figure or input nothing stated feeds
  const assumed = (name: string, owner: string) => {
    const rows = d.capacity.filter((r) => r.archetype === owner);
    const fig = rows.find((r) => r.id === name);
    if (fig) return fig.inputs.every((i) => i.source === "assumed");
    const input = rows.flatMap((r) => r.inputs).find((i) => i.name === name);
    return input !== undefined && input.source === "assumed";
  };
  return d.decisions.flatMap((row) => {
    const point = DECISION_BY_ID.get(row.id);
    const spec = (id: string) => point?.options.find((o) => o.id === id)?.wins ?? [];
    const chosen = spec(row.chosen);
    if (!row.winning?.some((w) => w.option === row.chosen)) return [];
    if (chosen.length === 0 || !chosen.every((c) => "number" in c && assumed(c.number, row.archetype))) return [];
    return row.winning
      .filter((w) => w.option !== row.chosen && spec(w.option).every((c) => "words" in c || "stated" in c))
      .map((w) => ({
        rule: "choice-on-assumption" as const,
        detail: `${row.id} chose '${row.chosen}' on assumed figures, but '${w.option}' wins on the prompt's words: ${w.says.join("; ")}`,
      }));
  });
}

/** A mitigation step in the words a rejected option excludes: it proposes what the chosen option already does. */
function mitigationsProposingChosen(d: Design): Problem[] {
  const chosenWords = d.decisions.flatMap((row) => {
    const chosen = row.options.find((o) => o.id === row.chosen);
    const own = (chosen?.implies?.excludes ?? []).map((x) => pattern(x, "i"));
    return row.options
      .filter((o) => o.id !== row.chosen)
      .flatMap((o) => (o.implies?.excludes ?? []).map((x) => ({ row, re: pattern(x, "i"), own })));
  });
  if (chosenWords.length === 0) return [];
  return d.bottlenecks.flatMap((b) =>
    mitigationItems(b.mitigation).flatMap((item) => {
      const hit = chosenWords.find((w) => w.re.test(item) && !w.own.some((re) => re.test(item)));
      return hit
        ? [
            {
              rule: "mitigation-proposes-chosen" as const,
              detail: `'${item}' (mitigation of '${b.bottleneck.slice(0, 60)}') is what ${hit.row.id} already chose: ${hit.row.chosen}`,
            },
          ]
        : [];
    }),
  );
}

/** A mitigation that proposes, by name, an option a decision rejected, without the condition under which it wins. */
function mitigationsProposingRejected(d: Design): Problem[] {
  const rejected = d.decisions.flatMap((row) =>
    row.options.filter((o) => o.id !== row.chosen).map((o) => ({ row, name: o.name })),
  );
  return d.bottlenecks.flatMap((b) =>
    mitigationItems(b.mitigation).flatMap((item) => {
      const hit = rejected.find((r) => proposesOption(item, r.name));
      return hit
        ? [
            {
              rule: "mitigation-proposes-rejected" as const,
              detail: `'${item}' (mitigation of '${b.bottleneck.slice(0, 60)}') proposes '${hit.name}', which ${hit.row.id} rejected for ${hit.row.chosen}`,
            },
          ]
        : [];
    }),
  );
}

/**
 * A rejected option carried into the design (its key phrase in a component, API row, rule, sequence, mitigation step
 * or technology choice: an OT sequencer drawn beside CRDTs chosen, siblings promised beside last-writer-wins), or a
 * chosen option rejected by a technology row (an erasure-coded tier left as the runner-up beside erasure coding chosen).
 */
export function rejectedOptionsCarried(
  d: Pick<Design, "decisions" | "components" | "api" | "invariants" | "diagrams" | "bottlenecks" | "technology">,
): Problem[] {
  const rejected = rejectedKeys(d.decisions);
  const chosen = chosenKeys(d.decisions);
  // a step said under the condition a rejected option wins on is the trade-off, not the design (a condition may hold
  // a comma of its own, so it is stood in for before the text is split into steps)
  const wins = rejectedWins(d);
  const texts = [
    ...d.components.map((c) => ({ where: `component '${c.name}'`, text: `${c.name}; ${c.runs.join("; ")}` })),
    // the fields a call carries and returns are part of what it promises (siblings returned beside last-writer-wins)
    ...d.api.map((a) => ({
      where: `API ${a.call}`,
      text: `${a.call} ${a.request.join(", ")}; ${a.response.join(", ")}; ${a.guarantee}`,
    })),
    ...d.invariants.map((i) => ({ where: `rule '${i.statement.slice(0, 60)}'`, text: i.statement })),
    ...d.diagrams
      .filter((g) => g.kind === "sequence")
      .map((g) => ({ where: `sequence '${g.title}'`, text: `${g.title}\n${g.mermaid}` })),
    ...d.bottlenecks.flatMap((b) =>
      mitigationItems(wins.reduce((text, w) => text.split(` if ${w}`).join(" if (its condition)"), b.mitigation))
        .filter((item) => !item.endsWith(" if (its condition)"))
        .map((item) => ({ where: `mitigation of '${b.bottleneck.slice(0, 50)}'`, text: item })),
    ),
    ...d.technology.flatMap((t) =>
      t.choices.map((c) => ({ where: `technology choice '${c.product}' (${t.layer})`, text: `${c.product} ${c.why}` })),
    ),
  ];
  const out: Problem[] = [];
  for (const k of rejected) {
    const hit = texts.find((t) => k.alone.test(t.text));
    if (hit)
      out.push({
        rule: "rejected-option-carried",
        detail: `${k.row.id} rejected '${k.option.name}', but ${hit.where} says '${k.re.exec(hit.text)?.[0]}'`,
      });
  }
  for (const t of d.technology)
    for (const [as, p] of [
      ["the runner-up", t.runnerUp?.product],
      ["the product to avoid", t.avoid?.product],
    ] as const)
      if (p !== undefined && setsAsideDrawn(p, d.components))
        out.push({
          rule: "rejected-option-carried",
          detail: `the ${t.layer} technology row offers '${p}' as ${as}, but the design draws it as a part`,
        });
  for (const k of chosen)
    for (const t of d.technology)
      for (const [as, p] of [
        ["the runner-up", t.runnerUp?.product],
        ["the product to avoid", t.avoid?.product],
      ] as const)
        if (p !== undefined && k.re.test(p))
          out.push({
            rule: "rejected-option-carried",
            detail: `${k.row.id} chose '${k.option.name}', but the ${t.layer} technology row offers '${p}' as ${as}`,
          });
  return out;
}

/**
 * A default stance line that a stated clause or a rule of the design contradicts: the clock line tolerates firing
 * a little early by the drift, where the prompt or an invariant says never before the due time.
 */
export function stancesAgainstClauses(d: Pick<Design, "prompt" | "context" | "invariants" | "nfrs">): Problem[] {
  const out: Problem[] = [];
  // a default consistency or availability other than the checked guarantee of the system the prompt names
  const likened = namedSystemStance(d.prompt);
  for (const k of ["consistency", "availability"] as const)
    if (likened && d.nfrs.sources[k]?.source === "default" && d.nfrs[k] !== likened.stance[k])
      out.push({
        rule: "stance-contradicts-clause",
        detail: `${k} is ${d.nfrs[k]} by default, but the prompt names ${likened.name}, which is ${likened.stance[k]}`,
      });
  if (!pattern(TOLERATES_EARLY, "i").test(d.context.clocks)) return out;
  const never = pattern(NEVER_EARLY, "i");
  const said = never.test(d.prompt) ? `the prompt says '${never.exec(d.prompt)?.[0]}'` : undefined;
  const rule = said ? undefined : d.invariants.find((i) => never.test(i.statement));
  if (said || rule)
    out.push({
      rule: "stance-contradicts-clause",
      detail: `the clock line tolerates firing a little early, but ${said ?? `the rule '${rule?.statement.slice(0, 80)}' forbids it`}`,
    });
  return out;
}

/**
 * A design that contradicts what the prompt states about one of its paths (engine/stated-stance.ts): a part said to keep
 * working while cut off, in a design that fails closed everywhere; an outcome a named outside party confirms, in a
 * design whose effects stay inside or that draws no outside component; a claim held as lasting ownership, in a design
 * whose hold lapses on its own or whose rule says the claim lapses.
 */
export function statedPathStances(
  d: Pick<Design, "prompt" | "nfrs" | "predicates" | "components" | "invariants">,
): Problem[] {
  const out: Problem[] = [];
  const local = statedLocalAutonomy(d.prompt);
  if (local && d.nfrs.availability === "fail-closed")
    out.push({
      rule: "stance-against-stated-path",
      detail: `the prompt says '${local.quote}', a path that keeps working while cut off, but the design fails closed on every path`,
    });
  const confirm = statedConfirmation(d.prompt);
  if (confirm) {
    const effect = d.predicates.find((p) => p.id === "external-effect");
    if (effect && !effect.holds)
      out.push({
        rule: "stance-against-stated-path",
        detail: `the prompt says '${confirm.quote}', but external-effect is no: ${effect.because}`,
      });
    const head = new RegExp(`\\b${confirm.party.split(" ").at(-1) ?? confirm.party}\\b`, "i");
    if (!d.components.some((c) => c.kind === "external" && head.test(c.name)))
      out.push({
        rule: "stance-against-stated-path",
        detail: `the prompt says '${confirm.quote}', but no outside component stands for the ${confirm.party} that confirms it`,
      });
  }
  const tenure = statedTenure(d.prompt);
  if (tenure) {
    const hold = d.predicates.find((p) => p.id === "time-bounded-hold" && p.holds);
    const lapses = d.invariants.find((i) =>
      /\bcarries a lease renewed\b|\b(?:claim|lease) (?:\w+ ){0,4}lapses\b/i.test(i.statement),
    );
    if (hold || lapses)
      out.push({
        rule: "stance-against-stated-path",
        detail: `the prompt says '${tenure.quote}', lasting ownership, but ${hold ? `time-bounded-hold is yes (${hold.because})` : `the rule '${lapses?.statement.slice(0, 80)}' lets the claim lapse`}`,
      });
  }
  return out;
}

/** An unstated stance that contradicts the stance of the one feature the prompt names. */
function defaultsAgainstRequirement(d: Design): Problem[] {
  const asked = d.features.flatMap((row) => {
    const st = row.evidence.some((e) => e.startsWith("the prompt says '")) && FEATURE_BY_ID.get(row.id)?.stance;
    return st ? [{ row, st }] : [];
  });
  const byParty = d.nfrs.party !== undefined && d.archetypes[0]?.id === "I12";
  const one = asked.length === 1 && d.branch.kind === "product" && !byParty ? asked[0] : undefined;
  if (!one) return [];
  return (["consistency", "availability"] as const).flatMap((k) =>
    d.nfrs.sources[k]?.source === "default" && d.nfrs[k] !== one.st[k]
      ? [
          {
            rule: "default-against-requirement" as const,
            detail: `${k} is ${d.nfrs[k]} by default, but ${one.row.name}, which the prompt names, is ${one.st[k]}: ${one.st.because}`,
          },
        ]
      : [],
  );
}

/**
 * A layer that keeps the truth of the system the prompt asks to build, and draws a part for it, names the products
 * that are whole such systems (reference designs) but chooses nothing: the layer's own part is neither bought nor
 * said to be built in-house.
 */
export function unchosenTruthLayers(d: Pick<Design, "technology" | "components">): Problem[] {
  return d.technology
    .filter((r) => r.layer === "storage" && r.choices.length === 0 && (r.references?.length ?? 0) > 0)
    .filter((r) =>
      d.components.some((c) => c.archetype === r.archetype && STORE_PART.has(c.kind) && c.holds.length > 0),
    )
    .map((r) => ({
      rule: "technology-layer-unchosen" as const,
      detail: `${r.archetype}'s ${r.layer} layer names only ${[...(r.references ?? []).map((x) => x.product), ...(r.avoid ? [`not ${r.avoid.product}`] : [])].join(", ")}: no product or in-house part is chosen for the part the design draws`,
    }));
}

/** The kinds of drawn part that keep a design's records. */
const STORE_PART: ReadonlySet<string> = new Set(["store", "replica-group", "log"]);

/** A technology layer with nothing under it. */
function emptyTechnologyLayers(d: Design): Problem[] {
  return d.technology
    .filter((r) => r.choices.length === 0 && !r.avoid && (r.references?.length ?? 0) === 0)
    .map((r) => ({
      rule: "technology-layer-empty" as const,
      detail: `${r.archetype}'s ${r.layer} layer (${r.shape}) names no product and says why none`,
    }));
}

/** A chosen option built on a product the design's own state figure is past the documented limit of. */
function decisionsBuiltOverLimit(d: Design): Problem[] {
  return d.decisions.flatMap((row) => {
    const option = row.options.find((o) => o.id === row.chosen);
    return (option?.implies?.preferTechnology ?? []).flatMap((product) => {
      const over = (["storage", "coordination"] as const)
        .map((layer) => overLimit(product, layer, row.archetype, d.capacity))
        .find((x) => x !== undefined);
      return over
        ? [
            {
              rule: "decision-built-over-limit" as const,
              detail: `${row.id} chose '${option?.name}', built on ${product}, but ${over}`,
            },
          ]
        : [];
    });
  });
}

/** Words that say the design refuses service to stay correct. */
export const REFUSES =
  /\b(minority (side |partition )?(refuses|rejects|cannot|stops|can ?not)|(refuses|rejects) (new |the |all )?writes (until|while|during)|stops? accepting writes|\(fails? closed\))/i;
/** Words that say both sides of a partition keep accepting writes. */
export const BOTH_SIDES = /\b(both sides (keep|continue|accept)\w*|accepts? writes on both sides|sloppy quorum)\b/i;

/** A design as the engine derives it, with the spoken script when the presentation layer attached one. */
export type Checked = Design & { script?: readonly { text: string }[] };

const STATED_KEYS = ["delivery", "consistency", "availability", "ordering", "durability"] as const;

/** All the rules read of the prompt: the NFRs it states (value and words) and what it names or asks to build. */
export interface CoherenceFacts {
  stated: Partial<Record<(typeof STATED_KEYS)[number], { value: string; quote: string }>>;
  references: ReferenceFacts;
  /** The things decision options name as examples of when they win ("a notification", "sessions") that the prompt names too. */
  examples: string[];
  /**
   * The features' `realizes` rows ("feature:archetype") whose archetype's own machinery the prompt asks for (a lock,
   * a lease): there the archetype may lead and draw its parts beside the feature's record.
   */
  machineryAsked: string[];
  /** The amounts the prompt states that no rule reads, in its own words (`StatedNfrs.unread`). */
  unread: string[];
  /** The subject replacements the prompt's words keep from applying (`knowledge/covers.ts` `replacementsKept`). */
  replacementsKept?: string[];
}

/** Words that open an example without naming the thing ("for example, blocking an attack"; "most hotel nights"). */
const EXAMPLE_LEAD = new Set(["a", "an", "the", "for", "example", "e.g.", "most", "some", "over", "about", "they"]);

/** A word's plain form for comparing a prompt's nouns with an example's: lower case, a plural's s dropped. */
const plain = (w: string) => w.toLowerCase().replace(/(?<=[a-z]{3})(es|s)$/, "");

/** Words that open a clause about an example rather than an example ("holiday rentals, where the count is one"). */
const CLAUSE_LEAD = new Set([
  "where",
  "when",
  "which",
  "that",
  "if",
  "as",
  "since",
  "because",
  "so",
  "unless",
  "while",
]);

/**
 * The things a win condition names as its examples: the head word of each item of its parentheses, never a clause
 * that explains one (its "where" is no thing a prompt could name).
 */
export function flipExamples(winsWhen: string): string[] {
  return [...winsWhen.matchAll(/\(([^)]*)\)/g)].flatMap((m) =>
    (m[1] ?? "").split(/,|\bor\b|\band\b/).flatMap((item) => {
      if (CLAUSE_LEAD.has(item.trim().split(/\s+/)[0]?.toLowerCase() ?? "")) return [];
      const head = item
        .trim()
        .split(/\s+/)
        .find((w) => w && !EXAMPLE_LEAD.has(w.toLowerCase()));
      return head && /^[a-z][a-z-]+$/i.test(head) ? [plain(head)] : [];
    }),
  );
}

/** Every example any decision option's win condition names, in its plain form (read once). */
let allExamples: ReadonlySet<string> | undefined;
const decisionExamples = (): ReadonlySet<string> =>
  (allExamples ??= new Set(
    [...DECISION_BY_ID.values()].flatMap((p) => p.options.flatMap((o) => flipExamples(o.winsWhen))),
  ));

/**
 * Where a design draws a part that assigns a subject's sequence (a chat's conversation owner), no second part
 * decides that order too (a subject sequencer, a log's partition leader brokers): members would see whichever
 * sequence reached them, and the design never says which one is theirs.
 */
function oneOrderingAuthority(d: Design): Problem[] {
  const authorities = orderingAuthorities(d.components);
  if (authorities.length < 2 || !authorities.some((c) => c.runs.some((r) => ORDER_AUTHORITY_RUNS.test(r)))) return [];
  return [
    {
      rule: "two-ordering-authorities",
      detail: `${authorities.map((c) => c.name).join(" and ")} each decide the order of the same writes`,
    },
  ];
}

/**
 * A drawn part that decides the order of a subject's writes (a channel's owner, a document's sequencer, a log's
 * partition leaders) is the design's central piece: the failure table says what happens when it crashes (who
 * notices, what keeps a second one from ordering meanwhile, how the next one takes over), in a row that names it.
 */
export function authorityWithoutCrashRow(d: Pick<Design, "components" | "failures">): Problem[] {
  return orderingAuthorities(d.components)
    .filter((c) => !d.failures.some((f) => crashOf(f.failure, c)))
    .map((c) => ({
      rule: "authority-without-crash-row" as const,
      detail: `${c.name} decides the order of its subject's writes, but no failure row says what happens when it crashes`,
    }));
}

/** The coherence facts of a prompt. */
export function coherenceFacts(prompt: string): CoherenceFacts {
  const all = statedNfrsOf(prompt);
  const stated: CoherenceFacts["stated"] = {};
  for (const k of STATED_KEYS) {
    const s = all[k];
    if (s) stated[k] = { value: s.value, quote: s.quote };
  }
  const words = new Set((prompt.match(/[a-z][a-z-]*/gi) ?? []).map(plain));
  const known = decisionExamples();
  // the prompt's few words looked up among the examples, not every example among the words
  const examples = [...words].filter((w) => known.has(w)).sort();
  // every prompt runs this over every feature: a loop, not a list per feature
  const machineryAsked: string[] = [];
  for (const f of FEATURES)
    if (f.realizes) for (const r of f.realizes) if (asksForMachinery(r, prompt)) machineryAsked.push(`${f.id}:${r.id}`);
  const unread = all.unread.map((u) => u.quote);
  return {
    stated,
    references: referenceFacts(prompt),
    examples,
    machineryAsked,
    unread,
    replacementsKept: replacementsKept(prompt),
  };
}

/**
 * A demand a product feature's own record realizes (`realizes` in knowledge/features: room-night counts changed in
 * one transaction keep a room from being booked twice) that the design still hands to the archetype it stands for:
 * that archetype leads, draws its own parts (a lock leader and its consensus group beside the inventory database),
 * or buys a product for its coordination layer (etcd or ZooKeeper to hold hotel inventory). Only a prompt that asks
 * for the archetype's own machinery (a lock, a lease) may have them.
 */
function realizedRecordsHold(d: Design, facts: CoherenceFacts): Problem[] {
  const out: Problem[] = [];
  for (const row of d.features) {
    for (const r of FEATURE_BY_ID.get(row.id)?.realizes ?? []) {
      if (facts.machineryAsked.includes(`${row.id}:${r.id}`)) continue;
      const what = `${row.name}'s ${r.entity} realizes ${r.id}`;
      if (d.archetypes.some((a) => a.id === r.id && a.role === "dominant"))
        out.push({ rule: "realized-record-elsewhere", detail: `${what}, yet ${r.id} leads the design` });
      for (const c of d.components.filter((x) => x.archetype === r.id))
        out.push({ rule: "realized-record-elsewhere", detail: `${what}, yet ${r.id} draws its own ${c.name}` });
      // where the design names the record as realizing the archetype, that archetype decides, sizes or loads no lock
      // service or consensus group of its own (an etcd lock store chosen for seat holds, the consensus leader per
      // lease group as the first hotspot); a feature's own hotspot is the record's load, not the archetype's
      if (d.archetypes[0]?.realizes?.id === r.id) {
        const own = new Set(
          featureHotspots(d.features, unspokenBesides((d.nfrs.topics ?? []).map((value) => ({ value })))).map(
            (h) => h.bottleneck,
          ),
        );
        for (const x of d.decisions.filter((x) => x.archetype === r.id))
          out.push({ rule: "realized-record-elsewhere", detail: `${what}, yet ${r.id} decides '${x.question}'` });
        for (const b of d.bottlenecks.filter((x) => x.archetype === r.id && !own.has(x.bottleneck)))
          out.push({
            rule: "realized-record-elsewhere",
            detail: `${what}, yet ${r.id}'s '${b.bottleneck}' is a bottleneck`,
          });
        for (const c of d.capacity.filter((x) => x.archetype === r.id))
          out.push({ rule: "realized-record-elsewhere", detail: `${what}, yet ${r.id} sizes ${c.id}` });
      }
      for (const t of d.technology.filter((x) => x.archetype === r.id && x.layer === "coordination"))
        for (const c of t.choices)
          out.push({
            rule: "realized-record-elsewhere",
            detail: `${what}, yet ${c.product} is bought for ${r.id}'s ${t.layer} layer`,
          });
    }
  }
  return out;
}

/**
 * A rejected option whose own win condition names, as its example, what this prompt is about: the design reads
 * as arguing against itself ("a direct call would win if the effect is a notification that may be dropped" in a
 * notification service that chose an outbox). The example or the choice is wrong for this subject.
 */
function flipExamplesHold(d: Design, facts: CoherenceFacts): Problem[] {
  if (facts.examples.length === 0) return [];
  const named = new Set(facts.examples);
  return d.decisions.flatMap((row) =>
    row.options
      .filter((o) => o.id !== row.chosen && flipExamples(o.winsWhen).some((e) => named.has(e)))
      // a choice that rests on the prompt's own words (a stated durability, a named system) or whose own examples the
      // prompt names too (couriers beside restaurants) weighs the example; it does not argue against itself
      .filter((o) => !restsOnPrompt(row) && !ownExampleNamed(row, named))
      .map((o) => ({
        rule: "flip-example-is-subject" as const,
        detail: `${row.id} chose '${row.chosen}', but '${o.name}' would win if ${o.winsWhen}, and the prompt names ${flipExamples(
          o.winsWhen,
        )
          .filter((e) => named.has(e))
          .join(", ")}`,
      })),
  );
}

/** A decision whose inputs include what the prompt states ("durability is durable (stated)", "the prompt says 'HDFS'"). */
const restsOnPrompt = (row: Design["decisions"][number]): boolean =>
  row.inputs.some((i) => /\(stated[,)]|^the prompt says\b/.test(i));

/** A decision whose chosen option's own win condition names, as its example, a thing the prompt names. */
const ownExampleNamed = (row: Design["decisions"][number], named: ReadonlySet<string>): boolean =>
  flipExamples(row.options.find((o) => o.id === row.chosen)?.winsWhen ?? "").some((e) => named.has(e));

function choicesAndAvoids(d: Design, facts: CoherenceFacts): Problem[] {
  const out: Problem[] = [];
  const chosen = new Map(d.technology.flatMap((t) => t.choices.map((c) => [norm(c.product), t.layer] as const)));
  for (const t of d.technology) {
    if (t.avoid && chosen.has(norm(t.avoid.product)))
      out.push({
        rule: "chosen-and-avoided",
        detail: `'${t.avoid.product}' is recommended (${chosen.get(norm(t.avoid.product))}) and rejected (${t.layer})`,
      });
  }
  // a product named as an alternative of a choice ("Redis" in "Memcached or Redis") and of a row's runner-up or
  // product to avoid is recommended and set aside at once
  const named = new Map(
    d.technology.flatMap((t) =>
      t.choices.flatMap((c) => namedAlternatives(c.product).map((n) => [norm(n), `${c.product}, ${t.layer}`] as const)),
    ),
  );
  for (const t of d.technology)
    for (const [as, p] of [
      ["left as the runner-up", t.runnerUp?.product],
      ["rejected", t.avoid?.product],
    ] as const) {
      if (p === undefined || chosen.has(norm(p))) continue;
      const hit = namedAlternatives(p).find((n) => named.has(norm(n)));
      if (hit)
        out.push({
          rule: "chosen-and-avoided",
          detail: `'${hit}' is recommended (${named.get(norm(hit))}) and ${as} ('${p}', ${t.layer})`,
        });
    }
  const ids = d.archetypes.map((a) => a.id);
  for (const t of d.technology) {
    for (const p of [...t.choices.map((c) => c.product), ...(t.avoid ? [t.avoid.product] : [])]) {
      const ref = referenceVerdict(p, facts.references, ids, d.components);
      if (ref)
        out.push({
          rule: "reference-as-choice",
          detail: `'${p}' is offered as a ${t.layer} product, but ${ref.why}`,
        });
    }
  }
  return out;
}

/** A supporting archetype's part or call drawn where the dominant's subject replaces it (`knowledge/covers.ts`). */
function replacedPartsGone(d: Design, facts: CoherenceFacts): Problem[] {
  const lead = d.archetypes[0];
  if (lead?.role !== "dominant") return [];
  const topics = new Set((d.nfrs.topics ?? []) as readonly string[]);
  const out: Problem[] = [];
  for (const r of REPLACEMENTS) {
    if (r.by !== lead.id || !topics.has(r.topic) || (facts.replacementsKept ?? []).includes(replacementKey(r)))
      continue;
    for (const c of d.components)
      if (c.archetype === r.supporting && r.components.includes(c.id))
        out.push({
          rule: "replaced-part-drawn",
          detail: `'${c.name}' of ${r.supporting} is drawn, but ${r.by}'s ${r.topic} subject plays it: ${r.because}`,
        });
    if (r.internalApi)
      for (const a of d.api)
        if (a.archetype === r.supporting)
          out.push({
            rule: "replaced-part-drawn",
            detail: `'${a.call}' of ${r.supporting} is offered to clients, but its callers are inside ${r.by}'s ${r.topic} design`,
          });
  }
  return out;
}

/** A substrate archetype's stored bytes beside a feature's own stored-bytes figure for the records resting on it. */
function substratesSizeNoFeatureRecords(d: Design): Problem[] {
  if (!featureLed(d.branch.kind, d.features, d.archetypes)) return [];
  // a stated number's own use (knowledge/capacity/stated.ts) sizes that number, not the feature's records
  const withBytes = new Set(
    d.capacity.filter((c) => storedBytes(c) && !STATED_USE_FIGURES.has(c.id)).map((c) => c.archetype),
  );
  const sized = sizedByFeatures(d.features, withBytes);
  return d.capacity
    .filter((c) => sized.has(c.archetype) && storedBytes(c))
    .map((c) => ({
      rule: "substrate-resizes-feature-records" as const,
      detail: `${c.archetype} sizes ${c.id} (${c.quantity}) beside a feature resting on it that sizes its own stored bytes`,
    }));
}

/** A product the prompt names as a part (not the system to build) that a technology row avoids or leaves as runner-up. */
function namedPartsKept(d: Design, facts: CoherenceFacts): Problem[] {
  return d.technology.flatMap((t) =>
    [
      ...(t.avoid ? [{ p: t.avoid.product, as: "avoided" }] : []),
      ...(t.runnerUp ? [{ p: t.runnerUp.product, as: "left as the runner-up" }] : []),
    ].flatMap(({ p, as }) => {
      const name = namedPart(p, facts.references);
      return name
        ? [
            {
              rule: "named-part-rejected" as const,
              detail: `'${p}' is ${as} (${t.layer}), but the prompt names ${name} as a part of the design`,
            },
          ]
        : [];
    }),
  );
}

function failuresAgree(d: Design): Problem[] {
  const out: Problem[] = [];
  // a path a stated hard rule makes fail closed (context.pathStances) refuses while the rest of the design stays up
  const forced = (d.context.pathStances ?? []).map((s) => `'${s.path}'`);
  for (const f of d.failures) {
    const text = `${f.failure} ${f.prevention} ${f.repair}`;
    const onForced = forced.some((p) => f.failure.includes(p));
    if (d.nfrs.availability === "stay-available" && REFUSES.test(text) && !onForced)
      out.push({
        rule: "failure-contradicts-availability",
        detail: `stay-available design, but the failure row '${f.failure}' says the system refuses service`,
      });
    if (d.nfrs.availability === "fail-closed" && BOTH_SIDES.test(text))
      out.push({
        rule: "failure-contradicts-availability",
        detail: `fail-closed design, but the failure row '${f.failure}' keeps both sides writable`,
      });
  }
  return out;
}

const ISR = /\b(ISR|in-sync)\b/i;
const MAJORITY = /\bmajorit\w*\b/i;

function isrNotMajority(d: Checked): Problem[] {
  // Each text is its pieces joined by spaces. "ISR" and "in-sync" hold no space, so a text names one only
  // when a piece does (a mechanism's joined reasons, when one reason does): most name neither, and their
  // text is never put together.
  const pieces: (readonly string[])[] = [];
  const isr = (x: string) => ISR.test(x);
  for (const f of d.failures)
    if (isr(f.failure) || isr(f.prevention) || isr(f.repair)) pieces.push([f.failure, f.prevention, f.repair]);
  for (const m of d.mechanisms)
    if (isr(m.name) || m.because.some(isr) || isr(m.protects)) pieces.push([m.name, m.because.join(" "), m.protects]);
  for (const i of d.invariants) if (isr(i.statement)) pieces.push([i.statement]);
  for (const o of d.operations) if (isr(o.phrase)) pieces.push([o.phrase]);
  for (const st of d.script ?? []) if (isr(st.text)) pieces.push([st.text]);
  const out: Problem[] = [];
  for (const p of pieces) {
    const t = p.join(" ");
    // a sentence that names both is inside a text that names both
    if (!MAJORITY.test(t)) continue;
    for (const sentence of t.split(/(?<=[.;])\s+/)) {
      if (ISR.test(sentence) && MAJORITY.test(sentence))
        out.push({ rule: "isr-called-majority", detail: `'${sentence.trim()}'` });
    }
  }
  return out;
}

/** Every gate with a precondition of its own, re-tested on the finished design (the same rule that added it). */
function preconditions(d: Design): Problem[] {
  const facts = {
    operations: d.operations,
    invariants: d.invariants,
    derivedRead:
      d.operations.some((o) => o.operation === "read projection") ||
      d.readPaths.some((r) => r.servedBy !== "authority"),
    ...(d.nfrs.party ? { party: d.nfrs.party } : {}),
  };
  const out: Problem[] = [];
  for (const g of GATE_MODULES) {
    if (!g.precondition || !d.mechanisms.some((m) => m.id === g.mechanism)) continue;
    const missing = g.precondition(facts);
    if (missing)
      out.push({
        rule: "mechanism-without-precondition",
        detail: `${MECHANISM_BY_ID.get(g.mechanism)?.name ?? g.mechanism} without ${g.needs}: ${missing}`,
      });
  }
  return out;
}

/** A path into this tool's source tree, or a TypeScript file name: a developer's note, never design text. */
const SOURCE_PATH = /\b(?:src|knowledge|engine|render|cli|server)\/[\w./-]+|\b[\w-]+\.ts\b/;
/** Texts every match of SOURCE_PATH holds: a text holding none of them holds no match. */
const SOURCE_PATH_LITERALS = ["src/", "knowledge/", "engine/", "render/", "cli/", "server/", ".ts"] as const;
/** The literals that end in a folder's slash, and the character before each one's slash. */
const SOURCE_DIRS = SOURCE_PATH_LITERALS.filter((l) => l.endsWith("/"));
const SOURCE_DIR_ENDS = new Set(SOURCE_DIRS.map((l) => l.charCodeAt(l.length - 2)));
const SOURCE_OTHERS = SOURCE_PATH_LITERALS.filter((l) => !l.endsWith("/"));

/**
 * Whether a text holds one of SOURCE_PATH_LITERALS: the literals without a slash looked for, then each slash of the text
 * read back for a folder's name, so the text is walked twice, not once per literal (a design's fields are ~100 KB of
 * JSON, and few of their slashes follow a folder's name).
 */
export function holdsSourcePathLiteral(text: string): boolean {
  if (SOURCE_OTHERS.some((l) => text.includes(l))) return true;
  for (let i = text.indexOf("/"); i >= 0; i = text.indexOf("/", i + 1))
    if (SOURCE_DIR_ENDS.has(text.charCodeAt(i - 1)) && SOURCE_DIRS.some((l) => text.startsWith(l, i + 1 - l.length)))
      return true;
  return false;
}

/**
 * Values frozen through whose strings hold no source path at all (whatever the prompt): shared values, frozen when
 * kept (a design's trace entries, the same for every design: a fifth of its text), are walked once rather than once
 * per design that holds them.
 */
const NO_SOURCE_PATH = new WeakSet<object>();

/** What the walk of `sourcePaths` found under a value: a string the pattern matches, a value not frozen. */
const NAMED = 1;
const THAWED = 2;

/** A charge the design sends an outside party: a request or stream link (a sweeper settling unknown charges is control). */
const CHARGE_LINK = /\bcharge\b/i;

/** Two components that each charge the same outside party charge one purchase twice (`two-charge-paths`). */
function oneChargePath(d: Design): Problem[] {
  const outside = new Set(d.components.filter((c) => c.kind === "external").map((c) => c.id));
  const byParty = new Map<string, Set<string>>();
  for (const l of d.links)
    if (outside.has(l.to) && l.kind !== "control" && CHARGE_LINK.test(l.label))
      byParty.set(l.to, (byParty.get(l.to) ?? new Set()).add(l.from));
  return [...byParty].flatMap(([party, from]) =>
    from.size > 1
      ? [{ rule: "two-charge-paths" as const, detail: `${[...from].join(" and ")} each charge ${party}` }]
      : [],
  );
}

/** Every string of the design that names a source file (a word the prompt itself typed is the user's, not ours). */
function sourcePaths(d: Design): Problem[] {
  const out: Problem[] = [];
  // the path to a string is spelled out only for a hit: the walk visits every string of the design
  const path: (string | number)[] = [];
  const where = () => path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${k}` : k), "");
  const walk = (v: unknown): number => {
    if (typeof v === "string") {
      // either form of a path holds a slash or ".ts": most strings have neither, and skip the pattern
      const m = v.includes("/") || v.includes(".ts") ? SOURCE_PATH.exec(v) : null;
      if (m && !d.prompt.includes(m[0]))
        out.push({
          rule: "source-path-in-text",
          detail: `${where()}: '…${v.slice(Math.max(0, m.index - 40), m.index + 40)}…'`,
        });
      return m === null ? 0 : NAMED;
    }
    if (typeof v !== "object" || v === null || NO_SOURCE_PATH.has(v)) return 0;
    let found = Object.isFrozen(v) ? 0 : THAWED;
    if (Array.isArray(v))
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        // a number, boolean or empty value holds no string: not visited
        if (typeof x !== "string" && (typeof x !== "object" || x === null)) continue;
        path.push(i);
        found |= walk(x);
        path.pop();
      }
    // a design's values are plain data, so for-in is Object.keys' order without the array
    else
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x !== "string" && (typeof x !== "object" || x === null)) continue;
        path.push(k);
        found |= walk(x);
        path.pop();
      }
    if (found === 0) NO_SOURCE_PATH.add(v);
    return found;
  };
  // the design's own fields one by one: a value not frozen (derived for this design, so never kept in NO_SOURCE_PATH)
  // whose JSON text (made once per run, `fieldJson`, and read by later rules too) holds none of the pattern's
  // literals holds no string it matches, and is not walked: JSON text keeps every letter, '/' and '.' as it is
  for (const k in d) {
    const x = (d as unknown as Record<string, unknown>)[k];
    if (typeof x !== "string" && (typeof x !== "object" || x === null)) continue;
    if (typeof x === "object" && !Object.isFrozen(x)) {
      const text = fieldJson(d, k);
      if (text !== undefined && !holdsSourcePathLiteral(text)) continue;
    }
    path.push(k);
    walk(x);
    path.pop();
  }
  return out;
}

/** A mechanism's "protects" names an invariant about entities none of which the mechanism touches. */
function protectsTouched(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const m of d.mechanisms) {
    const inv = d.invariants.find((i) => i.statement === m.protects);
    if (!inv) continue;
    // a rule about no entity holds whatever the mechanism touches: its entities are not sought then
    const about = invariantEntities(inv, d.operations);
    if (about.size === 0) continue;
    const touched = mechanismTouches(m.id, m.because, d.operations);
    if (touched.size === 0 || [...about].some((e) => touched.has(e))) continue;
    out.push({
      rule: "mechanism-protects-untouched",
      detail: `${m.name} touches ${[...touched].sort().join(", ")} but protects '${inv.statement}' (about ${[...about].sort().join(", ")})`,
    });
  }
  return out;
}

const ENTITY_ONLY_PAIRING = /^it writes [^;]*, which this rule constrains$/;

/**
 * A mechanism paired, only because it writes the same entity, with a rule that another mechanism's create of that
 * entity keeps on its own path.
 */
export function protectsOwnCreate(
  d: Pick<Design, "mechanisms" | "invariants" | "operations" | "criticalPaths">,
): Problem[] {
  const out: Problem[] = [];
  const paths = d.criticalPaths.map((p) => ({ name: p.name, operations: p.operations }));
  for (const m of d.mechanisms) {
    // (paired only because it writes the entity the rule is about: no path, guard or shared word links them)
    if (m.serves !== undefined || !ENTITY_ONLY_PAIRING.test(m.protectsBecause)) continue;
    const inv = d.invariants.find((i) => i.statement === m.protects);
    if (!inv) continue;
    const text = m.because.join(" ");
    // its own writes: the operations it carries (a read or a companion added for a predicate is not a write of it)
    const runs = d.operations.filter((o) => o.mechanism === m.id && text.includes(o.phrase) && isWrite(o));
    if (runs.length === 0 || !keptElsewhere(inv, runs, d.operations, paths)) continue;
    out.push({
      rule: "mechanism-keeps-other-create",
      detail: `${m.name} runs '${runs.map((o) => o.phrase).join("', '")}' but protects '${inv.statement}', which the create on '${inv.path}' keeps`,
    });
  }
  return out;
}

/** A figure reading a serving-region count other than the one the design chose. */
export function figureAgainstChosenCount(d: Pick<Design, "capacity" | "context">): Problem[] {
  const chosen = d.context.servingRegions?.value ?? 1;
  return d.capacity.flatMap((c) =>
    c.inputs
      .filter((i) => i.name === "serving_regions" && i.value !== chosen)
      .map((i) => ({
        rule: "figure-against-chosen-count" as const,
        detail: `${c.id} reads ${i.value} serving regions, but the design serves reads from ${chosen}`,
      })),
  );
}

/** A unit's capacity: a rate one node, server, replica or instance answers (a core count is a CPU budget, not a pool). */
const PER_UNIT = /_per_(?:node|server|replica|instance|broker|host)$/;

/** A pool counted as a rate over one unit's capacity with no planned share of it: every unit at 100%. */
export function poolWithoutHeadroom(d: Pick<Design, "capacity">): Problem[] {
  return d.capacity.flatMap((c) => {
    const m = /^\w+ = (\w+) \/ (\w+)$/.exec(c.formula);
    const per = m?.[2];
    if (
      c.kind !== "count" ||
      !per ||
      !PER_UNIT.test(per) ||
      !/^(?:nodes|servers|replicas|instances|brokers|hosts)$/.test(c.unit)
    )
      return [];
    const unit = c.inputs.find((i) => i.name === per)?.unit ?? "";
    if (!/\/s$/.test(unit)) return [];
    return [
      {
        rule: "pool-without-headroom" as const,
        detail: `${c.id} = ${m?.[1]} / ${per} runs every unit at 100% of what it answers, with no room for a failover or a burst`,
      },
    ];
  });
}

/**
 * A rule paired with a mechanism that cannot keep it by what it does: a retry rule with one that does not recognise
 * a repeat (a lease, a renewal, an outbox), any other rule with one that keeps only another kind (`canKeep`).
 */
export function retryRuleKeptByOther(d: Pick<Design, "mechanisms">): Problem[] {
  return d.mechanisms
    .filter((m) => m.serves === undefined && !canKeep(m.id, m.protects) && !cannotKeep(m.id, m.protects))
    .map((m) =>
      isRetryRule(m.protects)
        ? {
            rule: "retry-rule-kept-by-other" as const,
            detail: `${m.name} protects the retry rule '${m.protects}', which only a mechanism that recognises the repeat keeps`,
          }
        : {
            rule: "mechanism-keeps-other-kind" as const,
            detail: `${m.name} protects '${m.protects}', a kind of rule it does not keep by what it does`,
          },
    );
}

/**
 * A mechanism credited with a rule of a kind its action cannot make true (`CANNOT_KEEP`: last-writer-wins beside "no
 * older version is ever returned"), or a rule naming such a mechanism as what keeps it.
 */
export function keeperCannotKeep(d: Pick<Design, "mechanisms" | "invariants">): Problem[] {
  const out: Problem[] = [];
  for (const m of d.mechanisms) {
    const c = m.serves === undefined ? cannotKeep(m.id, m.protects) : undefined;
    if (c)
      out.push({
        rule: "keeper-cannot-keep",
        detail: `${m.name} is credited with '${m.protects.slice(0, 120)}', a ${c.kind} rule it cannot keep: ${c.why}`,
      });
  }
  for (const i of d.invariants) {
    const c = i.keptBy === undefined ? undefined : cannotKeep(i.keptBy, i.statement);
    if (c)
      out.push({
        rule: "keeper-cannot-keep",
        detail: `the rule '${i.statement.slice(0, 120)}' names ${MECHANISM_BY_ID.get(c.mechanism)?.name ?? c.mechanism} as its keeper, which cannot keep a ${c.kind} rule: ${c.why}`,
      });
  }
  return out;
}

/**
 * A text with its set-aside words blanked (`SET_ASIDE`). The whole-sentence branch (`[^.;]*` before "would win") is
 * tried from every place of a sentence and reads on to the sentence's end each time, so a long text without a full
 * stop (a diagram's Mermaid source) cost the square of its length; where the text has no "would win" anywhere that
 * branch cannot match, and the second branch alone replaces exactly what the two did.
 */
export function setAside(text: string): string {
  return text.replace(SET_ASIDE_WOULD.test(text) ? SET_ASIDE : SET_ASIDE_WORDS, " ");
}

/** One setting of one part said two ways in one design (`SETTING_WAYS`: a producer's acks=1 beside acks=all). */
export function settingSaidTwice(d: Checked): Problem[] {
  const texts = designTexts(d, "stated").map((t) => ({ ...t, text: setAside(t.text) }));
  const out: Problem[] = [];
  for (const setting of SETTING_WAYS) {
    const said = setting.ways.flatMap((way) => {
      const t = texts.find((x) => way.words.test(x.text) && !setting.scoped?.test(x.text));
      return t ? [{ way: way.name, where: t.where }] : [];
    });
    if (said.length > 1)
      out.push({
        rule: "setting-said-twice",
        detail: `${setting.what} is said ${said.length} ways: ${said.map((s) => `${s.way} in ${s.where}`).join("; ")}`,
      });
  }
  return out;
}

const REPEAT_RULE = /it may be delivered again, and every consumer tolerates the repeat/;

/** A "delivered again" rule on a path that hands no message to a consumer. */
export function repeatsDelivered(d: Pick<Design, "invariants" | "operations" | "criticalPaths" | "nfrs">): Problem[] {
  if (d.nfrs.sources.delivery?.source === "stated") return [];
  const byPhrase = new Map(d.operations.map((o) => [o.phrase, o]));
  const consumer = d.operations.some(
    (o) => o.mechanism === "projector-checkpoint" || o.mechanism === "consumer-offsets",
  );
  const out: Problem[] = [];
  for (const inv of d.invariants) {
    if (!REPEAT_RULE.test(inv.statement)) continue;
    const path = d.criticalPaths.find((p) => p.name === inv.path);
    const handed = path?.operations.some((x) => {
      const o = byPhrase.get(x);
      return o !== undefined && delivers(o);
    });
    if (handed || (consumer && d.criticalPaths[0]?.name === inv.path)) continue;
    out.push({
      rule: "repeat-without-delivery",
      detail: `'${inv.statement}' sits on '${inv.path}', which hands no message to a consumer`,
    });
  }
  return out;
}

/**
 * A mechanism listed protecting nothing: "none", a rule the design does not state, or no rule and no purpose; and a
 * critical write's own mechanism (the one the script can call the core) that keeps no rule.
 */
/**
 * A rule that says one transaction over records kept under different partition keys (a Booking by booking_id beside
 * its event's seat rows), or that promises a uniqueness a partition cannot check (unique on (sale, shopper) across
 * stock buckets), with no cross-partition step named, needs a distributed transaction the design never drew.
 */
function transactionsInOnePartition(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const i of d.invariants) {
    if (!oneTransaction(i.statement)) continue;
    for (const group of transactionRows(i.statement, d.dataModel)) {
      const keys = keysOf(group);
      if (keys.length > 1)
        out.push({
          rule: "transaction-spans-partitions",
          detail: `'${i.statement}' changes ${group.map((r) => `${r.entity} (partitioned by ${r.partitionKey})`).join(", ")} in one transaction, across partitions, and names no cross-partition step`,
        });
    }
    for (const r of d.dataModel) {
      if (r.partitionKey === undefined || !namesRow(i.statement, r)) continue;
      const index = uniqueAcrossPartitions(i.statement, r);
      if (index)
        out.push({
          rule: "transaction-spans-partitions",
          detail: `'${i.statement}' promises a uniqueness ${r.entity}'s index ${index} keeps across its partitions (by ${r.partitionKey}), which one partition's transaction cannot check`,
        });
    }
  }
  return out;
}

function protectsSomething(d: Design): Problem[] {
  const out: Problem[] = [];
  const stated = new Set(d.invariants.map((i) => i.statement));
  // the first critical write of the dominant archetype is the one the script falls back on as its core mechanism
  const dominant = d.archetypes[0]?.id;
  // (one on a critical path that states a rule: a write no path with rules carries has nothing to keep, a gap of
  // the paths or rules, not of the pairing)
  const ruled = new Set(d.invariants.map((i) => i.path));
  const first = d.operations.find(
    (o) =>
      o.critical &&
      !o.hidden &&
      o.archetype === dominant &&
      o.mechanism &&
      d.criticalPaths.some((p) => ruled.has(p.name) && p.operations.includes(o.phrase)),
  );
  const core = first ? `${first.phrase}:` : undefined;
  for (const m of d.mechanisms) {
    if (m.serves === undefined) {
      if (m.protects === "" || m.protects === "none")
        out.push({
          rule: "mechanism-protects-nothing",
          detail: `${m.name} protects no rule and names no concern it serves`,
        });
      else if (d.invariants.length > 0 && !stated.has(m.protects))
        out.push({
          rule: "mechanism-protects-nothing",
          detail: `${m.name} protects '${m.protects}', which is not a rule of this design`,
        });
    } else if (
      m.kind === "base" &&
      core !== undefined &&
      m.id === first?.mechanism &&
      m.because.some((b) => b.startsWith(core))
    )
      out.push({
        rule: "mechanism-protects-nothing",
        detail: `${m.name} carries the design's first critical write, the core the script names, but keeps no rule (it only serves ${m.serves})`,
      });
  }
  return out;
}

/**
 * A qualifier the prompt states becomes a rule at its stated scope, kept by a mechanism whose row names that rule: an
 * order within each named key ("each customer's events in order") is a rule within one of that key; a repeat
 * forbidden within a window ("never fetches the same URL twice in one day") is a rule about that thing within that
 * window. A qualifier with no such rule, or a rule no mechanism keeps, is dropped on the way to the design.
 */
function qualifiersKept(d: Design): Problem[] {
  const out: Problem[] = [];
  const kept = new Set(d.mechanisms.map((m) => m.protects));
  const ids = new Set(d.mechanisms.map((m) => m.id));
  const check = (qualifier: string, about: (text: string) => boolean) => {
    const rule = d.invariants.find((i) => about(i.statement.toLowerCase()));
    if (!rule)
      out.push({
        rule: "qualifier-unkept",
        detail: `the prompt states ${qualifier}, and no rule of the design says it`,
      });
    // kept where a mechanism's row names it, or where the mechanism the rule names as its keeper is in the design
    // (a change-data-capture design's partition ordering, whose row names the pipeline's own per-key rule)
    else if (!kept.has(rule.statement) && !(rule.keptBy !== undefined && ids.has(rule.keptBy)))
      out.push({
        rule: "qualifier-unkept",
        detail: `the prompt states ${qualifier}; the rule '${rule.statement}' says it, but no mechanism keeps it`,
      });
  };
  const key = d.nfrs.orderKey;
  if (key && d.nfrs.ordering === "per-key")
    check(`an order within each ${key} (${d.nfrs.sources.orderKey?.because ?? ""})`, (t) =>
      t.includes(`within one ${key.toLowerCase()}`),
    );
  const w = d.nfrs.repeatWindow;
  if (w)
    check(
      `that no ${w.noun} gets a second ${w.act} within ${w.window}`,
      (t) =>
        t.includes(w.noun.toLowerCase()) &&
        t.includes(w.window) &&
        /\b(?:second|twice|at most once|more than once)\b/.test(t),
    );
  // a guarantee stated in a clause of its own: a rule in its words, kept by a mechanism, tested by a failure row, and
  // never answered by the opposite stance (a thing never acted on twice beside an at-least-once or at-most-once
  // delivery, or a retry keyed by its attempt, which makes each retry a new effect)
  const failures = d.failures.map((r) => `${r.failure} ${r.prevention} ${r.repair}`.toLowerCase());
  for (const [i, g] of (d.nfrs.guarantees ?? []).entries()) {
    if (g.kind === "once") {
      // said of the thing itself ("no job is run twice"), not of a request that happens to name it
      const said = `that no ${g.noun} is acted on twice${g.scope ? ` for one ${g.scope}` : ""}`;
      check(
        said,
        (t) => t.includes(`no ${g.noun.toLowerCase()}`) && /\b(?:second|twice|at most once|more than once)\b/.test(t),
      );
      // a rule said in the words "at most once" is kept by its own stance: a claim before the effect, no retry after it
      const atMost =
        d.nfrs.delivery === "at-most-once" &&
        d.nfrs.sources.delivery?.source === "stated" &&
        /\bat[- ]most[- ]once\b/i.test(d.nfrs.sources.delivery.because);
      if (g.act !== undefined && d.nfrs.delivery !== "exactly-once" && !atMost)
        out.push({
          rule: "qualifier-unkept",
          detail: `the prompt states ${said}, yet the design's delivery is ${d.nfrs.delivery}`,
        });
      const attempt = failures.find((r) =>
        /\bplus attempt\b|\battempt (?:number )?as (?:an? |the )?idempotency key\b/.test(r),
      );
      if (attempt)
        out.push({
          rule: "qualifier-unkept",
          detail: `the prompt states ${said}, yet a failure row keys the repeat by its attempt, so each retry is a new effect: '${attempt.slice(0, 120)}'`,
        });
    } else if (g.kind !== "last-known") {
      // a rule guarantee: said in a rule, kept by the mechanism that rule names, and tested by its failure row
      const rule = statedRule(g);
      const said = `'${(d.nfrs.sources[`guarantee.${i}`]?.because ?? "").replace(/^the prompt says '|'$/g, "")}'`;
      check(said, rule.says);
      const stated = d.invariants.find((x) => rule.says(x.statement.toLowerCase()));
      // (a granting keeper counts only where the rule says it keeps it: a lock held through its lease)
      const granted = (rule.grantedBy ?? []).filter((k) => k === stated?.keptBy);
      if (stated && ![rule.keeper, ...(rule.keepers ?? []), ...granted].some((k) => ids.has(k)))
        out.push({
          rule: "qualifier-unkept",
          detail: `the prompt states ${said}, and the design lacks ${rule.keeper}, the mechanism its rule needs`,
        });
      const row = rule.failure.failure.toLowerCase();
      if (!failures.some((r) => r.startsWith(row)))
        out.push({
          rule: "qualifier-unkept",
          detail: `the prompt states ${said}, and no failure row tests it ('${rule.failure.failure}')`,
        });
    } else {
      const said = `that the last ${g.what} keeps being served while the ${g.dependency} is down`;
      check(said, (t) => /\blast\b/.test(t) && /\brestart|\bstart-up\b|\blocal (?:file|disk)\b/.test(t));
      if (!failures.some((r) => /\brestart/.test(r) && r.includes(g.dependency.toLowerCase())))
        out.push({
          rule: "qualifier-unkept",
          detail: `the prompt states ${said}, and no failure row says what a server that restarts meanwhile serves`,
        });
    }
  }
  return out;
}

/**
 * A mechanism the catalogue says breaks a rule the prompt states (knowledge/mechanism-semantics.ts) is named as the
 * variant that keeps it, and the design's text never still says the plain mechanism ("so later records proceed" beside
 * a stated per-key order, "expires unless renewed" beside a fixed hold).
 */
function mechanismsKeepStatedRules(d: Checked): Problem[] {
  const src = d.nfrs.sources;
  const sourced = <T>(value: T, key: string) => ({
    value,
    source: (src[key]?.source ?? "default") as "stated" | "override" | "default",
    because: src[key]?.because ?? "",
  });
  const stated = statedSemantics(d.prompt, {
    ordering: sourced(d.nfrs.ordering, "ordering"),
    delivery: sourced(d.nfrs.delivery, "delivery"),
  });
  if (stated.size === 0) return [];
  const out: Problem[] = [];
  for (const m of d.mechanisms) {
    const c = conflictOf(m.id, stated);
    if (c && !keepsStated(m))
      out.push({
        rule: "mechanism-breaks-stated-rule",
        detail: `${m.name} is kept beside ${stated.get(c.breaks)?.slice(0, 90)}: ${c.why}`,
      });
  }
  const text = [
    ...d.invariants.map((i) => i.statement),
    ...d.failures.map((r) => `${r.failure} ${r.prevention} ${r.repair}`),
    ...d.context.paths.map((p) => JSON.stringify(p)),
    JSON.stringify(d.context),
    ...(d.script ?? []).map((l) => l.text),
  ].join(" \n ");
  for (const c of MECHANISM_SEMANTICS) {
    if (!stated.has(c.breaks)) continue;
    const said = c.says.exec(text);
    if (said)
      out.push({
        rule: "mechanism-breaks-stated-rule",
        detail: `the design still says '${said[0]}' beside ${stated.get(c.breaks)?.slice(0, 90)}`,
      });
  }
  return out;
}

/**
 * A rule made from a guarantee the prompt states names its keeper, and the design has that mechanism; a rule no
 * mechanism keeps says so (engine/stated-clauses.ts UNKEPT) rather than being left as if something kept it.
 */
function statedRulesKept(d: Checked): Problem[] {
  const ids = new Set(d.mechanisms.map((m) => m.id));
  return d.invariants.flatMap((i): Problem[] => {
    if (!fromStatedGuarantee(i.because)) return [];
    if (i.keptBy === undefined) {
      // a rule that names no keeper is protected by a mechanism, or says no mechanism keeps it and none protects it
      const by = d.mechanisms.find((m) => m.protects === i.statement);
      if (!i.statement.endsWith(UNKEPT))
        return by
          ? []
          : [
              {
                rule: "stated-rule-unkept",
                detail: `'${i.statement.slice(0, 100)}' names no keeper, no mechanism protects it, and it does not say so`,
              },
            ];
      return by
        ? [
            {
              rule: "stated-rule-unkept",
              detail: `'${i.statement.slice(0, 100)}' says no mechanism keeps it, yet ${by.id} protects it`,
            },
          ]
        : [];
    }
    return ids.has(i.keptBy)
      ? []
      : [
          {
            rule: "stated-rule-unkept",
            detail: `'${i.statement.slice(0, 100)}' is kept by ${i.keptBy}, which the design lacks`,
          },
        ];
  });
}

/**
 * A rule made from a guarantee the prompt states never sits on a write whose shape breaks it: "a published version can
 * never be changed or overwritten" on a path that updates a record in place (its words, or an overwrite mechanism),
 * or kept by an overwrite mechanism.
 */
function statedRulesOnContradiction(d: Design): Problem[] {
  const byPhrase = new Map(d.operations.map((o) => [o.phrase, o]));
  let quoted: string[] | undefined;
  const immutable = () => {
    quoted ??= guaranteeClauses(d.prompt)
      .filter((c) => c.kind === "immutable")
      .map((c) => c.quote);
    return quoted;
  };
  return d.invariants.flatMap((i): Problem[] => {
    if (!fromStatedGuarantee(i.because)) return [];
    const quotes = [...i.because.matchAll(/\bthe prompt says '([^']+)'/g)].map((m) => m[1] ?? "");
    if (!immutable().some((q) => quotes.includes(q))) return [];
    const path = d.criticalPaths.find((p) => p.name === i.path);
    const ops = (path?.operations ?? []).flatMap((x) => byPhrase.get(x) ?? []);
    const bad = ops.find((o) => overwritesInPlace(o.phrase, o.mechanism));
    const keptBad = i.keptBy !== undefined && overwritesInPlace("", i.keptBy);
    if (!bad && !keptBad) return [];
    return [
      {
        rule: "stated-rule-on-contradicting-write",
        detail: `'${i.statement.slice(0, 100)}' sits on ${bad ? `'${shortName(bad.phrase)}', which changes a record in place` : `${i.keptBy}, an overwrite`}`,
      },
    ];
  });
}

/** Several calls, deliveries or requests in flight per key, which let a key's items overtake each other. */
const PARALLEL_PER_KEY =
  /\b(?:a few|several|many|multiple|some|up to \d+|\d+) (?:[\w-]+ ){0,2}in flight (?:per|for each|to each)\b|\b(?:several|many|multiple|parallel|concurrent) (?:calls|deliveries|requests|sends|attempts) (?:in flight )?(?:per|to each|for each)\b/i;

/**
 * An order the prompt asks for within each key is kept only if one item of a key is in flight at a time: several
 * calls in flight per key (per endpoint, per customer) deliver them in whatever order they finish.
 */
function orderBesideParallel(d: Design): Problem[] {
  if (d.nfrs.ordering !== "per-key" || d.nfrs.sources.ordering?.source !== "stated") return [];
  const out: Problem[] = [];
  for (const o of d.operations) {
    const m = PARALLEL_PER_KEY.exec(o.phrase);
    if (m)
      out.push({
        rule: "order-beside-parallel",
        detail: `the prompt asks for order within each key, and '${shortName(o.phrase)}' keeps '${m[0]}', which reorders a key's items`,
      });
  }
  return out;
}

/** Words that promise a time an item is due at (a retry's next attempt time, rows woken by a due-time index). */
const DUE_PROMISE = /\bnext attempt time\b|\bdue[- ]time index\b|\bnext_attempt_at\b/i;
/** A data model field that holds when an item is next due. */
const DUE_FIELD = /\b(?:next_\w+_at|due_at|run_at|fire_at|visible_at|scheduled_at|not_before)\b/g;

/**
 * A record whose primary-state row promises a time it is due at (an outbox entry's "claim and next attempt time",
 * retried by backoff over hours or days) holds that time as a field in the data model, with an index that leads to
 * the due rows: otherwise nothing wakes the retries the design schedules.
 */
function dueTimeIndexed(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const row of d.primaryState) {
    if (!DUE_PROMISE.test(row.description)) continue;
    const table = d.dataModel.find((r) => r.entity === row.entity || r.entity.endsWith(`(${row.entity})`));
    if (!table) continue;
    // a field nested in a row ("deliveries (endpoint, attempts, next_attempt_at)") holds it too
    const due = table.fields.flatMap((x) => x.match(DUE_FIELD) ?? []);
    if (!due.some((x) => table.indexes.some((ix) => ix.includes(x))))
      out.push({
        rule: "due-time-unindexed",
        detail: `${row.entity} promises '${DUE_PROMISE.exec(row.description)?.[0]}', and its table holds ${due.length > 0 ? `${due.join(", ")} with no index on it` : "no due time"}`,
      });
  }
  return out;
}

function invariantsOnPath(d: Design): Problem[] {
  const out: Problem[] = [];
  const byPhrase = new Map(d.operations.map((o) => [o.phrase, o]));
  // a unit the prompt renamed ("Delivery (WorkflowInstance)" in the data model) is named by its new name too
  const renamed = new Map(
    d.dataModel.flatMap((m) => {
      const x = /^(\w+) \((\w+)\)$/.exec(m.entity);
      return x?.[1] && x[2] ? [[x[2], x[1]] as const] : [];
    }),
  );
  for (const inv of d.invariants) {
    const path = d.criticalPaths.find((p) => p.name === inv.path);
    if (!path) {
      out.push({
        rule: "invariant-off-path",
        detail: `'${inv.statement}' names a path '${inv.path}' the design lacks`,
      });
      continue;
    }
    const entities = path.operations.flatMap((p) => {
      const o = byPhrase.get(p);
      return o ? [o.entity] : [];
    });
    const text = inv.statement.toLowerCase();
    const constrains = entities.some(
      (e) =>
        text.includes(e.toLowerCase()) ||
        text.includes(entityWords(e)) ||
        text.includes((renamed.get(e) ?? e).toLowerCase()),
    );
    if (!constrains)
      out.push({
        rule: "invariant-off-path",
        detail: `'${inv.statement}' sits on '${inv.path}', which writes ${[...new Set(entities)].join(", ") || "nothing named"}`,
      });
  }
  return out;
}

function nfrs(d: Design, facts: CoherenceFacts): Problem[] {
  const out: Problem[] = [];
  const n = d.nfrs;
  const src = (k: string) => n.sources[k]?.source ?? "default";
  if (
    n.consistency === "linearizable" &&
    n.availability === "stay-available" &&
    (src("consistency") === "default" || src("availability") === "default")
  )
    out.push({
      rule: "nfr-contradiction",
      detail: `linearizable (${src("consistency")}) with stay-available (${src("availability")}): a partitioned minority cannot both answer and be linearizable`,
    });
  if (n.delivery === "exactly-once" && src("delivery") === "default") {
    const stream = d.operations.some(
      (o) => isWrite(o) && (o.operation === "append event" || o.operation === "async process") && !o.hidden,
    );
    const effect = d.predicates.some((p) => p.id === "external-effect" && p.holds);
    if (!stream && !effect)
      out.push({
        rule: "nfr-contradiction",
        detail:
          "exactly-once delivery by default, but nothing in this design is delivered (no stream, no external effect)",
      });
  }
  const stated = facts.stated;
  for (const k of STATED_KEYS) {
    const s = stated[k];
    if (s && src(k) === "default")
      out.push({
        rule: "stated-nfr-lost",
        detail: `the prompt states ${k} '${s.quote}', but the design uses a default`,
      });
    // Linearizable and stay-available both stated: under a partition only one can hold, and the design keeps
    // linearizable (a majority still serves), saying so in the availability reason.
    const resolved = k === "availability" && stated.consistency?.value === "linearizable" && n[k] === "fail-closed";
    if (s && src(k) === "stated" && n[k] !== s.value && !resolved)
      out.push({
        rule: "stated-nfr-lost",
        detail: `the prompt states ${k} ${s.value} ('${s.quote}'), but the design uses ${n[k]}`,
      });
  }
  return out;
}

const chosenOf = (d: Design) =>
  d.decisions.flatMap((row) => {
    const option = row.options.find((o) => o.id === row.chosen);
    return option ? [{ row, option }] : [];
  });

/** The script's sentences that say what the design rests on: its core mechanism, its hard rule and its first hotspot. */
const SPOKEN_CORE =
  /\bThe hard rule is this\.\s[^.]*\.|\bThe core mechanism is[^.]*\.|\b(?:Inside our own system, t|T)he first hotspot (?:is|comes when)[^.]*\./g;

/**
 * What a design draws or says happens, read two ways by one collector:
 * - `drawn` (a chosen option's excluded wording, `decision-contradicted`): components, links, API, sequences, failure
 *   rows, bottlenecks and figures, the deciding archetype's rules and read staleness, what the script says as the
 *   design's core, and mitigations without the steps said under a rejected option's win condition;
 * - `stated` (one setting said one way, `setting-said-twice`): parts with their reasons, links, calls, every diagram,
 *   failure rows, rules, reads, mechanisms' reasons, chosen options and the whole script; never a decision's question,
 *   a rejected option or a mitigation that proposes a change.
 */
function designTexts(d: Checked, use: "drawn" | "stated"): { where: string; text: string; archetype?: string }[] {
  const drawn = use === "drawn";
  return [
    ...d.components.map((c) => ({
      where: `component '${c.name}'`,
      text: drawn ? `${c.name} ${c.runs.join(" ")}` : `${c.name} ${c.runs.join(" ")} ${c.because}`,
    })),
    ...d.links.map((l) => ({ where: `link ${l.from} → ${l.to}`, text: l.label })),
    // the fields a call carries and returns are part of what it promises (siblings returned beside last-writer-wins)
    ...d.api.map((a) => ({
      where: `API ${a.call}`,
      text: `${a.call} ${a.request.join(", ")}; ${a.response.join(", ")}; ${a.guarantee}`,
    })),
    ...(drawn
      ? d.diagrams
          .filter((g) => g.kind === "sequence")
          .map((g) => ({ where: `sequence '${g.title}'`, text: `${g.title}\n${g.mermaid}` }))
      : d.diagrams.map((g) => ({ where: `diagram '${g.title}'`, text: g.mermaid }))),
    ...d.failures.map((f) => ({
      where: `failure row '${f.failure}'`,
      text: `${f.failure} ${f.prevention} ${f.repair}`,
    })),
    ...(drawn
      ? [
          // a bottleneck and a capacity figure of the deciding archetype in the rejected option's words size a part
          // the design does not have (a social graph's edges are not a cache's edge sites)
          ...d.bottlenecks.map((b) => ({
            where: `bottleneck '${b.bottleneck}'`,
            text: b.bottleneck,
            archetype: b.archetype,
          })),
          ...d.capacity.map((c) => ({ where: `capacity figure ${c.id}`, text: c.quantity, archetype: c.archetype })),
          // the deciding archetype's rules in the rejected option's words (a block once handed out beside a
          // timestamp layout); its steps and reads may name both options ("from the partition leader, or from a read
          // quorum")
          ...d.invariants.map((i) => ({ where: `rule '${i.statement}'`, text: i.statement, archetype: i.archetype })),
          // ... and how stale its reads may be (a read "through a sloppy quorum" beside one leader per shard)
          ...d.readPaths.map((r) => ({ where: `read '${r.read}'`, text: r.staleness, archetype: r.archetype })),
          // what the script says as the design's core, hard rule and first hotspot is said in the chosen option's
          // words
          ...(d.script ?? [])
            .flatMap((st) => [...st.text.matchAll(SPOKEN_CORE)].map((m) => m[0]))
            .map((said) => ({ where: `the script's '${said}'`, text: said })),
          // a mitigation may name a rejected option's step only under the condition that option wins on
          // (a condition may hold a comma of its own: "if no propagation target of seconds is stated, so operators
          // pace the waves", so the conditioned step is cut out of the text before it is split into steps)
          ...d.bottlenecks.map((b) => ({
            where: `mitigation '${b.mitigation}'`,
            text: mitigationItems(withoutConditioned(b.mitigation, rejectedWins(d)))
              .filter((item) => !rejectedWins(d).some((w) => item.endsWith(` if ${w}`)))
              .join(", "),
          })),
        ]
      : [
          ...d.invariants.map((i) => ({ where: `rule '${i.statement.slice(0, 80)}'`, text: i.statement })),
          ...d.readPaths.map((r) => ({ where: `read '${r.read}'`, text: `${r.read} ${r.staleness}` })),
          ...d.mechanisms.map((m) => ({ where: `mechanism '${m.name}'`, text: m.because.join(" ") })),
          ...chosenOf(d).map(({ row, option }) => ({
            where: `decision ${row.id}`,
            text: `${option.name} ${option.buys}`,
          })),
          ...(d.script ?? []).map((st, i) => ({ where: `script step ${i + 1}`, text: st.text })),
        ]),
  ];
}

/** A mitigation without its steps said under a rejected option's win condition ("…, or staged cohorts … if …"). */
function withoutConditioned(text: string, wins: readonly string[]): string {
  let out = text;
  for (const w of wins) {
    const at = out.indexOf(` if ${w}`);
    if (at < 0) continue;
    const start = Math.max(out.lastIndexOf(", ", at), 0);
    out = `${out.slice(0, start)}${out.slice(at + ` if ${w}`.length)}`;
  }
  return out;
}

/** When each option a decision did not choose would win, as the decisions word it. */
function rejectedWins(d: Pick<Design, "decisions">): string[] {
  return d.decisions.flatMap((r) =>
    r.options.filter((o) => o.id !== r.chosen && o.winsWhen).map((o) => (o.winsWhen ?? "").replace(/[.]$/, "")),
  );
}

/**
 * A chosen option against the rest of the design: the elements only a rejected option draws are absent,
 * and nothing drawn or said matches the phrases the chosen option excludes.
 */
function decisionsHold(d: Checked): Problem[] {
  const out: Problem[] = [];
  let texts: { where: string; text: string; archetype?: string }[] | undefined; // put together only when an option excludes some wording
  for (const { row, option } of chosenOf(d)) {
    const own = new Set(option.implies?.draws ?? []);
    for (const other of row.options) {
      if (other.id === row.chosen) continue;
      for (const e of other.implies?.draws ?? []) {
        if (own.has(e)) continue;
        const title = `${row.archetype}: ${e}`;
        const drawn =
          d.diagrams.some((g) => g.kind === "sequence" && g.title === title) ||
          d.components.some((c) => c.archetype === row.archetype && c.id === e) ||
          d.api.some((a) => a.archetype === row.archetype && a.operation === e);
        if (drawn)
          out.push({
            rule: "decision-contradicted",
            detail: `${row.id} chose '${option.name}', but the design draws '${e}', which belongs to '${other.name}'`,
          });
      }
    }
    for (const phrase of option.implies?.excludes ?? []) {
      const re = pattern(phrase, "i");
      texts ??= designTexts(d, "drawn");
      const hit = texts.find((t) => (!t.archetype || t.archetype === row.archetype) && re.test(t.text));
      if (hit)
        out.push({
          rule: "decision-contradicted",
          detail: `${row.id} chose '${option.name}', but ${hit.where} says '${re.exec(hit.text)?.[0]}'`,
        });
    }
  }
  // an operation worked by a mechanism the chosen option rules out
  const ruledOut = ruledOutMechanisms(d.decisions);
  for (const o of d.operations) {
    const by = optionOnly(o, ruledOut);
    if (by)
      out.push({
        rule: "decision-contradicted",
        detail: `${by.row.id} chose '${by.option.name}', which rules out ${o.mechanism}, but the operation '${o.phrase}' uses it`,
      });
  }
  return out;
}

/**
 * The elements of the options a decision rejected, against what the design draws: its owner's topology elements and
 * card failure rows marked for other options (`chosen`), and the duties (a component's `runs`) and links that only a
 * rejected option draws (`implies.draws`; components, API calls and sequences are `decision-contradicted`'s).
 */
export function rejectedOptionsDrawn(
  d: Pick<Design, "decisions" | "components" | "links" | "api" | "diagrams" | "failures">,
): Problem[] {
  const out: Problem[] = [];
  for (const row of d.decisions) {
    const chosen = row.options.find((o) => o.id === row.chosen);
    if (!chosen) continue;
    const owner = row.archetype;
    const own = (c: { archetype: string; id: string }, id: string) =>
      c.archetype === owner && [id, `${owner.toLowerCase()}-${id}`].includes(c.id);
    const flag = (what: string, of: string) =>
      out.push({
        rule: "rejected-option-drawn",
        detail: `${row.id} chose '${chosen.id}', but the design draws ${what}, which belongs to '${of}'`,
      });
    const against = (mark: OptionMark | undefined) =>
      mark !== undefined && mark.decision === row.id && !mark.options.includes(row.chosen)
        ? mark.options.join("' or '")
        : undefined;
    const topology = /^I\d\d$/.test(owner) ? ARCHITECTURE[owner as ArchetypeId] : FEATURE_BY_ID.get(owner)?.topology;
    for (const c of topology?.components ?? []) {
      const of = against(c.chosen);
      if (of && d.components.some((x) => own(x, c.id))) flag(`the component '${c.name}'`, of);
    }
    for (const l of topology?.links ?? []) {
      const of = against(l.chosen);
      if (
        of &&
        d.links.some((x) => x.label === l.label && [l.from, `${owner.toLowerCase()}-${l.from}`].includes(x.from))
      )
        flag(`the link '${l.label}'`, of);
    }
    for (const a of topology?.api ?? []) {
      const of = against(a.chosen);
      // a call is the rejected option's by its operation and the option its variant belongs to: the chosen option's
      // own variant of the same operation (a publish acknowledged by the leader alone) is no rejected call
      if (of && d.api.some((x) => x.archetype === owner && x.operation === a.operation && sameVariant(x, a)))
        flag(`the API call '${a.operation}'`, of);
    }
    for (const p of topology?.protocols ?? []) {
      const of = against(p.chosen);
      if (of && d.diagrams.some((g) => g.kind === "sequence" && g.title === `${owner}: ${p.name}`))
        flag(`the sequence '${p.name}'`, of);
    }
    if (/^I\d\d$/.test(owner))
      for (const f of archetypeEntry(owner as ArchetypeId).failures) {
        const of = against(f.chosen);
        if (of && d.failures.some((x) => x.archetype === owner && x.prevention === f.prevention))
          flag(`the failure row '${f.failure}'`, of);
      }
    // a duty or link only a rejected option draws (head sampling's sampler at the root)
    const mine = new Set(chosen.implies?.draws ?? []);
    for (const other of row.options) {
      if (other === chosen) continue;
      for (const e of other.implies?.draws ?? []) {
        if (mine.has(e)) continue;
        // (a duty named like an API call, a client's read or write, is the call's: `decision-contradicted` reads it)
        const call = topology?.api.some((a) => a.operation === e) ?? false;
        const duty = call ? undefined : d.components.find((c) => c.archetype === owner && c.runs.includes(e));
        if (duty) flag(`'${e}' on ${duty.name}`, other.id);
        const link = /^([\w-]+)>([\w-]+)(?:\[(.+)\])?$/.exec(e);
        // the owner's own link by its label (another part's link mapped onto the same boxes is that part's)
        const labels = new Set(
          (topology?.links ?? [])
            .filter(
              (l) => link && l.from === link[1] && l.to === link[2] && (link[3] === undefined || l.label === link[3]),
            )
            .map((l) => l.label),
        );
        if (
          link &&
          d.links.some(
            (l) =>
              [link[1], `${owner.toLowerCase()}-${link[1]}`].includes(l.from) &&
              [link[2], `${owner.toLowerCase()}-${link[2]}`].includes(l.to) &&
              labels.has(l.label),
          )
        )
          flag(`the link ${link[1]} → ${link[2]}${link[3] ? ` '${link[3]}'` : ""}`, other.id);
      }
    }
  }
  return out;
}

/**
 * Whether a drawn call is this variant of its operation: it carries the same option mark, or (a row built without
 * one) the variant's own guarantee.
 */
function sameVariant(row: Design["api"][number], spec: { chosen?: OptionMark; guarantee: string }): boolean {
  if (!row.chosen) return row.guarantee === spec.guarantee;
  const mark = spec.chosen;
  return (
    mark !== undefined &&
    row.chosen.decision === mark.decision &&
    row.chosen.options.length === mark.options.length &&
    row.chosen.options.every((o) => mark.options.includes(o))
  );
}

/** The subjects a design's prompt leaves unspoken (what a topical topology leaves out). */
const unspokenOf = (d: Pick<Design, "nfrs">) => unspokenBesides((d.nfrs.topics ?? []).map((value) => ({ value })));

/**
 * A decision's options against the parts and figures they imply (`implies.draws`, `implies.sizes`): the chosen
 * option's components, API calls, records and sequences are drawn, and no figure sizes a part only a rejected option
 * has. Links and protocols are left to `decision-contradicted`; an owner the design draws nothing of is left to
 * `rows-without-component`.
 */
export function optionsCarried(
  d: Pick<Design, "decisions" | "components" | "capacity" | "bottlenecks" | "nfrs" | "archetypes">,
): Problem[] {
  const out: Problem[] = [];
  let unspoken: readonly Topic[] | undefined;
  for (const row of d.decisions) {
    const chosen = row.options.find((o) => o.id === row.chosen);
    if (!chosen || !d.components.some((c) => c.archetype === row.archetype)) continue;
    const sized = new Set(chosen.implies?.sizes ?? []);
    for (const other of row.options)
      for (const id of other === chosen ? [] : (other.implies?.sizes ?? []))
        if (!sized.has(id)) {
          const figure = d.capacity.some((c) => c.archetype === row.archetype && c.id === id);
          const load = d.bottlenecks.find(
            (b) => b.archetype === row.archetype && `${b.formula ?? ""} ${b.estimate ?? ""}`.split(/\W+/).includes(id),
          );
          if (figure || load)
            out.push({
              rule: "option-not-carried",
              detail: `${row.id} chose '${chosen.name}', but ${figure ? "the capacity table" : `the bottleneck '${load?.bottleneck.slice(0, 50)}'`} sizes ${id}, a part of '${other.name}'`,
            });
        }
    // a supporting archetype composed only for a rejected option (the log a releaser feeds, beside claims in the run
    // store chosen) is not drawn
    const composed = new Set(chosen.implies?.composes ?? []);
    for (const other of row.options)
      for (const id of other === chosen ? [] : (other.implies?.composes ?? []))
        if (
          !composed.has(id) &&
          d.archetypes.some((a) => a.id === id && a.role !== "dominant") &&
          d.components.some((c) => c.archetype === id)
        )
          out.push({
            rule: "option-not-carried",
            detail: `${row.id} chose '${chosen.name}', but the design draws ${id}, which only '${other.name}' composes`,
          });
    // and the supporting archetype the chosen option composes is drawn (release-to-queue with no log is no handoff);
    // a choice set by override is the user's, made after the archetypes were settled, and answered as set
    for (const id of row.source === "override" ? [] : composed)
      if (!d.archetypes.some((a) => a.id === id))
        out.push({
          rule: "option-not-carried",
          detail: `${row.id} chose '${chosen.name}', but the design draws no ${id}, which that option composes`,
        });
    // a component of the owner's topology the chosen option draws (an API call, record or sequence may be merged
    // into a feature's by role, or left out of a supporting archetype's few steps)
    if (unspoken === undefined) unspoken = unspokenOf(d);
    const own = /^I\d\d$/.test(row.archetype)
      ? topicalTopology(ARCHITECTURE[row.archetype as ArchetypeId], unspoken).components
      : undefined;
    // an id another part also uses is drawn under the owner's prefix (engine/architecture.ts)
    const drawnOwn = (e: string) =>
      d.components.some(
        (c) => c.archetype === row.archetype && [e, `${row.archetype.toLowerCase()}-${e}`].includes(c.id),
      );
    // an owner that draws none of its own topology (a substrate drawn only as a part the prompt names, such as a
    // live map's tracking channel) owes none of its options' components
    if (!own?.some((c) => drawnOwn(c.id))) continue;
    // a component merged into the part that hosts it (a substrate's rollout controller run by the dominant's control
    // plane, its agents run on the dominant's nodes) is drawn there: the host runs every duty of it, and gives its
    // reason or has more than one of its duties
    const hosted = (e: string) => {
      const spec = own?.find((c) => c.id === e);
      const runs = spec?.runs ?? [];
      const says = (text: string) =>
        spec !== undefined &&
        (text.includes(spec.because) || text.includes(`${spec.name.charAt(0).toLowerCase()}${spec.name.slice(1)}`));
      return (
        runs.length > 0 &&
        d.components.some((c) => runs.every((r) => c.runs.includes(r)) && (runs.length > 1 || says(c.because)))
      );
    };
    for (const e of chosen.implies?.draws ?? []) {
      // a component the design's subject leaves out (`topic`, `unlessTopic`: no anti-entropy in a cache) is not owed
      if (!own?.some((c) => c.id === e)) continue;
      if (!drawnOwn(e) && !hosted(e))
        out.push({
          rule: "option-not-carried",
          detail: `${row.id} chose '${chosen.name}', but the design does not draw '${e}', which that option draws`,
        });
    }
  }
  return out;
}

/** A chosen product that fails a requirement of the design (engine/fields/technology-requirements.ts). */
export function technologyBreaksRequirement(
  d: Pick<Design, "prompt" | "technology" | "nfrs" | "invariants" | "failures" | "decisions" | "components">,
): Problem[] {
  const source = d.nfrs.sources.durability;
  const reqs = technologyRequirements(
    { durable: d.nfrs.durability === "durable", stated: source?.source === "stated", because: source?.because ?? "" },
    d,
  );
  const cacheDrawn = drawsCache(d.components);
  const asked = referenceFacts(d.prompt);
  // a choice a chosen decision option is built on, or a part the prompt names, was weighed there
  const settled = (archetype: string, product: string) =>
    builds(product, archetype, d.decisions).chosen !== undefined || namedPart(product, asked) !== undefined;
  return d.technology.flatMap((row) =>
    row.choices.flatMap((c) => {
      if (settled(row.archetype, c.product)) return [];
      const u = unmetRequirement(c.product, reqs, { layer: row.layer, cacheDrawn });
      return u
        ? [
            {
              rule: "technology-breaks-requirement" as const,
              detail: `${c.product} is chosen for ${row.archetype}'s ${row.layer} layer, but ${unmetReason(u)}`,
            },
          ]
        : [];
    }),
  );
}

/** The texts of a design that speak of named products, each with where it stands. */
function productTexts(
  d: Pick<Design, "technology" | "decisions" | "invariants" | "failures" | "mechanisms">,
): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const row of d.technology)
    for (const c of row.choices)
      out.push({ where: `${row.archetype}'s ${row.layer} choice ${c.product}`, text: `${c.product}: ${c.fits}` });
  for (const row of d.decisions) {
    const chosen = row.options.find((o) => o.id === row.chosen);
    if (chosen)
      out.push({ where: `${row.id}'s chosen option`, text: `${chosen.name}; ${chosen.buys}; ${row.because}` });
  }
  for (const i of d.invariants) out.push({ where: "an invariant", text: i.statement });
  for (const f of d.failures) out.push({ where: "a failure row", text: `${f.prevention}; ${f.repair}` });
  for (const m of d.mechanisms) out.push({ where: `mechanism ${m.id}`, text: m.because.join("; ") });
  return out;
}

/**
 * A text crediting a named product with a property its facts deny, a conditional rule resting on logs alone, or a
 * majority-commit mechanism where every chosen product answers on its primary first (engine/fields/product-claims.ts).
 */
export function productClaimsHold(
  d: Pick<Design, "technology" | "decisions" | "invariants" | "failures" | "mechanisms" | "nfrs">,
): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const { where, text } of productTexts(d))
    for (const c of deniedClaims(text)) {
      const key = `${c.kind}|${c.product}|${c.clause}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ rule: "product-claim-denied", detail: `${where} says '${c.clause}', but ${c.why}` });
    }
  const source = d.nfrs.sources.durability;
  const reqs = technologyRequirements(
    { durable: d.nfrs.durability === "durable", stated: source?.source === "stated", because: source?.because ?? "" },
    d,
  );
  const chosen = d.technology.flatMap((row) => row.choices.map((c) => ({ layer: row.layer, product: c.product })));
  const logs = conditionalWithoutStore(reqs, chosen);
  if (logs)
    out.push({
      rule: "product-claim-denied",
      detail: `${logs.rule.replace(/^the design's rule: /, "the design's rule ")} makes a write conditional, but the only store it picks checks none: ${logs.products.map((f) => `${f.name}: ${f.conditionalHow} (${f.source})`).join("; ")}`,
    });
  const majority = d.mechanisms.find((m) => MAJORITY_MECHANISMS.has(m.id));
  const stores = chosen.filter((c) => c.layer !== "serving");
  const known = stores.map((c) => ({ c, facts: factsOf(c.product) }));
  if (
    majority &&
    known.length > 0 &&
    known.every((k) => k.facts.length > 0) &&
    !chosen.some((c) => factsOf(c.product).some((f) => f.commit === "majority")) &&
    // a product that can be configured to commit on a majority (PostgreSQL's quorum commit) says how, in its reason
    known.every((k) =>
      k.facts.every((f) => (f.commit === "primary-first" || f.commit === "single-copy") && !f.majorityHow),
    )
  )
    out.push({
      rule: "product-claim-denied",
      detail: `the design carries '${majority.name}', but no product it picks commits on a majority: ${known.map((k) => `${k.c.product} (${k.facts.map((f) => `${f.replication}; ${f.source}`).join("; ")})`).join("; ")}`,
    });
  return out;
}

/** A chosen product whose documented size limit is below the state the design sizes for its layer. */
function technologyWithinLimits(d: Design): Problem[] {
  const stated = d.nfrs.idWidth ? { bits: d.nfrs.idWidth, because: d.nfrs.sources.idWidth?.because ?? "" } : undefined;
  return d.technology.flatMap((row) =>
    row.choices.flatMap((c) => {
      // a product whose ids are wider than the stated width (a 128-bit UUIDv7 for 64-bit ids) is over it too
      const entry = /^I\d\d$/.test(row.archetype)
        ? archetypeEntry(row.archetype as ArchetypeId).technologies.find((t) => t.product === c.product)
        : undefined;
      const why =
        overLimit(c.product, row.layer, row.archetype, d.capacity) ??
        (entry ? widerThanStated(entry, stated) : undefined);
      return why
        ? [{ rule: "technology-over-limit" as const, detail: `${c.product} is chosen for ${row.layer}, but ${why}` }]
        : [];
    }),
  );
}

/** Words that name an erasure-coded layout, whose overhead is (k+m)/k rather than a whole number of copies. */
const ERASURE = /\b(erasure[- ]cod|reed[- ]solomon)/i;

function capacityAgrees(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const { row, option } of chosenOf(d)) {
    const own = d.capacity.filter((c) => c.archetype === row.archetype);
    for (const fixed of option.implies?.capacity ?? [])
      for (const c of own) {
        const used = c.inputs.find((i) => i.name === fixed.quantity);
        if (used && used.source === "assumed" && used.value !== fixed.value)
          out.push({
            rule: "capacity-contradicts-decision",
            detail: `${row.id} chose '${option.name}' (${fixed.quantity} = ${fixed.value}), but ${c.id} uses ${fixed.quantity} = ${used.value}`,
          });
      }
    if (ERASURE.test(option.name))
      for (const c of own) {
        const copies = c.inputs.find((i) => i.name === "replicas" && i.source === "assumed" && i.value >= 2);
        if (copies)
          out.push({
            rule: "capacity-contradicts-decision",
            detail: `${row.id} chose '${option.name}', but ${c.id} counts ${copies.value} full replicas (${c.formula})`,
          });
      }
  }
  return out;
}

/** What the design's own API and read paths promise that a product may lack. */
const NEEDS_BY_WORDS: readonly { property: Property; words: RegExp }[] = [
  { property: "replay", words: /\b(replay|re-?read from (any|a retained) (offset|position)|seek to (an )?offset)/i },
];

function technologyHasProperties(d: Design): Problem[] {
  const out: Problem[] = [];
  const needs = new Map<Property, string>();
  for (const { row, option } of chosenOf(d))
    for (const p of option.implies?.needs ?? []) if (!needs.has(p)) needs.set(p, `${row.id} chose '${option.name}'`);
  const promised = [...d.api.map((a) => `${a.call} ${a.guarantee}`), ...d.readPaths.map((r) => r.read)].join("\n");
  for (const n of NEEDS_BY_WORDS)
    if (!needs.has(n.property) && n.words.test(promised)) needs.set(n.property, "the API promises it");
  const transactions = transactionClaims(d);
  for (const t of d.technology)
    for (const c of t.choices)
      for (const [p, why] of [
        ...needs,
        ...(TRUTH_LAYERS.has(t.layer) ? componentNeeds(d.components, t.archetype) : []),
        ...(TRUTH_LAYERS.has(t.layer) ? hostedNeeds(d, t.archetype) : []),
        ...(t.layer === "storage" ? transactionNeed(transactions, choiceOwner(d, t, c), c.fits) : []),
      ]) {
        const gap = lacks(c.product, p);
        if (gap)
          out.push({
            rule: "technology-lacks-property",
            detail: `'${c.product}' is recommended (${t.layer}) but lacks ${p}, which ${why} needs: ${gap.why}`,
          });
      }
  return out;
}

/** A component's own claim that it commits several rows as one (a record plus its outbox row in one transaction). */
const ONE_TRANSACTION = /\b(?:in|as) (?:one|a single|the same) (?:local )?transaction\b/i;

/**
 * The owners (feature or archetype) whose drawn components claim a multi-row transaction, each with the claimant and
 * the records it commits so (a Post service writing the post plus its outbox row: posts).
 */
function transactionClaims(d: Pick<Design, "components">): Map<string, { name: string; records: RegExp[] }> {
  const out = new Map<string, { name: string; records: RegExp[] }>();
  for (const c of d.components)
    if (c.archetype && !out.has(c.archetype) && [c.because, ...c.runs].some((x) => ONE_TRANSACTION.test(x)))
      out.set(c.archetype, {
        name: c.name,
        // a record named in CamelCase is spoken in words: FeedEntry as 'feed entry' or 'feed entries'
        records: c.holds.map((h) =>
          pattern(
            String.raw`\b${h
              .replace(/([a-z])([A-Z])/g, "$1 $2")
              .toLowerCase()
              .replace(/[^a-z0-9 ]/g, "")
              .replace(/y$/, "(?:y|ie)")}s?\b`,
            "i",
          ),
        ),
      });
  return out;
}

/** Whose storage a technology choice is: the feature it says it fits, else the row's archetype. */
function choiceOwner(
  d: Pick<Design, "features">,
  row: Design["technology"][number],
  choice: Design["technology"][number]["choices"][number],
): string {
  const named = d.features.find((f) => choice.why === `fits the ${f.name.toLowerCase()} feature`);
  return named?.id ?? row.archetype;
}

/** A storage choice for the records a claimant commits in one transaction needs multi-row transactions. */
function transactionNeed(
  claims: ReadonlyMap<string, { name: string; records: RegExp[] }>,
  owner: string,
  fits: string,
): [Property, string][] {
  const who = claims.get(owner);
  return who?.records.some((r) => r.test(fits))
    ? [["multi-row-transaction", `'${who.name}' committing several rows in one transaction`]]
    : [];
}

/** Mechanisms that acknowledge a write only once a majority (or a write quorum) of replicas holds it. */
const MAJORITY_MECHANISMS: ReadonlySet<string> = new Set(["consensus-replication", "quorum-read-write"]);

/**
 * What the records an archetype's store holds need of its products, whoever's card they come from: a majority commit
 * the design applies to an entity that store holds (a replicated key space hosted on a rate limiter's counter store),
 * by an operation on it or by a decision of the archetype the entity belongs to.
 */
function hostedNeeds(d: Design, owner: string): Map<Property, string> {
  const hosted = new Set(d.components.filter((c) => c.archetype === owner).flatMap((c) => c.holds));
  const ownerOf = new Map(d.decisions.map((r) => [r.id, r.archetype]));
  const mine = (archetype: string | undefined) =>
    archetype !== undefined &&
    (archetype === owner ||
      (/^I\d\d$/.test(archetype) &&
        archetypeEntry(archetype as Design["archetypes"][number]["id"]).entities.some((e) => hosted.has(e.name))));
  const needs = new Map<Property, string>();
  for (const m of d.mechanisms) {
    if (!MAJORITY_MECHANISMS.has(m.id)) continue;
    const on = m.because.find(
      (b) =>
        [...b.matchAll(/ on ([A-Z][A-Za-z]+) \(/g)].some((x) => hosted.has(x[1] ?? "")) ||
        mine(ownerOf.get(/^decision (\S+):/.exec(b)?.[1] ?? "")),
    );
    if (on && !needs.has("majority-commit")) needs.set("majority-commit", `${m.name} (${on.slice(0, 80)})`);
  }
  return needs;
}

/** A write refused on a stale version: a 409/412 answer or a version guard on the API. */
const VERSION_CHECK = /\b(409|412)\b|precondition failed|version (mismatch|conflict)|stale (version|write)/i;
const LWW = /\b(LWW|last[- ]writers?[- ]wins?)\b/i;
const NOT_LWW = /\b(not|never|instead of|rather than)\b[^.;]*\b(LWW|last[- ]writer)/i;

function versionChecksHold(d: Design): Problem[] {
  const checks = d.api.filter((a) => a.errors.some((e) => VERSION_CHECK.test(e)));
  if (checks.length === 0) return [];
  // The predicate table may accept last-writer-wins for state no invariant guards; only an invariant that
  // refuses a stale write makes its acceptance a contradiction.
  const guard = d.invariants.find((i) => REFUSES_STALE.test(i.statement));
  const lww = guard ? d.predicates.find((p) => p.id === "lww-acceptable" && p.holds) : undefined;
  // A decision or an API speaks for its own part of the design: it contradicts a version check of the
  // same archetype or feature (a sync feature's conflict policy is not a chunk store's lease check).
  const says: { where: string; text: string; owner?: string }[] = [
    ...(lww ? [{ where: "the predicate table", text: `${lww.name}: ${lww.because}` }] : []),
    ...chosenOf(d).map(({ row, option }) => ({
      where: `decision ${row.id}`,
      text: `${option.name} ${option.buys}`,
      owner: row.archetype,
    })),
    ...d.api.map((a) => ({ where: `API ${a.call}`, text: a.guarantee, owner: a.archetype })),
    ...d.invariants.map((i) => ({ where: "invariant", text: i.statement })),
  ];
  const out: Problem[] = [];
  for (const s of says) {
    if (!LWW.test(s.text) || NOT_LWW.test(s.text)) continue;
    const check = checks.find((a) => s.owner === undefined || a.archetype === s.owner);
    if (check)
      out.push({
        rule: "version-check-with-lww",
        detail: `${check.call} refuses a stale write, but ${s.where} accepts last-writer-wins: '${s.text}'`,
      });
  }
  return out;
}

/**
 * Last-writer-wins (the mechanism, the predicate that accepts it, or a chosen option that says it) beside an
 * invariant that lets a value only rise: the newest write may be the lower one.
 */
function lwwBesideRisesOnly(d: Design): Problem[] {
  const rises = d.invariants.find((i) => RISES_ONLY.test(i.statement));
  if (!rises) return [];
  const lww = d.predicates.find((p) => p.id === "lww-acceptable" && p.holds);
  const says = [
    ...(d.mechanisms.some((m) => m.id === "lww-overwrite") ? ["the mechanism last-writer-wins overwrite"] : []),
    ...(lww ? [`the predicate table (${lww.name}: ${lww.because})`] : []),
    ...chosenOf(d)
      .filter(
        ({ option }) => LWW.test(`${option.name} ${option.buys}`) && !NOT_LWW.test(`${option.name} ${option.buys}`),
      )
      .map(({ row, option }) => `decision ${row.id} ('${option.name}')`),
  ];
  return says.map((s) => ({
    rule: "lww-beside-rises-only",
    detail: `'${rises.statement}' lets the value only rise, but ${s} lets the newest write win`,
  }));
}

/** A write or a stated ask that logs a session out or revokes a credential (not people who leave "without logging out"). */
const REVOKES =
  /(?<!\bwithout )\b(?:log(?:s|ged|ging)?[- ]?outs?|sign(?:s|ed|ing)?[- ]?outs?|revok(?:e|es|ed|ing)|revocations?)\b/i;
/** A rule naming the marker a delete or revocation leaves (a tombstone, a revoked marker, a denylist entry). */
const MARKER = /\b(?:tombstones?|revocation markers?|revoked_at|deny ?lists?|revocation lists?)\b/i;
/** ... and how long it is kept: past the repair window, a replica's outage or catch-up, or the session's own life. */
const KEPT_AGAINST =
  /\b(?:kept|keeps?|outlives?|retain\w*|held)\b[^.]*\b(?:repair|hinted handoff|hints?|gc_grace\w*|grace|outage|catch(?:es)? up|lifetime|expir\w*)\b/i;

/**
 * Last-writer-wins (the mechanism, the predicate that accepts it, or a chosen option that says it) beside a logout or
 * revocation (a write that logs out or revokes, the prompt's own ask, or a session store's subject) with no rule naming
 * the marker it leaves and how long that marker is kept: by timestamp alone, a renewal landing after the logout, a
 * late hint or a repair from a replica that missed it once its tombstone is purged brings the session back.
 */
function lwwRevocationUnkept(d: Design): Problem[] {
  const revokes =
    d.operations.find((o) => !o.operation.startsWith("read") && REVOKES.test(o.phrase))?.phrase ??
    // (a store of sessions: the subject spoken where the key-value store is drawn, not a presence registry's
    // people who leave without logging out)
    ((d.nfrs.topics ?? []).some((t) => t === "login-session") && d.archetypes.some((a) => a.id === "I16")
      ? "a store of signed-in sessions"
      : undefined) ??
    d.statedRequirements?.find((c) => REVOKES.test(c.clause))?.clause;
  if (revokes === undefined) return [];
  if (d.invariants.some((i) => MARKER.test(i.statement) && KEPT_AGAINST.test(i.statement))) return [];
  const lww = d.predicates.find((p) => p.id === "lww-acceptable" && p.holds);
  const says = [
    ...(d.mechanisms.some((m) => m.id === "lww-overwrite") ? ["the mechanism last-writer-wins overwrite"] : []),
    ...(lww ? [`the predicate table (${lww.name})`] : []),
    ...chosenOf(d)
      .filter(
        ({ option }) => LWW.test(`${option.name} ${option.buys}`) && !NOT_LWW.test(`${option.name} ${option.buys}`),
      )
      .map(({ row, option }) => `decision ${row.id} ('${option.name}')`),
  ];
  const first = says[0];
  if (first === undefined) return [];
  return [
    {
      rule: "lww-revocation-unkept",
      detail: `${first} lets the newest write win beside '${revokes}', but no rule names the tombstone or revocation marker and how long it is kept against the repair window or the session's lifetime`,
    },
  ];
}

/** A shown value as a number and the rest of its words ("≈ 1.73 TB" -> 1.73, "TB"). */
function shownValue(display: string): { n: number; rest: string } | undefined {
  const m = /^≈?\s*(-?[\d.]+)\s*(.*)$/.exec(display.trim());
  // a count rounded up to one says the formula's own value beside it ("1 shard (the formula gives 0.6; ...)")
  const rest = (m?.[2] ?? "").replace(/\s*\(the formula gives [^)]*\)$/, "").trim();
  return m?.[1] ? { n: Number(m[1]), rest } : undefined;
}

/** The same quantity, estimated by a bottleneck and computed by the capacity model, must agree (to rounding). */
function numbersAgree(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const b of d.bottlenecks) {
    const m = b.estimate ? /^(.+?) = .+ (≈ [^,]+?), with /.exec(b.estimate) : null;
    if (!m?.[1] || !m[2]) continue;
    const label = m[1].toLowerCase();
    // the same figure by its label, or by its expression at peak or not (origin load = requests * miss ratio)
    const f = /^[a-z0-9_ ]+? = (.+) \(([^)]*)\)$/.exec(b.formula ?? "");
    const mine = d.capacity.filter((r) => r.archetype === b.archetype);
    const c =
      mine.find((r) => r.quantity.toLowerCase() === label) ??
      (f?.[1]
        ? mine.find(
            (r) =>
              sameMeasure(r.unit, f[2] ?? "") &&
              atBase(r.formula.replace(/^[a-z0-9_]+ = /, ""), mine) === atBase(f[1] ?? "", mine),
          )
        : undefined);
    const x = shownValue(m[2]);
    const y = c ? shownValue(c.display) : undefined;
    if (!c || !x || !y) continue;
    const close = x.rest === y.rest && Math.abs(x.n - y.n) <= 0.05 * Math.max(Math.abs(x.n), Math.abs(y.n));
    if (!close)
      out.push({
        rule: "numbers-disagree",
        detail: `${c.quantity}: the bottleneck estimate says ${m[2]}, the capacity table ${c.display} (${c.formula})`,
      });
  }
  return out;
}

/** A shown value's number: "10k nodes" -> "10k". */
const leadingNumber = (x: string): string => /^[≈\s]*([-\d.,]+\s*[kMBT]?)/.exec(x)?.[1]?.trim() ?? x.trim();

/** One named input read with two values by the capacity table's figures. */
function inputsAgree(d: Design): Problem[] {
  const first = new Map<string, { value: number; where: string }>();
  const out: Problem[] = [];
  for (const r of d.capacity)
    for (const i of r.inputs) {
      const have = first.get(i.name);
      if (!have) first.set(i.name, { value: i.value, where: `${r.archetype} ${r.id}` });
      else if (Math.abs(have.value - i.value) > 1e-9 * Math.max(Math.abs(have.value), Math.abs(i.value)))
        out.push({
          rule: "numbers-disagree",
          detail: `${i.name} is ${have.value} in ${have.where} but ${i.value} in ${r.archetype} ${r.id}`,
        });
    }
  // one name, one value across the bottleneck table too: a value a figure decides ("registry_nodes") is shown
  // under that figure's name, never under a name another part of the design reads with another value
  const shown = new Map<string, { value: string; where: string }>();
  for (const r of d.capacity)
    for (const i of r.inputs)
      if (!shown.has(i.name))
        shown.set(i.name, {
          value: leadingNumber(formatQuantity(i.value, i.unit ?? "")),
          where: `${r.archetype} ${r.id}`,
        });
  for (const b of d.bottlenecks)
    for (const m of (b.estimate ?? "").matchAll(
      /(?:, with |; )([a-z][a-z0-9_]*) = ([^(;]+?) \((?:assumed|sized by|capacity:)/g,
    )) {
      const name = m[1] as string;
      const value = leadingNumber(m[2] as string);
      const have = shown.get(name);
      if (!have) shown.set(name, { value, where: `${b.archetype} bottleneck` });
      else if (have.value !== value)
        out.push({
          rule: "numbers-disagree",
          detail: `${name} is ${have.value} in ${have.where} but ${value} in the ${b.archetype} bottleneck '${b.bottleneck.slice(0, 40)}'`,
        });
    }
  // a count of whole things below one ("0.15 nodes") is no number a design can run
  for (const r of d.capacity)
    if (WHOLE_UNITS.test(r.unit) && r.value > 0 && r.value < 1)
      out.push({ rule: "numbers-disagree", detail: `${r.id} is ${r.display}: fewer than one of a whole ${r.unit}` });
  for (const b of d.bottlenecks) {
    const m = b.estimate ? /≈ (0\.\d+) ([a-z]+)/.exec(b.estimate) : null;
    if (m?.[2] && WHOLE_UNITS.test(m[2]))
      out.push({ rule: "numbers-disagree", detail: `${b.bottleneck}: ${m[1]} ${m[2]} is fewer than one` });
  }
  // one report per input
  return out.filter((p, k) => out.findIndex((q) => q.detail.split(" ")[0] === p.detail.split(" ")[0]) === k);
}

/** A byte figure over the design's objects: its per-copy size, and whether it counts only a share of them. */
function overObjects(r: CapacityRow): { bytes: number; share: boolean } | undefined {
  if (r.unit !== "B" || !r.inputs.some((i) => i.name === "objects")) return undefined;
  const copies = r.inputs
    .filter((i) => /^(?:replicas|regions|replication_factor|edge_copies)$/.test(i.name))
    .reduce((x, i) => x * Math.max(1, i.value), 1);
  const share = r.inputs.some((i) => (i.unit === "fraction" || /_fraction$|_share$/.test(i.name)) && i.value < 1);
  return { bytes: r.value / copies, share };
}

/**
 * A part is never larger than its whole: a byte figure that holds a share of the design's objects (a hot set,
 * a cached share) is at most one copy of all of them (the stored bytes).
 */
function partsWithinWholes(d: Design): Problem[] {
  const out: Problem[] = [];
  const sized = d.capacity.flatMap((r) => {
    const o = overObjects(r);
    return o ? [{ r, ...o }] : [];
  });
  // the whole is the stored data itself, not an index or a log derived from it
  const wholes = sized.filter((x) => !x.share && /^stored\b/.test(x.r.quantity));
  for (const part of sized.filter((x) => x.share))
    for (const whole of wholes)
      if (part.bytes > whole.bytes * 1.0001)
        out.push({
          rule: "part-exceeds-whole",
          detail: `${part.r.id} (${part.r.display}) holds a share of the objects but exceeds one copy of all of them in ${whole.r.id} (${whole.r.display})`,
        });
  return out;
}

/**
 * Every number the prompt states is read by a capacity figure: a stated figure bound to a name no formula
 * reads is silently replaced by a default. One stated number may bind several names ("50 million players"
 * states users and players); it is used when a figure reads any of them.
 */
function statedNumbersUsed(d: Design): Problem[] {
  // a stated target a figure is checked against (a failover bound), or read under its twin's name, is read
  const read = quantitiesRead(d.capacity);
  // one stated number is the prompt's words, however each name reads them ("1,000 requests per hour" is one key's
  // rate and, read as a limit, its quota window too): the names sharing a quote are used when any one is read
  const byQuote = new Map<string, { names: string[]; becauses: string[] }>();
  for (const name of Object.keys(d.nfrs.scale)) {
    const src = d.nfrs.sources[`scale.${name}`];
    if (src?.source !== "stated") continue;
    const key = quoteOfScaleReason(src.because) ?? src.because;
    const group = byQuote.get(key) ?? { names: [], becauses: [] };
    group.names.push(name);
    if (!group.becauses.includes(src.because)) group.becauses.push(src.because);
    byQuote.set(key, group);
  }
  // a stated number a figure reads under a name the capacity field bound it to (the design's unit count,
  // engine/unit-count.ts) is read: its input quotes the same words
  const quotedInputs = d.capacity.flatMap((r) => r.inputs.filter((i) => i.source === "stated").map((i) => i.because));
  const out: Problem[] = [];
  for (const { names, becauses } of byQuote.values())
    if (
      !names.some((n) => read.has(n)) &&
      !quotedInputs.some((b) => becauses.some((because) => b === because || b.startsWith(`${because},`)))
    )
      out.push({
        rule: "stated-number-unused",
        detail: `${names.join(", ")} (${becauses[0]}) is read by no capacity figure`,
      });
  return out;
}

/** Text as the prompt's quotes are compared: lower case, dashes plain, commas and runs of spaces dropped. */
const quoteForm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A value labelled stated quotes the prompt: "Regions: 3 (stated)" where the prompt names no regions, or a count whose
 * quote is not in the prompt, tells the reader the prompt said what it did not. Every stated NFR source and every
 * stated input of a figure must carry words the prompt holds.
 */
function statedHaveQuotes(d: Design): Problem[] {
  const prompt = quoteForm(d.prompt ?? "");
  if (!prompt) return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  const check = (where: string, because: string | undefined) => {
    const quote = /^the prompt says '([^']+)'/.exec(because ?? "")?.[1];
    if (quote === undefined || prompt.includes(quoteForm(quote)) || seen.has(`${where}|${quote}`)) return;
    seen.add(`${where}|${quote}`);
    out.push({
      rule: "stated-without-quote",
      detail: `${where} is labelled stated from '${quote}', which the prompt does not say`,
    });
  };
  for (const [k, src] of Object.entries(d.nfrs.sources)) if (src?.source === "stated") check(k, src.because);
  for (const r of d.capacity)
    for (const i of r.inputs) if (i.source === "stated") check(`${r.id} input ${i.name}`, i.because);
  return out;
}

/** The named quantities a reason's words compute from (identifiers with an underscore: `orders_per_day / users`). */
const NAMED_IN = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/**
 * No input rests on itself: within one figure, an assumed input whose reason derives it from another input while that
 * one's reason derives it from the first (a per-user daily rate read back from a daily total that was computed from
 * that same per-user rate) is a cycle, a number that proves nothing.
 */
function inputsAcyclic(d: Design): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const r of d.capacity) {
    const names = new Set(r.inputs.map((i) => i.name));
    const uses = new Map<string, Set<string>>();
    for (const i of r.inputs)
      if (i.source === "assumed")
        uses.set(i.name, new Set((i.because.match(NAMED_IN) ?? []).filter((n) => n !== i.name && names.has(n))));
    for (const [a, from] of uses)
      for (const b of from)
        if (a < b && uses.get(b)?.has(a) && !seen.has(`${a}|${b}`)) {
          seen.add(`${a}|${b}`);
          out.push({
            rule: "input-cycle",
            detail: `${a} and ${b} (read by ${r.id}) are each derived from the other: neither rests on a stated or typical value`,
          });
        }
  }
  return out;
}

/**
 * One quantity, one row: two capacity figures whose expressions are the same over the same inputs are one quantity
 * computed twice under two names (a dispatcher's and a proximity index's location updates), which shows the reader
 * two numbers for one load and lets the two drift when one model's inputs change.
 */
function quantitiesOnce(d: Design): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, (typeof d.capacity)[number]>();
  for (const r of d.capacity) {
    const expression = (r.formula.split(" = ").slice(1).join(" = ") || "").replace(/\s+/g, "");
    // a bare input copied under a new name ("x = y") is a rename, not a computation
    if (!/[-+*/()]/.test(expression)) continue;
    const first = seen.get(expression);
    if (first && first.id !== r.id)
      out.push({
        rule: "quantity-computed-twice",
        detail: `${r.id} (${r.archetype}) and ${first.id} (${first.archetype}) both compute ${expression}: one quantity shown as two rows`,
      });
    else if (!first) seen.set(expression, r);
  }
  return out;
}

/**
 * A stated quantity stands in for the same amount under another model's name (QUANTITY_BRIDGES whose expression is one
 * stated name: the moving objects that report are the live clients, their report interval is the heartbeat): no
 * figure reads that other name at a typical value of its own, so an assumed online share of the users at a typical
 * heartbeat never sits beside the stated reporters and their interval.
 */
function statedStandInsKept(d: Design): Problem[] {
  const out: Problem[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));
  // the plainest stand-in is the quantity itself: a figure that reads a stated quantity under its own name at a typical
  // value prints a default for what the prompt states
  for (const r of d.capacity)
    for (const i of r.inputs) {
      const s = d.nfrs.scale[i.name];
      if (i.source === "assumed" && d.nfrs.sources[`scale.${i.name}`]?.source === "stated" && s && !close(i.value, s))
        out.push({
          rule: "stated-stand-in-replaced",
          detail: `${r.archetype} ${r.id} reads ${i.name} = ${formatQuantity(i.value, "")} assumed, but the prompt states ${i.name} = ${formatQuantity(s, "")}`,
        });
    }
  for (const b of QUANTITY_BRIDGES) {
    if (!/^[a-z][a-z0-9_]*$/.test(b.expression) || d.nfrs.scale[b.quantity] !== undefined) continue;
    // a bridge that needs another stated quantity (a report interval) stands in only where the prompt states it
    if (b.needsOne && !b.needsOne.some((q) => d.nfrs.scale[q] !== undefined)) continue;
    const stated = d.nfrs.scale[b.expression];
    if (stated === undefined || stated > (b.atMost ?? Number.POSITIVE_INFINITY)) continue;
    const rows = d.capacity.filter((r) =>
      r.inputs.some((i) => i.name === b.quantity && i.source === "assumed" && !close(i.value, stated)),
    );
    // a floor (each workflow runs at least one task) is kept by any value at or above it
    const shown = rows.flatMap((r) => r.inputs.filter((i) => i.name === b.quantity));
    if (shown.every((i) => i.value >= stated) && /\bat least\b/.test(b.why)) continue;
    for (const r of rows)
      out.push({
        rule: "stated-stand-in-replaced",
        detail: `${r.archetype} ${r.id} reads ${b.quantity} = ${formatQuantity(r.inputs.find((i) => i.name === b.quantity)?.value ?? 0, "")} assumed, but the prompt states ${b.expression} = ${formatQuantity(stated, "")}, which is the same amount (${b.why})`,
      });
  }
  return out.filter((p, k) => out.findIndex((q) => q.detail === p.detail) === k);
}

/**
 * Every amount the prompt states is read as some quantity: a number the parser binds to nothing ("1 million
 * increments per second" before increments were known as events) leaves the figures on a typical value while the
 * prompt says otherwise. Named once per amount, in the prompt's words.
 */
function statedNumbersRead(facts: CoherenceFacts): Problem[] {
  return facts.unread.map((quote) => ({
    rule: "stated-number-unread" as const,
    detail: `the prompt states '${quote}', which no rule reads as a quantity, so no figure rests on it`,
  }));
}

/**
 * A figure held to a stated bound stays within it: a failover the chosen lease makes longer than the prompt's
 * "fails over within 5 seconds" is a timing that must shorten or flip, never a number shown beside the bound.
 */
function statedBoundsHeld(d: Design): Problem[] {
  const held = d.capacity
    .filter((r) => r.bound !== undefined && r.value > r.bound.value * 1.0001)
    .map((r) => ({
      rule: "stated-bound-exceeded" as const,
      detail: `${r.id} (${r.display}) is past the stated ${r.bound?.quantity} = ${r.bound?.value}`,
    }));
  return [...held, ...kindBoundsHeld(d)];
}

/**
 * A stated bound of a kind other than a request's latency (a failover, a detection, a reclaim, a redelivery:
 * knowledge/bound-kinds.ts) holds every time figure of that kind, not only the one a model ties to it: a figure that
 * measures the same kind of time and is past the stated bound is flagged, so no model computes 11 s of failover
 * beside a stated 2 s unnoticed.
 */
function kindBoundsHeld(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const k of BOUND_KINDS) {
    const stated = d.nfrs.scale[k.bound];
    if (stated === undefined || d.nfrs.sources[`scale.${k.bound}`]?.source !== "stated") continue;
    for (const r of d.capacity) {
      if (r.bound !== undefined || !TIME_UNITS.test(r.unit)) continue;
      if (!k.figure.test(r.quantity) || k.unless?.test(r.quantity)) continue;
      const seconds = r.unit === "ms" ? r.value / 1000 : r.value;
      if (seconds <= stated * 1.0001) continue;
      out.push({
        rule: "stated-bound-exceeded" as const,
        detail: `${r.id} (${r.display}), a ${k.kind} time, is past the stated ${k.bound} = ${stated} (${d.nfrs.sources[`scale.${k.bound}`]?.because ?? "stated"})`,
      });
    }
  }
  // a stated ratio (an overshoot, a count's error, duplicates, loss) holds every fraction figure that measures it
  for (const k of RATIO_BOUNDS) {
    const stated = d.nfrs.scale[k.bound];
    if (stated === undefined || d.nfrs.sources[`scale.${k.bound}`]?.source !== "stated") continue;
    for (const r of d.capacity) {
      if (r.bound !== undefined || r.unit !== "fraction" || !k.figure.test(r.quantity)) continue;
      if (r.value <= stated * 1.0001) continue;
      out.push({
        rule: "stated-bound-exceeded" as const,
        detail: `${r.id} (${r.display}), a share of ${k.kind}, is past the stated ${k.bound} = ${stated} (${d.nfrs.sources[`scale.${k.bound}`]?.because ?? "stated"})`,
      });
    }
  }
  return out;
}

/** Whether a unit is a time (a bound in one is a latency, a freshness or a failover). */
const TIME_UNITS = /^(?:s|ms)$/;

/**
 * A time held to a stated bound keeps headroom: a sum of steps that fills the bound, or all but a sliver of it, is met
 * only when every step runs at its usual cost (BOUND_MARGIN.least; a figure past the bound is `stated-bound-exceeded`'s).
 */
function boundsKeepHeadroom(d: Design): Problem[] {
  return d.capacity
    .filter(
      (r) =>
        r.bound !== undefined &&
        TIME_UNITS.test(r.unit) &&
        r.value <= r.bound.value * 1.0001 &&
        r.value > r.bound.value * (1 - BOUND_MARGIN.least) * 1.0001,
    )
    .map((r) => ({
      rule: "bound-without-headroom" as const,
      detail: `${r.id} (${r.display}) leaves less than ${BOUND_MARGIN.least * 100}% of the stated ${r.bound?.quantity} = ${r.bound?.value} spare`,
    }));
}

/**
 * A stated request latency reaches a figure that spends it over at least two costed steps: one bound by it (a path's
 * steps summed), or a slack that takes two or more steps off it. A slack of one round trip alone leaves the rest of the
 * path unbudgeted.
 */
function latencyBudgeted(d: Design): Problem[] {
  const stated = d.nfrs.latency[0];
  if (!stated) return [];
  const steps = (r: Design["capacity"][number]): number =>
    (r.formula.split(" = ")[1] ?? "").split(/\s*[+-]\s*/).filter((x) => /^[a-z_]\w*$/.test(x.trim())).length;
  const spent = d.capacity.some(
    (r) =>
      (r.bound !== undefined && /^latency_(?:seconds|budget_ms)$/.test(r.bound.quantity) && steps(r) >= 2) ||
      (/= latency_(?:seconds|budget_ms)(?:\s*-\s*\w+){2,}$/.test(r.formula) &&
        r.inputs.some((i) => /^latency_(?:seconds|budget_ms)$/.test(i.name) && i.source === "stated")),
  );
  return spent
    ? []
    : [
        {
          rule: "latency-unbudgeted" as const,
          detail: `the stated latency '${stated.quote}' is spent over no costed steps of the path`,
        },
      ];
}

/**
 * A stated end-to-end bound on a pipeline's way (a page, a rollback, a change's spread) that figures read is spent over
 * the path's stages: one figure sums them and is held to it (engine/end-to-end-bounds.ts).
 */
function endToEndBudgeted(d: Design): Problem[] {
  return unbudgetedBounds(d.capacity, d.nfrs.sources).map((u) => ({
    rule: "bound-unbudgeted" as const,
    detail: `the stated ${u.bound} (${u.quote}) bounds the way from ${u.path}, but ${u.readers.join(", ")} only read it and no figure sums that path's stages against it`,
  }));
}

/** The most machines a design may count: the largest public fleets run a few million servers, not tens of millions. */
const FLEET_CEILING = 1e7;
const MACHINE_UNITS = /^(?:workers|servers|nodes|machines|hosts)$/;
const MACHINES_SAID = /\b(\d[\d.,]*)\s?([kMBT])? (workers|servers|nodes|machines|hosts)\b/g;
const SCALE_OF: Readonly<Record<string, number>> = { k: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/**
 * A figure that makes no sense at its own numbers: a fleet of more machines than any operator runs (Little's law
 * applied to waiting items rather than work in flight), a busiest subject's maximum multiplied over every subject,
 * or a load held against a ceiling borrowed for an outside party the prompt never names.
 */
function figuresMakeSense(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const r of d.capacity) {
    if (MACHINE_UNITS.test(r.unit) && r.value > FLEET_CEILING)
      out.push({
        rule: "figure-beyond-sense",
        detail: `${r.id} (${r.display}) counts more machines than any fleet runs`,
      });
    const rhs = r.formula.split(" = ")[1] ?? "";
    // the busiest subject's count times one participant's own rate is that subject's load, whatever the fleet's
    // inputs the chain behind them carries; only a fleet-wide term beside the maximum multiplies it over every subject
    const fleetTerm = (rhs.match(/[a-z_]+/g) ?? []).some(
      (v) => v !== "max_participants" && !/_per_participant/.test(v),
    );
    if (
      /\bmax_participants\b/.test(rhs) &&
      fleetTerm &&
      r.inputs.some((i) => i.name === "subjects" || i.name === "clients")
    )
      out.push({
        rule: "figure-beyond-sense",
        detail: `${r.id} multiplies the busiest subject's participants over every subject`,
      });
    if (
      r.kind === "headroom" &&
      r.value > 10 &&
      d.nfrs.party === "service" &&
      r.inputs.some((i) => i.name === "provider_requests_per_sec")
    )
      out.push({
        rule: "figure-beyond-sense",
        detail: `${r.id} (${r.display}) sets the load against a ceiling assumed for a party the prompt never names`,
      });
  }
  for (const b of d.bottlenecks)
    for (const m of (b.estimate ?? "").matchAll(MACHINES_SAID)) {
      const n = Number((m[1] ?? "").replace(/,/g, "")) * (SCALE_OF[m[2] ?? ""] ?? 1);
      if (n > FLEET_CEILING)
        out.push({
          rule: "figure-beyond-sense",
          detail: `'${b.bottleneck.slice(0, 60)}' sizes ${m[0]}, more machines than any fleet runs`,
        });
    }
  return out;
}

/**
 * Every way the design contradicts itself; empty when it is coherent. Pure and deterministic: a function of
 * the design's fields and, of its prompt, only the facts (`coherenceFacts`, the default).
 */
/** Width the sequence diagrams give a participant's name (engine/output/mermaid.ts). */
const PARTICIPANT_WIDTH = 56;

/**
 * A critical flow drawn as a sequence must run along the architecture's links: a caller that sends a
 * component a message with no link between them (fan-out workers that never reach the follower index)
 * is a box the drawing forgot to wire.
 */
/**
 * Each participant of a sequence with the component it draws: by its label, or, for a lifeline of one role a component
 * plays ("Source: Account shards (…)"), by the label that role and the component's name make.
 */
function participantComponents<C extends { name: string }>(
  mermaid: string,
  byLabel: ReadonlyMap<string, C>,
): Map<string, C> {
  const out = new Map<string, C>();
  for (const m of mermaid.matchAll(/^\s*participant (\S+) as (.*)$/gm)) {
    const label = m[2] as string;
    let c = byLabel.get(label);
    const role = /^([A-Z][a-z]*(?: [a-z]+)*)#58; /.exec(label)?.[1];
    if (!c && role)
      for (const x of byLabel.values())
        if (seqText(`${role}: ${x.name}`, PARTICIPANT_WIDTH) === label) {
          c = x;
          break;
        }
    if (c) out.set(m[1] as string, c);
  }
  return out;
}

/** Words that name one side of a two-party exchange, paired with the other side's. */
const PARTY_SIDES: readonly [RegExp, RegExp][] = [
  [/\bsource\b/i, /\bdestination\b/i],
  [/\bpayer\b/i, /\bpayee\b/i],
  [/\bsender'?s?\b/i, /\brecipient'?s?\b/i],
];
/** A message that speaks to two parties at once through one lifeline. */
const BOTH_PARTIES = /\b(?:on|to) both (?:shards|partitions|sides|accounts|groups)\b/i;

/**
 * A protocol between two parties of one kind (a cross-shard transfer's source and destination shards) draws each as its
 * own lifeline: one participant is never sent the messages for both sides, nor one message for both of them.
 */
function twoPartiesTwoLifelines(d: Checked): Problem[] {
  const out: Problem[] = [];
  for (const diagram of d.diagrams) {
    if (diagram.kind !== "sequence") continue;
    const heard = new Map<string, string[]>();
    for (const m of diagram.mermaid.matchAll(/^\s*(\S+?)-{1,2}>>(\S+?): (.*)$/gm)) {
      const [, from, to, text] = m as unknown as [string, string, string, string];
      if (from === to) continue;
      if (BOTH_PARTIES.test(text))
        out.push({ rule: "two-parties-one-lifeline", detail: `${diagram.title}: one lifeline is sent '${text}'` });
      heard.set(to, [...(heard.get(to) ?? []), text]);
    }
    for (const [, texts] of heard)
      for (const [a, b] of PARTY_SIDES) {
        const one = texts.find((t) => a.test(t) && !b.test(t));
        const other = texts.find((t) => b.test(t) && !a.test(t));
        if (one && other)
          out.push({
            rule: "two-parties-one-lifeline",
            detail: `${diagram.title}: one lifeline is sent both '${one}' and '${other}'`,
          });
      }
  }
  return out;
}

/**
 * Every path the prompt names (`STATED_PATHS`) is run by a drawn component that a link joins to the design: its name,
 * its work or one of its links' labels says so. A pager the prompt asks for and no part reaches is a missing part.
 */
export function statedPathsDrawn(d: Pick<Checked, "prompt" | "components" | "links">): Problem[] {
  const out: Problem[] = [];
  const labels = new Map<string, string[]>();
  for (const l of d.links) {
    labels.set(l.from, [...(labels.get(l.from) ?? []), l.label]);
    labels.set(l.to, [...(labels.get(l.to) ?? []), l.label]);
  }
  const texts = d.components
    .filter((c) => labels.has(c.id))
    .map((c) => [c.name, ...(c.runs ?? []), ...(labels.get(c.id) ?? [])].join("; "));
  for (const path of statedPaths(d.prompt))
    if (!texts.some((t) => path.runs.test(t)))
      out.push({
        rule: "stated-path-undrawn",
        detail: `the prompt names a path (${path.id}: ${path.what}) that no linked component runs`,
      });
  return out;
}

function messagesHaveLinks(d: Checked): Problem[] {
  const out: Problem[] = [];
  const byLabel = new Map(d.components.map((c) => [seqText(c.name, PARTICIPANT_WIDTH), c]));
  // joined: a chain of links leads from one to the other, either way (a reply to the client passes the gateway)
  const next = new Map<string, string[]>();
  for (const l of d.links) next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    const todo = [from];
    for (let at = todo.pop(); at !== undefined; at = todo.pop())
      for (const n of next.get(at) ?? []) {
        if (n === to) return true;
        if (seen.has(n)) continue;
        seen.add(n);
        todo.push(n);
      }
    return false;
  };
  for (const diagram of d.diagrams) {
    if (diagram.kind !== "sequence") continue;
    const who = new Map<string, string>();
    for (const [pid, c] of participantComponents(diagram.mermaid, byLabel)) who.set(pid, c.id);
    const seen = new Set<string>();
    for (const m of diagram.mermaid.matchAll(/^\s*(\S+?)-{1,2}>>(\S+?):/gm)) {
      const from = who.get(m[1] as string);
      const to = who.get(m[2] as string);
      if (!from || !to || from === to || seen.has(`${from}>${to}`) || seen.has(`${to}>${from}`)) continue;
      if (reaches(from, to) || reaches(to, from)) continue;
      seen.add(`${from}>${to}`);
      out.push({
        rule: "message-without-link",
        detail: `${diagram.title}: '${from}' messages '${to}', but no chain of links joins them`,
      });
    }
  }
  return out;
}

function productRecordIsState(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const row of d.dataModel.filter((m) => m.archetype === RECORD_PART)) {
    if (d.primaryState[0]?.entity !== row.entity)
      out.push({
        rule: "product-record-not-state",
        detail: `the product's own record ${row.entity} is drawn, but the first primary state is ${d.primaryState[0]?.entity ?? "nothing"}`,
      });
    if (!d.operations.some((o) => o.entity === row.entity && o.critical && isWrite(o)))
      out.push({
        rule: "product-record-not-state",
        detail: `no critical operation writes the product's own record ${row.entity}`,
      });
  }
  return out;
}

const FENCE_CHECK = /\b(?:fenc\w*|last_fence|tokens?)\b/i;

/**
 * A fencing token is checked by a resource we own: an outside party (kind external) neither holds a fence nor runs
 * or is drawn making a token check, since it cannot refuse a stale holder's request on our behalf.
 */
function fencesWeOwn(d: Checked): Problem[] {
  const out: Problem[] = [];
  const outsiders = d.components.filter((c) => c.kind === "external");
  for (const c of outsiders) {
    const said = [...c.holds, ...c.runs].find((x) => /ProtectedResource/.test(x) || FENCE_CHECK.test(x));
    if (said) out.push({ rule: "fence-at-outsider", detail: `${c.name} is outside the system, yet carries '${said}'` });
  }
  const names = new Set(outsiders.map((c) => seqText(c.name, PARTICIPANT_WIDTH)));
  const ours = d.components.filter((c) => c.kind !== "external").flatMap((c) => c.holds);
  for (const diagram of d.diagrams) {
    if (diagram.kind !== "sequence") continue;
    const outside = new Set<string>();
    for (const m of diagram.mermaid.matchAll(/^\s*participant (\S+) as (.*)$/gm))
      if (names.has(m[2] as string)) outside.add(m[1] as string);
    for (const m of diagram.mermaid.matchAll(/^\s*Note over (\S+?): checks (.*)$/gm)) {
      if (!outside.has(m[1] as string)) continue;
      if (FENCE_CHECK.test(m[2] as string))
        out.push({ rule: "fence-at-outsider", detail: `${diagram.title}: an outside party checks '${m[2]}'` });
      const record = ours.find((h) =>
        new RegExp(String.raw`\b${h.replace(/[^A-Za-z0-9_]/g, "\\$&")}\b`).test(m[2] as string),
      );
      if (record)
        out.push({
          rule: "outsider-checks-ours",
          detail: `${diagram.title}: an outside party is drawn checking our ${record} ('${m[2]}')`,
        });
    }
  }
  return out;
}

/** The work of a participant that only passes a request on to the part that serves it. */
const FORWARDS = /\b(?:route|forward|relay|redirect)\w*/i;

/** A record's field as a guard names it: `KeyValue.version`, `PartitionMap.epoch`. */
const GUARDED_FIELD = /\b([A-Z][A-Za-z0-9]*)\.[a-z_]+\b/g;

/**
 * A guard on a record's field is checked by the participant that holds the record: where the holder of a record a
 * check names is drawn in the sequence, the note sits on it, never on a coordinator or client that only forwards the
 * request (a compare-and-set on the version noted at the coordinator is not atomic with the write it guards).
 */
function guardsAtOwner(d: Checked): Problem[] {
  const out: Problem[] = [];
  const byLabel = new Map(d.components.map((c) => [seqText(c.name, PARTICIPANT_WIDTH), c]));
  // a record's holders: the components whose state lists it and the data model's owner of it (under the unit's
  // name, "That (KeyValue)", the card's name is in brackets); a client's copy (its session) is never the authority
  const holders = (entity: string) => {
    const ids = new Set(d.components.filter((c) => c.kind !== "client" && c.holds.includes(entity)).map((c) => c.id));
    for (const row of d.dataModel) if (row.entity === entity || row.entity.endsWith(`(${entity})`)) ids.add(row.owner);
    return ids;
  };
  for (const diagram of d.diagrams) {
    if (diagram.kind !== "sequence") continue;
    const parts = participantComponents(diagram.mermaid, byLabel);
    for (const m of diagram.mermaid.matchAll(/^\s*Note over (\S+?): checks (.*)$/gm)) {
      // a participant that holds no state and routes or forwards requests (a coordinator, a router) has nothing to
      // check a record against; one that holds state may check a copy it was handed (a fetcher's robots rules), and
      // one that decides (an auction's owner replaying its log) owns the check whatever it stores
      const at = parts.get(m[1] as string);
      if (!at || at.holds.length > 0 || !at.runs.some((r) => FORWARDS.test(r))) continue;
      for (const f of (m[2] as string).matchAll(GUARDED_FIELD)) {
        const owners = holders(f[1] as string);
        if (owners.size === 0 || owners.has(at.id) || owners.has(at.name)) continue;
        const drawn = [...parts.values()].find((c) => owners.has(c.id) || owners.has(c.name));
        if (drawn)
          out.push({
            rule: "guard-off-owner",
            detail: `${diagram.title}: ${at.name} is drawn checking '${f[0]}', which ${drawn.name} holds`,
          });
      }
    }
  }
  return out;
}

/**
 * A design that crawls other people's sites keeps politeness on the fetch path: no rate limiter (I08) that a
 * client's request passes on its way into our own API stands for it.
 */
function politenessOnFetchPath(d: Design): Problem[] {
  if (!subjectLeads(d, "crawl", "I04")) return [];
  const kind = new Map(d.components.map((c) => [c.id, c]));
  const out: Problem[] = [];
  for (const l of d.links) {
    const to = kind.get(l.to);
    if (to?.archetype !== "I08" || kind.get(l.from)?.kind !== "client") continue;
    out.push({
      rule: "politeness-off-fetch-path",
      detail: `${kind.get(l.from)?.name} passes ${to.name} on the way into the design's own API, not on the fetches to the sites`,
    });
  }
  return out;
}

/**
 * An input a model derives by the design's own rule (`floor` on its derivation: a politeness gap) is never below that
 * rule worked out from the values the design itself uses for the rule's inputs, wherever the input's value came from.
 */
function inputsHoldOwnRules(d: Design): Problem[] {
  const value = new Map<string, number>();
  for (const r of d.capacity) for (const i of r.inputs) if (!value.has(i.name)) value.set(i.name, i.value);
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const r of d.capacity) {
    const model = capacityModel(
      r.archetype as ArchetypeId,
      d.nfrs.topics?.map((value) => ({ value })),
    );
    for (const spec of model?.inputs ?? []) {
      const has = value.get(spec.quantity);
      if (has === undefined || seen.has(spec.quantity)) continue;
      const from = spec.from === undefined ? [] : Array.isArray(spec.from) ? spec.from : [spec.from];
      for (const rule of from.filter((x) => x.floor)) {
        const expr = formulaOf(rule.expression);
        const vars: Record<string, number> = {};
        for (const v of formulaVariables(expr)) {
          const x = value.get(v);
          if (x !== undefined) vars[v] = x;
        }
        const floor =
          Object.keys(vars).length === formulaVariables(expr).size ? evaluateFormula(expr, vars) : undefined;
        if (floor === undefined || has >= floor * 0.9999) continue;
        seen.add(spec.quantity);
        out.push({
          rule: "input-below-own-rule",
          detail: `${spec.quantity} is ${has}, below its own rule ${rule.expression} = ${floor} (${rule.why})`,
        });
      }
    }
  }
  return out;
}

/**
 * A stated latency target below one round trip between regions cannot be met for readers a region away: with no
 * region count stated and a read served from a copy, the design serves that read from more than one region (and a
 * target so tight that only in-region callers meet it is left alone).
 */
function latencyWithinReach(d: Design): Problem[] {
  const tightest = [...d.nfrs.latency].sort((a, b) => a.ms - b.ms)[0];
  if (!tightest || tightest.ms >= REGION_REACH.crossRegionRttMs || tightest.ms < REGION_REACH.inRegionMs) return [];
  if (d.nfrs.regions > 1 || (d.context.servingRegions?.value ?? 1) > 1) return [];
  const copy = d.readPaths.find((r) => r.servedBy !== "authority");
  if (!copy) return [];
  return [
    {
      rule: "latency-beyond-one-region",
      detail: `'${tightest.quote}' is below the worst round trip between two regions of one continent, yet '${copy.read}' (served from a ${copy.servedBy}) is served from one region`,
    },
  ];
}

/**
 * A step the prompt asks its answers at ("per-minute aggregates") over a range it states ("the last 90 days") is kept
 * for the whole range (knowledge/resolutions.ts): a chosen option that keeps coarser rollups (5-minute and 1-hour)
 * in place of the finer data for part of that range, raw data kept for less than the range, cannot answer it there.
 */
function rollupsCoarserThanQuery(d: Design): Problem[] {
  const said = pattern(STATED_STEP, "i").exec(d.prompt);
  const asked = said ? stepSeconds(said) : undefined;
  if (!said || asked === undefined) return [];
  const inputs = d.capacity.flatMap((r) => r.inputs);
  const range = inputs.find((i) => i.name === "retention_days" && i.source === "stated");
  if (!range) return [];
  const raw = inputs.find((i) => i.name === "raw_retention_days");
  if (raw && raw.value >= range.value) return [];
  const out: Problem[] = [];
  for (const dec of d.decisions) {
    const o = dec.options.find((x) => x.id === dec.chosen);
    if (!o || !pattern(ROLLUP_TEXT, "i").test(o.name)) continue;
    const steps = [...o.name.matchAll(pattern(KEPT_STEP, "gi"))].flatMap((k) => {
      const unit = STEP_SECONDS[(k[2] ?? "").toLowerCase()];
      return unit === undefined ? [] : [Number(k[1]) * unit];
    });
    if (steps.length === 0) continue;
    const finest = Math.min(...steps);
    if (finest <= asked) continue;
    out.push({
      rule: "rollup-coarser-than-query",
      detail: `'${said[0]}' asks for a ${asked} s step over the stated ${range.value} days, yet ${dec.id} keeps '${o.name}'${raw ? `, raw data only ${raw.value} days` : ""}: past that the finest step left is ${finest} s`,
    });
  }
  return out;
}

/**
 * A count a figure holds against a tolerance (`below` on its spec: pieces a zone's loss takes against the pieces the
 * code may lose) stays strictly under it in the values the design uses: reaching it leaves no margin for one more failure.
 */
function countsUnderTolerance(d: Design): Problem[] {
  const value = new Map<string, number>();
  for (const r of d.capacity) for (const i of r.inputs) if (!value.has(i.name)) value.set(i.name, i.value);
  const out: Problem[] = [];
  for (const r of d.capacity) {
    const model = capacityModel(
      r.archetype as ArchetypeId,
      d.nfrs.topics?.map((value) => ({ value })),
    );
    const spec = model?.figures.find((f) => f.id === r.id);
    const limit = spec?.below ? value.get(spec.below) : undefined;
    if (spec?.below && limit !== undefined && r.value >= limit)
      out.push({
        rule: "count-reaches-tolerance",
        detail: `${r.id} (${r.display}) reaches ${spec.below} = ${limit}: no margin is left for one more failure`,
      });
  }
  return out;
}

/**
 * A design about money moved between its own accounts (topic "ledger", with no outside party named) draws no outside
 * party for it, and where it is a sharded ledger (I16 leads) it keeps the ledger's shape: accounts, a transfer keyed
 * by its transfer id, a journal, and the conservation rule.
 */
function ledgerShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("ledger")) return [];
  if (ownAccounts(tokenize(d.prompt)) === undefined) return [];
  const out: Problem[] = [];
  for (const c of d.components.filter((x) => (LEDGER_SHAPE.outsideKinds as readonly string[]).includes(x.kind)))
    out.push({
      rule: "ledger-shape",
      detail: `${c.name} is an outside party, but the money moves between the system's own accounts`,
    });
  if (d.archetypes[0]?.id !== "I16") return out;
  for (const e of undrawn(d, LEDGER_SHAPE.entities))
    out.push({ rule: "ledger-shape", detail: `the ledger draws no ${e}` });
  if (!d.dataModel.some((m) => m.key.includes(LEDGER_SHAPE.transferKey)))
    out.push({
      rule: "ledger-shape",
      detail: `no entity is keyed by ${LEDGER_SHAPE.transferKey}, so a retried transfer can move money twice`,
    });
  if (!d.invariants.some((i) => LEDGER_SHAPE.conservation.test(i.statement)))
    out.push({ rule: "ledger-shape", detail: "no invariant says that money is conserved" });
  return out;
}

/**
 * A design about a distributed SQL database (topic "distributed-sql", I16 leading) keeps its shape: rows and
 * transaction records drawn, a rule about commit timestamps, linearizable state, and no leaderless machinery.
 */
function distributedSqlShape(d: Design): Problem[] {
  if (!subjectLeads(d, "distributed-sql", "I16")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, SQL_SHAPE.entities))
    out.push({ rule: "distributed-sql-shape", detail: `the database draws no ${e}` });
  if (!d.invariants.some((i) => SQL_SHAPE.orderRule.test(i.statement)))
    out.push({ rule: "distributed-sql-shape", detail: "no invariant says what order commit timestamps keep" });
  if (d.nfrs.consistency !== "linearizable")
    out.push({ rule: "distributed-sql-shape", detail: `its transactions are ${d.nfrs.consistency}, not linearizable` });
  for (const m of d.mechanisms.filter((x) => (SQL_SHAPE.leaderless as readonly string[]).includes(x.id)))
    out.push({ rule: "distributed-sql-shape", detail: `${m.name} is a leaderless store's mechanism` });
  return out;
}

/**
 * A design about change data capture (topic "cdc", led by the projection pipeline) draws the capture from the source's
 * log: the replication slot, the connector that reads it, an apply guarded by the change's log position at every sink,
 * and no write API in front of the database; a named cache sink ("cdc-cache") holds its own LSN-guarded copy.
 */
function cdcShape(d: Design): Problem[] {
  const topics = d.nfrs.topics ?? [];
  if (!topics.includes("cdc") || d.archetypes[0]?.id !== "I06") return [];
  const out: Problem[] = [];
  const positions = topics.includes("cdc-mysql") ? CDC_SHAPE.mysqlEntities : CDC_SHAPE.entities;
  for (const e of undrawn(d, positions)) out.push({ rule: "cdc-shape", detail: `the capture draws no ${e}` });
  if (!d.components.some((c) => c.id === CDC_SHAPE.connector))
    out.push({ rule: "cdc-shape", detail: "no connector reads the source's log" });
  if (d.components.some((c) => c.id === CDC_SHAPE.noWriteApi))
    out.push({
      rule: "cdc-shape",
      detail: "a write API stands in front of the database the applications write directly",
    });
  if (!d.invariants.some((i) => CDC_SHAPE.lsnGuard.test(i.statement)))
    out.push({ rule: "cdc-shape", detail: "no invariant guards a sink's apply by the change's log position" });
  if (topics.includes("cdc-cache") && !d.components.some((c) => c.holds.includes(CDC_SHAPE.cacheEntity)))
    out.push({ rule: "cdc-shape", detail: "the cache the prompt names as a sink has no copy of its own" });
  return out;
}

/**
 * A design about a durable workflow engine (topic "workflow-engine", led by I12) keeps its shape: executions, their
 * history events, the tasks the history implies and the shards that own them; task queues that workers poll; an
 * activity completion fenced by its attempt; and no payment provider or refund for an engine that moves no money.
 */
function workflowEngineShape(d: Design): Problem[] {
  const topics = d.nfrs.topics ?? [];
  if (!topics.includes("workflow-engine") || d.archetypes[0]?.id !== "I12") return [];
  const out: Problem[] = [];
  for (const e of WF_SHAPE.entities)
    if (!d.dataModel.some((m) => m.entity.includes(e)))
      out.push({ rule: "workflow-engine-shape", detail: `the engine draws no ${e}` });
  if (!d.components.some((c) => c.id === WF_SHAPE.taskQueues))
    out.push({ rule: "workflow-engine-shape", detail: "no task queues hand work to polling workers" });
  if (!d.invariants.some((i) => WF_SHAPE.attemptFence.test(i.statement)))
    out.push({ rule: "workflow-engine-shape", detail: "no invariant refuses a completion from another attempt" });
  if (!topics.includes("money") && WF_SHAPE.money.test(JSON.stringify([d.components, d.failures, d.capacity])))
    out.push({ rule: "workflow-engine-shape", detail: "a payment provider's rows appear though no money moves" });
  return out;
}

/**
 * A design of the payment provider itself (topic "psp", led by I12) keeps its shape: payments, idempotency keys
 * scoped by merchant, ledger lines kept by movement (lines partitioned by account could not commit together), an
 * acquirer drawn outside, and no payment provider bought from another (the merchant's side of the same words).
 */
function pspShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("psp") || d.archetypes[0]?.id !== "I12") return [];
  const out: Problem[] = [];
  for (const e of PSP_SHAPE.entities)
    if (!d.dataModel.some((m) => m.entity === e)) out.push({ rule: "psp-shape", detail: `the provider draws no ${e}` });
  const key = d.dataModel.find((m) => m.entity === "IdempotencyKey");
  if (key && !PSP_SHAPE.keyScope.every((k) => key.key.includes(k)))
    out.push({
      rule: "psp-shape",
      detail: "an idempotency key is not scoped by merchant, so two merchants' keys collide",
    });
  const ledger = d.dataModel.find((m) => m.entity === PSP_SHAPE.ledger);
  if (ledger && (!ledger.key.includes(PSP_SHAPE.ledgerKey) || /\baccount\b/i.test(ledger.partitionKey ?? "")))
    out.push({
      rule: "psp-shape",
      detail: "ledger lines are not kept by movement, so one movement's lines span shards and cannot commit together",
    });
  if (!d.components.some((c) => c.kind === "external" && PSP_SHAPE.outside.test(c.name)))
    out.push({ rule: "psp-shape", detail: "no acquirer is drawn, so nothing outside charges the card" });
  for (const c of d.components.filter((x) => x.kind === "external" && PSP_SHAPE.bought.test(x.name)))
    out.push({ rule: "psp-shape", detail: `'${c.name}' buys the payment provider the design is asked to build` });
  return out;
}

/** A design about counting events in windows (topic "aggregation") has the shape that counts each event once. */
function aggregationShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("aggregation")) return [];
  // a count of people's own likes is made through the system's own API: its repeat is told apart by the (item,
  // person) row and its total is a running total, not windows over events from outside (shown-count-shape checks it)
  if ((d.nfrs.topics ?? []).includes("reaction")) return [];
  if (!d.archetypes.some((a) => a.id === "I06")) return [];
  const out: Problem[] = [];
  const keyed = (k: string) => d.dataModel.some((m) => m.key.includes(k));
  if (!keyed(AGG_SHAPE.eventKey))
    out.push({
      rule: "aggregation-shape",
      detail: `no entity is keyed by ${AGG_SHAPE.eventKey}, so a repeat cannot be told apart`,
    });
  if (!keyed(AGG_SHAPE.windowKey))
    out.push({
      rule: "aggregation-shape",
      detail: `no entity is keyed by ${AGG_SHAPE.windowKey}, so totals are not windowed`,
    });
  if (!d.capacity.some((c) => c.id === AGG_SHAPE.hotKeyFigure))
    out.push({ rule: "aggregation-shape", detail: `the hottest key's rate (${AGG_SHAPE.hotKeyFigure}) is not sized` });
  for (const m of d.dataModel.filter((x) => (AGG_SHAPE.projectionEntities as readonly string[]).includes(x.entity)))
    out.push({ rule: "aggregation-shape", detail: `${m.entity} is a record-by-record projection's entity` });
  return out;
}

/**
 * A design whose count is shown beside the thing counted (topic "shown-count") serves it from a running total per
 * key: a store holds it, a read path reads it, the reads are sized, and a stated freshness bound reaches the figure
 * for the time to a shown count (which `stated-bound-exceeded` then holds to it).
 */
function shownCountShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("shown-count")) return [];
  if (!d.archetypes.some((a) => a.id === "I06")) return [];
  const out: Problem[] = [];
  if (!d.components.some((c) => c.holds.includes(COUNTER_SHAPE.total)))
    out.push({
      rule: "shown-count-shape",
      detail: `no component holds ${COUNTER_SHAPE.total}, so the shown count has no serving store`,
    });
  if (!d.readPaths.some((r) => r.entity === COUNTER_SHAPE.total))
    out.push({
      rule: "shown-count-shape",
      detail: `no read path reads ${COUNTER_SHAPE.total}, so pages read the count from nowhere`,
    });
  if (!d.capacity.some((c) => c.id === COUNTER_SHAPE.readsFigure))
    out.push({ rule: "shown-count-shape", detail: `the count reads (${COUNTER_SHAPE.readsFigure}) are not sized` });
  const visible = d.capacity.find((c) => c.id === COUNTER_SHAPE.visibleFigure);
  if (d.nfrs.scale[COUNTER_SHAPE.bound] !== undefined && visible?.bound?.quantity !== COUNTER_SHAPE.bound)
    out.push({
      rule: "shown-count-shape",
      detail: `the stated ${COUNTER_SHAPE.bound} bounds no time to a shown count (${COUNTER_SHAPE.visibleFigure})`,
    });
  return out;
}

/**
 * A design about suggesting completions as people type (topic "typeahead") has a prefix index, a suggest call and a
 * latency budget split against the stated target, and none of the change-capture projection's entities.
 */
function typeaheadShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("typeahead")) return [];
  // the typeahead is the design's own subject only where the index leads an archetype-led design; a product's
  // search feature hosts the index in its own components
  if (d.archetypes[0]?.id !== "I06" || d.branch.kind === "product") return [];
  const out: Problem[] = [];
  if (!d.dataModel.some((m) => m.key.includes(TA_SHAPE.prefixKey)))
    out.push({
      rule: "typeahead-shape",
      detail: `no entity is keyed by ${TA_SHAPE.prefixKey}, so there is no prefix index`,
    });
  if (!d.api.some((a) => TA_SHAPE.suggestCall.test(a.operation)))
    out.push({ rule: "typeahead-shape", detail: "no API call suggests completions for a prefix" });
  if (d.nfrs.latency.length > 0 && !d.capacity.some((c) => c.id === TA_SHAPE.latencyFigure))
    out.push({
      rule: "typeahead-shape",
      detail: `the stated latency target (${d.nfrs.latency[0]?.quote}) is split by no figure (${TA_SHAPE.latencyFigure})`,
    });
  for (const m of d.dataModel.filter((x) => (TA_SHAPE.projectionEntities as readonly string[]).includes(x.entity)))
    out.push({ rule: "typeahead-shape", detail: `${m.entity} is a change-capture projection's entity` });
  // the trending overlay is pushed into the serving replicas' memory; a suggest request never waits on its counter
  const overlayHome = d.components.find((c) => c.holds.includes(TA_SHAPE.overlayEntity))?.id;
  const listHome = d.components.find((c) => c.holds.includes(TA_SHAPE.listEntity))?.id;
  if (overlayHome && overlayHome !== listHome)
    out.push({
      rule: "typeahead-shape",
      detail: `${TA_SHAPE.overlayEntity} is kept apart from the ${TA_SHAPE.listEntity} it is merged with, so a suggest request calls its holder`,
    });
  return out;
}

/**
 * A vector similarity search design (topic "vector-search", led by I06) keeps its shape: vectors by id in a store of
 * record, ANN index segments and a collection that names its model version, a nearest-neighbour search call, the
 * index memory and the shards sized from the count and the dimensions, and none of a text index's terms, analyzers,
 * postings or the record-by-record projection's index documents.
 */
function vectorSearchShape(d: Design): Problem[] {
  if (!subjectLeads(d, "vector-search", "I06") || d.branch.kind === "product") return [];
  const out: Problem[] = [];
  // a record the prompt names in its own words is drawn as "Document (VectorRecord)"
  for (const e of undrawnOrRenamed(d, VEC_SHAPE.entities))
    out.push({ rule: "vector-search-shape", detail: `no ${e} record is drawn` });
  if (!d.api.some((a) => VEC_SHAPE.searchCall.test(a.operation)))
    out.push({ rule: "vector-search-shape", detail: "no API call searches for the nearest neighbours" });
  for (const [id, what] of [
    [VEC_SHAPE.memory, "the index memory is not sized from the count and the dimensions"],
    [VEC_SHAPE.shards, "the shards are not sized from the index memory"],
  ] as const)
    if (!d.capacity.some((c) => c.id === id)) out.push({ rule: "vector-search-shape", detail: what });
  out.push(...residueProblems(d, "vector-search-shape", VEC_SHAPE.residue, "belongs to a text search index"));
  return out;
}

/**
 * A design about ranking members by a changing score (topic "leaderboard", led by I06) draws the score record and the
 * ordered set, reads a rank and the top through its API, bounds the time to a visible rank by a stated freshness, and
 * draws none of the search projection's change-capture entities: a leaderboard's rank is never a search query.
 */
function leaderboardShape(d: Design): Problem[] {
  if (!subjectLeads(d, "leaderboard", "I06") || d.branch.kind === "product") return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, LB_SHAPE.entities))
    out.push({ rule: "leaderboard-shape", detail: `no ${e} record is drawn` });
  if (!d.api.some((a) => LB_SHAPE.rankCall.test(a.operation)))
    out.push({ rule: "leaderboard-shape", detail: "no API call reads a member's rank" });
  if (!d.api.some((a) => LB_SHAPE.topCall.test(a.operation)))
    out.push({ rule: "leaderboard-shape", detail: "no API call reads the top of a board" });
  const visible = d.capacity.find((c) => c.id === LB_SHAPE.visibleFigure);
  if (d.nfrs.scale[LB_SHAPE.bound] !== undefined && visible?.bound?.quantity !== LB_SHAPE.bound)
    out.push({
      rule: "leaderboard-shape",
      detail: `the stated ${LB_SHAPE.bound} bounds no time to a visible rank (${LB_SHAPE.visibleFigure})`,
    });
  for (const m of d.dataModel.filter((x) => (LB_SHAPE.projectionEntities as readonly string[]).includes(x.entity)))
    out.push({ rule: "leaderboard-shape", detail: `${m.entity} is a search projection's entity` });
  return out;
}

/**
 * A design about a shared board of objects (topic "whiteboard") led by a shared subject keeps its objects as state,
 * sets their properties through its API, and carries cursors on the board's own connections: no registry entity,
 * and no durable component holds a cursor.
 */
function whiteboardShape(d: Design): Problem[] {
  if (!subjectLeads(d, "whiteboard", "I13")) return [];
  const out: Problem[] = [];
  if (!d.dataModel.some((m) => m.entity === BOARD_SHAPE.objectEntity))
    out.push({
      rule: "whiteboard-shape",
      detail: `no ${BOARD_SHAPE.objectEntity} is kept, so the board has no objects`,
    });
  if (!d.api.some((a) => BOARD_SHAPE.setCall.test(a.operation)))
    out.push({ rule: "whiteboard-shape", detail: "no API call sets an object's properties" });
  for (const m of d.dataModel.filter((x) => (BOARD_SHAPE.registryEntities as readonly string[]).includes(x.entity)))
    out.push({ rule: "whiteboard-shape", detail: `${m.entity} puts the board's presence in a registry` });
  for (const c of d.components.filter(
    (x) =>
      (BOARD_SHAPE.durableKinds as readonly string[]).includes(x.kind) &&
      (x.holds ?? []).includes(BOARD_SHAPE.presenceEntity),
  ))
    out.push({ rule: "whiteboard-shape", detail: `${c.name} keeps cursors durably` });
  return out;
}

/**
 * A time-series design about readings devices push (topic "iot") led by the telemetry pipeline keeps a device
 * record, accepts late samples within a window, and draws no scraping or alert-rule machinery.
 */
function iotShape(d: Design): Problem[] {
  if (!subjectLeads(d, "iot", "I18")) return [];
  const out: Problem[] = [];
  if (!d.dataModel.some((m) => m.entity === IOT_SHAPE.deviceEntity))
    out.push({ rule: "iot-shape", detail: `no ${IOT_SHAPE.deviceEntity} record says what each series measures` });
  for (const i of d.invariants.filter((x) => IOT_SHAPE.refusesLate.test(x.statement)))
    out.push({ rule: "iot-shape", detail: `'${i.statement}' refuses the late samples devices send after buffering` });
  out.push(...residueProblems(d, "iot-shape", IOT_SHAPE.residue, "draws a server fleet's scraping or alert rules"));
  return out;
}

/** A design about `topic` that `lead` leads: the designs a subject's shape rule checks. */
function subjectLeads(d: Design, topic: Topic, lead: ArchetypeId): boolean {
  return (d.nfrs.topics ?? []).includes(topic) && d.archetypes[0]?.id === lead;
}

/** The entities of `names` the design's data model does not draw. */
function undrawn(d: Design, names: readonly string[]): string[] {
  return names.filter((e) => !d.dataModel.some((m) => m.entity === e));
}

/** `undrawn`, where a record drawn under the prompt's own name ("Document (VectorRecord)") counts as drawn. */
function undrawnOrRenamed(d: Design, names: readonly string[]): string[] {
  return names.filter((e) => !d.dataModel.some((m) => m.entity === e || m.entity.endsWith(`(${e})`)));
}

/**
 * A shape's timed path (a change's propagation hop by hop, one request's latency part by part): sized by its capacity
 * row, and that row bound by the stated target when the prompt states one. `path` and `noPath` name it in the problem.
 */
function pathUnbound(
  d: Design,
  rule: CoherenceRule,
  id: string,
  bound: string,
  path: string,
  noPath: string,
): Problem[] {
  const row = d.capacity.find((c) => c.id === id);
  if (!row) return [{ rule, detail: `${path} is not sized` }];
  if (d.nfrs.scale[bound] !== undefined && row.bound?.quantity !== bound)
    return [{ rule, detail: `the stated ${bound} bounds no ${noPath}` }];
  return [];
}

/** The products a design's technology rows choose, each with where it is. */
function boughtProducts(d: Design): { where: string; text: string }[] {
  return d.technology.flatMap((t) => t.choices.map((c) => ({ where: `technology '${c.product}'`, text: c.product })));
}

/** What a design draws, each part with where it is: components, failure rows, API calls and entities. */
function drawnParts(d: Design): { where: string; text: string }[] {
  return [
    ...d.components.map((c) => ({ where: `component '${c.name}'`, text: `${c.name} ${c.runs.join(" ")}` })),
    ...d.failures.map((f) => ({ where: "a failure row", text: f.failure })),
    ...d.api.map((a) => ({ where: `API '${a.operation}'`, text: `${a.operation} ${a.errors.join(" ")}` })),
    ...d.dataModel.map((m) => ({ where: `entity '${m.entity}'`, text: m.entity })),
  ];
}

/**
 * A subject's shape problems for each drawn part (and, with `bought`, each product chosen) whose words are another
 * shape's residue, each said as the part and what it belongs to.
 */
function residueProblems(d: Design, rule: CoherenceRule, residue: RegExp, belongs: string, bought = false): Problem[] {
  return [...drawnParts(d), ...(bought ? boughtProducts(d) : [])]
    .filter((y) => residue.test(y.text))
    .map((x) => ({ rule, detail: `${x.where} ${belongs}` }));
}

/**
 * A telemetry design about log lines (topic "logs") keeps acknowledged lines in a durable buffer, holds the time to
 * searchable to the stated freshness, and draws none of a metrics pipeline's or another card's machinery.
 */
function logsShape(d: Design): Problem[] {
  if (!subjectLeads(d, "logs", "I18")) return [];
  const out: Problem[] = [];
  if (!d.components.some((c) => c.id === LOGS_SHAPE.buffer && c.holds.includes(LOGS_SHAPE.record)))
    out.push({
      rule: "logs-shape",
      detail: `no durable buffer holds the ${LOGS_SHAPE.record}, so an outage of the index loses lines`,
    });
  const fresh = d.capacity.find((c) => c.id === LOGS_SHAPE.freshness);
  if (!fresh)
    out.push({
      rule: "logs-shape",
      detail: `the time until a line is searchable (${LOGS_SHAPE.freshness}) is not sized`,
    });
  else if (d.nfrs.scale[LOGS_SHAPE.bound] !== undefined && fresh.bound?.quantity !== LOGS_SHAPE.bound)
    out.push({
      rule: "logs-shape",
      detail: `the stated ${LOGS_SHAPE.bound} bounds no time until a line is searchable`,
    });
  out.push(
    ...residueProblems(
      d,
      "logs-shape",
      LOGS_SHAPE.residue,
      "draws machinery of metrics, config rollout or change capture",
    ),
  );
  return out;
}

/**
 * A telemetry design about trace spans (topic "traces") stores spans by trace id, keeps each trace whole by one
 * sampling decision, and draws none of a metrics pipeline's machinery.
 */
function tracesShape(d: Design): Problem[] {
  if (!subjectLeads(d, "traces", "I18")) return [];
  const out: Problem[] = [];
  const span = d.dataModel.find((m) => m.entity === TRACES_SHAPE.span);
  if (!span?.partitionKey?.includes(TRACES_SHAPE.spanKey))
    out.push({
      rule: "traces-shape",
      detail: `no ${TRACES_SHAPE.span} is stored by ${TRACES_SHAPE.spanKey}, so a trace is no single read`,
    });
  if (!d.mechanisms.some((m) => m.id === TRACES_SHAPE.sampling))
    out.push({
      rule: "traces-shape",
      detail: "no mechanism makes one sampling decision per trace, so stored traces have holes",
    });
  out.push(
    ...residueProblems(
      d,
      "traces-shape",
      TRACES_SHAPE.residue,
      "draws a metrics pipeline's series, scraping or alert rules",
    ),
  );
  return out;
}

/**
 * A fleet that runs untrusted code (topic "untrusted-code", led by I15) keeps its shape: submissions and their
 * verdicts drawn, isolation held as an invariant, and no schedule materializer, rollout controller, invocation router
 * or managed function platform of a neighbouring card.
 */
function untrustedCodeShape(d: Design): Problem[] {
  if (!subjectLeads(d, "untrusted-code", "I15")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, SANDBOX_SHAPE.entities))
    out.push({ rule: "untrusted-code-shape", detail: `no ${e} record is drawn` });
  if (!d.invariants.some((i) => SANDBOX_SHAPE.isolation.test(i.statement)))
    out.push({ rule: "untrusted-code-shape", detail: "no invariant keeps a run off the network" });
  const drawn = [
    ...d.components.map((c) => ({ where: `component '${c.name}'`, text: c.name })),
    ...d.api.map((a) => ({ where: `API '${a.operation}'`, text: a.call })),
    ...boughtProducts(d),
  ];
  for (const x of drawn.filter((y) => SANDBOX_SHAPE.residue.test(y.text)))
    out.push({
      rule: "untrusted-code-shape",
      detail: `${x.where} belongs to a scheduler, rollout or function platform`,
    });
  return out;
}

/**
 * The JSON text of a design's fields, made once per `coherenceParts` run: several rules scan the same fields' text
 * (source paths, subject leftovers, party facts). Emptied when the run ends, so a design edited between two checks is
 * read afresh; the texts made of values not yet frozen are handed on once the design is (`keepFieldTexts`). A frozen
 * value's text made earlier (by a design's JSON) is read, not made again.
 */
let fieldTexts: { d: Design; json: Map<string, readonly [unknown, string | undefined]> } | undefined;
/** The last run's texts, until `keepFieldTexts` takes them. */
let madeTexts: typeof fieldTexts;
function fieldJson(d: Design, field: string): string | undefined {
  const value = (d as unknown as Record<string, unknown>)[field];
  if (fieldTexts?.d !== d) return JSON.stringify(value);
  const made = fieldTexts.json.get(field);
  if (made !== undefined) return made[1];
  const text =
    (typeof value === "object" && value !== null && Object.isFrozen(value) ? keptJsonText(value) : undefined) ??
    JSON.stringify(value);
  fieldTexts.json.set(field, [value, text]);
  return text;
}

/**
 * Hands the JSON texts the last `coherenceParts` run made of a design's field values to keep.ts (`keepJsonTexts`), so
 * the design's JSON is not made again: called by `deriveDesign` once the design is frozen, with nothing changing its
 * values between the run and the freezing. A value the design no longer holds (its `coherence`, set after the run) is
 * left out.
 */
export function keepFieldTexts(d: Design): void {
  if (madeTexts?.d !== d) return;
  const texts: [object, string][] = [];
  for (const [field, [value, text]] of madeTexts.json)
    if (
      typeof value === "object" &&
      value !== null &&
      text !== undefined &&
      (d as unknown as Record<string, unknown>)[field] === value
    )
      texts.push([value, text]);
  madeTexts = undefined;
  keepJsonTexts(texts);
}

/**
 * A DAG scheduler (topic "dag-workflow", led by I03) keeps its shape: DAG runs and task instances drawn, one running
 * try per task instance held as an invariant, and no payment outbox, provider webhook, durable-execution history or
 * consensus lock store of a neighbouring card (Airflow's schedulers share the metadata database's row locks).
 */
function dagWorkflowShape(d: Design): Problem[] {
  if (!subjectLeads(d, "dag-workflow", "I03")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, DAG_SHAPE.entities))
    out.push({ rule: "dag-workflow-shape", detail: `no ${e} record is drawn` });
  if (!d.invariants.some((i) => DAG_SHAPE.oneTry.test(i.statement)))
    out.push({ rule: "dag-workflow-shape", detail: "no invariant keeps a task instance to one running try" });
  const drawn = [
    ...d.components.map((c) => ({ where: `component '${c.name}'`, text: c.name })),
    ...d.primaryState.map((e) => ({ where: `record '${e.entity}'`, text: e.entity })),
    ...d.api.map((a) => ({ where: `API '${a.operation}'`, text: `${a.operation} ${a.call}` })),
    ...d.failures.map((f) => ({ where: `failure '${f.failure.slice(0, 40)}'`, text: f.failure })),
    ...d.decisions.map((x) => ({
      where: `decision '${x.id}'`,
      text: x.options.find((o) => o.id === x.chosen)?.name ?? "",
    })),
  ];
  for (const x of drawn.filter((y) => DAG_SHAPE.residue.test(y.text)))
    out.push({
      rule: "dag-workflow-shape",
      detail: `${x.where} belongs to a payment workflow, a durable-execution engine or a lock service`,
    });
  return out;
}

/** The design's rows a leftover of another subject would sit in (not its decisions, whose options weigh other subjects). */
const SUBJECT_ROWS = [
  "nfrs",
  "overlay",
  "operations",
  "primaryState",
  "invariants",
  "components",
  "api",
  "failures",
  "bottlenecks",
] as const;

const TELLS = SUBJECT_TELLS.map((t) => ({ ...t, re: new RegExp(t.words, "i") }));

/**
 * No row speaks of a subject the design does not have (`knowledge/topics.ts` SUBJECT_TELLS): a fraud row billing an
 * advertiser in a trending-hashtags design, a function invocation in an online judge, a metrics series in a log
 * pipeline's stance are rows carried in from a neighbouring card or subject.
 */
function subjectLeftovers(d: Design): Problem[] {
  const spoken = d.nfrs.topics ?? [];
  const out: Problem[] = [];
  for (const t of TELLS) {
    if (t.topic !== undefined ? spoken.includes(t.topic) : !(t.unlessTopic ?? []).some((u) => spoken.includes(u)))
      continue;
    for (const field of SUBJECT_ROWS) {
      const text = (d[field] ?? undefined) === undefined ? '""' : (fieldJson(d, field) ?? "");
      const m = t.re.exec(text);
      if (m)
        out.push({
          rule: "subject-leftover",
          detail: `${field} speaks of ${t.subject} ('${m[0]}') in a design that ${t.topic ? `does not speak of ${t.topic}` : `is about ${(t.unlessTopic ?? []).filter((u) => spoken.includes(u)).join(", ")}`}`,
        });
    }
  }
  return out;
}

/**
 * A photo store (topic "media-store", led by I19) keeps its shape: its photos, volumes and needles drawn, an upload
 * acknowledged once durable, durability never best-effort, the bytes a day sized, and no purge machinery of a
 * cache-invalidation system, config rollout, file-system lease or bought object store.
 */
function mediaStoreShape(d: Design): Problem[] {
  if (!subjectLeads(d, "media-store", "I19")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, MEDIA_SHAPE.entities))
    out.push({ rule: "media-store-shape", detail: `no ${e} record is drawn` });
  const upload = d.api.find((a) => a.operation === MEDIA_SHAPE.upload);
  if (!upload || !/\bdurable\b/i.test(upload.guarantee))
    out.push({ rule: "media-store-shape", detail: "no upload call is acknowledged only once the photo is durable" });
  if (d.nfrs.durability !== "durable")
    out.push({
      rule: "media-store-shape",
      detail: `durability is ${d.nfrs.durability}, so a stored photo may be lost`,
    });
  if (!d.capacity.some((c) => c.id === MEDIA_SHAPE.growth))
    out.push({ rule: "media-store-shape", detail: "the bytes the store adds a day are not sized" });
  out.push(
    ...residueProblems(
      d,
      "media-store-shape",
      MEDIA_SHAPE.residue,
      "belongs to a cache purge, a config rollout, a file system or a bought object store",
      true,
    ),
  );
  return out;
}

/**
 * A sign-in and password-reset design (topic "auth", led by I16) keeps its shape: accounts, reset tokens and sessions
 * drawn, the single use of a reset token held as a rule, the auth fleet sized by its hash CPU, and no credential write
 * settled by last writer wins or a merge of concurrent versions, which would let two regions each consume one token.
 */
function authShape(d: Design): Problem[] {
  if (!subjectLeads(d, "auth", "I16")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, AUTH_SHAPE.entities)) out.push({ rule: "auth-shape", detail: `no ${e} record is drawn` });
  if (!d.invariants.some((i) => AUTH_SHAPE.once.test(i.statement)))
    out.push({ rule: "auth-shape", detail: "no rule says that a reset token is never used twice" });
  if (!d.capacity.some((c) => c.id === AUTH_SHAPE.hashCost))
    out.push({ rule: "auth-shape", detail: "the auth fleet is not sized by the CPU its password hashes take" });
  out.push(...residueProblems(d, "auth-shape", AUTH_SHAPE.residue, "settles concurrent credential writes by a merge"));
  for (const row of d.decisions) {
    const chosen = row.options.find((o) => o.id === row.chosen);
    if (chosen && AUTH_SHAPE.residue.test(chosen.name))
      out.push({ rule: "auth-shape", detail: `${row.id} chose '${chosen.name}', a merge of concurrent writes` });
  }
  return out;
}

/**
 * A one-time code design (topic "one-time-code", led by I16) keeps its shape: the code record drawn without the code in
 * clear, the rule that a code is accepted at most once, the codes live at once sized, and no generic replicated store's
 * routing and repair or a password sign-in's records drawn.
 */
function oneTimeCodeShape(d: Design): Problem[] {
  if (!subjectLeads(d, "one-time-code", "I16")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, OTP_SHAPE.entities))
    out.push({ rule: "one-time-code-shape", detail: `no ${e} record is drawn` });
  const named = (entity: string) => OTP_SHAPE.entities.some((e) => entity === e || entity.endsWith(`(${e})`));
  for (const m of d.dataModel.filter((r) => named(r.entity)))
    for (const f of m.fields.filter((x) => OTP_SHAPE.clear.test(x)))
      out.push({ rule: "one-time-code-shape", detail: `${m.entity} keeps '${f}', the code in clear` });
  if (!d.invariants.some((i) => OTP_SHAPE.once.test(i.statement)))
    out.push({ rule: "one-time-code-shape", detail: "no rule says that a code is accepted at most once" });
  if (!d.capacity.some((c) => c.id === OTP_SHAPE.live))
    out.push({
      rule: "one-time-code-shape",
      detail: "the codes live at once are not sized from the sends and their validity",
    });
  out.push(
    ...residueProblems(
      d,
      "one-time-code-shape",
      OTP_SHAPE.residue,
      "belongs to a generic replicated store or a password sign-in, not a one-time code service",
      true,
    ),
  );
  return out;
}

/**
 * A backup service (topic "backup", led by I19) keeps its shape: its snapshots, chunks and packs drawn, a snapshot
 * committed only once its chunks are durable, durability never best-effort, the nightly new bytes and the retention
 * window sized, and no config rollout's cohorts and health gates, cache purge or file-system lease drawn.
 */
function backupShape(d: Design): Problem[] {
  if (!subjectLeads(d, "backup", "I19")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, BACKUP_SHAPE.entities))
    out.push({ rule: "backup-shape", detail: `no ${e} record is drawn` });
  const commit = d.api.find((a) => a.operation === BACKUP_SHAPE.commit);
  if (!commit || !/\bdurable\b/i.test(commit.guarantee))
    out.push({ rule: "backup-shape", detail: "no snapshot commit waits until every chunk it lists is durable" });
  if (d.nfrs.durability !== "durable")
    out.push({ rule: "backup-shape", detail: `durability is ${d.nfrs.durability}, so a kept snapshot may be lost` });
  if (!d.capacity.some((c) => c.id === BACKUP_SHAPE.growth))
    out.push({ rule: "backup-shape", detail: "the new chunk bytes a night are not sized" });
  if (!d.capacity.some((c) => c.inputs.some((i) => i.name === BACKUP_SHAPE.retention)))
    out.push({ rule: "backup-shape", detail: "no figure reads the retention window the snapshots are kept for" });
  out.push(
    ...residueProblems(
      d,
      "backup-shape",
      BACKUP_SHAPE.residue,
      "belongs to a config rollout, a cache purge or a file system's leased writes",
      true,
    ),
  );
  return out;
}

/**
 * An in-memory key-value cache (topic "kv-cache", led by I16) keeps its shape: its items drawn, its servers counted
 * by the RAM the stated data needs, and none of a durable replicated store's machinery drawn or said.
 */
function kvCacheShape(d: Design): Problem[] {
  if (!subjectLeads(d, "kv-cache", "I16")) return [];
  const out: Problem[] = [];
  const names = d.dataModel.map((m) => m.entity);
  for (const e of KVC_SHAPE.entities.filter((x) => !names.includes(x)))
    out.push({ rule: "kv-cache-shape", detail: `no ${e} record is drawn` });
  if (!d.capacity.some((c) => c.id === KVC_SHAPE.ram))
    out.push({ rule: "kv-cache-shape", detail: "the RAM the cached data needs is not sized" });
  out.push(...residueProblems(d, "kv-cache-shape", KVC_SHAPE.residue, "belongs to a durable replicated store"));
  return out;
}

/**
 * A feature-flag design (topic "feature-flags", led by I11) keeps its shape: flags, segments and their change log
 * drawn, the time from a commit to every SDK sized hop by hop and bound by a stated propagation target, and no
 * fleet rollout's cohorts and health gates or a service mesh's control plane.
 */
function featureFlagsShape(d: Design): Problem[] {
  if (!subjectLeads(d, "feature-flags", "I11")) return [];
  const out: Problem[] = [];
  // the prompt may name a flag by its own word ("Toggle (Flag)"), which keeps the entity's name in brackets
  for (const e of undrawnOrRenamed(d, FLAG_SHAPE.entities))
    out.push({ rule: "feature-flags-shape", detail: `no ${e} record is drawn` });
  const change = "time from a committed change to every SDK";
  out.push(...pathUnbound(d, "feature-flags-shape", FLAG_SHAPE.propagation, FLAG_SHAPE.bound, `the ${change}`, change));
  out.push(
    ...residueProblems(
      d,
      "feature-flags-shape",
      FLAG_SHAPE.residue,
      "belongs to a fleet rollout or a service mesh",
      true,
    ),
  );
  return out;
}

/**
 * A virtual waiting room (topic "waiting-room", led by I08) keeps its shape: tickets, the room's watermark and the
 * admission tokens drawn, the line's drain time and the edge's polls sized, and none of a per-caller rate limiter's
 * budgets, policies or 429 answers left over from the card's general model.
 */
function waitingRoomShape(d: Design): Problem[] {
  if (!subjectLeads(d, "waiting-room", "I08")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, ROOM_SHAPE.entities))
    out.push({ rule: "waiting-room-shape", detail: `no ${e} record is drawn` });
  if (!d.capacity.some((c) => c.id === ROOM_SHAPE.drain))
    out.push({ rule: "waiting-room-shape", detail: "the time to drain the line at the admission rate is not sized" });
  if (!d.capacity.some((c) => c.id === ROOM_SHAPE.polls))
    out.push({ rule: "waiting-room-shape", detail: "the position polls the edge answers are not sized" });
  out.push(
    ...residueProblems(d, "waiting-room-shape", ROOM_SHAPE.residue, "belongs to a per-caller rate limiter", true),
  );
  return out;
}

/**
 * An ad exchange design (topic "ad-exchange", led by I17) keeps its shape: auctions, bids, impressions and bidders
 * drawn, the outbound bid requests sized from the request rate and bidders, the publisher's deadline spent on a bidder
 * timeout inside it, and no generic proxy plane's route tables and drains or a user-facing auction's reserve and proxy bids.
 */
function adExchangeShape(d: Design): Problem[] {
  if (!subjectLeads(d, "ad-exchange", "I17")) return [];
  const out: Problem[] = [];
  const names = d.dataModel.map((m) => m.entity);
  for (const e of ADX_SHAPE.entities.filter((x) => !names.includes(x)))
    out.push({ rule: "ad-exchange-shape", detail: `no ${e} record is drawn` });
  if (!d.capacity.some((c) => c.id === ADX_SHAPE.fanout))
    out.push({ rule: "ad-exchange-shape", detail: "the bid requests sent to bidders are not sized" });
  const path = d.capacity.find((c) => c.id === "request_path_seconds");
  if (d.nfrs.scale.latency_seconds !== undefined && !(path?.inputs ?? []).some((i) => i.name === ADX_SHAPE.deadline))
    out.push({ rule: "ad-exchange-shape", detail: "the stated deadline is not spent on a bidder timeout inside it" });
  out.push(
    ...residueProblems(
      d,
      "ad-exchange-shape",
      ADX_SHAPE.residue,
      "belongs to a proxy plane or a user-facing auction",
      true,
    ),
  );
  return out;
}

/**
 * An authoritative DNS design (topic "dns", led by I11) keeps its shape: zones, record sets and their change journal
 * drawn, the time from a commit to every name server sized hop by hop and bound by a stated propagation target, the
 * name servers sized from the query rate, and no fleet rollout's cohorts and gates or a flag service's SDKs.
 */
function dnsShape(d: Design): Problem[] {
  if (!subjectLeads(d, "dns", "I11")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, DNS_SHAPE.entities))
    out.push({ rule: "dns-shape", detail: `no ${e} record is drawn` });
  const change = "time from a committed change to every name server";
  out.push(...pathUnbound(d, "dns-shape", DNS_SHAPE.propagation, DNS_SHAPE.bound, `the ${change}`, change));
  if (!d.capacity.some((c) => c.id === DNS_SHAPE.servers))
    out.push({ rule: "dns-shape", detail: "the name servers are not sized from the query rate" });
  out.push(
    ...residueProblems(d, "dns-shape", DNS_SHAPE.residue, "belongs to a fleet rollout or a feature-flag service", true),
  );
  return out;
}

/**
 * A single-node storage engine design (topic "storage-engine", led by I16) keeps its shape: WAL records, sorted
 * tables and MANIFEST version edits drawn; WAL fsyncs, compaction write amplification and the Bloom filters' false
 * positive rate sized; and no replica, quorum, shard or consensus machinery of a replicated store, which the topic
 * never speaks of (TOPIC_UNLESS), so any such part is residue of the card's other shapes.
 */
function storageEngineShape(d: Design): Problem[] {
  if (!subjectLeads(d, "storage-engine", "I16")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, ENGINE_SHAPE.entities))
    out.push({ rule: "storage-engine-shape", detail: `no ${e} record is drawn` });
  for (const id of ENGINE_SHAPE.figures.filter((x) => !d.capacity.some((c) => c.id === x)))
    out.push({ rule: "storage-engine-shape", detail: `the figure ${id} is not sized` });
  const drawn = [
    ...drawnParts(d),
    ...d.mechanisms.map((m) => ({ where: `mechanism '${m.name}'`, text: m.name })),
    ...boughtProducts(d),
  ];
  for (const x of drawn.filter((y) => ENGINE_SHAPE.residue.test(y.text)))
    out.push({
      rule: "storage-engine-shape",
      detail: `${x.where} belongs to a replicated store, not one process's engine`,
    });
  return out;
}

/**
 * A software deployment design (topic "deploy-rollout", led by I11) keeps its shape: releases, rollouts, desired
 * versions and the audit log drawn, the whole rollout's time and the time to roll back sized, and no flag SDK,
 * configuration snapshot or name server left over from the card's other subjects.
 */
function deployRolloutShape(d: Design): Problem[] {
  if (!subjectLeads(d, "deploy-rollout", "I11")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, DEPLOY_SHAPE.entities))
    out.push({ rule: "deploy-rollout-shape", detail: `no ${e} record is drawn` });
  if (!d.capacity.some((c) => c.id === DEPLOY_SHAPE.rollout))
    out.push({ rule: "deploy-rollout-shape", detail: "the time to take the whole fleet to a release is not sized" });
  if (!d.capacity.some((c) => c.id === DEPLOY_SHAPE.rollback))
    out.push({
      rule: "deploy-rollout-shape",
      detail: "the time from a failing gate to the previous release is not sized",
    });
  out.push(
    ...residueProblems(
      d,
      "deploy-rollout-shape",
      DEPLOY_SHAPE.residue,
      "belongs to a feature-flag service, a configuration snapshot or a DNS service",
      true,
    ),
  );
  return out;
}

/**
 * A video conferencing design (topic "video-conference", led by I13) keeps its shape: meetings, participants and the
 * placement of each meeting on an SFU drawn, media forwarded by selective forwarding, the busiest meeting's egress and
 * the SFU hosts sized, and nothing of a document's editing or a presence registry standing in for the meeting.
 */
function videoConferenceShape(d: Design): Problem[] {
  if (!subjectLeads(d, "video-conference", "I13")) return [];
  const out: Problem[] = [];
  for (const e of undrawn(d, CONFERENCE_SHAPE.entities))
    out.push({ rule: "video-conference-shape", detail: `no ${e} record is drawn` });
  if (!d.mechanisms.some((m) => m.id === CONFERENCE_SHAPE.mechanism))
    out.push({ rule: "video-conference-shape", detail: "no mechanism forwards each receiver the streams it chose" });
  for (const id of [CONFERENCE_SHAPE.egress, CONFERENCE_SHAPE.hosts])
    if (!d.capacity.some((c) => c.id === id))
      out.push({ rule: "video-conference-shape", detail: `${id.replace(/_/g, " ")} is not sized` });
  out.push(
    ...residueProblems(
      d,
      "video-conference-shape",
      CONFERENCE_SHAPE.residue,
      "belongs to document editing or a presence registry",
    ),
  );
  return out;
}

/**
 * A relationship-based authorization design (topic "relationship-authz", led by I16) keeps its shape: tuples,
 * namespace configurations and the changelog drawn, a check call that takes a zookie, the check servers sized from the
 * check rate, a stated latency spent on a cache-missing check, and no generic key-value store's or sign-in's parts.
 */
function relationshipAuthzShape(d: Design): Problem[] {
  if (!subjectLeads(d, "relationship-authz", "I16")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, AUTHZ_SHAPE.entities))
    out.push({ rule: "relationship-authz-shape", detail: `no ${e} record is drawn` });
  const check = d.api.find((a) => a.operation === "check");
  if (!check || !check.request.some((r) => AUTHZ_SHAPE.zookie.test(r)))
    out.push({ rule: "relationship-authz-shape", detail: "no check call takes the caller's zookie" });
  if (!d.capacity.some((c) => c.id === AUTHZ_SHAPE.servers))
    out.push({ rule: "relationship-authz-shape", detail: "the check servers are not sized from the check rate" });
  const path = d.capacity.find((c) => c.id === AUTHZ_SHAPE.latency);
  if (d.nfrs.scale.latency_seconds !== undefined && path?.bound?.quantity !== AUTHZ_SHAPE.bound)
    out.push({
      rule: "relationship-authz-shape",
      detail: "the stated latency bounds no cache-missing check's path",
    });
  out.push(
    ...residueProblems(
      d,
      "relationship-authz-shape",
      AUTHZ_SHAPE.residue,
      "belongs to a generic key-value store or to sign-in",
    ),
  );
  return out;
}

/**
 * A model-serving design (topic "model-serving", led by I15) keeps its shape: versions, traffic splits and loaded
 * models drawn, one prediction's path sized part by part and bound by a stated latency target, the replicas sized from
 * the rate, and no generic cluster manager's tasks and attempts or a training job scheduler.
 */
function modelServingShape(d: Design): Problem[] {
  if (!subjectLeads(d, "model-serving", "I15")) return [];
  const out: Problem[] = [];
  for (const e of undrawnOrRenamed(d, SERVING_SHAPE.entities))
    out.push({ rule: "model-serving-shape", detail: `no ${e} record is drawn` });
  out.push(
    ...pathUnbound(
      d,
      "model-serving-shape",
      SERVING_SHAPE.latency,
      SERVING_SHAPE.bound,
      "the latency path of one prediction",
      "prediction's latency path",
    ),
  );
  if (!d.capacity.some((c) => SERVING_SHAPE.replicas.includes(c.id)))
    out.push({ rule: "model-serving-shape", detail: "the model replicas are not sized from the prediction rate" });
  out.push(
    ...residueProblems(
      d,
      "model-serving-shape",
      SERVING_SHAPE.residue,
      "belongs to a cluster manager or a training scheduler",
      true,
    ),
  );
  return out;
}

/**
 * A design about an online auction (topic "auction") led by a shared subject keeps its bids and the auction itself,
 * places a bid through its API under the bidder's bid id and maximum, and never takes a document's merge (a bid
 * below the price is refused, not transformed) nor a job scheduler's records for the close.
 */
function auctionShape(d: Design): Problem[] {
  if (!(d.nfrs.topics ?? []).includes("auction") || d.archetypes[0]?.id !== "I13") return [];
  const out: Problem[] = [];
  for (const e of [AUCTION_SHAPE.bidEntity, AUCTION_SHAPE.auctionEntity])
    if (!d.dataModel.some((m) => m.entity === e)) out.push({ rule: "auction-shape", detail: `no ${e} is kept` });
  const bid = d.api.find((a) => AUCTION_SHAPE.bidCall.test(a.operation));
  if (!bid) out.push({ rule: "auction-shape", detail: "no API call places a bid" });
  else
    for (const f of AUCTION_SHAPE.bidFields)
      if (!bid.request.includes(f)) out.push({ rule: "auction-shape", detail: `the place-bid call carries no ${f}` });
  for (const m of d.mechanisms.filter((x) => (AUCTION_SHAPE.mergeMechanisms as readonly string[]).includes(x.id)))
    out.push({ rule: "auction-shape", detail: `${m.name} merges bids as if they were edits` });
  for (const m of d.dataModel.filter((x) => (AUCTION_SHAPE.schedulerEntities as readonly string[]).includes(x.entity)))
    out.push({ rule: "auction-shape", detail: `${m.entity} closes auctions through a job scheduler` });
  return out;
}

/**
 * The technology table builds what the decisions chose: a recommended product is never built on an option a
 * decision of its layer's owner rejected, and the product to avoid is never one a chosen option is built on.
 */
function technologyBuildsChoices(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const t of d.technology) {
    for (const c of t.choices) {
      const r = builds(c.product, t.archetype, d.decisions).rejected;
      if (r)
        out.push({
          rule: "technology-builds-rejected",
          detail: `'${c.product}' is recommended (${t.layer}), but it is built on '${r.option.name}', which ${r.row.id} rejected for '${r.row.options.find((o) => o.id === r.row.chosen)?.name}'`,
        });
    }
    const avoid = t.avoid ? builds(t.avoid.product, t.archetype, d.decisions).chosen : undefined;
    if (t.avoid && avoid)
      out.push({
        rule: "technology-builds-rejected",
        detail: `'${t.avoid.product}' is the ${t.layer} product to avoid, but ${avoid.row.id} chose '${avoid.option.name}', which is built on it`,
      });
  }
  return out;
}

/** The mechanism the script says the design rests on ("The core mechanism is a versioned overwrite."). */
const CORE_SAID = /\bThe core mechanism is (?:an? |the )?([^.]+)\./g;

/**
 * The script's core mechanism is never one a decision chose against: a rejected option adds it and no chosen option
 * does (invalidation on every change, where TTL expiry was chosen).
 */
function coreDecidedAgainst(d: Checked): Problem[] {
  const said = (d.script ?? []).flatMap((st) =>
    [...st.text.matchAll(CORE_SAID)].map((m) => (m[1] ?? "").toLowerCase()),
  );
  return d.mechanisms.flatMap((m) => {
    const by = decidedAgainst(d.decisions, m.id, d.archetypes[0]?.id);
    // the script says "invalidation / purge on change" as "invalidation or purge on change"
    const name = m.name.toLowerCase().replace(/\s*\/\s*/g, " or ");
    return by && said.some((s) => s === name || s.startsWith(`${name} `))
      ? [
          {
            rule: "core-decided-against" as const,
            detail: `the script rests the design on '${m.name}', but ${by.row} chose '${by.chosen}' over '${by.option}', which adds it`,
          },
        ]
      : [];
  });
}

/**
 * Two mechanisms that answer one question oppositely (knowledge/mechanisms/exclusive.ts) are never both held by
 * the decisions of one archetype: its store's writes are acknowledged one way. (A consensus-held tag beside
 * blobs copied asynchronously to mirrors answers two questions, for two kinds of state, and is no contradiction.)
 */
function mechanismsExclusive(d: Design): Problem[] {
  const held = new Map(d.mechanisms.map((m) => [m.id, m]));
  const ownerOf = new Map(d.decisions.map((r) => [r.id, r.archetype]));
  // the archetypes whose decisions hold a mechanism ("decision i16-ack: asynchronous replication")
  const owners = (id: string) =>
    new Set(
      (held.get(id)?.because ?? []).flatMap((b) => {
        const owner = ownerOf.get(/^decision (\S+):/.exec(b)?.[1] ?? "");
        return owner ? [owner] : [];
      }),
    );
  // a replication choice (one that brings a majority commit or a leader) that calls itself a majority commit, beside
  // its own archetype's asynchronous replication
  const asyncOwners = owners("async-replication");
  const named = chosenOf(d).flatMap(({ row, option }) =>
    /\b(?:consensus|majority|quorum)\b/i.test(option.name) &&
    (option.implies?.addMechanisms ?? []).some((m) => m === "consensus-replication" || m === "leader-election") &&
    asyncOwners.has(row.archetype)
      ? [
          {
            rule: "mechanisms-exclusive" as const,
            detail: `${row.id} chose '${option.name}' beside '${held.get("async-replication")?.name}' (${held.get("async-replication")?.because.join("; ")}): a majority commit and an acknowledgement before any replica holds the write answer one question oppositely`,
          },
        ]
      : [],
  );
  return [
    ...named,
    ...EXCLUSIVE_MECHANISMS.flatMap(({ pair: [a, b], why }) => {
      const x = held.get(a);
      const y = held.get(b);
      const shared = [...owners(a)].some((o) => owners(b).has(o));
      return x && y && shared
        ? [
            {
              rule: "mechanisms-exclusive" as const,
              detail: `'${x.name}' (${x.because.join("; ")}) beside '${y.name}' (${y.because.join("; ")}): ${why}`,
            },
          ]
        : [];
    }),
  ];
}

/**
 * The archetypes a design draws: one that owns a component, whose entities a drawn component holds (an archetype
 * hosted on a product feature's store), whose data-model rows the design keeps, or whose protocol it draws.
 */
function drawnArchetypes(d: Design): Set<string> {
  const held = new Set(d.components.flatMap((c) => c.holds));
  const out = new Set<string>([
    ...d.components.map((c) => c.archetype),
    ...d.dataModel.map((m) => m.archetype),
    ...d.diagrams.flatMap((g) => (g.kind === "sequence" ? [g.title.split(":")[0] ?? ""] : [])),
  ]);
  // (or that a feature's component carries: its state is the feature's own records there, `carries` in its reason)
  const carried = d.components.map((c) => c.because).join(" ");
  for (const a of d.archetypes) {
    const t = ARCHITECTURE[a.id];
    const own = [...(t?.components.flatMap((c) => c.holds ?? []) ?? []), ...(t?.dataModel.map((m) => m.entity) ?? [])];
    if (own.some((e) => held.has(e)) || carried.includes(`carries ${a.id} `)) out.add(a.id);
  }
  return out;
}

/** Capacity figures, decisions and bottlenecks of an archetype the design does not draw. */
function rowsHaveComponents(d: Design): Problem[] {
  const drawn = drawnArchetypes(d);
  const archetype = (id: string) => /^I\d\d$/.test(id) && !drawn.has(id);
  const out: Problem[] = [];
  const capacity = d.capacity.filter((c) => archetype(c.archetype));
  for (const c of capacity)
    out.push({
      rule: "rows-without-component",
      detail: `${c.archetype} ${c.id} (${c.display}) sizes an archetype the design draws no part of`,
    });
  for (const r of d.decisions.filter((x) => archetype(x.archetype)))
    out.push({
      rule: "rows-without-component",
      detail: `${r.id} decides for ${r.archetype}, which the design draws no part of`,
    });
  // a product feature's own hotspot names its home archetype without drawing it; only the card's rows count
  const own = (b: Design["bottlenecks"][number]) =>
    archetypeEntry(b.archetype).bottlenecks.some((x) => x.bottleneck === b.bottleneck);
  for (const b of d.bottlenecks.filter((x) => archetype(x.archetype) && own(x)))
    out.push({
      rule: "rows-without-component",
      detail: `the bottleneck '${b.bottleneck.slice(0, 60)}' belongs to ${b.archetype}, which the design draws no part of`,
    });
  return out;
}

/**
 * A supporting archetype's part that acts only when called and that no link reaches (an unreached component: no
 * caller, and not a client). The lead's own and a feature's entry are the product's front door, reached by its clients.
 */
export function partsUncalled(d: Pick<Design, "archetypes" | "components" | "links" | "decisions">): Problem[] {
  const [lead, ...rest] = d.archetypes;
  if (lead?.role !== "dominant") return [];
  const supporting = new Set(rest.map((a) => a.id as string));
  const called = new Set(d.links.map((l) => l.to));
  // a part a chosen option draws that calls others on its own (central scrapers pulling every target) acts uncalled
  const decided = (c: Design["components"][number]) =>
    d.links.some((l) => l.from === c.id) &&
    d.decisions.some(
      (r) =>
        r.archetype === c.archetype &&
        (r.options.find((o) => o.id === r.chosen)?.implies?.draws ?? []).some(
          (e) => c.id === e || c.id === `${r.archetype.toLowerCase()}-${e}`,
        ),
    );
  return d.components
    .filter((c) => supporting.has(c.archetype) && CALLED_KINDS.has(c.kind) && !called.has(c.id) && !decided(c))
    .map((c) => ({
      rule: "part-uncalled" as const,
      detail: `${c.archetype} draws '${c.name}', which no link reaches: nothing calls it`,
    }));
}

/** Parts of a supporting archetype that joined on too little to draw them, or that a feature's record keeps (`thinPart`, `recordCarried`). */
function thinPartsDrawn(d: Design): Problem[] {
  const out: Problem[] = [];
  const [lead, ...rest] = d.archetypes;
  if (lead?.role === "dominant") {
    const unspoken = designTopicsUnspoken(d.prompt, []);
    for (const a of rest) {
      const thin = thinPart(lead, a, unspoken, d.prompt);
      const drawnParts = d.components.filter((c) => c.archetype === a.id);
      if (thin && drawnParts.length > 0)
        out.push({
          rule: "thin-part-drawn",
          detail: `${a.id} draws '${drawnParts[0]?.name}', but ${thin.because}`,
        });
    }
  }
  if (d.branch.kind === "product")
    for (const a of d.archetypes) {
      const carried = recordCarried(d.features, a.id);
      if (!carried) continue;
      const own = [
        ...d.decisions.filter((x) => x.archetype === a.id).map((x) => `decides '${x.id}'`),
        ...d.capacity.filter((c) => c.archetype === a.id).map((c) => `sizes ${c.id}`),
      ];
      for (const what of own)
        out.push({
          rule: "thin-part-drawn",
          detail: `${a.id} is kept in ${carried.map((c) => `${c.feature}'s ${c.entity}`).join(" and ")}, yet it ${what}`,
        });
    }
  return out;
}

/** Rows of a supporting archetype the dominant's row says its own variant covers. */
function coveredAddNothing(d: Design): Problem[] {
  const covered = new Set((d.archetypes[0]?.covers ?? []).map((c) => c.id as string));
  if (covered.size === 0) return [];
  const rows: { archetype: string; what: string }[] = [
    ...d.components.map((c) => ({ archetype: c.archetype, what: `component '${c.name}'` })),
    ...d.capacity.map((c) => ({ archetype: c.archetype, what: `capacity figure ${c.id}` })),
    ...d.decisions.map((x) => ({ archetype: x.archetype, what: `decision ${x.id}` })),
    ...d.bottlenecks.map((b) => ({ archetype: b.archetype, what: `bottleneck '${b.bottleneck.slice(0, 60)}'` })),
  ];
  return rows
    .filter((r) => covered.has(r.archetype))
    .map((r) => ({
      rule: "covered-archetype-adds" as const,
      detail: `${r.what} comes from ${r.archetype}, whose role ${d.archetypes[0]?.id} covers`,
    }));
}

/**
 * Predicate verdicts agree with the drawn design: a durable record a majority-commit group keeps is quorum truth, and
 * an outside component that takes a charge or a send makes the effect external.
 */
function verdictsHoldDrawn(d: Design): Problem[] {
  const out: Problem[] = [];
  const denied = (id: string) => d.predicates.find((p) => p.id === id && !p.holds && p.source !== "override");
  const quorum = denied("quorum-truth");
  if (quorum)
    for (const s of d.primaryState) {
      const lead = s.archetype === d.archetypes[0]?.id;
      const holder = lead && s.durability.value === "durable" ? majorityHolder(s.archetype, s.entity) : undefined;
      if (holder && d.components.some((c) => c.name === holder.name))
        out.push({
          rule: "verdict-denies-drawn",
          detail: `quorum-truth answers no ('${quorum.because}'), yet ${holder.because} and holds ${s.entity}`,
        });
    }
  const effect = denied("external-effect");
  const party = effect ? effectParty(d.components, d.links) : undefined;
  if (effect && party)
    out.push({
      rule: "verdict-denies-drawn",
      detail: `external-effect answers no ('${effect.because}'), yet ${party.name} is drawn and runs ${party.effects.join(", ")}`,
    });
  return out;
}

/**
 * Scope rows and usual-predicate reasons speak only of records the design writes: a card text marked with the
 * records it is about (`entities`) appears only where an operation of its archetype writes one of them.
 */
function reasonsOfWrittenRecords(d: Design): Problem[] {
  const out: Problem[] = [];
  const writes = (id: string) => new Set(d.operations.filter((o) => o.archetype === id).map((o) => o.entity));
  const speaksOfNone = (entities: readonly string[] | undefined, written: ReadonlySet<string>) =>
    entities !== undefined && !entities.some((e) => written.has(e));
  for (const row of d.scopes) {
    const card = archetypeEntry(row.archetype);
    const rules = [card.stance.scopes, ...(card.topicScopes ?? [])].flatMap((x) => [
      x.ordering,
      x.exclusivity,
      x.coordination,
    ]);
    const rule = rules.find((r) => r.why === row.why && r.entities);
    if (rule && speaksOfNone(rule.entities, writes(row.archetype)))
      out.push({
        rule: "reason-of-left-out-record",
        detail: `${row.concern} scope '${row.why}' speaks of ${rule.entities?.join(", ")}, which no operation writes`,
      });
  }
  const lead = d.archetypes[0];
  if (lead)
    for (const p of archetypeEntry(lead.id).predicates) {
      const row = d.predicates.find((x) => x.id === p.id && x.because === `${lead.id}: ${p.because}`);
      if (row && speaksOfNone(p.entities, writes(lead.id)))
        out.push({
          rule: "reason-of-left-out-record",
          detail: `${p.id} gives '${p.because}', which speaks of ${p.entities?.join(", ")}, and no operation writes them`,
        });
    }
  return out;
}

/**
 * No record or API path named after a product the prompt names (`namedWords`): a product is the system built or one
 * used, and the unit takes the subject's own noun ("POST /v1/temporals" for "a workflow engine like Temporal" is the
 * product's name misread as the unit).
 */
function entitiesNotNamedAfterProducts(d: Design): Problem[] {
  const named = namedWords(d.prompt);
  if (named.size === 0) return [];
  const words = (text: string) =>
    text
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z]+/)
      .map((w) => w.replace(/s$/, ""));
  const named1 = new Set([...named].map((w) => w.replace(/s$/, "")));
  const out: Problem[] = [];
  for (const [where, text] of [
    ...d.dataModel.map((e) => ["entity", e.entity] as const),
    ...d.api.map((a) => ["API call", a.call] as const),
  ]) {
    const hit = words(text).find((w) => named1.has(w));
    if (hit)
      out.push({
        rule: "entity-named-after-product",
        detail: `${where} '${text}' is named after '${hit}', a product the prompt names`,
      });
  }
  return out;
}

/**
 * Hardware a count sizes machines by ("4 SSDs per node") and places copies live in ("12 data centres"): no record
 * need hold them.
 */
const HARDWARE: ReadonlySet<string> = new Set([...HARDWARE_NOUNS, ...PLACE_WORDS]);

/**
 * The things the prompt counts as a stock ("300 million accounts", "10,000 city zones") that no record, key, field,
 * operation, API call, critical path or rule of the design names: a design read from a stray phrase ("login …
 * service" as a telemetry fleet) holds none of what the prompt is about. The drawn boxes are not read: a client or a
 * fan-out tier ("fan-out servers") names a thing without holding it.
 */
function promptNounsCovered(d: Design): Problem[] {
  // a site, a measure, a non-noun or a label figure is no stock any design keeps (`uncountedThing`)
  const counted = countedThings(d.prompt)
    .filter((t) => !uncountedThing(t, d.prompt))
    .map((t) => t.noun);
  if (counted.length === 0) return [];
  const words = designWords([
    ...d.dataModel.flatMap((e) => [e.entity, ...e.key, ...e.fields]),
    ...d.operations.flatMap((o) => [o.phrase, o.entity ?? ""]),
    ...d.api.flatMap((a) => [a.operation, a.call, ...a.request, ...a.response]),
    ...d.criticalPaths.map((c) => c.name),
    ...d.invariants.map((i) => i.statement),
    ...d.primaryState.flatMap((p) => [p.entity, p.description]),
    // a record that plays the prompt's noun says so in its reason ("Registration plays the prompt's 'router'"), and a
    // counted party is held by the client or outside party that stands for it
    ...d.dataModel.map((e) => e.because ?? ""),
    ...d.components.filter((c) => c.kind === "client" || c.kind === "external").flatMap((c) => [c.name, c.because]),
  ]);
  // a count the design sizes from ("100 million places" read into the geo index's bytes) is one the design holds,
  // whatever its records call them (a Business)
  const sized = designWords(
    d.capacity.flatMap((c) =>
      c.inputs.filter((i) => i.source === "stated").map((i) => /'([^']+)'/.exec(i.because ?? "")?.[1] ?? ""),
    ),
  );
  // a party that uses the system is held by the box that stands for it ("SDKs in each service instance")
  const boxes = designWords(d.components.map((c) => c.name));
  return counted
    .filter(
      (noun) =>
        !HARDWARE.has(noun) && !holds(words, noun) && !holds(sized, noun) && !(isPartyNoun(noun) && holds(boxes, noun)),
    )
    .map((noun) => ({
      rule: "prompt-noun-uncovered" as const,
      detail: `the prompt counts '${noun}' things, and no record, key, field, operation, API call or rule of the design holds one: the design may answer another question`,
    }));
}

/**
 * The parts the prompt names (`engine/named-parts.ts`) that the design neither draws nor keeps: a counted thing no
 * record or component names ("five resolutions" with no rendition of a resolution), a system a spread names with no
 * component of its own ("books shipping across three services" with no shipping service). Only the records and the
 * boxes are read: a part said only in a rule's text is not a part of the design.
 */
function namedPartsDrawn(d: Design): Problem[] {
  const spread = spreadOf(d.prompt);
  const counted = countedParts(d.prompt, spread);
  const relational = relationalParts(d.prompt);
  if (counted.length === 0 && !spread && relational.length === 0) return [];
  const boxes = designWords(d.components.flatMap((c) => [c.name, ...c.holds]));
  const records = partWords(d.components, d.dataModel);
  const out: Problem[] = [];
  for (const t of counted) {
    if (countedPartHeld(t, records)) continue;
    out.push({
      rule: "named-part-missing",
      detail: `the prompt names '${t.quote}', and no record or component of the design is one`,
    });
  }
  for (const p of relational)
    if (!relationalPartHeld(p, records))
      out.push({
        rule: "named-part-missing",
        detail: `the prompt names the ${p.id} part (${p.coveredBy.join(", ")}), and no record or component of the design plays it`,
      });
  for (const m of spread?.members ?? [])
    if (!boxes.has(m.system))
      out.push({
        rule: "named-part-missing",
        detail: `the prompt spreads its steps across ${spread?.count} ${spread?.head}s ('${spread?.quote}'), and no component is the ${m.system} ${spread?.head} that '${m.step}' reaches`,
      });
  return out;
}

export function checkCoherence(d: Checked, facts: CoherenceFacts = coherenceFacts(d.prompt)): Problem[] {
  const [before, after] = coherenceParts(d, besideUnread(facts));
  return [...before, ...statedNumbersRead(facts), ...after];
}

/**
 * A prompt's coherence facts without the amounts it states that no rule reads: only `statedNumbersRead` reads those,
 * and every variant of a prompt that adds a number of its own ("… (variant 12)") states a new one.
 */
export const besideUnread = (facts: CoherenceFacts): CoherenceFacts =>
  facts.unread.length === 0 ? facts : { ...facts, unread: [] };

/**
 * Every requirement clause the prompt states is carried by some part of the design (engine/requirement-ledger.ts): a
 * clause no reader quotes is named in the prompt's words, with what it asks for, where its words name a kind a design
 * owes an answer to (`owed` in knowledge/requirement-kinds.ts; the document and the JSON show every other one).
 */
export const notCarriedProblems = (
  ledger: readonly { clause: string; carried: boolean; asks?: { kind: string; what: string } }[],
): Problem[] =>
  ledger
    .filter((r) => !r.carried && owedKind(r.asks?.kind))
    .map((r) => ({
      rule: "requirement-not-carried" as const,
      detail: `the prompt asks '${r.clause}'${r.asks ? ` (${r.asks.what})` : ""}, which no part of the design reads`,
    }));

/** The problems of the unread amounts (`statedNumbersRead`), listed between `coherenceParts`' two parts. */
export const unreadProblems = (facts: CoherenceFacts): Problem[] => statedNumbersRead(facts);

/** Where the unread amounts' problems stand among the rules' (`coherenceParts`). */
const UNREAD_PLACE: Problem = Object.freeze({ rule: "stated-number-unread", detail: "" });

/**
 * Every rule but the unread amounts', in two parts: those listed before them and those after. Given facts without the
 * unread amounts (`besideUnread`), so the parts are a function of the fields and the other facts, and a caller may
 * keep them by those while the unread amounts' problems are made for each prompt (coherenceOf in design/design.ts).
 */
export function coherenceParts(d: Checked, facts: CoherenceFacts): readonly [Problem[], Problem[]] {
  fieldTexts = { d, json: new Map() };
  try {
    return rulesInParts(d, facts);
  } finally {
    madeTexts = fieldTexts;
    fieldTexts = undefined;
  }
}

function rulesInParts(d: Checked, facts: CoherenceFacts): readonly [Problem[], Problem[]] {
  const all = [
    ...entitiesNotNamedAfterProducts(d),
    ...promptNounsCovered(d),
    ...namedPartsDrawn(d),
    ...coveredAddNothing(d),
    ...choicesAndAvoids(d, facts),
    ...namedPartsKept(d, facts),
    ...technologyAgainstDesign(d),
    ...replacedPartsGone(d, facts),
    ...substratesSizeNoFeatureRecords(d),
    ...failuresAgree(d),
    ...isrNotMajority(d),
    ...preconditions(d),
    ...invariantsOnPath(d),
    ...qualifiersKept(d),
    ...statedRulesKept(d),
    ...mechanismsKeepStatedRules(d),
    ...statedRulesOnContradiction(d),
    ...orderBesideParallel(d),
    ...dueTimeIndexed(d),
    ...protectsTouched(d),
    ...protectsOwnCreate(d),
    ...repeatsDelivered(d),
    ...retryRuleKeptByOther(d),
    ...keeperCannotKeep(d),
    ...settingSaidTwice(d),
    ...figureAgainstChosenCount(d),
    ...poolWithoutHeadroom(d),
    ...protectsSomething(d),
    ...transactionsInOnePartition(d),
    ...sourcePaths(d),
    ...oneChargePath(d),
    ...nfrs(d, facts),
    ...decisionsHold(d),
    ...rejectedOptionsDrawn(d),
    ...technologyWithinLimits(d),
    ...flipConditionsHold(d),
    ...decisionsOwnConditionMet(d),
    ...decisionConditionsStated(d),
    ...choicesOnAssumption(d),
    ...mitigationsProposingChosen(d),
    ...mitigationsProposingRejected(d),
    ...rejectedOptionsCarried(d),
    ...optionsCarried(d),
    ...defaultsAgainstRequirement(d),
    ...stancesAgainstClauses(d),
    ...statedPathStances(d),
    ...emptyTechnologyLayers(d),
    ...unchosenTruthLayers(d),
    ...technologyBreaksRequirement(d),
    ...productClaimsHold(d),
    ...decisionsBuiltOverLimit(d),
    ...capacityAgrees(d),
    ...technologyHasProperties(d),
    ...versionChecksHold(d),
    ...numbersAgree(d),
    ...inputsAgree(d),
    ...statedNumbersUsed(d),
    ...statedHaveQuotes(d),
    ...quantitiesOnce(d),
    ...inputsAcyclic(d),
    UNREAD_PLACE,
    ...statedStandInsKept(d),
    ...statedBoundsHeld(d),
    ...boundsKeepHeadroom(d),
    ...latencyBudgeted(d),
    ...endToEndBudgeted(d),
    ...rollupsCoarserThanQuery(d),
    ...figuresMakeSense(d),
    ...partsWithinWholes(d),
    ...messagesHaveLinks(d),
    ...productRecordIsState(d),
    ...aggregationShape(d),
    ...shownCountShape(d),
    ...typeaheadShape(d),
    ...vectorSearchShape(d),
    ...leaderboardShape(d),
    ...whiteboardShape(d),
    ...auctionShape(d),
    ...iotShape(d),
    ...logsShape(d),
    ...tracesShape(d),
    ...untrustedCodeShape(d),
    ...dagWorkflowShape(d),
    ...subjectLeftovers(d),
    ...rowsNameDrawnParts(d),
    ...mediaStoreShape(d),
    ...backupShape(d),
    ...featureFlagsShape(d),
    ...dnsShape(d),
    ...modelServingShape(d),
    ...adExchangeShape(d),
    ...relationshipAuthzShape(d),
    ...waitingRoomShape(d),
    ...storageEngineShape(d),
    ...deployRolloutShape(d),
    ...videoConferenceShape(d),
    ...kvCacheShape(d),
    ...authShape(d),
    ...oneTimeCodeShape(d),
    ...ledgerShape(d),
    ...distributedSqlShape(d),
    ...cdcShape(d),
    ...workflowEngineShape(d),
    ...pspShape(d),
    ...technologyBuildsChoices(d),
    ...coreDecidedAgainst(d),
    ...mechanismsExclusive(d),
    ...flipExamplesHold(d, facts),
    ...oneOrderingAuthority(d),
    ...authorityWithoutCrashRow(d),
    ...rowsHaveComponents(d),
    ...statedPathsDrawn(d),
    ...stateStancesHold(d),
    ...stanceAgreesWithOwner(d),
    ...partyCanDo(d),
    ...partyFactsStayHome(d),
    ...lwwBesideRisesOnly(d),
    ...lwwRevocationUnkept(d),
    ...failuresHaveMechanisms(d),
    ...oneRoleOnce(d),
    ...sharesActedOn(d),
    ...storesSplit(d),
    ...durationsPlausible(d),
    ...figuresPlausible(d),
    ...fanOutOnce(d),
    ...flushAgreesWithAck(d),
    ...onePartOnce(d),
    ...realizedRecordsHold(d, facts),
    ...thinPartsDrawn(d),
    ...optionsWithinBounds(d),
    ...partsUncalled(d),
    ...quantityOnce(d),
    ...decisionsAskedOnce(d),
    ...figuresFollowChosen(d),
    ...fencesWeOwn(d),
    ...guardsAtOwner(d),
    ...checksWithoutState(d),
    ...politenessOnFetchPath(d),
    ...sizedByMovedBytes(d),
    ...connectionsHaveServers(d),
    ...splitCountersUnbounded(d),
    ...chargesReachPaymentParty(d),
    ...stanceAgreesWithDelivery(d),
    ...guaranteesKept(d, facts),
    ...regionsAckOneWay(d),
    ...majorityOverFewDomains(d),
    ...compareAndSetInOnePlace(d),
    ...undrawnEntitiesNamed(d),
    ...verdictsHoldDrawn(d),
    ...reasonsOfWrittenRecords(d),
    ...inputsHoldOwnRules(d),
    ...twoPartiesTwoLifelines(d),
    ...countsUnderTolerance(d),
    ...technologyPartsDrawn(d),
    ...latencyWithinReach(d),
  ];
  const at = all.indexOf(UNREAD_PLACE);
  return [all.slice(0, at), all.slice(at + 1)];
}

/** Every product a technology row offers (a choice or the runner-up) that is a kind of part the design does not draw. */
function technologyPartsDrawn(d: Design): Problem[] {
  return d.technology.flatMap((t) =>
    [...t.choices, ...(t.runnerUp ? [t.runnerUp] : [])].flatMap((c) => {
      const { missing } = drawnPart(c.product, t.archetype, d.components);
      return missing
        ? [{ rule: "technology-part-undrawn" as const, detail: `'${c.product}' (${t.layer}): ${missing}` }]
        : [];
    }),
  );
}

/** A chosen storage product that keeps older data in object storage rather than on the nodes' own disks. */
const MOVES_TO_OBJECT_STORE =
  /\btier(?:ed|s)? to object storage\b|\b(?:copied|moved|offloaded) to (?:S3|GCS|object storage)\b/i;

/** Quantities that bound what stays on the nodes' own disks when the rest is tiered away. */
const LOCAL_WINDOW = new Set(["local_retention_days"]);

/**
 * Where the chosen storage of an archetype tiers older data to object storage, that archetype's counts of nodes
 * are not sized by a storage figure holding the whole retention on their disks: the remote tier holds it, so the
 * nodes hold only the local window (and the write rate sizes them).
 */
function sizedByMovedBytes(d: Design): Problem[] {
  const tiered = new Set<string>(
    d.technology
      .filter((t) => t.layer === "storage")
      .filter((t) => t.choices[0] && MOVES_TO_OBJECT_STORE.test(`${t.choices[0].product} ${t.choices[0].fits}`))
      .map((t) => t.archetype),
  );
  if (tiered.size === 0) return [];
  const out: Problem[] = [];
  for (const c of d.capacity) {
    if (c.kind !== "count" || !tiered.has(c.archetype)) continue;
    const own = d.capacity.filter((x) => x.archetype === c.archetype);
    const seen = new Set<string>();
    const walk = (row: CapacityRow): CapacityRow | undefined => {
      for (const name of formulaNamesOf(row)) {
        if (seen.has(name)) continue;
        seen.add(name);
        const f = own.find((x) => x.id === name && x !== row);
        if (!f) continue;
        const names = formulaNamesOf(f);
        if (f.kind === "storage" && names.has("retention_days") && ![...names].some((n) => LOCAL_WINDOW.has(n)))
          return f;
        const deeper = walk(f);
        if (deeper) return deeper;
      }
      return undefined;
    };
    const whole = walk(c);
    if (whole)
      out.push({
        rule: "sized-by-moved-bytes",
        detail: `${c.archetype} ${c.id} (${c.display}) is sized by ${whole.id} (${whole.display}), the whole retention, while the chosen storage tiers older data to object storage`,
      });
  }
  return out;
}

/** Units of long-lived connections a server holds open. */
const HELD_OPEN = /^(?:streams|connections|sockets)$/;

/**
 * A count of open connections or streams nothing turns into the servers that hold them: no other count reads it,
 * or everything it is computed from (servers sized per node beside "one stream per node").
 */
function connectionsHaveServers(d: Design): Problem[] {
  const reads = (x: CapacityRow, c: CapacityRow) => {
    const names = formulaNamesOf(x);
    const from = formulaNamesOf(c);
    return names.has(c.id) || (from.size > 0 && [...from].every((n) => names.has(n)));
  };
  return d.capacity
    .filter((c) => c.kind === "count" && HELD_OPEN.test(c.unit))
    .filter((c) => !d.capacity.some((x) => x !== c && x.kind === "count" && !HELD_OPEN.test(x.unit) && reads(x, c)))
    .map((c) => ({
      rule: "connections-without-servers" as const,
      detail: `${c.archetype} ${c.id} is ${c.display}, but no count of servers reads it`,
    }));
}

/** A hot-key remedy that splits a counter, beside a rule that bounds a counted value ("booked never exceeds total"). */
function splitCountersUnbounded(d: Design): Problem[] {
  const bound = d.invariants.find((i) => BOUNDED_COUNT.test(i.statement));
  if (!bound) return [];
  return d.bottlenecks
    .filter((b) => mitigationItems(b.mitigation).some((x) => SPLIT_COUNTER.test(x)))
    .map((b) => ({
      rule: "split-counter-on-bound" as const,
      detail: `${b.bottleneck}: '${b.mitigation}' beside '${bound.statement}'`,
    }));
}

/** An invariant that says the acknowledgement rests on replicas, not on a flushed disk. */
const ACK_WITHOUT_FLUSH =
  /\b(not that any (replica )?has flushed|leaves flushing to the operating system|acknowledg\w* (before|without) (an? )?(fsync|flush))/i;
/** A row that promises a flush before every acknowledgement, with no replication alternative. */
const FLUSH_BEFORE_ACK =
  /\b(fsync|flushed to disk|durable on disk)\b[^.;]*\bbefore (the |each |its |every )?acknowledg/i;
const ACK_ON_REPLICAS = /\b(rests on replication|held by enough replicas)\b/i;

/**
 * A design whose invariant acknowledges a write once replicas hold it and leaves flushing to the operating system
 * (Kafka's acks=all) never promises elsewhere that the write is flushed to disk before the acknowledgement.
 */
function flushAgreesWithAck(d: Design): Problem[] {
  if (!d.invariants.some((i) => ACK_WITHOUT_FLUSH.test(i.statement))) return [];
  return d.failures
    .filter((f) => FLUSH_BEFORE_ACK.test(`${f.prevention}`) && !ACK_ON_REPLICAS.test(f.prevention))
    .map((f) => ({
      rule: "flush-before-ack-contradicted" as const,
      detail: `failure row '${f.failure}' says '${FLUSH_BEFORE_ACK.exec(f.prevention)?.[0]}', but an invariant acknowledges on replication without a flush`,
    }));
}

/**
 * One question, one answer: decisions that ask the same question (engine/roles.ts `sameQuestion`: the same options)
 * are shown as one, which is only true when they choose the same option.
 */
export function decisionsAskedOnce(d: Pick<Design, "decisions">): Problem[] {
  const out: Problem[] = [];
  d.decisions.forEach((a, i) => {
    for (const b of d.decisions.slice(i + 1))
      if (a.chosen !== b.chosen && sameQuestion(a, b))
        out.push({
          rule: "decision-asked-twice",
          detail: `${a.id} chooses ${a.chosen} but ${b.id}, asking the same question, chooses ${b.chosen}`,
        });
  });
  return out;
}

/** Kinds of figure a model sizes for its own store: two models' byte totals are two stores, not one quantity. */
const OWN_STORE_KINDS = new Set(["storage", "growth"]);

/**
 * One quantity, one value: a figure of one model that computes a quantity another model reads as an input (the chat
 * feature's messages a second beside a log's typical event rate), two models' figures of one rate or count
 * (heartbeats a second at two online shares), and a decision's computed input beside the capacity table's figure.
 */
function quantityOnce(d: Design): Problem[] {
  const out: Problem[] = [];
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b));
  for (const f of d.capacity) {
    for (const r of d.capacity) {
      if (r.archetype === f.archetype) continue;
      const input = r.inputs.find((i) => i.name === f.id);
      if (input && !close(input.value, f.value))
        out.push({
          rule: "quantity-two-values",
          detail: `${f.id} is ${f.display} in ${f.archetype}'s figure but ${formatQuantity(input.value, input.unit ?? "")} as an input of ${r.archetype} ${r.id}`,
        });
      if (r.id === f.id && !OWN_STORE_KINDS.has(f.kind) && f.archetype < r.archetype && !close(r.value, f.value))
        out.push({
          rule: "quantity-two-values",
          detail: `${f.id} is ${f.display} in ${f.archetype} but ${r.display} in ${r.archetype}`,
        });
    }
  }
  for (const dec of d.decisions)
    for (const said of dec.inputs ?? []) {
      // "(computed)", or "(computed from the stated '2,000 mobile robots')" where the figure rests on stated words
      const m = /^([a-z][a-z0-9_]*) (≈ [^(]+?) \(computed(?: from [^)]*)?\)/.exec(said);
      const figs = m ? d.capacity.filter((c) => c.id === m[1]) : [];
      const x = m?.[2] ? shownValue(m[2]) : undefined;
      if (!m || !x || figs.length === 0) continue;
      const agrees = figs.some((c) => {
        const y = shownValue(c.display);
        return y !== undefined && y.rest === x.rest && close(x.n, y.n);
      });
      if (!agrees)
        out.push({
          rule: "quantity-two-values",
          detail: `decision ${dec.id} reads ${m[1]} ${m[2]}, the capacity table shows ${figs.map((c) => `${c.display} (${c.archetype})`).join(", ")}`,
        });
    }
  // one quantity under two names (a latency budget's round trip in ms beside the shared one in seconds) has one value
  const said = new Map<string, { value: number; where: string }>();
  for (const r of d.capacity) {
    if (!said.has(r.id)) said.set(r.id, { value: r.value, where: `${r.archetype}'s figure` });
    for (const i of r.inputs)
      if (!said.has(i.name)) said.set(i.name, { value: i.value, where: `${r.archetype} ${r.id}` });
  }
  for (const t of QUANTITY_TWINS) {
    const a = said.get(t.quantity);
    const b = said.get(t.twin);
    if (a && b && !close(a.value, b.value * t.factor))
      out.push({
        rule: "quantity-two-values",
        detail: `${t.quantity} is ${a.value} (${a.where}) but its twin ${t.twin} is ${b.value} (${b.where}): one quantity in two units`,
      });
  }
  out.push(...groupSizeOnce(d));
  // a bottleneck sizing, under its own formula, a quantity a capacity figure computes under the same name and unit
  // (an execution fleet's "workers needed" = 2 beside a scheduler's workers_needed = 12): two sizes for one quantity
  for (const b of d.bottlenecks) {
    const f = /^(.+?) = (.+) \(([^)]*)\)$/.exec(b.formula ?? "");
    if (!f?.[1] || !f[2] || !b.estimate) continue;
    // the value the estimate shows right after its own expression ("... / slots_per_worker 2 workers, with ...")
    const at = b.estimate.indexOf(` ${f[2]} `);
    const shown = at < 0 ? undefined : b.estimate.slice(at + f[2].length + 2).split(", with ")[0];
    const x = shown ? shownValue(shown) : undefined;
    if (!shown || !x) continue;
    const id = quantityId(f[1]);
    for (const c of d.capacity.filter((r) => r.id === id && r.unit === f[3] && r.formula !== `${f[1]} = ${f[2]}`)) {
      const y = shownValue(c.display);
      if (y && !close(x.n, y.n))
        out.push({
          rule: "quantity-two-values",
          detail: `${id} is ${c.display} in ${c.archetype}'s figure but ${shown} in the ${b.archetype} bottleneck '${b.bottleneck}'`,
        });
    }
  }
  // one report per pair
  return out.filter((p, k) => out.findIndex((q) => q.detail === p.detail) === k);
}

/** A product's name as a whole-word pattern ("Loki" never inside "Lokis"). */
const productWords = (p: string) => pattern(String.raw`\b${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\b`, "i");

/**
 * The figures, budgets, bottleneck estimates and invariants of a decision's owner follow its chosen option: a product
 * only a rejected option is built on, or a phrase the chosen option excludes, names what the design decided against.
 */
function figuresFollowChosen(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const dec of d.decisions) {
    const chosen = dec.options.find((o) => o.id === dec.chosen);
    if (!chosen) continue;
    const kept = new Set((chosen.implies?.preferTechnology ?? []).map((p) => p.toLowerCase()));
    const products = dec.options
      .filter((o) => o !== chosen)
      .flatMap((o) => o.implies?.preferTechnology ?? [])
      .filter((p) => !kept.has(p.toLowerCase()))
      .map(productWords)
      .filter((re) => !re.test(d.prompt));
    // a phrase the chosen option excludes is held against what the design promises; a figure may still carry a
    // rejected option's term at the value the chosen one fixes (rollups kept at a share of none)
    const phrases = excludedBy([dec]).filter((re) => !re.test(d.prompt));
    for (const i of d.invariants.filter((x) => x.archetype === dec.archetype)) {
      const hit = phrases.map((re) => re.exec(i.statement)?.[0]).find((x) => x !== undefined);
      if (hit)
        out.push({
          rule: "figure-follows-rejected",
          detail: `invariant '${i.statement}' says '${hit}', which ${dec.id} decided against (chosen: ${chosen.name})`,
        });
    }
    const against = products;
    if (against.length === 0) continue;
    const said: [string, string][] = [
      ...d.capacity
        .filter((r) => r.archetype === dec.archetype)
        .flatMap((r): [string, string][] => [
          [`figure ${r.id}`, `${r.quantity} ${r.formula}`],
          ...r.inputs.map((i): [string, string] => [`${r.id}'s input ${i.name}`, i.because]),
        ]),
      ...d.bottlenecks
        .filter((b) => b.archetype === dec.archetype)
        .map((b): [string, string] => [`bottleneck '${b.bottleneck}'`, `${b.formula ?? ""} ${b.estimate ?? ""}`]),
      ...d.invariants
        .filter((i) => i.archetype === dec.archetype)
        .map((i): [string, string] => [`invariant '${i.statement}'`, i.statement]),
    ];
    for (const [where, text] of said) {
      const hit = against.map((re) => re.exec(text)?.[0]).find((x) => x !== undefined);
      if (hit)
        out.push({
          rule: "figure-follows-rejected",
          detail: `${where} says '${hit}', which ${dec.id} decided against (chosen: ${chosen.name})`,
        });
    }
  }
  return out.filter((p, k) => out.findIndex((q) => q.detail === p.detail) === k);
}

/**
 * One consensus group, one size: a group the drawing names with its size ("Lock leader (1 of 5-node group)") is the
 * group the figures of its archetype multiply by (the voters of the consensus group, else its replicas), so the
 * lease state is never counted across three copies beside a five-node group.
 */
function groupSizeOnce(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const c of d.components) {
    const named = namedGroupSize(c.name);
    if (named === undefined) continue;
    const rows = d.capacity.filter((r) => r.archetype === c.archetype);
    const read = (q: string) => rows.flatMap((r) => r.inputs.filter((i) => i.name === q));
    const sizes = read("voters").length > 0 ? read("voters") : read("replicas");
    const other = sizes.find((i) => i.value !== named);
    if (other)
      out.push({
        rule: "quantity-two-values",
        detail: `${c.name} names a group of ${named}, but ${c.archetype}'s figures read ${other.name} = ${other.value}`,
      });
  }
  return out;
}

/** The names a figure's own formula reads. */
const formulaNamesOf = (c: CapacityRow): Set<string> =>
  new Set(
    c.formula
      .split(" = ")
      .slice(1)
      .join(" = ")
      .match(/[a-z][a-z0-9_]*/g) ?? [],
  );

/**
 * The same deliveries counted by two models (a document session's deliveries and the editor feature's broadcasts):
 * fan-out figures of one measure that multiply by the same count of recipients must agree, or the design says two
 * numbers for one quantity.
 */
function fanOutOnce(d: Design): Problem[] {
  const fans = d.capacity.filter((c) => c.kind === "fan-out");
  const out: Problem[] = [];
  fans.forEach((a, k) => {
    for (const b of fans.slice(k + 1)) {
      if (!sameMeasure(a.unit, b.unit)) continue;
      const mine = formulaNamesOf(b);
      const shared = a.inputs.filter(
        (i) =>
          formulaNamesOf(a).has(i.name) && mine.has(i.name) && i.unit !== undefined && !/^(?:x|fraction)$/.test(i.unit),
      );
      if (shared.length === 0) continue;
      if (Math.abs(a.value - b.value) > 0.05 * Math.max(a.value, b.value))
        out.push({
          rule: "fan-out-counted-twice",
          detail: `${a.archetype} ${a.id} is ${a.display} but ${b.archetype} ${b.id} is ${b.display}, both over ${shared.map((i) => i.name).join(", ")}`,
        });
    }
  });
  return out;
}

/** Writes a second one database primary handles, as the design assumes it (what a store's own load is checked against). */
const ONE_PRIMARY = QUANTITY_BY_ID.get("primary_writes_per_sec")?.assumed ?? Number.POSITIVE_INFINITY;

/**
 * A storage row's products are sized against the write rate its own archetype computes: where a count splits the
 * layer's load over primaries or nodes, every chosen product says so; where none does, no peak write rate of the
 * archetype is past what one primary handles (a store loaded past one unit and drawn as one table).
 */
function storesSplit(d: Design): Problem[] {
  const featureRows = featureLed(d.branch.kind, d.features, d.archetypes);
  return d.technology.flatMap((t) => {
    if (t.layer !== "storage") return [];
    const single = t.choices.filter((c) => !c.split && onOnePrimary(c.product));
    if (single.length === 0) return [];
    const count = storeSplitOf(t.layer, t.archetype, d.capacity);
    if (count)
      return single.map((c) => ({
        rule: "store-unsplit" as const,
        detail: `${c.product} is chosen for ${t.archetype}'s storage without the split the design sizes (${count.id} = ${count.display})`,
      }));
    // a feature's own store is sized by the feature's figures, not by a substrate's assumed rates
    const past = featureRows ? undefined : peakStoreWrites(t.archetype, d.capacity);
    return past && past.value > ONE_PRIMARY
      ? [
          {
            rule: "store-unsplit" as const,
            detail: `${single.map((c) => c.product).join(", ")} holds ${t.archetype}'s writes at ${past.id} = ${past.display}, past one primary's ${formatQuantity(ONE_PRIMARY, "writes/s")}, and no count splits it`,
          },
        ]
      : [];
  });
}

/**
 * A headroom figure past one unit of our own (a primary, a leader, a node) names the count that splits it: the
 * design never says "2.5 times what one primary handles" and stays on one primary. An outside party's account
 * is not ours to split (its remedy is pacing or a raised quota).
 */
function sharesActedOn(d: Design): Problem[] {
  return d.capacity.flatMap((c) => {
    if (c.kind !== "headroom" || !(c.value >= 1)) return [];
    const ceiling = ceilingOfFigure(d.capacity, c);
    if (!ceiling || ceiling.per === "account") return [];
    const count = countFor(d.capacity, c);
    if (count && count.value > 1) return [];
    return [
      {
        rule: "share-not-acted" as const,
        detail: `${c.id} is ${c.display} of one ${ceiling.per}, and no count splits ${ceiling.load} over ${ceiling.per}s`,
      },
    ];
  });
}

/**
 * A time figure that moves bytes at a per-node bandwidth: the bytes it moves over the time it takes is the rate,
 * and that rate over one node's bandwidth is how many nodes move them at once. No more take part than the
 * planned participants of one repair (`repair_helpers`): a time that needs every node of a large cluster
 * writing at full speed for one node's data is no time a design can meet.
 */
function durationsPlausible(d: Design): Problem[] {
  const most = QUANTITY_BY_ID.get("repair_helpers")?.assumed;
  if (most === undefined) return [];
  return d.capacity.flatMap((c) => {
    if (c.kind !== "time" || c.unit !== "s" || !(c.value > 0)) return [];
    // the figure's own inputs (its formula's names), not those the figures it reads were computed from
    const own = new Set(
      c.formula
        .split(" = ")
        .slice(1)
        .join(" = ")
        .match(/[a-z][a-z0-9_]*/g) ?? [],
    );
    const mine = c.inputs.filter((i) => own.has(i.name));
    const bytes = mine.filter((i) => i.unit === "B");
    const bandwidth = mine.find((i) => i.unit === "B/s");
    if (bytes.length !== 1 || !bandwidth || !(bandwidth.value > 0)) return [];
    // a share of those bytes (a node filled to its planned share) is what moves
    const share = mine.filter((i) => i.unit === "fraction").reduce((p, i) => p * i.value, 1);
    const moved = ((bytes[0]?.value ?? 0) * share) / c.value;
    const nodes = moved / bandwidth.value;
    return nodes > most * 1.0001
      ? [
          {
            rule: "duration-implausible" as const,
            detail: `${c.id} is ${c.display}: ${formatQuantity(moved, "B/s")} moved, ${Math.round(nodes)} nodes at ${bandwidth.name} at once, more than the ${most} that take part in one repair`,
          },
        ]
      : [];
  });
}

/** A day: the longest a rebuild or recovery of one failed part may take before another failure is likely during it. */
const RECOVERY_MOST_SECONDS = 86400;
const RECOVERY_FIGURE = /(?:^|_)(?:rebuild|rereplication|repair|recover\w*|re_?creat\w*|resync)(?:_|$)/;

/** The names a figure's own formula reads (not those the figures it reads were computed from). */
const formulaNames = (c: Design["capacity"][number]): Set<string> =>
  new Set(
    c.formula
      .split(" = ")
      .slice(1)
      .join(" = ")
      .match(/[a-z][a-z0-9_]*/g) ?? [],
  );

/**
 * Computed figures checked against the parts they size (`figure-implausible`): the raw bytes one storage node holds
 * stay within the node's own size and the most one server carries (a stated fleet too small for the stated data says
 * so here, never as a node of hundreds of petabytes); a rebuild or recovery of one failed part finishes within a day;
 * a yearly count of lost things is no larger than the things there are.
 */
export function figuresPlausible(d: Pick<Design, "capacity">): Problem[] {
  const out: Problem[] = [];
  const most = QUANTITY_BY_ID.get("max_node_bytes")?.assumed ?? Number.POSITIVE_INFINITY;
  for (const c of d.capacity) {
    if (!(c.value > 0)) continue;
    if (c.unit === "B" && /(?:^|_)bytes_per_node$/.test(c.id)) {
      const node = c.inputs.find((i) => i.name === "node_bytes");
      if (c.value > most * 1.0001)
        out.push({
          rule: "figure-implausible",
          detail: `${c.id} is ${c.display}, more than the ${formatQuantity(most, "B")} one storage server carries: the fleet is too small for the bytes it holds`,
        });
      else if (node && c.value > node.value * 1.0001)
        out.push({
          rule: "figure-implausible",
          detail: `${c.id} is ${c.display}, more than a node's ${formatQuantity(node.value, "B")}`,
        });
    }
    // one failed part's rebuild; a whole failure domain's (a rack's, a zone's) is a wider loss with its own plan
    if (
      c.unit === "s" &&
      RECOVERY_FIGURE.test(c.id) &&
      !/^(?:rack|zone|region|site)_/.test(c.id) &&
      c.value > RECOVERY_MOST_SECONDS * 1.0001
    )
      out.push({
        rule: "figure-implausible",
        detail: `${c.id} is ${c.display}: a rebuild or recovery of one failed part takes more than a day, long enough for another failure to land inside it`,
      });
    const perYear = /^(.+)\/yr$/.exec(c.unit)?.[1];
    if (perYear) {
      const own = formulaNames(c);
      const total = d.capacity.find(
        (r) => r !== c && r.archetype === c.archetype && r.unit === perYear && own.has(r.id),
      );
      if (total && c.value > total.value * 1.0001)
        out.push({
          rule: "figure-implausible",
          detail: `${c.id} is ${c.display}, more than the ${total.display} there are (${total.id})`,
        });
    }
  }
  return out;
}

/** The last word of an entity's name, the kind of record it is (DocSnapshot and SubjectSnapshot are snapshots). */
const recordKind = (entity: string): string => /[A-Z][a-z0-9]*$/.exec(entity)?.[0] ?? entity;

/**
 * Two components playing one role: two kinds of client entering through the same gateway, or a product feature's
 * record kept apart from the lead archetype's component that keeps records of its kind (the same last word, or the
 * lead's record named after it: Block beside BlockPlacement).
 */
function oneRoleOnce(d: Design): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(d.components.map((c) => [c.id, c]));
  const entering = new Map<string, Set<string>>();
  for (const l of d.links) {
    const from = byId.get(l.from);
    const to = byId.get(l.to);
    if (from?.kind === "client" && to?.kind === "gateway")
      entering.set(to.name, new Set([...(entering.get(to.name) ?? []), from.name]));
  }
  for (const [gateway, clients] of entering)
    if (clients.size > 1)
      out.push({ rule: "one-role-twice", detail: `${[...clients].join(" and ")} all enter through ${gateway}` });
  const lead = d.archetypes[0]?.id;
  const featureRecords = new Set(d.features.flatMap((f) => f.entities.map((e) => e.name)));
  const leadHolds = d.components.filter((c) => c.archetype === lead).flatMap((c) => c.holds.map((h) => ({ h, c })));
  // where each record is kept: the components that hold it, and the data model's owner of its row
  const kept = d.components.flatMap((c) => c.holds.map((h) => ({ h, c })));
  for (const row of d.dataModel) {
    const owner = byId.get(row.owner) ?? d.components.find((c) => c.name === row.owner);
    if (owner && !kept.some((x) => x.h === row.entity && x.c.id === owner.id)) kept.push({ h: row.entity, c: owner });
  }
  const sameKind = (a: string, b: string) =>
    a !== b && (recordKind(a) === recordKind(b) || (b.startsWith(a) && /^[A-Z]/.test(b.slice(a.length))));
  for (const { h, c } of kept) {
    if (!featureRecords.has(h) || !/^[A-Z][A-Za-z0-9]*$/.test(h)) continue;
    // at home beside a lead record of its kind
    if (leadHolds.some((x) => x.c.id === c.id && !featureRecords.has(x.h) && sameKind(h, x.h))) continue;
    const twin = leadHolds.find((x) => x.c.id !== c.id && !featureRecords.has(x.h) && sameKind(h, x.h));
    if (twin && (c.archetype === lead || c.kind === twin.c.kind))
      out.push({
        rule: "one-role-twice",
        detail: `${h} is kept in ${c.name}, apart from ${twin.c.name}, which keeps ${twin.h}`,
      });
  }
  return out;
}

/** A mechanism's failure row where the design does not carry the mechanism (or lacks the archetype the row is about). */
function failuresHaveMechanisms(d: Design): Problem[] {
  return d.failures.flatMap((f) => {
    const row = MECHANISM_FAILURE_BY_TEXT.get(f.failure);
    if (!row) return [];
    const m = d.mechanisms.find((x) => x.id === row.mechanism);
    // (whether the parts the row names are drawn is `row-names-undrawn`'s to report)
    if (m && failureRowHolds(row, m, d.operations, d.archetypes, { text: "", said: row.names ?? [] })) return [];
    const why = !m
      ? "the design holds no such mechanism"
      : row.archetype && !d.archetypes.some((a) => a.id === row.archetype)
        ? `it speaks of ${row.archetype}'s parts, which the design lacks`
        : `no operation uses ${m.name} and no decision chose it`;
    return [
      {
        rule: "failure-without-mechanism" as const,
        detail: `the failure row '${f.failure}' belongs to ${row.mechanism}, but ${why}`,
      },
    ];
  });
}

/**
 * Every failure row names only parts the design draws (`undrawnParts`): a generic row that speaks of a sweeper, a
 * session's watchers or a consumer's offsets where none is drawn was carried in from a neighbouring card.
 */
function rowsNameDrawnParts(d: Design): Problem[] {
  const drawn = drawnWords(d.components, partsSaid(d.prompt));
  return d.failures.flatMap((f) => {
    // a mechanism's row names parts besides the mechanism (`names`); any row's failure names the parts it happens to
    const row = MECHANISM_FAILURE_BY_TEXT.get(f.failure);
    const parts = [...new Set([...(row ? undrawnNames(row, drawn) : []), ...undrawnParts(f.failure, drawn)])];
    return parts.length === 0
      ? []
      : [
          {
            rule: "row-names-undrawn" as const,
            detail: `the failure row '${f.failure.slice(0, 80)}' names ${parts.join(" and ")}, which the design does not draw`,
          },
        ];
  });
}

/** Each primary state's stance agrees with what holds it, and with itself. */
function stateStancesHold(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const r of d.primaryState) {
    if (r.consistency.value === "linearizable" && r.availability.value === "stay-available")
      out.push({
        rule: "state-stance-against-holder",
        detail: `${r.entity} is both linearizable and stay-available, which no partition allows`,
      });
    const majority = majorityHolder(r.archetype, r.entity);
    if (!majority) continue;
    const soft = [
      d.nfrs.sources.durability?.source === "default" && r.durability.value === "best-effort" ? "best-effort" : "",
      d.nfrs.sources.consistency?.source === "default" && r.consistency.value === "eventual" ? "eventual" : "",
    ].filter(Boolean);
    if (soft.length > 0)
      out.push({
        rule: "state-stance-against-holder",
        detail: `${r.entity} is called ${soft.join(" and ")}, but ${majority.because}`,
      });
  }
  return out;
}

/**
 * The design-wide failure stance against the lead's authoritative state: one owner holds it and it fails closed
 * without that owner (its card's word), so "stays up, possibly stale" cannot be the design's default.
 */
function stanceAgreesWithOwner(d: Design): Problem[] {
  const out: Problem[] = [];
  const lead = d.archetypes[0]?.id;
  const defaulted = d.nfrs.sources.availability?.source === "default";
  if (!lead || !defaulted || d.nfrs.availability !== "stay-available") return out;
  const owned = ownedAuthority(lead, unspokenBesides((d.nfrs.topics ?? []).map((value) => ({ value }))));
  if (owned)
    out.push({
      rule: "stance-against-owner",
      detail: `the design stays up under a partition, but ${lead}'s authoritative ${owned.name} fails closed without its one owner: ${owned.stance.because}`,
    });
  const party = d.nfrs.party ? PARTIES[d.nfrs.party] : undefined;
  for (const r of d.primaryState) {
    if (r.availability.value !== "fail-closed") continue;
    const card = archetypeEntry(r.archetype).entities.find((e) => e.name === r.entity);
    if (!card) continue;
    const soft = card.durability === "best-effort";
    const repeat = card.stance?.against === "repeat" && party?.stance.availability === "stay-available";
    if (soft || repeat)
      out.push({
        rule: "soft-row-fail-closed",
        detail: `${r.entity} is called fail-closed in a design that stays up, though ${soft ? "its card marks it soft (best-effort) state" : `it fails closed only against a repeated effect, which ${party?.name} accepts`}`,
      });
  }
  return out;
}

const PARTY_ONLY = Object.entries(PARTY_ONLY_WORDS).map(([kind, words]) => [kind, new RegExp(words, "i")] as const);
const PARTY_NAMED = new Map(PARTY_WORDS.map(([kind, words]) => [kind, new RegExp(words, "i")]));

/** The fields a fact of one kind of outside party is sought in (partyFactsStayHome), in order. */
const PARTY_FACT_ROWS = [
  "capacity",
  "failures",
  "invariants",
  "bottlenecks",
  "components",
  "decisions",
  "api",
  "operations",
] as const;

/**
 * A fact of one kind of outside party only, said in a design whose effects reach another kind (or none) and that
 * draws no component of its own reaching that kind (a product's notification senders calling APNs and FCM).
 */
function partyFactsStayHome(d: Design): Problem[] {
  const drawn = JSON.stringify(d.components.map((c) => [c.name, c.runs]));
  // the JSON of the list of these fields, made of the fields' own (shared) JSON, when a kind of party is sought
  let text: string | undefined;
  return PARTY_ONLY.flatMap(([kind, re]) => {
    if (d.nfrs.party === kind || PARTY_NAMED.get(kind as PartyKind)?.test(drawn)) return [];
    text ??= `[${PARTY_FACT_ROWS.map((f) => fieldJson(d, f) ?? "null").join(",")}]`;
    const m = re.exec(text);
    return m
      ? [
          {
            rule: "party-fact-elsewhere" as const,
            detail: `the design says '${m[0]}', true of ${PARTIES[kind as PartyKind].name} only, but its effects reach ${d.nfrs.party ? PARTIES[d.nfrs.party].name : "no outside party"}`,
          },
        ]
      : [];
  });
}

/** What the design asks of its outside party, against what that kind of party can do (knowledge/parties.ts). */
function partyCanDo(d: Design): Problem[] {
  const kind = d.nfrs.party;
  if (!kind) return [];
  const party = PARTIES[kind];
  const out: Problem[] = [];
  if (!party.queryable.value) {
    const outside = new Set(d.components.filter((c) => c.kind === "external").map((c) => c.name));
    for (const g of d.diagrams) {
      if (g.kind !== "sequence") continue;
      const names = new Map([...g.mermaid.matchAll(/participant (\S+) as (.+)/g)].map((m) => [m[1], m[2]?.trim()]));
      for (const m of g.mermaid.matchAll(/->>(\S+): (.*\b(?:query|look(?:s)? up|lookup)\b.*)/gi)) {
        const to = names.get(m[1] ?? "");
        if (to && outside.has(to))
          out.push({
            rule: "party-cannot-do",
            detail: `'${g.title}' asks ${to} '${m[2]}', but ${party.name} cannot be queried: ${party.queryable.because}`,
          });
      }
    }
  }
  const input = d.capacity.flatMap((r) => r.inputs).find((i) => i.name === "provider_requests_per_sec");
  if (input && input.source === "assumed") {
    if (!party.ceiling)
      out.push({
        rule: "party-cannot-do",
        detail: `the calls are checked against a per-account limit of ${input.value}/s, but ${party.noCeiling ?? `${party.name} has none`}`,
      });
    else if (input.value !== party.ceiling.perSecond)
      out.push({
        rule: "party-cannot-do",
        detail: `the calls are checked against ${input.value}/s, but ${party.name} allows ${party.ceiling.perSecond}/s (${party.ceiling.because})`,
      });
  }
  return out;
}

/** Two recommended products that fill one part of the design (two outbox relays). */
function onePartOnce(d: Design): Problem[] {
  const out: Problem[] = [];
  const by = new Map<string, string>();
  for (const t of d.technology) {
    const known = archetypeEntry(t.archetype).technologies;
    for (const c of t.choices)
      for (const part of known.find((k) => k.product === c.product)?.fills ?? []) {
        const first = by.get(part);
        if (first && first !== c.product)
          out.push({
            rule: "one-part-bought-twice",
            detail: `'${c.product}' (${t.layer}) and '${first}' both fill the ${part}`,
          });
        else by.set(part, c.product);
      }
  }
  return out;
}

/** A product step that moves money (charge the rider, pay the seller, refund the buyer). */
const MONEY_STEP = /\b(?:charg(?:e|es|ed|ing)|refund(?:s|ed|ing)?|pay(?:s|ing)?|payouts?)\b/i;
/** The records a workflow with outside effects keeps beside the change that starts them. */
const WORKFLOW_RECORDS = new Set(["OutboxEntry", "IdempotencyRecord", "LedgerEntry"]);

/**
 * A critical product step that moves money must reach a payment provider the design draws, and the workflow's
 * outbox, idempotency records and ledger must live in a store of that step's own feature (never in a notification
 * inbox): the outbox commits with the record whose change starts the charge.
 */
function chargesReachPaymentParty(d: Design): Problem[] {
  const steps = d.operations.filter((o) => o.critical && MONEY_STEP.test(o.phrase));
  if (steps.length === 0) return [];
  const out: Problem[] = [];
  const money = PARTY_NAMED.get("payment-provider");
  // a payment provider's own design charges through the acquirers it draws (PSP_SHAPE.outside)
  const own = (d.nfrs.topics ?? []).includes("psp") ? PSP_SHAPE.outside : undefined;
  const drawn = d.components.some((c) => c.kind === "external" && (money?.test(c.name) || own?.test(c.name)));
  if (!drawn)
    out.push({
      rule: "charge-without-payment-party",
      detail: `'${steps[0]?.phrase}' moves money, but no payment provider is drawn`,
    });
  const holders = d.components.filter((c) => c.holds.some((h) => WORKFLOW_RECORDS.has(h)));
  const moving = new Set(steps.map((o) => o.feature).filter((x) => x !== undefined));
  if (moving.size > 0 && holders.length > 0 && !holders.some((c) => moving.has(c.archetype)))
    out.push({
      rule: "charge-without-payment-party",
      detail: `'${steps[0]?.phrase}' moves money in ${[...moving].join(", ")}, but the outbox and ledger live in ${holders.map((c) => c.name).join(", ")}`,
    });
  return out;
}

/** Words that accept losing a record or an effect ("losing one under failure is accepted", "a lost write is accepted"). */
const LOSS_ACCEPTED =
  /\blos(?:ing|t|e)\b[^.;]{0,40}\b(?:is |are )?(?:accepted|acceptable|tolerated|fine)\b|\baccepts? (?:the |a )?loss\b/i;

/**
 * Defaults against a guarantee the prompt states: 'never run twice' (exactly once, or at most once) beside a default
 * that keeps both sides of a partition serving, and 'no photo is ever lost' beside a default that gives up a write
 * (at-most-once delivery, a best-effort record, a rule or retry policy that accepts the loss).
 */
function guaranteesKept(d: Design, facts: CoherenceFacts): Problem[] {
  const out: Problem[] = [];
  const src = d.nfrs.sources;
  const twice =
    src.delivery?.source === "stated" && (d.nfrs.delivery === "exactly-once" || d.nfrs.delivery === "at-most-once");
  // only a reason that would run an item again counts: an outside party's checked stance (a webhook retried under
  // a key its receiver honours, so it happens once in effect) keeps its own intake up
  if (
    twice &&
    d.nfrs.availability === "stay-available" &&
    src.availability?.source === "default" &&
    src.consistency?.source !== "stated" &&
    repeatAgainst(src.availability?.because ?? "", d.nfrs.delivery) !== undefined
  )
    out.push({
      rule: "default-weakens-guarantee",
      detail: `the prompt states ${d.nfrs.delivery} (${src.delivery?.because}), but the default availability stays up on both sides of a partition, where a cut-off side could run an item again (${src.availability?.because.slice(0, 120)})`,
    });
  // the prompt's own words, not the design's reading of them: a design that missed 'no photo is ever lost' is caught too
  const said = facts.stated.durability;
  const lossFree =
    said?.value === "durable" && LOSS_WORDS.test(said.quote) ? `the prompt says '${said.quote}'` : undefined;
  if (!lossFree) return out;
  if (d.nfrs.durability === "best-effort")
    out.push({ rule: "default-weakens-guarantee", detail: `${lossFree}, but durability is best-effort` });
  if (d.nfrs.delivery === "at-most-once" && src.delivery?.source !== "stated")
    out.push({
      rule: "default-weakens-guarantee",
      detail: `${lossFree}, but the default delivery is at-most-once: a failed write is dropped after a small budget`,
    });
  for (const r of d.primaryState)
    if (r.durability.value === "best-effort" && r.durability.because.startsWith("not stated"))
      out.push({
        rule: "default-weakens-guarantee",
        detail: `${lossFree}, but ${r.entity} is best-effort by default`,
      });
  const texts = [
    ...d.invariants.map((i) => ({ where: `rule '${i.statement}'`, text: i.statement })),
    ...Object.values(d.context ?? {}).flatMap((v) =>
      typeof v === "string" ? [{ where: `context '${v}'`, text: v }] : [],
    ),
  ];
  for (const t of texts) {
    const m = LOSS_ACCEPTED.exec(t.text);
    if (m)
      out.push({
        rule: "default-weakens-guarantee",
        detail: `${lossFree}, but ${t.where.slice(0, 160)} says '${m[0]}'`,
      });
  }
  return out;
}

/**
 * A chosen option that acknowledges across regions the other way from what the design says of its regions: waiting on
 * other regions beside 'each region accepts writes locally and replicates asynchronously', or shipping writes
 * afterwards beside linearizable state across regions (a cross-region quorum round trip).
 */
function regionsAckOneWay(d: Design): Problem[] {
  if (d.nfrs.regions < 2) return [];
  // what the design says of its regions: a write quorum that spans them (linearizable state, or an acknowledgement
  // the prompt makes outlive a region: context "writes pay a cross-region quorum round trip"), else local writes
  // shipped afterwards
  const spans = /\bcross-region quorum round trip\b/.test(d.context?.regions ?? "");
  const says = d.nfrs.consistency === "linearizable" || spans ? "sync" : "async";
  return chosenOf(d).flatMap(({ row, option }) => {
    // the knowledge's option, where the row is one an older design carried
    const way =
      option.implies?.crossRegion ??
      DECISION_BY_ID.get(row.id)?.options.find((o) => o.id === row.chosen)?.implies?.crossRegion;
    return way && way !== says
      ? [
          {
            rule: "regions-sync-and-async" as const,
            detail: `${row.id} chose '${option.name}', which ${way === "sync" ? "waits on replicas in other regions" : "ships writes to other regions afterwards"}, but with ${d.nfrs.regions} regions and ${d.nfrs.consistency} state the design says ${says === "async" ? "each region accepts writes locally and replicates asynchronously" : "writes pay a cross-region quorum round trip"}`,
          },
        ]
      : [];
  });
}

/** A compare-and-set promised where every region accepts a key's writes and ships them to the others afterwards. */
const COMPARE_AND_SET =
  /\bconditional write applies only when\b|\bcompare-and-set\b|\bversion (?:still )?(?:equals|matches) the version\b/i;

function compareAndSetInOnePlace(d: Design): Problem[] {
  if (d.nfrs.regions < 2 || d.nfrs.consistency === "linearizable") return [];
  // one place orders a key's writes (a leader per shard, a home region): a conditional write can be refused there
  if (!d.decisions.some((r) => r.id === "i16-replication" && r.chosen === "leaderless")) return [];
  return d.invariants.flatMap((i) => {
    const m = COMPARE_AND_SET.exec(i.statement);
    return m && i.archetype === "I16"
      ? [
          {
            rule: "compare-and-set-across-regions" as const,
            detail: `'${i.statement.slice(0, 140)}' promises '${m[0]}', but every one of ${d.nfrs.regions} regions accepts the key's writes and replicates them asynchronously, so no one place can refuse a stale one`,
          },
        ]
      : [];
  });
}

/**
 * A default stance whose reason promises a repeat (an item may fire twice) beside a stated at-most-once delivery:
 * the reason must come from the stated guarantee, not from the archetype's usual text.
 */
function stanceAgreesWithDelivery(d: Design): Problem[] {
  const src = d.nfrs.sources;
  // exactly once promises the same about repeats ('never run twice'), whatever the card's reason says
  if ((d.nfrs.delivery !== "at-most-once" && d.nfrs.delivery !== "exactly-once") || src.delivery?.source !== "stated")
    return [];
  const out: Problem[] = [];
  const reasons = [
    ...(["consistency", "availability", "ordering", "durability"] as const).flatMap((key) =>
      src[key]?.source === "default" ? [{ where: `the ${key} stance's reason`, because: src[key]?.because ?? "" }] : [],
    ),
    ...d.primaryState.flatMap((r) =>
      (["durability", "consistency", "availability"] as const).map((k) => ({
        where: `${r.entity}'s ${k} reason`,
        because: r[k].because.startsWith("not stated") ? r[k].because : "",
      })),
    ),
  ];
  for (const { where, because } of reasons) {
    const m = repeatAgainst(because, d.nfrs.delivery);
    if (m)
      out.push({
        rule: "stance-against-delivery",
        detail: `${where} says '${m[0]}' beside the stated ${d.nfrs.delivery} delivery`,
      });
  }
  return out;
}

/**
 * The records a design draws: those an operation touches, the primary state, the data model, the components hold,
 * and the product features' entities.
 */
function drawnEntities(d: Design): Set<string> {
  return new Set([
    ...d.operations.map((o) => o.entity),
    ...d.primaryState.map((p) => p.entity),
    ...d.dataModel.map((m) => m.entity),
    ...d.components.flatMap((c) => c.holds),
    ...d.features.flatMap((f) => f.entities.map((e) => e.name)),
  ]);
}

/** A record's type name as a whole word, compiled once per name (the names are the cards' records: few). */
const UNDRAWN_PATTERNS = new Map<string, RegExp>();
function undrawnPattern(e: string): RegExp {
  let re = UNDRAWN_PATTERNS.get(e);
  if (re === undefined) {
    re = new RegExp(`(?<![A-Za-z])${e}(?![A-Za-z])`);
    if (UNDRAWN_PATTERNS.size >= 4096) UNDRAWN_PATTERNS.clear();
    UNDRAWN_PATTERNS.set(e, re);
  }
  return re;
}

/**
 * A field that names, by its type name, a record of one of the design's archetypes that the design does not draw
 * (a SequenceCounter once a timestamp layout is chosen; a Lease where a seat's Hold row realizes the claim): a rule,
 * reason or failure row left over from a path the design dropped.
 */
function undrawnEntitiesNamed(d: Design): Problem[] {
  const drawn = drawnEntities(d);
  // a record named by one plain word and kept only where the prompt speaks of its subject (a DNS Zone) is no record of
  // a design about another: that word opening a row ('Zone loss: a whole availability zone goes down') names something
  // else (a compound type name, 'AcquirerAttempt', is never a plain word, so it is still read)
  let unspoken: readonly Topic[] | undefined;
  const onTopic = (e: { name: string; topic?: TopicMark }) => {
    if (e.topic === undefined || !/^[A-Z][a-z]+$/.test(e.name)) return true;
    unspoken ??= designTopicsUnspoken(d.prompt, []);
    return !markTopics(e.topic).every((t) => unspoken?.includes(t));
  };
  const drawnList = [...drawn];
  const undrawn = [
    ...new Set(
      d.archetypes
        .flatMap((a) => [a.id, ...(a.realizes ? [a.realizes.id] : [])])
        .flatMap((id) =>
          /^I\d\d$/.test(id)
            ? archetypeEntry(id as Parameters<typeof archetypeEntry>[0])
                .entities.filter((e) => onTopic(e))
                .map((e) => e.name)
            : [],
        ),
    ),
  ].filter((e) => !drawn.has(e) && !drawnList.some((x) => x.includes(e)));
  // the archetype a feature's record realizes draws none of its own records: that record is its state
  const realized = d.archetypes[0]?.realizes?.id;
  const own = new Set(d.features.flatMap((f) => f.entities.map((e) => e.name)));
  if (realized && /^I\d\d$/.test(realized))
    for (const e of archetypeEntry(realized as Parameters<typeof archetypeEntry>[0]).entities)
      if (!own.has(e.name) && !undrawn.includes(e.name)) undrawn.push(e.name);
  if (undrawn.length === 0) return [];
  // a plain name (letters, digits, spaces) is matched only by a text that holds it: most texts are passed over by a
  // substring search, without running the pattern
  const names = undrawn.map((e) => ({ e, re: undrawnPattern(e), plain: /^[A-Za-z0-9 ]+$/.test(e) }));
  const texts: [string, string][] = [
    ...d.requirements.map((r): [string, string] => [`requirement '${r.text}'`, `${r.path?.entity ?? ""}`]),
    ...d.invariants.map((i): [string, string] => [`invariant '${i.statement}'`, i.statement]),
    ...d.predicates.map((p): [string, string] => [`predicate ${p.id}`, p.because]),
    ...d.mechanisms.map((m): [string, string] => [`mechanism ${m.name}`, `${m.because.join(" ")} ${m.protects}`]),
    ...d.failures.map((f): [string, string] => [
      `failure row '${f.failure}'`,
      `${f.failure} ${f.prevention} ${f.repair}`,
    ]),
    ...d.primaryState.map((p): [string, string] => [`primary state ${p.entity}`, p.entity]),
    ...d.components.map((c): [string, string] => [`component ${c.name}`, c.holds.join(" ")]),
  ];
  // a mechanism's own name is no record ('Lease with expiry on the hold write' opens a sentence with the mechanism)
  const mechanismNames = [...new Set(d.mechanisms.map((m) => m.name))].sort((a, b) => b.length - a.length);
  const withoutMechanisms = (text: string): string => {
    let t = text;
    const lower = text.toLowerCase();
    for (const n of mechanismNames) if (lower.includes(n.toLowerCase())) t = t.replace(pattern(escapeRe(n), "gi"), " ");
    return t;
  };
  const out: Problem[] = [];
  for (const [where, text] of texts) {
    // the mechanisms' names are taken out only of a text that holds a record's name at all
    let own: string | undefined;
    for (const { e, re, plain } of names) {
      if (plain && !text.includes(e)) continue;
      own ??= withoutMechanisms(text);
      if (re.test(own))
        out.push({ rule: "names-undrawn-entity", detail: `${where} names ${e}, which the design does not draw` });
    }
  }
  return out;
}

// ── majority-over-two-domains (lane truth) ─────────────────────────────────────────────────────────────────────────
/**
 * A majority or quorum said to span failure domains (regions, data centres, zones) where the design has fewer than
 * three of them: a majority of two is both, so losing either stops every write, and copies split two and one lose the
 * majority with the larger side (CockroachDB refuses a region survival goal below three regions; Spanner adds a
 * witness region to two read-write regions: knowledge/regions.ts `MAJORITY_DOMAINS_MIN`). The count is the design's
 * regions (a data centre is read as a region) or the zones the prompt places one region over, or a count the sentence
 * itself says ("across two data centres"); a sentence or design that names a third site (a witness, a tiebreaker)
 * says how the majority survives.
 */
const MAJORITY_OVER_DOMAINS = [
  /\b(?:majorit(?:y|ies)|quorums?)\s+of\s+(?:the\s+)?(?:(?:two|both|2)\s+)?(?<noun>regions|data ?cent(?:er|re)s|datacent(?:er|re)s|(?:availability )?zones|azs|sites)\b/i,
  /\b(?:majorit(?:y|ies)|quorums?)\b[^.;]{0,60}?\b(?:across|over|spanning|spread over|split over|between)\s+(?:the\s+)?(?:(?<count>two|both|2)\s+)?(?<noun>regions|data ?cent(?:er|re)s|datacent(?:er|re)s|(?:availability )?zones|azs|sites)\b/i,
  /\bminority (?<noun>region|data ?cent(?:er|re)|zone|site)\b/i,
  /\b(?<noun>region|zone|data ?cent(?:er|re)|site)(?:'s)? (?:loss|failure|outage) (?:keeps|leaves) a (?:majority|quorum)\b/i,
  /\bcross-(?<noun>region) (?:quorum|majority)\b/i,
];
const TWO_OF_NOUN = /\b(?:two|both|2|a pair of)\s+(?:cloud\s+)?$/i;
const THIRD_SITE =
  /\b(?:witness\w*|tie-?break\w*|arbiters?|third (?:site|region|zone|data ?cent(?:er|re)|location|availability zone)|three (?:sites|regions|zones|data ?cent(?:er|re)s|availability zones))\b/i;

function majorityOverFewDomains(d: Checked): Problem[] {
  const regions = d.nfrs.regions;
  const zones = d.nfrs.scale.failure_domains;
  const fewOf = (noun: string): number | undefined => {
    const n = /zone|az/i.test(noun) ? zones : regions > 1 ? regions : undefined;
    return n !== undefined && n > 1 && n < MAJORITY_DOMAINS_MIN ? n : undefined;
  };
  // a design that draws a third site (a witness voter) has said how its majority survives one domain's loss
  if (d.components.some((c) => THIRD_SITE.test(c.name))) return [];
  const texts = [
    ...designTexts(d, "stated"),
    { where: "the execution context's regions line", text: d.context.regions },
    ...d.capacity.map((c) => ({ where: `capacity figure ${c.id}`, text: c.quantity })),
  ];
  const hits: string[] = [];
  let first: { where: string; said: string; few: number; zones: boolean } | undefined;
  for (const t of texts) {
    if (!/\b(?:majorit|quorum|minority)/i.test(t.text)) continue;
    for (const sentence of t.text.split(/(?<=[.;])\s+/)) {
      if (THIRD_SITE.test(sentence)) continue;
      for (const re of MAJORITY_OVER_DOMAINS) {
        const m = re.exec(sentence);
        const noun = m?.groups?.noun;
        if (!m || !noun) continue;
        const before = sentence.slice(0, m.index + m[0].indexOf(noun));
        const few = m.groups?.count || TWO_OF_NOUN.test(before) ? 2 : fewOf(noun);
        if (few === undefined) continue;
        first ??= { where: t.where, said: m[0], few, zones: /zone|az/i.test(noun) };
        hits.push(t.where);
        break;
      }
    }
  }
  if (!first) return [];
  const others = new Set(hits).size - 1;
  return [
    {
      rule: "majority-over-two-domains",
      detail: `${first.where.slice(0, 120)} says '${first.said}' over ${first.few} ${first.zones ? "zones" : "regions or data centres"}${others > 0 ? ` (and ${others} more ${others === 1 ? "place" : "places"})` : ""}: a majority of ${first.few} is all of them, so it does not survive losing one, and no witness voter in a third site is drawn`,
    },
  ];
}
