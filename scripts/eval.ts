// Scores recognition against a labelled prompt file (default: ../shared/eval/dev-prompts.jsonl).
// Usage: npm run eval [-- path/to/prompts.jsonl] [--verbose | --quiet]
// --quiet prints the numbers only (for scoring a held-out part without reading its misses).
import { existsSync, readFileSync } from "node:fs";
import { classify } from "../src/engine/recognize/index.js";

interface Labelled {
  id: string;
  source?: string;
  prompt: string;
  branch: string;
  top: string[];
  also: string[];
}

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const quiet = args.includes("--quiet");
const file =
  args.find((a) => !a.startsWith("--")) ?? new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url).pathname;
if (!existsSync(file)) {
  console.error(`eval: no labelled prompts at ${file}; pass a path to a .jsonl file`);
  process.exit(2);
}
const rows: Labelled[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Labelled);

let branchOk = 0;
let top1 = 0;
let top3 = 0;
let infraRows = 0;
let alsoWanted = 0;
let alsoFound = 0;
let returned = 0;
let seedRows = 0;
let seedOk = 0;
const misses: string[] = [];
/** Per kind of prompt (the part of `source` after a colon, e.g. "requirement"): rows and fully right rows. */
const byKind = new Map<string, { n: number; ok: number }>();
for (const r of rows) {
  const got = classify(r.prompt);
  const ids = got.archetypes.map((a) => a.id as string);
  returned += ids.length;
  const bOk = got.branch.kind === r.branch;
  if (bOk) branchOk++;
  let dOk = true;
  if (r.top.length > 0) {
    infraRows++;
    dOk = r.top.includes(ids[0] ?? "");
    if (dOk) top1++;
    if (ids.slice(0, 3).some((id) => r.top.includes(id))) top3++;
    for (const a of r.also) {
      alsoWanted++;
      if (ids.includes(a)) alsoFound++;
    }
  }
  const alsoOk = r.also.every((a) => ids.includes(a));
  const kindName = r.source?.includes(":") ? (r.source.split(":")[1]?.trim() ?? "other") : (r.source ?? "other");
  const k = byKind.get(kindName) ?? { n: 0, ok: 0 };
  k.n++;
  if (bOk && dOk && alsoOk) k.ok++;
  byKind.set(kindName, k);
  if (r.source === "seed mapping") {
    seedRows++;
    if (bOk && dOk && alsoOk) seedOk++;
  }
  if (!bOk || !dOk || !alsoOk || verbose) {
    misses.push(
      `${!bOk || !dOk || !alsoOk ? "MISS" : "ok  "} ${r.id} want ${r.branch} ${r.top.join("/") || "-"} +${r.also.join(",") || "-"} | got ${got.branch.kind} ${got.archetypes.map((a) => `${a.id}:${a.role}:${a.score}`).join(" ")} | ${r.prompt}`,
    );
  }
}
const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
console.log(`prompts                 ${rows.length}`);
console.log(`branch accuracy         ${pct(branchOk, rows.length)} (${branchOk}/${rows.length})`);
console.log(`dominant top-1          ${pct(top1, infraRows)} (${top1}/${infraRows})`);
console.log(`dominant top-3          ${pct(top3, infraRows)} (${top3}/${infraRows})`);
console.log(`supporting recall       ${pct(alsoFound, alsoWanted)} (${alsoFound}/${alsoWanted})`);
console.log(`avg archetypes returned ${(returned / rows.length).toFixed(2)}`);
console.log(`seed mappings exact     ${pct(seedOk, seedRows)} (${seedOk}/${seedRows})`);
if (byKind.size > 1) {
  console.log("\n| kind | prompts | fully right |\n|---|---:|---:|");
  for (const [name, k] of [...byKind.entries()].sort((a, b) => a[0].localeCompare(b[0])))
    console.log(`| ${name} | ${k.n} | ${pct(k.ok, k.n)} |`);
}
if (misses.length > 0 && !quiet) console.log(`\n${misses.join("\n")}`);
