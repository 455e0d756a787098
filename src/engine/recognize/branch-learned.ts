import type { Token } from "./tokens.js";

/**
 * The prompt asks for something to be built, read at its start: an imperative ("Design …", "Build …") or the
 * same ask put as a question or a request ("How would you design …", "Walk me through …", "Can you sketch …").
 */
export const ASKS_TO_BUILD =
  /^\s*(?:(?:can|could) you |let's |let us |i (?:want|need|would like) (?:you )?to |we (?:want|need) (?:you )?to |how (?:would|do|should|could|might) (?:you|we|i|one) |explain how (?:you would|to|we would|i would) )?(?:design|build|create|implement|architect|develop|make|write|clone|sketch|walk (?:me|us) through)\b/;

/** Mark: the prompt opens by asking for something to be built. */
export const ASK_MARK = "@ask";
/** Prefix of a mark for a stem in the head ("Design an expense app | for roommates": `^app`). */
export const HEAD_MARK = "^";
/** Prefix of the mark for the head's last word, the noun that names what is asked for (`$app`, `$limit`). */
export const HEAD_NOUN_MARK = "$";

/**
 * What the branch model reads beside the prompt's stems: whether the prompt opens with an ask, and which
 * stems stand in its head (the noun phrase that names what is asked for) and which is its last word. "app" in
 * "Design a budgeting app where couples …" names a product; "app" later ("… for a chat app") only says whose
 * component it is, and "Design a rate limiter for …" ends its head on a component.
 */
export function branchMarks(prompt: string, tokens: readonly Token[]): string[] {
  const head = tokens.filter((t) => t.head && !/^\d+$/.test(t.stem));
  const marks = head.map((t) => `${HEAD_MARK}${t.stem}`);
  const noun = head[head.length - 1];
  if (noun && head.length > 1) marks.push(`${HEAD_NOUN_MARK}${noun.stem}`);
  if (ASKS_TO_BUILD.test(prompt.toLowerCase())) marks.unshift(ASK_MARK);
  return [...new Set(marks)];
}
