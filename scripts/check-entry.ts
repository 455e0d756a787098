// Validates archetype entries one by one while they are being written: npx tsx scripts/check-entry.ts I02 I05

import { MECHANISMS } from "../src/knowledge/mechanisms/index.js";
import { QUANTITIES } from "../src/knowledge/quantities.js";
import { ARCHETYPE_IDS, type ArchetypeInput } from "../src/knowledge/schema.js";
import { entryProblems } from "../src/knowledge/validate.js";

const known = {
  mechanisms: new Set(MECHANISMS.map((m) => m.id)),
  quantities: new Set(QUANTITIES.map((q) => q.id)),
  archetypes: new Set<string>(ARCHETYPE_IDS),
};
let bad = 0;
for (const id of process.argv.slice(2)) {
  const mod = (await import(`../src/knowledge/archetypes/${id}.ts`)) as Record<string, ArchetypeInput>;
  const entry = mod[id];
  if (!entry) {
    console.log(`${id}: file does not export const ${id}`);
    bad++;
    continue;
  }
  const problems = entryProblems(entry, known);
  console.log(problems.length === 0 ? `${id}: ok` : problems.join("\n"));
  bad += problems.length;
}
process.exit(bad === 0 ? 0 : 1);
