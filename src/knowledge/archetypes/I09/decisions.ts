import type { DecisionPoint } from "../../decisions/types.js";

/**
 * Words that ask for ids people read or type: short links (a URL shortener's codes), short, coupon, promo or invite
 * codes, a short or human-readable number printed for people ("a short, human-readable order number", "a short
 * printable code", "short numeric identifiers"). A 64-bit timestamp id is some 19 decimal digits, so only a dense
 * counter's numbers stay short, which is the leased-blocks option's win.
 */
export const SHORT_CODES = String.raw`\b(?:url|link) shorten\w*|\bshort (?:links?|urls?|codes?|ids?)\b|\b(?:coupon|promo|invite|referral|voucher) codes?\b|\bcodes? (?:people|users|customers) (?:can )?type\b|\b(?:short|human[- ]readable)(?:,? (?:unique|human[- ]readable|printable|numeric|label|order|reference|tracking|ticket))* (?:numbers?|codes?|ids?|identifiers?)\b|\b(?:numbers|codes|ids|identifiers) (?:must|should|have to) be\b[^.;]{0,40}\bshort\b|\b(?:codes?|ids?|identifiers?|numbers?|references?)\b[^.;]{0,30}\b(?:(?:people|users|customers|humans|someone|staff|callers|guests|shoppers|riders|drivers)\s+(?:can\s+|could\s+|will\s+|must\s+|need to\s+|have to\s+)?(?:type|enter|key in|read (?:aloud|out)|dictate|copy by hand)|(?:easy|short enough|simple) to (?:type|enter|read aloud|dictate|say)|(?:typed|entered|keyed in) by (?:hand|people|users|customers|humans))\b|\beasy[- ]to[- ](?:type|read|say) (?:codes?|ids?|numbers?)\b`;

/**
 * Words that hand ids out in blocks or ranges a holder uses up on its own: "blocks of 10,000 ids", "ranges of
 * sequence numbers", "an id block per server".
 */
export const ID_BLOCKS = String.raw`\b(?:blocks?|batch(?:es)?|ranges?|leases?) of (?:up to |about )?(?:[\d,]+ |\w+ (?:thousand|million) )?(?:ids|identifiers|sequence numbers)\b|\b(?:id|identifier|sequence) (?:blocks?|ranges?)\b`;

/**
 * Words that ask ids to sort by time ("roughly time-ordered", "sortable by time", "sorts by creation"); ids that only
 * "go up" fit a counter's blocks too, which are handed out in increasing order: a counter's blocks are ordered only within a block, so a short code's win yields to them.
 */
export const TIME_SORTED = String.raw`\b(?:sort(?:s|ed|able)?|order(?:s|ed|able)?) by (?:time|creation(?: time)?|timestamp)\b|\btime[- ](?:ordered|sortable|sorted|ordering)\b|\bk-sortable\b|\bchronologically (?:sorted|ordered|sortable)\b`;

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i09-scheme",
    question: "Timestamp + worker id (Snowflake-style), leased blocks from a counter, or one sequencer?",
    options: [
      {
        id: "snowflake",
        name: "timestamp + worker id + per-millisecond sequence",
        buys: "no coordination per id and roughly time-sorted ids",
        costs: "depends on clocks (a clock step back must stall minting); worker ids must be unique",
        winsWhen: "ids should sort by time and throughput is high",
        // the prompt asks for ids in time order ("roughly time-ordered", "sortable by time")
        wins: [{ words: TIME_SORTED }],
        implies: {
          addMechanisms: ["timestamp-sequence-id", "worker-id-allocation"],
          // ids are minted in memory from the clock: no block is leased from a counter and no number is taken
          // inside a business transaction, so those paths (and their invariants) belong to the options not taken
          removeMechanisms: ["range-lease", "transaction"],
          draws: [
            "Timestamp layout with a leased worker id",
            "parse id",
            "WorkerIdLease",
            "IdLayout",
            "id-generators>counter-store[claim worker id]",
            "worker id lease",
            "claim worker id",
          ],
          // the coordination store holds worker-id leases only; a counter product is the rejected options' store
          preferTechnology: ["Snowflake-style", "etcd or ZooKeeper"],
          // a block allocator, its durable high-water mark and gap-free numbering belong to the rejected options
          // (their failure rows, bottlenecks and figures)
          excludes: [
            String.raw`\ballocator\b`,
            String.raw`\bblock allocations?\b`,
            String.raw`\bblock granted\b`,
            String.raw`\bgap[- ]free\b`,
            String.raw`\bblocks? (?:once )?handed out\b`,
          ],
        },
      },
      {
        id: "leased-blocks",
        name: "blocks of ids leased from a durable counter",
        buys: "short dense ids and no clock dependency",
        costs: "ids are ordered only within a block, and a crash wastes the rest of a block",
        winsWhen:
          "ids must be short (short links, codes people type) and need no time order, or the system hands ids out in blocks",
        // the prompt asks for codes people read or type: a short link's code, a coupon or invite code
        // (unless it also asks them to sort by time, which a block's numbers do not)
        // or it hands ids out in blocks itself ("hands each application server blocks of 10,000 ids")
        wins: [{ words: `${SHORT_CODES}|${ID_BLOCKS}`, unless: TIME_SORTED }],
        implies: {
          addMechanisms: ["atomic-counter"],
          // worker ids, and the heartbeats renewing their leases, exist only for a timestamp layout's machine bits
          // gap-free numbering inside the business transaction is the single sequencer's
          removeMechanisms: ["timestamp-sequence-id", "worker-id-allocation", "heartbeat-renewal", "transaction"],
          // a generator's in-memory block, and the block lease it runs, exist only under this option
          draws: [
            "Leased block allocation",
            "allocate block",
            "SequenceCounter",
            "IdBlock",
            "id-generators>counter-store[lease block]",
            "lease blocks",
            "conditional block lease",
          ],
          preferTechnology: ["PostgreSQL sequence", "block high-water marks"],
          // the worker-id space and the clock stepping back belong to the timestamp layout only (its figures and failure rows)
          excludes: [
            String.raw`\bworker[- ]id space\b`,
            String.raw`\bshare a worker id\b`,
            String.raw`\bclock steps backwards\b`,
            String.raw`\btimestamp field\b`,
          ],
        },
      },
      {
        id: "single-sequencer",
        name: "one sequencer (a consensus-replicated counter)",
        buys: "one strictly increasing sequence",
        costs: "every id is a replicated write, capped by one leader",
        winsWhen: "a strict global order is required at modest rates",
        wins: [{ nfr: "ordering", in: ["global"], stated: true }],
        implies: {
          addMechanisms: ["consensus-replication", "op-sequencer"],
          // each id is one replicated write on the sequencer, never a leased block
          removeMechanisms: ["timestamp-sequence-id", "worker-id-allocation", "heartbeat-renewal", "range-lease"],
          draws: ["Gap-free number inside the business transaction", "SequenceCounter"],
          preferTechnology: ["PostgreSQL sequence"],
          // numbers carry no time, so the timestamp layout's horizon belongs to the timestamp option
          excludes: [String.raw`\btimestamp field\b`],
        },
      },
    ],
    rules: [
      {
        when: [{ nfr: "ordering", in: ["global"] }],
        option: "single-sequencer",
        because: "ids must follow one strict global order",
      },
      {
        // a leased block loses its unused ids in a crash and a timestamp layout skips values: only one
        // sequencer that hands out the next number inside the business transaction leaves no gaps
        when: [
          {
            words: String.raw`\bgap[- ]?(?:free|less)\b|\bno gaps?\b|\bnever skip|\bwithout (?:gaps|skipping)|\bconsecutive\b`,
          },
        ],
        option: "single-sequencer",
        because: "numbers must never skip, so one sequencer hands out each next number",
      },
      {
        when: [{ nfr: "ordering", in: ["none"] }],
        option: "leased-blocks",
        because: "no order is promised, so dense short ids win",
      },
    ],
    fallback: { option: "snowflake", because: "time-sortable ids without coordination per id" },
  },
  {
    id: "i09-worker-ids",
    question: "Where do generators get their worker ids: static configuration or a leased registry?",
    onlyWith: { point: "i09-scheme", options: ["snowflake"] },
    options: [
      {
        id: "leased",
        name: "leased from a coordination store (renewed, released on shutdown)",
        buys: "safe under autoscaling and restarts: two live processes never share an id",
        costs: "a dependency at startup and lease renewal traffic",
        winsWhen: "generators come and go, or there are many of them",
        implies: { addMechanisms: ["lease"] },
      },
      {
        id: "static",
        name: "static configuration per host",
        buys: "no runtime dependency",
        costs: "a copied config or a moved host silently duplicates ids",
        winsWhen: "a handful of long-lived hosts",
        wins: [{ number: "workers", below: 10 }],
      },
    ],
    rules: [
      {
        when: [{ number: "workers", below: 10 }],
        option: "static",
        because: "only a handful of long-lived generators",
      },
    ],
    fallback: { option: "leased", because: "generator processes scale and restart, so ids must be leased" },
  },
];
