import { ARCHETYPES } from "../../knowledge/index.js";
import { catalogueTable } from "../../render/archetype-card.js";
import { toMarkdown, toTerminal } from "../../render/doc.js";
import { pickFormat } from "../format.js";
import { json, terminalOptions, writeOut } from "../output.js";

export function runArchetypes(opts: { format?: string }): void {
  const format = pickFormat(opts.format, ["text", "md", "json"] as const, "text");
  if (format === "json") {
    writeOut(json(ARCHETYPES));
    return;
  }
  const blocks = [catalogueTable(ARCHETYPES)];
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
