import { z } from "zod";
import { ScriptedDesignSchema } from "../render/design-schema.js";
import { Name, Overrides, Text } from "./text.js";

/** The session file format this mechsd writes and reads. */
export const FILE_VERSION = 1;

/**
 * An exported session: what import accepts. Unknown fields are refused, as on every other route.
 * The design is informative (it is re-derived on import), but when the file carries one it must be a Design
 * as the schema defines it (src/engine/design/schema.ts), so a hand-edited or foreign file is refused.
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
  design: ScriptedDesignSchema.optional(),
});
export type SessionFile = z.input<typeof SessionFile>;
