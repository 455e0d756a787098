import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The architecture corpus: the held-in dev prompts plus the prompts in test/fixtures/arch-prompts.txt. */
export function archCorpus(): string[] {
  const dev = readFileSync("/work/shared/eval/dev-prompts.jsonl", "utf8");
  const held = dev
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { prompt: string }).prompt);
  const own = readFileSync(fileURLToPath(new URL("./fixtures/arch-prompts.txt", import.meta.url)), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return [...held, ...own];
}

interface DesignLike {
  prompt: string;
  branch: { kind: string };
  diagrams: { kind: string; mermaid: string }[];
  components?: { id: string; kind: string }[];
  links?: { from: string; to: string }[];
  api?: unknown[];
  dataModel?: { key: string[] }[];
}

export interface ArchMetrics {
  designs: number;
  arrows: number;
  selfArrows: number;
  selfShare: number;
  mechanismNodes: string[];
  infra: number;
  connected: number;
  withApi: number;
  withKeyedData: number;
}

/** Node labels of a flowchart (text inside the quoted shape of each node definition). */
export function flowchartNodeLabels(mermaid: string): string[] {
  const out: string[] = [];
  for (const line of mermaid.split("\n")) {
    const m = /^\s*[A-Za-z_][\w]*\s*[[({>/\\]+"([^"]*)"/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

export function isConnected(components: { id: string }[], links: { from: string; to: string }[]): boolean {
  if (components.length === 0) return false;
  const seen = new Set([components[0]?.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of links) {
      if (seen.has(l.from) !== seen.has(l.to)) {
        seen.add(l.from);
        seen.add(l.to);
        grew = true;
      }
    }
  }
  return components.every((c) => seen.has(c.id));
}

export function measure(designs: readonly DesignLike[], mechanismNames: readonly string[]): ArchMetrics {
  const names = new Set(mechanismNames.map((n) => n.toLowerCase()));
  let arrows = 0;
  let selfArrows = 0;
  const mechanismNodes: string[] = [];
  let infra = 0;
  let connected = 0;
  let withApi = 0;
  let withKeyedData = 0;
  for (const d of designs) {
    for (const g of d.diagrams) {
      if (g.kind === "sequence") {
        for (const line of g.mermaid.split("\n")) {
          const m = /^\s*(\w+)-{1,2}>>(\w+):/.exec(line);
          if (!m) continue;
          arrows++;
          if (m[1] === m[2]) selfArrows++;
        }
      } else {
        for (const l of flowchartNodeLabels(g.mermaid)) {
          const plain = l
            .replace(/\([^)]*\)/g, "")
            .trim()
            .toLowerCase();
          if (names.has(plain)) mechanismNodes.push(`${d.prompt}: ${l}`);
        }
      }
    }
    if (d.branch.kind === "product") continue;
    infra++;
    if (d.components && d.links && isConnected(d.components, d.links)) connected++;
    if (d.api && d.api.length > 0) withApi++;
    if (d.dataModel && d.dataModel.length > 0 && d.dataModel.every((r) => r.key.length > 0)) withKeyedData++;
  }
  return {
    designs: designs.length,
    arrows,
    selfArrows,
    selfShare: arrows === 0 ? 0 : selfArrows / arrows,
    mechanismNodes,
    infra,
    connected,
    withApi,
    withKeyedData,
  };
}
