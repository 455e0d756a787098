import type { CARRIER_KINDS } from "../../engine/design/schema.js";

/**
 * How a kind of reader is named beside a stated requirement it carries: one table for the design document and the
 * workbench (this module imports nothing at run time, so the browser bundle takes it as it is).
 */
export const CARRIER_WORDS: Readonly<Record<(typeof CARRIER_KINDS)[number], string>> = {
  subject: "the design's subject",
  figure: "figure",
  latency: "latency bound",
  quality: "stated quality",
  rule: "rule",
  operation: "operation",
  record: "record",
  mechanism: "mechanism",
  feature: "feature",
  decision: "decision",
  technology: "technology",
};
