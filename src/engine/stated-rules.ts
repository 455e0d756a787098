import { CARDINAL_WORDS } from "../knowledge/lexicon.js";
import type { MechanismId } from "../knowledge/mechanisms/catalog.js";
import { singularOf as singular } from "./counted-nouns.js";
import type { GuaranteeShape } from "./design/schema.js";
import { anA, pattern } from "./text.js";

/** How a rule made from a guarantee the prompt states gives its reason (the script leads with such a rule). */
export const GUARANTEE_BECAUSE = "a guarantee stated in its own clause, which beats the archetype's default stance";
/** Whether a rule's reason says it was made from a guarantee the prompt states in a clause of its own. */
export const fromStatedGuarantee = (because: string): boolean => because.endsWith(GUARANTEE_BECAUSE);

/**
 * What a rule guarantee the prompt states in a clause of its own becomes: one place per kind for the hard rule in the
 * prompt's words, the mechanism that keeps it (added to the design when no predicate brought it), the write it sits
 * on, and the failure row that tests it (the crash, pause or partition of the actor on its path).
 *
 * - nothing half-written is visible: outputs go to a staging location and one conditional pointer (manifest) write,
 *   made last and fenced by the attempt's lease token, publishes them (all or nothing);
 * - nothing revoked is served: every read checks the authority, or a copy whose lag is bounded below the revocation
 *   bound, and fails closed when it cannot;
 * - each thing has exactly one owner: a compare-and-set of its owner field from empty, at the thing's own record;
 * - a scope runs at most its cap at once, even when holders crash: a leased slot per holder, counted at one store per
 *   scope, renewed while held and reclaimed after expiry;
 * - an irreversible effect waits for what could still fail: the reversible steps first, the effect last, and
 *   compensations for the reversible ones (a saga);
 * - nothing acknowledged is ever lost: the acknowledgement waits until a majority of replicas in distinct zones hold
 *   the write durably, and a failover promotes only a replica that holds every acknowledged write; on one machine (a
 *   single-node or embedded engine) it waits until the write's log record is fsynced, and recovery replays the log;
 * - each input takes effect exactly once: the consumer's state, the input position it has read up to and its output
 *   are committed together in one checkpoint, and a restart replays from that position;
 * - a parent changes state only once all of its parts are done: the parent's record holds its part count and the set
 *   of part ids done, each completion adds its id once, and the write that adds the last one moves the parent, guarded
 *   by done = total (a fan-in barrier).
 */
export interface StatedRule {
  /** The mechanism that keeps the rule. */
  keeper: MechanismId;
  /** The owner the rule gives each thing, whose write it sits on first (the courier an order is assigned to). */
  owner?: string;
  /**
   * Whether the rule sits first on the write its keeper already carries (a consumer's checkpoint write), before the
   * write that names the rule's thing: what the rule is about is the keeper's own record, not the input it names.
   */
  onKeeper?: boolean;
  /**
   * The mechanisms whose write the rule sits on before any its words name: the copies a loss rule counts are made by
   * the write that replicates, whatever else the prompt calls a write (a writer's lease "renewed while it writes").
   */
  carriers?: readonly MechanismId[];
  /**
   * Other mechanisms that keep the rule where the design already carries one on the write it sits on (an auction's
   * owner that sequences its bids keeps one order of bids as a sequencer would); the rule is then said as that one
   * keeps it (`statement`'s `by`), and the keeper joins the design only where none of them is there.
   */
  keepers?: readonly MechanismId[];
  /**
   * Mechanisms that grant a thing to one holder at a time on a record of their own (a lease): where the design's write
   * of one names the rule's thing or its record plays it (a Lease is a lock's holder record), the rule sits on that
   * write and is said as that mechanism keeps it (`statement`'s `by`), ahead of a write its own words name.
   */
  grantedBy?: readonly MechanismId[];
  /**
   * A failure row the design already holds that tests the same thing as the rule's own row (a paused holder's late
   * write, said by the archetype's card and the keeper's catalogue row), dropped behind the rule's row so the table
   * says it once.
   */
  same?: RegExp;
  /** Words of the write the rule sits on, tried after the write that names the rule's thing. */
  at: RegExp;
  /** The hard rule, in the prompt's words; `entity` is the words of the record the write it sits on writes. */
  statement: (entity: string | undefined, by?: MechanismId) => string;
  /** Whether a rule's statement (lower-cased) says the guarantee. */
  says: (statement: string) => boolean;
  failure: {
    failure: string;
    prevention: string;
    repair: string;
    role: "coordination" | "derived" | "external effect";
  };
}

const IRREGULAR: Readonly<Record<string, string>> = {
  run: "run",
  send: "sent",
  pay: "paid",
  get: "got",
  ship: "shipped",
  sell: "sold",
  oversell: "oversold",
  lose: "lost",
  give: "given",
  take: "taken",
  write: "written",
  hold: "held",
  bring: "brought",
  buy: "bought",
  transfer: "transferred",
};
/** The participle of an act ("charge" -> charged, "pay out" -> paid out, "serve" -> served). */
export function participle(act: string): string {
  const [v = act, ...rest] = act.split(" ");
  const p =
    IRREGULAR[v] ??
    (/e$/.test(v)
      ? `${v}d`
      : /[^aeiou]y$/.test(v)
        ? `${v.slice(0, -1)}ied`
        : // one stressed closing syllable doubles its consonant (ship, stop, submit, admit), an unstressed one does
          // not (credit, limit, deposit, edit)
          /^[^aeiou]*[aeiou][pt]$|(?:sub|ad|com|per|trans|re|^e|^o)mit$/.test(v)
          ? `${v}${v.slice(-1)}ed`
          : `${v}ed`);
  return [p, ...rest].join(" ");
}

/** What one act of taking capacity is called ("overbook" -> booking, "oversell" -> sale); else a placement. */
const REQUEST_OF: Readonly<Record<string, string>> = {
  book: "booking",
  sell: "sale",
  assign: "assignment",
  fill: "fill",
};
/** A record's words said as a record ("partial count" -> partial count record; "source record" stays). */
const recordOf = (entity: string) => (/\brecords?$/.test(entity) ? entity : `${entity} record`);
const upperFirst = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** An effect's noun ("pay out" -> payout, "charge" -> charge, "capture" -> capture). */
const effectNoun = (effect: string) => effect.replace(/ (out|off)$/, "$1");
/** An act said of one server ("serve" -> serves, "accept" -> accepts, "hand out" -> hands out). */
const third = (act: string) => act.replace(/^(\w+)/, (v) => (/(?:s|x|ch|sh)$/.test(v) ? `${v}es` : `${v}s`));
const plural = (noun: string) =>
  /(?:s|x|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;

/**
 * A guarantee that names a rule about one kind of thing beyond a repeat or a last copy: nothing half-written is ever
 * visible ("no half-written output is ever published"), nothing revoked is ever served ("never accepts a revoked
 * key"), each thing has exactly one owner ("every order is assigned to exactly one courier"), a scope never runs more
 * than its cap at once ("at most 20 builds at once even when agents die"), or an irreversible effect waits for what
 * could still fail ("never charges for an order that cannot ship"), nothing acknowledged is ever lost ("no photo is
 * ever lost", "never loses a transaction"), or each input takes effect exactly once ("exactly-once counting").
 */
export type RuleGuarantee = RuleGuaranteeShape extends infer G
  ? G extends unknown
    ? G & { quote: string }
    : never
  : never;

/**
 * A rule guarantee as the design keeps it, its words in the design's sources: the shapes the design schema declares
 * (design/schema.ts, the one declaration), but a thing acted on once and a last copy kept, which are no rule of their own.
 */
export type RuleGuaranteeShape = Exclude<GuaranteeShape, { kind: "once" | "last-known" }>;

/** The rule a stated rule guarantee becomes. */
export function statedRule(g: RuleGuaranteeShape): StatedRule {
  switch (g.kind) {
    case "atomic-publish":
      return {
        keeper: "head-pointer-cas",
        at: /\b(?:publish\w*|commit\w*|complet\w*|finish\w*|results?|outputs?|upload\w*)\b/i,
        statement: (entity) =>
          `No ${g.state} ${g.noun} is ever visible. Every attempt writes its ${g.noun}'s parts under a staging location of its own. The ${g.noun} becomes visible only through one conditional write of its manifest${entity ? ` on the ${entity} record` : ""}, the pointer readers follow. That write comes last, after every part is written and verified, and is accepted only from the attempt that holds the current lease token. Readers follow only that pointer, and an abandoned attempt's staging is deleted after a grace period.`,
        says: (t) => t.includes(g.noun) && /\bmanifest\b|\bpointer\b/.test(t) && /\bstag(?:ing|ed)\b/.test(t),
        failure: {
          failure: `A worker crashes, or pauses past its lease, after writing some of ${anA(g.noun)}'s parts and before the one pointer write that publishes them`,
          prevention: `The parts sit in the attempt's staging location, which no reader follows; the manifest write is conditional on the attempt's lease token, so a paused worker that wakes under a lapsed lease cannot publish`,
          repair: `Another worker runs the attempt again under a new token into a new staging location and publishes it; the orphaned staging is deleted after a grace period`,
          role: "coordination",
        },
      };
    case "never-stale":
      return {
        keeper: "leader-read",
        at: wordPattern(g.act),
        statement: (entity) =>
          `No ${g.state} ${g.noun} is ever ${participle(g.act)}. Before a server ${third(g.act)} ${anA(g.noun)}, it checks the ${g.noun}'s state at the store that holds its ${entity ?? g.noun} record, or at a copy that lags it by less than the revocation bound. A cached ${g.noun} expires sooner than that bound. A check that cannot get an answer that fresh refuses rather than ${g.act} from an older copy, so it fails closed.`,
        says: (t) => t.includes(`no ${g.state} ${g.noun}`) && /\brefuse|\bfails? closed\b/.test(t),
        failure: {
          failure: `A server is cut off from the store that records ${g.state} ${plural(g.noun)}, or its copy falls behind, while a client presents ${anA(g.noun)} that was just ${g.state}`,
          prevention: `Each ${g.act} checks the store, or a copy whose lag is bounded below the revocation bound; cached ${plural(g.noun)} expire sooner than that bound, and with no answer that fresh the ${g.act} is refused (fail closed)`,
          repair: `When the store answers again, the server refreshes its copy from the store's change log before it ${g.act}s again`,
          role: "derived",
        },
      };
    case "exactly-one":
      return {
        keeper: "guarded-transition",
        owner: g.owner,
        grantedBy: ["lease"],
        at: /\b(?:assign|match|dispatch|offer|claim|accept|route|hand|give)\w*\b/i,
        statement: (entity, by) =>
          by === "lease"
            ? // a thing granted by a lease is held by whoever holds its live lease: the lease's conditional grant keeps
              // it, and its fencing token refuses a holder whose lease lapsed
              `No ${g.noun} is ever ${g.how} two ${plural(g.owner)}${g.scope ? ` in one ${g.scope}` : ""}. Each ${g.noun} is held only through its ${entity ?? "lease"} record, which a conditional write creates or takes over only while no live lease on that ${g.noun} exists, naming the one ${g.owner} that holds it. Of two concurrent acquires one wins, and the other sees the live lease and waits or fails. A ${g.owner} that stops renewing loses the ${g.noun} when its lease expires, and the fencing token each grant raises makes the ${g.noun}'s protected writes refuse it after that.`
            : `No ${g.noun} is ever ${g.how} two ${plural(g.owner)}${g.scope ? ` in one ${g.scope}` : ""}. Each ${g.noun}'s ${g.owner}${g.scope ? ` for one ${g.scope}` : ""} is set by one conditional write (compare-and-set) from empty, at the ${entity ?? g.noun} record that owns it. Of two concurrent attempts one wins, and the other reads the winner and stops. ${g.scope ? `A ${g.owner} who gives it up or goes silent is released by a second conditional write on the same field, guarded by the holder's token.` : `A ${g.owner} who declines or goes silent is released by a second conditional write on the same field, guarded by the offer's token.`}`,
        says: (t) => t.includes(`no ${g.noun}`) && t.includes(`two ${plural(g.owner)}`),
        failure: {
          failure: `Two ${g.scope ? "concurrent requests" : "dispatchers"}, or a retry after a timeout, try to give the same ${g.noun} to different ${plural(g.owner)}${g.scope ? ` for one ${g.scope}` : ""} at once, or the ${g.owner} it went to goes silent`,
          prevention: `The ${g.owner} field is set only by a compare-and-set from empty at the ${g.noun}'s record, so the second write finds the first ${g.owner} and fails`,
          repair: g.scope
            ? `A silent ${g.owner}'s hold lapses and a conditional write on the same field, guarded by the holder's token, frees the ${g.noun} for that ${g.scope} again`
            : `A silent ${g.owner}'s offer lapses and a conditional write on the same field, guarded by the offer's token, frees the ${g.noun} to be offered again`,
          role: "coordination",
        },
      };
    case "latest-read": {
      const after = g.after ? ` after ${anA(g.after)} has succeeded` : " after a newer write has succeeded";
      const what = g.noun === "data" ? "data" : anA(g.noun);
      return {
        keeper: "leader-read",
        at: /\b(?:read|get|fetch|download|serve|return|look)\w*\b/i,
        statement: (entity) =>
          `No ${g.state} ${g.noun} is ever ${participle(g.act)}${after}. Every read resolves the current version at the authority that orders the ${entity ?? g.noun} record's writes, and a cached copy is served only while its version equals that one. A write is acknowledged only once that authority holds it, and a read that cannot reach the authority refuses rather than serve an older copy.`,
        says: (t) => t.includes(`no ${g.state} ${g.noun}`) && /\bauthority\b/.test(t) && /\brefuses\b/.test(t),
        failure: {
          failure: `A cache node or a lagging replica still holds ${what} from before an acknowledged write when a read for it arrives`,
          prevention: `Every read checks the current version at the authority and serves a cached copy only while its version matches; a write is acknowledged only once the authority holds it`,
          repair: `The older copy is dropped or refetched from the authority; a read that cannot reach the authority refuses and the client retries`,
          role: "derived",
        },
      };
    }
    case "capacity": {
      // four forms: a holder's capacity ("a node's memory"), a whole holder ("a flight", its capacity), a count of
      // places ("more permits than spaces") and a holder's count ("more rooms than the hotel has")
      const over = g.noun === undefined;
      const whole = g.capacity === "capacity";
      const taken = g.noun === undefined ? undefined : plural(g.noun);
      const within = over
        ? `the ${g.scope}'s ${g.capacity}`
        : g.scope
          ? `the ${taken} the ${g.scope} has`
          : `the ${g.capacity} there are`;
      const counted = over ? (whole ? "capacity" : g.capacity) : g.scope ? taken : g.capacity;
      const last = over ? (whole ? "place" : singular(g.capacity)) : g.scope ? g.noun : singular(g.capacity);
      const head = over
        ? whole
          ? `No ${g.scope} is ever ${participle(g.act)}`
          : `No ${g.scope}'s ${g.capacity} is ever ${participle(g.act)}`
        : g.scope
          ? `No more ${taken} are ever ${participle(g.act)} than the ${g.scope} has`
          : `No more ${taken} are ever ${participle(g.act)} than there are ${g.capacity}`;
      const request = over
        ? (REQUEST_OF[g.act.replace(/^over/, "")] ?? "placement")
        : `request to ${g.act} ${anA(g.noun ?? "unit")}`;
      const requests = over ? plural(request) : "requests";
      const onOne = g.scope ? ` on one ${g.scope}` : "";
      const another = over && !whole ? ` and tries another ${g.scope}` : "";
      const record = g.scope
        ? `the ${g.scope}'s record, which counts the ${counted} already reserved there`
        : `the record that counts the ${counted} already taken`;
      return {
        keeper: "guarded-transition",
        at: over
          ? /\b(?:place|bind|schedul|assign|admit|allocat|reserv|book|claim)\w*\b/i
          : wordPattern(g.act.split(" ")[0] ?? g.act),
        statement: (entity) =>
          `${head}. Each ${request} reserves its share by one conditional write on ${record}${entity && entity !== g.scope ? `, together with its ${entity} record` : ""}, accepted only while that plus the request stays within ${within}. Of two concurrent ${requests} for the last free ${last}${onOne}, one wins and the other is refused${another}. A reservation is freed by a conditional write when what holds it ends, and the count is never read and written back blind.`,
        says: (t) => t.includes(head.toLowerCase()) && /\bconditional write\b/.test(t) && /\breserv/.test(t),
        failure: {
          failure: `Two ${requests} race for the last free ${last}${onOne}, or a holder ends without releasing what it reserved`,
          prevention: `Each reservation is one conditional write accepted only while what is taken plus the request stays within ${within}, so the second finds too little left and is refused`,
          repair: `The refused request retries${another ? ` on another ${g.scope}` : ""}; a holder that ended is released by a conditional write once its lease lapses`,
          role: "coordination",
        },
      };
    }
    case "cap": {
      const scope = g.scope ?? "scope";
      const limit = /^\d/.test(g.limit) ? g.limit : `its ${g.limit}`;
      const more = /^\d/.test(g.limit) ? g.limit : `${limit} of`;
      const even = g.crash ? `, even when ${g.crash} crash` : "";
      const holders = g.crash ?? "holders";
      return {
        keeper: "concurrency-slots",
        at: /\b(?:admit|acquire|start|claim|take|run|lease|reserve)\w*\b/i,
        statement: (entity) =>
          `No ${scope} ever has more than ${more} ${plural(g.noun)} running at once${even}. Each running ${g.noun} holds a ${entity ?? "slot"} row with a lease, at the one store that counts that ${scope}'s slots. A slot is taken by a conditional insert only while fewer than ${limit} are live. The holder renews the lease while the ${g.noun} runs, and stops the ${g.noun} when it cannot renew. An expired slot is reclaimed by a conditional delete on its token. New ${plural(g.noun)} are refused while that store is unreachable, so admission fails closed.`,
        says: (t) => t.includes(`no ${scope}`) && /\bmore than\b/.test(t) && /\blease\b/.test(t),
        failure: {
          failure: `${upperFirst(anA(holders.replace(/s$/, "")))} running ${anA(g.noun)} crashes or is partitioned from the slot store, so its slot is never released, or is released while the ${g.noun} still runs`,
          prevention: `The slot carries a lease the holder renews while the ${g.noun} runs; a holder that cannot renew stops its ${g.noun} before the lease ends, so a reclaimed slot never has a live ${g.noun} behind it`,
          repair: `After the lease expires, a conditional delete on the slot's token frees it and the ${scope}'s next ${g.noun} is admitted`,
          role: "coordination",
        },
      };
    }
    case "effect-last":
      return {
        keeper: "saga",
        at: wordPattern(g.effect.split(" ")[0] ?? g.effect),
        statement: (entity) =>
          `No ${g.noun} that cannot ${g.cannot} is ever ${participle(g.effect)}. The steps that can be undone run first, such as a reservation, an authorisation hold or a booking, each recorded in the ${g.noun}'s workflow state${entity && entity !== g.noun ? ` beside its ${entity} record` : ""}. The irreversible ${effectNoun(g.effect)} runs last, only once every earlier step has succeeded. A step that fails runs the compensations of the earlier ones in reverse (release the reservation, void the hold), so nothing is ${participle(g.effect)} for it.`,
        says: (t) => t.includes(`no ${g.noun}`) && t.includes(g.cannot) && /\blast\b/.test(t),
        failure: {
          failure: `The orchestrator of ${anA(g.noun)} crashes after the reversible steps and before it is ${participle(g.effect)}, or a later step fails`,
          prevention: `Each step is recorded in the ${g.noun}'s workflow state before its call and carries a key made of the ${g.noun} and the step, and the irreversible ${effectNoun(g.effect)} runs last`,
          repair: `The orchestrator resumes from the recorded step: it finishes with the ${effectNoun(g.effect)}, or runs the compensations in reverse and marks the ${g.noun} failed, nothing ${participle(g.effect)}`,
          role: "external effect",
        },
      };
    case "never-lost":
      if (g.oneMachine) {
        // "a write" is its own record: never "a write write"
        const aWrite = g.noun === "write" ? "a write" : `${anA(g.noun)} write`;
        return {
          keeper: "write-ahead-log",
          at: /\b(?:append|writ|record|accept|commit|stor|insert|put|log)\w*\b/i,
          statement: (entity) =>
            `No ${g.noun} is ever lost once it is acknowledged. ${upperFirst(aWrite)}${entity && entity !== g.noun ? ` to its ${recordOf(entity)}` : ""} is acknowledged only after its log record, with a checksum, has been fsynced to the disk, never while it sits in memory or the page cache. After a crash the log is replayed past the last state already on disk, and a torn record at its tail, never acknowledged, is dropped.`,
          says: (t) => t.includes(`no ${g.noun}`) && /\bfsynced\b/.test(t) && /\backnowledged\b/.test(t),
          failure: {
            failure: `The machine loses power after ${aWrite} was acknowledged, with newer writes still in memory and a record half-written at the log's tail`,
            prevention: `The acknowledgement waits for the fsync that covers the write's log record, so every acknowledged ${g.noun} is on the disk; each record carries a checksum`,
            repair:
              "On restart the log is replayed past the last state already on disk, stopping at the first record whose checksum fails; only unacknowledged writes are dropped",
            role: "coordination",
          },
        };
      }
      return {
        keeper: "consensus-replication",
        at: /\b(?:append|writ|record|accept|commit|upload|stor|insert|put|post|debit|credit|send|publish|log)\w*\b/i,
        statement: (entity) =>
          `No ${g.noun} is ever lost once it is acknowledged. ${upperFirst(anA(g.noun))} write${entity && entity !== g.noun ? ` to its ${recordOf(entity)}` : ""} is acknowledged only after at least a majority of its replicas, in distinct zones, hold it durably in their logs, never while one node holds it in memory or on one disk. A failover promotes only a replica that holds every acknowledged write, and a replica that lost its disk is rebuilt from the others before it counts toward a majority again.`,
        says: (t) => t.includes(`no ${g.noun}`) && /\bmajority\b/.test(t) && /\backnowledged\b/.test(t),
        failure: {
          failure: `The node that took ${anA(g.noun)} write crashes, or its disk dies, after it answered and before the other replicas hold the write`,
          prevention: `The write is acknowledged only once a majority of replicas in distinct zones hold it durably, so no single crash or disk loses an acknowledged ${g.noun}; a failover promotes only a replica that holds every acknowledged write`,
          repair: `The promoted replica serves from its log, and the failed one is rebuilt from the others' copies before it counts toward a majority again`,
          role: "coordination",
        },
      };
    case "exactly-once": {
      const done = participle(g.act);
      return {
        keeper: "projector-checkpoint",
        onKeeper: true,
        at: /\b(?:checkpoint\w*|offsets?|positions?)\b/i,
        statement: (entity) =>
          `No ${g.noun} is ever ${done} twice or lost. Each consumer saves its state and the input position it has read up to together in one checkpoint${entity ? ` with its ${recordOf(entity)}` : ""}, and commits its output with that checkpoint, in one transaction or keyed by the ${g.noun}'s id so a replay overwrites rather than adds. After a crash it restores the last checkpoint and replays its input from the saved position, so every ${g.noun} takes effect once.`,
        says: (t) => t.includes(`no ${g.noun}`) && /\bcheckpoint\b/.test(t) && /\btwice\b/.test(t),
        failure: {
          failure: `A consumer crashes after it has ${done} some ${plural(g.noun)} and before it saved its position, so on restart it reads them again`,
          prevention: `Its state, its input position and its output are committed together in one checkpoint, or the output is keyed by the ${g.noun}'s id, so a replay from the saved position rebuilds exactly what it had`,
          repair: `The consumer restores the last checkpoint and replays its input from the saved position; an output keyed by the ${g.noun}'s id is overwritten, not added to`,
          role: "derived",
        },
      };
    }
    case "survive-loss":
      return surviveLossRule(g);
    case "rebuilt-from":
      return rebuiltFromRule(g);
    case "replay-from":
      return replayRule();
    case "fenced-takeover":
      return fencedTakeoverRule();
    case "copies-within":
      return copiesWithinRule(g);
    case "one-answer":
      return oneAnswerRule();
    case "resume-from":
      return resumeRule();
    case "stay-writable":
      return stayWritableRule(g);
    case "same-order":
      return sameOrderRule(g);
    case "all-parts": {
      const parts = plural(g.parts);
      return {
        keeper: "completion-barrier",
        at: /\b(?:complet|finish|succeed|ack\w*|done|process|publish|mark|report|record)\w*\b/i,
        statement: (entity) =>
          `No ${g.noun} is ${g.state} before all of its ${parts} ${g.done}. Only the conditional write that makes the ${g.noun}'s done set as large as its ${g.parts} count moves the ${g.noun} to ${g.state}. Each ${g.parts}'s completion adds its id to that set on the ${g.noun}'s own record${entity && entity !== g.noun ? `, beside its ${recordOf(entity)}` : ""}, so a completion delivered twice changes nothing and the move happens once, however many ${parts} finish at the same moment. A ${g.parts} that fails for good marks the ${g.noun} failed, never ${g.state}.`,
        says: (t) => t.includes(`no ${g.noun}`) && /\bdone set\b/.test(t) && /\bconditional write\b/.test(t),
        failure: {
          failure: `The last two ${parts} of one ${g.noun} finish at the same moment, or one ${g.parts}'s completion is delivered twice`,
          prevention: `Each completion adds its ${g.parts} id to the ${g.noun}'s done set in one conditional write, and only the write that finds every ${g.parts} done moves the ${g.noun} to ${g.state}`,
          repair: `A sweep recounts the done ${g.parts} ids of ${plural(g.noun)} left short of ${g.state} and moves any whose ${parts} are all done`,
          role: "coordination",
        },
      };
    }
  }
}

/** The mechanisms that make a write's copies, the write a stated loss rule sits on: a data pipeline's first. */
const REPLICATING: readonly MechanismId[] = Object.freeze([
  "pipelined-replication",
  "consensus-replication",
  "quorum-read-write",
  "isr-replication",
  "async-replication",
]);

/** The mechanisms that take a record's writes in more than one place and reconcile them: a stay-writable rule's write. */
const MERGING: readonly MechanismId[] = Object.freeze([
  "crdt-merge",
  "lww-overwrite",
  "quorum-read-write",
  "async-replication",
  "anti-entropy-repair",
]);

/** A small count in words, as a rule says it ("two racks"); a larger one in digits (knowledge/lexicon.ts). */
const COUNT_WORDS = Object.entries(CARDINAL_WORDS)
  .filter(([, v]) => v <= 10)
  .sort((a, b) => a[1] - b[1])
  .map(([w]) => w);
const countWord = (n: number): string => COUNT_WORDS[n] ?? String(n);
/** Units that are machines, which can vote in one consensus group (a rack or a zone holds a member, it is none). */
const VOTING_UNIT = /^(?:machine|server|node|host|replica|broker|member|voter)$/;
/** A unit's plural ("data centre" -> data centres). */
const unitPlural = (unit: string): string => plural(unit);

/**
 * The rule for data stated to survive the loss of `lost` failure units at once. Where the prompt counts the machines
 * that hold it ("any two of five servers") they form one consensus group: a write is acknowledged by a majority,
 * floor(n/2) + 1, so n - majority of them may be lost and the rest still hold every acknowledged write and elect a
 * leader among them (Raft, Ongaro and Ousterhout 2014, §5: a cluster of 2f + 1 servers tolerates f failures).
 * Otherwise the data is kept as lost + 1 copies, each on a different unit, acknowledged once all hold it, and a repair
 * loop re-copies what lost a copy from a survivor onto another unit (HDFS places a block's replicas across racks so
 * that losing one rack leaves a copy, and re-replicates under-replicated blocks: the HDFS Architecture guide).
 */
function surviveLossRule(g: Extract<RuleGuaranteeShape, { kind: "survive-loss" }>): StatedRule {
  const units = unitPlural(g.unit);
  const k = countWord(g.lost);
  const voters = g.of !== undefined && VOTING_UNIT.test(g.unit) ? g.of : undefined;
  const majority = voters !== undefined ? Math.floor(voters / 2) + 1 : undefined;
  const lostUnits =
    g.of !== undefined ? `${k} of its ${countWord(g.of)} ${units}` : `${k} ${g.lost === 1 ? g.unit : units}`;
  const head = `No acknowledged ${g.noun} is lost while any ${lostUnits} ${g.lost === 1 && g.of === undefined ? "is" : "are"} down at once`;
  const lostSaid =
    g.lost === 1
      ? `A whole ${g.unit} holding a copy of ${anA(g.noun)} fails`
      : `${upperFirst(k)} ${units} holding copies of the same ${g.noun} fail at once`;
  const says = (t: string) =>
    t.includes(`no acknowledged ${g.noun} is lost while any ${k}`) && /\bdown at once\b/.test(t);
  if (voters !== undefined && majority !== undefined && voters - majority >= g.lost)
    return {
      keeper: "consensus-replication",
      carriers: REPLICATING,
      at: /\b(?:writ(?!ers?\b)|stor|put|set|upload|append|replicat|commit|sav|record|chang|updat)\w*\b/i,
      statement: (entity) =>
        `${head}. The ${countWord(voters)} ${units} form one consensus group, and ${g.noun === "write" ? "a write" : `a write of ${anA(g.noun)}`}${entity && entity !== g.noun ? ` to its ${recordOf(entity)}` : ""} is acknowledged only once a majority of ${countWord(majority)} hold it durably in their logs. Any ${k} may be lost: the ${countWord(voters - g.lost)} left still include a copy of every acknowledged write, elect a leader among themselves and keep serving. A replaced ${g.unit} copies the log from the others before it votes again.`,
      says,
      failure: {
        failure: lostSaid,
        prevention: `The write was acknowledged only once a majority of ${countWord(majority)} of the ${countWord(voters)} ${units} held it, so the ${countWord(voters - g.lost)} left include a copy of every acknowledged ${g.noun}`,
        repair: `The ${units} left elect a leader that holds every acknowledged write and keep serving; a replaced ${g.unit} copies the log from the others before it votes again`,
        role: "coordination",
      },
    };
  const copies = countWord(g.lost + 1);
  return {
    keeper: "replica-repair",
    carriers: REPLICATING,
    at: /\b(?:writ(?!ers?\b)|stor|put|upload|append|replicat|commit|sav|record)\w*\b/i,
    statement: (entity) =>
      `${head}. Each ${g.noun}${entity && entity !== g.noun ? `, in its ${recordOf(entity)},` : ""} is kept as at least ${copies} copies, each on a different ${g.unit}, and a write is acknowledged only once ${copies} copies on ${copies} different ${units} hold it durably. Losing ${k} ${g.lost === 1 ? g.unit : units} leaves at least one whole copy. A repair loop finds every ${g.noun} left with fewer than ${copies} copies and copies it again from a survivor onto another ${g.unit}, fewest copies first, before a further failure can land.`,
    says,
    failure: {
      failure: lostSaid,
      prevention: `The write was acknowledged only once ${copies} copies on ${copies} different ${units} held it, so at least one whole copy is left`,
      repair: `A repair loop finds every ${g.noun} left with fewer than ${copies} copies and copies it again from a survivor onto another ${g.unit}, fewest copies first`,
      role: "coordination",
    },
  };
}

/**
 * The rule for a derived copy stated to be rebuilt from its source when they disagree: the source is the truth, a
 * reconciliation check compares the copy with it, and a range that disagrees is rebuilt by replaying the source.
 */
function rebuiltFromRule(g: Extract<RuleGuaranteeShape, { kind: "rebuilt-from" }>): StatedRule {
  return {
    keeper: "replay-rebuild",
    at: /\b(?:project|deriv|comput|updat|appl|index|refresh|rebuild|aggregat|materiali[sz])\w*\b/i,
    statement: (entity) =>
      `No derived copy is trusted over the ${g.source}. The ${g.source} is the truth, and each copy${entity && entity !== g.source ? `, such as the ${recordOf(entity)},` : ""} is derived from it by applying its changes in order. A reconciliation check compares each copy with the ${g.source}, key range by key range, by counts and checksums, and flags every range that disagrees. A flagged range is rebuilt by replaying the ${g.source} into a fresh copy, which replaces the old one once it has caught up, so a lost or doubled update never stays.`,
    says: (t) => t.includes(`no derived copy is trusted over the ${g.source}`),
    failure: {
      failure: `A derived copy drifts from the ${g.source}: an update is lost or applied twice, or a bug writes a wrong value`,
      prevention: `A reconciliation check compares the copy with the ${g.source} key range by key range, by counts and checksums, and flags every range that disagrees`,
      repair: `The flagged ranges are rebuilt by replaying the ${g.source} into a fresh copy, which replaces the old one once it has caught up; readers keep the old copy until then`,
      role: "derived",
    },
  };
}

/**
 * The rule for a log its readers are stated to read again from a past position, each at its own pace. The log keeps
 * its records for the replay window whatever any reader has read, and each reader's position is its own committed
 * offset, so a reader rewinds without moving another: Kafka's design says the position is the consumer's to control
 * and a consumer may deliberately rewind to an old offset and consume again, and retention is by time or size, not by
 * consumption (Apache Kafka documentation, Design, "Consumer Position" and "Log"); a rewind to a time seeks each
 * partition to the earliest offset whose timestamp is at or after it (KafkaConsumer#offsetsForTimes, Apache Kafka
 * javadoc). A reader that reads old segments is held to its own fetch quota, so the readers at the head keep theirs
 * (Apache Kafka documentation, Operations, "Quotas": byte-rate thresholds per client).
 */
function replayRule(): StatedRule {
  return {
    keeper: "consumer-offsets",
    carriers: ["append-log", "consumer-offsets"],
    at: /\b(?:append|publish|emit|record|writ|produc|ingest|log)\w*\b/i,
    statement: () =>
      `Any reader can reread the log from a past position at its own pace. Every event is appended once to the log, in order per key within its partition. It is kept for the whole replay window whatever any reader has read, and closed segments move to a cheaper tier rather than being deleted. Each reader commits its own position per partition. A new reader starts from the earliest retained offset. A reader that shipped a bug resets its own position to the first offset at or after a chosen time and reprocesses from there, moving no other reader's position. A reader going back reads old segments under its own fetch quota, so the readers at the head are not slowed. It keys its output by the event's id, so a rerun overwrites rather than doubles.`,
    says: (t) => t.includes("reread the log from a past position") && /\boffset\b/.test(t),
    failure: {
      failure: `A reader ships a bug and writes wrong results for days, or a new reader joins long after the first events were appended`,
      prevention: `The log keeps every event for the replay window whatever any reader has read, in order per key, and each reader's position is its own committed offset, so one reader going back moves no other`,
      repair: `The reader's committed offset is reset to the first offset at or after the chosen time, and it reprocesses from there under its own fetch quota; a new reader starts at the earliest retained offset, and output keyed by event id is overwritten, not added to`,
      role: "derived",
    },
  };
}

/**
 * The rule for a hold stated to pass on when its holder stops renewing it, with the old holder's late acts refused. A
 * lease alone cannot keep it: a holder paused past its lease (a long GC pause, a frozen VM, a dropped radio) still
 * believes it holds and acts late. So each grant carries a number that rises with every grant, the holder sends it with
 * every act, and the resource refuses an act whose number is below the highest it has accepted: Chubby's sequencer
 * (lock name, mode and lock generation number) is passed with each request and the server it reaches checks it is
 * still current, and where a server cannot check one, a lock whose holder failed is kept from other clients for a
 * lock-delay (Burrows, "The Chubby lock service for loosely-coupled distributed systems", OSDI 2006, section 2.4).
 */
function fencedTakeoverRule(): StatedRule {
  return {
    keeper: "fencing-token",
    onKeeper: true,
    at: /\b(?:update|apply|commit|complet|push|fenc)\w*\b/i,
    statement: (entity) =>
      `A holder that stops renewing loses its hold, and the old holder's late acts change nothing. Each grant carries a fencing token higher than any granted before, every act carries its holder's token, and the ${entity ?? "resource"} refuses a token below the highest it has accepted, checked and recorded in the same write as the act. A holder that paused, froze or lost its network and comes back late is refused, and acts again only under a new grant.`,
    same: /\b(?:paus\w*|frozen|froze|stalled)\b[^.;]*\b(?:lease|claim|hold)\b[^.;]*\b(?:expired|lapsed)\b/i,
    says: (t) => t.includes("the old holder's late acts change nothing") && /\bfencing token\b/.test(t),
    failure: {
      failure: `A holder pauses past its lease (a long GC pause, a frozen VM, a dropped network link), another is granted the resource, and the old holder wakes up and acts on what it still believes it holds`,
      prevention: `The new holder's grant carries a higher fencing token, every act carries its holder's token, and the resource refuses an act whose token is below the highest it has accepted, in the same write as the act`,
      repair: `The late act is refused as stale; the old holder drops what it believed it held, and acquires again (under a new, higher token) before acting; a write it began before the pause is redone by the current holder`,
      role: "coordination",
    },
  };
}

/**
 * The rule for a system stated to keep one agreed answer, never two, while its voters are split or a minority of them
 * is down. Raft elects at most one leader per term, since each server votes once per term and a leader needs a
 * majority; an entry is committed once the leader has it stored on a majority; and before answering a read-only
 * request a leader confirms it has not been deposed by exchanging heartbeats with a majority (Ongaro and Ousterhout,
 * "In Search of an Understandable Consensus Algorithm", USENIX ATC 2014, sections 5.2, 5.3 and 8). A side without a
 * majority can therefore neither elect a leader nor commit, so it refuses rather than answer on its own.
 */
function oneAnswerRule(): StatedRule {
  return {
    keeper: "consensus-replication",
    keepers: ["consensus-replication", "epoch-term", "leader-election"],
    carriers: ["consensus-replication"],
    at: /\b(?:commit|writ|elect|assign|record|set|updat|register|chang)\w*\b/i,
    statement: (entity) =>
      `There is one agreed answer, never two, even while the voters are split or a minority of them is down. A change to the ${entity ?? "record"} commits only once a majority of the voters hold it, under the current leader's term, and a read that must be current goes through that leader once it has confirmed with a majority that it still leads. A side cut off without a majority can neither elect a leader nor commit, so it refuses writes and current reads, and a deposed leader's old term is refused by the others.`,
    says: (t) => t.includes("there is one agreed answer, never two"),
    same: /\b(?:partition\w*|split)\b[^.;]*\b(?:old|former|deposed|stale)\s+leader\b[^.;]*\b(?:keeps|still|continues)\b|\bpartition\s+splits\s+the\s+(?:replicas|voters|cluster)\b/i,
    failure: {
      failure: `A network split cuts the voters in two, and the old leader on the minority side keeps answering while the majority side elects a new one`,
      prevention: `A change commits only once a majority holds it and a current read is answered only after the leader confirms it still leads, so the minority side's leader can neither commit nor answer; the new leader's higher term makes the others refuse the old one`,
      repair: `When the split heals, the old leader sees the higher term and steps down, its uncommitted entries are dropped, and it catches up from the new leader's log before it votes or serves again`,
      role: "coordination",
    },
  };
}

/** The mechanisms that record how far a worker or reader has durably got, in the order a resume prefers them. */
const RECORDS_PROGRESS: readonly MechanismId[] = ["scan-checkpoint", "consumer-offsets", "projector-checkpoint"];

/**
 * The rule for long work stated to pick up where it stopped after a crash. The position moves only after the work
 * before it is durable and only forward, so a restart from it skips nothing and redoes at most the batch in progress,
 * which is harmless where each item's effect is keyed or idempotent: a Kafka consumer that commits its position only
 * after processing gets at-least-once delivery, and one that commits before gets at-most-once (Apache Kafka
 * documentation, Design, "Message Delivery Semantics").
 */
function resumeRule(): StatedRule {
  return {
    keeper: "scan-checkpoint",
    keepers: RECORDS_PROGRESS,
    carriers: RECORDS_PROGRESS,
    at: /\b(?:checkpoint|advanc|commit|record|progress|cursor|offset)\w*\b/i,
    statement: (entity) =>
      `A crash loses at most the batch in progress: the work resumes where it stopped, never from the start, and skips nothing. The position on the ${entity ?? "checkpoint record"} moves only after the work before it is durable, only forward and only from the current owner, and a restart, or a worker taking over, resumes just after it, so only the unfinished batch is done again, and each item's effect is keyed so doing it again changes nothing.`,
    says: (t) => t.includes("a crash loses at most the batch in progress"),
    failure: {
      failure: `A worker crashes mid-batch, after some of its items took effect and before it recorded its position`,
      prevention: `The position is recorded only after the batch's effects are durable, and each item's effect is keyed so a repeat changes nothing`,
      repair: `Another worker, or the restarted one, resumes just after the last recorded position and redoes only the unfinished batch`,
      role: "derived",
    },
  };
}

/** The mechanisms that carry a change to the copies of a thing, in the order a bound on the copies prefers them. */
const CARRIES_CHANGES: readonly MechanismId[] = [
  "watch-stream",
  "cache-invalidation",
  "gossip-dissemination",
  "projector-checkpoint",
  "ttl-expiry",
];

/**
 * The rule for a stated bound on how far copies trail their source. A change is pushed to every copy and a copy that
 * missed it is caught by a check inside the bound: etcd's watch streams deliver each change after a revision, and a
 * watcher that reconnects resumes from the last revision it saw (etcd API guarantees, "Watch"; a compacted revision
 * forces a fresh read); a look-aside cache deletes the key once the database write commits (Nishtala et al., "Scaling
 * Memcache at Facebook", NSDI 2013), and each stored item also carries its own expiration time (memcached
 * doc/protocol.txt, the storage commands' exptime), so a lost invalidation lasts no longer than the expiry. Said as the mechanism the design carries on that write keeps it, else a watch stream (a
 * change pushed to every copy) or an invalidation (a served copy that may not trail by more).
 */
function copiesWithinRule(g: Extract<RuleGuaranteeShape, { kind: "copies-within" }>): StatedRule {
  const served = g.noun !== undefined;
  return {
    keeper: served ? "cache-invalidation" : "watch-stream",
    keepers: CARRIES_CHANGES,
    carriers: CARRIES_CHANGES,
    at: /\b(?:publish|push|commit|updat|edit|chang|invalidat|purg|roll|distribut|propagat|deploy|sync)\w*\b/i,
    statement: (entity) =>
      served
        ? `No copy serves ${anA(g.noun ?? "value")} more than ${g.bound} behind its last change. The write that changes it invalidates the ${entity ?? "cached copies"} once it commits, and every cached entry also expires well inside that bound, so a lost invalidation lasts no longer than the expiry; a read that finds no fresh entry goes to the source.`
        : `Every copy applies a change within ${g.bound} of its commit. Each change is committed ${entity ? `as ${anA(entity)} with a rising version number` : "under a rising version"} and pushed at once to every copy over the streams they hold open, and each copy reports the version it has applied, so the source knows which copies are behind. A copy that missed a push (a dropped stream, a restart) resumes from its last applied version when it reconnects, and every copy also checks for the latest version well inside that bound; a copy still behind at the bound is named, so it is fixed or taken out of service.`,
    says: (t) =>
      t.includes("every copy applies a change within") || /\bno copy serves .* behind its last change\b/.test(t),
    failure: served
      ? {
          failure: `An invalidation is lost (the cache node was unreachable when the write committed), and a cached ${g.noun} outlives its change`,
          prevention: `Every cached entry expires well inside the stated bound (${g.bound}), so a lost invalidation lasts no longer than the expiry`,
          repair: `The entry expires and the next read fetches the current value from the source; repeated lost invalidations raise an alert`,
          role: "derived",
        }
      : {
          failure: `A copy misses a change (its stream dropped, or it restarted mid-push) and keeps serving the old version past the stated bound (${g.bound})`,
          prevention: `Each copy resumes from its last applied version when it reconnects and also checks for the latest version well inside the bound; the source tracks the version each copy has applied`,
          repair: `The copies still behind at the bound are named and sent the change again, or taken out of service until they apply it`,
          role: "derived",
        },
  };
}

/**
 * The rule for a store stated to keep taking writes in each region (or data centre) while they are cut off from each
 * other or one is down. Each place acknowledges a write on its own replicas without waiting for another, stamps it
 * with a version vector entry of its own, and ships it to the others in the background; when the cut heals they
 * exchange what each missed, compared range by range by hash trees, and concurrent versions of one record are merged
 * by a rule every place applies alike, so all converge. This is Dynamo's always-writeable design (DeCandia et al.,
 * "Dynamo: Amazon's Highly Available Key-value Store", SOSP 2007: vector clocks to find concurrent versions, Merkle
 * trees for anti-entropy); a merge that is a join converges whatever order the states arrive in (Shapiro et al.,
 * "Conflict-free Replicated Data Types", SSS 2011, which counts a last-writer-wins register among them).
 */
function stayWritableRule(g: Extract<RuleGuaranteeShape, { kind: "stay-writable" }>): StatedRule {
  const units = unitPlural(g.unit);
  const under = g.cut === "loss" ? `while ${anA(g.unit)} is down` : `while the ${units} are cut off from each other`;
  return {
    keeper: "crdt-merge",
    // (the write that ships a record's versions between replicas, before any other its words name)
    carriers: MERGING,
    at: /\b(?:writ|put|set|updat|add|sav|record|stor|overwrit|chang|upsert)\w*\b/i,
    statement: (entity) =>
      `No ${g.noun} write is refused ${under}. Each ${g.unit} acknowledges a write${entity && entity !== g.noun ? ` to its ${recordOf(entity)}` : ""} once its own replicas hold it, without waiting for any other ${g.unit}, and stamps it with a version that names the ${g.unit} it was taken in. Writes are shipped to the other ${units} in the background. When the link is back the ${units} exchange what each missed, compared range by range by hash trees, and two versions written concurrently on both sides are merged by the record's merge rule, the same in every ${g.unit} (a set that keeps every add and remove by its own id, or the newer write by a hybrid timestamp where the prompt lets the latest win), so every ${g.unit} ends with the same ${g.noun}. A read in one ${g.unit} may miss the other side's writes until then.`,
    says: (t) => t.includes(`no ${g.noun} write is refused`) && /\bmerged\b/.test(t),
    failure: {
      failure:
        g.cut === "loss"
          ? `${upperFirst(anA(g.unit))} goes down while clients keep writing ${plural(g.noun)}, some of them written there a moment before`
          : `The link between ${units} is cut while clients on both sides keep writing the same ${g.noun}`,
      prevention: `Each ${g.unit} acknowledges writes on its own replicas and stamps each with a version naming that ${g.unit}, so no write waits for another ${g.unit} and none is refused`,
      repair: `When the link is back, the ${units} exchange the writes each missed, compared by hash trees, and merge concurrent versions of each ${g.noun} by the same rule, so all converge; writes acknowledged only in a ${g.unit} that never comes back are lost, as the stance accepts`,
      role: "coordination",
    },
  };
}

/** The mechanisms that give every copy one order of a subject's writes: a same-order rule's write, and its keepers. */
const SEQUENCING: readonly MechanismId[] = Object.freeze([
  "owner-sequenced-bid",
  "authoritative-tick",
  "operational-transform",
  "op-sequencer",
  "consensus-replication",
]);

/**
 * The rule that everyone sees a subject's writes in the same order, or ends with the same state of it. One owner per
 * subject (a channel, a lot, a board) gives each write the next sequence number by a conditional append to the
 * subject's log before it acknowledges it, and every copy applies the writes strictly in that order, holding back one
 * that arrives after a gap until the gap is fetched from the log: total order by a fixed sequencer, as in
 * Défago, Schiper and Urbán, "Total Order Broadcast and Multicast Algorithms: Taxonomy and Survey" (ACM Computing
 * Surveys 36(4), 2004, §4.1 fixed sequencer). Two writes at the same instant are ordered by the owner alone, so every
 * copy resolves them alike; a replaced owner continues the log under a higher epoch, which the log checks on each
 * append, so two owners never number one subject. Where the state must converge and the design merges concurrent
 * changes without an owner (crdt-merge), the merge is a join every copy applies alike, so copies that have received
 * the same changes hold the same state whatever order they came in, and no change is dropped (Shapiro et al.,
 * "Conflict-free Replicated Data Types", SSS 2011).
 */
function sameOrderRule(g: Extract<RuleGuaranteeShape, { kind: "same-order" }>): StatedRule {
  const things = plural(g.noun);
  const head = g.converge
    ? `Every copy ends up with the same ${g.noun}, and no one's change to it is dropped`
    : `Every copy shows ${things} in the same order`;
  return {
    keeper: "op-sequencer",
    keepers: g.converge ? [...SEQUENCING, "crdt-merge"] : SEQUENCING,
    carriers: g.converge ? [...SEQUENCING, "crdt-merge"] : SEQUENCING,
    at: /\b(?:append|send|post|submit|place|play|move|edit|apply|publish|writ|add|draw|updat|sequenc)\w*\b/i,
    statement: (entity, by) =>
      by === "crdt-merge"
        ? `${head}. Each change${entity && entity !== g.noun ? ` to its ${recordOf(entity)}` : ""} carries its own id and the version it was made against, and every copy merges concurrent changes by the same rule, a join that gives the same result whatever order the changes arrive in, so copies that have received the same changes hold the same ${g.noun}. A change is never overwritten away: two concurrent changes to one element are both kept in the merged state or resolved by one rule every copy applies alike, and a copy that was offline receives every change it missed before it shows the ${g.noun} again.`
        : `${head}. Each ${g.converge ? "change" : g.noun} goes to the one owner of its stream${entity && entity !== g.noun ? `, the ${recordOf(entity)}` : ""}, which gives it the next sequence number by a conditional append to that stream's log before it acknowledges it. Every copy applies ${g.converge ? "changes" : things} strictly in sequence order and holds back one that arrives after a gap until the missing numbers are fetched from the log, so two sent at the same instant land in the order the owner gave them on every screen${g.converge ? `, and a concurrent change to the same element is resolved by the same rule on every copy, the later number applied over the earlier, both kept in the log` : ""}. An owner that fails is replaced only under a higher epoch, which the log checks on every append, so two owners never number one stream.`,
    says: (t) =>
      (g.converge ? t.includes(`the same ${g.noun}`) : t.includes(`${things} in the same order`)) &&
      /\bsequence number\b|\bmerges\b/.test(t),
    failure: {
      failure: `Two ${g.converge ? "changes to the same element" : things} reach different servers at the same instant, or the owner that orders them fails between ordering one and sending it on`,
      prevention: `Only the stream's one owner orders its writes, by a conditional append at the next sequence number (or a merge every copy applies alike), and every copy applies them in that order, fetching any gap from the log`,
      repair: `A new owner takes the stream over under a higher epoch and continues the log from its last number; a copy that missed writes refetches them from the log by number before it shows the ${g.converge ? g.noun : things} again`,
      role: "coordination",
    },
  };
}

/** A word's pattern, whole word, any ending ("accept" also finds "accepts", "accepted"). */
const wordPattern = (word: string): RegExp =>
  pattern(String.raw`\b${word.replace(/[^a-z]/gi, "").replace(/e$/, "")}\w*\b`, "i");
