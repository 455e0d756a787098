/**
 * Numbers for people: SI prefixes on byte units, k/M/B on counts and rates, seconds as
 * minutes, hours or days, and three significant digits ("≈ 385 pages/s", "≈ 1.6 TB/day").
 */

/**
 * Past this a number is written in scientific notation ("3e20", "1.5e308"): a thousand trillion is the largest
 * figure a reader takes in at a glance, and a prompt may state any number ("1e308 leases"), so no formatter
 * writes three hundred digits or "1e+296 trillion".
 */
export const SCIENTIFIC_FROM = 1e15;

/** 3e20 -> "3e20", 1.23456e308 -> "1.23e308": three significant digits, no "+" in the exponent. */
export function scientific(x: number, digits = 3): string {
  const [mantissa = "0", exponent = "0"] = x.toExponential(digits - 1).split("e");
  return `${+mantissa}e${+exponent}`;
}

/** An integer with comma thousands separators, as `toLocaleString("en-US")` writes it, without the locale machinery. */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return "not finite";
  if (Math.abs(n) >= SCIENTIFIC_FROM) return scientific(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** Rounds to `digits` significant digits and drops trailing zeros: 385.8 -> "386", 1.6049 -> "1.6". */
export function sig(x: number, digits = 3): string {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= SCIENTIFIC_FROM) return scientific(x, digits);
  if (abs >= 10 ** digits) return grouped(Math.round(x));
  return String(+x.toPrecision(digits));
}

const BYTE_PREFIXES: [number, string][] = [
  [1e18, "EB"],
  [1e15, "PB"],
  [1e12, "TB"],
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "KB"],
];

const COUNT_PREFIXES: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

function scaled(x: number, prefixes: [number, string][]): { n: string; prefix: string } {
  const abs = Math.abs(x);
  // past a thousand of the largest prefix ("1,000,000T") the number is said in scientific notation
  if (abs >= (prefixes[0]?.[0] ?? 1) * 1e3) return { n: scientific(x), prefix: "" };
  for (const [f, p] of prefixes) {
    // 999,950 would round to "1,000k": move to the next prefix once the rounded value reaches 1000.
    if (abs >= f * 0.9995) return { n: sig(x / f), prefix: p };
  }
  return { n: sig(x), prefix: "" };
}

function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs >= 2 * 86400 * 365) return `${sig(seconds / (86400 * 365))} years`;
  if (abs >= 2 * 86400) return `${sig(seconds / 86400)} days`;
  if (abs >= 2 * 3600) return `${sig(seconds / 3600)} h`;
  if (abs >= 120) return `${sig(seconds / 60)} min`;
  if (abs < 1) return `${sig(seconds * 1000)} ms`;
  return `${sig(seconds)} s`;
}

/** Formats a value in its unit: bytes get KB…EB, counts k/M/B/T, seconds a readable duration, fractions a percentage. */
/** Binary byte prefixes, for sizes set in powers of two (a 64 MiB chunk, an 8 GiB quota). */
const BINARY_PREFIXES = ["KiB", "MiB", "GiB", "TiB"] as const;

/**
 * A byte count set in powers of two, said in its own unit: 67,108,864 bytes is "64 MiB", which reads as it was
 * chosen, where "67.1 MB" reads as an odd figure. Only a whole number of a binary unit that is not also a round
 * decimal figure (1,000,000 bytes stays "1 MB").
 */
export function binaryBytes(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1024) return undefined;
  for (let p = BINARY_PREFIXES.length; p >= 1; p--) {
    const size = 1024 ** p;
    const n = value / size;
    if (Number.isInteger(n) && n < 1024 && value % 1000 ** p !== 0) return `${n} ${BINARY_PREFIXES[p - 1]}`;
  }
  return undefined;
}

export function formatQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "not finite";
  const byteUnit = /^B(\/.+)?$/.exec(unit);
  if (byteUnit) {
    const binary = binaryBytes(value);
    if (binary) return `${binary}${byteUnit[1] ?? ""}`;
    const { n, prefix } = scaled(value, BYTE_PREFIXES);
    return `${n} ${prefix || "B"}${byteUnit[1] ?? ""}`;
  }
  if (unit === "s") return duration(value);
  if (unit === "fraction") return `${sig(value * 100)}%`;
  if (unit === "days" && value < 1) return duration(value * 86400);
  const { n, prefix } = scaled(value, COUNT_PREFIXES);
  // "1 partition", not "1 partitions": a plain plural noun loses its s for exactly one.
  const word =
    n === "1" && !prefix && /^[a-z]+s$/.test(unit) && !/(ss|us|is|ies)$/.test(unit) ? unit.slice(0, -1) : unit;
  return `${n}${prefix} ${word}`.trim();
}

/** Units that count whole things: a design runs one node, never 0.15 of one. */
export const WHOLE_UNITS =
  /^(?:nodes?|servers?|hosts?|machines?|shards?|partitions?|brokers?|workers?|instances?|replicas?|ingesters?|gateways?)$/;

/** A count of whole things from a formula's value: rounded up, at least one. */
export const wholeCount = (value: number): number => Math.max(1, Math.ceil(value));

/**
 * A value as a design shows it: a count of whole things is rounded up to a whole one, and one below one says the
 * formula's own value as the reason ("1 node (the formula gives 0.15; at least one is needed)"); anything else
 * is approximate ("≈ 385 pages/s").
 */
export function shownCount(value: number, unit: string): string {
  if (value <= 0 || !Number.isFinite(value) || !WHOLE_UNITS.test(unit)) return approx(value, unit);
  const whole = wholeCount(value);
  if (value >= 1) return formatQuantity(whole, unit);
  return `${formatQuantity(whole, unit)} (the formula gives ${+value.toPrecision(2)}; at least one is needed)`;
}

/** "≈ 385 pages/s": the approximate form used in capacity rows. */
export function approx(value: number, unit: string): string {
  return `≈ ${formatQuantity(value, unit)}`;
}
