import { checkPrompt } from "../../engine/prompt.js";
import { classify } from "../../engine/recognize/index.js";
import type { Recognition } from "../../engine/recognize/recognize.js";
import { bullets, heading, para, table, toMarkdown, toTerminal } from "../../render/doc.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { json, terminalOptions, writeOut } from "../output.js";
import { readStdin } from "../stdin.js";

const record = (prompt: string, r: Recognition) => ({ prompt, branch: r.branch, archetypes: r.archetypes });

function blocksFor(prompt: string, r: Recognition) {
  return [
    heading(1, "Recognition"),
    para(`Prompt: ${prompt}`),
    heading(2, `Branch: ${r.branch.kind}`),
    bullets(r.branch.evidence),
    heading(2, "Archetypes"),
    r.archetypes.length === 0
      ? para("No infrastructure archetype was recognised.")
      : table(
          ["id", "name", "role", "score"],
          r.archetypes.map((a) => [a.id, a.name, a.role, a.score.toFixed(2)]),
        ),
    ...r.archetypes.flatMap((a) => [heading(3, `${a.id} evidence`), bullets(a.evidence)]),
  ];
}

export async function runClassify(promptArgs: string[], opts: { format?: string }): Promise<void> {
  const format = pickFormat(opts.format, ["text", "md", "json", "jsonl"] as const, "text");
  if (format === "jsonl") {
    if (promptArgs.length > 0)
      throw new UserError("--format jsonl reads prompts from standard input; do not also pass one as an argument");
    const lines = (await readStdin()).split(/\r?\n/);
    let bad = 0;
    const out: string[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const checked = checkPrompt(line);
      if (!checked.ok) {
        bad++;
        out.push(JSON.stringify({ line: i + 1, error: checked.error }));
        process.stderr.write(`mechsd: line ${i + 1}: ${checked.error}\n`);
        return;
      }
      out.push(JSON.stringify(record(checked.prompt, classify(checked.prompt))));
    });
    if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
    if (bad > 0) process.exitCode = 1;
    return;
  }
  if (promptArgs.length === 0)
    throw new UserError('give a prompt, e.g. mechsd classify "Design a distributed message queue"');
  const checked = checkPrompt(promptArgs.join(" "));
  if (!checked.ok) throw new UserError(checked.error);
  const r = classify(checked.prompt);
  if (format === "json") {
    writeOut(json(record(checked.prompt, r)));
    return;
  }
  const blocks = blocksFor(checked.prompt, r);
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
