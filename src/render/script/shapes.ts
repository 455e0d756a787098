/**
 * Garbled-sentence shapes over everything a script says aloud: the joins a template makes when it splices a
 * fragment of the wrong shape into its slot. A measure and a test, never a filter: nothing here edits the text.
 *
 * - `doubled word`: the same word twice in a row ("a write write"), where neither "that that" nor "had had" is meant;
 * - `unbalanced bracket`: a bracket said with no partner ("… gets and cas).");
 * - `no before a pronoun`: "no" before a word that is already a quantifier or a pronoun ("no anyone is ever lost");
 * - `of with no object`: "of" after a verb or a quantifier with nothing owned ("Each has of asset …"), or at a
 *   sentence's or clause's end;
 * - `no verb`: a sentence of five or more words with no finite verb a listener can hang it on;
 * - `over 30 words`: a sentence longer than one breath's worth of spoken words;
 * - `article before a verb or number`: an article with no noun after it, before an auxiliary, a pronoun or a
 *   number that ends the phrase ("the is", "a they", "retry the few times", "keeps the 3.");
 * - `table read aloud`: a data-model row said field by field: six or more short "the x" items a record "holds", a
 *   record's fields counted ("among seven fields"), or two or more "name = value" pairs in one sentence;
 * - `formula without brackets`: a sum or difference and a product or quotient said in one breath with nothing that
 *   says how they group ("3 times 1 region minus 1"), where "the sum of", "the difference between", "one less
 *   than" or "the product of" would;
 * - `cut on a function word`: a sentence, or a clause before its comma, that stops on a word that needs more after
 *   it: an article, a possessive or a conjunction anywhere, a preposition at the sentence's end ("… for a user under
 *   its, the write …", "… kept per key and."), where a stranded preposition a verb governs ("what it waits for") is
 *   English;
 * - `relative fragment`: a relative clause said as a sentence of its own ("Which no player, CDN or API follows.",
 *   "That the worker still holds."), cut from the sentence it belonged to.
 */
import { bracketsBalanced, doubledWord, NO_PRONOUN, OF_NO_OBJECT } from "./grammar.js";
import {
  baseForm,
  countWords,
  isActionVerb,
  isClause,
  startsWithInstruction,
  subjectVerbAt,
  verbless,
} from "./speak.js";
import type { Script } from "./types.js";

export const SHAPES = [
  "doubled word",
  "unbalanced bracket",
  "no before a pronoun",
  "of with no object",
  "no verb",
  "over 30 words",
  "article before a verb or number",
  "table read aloud",
  "formula without brackets",
  "cut on a function word",
  "relative fragment",
] as const;
export type Shape = (typeof SHAPES)[number];

/** Where in a step a sentence is said: a timed line, the diagram cue, the check-in, a follow-up, a deep dive. */
export type Slot = "line" | "cue" | "check-in" | "question" | "answer" | "deep dive";

export interface ShapeProblem {
  shape: Shape;
  step: number;
  slot: Slot;
  sentence: string;
  at: string;
}

/** Everything a script says aloud, each with its step and slot (`saidAloud`'s walk, plus the deep dives' reasons). */
export function spokenSlots(script: Script): { step: number; slot: Slot; text: string }[] {
  return [
    ...script.steps.flatMap((s) => [
      ...s.sentences.map((text) => ({ step: s.step, slot: "line" as const, text })),
      ...(s.cue ? [{ step: s.step, slot: "cue" as const, text: s.cue.say }] : []),
      ...(s.checkIn ? [{ step: s.step, slot: "check-in" as const, text: s.checkIn }] : []),
      ...s.followUps.flatMap((f) => [
        { step: s.step, slot: "question" as const, text: f.question },
        { step: s.step, slot: "answer" as const, text: f.answer },
      ]),
    ]),
    ...(script.deepDives ?? []).map((x) => ({ step: 0, slot: "deep dive" as const, text: x.why })),
  ];
}

/** The longest sentence a candidate says comfortably in one go. */
export const SHAPE_MAX_WORDS = 30;

/** Finite verbs and auxiliaries a spoken sentence hangs on, beyond those `isClause` knows. */
const FINITE_WORDS =
  /\b(?:is|are|was|were|be|been|am|isn't|aren't|can|can't|cannot|could|must|may|might|will|won't|would|wouldn't|should|shall|has|have|had|does|doesn't|do|don't|did|didn't|let's|I'd|I'll|I'm|it's|that's|there's|here's|what's|we'll|we'd|you'd)\b/i;
/** A pronoun subject and its verb ("I pick", "it holds", "they retry"). */
const PRONOUN_VERB = /\b(?:I|we|you|they|it|he|she|that|this|which|who)\s+(?:\w+ly\s+)?[a-z]{2,}\b/;

/** Base verbs an instruction opens on that the action-verb lexicon does not know. */
const INSTRUCTION_EXTRA =
  /^(?:shed|compact|decrement|increment|allocate|lease|embed|treat|resume|spend|cap|bound|batch|shard|partition|throttle|pin|prefer|expire|give|add|fence|drain|pause|resize|retry|replay|tag|bump|raise|lower|identify|drive|checksum|reuse|test|size|index|widen|fix|deduplicate|capture|provision|re-\w+)$/;

/** Whether a sentence has a verb a listener can hang it on. */
export function hasVerb(sentence: string): boolean {
  const body = sentence.replace(/^(?:Q|A): /, "").replace(/[.?!]+$/, "");
  if (FINITE_WORDS.test(body) || PRONOUN_VERB.test(body)) return true;
  // an instruction ("Shard the budget store by scope key", "Compact, defragment …"): a base verb first
  // (after an opening phrase of its own: "As a backstop, replay the log")
  const opened = body.replace(
    /^(?:As a backstop|If it happens anyway|Otherwise|Instead|Then|First|After that),\s+/i,
    "",
  );
  const first = (/^[A-Za-z-]+/.exec(opened)?.[0] ?? "").toLowerCase();
  if (isActionVerb(first) || startsWithInstruction(opened) || INSTRUCTION_EXTRA.test(first)) return true;
  // a subject and its verb ("the member re-registers …", "merging and versioning happen …", "a key maps to …")
  const words = body.split(/\s+/);
  if (subjectVerbAt(words) >= 0) return true;
  if (
    words.some(
      (w, i) =>
        i > 0 &&
        /^[a-z-]{3,}s$/.test(w) &&
        !/(?:ss|us|is|ics|ness)$/.test(w) &&
        isActionVerb(baseForm(w.replace(/^re-/, ""))) &&
        !/^(?:the|a|an|each|every|no|its|their|of|for|per|with|by|in|on|to|and|or|one)$/i.test(words[i - 1] ?? ""),
    ) ||
    /\b[a-z]{3,}s (?:happen|agree|match|differ|arrive|overlap|collide|conflict|converge|share|map|fit)\b/.test(body) ||
    /\b(?:happen|agree|match|arrive|converge|map|respond|belong|exist|last)s?\b/.test(body) ||
    // a subject and a verb at the sentence's end or before its object ("the flag store's primary fails", "retries
    // from every proxy multiply load")
    /\b(?:fails|resets|multiply|multiplies)\b/.test(body) ||
    /\b(?:never|always|only|also|still|rarely|often)\s+[a-z]{3,}s\b/.test(body)
  )
    return true;
  // each clause of a list or a colon split is read alone: "Three writes matter: a, b and c" has "matter"
  const head = body.split(/:\s/)[0] ?? body;
  return isClause(head) || !verbless(head);
}

/**
 * Sentences that may leave their verb unsaid: framing said between parts ("Now the first failure."), a question
 * ("Why per key and not globally?") and a follow-up answer that finishes its question ("With a fencing token.").
 */
const FRAMING = /^(?:Now|Then|Next|First|Finally|One more|And|So|Also|Beside it|In short)\b/;
const ELLIPTICAL =
  /\?$|^(?:Up to|About|Roughly|With|By|Through|Via|Bounded by|Because|Within|Under|At|On|In|From|Only|Per)\b/;

/**
 * An article with no noun to govern: before an auxiliary or a pronoun ("the is", "a they"), before "few" or
 * "several" that then count a bare "times" ("retry the few times", where the prompt said "a few times"), or before a
 * number that closes the phrase ("keeps the 3."). "the 3 regions", "a few writes" and "the one" are English.
 */
const ARTICLE_NO_NOUN =
  /\b(?:the|a|an)\s+(?:is|are|was|were|can|will|must|should|would|may|has|have|does|did|I|we|they|he|she)\b|\bthe\s+(?:few|several)\s+times\b|\b(?:the|a|an)\s+\d[\d,.]*(?=\s*(?:[.;]|$))/i;

/** Whether a sentence says a record's fields one by one rather than what the record is for. */
export function readsTable(sentence: string): string | undefined {
  const counted = /\bamong (?:\w+|\d+) fields\b/.exec(sentence);
  if (counted) return counted[0];
  const pairs = sentence.match(/\b[a-z_]+\s*(?:=|:)\s*[\w.,]+/g) ?? [];
  if (pairs.length >= 2 && pairs.every((x) => /=/.test(x) || /_/.test(x))) return pairs.join("; ");
  const held =
    /\b[Ii]t holds ((?:the |its |a )?[\w' -]+(?:, (?:the |its |a )?[\w' -]+)+,? and (?:the |its |a )?[\w' -]+)/.exec(
      sentence,
    );
  if (!held?.[1]) return undefined;
  const items = held[1].split(/,\s+(?:and\s+)?|\s+and\s+/);
  // up to five fields is a record said in one breath (the script names every field of a record of up to five)
  return items.length >= 6 && items.slice(0, -1).every((x) => countWords(x) <= 4) ? held[0] : undefined;
}

/**
 * A spoken formula whose grouping the listener cannot hear: "plus" or "minus" beside "times", "over" or "divided
 * by" in one sentence, with a digit in it (a formula, not "a timestamp plus worker id"), and no words that group.
 */
export function ungroupedFormula(sentence: string): string | undefined {
  if (!/\d/.test(sentence)) return undefined;
  if (
    /\b(?:the sum of|the difference between|the product of|(?:one|\d+) (?:less|more) than|all of that)\b/i.test(
      sentence,
    )
  )
    return undefined;
  const m =
    /\b(?:times|divided by|over)\s+[^,;]*?\b(?:plus|minus)\b|\b(?:plus|minus)\s+[^,;]*?\b(?:times|divided by)\b/.exec(
      sentence,
    );
  return m?.[0];
}

/** Words that cannot end a clause: an article, a possessive, a conjunction or a quantifier waiting for its noun. */
const OPEN_END = /\b(?:the|a|an|its|their|his|her|our|your|my|whose|and|or|nor|but|every|per|than|no)\s*$/i;
/** Prepositions that cannot end a sentence unless a verb or "what"/"which" before them governs them. */
const PREPOSITION_END = /\b(?:of|to|under|for|with|by|from|into|onto|via|at|between|among)$/i;
/** A stranded preposition a listener still parses: "what it waits for", "the key it is partitioned by". */
const STRANDED = /\b(?:what|which|who|whom|that|it|they|one|is|are|was|were|be|been|being)\b[\w\s'-]{0,40}$/i;

/** The words a sentence or a clause before a comma stops on that leave it unfinished, or undefined. */
export function functionWordCut(sentence: string): string | undefined {
  const body = sentence.replace(/^(?:Q|A): /, "").replace(/[.?!]+$/, "");
  for (const part of body.split(/,\s+/)) {
    const open = OPEN_END.exec(part);
    // "and so on", "one or the other" end elsewhere; a clause that is only the word is a list's own
    if (open && /\s/.test(part.trim())) return `… ${part.trim().split(/\s+/).slice(-3).join(" ")}`;
  }
  const prep = PREPOSITION_END.exec(body);
  const before = body.slice(0, prep?.index ?? 0).trim();
  const prev = (/(\S+)$/.exec(before)?.[1] ?? "").toLowerCase();
  // a verb governs a stranded preposition ("the key the target deduplicates by"), unless an article makes it a noun
  // slot ("the merged into")
  const governed =
    (/(?:s|ed|ing)$/.test(prev) || isActionVerb(prev)) && !/\b(?:the|a|an|its|their)\s+\S+$/i.test(before);
  if (prep && !governed && !STRANDED.test(before)) return `… ${body.split(/\s+/).slice(-3).join(" ")}`;
  return undefined;
}

/** A relative clause said as a sentence of its own ("Which no player follows."), or undefined. */
export function relativeFragment(sentence: string): string | undefined {
  if (/\?$/.test(sentence.trim())) return undefined;
  const m = /^(?:Which|Whose|Whom|That (?:the|a|an|no|every|each|its|their|nobody|none|only))\b[^.]*/.exec(
    sentence.replace(/^(?:Q|A): /, ""),
  );
  return m ? m[0].split(/\s+/).slice(0, 4).join(" ") : undefined;
}

/** The shapes a script's spoken text takes that a template put together badly. */
export function shapeProblems(script: Script): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  let asked = "";
  for (const { step, slot, text } of spokenSlots(script)) {
    if (slot === "question") asked = text;
    // the answer to "what exactly is in it?" names the fields it was asked for: that is no table read unasked
    const fieldsAsked = slot === "answer" && /^what exactly is in\b/i.test(asked);
    for (const [k, part] of text
      .replace(/^(?:Q|A): /, "")
      .split(/(?<=[.?!])\s+(?=[A-Z])/)
      .entries()) {
      const add = (shape: Shape, at: string) => out.push({ shape, step, slot, sentence: part, at });
      const twice = doubledWord(part);
      if (twice) add("doubled word", twice);
      if (!bracketsBalanced(part)) add("unbalanced bracket", part.match(/[()[\]]/g)?.join("") ?? "");
      const no = NO_PRONOUN.exec(part);
      if (no) add("no before a pronoun", no[0]);
      const of = OF_NO_OBJECT.exec(part);
      if (of) add("of with no object", of[0]);
      const words = countWords(part);
      if (words > SHAPE_MAX_WORDS) add("over 30 words", `${words} words`);
      const article = ARTICLE_NO_NOUN.exec(part);
      if (article) add("article before a verb or number", article[0]);
      const table = fieldsAsked ? undefined : readsTable(part);
      if (table) add("table read aloud", table);
      const formula = ungroupedFormula(part);
      if (formula) add("formula without brackets", formula);
      const cut = functionWordCut(part);
      if (cut) add("cut on a function word", cut);
      const relative = relativeFragment(part);
      if (relative) add("relative fragment", relative);
      if (
        words >= 5 &&
        !FRAMING.test(part) &&
        !(ELLIPTICAL.test(part) && (k === 0 || /\?$/.test(part))) &&
        !hasVerb(part)
      )
        add("no verb", part);
    }
  }
  return out;
}

/** How many of each shape a script has, every shape listed. */
export function shapeCounts(problems: readonly ShapeProblem[]): Record<Shape, number> {
  const counts = Object.fromEntries(SHAPES.map((s) => [s, 0])) as Record<Shape, number>;
  for (const p of problems) counts[p.shape]++;
  return counts;
}
