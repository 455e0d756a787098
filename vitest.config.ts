import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // corpus sweeps derive hundreds of designs: on a 2-core machine shared with other work they run past 30 s
    testTimeout: 120000,
    hookTimeout: 60000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
  },
});
