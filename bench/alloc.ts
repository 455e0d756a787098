// Bytes allocated per design, measured as the young generation's growth over a few designs with no garbage
// collection in between: unlike CPU or wall time it does not move with other load on a shared machine, so it
// tells a change that allocates less from noise. Allocation also drives the collector's work and cache misses.
// Usage: npm run bench:alloc   (runs itself under node with the flags it needs)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

const FLAGS = ["--expose-gc", "--min-semi-space-size=128", "--max-semi-space-size=128"];
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  const r = spawnSync(process.execPath, [...FLAGS, "--import", "tsx", fileURLToPath(import.meta.url)], {
    stdio: "inherit",
  });
  process.exit(r.status ?? 1);
}
const collect = gc as () => void;

const { deriveDesign } = await import("../src/engine/design/design.js");
const { writeScript } = await import("../src/render/script/index.js");
const devFile = fileURLToPath(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url));
const prompts = readFileSync(devFile, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { prompt: string }).prompt);

const youngUsed = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_used_size ?? 0;
const PER_ROUND = 10;

/** KB allocated per design over 5 rounds of 10 designs (each round from an emptied young generation). */
function measure(label: string, promptOf: (p: string, round: number, i: number) => string, script: boolean): void {
  const one = (prompt: string) => {
    const r = deriveDesign(prompt);
    if (r.ok && script) writeScript(r.design, { minutes: 45 });
  };
  for (let w = 0; w < 5; w++) for (const [i, p] of prompts.entries()) one(promptOf(p, 1000 + w, i));
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    collect();
    const before = youngUsed();
    for (const [i, p] of prompts.slice(0, PER_ROUND).entries()) one(promptOf(p, r, i));
    rounds.push((youngUsed() - before) / PER_ROUND / 1024);
  }
  rounds.sort((a, b) => a - b);
  console.log(`| ${label} | ${rounds[2]?.toFixed(1)} KB | ${rounds[0]?.toFixed(1)}–${rounds[4]?.toFixed(1)} KB |`);
}

console.log(`node ${process.version}; allocated per design (median and range of 5 rounds of ${PER_ROUND})\n`);
console.log("| designs | median | range |");
console.log("|---|---:|---:|");
measure("held-in prompts", (p) => p, false);
measure("distinct prompts (no repeat)", (p, r, i) => `${p} (variant ${r * prompts.length + i})`, false);
measure("held-in prompts with the 45-minute script", (p) => p, true);
