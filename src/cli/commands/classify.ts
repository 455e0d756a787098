import { checkPrompt } from "../../engine/prompt.js";
import { classify } from "../../engine/recognize/index.js";
import type { Recognition } from "../../engine/recognize/recognize.js";
import { bullets, heading, para, table, toMarkdown, toTerminal } from "../../render/doc.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { runBatch } from "../lines.js";
import { json, terminalOptions, writeOut } from "../output.js";
import { promptArg } from "../prompt-arg.js";

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
    await runBatch((line) => {
      const checked = checkPrompt(line);
      return checked.ok ? { ok: true, value: record(checked.prompt, classify(checked.prompt)) } : checked;
    });
    return;
  }
  const checked = checkPrompt(await promptArg(promptArgs, 'mechsd classify "Design a distributed message queue"'));
  if (!checked.ok) throw new UserError(checked.error);
  const r = classify(checked.prompt);
  if (format === "json") {
    writeOut(json(record(checked.prompt, r)));
    return;
  }
  const blocks = blocksFor(checked.prompt, r);
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
