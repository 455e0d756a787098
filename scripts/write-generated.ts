import { readFileSync, writeFileSync } from "node:fs";

/**
 * Writes a generated module only when its text changed (so an unchanged build leaves file times, and watchers,
 * alone); true when the file was written. A missing file counts as changed (the first build).
 */
export function writeIfChanged(file: string, source: string): boolean {
  let old: string | undefined;
  try {
    old = readFileSync(file, "utf8");
  } catch {
    // First build: nothing to compare with.
  }
  if (old === source) return false;
  writeFileSync(file, source);
  return true;
}
