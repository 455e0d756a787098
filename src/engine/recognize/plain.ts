import type { Archetype, ArchetypeId } from "../../knowledge/schema.js";
import type { AmbiguousSystem, CombinationRule, Need } from "../../knowledge/signals/index.js";
import type { CompiledCombinations } from "./combos.js";
import type { Signal, SignalIndex } from "./match.js";
import type { ProductFeature, RecognitionKnowledge } from "./signals.js";

/**
 * The recogniser's compiled tables as plain JSON data: every signal tokenized, stemmed and
 * expanded once at build time (src/engine/recognize/compile.ts, run by `npm run kb`), and the
 * indexes over them as positions in the signal list. Loading it is a JSON.parse and a few Maps,
 * not 1,300 signals tokenized at every start of the CLI.
 */
export interface PlainRecognition {
  /** Every signal, in index order (the order ties are broken in). */
  signals: Signal[];
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
    phrases: [string, { family: string; signal: number }[]][];
    /** Signals of multi-word family members, referred to by `phrases`. */
    signals: Signal[];
    rules: CombinationRule[];
    ranks: number[];
    window: number;
    size: number;
  } | null;
  size: number;
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
  const comboSignals: Signal[] = [];
  return {
    signals,
    byStem: positions(kb.index.byStem),
    byShape: positions(kb.index.byShape),
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
          phrases: [...c.phrases].map(([k, list]) => [
            k,
            list.map((p) => ({ family: p.family, signal: comboSignals.push(p.signal) - 1 })),
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
  const { signals } = plain;
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
            list.map((p) => ({ family: p.family, signal: c.signals[p.signal] as Signal })),
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
    focus: plain.focus.map((f) => ({ text: f.text, pattern: new RegExp(f.source), explicit: f.explicit })),
    opener: plain.opener === null ? undefined : new RegExp(plain.opener),
    size: plain.size,
  };
}
