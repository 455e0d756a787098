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
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[#";<>`|{}]/g, (c) => own(ENTITY, c) ?? c);
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

/**
 * A sequence diagram from a protocol bound to components: each step is a message from one
 * participant to another (a note over the participant for a local step), a reply drawn dashed, the guard
 * as a note over the party that checks it (the receiver, or the sender where the step says so), a `|->` branch as an alternative, outcomes at the end.
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
  let prev: SequenceStep | undefined;
  for (const s of steps) {
    const reply = prev !== undefined && !s.guard && s.from === prev.to && s.to === prev.from && s.from !== s.to;
    const arrow = reply ? "-->>" : "->>";
    if (s.branch) lines.push(`  alt ${seqText(s.guard ?? "otherwise", GUARD_MAX)}`);
    // the sender checks before it sends, the receiver once the message arrives
    const note = !s.branch && s.guard ? `checks ${seqText(s.guard, GUARD_MAX)}` : undefined;
    if (note && s.checkedBy === "sender") lines.push(`  Note over ${pid(s.from)}: ${note}`);
    // work local to one participant (a watermark passing, a checkpoint) is a note over it, never an arrow to itself
    if (s.from === s.to) lines.push(`  Note over ${pid(s.from)}: ${seqText(s.operation)}`);
    else lines.push(`  ${pid(s.from)}${arrow}${pid(s.to)}: ${seqText(s.operation)}`);
    if (note && s.checkedBy !== "sender") lines.push(`  Note over ${pid(s.to)}: ${note}`);
    if (s.branch) lines.push("  end");
    if (!s.branch) prev = s;
  }
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
