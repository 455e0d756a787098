import type { DecisionPoint } from "../../decisions/types.js";
import { STEP_FINER_THAN_ROLLUPS } from "../../resolutions.js";
import { unlessTopics } from "../../topics.js";
import { LOGS_DECISIONS } from "./logs.js";
import { TRACES_DECISIONS } from "./traces.js";

/**
 * The prompt keeps rollups (or downsampled data) for a span of its own ("one year of hourly rollups", "rollups kept
 * for 13 months"): the long retention is the rollups', whatever span the raw samples are kept for.
 */
const ROLLUPS_KEPT = String.raw`\b(?:\d+|an?|one|two|three|several)\s+(?:weeks?|months?|years?)\s+of\s+(?:[\w-]+\s+){0,2}?(?:roll-?ups?|downsampled\s+\w+|aggregates)\b|\b(?:roll-?ups?|downsampled\s+(?:data|samples|series))\s+(?:are\s+)?(?:kept|retained|stored)?\s*(?:for|over)\s+(?:\d+|an?|one|two|three)\s+(?:weeks?|months?|years?)\b`;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
const NUMBER_DECISIONS: DecisionPoint[] = [
  {
    id: "i18-collection",
    // devices push what they read: there is nothing to scrape
    unlessTopic: "iot",
    question:
      "Scrape each target from an agent beside it and push batches to the ingest tier, or scrape every target from the central tier?",
    options: [
      {
        id: "push",
        name: "agents scrape the targets beside them and push batches to the distributors (remote write)",
        buys: "the central tier needs no route to every target; short-lived jobs and hosts behind NAT are reached by a local agent; batches are retried from the agent's WAL",
        costs:
          "the ingest tier must shed load when senders surge; a silent agent must be told apart from a dead one by its own up series",
        winsWhen: "targets span many clusters or networks, or the fleet is large",
        implies: { addMechanisms: ["load-shedding"], draws: ["agents", "Ingest samples"] },
      },
      {
        id: "pull",
        name: "central scrapers pull every target directly",
        buys: "one place sets the pace, and a failed scrape is itself a health signal",
        costs: "needs a route and service discovery to every target; cannot reach short-lived jobs or hosts behind NAT",
        winsWhen: "all targets are long-lived and sit in one cluster the central tier can reach",
        // a Prometheus server scrapes its targets' metrics endpoints over HTTP (Prometheus docs: overview, pull model)
        usedBy: ["Prometheus"],
        implies: {
          draws: ["targets", "scrapers", "Scrape and ingest"],
          excludes: ["push sample batch", "push samples"],
        },
      },
    ],
    rules: [
      {
        when: [{ number: "nodes", atLeast: 100000 }],
        option: "push",
        because: "a fleet this large is easier to ingest by push through a distributor tier",
      },
      {
        when: [{ stated: "nodes" }, { number: "nodes", below: 500 }],
        option: "pull",
        because: "a few hundred long-lived targets are easy for a central tier to discover and reach",
      },
    ],
    fallback: {
      option: "push",
      because:
        "agents next to the targets keep the central tier free of per-target routes and discovery, and the ingest path drawn here is push",
    },
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
        winsWhen:
          "retention is a couple of weeks, or the prompt asks for answers at a step finer than the rollups' over the whole retention it states",
        // the second half as facts (the first has no figure of its own: the fallback keeps it)
        wins: [{ words: STEP_FINER_THAN_ROLLUPS }, { stated: "retention_days" }],
        implies: { excludes: ["rollups?"], removeMechanisms: ["rollup-downsampling"] },
      },
      {
        id: "downsample",
        name: "raw for recent data, rollups (for example 5-minute and 1-hour) for older data",
        buys: "long retention at a fraction of the bytes",
        costs: "old data loses resolution; rollups must be computed and compacted",
        winsWhen: "retention runs to months or the prompt keeps rollups for a span of their own",
        wins: [{ any: [{ number: "retention_days", atLeast: 60 }, { words: ROLLUPS_KEPT }] }],
        implies: {
          addMechanisms: ["rollup-downsampling"],
          capacity: [
            {
              quantity: "raw_retention_days",
              value: 30,
              why: "raw samples kept a month; after that only the rollups remain",
            },
            // Thanos keeps 5-minute and 1-hour rollups as blocks of their own beside the raw ones: five aggregates
            // (count, sum, min, max, counter) per series per step, against 20 raw samples per 5 minutes and 240 per
            // hour at a 15-second interval, about 25% + 2% of the raw bytes for the same range
            {
              quantity: "rollup_share",
              value: 0.27,
              why: "5-minute and 1-hour rollups keep five aggregates per step: about 27% of the raw bytes at a 15 s interval",
            },
          ],
        },
      },
    ],
    rules: [
      // answers asked per minute (or finer) over the whole stated range cannot come from 5-minute and 1-hour rollups
      // (Thanos keeps only raw, 5-minute and 1-hour resolutions), so the raw data stays for all of it
      {
        when: [{ words: STEP_FINER_THAN_ROLLUPS }, { stated: "retention_days" }],
        option: "raw",
        because:
          "the prompt asks for answers at a step finer than the rollups' over its whole stated range, which 5-minute and 1-hour rollups cannot give",
      },
      {
        when: [{ number: "retention_days", atLeast: 30 }],
        option: "downsample",
        because: "retention runs to months",
      },
    ],
    fallback: { option: "raw", because: "retention is short enough to keep full resolution" },
  },
];

/** Log lines and trace spans ask their own questions; collection by scraping and downsampling are about numbers. */
export const decisions: DecisionPoint[] = [
  ...LOGS_DECISIONS,
  ...TRACES_DECISIONS,
  ...unlessTopics(NUMBER_DECISIONS, ["logs", "traces"]),
];
