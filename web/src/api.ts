import type { Archetype } from "../../src/knowledge/schema.js";
import type { ScriptedDesign as Design } from "../../src/render/script/index.js";

export type { Archetype, Design };

export interface Session {
  id: string;
  name: string;
  prompt: string;
  overrides: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Meta {
  examples: string[];
  values: { delivery: string[]; consistency: string[]; availability: string[]; ordering: string[]; roles: string[] };
  predicates: { id: string; name: string }[];
  archetypes: { id: string; name: string }[];
}

/** Thrown for any non-2xx answer; the message is the server's own explanation. */
export class ApiError extends Error {}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: body === undefined ? {} : { "Content-Type": "application/json" } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(url, init);
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({ error: `the server answered ${res.status}` }))) as { error?: string };
  if (!res.ok) throw new ApiError(data.error ?? `the server answered ${res.status}`);
  return data as T;
}

export const api = {
  meta: () => call<Meta>("GET", "/api/meta"),
  design: (prompt: string, overrides: string[]) => call<Design>("POST", "/api/design", { prompt, overrides }),
  archetypes: () => call<Archetype[]>("GET", "/api/archetypes"),
  sessions: () => call<Session[]>("GET", "/api/sessions"),
  create: (prompt: string, overrides: string[]) => call<Session>("POST", "/api/sessions", { prompt, overrides }),
  update: (id: string, patch: Partial<Pick<Session, "name" | "prompt" | "overrides">>) =>
    call<Session>("PUT", `/api/sessions/${encodeURIComponent(id)}`, patch),
  duplicate: (id: string) => call<Session>("POST", `/api/sessions/${encodeURIComponent(id)}/duplicate`),
  remove: (id: string) => call<void>("DELETE", `/api/sessions/${encodeURIComponent(id)}`),
  importFile: (text: string) => call<Session>("POST", "/api/import", text),
  exportUrl: (id: string, format: "md" | "json") => `/api/sessions/${encodeURIComponent(id)}/export?format=${format}`,
};
