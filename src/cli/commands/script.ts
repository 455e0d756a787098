import { toMarkdown, toTerminal } from "../../render/doc.js";
import { scriptBlocks } from "../../render/script/document.js";
import { writeScript } from "../../render/script/index.js";
import { designOrRefuse } from "../derive.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { json, terminalOptions, writeOut } from "../output.js";
import { promptArg } from "../prompt-arg.js";

export interface ScriptCliOptions {
  format?: string;
  set?: string[];
  minutes?: string;
  wpm?: string;
  short?: boolean;
  weights?: string;
}

function numberOption(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UserError(`--${name} takes a number from ${min} to ${max}, not '${raw}'`);
  return n;
}

export async function runScript(words: string[], opts: ScriptCliOptions): Promise<void> {
  const format = pickFormat(opts.format, ["text", "md", "json"] as const, "text");
  const minutes = numberOption("minutes", opts.minutes, 5, 180);
  const wpm = numberOption("wpm", opts.wpm, 60, 300);
  let weights: number[] | undefined;
  if (opts.weights !== undefined) {
    weights = opts.weights.split(",").map((w) => Number(w.trim()));
    // each weight is a share of their sum, so the sum must be a number too (eight times 1e308 is not)
    const sum = weights.reduce((a, w) => a + w, 0);
    if (weights.length !== 8 || weights.some((w) => !Number.isFinite(w) || w <= 0) || !Number.isFinite(sum))
      throw new UserError(`--weights takes eight positive numbers separated by commas, not '${opts.weights}'`);
  }
  const design = designOrRefuse(
    await promptArg(words, 'mechsd script "Design a distributed message queue"'),
    opts.set ?? [],
  );
  const script = writeScript(design, {
    ...(minutes !== undefined ? { minutes } : {}),
    ...(wpm !== undefined ? { wpm } : {}),
    ...(weights ? { weights } : {}),
    short: opts.short === true,
  });
  if (format === "json") {
    writeOut(json(script));
    return;
  }
  const blocks = scriptBlocks(script);
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
  if (script.totals.overruns.length > 0)
    process.stderr.write(`mechsd: step ${script.totals.overruns.join(", ")} runs over its budget\n`);
}
