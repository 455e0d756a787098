import { writeFileSync } from "node:fs";
import { deriveDesign } from "../../engine/design/design.js";
import { parseOverrides } from "../../engine/design/overrides.js";
import { designBlocks } from "../../render/design-doc.js";
import { designJsonBytes } from "../../render/design-json.js";
import { toMarkdown, toTerminal } from "../../render/doc.js";
import { withScript } from "../../render/script/index.js";
import { designOrRefuse } from "../derive.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { runBatch } from "../lines.js";
import { json, terminalOptions, writeOut } from "../output.js";
import { promptArg } from "../prompt-arg.js";

export interface DesignOptions {
  format?: string;
  set?: string[];
  output?: string;
}

export async function runDesign(words: string[], opts: DesignOptions): Promise<void> {
  const format = pickFormat(opts.format, ["text", "md", "json", "jsonl"] as const, "text");
  const overrides = opts.set ?? [];
  if (format === "jsonl") {
    if (words.length > 0)
      throw new UserError("--format jsonl reads prompts from standard input; do not also pass one as an argument");
    const checked = parseOverrides(overrides);
    if (!checked.ok) throw new UserError(checked.error);
    await runBatch(
      (line) => {
        const r = deriveDesign(line, overrides);
        return r.ok ? { ok: true, value: withScript(r.design) } : r;
      },
      (design) => designJsonBytes(design, "\n"),
    );
    return;
  }
  // every form prints the design at once; designs are read-only (deeply frozen, their kept values shared)
  const d = designOrRefuse(await promptArg(words, 'mechsd design "Design a distributed lock service"'), overrides);
  if (format === "json") {
    if (opts.output) throw new UserError("-o writes text or Markdown; redirect --format json to a file instead");
    writeOut(json(withScript(d)));
    return;
  }
  const blocks = designBlocks(d);
  if (opts.output) {
    const text = format === "md" ? toMarkdown(blocks) : toTerminal(blocks, { color: false, width: 100 });
    try {
      writeFileSync(opts.output, text);
    } catch (e) {
      throw new UserError(`cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    process.stderr.write(`mechsd: wrote ${opts.output}\n`);
    return;
  }
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
