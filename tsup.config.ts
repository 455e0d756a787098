import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    splitting: true,
    sourcemap: false,
    outDir: "dist",
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
