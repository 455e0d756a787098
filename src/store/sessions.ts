import { randomUUID } from "node:crypto";
import type { Db } from "./db.js";

export interface Session {
  id: string;
  name: string;
  prompt: string;
  overrides: string[];
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  name: string;
  prompt: string;
  overrides: string;
  created_at: string;
  updated_at: string;
}

const toSession = (r: Row): Session => ({
  id: r.id,
  name: r.name,
  prompt: r.prompt,
  overrides: JSON.parse(r.overrides) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Where a page of the session list resumes: the last row's sort key (updated_at DESC, id ASC). */
export interface Cursor {
  updatedAt: string;
  id: string;
}

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString("base64url");

/** The cursor a page handed out, or undefined when the text is not one. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string")
      return { updatedAt: v[0], id: v[1] };
  } catch {
    // not a cursor
  }
  return undefined;
}

export interface PageQuery {
  /** Resume after this row (exclusive). */
  after?: Cursor;
  limit: number;
  /** Case-insensitive (ASCII letters) substring of the name or the prompt. */
  q?: string;
}

export interface Page {
  sessions: Session[];
  nextCursor: string | null;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Sessions repository: every write is one statement (or one transaction), so a crash leaves whole rows. */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** One page, newest first; `nextCursor` resumes after its last row (null at the end). */
  page(query: PageQuery): Page {
    const where: string[] = [];
    const args: Record<string, string | number> = { limit: query.limit + 1 };
    if (query.after) {
      // The first term lets SQLite seek the page index instead of walking it from the top.
      where.push("updated_at <= @u AND (updated_at < @u OR id > @id)");
      args.u = query.after.updatedAt;
      args.id = query.after.id;
    }
    if (query.q) {
      where.push("(name LIKE @q ESCAPE '\\' OR prompt LIKE @q ESCAPE '\\')");
      args.q = likePattern(query.q);
    }
    const sql = `SELECT * FROM sessions ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY updated_at DESC, id LIMIT @limit`;
    const rows = this.db.prepare(sql).all(args) as Row[];
    const more = rows.length > query.limit;
    const sessions = rows.slice(0, query.limit).map(toSession);
    const last = sessions[sessions.length - 1];
    return { sessions, nextCursor: more && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null };
  }

  /** Every session, newest first (tests and small stores; the API pages). */
  list(): Session[] {
    return (this.db.prepare("SELECT * FROM sessions ORDER BY updated_at DESC, id").all() as Row[]).map(toSession);
  }

  get(id: string): Session | undefined {
    const r = this.db.prepare("SELECT * FROM sessions WHERE id = ?").get(id) as Row | undefined;
    return r ? toSession(r) : undefined;
  }

  create(input: { name: string; prompt: string; overrides: string[] }): Session {
    const t = this.now();
    const s: Session = {
      id: randomUUID(),
      name: input.name,
      prompt: input.prompt,
      overrides: input.overrides,
      createdAt: t,
      updatedAt: t,
    };
    this.db
      .prepare("INSERT INTO sessions (id, name, prompt, overrides, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(s.id, s.name, s.prompt, JSON.stringify(s.overrides), t, t);
    return s;
  }

  update(id: string, patch: Partial<Pick<Session, "name" | "prompt" | "overrides">>): Session | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    const next = { ...cur, ...patch, updatedAt: this.now() };
    this.db
      .prepare("UPDATE sessions SET name = ?, prompt = ?, overrides = ?, updated_at = ? WHERE id = ?")
      .run(next.name, next.prompt, JSON.stringify(next.overrides), next.updatedAt, id);
    return next;
  }

  duplicate(id: string): Session | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    return this.create({ name: `${cur.name} (copy)`, prompt: cur.prompt, overrides: cur.overrides });
  }

  remove(id: string): boolean {
    return this.db.prepare("DELETE FROM sessions WHERE id = ?").run(id).changes > 0;
  }
}
