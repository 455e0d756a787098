// usage: npx tsx scripts/script-shapes.ts [corpus] [every] [examples-file] — counts the garbled-sentence shapes
// (`shapeProblems`: doubled words, unbalanced brackets, "no" before a pronoun, "of" with no object, sentences with no
// verb or over 30 words) over the scripts of a prompt corpus, each step's minutes of talk, and writes every hit to
// the examples file (one line each: shape | at | sentence)
import { readFileSync, writeFileSync } from "node:fs";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";
import { SHAPES, shapeCounts, shapeProblems } from "../src/render/script/shapes.js";

const file = process.argv[2] ?? "/tmp/corpus/pool.txt";
const every = Number(process.argv[3] ?? "1");
const examples = process.argv[4];
const prompts = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .filter((_, i) => i % every === 0);
const totals = Object.fromEntries(SHAPES.map((s) => [s, 0])) as Record<(typeof SHAPES)[number], number>;
const lines: string[] = [];
const minutes: number[][] = [];
let sentences = 0;
let errors = 0;
for (const p of prompts) {
  let d: ReturnType<typeof design>;
  try {
    d = design(p);
  } catch {
    errors++;
    continue;
  }
  const s = writeScript(d);
  const found = shapeProblems(s);
  for (const [k, n] of Object.entries(shapeCounts(found))) totals[k as keyof typeof totals] += n;
  for (const x of found) lines.push(`${x.shape} | ${x.at} | ${x.sentence} | ${p.slice(0, 60)}`);
  for (const st of s.steps) {
    sentences += st.sentences.length;
    const row = minutes[st.step - 1] ?? [];
    row.push(st.words / 140);
    minutes[st.step - 1] = row;
  }
}
if (examples) writeFileSync(examples, `${lines.join("\n")}\n`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
console.log(`prompts ${prompts.length} errors ${errors} sentences ${sentences}`);
console.log(totals);
console.log(minutes.map((xs, i) => `step ${i + 1}: ${mean(xs).toFixed(2)} min`).join("\n"));
console.log(`total ${minutes.reduce((a, xs) => a + mean(xs), 0).toFixed(2)} min`);
