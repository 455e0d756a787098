/**
 * The time step a query asks its answers at, and the step a design keeps its data at.
 *
 * A prompt may state the step its answers come at: "per-minute aggregates", "counts per hour", "hourly totals",
 * "1-minute resolution". Kept data has a step too: raw events or samples, window totals per minute, or rollups of
 * 5 minutes and 1 hour that replace the raw data past some age (Thanos's compactor keeps only raw, 5-minute and
 * 1-hour resolutions). A design that keeps only a coarser step than the one asked for, for part of the range the
 * prompt asks about, cannot answer it there: minute totals cannot be read back out of 5-minute rollups (coherence
 * `rollup-coarser-than-query`).
 */

/** Seconds in each unit a step is stated in. */
export const STEP_SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
};

/** Nouns of answers given per time step (an aggregate, a count, a chart's resolution), not of a rate ("events per second"). */
const STEPPED =
  "(?:aggregates?|aggregations?|counts?|totals?|sums?|rollups?|roll-ups?|buckets?|resolution|granularity|breakdowns?|metrics|charts?|series|averages?|statistics|stats)";

/**
 * A stated step, its unit in the first group that matched: "per-minute aggregates", "minute-level counts",
 * "1-minute resolution", "hourly totals", "aggregates per minute", "counts by the hour".
 */
export const STATED_STEP = String.raw`\b(?:per[- ]|1[- ]|one[- ])(second|minute|hour|day)(?:[- ]level)? ${STEPPED}\b|\b(second|minute|hour)(?:ly|[- ]level) ${STEPPED}\b|\b(dai)ly ${STEPPED}\b|\b${STEPPED} (?:per|by the|each|every) (minute|hour|day)\b|\b(minute|hour)[- ](?:by[- ](?:minute|hour)|resolution|granularity)\b`;

/** The unit a `STATED_STEP` match names, in seconds ("dai" is "daily"'s stem). */
export const stepSeconds = (m: RegExpExecArray): number | undefined => {
  const unit = m.slice(1).find((g) => g !== undefined);
  return unit === undefined ? undefined : STEP_SECONDS[unit === "dai" ? "day" : unit];
};

/** Text that speaks of coarser data kept in place of the raw data: rollups or downsampling. */
export const ROLLUP_TEXT = String.raw`\b(?:rollups?|roll-ups?|downsampl\w*)\b`;

/** A step a rollup is kept at, in an option's words ("5-minute and 1-hour rollups"): its count and unit. */
export const KEPT_STEP = String.raw`\b(\d+)[- ](second|minute|hour|day)s?\b`;

/**
 * The words of a prompt that asks for answers at a step finer than five minutes (per minute, per second), which
 * 5-minute and 1-hour rollups cannot give: a decision rule reads them (I18's retention), as the coherence rule does.
 */
export const STEP_FINER_THAN_ROLLUPS = String.raw`\b(?:per[- ]|1[- ]|one[- ])(?:second|minute)(?:[- ]level)? ${STEPPED}\b|\b(?:second|minute)(?:ly|[- ]level) ${STEPPED}\b|\b${STEPPED} (?:per|by the|each|every) minute\b|\bminute[- ](?:by[- ]minute|resolution|granularity)\b`;
