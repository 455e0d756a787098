/**
 * The hard rules a prompt states in clauses of their own ("never runs the same job twice", "never serves a revoked
 * secret", "at most their quota at once", "exactly one courier"), each with the invariant made from it, and the stance
 * they force on the path that keeps them: a rule of the form never / at most / exactly one cannot be kept by a side of a
 * partition that answers from what it last saw, so that path refuses (fails closed) and decides on one linearizable
 * authority, whatever the archetype's default stance says of the design's other paths. A last copy kept serving while
 * its source is down ("keeps serving the last known flags"), or writes taken in every region while the regions are cut off
 ("stays writable in both regions when the link is cut"), is a promise to stay up, not a hard rule, and forces nothing.
 */
import type { StatedGuarantee } from "./nfr-parse.js";

/** What the stance reads of a design: its NFRs (with the stated guarantees) and invariants. */
export interface StanceInputs {
  nfrs: {
    availability: { value: string; source: string; because: string };
    consistency: { value: string; source: string; because: string };
    guarantees?: readonly StatedGuarantee[];
  };
  invariants: readonly { path: string; statement: string; archetype: string; because: string }[];
}

/** A stated hard rule and the invariant the design made of it (on its path), when it made one. */
export interface HardRule {
  quote: string;
  kind: string;
  path?: string;
  archetype?: string;
  statement?: string;
}

/** The stance one path takes because a hard rule sits on it. */
export interface PathStance {
  path: string;
  archetype: string;
  quote: string;
  availability: "fail-closed";
  consistency: "linearizable";
  because: string;
}

/**
 * A guarantee that asks the system to stay up rather than forbid an outcome: serve its last copy, or keep taking writes
 * in every region while they are cut off from each other (stay-writable, which merges the two sides afterwards).
 */
const STAYS_UP = new Set(["last-known", "stay-writable"]);

/**
 * A guarantee a side cut off from its authority still keeps from its own copy: a reader rereading a retained log from
 * its own position (replay-from) needs the log's retention, not one linearizable authority, so it forces no stance; nor
 * does a bound on how far copies trail their source (copies-within), which each copy keeps by a push and an expiry.
 */
const KEPT_LOCALLY = new Set(["replay-from", "copies-within"]);

/** The hard rules the prompt states, each with the invariant on its path (the rule's reason quotes the prompt's words). */
export function statedHardRules(d: StanceInputs): HardRule[] {
  return (d.nfrs.guarantees ?? [])
    .filter((g) => !STAYS_UP.has(g.kind))
    .map((g) => {
      // the rule made from the guarantee itself (its reason opens with the prompt's words), else one that cites them
      const inv =
        d.invariants.find((i) => i.because.startsWith(`the prompt says '${g.quote}', `)) ??
        d.invariants.find((i) => i.because.includes(`'${g.quote}'`));
      return inv
        ? { quote: g.quote, kind: g.kind, path: inv.path, archetype: inv.archetype, statement: inv.statement }
        : { quote: g.quote, kind: g.kind };
    });
}

/**
 * The paths whose stance a hard rule forces beyond the design's own: each hard rule's path fails closed on one
 * linearizable authority, where the design as a whole stays up or reads eventually. None where the design already
 * fails closed and is linearizable, so a design without a hard rule (or one whose whole stance already keeps it) is
 * unchanged.
 */
export function hardRuleStances(d: StanceInputs): PathStance[] {
  const { availability, consistency } = d.nfrs;
  if (availability.value === "fail-closed" && consistency.value === "linearizable") return [];
  const out: PathStance[] = [];
  for (const r of statedHardRules(d)) {
    if (KEPT_LOCALLY.has(r.kind)) continue;
    if (!r.path || !r.archetype || out.some((s) => s.path === r.path)) continue;
    out.push({
      path: r.path,
      archetype: r.archetype,
      quote: r.quote,
      availability: "fail-closed",
      consistency: "linearizable",
      because: `the prompt says '${r.quote}', a hard rule that a side cut off from its authority cannot keep from what it last saw`,
    });
  }
  return out;
}

/** The stance forced on an owner's decisions: the first hard rule on a path of that archetype. */
export function stanceOf(stances: readonly PathStance[], owner: string): PathStance | undefined {
  return stances.find((s) => s.archetype === owner);
}
