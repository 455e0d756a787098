import type { Design } from "../../engine/design/design.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import { countWords, lowerFirst, MAX_SENTENCE_WORDS, sentence, speakable, speakInput, speakNumber } from "./speak.js";

/**
 * The design's answer to a target the prompt states (a failover bound, a latency budget, durability nines):
 * the figure the design holds against it, its parts, what is left spare, and a case that goes past it. These
 * are the design's best numbers, so the script says them in the sizing step instead of the hottest load alone.
 * Only figures that read the stated value qualify: one the capacity model bounds by it (`bound`), or one that
 * subtracts its parts from it (a slack). Nothing here is assumed beyond the design's own rows.
 */

type Figure = Design["capacity"][number];
type Input = Figure["inputs"][number];

/** What a target's sentences cover: the figures said, so the sizing story does not say them again. */
export interface TargetSaid {
  lines: string[];
  covers: ReadonlySet<string>;
}

const namesOf = (f: Figure): string[] => (f.formula.split(" = ")[1] ?? "").match(/[A-Za-z_]\w*/g) ?? [];

/** A duration or a small amount as said aloud: 0.5 s -> "half a second", 30 ms -> "30 milliseconds". */
function amount(value: number, unit: string | undefined): string | undefined {
  if (unit === "s" && value === 0.5) return "half a second";
  // a sub-second share is said in milliseconds: "20 milliseconds", never "0.02 seconds"
  if (unit === "s" && value < 1) return amount(+(value * 1000).toPrecision(6), "ms");
  if (unit === "s") return `${speakNumber(value)} second${value === 1 ? "" : "s"}`;
  if (unit === "ms") return `${speakNumber(value)} millisecond${value === 1 ? "" : "s"}`;
  // a share: "5 percent", "0.1 percent"
  if (unit === "fraction") return `${+(value * 100).toPrecision(2)} percent`;
  return undefined;
}

/** A value too small to say in digits, said by its power of ten: 8.26e-26 -> "about ten to the minus 25". */
function tiny(value: number): string {
  const exp = Math.round(Math.log10(value));
  const exact = Math.abs(value - 10 ** exp) <= 1e-9 * 10 ** exp;
  return `${exact ? "" : "about "}ten to the minus ${-exp}`;
}

/** A figure's value as said: a duration in its unit, a tiny rate by its power of ten. */
function valueSaid(f: { value: number; unit: string }): string | undefined {
  if (f.value > 0 && f.value < 1e-4) return tiny(f.value);
  const a = amount(+f.value.toPrecision(2), f.unit);
  return a ? `about ${a}` : undefined;
}

/** An input said as one share of a budget: "3 seconds of lease", else by its label. */
function partSaid(input: Input): string | undefined {
  const q = QUANTITY_BY_ID.get(input.name);
  const a = amount(input.value, input.unit ?? q?.unit);
  if (a && q?.share) return `${a} ${q.share}`;
  return q ? speakInput(input.value, input.name, input.unit ?? q.unit, q.label) : undefined;
}

/** A quantity's words without its parenthesised asides. */
const plain = (quantity: string): string =>
  lowerFirst(speakable(quantity.replace(/\s*\([^()]*\)/g, "")))
    .replace(/\s+/g, " ")
    .trim();

/** The stated input a bound rests on: the input itself, or the stated input of the figure the bound names. */
function statedOf(d: Design, f: Figure, name: string): { input: Input; allows?: Figure } | undefined {
  const own = f.inputs.find((x) => x.name === name && x.source === "stated");
  if (own) return { input: own };
  const allows = d.capacity.find((c) => c.id === name);
  const input = allows?.inputs.find((x) => x.source === "stated");
  if (allows && input) return { input, allows };
  // a bound the figure's own formula does not read (a path's steps held to the stated latency): the stated input as
  // another figure of the design reads it
  const read = d.capacity.flatMap((c) => c.inputs).find((x) => x.name === name && x.source === "stated");
  return read ? { input: read } : undefined;
}

/** The prompt's own words for a stated input: "the prompt says 'eleven nines of durability'" -> "eleven nines of durability". */
const quoteOf = (input: Input): string | undefined => /^the prompt says '(.+)'$/.exec(input.because)?.[1];

/** A stated target as said: "the stated failover bound is 5 seconds", else in the prompt's words. */
function targetSaid(input: Input): string | undefined {
  const q = QUANTITY_BY_ID.get(input.name);
  const a = amount(input.value, input.unit ?? q?.unit);
  if (a && q) return `The stated ${plain(q.label).replace(/^stated /, "")} is ${a}`;
  const quote = quoteOf(input);
  return quote ? `The prompt asks for ${quote}` : undefined;
}

/** The parts of a sum ("lease_seconds + expiry_check_seconds + notify_seconds"), each an input said as a share. */
function sumParts(f: Figure, names: readonly string[]): string[] | undefined {
  if (!/^[\w\s+]+$/.test(f.formula.split(" = ")[1] ?? "") || names.length < 2) return undefined;
  const parts = names.map((n) => f.inputs.find((x) => x.name === n)).map((x) => (x ? partSaid(x) : undefined));
  return parts.every((x): x is string => x !== undefined) ? parts : undefined;
}

/**
 * A sum said with its parts: one sentence when it is short enough to say in one breath, else the total first and the
 * parts in sentences of at most three ("The time one request takes along its path is about 37 milliseconds in all.
 * That is 20 milliseconds for the client's round trip, plus 2 milliseconds in the gateway, plus …").
 */
function partsSaid(what: string, parts: readonly string[], result: string): string[] {
  const whole = `The ${what} is ${parts.join(", plus ")}: ${result} in all`;
  if (countWords(whole) <= MAX_SENTENCE_WORDS) return [sentence(whole)];
  const out = [sentence(`The ${what} is ${result} in all, in ${speakNumber(parts.length)} steps`)];
  // the parts in even sentences of at most three: four parts are said two and two, not three and one
  const size = Math.ceil(parts.length / Math.ceil(parts.length / 3));
  for (let i = 0; i < parts.length; i += size) {
    const chunk = parts.slice(i, i + size);
    const said = chunk.length > 1 ? `${chunk.slice(0, -1).join(", ")} and ${chunk.at(-1)}` : (chunk[0] ?? "");
    out.push(sentence(i === 0 ? `That is ${said}` : `Then ${said}`));
  }
  return out;
}

/** A figure bounded by a stated target, said against it with its parts, the spare left and a case past it. */
function boundSaid(d: Design, t: Figure): TargetSaid | undefined {
  const bound = t.bound;
  if (!bound) return undefined;
  const stated = statedOf(d, t, bound.quantity);
  const head = stated ? targetSaid(stated.input) : undefined;
  const result = valueSaid(t);
  if (!stated || !head || !result) return undefined;
  const covers = new Set([t.id]);
  const lines: string[] = [];
  const limit = stated.allows ? valueSaid(stated.allows) : undefined;
  // the figure the stated value allows, with what it counts: "at most ten to the minus 11 losses per object a year"
  const counted = stated.allows ? /^(\w+)\/yr$/.exec(stated.allows.unit)?.[1] : undefined;
  const per = stated.allows ? /\bper (\w+)/.exec(stated.allows.quantity)?.[0] : undefined;
  const allows = limit && counted ? `, which allows at most ${limit} ${counted}${per ? ` ${per}` : ""} a year` : "";
  lines.push(sentence(`${head}${allows}`));
  if (stated.allows) covers.add(stated.allows.id);
  const names = namesOf(t);
  const parts = sumParts(t, names);
  // a bound figure a model reads from its own earlier figure ("idle_after_crash = lease_seconds") is one of its parts
  for (const c of d.capacity) {
    const rhs = namesOf(c);
    if (rhs.length === 1 && c.formula.split(" = ")[1]?.trim() === rhs[0] && names.includes(rhs[0] ?? ""))
      covers.add(c.id);
  }
  const what = plain(t.quantity);
  // meeting a bound exactly leaves nothing for a slow step, so it is said as no headroom, not as inside it
  const exact = Math.abs(t.value - bound.value) <= bound.value * 0.005;
  const inside =
    t.value <= bound.value / 100
      ? ", far inside it"
      : exact
        ? ", exactly at it, with no headroom"
        : t.value <= bound.value
          ? ", inside it"
          : ", past it";
  // the spare is the bound less the sum of its named parts, said once, with its share of the bound (the headroom)
  const left = bound.value - t.value;
  lines.push(
    ...(parts
      ? partsSaid(what, parts, result)
      : [sentence(`The model puts ${what.replace(/,\s*(.+)$/, ", $1,")} at ${result}${inside}`)]),
  );
  // a stated share (an overshoot, an error) is kept by a timing the bound sets: said as how the bound is kept
  if (t.unit === "fraction" && t.value <= bound.value) lines.push(...keptBy(t, bound.quantity));
  // what is left of the stated bound: a figure that subtracts this one from it names what the spare is for
  const spare = d.capacity.find((c) => new RegExp(`^\\w+ = ${bound.quantity} - ${t.id}$`).test(c.formula));
  if (spare) covers.add(spare.id);
  // a share of the stated bound the path uses (steps / bound) is the headroom said here
  for (const c of d.capacity) if (c.formula.endsWith(`= ${t.id} / ${bound.quantity}`)) covers.add(c.id);
  const forWhat = spare ? /\bspare (for .+)$/.exec(plain(spare.quantity))?.[1] : undefined;
  // said to two figures, "about" where that rounds it ("about 140 milliseconds" for 142)
  const rounded = +left.toPrecision(2);
  const leftAmount = !exact && left > 0 && (parts || spare) ? amount(rounded, t.unit) : undefined;
  const leftSaid = leftAmount && Math.abs(rounded - left) > 1e-9 * bound.value ? `about ${leftAmount}` : leftAmount;
  if (parts && exact) lines.push(sentence("That is exactly the bound, with no headroom for a slow step"));
  else if (leftSaid)
    lines.push(
      sentence(
        `That leaves ${leftSaid}, ${Math.round((left / bound.value) * 100)} percent of the bound, spare ${forWhat ?? "for a slow step"}`,
      ),
    );
  else if (parts && t.value > bound.value) lines.push(sentence("That is past the bound"));
  // a case of the same sum with more in it that goes past the bound: said with when it happens, so the bound is
  // promised for what it covers
  const past = d.capacity.find(
    (c) =>
      c !== t &&
      c.unit === t.unit &&
      c.value > bound.value &&
      names.every((n) => namesOf(c).includes(n)) &&
      /\bwhen (.+?)(?:\s*\(|$)/.test(c.quantity),
  );
  const when = past ? /\bwhen (.+?)(?:\s*\(|$)/.exec(past.quantity)?.[1] : undefined;
  const pastValue = past ? valueSaid(past) : undefined;
  if (past && when && pastValue) {
    covers.add(past.id);
    const single = /\balso\b/.test(when) ? ", so the bound holds for one failure at a time" : "";
    lines.push(sentence(`When ${speakable(when)}, it takes ${pastValue}, past the bound${single}`));
  }
  return { lines, covers };
}

/**
 * The inputs a stated bound sets (a sync interval derived from an overshoot bound), said as how the bound is kept:
 * "To keep it, the bound sets the sync interval of local allowances to about 110 milliseconds".
 */
function keptBy(t: Figure, bound: string): string[] {
  return t.inputs
    .filter((i) => i.source !== "stated" && /^not stated; derived as /.test(i.because) && i.because.includes(bound))
    .flatMap((i) => {
      const q = QUANTITY_BY_ID.get(i.name);
      const a = amount(+i.value.toPrecision(2), i.unit ?? q?.unit);
      const what = q ? plain(q.label) : undefined;
      if (!a || !what || countWords(what) > 8) return [];
      const about = Math.abs(+i.value.toPrecision(2) - i.value) > 1e-9 * i.value ? "about " : "";
      return [sentence(`To keep it, the bound sets the ${what} to ${about}${a}`)];
    });
}

/** A slack figure: a stated target less its parts ("latency_budget_ms - network_rtt_ms - edge_ms - lookup_ms"). */
function slackSaid(d: Design, f: Figure): TargetSaid | undefined {
  const rhs = f.formula.split(" = ")[1] ?? "";
  const m = /^\s*(\w+)((?:\s*-\s*\w+)+)\s*$/.exec(rhs);
  const target = m ? f.inputs.find((x) => x.name === m[1] && x.source === "stated") : undefined;
  if (!m?.[2] || !target) return undefined;
  // a slack that subtracts a figure (the spare of a bound) is said with that bound
  if (d.capacity.some((c) => m[2]?.includes(c.id))) return undefined;
  const names = m[2].match(/\w+/g) ?? [];
  const parts = names.map((n) => f.inputs.find((x) => x.name === n)).map((x) => (x ? partSaid(x) : undefined));
  const allowed = amount(target.value, target.unit ?? QUANTITY_BY_ID.get(target.name)?.unit);
  const left = valueSaid(f);
  if (!allowed || !left || !parts.every((x): x is string => x !== undefined)) return undefined;
  const spent = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  // one part taken off is not a budget over the path: what is left still pays for every other step of it
  const share = target.value > 0 ? Math.round((f.value / target.value) * 100) : 0;
  const rest = parts.length > 1 ? `${left} spare` : `${left} for every other step of the path, still to be budgeted`;
  const headroom = parts.length > 1 ? [sentence(`That is ${share} percent of the bound, kept for a slow step`)] : [];
  return {
    lines: [sentence(`Of the ${allowed} the prompt allows, I spend ${spent}, which leaves ${rest}`), ...headroom],
    covers: new Set([f.id]),
  };
}

/** Every stated target's answer in the design, in capacity order. */
export function targetsSaid(d: Design): TargetSaid {
  const lines: string[] = [];
  const covers = new Set<string>();
  for (const f of d.capacity) {
    if (covers.has(f.id)) continue;
    const said = boundSaid(d, f) ?? slackSaid(d, f);
    if (!said) continue;
    lines.push(...said.lines);
    for (const c of said.covers) covers.add(c);
  }
  return { lines, covers };
}
