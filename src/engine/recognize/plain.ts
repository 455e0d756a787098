import type { ArchetypeId } from "../../knowledge/schema.js";
import type { AmbiguousSystem, CombinationRule, Need } from "../../knowledge/signals/index.js";
import type { CompiledCombinations } from "./combos.js";
import { everySignal, type Signal, type SignalIndex, type SignalList } from "./match.js";
import type { ArchetypeLinks, ProductFeature, RecognitionKnowledge, SignalLists } from "./signals.js";

/**
 * Signals as numbers over one string table, so the generated module is a third of the size of
 * the signals written out as objects, and a signal is decoded only when a prompt's words reach it
 * (the index's `at`): a run of the CLI decodes a few dozen of the 3,000. The numbers are written as
 * text (DIGITS), which JSON.parse reads as one string, several times faster than a list of numbers.
 */
export interface PackedSignals {
  /** Every distinct string the signals hold, referred to by position. */
  strings: string[];
  /** The key lists signals and their owners have, in their own order (a signal keeps its key order). */
  shapes: string[][];
  /** Number values that are not small whole numbers (weights), referred to by position. */
  numbers: number[];
  /**
   * The signals one after another, each a shape and then each key's value (see FIELDS), as codes
   * written in DIGITS; signal i starts at character starts[i].
   */
  data: string;
  starts: number[];
}

/**
 * A code (a whole number ≥ 0) as text: its base-28 digits, most significant first, each one character
 * from '#' (0x23) on, the last one plain and the others moved up by 28 ('#' to 'Z', none of which JSON
 * or a JavaScript string literal escapes).
 */
const DIGIT0 = 0x23;
const BASE = 28;
function writeCode(out: string[], code: number): void {
  if (!Number.isInteger(code) || code < 0) throw new Error(`packing signals: code ${code} is not a whole number ≥ 0`);
  const digits = [code % BASE];
  for (let n = Math.floor(code / BASE); n > 0; n = Math.floor(n / BASE)) digits.unshift((n % BASE) + BASE);
  for (const d of digits) out.push(String.fromCharCode(DIGIT0 + d));
}
/** Number values: a small whole number as twice itself, any other as a position in `numbers`, doubled, plus one. */
const SMALL = 2 ** 24;

/** How each key of a signal (and of its owner) is written as numbers. */
const FIELDS: Readonly<Record<string, "string" | "strings" | "number" | "boolean" | "owner" | "rule" | "instead">> = {
  text: "string",
  stems: "strings",
  raws: "strings",
  unlessAfter: "strings",
  weight: "number",
  kind: "string",
  slack: "number",
  rank: "number",
  concept: "boolean",
  combined: "boolean",
  underFailure: "boolean",
  owner: "owner",
  rule: "rule",
  instead: "instead",
};
const OWNER_FIELDS: Readonly<Record<string, "string" | "number">> = {
  kind: "string",
  id: "string",
  index: "number",
  system: "number",
  use: "number",
};

/** Packs signals (positions follow the list); throws on a key or value the packing does not know. */
export function packSignals(signals: readonly Signal[]): PackedSignals {
  const strings: string[] = [];
  const stringAt = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeAt = new Map<string, number>();
  const numbers: number[] = [];
  const numberAt = new Map<number, number>();
  const codes: number[] = [];
  const starts: number[] = [];
  const str = (v: unknown, where: string) => {
    if (typeof v !== "string") throw new Error(`packing signals: ${where} is not a string`);
    let i = stringAt.get(v);
    if (i === undefined) {
      i = strings.push(v) - 1;
      stringAt.set(v, i);
    }
    return i;
  };
  const num = (v: unknown, where: string) => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`packing signals: ${where} is not a number`);
    if (Number.isInteger(v) && v >= 0 && v < SMALL) return v * 2;
    let i = numberAt.get(v);
    if (i === undefined) {
      i = numbers.push(v) - 1;
      numberAt.set(v, i);
    }
    return i * 2 + 1;
  };
  const shape = (keys: string[], table: Readonly<Record<string, unknown>>, where: string) => {
    for (const k of keys)
      if (!Object.hasOwn(table, k)) throw new Error(`packing signals: ${where} has unknown key '${k}'`);
    const key = keys.join(",");
    let i = shapeAt.get(key);
    if (i === undefined) {
      i = shapes.push(keys) - 1;
      shapeAt.set(key, i);
    }
    return i;
  };
  for (const signal of signals) {
    starts.push(codes.length);
    const s = signal as unknown as Record<string, unknown>;
    const keys = Object.keys(s);
    codes.push(shape(keys, FIELDS, `signal '${signal.text}'`));
    for (const k of keys) {
      const v = s[k];
      const where = `signal '${signal.text}' ${k}`;
      switch (FIELDS[k]) {
        case "string":
          codes.push(str(v, where));
          break;
        case "number":
          codes.push(num(v, where));
          break;
        case "boolean":
          if (typeof v !== "boolean") throw new Error(`packing signals: ${where} is not a boolean`);
          codes.push(v ? 1 : 0);
          break;
        case "strings":
          if (!Array.isArray(v)) throw new Error(`packing signals: ${where} is not a list`);
          codes.push(v.length, ...v.map((x) => str(x, where)));
          break;
        case "rule": {
          const r = v as { name?: unknown; why?: unknown };
          if (Object.keys(r).join(",") !== "name,why") throw new Error(`packing signals: ${where} is not {name, why}`);
          codes.push(str(r.name, where), str(r.why, where));
          break;
        }
        case "instead": {
          const r = v as { says?: unknown; words?: unknown; unlessWith?: unknown };
          const keys = Object.keys(r).join(",");
          if (keys !== "says,words" && keys !== "says,words,unlessWith")
            throw new Error(`packing signals: ${where} is not {says, words, unlessWith?}`);
          const words = r.words as unknown[];
          const unless = (r.unlessWith ?? []) as unknown[];
          codes.push(str(r.says, where), words.length, ...words.map((x) => str(x, where)));
          codes.push(unless.length, ...unless.map((x) => str(x, where)));
          break;
        }
        case "owner": {
          const o = v as Record<string, unknown>;
          const okeys = Object.keys(o);
          codes.push(shape(okeys, OWNER_FIELDS, where));
          for (const ok of okeys)
            codes.push(OWNER_FIELDS[ok] === "string" ? str(o[ok], `${where}.${ok}`) : num(o[ok], `${where}.${ok}`));
          break;
        }
      }
    }
  }
  const text: string[] = [];
  const at: number[] = [];
  let chars = 0;
  codes.forEach((code, k) => {
    at[k] = chars;
    const before = text.length;
    writeCode(text, code);
    chars += text.length - before;
  });
  at[codes.length] = chars;
  return { strings, shapes, numbers, data: text.join(""), starts: starts.map((k) => at[k] as number) };
}

/** Signal `i` of a packed list, as packSignals was given it (same keys in the same order). */
export function unpackSignal(packed: PackedSignals, i: number): Signal {
  const { strings, shapes, numbers, data } = packed;
  let at = packed.starts[i] as number;
  const next = () => {
    let code = 0;
    for (;;) {
      const d = data.charCodeAt(at++) - DIGIT0;
      if (d < BASE) return code * BASE + d;
      code = code * BASE + d - BASE;
    }
  };
  const number = () => {
    const code = next();
    return code % 2 === 0 ? code / 2 : (numbers[(code - 1) / 2] as number);
  };
  const list = () => {
    const n = next();
    const out: string[] = new Array(n);
    for (let k = 0; k < n; k++) out[k] = strings[next()] as string;
    return out;
  };
  const s: Record<string, unknown> = {};
  for (const k of shapes[next()] as string[])
    switch (FIELDS[k]) {
      case "string":
        s[k] = strings[next()];
        break;
      case "number":
        s[k] = number();
        break;
      case "boolean":
        s[k] = next() === 1;
        break;
      case "strings":
        s[k] = list();
        break;
      case "rule":
        s[k] = { name: strings[next()], why: strings[next()] };
        break;
      case "instead": {
        const says = strings[next()];
        const words = list();
        const unlessWith = list();
        s[k] = unlessWith.length > 0 ? { says, words, unlessWith } : { says, words };
        break;
      }
      case "owner": {
        const o: Record<string, unknown> = {};
        for (const ok of shapes[next()] as string[]) o[ok] = OWNER_FIELDS[ok] === "string" ? strings[next()] : number();
        s[k] = o;
        break;
      }
    }
  return s as unknown as Signal;
}

/**
 * The recogniser's compiled tables as plain JSON data: every signal tokenized, stemmed and
 * expanded once at build time (src/engine/recognize/compile.ts, run by `npm run kb`), packed, and
 * the indexes over them as positions in the signal list. Loading it is a JSON.parse and a few Maps,
 * not 1,300 signals tokenized at every start of the CLI.
 */
export interface PlainRecognition {
  /** The index's signals (positions 0 to `indexed` - 1), then the word families' multi-word members (their positions less `indexed`). */
  signals: PackedSignals;
  indexed: number;
  /** Signals by their first stem, as positions in `signals`. */
  byStem: [string, number[]][];
  /** Named systems by the shape of their first word, as positions in `signals`. */
  byShape: [string, number[]][];
  vocabulary: string[];
  productFeatures: ProductFeature[];
  ambiguous: AmbiguousSystem[];
  needs: Need[];
  defaultSubstrates: { archetypes: ArchetypeId[]; why: string };
  /** Focus cues with their patterns' source text. */
  focus: { text: string; source: string; explicit: boolean }[];
  opener: string | null;
  combinations: {
    words: [string, string[]][];
    /** Multi-word family members by first stem; `signal` is a position among the members' signals. */
    phrases: [string, { family: string; signal: number }[]][];
    /** How many members' signals follow the index's in `signals`. */
    signals: number;
    rules: CombinationRule[];
    ranks: number[];
    /** "family|stem" of members a family lists only as plurals (`CompiledCombinations.pluralOnly`). */
    pluralOnly: string[];
    /** Members' written tails by "family|stems" (`CompiledCombinations.tails`). */
    tails: [string, string][];
    window: number;
    size: number;
  } | null;
  /** SignalLists as positions in `signals`, one list per row of each table. */
  lists: Record<keyof SignalLists, number[][]> | null;
  systemNames: string[] | null;
  size: number;
}

const noFlags = (r: RegExp): string => {
  if (r.flags !== "")
    throw new Error(`recognition pattern /${r.source}/${r.flags}: flags are not kept by the compiled tables`);
  return r.source;
};

/** The compiled knowledge as plain data (the archetype entries themselves are referred to by id). */
export function toPlain(kb: RecognitionKnowledge): PlainRecognition {
  const signals = everySignal(kb.index);
  const c = kb.combinations;
  const all = [...signals, ...(c ? everySignal(c.signals) : [])];
  const lists = kb.lists?.();
  const positions = (rows: readonly (readonly Signal[])[]) => rows.map((row) => row.map((sig) => all.push(sig) - 1));
  const listPositions = lists && {
    aliases: positions(lists.aliases),
    products: positions(lists.products),
    features: positions(lists.features),
  };
  return {
    signals: packSignals(all),
    indexed: signals.length,
    byStem: [...kb.index.byStem].map(([k, list]) => [k, [...list]]),
    byShape: [...kb.index.byShape].map(([k, list]) => [k, [...list]]),
    vocabulary: [...kb.index.vocabulary],
    productFeatures: [...kb.productFeatures],
    ambiguous: [...kb.ambiguous],
    needs: [...kb.needs],
    defaultSubstrates: { archetypes: [...kb.defaultSubstrates.archetypes], why: kb.defaultSubstrates.why },
    focus: kb.focus.map((f) => ({ text: f.text, source: noFlags(f.pattern), explicit: f.explicit })),
    opener: kb.opener ? noFlags(kb.opener) : null,
    combinations: c
      ? {
          words: [...c.words].map(([k, v]) => [k, [...v]]),
          phrases: [...c.phrases].map(([k, list]) => [k, list.map((p) => ({ ...p }))]),
          signals: c.signals.size,
          rules: [...c.rules],
          ranks: [...(c.ranks ?? [])],
          pluralOnly: [...(c.pluralOnly ?? [])],
          tails: [...(c.tails ?? [])],
          window: c.window,
          size: c.size,
        }
      : null,
    lists: listPositions ?? null,
    systemNames: kb.systemNames ? [...kb.systemNames] : null,
    size: kb.size,
  };
}

/** Signals `from` to `from + size - 1` of packed data as a list, each decoded on first use and once. */
function lazyList(packed: PackedSignals, from: number, size: number): SignalList {
  const decoded: (Signal | undefined)[] = new Array(size);
  return {
    size,
    at: (i) => {
      if (!(i >= 0 && i < size)) throw new RangeError(`no signal at position ${i}`);
      let s = decoded[i];
      if (s === undefined) {
        s = unpackSignal(packed, from + i);
        decoded[i] = s;
      }
      return s;
    },
  };
}

/**
 * The compiled knowledge back from plain data, over the archetype entries it refers to by id. Signals
 * are decoded on first use, each once.
 */
export function fromPlain(plain: PlainRecognition, archetypes: readonly ArchetypeLinks[]): RecognitionKnowledge {
  const packed = plain.signals;
  const index: SignalIndex = {
    ...lazyList(packed, 0, plain.indexed),
    byStem: new Map(plain.byStem),
    byShape: new Map(plain.byShape),
    vocabulary: new Set(plain.vocabulary),
  };
  const c = plain.combinations;
  const combinations: CompiledCombinations | undefined = c
    ? {
        words: new Map(c.words),
        phrases: new Map(c.phrases),
        signals: lazyList(packed, plain.indexed, c.signals),
        rules: c.rules,
        ranks: c.ranks,
        pluralOnly: new Set(c.pluralOnly),
        tails: new Map(c.tails),
        window: c.window,
        size: c.size,
      }
    : undefined;
  const rows = plain.lists;
  let lists: SignalLists | undefined;
  const decode = (table: number[][]) => table.map((row) => row.map((at) => unpackSignal(packed, at)));
  return {
    combinations,
    archetypes,
    byId: new Map(archetypes.map((a) => [a.id, a])),
    index,
    productFeatures: plain.productFeatures,
    ambiguous: plain.ambiguous,
    needs: plain.needs,
    defaultSubstrates: plain.defaultSubstrates,
    focus: plain.focus.map((f) => ({ text: f.text, pattern: new RegExp(f.source), explicit: f.explicit })),
    opener: plain.opener === null ? undefined : new RegExp(plain.opener),
    size: plain.size,
    systemNames: plain.systemNames ?? undefined,
    lists:
      rows === null
        ? undefined
        : () => {
            lists ??= {
              aliases: decode(rows.aliases),
              products: decode(rows.products),
              features: decode(rows.features),
            };
            return lists;
          },
  };
}
