import type { DecisionPoint } from "../../decisions/types.js";

/** Members that are instances of services: they register with a registry rather than gossip as peers of one cluster. */
const SERVICE_INSTANCES = String.raw`\b(?:micro)?services? instances?\b|\binstances of\b[^.;]{0,30}?\b(?:micro)?services?\b`;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i10-detection",
    question: "Heartbeats to a central registry, or gossip between members (SWIM-style)?",
    options: [
      {
        id: "central-registry",
        name: "heartbeats or session keepalives to a replicated registry, sharded by member id when the load needs it",
        buys: "one authoritative view that watchers can trust, for any kind of member (users, devices, services)",
        costs: "registry load grows with members / heartbeat interval, so a large population needs registry shards",
        winsWhen: "members are users, devices or service instances, or the view must be authoritative",
        implies: {
          addMechanisms: ["heartbeat-renewal", "watch-stream"],
          removeMechanisms: ["gossip-dissemination"],
          // Eureka clients renew a lease with the Eureka servers every 30 s and are evicted after 90 s without one
          // (Spring Cloud Netflix docs); etcd or ZooKeeper sessions keep ephemeral keys alive the same way
          preferTechnology: ["Eureka", "ephemeral keys"],
          draws: [
            "expiry-sweeper",
            "members>registry-leader[register / heartbeat]",
            "heartbeat",
            "LivenessLease",
            "Register, heartbeat, expire",
          ],
        },
      },
      {
        id: "gossip",
        name: "gossip-based membership with indirect probes",
        buys: "no central bottleneck; load per member stays constant as the cluster grows",
        costs: "the view converges eventually; false suspicions need a suspect state",
        winsWhen:
          "the members are a stated thousand or more peer servers of one cluster that each need the full view, and an eventual view is fine",
        wins: [
          { stated: "nodes" },
          { number: "nodes", atLeast: 1000 },
          { words: String.raw`\b(?:nodes?|servers?|peers?|machines?|hosts?|members?)\b`, unless: SERVICE_INSTANCES },
          { nfr: "consistency", in: ["eventual", "consistent-prefix", "read-your-writes"] },
        ],
        implies: {
          addMechanisms: ["gossip-dissemination"],
          removeMechanisms: ["heartbeat-renewal"],
          // Serf (on HashiCorp's memberlist) runs a gossip protocol based on SWIM (Serf's internals docs)
          preferTechnology: ["memberlist", "Serf"],
          draws: [
            "gossip-detector",
            "members>registry-leader[register]",
            "members>gossip-detector",
            "gossip-detector>registry-leader",
            "Register, probe, report failure",
          ],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "central-registry",
        because: "the view must be authoritative",
      },
      {
        when: [{ words: String.raw`\bgossip\w*|\bSWIM\b` }],
        option: "gossip",
        because: "the prompt asks for gossip-based membership",
      },
      {
        // the option's own winsWhen: members that are service instances register with a registry; gossip is for peer servers
        when: [{ words: SERVICE_INSTANCES }],
        option: "central-registry",
        because:
          "the members are service instances, which register with a registry instead of each holding the full view",
      },
      {
        when: [{ stated: "nodes" }, { number: "nodes", atLeast: 1000 }],
        option: "gossip",
        because: "thousands of cluster servers each need the full view",
      },
    ],
    fallback: {
      option: "central-registry",
      because: "one authoritative view; heartbeat load is spread over registry shards",
    },
  },
  {
    id: "i10-notify",
    question: "Push changes to watchers, or let them poll?",
    options: [
      {
        id: "push",
        name: "push over watch streams",
        buys: "watchers learn of changes within a round trip",
        costs: "open streams per watcher and fan-out work per change",
        winsWhen: "changes must be seen quickly",
        // a stated bound on how soon a change is seen (within seconds) is what "quickly" means here
        wins: [{ number: "propagation_seconds", below: 60 }],
        implies: { addMechanisms: ["watch-stream"] },
      },
      {
        id: "poll",
        name: "periodic polling with a version check",
        buys: "stateless servers and cacheable responses",
        costs: "staleness up to the poll interval and load from polls that find nothing new",
        winsWhen: "fan-out would exceed millions of notifications a second and staleness of a poll interval is fine",
        wins: [{ number: "notifications_per_sec", atLeast: 1000000 }],
        delays: {
          bound: "propagation_seconds",
          seconds: 30,
          why: "a watcher learns of a change only at its next poll; registry clients commonly poll every 30 s (Eureka's client fetches the registry every 30 s by default)",
        },
      },
    ],
    rules: [
      {
        when: [{ number: "notifications_per_sec", atLeast: 1000000 }],
        option: "poll",
        because: "push fan-out would be too large",
      },
    ],
    fallback: { option: "push", because: "changes should reach watchers promptly and the fan-out is affordable" },
  },
];
