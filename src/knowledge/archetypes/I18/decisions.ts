import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i18-collection",
    question: "Pull (scrape) samples, or have agents push them?",
    options: [
      {
        id: "pull",
        name: "pull: the collector scrapes each target",
        buys: "the collector sets the pace, and a failed scrape is itself a health signal",
        costs: "needs service discovery, and cannot reach short-lived jobs or hosts behind NAT",
        winsWhen: "targets are long-lived and reachable",
      },
      {
        id: "push",
        name: "push: agents send to a distributor",
        buys: "works for short-lived jobs, edge devices and hosts behind NAT",
        costs:
          "the ingest tier must shed load when senders surge; a silent sender is indistinguishable from a dead one",
        winsWhen: "senders are short-lived, mobile or not reachable",
        implies: { addMechanisms: ["load-shedding"] },
      },
    ],
    rules: [
      {
        when: [{ number: "nodes", atLeast: 100000 }],
        option: "push",
        because: "a fleet this large is easier to ingest by push through a distributor tier",
      },
    ],
    fallback: { option: "pull", because: "long-lived targets and free liveness signals" },
  },
  {
    id: "i18-retention",
    question: "Keep raw samples for the whole retention, or downsample older data?",
    options: [
      {
        id: "raw",
        name: "raw samples for the whole retention",
        buys: "full resolution for every query",
        costs: "storage grows linearly with retention",
        winsWhen: "retention is a couple of weeks",
      },
      {
        id: "downsample",
        name: "raw for recent data, rollups (for example 5-minute and 1-hour) for older data",
        buys: "long retention at a fraction of the bytes",
        costs: "old data loses resolution; rollups must be computed and compacted",
        winsWhen: "retention runs to months",
        implies: { addMechanisms: ["rollup-downsampling"] },
      },
    ],
    rules: [
      {
        when: [{ number: "retention_days", atLeast: 30 }],
        option: "downsample",
        because: "retention runs to months",
      },
    ],
    fallback: { option: "raw", because: "retention is short enough to keep full resolution" },
  },
];
