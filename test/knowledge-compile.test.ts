import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  formulasSource,
  GENERATED,
  GENERATED_FORMULAS,
  GENERATED_IDS,
  GENERATED_LINKS,
  GENERATED_PARTS,
  generatedSource,
  idsSource,
  linksSource,
  partsSource,
} from "../scripts/build-kb.js";
import { ARCHETYPE_BUNDLES } from "../src/knowledge/archetypes/index.js";
import { ARCHETYPE_PARTS } from "../src/knowledge/generated/parts.js";

const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
const WATCH_ZOD_CJS = fileURLToPath(new URL("./fixtures/watch-zod.cjs", import.meta.url));

// Records every module specifier the process resolves, and prints the zod ones on exit.
const WATCH_ZOD = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register("data:text/javascript,${encodeURIComponent(
  `export async function resolve(s, c, next) { if (/(^|[\\/])zod([\\/]|$)/.test(s)) process.stderr.write("loaded-zod " + s + "\\n"); return next(s, c); }`,
)}");
`)}`;

describe("the compiled knowledge base", () => {
  it("is up to date with the entries (run `npm run kb` after editing knowledge)", () => {
    const { source, problems } = generatedSource();
    expect(problems).toEqual([]);
    expect(readFileSync(GENERATED, "utf8") === source, "src/knowledge/generated is stale: run `npm run kb`").toBe(true);
    expect(readFileSync(GENERATED_IDS, "utf8") === idsSource(), "generated/ids.ts is stale: run `npm run kb`").toBe(
      true,
    );
    expect(readFileSync(GENERATED_FORMULAS, "utf8") === formulasSource(), "generated/formulas.ts is stale").toBe(true);
    expect(readFileSync(GENERATED_PARTS, "utf8") === partsSource(), "generated/parts.ts is stale").toBe(true);
    expect(readFileSync(GENERATED_LINKS, "utf8") === linksSource(), "generated/archetype-links.ts is stale").toBe(true);
  });

  it("classify evaluates what recognition reads of the entries, not the entries themselves", () => {
    // The modules a command's module loads (the bundle initialises a module's value imports with it): a
    // classify that reached generated/archetypes.ts would parse ~500 KB of entries it does not read.
    const root = fileURLToPath(new URL("..", import.meta.url));
    const loaded = new Set<string>();
    const todo = ["src/cli/commands/classify.ts"];
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      if (loaded.has(file)) continue;
      loaded.add(file);
      const source = readFileSync(join(root, file), "utf8");
      for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^;]*?\s+from\s+)?"(\.[^"]+)"/g))
        todo.push(join(dirname(file), (m[1] ?? "").replace(/\.js$/, ".ts")));
    }
    expect(loaded).toContain("src/engine/recognize/recognize.ts");
    expect(loaded).toContain("src/knowledge/generated/archetype-links.ts");
    expect(loaded).not.toContain("src/knowledge/generated/archetypes.ts");
  });

  it("hands the engine each folder's own parts (the run-time registry is the registry's bundles without cards)", () => {
    expect(Object.keys(ARCHETYPE_PARTS)).toEqual(ARCHETYPE_BUNDLES.map((b) => b.card.id));
    for (const b of ARCHETYPE_BUNDLES) {
      const p = ARCHETYPE_PARTS[b.card.id];
      expect(p?.topology, b.card.id).toBe(b.topology);
      expect(p?.capacity, b.card.id).toBe(b.capacity);
      expect(p?.decisions, b.card.id).toBe(b.decisions);
      expect(p?.concepts, b.card.id).toBe(b.concepts);
    }
  });

  it("the CLI classifies and designs without loading zod", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", WATCH_ZOD, "--require", WATCH_ZOD_CJS, BIN, ...args], {
        encoding: "utf8",
      });
    for (const args of [
      ["classify", "Design a distributed lock service"],
      ["design", "Design a distributed lock service", "--format", "json"],
      ["design", "Design a cache", "--set", "delivery=exactly-once"],
    ]) {
      const r = run(args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr, args.join(" ")).not.toMatch(/loaded-zod/);
    }
    // The watch sees zod when a command does load it (the schema command converts the zod schema).
    const schema = run(["schema"]);
    expect(schema.status, schema.stderr).toBe(0);
    expect(schema.stderr).toMatch(/loaded-zod/);
  });
});

describe("formulas write out no assumption", () => {
  it("rejects a bare constant in a figure or bottleneck formula, and finds none in the knowledge", async () => {
    const { unnamedConstantProblems } = await import("../src/knowledge/compile.js");
    const bundle = {
      card: { id: "I99", bottlenecks: [{ formula: { expression: "tasks_per_sec * 86400" } }] },
      capacity: { figures: [{ id: "run_store_writes", expression: "3 * peak_fires_per_sec" }] },
    };
    expect(unnamedConstantProblems([bundle], [])).toEqual([
      'archetype I99: capacity run_store_writes: formula "3 * peak_fires_per_sec" writes out 3; make it a named quantity with its reason',
    ]);
    expect(unnamedConstantProblems()).toEqual([]);
  });
});
