import type { Diagram } from "../../engine/design/types.js";
import { terminalDiagram } from "../../render/terminal-diagram.js";
import { designOrRefuse } from "../derive.js";
import { UserError } from "../errors.js";
import { importEsm } from "../esm.js";
import { pickFormat } from "../format.js";
import { terminalOptions, writeOut } from "../output.js";
import { promptArg } from "../prompt-arg.js";

export interface DiagramOptions {
  format?: string;
  set?: string[];
  only?: string;
}

function select(all: Diagram[], only: string | undefined): Diagram[] {
  if (!only) return all;
  if (only === "hld" || only === "sequence") return all.filter((d) => d.kind === only);
  const n = Number(only);
  if (Number.isInteger(n) && n >= 1 && n <= all.length) return [all[n - 1] as Diagram];
  throw new UserError(`--only takes hld, sequence or a number from 1 to ${all.length}, not '${only}'`);
}

export async function runDiagram(words: string[], opts: DiagramOptions): Promise<void> {
  const format = pickFormat(opts.format, ["mermaid", "svg", "ascii"] as const, "mermaid");
  const design = designOrRefuse(
    await promptArg(words, 'mechsd diagram "Design a distributed lock service"'),
    opts.set ?? [],
  );
  const chosen = select(design.diagrams, opts.only);
  if (chosen.length === 0) throw new UserError("this design has no diagram of that kind");
  if (format === "mermaid") {
    writeOut(chosen.map((d) => `%% ${d.title}\n${d.mermaid}`).join("\n\n"));
    return;
  }
  if (format === "ascii") {
    // Redrawn as a text outline that fits the terminal (100 columns when not a terminal).
    const { width } = terminalOptions();
    writeOut(chosen.map((d) => terminalDiagram(d.title, d.mermaid, width)).join("\n\n"));
    return;
  }
  // The SVG renderer is large; load it only when a picture is asked for.
  const bm = await importEsm<typeof import("beautiful-mermaid")>("beautiful-mermaid");
  const parts = chosen.map((d) => {
    try {
      return `<!-- ${d.title.replace(/--/g, "-")} -->\n${bm.renderMermaidSVG(d.mermaid)}`;
    } catch (e) {
      throw new UserError(
        `could not render '${d.title}' as ${format}: ${(e as Error).message}. The Mermaid text is still available with --format mermaid`,
      );
    }
  });
  writeOut(parts.join("\n\n"));
}
