import { REGION_REACH } from "../../knowledge/capacity/latency.js";
import { FIXED_HOLD_WORDS } from "../../knowledge/mechanism-semantics.js";
import { NEVER_EARLY } from "../../knowledge/patterns.js";
import { MAJORITY_DOMAINS_MIN, RACK_FAILURE_UNIT, REGION_MODES, ZONE_FAILURE_UNIT } from "../../knowledge/regions.js";
import { oneMachineReason } from "../../knowledge/topics.js";
import type { Deriver } from "../design/graph.js";
import type { ComponentRow, ExecutionContext, Nfrs, OperationRow, ReadPathRow, RunsIn } from "../design/types.js";
import { hardRuleStances, type PathStance } from "../hard-rules.js";
import { acksSpanRegions, ownsSpaceAcrossRegions } from "../regions.js";
import { actionVerb, contentStems, pattern } from "../text.js";
import { archetype } from "./common.js";

/** A path whose own words say the caller's acknowledgement waits for it ("… and ack on a write quorum"). */
export const ACK_WAITS =
  /\b(?:ack(?:nowledg\w*)?)\b[^.;]*?\b(?:once|on|after|only)\b|\bwaits? for\b|\bbefore (?:replying|answering|acknowledging)\b/i;
/** A path that commits inside the caller's own write ("in the same commit", "in the same transaction"). */
const SAME_COMMIT = /\bin the same (?:commit|transaction)\b/i;

/**
 * Where a path runs, by one rule over data: the card's own placement when it states one (a periodic rule
 * evaluation, a call the outbox relay makes); else a path the acknowledgement waits for, or one that commits
 * inside the caller's write, is on the request path however it is shaped; else a hidden record of a request
 * (an idempotency key) is written inside the request it guards; else a path a worker pool or control loop of the
 * architecture runs (one of its `runs` opens on the path's verb: "claim due runs" for "claim the runnable run") runs
 * there; else an async process runs in a worker, another hidden write in a background loop, and the rest in the
 * caller's request.
 */
export function runsIn(
  op: Pick<OperationRow, "phrase" | "operation" | "hidden" | "interaction" | "archetype" | "mechanism">,
  components: readonly Pick<ComponentRow, "name" | "kind" | "runs" | "archetype">[] = [],
): {
  runsIn: RunsIn;
  because: string;
} {
  const card = archetype(op.archetype).writePaths.find((w) => op.phrase.startsWith(w.action));
  if (card?.runs) return { runsIn: card.runs.in, because: card.runs.because };
  if (ACK_WAITS.test(op.phrase))
    return {
      runsIn: "request path",
      because: "the caller's acknowledgement waits for it, so it is part of the request",
    };
  if (SAME_COMMIT.test(op.phrase))
    return { runsIn: "request path", because: "it commits inside the caller's own write" };
  if (op.hidden && op.mechanism === "idempotency-key")
    return {
      runsIn: "request path",
      because: "a request's dedup record is checked and written inside the request it guards",
    };
  const runner = runnerOf(op, components);
  if (runner)
    return runner.kind === "control-loop"
      ? { runsIn: "control loop", because: `the ${runner.name} control loop runs it, not a caller's request` }
      : { runsIn: "async worker", because: `the ${runner.name} worker pool runs it after the caller is answered` };
  if (op.operation === "async process" || op.interaction === "async side-effect target")
    return { runsIn: "async worker", because: "it happens after the caller is answered, driven by a worker" };
  if (op.hidden)
    return { runsIn: "control loop", because: "a hidden write is kept up by a background loop, not by a caller" };
  return { runsIn: "request path", because: "a caller waits for it, so it must be fast and safe to retry" };
}

/** The first stem of a word ("claiming" -> "claim"), or "-" for none. */
/**
 * The failure domains (availability zones, data centres) the prompt places one region's replicas over, where they are
 * fewer than a majority needs to survive losing one (two zones: the zone holding two of three copies takes the
 * majority with it); undefined otherwise.
 */
const fewZones = (n: Pick<Nfrs, "scale">): number | undefined => {
  const v = n.scale.failure_domains?.value;
  return v !== undefined && v >= 2 && v < MAJORITY_DOMAINS_MIN ? v : undefined;
};

const verbStem = (word: string): string => [...contentStems(word)][0] ?? "-";

/**
 * The worker pool or control loop of the architecture, drawn by the path's own archetype or feature, one of whose
 * `runs` opens on the path's verb (another part's loop that happens to share a verb, a sweeper's "release holds"
 * beside a lease's "release the lease", runs none of this path).
 */
function runnerOf(
  op: Pick<OperationRow, "phrase" | "archetype">,
  components: readonly Pick<ComponentRow, "name" | "kind" | "runs" | "archetype">[],
): Pick<ComponentRow, "name" | "kind"> | undefined {
  if (components.length === 0) return undefined;
  const verb = verbStem(actionVerb(op.phrase));
  if (verb === "-") return undefined;
  return components.find(
    (c) =>
      (c.kind === "control-loop" || c.kind === "worker-pool") &&
      c.archetype === op.archetype &&
      c.runs.some((r) => verbStem(/^\S*/.exec(r)?.[0] ?? "") === verb),
  );
}

/**
 * The execution context with each path placed again once the architecture is drawn (`runsIn` with the components):
 * a path a worker pool or control loop runs is placed there, where the operations alone would put it on the request
 * path. The one placement the worksheet shows and the script says.
 */
export function placedByComponents(
  context: ExecutionContext,
  operations: readonly Parameters<typeof runsIn>[0][],
  components: readonly Pick<ComponentRow, "name" | "kind" | "runs" | "archetype">[],
): ExecutionContext {
  let changed = false;
  const paths = context.paths.map((p) => {
    const op = operations.find((o) => o.phrase === p.path);
    const now = op ? runsIn(op, components) : undefined;
    if (!now || now.runsIn === p.runsIn) return p;
    changed = true;
    return { path: p.path, ...now };
  });
  return changed ? { ...context, paths } : context;
}

/** The kinds of decision wall-clock time takes in a design, each by the words of the paths that take it. */
/** `fixed`: said instead where the prompt gives a hold a fixed duration (knowledge/mechanism-semantics.ts). */
const TIME_DECISIONS: readonly { re: RegExp; says: string; early?: string; fixed?: string }[] = [
  {
    re: /\bcommit wait\b/i,
    says: "commit timestamps come from clocks whose uncertainty is known, and each commit waits that uncertainty out before it is acknowledged, so the order of commits never rests on two clocks agreeing",
  },
  {
    re: /\b(lease|heartbeats?|keepalives?|renew|expir\w*|ttl|time-to-live|session timeout|live (?:group )?members)\b/i,
    says: "expiry uses the authority's clock, and holders renew well before it, assuming bounded drift",
    fixed:
      "expiry uses the authority's clock: a hold's expiry is stamped once when it is taken, the stated duration later, and never renewed, assuming bounded drift",
  },
  {
    re: /\b(firing|alerts?|for duration|staleness|stale series)\b/i,
    says: "how long a condition has held before an alert fires, and when a series goes stale, are measured on the evaluator's clock",
  },
  {
    re: /\b(retention|older than|grace period|past the retention)\b/i,
    says: "retention and grace periods are measured on the server's clock, with a margin for drift",
  },
  {
    re: /\b(due|timer|timeout|backoff|schedule|next_due_at|next_visit_at)\b/i,
    says: "due times, timeouts and backoff run on the scheduler's clock, and firing a little early or late by the drift is tolerated",
    // a design whose rule forbids an early release spends the drift on the late side only
    early:
      "due times, timeouts and backoff run on the scheduler's clock; an item is released only once that clock, less its error bound, has passed its due time, so drift makes it late, never early",
  },
];

/** The actors of this design that can stop half-way, named by what their paths do. */
function crashActors(
  ops: readonly { phrase: string; entity: string; operation: string; hidden: boolean }[],
  lasting: boolean,
): string[] {
  const text = ops.map((o) => `${o.phrase} ${o.entity}`).join(" ");
  const out: string[] = [];
  // a claim the prompt treats as lasting ownership is a record changed by one conditional write, never a lease a
  // holder keeps alive: its half-step is a change of owner whose reply was lost
  if (lasting && /\b(claim|transfer|owner)/i.test(text))
    out.push("a claimant between its conditional write and the reply");
  else if (/\b(lease|claim|lock|holder)/i.test(text)) out.push("a holder mid-lease");
  if (/\b(replicat|quorum|follower|in-sync|majority)/i.test(text)) out.push("a leader mid-replication");
  if (/\b(provider|outbox|webhook|charge|external)/i.test(text))
    out.push("a sender between calling out and recording the outcome");
  if (ops.some((o) => o.operation === "async process" || o.hidden)) out.push("a worker mid-task");
  return out.length > 0 ? out : ["a server between accepting a write and making it durable"];
}

/**
 * The failure stance said per path where a hard rule forces one: the rule's path first, then the design's stance
 * for everything else (its reads and other writes).
 */
function perPath(stance: string, stances: readonly PathStance[]): string {
  if (stances.length === 0) return stance;
  const forced = stances.map((s) => `'${s.path}' fails closed on one linearizable authority (${s.because})`);
  return `per path: ${forced.join("; ")}; every other path ${stance}`;
}

/** A read's phrase up to where it says how it is served ("suggest the top-k completions for a typed prefix"). */
const shortRead = (read: string) => read.split(/ from | \(|, /)[0] ?? read;

/**
 * The regions a read path is served from when no region count is stated: where the tightest stated latency target is
 * below one round trip between regions (and not so tight that only callers inside a region can meet it), and a read is
 * served from a copy, one region cannot answer readers a region away within the target, so each group of readers gets
 * a serving region with its own copy; the authoritative state stays in one region.
 */
export function servingRegions(
  n: Pick<Nfrs, "regions" | "latency">,
  readPaths: readonly Pick<ReadPathRow, "read" | "servedBy">[],
): ExecutionContext["servingRegions"] {
  if (n.regions.source !== "default") return undefined;
  const tightest = [...n.latency].sort((a, b) => a.ms - b.ms)[0];
  if (!tightest || tightest.ms >= REGION_REACH.crossRegionRttMs || tightest.ms < REGION_REACH.inRegionMs)
    return undefined;
  const copy = readPaths.find((r) => r.servedBy !== "authority");
  if (!copy) return undefined;
  return {
    value: REGION_REACH.servingRegions,
    because: `'${tightest.quote}' is below the worst round trip between two regions of one continent (${REGION_REACH.crossRegionWhy}), so one region cannot answer its farthest readers within it; the read '${shortRead(copy.read)}' comes from a ${copy.servedBy}, which each region can hold, so it is served from ${REGION_REACH.servingRegions} regions, ${REGION_REACH.servingWhy}; the authoritative state stays in one region`,
  };
}

export const contextField: Deriver<"context"> = {
  field: "context",
  category: "Classified",
  reads: ["prompt", "archetypes", "operations", "nfrs", "readPaths", "invariants"],
  rule: "each path runs in the request path, an async worker or a control loop: where its archetype's card places it, else on the request path when the acknowledgement waits for it or it commits inside the caller's write, else (once the architecture is drawn) where a worker pool or control loop its own archetype draws runs its verb, else by its shape; retries, crashes, the time-driven decisions its paths name, and regions follow from the operations and the NFRs; with no region count stated, a latency target below one round trip between regions serves a read that comes from a copy from a region near each group of readers; a subject that lives in one process on one machine (an embedded storage engine) has no replicas to spread over zones",
  derive: (f) => {
    const paths: ExecutionContext["paths"] = f.operations
      .filter((o) => o.operation !== "read source" && o.operation !== "read projection")
      .map((o) => ({ path: o.phrase, ...runsIn(o) }));
    const text = f.operations.map((o) => `${o.phrase} ${o.entity}`).join(" ");
    // a rule kept by the not-before gate, a stated clause or a rule of the design that forbids acting before the due
    // time: drift may only make a release late
    const neverEarly = pattern(NEVER_EARLY, "i");
    const notEarly =
      f.invariants.some((i) => i.keptBy === "not-before-gate" || neverEarly.test(i.statement)) ||
      neverEarly.test(f.prompt);
    const fixedHold = FIXED_HOLD_WORDS.test(f.prompt);
    const timed = TIME_DECISIONS.filter((t) => t.re.test(text)).map(
      (t) => (notEarly && t.early) || (fixedHold && t.fixed) || t.says,
    );
    const n = f.nfrs;
    const serving = servingRegions(n, f.readPaths);
    // a subject that lives in one process on one machine (an embedded storage engine) has no replicas to spread
    const oneMachine = oneMachineReason(n.topics);
    // a hard rule the prompt states sets its own path's stance: that path fails closed, the rest keep the design's
    const stances = hardRuleStances(f);
    return {
      paths,
      retries:
        n.delivery.value === "at-most-once"
          ? // a stated at-most-once binds the effect (a job fired once per due time), not the API; a default one is
            // soft state whose loss is accepted
            n.delivery.source === "stated"
            ? "the effect is attempted at most once: its start is recorded durably before the call, and an attempt whose outcome is unknown is reported, never retried (at-most-once); callers may resend an API write, which its request id makes a no-op"
            : "callers retry a failed write only within a small budget and then drop it; a lost write is accepted (at-most-once), so a repeat must be harmless rather than guarded"
          : "callers and workers retry on timeout, so every write may arrive more than once and must be safe to repeat",
      crashes: `any actor can crash between acting and recording: ${crashActors(f.operations, n.tenure !== undefined).join(", ")}; recovery must find and finish or undo that half-step`,
      clocks:
        timed.length > 0
          ? `${timed.join("; ")}; nothing trusts a client clock for correctness`
          : "no correctness decision depends on wall-clock time; ordering comes from versions and sequence numbers",
      regions:
        n.regions.value > 1 && ownsSpaceAcrossRegions(n.regions.value, f.archetypes)
          ? `${n.regions.value} regions: ${REGION_MODES["owned-space"].says}`
          : n.regions.value > 1
            ? `${n.regions.value} regions: ${n.consistency.value === "linearizable" || acksSpanRegions(n) ? (n.regions.value < MAJORITY_DOMAINS_MIN ? "writes pay a cross-region quorum round trip over three sites, a witness voter in a third one, since a majority of two regions is both of them" : "writes pay a cross-region quorum round trip") : "each region accepts writes locally and replicates asynchronously"}${n.consistency.value !== "linearizable" && acksSpanRegions(n) ? ", so no acknowledged write is lost with a region, while reads are served by the nearest region and may trail" : ""}`
            : serving
              ? `the read path is served from ${serving.value} regions, each with its own copy, because the stated target is below the worst round trip between two regions of one continent; one home region holds the authoritative state, its replicas spread across zones`
              : oneMachine
                ? `one machine: ${oneMachine}, so nothing is replicated; backups or a store built on top keep other copies`
                : // the failure unit the prompt names (a whole rack) is the one the replicas are spread over
                  pattern(RACK_FAILURE_UNIT, "i").test(f.prompt) && !pattern(ZONE_FAILURE_UNIT, "i").test(f.prompt)
                  ? "one region; replicas spread across racks, the failure unit the prompt names, so a whole rack's loss costs each replica set at most one member"
                  : fewZones(n)
                    ? `one region over the ${fewZones(n)} zones the prompt names: a majority of replicas spread over ${fewZones(n)} zones is lost with the zone holding most of them, so a majority-commit group puts a witness voter in a third zone`
                    : "one region; replicas spread across zones so a zone loss keeps a majority",
      ...(serving ? { servingRegions: serving } : {}),
      failureStance: perPath(
        n.availability.value === "fail-closed"
          ? `fails closed: under partition it refuses rather than risk a wrong answer (${n.availability.because})`
          : acksSpanRegions(n)
            ? // a write waits for a majority of regions: the side cut off from it cannot take writes, only reads
              `reads stay up, writes need a majority of the ${n.regions.value} regions: under partition the side holding that majority keeps taking writes, while a region cut off from it refuses writes and keeps serving reads from its own copy, possibly stale, catching up afterwards (${n.availability.because})`
            : `stays up: under partition it keeps serving, possibly stale, and reconciles afterwards (${n.availability.because})`,
        stances,
      ),
      ...(stances.length > 0
        ? {
            pathStances: stances.map((s) => ({
              path: s.path,
              availability: s.availability,
              consistency: s.consistency,
              because: s.because,
            })),
          }
        : {}),
    };
  },
};
