// Measures the learned words (src/knowledge/signals/learned.ts) honestly: k-fold cross-validation on
// eval/tuned.jsonl (learn on the other folds, score the held-out fold) and, learned from all of tuned.jsonl,
// the pooled held-out parts given on the command line. Prints numbers only, with and without the learned words,
// and with the learned branch model beside them (the branch numbers are what it moves).
// Usage: npx tsx scripts/learned-cv.ts [--folds 5] [--branch-l2 0.001] [eval/unseen-6.jsonl …]
import { readFileSync } from "node:fs";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { recognize } from "../src/engine/recognize/recognize.js";
import {
  BRANCH_L2,
  type LearnedBranchTable,
  type LearnedWords,
  NO_LEARNED_BRANCH,
  NO_LEARNED_WORDS,
} from "../src/knowledge/signals/learned.js";
import { LABELLED, type Row as Labelled, learnBranchFrom, learnFrom } from "./build-learned.js";

interface Row extends Labelled {
  also?: string[];
}

const args = process.argv.slice(2);
const foldsAt = args.indexOf("--folds");
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
const l2At = args.indexOf("--branch-l2");
const branchL2 = l2At >= 0 ? Number(args[l2At + 1]) : BRANCH_L2;
const files = args.filter(
  (a, i) => !a.startsWith("--") && !(foldsAt >= 0 && i === foldsAt + 1) && !(l2At >= 0 && i === l2At + 1),
);

function score(rows: readonly Row[], learned: LearnedWords, learnedBranch: LearnedBranchTable = NO_LEARNED_BRANCH) {
  const kb = recognitionKnowledge();
  let branch = 0;
  let n = 0;
  let t1 = 0;
  let t3 = 0;
  let alsoWanted = 0;
  let alsoFound = 0;
  for (const r of rows) {
    const got = recognize(r.prompt, kb, { learned, learnedBranch });
    if (got.branch.kind === r.branch) branch++;
    if (r.top.length === 0) continue;
    const ids = got.archetypes.map((a) => a.id as string);
    n++;
    if (r.top.includes(ids[0] ?? "")) t1++;
    if (ids.slice(0, 3).some((id) => r.top.includes(id))) t3++;
    for (const a of r.also ?? []) {
      alsoWanted++;
      if (ids.includes(a)) alsoFound++;
    }
  }
  return { branch, rows: rows.length, n, t1, t3, alsoWanted, alsoFound };
}

const show = (label: string, s: ReturnType<typeof score>) =>
  console.log(
    `${label.padEnd(28)} branch ${s.branch}/${s.rows}  top-1 ${s.t1}/${s.n} (${((100 * s.t1) / s.n).toFixed(1)}%)  top-3 ${s.t3}/${s.n} (${((100 * s.t3) / s.n).toFixed(1)}%)  supporting ${s.alsoFound}/${s.alsoWanted}`,
  );

const readRows = (f: string): Row[] =>
  readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
const tuned = readRows(LABELLED);
const add = (a: ReturnType<typeof score>, b: ReturnType<typeof score>) => ({
  branch: a.branch + b.branch,
  rows: a.rows + b.rows,
  n: a.n + b.n,
  t1: a.t1 + b.t1,
  t3: a.t3 + b.t3,
  alsoWanted: a.alsoWanted + b.alsoWanted,
  alsoFound: a.alsoFound + b.alsoFound,
});
const zero = { branch: 0, rows: 0, n: 0, t1: 0, t3: 0, alsoWanted: 0, alsoFound: 0 };
let withWords = zero;
let without = zero;
let withBranch = zero;
for (let k = 0; k < folds; k++) {
  // Fold by position (every folds-th row), so each fold mixes all batches.
  const held = tuned.filter((_, i) => i % folds === k);
  const train = tuned.filter((_, i) => i % folds !== k);
  const words = learnFrom(train);
  withWords = add(withWords, score(held, words));
  withBranch = add(withBranch, score(held, words, learnBranchFrom(train, branchL2)));
  without = add(without, score(held, NO_LEARNED_WORDS));
}
show(`tuned ${folds}-fold, no learned`, without);
show(`tuned ${folds}-fold, learned`, withWords);
show(`tuned ${folds}-fold, + branch`, withBranch);
if (files.length > 0) {
  const rows = files.flatMap(readRows);
  const all = learnFrom(tuned);
  show("held-out, no learned", score(rows, NO_LEARNED_WORDS));
  show("held-out, learned", score(rows, all));
  show("held-out, + branch", score(rows, all, learnBranchFrom(tuned, branchL2)));
}
