// No tracked text file keeps a merge conflict's markers: a stop-24 merge left one in ARCHITECTURE.md and every
// other check stayed green (Markdown renders the markers as text).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const TEXT = /\.(ts|tsx|mts|js|mjs|cjs|json|jsonl|md|css|html|txt|yml|yaml)$/;

test("no tracked text file holds a merge conflict marker", () => {
  const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => TEXT.test(f) || f === ".ci/run");
  expect(files.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(join(root, f), "utf8");
    } catch {
      continue; // listed but not checked out (deleted in the working tree)
    }
    text.split("\n").forEach((line, i) => {
      if (/^(<{7} |>{7} |={7}$)/.test(line)) hits.push(`${f}:${i + 1}: ${line.slice(0, 40)}`);
    });
  }
  expect(hits).toEqual([]);
});
