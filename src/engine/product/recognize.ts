import { FEATURE_BY_ID, FEATURES, type FeatureEntry, PRODUCTS } from "../../knowledge/features/index.js";
import type { NamedProduct } from "../../knowledge/features/products.js";
import { compileSignal, findSignal, type Signal } from "../recognize/match.js";
import { tokenize } from "../recognize/tokens.js";

/** A product feature found in a prompt, with the words that named it. */
export interface RecognizedFeature {
  feature: FeatureEntry;
  evidence: string[];
}

export interface ProductRecognition {
  /** The named products, in the order they appear in the prompt. */
  products: NamedProduct[];
  /** True when the prompt's subject is a named product ("Design Dropbox", not "a cache like Amazon's"). */
  subjectIsProduct: boolean;
  features: RecognizedFeature[];
  /** The first named product's words for the features' terms (each feature falls back to its own). */
  terms: Record<string, string>;
}

interface Compiled {
  products: { product: NamedProduct; signals: Signal[] }[];
  features: { feature: FeatureEntry; signals: Signal[] }[];
}

let compiled: Compiled | undefined;
function knowledge(): Compiled {
  compiled ??= {
    products: PRODUCTS.map((product) => ({
      product,
      signals: [product.name, ...(product.aliases ?? [])].flatMap((n) => compileSignal(n, 1, "system") ?? []),
    })),
    features: FEATURES.map((feature) => ({
      feature,
      signals: feature.signals.flatMap((s) => compileSignal(s, 1, "phrase") ?? []),
    })),
  };
  return compiled;
}

/**
 * Features of a product prompt: those a named product is known for (in the product's order),
 * then those the prompt's own words name ("users pick seats" -> booking), then the features
 * those depend on.
 */
export function recognizeProduct(prompt: string, opts: { namedOnly?: boolean } = {}): ProductRecognition {
  const tokens = tokenize(prompt);
  const kb = knowledge();
  const named: { product: NamedProduct; at: number; quoted: string }[] = [];
  for (const { product, signals } of kb.products) {
    const hits = signals.flatMap((s) => findSignal(tokens, s) ?? []);
    const first = hits.sort((a, b) => (a.covers[0] ?? 0) - (b.covers[0] ?? 0))[0];
    if (first) named.push({ product, at: first.covers[0] ?? 0, quoted: first.quoted });
  }
  // A longer name covering a shorter one ("facebook messenger" vs "messenger") wins.
  named.sort((a, b) => a.at - b.at || b.quoted.length - a.quoted.length);
  const products = named.filter((n, i) => !named.slice(0, i).some((m) => m.at === n.at)).map((n) => n.product);

  const found = new Map<string, string[]>();
  const add = (id: string, why: string) => {
    const list = found.get(id);
    if (list) {
      if (!list.includes(why)) list.push(why);
    } else found.set(id, [why]);
  };
  for (const n of named.filter((x) => products.includes(x.product))) {
    for (const id of n.product.features) add(id, `'${n.quoted}' names ${n.product.name}, known for it`);
  }
  for (const { feature, signals } of opts.namedOnly ? [] : kb.features) {
    const hit = signals.map((s) => findSignal(tokens, s)).find((h) => h !== undefined);
    if (hit)
      add(
        feature.id,
        `the prompt says '${hit.quoted}'${hit.quoted === hit.signal.text ? "" : ` (as '${hit.signal.text}')`}`,
      );
  }
  for (const id of [...found.keys()]) {
    for (const dep of FEATURE_BY_ID.get(id)?.requires ?? []) {
      add(dep, `${FEATURE_BY_ID.get(id)?.name} needs it`);
    }
  }
  const features = [...found.entries()].flatMap(([id, evidence]) => {
    const feature = FEATURE_BY_ID.get(id);
    return feature ? [{ feature, evidence }] : [];
  });

  const subjectIsProduct = named.some((n) => n.at === 0 && products.includes(n.product));
  return { products, subjectIsProduct, features, terms: { ...(products[0]?.terms ?? {}) } };
}

/** A feature's terms with the product's words laid over its own defaults. */
export function termsFor(
  feature: FeatureEntry,
  productTerms: Readonly<Record<string, string>>,
): Record<string, string> {
  return { ...feature.terms, ...productTerms };
}
