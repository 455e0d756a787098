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

/** Sessions repository: every write is one statement (or one transaction), so a crash leaves whole rows. */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

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
