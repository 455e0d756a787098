/**
 * The prompt's stated operations composed: a stated rate with what the prompt says of each one of its items — a part
 * count ("each split into 20 segments"), a size ("averaging 2 MB"), the sources it comes from ("from 50,000 hosts"), a
 * fan-out ("each of 300 partner systems receives every event") and the spacing of a stream's points ("at 10-second
 * resolution") — and the flows they derive: the parts a second, the bytes a day, each source's rate, the deliveries a
 * second and the streams held at once. Each derived flow is a scale entry in the prompt's own words, read as the
 * composition, so every model reads the composed number as stated and no qualifier is left unread. Pure.
 */
import { CARDINAL_WORDS, SCALE_WORDS } from "../knowledge/lexicon.js";
import {
  DAILY_BYTES,
  FAN_OUT,
  ITEM_SIZE_DEFAULT,
  ITEM_SIZE_OF,
  PART_RATE,
  SPACED_STOCKS,
  SPAN_DAYS,
  TWO_RETENTIONS,
  WORK_TIME_OF,
} from "../knowledge/stated-flows.js";
import { STATED_NOUNS } from "../knowledge/stated-nouns.js";
import { singularOf } from "./counted-nouns.js";
import { formatQuantity } from "./quantity-format.js";
import type { Stated } from "./stated.js";

type Scale = Record<string, Stated<number>>;

/** A qualifier the prompt says of each item of a stated flow, with its words. */
export type FlowQualifier =
  | { kind: "parts"; value: number; part: string; quote: string; said: string }
  | { kind: "size"; bytes: number; quantity: string; from: string; quote: string }
  | { kind: "sources"; value: number; source: string; quote: string; said: string }
  | { kind: "fanout"; value: number; receiver: string; quote: string }
  | { kind: "spacing"; seconds: number; quote: string; at: number }
  | { kind: "work-time"; seconds: number; quantity: string; quote: string };

/** A stated flow: its noun (singular, the prompt's word), its rate a second and its quantity, and its qualifiers. */
export interface StatedFlow {
  noun: string;
  quantity: string;
  perSec: number;
  quote: string;
  qualifiers: FlowQualifier[];
}

/** A flow derived from a stated one, as a scale entry: the quantity it lands on, its value, words and reading. */
export interface DerivedFlow {
  quantity: string;
  value: number;
  quote: string;
  reading: string;
  /** What the derivation is: the rule that composed it. */
  rule:
    | "parts"
    | "daily-bytes"
    | "deliveries"
    | "spaced-stock"
    | "spacing"
    | "item-size"
    | "sources"
    | "work-time"
    | "retentions";
  /**
   * The entry replaces what the scale held under its name: a size said of each item is re-read with the items it is
   * said of; parts whose noun names the parent's own rate are the finer unit that rate counts.
   */
  replaces?: true;
  /** Scale entries these words bound that the composition reads instead (a part count is never a stock of parts). */
  drops?: readonly string[];
}

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };
const CARDINAL = Object.keys(CARDINAL_WORDS)
  .filter((w) => (CARDINAL_WORDS[w] ?? 0) >= 2)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A count: digits with an optional suffix or scale word, or a number word ("twenty"). */
const NUM = String.raw`(\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|b)\b|\s(?:thousand|million|billion))?|(?:${CARDINAL})\b)`;
const ABOUT = String.raw`(?:(?:about|around|roughly|some|up to|an average of|on average|nearly|over)\s+)?`;
/** A noun after a count: one word, or two where the first modifies the second ("partner systems"). */
const NOUN = String.raw`([a-z][a-z-]*(?:\s+(?!each\b|apiece\b|every\b|and\b|or\b|per\b|a\b|an\b|the\b|that\b|which\b|who\b|from\b|into\b|to\b|in\b|on\b|at\b|with\b|for\b|by\b|over\b)[a-z][a-z-]*)?)`;

function countOf(said: string): number | undefined {
  const s = said.trim().toLowerCase();
  const word = CARDINAL_WORDS[s];
  if (word !== undefined) return word;
  const m = /^(\d[\d,]*(?:\.\d+)?)\s?([a-z]+)?$/.exec(s);
  if (!m) return undefined;
  const base = Number((m[1] ?? "").replace(/,/g, ""));
  const mult = m[2] ? (SCALE_WORDS[m[2]] ?? SUFFIX[m[2]]) : 1;
  return mult === undefined || !Number.isFinite(base) ? undefined : base * mult;
}

/** Words that name a unit of size or time, never a counted part. */
const NOT_A_PART =
  /^(?:kb|mb|gb|tb|pb|kib|mib|gib|tib|bytes?|bits?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|ms|percent|times|regions?|zones?|data centers?|datacenters?)$/;

/** "are each split into 20 segments", "is broken up into 8 chunks": a part count said of each item. */
const SPLIT = new RegExp(
  String.raw`\b(?:split|divided|broken|chopped|cut|chunked|sliced|sharded|expanded|fanned out|turned)\s+(?:up\s+)?into\s+${ABOUT}${NUM}\s+${NOUN}`,
  "i",
);
/** "with 20 segments each", "containing about 30 line items on average", "each with 5 attachments". */
const WITH_EACH = new RegExp(
  String.raw`\b(?:with|of|containing|holding|carrying|having|producing|yielding|generating|triggering|emitting)\s+${ABOUT}${NUM}\s+${NOUN}\s+(?:each|apiece|on average)\b`,
  "i",
);
const EACH_WITH = new RegExp(
  String.raw`\beach\s+(?:one\s+)?(?:with|containing|holding|carrying|having|made (?:up )?of|producing|yielding|generating|triggering|emitting)\s+${ABOUT}${NUM}\s+${NOUN}`,
  "i",
);
/** "from 50,000 hosts", "sent by 2 million devices", "across 8,000 stores": where the stated items come from. */
const SOURCES = new RegExp(
  String.raw`^[^.;]{0,40}?\b(?:from|sent by|reported by|emitted by|produced by|across)\s+${ABOUT}${NUM}\s+${NOUN}`,
  "i",
);
/** "each of 300 partner systems receives every event", "sent to all 40 replicas", "delivered to 12 subscribers each". */
const FANOUTS: readonly RegExp[] = [
  new RegExp(
    String.raw`\beach\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?${NUM}\s+${NOUN}\s+(?:receives|gets|sees|reads|consumes|must receive|must get)\s+(?:every|each|all)(?:\s+[a-z][a-z-]*)?\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:sent|delivered|pushed|fanned out|copied|broadcast|forwarded|replicated)\s+to\s+(?:all|each|every one)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+)?${NUM}\s+${NOUN}`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:sent|delivered|pushed|fanned out|copied|broadcast|forwarded)\s+to\s+${ABOUT}${NUM}\s+${NOUN}\s+(?:each|apiece|on average)\b`,
    "i",
  ),
];
/** "at 10-second resolution", "with a 1-minute granularity", "a resolution of 15 seconds": one stream's point spacing. */
const SPACINGS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:at|with|in)\s+(?:an?\s+)?${NUM}[- ]?(seconds?|secs?|s|minutes?|mins?|hours?)[- ](?:resolution|granularity|step|intervals?)\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:resolution|granularity|step)\s+of\s+${NUM}\s*(seconds?|secs?|s|minutes?|mins?|hours?)\b`,
    "i",
  ),
];
/** "of 20 minutes each", "averaging 12 minutes", "lasting about 45 seconds apiece": the time each item takes. */
const WORK_TIMES: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:of|lasting|taking|running|running for|each (?:lasting|taking|running(?: for)?))\s+${ABOUT}${NUM}[- ]?(seconds?|secs?|minutes?|mins?|hours?|hrs?)\s+(?:each|apiece|on average)\b`,
    "i",
  ),
  new RegExp(
    String.raw`\b(?:averaging|that average)\s+${ABOUT}${NUM}[- ]?(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b`,
    "i",
  ),
];
/** A retention span ("15 days", "one year", "a month") with its unit's stem in the second group. */
const SPAN = String.raw`(\d[\d,]*|a|an|one|${CARDINAL})\s+(day|week|month|year)s?`;
/** The span kept at the stream's own spacing, right before it ("15 days at 10-second resolution"). */
const RAW_SPAN = new RegExp(
  String.raw`\b${SPAN}\s+(?:of\s+(?:raw\s+|full[- ]resolution\s+)?(?:data|samples|points|readings|metrics)\s+)?$`,
  "i",
);
/** The span rollups are kept for ("one year of hourly rollups", "2 years of 5-minute rollups"), with their step. */
const ROLLUP_SPAN = new RegExp(
  String.raw`\b${SPAN}\s+of\s+(?:(hourly|daily|(?:\d+|one)[- ](?:second|minute|hour|day))\s+)?(?:rollups?|roll-ups?|aggregates|downsampled data)\b`,
  "i",
);
const spanDays = (n: string, unit: string): number | undefined => {
  const k = /^(?:a|an|one)$/i.test(n) ? 1 : countOf(n);
  const d = SPAN_DAYS[unit.toLowerCase()];
  return k === undefined || d === undefined ? undefined : k * d;
};
const rollupStep = (w: string): number | undefined => {
  const s = w.toLowerCase();
  if (s === "hourly") return 3600;
  if (s === "daily") return 86400;
  const m = /^(\d+|one)[- ](second|minute|hour|day)$/.exec(s);
  return m
    ? (m[1] === "one" ? 1 : Number(m[1])) * ({ second: 1, minute: 60, hour: 3600, day: 86400 }[m[2] as "day"] ?? 0)
    : undefined;
};
/** Where copies are placed, never parties a delivery goes to ("sent to all 8 regional replicas"). */
const NOT_A_RECEIVER =
  /^(?:replicas?|copies|copy|regions?|zones?|nodes?|servers?|shards?|partitions?|disks?|racks?|data ?cent(?:er|re)s?)$/;
const UNIT_SECONDS = (u: string): number => (/^h/i.test(u) ? 3600 : /^m/i.test(u) ? 60 : 1);

/** A size's words up to its unit ("300 bytes are" is said "300 bytes"). */
const SIZE_END = /^.*?\b(?:kib|mib|gib|tib|pib|kb|mb|gb|tb|pb|eb|bytes?|b)\b/i;

/** The quantities a size is bound to, the per-item ones first. */
const SIZE_QUANTITIES = ["message_bytes", "object_bytes", "value_bytes", "bytes_stored"] as const;

/** A rate's counted noun: the word before its time unit ("2 million uploads a day" counts uploads). */
const RATE_NOUN =
  /([a-z][a-z-]*)\s+(?:per|a|an|each|every|\/)\s*(?:second|sec|s|minute|min|hour|hr|day|week|month|year)s?\b/i;

/** The clause a quote sits in, from its end: up to the next clause break (a comma, a semicolon or a sentence end). */
function clauseAfter(t: string, end: number): string {
  const rest = t.slice(end);
  const stop = /[;!?]|[.,](?!\d)/.exec(rest);
  if (!stop) return rest;
  // "10 million uploads a day, each producing 6 thumbnails": a clause that opens on what each item has is still its own
  const next = rest.slice(stop.index + 1);
  const more = stop[0] === "," ? /^\s*(?:each|every one|all|averaging|with|of about)\b/i.test(next) : false;
  if (!more) return rest.slice(0, stop.index);
  const stop2 = /[;!?]|[.,](?!\d)/.exec(next);
  return rest.slice(0, stop.index + 1 + (stop2 ? stop2.index : next.length));
}

/** The sentence a position sits in. */
function sentenceOf(t: string, at: number): { start: number; text: string } {
  const before = t.slice(0, at);
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "), -1) + 1;
  const stop = /[.;](?:\s|$)/.exec(t.slice(at));
  return { start, text: t.slice(start, stop ? at + stop.index : t.length) };
}

/** Words of work handed to workers: where they are said, a part named again is the unit a queue hands out. */
const WORKED = /\b(?:workers?|consumers?|queues?|queued|pull|pulls|pulled|lease[sd]?|dequeue[sd]?)\b/;

/** The rate quantity a part's noun states where the noun has one of its own (events, messages, posts). */
function rateOfNoun(noun: string): string | undefined {
  for (const n of STATED_NOUNS) if (n.rate && (n.re.test(noun) || n.re.test(singularOf(noun)))) return n.rate;
  return undefined;
}

/** Words just before a total size that make it the size of one store the items run against ("over a", "across our"). */
const STORE_BEFORE_SIZE =
  /\b(?:over|across|against|on|in|into|from|through|scanning|of)\s+(?:a|an|the|our|their|its|one|a single)\s*$/i;

/** The stated flows of a prompt: each stated rate of a counted noun with what the prompt says of each of its items. */
export function statedFlows(prompt: string, scale: Readonly<Scale>): StatedFlow[] {
  const t = prompt.replace(/[\u2013\u2014]/g, "-");
  const out: StatedFlow[] = [];
  const sizes = SIZE_QUANTITIES.flatMap((q) => {
    const s = scale[q];
    const at = s ? t.indexOf(s.quote) : -1;
    return s && at >= 0 ? [{ q, s, at }] : [];
  });
  const fanouts = FANOUTS.flatMap((re) => {
    const m = re.exec(t);
    const value = m ? countOf(m[1] ?? "") : undefined;
    const receiver = (m?.[2] ?? "").toLowerCase().split(/\s+/).pop() ?? "";
    return m && value !== undefined && value >= 2 && !NOT_A_RECEIVER.test(receiver)
      ? [{ value, receiver: singularOf(receiver), quote: m[0], at: m.index }]
      : [];
  });
  for (const [quantity, s] of Object.entries(scale)) {
    if (!quantity.endsWith("_per_sec")) continue;
    const noun = RATE_NOUN.exec(s.quote)?.[1]?.toLowerCase();
    const at = t.indexOf(s.quote);
    if (!noun || at < 0 || out.some((f) => f.quote === s.quote)) continue;
    const end = at + s.quote.length;
    const clause = clauseAfter(t, end);
    const qualifiers: FlowQualifier[] = [];
    for (const re of [SPLIT, WITH_EACH, EACH_WITH]) {
      const m = re.exec(clause);
      const value = m ? countOf(m[1] ?? "") : undefined;
      const part = (m?.[2] ?? "").toLowerCase().split(/\s+/).pop() ?? "";
      if (!m || value === undefined || value < 2 || NOT_A_PART.test(part) || singularOf(part) === singularOf(noun))
        continue;
      qualifiers.push({
        kind: "parts",
        value,
        part: singularOf(part),
        quote: t.slice(at, end + m.index + m[0].length),
        said: `${m[1] ?? ""} ${m[2] ?? ""}`.toLowerCase().replace(/\s+/g, " "),
      });
      break;
    }
    const found = sizes.find((x) => x.at >= end && x.at + x.s.quote.length <= end + clause.length);
    // "5,000 queries an hour over a 10 PB data lake", "reads across our 3 TB database": a total size said of the one
    // store the items run against is that store's size, never each item's
    const size =
      found && !(found.q === "bytes_stored" && STORE_BEFORE_SIZE.test(t.slice(end, found.at))) ? found : undefined;
    if (size) {
      const item = ITEM_SIZE_OF[quantity] ?? (size.q === "bytes_stored" ? ITEM_SIZE_DEFAULT : size.q);
      const unit = SIZE_END.exec(size.s.quote);
      qualifiers.push({
        kind: "size",
        bytes: size.s.value,
        quantity: item,
        from: size.q,
        quote: t.slice(at, size.at + (unit ? unit[0].length : size.s.quote.length)),
      });
    }
    const src = SOURCES.exec(clause);
    const sources = src ? countOf(src[1] ?? "") : undefined;
    if (src && sources !== undefined && sources >= 2)
      qualifiers.push({
        kind: "sources",
        value: sources,
        source: singularOf((src[2] ?? "").toLowerCase().split(/\s+/).pop() ?? ""),
        quote: t.slice(at, end + src.index + src[0].length),
        said: `${src[1] ?? ""} ${src[2] ?? ""}`.toLowerCase().replace(/\s+/g, " "),
      });
    const sentence = sentenceOf(t, at);
    const fan = fanouts.find((f) => f.at >= sentence.start && f.at < sentence.start + sentence.text.length);
    if (fan) qualifiers.push({ kind: "fanout", value: fan.value, receiver: fan.receiver, quote: fan.quote });
    for (const re of SPACINGS) {
      const m = re.exec(sentence.text);
      const value = m ? countOf(m[1] ?? "") : undefined;
      if (!m || value === undefined) continue;
      qualifiers.push({
        kind: "spacing",
        seconds: value * UNIT_SECONDS(m[2] ?? "s"),
        quote: m[0],
        at: sentence.start + m.index,
      });
      break;
    }
    const work = WORK_TIME_OF[quantity];
    for (const re of work ? WORK_TIMES : []) {
      const m = re.exec(clause);
      const value = m ? countOf(m[1] ?? "") : undefined;
      if (!m || !work || value === undefined) continue;
      qualifiers.push({
        kind: "work-time",
        seconds: value * UNIT_SECONDS(m[2] ?? "s"),
        quantity: work,
        quote: t.slice(at, end + m.index + m[0].length),
      });
      break;
    }
    if (qualifiers.length > 0)
      out.push({ noun: singularOf(noun), quantity, perSec: s.value, quote: s.quote, qualifiers });
  }
  return out;
}

const perSec = (v: number, noun: string) => `${formatQuantity(v, "")} ${noun}s/s`.replace(/\s+/g, " ");

/**
 * The flows the stated ones derive, as scale entries each in the prompt's words and read as its composition: parts a
 * second (where the part's noun or its later mention makes it the unit handed on), the bytes a day of sized items, the
 * fan-out, and the streams a stated spacing holds at once. An entry the prompt states itself is never replaced.
 */
export function derivedFlows(prompt: string, scale: Readonly<Scale>): DerivedFlow[] {
  const t = prompt.replace(/[\u2013\u2014]/g, "-").toLowerCase();
  const out: DerivedFlow[] = [];
  const add = (d: DerivedFlow) => {
    if ((d.replaces || scale[d.quantity] === undefined) && !out.some((o) => o.quantity === d.quantity) && d.value > 0)
      out.push({ ...d, quote: d.quote.trim().replace(/\s+/g, " ") });
  };
  for (const f of statedFlows(prompt, scale)) {
    const rate = `${formatQuantity(f.perSec, "")} ${f.noun}s a second`.replace(/\s+/g, " ");
    for (const q of f.qualifiers) {
      if (q.kind === "parts") {
        // the part is handed on as a unit of its own: its noun names a rate, or the prompt names it again elsewhere
        const own = rateOfNoun(q.part);
        const at = t.indexOf(q.quote.toLowerCase());
        const elsewhere =
          at >= 0 && new RegExp(String.raw`\b${q.part}s?\b`).test(`${t.slice(0, at)} ${t.slice(at + q.quote.length)}`);
        const quantity = elsewhere && WORKED.test(t) && own !== f.quantity ? PART_RATE : own;
        // a part count is read by the parts' rate, never a stock of its own ("40 pages" is no count of stored items)
        const drops = Object.entries(scale).flatMap(([n, e]) => (q.said === e.quote.toLowerCase() ? [n] : []));
        if (quantity)
          add({
            quantity,
            value: f.perSec * q.value,
            quote: q.quote,
            rule: "parts",
            reading: `${rate} × ${q.value} ${q.part}s each = ${perSec(f.perSec * q.value, q.part)}`,
            drops,
            ...(quantity === f.quantity ? { replaces: true as const } : {}),
          });
      } else if (q.kind === "size") {
        // one reading for both: the item's size is read wherever the daily bytes it makes are
        const reading = `${formatQuantity(q.bytes, "B")} for each ${f.noun}; ${rate} × 86,400 s × ${formatQuantity(q.bytes, "B")} = ${formatQuantity(f.perSec * 86400 * q.bytes, "B/day")}`;
        add({
          quantity: q.quantity,
          value: q.bytes,
          quote: q.quote,
          rule: "item-size",
          reading,
          replaces: true,
          ...(q.from !== q.quantity ? { drops: [q.from] } : {}),
        });
        add({
          quantity: DAILY_BYTES,
          value: f.perSec * 86400 * q.bytes,
          quote: q.quote,
          rule: "daily-bytes",
          reading,
        });
      } else if (q.kind === "fanout") {
        add({
          quantity: FAN_OUT,
          value: q.value,
          quote: q.quote,
          rule: "deliveries",
          reading: `each ${f.noun} goes to each of ${q.value} ${q.receiver}s: ${perSec(f.perSec, f.noun)} × ${q.value} = ${formatQuantity(f.perSec * q.value, "deliveries/s")}`,
        });
      } else if (q.kind === "work-time") {
        // Little's law: the items in flight are the rate times the time each one holds its worker
        add({
          quantity: q.quantity,
          value: q.seconds,
          quote: q.quote,
          rule: "work-time",
          reading:
            `${formatQuantity(q.seconds, "s")} for each ${f.noun}; ${rate} × ${formatQuantity(q.seconds, "s")} = ${formatQuantity(f.perSec * q.seconds, "")} ${f.noun}s in flight`.replace(
              /\s+/g,
              " ",
            ),
        });
      } else if (q.kind === "spacing") {
        for (const k of SPACED_STOCKS) {
          if (k.rate !== f.quantity) continue;
          // the rate's sources, where their noun bound their count to the stock: they send the streams, so the
          // spacing counts the streams and the sources are a fleet of their own
          const src = f.qualifiers.find((x) => x.kind === "sources");
          const bound = src?.kind === "sources" && scale[k.stock]?.quote.toLowerCase() === src.said;
          const unbound =
            src?.kind === "sources" && !Object.values(scale).some((e) => e.quote.toLowerCase().includes(src.said));
          if ((bound || unbound) && src?.kind === "sources")
            add({
              quantity: k.sources,
              value: src.value,
              quote: src.quote,
              rule: "sources",
              reading: `${rate} from ${formatQuantity(src.value, "")} ${src.source}s = ${perSec(f.perSec / src.value, f.noun)} from each ${src.source}`,
            });
          add({
            quantity: k.interval,
            value: q.seconds,
            quote: q.quote,
            rule: "spacing",
            reading: `one point of each stream every ${formatQuantity(q.seconds, "s")}`,
          });
          // two retentions: the span said at the spacing keeps the raw points, the span said of rollups is the whole
          const raw = RAW_SPAN.exec(t.slice(Math.max(0, q.at - 80), q.at));
          const roll = ROLLUP_SPAN.exec(t.slice(q.at));
          const rawDays = raw ? spanDays(raw[1] ?? "", raw[2] ?? "") : undefined;
          const wholeDays = roll ? spanDays(roll[1] ?? "", roll[2] ?? "") : undefined;
          if (raw && roll && rawDays !== undefined && wholeDays !== undefined && wholeDays > rawDays) {
            const step = roll[3] ? rollupStep(roll[3]) : undefined;
            const rawQuote = `${raw[0].trim()} ${q.quote}`;
            const R = TWO_RETENTIONS;
            const reading = `raw points at ${formatQuantity(q.seconds, "s")} kept ${formatQuantity(rawDays, "")} days, rollups kept ${formatQuantity(wholeDays, "")} days`;
            add({ quantity: R.raw, value: rawDays, quote: rawQuote, rule: "retentions", reading, replaces: true });
            add({
              quantity: R.whole,
              value: wholeDays,
              quote: roll[0],
              rule: "retentions",
              reading,
              replaces: true,
            });
            if (step !== undefined && step > q.seconds) {
              // one reading for both: the rollups' step is read wherever the share of the bytes it keeps is
              const share = (R.aggregates * q.seconds) / step;
              const stepReading = `one rollup every ${formatQuantity(step, "s")} keeps ${R.aggregates} aggregates against ${formatQuantity(step / q.seconds, "")} raw points: ${formatQuantity(share, "")} of the raw bytes`;
              for (const [quantity, value] of [
                [R.step, step],
                [R.share, share],
              ] as const)
                add({ quantity, value, quote: roll[0], rule: "retentions", reading: stepReading });
            }
          }
          add({
            quantity: k.stock,
            value: f.perSec * q.seconds,
            quote: q.quote,
            rule: "spaced-stock",
            ...(bound ? { replaces: true as const } : {}),
            reading:
              `${rate} with one point per stream every ${formatQuantity(q.seconds, "s")} = ${formatQuantity(f.perSec * q.seconds, "")} ${k.one}`.trim(),
          });
        }
      }
    }
  }
  return out;
}

/**
 * The scale with the composed flows: each derived entry set (or replacing its name's entry where it says so), and the
 * entries it reads instead dropped. A new object; the given scale is not changed.
 */
export function composedScale(prompt: string, scale: Readonly<Scale>): Scale {
  const out: Scale = { ...scale };
  const flows = derivedFlows(prompt, scale);
  for (const d of flows)
    for (const name of d.drops ?? []) if (!flows.some((x) => x.quantity === name)) delete out[name];
  for (const d of flows) out[d.quantity] = { value: d.value, quote: d.quote, reading: d.reading };
  return out;
}
