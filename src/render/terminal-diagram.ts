/**
 * Diagrams for a terminal: the Mermaid text the design carries, redrawn as a readable outline that fits
 * the given width. Flowcharts become their groups of boxes and a list of flows; sequence diagrams become
 * numbered messages with their notes and alternative blocks. Labels wrap instead of being cut, and the
 * Mermaid escapes (`#gt;`, `#59;`, …) are turned back into the characters they stand for.
 */

const NAMED: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", nbsp: " " };

/** Turns Mermaid's `#name;` / `#123;` escapes back into plain characters. */
export function unescapeMermaid(s: string): string {
  return s.replace(/#([a-z]+|\d+);/gi, (all, code: string) => {
    if (/^\d+$/.test(code)) return String.fromCodePoint(Number(code));
    return Object.hasOwn(NAMED, code.toLowerCase()) ? (NAMED[code.toLowerCase()] as string) : all;
  });
}

/** Word-wraps `text` to `width` columns: the first line after `first`, the rest after `rest`. */
export function wrap(text: string, width: number, first = "", rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string) => Math.max(8, width - [...prefix].length);
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > 0) {
      const prefix = out.length === 0 ? first : rest;
      const used = [...line].length;
      const need = [...word].length + (empty ? 0 : 1);
      if (used + need <= width) {
        line += (empty ? "" : " ") + word;
        empty = false;
        word = "";
      } else if (empty) {
        // A single word longer than the line: break it hard.
        const cut = [...word].slice(0, room(prefix)).join("");
        out.push(line + cut);
        word = [...word].slice(cut.length).join("");
        line = rest;
      } else {
        out.push(line);
        line = rest;
        empty = true;
      }
    }
  }
  if (!empty || out.length === 0) out.push(line);
  return out.map((l) => l.replace(/\s+$/, ""));
}

type Shape =
  | "box"
  | "store"
  | "terminal"
  | "hexagon"
  | "round"
  | "diamond"
  | "circle"
  | "subroutine"
  | "slant"
  | "flag";
const SHAPES: [RegExp, Shape][] = [
  [/^\(\("(.*)"\)\)$/, "circle"],
  [/^>"(.*)"\]$/, "flag"],
  [/^\[\["(.*)"\]\]$/, "subroutine"],
  [/^\[[/\\]"(.*)"[/\\]\]$/, "slant"],
  [/^\[\("(.*)"\)\]$/, "store"],
  [/^\(\["(.*)"\]\)$/, "terminal"],
  [/^\{\{"(.*)"\}\}$/, "hexagon"],
  [/^\["(.*)"\]$/, "box"],
  [/^\("(.*)"\)$/, "round"],
  [/^\{"(.*)"\}$/, "diamond"],
  [/^\[\((.*)\)\]$/, "store"],
  [/^\(\[(.*)\]\)$/, "terminal"],
  [/^\{\{(.*)\}\}$/, "hexagon"],
  [/^\[(.*)\]$/, "box"],
  [/^\((.*)\)$/, "round"],
  [/^\{(.*)\}$/, "diamond"],
];
const MARK: Record<Shape, [string, string]> = {
  box: ["[", "]"],
  store: ["[(", ")]"],
  terminal: ["(", ")"],
  hexagon: ["{{", "}}"],
  round: ["(", ")"],
  diamond: ["<", ">"],
  circle: ["((", "))"],
  subroutine: ["[[", "]]"],
  slant: ["[/", "/]"],
  flag: [">", "]"],
};

const NODE = String.raw`([A-Za-z_][\w-]*)((?:>|\(\(|\[\[|\[\/|\[\\|\[\(|\(\[|\{\{|\[|\(|\{)(?:"[^"]*"|[^\]\)\}"]*)(?:\)\)|\]\]|\/\]|\\\]|\)\]|\]\)|\}\}|\]|\)|\}))?`;
const LINK = String.raw`(-->|---|-\.->|-\.-|==>|--\s*"([^"]*)"\s*-->|--\s*"([^"]*)"\s*---|-\.\s*"([^"]*)"\s*\.->|-\.\s*"([^"]*)"\s*\.-|==\s*"([^"]*)"\s*==>)(?:\|"?([^|"]*)"?\|)?`;

interface FlowNode {
  id: string;
  text: string;
  shape: Shape;
  group?: string;
}
interface Flow {
  from: string;
  to: string;
  style: "solid" | "dotted" | "thick";
  arrow: boolean;
  label: string;
}

function parseShape(raw: string): { text: string; shape: Shape } | undefined {
  for (const [re, shape] of SHAPES) {
    const m = re.exec(raw);
    if (m) return { text: unescapeMermaid(m[1] ?? ""), shape };
  }
  return undefined;
}

/** Parses the flowchart subset the design's builders write; undefined when a line is outside it. */
interface Flowchart {
  nodes: Map<string, FlowNode>;
  groups: { id: string; title: string }[];
  flows: Flow[];
}

function parseFlowchart(lines: string[]): Flowchart | undefined {
  const nodes = new Map<string, FlowNode>();
  const groups: { id: string; title: string }[] = [];
  const stack: string[] = [];
  const flows: Flow[] = [];
  const touch = (id: string, shapeRaw: string | undefined) => {
    const known = nodes.get(id);
    const parsed = shapeRaw ? parseShape(shapeRaw) : undefined;
    if (known) {
      if (parsed) Object.assign(known, parsed);
      return;
    }
    nodes.set(id, { id, text: parsed?.text ?? id, shape: parsed?.shape ?? "box", group: stack[stack.length - 1] });
  };
  const nodeRe = new RegExp(`^${NODE}`);
  const linkRe = new RegExp(`^\\s*${LINK}\\s*`);
  for (const rawLine of lines.slice(1)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("%%") || /^direction\s+\w+$/.test(line)) continue;
    if (/^(classDef|class|style|linkStyle|click)\b/.test(line)) continue;
    const sg = /^subgraph\s+([\w-]+)(?:\s*\["?(.*?)"?\])?$/.exec(line);
    if (sg) {
      const id = sg[1] as string;
      groups.push({ id, title: unescapeMermaid(sg[2] ?? id) });
      stack.push(id);
      continue;
    }
    if (line === "end") {
      if (!stack.pop()) return undefined;
      continue;
    }
    let rest = line;
    const first = nodeRe.exec(rest);
    if (!first) return undefined;
    touch(first[1] as string, first[2]);
    let from = first[1] as string;
    rest = rest.slice(first[0].length);
    while (rest.trim() !== "") {
      const l = linkRe.exec(rest);
      if (!l) return undefined;
      rest = rest.slice(l[0].length);
      const n = nodeRe.exec(rest);
      if (!n) return undefined;
      rest = rest.slice(n[0].length);
      touch(n[1] as string, n[2]);
      const op = l[1] as string;
      const label = unescapeMermaid(l[2] ?? l[3] ?? l[4] ?? l[5] ?? l[6] ?? l[7] ?? "").trim();
      const dotted = op.startsWith("-.");
      flows.push({
        from,
        to: n[1] as string,
        style: dotted ? "dotted" : op.startsWith("==") ? "thick" : "solid",
        arrow: /[>]$/.test(op.replace(/\s+/g, "")),
        label,
      });
      from = n[1] as string;
    }
  }
  if (stack.length > 0) return undefined;
  return { nodes, groups, flows };
}

function drawFlowchart(title: string, lines: string[], width: number): string | undefined {
  const parsed = parseFlowchart(lines);
  if (!parsed) return undefined;
  const out: string[] = [...wrap(title, width), "═".repeat(Math.min(width, [...title].length))];
  const label = (n: FlowNode) => `${MARK[n.shape][0]}${n.text}${MARK[n.shape][1]}`;
  const sections: [string, FlowNode[]][] = parsed.groups.map((g) => [
    g.title,
    [...parsed.nodes.values()].filter((n) => n.group === g.id),
  ]);
  const loose = [...parsed.nodes.values()].filter((n) => n.group === undefined);
  if (loose.length > 0) sections.unshift(["Outside the groups", loose]);
  for (const [name, members] of sections) {
    if (members.length === 0) continue;
    out.push(...wrap(name, width));
    for (const n of members) out.push(...wrap(label(n), width, "  • ", "    "));
  }
  if (parsed.flows.length > 0) {
    out.push(
      "",
      ...wrap("Flows (──▶ request path, ━━▶ data or replication, ┄┄▶ background or control, ─── association):", width),
    );
    for (const f of parsed.flows) {
      const a = parsed.nodes.get(f.from);
      const b = parsed.nodes.get(f.to);
      if (!a || !b) continue;
      const line = f.style === "dotted" ? "┄┄" : f.style === "thick" ? "━━" : "──";
      const head = f.arrow ? "▶" : line.slice(0, 1);
      const mid = f.label ? `${line} ${f.label} ${line}${head}` : `${line}${head}`;
      out.push(...wrap(`${a.text} ${mid} ${b.text}`, width, "  ", "      "));
    }
  }
  return out.join("\n");
}

const SEQ_ARROWS: [RegExp, string][] = [
  [/^-->>$/, "┄┄▶"],
  [/^->>$/, "──▶"],
  [/^-->$/, "┄┄─"],
  [/^->$/, "───"],
  [/^--x$/, "┄┄x"],
  [/^-x$/, "──x"],
  [/^--\)$/, "┄┄)"],
  [/^-\)$/, "──)"],
];

function drawSequence(title: string, lines: string[], width: number): string | undefined {
  const names = new Map<string, string>();
  const order: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  const meet = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  const body: string[] = [];
  let depth = 0;
  let step = 0;
  const pad = () => "   ".repeat(depth);
  for (const rawLine of lines.slice(1)) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("%%") || /^(autonumber|activate|deactivate)\b/.test(line)) continue;
    const p = /^(participant|actor)\s+([\w-]+)(?:\s+as\s+(.*))?$/.exec(line);
    if (p) {
      names.set(p[2] as string, unescapeMermaid(p[3] ?? (p[2] as string)).trim());
      meet(p[2] as string);
      continue;
    }
    const note = /^Note\s+(over|left of|right of)\s+([\w-]+)(?:\s*,\s*([\w-]+))?\s*:\s*(.*)$/i.exec(line);
    if (note) {
      const who = note[3] ? `${name(note[2] as string)} … ${name(note[3])}` : name(note[2] as string);
      const head = `${pad()}     note (${who}): `;
      // A long participant list goes on its own line(s) so the note itself still fits the width.
      if ([...head].length > width / 2) {
        body.push(...wrap(head.trimEnd(), width, "", `${pad()}       `));
        body.push(...wrap(unescapeMermaid(note[4] ?? ""), width, `${pad()}       `, `${pad()}       `));
      } else body.push(...wrap(unescapeMermaid(note[4] ?? ""), width, head, `${pad()}       `));
      continue;
    }
    const block = /^(alt|else|opt|loop|par|and|critical|option|break|rect)\b\s*(.*)$/.exec(line);
    if (block) {
      const kw = block[1] as string;
      if (kw === "else" || kw === "and" || kw === "option") depth = Math.max(0, depth - 1);
      const text = unescapeMermaid(block[2] ?? "").trim();
      body.push(...wrap(text ? `${kw} ${text}` : kw, width, `${pad()}     ┌ `, `${pad()}     │ `));
      depth += 1;
      continue;
    }
    if (line === "end") {
      depth = Math.max(0, depth - 1);
      body.push(`${pad()}     └ end`);
      continue;
    }
    const msg = /^([\w-]+)\s*(-->>|->>|-->|->|--x|-x|--\)|-\))\s*([+-]?)([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (msg) {
      meet(msg[1] as string);
      meet(msg[4] as string);
      step += 1;
      const arrow = SEQ_ARROWS.find(([re]) => re.test(msg[2] as string))?.[1] ?? "──▶";
      const num = `${String(step).padStart(3)}. `;
      const text = `${name(msg[1] as string)} ${arrow} ${name(msg[4] as string)}: ${unescapeMermaid(msg[5] ?? "")}`;
      body.push(...wrap(text, width, `${pad()}${num}`, `${pad()}${" ".repeat(num.length + 2)}`));
      continue;
    }
    return undefined;
  }
  const out = [...wrap(title, width), "═".repeat(Math.min(width, [...title].length))];
  out.push(...wrap(`Participants: ${order.map(name).join(", ")}`, width, "", "  "), ...body);
  return out.join("\n");
}

/**
 * One diagram for a terminal of `width` columns. A diagram outside the subset drawn here is printed
 * as its Mermaid text, wrapped and unescaped, after a line that says so.
 */
export function terminalDiagram(title: string, mermaid: string, width = 100): string {
  const lines = mermaid.split("\n");
  const head = (lines[0] ?? "").trim();
  const drawn = /^(flowchart|graph)\b/.test(head)
    ? drawFlowchart(title, lines, width)
    : head === "sequenceDiagram"
      ? drawSequence(title, lines, width)
      : undefined;
  if (drawn) return drawn;
  const out = [...wrap(title, width), ...wrap("(not drawable as text here; its Mermaid source follows)", width)];
  for (const l of lines) out.push(...wrap(unescapeMermaid(l), width, l.match(/^\s*/)?.[0] ?? "", "      "));
  return out.join("\n");
}
