import { formulaVariables, parseFormula } from "./notation/formula.js";
import { parseProtocol } from "./notation/protocol.js";
import { Archetype, type ArchetypeInput } from "./schema.js";
import { TOPIC_NEEDS } from "./topics.js";

export interface KnownIds {
  mechanisms: ReadonlySet<string>;
  quantities: ReadonlySet<string>;
  archetypes: ReadonlySet<string>;
}

/** Problems with one archetype entry: schema, references, protocol notation, formulas. Empty when valid. */
export function entryProblems(raw: ArchetypeInput, known: KnownIds): string[] {
  const where = (raw as { id?: string }).id ?? "(no id)";
  const parsed = Archetype.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${where}: ${i.path.join(".")}: ${i.message}`);
  }
  const a = parsed.data;
  const out: string[] = [];
  const entityNames = new Set(a.entities.map((e) => e.name));
  if (!a.entities.some((e) => e.truth)) out.push(`${a.id}: no entity is marked as the source of truth`);
  for (const w of a.writePaths) {
    if (!entityNames.has(w.entity)) out.push(`${a.id}: write path '${w.action}' names unknown entity ${w.entity}`);
    if (!known.mechanisms.has(w.mechanism))
      out.push(`${a.id}: write path '${w.action}' names unknown mechanism ${w.mechanism}`);
  }
  for (const r of a.readPaths) {
    if (!entityNames.has(r.entity)) out.push(`${a.id}: read path '${r.action}' names unknown entity ${r.entity}`);
  }
  for (const p of a.protocols) {
    const res = parseProtocol(p.notation);
    if (!res.ok) out.push(`${a.id}: protocol '${p.name}': ${res.error}`);
  }
  for (const b of a.bottlenecks) {
    if (!b.formula) continue;
    try {
      for (const v of formulaVariables(parseFormula(b.formula.expression))) {
        if (!known.quantities.has(v)) out.push(`${a.id}: formula '${b.formula.expression}' uses unknown quantity ${v}`);
      }
    } catch (e) {
      out.push(`${a.id}: formula '${b.formula.expression}': ${(e as Error).message}`);
    }
  }
  for (const c of a.connections) {
    if (c.to === a.id) out.push(`${a.id}: connects to itself`);
    if (!known.archetypes.has(c.to)) out.push(`${a.id}: connection to unknown archetype ${c.to}`);
  }
  const seen = new Set<string>();
  for (const s of a.signals.phrases) {
    const k = s.text.toLowerCase();
    if (seen.has(k)) out.push(`${a.id}: phrase signal '${s.text}' listed twice`);
    seen.add(k);
  }
  // The entry says whether it is a runtime archetype (FRAMEWORK.md §9); only those carry the overlay.
  for (const x of a.invariantRates ?? [])
    if (!a.invariants.includes(x.statement))
      out.push(`${a.id}: invariantRates names '${x.statement.slice(0, 60)}…', which is not one of its invariants`);
  for (const x of a.invariantTopics ?? [])
    if (!a.invariants.includes(x.statement))
      out.push(`${a.id}: invariantTopics names '${x.statement.slice(0, 60)}…', which is not one of its invariants`);
  // a subject that only makes sense inside another (billed counts inside counted events) is about that one's records
  for (const f of a.failures)
    if (f.topic) {
      const needs = TOPIC_NEEDS[f.topic];
      if (!a.entities.some((e) => e.topic === f.topic || (needs !== undefined && e.topic === needs)))
        out.push(`${a.id}: failure '${f.failure}' is about ${f.topic}, but no entity of the card is`);
    }
  if (a.runtime && !a.overlay) out.push(`${a.id}: runtime overlay missing`);
  if (!a.runtime && a.overlay) out.push(`${a.id}: has a runtime overlay but is not a runtime archetype`);
  return out;
}

/** Problems across entries: duplicate ids, shared named systems without a recorded reason. */
export function crossEntryProblems(entries: readonly Archetype[]): string[] {
  const out: string[] = [];
  const ids = new Map<string, number>();
  for (const a of entries) ids.set(a.id, (ids.get(a.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) out.push(`archetype id ${id} appears ${n} times`);
  const claims = new Map<string, { id: string; reason: string | undefined }[]>();
  for (const a of entries) {
    for (const s of a.signals.systems) {
      for (const name of [s.name, ...s.aliases]) {
        const key = name.toLowerCase();
        const list = claims.get(key) ?? [];
        list.push({ id: a.id, reason: s.sharedBecause });
        claims.set(key, list);
      }
    }
  }
  for (const [name, list] of claims) {
    const owners = new Set(list.map((l) => l.id));
    if (owners.size < 2) continue;
    for (const l of list) {
      if (!l.reason)
        out.push(
          `${l.id}: named system '${name}' is shared with ${[...owners].filter((o) => o !== l.id).join(", ")} without sharedBecause`,
        );
    }
  }
  return out;
}
