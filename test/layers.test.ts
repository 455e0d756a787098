/**
 * Imports run one way: knowledge <- engine <- presentation (render) <- cli / server. This test reads every
 * module under src/ and fails on an import (static, type-only, re-export or dynamic) that points upward.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

/** The layers a module of each layer must not import. */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  knowledge: ["engine", "render", "cli", "server", "store", "lib"],
  engine: ["render", "cli", "server", "store", "lib"],
  render: ["cli", "server"],
};

/**
 * Known exceptions, each with its reason. None today: the diagrams field (an Output field of the
 * worksheet) draws its Mermaid text with builders that live in the engine (engine/output/).
 */
const ALLOWED = new Set<string>([]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Every relative import of a module, as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith(".")) continue;
    out.push(relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, ".ts"));
  }
  return out;
}

function upwardImports(): string[] {
  const bad: string[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file);
    const layer = from.split("/")[0] ?? "";
    for (const to of importsOf(file)) {
      const target = to.split("/")[0] ?? "";
      if (!FORBIDDEN[layer]?.includes(target)) continue;
      const edge = `${from} -> ${to}`;
      if (!ALLOWED.has(edge)) bad.push(edge);
    }
  }
  return bad.sort();
}

describe("layers", () => {
  it("no module imports a layer above its own", () => {
    expect(upwardImports()).toEqual([]);
  });

  it("every allowed exception still exists (drop it from the list once it is fixed)", () => {
    const edges = new Set(files(SRC).flatMap((f) => importsOf(f).map((to) => `${relative(SRC, f)} -> ${to}`)));
    for (const e of ALLOWED) expect(edges, e).toContain(e);
  });

  it("sees an import when there is one (so an upward one would be seen too)", () => {
    expect(importsOf(join(SRC, "engine/fields/diagrams.ts"))).toContain("engine/output/mermaid.ts");
  });
});
