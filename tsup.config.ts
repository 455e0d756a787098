import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { asciiSource, bundleTexts } from "./scripts/bundle-text.js";

const BUNDLE = "dist/cli/main.cjs";

/**
 * Escapes the bundle's few non-ASCII characters (esbuild leaves them in regular expression literals) so
 * Node reads it as a one-byte string, and ends it with a line naming its content's hash: the code caches
 * are stamped with it (bin/mechsd), which survives copying and packing, unlike the file's time.
 */
function finishBundle(): void {
  const ascii = asciiSource(readFileSync(BUNDLE, "utf8"));
  const hash = createHash("sha256").update(ascii).digest("hex");
  writeFileSync(BUNDLE, `${ascii.endsWith("\n") ? ascii : `${ascii}\n`}//# mechsd-bundle ${hash}\n`);
}

/**
 * Writes V8's code caches for the bundle, read by bin/mechsd: `main.cjs.cache` holds the top level only
 * (small, quick to load: most commands); `main.cjs.classify.cache` and `main.cjs.design.cache` are
 * written after a run of their command, so its functions come compiled.
 */
function writeCodeCaches(): void {
  for (const [kind, args] of [
    ["base", ["--version"]],
    ["classify", ["classify", "Design a distributed message queue"]],
    ["design", ["design", "Design a distributed lock service", "--format", "json"]],
  ] as const) {
    const r = spawnSync(process.execPath, ["bin/mechsd", ...args], {
      env: { ...process.env, MECHSD_WRITE_CODE_CACHE: kind },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) throw new Error(`writing the CLI's ${kind} code cache failed`);
  }
}

export default defineConfig([
  {
    // One CommonJS file: no ES module loader and no chunk files to resolve at start-up, and one
    // script V8 can cache. The commands are still evaluated lazily (each `import()` becomes a lazily
    // initialised module inside the bundle).
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    target: "node20",
    platform: "node",
    splitting: false,
    shims: true,
    // stemmer: ES-module-only, the CommonJS bundle cannot require() it. commander: bundled so it is
    // initialised only when a command line needs it (src/cli/main.ts), and then read from the bundle.
    noExternal: ["stemmer", "commander"],
    // The generated modules' long texts go to dist/cli/text/, read when their module is first initialised:
    // neither the bundle nor its code caches carry them (scripts/bundle-text.ts).
    esbuildPlugins: [bundleTexts("dist/cli")],
    sourcemap: false,
    // Less text to read and compile on every start; names are kept, so stack traces stay readable.
    esbuildOptions(options) {
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
    outDir: "dist",
    onSuccess: async () => {
      finishBundle();
      writeCodeCaches();
    },
  },
  {
    entry: { "lib/index": "src/lib/index.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: true,
    outDir: "dist",
  },
]);
