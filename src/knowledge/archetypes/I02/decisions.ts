import type { DecisionPoint } from "../../decisions/types.js";
import { LASTING_DECISION } from "./lasting.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i02-lock-store",
    // a lasting ownership record needs no lock store nor a lease length (lasting.ts asks its own question)
    unlessTopic: "lasting-ownership",
    question: "A consensus store or a single Redis for the locks?",
    options: [
      {
        id: "consensus-store",
        name: "a consensus-replicated store (etcd, ZooKeeper) with fencing tokens",
        buys: "a lease survives node loss without being granted twice, and the store's revision number doubles as a fencing token",
        costs:
          "a majority round trip on every acquire and release (keep-alives are answered by the leader from memory, so a new leader must extend every lease before expiring any); write throughput of one leader per group",
        winsWhen: "a double grant corrupts data (the lock guards correctness)",
        // a design that promises tokens never repeat has made the lock a correctness guard
        wins: [{ invariant: "\\btoken\\b[^.]*\\b(strictly increases|never reused)|\\bfencing token" }],
        implies: {
          addMechanisms: ["consensus-replication", "fencing-token"],
          preferTechnology: ["etcd", "ZooKeeper"],
        },
      },
      {
        id: "single-redis",
        name: "a single Redis with SET NX and an expiry",
        buys: "sub-millisecond acquires and almost nothing to operate",
        costs: "a failover to an asynchronous replica can grant the same lock twice, and there is no fencing token",
        winsWhen: "the lock only avoids duplicate work, so a rare double grant costs efficiency, not correctness",
        // the prompt says the lock only saves duplicate work
        wins: [
          {
            words: String.raw`\b(?:best[- ]effort|advisory) locks?\b|\b(?:only|just) (?:to )?(?:avoid|prevent|stop) (?:duplicate|redundant|double) (?:work|processing|runs)\b|\b(?:rare|occasional) (?:double|duplicate) (?:runs?|grants?|work|processing) (?:is|are) (?:fine|acceptable|ok|harmless)\b`,
          },
        ],
        implies: {
          removeMechanisms: ["consensus-replication"],
          preferTechnology: ["Redis SET NX"],
          // the lone primary, not a consensus leader, is what every acquire, release and renewal reaches
          capacity: [
            {
              quantity: "leader_writes_per_sec",
              value: 100000,
              why: "one Redis primary answers on the order of a hundred thousand SET commands a second from its single command thread (Redis's own benchmark figures), with no majority round trip",
            },
            {
              quantity: "leader_requests_per_sec",
              value: 100000,
              // redis.io/docs/latest/develop/use/patterns/distributed-locks: release and extension check the stored random value in a script
              why: "a renewal is one more call on the same primary (a short server-side script that compares the key's value with the holder's token and only then extends its expiry, since a bare PEXPIRE would also extend a lock another holder has since taken), answered at about the rate of a SET",
            },
            {
              quantity: "expiry_check_seconds",
              value: 0,
              why: "no store-side expiry sweep waits: Redis expires a key the moment a command touches it after its time has passed, so a claimant's SET NX succeeds as soon as the lease runs out",
            },
            {
              quantity: "keepalives_per_lease",
              value: 3,
              why: "a planning figure: the holder renews its key's expiry a few times within each lease, so a lease survives two missed renewals",
            },
          ],
          // a lone Redis has no elected leader of its own that re-arms leases (the consensus store's figure and row)
          excludes: [String.raw`\bre-arms every lease\b`],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "availability", in: ["fail-closed"] }],
        option: "consensus-store",
        because: "a lease must never be granted twice",
      },
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "consensus-store",
        because: "lease state must be linearizable",
      },
      {
        when: [{ nfr: "consistency", in: ["eventual"] }],
        option: "single-redis",
        because: "the prompt accepts eventual consistency, so the lock is an efficiency hint",
      },
    ],
    fallback: {
      option: "consensus-store",
      because: "a lock usually guards correctness, and a double grant is silent",
    },
  },
  {
    id: "i02-lease-length",
    unlessTopic: "lasting-ownership",
    question: "Short leases with frequent renewal, or long leases?",
    options: [
      {
        id: "short-leases",
        name: "short leases (seconds), renewed every third of the TTL",
        buys: "a crashed holder's resource is free again within seconds",
        costs:
          "the leader answers more keep-alives as clients grow or the TTL shrinks; a long GC pause can outlive the lease (fencing handles it)",
        winsWhen: "the keep-alive load fits the leader, or the prompt bounds failover under a long lease",
        // a crashed holder keeps a long lease (the rules read 30 s or more as long) until it lapses, so a stated
        // failover bound under it cannot be kept by long leases (Gray & Cheriton, "Leases", SOSP 1989: the server grants
        // a conflicting lease only once the old one has expired, which a crashed holder cannot shorten)
        wins: [
          {
            boundBelow: "failover_seconds",
            seconds: 30,
            figure: "a long lease, which a crashed holder keeps until it lapses",
          },
        ],
      },
      {
        id: "long-leases",
        name: "long leases (tens of seconds or more)",
        buys: "a fraction of the keep-alives",
        costs: "a crashed holder blocks its resource for the whole lease",
        winsWhen: "keep-alives alone would load the leader heavily",
        wins: [{ number: "keepalives_per_sec", atLeast: 50000 }],
      },
    ],
    rules: [
      {
        when: [{ stated: "lease_seconds" }, { number: "lease_seconds", below: 30 }],
        option: "short-leases",
        because: "the prompt states a short lease, so keep-alive load is sized for it",
      },
      {
        when: [{ stated: "lease_seconds" }, { number: "lease_seconds", atLeast: 30 }],
        option: "long-leases",
        because: "the prompt states a long lease",
      },
      {
        when: [{ number: "keepalives_per_sec", atLeast: 50000 }],
        option: "long-leases",
        because: "keep-alives alone would dominate the leader's work",
      },
    ],
    fallback: { option: "short-leases", because: "keep-alive load is modest, so fast failover is cheap" },
  },
  LASTING_DECISION,
];
