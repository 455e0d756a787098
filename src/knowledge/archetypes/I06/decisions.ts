import type { DecisionPoint } from "../../decisions/types.js";
import { SEES_OWN_WRITE } from "../../patterns.js";
import { AGG_DECISIONS } from "./aggregation.js";
import { REACTION_DECISIONS } from "./counter.js";
import { FRAUD_DECISIONS } from "./fraud.js";
import { LB_DECISIONS } from "./leaderboard.js";
import { STREAM_DECISIONS } from "./stream.js";
import { TA_DECISIONS } from "./typeahead.js";
import { VEC_DECISIONS } from "./vector.js";
import { WH_DECISIONS } from "./warehouse.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i06-update",
    unlessTopic: [
      "aggregation",
      "typeahead",
      "vector-search",
      "leaderboard",
      "stream-processor",
      "cdc-warehouse",
      "fraud-scoring",
    ],
    question: "Update the derived copy in the write path, or asynchronously from a change stream?",
    options: [
      {
        id: "async-stream",
        name: "asynchronously from an outbox or change-data-capture stream",
        buys: "writes do not wait for or fail with the index; the copy can be rebuilt by replay",
        costs: "reads of the copy lag the source by the pipeline's delay",
        winsWhen: "readers tolerate a short lag",
        implies: { addMechanisms: ["transactional-outbox", "projector-checkpoint"] },
      },
      {
        id: "sync-write",
        name: "synchronously, in the same transaction or call as the source write",
        buys: "a reader sees its own write in the copy at once",
        costs: "higher write latency; an index outage fails writes; dual writes outside a transaction can diverge",
        winsWhen: "the copy must never lag the source, or a writer must read its own write from it",
        // an asynchronous copy trails its source by the stream's lag: a stated read-your-writes rules it out
        // (said as an NFR, or in the prompt's own words: "a user always sees their own post right after")
        wins: [
          {
            any: [
              { nfr: "consistency", in: ["linearizable", "read-your-writes"], stated: true },
              { words: SEES_OWN_WRITE },
            ],
          },
        ],
        implies: { addMechanisms: ["transaction"], removeMechanisms: ["transactional-outbox"] },
      },
    ],
    rules: [
      {
        when: [{ nfr: "consistency", in: ["linearizable"] }],
        option: "sync-write",
        because: "the copy must be as fresh as the source",
      },
    ],
    fallback: {
      option: "async-stream",
      because: "a derived copy may lag, and decoupling keeps the source's writes fast",
    },
  },
  {
    id: "i06-sharding",
    unlessTopic: [
      "aggregation",
      "typeahead",
      "vector-search",
      "leaderboard",
      "stream-processor",
      "cdc-warehouse",
      "fraud-scoring",
    ],
    question: "Shard the index by document or by term?",
    options: [
      {
        id: "by-document",
        name: "by document (each shard indexes its own documents; queries scatter and gather)",
        buys: "a write touches one shard and shards stay balanced",
        costs: "every query fans out to every shard",
        winsWhen: "query fan-out across shards stays affordable",
        // Elasticsearch (elastic.co guide, "Routing a document to a shard": shard = hash(_routing) % primary shards, the
        // routing value defaulting to the document id) and OpenSearch, its fork, keep each whole document on one shard:
        // they are built on this option and cannot partition an index by term
        implies: { preferTechnology: ["Elasticsearch", "OpenSearch"] },
      },
      {
        id: "by-term",
        name: "by term (a global index partitioned by term)",
        buys: "a query touches only the shards of its terms",
        costs:
          "one document write touches many shards; popular terms make hot shards; the index is ours to build, since Elasticsearch and OpenSearch keep each whole document on one shard",
        winsWhen: "scatter-gather would send millions of shard requests a second",
        wins: [{ number: "shard_requests", atLeast: 1000000 }],
      },
    ],
    rules: [
      {
        when: [{ number: "shard_requests", atLeast: 1000000 }],
        option: "by-term",
        because: "scatter-gather load is too high",
      },
    ],
    fallback: { option: "by-document", because: "scatter-gather across the planned shards is affordable" },
  },
  ...AGG_DECISIONS,
  ...REACTION_DECISIONS,
  ...TA_DECISIONS,
  ...FRAUD_DECISIONS,
  ...VEC_DECISIONS,
  ...LB_DECISIONS,
  ...STREAM_DECISIONS,
  ...WH_DECISIONS,
];
