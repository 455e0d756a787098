import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asciiSource, MIN_MOVED, moveLongLiterals } from "../scripts/bundle-text.js";

const GENERATED = fileURLToPath(new URL("../src/knowledge/generated/", import.meta.url));
const TEXTS = fileURLToPath(new URL("../dist/cli/text/", import.meta.url));
const long = "x".repeat(MIN_MOVED);

describe("the CLI bundle's generated texts beside it (scripts/bundle-text.ts)", () => {
  it("moves a long literal to a file named by its hash, with its value as written, and keeps short ones", () => {
    const value = `{"a":"\\u00e9 → ${long}"}`;
    const source = `// a comment\n/** the prompts' words */\nexport const A = JSON.parse(${JSON.stringify(value)});\nexport const B = "short";\n`;
    const moved = moveLongLiterals(source, "mod");
    expect(moved.texts).toHaveLength(1);
    expect(moved.texts[0]?.text).toBe(value);
    expect(moved.texts[0]?.file).toMatch(/^mod\.0\.[0-9a-f]{12}\.txt$/);
    expect(moved.source).toContain(`JSON.parse(__bundleText(${JSON.stringify(moved.texts[0]?.file)}))`);
    expect(moved.source).toContain('export const B = "short";');
    expect(moved.source).not.toContain(long);
  });

  it("leaves a module without long literals as it is", () => {
    const source = 'export const IDS = ["I01", "I02"];\n';
    expect(moveLongLiterals(source, "ids")).toEqual({ source, texts: [] });
  });

  it("refuses a source it cannot read safely rather than moving the wrong text", () => {
    expect(() => moveLongLiterals(`// say "this"\nexport const A = ${JSON.stringify(long)};`, "m")).toThrow(/comment/);
    expect(() => moveLongLiterals("export const A = `template`;", "m")).toThrow(/double-quoted/);
  });

  it("reads every generated module, and moves the large ones' texts whole", () => {
    for (const f of readdirSync(GENERATED)) {
      const source = readFileSync(GENERATED + f, "utf8");
      const moved = moveLongLiterals(source, f);
      // every moved text is a literal of the module, byte for byte once written as JSON
      for (const t of moved.texts) expect(source).toContain(JSON.stringify(t.text));
      if (/^(archetypes|recognition|formulas|learned-words)\.ts$/.test(f))
        expect(moved.texts.length).toBeGreaterThan(0);
    }
  });

  it.runIf(existsSync(TEXTS))(
    "the built bundle holds none of the moved texts, and its text files are the modules'",
    () => {
      const bundle = readFileSync(fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url)), "latin1");
      const files = readdirSync(TEXTS);
      for (const f of readdirSync(GENERATED)) {
        for (const t of moveLongLiterals(readFileSync(GENERATED + f, "utf8"), f.replace(/\.ts$/, "")).texts) {
          expect(files).toContain(t.file);
          expect(bundle).toContain(t.file);
          expect(bundle.includes(t.text.slice(0, 2000))).toBe(false);
        }
      }
    },
  );
});

describe("the bundles' source as one-byte text (asciiSource)", () => {
  it("escapes non-ASCII characters so a regular expression literal still matches what it matched", () => {
    const source = 'const re = /[a-z\'’-]+|≤|µs/g; const s = "×";';
    const ascii = asciiSource(source);
    expect(/[^\x20-\x7e]/.test(ascii)).toBe(false);
    // biome-ignore lint/security/noGlobalEval: the escaped source must mean what the original meant
    const run = (src: string) => (0, eval)(`${src} ["it’s ≤ 5 µs".match(re), s]`);
    expect(run(ascii)).toEqual(run(source));
  });

  it("refuses what escaping would change", () => {
    expect(() => asciiSource("String.raw`é`")).toThrow(/String\.raw/);
    expect(() => asciiSource('const s = "😀";')).toThrow(/U\+FFFF/);
  });

  it("the built start-up snapshot's entry is ASCII (a two-byte source doubles what the snapshot keeps of it)", () => {
    const entry = fileURLToPath(new URL("../dist/cli/snapshot.cjs", import.meta.url));
    if (!existsSync(entry)) return;
    expect(/[\x80-\xff]/.test(readFileSync(entry, "latin1"))).toBe(false);
  });
});
