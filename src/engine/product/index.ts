export {
  composedKind,
  criticalArchetypes,
  decidedFeatureProducts,
  featureFailures,
  featureInvariants,
  featureLed,
  featureTechnology,
  realizedLead,
} from "./correctness.js";
export {
  type FeatureNotDrawn,
  type ProductRecognition,
  type RecognizedFeature,
  recognizeProduct,
  termsFor,
} from "./recognize.js";
export { fillTerms, placeholders, plural } from "./terms.js";
