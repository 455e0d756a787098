/**
 * A new archetype is one folder plus one registry line (docs/KB-AUTHORING.md). This test proves it on a copy
 * of the source tree: it adds `archetypes/I20/` (a copy of the I16 folder with its own id, name, decision ids,
 * signals and concept words) and its line in `archetypes/registry.ts`, runs the knowledge compile step there,
 * and derives a design whose dominant archetype is the new one, with its components, capacity figures and a
 * coherent result. Nothing else in the copy is edited (the compile step rewrites only `knowledge/generated/`),
 * so an archetype id listed by hand anywhere else would make this fail.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const BASE = "I16";
const NEW_ID = "I20";
const NAME = "Quasar Ledger Relay";
const SIGNALS = `  signals: {
    phrases: [
      { text: "quasar ledger relay", weight: 1 },
      { text: "quasar ledger", weight: 1 },
      { text: "ledger relay", weight: 0.8 },
      { text: "quasar relay", weight: 0.8 },
      { text: "quasar ledgers", weight: 0.8 },
      { text: "relay ledger", weight: 0.6 },
      { text: "quasar store", weight: 0.6 },
      { text: "quasar", weight: 0.5 },
    ],
    systems: [],
  },
`;

/** Every file under `dir` (symlinks such as node_modules are not followed) by path, with its content hash. */
function snapshot(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(rel, createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return [...out.keys()].sort().reduce((m, k) => m.set(k, out.get(k) as string), new Map<string, string>());
}

/** Paths added, removed or changed between two snapshots. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** The new archetype's folder: the base folder with its id, name, decision ids, signals and concept words replaced. */
function addArchetype(knowledge: string): void {
  const from = join(knowledge, "archetypes", BASE);
  const to = join(knowledge, "archetypes", NEW_ID);
  cpSync(from, to, { recursive: true });
  for (const f of readdirSync(to)) {
    const path = join(to, f);
    let text = readFileSync(path, "utf8")
      .replace(`id: "${BASE}"`, `id: "${NEW_ID}"`)
      .replaceAll(`"${BASE.toLowerCase()}-`, `"${NEW_ID.toLowerCase()}-`)
      .replace(new RegExp(`^/\\*\\* ${BASE} .*?:`), `/** ${NEW_ID} ${NAME}:`);
    if (f === "card.ts") {
      text = text.replace(/\n {2}name: "[^"]*",\n/, `\n  name: "${NAME}",\n`);
      const signals = /\n {2}signals: \{\n[\s\S]*?\n {2}\},\n/;
      expect(text, "the base card has a signals block").toMatch(signals);
      text = text.replace(signals, `\n${SIGNALS}`);
    }
    if (f === "concepts.ts") text = 'export const concepts: readonly string[] = ["quasar", "relay"];\n';
    writeFileSync(path, text);
  }
  const registry = join(knowledge, "archetypes", "registry.ts");
  writeFileSync(
    registry,
    `${readFileSync(registry, "utf8")}export { archetype as ${NEW_ID} } from "./${NEW_ID}/index.js";\n`,
  );
}

const PROBE = `
import { design } from "./src/engine/design/design.js";
for (const [prompt, overrides] of JSON.parse(process.argv[2])) {
  const d = design(prompt, overrides);
  console.log(JSON.stringify({
    dominant: d.archetypes[0]?.id,
    name: d.archetypes[0]?.name,
    operations: d.operations.filter((o) => o.archetype === "${NEW_ID}").length,
    components: d.components.length,
    capacity: d.capacity.filter((c) => c.archetype === "${NEW_ID}").length,
    decisions: d.decisions.map((x) => x.id).filter((id) => id.startsWith("${NEW_ID.toLowerCase()}-")).length,
    coherence: d.coherence,
  }));
}
`;

describe("a new archetype is one folder plus one registry line", () => {
  let dir = "";
  let copy = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "mechsd-archetype-"));
    copy = join(dir, "repo");
    cpSync(join(ROOT, "src"), join(copy, "src"), { recursive: true });
    // the compile step: build-kb.ts and the generators it calls (recognition tables, learned words from eval/tuned.jsonl)
    cpSync(join(ROOT, "scripts"), join(copy, "scripts"), { recursive: true });
    cpSync(join(ROOT, "eval", "tuned.jsonl"), join(copy, "eval", "tuned.jsonl"));
    for (const f of ["package.json", "tsconfig.json"]) cpSync(join(ROOT, f), join(copy, f));
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("compiles and drives a design as the dominant archetype, with nothing else edited", () => {
    const before = snapshot(copy, (p) => p === "node_modules");
    addArchetype(join(copy, "src", "knowledge"));
    const compiled = execFileSync(TSX, ["scripts/build-kb.ts"], { cwd: copy, encoding: "utf8" });
    expect(compiled).toMatch(/knowledge base: ok/);
    expect(readFileSync(join(copy, "src/knowledge/generated/ids.ts"), "utf8")).toContain(`"I19","${NEW_ID}"]`);

    writeFileSync(join(copy, "probe.ts"), PROBE);
    const runs = [
      ["Design a quasar ledger relay.", []],
      ["Design a key-value store.", [`dominant=${NEW_ID}`]],
    ];
    const out = execFileSync(TSX, ["probe.ts", JSON.stringify(runs)], { cwd: copy, encoding: "utf8" });
    const [byWords, byOverride] = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(byWords).toMatchObject({ dominant: NEW_ID, name: NAME, coherence: [] });
    expect(byWords.operations).toBeGreaterThan(0);
    expect(byWords.components).toBeGreaterThan(0);
    expect(byWords.capacity).toBeGreaterThan(0);
    expect(byWords.decisions).toBeGreaterThan(0);
    expect(byOverride.dominant).toBe(NEW_ID);
    rmSync(join(copy, "probe.ts"));

    const after = snapshot(copy, (p) => p === "node_modules");
    const edited = changed(before, after).filter((p) => !p.startsWith(join("src", "knowledge", "generated")));
    expect(edited).toEqual([
      ...readdirSync(join(copy, "src/knowledge/archetypes", NEW_ID))
        .map((f) => join("src/knowledge/archetypes", NEW_ID, f))
        .sort(),
      "src/knowledge/archetypes/registry.ts",
    ]);
    expect(changed(before, after)).toEqual(
      expect.arrayContaining(["src/knowledge/generated/archetypes.ts", "src/knowledge/generated/ids.ts"]),
    );
  }, 180_000);
});
