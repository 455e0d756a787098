import { defineConfig } from "vite";

// The workbench UI: Preact via esbuild's automatic JSX runtime; Mermaid stays a lazily loaded chunk.
export default defineConfig({
  root: "web",
  base: "/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
