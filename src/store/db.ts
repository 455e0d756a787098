import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";

export type Db = Database.Database;

/** The default store: $MECHSD_DB, else $XDG_DATA_HOME/mechsd/workbench.sqlite (~/.local/share/…). */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MECHSD_DB) return env.MECHSD_DB;
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "mechsd", "workbench.sqlite");
}

/** The store cannot be used as it is; the message says why and what to do. Nothing was changed in the file. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Opens (creating if needed) the store, checks it before anything is served, then sets WAL mode and applies
 * pending migrations. Refused with a StoreError: a file that is not a SQLite database or is damaged
 * (quick_check), a SQLite file of another program, a schema newer than this code's, and a store that
 * cannot be written (probed with a rolled-back write).
 */
export function openDb(file: string): Db {
  // SQLite takes an empty name as a private temporary file it deletes on close: every session would be lost at stop.
  if (file.trim() === "")
    throw new StoreError(
      "the store name names no file (an empty --db or $MECHSD_DB would keep sessions in a temporary file deleted at stop); name a file with --db",
    );
  let db: Db;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (e) {
    throw new StoreError(`cannot open the store ${file}: ${why(e)}`);
  }
  try {
    db.pragma("busy_timeout = 2000");
    checkStore(db, file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot prepare the store ${file}: ${why(e)}`);
  }
  return db;
}

/**
 * A store name that keeps sessions only in memory: SQLite's ":memory:" is a private database that vanishes when
 * the workbench stops, so every session saved in it would be lost without a word. (better-sqlite3 reads no URI
 * names: "file::memory:" is an ordinary file of that name.)
 */
export const transientStoreName = (file: string): boolean => file === ":memory:";

/** The start-up checks of `openDb`, in order; throws StoreError on the first that fails. */
export function checkStore(db: Db, file: string): void {
  let check: unknown;
  try {
    check = db.pragma("quick_check", { simple: true });
  } catch (e) {
    throw new StoreError(`${file} is not a usable SQLite database (${why(e)}); move it away or pick another with --db`);
  }
  if (check !== "ok")
    throw new StoreError(
      `${file} is damaged (quick_check: ${String(check)}); restore a backup or move it away and start a new store`,
    );
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  if (tables.size > 0 && !tables.has("schema_migrations"))
    throw new StoreError(`${file} is a SQLite database of another program, not a mechsd store; pick another with --db`);
  if (tables.has("schema_migrations")) {
    const found = schemaVersion(db);
    if (found > SCHEMA_VERSION)
      throw new StoreError(
        `${file} was written by a newer mechsd (schema ${found}; this one knows up to ${SCHEMA_VERSION}); upgrade mechsd or pick another store with --db`,
      );
  }
  if (db.readonly) throw new StoreError(`${file} is opened read-only; the workbench needs to save sessions`);
  try {
    db.exec("BEGIN IMMEDIATE; CREATE TABLE mechsd_write_probe (x INTEGER); ROLLBACK;");
  } catch (e) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw new StoreError(
      `cannot write to ${file} (${why(e)}); check the file's and its folder's permissions, or pick another with --db`,
    );
  }
}

export function migrate(db: Db): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version),
  );
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    applied++;
  }
  return applied;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}
