import { fitsTopics, topicsSpoken, unspokenBesides } from "../../knowledge/topics.js";
import { latencyNamesFeature } from "../capacity.js";
import type { Deriver } from "../design/graph.js";
import type { FeatureRow } from "../design/types.js";
import { statedNfrsOf } from "../nfr-parse.js";
import { fillTerms, recognizeProduct, termsFor } from "../product/index.js";
import { classify } from "../recognize/index.js";

/**
 * A feature's usual promise of how fast it answers ("loads in well under a second", "answers in tens of
 * milliseconds"): where the prompt states a latency for the feature, the stated one replaces it, so the design never
 * promises two latencies for one read.
 */
const USUAL_LATENCY =
  /\b(?:in|within)\s+(?:well under a second|under a second|about a hundred milliseconds|a few hundred milliseconds|tens of milliseconds|milliseconds)(?:\s+at p99)?/i;

/** A stated latency in its own unit: 200 -> "200 ms", 1000 -> "1 s". */
const speakMs = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

export const featuresField: Deriver<"features"> = {
  field: "features",
  category: "Classified",
  reads: ["prompt", "branch"],
  rule: "for product and mixed prompts: the features a named product is known for, then those the prompt's own words name, then the features they depend on; nouns from the named product. An infra prompt whose subject is a named product ('Design Dropbox') gets that product's features beside its infra core, except a feature whose whole record the prompt's infra subject builds itself (a wallet's transfers in a bank ledger's own accounts and journal)",
  derive: (f) => {
    const infra = f.branch.kind === "infra";
    const named = recognizeProduct(f.prompt, { namedOnly: infra });
    // an infra prompt whose head names a feature that is a whole system of its own ("Design a URL shortener …")
    const whole =
      infra && !named.subjectIsProduct
        ? (() => {
            const all = recognizeProduct(f.prompt);
            const kept = all.features.filter(
              (rf) =>
                rf.feature.wholeSystem !== undefined &&
                rf.kinds.some((k) => k === "head" || k === "phrase") &&
                // a feature named in passing is a step of another system ("… and adjust loyalty points")
                (rf.feature.wholeSystemInHead !== true || rf.inHead === true),
            );
            return kept.length > 0 ? { ...all, features: kept } : undefined;
          })()
        : undefined;
    const r = whole ?? named;
    if (infra && !r.subjectIsProduct && whole === undefined) return [];
    // a feature's rows marked with a subject only the prompt's own words speak of (static places, not moving objects)
    const unspoken = unspokenBesides(topicsSpoken(f.prompt));
    const stated = statedNfrsOf(f.prompt).latency[0];
    // an infra design whose own subject builds a feature's whole record (a bank ledger's accounts and transfers are a
    // wallet's) draws that subject once: the named product brings no second copy of it
    // so does a mixed design led by that subject's archetype ("a peer-to-peer payments app where users send money
    // from a stored balance … never create money" is led by I16's ledger): its accounts and journal are the wallet's
    const leads = (id: string) =>
      f.branch.kind === "mixed" && classify(f.prompt, { branch: f.branch.kind }).archetypes[0]?.id === id;
    const built = (rf: (typeof r.features)[number]) =>
      rf.feature.builtBy !== undefined &&
      (infra || leads(rf.feature.builtBy.id)) &&
      !unspoken.includes(rf.feature.builtBy.topic);
    return r.features
      .filter((rf) => !built(rf))
      .map((rf): FeatureRow => {
        const { feature, evidence } = rf;
        const terms = termsFor(rf, r.terms);
        return {
          id: feature.id,
          name: feature.name,
          evidence,
          substrates: feature.substrates
            .filter((s) => fitsTopics(s, unspoken))
            .map((s) => ({ id: s.id, role: s.role, why: s.why })),
          actions: feature.actions
            .filter((a) => !a.hidden && fitsTopics(a, unspoken))
            .map((a) => fillTerms(a.action, terms)),
          entities: feature.entities
            .filter((e) => fitsTopics(e, unspoken))
            .map((e) => ({
              name: fillTerms(e.name, terms),
              description: fillTerms(e.description, terms),
            })),
          nfrs: feature.nfrs.map((n) => {
            const filled = fillTerms(n, terms);
            return stated && latencyNamesFeature(stated.quote, feature.id)
              ? filled.replace(USUAL_LATENCY, `within the stated ${speakMs(stated.ms)}`)
              : filled;
          }),
          terms,
        };
      });
  },
};
