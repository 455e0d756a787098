import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the mechsd package: the nearest ancestor of this module whose package.json is
 * named "mechsd". Found by walking up, so it does not depend on where the bundler puts a chunk
 * (dist/, dist/cli/, dist/lib/) or whether the code runs from src/ under a test runner.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "mechsd") return dir;
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the mechsd package folder above this module");
    dir = up;
  }
}

/** The built UI: always <package>/dist/web, never the source tree under web/. */
export function builtWebDir(): string {
  return join(packageRoot(), "dist", "web");
}

/** Why a folder cannot serve as the built UI, or undefined when it can. */
export function notBuiltUi(dir: string): string | undefined {
  const index = join(dir, "index.html");
  if (!existsSync(index)) return `the web UI is not built (no ${index}); run 'npm run build'`;
  const html = readFileSync(index, "utf8");
  if (/src=["']\/src\//.test(html) || /\.tsx["']/.test(html))
    return `${index} is the UI's source page, not the built one; run 'npm run build'`;
  return undefined;
}
