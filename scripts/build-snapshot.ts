// Builds the CLI's start-up snapshot (dist/cli/mechsd.blob), read by bin/mechsd for the commands that derive a
// design. See src/cli/snapshot.ts.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { asciiSource, bundleTexts } from "./bundle-text.js";

const DIR = "dist/cli";
const ENTRY = `${DIR}/snapshot.cjs`;
const BLOB = `${DIR}/mechsd.blob`;

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
  plugins: [bundleTexts(DIR)],
});
// one-byte source text: the snapshot keeps the entry's source (functions not yet compiled are compiled from it)
writeFileSync(ENTRY, asciiSource(readFileSync(ENTRY, "utf8")));
const r = spawnSync(process.execPath, ["--no-regexp-tier-up", "--snapshot-blob", BLOB, "--build-snapshot", ENTRY], {
  encoding: "utf8",
});
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  throw new Error("building the CLI's start-up snapshot failed");
}
