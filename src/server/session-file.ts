import { z } from "zod";
import { SCHEMA_VERSION } from "../engine/design/design.js";
import { ScriptedDesignSchema } from "../render/design-schema.js";
import { Name, Overrides, Text, zodMessage } from "./text.js";

/** The session file format this mechsd writes and reads. */
export const FILE_VERSION = 1;

/**
 * An exported session: what import accepts. Unknown fields are refused, as on every other route.
 * The design is informative (it is re-derived on import): it is checked on its own by `fileDesign`.
 */
export const SessionFile = z.strictObject({
  format: z.literal("mechsd-session", { error: "format must be 'mechsd-session'" }),
  version: z.literal(FILE_VERSION, {
    error: (i) =>
      typeof i.input === "number" && i.input > FILE_VERSION
        ? `this file is version ${i.input}, written by a newer mechsd; this one reads version ${FILE_VERSION}: upgrade mechsd to import it`
        : `version must be ${FILE_VERSION}`,
  }),
  name: Name,
  prompt: Text,
  overrides: Overrides.default([]),
  design: z.unknown().optional(),
});
export type SessionFile = z.input<typeof SessionFile>;

/** The value at `path` inside `root`, or undefined. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/**
 * What a later mechsd of the same design schema may add without changing the meaning of what this one reads:
 * a field this one does not know, or a new value of one of its closed vocabularies (a topic, a party kind).
 * Anything else (a missing field, a number where text belongs) is a malformed design.
 */
function addedByNewer(issue: z.core.$ZodIssue, design: unknown): string | undefined {
  const where = ["design", ...issue.path.map(String)].join(".");
  if (issue.code === "unrecognized_keys") return `${where}: ${issue.keys.slice(0, 5).join(", ")}`;
  if (issue.code === "invalid_value" && issue.values.every((v) => typeof v === "string")) {
    const value = at(design, issue.path);
    if (typeof value === "string") return `${where} = ${JSON.stringify(value.slice(0, 60))}`;
  }
  return undefined;
}

export type FileDesign = { ok: true; newer: string[] } | { ok: false; error: string };

/**
 * A session file's design, checked against this mechsd's Design schema. It is never trusted (import re-derives
 * the design from the prompt and overrides), so a design from a newer mechsd of the same schema version, with
 * fields or vocabulary values this one does not know, is accepted and the additions listed (`newer`); a design of
 * another schema version, or one malformed in any other way, is refused.
 */
export function fileDesign(design: unknown): FileDesign {
  if (design === undefined) return { ok: true, newer: [] };
  const version = at(design, ["schemaVersion"]);
  if (typeof version === "number" && version > SCHEMA_VERSION)
    return {
      ok: false,
      error: `design: its schema is version ${version}, written by a newer mechsd; this one reads version ${SCHEMA_VERSION}: upgrade mechsd to import it`,
    };
  const parsed = ScriptedDesignSchema.safeParse(design);
  if (parsed.success) return { ok: true, newer: [] };
  const added = parsed.error.issues.map((i) => addedByNewer(i, design));
  if (typeof version !== "number" || added.some((a) => a === undefined)) {
    const malformed = parsed.error.issues.filter((_, k) => added[k] === undefined);
    return {
      ok: false,
      error: zodMessage(new z.ZodError(malformed.map((i) => ({ ...i, path: ["design", ...i.path] })))),
    };
  }
  return { ok: true, newer: added as string[] };
}
