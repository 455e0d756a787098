import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// bin/mechsd run as the shell script it is (`mechsd …`) starts design and script from the build's start-up
// snapshot (src/cli/snapshot.ts); MECHSD_NO_SNAPSHOT=1 and `node bin/mechsd` take the bundle. Both must print the same.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "mechsd");
const BLOB = join(ROOT, "dist", "cli", "mechsd.blob");
/** The V8 flags bin/mechsd starts the snapshot under: the build's must be the same, or Node refuses the blob. */
const FLAGS = (/\bnode ((?:--[a-z-]+ )*)--snapshot-blob "\$blob"/.exec(readFileSync(BIN, "utf8"))?.[1] ?? "")
  .trim()
  .split(" ");

function run(args: string[], env: Record<string, string> = {}, bin = BIN) {
  const r = spawnSync(bin, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === "win32")("the CLI's start-up snapshot", () => {
  it("is built", () => expect(existsSync(BLOB)).toBe(true));

  const prompts = [
    "Design a distributed lock service",
    "Design a rate limiter for a public API with 10k requests per second",
    "Design a URL shortener with 100M new links a month and p99 redirect latency under 20 ms",
  ];
  const forms = [["design", "--format", "json"], ["design", "--format", "md"], ["script"], ["classify"]];
  for (const prompt of prompts)
    for (const [command, ...opts] of forms)
      it(`gives the bundle's answer: ${command} ${opts.join(" ")} "${prompt.slice(0, 40)}"`, () => {
        const args = [command as string, prompt, ...opts];
        const fast = run(args);
        const bundle = run(args, { MECHSD_NO_SNAPSHOT: "1" });
        expect(fast.status).toBe(0);
        expect(fast).toEqual(bundle);
      });

  it("holds only the commands it starts: no server, no zod", () => {
    // every byte of the entry's source and every module's export object is deserialised on each run
    const entry = readFileSync(join(ROOT, "dist", "cli", "snapshot.cjs"), "utf8");
    for (const absent of ["ZodError", "startServer"]) expect(entry).not.toContain(absent);
    expect(entry).toContain("runDesign");
  });

  it("answers a refusal and a batch as the bundle does", () => {
    expect(run(["design"])).toEqual(run(["design"], { MECHSD_NO_SNAPSHOT: "1" }));
    const batch = (env: Record<string, string>) =>
      spawnSync(BIN, ["design", "--format", "jsonl"], {
        encoding: "utf8",
        input: "Design a distributed lock service\nDesign a chat system\n",
        env: { ...process.env, ...env },
      }).stdout;
    expect(batch({})).toBe(batch({ MECHSD_NO_SNAPSHOT: "1" }));
  });

  it("runs from the snapshot (not only the bundle), under the flags bin/mechsd gives", () => {
    expect(FLAGS).toContain("--no-regexp-tier-up");
    const r = spawnSync(process.execPath, [...FLAGS, "--snapshot-blob", BLOB, "classify", "Design a chat system"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(run(["classify", "Design a chat system"], { MECHSD_NO_SNAPSHOT: "1" }).stdout);
  });

  it("asks glibc for huge pages for a one-shot command, keeping the user's tunables, not for the server", () => {
    // a `node` first on PATH that prints the tunables it was started with: what bin/mechsd hands every node it runs
    const fake = mkdtempSync(join(tmpdir(), "mechsd-fake-node-"));
    afterAll(() => rmSync(fake, { recursive: true, force: true }));
    writeFileSync(join(fake, "node"), '#!/bin/sh\nprintf "%s\\n" "$GLIBC_TUNABLES"\n', { mode: 0o755 });
    const { GLIBC_TUNABLES: _, ...without } = process.env;
    const tunables = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(BIN, args, { encoding: "utf8", env: { ...without, PATH: `${fake}:${process.env.PATH ?? ""}`, ...env } })
        .stdout.trim()
        .split("\n");
    // design from the snapshot (a fake node never exits 14, so it runs once) and classify through the bundle
    expect(tunables(["design", "Design a chat system"])).toEqual(["glibc.malloc.hugetlb=1"]);
    expect(tunables(["classify", "Design a chat system"])).toEqual(["glibc.malloc.hugetlb=1"]);
    expect(tunables(["serve"])).toEqual([""]);
    expect(tunables(["classify", "x"], { GLIBC_TUNABLES: "glibc.malloc.arena_max=2" })).toEqual([
      "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1",
    ]);
    expect(tunables(["design", "x"], { GLIBC_TUNABLES: "glibc.malloc.hugetlb=0" })).toEqual(["glibc.malloc.hugetlb=0"]);
  });

  describe("a snapshot this Node refuses", () => {
    // A copy whose snapshot was written under other V8 flags: Node exits 14 before running it, and the launcher
    // falls back to the bundle.
    const copy = mkdtempSync(join(tmpdir(), "mechsd-snapshot-"));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    mkdirSync(join(copy, "bin"));
    mkdirSync(join(copy, "dist", "cli"), { recursive: true });
    for (const f of ["bin/mechsd", "bin/package.json", "dist/cli/main.cjs"]) copyFileSync(join(ROOT, f), join(copy, f));
    cpSync(join(ROOT, "dist", "cli", "text"), join(copy, "dist", "cli", "text"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
    writeFileSync(join(copy, "tiny.cjs"), "globalThis.x = 1;\n");
    const built = spawnSync(process.execPath, [
      "--snapshot-blob",
      join(copy, "dist", "cli", "mechsd.blob"),
      "--build-snapshot",
      join(copy, "tiny.cjs"),
    ]);

    it("is not used; the bundle answers", () => {
      expect(built.status).toBe(0);
      const r = run(["script", "Design a chat system"], {}, join(copy, "bin", "mechsd"));
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(run(["script", "Design a chat system"], { MECHSD_NO_SNAPSHOT: "1" }).stdout);
    });
  });
});
