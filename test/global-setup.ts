import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** CLI and browser tests run the built bundle and UI; build them when a bare `vitest` run finds none. */
export default function setup(): void {
  const built = ["../dist/cli/main.cjs", "../dist/cli/mechsd.blob", "../dist/web/index.html"].every((p) =>
    existsSync(new URL(p, import.meta.url)),
  );
  if (!built) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}
