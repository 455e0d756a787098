import { own } from "../engine/own.js";
import { parseProtocol } from "../engine/protocol.js";

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

export function label(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/[#";<>`|{}]/g, (c) => own(ENTITY, c) ?? c);
}

/** Sequence-diagram text also may not contain a colon, which ends the message. */
const seqText = (s: string, max = 70) => label(s, max).replace(/:/g, "#58;");

export interface HldInput {
  title: string;
  service: string;
  truth: { entity: string; store: string }[];
  control: { name: string; family: string }[];
  writes: { phrase: string; entity: string; async: boolean }[];
  derived: { read: string; entity: string }[];
  supporting: { id: string; name: string; role: string }[];
}

/** The HLD flowchart: canonical state owner first, control path before data path, derived stores apart. */
export function hldFlowchart(h: HldInput): string {
  const lines = ["flowchart LR"];
  const id = (prefix: string, i: number) => `${prefix}${i}`;
  lines.push(`  subgraph truth["Authoritative state"]`, "    direction TB");
  h.truth.forEach((t, i) => {
    lines.push(`    ${id("T", i)}[("${label(`${t.entity}: ${t.store}`, 60)}")]`);
  });
  if (h.truth.length === 0) lines.push(`    T0[("${label("state store", 60)}")]`);
  lines.push("  end");
  if (h.control.length > 0) {
    lines.push(`  subgraph control["Control path"]`, "    direction TB");
    h.control.forEach((c, i) => {
      lines.push(`    ${id("C", i)}["${label(c.name, 50)}"]`);
    });
    lines.push("  end");
    h.control.forEach((_, i) => {
      lines.push(`  ${id("C", i)} -.-> T0`);
    });
  }
  lines.push(`  client(["Clients"])`, `  svc["${label(h.service, 60)}"]`);
  const seen = new Set<string>();
  for (const w of h.writes) {
    const target = Math.max(
      0,
      h.truth.findIndex((t) => t.entity === w.entity),
    );
    const key = `${w.async}|${target}|${w.phrase}`;
    if (seen.has(key) || seen.size >= 6) continue;
    seen.add(key);
    if (w.async) lines.push(`  svc -. "${label(w.phrase, 40)}" .-> ${id("T", target)}`);
    else lines.push(`  client -- "${label(w.phrase, 40)}" --> svc --> ${id("T", target)}`);
  }
  if (seen.size === 0) lines.push("  client --> svc --> T0");
  if (h.derived.length > 0) {
    lines.push(`  subgraph derived["Derived copies"]`, "    direction TB");
    h.derived.forEach((d, i) => {
      lines.push(`    ${id("D", i)}[("${label(d.entity, 40)}")]`);
    });
    lines.push("  end");
    h.derived.forEach((d, i) => {
      lines.push(`  T0 -. "project" .-> ${id("D", i)}`, `  client -- "${label(d.read, 40)}" --> ${id("D", i)}`);
    });
  }
  h.supporting.forEach((s, i) => {
    lines.push(
      `  ${id("S", i)}{{"${label(`${s.id} ${s.name}`, 60)}"}}`,
      `  ${id("S", i)} -. "${label(s.role, 20)}" .- svc`,
    );
  });
  return lines.join("\n");
}

/** A sequence diagram drawn from a protocol: guards as notes, `|->` branches as alternatives, outcomes at the end. */
export function protocolSequence(notation: string): string | undefined {
  const parsed = parseProtocol(notation);
  if (!parsed.ok) return undefined;
  const { steps, outcomes } = parsed.value;
  const actors: string[] = [];
  for (const s of steps) if (!actors.includes(s.actor)) actors.push(s.actor);
  const pid = (a: string) => `P${actors.indexOf(a)}`;
  const lines = ["sequenceDiagram"];
  for (const a of actors) lines.push(`  participant ${pid(a)} as ${seqText(a, 30)}`);
  let prev = steps[0]?.actor ?? actors[0] ?? "actor";
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (!s) continue;
    const from = s.branch ? (steps[i - 1]?.actor ?? prev) : prev;
    const msg = seqText(s.operation);
    if (s.branch) lines.push(`  alt ${seqText(s.guard ?? "otherwise", 60)}`);
    else if (s.guard) lines.push(`  Note over ${pid(s.actor)}: guard ${seqText(s.guard, 60)}`);
    lines.push(`  ${pid(from)}->>${pid(s.actor)}: ${msg}`);
    if (s.branch) lines.push("  end");
    if (!s.branch) prev = s.actor;
  }
  const first = pid(actors[0] ?? prev);
  const last = pid(actors[actors.length - 1] ?? prev);
  lines.push(`  Note over ${first}${first === last ? "" : `,${last}`}: outcomes ${outcomes.join(" or ")}`);
  return lines.join("\n");
}
