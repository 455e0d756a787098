import { ARCHETYPE_CAPACITY } from "../../knowledge/capacity/index.js";
import { ARCHETYPE_DECISIONS, DECISION_BY_ID } from "../../knowledge/decisions/index.js";
import { FEATURES } from "../../knowledge/features/index.js";
import { ARCHETYPE_BY_ID } from "../../knowledge/index.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import {
  ARCHETYPE_IDS,
  type ArchetypeId,
  AVAILABILITY_VALUES,
  COMPOSITION_ROLE_VALUES,
  CONSISTENCY_VALUES,
  type CompositionRole,
  DELIVERY_VALUES,
  DURABILITY_VALUES,
  ORDERING_VALUES,
  PREDICATE_ID_VALUES,
} from "../../knowledge/vocab.js";
import { capacityQuantityIds } from "../capacity.js";
import { compositionRole } from "../composition.js";
import { optionRows, redecidedWith } from "../fields/decisions.js";
import { normaliseArchetypeId } from "../lookup.js";
import type { Patch } from "./graph.js";
import type { Nfrs } from "./types.js";

export type OverrideResult = { ok: true; patches: Patch[] } | { ok: false; error: string };

/**
 * An override the derived design cannot take: a decision the design does not make. It is known only once the
 * decisions are derived, so the patch throws this and `deriveDesign` turns it into a refusal naming the design's own.
 */
export class OverrideRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OverrideRefused";
  }
}

/** Who argues a decision point, and when: "I05 Append Log + Consumer Progress argues it, only when …". */
function ownerOf(id: string): string {
  for (const [arch, points] of Object.entries(ARCHETYPE_DECISIONS))
    if (points.some((p) => p.id === id))
      return `${arch} ${ARCHETYPE_BY_ID.get(arch as ArchetypeId)?.name ?? ""} argues it, only when that archetype is part of the design`;
  const feature = FEATURES.find((f) => f.decisions?.some((p) => p.id === id));
  return feature
    ? `the ${feature.id} feature argues it, only in a product design that has it`
    : "no archetype argues it";
}

export const OVERRIDE_KEYS = [
  "branch",
  "dominant",
  "archetype.<id>",
  "delivery",
  "consistency",
  "availability",
  "ordering",
  "durability",
  "regions",
  "scale.<quantity>",
  "predicate.<id>",
  "decision.<id>",
] as const;

const list = (xs: readonly string[]) => xs.join(", ");

function archetypeId(raw: string): ArchetypeId | undefined {
  const id = normaliseArchetypeId(raw);
  return id && (ARCHETYPE_IDS as readonly string[]).includes(id) ? (id as ArchetypeId) : undefined;
}

function roleOf(dominant: ArchetypeId, other: ArchetypeId): { role: CompositionRole; why: string } {
  const d = ARCHETYPE_BY_ID.get(dominant);
  const o = ARCHETYPE_BY_ID.get(other);
  return (
    (d && o && compositionRole(d, o)) ?? {
      role: "substrate",
      why: `no recorded connection to ${dominant}; placed as substrate`,
    }
  );
}

function nfrPatch<K extends "delivery" | "consistency" | "availability" | "ordering" | "durability">(
  key: K,
  value: Nfrs[K]["value"],
  label: string,
): Patch<"nfrs"> {
  return {
    field: "nfrs",
    label,
    apply: (n) => ({ ...n, [key]: { value, source: "override", because: `set by override ${label}` } }),
  };
}

/** Quantities a `scale.<q>=` override may pin: the shared table and every capacity model's own inputs. */
const PINNABLE: ReadonlySet<string> = capacityQuantityIds([
  ...Object.values(ARCHETYPE_CAPACITY),
  ...FEATURES.flatMap((f) => (f.capacity ? [f.capacity] : [])),
]);

const AMOUNT_SUFFIX: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  t: 1e12,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
};

/** "200000", "200,000", "2e5", "200k", "1.5M", "10 GB" -> a number; NaN when it is none of these. */
export function parseAmount(raw: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*([a-z]{0,2})$/i.exec(raw.replace(/[,_]/g, "").trim());
  if (!m) return Number.NaN;
  const unit = (m[2] ?? "").toLowerCase();
  const mult = unit === "" ? 1 : Object.hasOwn(AMOUNT_SUFFIX, unit) ? (AMOUNT_SUFFIX[unit] ?? Number.NaN) : Number.NaN;
  return Number(m[1]) * mult;
}

/** Parses `key=value` overrides into patches on fields; every problem names the valid choices. */
export function parseOverrides(items: readonly string[]): OverrideResult {
  const patches: Patch[] = [];
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq <= 0) return { ok: false, error: `override '${item}' is not key=value; keys: ${list(OVERRIDE_KEYS)}` };
    const key = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    const lower = value.toLowerCase();
    const label = `${key}=${value}`;
    const enumValue = <T extends string>(options: readonly T[]): T | undefined => options.find((o) => o === lower);
    const bad = (what: string, options: readonly string[]) => ({
      ok: false as const,
      error: `unknown ${what} '${value}' for ${key}; use one of: ${list(options)}`,
    });

    if (key === "branch") {
      const v = enumValue(["infra", "product", "mixed"] as const);
      if (!v) return bad("branch", ["infra", "product", "mixed"]);
      patches.push({
        field: "branch",
        label,
        apply: (b) => ({ ...b, kind: v, evidence: [`set to ${v} by override`, ...b.evidence] }),
      } as Patch<"branch">);
    } else if (key === "dominant") {
      const id = archetypeId(value);
      if (!id) return bad("archetype", ARCHETYPE_IDS);
      patches.push({
        field: "archetypes",
        label,
        apply: (list) => {
          const a = ARCHETYPE_BY_ID.get(id);
          const prev = list.find((x) => x.id === id);
          const rest = list.filter((x) => x.id !== id).map((x) => ({ ...x, role: roleOf(id, x.id).role }));
          return [
            {
              id,
              name: a?.name ?? id,
              role: "dominant" as const,
              score: prev?.score ?? 1,
              evidence: [`chosen as dominant by override ${label}`, ...(prev?.evidence ?? [])],
            },
            ...rest.slice(0, 3),
          ];
        },
      } as Patch<"archetypes">);
    } else if (key.startsWith("archetype.")) {
      const id = archetypeId(key.slice("archetype.".length));
      if (!id) return { ok: false, error: `unknown archetype in '${key}'; use archetype.<I01-I19>=<role|off>` };
      const roles = [...COMPOSITION_ROLE_VALUES, "off"] as const;
      const role = enumValue(roles);
      if (!role) return bad("role", roles);
      patches.push({
        field: "archetypes",
        label,
        apply: (list) => {
          if (role === "off") return list.filter((x) => x.id !== id || x.role === "dominant");
          const a = ARCHETYPE_BY_ID.get(id);
          const row = {
            id,
            name: a?.name ?? id,
            role,
            score: list.find((x) => x.id === id)?.score ?? 1,
            evidence: [`added as ${role} by override ${label}`],
          };
          if (list.some((x) => x.id === id && x.role === "dominant")) return list;
          return list.some((x) => x.id === id) ? list.map((x) => (x.id === id ? row : x)) : [...list, row];
        },
      } as Patch<"archetypes">);
    } else if (key === "delivery") {
      const v = enumValue(DELIVERY_VALUES);
      if (!v) return bad("delivery", DELIVERY_VALUES);
      patches.push(nfrPatch("delivery", v, label));
    } else if (key === "consistency") {
      const v = enumValue(CONSISTENCY_VALUES);
      if (!v) return bad("consistency", CONSISTENCY_VALUES);
      patches.push(nfrPatch("consistency", v, label));
    } else if (key === "availability") {
      const v = enumValue(AVAILABILITY_VALUES);
      if (!v) return bad("availability", AVAILABILITY_VALUES);
      patches.push(nfrPatch("availability", v, label));
    } else if (key === "ordering") {
      const v = enumValue(ORDERING_VALUES);
      if (!v) return bad("ordering", ORDERING_VALUES);
      patches.push(nfrPatch("ordering", v, label));
    } else if (key === "durability") {
      const v = enumValue(DURABILITY_VALUES);
      if (!v) return bad("durability", DURABILITY_VALUES);
      patches.push(nfrPatch("durability", v, label));
    } else if (key === "regions") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 50)
        return { ok: false, error: `regions must be a whole number from 1 to 50, not '${value}'` };
      patches.push({
        field: "nfrs",
        label,
        apply: (x) => ({ ...x, regions: { value: n, source: "override", because: `set by override ${label}` } }),
      } as Patch<"nfrs">);
    } else if (key.startsWith("scale.")) {
      const q = key.slice("scale.".length);
      if (!PINNABLE.has(q)) return { ok: false, error: `unknown quantity '${q}'; use one of: ${list([...PINNABLE])}` };
      // A share is a fraction of a whole: 0.95 or 95%, never more than all of it.
      const share = QUANTITY_BY_ID.get(q)?.unit === "fraction";
      const percent = share && value.endsWith("%");
      const n = percent ? parseAmount(value.slice(0, -1)) / 100 : parseAmount(value);
      if (share && !(n > 0 && n <= 1))
        return {
          ok: false,
          error: `scale.${q} is a share: a number above 0 and at most 1 (or a percentage such as 95%), not '${value}'`,
        };
      if (!Number.isFinite(n) || n <= 0)
        return { ok: false, error: `scale.${q} needs a positive number, not '${value}'` };
      patches.push({
        field: "nfrs",
        label,
        apply: (x) => ({ ...x, scale: { ...x.scale, [q]: { value: n, quote: label, source: "override" } } }),
      } as Patch<"nfrs">);
    } else if (key.startsWith("predicate.")) {
      const id = key.slice("predicate.".length);
      const pid = PREDICATE_ID_VALUES.find((p) => p === id);
      if (!pid) return { ok: false, error: `unknown predicate '${id}'; use one of: ${list(PREDICATE_ID_VALUES)}` };
      if (lower !== "true" && lower !== "false") return bad("value", ["true", "false"]);
      const holds = lower === "true";
      patches.push({
        field: "predicates",
        label,
        apply: (rows) =>
          rows.map((r) =>
            r.id === pid ? { ...r, holds, because: `set by override ${label}`, source: "override" as const } : r,
          ),
      } as Patch<"predicates">);
    } else if (key.startsWith("decision.")) {
      const id = key.slice("decision.".length);
      const point = DECISION_BY_ID.get(id);
      if (!point)
        return { ok: false, error: `unknown decision '${id}'; use one of: ${list([...DECISION_BY_ID.keys()])}` };
      const option = point.options.find((o) => o.id === lower);
      if (!option)
        return bad(
          "option",
          point.options.map((o) => o.id),
        );
      patches.push({
        field: "decisions",
        label,
        apply: (rows, fields) => {
          // a decision the design does not make is refused, never added as a stray row it would then follow
          const current = rows.find((r) => r.id === point.id);
          if (!current)
            throw new OverrideRefused(
              `${label}: this design does not make the decision '${point.id}' (${ownerOf(point.id)}); its decisions: ${rows.length > 0 ? list(rows.map((r) => r.id)) : "none"}`,
            );
          const others = point.options.filter((o) => o.id !== option.id);
          const row = {
            id: point.id,
            question: point.question,
            options: optionRows(point),
            chosen: option.id,
            because: `set by override ${label}: ${option.name} wins when ${option.winsWhen}`,
            wouldFlipIf: others.map((o) => `${o.name} would win if ${o.winsWhen}`).join("; "),
            source: "override" as const,
            archetype: current.archetype,
            inputs: [`override ${label}`],
            drives: true,
          };
          return redecidedWith(fields, rows, row);
        },
      } as Patch<"decisions">);
    } else {
      return { ok: false, error: `unknown override field '${key}'; use one of: ${list(OVERRIDE_KEYS)}` };
    }
  }
  return { ok: true, patches };
}
