import { lookupArchetype } from "../../engine/lookup.js";
import { ARCHETYPE_BY_ID, ARCHETYPES, type ArchetypeId } from "../../knowledge/index.js";
import { archetypeCard } from "../../render/archetype-card.js";
import { toMarkdown, toTerminal } from "../../render/doc.js";
import { UserError } from "../errors.js";
import { pickFormat } from "../format.js";
import { json, terminalOptions, writeOut } from "../output.js";

export function runShow(query: string, opts: { format?: string }): void {
  const format = pickFormat(opts.format, ["text", "md", "json"] as const, "text");
  const found = lookupArchetype(query, ARCHETYPES);
  if (!found.ok) {
    const list = found.suggestions.map((a) => `  ${a.id} ${a.name}`).join("\n");
    throw new UserError(
      `no archetype matches '${query}'. Closest:\n${list}\nUse an id (${ARCHETYPES[0]?.id}-${ARCHETYPES.at(-1)?.id}, e.g. I5 or i05) or words from the name; 'mechsd archetypes' lists all.`,
    );
  }
  const a = found.archetype;
  if (format === "json") {
    writeOut(json(a));
    return;
  }
  const blocks = archetypeCard(a, (id) => ARCHETYPE_BY_ID.get(id as ArchetypeId)?.name ?? id);
  writeOut(format === "md" ? toMarkdown(blocks) : toTerminal(blocks, terminalOptions()));
}
