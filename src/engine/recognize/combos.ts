import type { CombinationRule } from "../../knowledge/signals/index.js";
import { FAMILY_SENSES } from "../../knowledge/signals/senses.js";
import {
  blocked,
  compileSignal,
  deadlineUnbound,
  findSignal,
  type Hit,
  type Signal,
  type SignalList,
  signalList,
  sortNumbers,
  splitsExpression,
  wantsBound,
} from "./match.js";
import type { Token } from "./tokens.js";
import { stemSet, stemWord } from "./tokens.js";

/** What a requirement read from word families adds to its rule's name, which the rule names alone otherwise. */
export const READ_TOGETHER = ", read from the words together";

/** Word families compiled once, looked up by the stems of the prompt. */
export interface CompiledCombinations {
  /** Single-word family members by stem. */
  words: ReadonlyMap<string, readonly string[]>;
  /** Multi-word family members by their first stem; `signal` is a position in `signals`. */
  phrases: ReadonlyMap<string, readonly { family: string; signal: number }[]>;
  /** The multi-word members' signals. */
  signals: SignalList;
  rules: readonly CombinationRule[];
  /**
   * "family|stem" of the single-word members a family lists only as plurals ("servers", "users"): the word names many,
   * so the same stem written singular counts only where it is counted as many ("every server"; `Token.many`).
   */
  pluralOnly?: ReadonlySet<string>;
  /** Each rule's name's rank among the tables' texts (see rankTexts), by rule index. */
  ranks?: readonly number[];
  /**
   * "family|stems" of members written with a word the tokenizer drops at their end (`WRITTEN_TAILS`: "older than"),
   * and that word: such a member is read only where the prompt writes the word right after it ("older than 90 days",
   * never "older scans").
   */
  tails?: ReadonlyMap<string, string>;
  window: number;
  size: number;
}

/**
 * Stop words that, written at the end of a family member, make it another expression than its content words alone:
 * "older than" compares with an amount, where "older" alone describes ("older scans may take minutes"); "kept for"
 * names a span, where "kept" alone is any storing ("records are kept on a replicated store").
 */
export const WRITTEN_TAILS: ReadonlySet<string> = new Set(["than", "for"]);

/** The key a member's written tail is kept under: its family and its stems. */
const tailKey = (family: string, stems: readonly string[]): string => `${family}|${stems.join(" ")}`;

export function compileCombinations(
  families: Readonly<Record<string, readonly string[]>>,
  rules: readonly CombinationRule[],
  window: number,
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): CompiledCombinations {
  const words = new Map<string, string[]>();
  // A single-word family member also stands for its synonyms ("delete" for "purge" and "erase").
  const alike = new Map<string, string[]>();
  for (const [head, list] of Object.entries(synonyms)) {
    const h = compileSignal(head, 0, "phrase");
    if (h?.stems.length !== 1) continue;
    const key = h.stems[0] as string;
    alike.set(key, [...(alike.get(key) ?? []), ...list]);
  }
  const phrases = new Map<string, { family: string; signal: number }[]>();
  const signals: Signal[] = [];
  const plural = new Set<string>();
  const singular = new Set<string>();
  const tails = new Map<string, string>();
  // members without a tail: a member written both with and without one ("older", "older than") needs none
  const untailed = new Set<string>();
  let size = 0;
  for (const [family, list] of Object.entries(families))
    for (const text of list) {
      const signal = compileSignal(text, 0, "phrase", { slack: 1 });
      if (!signal) continue;
      size++;
      const last = text.split(" ").pop() as string;
      if (WRITTEN_TAILS.has(last)) tails.set(tailKey(family, signal.stems), last);
      else untailed.add(tailKey(family, signal.stems));
      const first = signal.stems[0] as string;
      if (signal.stems.length === 1) {
        (isPlural(text) ? plural : singular).add(`${family}|${first}`);
        for (const form of [text, ...(alike.get(first) ?? [])]) {
          const sig = compileSignal(form, 0, "phrase", { slack: 1 });
          if (!sig) continue;
          if (sig.stems.length > 1) {
            const list2 = phrases.get(sig.stems[0] as string) ?? [];
            list2.push({ family, signal: signals.push(sig) - 1 });
            phrases.set(sig.stems[0] as string, list2);
            continue;
          }
          // the "most" of "at most" is found only where the prompt bounds a count with it (see boundKey)
          const stem = wantsBound(sig, 0) ? boundKey(sig.stems[0] as string) : (sig.stems[0] as string);
          const fams = words.get(stem) ?? [];
          if (!fams.includes(family)) fams.push(family);
          words.set(stem, fams);
        }
      } else {
        const list2 = phrases.get(first) ?? [];
        list2.push({ family, signal: signals.push(signal) - 1 });
        phrases.set(first, list2);
      }
    }
  for (const r of rules)
    for (const f of r.families) if (!(f in families)) throw new Error(`combination rule '${r.rule}': no family '${f}'`);
  const pluralOnly = new Set([...plural].filter((k) => !singular.has(k)));
  for (const k of untailed) tails.delete(k);
  return { words, phrases, signals: signalList(signals), rules, pluralOnly, tails, window, size };
}

/** "family|stem" of the one-word members a family means in a word's other sense (`FAMILY_SENSES`). */
const OTHER_SENSE_MEMBERS: ReadonlySet<string> = new Set(FAMILY_SENSES.map((f) => `${f.family}|${stemWord(f.word)}`));

/** Whether a written word is a regular plural ("servers", "users"; not "class", "pass" or a word its stem keeps whole). */
const isPlural = (word: string): boolean => /[^s]s$/.test(word) && stemWord(word) !== word;

/**
 * Whether an occurrence of a family takes a singular word for a member the family lists only as a plural, where the
 * prompt does not count it as many: "the user saw" is one user, not the users a change is spread to.
 */
function oneForMany(tokens: readonly Token[], o: Occurrence, family: string, kb: CompiledCombinations): boolean {
  if (o.covers.length !== 1 || !kb.pluralOnly) return false;
  const t = tokens[o.covers[0] as number];
  return t !== undefined && kb.pluralOnly.has(`${family}|${t.stem}`) && !isPlural(t.raw) && !t.many;
}

/**
 * The key a one-word family member written with "at most" / "at least" is kept under: such a member takes only the
 * "most" of a bound on a count ("at most 100 calls a minute"), and a bound "most" takes no other member (a superlative
 * "the most-watched clips of the past hour" is no cap per hour).
 */
const boundKey = (stem: string): string => `at ${stem}`;

interface Occurrence {
  covers: number[];
}

/** What matching reads of compiled families on every prompt, arranged once per tables. */
interface RuleIndex {
  /** Rule indexes by their first family, ascending: a rule none of whose first family's words a prompt has is never tried. */
  byFirst: ReadonlyMap<string, readonly number[]>;
  /** Rules with no family at all (tried on every prompt). */
  always: readonly number[];
  /** Each rule's `unlessAfter` words as stems, by rule index. */
  unless: readonly (readonly string[] | undefined)[];
  /** Each rule's `unlessBefore` words as stems, by rule index. */
  unlessNext: readonly (readonly string[] | undefined)[];
}
const ruleIndexes = new WeakMap<CompiledCombinations, RuleIndex>();

function ruleIndex(kb: CompiledCombinations): RuleIndex {
  let index = ruleIndexes.get(kb);
  if (index === undefined) {
    const byFirst = new Map<string, number[]>();
    const always: number[] = [];
    kb.rules.forEach((rule, r) => {
      const first = rule.families[0];
      if (first === undefined) always.push(r);
      else byFirst.set(first, [...(byFirst.get(first) ?? []), r]);
    });
    index = {
      byFirst,
      always,
      unless: kb.rules.map((rule) => rule.unlessAfter?.map(stemWord)),
      unlessNext: kb.rules.map((rule) => rule.unlessBefore?.map(stemWord)),
    };
    ruleIndexes.set(kb, index);
  }
  return index;
}

/** Whether the word kept right after an occurrence, in its phrase, is one of a rule's `unlessBefore` words. */
function blockedNext(
  tokens: readonly Token[],
  covers: readonly number[],
  next: readonly string[] | undefined,
): boolean {
  if (!next) return false;
  const last = covers[covers.length - 1] ?? -1;
  const after = tokens[last + 1];
  return after !== undefined && after.part === tokens[last]?.part && next.includes(after.stem);
}

/** Whether the words chosen for a rule's `samePhrase` families (in the rule's family order) stand in different phrases. */
function apart(rule: CombinationRule, chosen: readonly Occurrence[], tokens: readonly Token[]): boolean {
  if (!rule.samePhrase) return false;
  const parts = new Set<number>();
  rule.families.forEach((f, k) => {
    if (rule.samePhrase?.includes(f)) for (const i of chosen[k]?.covers ?? []) parts.add(tokens[i]?.part ?? -1);
  });
  return parts.size > 1;
}

/**
 * Whether the words chosen for a rule's `object` pair stand verb then object, next to each other ("switches devices"):
 * the object is what the verb acts on, not what the rule needs it to be.
 */
function actedOn(rule: CombinationRule, chosen: readonly Occurrence[], tokens: readonly Token[]): boolean {
  if (!rule.object) return false;
  const verb = chosen[rule.families.indexOf(rule.object[0])];
  const object = chosen[rule.families.indexOf(rule.object[1])];
  if (!verb || !object) return false;
  const v = tokens[verb.covers[verb.covers.length - 1] as number];
  const o = tokens[object.covers[0] as number];
  return v !== undefined && o !== undefined && o.at === v.at + 1 && o.part === v.part;
}

/**
 * Requirement hits read from word families: for each rule, the closest set of words, one from each
 * of its families, on distinct words of the prompt and within the window. Cost follows the prompt's
 * words (families are looked up by stem), not the number of rules.
 */
export function matchCombinations(
  tokens: readonly Token[],
  kb: CompiledCombinations,
  written: readonly string[] = [],
): Hit[] {
  const byFamily = new Map<string, Occurrence[]>();
  const add = (family: string, o: Occurrence) => {
    const list = byFamily.get(family);
    if (list) list.push(o);
    else byFamily.set(family, [o]);
  };
  const present = stemSet(tokens);
  const seenStems = new Set<string>();
  // a member written with a tail ("older than") is read only where the prompt writes the tail right after its words
  const tailed = (family: string, covers: readonly number[]): boolean => {
    const tail = kb.tails?.get(
      tailKey(
        family,
        covers.map((c) => tokens[c]?.stem ?? ""),
      ),
    );
    if (tail === undefined) return true;
    const at = tokens[covers[covers.length - 1] as number]?.at ?? -1;
    return written[at + 1] === tail;
  };
  tokens.forEach((t, i) => {
    // a one-word member is read only in the sense its family means ("scan events" are no pass over a set, but scans
    // kept as images are stored bytes)
    for (const f of kb.words.get(t.bound ? boundKey(t.stem) : t.stem) ?? [])
      if ((t.other !== true || OTHER_SENSE_MEMBERS.has(`${f}|${t.stem}`)) && tailed(f, [i])) add(f, { covers: [i] });
    if (seenStems.has(t.stem)) return;
    seenStems.add(t.stem);
    for (const p of kb.phrases.get(t.stem) ?? []) {
      const signal = kb.signals.at(p.signal);
      // a member is found only where all its words are: one some word of which the prompt lacks is not looked for
      if (!signal.stems.every((st) => present.has(st))) continue;
      const h = findSignal(tokens, signal);
      if (h && tailed(p.family, h.covers)) add(p.family, { covers: h.covers });
    }
  });
  const hits: Hit[] = [];
  // a rule needs a word of each of its families, and most find none in a prompt: only rules whose first family the
  // prompt has are tried, in the rules' order
  const index = ruleIndex(kb);
  const tried = [...index.always];
  for (const f of byFamily.keys()) for (const r of index.byFirst.get(f) ?? []) tried.push(r);
  sortNumbers(tried);
  for (const r of tried) {
    const rule = kb.rules[r] as CombinationRule;
    if (!rule.families.every((f) => byFamily.has(f))) continue;
    const rank = kb.ranks?.[r];
    const unless = index.unless[r];
    const next = index.unlessNext[r];
    const lists = rule.families.map((f) =>
      (byFamily.get(f) ?? []).filter(
        (o) =>
          !(rule.many?.includes(f) && oneForMany(tokens, o, f, kb)) &&
          !blocked(tokens, o.covers[0] as number, unless) &&
          !blockedNext(tokens, o.covers, next) &&
          (rule.rates === true || !o.covers.some((i) => tokens[i]?.rate)),
      ),
    );
    if (lists.some((l) => l.length === 0)) continue;
    let best: Occurrence[] | undefined;
    let bestSpan = Number.POSITIVE_INFINITY;
    const limit = rule.window ?? kb.window;
    // one word of each family (the first 6 of each), the closest set on distinct words kept: the choice and its
    // covers are one array each, filled in place, and copied only when a set is the closest so far. The span is
    // checked first, as the cheapest of the conditions, all of which a kept set meets.
    const chosen: Occurrence[] = new Array(lists.length);
    const all: number[] = [];
    const pick = (k: number) => {
      if (k === lists.length) {
        all.length = 0;
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < k; j++)
          for (const c of (chosen[j] as Occurrence).covers) {
            all.push(c);
            if (c < lo) lo = c;
            if (c > hi) hi = c;
          }
        const span = hi - lo;
        if (!(span <= limit && span < bestSpan)) return;
        for (let x = 1; x < all.length; x++) for (let y = 0; y < x; y++) if (all[x] === all[y]) return;
        if (
          splitsExpression(tokens, all) ||
          apart(rule, chosen, tokens) ||
          deadlineUnbound(tokens, all) ||
          actedOn(rule, chosen, tokens)
        )
          return;
        bestSpan = span;
        best = chosen.slice();
        return;
      }
      const list = lists[k] as Occurrence[];
      for (let j = 0; j < list.length && j < 6; j++) {
        chosen[k] = list[j] as Occurrence;
        pick(k + 1);
      }
    };
    pick(0);
    if (!best) continue;
    const covers = sortNumbers([...new Set(best.flatMap((o) => o.covers))]);
    const quoted = best.map((o) => o.covers.map((i) => tokens[i]?.raw ?? "").join(" ")).join(" … ");
    for (const t of rule.targets)
      hits.push({
        signal: {
          text: rule.rule,
          stems: covers.map((i) => tokens[i]?.stem ?? ""),
          raws: covers.map((i) => tokens[i]?.raw ?? ""),
          weight: t.weight,
          kind: "phrase",
          slack: kb.window,
          owner: { kind: "archetype", id: t.id },
          rule: { name: `${rule.rule}${READ_TOGETHER}`, why: rule.why },
          combined: true,
          ...(rule.underFailure ? { underFailure: true } : {}),
          ...(rank === undefined ? {} : { rank }),
        },
        covers,
        quoted,
        fuzzy: false,
      });
  }
  // Words read whole by one rule are not read again, in part, by a rule for another archetype: "custom aliases that are
  // never handed out twice" is a label that never repeats, and its 'handed … twice' alone is no busy resource.
  const within = (a: Hit, b: Hit) => a.covers.length < b.covers.length && a.covers.every((c) => b.covers.includes(c));
  const owner = (h: Hit) => (h.signal.owner?.kind === "archetype" ? h.signal.owner.id : undefined);
  return hits.filter((a) => !hits.some((b) => owner(b) !== owner(a) && within(a, b)));
}
