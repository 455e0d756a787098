import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// What a run of the built CLI initialises, seen from outside: the generated texts it reads beside the bundle
// (dist/cli/text/, read when their module is first initialised: scripts/bundle-text.ts) and the packages it
// requires. A command that starts initialising modules it does not need shows here as a text or a package it
// should not read, however the import got there. (The watch runs no regular expression: one compiled before the
// launcher turns regexp tier-up off and run after it crashed Node 20 in this hook.)
const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mechsd-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WATCH = join(dir, "watch.cjs");
writeFileSync(
  WATCH,
  `"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const seen = new Set();
const read = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const p = String(path).split("\\\\").join("/");
  const at = p.lastIndexOf("/dist/cli/text/");
  if (at >= 0) seen.add("text:" + p.slice(at + 15).split(".")[0]);
  return read.call(this, path, ...rest);
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request) && !request.startsWith(".") && !request.startsWith("/")) seen.add("package:" + request);
  return load.call(this, request, ...rest);
};
// standard input's stream, made on first read of process.stdin (it loads Node's stream modules for the descriptor)
const stdin = Object.getOwnPropertyDescriptor(process, "stdin");
Object.defineProperty(process, "stdin", {
  configurable: true,
  enumerable: stdin.enumerable,
  get() {
    seen.add("stdin");
    return stdin.get.call(process);
  },
});
process.on("exit", () => process.stderr.write("\\nstartup-watch " + JSON.stringify([...seen].sort()) + "\\n"));
`,
);

function initialised(args: string[], input?: string): string[] {
  const r = spawnSync(process.execPath, ["--require", WATCH, BIN, ...args], { encoding: "utf8", input });
  expect(r.status, r.stderr).toBe(0);
  const line = /startup-watch (.*)/.exec(r.stderr)?.[1];
  expect(line, r.stderr).toBeDefined();
  return JSON.parse(line ?? "[]") as string[];
}

describe("what a CLI command initialises at start-up", () => {
  it("classify reads the recognition tables only: no archetype entries, formulas, server, store or schema", () => {
    const seen = initialised(["classify", "Design a distributed lock service"]);
    expect(seen).toContain("text:recognition");
    expect(seen.filter((s) => s.startsWith("text:")).sort()).toEqual(["text:learned-words", "text:recognition"]);
    expect(seen.filter((s) => s.startsWith("package:"))).toEqual([]);
  });

  it("design reads the whole knowledge, and still no server, store or schema packages", () => {
    const seen = initialised(["design", "Design a distributed lock service", "--format", "json"]);
    for (const t of ["archetypes", "formulas", "recognition", "learned-words"]) expect(seen).toContain(`text:${t}`);
    expect(seen.filter((s) => s.startsWith("package:"))).toEqual([]);
  });

  it("a prompt given as words leaves standard input alone; `-` reads it", () => {
    expect(initialised(["design", "Design a distributed lock service", "--format", "json"])).not.toContain("stdin");
    expect(initialised(["classify", "Design a distributed lock service"])).not.toContain("stdin");
    expect(initialised(["design", "-", "--format", "json"], "Design a distributed lock service\n")).toContain("stdin");
  });

  it("--version initialises no knowledge at all", () => {
    expect(initialised(["--version"])).toEqual([]);
  });
});
