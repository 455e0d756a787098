// The README's test command: typecheck, lint, build, then every test; ends with "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let passed = 0;
let failed = 0;
const run = (label, cmd, args) => {
  process.stdout.write(`\n== ${label}: ${cmd} ${args.join(" ")}\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status === 0;
};
const check = (label, cmd, args) => {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    process.stdout.write(`!! ${label} failed\n`);
  }
};

check("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
check("typecheck web", "npx", ["tsc", "--noEmit", "-p", "web"]);
check("lint", "npx", ["biome", "check", "."]);
check("build", "npm", ["run", "--silent", "build"]);

const dir = mkdtempSync(join(tmpdir(), "mechsd-vitest-"));
const report = join(dir, "report.json");
run("tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (r.numTotalTests === 0 || r.numFailedTestSuites > 0) failed += Math.max(1, r.numFailedTestSuites);
} catch {
  failed++;
  process.stdout.write("!! the test runner wrote no report\n");
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
