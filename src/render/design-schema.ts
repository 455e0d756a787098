/**
 * The JSON contract the CLI, the server and the library hand out: the engine's Design schema
 * (src/engine/design/schema.ts) with the presentation layer's spoken `script` attached. Loads zod.
 */
import { z } from "zod";
import { DesignSchema } from "../engine/design/schema.js";

const Line = z.strictObject({ text: z.string(), keep: z.enum(["core", "detail"]) });

export const ScriptStepSchema = z.strictObject({
  step: z.number().int(),
  title: z.string(),
  text: z.string(),
  sentences: z.array(z.string()),
  words: z.number(),
  seconds: z.number(),
  minutes: z.number(),
  budgetSeconds: z.number(),
  overrun: z.boolean(),
  dropped: z.number(),
  lines: z.array(Line),
  cue: z.strictObject({ kind: z.enum(["hld", "sequence"]), title: z.string(), say: z.string() }).optional(),
  checkIn: z.string().optional(),
  followUps: z.array(z.strictObject({ question: z.string(), answer: z.string() })),
});

/** A design as handed out: `script` is present when the presentation layer attached one. */
export const ScriptedDesignSchema = DesignSchema.extend({ script: z.array(ScriptStepSchema).optional() });

/** The JSON Schema of the Design contract (draft 2020-12), generated from the zod schema. */
export function designJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScriptedDesignSchema, { target: "draft-2020-12" }),
    title: "mechsd Design",
    description:
      "A deterministic, explained system design derived from a prompt: every field with its reason (see ARCHITECTURE.md).",
  };
}
