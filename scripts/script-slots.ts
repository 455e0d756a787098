// usage: npx tsx scripts/script-slots.ts [corpus] [every] [v] — counts template slots filled with text of the wrong
// shape (`slotProblems`) over the scripts of a prompt corpus, and each step's minutes of talk against its share
import { slotProblems } from "../src/render/script/check.js";
import { minutesTable, walkCorpus } from "./script-corpus.js";

const file = process.argv[2] ?? "/tmp/corpus/all.txt";
const every = Number(process.argv[3] ?? "1");
const verbose = process.argv[4] === "v";
const kinds = new Map<string, number>();
const walk = walkCorpus(file, every, (d, s) => {
  for (const x of slotProblems(d, s)) {
    const kind = x.problem.split(":")[0] ?? x.problem;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (verbose) console.log(`${kind} | ${x.problem} | ${x.sentence.slice(0, 200)}`);
  }
});
console.log(`prompts ${walk.prompts} errors ${walk.errors}`);
console.log(Object.fromEntries([...kinds].sort()));
console.log(minutesTable(walk.minutes));
