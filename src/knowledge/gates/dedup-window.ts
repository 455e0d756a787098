import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "dedup-window",
  needs: "an event stream that consumers read",
  skip: (g) =>
    g.operations.some((o) => o.operation === "append event" || o.operation === "async process")
      ? undefined
      : "no event stream is consumed",
  examples: { kept: ["Design an ad click aggregation pipeline with exactly-once counting."], dropped: [] },
});
