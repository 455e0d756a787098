/** Versioned schema migrations; each runs once, in order, inside a transaction. Never edit a shipped one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "sessions",
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        prompt TEXT NOT NULL,
        overrides TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sessions_updated ON sessions(updated_at DESC);
    `,
  },
  {
    version: 2,
    name: "sessions page index",
    // Pages walk (updated_at DESC, id) from a cursor; this index answers each page without a sort.
    sql: `
      CREATE INDEX sessions_page ON sessions(updated_at DESC, id);
      DROP INDEX sessions_updated;
    `,
  },
];

/** The schema version this code writes: a store with a higher one was written by a newer mechsd. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
