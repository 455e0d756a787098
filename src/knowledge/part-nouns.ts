/**
 * Nouns that name a part a design may or may not draw: a sweeper, a watch's watchers, a reconciler, a consumer's
 * offsets, a published tag. A row carried in from a neighbouring card that says one of them (`words`) holds only where
 * the design draws that part: a component's name, what it holds or runs, or the prompt says it (`drawn`, the words
 * that count as drawing it; `words` when unset). "The sweeper releases a hold" in a design where nothing sweeps
 * describes another design's parts (coherence `row-names-undrawn`).
 */
export const PART_NOUNS: readonly Readonly<{
  part: PartName;
  words: string;
  drawn?: string;
  /** A word too common to read as this part in any row's text: only a row that `names` it asks for it. */
  namedOnly?: true;
}>[] = [
  // (a coordination service's session expiry loop is its sweeper)
  {
    part: "a sweeper",
    words: String.raw`\bsweepers?\b`,
    drawn: String.raw`\bsweep(?:er|ers|s)?\b|\bexpiry loop\b|\breap(?:er|ers)?\b`,
  },
  { part: "watchers", words: String.raw`\bwatchers?\b`, drawn: String.raw`\bwatch(?:es|ers?|ing)?\b` },
  // (a holder's lease with an authority that expires it: a lock's lease, a session with a coordination service, a
  // worker's claim on a run; a word too common to read as this part in any row's text)
  {
    part: "a lease",
    words: String.raw`\bleases?\b`,
    drawn: String.raw`\bleases?\b|\bsessions?\b|\bkeep-?alives?\b|\bclaims?\b`,
    namedOnly: true,
  },
  { part: "a reconciler", words: String.raw`\breconcilers?\b`, drawn: String.raw`\breconcil` },
  { part: "consumer offsets", words: String.raw`\boffsets?\b`, drawn: String.raw`\boffsets?\b|\bconsumers?\b` },
  { part: "a published tag", words: String.raw`\btags?\b` },
  { part: "a manifest", words: String.raw`\bmanifests?\b` },
  // (a leaderless store's coordinators and replicas have no leader to fail over; a consensus group, a sequencer, a
  // master, an owner or a database's primary is one)
  {
    part: "a leader or primary",
    words: String.raw`\bleaders?\b|\bprimary\b`,
    drawn: String.raw`\bleaders?\b|\bprimar(?:y|ies)\b|\bmasters?\b|\bsequencers?\b|\bowners?\b|\bconsensus\b|\bRaft\b|\belect|\bdatabases?\b|\bDB\b|\bSQL\b`,
  },
  // (memory pressure evicts only from a part that keeps values in bounded memory)
  {
    part: "a memory-bounded cache",
    words: String.raw`\bmemory pressure\b`,
    drawn: String.raw`\bcach(?:e|es|ing)\b|\bevict|\bin-memory\b|\bin memory\b|\bTTL\b|\bsessions?\b`,
  },
];

/** A part `PART_NOUNS` names. */
export type PartName =
  | "a sweeper"
  | "watchers"
  | "a lease"
  | "a reconciler"
  | "consumer offsets"
  | "a published tag"
  | "a manifest"
  | "a leader or primary"
  | "a memory-bounded cache";
