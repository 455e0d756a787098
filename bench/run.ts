// Benchmarks that print tables: recognition and design latency/throughput, CLI start-up.
// Usage: npm run bench [-- --quick]
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { deriveDesign } from "../src/engine/design/design.js";
import { classify, recognitionKnowledge } from "../src/engine/recognize/index.js";

const quick = process.argv.includes("--quick");
const devFile = fileURLToPath(new URL("../../shared/eval/dev-prompts.jsonl", import.meta.url));
const extra = [
  "Design a distributed lock service with fencing tokens for 200,000 leases and 10-second leases",
  "Design a payment service that charges cards exactly once at 5k rps",
  "Design a metrics pipeline ingesting 2 million samples per second from 10,000 nodes",
  "Design a multi-region session store with last-writer-wins",
  "Design Kafka",
];
const prompts = [
  ...(existsSync(devFile)
    ? readFileSync(devFile, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { prompt: string }).prompt)
    : []),
  ...extra,
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

function measure(label: string, fn: (p: string) => void, rounds: number) {
  for (const p of prompts) fn(p); // warm up caches and the JIT
  const lat: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const p of prompts) {
      const t = performance.now();
      fn(p);
      lat.push(performance.now() - t);
    }
  }
  const total = (performance.now() - start) / 1000;
  return { label, n: lat.length, p50: pct(lat, 50), p99: pct(lat, 99), perSec: lat.length / total };
}

// One long prompt (the first ten joined): recognition cost should follow the prompt's words.
const long = prompts.slice(0, 10).join(" ");
let flip = 0;
const rows = [
  measure("recognise (classify)", (p) => classify(p), quick ? 5 : 50),
  // a trailing space defeats classify's one-entry reuse, so each call really recognises
  measure("recognise a 10-prompt-long text", () => classify(long + (flip++ % 2 ? " " : "")), quick ? 5 : 50),
  measure("design (full field graph)", (p) => deriveDesign(p), quick ? 2 : 20),
];

console.log(
  `prompts per round: ${prompts.length}; signals indexed: ${recognitionKnowledge().size}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log("| benchmark | calls | p50 ms | p99 ms | per second |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.n} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${Math.round(r.perSec).toLocaleString("en-US")} |`,
  );

const bin = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
if (existsSync(fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url)))) {
  const runs = quick ? 3 : 10;
  const cli = (args: string[], input?: string) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8" });
      times.push(performance.now() - t);
    }
    return times;
  };
  const batch = prompts.join("\n");
  const cases: [string, number[], number][] = [
    ["mechsd --version", cli(["--version"]), 1],
    ["mechsd classify <prompt>", cli(["classify", "Design a distributed message queue"]), 1],
    [
      "mechsd design <prompt> --format json",
      cli(["design", "Design a distributed lock service", "--format", "json"]),
      1,
    ],
    [
      `mechsd design --format jsonl (${prompts.length} prompts)`,
      cli(["design", "--format", "jsonl"], batch),
      prompts.length,
    ],
  ];
  console.log("\n| CLI process (start-up included) | runs | p50 ms | prompts per second |");
  console.log("|---|---:|---:|---:|");
  for (const [label, times, n] of cases) {
    const p50 = pct(times, 50);
    console.log(`| ${label} | ${times.length} | ${p50.toFixed(1)} | ${n > 1 ? Math.round((n * 1000) / p50) : "-"} |`);
  }
} else {
  console.log("\n(CLI not built: run `npm run build` to include start-up timings)");
}
