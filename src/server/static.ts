import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { own } from "../engine/own.js";

export interface StaticFile {
  path: string;
  body: Buffer;
  type: string;
}
export type StaticFiles = ReadonlyMap<string, StaticFile>;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Loads the built UI into memory once. Requests are answered only from this map, keyed by
 * URL path, so no request path ever reaches the file system (no traversal possible).
 */
export function loadStaticFiles(dir: string): StaticFiles {
  const files = new Map<string, StaticFile>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = `/${relative(dir, full).split(sep).join("/")}`;
        files.set(path, {
          path,
          body: readFileSync(full),
          type: own(TYPES, extname(name)) ?? "application/octet-stream",
        });
      }
    }
  };
  walk(dir);
  return files;
}
