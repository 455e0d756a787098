// usage: npx tsx scripts/script-slots.ts [corpus] [every] [v] — counts template slots filled with text of the wrong
// shape (`slotProblems`) over the scripts of a prompt corpus, and each step's minutes of talk against its share
import { readFileSync } from "node:fs";
import { design } from "../src/engine/design/design.js";
import { slotProblems } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";

const file = process.argv[2] ?? "/tmp/corpus/all.txt";
const every = Number(process.argv[3] ?? "1");
const verbose = process.argv[4] === "v";
const prompts = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .filter((_, i) => i % every === 0);
const kinds = new Map<string, number>();
const minutes: number[][] = [];
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
  for (const x of slotProblems(d, s)) {
    const kind = x.problem.split(":")[0] ?? x.problem;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (verbose) console.log(`${kind} | ${x.problem} | ${x.sentence.slice(0, 200)}`);
  }
  for (const st of s.steps) {
    const row = minutes[st.step - 1] ?? [];
    row.push(st.words / 140);
    minutes[st.step - 1] = row;
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
console.log(`prompts ${prompts.length} errors ${errors}`);
console.log(Object.fromEntries([...kinds].sort()));
console.log(
  minutes
    .map((xs, i) => `step ${i + 1}: mean ${mean(xs).toFixed(2)} min, min ${Math.min(...xs).toFixed(2)} min`)
    .join("\n"),
);
