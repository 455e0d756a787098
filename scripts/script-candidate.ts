// usage: npx tsx scripts/script-candidate.ts [corpus] [every] [examples-file] — whether a script sounds like a
// candidate rather than a table read aloud, over every `every`-th prompt of a corpus:
// - step 3: its mean words, the data-model records it names (mean, and scripts naming more than three), and its
//   sentences naming more than three records;
// - leaked glosses: a record said with the description of a same-named record of a subject the design is not about
//   (`leakedGlosses`: a session store's logout tombstone in a key-value store);
// - fragments: sentences or clauses cut on a function word, and relative clauses said alone (`shapeProblems`);
// - hard-rule answers: "How do you enforce the hard rule?" answered with no mechanism the design's own mechanism
//   table says protects that rule (`hardRuleAnswerProblems`).
// Each hit is written to the examples file (kind | detail | prompt).
import { writeFileSync } from "node:fs";
import { hardRuleAnswerProblems, leakedGlosses, recordsNamed } from "../src/render/script/check.js";
import { shapeProblems } from "../src/render/script/shapes.js";
import { mean, minutesTable, walkCorpus } from "./script-corpus.js";

const file = process.argv[2] ?? "/tmp/corpus/pool.txt";
const every = Number(process.argv[3] ?? "5");
const examples = process.argv[4];
const lines: string[] = [];
const step3Words: number[] = [];
const step3Records: number[] = [];
let overThree = 0;
let sentencesOverThree = 0;
let leaks = 0;
let cuts = 0;
let relatives = 0;
let hardAnswers = 0;
let hardWrong = 0;
let hardRaw = 0;
const walk = walkCorpus(file, every, (d, s, p) => {
  const st3 = s.steps[2];
  if (st3) {
    step3Words.push(st3.words);
    const named = recordsNamed(d, st3.sentences.join(" "));
    step3Records.push(named.length);
    if (named.length > 3) overThree++;
    for (const x of st3.sentences)
      if (recordsNamed(d, x).length > 3) {
        sentencesOverThree++;
        lines.push(`step3-sentence | ${x} | ${p.slice(0, 70)}`);
      }
  }
  for (const g of leakedGlosses(d, s)) {
    leaks++;
    lines.push(`leak | ${g} | ${p.slice(0, 70)}`);
  }
  for (const x of shapeProblems(s)) {
    if (x.shape === "cut on a function word") cuts++;
    else if (x.shape === "relative fragment") relatives++;
    else continue;
    lines.push(`${x.shape} | ${x.step} ${x.slot} | ${x.at} | ${x.sentence} | ${p.slice(0, 70)}`);
  }
  if (s.steps[3]?.followUps.some((f) => f.question === "How do you enforce the hard rule?")) hardAnswers++;
  hardRaw += hardRuleAnswerProblems(d, s, true).length;
  for (const h of hardRuleAnswerProblems(d, s)) {
    hardWrong++;
    lines.push(`hard-rule | ${h} | ${p.slice(0, 70)}`);
  }
});
if (examples) writeFileSync(examples, `${lines.join("\n")}\n`);
console.log(`prompts ${walk.prompts} errors ${walk.errors}`);
console.log(
  `step 3: mean words ${mean(step3Words).toFixed(1)}, mean records named ${mean(step3Records).toFixed(2)}, scripts naming >3 records ${overThree}, sentences naming >3 records ${sentencesOverThree}`,
);
console.log(`leaked glosses ${leaks}`);
console.log(`fragments: cut on a function word ${cuts}, relative fragment ${relatives}`);
console.log(
  `hard-rule answers ${hardAnswers}, naming no protector of the rule that keeps its kind ${hardWrong} (no protector at all ${hardRaw})`,
);
console.log(minutesTable(walk.minutes));
