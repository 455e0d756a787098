/**
 * Reads the non-functional requirements a prompt states: delivery semantics, consistency,
 * availability stance, ordering, durability, regions, latency targets and scale numbers.
 * Every value carries the words it came from.
 */
import type { Availability, Consistency, Delivery, Durability, Ordering } from "../knowledge/schema.js";
import { own } from "./own.js";

export interface Stated<T> {
  value: T;
  /** The prompt's words that stated it. */
  quote: string;
}

export interface LatencyTarget {
  percentile: string;
  ms: number;
  quote: string;
}

export interface StatedNfrs {
  delivery?: Stated<Delivery>;
  consistency?: Stated<Consistency>;
  availability?: Stated<Availability>;
  ordering?: Stated<Ordering>;
  durability?: Stated<Durability>;
  regions?: Stated<number>;
  latency: LatencyTarget[];
  scale: Record<string, Stated<number>>;
}

type Rule<T> = { re: RegExp; value: T };

const DELIVERY: Rule<Delivery>[] = [
  {
    re: /\bexactly[- ]once\b|\bnever (?:be )?(?:double[- ])?(?:charg|process|appl(?:y|i)|deliver|refund|send|sent|bill|pay|paid|run|execut)\w* twice\b|\bno (?:duplicate|double)[- ](?:charges?|payments?|processing|delivery|deliveries|refunds?)\b|\bmust not (?:\w+ ){0,2}twice\b/i,
    value: "exactly-once",
  },
  {
    re: /\bat[- ]least[- ]once\b|\bnever (?:lose|drop) (?:a |any )?(?:message|event|job|task|request)s?\b|\bguaranteed delivery\b/i,
    value: "at-least-once",
  },
  {
    re: /\bat[- ]most[- ]once\b|\bfire[- ]and[- ]forget\b|\bbest[- ]effort delivery\b|\b(?:ok|okay|fine|acceptable) to (?:lose|drop)\b/i,
    value: "at-most-once",
  },
];

const CONSISTENCY: Rule<Consistency>[] = [
  {
    re: /\b(?:linearizab\w*|strong(?:ly)? consisten\w*|strict(?:ly)? serializab\w*|serializab\w*|consensus|single source of truth)\b/i,
    value: "linearizable",
  },
  {
    re: /\bread[- ](?:your|my|their)[- ](?:own[- ])?writes?\b|\bsession consisten\w*|\bmonotonic reads?\b/i,
    value: "read-your-writes",
  },
  {
    re: /\beventual(?:ly)?[- ]consisten\w*|\blast[- ]writer[- ]wins\b|\blww\b|\bstale reads? (?:are|is) (?:ok|okay|fine|acceptable)\b|\bslightly stale\b/i,
    value: "eventual",
  },
];

const AVAILABILITY: Rule<Availability>[] = [
  {
    re: /\bfail(?:s)?[- ]closed\b|\bcorrectness over availability\b|\bnever (?:grant|give|hand out) (?:\w+ ){0,2}twice\b|\bsplit[- ]brain\b/i,
    value: "fail-closed",
  },
  {
    re: /\bfail(?:s)?[- ]open\b|\bhighly available\b|\bhigh availability\b|\balways (?:be )?(?:available|up|writable)\b|\bstay(?:s)? (?:up|available)\b|\bavailability over consistency\b|\b99\.9+%/i,
    value: "stay-available",
  },
];

const ORDERING: Rule<Ordering>[] = [
  { re: /\b(?:global(?:ly)?|total(?:ly)?|strict(?:ly)?) order(?:ed|ing)?\b|\bsingle global order\b/i, value: "global" },
  {
    re: /\border(?:ed|ing)? (?:per|within (?:a|each|the)) partition\b|\bper[- ]partition order\w*/i,
    value: "per-partition",
  },
  {
    re: /\border(?:ed|ing)? (?:per|for each|within (?:a|each|the)) (?:key|user|account|customer|entity|device|order|document|stream|topic|chat|room|conversation)\b|\bper[- ](?:key|user|account|customer|device|conversation) order\w*|\bin[- ]order\b|\bordered delivery\b|\bpreserv\w* (?:the )?order\b|\bfifo\b/i,
    value: "per-key",
  },
  { re: /\b(?:order|ordering) (?:does not|doesn't|need not) matter\b|\bunordered\b|\bno ordering\b/i, value: "none" },
];

const DURABILITY: Rule<Durability>[] = [
  {
    re: /\bdurabl\w*|\bnever lose\b|\bno data loss\b|\bpersist\w*|\bsurviv\w* (?:a )?(?:crash|restart|node loss|failure)s?\b|\b(?:three|3|two|2|five|5) (?:copies|replicas)\b/i,
    value: "durable",
  },
  {
    re: /\bin[- ]memory only\b|\bbest[- ]effort\b|\b(?:ok|okay|fine|acceptable) to lose\b|\bephemeral\b/i,
    value: "best-effort",
  },
];

/** The first rule (in priority order) whose pattern occurs in the text. */
function first<T>(text: string, rules: Rule<T>[]): Stated<T> | undefined {
  for (const r of rules) {
    const m = r.re.exec(text);
    if (m) return { value: r.value, quote: m[0] };
  }
  return undefined;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  single: 1,
};

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
  hundred: 100,
};

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  pib: 1024 ** 5,
};

const PER_DAY: Record<string, number> = {
  s: 86400,
  sec: 86400,
  second: 86400,
  min: 1440,
  minute: 1440,
  h: 24,
  hr: 24,
  hour: 24,
  d: 1,
  day: 1,
};
const PER_SECOND: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  min: 1 / 60,
  minute: 1 / 60,
  h: 1 / 3600,
  hr: 1 / 3600,
  hour: 1 / 3600,
  d: 1 / 86400,
  day: 1 / 86400,
};

/** Nouns that name a counted quantity; rates use the `_per_sec` form of the entry. */
const COUNT_NOUNS: { re: RegExp; count?: string; rate?: string }[] = [
  {
    re: /^(?:requests?|reqs?|calls?|queries|query|rps|qps|hits?|invocations?|api calls?)$/,
    count: undefined,
    rate: "requests_per_sec",
  },
  { re: /^(?:writes?|updates?|puts?|mutations?|transactions?|tps)$/, rate: "writes_per_sec" },
  { re: /^(?:reads?|gets?|lookups?)$/, rate: "reads_per_sec" },
  {
    re: /^(?:messages?|msgs?|events?|records?|notifications?|emails?|orders?|payments?|charges?|refunds?|clicks?|page ?views?|views?|logs?|log lines?|lines?)$/,
    rate: "messages_per_sec",
  },
  { re: /^(?:samples?|data ?points?|points?|metrics?)$/, rate: "samples_per_sec" },
  { re: /^(?:ids?|identifiers?|ids generated|sequence numbers?|tickets?|invoice numbers?)$/, rate: "ids_per_sec" },
  { re: /^(?:tasks?|jobs?|functions?|executions?|runs?)$/, count: "timers", rate: "tasks_per_sec" },
  { re: /^(?:timers?|schedules?|reminders?|scheduled jobs?|cron jobs?)$/, count: "timers", rate: "tasks_per_sec" },
  {
    re: /^(?:users?|customers?|accounts?|subscribers?|people|players?|members?|daily active users|dau|mau|monthly active users)$/,
    count: "users",
  },
  {
    re: /^(?:nodes?|hosts?|servers?|machines?|instances?|vms?|pods?|containers?|proxies|proxy|brokers?|boxes)$/,
    count: "nodes",
  },
  { re: /^(?:workers?|consumers?)$/, count: "workers" },
  { re: /^(?:connections?|clients?|sessions?|devices?|phones?|websockets?|sockets?)$/, count: "clients" },
  { re: /^(?:leases?|locks?|mutexes|holders?)$/, count: "leases" },
  { re: /^(?:partitions?|shards?)$/, count: "partitions" },
  {
    re: /^(?:keys?|objects?|files?|items?|records stored|entries|documents?|rows?|urls?|pages?|records?|domains?|dns records?|photos?|images?|videos?|blobs?|artifacts?)$/,
    count: "objects",
  },
  { re: /^(?:series|time series|time-series)$/, count: "series" },
  { re: /^(?:regions?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|zones?|availability zones?)$/, count: "regions" },
  { re: /^(?:replicas?|copies)$/, count: "replicas" },
  { re: /^(?:backends?|upstreams?|services?|microservices?)$/, count: "backends" },
  { re: /^(?:tenants?|teams?|customers? accounts?)$/, count: "tenants" },
  { re: /^(?:topics?|queues?|streams?)$/, count: "partitions" },
  { re: /^(?:consumer groups?|subscriptions?)$/, count: "consumer_groups" },
  { re: /^(?:watchers?|listeners?)$/, count: "subscribers" },
  { re: /^(?:documents? open|rooms?|channels?|conversations?|chats?)$/, count: "subjects" },
];

function parseNumber(num: string, mult: string | undefined): number | undefined {
  const clean = num.replace(/,/g, "").replace(/_/g, "");
  const base = own(WORD_NUMBERS, clean.toLowerCase()) ?? Number(clean);
  if (!Number.isFinite(base)) return undefined;
  const m = mult ? (own(MULTIPLIERS, mult.toLowerCase()) ?? 1) : 1;
  return base * m;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a dozen|dozen|a hundred|hundred|a thousand|thousand|a single|single)`;
const MULT = String.raw`(?:\s*(k|m|mm|mn|b|bn|t|thousand|million|millions|billion|billions|trillion|hundred)\b)?`;
const PER = String.raw`(?:\s*(?:/|per|a|an|each|every)\s*|\s+)`;
const TIME = String.raw`(s|sec|secs|seconds?|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\b`;

function setScale(scale: Record<string, Stated<number>>, id: string, value: number, quote: string) {
  if (!Number.isFinite(value) || value <= 0) return;
  if (scale[id] === undefined) scale[id] = { value, quote: quote.trim() };
}

function singular(unit: string): string {
  const u = unit.toLowerCase();
  if (u.endsWith("s") && u.length > 1 && !["series", "s", "rps", "qps", "tps", "bytes"].includes(u))
    return u.slice(0, -1);
  return u;
}

function parseScale(text: string): Record<string, Stated<number>> {
  const scale: Record<string, Stated<number>> = {};
  const t = text.replace(/\ba dozen\b/gi, "12").replace(/\ba (hundred|thousand|million|billion)\b/gi, "1 $1");

  // Byte volumes per time: "1 TB/day", "500 GB per hour", "200 MB/s".
  const bytesRate = new RegExp(String.raw`\b${NUM}\s*(b|bytes?|kb|mb|gb|tb|pb|kib|mib|gib|tib|pib)${PER}${TIME}`, "gi");
  for (const m of t.matchAll(bytesRate)) {
    const n = parseNumber(m[1] ?? "", undefined);
    const unit = own(BYTE_UNITS, (m[2] ?? "").toLowerCase());
    const per = own(PER_DAY, singular((m[3] ?? "").toLowerCase()).replace(/^secs?$/, "sec"));
    if (n !== undefined && unit && per) setScale(scale, "bytes_per_day", n * unit * per, m[0]);
  }
  // Stored volumes: "10 PB of data", "stores 5 TB".
  const bytesStored = new RegExp(
    String.raw`\b${NUM}\s*(kb|mb|gb|tb|pb|kib|mib|gib|tib|pib)\b(?!\s*(?:/|per)\s*)`,
    "gi",
  );
  for (const m of t.matchAll(bytesStored)) {
    const n = parseNumber(m[1] ?? "", undefined);
    const unit = own(BYTE_UNITS, (m[2] ?? "").toLowerCase());
    const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);
    if (
      /^\s*(?:objects?|files?|blobs?|chunks?|blocks?|messages?|values?|payloads?)\b/i.test(after) ||
      /\beach\b/i.test(after.slice(0, 8))
    ) {
      if (n !== undefined && unit) setScale(scale, "object_bytes", n * unit, m[0]);
    } else if (n !== undefined && unit) setScale(scale, "bytes_stored", n * unit, m[0]);
  }
  // Rates: "10k rps", "2 million samples per second", "50,000 writes/s", "1M messages a minute".
  const rate = new RegExp(String.raw`\b${NUM}${MULT}\+?\s*([a-z][a-z -]{0,24}?)${PER}${TIME}`, "gi");
  for (const m of t.matchAll(rate)) {
    const n = parseNumber(m[1] ?? "", m[2]);
    const noun = (m[3] ?? "").trim().toLowerCase();
    const perSec = own(PER_SECOND, singular((m[4] ?? "").toLowerCase()).replace(/^secs?$/, "sec"));
    if (n === undefined || perSec === undefined) continue;
    const entry = COUNT_NOUNS.find((c) => c.re.test(noun) || c.re.test(singular(noun)));
    if (entry?.rate) setScale(scale, entry.rate, n * perSec, m[0]);
  }
  // Bare rate abbreviations: "10k rps", "5000 QPS", "20k TPS".
  const abbrev = new RegExp(String.raw`\b${NUM}${MULT}\s*(rps|qps|tps|req/s|requests/s|ops/s|ops)\b`, "gi");
  for (const m of t.matchAll(abbrev)) {
    const n = parseNumber(m[1] ?? "", m[2]);
    const u = (m[3] ?? "").toLowerCase();
    if (n !== undefined) setScale(scale, u === "tps" ? "writes_per_sec" : "requests_per_sec", n, m[0]);
  }
  // Durations tied to leases, heartbeats, TTLs: "10-second leases", "a 30 s TTL", "heartbeat every 5 seconds".
  const duration = new RegExp(
    String.raw`\b${NUM}[- ]?(s|sec|secs|seconds?|ms|milliseconds?|min|mins|minutes?)\b[- ]?(leases?|locks?|ttl|timeout|heartbeats?|expiry)`,
    "gi",
  );
  for (const m of t.matchAll(duration)) {
    const n = parseNumber(m[1] ?? "", undefined);
    if (n === undefined) continue;
    const unit = (m[2] ?? "").toLowerCase();
    const secs = unit.startsWith("ms") || unit.startsWith("milli") ? n / 1000 : unit.startsWith("m") ? n * 60 : n;
    const what = (m[3] ?? "").toLowerCase();
    const id = what.startsWith("heartbeat")
      ? "heartbeat_seconds"
      : what.startsWith("ttl")
        ? "ttl_seconds"
        : "lease_seconds";
    setScale(scale, id, secs, m[0]);
  }
  const heartbeat = /\bheartbeats?\s+every\s+(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|ms)\b/i.exec(t);
  if (heartbeat) {
    const n = Number(heartbeat[1]);
    setScale(scale, "heartbeat_seconds", (heartbeat[2] ?? "").startsWith("ms") ? n / 1000 : n, heartbeat[0]);
  }
  // Counts: "50M users", "10,000 nodes", "200,000 leases", "three copies".
  const count = new RegExp(String.raw`\b${NUM}${MULT}\+?\s+((?:[a-z]+[- ]){0,2}[a-z]+)\b`, "gi");
  for (const m of t.matchAll(count)) {
    const n = parseNumber(m[1] ?? "", m[2]);
    if (n === undefined) continue;
    const words = (m[3] ?? "").toLowerCase().split(/[- ]/);
    // Try the longest noun first ("time series", "data centers"), then the first word alone.
    const candidates = [words.slice(0, 3).join(" "), words.slice(0, 2).join(" "), words[0] ?? ""];
    const rest = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 16);
    if (new RegExp(`^${PER}${TIME}`, "i").test(rest)) continue;
    for (const cand of candidates) {
      const entry = COUNT_NOUNS.find((c) => c.re.test(cand));
      if (entry?.count) {
        setScale(scale, entry.count, n, `${m[0].slice(0, m[0].length - (m[3] ?? "").length)}${cand}`);
        break;
      }
    }
  }
  return scale;
}

function parseLatency(text: string): LatencyTarget[] {
  const out: LatencyTarget[] = [];
  const re =
    /\b(p\d{2,3}(?:\.\d+)?|median|average|avg)?\s*(?:latency\s*)?(?:of\s*|under\s*|below\s*|within\s*|<\s*|less than\s*|at most\s*)(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|seconds?|µs|us|microseconds?)\b/gi;
  for (const m of text.matchAll(re)) {
    const ctx = text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + m[0].length + 5).toLowerCase();
    if (!m[1] && !/latenc|respond|response|p\d\d|fast|lookup|read|write|within/.test(ctx)) continue;
    const n = Number(m[2]);
    const unit = (m[3] ?? "").toLowerCase();
    const ms =
      unit.startsWith("ms") || unit.startsWith("milli")
        ? n
        : unit.startsWith("µ") || unit.startsWith("u") || unit.startsWith("micro")
          ? n / 1000
          : n * 1000;
    out.push({ percentile: (m[1] ?? "p99").toLowerCase().replace("average", "avg"), ms, quote: m[0].trim() });
  }
  return out;
}

function parseRegions(text: string, scale: Record<string, Stated<number>>): Stated<number> | undefined {
  const fromScale = scale.regions;
  if (fromScale) return fromScale;
  const m =
    /\b(?:multi[- ]region|across regions|geo[- ]?(?:distributed|replicated)|globally distributed|across (?:the )?(?:world|continents|data ?cent(?:er|re)s)|active[- ]active|cross[- ]region)\b/i.exec(
      text,
    );
  return m ? { value: 2, quote: m[0] } : undefined;
}

/** Everything the prompt states about NFRs; absent fields were not stated. */
export function parseStatedNfrs(prompt: string): StatedNfrs {
  const scale = parseScale(prompt);
  const out: StatedNfrs = { latency: parseLatency(prompt), scale };
  const delivery = first(prompt, DELIVERY);
  if (delivery) out.delivery = delivery;
  const consistency = first(prompt, CONSISTENCY);
  if (consistency) out.consistency = consistency;
  const availability = first(prompt, AVAILABILITY);
  if (availability) out.availability = availability;
  const ordering = first(prompt, ORDERING);
  if (ordering) out.ordering = ordering;
  const durability = first(prompt, DURABILITY);
  if (durability) out.durability = durability;
  const regions = parseRegions(prompt, scale);
  if (regions) out.regions = regions;
  return out;
}
