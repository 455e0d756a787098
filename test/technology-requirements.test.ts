import { describe, expect, it } from "vitest";
import { technologyBreaksRequirement } from "../src/engine/coherence.js";
import type { TechnologyRow } from "../src/engine/design/types.js";
import {
  type TechRequirement,
  technologyRequirements,
  unmetRequirement,
  withRequirements,
} from "../src/engine/fields/technology-requirements.js";
import { factsOf } from "../src/knowledge/product-facts.js";
import { design } from "../src/lib/index.js";

const DEFAULT_DURABLE: TechRequirement = { id: "survives-node-loss", stated: false, why: "durable records" };
const STATED_DURABLE: TechRequirement = { id: "survives-node-loss", stated: true, why: "the prompt says 'never lost'" };
const CAS: TechRequirement = {
  id: "conditional-write",
  stated: false,
  why: "an append conditional on the last number",
};
const storage = { layer: "storage" as const, cacheDrawn: false };
const serving = { layer: "serving" as const, cacheDrawn: false };

describe("product facts", () => {
  it("reads every product a row offers, in the order named", () => {
    expect(factsOf("TiKV or FoundationDB").map((f) => f.name)).toEqual(["TiKV", "FoundationDB"]);
    expect(factsOf("Amazon DynamoDB").map((f) => f.name)).toEqual(["DynamoDB"]);
    expect(factsOf("a store of our own")).toEqual([]);
  });

  it("never says FoundationDB replicates by consensus", () => {
    const fdb = factsOf("FoundationDB")[0];
    expect(fdb?.replication).toMatch(/transaction log servers/);
    expect(fdb?.replication).toMatch(/only among the coordinators/);
  });
});

describe("a pick checked against the design's requirements", () => {
  it("sets aside a store that keeps no copy for durable records, but not a cache in front of a drawn store", () => {
    expect(unmetRequirement("Memcached", [DEFAULT_DURABLE], serving)?.req.id).toBe("survives-node-loss");
    expect(unmetRequirement("Memcached", [DEFAULT_DURABLE], { layer: "serving", cacheDrawn: true })).toBeUndefined();
  });

  it("sets aside asynchronous replication only where the prompt states no loss", () => {
    expect(unmetRequirement("Redis Cluster", [DEFAULT_DURABLE], storage)).toBeUndefined();
    expect(unmetRequirement("Redis Cluster", [STATED_DURABLE], storage)?.why).toMatch(/asynchronous/);
    expect(unmetRequirement("TiKV or FoundationDB", [STATED_DURABLE], storage)).toBeUndefined();
    // a router that keeps no records is not held to it
    expect(unmetRequirement("Redis pub/sub", [STATED_DURABLE], serving)).toBeUndefined();
  });

  it("sets aside a store whose conditional write is a Paxos round of its own, never DynamoDB's condition expression", () => {
    expect(unmetRequirement("Apache Cassandra", [CAS], storage)?.why).toMatch(/lightweight transaction/);
    expect(unmetRequirement("Cassandra or ScyllaDB", [CAS], storage)).toBeDefined();
    expect(unmetRequirement("Amazon DynamoDB", [CAS], storage)).toBeUndefined();
    // a row that offers one product that passes is not set aside
    expect(unmetRequirement("Cassandra or DynamoDB", [CAS], storage)).toBeUndefined();
    // nor one that offers a product nothing is known of
    expect(unmetRequirement("Bigtable, HBase or Cassandra frontier table", [CAS], storage)).toBeUndefined();
    // a log is not the store a conditional write is checked on
    expect(unmetRequirement("Kafka", [CAS], storage)).toBeUndefined();
  });

  it("makes a failed choice the runner-up with the unmet property, and the old runner-up takes its place", () => {
    const row: TechnologyRow = {
      layer: "storage",
      shape: "messages",
      archetype: "I05",
      choices: [{ product: "Apache Cassandra", fits: "messages by group", why: "fits" }],
      runnerUp: { product: "Amazon DynamoDB", why: "not chosen because it suits fewer" },
    };
    const [out] = withRequirements([row], [CAS], false, (p) =>
      p === "Amazon DynamoDB" ? "conditional puts" : undefined,
    );
    expect(out?.choices.map((c) => c.product)).toEqual(["Amazon DynamoDB"]);
    expect(out?.runnerUp?.product).toBe("Apache Cassandra");
    expect(out?.runnerUp?.why).toMatch(/cannot check a conditional write in the write itself/);
  });

  it("says no product meets it where none passes", () => {
    const row: TechnologyRow = {
      layer: "serving",
      shape: "direct key lookup",
      archetype: "I16",
      choices: [{ product: "Memcached", fits: "in memory", why: "fast" }],
    };
    const [out] = withRequirements([row], [STATED_DURABLE], false, () => undefined);
    expect(out?.choices).toEqual([]);
    expect(out?.avoid?.why).toMatch(/no product offered for this layer meets it/);
  });

  it("reads a conditional write from the design's own rules", () => {
    const reqs = technologyRequirements(
      { durable: false, stated: false, because: "" },
      {
        invariants: [],
        decisions: [],
        failures: [
          {
            failure: "the owner crashes",
            prevention: "the owner appends with a conditional write on the last sequence number it read",
            repair: "another takes over",
            role: "truth",
            archetype: "I05",
            source: "test",
          },
        ],
      },
    );
    expect(reqs.map((r) => r.id)).toEqual(["conditional-write"]);
    expect(reqs[0]?.why).toMatch(/conditional write on the last sequence number/);
  });
});

describe("designs", () => {
  it("a session store that must not lose a session on a node failure chooses no Memcached", () => {
    const d = design(
      "Design a store for login sessions: 30 million sessions, 80,000 reads a second, and no session lost when a server fails.",
    );
    expect(d.nfrs.durability).toBe("durable");
    const chosen = d.technology.flatMap((r) => r.choices.map((c) => c.product));
    expect(chosen.some((p) => /memcached|redis/i.test(p))).toBe(false);
    expect(d.coherence.map((c) => c.rule)).not.toContain("technology-breaks-requirement");
  });

  it("the coherence check flags a chosen store that keeps no copy of durable records", () => {
    const d = design(
      "Design a key-value store for user profiles with 10,000 writes per second that never loses a write.",
    );
    const broken = {
      ...d,
      technology: [
        ...d.technology,
        {
          layer: "serving" as const,
          shape: "lookup",
          archetype: "I16" as const,
          choices: [{ product: "Memcached", fits: "in memory", why: "fast" }],
        },
      ],
      components: d.components.filter((c) => c.kind !== "cache" && !/cache/i.test(c.name)),
    };
    expect(technologyBreaksRequirement(broken).map((p) => p.rule)).toContain("technology-breaks-requirement");
    expect(technologyBreaksRequirement(d)).toEqual([]);
  });
});
