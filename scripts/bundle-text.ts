// The CLI bundle's long generated texts (the compiled archetype entries, the recognition tables, the parsed
// formulas, the learned word weights: ~1.6 MB of JSON text in string literals) moved to files beside the bundle
// and read when their module is first initialised. In the bundle they were string constants: every start read
// them with the bundle, and V8's code cache carried them again (a cache holds a script's string constants), so
// the design cache was 5.1 MB, of which ~2 MB these texts, deserialised on every run. Used by tsup.config.ts
// for the CLI bundle only; the library build and the sources (tsx, vitest) keep the literals as generated.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Plugin } from "esbuild";

/** Literals shorter than this stay in the bundle: a file read costs more than a short constant. */
export const MIN_MOVED = 16_384;
/** The folder beside the bundle the texts go to. */
export const TEXT_DIR = "text";

/**
 * A generated module's double-quoted string literals of at least `min` characters replaced by a read of a file
 * holding the literal's value (`readFileSync(join(__dirname, "text", <file>), "utf8")`), with the files to write.
 * A file's name carries a hash of its text, so a bundle never reads another build's text. Throws where the
 * source is not the generated shape this expects (a literal that is not a JSON string, a quote in a comment).
 */
export function moveLongLiterals(
  source: string,
  name: string,
  min = MIN_MOVED,
): { source: string; texts: { file: string; text: string }[] } {
  const texts: { file: string; text: string }[] = [];
  let out = "";
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "/" && (source[i + 1] === "/" || source[i + 1] === "*")) {
      const close = source[i + 1] === "/" ? "\n" : "*/";
      const at = source.indexOf(close, i + 2);
      const end = at < 0 ? source.length : at + close.length;
      if (source.slice(i, end).includes('"'))
        throw new Error(`${name}: a comment holds a double quote; cannot find its literals`);
      i = end - 1;
      continue;
    }
    if (c === "'" || c === "`")
      throw new Error(`${name}: only double-quoted literals are expected in a generated module`);
    if (c !== '"') continue;
    let j = i + 1;
    while (j < source.length && source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
    if (j >= source.length) throw new Error(`${name}: a string literal does not end`);
    if (j + 1 - i >= min) {
      const text = JSON.parse(source.slice(i, j + 1)) as string;
      const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
      const file = `${name}.${texts.length}.${hash}.txt`;
      texts.push({ file, text });
      out += `${source.slice(from, i)}__bundleText(${JSON.stringify(file)})`;
      from = j + 1;
    }
    i = j;
  }
  if (texts.length === 0) return { source, texts };
  const reader =
    'import { readFileSync as __readText } from "node:fs";\nimport { join as __joinPath } from "node:path";\n' +
    `const __bundleText = (file: string): string => __readText(__joinPath(__dirname, ${JSON.stringify(TEXT_DIR)}, file), "utf8");\n`;
  return { source: reader + out + source.slice(from), texts };
}

/** An esbuild plugin moving the generated modules' long literals to `<outDir>/text/` (see moveLongLiterals). */
export function bundleTexts(outDir: string): Plugin {
  return {
    name: "mechsd-bundle-texts",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]knowledge[\\/]generated[\\/][^\\/]+\.ts$/ }, (args) => {
        const moved = moveLongLiterals(readFileSync(args.path, "utf8"), basename(args.path, ".ts"));
        if (moved.texts.length > 0) mkdirSync(join(outDir, TEXT_DIR), { recursive: true });
        for (const t of moved.texts) writeFileSync(join(outDir, TEXT_DIR, t.file), t.text);
        return { contents: moved.source, loader: "ts" };
      });
    },
  };
}

/**
 * A bundle's non-ASCII characters escaped (esbuild leaves them in regular expression literals even with
 * `charset: "ascii"`), so Node reads it as one-byte text: a source holding one character above U+00FF is a
 * two-byte string, twice the bytes in the heap (and in a start-up snapshot, which keeps the source).
 */
export function asciiSource(source: string): string {
  for (const m of source.matchAll(/String\.raw`(?:[^`\\]|\\.)*`/g))
    if (/[\u0080-\uffff]/.test(m[0]))
      throw new Error("a String.raw template holds non-ASCII text: escaping would change it");
  if (/[\ud800-\udfff]/.test(source)) throw new Error("a bundle holds a character beyond U+FFFF: escape it by hand");
  return source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
