import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** `-` as the only prompt word reads the whole prompt from standard input, through the built CLI. */
const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));

function run(args: string[], input: Buffer | string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

const PROMPT = "Design a distributed lock service for 2,000 batch workers";

describe("a prompt read from standard input", () => {
  for (const command of ["design", "classify", "script", "diagram"]) {
    it(`${command} - reads the same prompt its argument form does`, () => {
      const piped = run([command, "-", ...(command === "diagram" ? [] : ["--format", "json"])], `${PROMPT}\n`);
      const argued = run([command, PROMPT, ...(command === "diagram" ? [] : ["--format", "json"])], "");
      expect(piped.code).toBe(0);
      expect(piped.stdout).toBe(argued.stdout);
    });
  }

  it("refuses binary input on stdin with a clear message and exit 2", () => {
    const r = run(["design", "-"], Buffer.from([0x44, 0x65, 0x00, 0xff, 0x20]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary data/);
    expect(r.stdout).toBe("");
  });

  it("refuses more than a megabyte on stdin without reading on", () => {
    const r = run(["classify", "-"], "Design a queue ".repeat(80_000));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than 1048576 bytes/);
  });

  it("names the - form when no prompt is given", () => {
    const r = run(["design"], "");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/or - to read it from standard input/);
  });
});
