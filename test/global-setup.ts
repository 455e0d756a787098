import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** CLI tests run the built bundle; build it when a bare `vitest` run finds none. */
export default function setup(): void {
  if (!existsSync(new URL("../dist/cli/main.js", import.meta.url))) {
    execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  }
}
