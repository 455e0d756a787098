import { foldText, type Token } from "./tokens.js";

/**
 * The prompt asks for something to be built, read at its start: an imperative ("Design …", "Build …") or the
 * same ask put as a question or a request ("How would you design …", "Walk me through …", "Can you sketch …"), or
 * told as work under way ("I'm building a recipe app …").
 */
export const ASKS_TO_BUILD =
  /^\s*(?:(?:can|could) you |let's |let us |i (?:want|need|would like) (?:you )?to |we (?:want|need) (?:you )?to |how (?:would|do|should|could|might) (?:you|we|i|one) |explain how (?:you would|to|we would|i would) )?(?:design|build|create|implement|architect|develop|make(?! sure\b)|write|clone|sketch|(?:walk|talk|take) (?:me|us) through)\b|^\s*(?:i'm|i am|we're|we are|our (?:team|company|startup) is) (?:designing|building|creating|making|developing)\b/;

/** No word positions: one read-only set for every prompt that has none. */
const NO_WORDS: ReadonlySet<number> = new Set();

/**
 * The word positions (a token's `at`) of the opening ask itself ("Walk me through", "How would you design"): its
 * words ask for an answer and state no requirement, so "walk … through" is no periodic pass over a set.
 */
export function openingAskAt(prompt: string): ReadonlySet<number> {
  return askWords(prompt).opening;
}

/**
 * Both readings of where a prompt asks (`openingAskAt`, `laterAskHead`), from one test of its opening: recognition
 * reads both of every prompt.
 */
export function askWords(prompt: string): { opening: ReadonlySet<number>; later: ReadonlySet<number> } {
  const lower = foldText(prompt);
  const m = ASKS_TO_BUILD.exec(lower);
  return m ? { opening: openingWords(lower, m), later: NO_WORDS } : { opening: NO_WORDS, later: laterWords(lower) };
}

function openingWords(lower: string, m: RegExpExecArray): ReadonlySet<number> {
  const words = (lower.slice(0, m.index + m[0].length).match(/[a-z0-9/+-]+/g) ?? []).length;
  return new Set(Array.from({ length: words }, (_, i) => i));
}

/**
 * An ask that comes after a statement ("Envoy sidecars call out to a central service …; design that service"):
 * the noun phrase after it, up to the next clause word, names what is asked for. Group 1 is that noun phrase.
 */
const LATER_ASK =
  /[.;:]\s+(?:now\s+|please\s+)?(?:design|build|create|implement|architect)\s+(?:that|the|this|such an?|an?|our)?\s*([a-z0-9 -]+?)(?=\s+(?:that|which|who|where|so|to|for|with|in|on|across|from|by|using|while|when|before|after|if|and|those|these|they|we|our|each|every)\b|[,.;:(]|$)/;

/**
 * The word positions (a token's `at`) of the noun phrase a later ask names, when the prompt opens with a
 * statement rather than an ask; empty otherwise (the prompt's own head then names what is asked for).
 */
export function laterAskHead(prompt: string): ReadonlySet<number> {
  return askWords(prompt).later;
}

/** The later ask's noun phrase in a folded text that does not open with an ask (see laterAskHead). */
function laterWords(lower: string): ReadonlySet<number> {
  const m = LATER_ASK.exec(lower);
  const named = m?.[1];
  const phrase = named?.trim();
  // "… Design it." points back at the statement, which stays the prompt's subject.
  if (!m || !named || !phrase || /^(?:it|them|one|this|that|these|those)$/.test(phrase)) return NO_WORDS;
  const start = m.index + m[0].length - named.length + (named.length - named.trimStart().length);
  const before = (lower.slice(0, start).match(/[a-z0-9/+-]+/g) ?? []).length;
  const words = (phrase.match(/[a-z0-9/+-]+/g) ?? []).length;
  return new Set(Array.from({ length: words }, (_, i) => before + i));
}

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
