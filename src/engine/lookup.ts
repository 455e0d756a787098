import type { Archetype } from "../knowledge/schema.js";
import { compareText, editDistance } from "./text.js";

export type Lookup = { ok: true; archetype: Archetype } | { ok: false; suggestions: Archetype[] };

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

/** Normalises "I5", "i05", "5", "I05" to "I05"; undefined when the query is not id-shaped. */
export function normaliseArchetypeId(query: string): string | undefined {
  const m = /^\s*i?\s*0*(\d{1,2})\s*$/i.exec(query);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 99 ? `I${String(n).padStart(2, "0")}` : undefined;
}

/** Finds an archetype by id or name words; otherwise returns the closest matches. */
export function lookupArchetype(query: string, all: readonly Archetype[]): Lookup {
  const id = normaliseArchetypeId(query);
  if (id) {
    const hit = all.find((a) => a.id === id);
    if (hit) return { ok: true, archetype: hit };
  }
  const q = words(query);
  if (q.length > 0) {
    const exact = all.find((a) => words(a.name).join(" ") === q.join(" "));
    if (exact) return { ok: true, archetype: exact };
    const containing = all.filter((a) => {
      const name = words(a.name);
      return q.every((w) => name.some((n) => n.startsWith(w)));
    });
    if (containing.length === 1 && containing[0]) return { ok: true, archetype: containing[0] };
    if (containing.length > 1) return { ok: false, suggestions: containing.slice(0, 5) };
  }
  const scored = all.map((a) => {
    const name = words(a.name);
    const wordScore = q.reduce(
      (s, w) => s + Math.min(...name.map((n) => editDistance(w, n.slice(0, w.length + 1)))),
      0,
    );
    const idScore = editDistance(query.trim().toUpperCase(), a.id);
    return { a, score: Math.min(wordScore, idScore) };
  });
  scored.sort((x, y) => x.score - y.score || compareText(x.a.id, y.a.id));
  return { ok: false, suggestions: scored.slice(0, 3).map((s) => s.a) };
}
