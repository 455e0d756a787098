import { protocolOf } from "../../knowledge/notation/compiled.js";
import { own } from "../own.js";

/**
 * Mermaid text builders. Every piece of text that lands in a label goes through `label`,
 * so quotes, angle brackets, semicolons and hashes in a prompt cannot break a diagram.
 */
const ENTITY: Record<string, string> = {
  "#": "#35;",
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  ";": "#59;",
  "`": "#96;",
  "|": "#124;",
  "{": "#123;",
  "}": "#125;",
};

/** Anything `label` would change: whitespace other than single inner spaces, or a character it escapes. */
const NEEDS_WORK = /[^\S ]| {2}|^ | $|[#";<>`|{}]/;

export function label(s: string, max = 80): string {
  // most labels are short plain text already: nothing to collapse, trim, cut or escape
  if (s.length <= max && !NEEDS_WORK.test(s)) return s;
  const flat = s.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? shortened(flat, max) : flat;
  return cut.replace(/[#";<>`|{}]/g, (c) => own(ENTITY, c) ?? c);
}

/** Words a shortened label never ends on: it would read as cut mid-phrase ("copy segments to"). */
const DANGLING =
  /\s+(?:a|an|the|of|to|for|from|by|with|in|on|at|into|and|or|but|its|their|per|as|than|via|each|every|when|if|so|that|which|is|are)$/i;

/**
 * A label too long to draw, shortened so every word it keeps is whole and it never ends cut mid-phrase (no "…"):
 * a trailing aside in brackets goes first, then the label is said up to its first clause break (";", ",", " — "),
 * the operation's verb and object ("copy closed segments; read them back on demand" -> "copy closed segments"),
 * else as many whole words as fit, less any word it would dangle on.
 */
function shortened(flat: string, max: number): string {
  if (flat.length <= max) return flat;
  const aside = /^(.+?)\s*\(([^()]*)\)$/.exec(flat);
  const bare = (aside?.[1] ?? flat).trim();
  if (aside?.[2] && bare.length <= max) {
    // the aside keeps what tells this box from its siblings ("Object store (remote tier of closed segments)")
    const room = max - bare.length - 3;
    const inner = room >= 8 ? shortened(aside[2], room) : "";
    return inner.includes(" ") || inner === aside[2] ? `${bare} (${inner})` : bare;
  }
  const head = /^(.+?)(?:;|,(?!\d{3}\b)| —| - )\s/.exec(bare)?.[1]?.trim();
  if (head && head.length <= max && head.split(" ").length >= 2) return head.replace(DANGLING, "");
  const words = bare.split(" ");
  let out = "";
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  let kept = out || bare.slice(0, max);
  // a bracket the cut left open goes with what it opened, and a trailing joiner ("balance /", "leader +") with it
  if ((kept.match(/\(/g) ?? []).length > (kept.match(/\)/g) ?? []).length)
    kept = kept.slice(0, kept.lastIndexOf("(")).trim() || kept;
  for (let prev = ""; prev !== kept; ) {
    prev = kept;
    kept = kept.replace(/[\s,;:/+&(-]+$/, "").replace(DANGLING, "");
  }
  return kept;
}

/** Longest guard or alternative condition drawn; longer than any protocol guard in the knowledge base. */
const GUARD_MAX = 400;

/** Sequence-diagram text also may not contain a colon, which ends the message. */
export const seqText = (s: string, max = 70) => label(s, max).replace(/:/g, "#58;");

export interface HldComponent {
  id: string;
  name: string;
  kind: string;
  plane: "request" | "control" | "data";
}

export interface HldLink {
  from: string;
  to: string;
  kind: string;
  label: string;
}

const PLANE_TITLE = { data: "Data and replication path", control: "Control path", request: "Request path" } as const;

const nodeId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;

/** A node in the shape of its kind: clients as stadiums, groups and stores as cylinders, loops as circles. */
function node(c: HldComponent): string {
  const t = `"${label(c.name, 48)}"`;
  const id = nodeId(c.id);
  switch (c.kind) {
    case "client":
      return `${id}([${t}])`;
    case "gateway":
      return `${id}{{${t}}}`;
    case "replica-group":
    case "store":
    case "log":
      return `${id}[(${t})]`;
    case "cache":
      return `${id}[/${t}/]`;
    case "worker-pool":
      return `${id}[[${t}]]`;
    case "control-loop":
      return `${id}((${t}))`;
    case "external":
      return `${id}>${t}]`;
    case "resource":
      return `${id}[\\${t}/]`;
    default:
      return `${id}[${t}]`;
  }
}

/**
 * The HLD drawn from the architecture: one node per component grouped by path (data and
 * replication first, with the state owner at its head; then control; then request), and one edge
 * per link, styled by kind (request solid, replication thick, control and callbacks dotted).
 */
export function architectureFlowchart(components: readonly HldComponent[], links: readonly HldLink[]): string {
  const lines = ["flowchart LR"];
  for (const plane of ["data", "control", "request"] as const) {
    const members = components.filter((c) => c.plane === plane);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${plane}_path["${PLANE_TITLE[plane]}"]`);
    for (const c of members) lines.push(`    ${node(c)}`);
    lines.push("  end");
  }
  const known = new Set(components.map((c) => c.id));
  for (const l of links) {
    if (!known.has(l.from) || !known.has(l.to)) continue;
    const a = nodeId(l.from);
    const b = nodeId(l.to);
    const t = `"${label(l.label, 36)}"`;
    if (l.kind === "replication") lines.push(`  ${a} == ${t} ==> ${b}`);
    else if (l.kind === "control" || l.kind === "callback") lines.push(`  ${a} -. ${t} .-> ${b}`);
    else lines.push(`  ${a} -- ${t} --> ${b}`);
  }
  return lines.join("\n");
}

export interface SequenceStep {
  from: string;
  to: string;
  operation: string;
  guard?: string;
  /** Who checks the guard: the receiver (default), or the sender before it sends (an outside party checks nothing of ours). */
  checkedBy?: "sender";
  branch: boolean;
}

/** Words of a guard that say which check it is about ("Item.state != free" -> item, state, free). */
const GUARD_STOP = new Set(
  "a an the and or of to in on for by at is are be no not any all its it this that with than now null true false otherwise".split(
    " ",
  ),
);
function guardWords(guard: string): Set<string> {
  const words = guard
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !GUARD_STOP.has(w))
    // "expired", "expires" and "expiry" name one check
    .map((w) => (w.length > 5 ? w.slice(0, 5) : w));
  return new Set(words);
}

/**
 * Where a `|->` branch leaves the main path: after the earlier step whose check its guard is the other
 * outcome of (the step's guard sharing the most words with it: "count >= limit" leaves at the step that
 * checks "count < limit", not after the success reply), else after the step just before it.
 */
function departure(main: readonly SequenceStep[], before: number, guard: string | undefined): number {
  const own = guardWords(guard ?? "");
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < before; i++) {
    const g = main[i]?.guard;
    if (!g) continue;
    const score = [...guardWords(g)].filter((w) => own.has(w)).length;
    if (score > 0 && score >= bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best >= 0 ? best : before - 1;
}

/**
 * The protocol as a main path and its branches: a `|->` step opens a branch, and the steps after it
 * belong to that branch while each is sent by the party the branch's last message reached (the expiry
 * sweeper's proposal goes on to the followers); a step sent from anywhere else resumes the main path.
 */
function splitBranches(steps: readonly SequenceStep[]): {
  main: SequenceStep[];
  branches: { at: number; steps: SequenceStep[] }[];
} {
  const main: SequenceStep[] = [];
  const branches: { at: number; steps: SequenceStep[] }[] = [];
  let open: SequenceStep[] | undefined;
  for (const s of steps) {
    if (s.branch) {
      open = [s];
      branches.push({ at: departure(main, main.length, s.guard), steps: open });
      continue;
    }
    const last = open?.[open.length - 1];
    // the branch goes on with a step sent by the party its last message reached, or by that message's own sender
    // where the branch brought that party in (a reconciler fetches the provider's report, then fixes its own records);
    // a party the main path already reached goes on with the main path (a cache that answered a hit forwards a miss)
    if (
      open &&
      last &&
      (s.from === last.to || (s.from === last.from && !main.some((m) => m.from === s.from || m.to === s.from)))
    ) {
      open.push(s);
      continue;
    }
    open = undefined;
    main.push(s);
  }
  return { main, branches };
}

/**
 * Where the flow that runs on from step `i` ends, before `stop`: the first step whose sender took no part in the
 * guarded step before `i` or in any step since (neither sent nor received one) begins another flow, which the
 * guard does not decide (a reader's request after a publish, a watch notice from a party the write never reached).
 */
export function flowEnd(main: readonly SequenceStep[], i: number, stop: number): number {
  const parties = new Set<string>();
  const at = main[i - 1];
  if (at) parties.add(at.from).add(at.to);
  for (let k = i; k < stop; k++) {
    const s = main[k] as SequenceStep;
    if (parties.size > 0 && !parties.has(s.from)) return k;
    parties.add(s.from).add(s.to);
  }
  return stop;
}

/**
 * A sequence diagram from a protocol bound to components: each step is a message from one
 * participant to another (a note over the participant for a local step), a reply drawn dashed, the guard
 * as a note over the party that checks it (the receiver, or the sender where the step says so), outcomes at the end.
 * A `|->` branch is drawn where it leaves the main path, as an `alt` on its guard with the rest of the main
 * path under `else`, so neither outcome is drawn after the other; a branch with nothing left on the main
 * path after it is an `opt`.
 */
export function boundSequence(
  steps: readonly SequenceStep[],
  outcomes: readonly string[],
  nameOf: (id: string) => string,
): string {
  const actors: string[] = [];
  for (const s of steps) for (const a of [s.from, s.to]) if (!actors.includes(a)) actors.push(a);
  const pid = (a: string) => `P${actors.indexOf(a)}`;
  const lines = ["sequenceDiagram", "  autonumber"];
  for (const a of actors) lines.push(`  participant ${pid(a)} as ${seqText(nameOf(a), 56)}`);
  const { main, branches } = splitBranches(steps);
  // the requests still waiting for an answer, innermost last: a message back along an open request is its reply
  // (the calls it waited on answered with it), and a message back along a reply is the next request, never a reply
  let open: (readonly [string, string])[] = [];
  const draw = (s: SequenceStep, _prev: SequenceStep | undefined, indent: string) => {
    let reply = false;
    if (s.from !== s.to) {
      const k = s.guard && !s.branch ? -1 : open.findLastIndex(([a, b]) => a === s.to && b === s.from);
      if (k >= 0) {
        reply = true;
        open = open.slice(0, k);
      } else open = [...open, [s.from, s.to] as const];
    }
    const arrow = reply ? "-->>" : "->>";
    // the sender checks before it sends, the receiver once the message arrives; a branch's guard heads its block
    const note = !s.branch && s.guard ? `checks ${seqText(s.guard, GUARD_MAX)}` : undefined;
    if (note && s.checkedBy === "sender") lines.push(`${indent}Note over ${pid(s.from)}: ${note}`);
    // work local to one participant (a watermark passing, a checkpoint) is a note over it, never an arrow to itself
    if (s.from === s.to) lines.push(`${indent}Note over ${pid(s.from)}: ${seqText(s.operation)}`);
    else lines.push(`${indent}${pid(s.from)}${arrow}${pid(s.to)}: ${seqText(s.operation)}`);
    if (note && s.checkedBy !== "sender") lines.push(`${indent}Note over ${pid(s.to)}: ${note}`);
  };
  const run = (list: readonly SequenceStep[], prev: SequenceStep | undefined, indent: string) => {
    let p = prev;
    for (const s of list) {
      draw(s, p, indent);
      if (!s.branch) p = s;
    }
  };
  // the main path from step i up to `stop`, each branch opened where it leaves and the rest of its flow under its
  // else; a step that starts an independent flow (a reader's request after a publish, a watch notice after a
  // fenced write) does not depend on the guard, so the alt closes before it and the path goes on outside
  const from = (i: number, stop: number, prev: SequenceStep | undefined, indent: string) => {
    for (let j = i; j < stop; j++) {
      const s = main[j] as SequenceStep;
      draw(s, prev, indent);
      prev = s;
      const here = branches.filter((b) => b.at === j);
      if (here.length === 0) continue;
      const until = flowEnd(main, j + 1, stop);
      const rest = j + 1 < until;
      // each alternative answers the requests open where it leaves
      const leaving = open;
      here.forEach((b, k) => {
        const guard = seqText(b.steps[0]?.guard ?? "otherwise", GUARD_MAX);
        lines.push(`${indent}${k === 0 ? (rest || here.length > 1 ? "alt" : "opt") : "else"} ${guard}`);
        open = leaving;
        // the party that checked answers the one that asked before anyone acts on the refusal: a coordinator's 409
        // follows the replica's refusal, never stands in for it
        const first = b.steps[0];
        if (
          s.guard &&
          s.checkedBy !== "sender" &&
          s.from !== s.to &&
          first &&
          first.from === s.from &&
          first.to !== s.to
        )
          draw(
            { from: s.to, to: s.from, operation: `refused, ${first.guard ?? "check failed"}`, branch: false },
            s,
            `${indent}  `,
          );
        run(b.steps, s, `${indent}  `);
      });
      open = leaving;
      if (rest) {
        lines.push(`${indent}else otherwise`);
        from(j + 1, until, s, `${indent}  `);
      }
      lines.push(`${indent}end`);
      if (until < stop) from(until, stop, main[until - 1], indent);
      return;
    }
  };
  // a branch that leaves before the first main step (none in practice) is drawn first
  for (const b of branches.filter((x) => x.at < 0)) {
    lines.push(`  opt ${seqText(b.steps[0]?.guard ?? "otherwise", GUARD_MAX)}`);
    run(b.steps, undefined, "    ");
    lines.push("  end");
  }
  from(0, main.length, undefined, "  ");
  const first = pid(actors[0] ?? "");
  const last = pid(actors[actors.length - 1] ?? "");
  lines.push(`  Note over ${first}${first === last ? "" : `,${last}`}: outcomes ${outcomes.join(" or ")}`);
  return lines.join("\n");
}

/** A sequence diagram straight from protocol notation (archetype cards): participants are the named components. */
export function protocolSequence(notation: string): string | undefined {
  const parsed = protocolOf(notation);
  if (!parsed.ok) return undefined;
  const steps = parsed.value.steps.map((s) => {
    const step: SequenceStep = { from: s.actor, to: s.target ?? s.actor, operation: s.operation, branch: s.branch };
    if (s.guard) step.guard = s.guard;
    return step;
  });
  return boundSequence(steps, parsed.value.outcomes, (id) => id);
}
