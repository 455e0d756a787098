/**
 * The kinds of thing a requirement clause of a prompt may ask for, read from its words, so a clause the design
 * carries by nothing is named with what it asks ("teams can pause or edit a schedule": a control operation on a
 * record) rather than dropped silently (engine/requirement-ledger.ts, coherence `requirement-not-carried`).
 *
 * `asks` is what the design would need to carry it, in words for the design document, the script and the coherence
 * detail; `words` is read on the clause's own text. Rows are tried in order and the first that matches names the
 * kind, so a narrower kind stands before a broader one it overlaps (a catch-up on reconnect before a delivery).
 */
export interface RequirementKind {
  id: string;
  /** What a clause of this kind asks the design for. */
  asks: string;
  words: RegExp;
  /**
   * Whether a clause of this kind that nothing in the design reads is flagged (coherence `requirement-not-carried`)
   * and said in the script: a kind whose words reliably state an ask the design owes an answer to. A broader kind
   * ("can", "fails") is shown as not carried in the document and the JSON only, since its words also open clauses a
   * design answers without quoting them (a failure row, a capability of the subject).
   */
  owed: boolean;
}

export const REQUIREMENT_KINDS: readonly RequirementKind[] = [
  {
    id: "catch-up",
    asks: "a catch-up read: what a client missed while away, read from its last position",
    words:
      /\b(?:(?:were|was|went|are|is|goes|go|been)\s+offline|reconnect\w*|come[s]? back online|missed|catch(?:es)? up|while (?:they were |it was )?(?:away|disconnected))\b/i,
    owed: true,
  },
  {
    id: "downstream-protection",
    asks: "load shaping that protects a downstream part (coalescing, jittered warm-up, admission)",
    words:
      /\b(?:(?:must not|never|without|cannot|can't|shouldn't|should not|won't|not)\s+(?:\w+\s+){0,2}(?:flood|overload|overwhelm|stampede|hammer|swamp|melt)\w*|thundering herd|stampede)\b/i,
    owed: true,
  },
  {
    id: "control",
    asks: "a control operation on the owned record (its call and the state it changes)",
    // a control verb after the words that grant it ("teams can pause or edit a schedule", "lets riders cancel"): a
    // bare "change" or "update" is as often a noun or the system's own write ("every change is replicated")
    words:
      /\b(?:can|may|could|able to|lets?\s+\w+|allows?\s+\w+\s+to)\s+(?:\w+\s+){0,2}?(?:pause|resume|edit|cancel|reschedule|disable|enable|suspend|update|delete|remove|revoke|modify|change|rename|archive|undo|retract|withdraw)\b/i,
    owed: true,
  },
  {
    id: "latency",
    asks: "a latency bound on a named path, spent over that path's steps",
    words:
      /\b(?:under|below|within|less than|at most|in)\s+(?:\d[\d.,]*\s*)(?:ms|milliseconds?|µs|microseconds?|s|sec|seconds?)\b|\bp(?:50|90|95|99|999)\b/i,
    owed: true,
  },
  {
    id: "retention",
    asks: "a retention period on stored data, with what expires or is compacted after it",
    words:
      /\b(?:kept|retained|stored|keep|retain|store|history|expire\w*|deleted)\b[^,;]*\b(?:for|after)\s+\w+\s+(?:days?|weeks?|months?|years?|hours?)\b/i,
    owed: true,
  },
  {
    id: "visibility",
    asks: "a visibility or audience rule (who may see or receive what)",
    words: /\b(?:private|visible to|can see|cannot see|permission\w*|access|authori[sz]\w*)\b/i,
    owed: false,
  },
  {
    id: "recovery",
    asks: "a behaviour under failure (what survives, what resumes, from where)",
    words: /\b(?:crash\w*|fail\w*|outage|down|restart\w*|recover\w*|lost|lose|survive\w*)\b/i,
    owed: false,
  },
  {
    id: "ordering",
    asks: "an order kept within a key",
    words: /\b(?:in order|in the order|out of (?:order|sequence)|ordered|sequence)\b/i,
    owed: false,
  },
  {
    id: "capability",
    asks: "a user-facing capability: an operation and the record it reads or writes",
    words: /\b(?:can|may|lets?|allows?|able to|supports?)\b/i,
    owed: false,
  },
];

/** Whether a not-carried clause of a kind (by id) is flagged and said in the script. */
export const owedKind = (id: string | undefined): boolean => REQUIREMENT_KINDS.some((k) => k.id === id && k.owed);

/** The kinds already read, by clause text (a clause recurs design after design); bounded, emptied when full. */
const KIND_OF = new Map<string, RequirementKind | null>();

/** The kind of a requirement clause, by its words, if one is recognisable. */
export function requirementKind(clause: string): RequirementKind | undefined {
  let kind = KIND_OF.get(clause);
  if (kind === undefined) {
    kind = REQUIREMENT_KINDS.find((k) => k.words.test(clause)) ?? null;
    if (KIND_OF.size >= 4096) KIND_OF.clear();
    KIND_OF.set(clause, kind);
  }
  return kind ?? undefined;
}
