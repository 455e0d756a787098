// usage (from a repo root): npx tsx coh.tmp.mts <prompts.txt> [rule] — coherence findings over a prompt list
import { readFileSync } from "node:fs";
import { deriveDesign } from "./src/lib/index.js";
const prompts = readFileSync(process.argv[2]!, "utf8").split("\n").filter((l) => l.trim());
const only = process.argv[3];
const counts = new Map<string, number>();
let failed = 0;
for (const p of prompts) {
  const r = deriveDesign(p, []);
  if (!r.ok) { failed++; continue; }
  for (const c of r.design.coherence) {
    counts.set(c.rule, (counts.get(c.rule) ?? 0) + 1);
    if (only && c.rule === only) console.log(`${p.slice(0, 110)}\n   → ${c.detail.slice(0, 300)}`);
  }
}
let total = 0;
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) { console.log(`${String(v).padStart(5)} ${k}`); total += v; }
console.log(`${String(total).padStart(5)} total over ${prompts.length} prompts (${failed} refused)`);
