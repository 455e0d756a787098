/**
 * Splitting a hot counter into sub-counters summed on read spreads its increments, but no single write then sees
 * the whole value, so a rule that bounds the value ("booked never exceeds total", "a balance never goes below
 * zero", "at most N tokens") can no longer be checked in the write that would break it. These patterns tell the
 * remedy and the rule apart in the knowledge's own wording.
 */

/**
 * A mitigation step that splits one key's value into parts ("split hot counters into sub-keys summed on read",
 * "add salt to skewed keys": a salted key's writes land on several keys).
 */
export const SPLIT_COUNTER =
  /\bsplit(?:s|ting)?\b[^,;.]*\bcounters?\b|\bsub-?(?:keys|counters)\b[^,;.]*\bsummed\b|\bsharded counters?\b|\b(?:add )?salt(?:s|ing)?\b[^,;.]*\bkeys?\b/i;

/**
 * A rule that bounds a counted value: a count, balance, stock or budget that never exceeds, never drops below, or
 * stays within a limit ("a room inventory row's booked count never exceeds its total").
 */
export const BOUNDED_COUNT =
  /\b(?:counts?|balances?|stock|quantity|quantities|budgets?|tokens?|booked|sold|remaining|available|capacity)\b[^.;]{0,80}\b(?:never (?:exceeds?|goes? (?:below|negative|above|over)|drops? below|falls? below|oversold|overdrawn)|(?:stays?|kept|remains?) (?:within|at or below|at or above|non-negative)|at most)\b|≤|\bnever (?:oversold|overdrawn|negative)\b/i;

/**
 * A floor stated on a count the business keeps ("stock never goes negative", "never oversells", "a balance never drops
 * below zero"): a value that must hold across crashes and concurrent writers, so only durable, linearizable state on
 * that count's own row keeps it (soft state refilled each window, such as a limiter's budget, never does).
 */
export const STATED_FLOOR =
  /\bnever (?:go(?:es)? (?:below (?:zero|0)|negative)|drops? below (?:zero|0)|falls? below (?:zero|0)|(?:be |become |becomes )?negative|oversells?|oversold|overdrawn)\b/i;

/**
 * The conditional writes one counter row takes a second: its updates are serialised, so a row lock held for about a
 * millisecond per commit allows about a thousand, and DynamoDB caps one partition at 1,000 write units a second (a
 * planning figure; measure it). A bounded counter whose stated rate is above it is escrowed to shards in blocks.
 */
export const ROW_WRITES_PER_SEC = 1000;
