import { STOP_WORDS } from "../../knowledge/lexicon.js";
import { pattern } from "../text.js";

/** A quoted name as a pattern: its words as written ("booking com" is "Booking.com"), any marks between them. */
const escaped = (quoted: string) =>
  quoted
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^a-z0-9]+");

/**
 * Whether the prompt asks for a system like a named product ("like Google Docs", "similar to Instagram"): what the
 * product does is what is built. "like Twitter Snowflake" names another system: a capitalised word after the name
 * continues it.
 */
export function asksLike(prompt: string, quoted: string): boolean {
  const m = pattern(`\\b(?:like|similar to|clone of) ${escaped(quoted)}\\b(\\s+\\S)?`, "i").exec(prompt);
  return m !== null && !/[A-Z]/.test(m[1] ?? "");
}

/** Words after a product's possessive that name its core, all of it ("Instagram's core features", "… main functionality"). */
const CORE_OF =
  /^(?:core|main|key|basic|essential|central|primary)\s+(?:features?|functionality|functions|parts|product|experience)\b/i;

/**
 * Whether a named product is the prompt's whole subject: asked for by likeness ("an app like Instagram", "an
 * Instagram clone"), or at the head (`first`: its first word is the prompt's first content word) ending its noun
 * phrase ("Design Instagram", "Design Instagram for 500M users", "Design Instagram: …"). A product written as a
 * qualifier ("the Instagram news feed", "Yelp's nearby search") or as the context ("a view counter for YouTube
 * videos") names only part of it, or where the subject lives.
 */
export function namesWholeSubject(prompt: string, quoted: string, first: boolean): boolean {
  if (asksLike(prompt, quoted) || pattern(`${escaped(quoted)}[- ](?:like|style|inspired|clone)\\b`, "i").test(prompt))
    return true;
  if (!first) return false;
  const after = pattern(`\\b${escaped(quoted)}\\b(['’]s\\b)?\\s*([a-z0-9]+)?`, "i").exec(prompt);
  if (!after) return false;
  // "Instagram's core features: posting photos, …": the product's core is the product, not one part of it
  if (after[1] !== undefined)
    return CORE_OF.test(prompt.slice(after.index + after[0].length - (after[2]?.length ?? 0)));
  const next = after[2]?.toLowerCase();
  return next === undefined || STOP_WORDS.has(next) || /^\d/.test(next);
}
