/**
 * Parser for the protocol notation of FRAMEWORK.md §8:
 *   actor[operation {guard}] -> actor[operation] |-> actor[operation] => done | retry
 * `->` continues the path, `|->` is a guarded alternative taken from the previous step.
 * A step may name its receiver, `from>to[message {guard}]`: the sender `from` sends `message` to `to`
 * (the guard is what the receiver checks). A step without a receiver is local to its actor.
 * A component that plays two parties of one protocol (the source and the destination shard of a cross-shard transfer)
 * is named with its role, `account-shards@source`: the diagram draws one lifeline per role.
 */

export const OUTCOMES = [
  "done",
  "retry",
  "requeue",
  "reclaim",
  "rollback",
  "reject",
  "redirect",
  "expire",
  "repair",
  "compensate",
  "park",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ProtocolStep {
  actor: string;
  /** The party the actor plays here when its component plays two in one protocol (`shards@source`). */
  actorRole?: string;
  /** The party the target plays, likewise (`shards@destination`). */
  targetRole?: string;
  /** The component the message goes to; absent for a step local to the actor. */
  target?: string;
  operation: string;
  guard?: string;
  /** True when the step is a guarded alternative (`|->`) of the step before. */
  branch: boolean;
}

export interface ParsedProtocol {
  steps: ProtocolStep[];
  outcomes: Outcome[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const NAME = "[a-z](?:[a-z0-9_-]*[a-z0-9])?";
const ROLE = "[a-z](?:[a-z-]*[a-z])?";
const STEP = new RegExp(
  `^(\\|->|->)?\\s*(${NAME})(?:@(${ROLE}))?(?:>(${NAME})(?:@(${ROLE}))?)?\\[([^\\]{}]+?)\\s*(?:\\{([^{}]*)\\})?\\s*\\]\\s*`,
);

export function parseProtocol(notation: string): ParseResult<ParsedProtocol> {
  const arrow = notation.lastIndexOf("=>");
  if (arrow < 0) return { ok: false, error: "missing '=> outcome' at the end" };
  const outcomeText = notation.slice(arrow + 2).trim();
  const outcomes: Outcome[] = [];
  for (const raw of outcomeText.split("|")) {
    const o = raw.trim();
    if (!(OUTCOMES as readonly string[]).includes(o)) {
      return { ok: false, error: `unknown outcome '${o}' (expected one of ${OUTCOMES.join(", ")})` };
    }
    outcomes.push(o as Outcome);
  }
  let rest = notation.slice(0, arrow).trim();
  const steps: ProtocolStep[] = [];
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) return { ok: false, error: `cannot read a step at '${rest.slice(0, 40)}'` };
    const connector = m[1];
    if (steps.length === 0 && connector) return { ok: false, error: "a protocol cannot start with an arrow" };
    if (steps.length > 0 && !connector)
      return { ok: false, error: `steps must be joined by '->' or '|->' near '${rest.slice(0, 40)}'` };
    const step: ProtocolStep = { actor: m[2] ?? "", operation: (m[6] ?? "").trim(), branch: connector === "|->" };
    if (m[3]) step.actorRole = m[3];
    if (m[4]) step.target = m[4];
    if (m[5]) step.targetRole = m[5];
    // a message a component sends itself is work local to it, drawn as its own step, never as an arrow to itself
    if (step.target === step.actor && step.targetRole === step.actorRole)
      return { ok: false, error: `'${step.actor}>${step.actor}[…]' is local work: write '${step.actor}[…]'` };
    const guard = m[7]?.trim();
    if (guard) step.guard = guard;
    steps.push(step);
    rest = rest.slice(m[0].length);
  }
  if (steps.length === 0) return { ok: false, error: "no steps before '=>'" };
  return { ok: true, value: { steps, outcomes } };
}
