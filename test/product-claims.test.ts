import { describe, expect, it } from "vitest";
import { productClaimsHold } from "../src/engine/coherence.js";
import { conditionalWithoutStore, deniedClaims } from "../src/engine/fields/product-claims.js";
import { factsWhy, type TechRequirement } from "../src/engine/fields/technology-requirements.js";
import { factsOf, PRODUCT_FACTS } from "../src/knowledge/product-facts.js";
import type { Design } from "../src/lib/index.js";

const DURABLE: TechRequirement = {
  id: "survives-node-loss",
  stated: false,
  why: "the design keeps its records durable",
};
const STATED: TechRequirement = { id: "survives-node-loss", stated: true, why: "the prompt says 'never lost'" };
const CAS: TechRequirement = {
  id: "conditional-write",
  stated: false,
  why: "the design's rule: 'a conditional insert'",
};
const storage = { layer: "storage" as const, cacheDrawn: false };

describe("the product facts table", () => {
  it("gives every product one entry with its replication, conditional write and the page it was checked against", () => {
    expect(PRODUCT_FACTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(PRODUCT_FACTS.map((f) => f.name.toLowerCase())).size).toBe(PRODUCT_FACTS.length);
    for (const f of PRODUCT_FACTS) {
      expect(f.source, f.name).toMatch(/docs|guide|manual|reference|wiki|API|paper|protocol|redis\.io/i);
      expect(f.replication.length, f.name).toBeGreaterThan(20);
      expect(f.conditionalHow.length, f.name).toBeGreaterThan(10);
    }
  });

  it("keeps the facts that decide picks: logs and queues check no condition, object stores do", () => {
    for (const n of ["Kafka", "Kinesis", "Pulsar", "SQS", "RabbitMQ", "ClickHouse", "Redpanda"])
      expect(factsOf(n)[0]?.conditional, n).toBe("none");
    for (const n of ["Amazon S3", "GCS", "Elasticsearch", "NATS JetStream", "Bigtable", "HBase"])
      expect(factsOf(n)[0]?.conditional, n).toBe("native");
    // a majority commits in the consensus stores, the primary answers first in the replicated SQL ones
    for (const n of ["Spanner", "CockroachDB", "etcd", "Consul"]) expect(factsOf(n)[0]?.commit, n).toBe("majority");
    for (const n of ["PostgreSQL", "MySQL", "Redis"]) expect(factsOf(n)[0]?.commit, n).toBe("primary-first");
    // one JetStream replica and one RabbitMQ classic queue are the defaults
    expect(factsOf("NATS")[0]?.nodeLoss).toBe("if-configured");
    expect(factsOf("RabbitMQ")[0]?.nodeLoss).toBe("if-configured");
    expect(factsOf("Prometheus")[0]?.nodeLoss).toBe("lost");
    // a name that goes on to another product is not that product
    expect(factsOf("Prometheus Alertmanager")).toEqual([]);
  });
});

describe("a claim about a named product checked against its facts", () => {
  it("denies a conditional insert on Kafka but not a negation, nor a clause naming a store that has one", () => {
    const [c] = deniedClaims("The claim is recorded on the Kafka partition with a conditional insert.");
    expect(c?.kind).toBe("conditional-write");
    expect(c?.why).toMatch(/Kafka has no conditional write/);
    expect(deniedClaims("Kafka has no conditional write, so the claim lives elsewhere")).toEqual([]);
    expect(deniedClaims("Debezium relays PostgreSQL's conditional insert to Kafka")).toEqual([]);
    expect(deniedClaims("DynamoDB takes a conditional put on the version")).toEqual([]);
  });

  it("denies a quorum acknowledgement by PostgreSQL's standby, but not one configured as a quorum", () => {
    expect(
      deniedClaims("PostgreSQL with a synchronous standby acknowledges a write once a quorum holds it")[0]?.kind,
    ).toBe("majority-commit");
    expect(
      deniedClaims(
        "PostgreSQL commits once a quorum of standbys holds it (synchronous_standby_names = ANY 2 (a, b, c))",
      ),
    ).toEqual([]);
    expect(deniedClaims("etcd commits a write once a majority of members has it")).toEqual([]);
  });

  it("finds a conditional rule resting on logs alone, not where a store that checks it is picked", () => {
    const kafka = [{ layer: "storage" as const, product: "Apache Kafka" }];
    expect(conditionalWithoutStore([CAS], kafka)?.products.map((f) => f.name)).toEqual(["Kafka"]);
    expect(conditionalWithoutStore([CAS], [...kafka, { layer: "storage", product: "PostgreSQL" }])).toBeUndefined();
    expect(conditionalWithoutStore([DURABLE], kafka)).toBeUndefined();
    // a log nothing is known of is not judged
    expect(conditionalWithoutStore([CAS], [{ layer: "storage", product: "an event log of our own" }])).toBeUndefined();
  });
});

describe("a chosen product's reason, generated from its facts", () => {
  it("says what the product's own replication and conditional write give the design, with the source", () => {
    const pg = factsOf("PostgreSQL")[0];
    const why = factsWhy("PostgreSQL", [STATED, CAS], storage);
    expect(why).toContain("only when configured for it (the prompt says 'never lost')");
    expect(why).toContain(pg?.replication);
    expect(why).toContain(pg?.conditionalHow);
    expect(why).toContain(pg?.source);
    // a defaulted durability is not repeated as a reason
    expect(factsWhy("Amazon DynamoDB", [DURABLE], storage)).toMatch(
      /^keeps every acknowledged write when a node fails: /,
    );
  });

  it("says nothing for a log's conditional write, a name offering two products, or a cache in front of a store", () => {
    expect(factsWhy("Apache Kafka", [CAS], storage)).toBeUndefined();
    expect(factsWhy("TiKV or FoundationDB", [DURABLE], storage)).toBeUndefined();
    expect(factsWhy("Redis", [DURABLE], { layer: "serving", cacheDrawn: true })).toBeUndefined();
    expect(factsWhy("Redis", [DURABLE], { layer: "serving", cacheDrawn: false })).toMatch(/can lose its last/);
  });
});

describe("the coherence rule product-claim-denied", () => {
  const base = {
    decisions: [],
    invariants: [],
    failures: [],
    mechanisms: [],
    nfrs: { durability: "durable", sources: {} },
  } as unknown as Pick<Design, "technology" | "decisions" | "invariants" | "failures" | "mechanisms" | "nfrs">;
  const row = (product: string, fits = "the records") =>
    ({ layer: "storage", shape: "records", archetype: "I05", choices: [{ product, fits, why: "fits" }] }) as never;

  it("flags a product credited with what its facts deny", () => {
    const d = {
      ...base,
      technology: [row("Amazon SQS", "messages, each inserted with a conditional insert on its id")],
    };
    expect(productClaimsHold(d).map((p) => p.detail)).toEqual([expect.stringMatching(/SQS has no conditional write/)]);
    expect(productClaimsHold({ ...base, technology: [row("Amazon SQS")] })).toEqual([]);
  });

  it("flags consensus replication where every pick answers on its primary first and cannot be configured otherwise", () => {
    const mech = [{ id: "consensus-replication", name: "quorum / consensus replication", because: [] }] as never;
    const withRedis = { ...base, mechanisms: mech, technology: [row("Redis Cluster")] };
    expect(productClaimsHold(withRedis)[0]?.detail).toMatch(/no product it picks commits on a majority/);
    expect(productClaimsHold({ ...withRedis, technology: [row("CockroachDB")] })).toEqual([]);
    // PostgreSQL can be configured for a quorum commit, and its reason says how
    expect(productClaimsHold({ ...withRedis, technology: [row("PostgreSQL shards")] })).toEqual([]);
  });
});

describe("a product that answers on its primary, in a design whose replication commits on a majority", () => {
  it("says how to configure it to, from its facts, and the coherence rule leaves it be", () => {
    const pg = factsOf("PostgreSQL")[0];
    expect(factsWhy("PostgreSQL", [], storage, true)).toContain(pg?.majorityHow);
    expect(factsWhy("PostgreSQL", [], storage, false)).toBeUndefined();
    // Redis cannot be configured to: its reason says nothing of it
    expect(factsWhy("Redis", [], storage, true)).toBeUndefined();
  });
});
