/**
 * Nouns that name a part a design may or may not draw: a sweeper, a watch's watchers, a reconciler, a consumer's
 * offsets, a published tag. A row carried in from a neighbouring card that says one of them (`words`) holds only where
 * the design draws that part: a component's name, what it holds or runs, or the prompt says it (`drawn`, the words
 * that count as drawing it; `words` when unset). "The sweeper releases a hold" in a design where nothing sweeps
 * describes another design's parts (coherence `row-names-undrawn`).
 */
export const PART_NOUNS: readonly Readonly<{ part: PartName; words: string; drawn?: string }>[] = [
  // (a coordination service's session expiry loop is its sweeper)
  {
    part: "a sweeper",
    words: String.raw`\bsweepers?\b`,
    drawn: String.raw`\bsweep(?:er|ers|s)?\b|\bexpiry loop\b|\breap(?:er|ers)?\b`,
  },
  { part: "watchers", words: String.raw`\bwatchers?\b`, drawn: String.raw`\bwatch(?:es|ers?|ing)?\b` },
  { part: "a reconciler", words: String.raw`\breconcilers?\b`, drawn: String.raw`\breconcil` },
  { part: "consumer offsets", words: String.raw`\boffsets?\b`, drawn: String.raw`\boffsets?\b|\bconsumers?\b` },
  { part: "a published tag", words: String.raw`\btags?\b` },
  { part: "a manifest", words: String.raw`\bmanifests?\b` },
];

/** A part `PART_NOUNS` names. */
export type PartName =
  | "a sweeper"
  | "watchers"
  | "a reconciler"
  | "consumer offsets"
  | "a published tag"
  | "a manifest";
