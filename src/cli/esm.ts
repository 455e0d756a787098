/**
 * The key under which bin/mechsd hands the bundle an `import()` of its own. The CLI bundle runs as a
 * script compiled with V8's code cache (bin/mechsd), and `import()` inside such a script has no module
 * loader; an ES-module-only package is loaded through the launcher's instead.
 */
export const LAUNCHER_IMPORT = Symbol.for("mechsd.launcher-import");

/** `import()` of an ES-module-only package, through the launcher when it provides one. */
export function importEsm<T>(specifier: string): Promise<T> {
  const launcher = (globalThis as Record<symbol, unknown>)[LAUNCHER_IMPORT];
  return typeof launcher === "function"
    ? (launcher as (s: string) => Promise<T>)(specifier)
    : (import(specifier) as Promise<T>);
}
