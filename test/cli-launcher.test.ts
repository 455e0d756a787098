import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
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

// A copy of the built launcher and bundle, so the cache files can be spoilt without touching dist/.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const copy = mkdtempSync(join(tmpdir(), "mechsd-launcher-"));
mkdirSync(join(copy, "bin"));
mkdirSync(join(copy, "dist", "cli"), { recursive: true });
for (const f of ["bin/mechsd", "bin/package.json", "dist/cli/main.cjs"]) copyFileSync(join(ROOT, f), join(copy, f));
// the generated texts the bundle reads beside it (scripts/bundle-text.ts)
cpSync(join(ROOT, "dist", "cli", "text"), join(copy, "dist", "cli", "text"), { recursive: true });
symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const BUNDLE = join(copy, "dist", "cli", "main.cjs");
const DESIGN_CACHE = join(copy, "dist", "cli", "main.cjs.design.cache");
const ARGS = ["design", "Design a distributed lock service", "--format", "json"];
// The copy's cache, written the way the build writes it (tsup.config.ts).
const written = spawnSync(process.execPath, [join(copy, "bin", "mechsd"), ...ARGS], {
  env: { ...process.env, MECHSD_WRITE_CODE_CACHE: "design" },
});

function run(): { status: number | null; stdout: string; cache: string } {
  const r = spawnSync(process.execPath, [join(copy, "bin", "mechsd"), ...ARGS], {
    encoding: "utf8",
    env: { ...process.env, MECHSD_DEBUG_CACHE: "1" },
  });
  return { status: r.status, stdout: r.stdout, cache: /code cache \S+: (\w+)/.exec(r.stderr)?.[1] ?? r.stderr };
}

describe("the launcher's code cache", () => {
  const expected = run();

  it("is used as the build wrote it", () => {
    expect(written.status).toBe(0);
    expect(readFileSync(DESIGN_CACHE, "latin1").startsWith(`${readFileSync(BUNDLE).length}:`)).toBe(true);
    expect(expected.status).toBe(0);
    expect(expected.cache).toBe("used");
    expect(JSON.parse(expected.stdout).prompt).toBe("Design a distributed lock service");
  });

  it("is used by a batch too, which derives designs under the same V8 flags as the run that wrote it", () => {
    const r = spawnSync(process.execPath, [join(copy, "bin", "mechsd"), "design", "--format", "jsonl"], {
      encoding: "utf8",
      input: "Design a distributed lock service\n",
      env: { ...process.env, MECHSD_DEBUG_CACHE: "1" },
    });
    expect(r.status).toBe(0);
    expect(/code cache \S+: (\w+)/.exec(r.stderr)?.[1]).toBe("used");
    expect(JSON.parse(r.stdout).prompt).toBe("Design a distributed lock service");
  });

  it("is refused by V8 when it is not a cache, and the answer is the same", () => {
    const stamp = readFileSync(DESIGN_CACHE).subarray(0, readFileSync(DESIGN_CACHE).indexOf(10) + 1);
    writeFileSync(DESIGN_CACHE, Buffer.concat([stamp, Buffer.alloc(4096, 7)]));
    const r = run();
    expect(r.cache).toBe("rejected");
    expect(r.stdout).toBe(expected.stdout);
  });

  it("is not offered to V8 for another build of the bundle, even of the same length, and the answer is the same", () => {
    const source = readFileSync(BUNDLE, "latin1");
    const rebuilt = source.replace(
      /mechsd-bundle ([0-9a-f])/,
      (_m, c: string) => `mechsd-bundle ${c === "0" ? "1" : "0"}`,
    );
    expect(rebuilt.length).toBe(source.length);
    expect(rebuilt).not.toBe(source);
    writeFileSync(BUNDLE, rebuilt, "latin1");
    const r = run();
    expect(r.cache).toBe("stale");
    expect(r.stdout).toBe(expected.stdout);
  });

  it("reads a bundle that holds non-ASCII text as UTF-8", () => {
    const source = readFileSync(BUNDLE, "utf8");
    writeFileSync(BUNDLE, `process.stderr.write("bundle: d\u00e9j\u00e0 vu \u2713\\n");\n${source}`);
    const r = spawnSync(process.execPath, [join(copy, "bin", "mechsd"), ...ARGS], { encoding: "utf8" });
    writeFileSync(BUNDLE, source);
    expect(r.stderr).toContain("bundle: d\u00e9j\u00e0 vu \u2713\n");
    expect(r.stdout).toBe(expected.stdout);
  });

  it("may be missing", () => {
    rmSync(DESIGN_CACHE);
    const r = run();
    expect(r.cache).toBe("none");
    expect(r.stdout).toBe(expected.stdout);
  });
});
