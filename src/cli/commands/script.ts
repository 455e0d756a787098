import { deriveDesign } from "../../engine/design/design.js";
import { toMarkdown, toTerminal } from "../../render/doc.js";
import { scriptBlocks, stepBudget } from "../../render/script.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { json, terminalOptions, writeOut } from "../output.js";

export async function runScript(
  words: string[],
  opts: { format?: string; set?: string[]; minutes?: string },
): Promise<void> {
  const format = pickFormat(opts.format, ["text", "md", "json"] as const, "text");
  let minutes: number | undefined;
  if (opts.minutes !== undefined) {
    minutes = Number(opts.minutes);
    if (!Number.isFinite(minutes) || minutes < 5 || minutes > 180)
      throw new UserError(`--minutes takes a number from 5 to 180, not '${opts.minutes}'`);
  }
  if (words.length === 0) throw new UserError('give a prompt, e.g. mechsd script "Design a distributed message queue"');
  const r = deriveDesign(words.join(" "), opts.set ?? []);
  if (!r.ok) throw new UserError(r.error);
  const d = r.design;
  if (format === "json") {
    const budget = minutes ? stepBudget(minutes) : undefined;
    writeOut(json(d.script.map((s, i) => (budget ? { ...s, minutes: budget[i] } : s))));
    return;
  }
  const blocks = scriptBlocks(d.prompt, d.script, minutes);
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
