// Checks the knowledge base while entries are being written: npx tsx scripts/check-entry.ts [I02 I05 …]
// It runs the same compile step as the build and the tests, so "ok" here means the build will pass:
// problems of the named entries are listed, and so is every problem that is not about one entry
// (cross-entry checks, registries, shared tables). With no ids it lists every problem.
import { compileKnowledge } from "../src/knowledge/compile.js";

const ids = process.argv.slice(2).map((a) => a.toUpperCase());
const { problems } = compileKnowledge();
const aboutEntry = (p: string) => /^I\d{2}\b/.exec(p)?.[0];
const shown = problems.filter((p) => {
  const id = aboutEntry(p);
  return ids.length === 0 || id === undefined || ids.includes(id);
});
for (const id of ids) if (!shown.some((p) => aboutEntry(p) === id)) console.log(`${id}: ok`);
if (shown.length > 0) console.log(shown.join("\n"));
process.exit(shown.length === 0 ? 0 : 1);
