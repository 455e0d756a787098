import { z } from "zod";

/** Text as the API accepts it: well-formed Unicode. A lone UTF-16 surrogate would be stored as U+FFFD and break export. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const MAX_NAME = 120;
export const MAX_OVERRIDE = 200;
export const MAX_OVERRIDES = 40;

export const Text = z.string({ error: "must be text" }).refine((s) => !LONE_SURROGATE.test(s), {
  message: "contains an unpaired UTF-16 surrogate (not valid Unicode text)",
});

/** A session name: one line of visible text. */
export const Name = Text.refine((s) => !CONTROL.test(s), {
  message: "contains control characters (tabs, line breaks or other invisible characters); use plain text",
}).pipe(z.string().trim().min(1, "the name is empty").max(MAX_NAME, `the name is longer than ${MAX_NAME} characters`));

export const Overrides = z.array(Text.pipe(z.string().max(MAX_OVERRIDE))).max(MAX_OVERRIDES);

/** "prompt: message; name: message" from a zod error, naming the field at fault. */
export const zodMessage = (e: z.ZodError): string =>
  e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
