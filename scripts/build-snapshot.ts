// Builds the CLI's start-up snapshot (dist/cli/mechsd.blob), read by bin/mechsd for the commands that derive a
// design. See src/cli/snapshot.ts.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { build, type Plugin } from "esbuild";
import { asciiSource, bundleTexts } from "./bundle-text.js";

const DIR = "dist/cli";
const ENTRY = `${DIR}/snapshot.cjs`;
const BLOB = `${DIR}/mechsd.blob`;

/** The commands bin/mechsd starts from the snapshot (and classify, which the warm-up runs). */
const SNAPSHOT_COMMANDS = new Set(["classify", "design", "script"]);

/**
 * The other commands' modules (serve: the server and zod, which only the server's and `schema`'s validation use;
 * schema, diagram, archetypes, show) left out of the snapshot's bundle: their source and their modules' export
 * objects would be deserialised on every run (zod alone was a fifth of the bundle's source). bin/mechsd never starts
 * them from the snapshot; run there anyway, they say so.
 */
function onlySnapshotCommands(): Plugin {
  return {
    name: "mechsd-snapshot-commands",
    setup(b) {
      b.onResolve({ filter: /^\.\/commands\/[a-z]+\.js$/ }, (args) => {
        const name = /([a-z]+)\.js$/.exec(args.path)?.[1] ?? "";
        if (!args.importer.endsWith("spec.ts") || SNAPSHOT_COMMANDS.has(name)) return undefined;
        return { path: name, namespace: "snapshot-stub" };
      });
      b.onLoad({ filter: /.*/, namespace: "snapshot-stub" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`\`${args.path}\` is not in the start-up snapshot: run \`node bin/mechsd ${args.path}\``)});`,
        loader: "js",
      }));
    },
  };
}

await build({
  entryPoints: ["src/cli/snapshot.ts"],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile: ENTRY,
  charset: "ascii",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "error",
  // the server's and the SVG diagram's packages: those commands do not start from the snapshot
  external: ["hono", "hono/*", "@hono/node-server", "better-sqlite3", "beautiful-mermaid", "picocolors"],
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;' },
  plugins: [bundleTexts(DIR), onlySnapshotCommands()],
});
// one-byte source text: the snapshot keeps the entry's source (functions not yet compiled are compiled from it)
writeFileSync(ENTRY, asciiSource(readFileSync(ENTRY, "utf8")));
// The V8 flags the snapshot is built and run under (Node refuses a blob under other flags: bin/mechsd gives the same,
// test/cli-snapshot.test.ts reads them from there). --no-regexp-tier-up: each pattern compiled once, to machine code.
// --no-sparkplug: a run is one design, too short for baseline code to repay compiling it (and the warm-up's is not
// kept in the blob): CPU 0.954 and 0.969 of the same blob with it, paired, 20 rounds (bench/NOTES.md, speed7).
const FLAGS = ["--no-regexp-tier-up", "--no-sparkplug"];
const r = spawnSync(process.execPath, [...FLAGS, "--snapshot-blob", BLOB, "--build-snapshot", ENTRY], {
  encoding: "utf8",
});
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  throw new Error("building the CLI's start-up snapshot failed");
}
