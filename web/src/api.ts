import type { Archetype } from "../../src/knowledge/schema.js";
import type { ScriptedDesign as Design, Script } from "../../src/render/script/index.js";

export type { Archetype, Design, Script };

export interface Session {
  id: string;
  name: string;
  prompt: string;
  overrides: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Meta {
  /** Example prompts: plain text, or (from a newer server) with the archetype they exercise. */
  examples: (string | { prompt: string; archetype?: string })[];
  overrideKeys?: string[];
  values: {
    delivery: string[];
    consistency: string[];
    availability: string[];
    ordering: string[];
    roles: string[];
    durability?: string[];
  };
  predicates: { id: string; name: string }[];
  archetypes: { id: string; name: string }[];
}

export interface SessionPage {
  sessions: Session[];
  nextCursor?: string | null;
}

/** Thrown for any non-2xx answer; the message is the server's own explanation. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: body === undefined ? {} : { "Content-Type": "application/json" } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(url, init);
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({ error: `the server answered ${res.status}` }))) as { error?: string };
  if (!res.ok) throw new ApiError(data.error ?? `the server answered ${res.status}`, res.status);
  return data as T;
}

const enc = encodeURIComponent;

/** GET /api/sessions answers either a bare array (older servers) or a page `{sessions, nextCursor}`. */
async function sessionPage(opts: { cursor?: string; limit?: number; q?: string } = {}): Promise<SessionPage> {
  const qs = new URLSearchParams();
  if (opts.cursor) qs.set("cursor", opts.cursor);
  if (opts.limit) qs.set("limit", String(opts.limit));
  if (opts.q) qs.set("q", opts.q);
  const tail = qs.toString();
  const data = await call<Session[] | SessionPage>("GET", `/api/sessions${tail ? `?${tail}` : ""}`);
  if (Array.isArray(data)) return { sessions: data, nextCursor: null };
  return { sessions: data.sessions ?? [], nextCursor: data.nextCursor ?? null };
}

export const api = {
  meta: () => call<Meta>("GET", "/api/meta"),
  design: (prompt: string, overrides: string[]) => call<Design>("POST", "/api/design", { prompt, overrides }),
  script: (prompt: string, overrides: string[]) => call<Script>("POST", "/api/script", { prompt, overrides }),
  archetypes: () => call<Archetype[]>("GET", "/api/archetypes"),
  /** Each coherence rule's id and what it asks of a design (an older server answers 404). */
  coherenceRules: () => call<Record<string, string>>("GET", "/api/coherence-rules"),
  sessions: sessionPage,
  session: (id: string) => call<Session>("GET", `/api/sessions/${enc(id)}`),
  create: (prompt: string, overrides: string[]) => call<Session>("POST", "/api/sessions", { prompt, overrides }),
  update: (id: string, patch: Partial<Pick<Session, "name" | "prompt" | "overrides">>) =>
    call<Session>("PUT", `/api/sessions/${enc(id)}`, patch),
  duplicate: (id: string) => call<Session>("POST", `/api/sessions/${enc(id)}/duplicate`),
  remove: (id: string) => call<void>("DELETE", `/api/sessions/${enc(id)}`),
  /** `notice` says what of a newer mechsd's design was set aside (the design is re-derived on import). */
  importFile: (text: string) => call<Session & { notice?: string }>("POST", "/api/import", text),
  exportUrl: (id: string, format: "md" | "json") => `/api/sessions/${enc(id)}/export?format=${format}`,
};

/** Turns a server's "path: message; path: message" validation answer into readable lines. */
export function readableProblems(message: string): string[] {
  const body = message.replace(/^not a mechsd session file:\s*/i, "");
  return body
    .split(/;\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const m = /^([\w.[\]-]+):\s*(.*)$/.exec(p);
      if (!m) return p;
      const [, field, raw] = m;
      const what = raw
        ?.replace(/^Invalid input: expected (\w+), received undefined$/, "is missing (it should be $1)")
        .replace(/^Invalid input: expected (\w+), received (\w+)$/, "should be $1, not $2");
      if (field === "body") return what ?? p;
      return what?.startsWith(field ?? "") ? what : `${field}: ${what}`;
    });
}
