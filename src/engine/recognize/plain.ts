import type { Archetype, ArchetypeId } from "../../knowledge/schema.js";
import type { AmbiguousSystem, CombinationRule, Need } from "../../knowledge/signals/index.js";
import type { CompiledCombinations } from "./combos.js";
import type { Owner, Signal, SignalIndex } from "./match.js";
import type { ProductFeature, RecognitionKnowledge } from "./signals.js";

/**
 * The recogniser's compiled tables as plain JSON data: every signal tokenized, stemmed and
 * expanded once at build time (src/engine/recognize/compile.ts, run by `npm run kb`), and the
 * indexes over them as positions in the signal list. Loading it is a JSON.parse and a few Maps,
 * not 1,300 signals tokenized at every start of the CLI.
 */
export interface PlainRecognition {
  /** Every signal, in index order (the order ties are broken in), packed (see PackedSignal). */
  signals: PackedSignal[];
  /** The requirement rules signals state, referred to by position. */
  rules: { name: string; why: string }[];
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
  focus: { text: string; source: string }[];
  opener: string | null;
  combinations: {
    words: [string, string[]][];
    phrases: [string, { family: string; signal: number }[]][];
    /** Signals of multi-word family members, referred to by `phrases`. */
    signals: PackedSignal[];
    rules: CombinationRule[];
    ranks: number[];
    window: number;
    size: number;
  } | null;
  size: number;
}

/**
 * A signal as a short array, a third of its size as an object (the tables hold 2,500): text, stems and
 * raw words (space-separated), weight, kind (0 phrase, 1 system), slack, owner (packOwner), rank (-1:
 * none), then only what the signal has: rule position, concept, unless-after stems, combined.
 */
export type PackedSignal = [
  text: string,
  stems: string,
  raws: string,
  weight: number,
  kind: 0 | 1,
  slack: number,
  owner: string,
  rank: number,
  more?: { r?: number; c?: 1; u?: string[]; m?: 1 },
];

/** An owner as a short code: "I05", "infra", "product", "none", "f3" feature, "a2" ambiguous system, "c2.1" cue, "n4" need. */
function packOwner(o: Owner): string {
  switch (o.kind) {
    case "archetype":
      return o.id;
    case "feature":
      return `f${o.index}`;
    case "ambiguous":
      return `a${o.system}`;
    case "cue":
      return `c${o.system}.${o.use}`;
    case "need":
      return `n${o.index}`;
    default:
      return o.kind;
  }
}

function unpackOwner(code: string): Owner {
  if (code === "infra" || code === "product" || code === "none") return { kind: code };
  const n = Number(code.slice(1));
  switch (code[0]) {
    case "I":
      return { kind: "archetype", id: code as ArchetypeId };
    case "f":
      return { kind: "feature", index: n };
    case "a":
      return { kind: "ambiguous", system: n };
    case "n":
      return { kind: "need", index: n };
    case "c": {
      const [system, use] = code.slice(1).split(".").map(Number);
      return { kind: "cue", system: system as number, use: use as number };
    }
  }
  throw new Error(`compiled recognition tables: unknown owner code '${code}'`);
}

function packSignal(s: Signal, rules: Map<string, number>, list: { name: string; why: string }[]): PackedSignal {
  const words = (xs: readonly string[]) => {
    if (xs.some((x) => x.includes(" ") || x === ""))
      throw new Error(`signal '${s.text}': a word with a space cannot be packed`);
    return xs.join(" ");
  };
  const more: NonNullable<PackedSignal[8]> = {};
  if (s.rule) {
    const key = JSON.stringify([s.rule.name, s.rule.why]);
    let r = rules.get(key);
    if (r === undefined) {
      r = list.push({ name: s.rule.name, why: s.rule.why }) - 1;
      rules.set(key, r);
    }
    more.r = r;
  }
  if (s.concept) more.c = 1;
  if (s.unlessAfter) more.u = [...s.unlessAfter];
  if (s.combined) more.m = 1;
  const packed: PackedSignal = [
    s.text,
    words(s.stems),
    words(s.raws),
    s.weight,
    s.kind === "system" ? 1 : 0,
    s.slack,
    packOwner(s.owner),
    s.rank ?? -1,
  ];
  if (Object.keys(more).length > 0) packed.push(more);
  return packed;
}

function unpackSignal(p: PackedSignal, rules: readonly { name: string; why: string }[]): Signal {
  const [text, stems, raws, weight, kind, slack, owner, rank, more] = p;
  const rule = more?.r === undefined ? undefined : rules[more.r];
  return {
    text,
    stems: stems.split(" "),
    raws: raws.split(" "),
    weight,
    kind: kind === 1 ? "system" : "phrase",
    slack,
    owner: unpackOwner(owner),
    ...(rule ? { rule: { name: rule.name, why: rule.why } } : {}),
    ...(more?.c ? { concept: true } : {}),
    ...(more?.u ? { unlessAfter: more.u } : {}),
    ...(more?.m ? { combined: true } : {}),
    ...(rank >= 0 ? { rank } : {}),
  };
}

const noFlags = (r: RegExp): string => {
  if (r.flags !== "")
    throw new Error(`recognition pattern /${r.source}/${r.flags}: flags are not kept by the compiled tables`);
  return r.source;
};

/** The compiled knowledge as plain data (the archetype entries themselves are referred to by id). */
export function toPlain(kb: RecognitionKnowledge): PlainRecognition {
  const signals = [...kb.index.order.entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
  const at = new Map(signals.map((s, i) => [s, i]));
  const positions = (m: ReadonlyMap<string, readonly Signal[]>): [string, number[]][] =>
    [...m].map(([k, list]) => [k, list.map((s) => at.get(s) as number)]);
  const c = kb.combinations;
  const comboSignals: PackedSignal[] = [];
  const ruleAt = new Map<string, number>();
  const rules: { name: string; why: string }[] = [];
  const pack = (sig: Signal) => packSignal(sig, ruleAt, rules);
  return {
    signals: signals.map(pack),
    rules,
    byStem: positions(kb.index.byStem),
    byShape: positions(kb.index.byShape),
    vocabulary: [...kb.index.vocabulary],
    productFeatures: [...kb.productFeatures],
    ambiguous: [...kb.ambiguous],
    needs: [...kb.needs],
    defaultSubstrates: { archetypes: [...kb.defaultSubstrates.archetypes], why: kb.defaultSubstrates.why },
    focus: kb.focus.map((f) => ({ text: f.text, source: noFlags(f.pattern) })),
    opener: kb.opener ? noFlags(kb.opener) : null,
    combinations: c
      ? {
          words: [...c.words].map(([k, v]) => [k, [...v]]),
          phrases: [...c.phrases].map(([k, list]) => [
            k,
            list.map((p) => ({ family: p.family, signal: comboSignals.push(pack(p.signal)) - 1 })),
          ]),
          signals: comboSignals,
          rules: [...c.rules],
          ranks: [...(c.ranks ?? [])],
          window: c.window,
          size: c.size,
        }
      : null,
    size: kb.size,
  };
}

/** The compiled knowledge back from plain data, over the archetype entries it refers to by id. */
export function fromPlain(plain: PlainRecognition, archetypes: readonly Archetype[]): RecognitionKnowledge {
  const signals = plain.signals.map((p) => unpackSignal(p, plain.rules));
  const resolve = (entries: [string, number[]][]) =>
    new Map(entries.map(([k, list]) => [k, list.map((i) => signals[i] as Signal)]));
  const order = new Map<Signal, number>(signals.map((s, i) => [s, i]));
  const index: SignalIndex = {
    byStem: resolve(plain.byStem),
    byShape: resolve(plain.byShape),
    order,
    vocabulary: new Set(plain.vocabulary),
  };
  const c = plain.combinations;
  const combinations: CompiledCombinations | undefined = c
    ? {
        words: new Map(c.words),
        phrases: new Map(
          c.phrases.map(([k, list]) => [
            k,
            list.map((p) => ({
              family: p.family,
              signal: unpackSignal(c.signals[p.signal] as PackedSignal, plain.rules),
            })),
          ]),
        ),
        rules: c.rules,
        ranks: c.ranks,
        window: c.window,
        size: c.size,
      }
    : undefined;
  return {
    combinations,
    archetypes,
    byId: new Map(archetypes.map((a) => [a.id, a])),
    index,
    productFeatures: plain.productFeatures,
    ambiguous: plain.ambiguous,
    needs: plain.needs,
    defaultSubstrates: plain.defaultSubstrates,
    focus: plain.focus.map((f) => ({ text: f.text, pattern: new RegExp(f.source) })),
    opener: plain.opener === null ? undefined : new RegExp(plain.opener),
    size: plain.size,
  };
}
