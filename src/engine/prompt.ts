/** Validation of prompt text before any reasoning: the one gate every entry point uses. */

export const MAX_PROMPT_CHARS = 4000;

export type PromptCheck = { ok: true; prompt: string } | { ok: false; error: string };

export function checkPrompt(input: unknown): PromptCheck {
  if (typeof input !== "string") return { ok: false, error: "the prompt must be text" };
  if (input.includes("\u0000") || input.includes("\ufffd")) {
    return { ok: false, error: "the prompt contains binary data (NUL or invalid UTF-8 bytes); pass plain text" };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the check
  const controls = input.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls * 20 > input.length) {
    return { ok: false, error: "the prompt is mostly control characters; pass plain text" };
  }
  // a text whose spaces are all single plain spaces is its own collapsed form (each space replaced would be a copy)
  const prompt = (/\s\s|[^\S ]/.test(input) ? input.replace(/\s+/g, " ") : input).trim();
  if (prompt.length === 0)
    return { ok: false, error: 'the prompt is empty; try e.g. "Design a distributed message queue"' };
  if (prompt.length > MAX_PROMPT_CHARS) {
    return {
      ok: false,
      error: `the prompt is ${prompt.length} characters; the limit is ${MAX_PROMPT_CHARS}. Shorten it to the system and its key requirements`,
    };
  }
  if (!/\p{L}/u.test(prompt))
    return { ok: false, error: "the prompt has no words in it; describe the system to design" };
  return { ok: true, prompt };
}
