import { z } from "zod";
import { ScriptedDesignSchema } from "../render/design-schema.js";
import { Name, Overrides, Text } from "./text.js";

/**
 * An exported session: what import accepts. Unknown fields are refused, as on every other route.
 * The design is informative (it is re-derived on import), but when the file carries one it must be a Design
 * as the schema defines it (src/engine/design/schema.ts), so a hand-edited or foreign file is refused.
 */
export const SessionFile = z.strictObject({
  format: z.literal("mechsd-session", { error: "format must be 'mechsd-session'" }),
  version: z.literal(1, { error: "version must be 1" }),
  name: Name,
  prompt: Text,
  overrides: Overrides.default([]),
  design: ScriptedDesignSchema.optional(),
});
export type SessionFile = z.input<typeof SessionFile>;
