import { z } from "zod";

/** An exported session: what import accepts. The design is informative; it is re-derived on import. */
export const SessionFile = z.object({
  format: z.literal("mechsd-session", { error: "format must be 'mechsd-session'" }),
  version: z.literal(1, { error: "version must be 1" }),
  name: z.string().trim().min(1, "name is empty").max(120, "name is longer than 120 characters"),
  prompt: z.string({ error: "prompt must be text" }),
  overrides: z.array(z.string().max(200)).max(40).default([]),
  design: z.unknown().optional(),
});
export type SessionFile = z.input<typeof SessionFile>;
