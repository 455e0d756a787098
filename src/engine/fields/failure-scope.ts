import { MECHANISM_FAILURES } from "../../knowledge/mechanism-failures.js";
import { PART_NOUNS } from "../../knowledge/part-nouns.js";
import type { MechanismRow, OperationRow } from "../design/types.js";
import { pattern } from "../text.js";

type MechanismFailure = (typeof MECHANISM_FAILURES)[number];

/**
 * Whether the design holds a mechanism as a working part, so that the failure it exists to survive can happen
 * here: an operation the design draws uses it, or a chosen decision option is it. A mechanism a predicate only
 * recommends (a lease because some write must go to one actor) names no holder, resource or sweeper of this
 * design, and its generic failure row ("the holder crashes … higher fencing token") would describe parts the
 * design does not have.
 */
export function mechanismCarried(
  m: Pick<MechanismRow, "id" | "because">,
  operations: readonly OperationRow[],
): boolean {
  return operations.some((o) => o.mechanism === m.id) || m.because.some((b) => b.startsWith("decision "));
}

const PARTS = PART_NOUNS.map((p) => ({
  part: p.part,
  namedOnly: p.namedOnly === true,
  says: new RegExp(p.words, "i"),
  drawn: new RegExp(p.drawn ?? p.words, "i"),
}));

/** What a design draws, in words: each component's id, name, what it holds and runs, and the parts the prompt names. */
export interface DrawnWords {
  text: string;
  said: readonly string[];
}
export const drawnWords = (
  components: readonly { id: string; name: string; holds?: readonly string[]; runs?: readonly string[] }[],
  said: readonly string[],
): DrawnWords => ({
  text: components.flatMap((c) => [c.id.replace(/-/g, " "), c.name, ...(c.holds ?? []), ...(c.runs ?? [])]).join("\n"),
  said,
});

/** The parts (`knowledge/part-nouns.ts`) a prompt names itself ("servers watch" names watchers). */
export const partsSaid = (prompt: string): string[] => PARTS.filter((p) => p.drawn.test(prompt)).map((p) => p.part);

const drawnPart = (p: (typeof PARTS)[number], drawn: DrawnWords) =>
  drawn.said.includes(p.part) || p.drawn.test(drawn.text);

/**
 * The parts a row's words name (`knowledge/part-nouns.ts`: a sweeper, a watch's watchers, a consumer's offsets) that
 * the design does not draw: none of its components' names, records or runs, nor the prompt, says them.
 */
export function undrawnParts(text: string, drawn: DrawnWords): string[] {
  return PARTS.filter((p) => !p.namedOnly && p.says.test(text) && !drawnPart(p, drawn)).map((p) => p.part);
}

/** The parts a mechanism's failure row speaks of besides the mechanism (`names`) that the design does not draw. */
export function undrawnNames(row: MechanismFailure, drawn: DrawnWords): string[] {
  return PARTS.filter((p) => row.names?.includes(p.part) && !drawnPart(p, drawn)).map((p) => p.part);
}

/**
 * A mechanism's failure row holds in this design: the mechanism is carried, a row that speaks of one
 * archetype's parts (the budget store of a rate limiter) appears only where that archetype is in the design, and
 * every part besides the mechanism the row speaks of is drawn (`undrawnNames`: no sweeper where nothing sweeps).
 */
export function failureRowHolds(
  row: MechanismFailure,
  m: Pick<MechanismRow, "id" | "because">,
  operations: readonly OperationRow[],
  archetypes: readonly { id: string }[],
  drawn: DrawnWords,
): boolean {
  return (
    mechanismCarried(m, operations) &&
    (!row.archetype || archetypes.some((a) => a.id === row.archetype)) &&
    undrawnNames(row, drawn).length === 0
  );
}

/** The mechanism failure row a design's failure row was taken from, by its words. */
export const MECHANISM_FAILURE_BY_TEXT: ReadonlyMap<string, MechanismFailure> = new Map(
  MECHANISM_FAILURES.map((r) => [r.failure, r]),
);

/** A part that decides the order of a subject's writes: it assigns their sequence, or sequences or leads a log. */
export const ORDER_AUTHORITY_RUNS = /^assign (?:seq|sequence|sequence numbers?)$/i;
// (a part placed "one per partition leader", such as a work queue's visibility-timeout scanner, runs beside the leader
// and orders nothing itself)
export const ORDER_AUTHORITY_NAME = /\bsequencers?\b|(?<!\bper )\bpartition leaders?\b/i;

/** The drawn parts that decide the order of a subject's writes (a chat's conversation owner, a document sequencer). */
export function orderingAuthorities<C extends { name: string; runs: readonly string[] }>(
  components: readonly C[],
): C[] {
  return components.filter(
    (c) => c.runs.some((r) => ORDER_AUTHORITY_RUNS.test(r)) || ORDER_AUTHORITY_NAME.test(c.name),
  );
}

/** A failure that takes a part away: it crashes, dies, fails over or goes down (not one that only slows it). */
const CRASH =
  /\b(?:crash\w*|dies|dead|fails(?! to)|fail over|fails over|failover|goes down|is down|restarts?|unreachable|outage)\b/i;

/** Words of a part's name too general to say which part a failure is about. */
const GENERIC_NOUN = /^(?:service|services|store|stores|server|servers|workers?|nodes?|brokers?|cluster)$/;

/**
 * Whether a failure row is the crash of a drawn part: its failure takes a part away, and names this one by the
 * head of its name ("message service"), its own noun ("matcher" of "Symbol matcher") or the role its name says it
 * plays (an owner, a sequencer, a leader: "the host owning a subject dies").
 */
export function crashOf(failure: string, component: { name: string }): boolean {
  if (!CRASH.test(failure)) return false;
  const text = failure.toLowerCase();
  const head = (component.name.split(" (")[0] ?? component.name).toLowerCase();
  const noun = head.split(/\s+/).at(-1) ?? head;
  const singular = (w: string) => w.replace(/s$/, "");
  if (text.includes(singular(head))) return true;
  if (!GENERIC_NOUN.test(noun) && pattern(`\\b${singular(noun)}s?\\b`).test(text)) return true;
  const roles: [RegExp, RegExp][] = [
    [/\bowners?\b/i, /\bown(?:er|ers|ing|s)\b/],
    [/\bsequencers?\b/i, /\bsequenc(?:er|ers|es|ing)\b/],
    [/\bleaders?\b/i, /\bleaders?\b/],
  ];
  // (a role word alone is too common, "the holder crashes while it owns the resource": the subject the name
  // says the part owns, "one owner per subject", is named too)
  const unit = /\bper ([a-z]+)/i.exec(component.name)?.[1]?.toLowerCase();
  if (unit && !pattern(`\\b${unit}s?\\b`).test(text)) return false;
  return roles.some(([named, said]) => named.test(component.name) && said.test(text));
}
