import type { DecisionPoint } from "../../decisions/types.js";
import { APP_CONFIG_DECISIONS } from "./app-config.js";
import { DEPLOY_DECISIONS } from "./deploy.js";
import { DNS_DECISIONS } from "./dns.js";
import { FLAG_DECISIONS } from "./flags.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  ...FLAG_DECISIONS,
  ...APP_CONFIG_DECISIONS,
  ...DNS_DECISIONS,
  ...DEPLOY_DECISIONS,
  {
    id: "i11-distribution",
    unlessTopic: ["feature-flags", "dns", "deploy-rollout", "app-config"],
    question: "Push snapshots over watch streams, or let nodes poll for a new version?",
    options: [
      {
        id: "push",
        name: "push over long-lived watch streams",
        buys: "a change reaches every node within seconds",
        costs: "a stream per node and fan-out servers to hold them",
        winsWhen: "changes must propagate within seconds",
        // a stated propagation bound under what polling adds (the poll option's own `delays`: about a minute)
        wins: [
          {
            boundBelow: "propagation_seconds",
            seconds: 60,
            figure: "what a polling node can lag by (its poll interval and a cached response)",
          },
        ],
        implies: {
          capacity: [
            {
              quantity: "node_pickup_seconds",
              value: 0.1,
              why: "a watch stream sends the change as soon as its distribution server sees the commit: a relay hop and a stream write, about a hundred milliseconds",
            },
          ],
          addMechanisms: ["watch-stream", "versioned-snapshot"],
          draws: ["distributors>agents[push snapshots]", "watch (node-facing)", "Node catch-up"],
        },
      },
      {
        id: "poll",
        name: "nodes poll for a new version (cacheable, CDN-friendly)",
        buys: "stateless, cacheable distribution that scales with any fleet",
        costs: "propagation takes up to a poll interval; idle polls cost load",
        winsWhen: "propagation within minutes is acceptable and the fleet is huge",
        delays: {
          bound: "propagation_seconds",
          seconds: 60,
          why: "a node sees a change up to one poll interval late, and a cached response can be as old again; polling clients space their polls tens of seconds apart (LaunchDarkly's server SDKs poll no faster than every 30 s), so a minute in all",
        },
        implies: {
          capacity: [
            {
              quantity: "node_pickup_seconds",
              value: 60,
              why: "a node sees a change up to one poll interval late, and a cached response can be as old again: about a minute in all",
            },
          ],
          addMechanisms: ["versioned-snapshot"],
          draws: [
            "agents>distributors[poll for a newer version]",
            "fetch snapshot (node-facing)",
            "Poll for a newer version",
          ],
          excludes: ["push snapshots?", "watch stream", ":watch\\b"],
        },
      },
    ],
    rules: [
      // a stated rollback bound is spent detect + decide + propagate (knowledge/capacity/spread.ts): the moved target
      // must reach every node in what the health window and the decision leave, which a poll interval would eat
      {
        when: [{ stated: "rollback_bound_seconds" }, { number: "rollback_bound_seconds", below: 120 }],
        option: "push",
        because:
          "a rolled-back target must reach every node within what the stated rollback bound leaves after the health window and the controller's decision, and a poll interval with a cached response alone takes about a minute",
      },
      // polling's minute must fit the share of the bound planned for use (BOUND_MARGIN: 70%), so push below 90 s
      {
        when: [{ number: "propagation_seconds", below: 90 }],
        option: "push",
        because:
          "changes must arrive within the propagation target, and a poll interval with a cached response takes about a minute, more than the share of the bound planned for use",
      },
    ],
    fallback: { option: "poll", because: "propagation within minutes allows cacheable polling" },
  },
  {
    id: "i11-rollout",
    // a flag's percentage rollout is a rule inside the flag, not waves of hosts
    unlessTopic: ["feature-flags", "dns", "deploy-rollout", "app-config"],
    question: "Apply a change everywhere at once, or roll it out in stages?",
    options: [
      {
        id: "staged",
        name: "staged rollout with canaries and automatic rollback",
        buys: "a bad change is caught on a small slice before it reaches the fleet",
        costs: "slower propagation",
        winsWhen: "no propagation target of seconds is stated, so operators pace the waves",
        delays: {
          bound: "propagation_seconds",
          seconds: 600,
          why: "the last cohort takes a change only after every earlier wave has soaked behind its health gate, minutes each",
        },
        implies: {
          addMechanisms: ["staged-rollout"],
          // the cohorts, their health gates and the controller that widens them exist only where the change is staged
          draws: [
            "rollout-controller",
            "health-monitor",
            "Publish and roll out in stages",
            "Automatic rollback on a failing gate",
            "rollout",
            "rollout status",
            "Rollout",
            "rollout-controller>config-store",
            "health-monitor>rollout-controller",
          ],
        },
      },
      {
        // a stated target of seconds is a propagation SLO: it binds each wave once its cohort is targeted, while
        // the waves themselves stay operator-paced behind health gates, and an emergency change skips them
        id: "staged-within-target",
        name: "staged waves, each landing within the propagation target, plus an emergency all-at-once path",
        buys: "a bad change is still caught on a canary slice, while the stated propagation target holds for each cohort targeted and for an emergency push",
        costs:
          "a full rollout takes one propagation window per wave plus the health-gate soak between waves; the emergency path skips the canary, so it needs validation and instant rollback",
        winsWhen: "a propagation target of seconds is stated and a bad change must still be caught early",
        wins: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 60 }],
        implies: {
          addMechanisms: ["staged-rollout"],
          draws: [
            "rollout-controller",
            "health-monitor",
            "Publish and roll out in stages",
            "Automatic rollback on a failing gate",
            "rollout",
            "rollout status",
            "Rollout",
            "rollout-controller>config-store",
            "health-monitor>rollout-controller",
          ],
        },
      },
      {
        id: "all-at-once",
        name: "all at once, guarded by validation and instant rollback",
        buys: "the fastest propagation",
        costs: "a bad change reaches every node before anyone notices",
        winsWhen:
          "every change, not only an emergency one, must reach the whole fleet within seconds of its publish, leaving no time for a canary wave",
        wins: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 10 }],
        implies: {
          removeMechanisms: ["staged-rollout"],
          draws: ["Publish to the whole fleet at once"],
          // what only a staged rollout has: cohorts widened one by one behind health gates
          excludes: [
            "health[- ]gates?",
            "\\bin stages\\b",
            "\\bstaged\\b",
            "\\bwiden(?:s|ing)?\\b",
            "\\bnext cohort\\b",
            "\\bcohort's gate\\b",
            "\\bcohorts and gates\\b",
            "\\bgates count\\b",
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 10 }],
        option: "all-at-once",
        because: "a propagation target of seconds leaves no time for stages",
      },
      {
        when: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 60 }],
        option: "staged-within-target",
        because:
          "the stated propagation target binds each wave once its cohort is targeted, so staging keeps its canary without missing it",
      },
      // a bound on rolling back is the way back, never the pace of the way out
      {
        when: [{ stated: "rollback_bound_seconds" }],
        option: "staged",
        because:
          "the stated rollback bound holds the way back, not the way out: a rollback moves the target back to the last good version in one write and pushes it to every node at once, skipping the waves, so a new change can still go out in stages behind health gates",
      },
    ],
    fallback: { option: "staged", because: "fleet-wide configuration pushes are a common cause of outages" },
  },
];
