/**
 * What a stated flow's qualifiers make of it (engine/stated-flows.ts reads them): the quantity a derived flow lands on
 * when the rate it qualifies is counted under one model's name. Data only; the words are read in the engine.
 */

/**
 * A stream of points spaced at a stated resolution ("2 million samples per second … at 10-second resolution"): each
 * stream gives one point an interval, so the streams held at once are the rate times the interval. `rate` is the
 * stated rate's quantity, `stock` the streams it counts, `interval` the quantity the spacing itself is.
 */
export interface SpacedStock {
  rate: string;
  stock: string;
  interval: string;
  /** What one stream is, in words ("an active series"). */
  one: string;
  /**
   * Where the count of the rate's sources lands when the prompt's noun for them bound it to the stock ("500,000
   * readings per second from 80,000 sensors at 1-minute resolution": the 80,000 send the readings, each many streams).
   */
  sources: string;
}

export const SPACED_STOCKS: readonly SpacedStock[] = [
  { rate: "samples_per_sec", stock: "series", interval: "scrape_seconds", one: "active series", sources: "devices" },
];

/**
 * Where a part the prompt splits each stated item into lands when its noun names no rate of its own: the parts are
 * the units handed on and worked, one message each ("2 million uploads a day are each split into 20 segments, GPU
 * workers pull segments": the queue carries segments). Only where the prompt names the part again outside the split,
 * as the thing something else acts on.
 */
export const PART_RATE = "messages_per_sec";

/** The quantity a size said of each item of a stated rate lands on, by the rate's quantity (else `object_bytes`). */
export const ITEM_SIZE_OF: Readonly<Record<string, string>> = {
  messages_per_sec: "message_bytes",
  samples_per_sec: "message_bytes",
};
export const ITEM_SIZE_DEFAULT = "object_bytes";

/** The daily bytes a stated rate of sized items adds. */
export const DAILY_BYTES = "bytes_per_day";

/** The fan-out of each stated item to every one of its receivers ("each of 300 partner systems receives every event"). */
export const FAN_OUT = "fanout";

/**
 * The time each item of a stated rate of work holds its worker ("3,000 render jobs a day of 20 minutes each", "50,000
 * builds a day averaging 12 minutes"), by the rate's quantity: only a rate of work items, since the length said of an
 * upload or a message is its content's ("uploads averaging 3 minutes" are 3-minute videos), not the time spent on it.
 */
export const WORK_TIME_OF: Readonly<Record<string, string>> = {
  tasks_per_sec: "run_seconds",
};

/**
 * A stream kept at two resolutions ("keeps 15 days at 10-second resolution and one year of hourly rollups"): the span
 * said with the stream's own spacing is how long its raw points stay, the span said of rollups is the whole
 * retention, and the rollups' share of the raw bytes follows from their step. Thanos keeps raw, 5-minute and 1-hour
 * data under retentions of their own (compactor docs, "Downsampling, Resolution and Retention"), and each rollup step
 * of a series keeps five aggregates (count, sum, min, max and counter; its querier reads them by those names).
 */
export const TWO_RETENTIONS = {
  raw: "raw_retention_days",
  whole: "retention_days",
  step: "rollup_seconds",
  share: "rollup_share",
  aggregates: 5,
} as const;

/** Days in each unit a retention span is stated in. */
export const SPAN_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365 };
