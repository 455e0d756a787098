import { type ControlOperation, controlOperation } from "../knowledge/control-operations.js";
import { CONTROL, CONTROL_VERB } from "../knowledge/requirement-kinds.js";
import type { ApiRow } from "./design/types.js";
import { pluralOf } from "./stock-records.js";

/** A control verb a clause grants, with the record it names. */
export interface GrantedControl {
  control: ControlOperation;
  /** The verb as the prompt says it ("pause", "muted"). */
  said: string;
  /** The head noun of the record the verb acts on ("schedule" of "pause or edit a schedule"), if the clause names one. */
  record: string | undefined;
  /** The prompt's words that grant it, from the clause's start to the record ("teams can pause or edit a schedule"). */
  quote: string;
}

/** Words that say several people act on one thing at one time ("edit the same document at once"). */
const CONCURRENT = /\b(?:at once|at the same time|concurrent\w*|simultaneous\w*|together|the same)\b/i;

/** Words that end a record's noun phrase after a control verb. */
const PHRASE_END =
  /^(?:at|in|on|by|for|from|with|without|within|until|before|after|while|when|if|unless|so|and|or|but|that|which|who|to|any|anytime)$/i;
const DETERMINER = /^(?:a|an|the|their|his|her|its|our|your|my|any|each|every|some|all|one|own|them|it)$/i;

/**
 * The control verbs a clause grants to someone ("teams can pause or edit a schedule": pause, edit), each with the
 * record it acts on: the noun phrase after the last granted verb, up to a preposition or joining word, its last word.
 * A verb no words grant ("a GC pause", "downloads resume") is none.
 */
export function grantedControls(text: string): GrantedControl[] {
  const out: GrantedControl[] = [];
  for (const m of text.matchAll(new RegExp(CONTROL.source, "gi"))) {
    const start = Math.max(
      0,
      ...[...text.slice(0, m.index).matchAll(/(?:[,;:.]\s*|\b(?:and|while|but)\s+)/gi)].map(
        (b) => (b.index ?? 0) + b[0].length,
      ),
    );
    for (const g of grantedAt(text.slice(start), m.index - start))
      if (!out.some((o) => o.control.verb === g.control.verb)) out.push(g);
  }
  return out;
}

/** The control verbs granted at `at` of a clause (a match of CONTROL), with the record they act on. */
function grantedAt(clause: string, at: number): GrantedControl[] {
  const m = CONTROL.exec(clause.slice(at));
  if (!m || m[1] === undefined) return [];
  m.index = (m.index ?? 0) + at;
  const said = [m[1]];
  // the record's words stop at the clause's end ("… an episode, listeners can …")
  let rest = clause.slice((m.index ?? 0) + m[0].length);
  let restAt = (m.index ?? 0) + m[0].length;
  const more = new RegExp(String.raw`^(?:\s*,\s*|\s+(?:or|and|and/or)\s+)(${CONTROL_VERB.source})\b`, "i");
  for (let n = more.exec(rest); n?.[1] !== undefined; n = more.exec(rest)) {
    said.push(n[1]);
    rest = rest.slice(n[0].length);
    restAt += n[0].length;
  }
  rest = rest.slice(0, /[,;:.!?]/.exec(rest)?.index ?? rest.length);
  // "can be paused": the record is the clause's subject, before the verb
  const passive = /\bbe\s+$/i.test(clause.slice(0, (m.index ?? 0) + m[0].length - m[1].length));
  const words = passive
    ? (clause.slice(0, m.index).match(/[A-Za-z][\w-]*/g) ?? []).filter((w) => !/^(?:can|may)$/i.test(w))
    : (rest.match(/[A-Za-z][\w-]*/g) ?? []);
  const phrase: string[] = [];
  for (const w of words) {
    // "unsubscribe from a show": a preposition before any noun opens the phrase
    if (!passive && phrase.length === 0 && PHRASE_END.test(w) && !/^(?:and|or|but|so|that|which|who)$/i.test(w))
      continue;
    if (PHRASE_END.test(w)) {
      if (passive) phrase.length = 0;
      else break;
      continue;
    }
    if (!DETERMINER.test(w)) phrase.push(w);
  }
  const head = phrase[phrase.length - 1]?.toLowerCase();
  const record = head ? singular(head) : undefined;
  // the grant is quoted to its clause's end ("owners can disable or edit a rule from the app")
  const end = passive ? (m.index ?? 0) + m[0].length : restAt + rest.length;
  const quote = clause.slice(0, end).trim();
  const out: GrantedControl[] = [];
  // many people editing one thing at once is the collaboration's own write, not a control of a record
  const together = CONCURRENT.test(quote);
  for (const s of said) {
    const control = controlOperation(s);
    if (together && control?.operation === "overwrite current value") continue;
    if (control && !out.some((o) => o.control.verb === control.verb)) out.push({ control, said: s, record, quote });
  }
  return out;
}

/** A plural noun's singular, roughly ("categories" → "category", "schedules" → "schedule"). */
const singular = (w: string): string =>
  /ies$/.test(w)
    ? `${w.slice(0, -3)}y`
    : /(?:ss|us)$/.test(w)
      ? w
      : /(?:ches|shes|xes)$/.test(w)
        ? w.slice(0, -2)
        : w.replace(/s$/, "");

/**
 * The call of a control operation the prompt grants on a record: a POST on that record naming the verb, carrying the
 * state or version the caller expects, answering 409 when the record is no longer in it.
 */
export function controlCall(g: GrantedControl, entity: string, archetype: string, clause: string): ApiRow {
  const noun = g.record ?? entity.toLowerCase();
  const key = `${noun.replace(/\W+/g, "_")}_id`;
  const c = g.control;
  const moves = c.from && c.to;
  return {
    operation: `${c.verb} ${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`,
    call: `POST /v1/${pluralOf(noun).replace(/[^a-z0-9]+/g, "-")}/{${key}}:${c.verb}`,
    request: [moves ? "expected_state" : "expected_version", ...(moves ? [] : ["value"]), "idempotency_key"],
    response: [moves ? "state" : "value", "version"],
    errors: [
      `404 unknown ${key}`,
      moves
        ? `409 the ${noun} is not ${c.from}, so it cannot be ${c.to === "active" ? "made active" : c.to}`
        : "409 version changed since it was read",
    ],
    guarantee: moves
      ? `moves the ${noun} from ${c.from} to ${c.to} by a conditional write that names the state it expects; a retry with the same idempotency key is applied once`
      : `replaces the ${noun}'s value only while its version is the one the caller read`,
    archetype,
    because: `the prompt asks '${clause}'`,
  };
}
