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

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible characters that make
 * text read in another order than it is stored ("evil\u202Efdp.exe" shows as "evilexe.pdf"). Right-to-left words
 * need none of them.
 */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/** A session name: one line of visible text. */
export const Name = Text.refine((s) => !CONTROL.test(s), {
  message: "contains control characters (tabs, line breaks or other invisible characters); use plain text",
})
  .refine((s) => !new RegExp(BIDI_CONTROL.source).test(s), {
    message:
      "contains bidirectional control characters (such as U+202E), which make a name read in another order than it is written; use plain text (right-to-left words need none)",
  })
  .pipe(z.string().trim().min(1, "the name is empty").max(MAX_NAME, `the name is longer than ${MAX_NAME} characters`));

export const Overrides = z.array(Text.pipe(z.string().max(MAX_OVERRIDE))).max(MAX_OVERRIDES);

/** The most problems one refusal lists, and the longest each may be: a body with 30,000 unknown keys gets a short answer. */
const MAX_ISSUES = 5;
const MAX_ISSUE_CHARS = 300;

const cut = (s: string) => (s.length > MAX_ISSUE_CHARS ? `${s.slice(0, MAX_ISSUE_CHARS - 1)}…` : s);

/** Unknown keys named a few at a time, with how many more there are. */
function issueText(i: z.core.$ZodIssue): string {
  if (i.code === "unrecognized_keys" && i.keys.length > MAX_ISSUES) {
    const shown = i.keys.slice(0, MAX_ISSUES).map((k) => JSON.stringify(cut(k)));
    return `unrecognized keys ${shown.join(", ")} and ${i.keys.length - MAX_ISSUES} more`;
  }
  return cut(i.message);
}

/** "prompt: message; name: message" from a zod error, naming the field at fault; bounded however bad the body. */
export const zodMessage = (e: z.ZodError): string => {
  const listed = e.issues
    .slice(0, MAX_ISSUES)
    .map((i) => `${cut(i.path.map(String).join(".")) || "body"}: ${issueText(i)}`);
  const rest = e.issues.length - MAX_ISSUES;
  return `${listed.join("; ")}${rest > 0 ? `; and ${rest} more problems` : ""}`;
};
