/**
 * A stated replay: a reader of a retained log must be able to go back and read it again from a past position, at its
 * own pace ("each must be able to go back and re-read everything since last Tuesday", "they must be able to rewind to
 * last Tuesday and reprocess", "a new service must be able to rebuild its state from the first ball of the season",
 * "… at their own pace, with replay after a bug", "new views must be buildable from history"). It is the rule
 * guarantee `replay-from` (engine/stated-rules.ts), kept by each reader's own committed position in a log that keeps
 * its records whatever any reader has read (`consumer-offsets`). A copy rebuilt from its source when the two disagree
 * is no replay of this kind: `parseRebuiltFrom` in engine/nfr-parse.ts reads it (a reconciliation check and a rebuild).
 *
 * The quote runs from the start of the requirement clause (back over clauses that only qualify it: ", at their own
 * pace", ", with replay after a bug") to its end (through the same qualifiers after it), so the requirement ledger
 * reads the whole clause through the rule made from it.
 */
export interface ReplaySaid {
  kind: "replay-from";
  quote: string;
}

/** A modal that asks for an ability ("must be able to", "should be able to", "can"). */
const ABLE = String.raw`(?:must|should|has to|have to|needs? to|will)\s+(?:always\s+)?be\s+able\s+to\s+`;
/** The acts of reading a log again from a past position. */
const REREAD = String.raw`(?:go\s+back\s+and\s+)?(?:re-?read|rewind|replay|reprocess|re-?consume|re-?play|rebuild\s+(?:its|their)\s+(?:own\s+)?state|read\s+(?:the|its|their)\s+(?:whole|entire|full|complete)\s+history)\b`;

const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b${ABLE}${REREAD}`, "i"),
  // "new views must be buildable from history", "… rebuildable from the event log"
  /\b(?:must|should|can)\s+(?:always\s+)?be\s+(?:re)?buildable\s+from\s+(?:the\s+|its\s+|their\s+)?(?:whole\s+|full\s+)?(?:history|event\s+log|log|first\s+event|beginning|start)\b/i,
  // "… at their own pace, with replay after a bug"
  /\bwith\s+(?:a\s+)?(?:replay|rewind)s?\s+(?:after|from|of|to)\b/i,
];

/** A comma clause that only qualifies the requirement before it ("at their own pace", "with replay after a bug"). */
const QUALIFIES = /^\s*(?:at|with|without|from|in|on|even|if|when|while|until|since|starting|and\s+then|then)\b/i;

/** The prompt with each thousands comma ("2,000 shards") masked, so it marks no clause. */
const unmarked = (prompt: string) => prompt.replace(/(?<=\d),(?=\d)/g, "_");

/** Where the clause holding a point starts: after the last mark before it, back over clauses that only qualify. */
export function startOf(said: string, at: number): number {
  const prompt = unmarked(said);
  let start = at;
  for (let i = 0; i < 4; i++) {
    const before = prompt.slice(0, start);
    const mark = Math.max(...[".", ";", ":", "!", "?", ",", "(", "\n"].map((c) => before.lastIndexOf(c)));
    start = mark + 1;
    // a clause opened by a qualifying word belongs to the one before it (only across a comma)
    if (prompt.charAt(mark) !== "," || !QUALIFIES.test(prompt.slice(start))) break;
    start = mark;
  }
  while (start < at && /\s/.test(prompt.charAt(start))) start++;
  return start;
}

/** Where the clause holding a point ends: at the next mark, past comma clauses that only qualify it. */
export function endOf(said: string, at: number): number {
  const prompt = unmarked(said);
  let end = at;
  for (let i = 0; i < 4; i++) {
    const stop = /[,.;:!?\n]/.exec(prompt.slice(end));
    end = stop ? end + stop.index : prompt.length;
    if (prompt.charAt(end) !== "," || !QUALIFIES.test(prompt.slice(end + 1))) break;
    end += 1;
  }
  return end;
}

/** The replay rule a prompt states (its first), if it states one. */
export function parseReplay(prompt: string): ReplaySaid | undefined {
  let first: RegExpExecArray | undefined;
  for (const re of PATTERNS) {
    const m = re.exec(prompt);
    if (m && (!first || m.index < first.index)) first = m;
  }
  if (!first) return undefined;
  const quote = prompt
    .slice(startOf(prompt, first.index), endOf(prompt, first.index + first[0].length))
    .trim()
    .replace(/^(?:and|but|or|so|then)\s+/i, "");
  return { kind: "replay-from", quote };
}
