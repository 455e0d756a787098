// usage: npx tsx scripts/script-shapes.ts [corpus] [every] [examples-file] — counts the garbled-sentence shapes
// (`shapeProblems`: doubled words, unbalanced brackets, "no" before a pronoun, "of" with no object, sentences with no
// verb or over 30 words) over the scripts of a prompt corpus, each step's minutes of talk, and writes every hit to
// the examples file (one line each: shape | step and where it is said | at | sentence | prompt), so a shape is
// traced to the step and the slot (a line, a cue, a check-in, a follow-up's question or answer, a deep dive)
import { writeFileSync } from "node:fs";
import { SHAPES, shapeCounts, shapeProblems } from "../src/render/script/shapes.js";
import { minutesTable, walkCorpus } from "./script-corpus.js";

const file = process.argv[2] ?? "/tmp/corpus/pool.txt";
const every = Number(process.argv[3] ?? "1");
const examples = process.argv[4];
const totals = Object.fromEntries(SHAPES.map((s) => [s, 0])) as Record<(typeof SHAPES)[number], number>;
const lines: string[] = [];
let sentences = 0;
const walk = walkCorpus(file, every, (_d, s, p) => {
  const found = shapeProblems(s);
  for (const [k, n] of Object.entries(shapeCounts(found))) totals[k as keyof typeof totals] += n;
  for (const x of found) lines.push(`${x.shape} | ${x.step} ${x.slot} | ${x.at} | ${x.sentence} | ${p.slice(0, 60)}`);
  for (const st of s.steps) sentences += st.sentences.length;
});
if (examples) writeFileSync(examples, `${lines.join("\n")}\n`);
console.log(`prompts ${walk.prompts} errors ${walk.errors} sentences ${sentences}`);
console.log(totals);
console.log(minutesTable(walk.minutes));
