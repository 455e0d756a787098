import { fig } from "../../capacity/helpers.js";
import type { CapacityFigureSpec, CapacityInputSpec } from "../../capacity/types.js";

/**
 * A shared subject's participants, in the subject's own noun ("board", "subject"): fleet totals read a typical
 * subject's participants, and a stated per-subject count is the busiest subject's. One definition for every I13
 * capacity model that counts participants.
 */
export const participantInputs = (noun: string): CapacityInputSpec[] => [
  {
    quantity: "participants",
    from: {
      expression: "min(max_participants, 10)",
      why: `the stated count is the busiest ${noun}'s; an average ${noun} has about ten, or the stated count where it is smaller (the busiest ${noun} is sized at the stated count)`,
    },
  },
  {
    quantity: "max_participants",
    from: {
      expression: "participants",
      why: `no per-${noun} maximum is stated, so the busiest ${noun} is sized at the typical count`,
    },
  },
];

/**
 * The operation log's primaries: every update is appended to the log before it is relayed, so the log's primaries
 * take the peak rate, and the log is split by the subject's id over enough primaries that each runs at the planned
 * utilisation (one subject's updates stay on one primary, in its sequence order).
 */
export const oplogSplitFigures = (noun: string): CapacityFigureSpec[] => [
  fig(
    "oplog_primary_share",
    "share of one database primary's write capacity the operation log's appends use",
    "headroom",
    "peak_ops_per_sec / primary_writes_per_sec",
    "fraction",
  ),
  fig(
    "oplog_shards",
    `database primaries the operation log is split over by ${noun} id, each at the planned utilisation`,
    "count",
    "peak_ops_per_sec / (primary_writes_per_sec * target_utilisation)",
    "shards",
    true,
  ),
];
