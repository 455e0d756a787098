import { RATIO_BOUNDS, type RatioBoundKind } from "../bound-kinds.js";
import { failoverTimeFigure, fig, fromUsers, inp, LEASE_FROM_FAILOVER } from "./helpers.js";
import { GENERIC_RECORD } from "./record-kinds.js";
import type { CapacityModel } from "./types.js";

/**
 * The figure a stated number is an input of when none of the design's own models reads it: a stated rate sizes the
 * part that handles it, a stated count is the count a figure multiplies or divides by, a stated window the span a
 * state figure covers. Each use names the stated quantities it reads (`reads`, any one of them stated and read by no
 * other figure brings it in) and is a small capacity model evaluated like any other (typical inputs say why), so a
 * number the prompt states is never left beside a figure that ignores it. The design's own models come first: a
 * use joins only where none of them reads that number.
 */
export interface StatedUse {
  /** The stated quantities this use reads; it joins when one of them is stated and no other figure reads it. */
  reads: readonly string[];
  model: CapacityModel;
  /**
   * The use reads the stated words in a sense of its own (one stream's audience, beside the streams its viewers play),
   * so it joins even where a figure reads the same words under another name.
   */
  ownReading?: true;
}

const PEAK = inp("peak_factor", 3, "daily traffic commonly peaks at two to three times its average");
const UTILISATION = inp("target_utilisation", 0.5, "running at half capacity leaves room for a failover or a burst");

/**
 * One record of a counted population, its own quantity (`<population>_record_bytes`): sized from what the counted
 * thing's record holds (engine/record-size.ts over knowledge/capacity/record-kinds.ts), never from the value size
 * another model of the design assumes for its own records.
 */
export const recordBytesOf = (population: string): string => `${population}_record_bytes`;
const record = (p: { quantity: string; label: string }) => ({
  quantity: recordBytesOf(p.quantity),
  label: `bytes of one record of the stated ${p.label}`,
  unit: "B",
  typical: GENERIC_RECORD.bytes,
  why: GENERIC_RECORD.why,
});
/** A report interval, read only where the prompt states one: no report rate rests on a typical interval. */
const REPORT_PERIODS = ["scrape_seconds", "heartbeat_seconds", "update_seconds", "request_interval_seconds"] as const;
/** What one act a report period paces is, for the rate figure's words. */
const PERIOD_ACTS: Readonly<Record<(typeof REPORT_PERIODS)[number], string>> = {
  scrape_seconds: "writes the stated {label} make, each reporting once an interval",
  heartbeat_seconds: "writes the stated {label} make, each reporting once an interval",
  update_seconds: "writes the stated {label} make, each reporting once an interval",
  request_interval_seconds: "requests the stated {label} send, each asking once an interval",
};

/**
 * "80 million carts", "30,000 thermostats", "our 300 branches": a population the design's own models do not read is
 * still state the system holds, one record each on every replica; with a stated report interval ("report every 30
 * seconds") each one writes once an interval, a write rate of the population over the interval.
 */
export const POPULATIONS: readonly { quantity: string; label: string; reports?: true }[] = [
  { quantity: "population", label: "things the prompt counts", reports: true },
  { quantity: "users", label: "users" },
  { quantity: "clients", label: "clients or devices", reports: true },
  { quantity: "objects", label: "objects" },
  { quantity: "merchants", label: "merchants" },
  { quantity: "properties", label: "properties" },
  { quantity: "tenants", label: "tenants" },
  { quantity: "services", label: "services" },
  { quantity: "sites", label: "sites" },
  { quantity: "zones", label: "zones" },
  { quantity: "timers", label: "pending timers" },
  { quantity: "items", label: "items" },
  { quantity: "models", label: "models" },
  { quantity: "units_for_sale", label: "units on sale" },
  { quantity: "items_per_event", label: "items on sale" },
];
const populationUse = (p: { quantity: string; label: string; reports?: true }): StatedUse => ({
  reads: [p.quantity],
  model: {
    inputs: [
      inp(p.quantity),
      record(p),
      inp("storage_overhead"),
      ...(p.reports ? REPORT_PERIODS.map((q) => ({ quantity: q, statedOnly: true as const })) : []),
    ],
    figures: [
      fig(
        `${p.quantity}_held_bytes`,
        `state held for the stated ${p.label}: one record each, times the redundancy's raw bytes per byte`,
        "storage",
        `${p.quantity} * ${recordBytesOf(p.quantity)} * storage_overhead`,
        "B",
      ),
      ...(p.reports ? REPORT_PERIODS : []).map((q) =>
        fig(
          `${p.quantity}_reports_per_sec_${q.replace(/_seconds$/, "")}`,
          PERIOD_ACTS[q].replace("{label}", p.label),
          "rate",
          `${p.quantity} / ${q}`,
          q === "request_interval_seconds" ? "req/s" : "writes/s",
        ),
      ),
    ],
  },
});

/**
 * "moves 30 million packages a day", "50,000 purchases per second": a stated rate of new records no model reads is
 * still what the store takes. Its records a day, the bytes they add on every replica (one record of the counted thing,
 * sized from what it holds), and the database primaries the writes are split over at the planned utilisation: the
 * shard count follows from the stated number, never from a typical load.
 */
const RECORD_RATES: readonly { quantity: string; label: string }[] = [
  { quantity: "writes_per_sec", label: "writes" },
  { quantity: "messages_per_sec", label: "events" },
];
const recordRateUse = (p: { quantity: string; label: string }): StatedUse => ({
  reads: [p.quantity],
  model: {
    inputs: [inp(p.quantity), record(p), inp("storage_overhead"), PEAK, inp("primary_writes_per_sec"), UTILISATION],
    figures: [
      fig(
        `${p.quantity}_records_per_day`,
        `records the stated ${p.label} add a day`,
        "count",
        `${p.quantity} * 86400`,
        "records",
      ),
      fig(
        `${p.quantity}_bytes_per_day`,
        `bytes the stated ${p.label} add a day, one record each, times the redundancy's raw bytes per byte`,
        "growth",
        `${p.quantity} * 86400 * ${recordBytesOf(p.quantity)} * storage_overhead`,
        "B/day",
      ),
      fig(
        `${p.quantity}_primaries`,
        `database primaries the stated ${p.label} are split over at the peak, each run at the planned share of what one primary commits`,
        "count",
        `${p.quantity} * peak_factor / (primary_writes_per_sec * target_utilisation)`,
        "primaries",
        true,
      ),
    ],
  },
});

/** Stateless servers answering a stated rate (`rate`, said as `said`) at one server's planned rate. */
function servingModel(rate: string, said: string) {
  return {
    inputs: [
      inp(rate),
      PEAK,
      inp(
        "node_requests_per_sec",
        10000,
        "one stateless server answering small requests is planned at about ten thousand a second",
      ),
      UTILISATION,
    ],
    figures: [
      fig(
        "serving_nodes",
        `servers answering the stated ${said} at a safe utilisation`,
        "count",
        `${rate} * peak_factor / (node_requests_per_sec * target_utilisation)`,
        "nodes",
        true,
      ),
    ],
  };
}
/** The stated rates a ratio bound's items are counted from, in the order one is taken (every one a count a second). */
const RATIO_BASES: readonly { quantity: string; what: string }[] = [
  { quantity: "messages_per_sec", what: "the stated messages or events" },
  { quantity: "samples_per_sec", what: "the stated samples" },
  { quantity: "items_per_sec", what: "the stated items" },
  { quantity: "writes_per_sec", what: "the stated writes" },
  { quantity: "requests_per_sec", what: "the stated requests" },
  { quantity: "reads_per_sec", what: "the stated reads" },
];

/**
 * "no more than 0.1% duplicates", "within 1% of the true count": where no model of the design computes the error a
 * stated ratio bounds, the share is turned into the items a day it allows, over the stated rate it is a share of, so
 * the bound is a number the design's own parts can be checked against (a dedupe window, a sketch's width), never a
 * percentage left in the prompt's words.
 */
const ratioUse = (k: RatioBoundKind): StatedUse => ({
  reads: [k.bound, ...(k.per ? [k.per.quantity] : [])],
  model: {
    inputs: [
      { quantity: k.bound, statedOnly: true },
      ...(k.per ? [inp(k.per.quantity)] : []),
      {
        quantity: "ratio_items_per_day",
        label: "items a day the stated ratio is a share of",
        unit: "items/day",
        typical: 100000000,
        why: "about 100 million items a day, a planning figure for a service of moderate size (measure the real daily volume)",
        from: RATIO_BASES.map((b) => ({
          expression: `${b.quantity} * 86400`,
          why: `${b.what} over a day`,
          allStated: true as const,
        })),
      },
    ],
    figures: [
      // a share counted over a window of its own (a quota's minute) is said per window, else per day
      k.per
        ? fig(
            `${k.bound.replace(/_bound_share$/, "")}_allowed_per_window`,
            `${k.allowed} per ${k.per.words} at the stated share, across every key`,
            "rate",
            `${k.bound} * ratio_items_per_day * ${k.per.quantity} / 86400`,
            "items",
          )
        : fig(
            `${k.bound.replace(/_bound_share$/, "")}_allowed_per_day`,
            `${k.allowed} a day at the stated share`,
            "rate",
            `${k.bound} * ratio_items_per_day`,
            "items/day",
          ),
    ],
  },
});

/**
 * The load a stated count of machines, regions or shards divides: the design's own request rate where one of its models
 * reads it, else the stated one (or one made of stated writes and reads, or of the stated users' daily requests), else
 * a planning figure said as one.
 */
const SHARED_LOAD = fromUsers(
  10000,
  "about ten thousand requests a second, a planning figure where the prompt states no rate (measure the real one)",
);
/**
 * The writes a stated count of partitions or shards splits: the design's own write rate where one of its models reads
 * it, else the stated writes, or the stated events, samples or tasks (each one write), else a planning figure.
 */
const PARTITIONED_WRITES = {
  quantity: "writes_per_sec",
  typical: 10000,
  why: "about ten thousand writes a second, a planning figure where the prompt states no write rate (measure the real one)",
  from: [
    { expression: "messages_per_sec", why: "the stated events, each one write", allStated: true as const },
    { expression: "samples_per_sec", why: "the stated samples, each one write", allStated: true as const },
    { expression: "tasks_per_sec", why: "the stated tasks, each one write", allStated: true as const },
  ],
};

/**
 * "on a pool of 3,000 machines", "for 5,000 Kafka brokers", "two regions", "300 MySQL shards", "survives losing any two
 * machines": a stated count of machines, regions, shards or tolerated losses that no model of the design reads still
 * divides the load or fixes the redundancy. Each machine's (or region's, or shard's) share is the load over the count;
 * a region lost moves its share onto the rest; a byte outlives the stated losses only with one more full copy than
 * machines lost, or with that many parity fragments in an erasure code.
 */
const FLEET_USES: readonly StatedUse[] = [
  // the machines the prompt counts, whether they serve the requests or send them: each one's share at the peak
  {
    reads: ["nodes"],
    model: {
      inputs: [inp("nodes"), SHARED_LOAD, PEAK],
      figures: [
        fig(
          "requests_per_stated_node",
          "requests a second each of the stated machines serves or sends at the peak: the load split evenly over them",
          "hotspot",
          "requests_per_sec * peak_factor / nodes",
          "req/s",
        ),
      ],
    },
  },
  // each region serves the users nearest it; one region lost sends its users to the rest, so each survivor is sized
  // for its share of the whole load over one region fewer
  {
    reads: ["regions"],
    model: {
      inputs: [inp("regions"), SHARED_LOAD, PEAK],
      figures: [
        fig(
          "requests_per_region",
          "requests a second each stated region serves at the peak with every region up",
          "hotspot",
          "requests_per_sec * peak_factor / regions",
          "req/s",
        ),
        fig(
          "requests_per_region_one_lost",
          "requests a second each surviving region serves at the peak once one region is lost (a lone region has none to hand over to)",
          "headroom",
          "requests_per_sec * peak_factor / max(1, regions - 1)",
          "req/s",
        ),
      ],
    },
  },
  // a stated count of shards, partitions or topics splits the writes; a key spread evenly leaves each its share
  {
    reads: ["partitions"],
    model: {
      inputs: [inp("partitions"), PARTITIONED_WRITES, PEAK],
      figures: [
        fig(
          "writes_per_stated_partition",
          "writes a second each of the stated partitions takes at the peak, with keys spread evenly over them",
          "hotspot",
          "writes_per_sec * peak_factor / partitions",
          "writes/s",
        ),
      ],
    },
  },
  // "600 GPUs", "shares 20,000 GPUs among 400 teams", "300 models on 2,000 GPUs": the accelerator hours the fleet
  // offers a day (what a scheduler hands out), each stated team's even share of them (where a fair-share quota starts),
  // and each one's share of a stated prediction rate at the peak
  {
    reads: ["accelerators"],
    model: {
      inputs: [
        inp("accelerators"),
        { quantity: "tenants", statedOnly: true },
        { quantity: "requests_per_sec", statedOnly: true },
        PEAK,
      ],
      figures: [
        fig(
          "accelerator_hours_per_day",
          "accelerator hours the stated GPUs offer a day, the budget a scheduler hands out",
          "count",
          "accelerators * 24",
          "GPU-hours",
        ),
        fig(
          "accelerators_per_tenant",
          "each stated team's even share of the GPUs, where a fair-share quota starts",
          "count",
          "accelerators / tenants",
          "GPUs",
        ),
        fig(
          "requests_per_accelerator",
          "requests a second each stated GPU serves at the peak",
          "hotspot",
          "requests_per_sec * peak_factor / accelerators",
          "req/s",
        ),
      ],
    },
  },
  // "three replicas", "two copies of the worker": each copy takes its share of the load where the requests are spread
  // over all of them (reads served by any replica, work split between copies)
  {
    reads: ["replicas"],
    model: {
      inputs: [inp("replicas"), SHARED_LOAD, PEAK],
      figures: [
        fig(
          "requests_per_stated_replica",
          "requests a second each of the stated copies takes at the peak, with the load spread over all of them",
          "hotspot",
          "requests_per_sec * peak_factor / replicas",
          "req/s",
        ),
      ],
    },
  },
  // "30 million viewers vote in a 2-hour window": everyone the prompt counts acting once inside the stated window is
  // an arrival rate of the count over the window (at least; arrivals bunch at its start and end)
  {
    reads: ["window_seconds"],
    model: {
      inputs: [{ quantity: "users", statedOnly: true }, inp("window_seconds")],
      figures: [
        fig(
          "window_arrivals_per_sec",
          "arrivals a second when each stated user acts once within the stated window, spread evenly over it",
          "rate",
          "users / window_seconds",
          "req/s",
        ),
      ],
    },
  },
  // "losing any two machines loses nothing": whole copies need one more than the machines lost, each on its own
  // machine; a Reed-Solomon code needs as many parity fragments as machines lost, one fragment per machine (six data
  // fragments a stripe as in HDFS's default policy RS-6-3-1024k, 6 data and 3 parity blocks: Apache Hadoop, "HDFS
  // Erasure Coding", and Cloudera's "Erasure coding policies")
  {
    reads: ["machines_lost_at_once"],
    model: {
      inputs: [
        inp("machines_lost_at_once"),
        inp(
          "ec_data_fragments",
          6,
          "a stripe of six data fragments, a common default for a Reed-Solomon code (a wider stripe costs less space and more reads to rebuild a lost fragment)",
        ),
      ],
      figures: [
        fig(
          "copies_to_survive_losses",
          "whole copies of each byte, each on its own machine, that keep it through the stated machines lost at once",
          "count",
          "machines_lost_at_once + 1",
          "copies",
          true,
        ),
        fig(
          "erasure_overhead_for_losses",
          "raw bytes per byte of an erasure code with one parity fragment for each stated machine lost, every fragment on its own machine",
          "storage",
          "(ec_data_fragments + machines_lost_at_once) / ec_data_fragments",
          "x",
        ),
        fig(
          "machines_per_stripe",
          "fewest machines one stripe of that code is spread over (data fragments plus parity)",
          "count",
          "ec_data_fragments + machines_lost_at_once",
          "machines",
          true,
        ),
      ],
    },
  },
];

/**
 * Counts of machines, places, shards or copies: a stated use reads one only where the prompt counts it in digits or
 * number words ("three regions", "a dozen shards"), never where a word only implies several ("worldwide",
 * "multi-region", "a fleet"): such a word sizes nothing as stated (knowledge/lexicon.ts `countsAmount`).
 */
export const COUNTED_ONLY: ReadonlySet<string> = new Set([
  "nodes",
  "regions",
  "partitions",
  "accelerators",
  "replicas",
  "machines_lost_at_once",
  "databases",
  "workers",
  "sites",
  "failure_domains",
]);

/**
 * "a room held for 10 minutes during checkout", "taken back if not accepted within 30 seconds", "dropped 30 days after it
 * was last touched": a stated window each thing waits out on its own timer. The things waiting at once are the rate
 * they are set at times the window (Little's law), each one an entry in the timer index until it fires or is cleared:
 * the buffer the window needs. The rate is the prompt's own where it states one, else a planning figure said as one.
 */
const TIMED_RATES: readonly { expression: string; why: string }[] = [
  { expression: "tasks_per_sec", why: "the stated tasks, each waiting out its own window" },
  { expression: "bookings_per_sec", why: "the stated bookings, each waiting out its own window" },
  { expression: "writes_per_sec", why: "the stated writes, each setting one timer" },
  { expression: "messages_per_sec", why: "the stated messages, each waiting out its own window" },
  { expression: "requests_per_sec", why: "the stated requests, each setting one timer" },
];
const windowUse = (window: string, what: string): StatedUse => ({
  reads: [window],
  model: {
    inputs: [
      inp(window),
      {
        quantity: "timed_items_per_sec",
        label: "things a second that each start a timer of the stated window",
        unit: "items/s",
        typical: 100,
        why: "about a hundred a second, a planning figure: the prompt states no rate of the things it times (measure it)",
        from: TIMED_RATES.map((r) => ({ ...r, allStated: true as const })),
      },
      inp(
        "timer_entry_bytes",
        100,
        "a thing's id, its due time and its state in a timer index entry, with the store's per-entry overhead: about a hundred bytes",
      ),
    ],
    figures: [
      fig(
        `${window.replace(/_seconds$/, "")}_waiting`,
        `${what} waiting at once: the rate they start at times the stated window (Little's law)`,
        "count",
        `timed_items_per_sec * ${window}`,
        "items",
        true,
      ),
      fig(
        `${window.replace(/_seconds$/, "")}_index_bytes`,
        `timer index the waiting ${what} hold, one entry each until it fires or is cleared`,
        "storage",
        `timed_items_per_sec * ${window} * timer_entry_bytes`,
        "B",
      ),
    ],
  },
});

/**
 * "a single customer may send at most 10,000 emails an hour", "100k/s per DC": one scope's stated rate lands on the one
 * store node that holds that scope's counter or state (one key lives on one shard), so the busiest scope's load is
 * measured against one node, never spread over the fleet: the hotspot a stated per-scope rate sets.
 */
const SCOPED_BASES = ["requests_per_sec", "messages_per_sec", "writes_per_sec", "tasks_per_sec"] as const;
const SCOPES = ["key", "user", "tenant"] as const;
const scopedUse = (rate: string, scope: string): StatedUse => ({
  reads: [`${rate}_per_${scope}`],
  model: {
    inputs: [inp(`${rate}_per_${scope}`), inp("store_node_ops_per_sec")],
    figures: [
      fig(
        `one_${scope}_node_share_${rate.replace(/_per_sec$/, "")}`,
        `share of one store node's operations a single ${scope} at its stated rate takes (its state lives on one node, so no added node spreads it)`,
        "rate",
        `${rate}_per_${scope} / store_node_ops_per_sec`,
        "fraction",
      ),
    ],
  },
});

export const STATED_USES: readonly StatedUse[] = [
  windowUse("timer_lead_seconds", "timed things"),
  windowUse("hold_seconds", "held things"),
  ...SCOPED_BASES.flatMap((rate) => SCOPES.map((scope) => scopedUse(rate, scope))),
  // "page someone when p99 stays above 300 ms for five minutes": the condition must hold that long before the rule
  // fires, then the next evaluation sees it and the page goes out, so the earliest page after the condition starts is
  // the hold plus at most one evaluation interval plus the notification (Prometheus keeps a rule pending for its `for`
  // duration, checked at each evaluation)
  {
    reads: ["alert_hold_seconds"],
    model: {
      inputs: [inp("alert_hold_seconds"), inp("eval_interval_seconds"), inp("page_notify_seconds")],
      figures: [
        fig(
          "alert_page_seconds",
          "longest time from a condition starting to its page: the stated hold, then an evaluation interval and the notification",
          "time",
          "alert_hold_seconds + eval_interval_seconds + page_notify_seconds",
          "s",
        ),
      ],
    },
  },
  // "10,000 minutes of audio per hour": media said by its running time, where no media model reads it, is still the
  // hours of media the system takes in each day
  {
    reads: ["media_seconds_per_sec"],
    model: {
      inputs: [inp("media_seconds_per_sec")],
      figures: [
        fig(
          "media_hours_per_day",
          "hours of media the stated amount brings in a day",
          "growth",
          "media_seconds_per_sec * 86400 / 3600",
          "h of media/day",
        ),
      ],
    },
  },
  // "a city of 2 million people": where no model reads what the place's people bound (its users, rides or drivers),
  // they still bound its users, a share of them
  {
    reads: ["place_population"],
    model: {
      inputs: [inp("place_population"), inp("resident_user_share")],
      figures: [
        fig(
          "place_users",
          "users among the stated place's people: its residents times the share who use the service",
          "count",
          "place_population * resident_user_share",
          "users",
        ),
      ],
    },
  },
  ...POPULATIONS.map(populationUse),
  ...RECORD_RATES.map(recordRateUse),
  ...FLEET_USES,
  ...RATIO_BOUNDS.map(ratioUse),
  // "retrievable for 7 days", "keep 5 years of mail": what is written each day, kept that long, on every replica
  {
    reads: ["retention_days"],
    model: {
      inputs: [
        inp("retention_days"),
        {
          quantity: "retained_bytes_per_day",
          label: "bytes written a day that the retention keeps",
          unit: "B/day",
          typical: 100000000000,
          why: "about 100 GB written a day, a planning figure for a service of moderate size (measure the real daily volume)",
          from: [
            { expression: "bytes_per_day", why: "the stated daily bytes", allStated: true },
            { expression: "bytes_per_sec * 86400", why: "the stated bandwidth over a day", allStated: true },
            { expression: "writes_per_sec * 86400 * value_bytes", why: "the stated writes over a day, a record each" },
            {
              expression: "messages_per_sec * 86400 * value_bytes",
              why: "the stated events over a day, a record each",
            },
          ],
        },
        inp("storage_overhead"),
      ],
      figures: [
        fig(
          "kept_bytes_for_retention",
          "raw bytes kept for the stated retention, times the redundancy's raw bytes per byte",
          "storage",
          "retained_bytes_per_day * retention_days * storage_overhead",
          "B",
        ),
      ],
    },
  },
  // "expire after 30 idle minutes", "a 10-second TTL": an expired entry is hidden at once by a read that checks its
  // expiry time, and its space is given back by a periodic sweep, so the latest it is reclaimed is its time to live
  // plus one sweep; where the prompt states a removal bound, that sum is held to it
  {
    reads: ["ttl_seconds"],
    model: {
      inputs: [
        inp("ttl_seconds"),
        {
          quantity: "expiry_sweep_seconds",
          label: "interval between two sweeps that delete expired entries",
          unit: "s",
          typical: 60,
          why: "a background sweep of expired entries about once a minute (a planning figure: reads check the expiry time themselves, so the sweep only gives space back)",
        },
      ],
      figures: [
        fig(
          "expiry_reclaim_seconds",
          "latest an expired entry's space is reclaimed after its last touch: its time to live plus one sweep",
          "time",
          "ttl_seconds + expiry_sweep_seconds",
          "s",
        ),
      ],
    },
  },
  // "a crashed holder's claim must be reclaimed within 2 minutes": the lease is cut to fit the bound (its planned
  // share, less one check), so the lease plus the check that takes it back stays inside it with the headroom spare
  {
    reads: ["lease_seconds", "reclaim_bound_seconds"],
    model: {
      inputs: [inp("lease_seconds"), inp("lease_sweep_seconds")],
      figures: [
        {
          ...fig(
            "lease_reclaim_seconds",
            "latest a crashed holder's lease is taken back: the lease's length plus one check",
            "time",
            "lease_seconds + lease_sweep_seconds",
            "s",
          ),
          bound: "reclaim_bound_seconds",
        },
      ],
    },
  },
  // "a failed controller must be replaced within 2 seconds": where no model of the design reads the failover bound, the
  // one that takes over holds a lease on the role; the lease is cut to fit the bound and renewed a few times within
  // it, and the crash-to-takeover time (the lease, the store's expiry check, telling a waiting candidate) is held to it
  {
    reads: ["failover_seconds"],
    model: {
      inputs: [
        { quantity: "lease_seconds", from: LEASE_FROM_FAILOVER },
        {
          quantity: "keepalive_seconds",
          from: {
            expression: "lease_seconds / keepalives_per_lease",
            why: "a holder renews a few times within each lease duration",
          },
        },
      ],
      figures: [
        fig(
          "role_keepalive_seconds",
          "interval between two keep-alives of the lease on the role (a holder paused longer than the lease loses it)",
          "time",
          "keepalive_seconds",
          "s",
        ),
        failoverTimeFigure(),
      ],
    },
  },
  // "redelivered to another consumer within 30 seconds", "a failed job must be retried within a minute": an item taken
  // by a consumer that crashes (or gives it back failed) is handed out again only once its visibility timeout runs out
  // and an idle consumer asks, so that sum is held to the stated bound
  {
    reads: ["redelivery_bound_seconds", "visibility_timeout_seconds"],
    model: {
      inputs: [inp("visibility_timeout_seconds"), inp("receive_poll_seconds")],
      figures: [
        {
          ...fig(
            "redelivery_time",
            "time until a crashed consumer's message is handed out again",
            "time",
            "visibility_timeout_seconds + receive_poll_seconds",
            "s",
          ),
          bound: "redelivery_bound_seconds",
        },
      ],
    },
  },
  // "is credited $10, at most $500 per calendar year": the rule's amounts, never a rate or a count; the cap over the
  // amount is how many awards one scope takes before the next is refused, the count its per-period counter must reach
  {
    reads: ["amount_cap", "money_amount"],
    model: {
      inputs: [
        { quantity: "amount_cap", statedOnly: true },
        { quantity: "money_amount", statedOnly: true },
      ],
      figures: [
        fig(
          "awards_until_cap",
          "awards one scope receives in the cap's period before the stated cap refuses the next",
          "count",
          "amount_cap / money_amount",
          "awards",
        ),
      ],
    },
  },
  // "a 30-minute slot": each bookable resource's day divided into slots of the stated length, the rows its calendar
  // holds a day and the most bookings it can take
  {
    reads: ["slot_seconds"],
    model: {
      inputs: [
        inp("slot_seconds"),
        {
          quantity: "open_seconds_per_day",
          label: "hours a day one resource can be booked",
          unit: "s",
          typical: 43200,
          why: "a resource (a room, a clinician, a court) is bookable about twelve hours a day (a planning figure; use the real opening hours)",
        },
      ],
      figures: [
        fig(
          "slots_per_resource_per_day",
          "slots one resource offers a day at the stated length",
          "count",
          "open_seconds_per_day / slot_seconds",
          "slots",
        ),
      ],
    },
  },
  // "8 PB of backups": the stated bytes on every replica, and the disks that hold them
  {
    reads: ["bytes_stored"],
    model: {
      inputs: [
        inp("bytes_stored"),
        inp("storage_overhead"),
        inp("disk_bytes", 16000000000000, "a 16 TB hard drive, a common size for bulk storage"),
      ],
      figures: [
        fig(
          "raw_stored_bytes",
          "raw bytes the stated data takes under the redundancy scheme",
          "storage",
          "bytes_stored * storage_overhead",
          "B",
        ),
        fig(
          "disks_for_stored_bytes",
          "disks that hold the stated data's raw bytes",
          "count",
          "bytes_stored * storage_overhead / disk_bytes",
          "disks",
          true,
        ),
      ],
    },
  },
  // "files up to 5 TB": the largest object moves in parts, each sent and retried on its own
  {
    reads: ["max_object_bytes"],
    model: {
      inputs: [
        inp("max_object_bytes"),
        {
          quantity: "upload_part_bytes",
          label: "size of one part of a multipart upload",
          unit: "B",
          typical: 100000000,
          why: "about 100 MB a part keeps one retried part cheap on a slow link (a planning figure; object stores bound both the part size and the parts of one upload)",
        },
      ],
      figures: [
        fig(
          "largest_object_parts",
          "parts the largest stated object is uploaded in, each retried on its own",
          "count",
          "max_object_bytes / upload_part_bytes",
          "parts",
          true,
        ),
      ],
    },
  },
  // "answers 2 million queries per second": the servers that answer them, at one server's planned rate
  { reads: ["requests_per_sec", "queries_per_sec"], model: servingModel("requests_per_sec", "request rate") },
  // "serves 2,000 reads per second" beside a stated write rate: the same servers, sized from the reads themselves (no
  // request rate is stated, and no bridge makes one of the reads alone)
  { reads: ["reads_per_sec"], model: servingModel("reads_per_sec", "read rate") },
  // "spreads 10 million packets per second": a layer-3/4 data plane is sized in packets, per forwarding machine, not in
  // an HTTP tier's requests; each machine bypasses the kernel's network stack to move millions of small packets a
  // second, so the fleet is a handful of machines plus the spare that keeps the rate when one fails
  {
    reads: ["packets_per_sec"],
    model: {
      inputs: [
        inp("packets_per_sec"),
        PEAK,
        inp(
          "node_packets_per_sec",
          9000000,
          "a forwarder that bypasses the kernel's network stack moves several million small packets a second on one machine: Google's Maglev paper measured about 9 million a second, enough to fill a 10 Gbit/s NIC, where the kernel's own stack managed well under half of that",
        ),
        UTILISATION,
        inp(
          "packet_bytes",
          500,
          "traffic mixes small acknowledgements with full 1,500-byte segments, a few hundred bytes on average (a planning figure; measure the mix)",
        ),
      ],
      figures: [
        fig(
          "forwarding_nodes",
          "forwarding machines carrying the stated packet rate at a safe utilisation",
          "count",
          "packets_per_sec * peak_factor / (node_packets_per_sec * target_utilisation)",
          "machines",
          true,
        ),
        fig(
          "forwarded_bytes_per_sec",
          "bandwidth the forwarding tier carries in (replies may bypass it)",
          "bandwidth",
          "packets_per_sec * peak_factor * packet_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "with under 5 seconds of delay" on a live stream: the delay is spent over the stream's stages. A segmented stream
  // (HLS, DASH) cannot play a segment before it is whole, and a player starts some segments behind the live edge (HLS
  // says at least three target durations), so the bound fixes the longest segment, or low-latency part, it allows
  {
    reads: ["live_delay_seconds"],
    model: {
      inputs: [
        inp("live_delay_seconds"),
        inp(
          "encode_seconds",
          1,
          "ingest and a live encoder take about a second before a segment's first encoded bytes exist (a planning figure; measure the encoder)",
        ),
        inp(
          "edge_delivery_seconds",
          0.5,
          "the packager publishing a segment, an edge fetching it through the origin shield and a viewer downloading it, about half a second (a planning figure)",
        ),
        inp(
          "buffered_segments",
          3,
          "a live HLS player starts at least three target durations behind the newest segment (RFC 8216), and DASH players keep a similar margin",
        ),
      ],
      figures: [
        fig(
          "max_segment_seconds",
          "longest segment (or low-latency part) the stated delay allows, with the player's buffer of them",
          "time",
          "(live_delay_seconds - encode_seconds - edge_delivery_seconds) / buffered_segments",
          "s",
        ),
      ],
    },
  },
  // "one streamer can reach 2 million concurrent viewers": one stream's audience is its fan-out, served by the edge
  // servers that each fetch the stream once from the tier above and copy it to their viewers, not that many streams
  {
    reads: ["viewers_per_stream"],
    ownReading: true,
    model: {
      inputs: [
        inp("viewers_per_stream"),
        inp("stream_bytes_per_sec", 625000, "an HD stream of about 5 Mbit/s"),
        inp(
          "appliance_bytes_per_sec",
          12500000000,
          "one edge cache server with a 100 Gbit/s network serves about 12.5 GB a second (a planning figure)",
        ),
        UTILISATION,
      ],
      figures: [
        fig(
          "stream_audience_egress",
          "bandwidth one stream's audience draws from the edge",
          "bandwidth",
          "viewers_per_stream * stream_bytes_per_sec",
          "B/s",
        ),
        fig(
          "stream_edge_servers",
          "edge servers one stream's audience needs at a safe utilisation",
          "count",
          "viewers_per_stream * stream_bytes_per_sec / (appliance_bytes_per_sec * target_utilisation)",
          "servers",
          true,
        ),
        fig(
          "stream_origin_egress",
          "bandwidth the origin sends for one stream: one copy per edge server, whatever the audience",
          "bandwidth",
          "stream_edge_servers * stream_bytes_per_sec",
          "B/s",
        ),
      ],
    },
  },
  // "streams every change from 200 MySQL databases": each source's change log is read in its own commit order by one
  // reader, so the readers are as many as the sources
  {
    reads: ["databases"],
    model: {
      inputs: [
        inp("databases"),
        inp(
          "readers_per_source",
          1,
          "a source's change log is read in commit order by exactly one reader (two readers of one log would split its order)",
        ),
      ],
      figures: [
        fig(
          "source_readers",
          "change-log readers, one per source database",
          "count",
          "databases * readers_per_source",
          "readers",
          true,
        ),
      ],
    },
  },
  // "per-user 5-minute windowed counts over 1 million events per second": the events one window spans and the state
  // its open keys hold until the window closes
  {
    reads: ["window_seconds"],
    model: {
      inputs: [
        inp("messages_per_sec"),
        inp("window_seconds"),
        inp(
          "distinct_keys_per_window",
          10000000,
          "ten million keys (users, accounts) active in one window, a planning figure to measure",
        ),
        inp(
          "window_key_bytes",
          100,
          "a key, its window's start and a 64-bit count, with the state store's per-entry overhead: about a hundred bytes",
        ),
      ],
      figures: [
        fig("window_events", "events one window spans", "count", "messages_per_sec * window_seconds", "events"),
        fig(
          "window_state_bytes",
          "state the open windows hold until they close (one count per key seen)",
          "storage",
          "min(window_events, distinct_keys_per_window) * window_key_bytes",
          "B",
        ),
      ],
    },
  },
  // "state updates reach every player 30 times per second" with "100 players share a match": every update goes to
  // every participant, so one subject sends the rate times its participants, each update a small delta snapshot
  {
    reads: ["updates_per_subject_per_sec"],
    model: {
      inputs: [
        inp("updates_per_subject_per_sec"),
        inp("max_participants", 10, "a subject shared by about ten participants"),
        inp(
          "update_bytes",
          500,
          "a delta of the state each participant sees (positions and changes since the last acknowledged update), a few hundred bytes",
        ),
      ],
      figures: [
        fig(
          "subject_deliveries_per_sec",
          "updates one subject sends a second, to every participant",
          "rate",
          "updates_per_subject_per_sec * max_participants",
          "msgs/s",
        ),
        fig(
          "subject_egress_bytes_per_sec",
          "bandwidth one subject's updates take",
          "rate",
          "updates_per_subject_per_sec * max_participants * update_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "8 participants per call and 30 frames per second": a forwarding server sends each participant's stream on to
  // every other participant, so one call forwards n x (n - 1) streams, each at the stated frame rate
  {
    reads: ["frames_per_sec", "max_participants"],
    model: {
      inputs: [
        inp("frames_per_sec", 30, "video is commonly sent at thirty frames a second"),
        inp("max_participants", 4, "a small call of a few people"),
        inp(
          "frame_bytes",
          6000,
          "a 720p stream near 1.5 Mbit/s at thirty frames a second is about 6 KB a frame (a planning figure; measure the codec's)",
        ),
      ],
      figures: [
        fig(
          "forwarded_streams_per_call",
          "streams one call forwards (each participant's to every other)",
          "fan-out",
          "max_participants * (max_participants - 1)",
          "streams",
        ),
        fig(
          "call_frames_per_sec",
          "frames one call forwards a second",
          "rate",
          "frames_per_sec * max_participants * (max_participants - 1)",
          "frames/s",
        ),
        fig(
          "call_egress_bytes_per_sec",
          "bandwidth one call's forwarded streams take",
          "bandwidth",
          "frames_per_sec * max_participants * (max_participants - 1) * frame_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "pages are read 500 times for every write": a copy dropped or replaced on each write is missed by the first read
  // after it, so one request in (ratio + 1) misses whatever the cache holds, a floor under the miss share
  {
    reads: ["read_write_ratio"],
    model: {
      inputs: [inp("read_write_ratio")],
      figures: [
        fig(
          "write_miss_share",
          "share of requests that miss because a write dropped the copy (the first read after each write)",
          "hotspot",
          "1 / (1 + read_write_ratio)",
          "fraction",
        ),
      ],
    },
  },
  // "running 40,000 builds an hour on 2,000 agents": the work in flight at once and each machine's share of it
  {
    reads: ["tasks_per_sec", "workers"],
    model: {
      inputs: [
        {
          quantity: "tasks_per_sec",
          // a queue's messages are the tasks its workers take, one each, where the design's own model counts them
          from: {
            expression: "messages_per_sec",
            why: "the design's own message rate, each message one task",
            fromDesign: true,
          },
        },
        PEAK,
        inp("task_seconds", 300, "a build, batch job or test run takes a few minutes"),
        inp("workers"),
      ],
      figures: [
        fig(
          "tasks_in_flight",
          "tasks running at once at the peak",
          "count",
          "tasks_per_sec * peak_factor * task_seconds",
          "tasks",
        ),
        fig(
          "tasks_per_worker",
          "tasks each machine runs at once",
          "hotspot",
          "tasks_per_sec * peak_factor * task_seconds / workers",
          "tasks",
        ),
      ],
    },
  },
];

/**
 * The figures of the stated numbers' own uses: what they size is the stated number's, never a feature's own records
 * (coherence `substrate-resizes-feature-records` counts only a feature's own stored-bytes figures).
 */
export const STATED_USE_FIGURES: ReadonlySet<string> = new Set(
  STATED_USES.flatMap((u) => u.model.figures.map((f) => f.id)),
);

/** The stated quantities whose one record a use sizes from what the counted thing holds (`<quantity>_record_bytes`). */
export const RECORD_SIZED: readonly string[] = [
  ...POPULATIONS.map((p) => p.quantity),
  ...RECORD_RATES.map((p) => p.quantity),
];
