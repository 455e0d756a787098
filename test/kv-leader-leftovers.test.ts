import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { withoutExcludedClauses } from "../src/engine/fields/decisions.js";
import { type Design, design } from "../src/lib/index.js";

// a replicated key-value store with one leader per shard keeps no leaderless machinery, survives a zone, and draws
// each check on the participant that holds the record it reads
const DYNAMO_LIKE =
  "Design a key-value store like DynamoDB with tunable consistency that stores 200 TB and survives the loss of an availability zone.";
const DATA_CENTRE = "Design a replicated key-value store that keeps serving reads when a data centre fails";
const CASSANDRA_LIKE = "Design a Cassandra-like wide-column store across three zones";

const said = (d: Design) =>
  [
    ...d.primaryState.map((s) => s.description),
    ...d.invariants.map((i) => i.statement),
    ...d.readPaths.map((r) => r.staleness),
    ...d.failures.map((f) => `${f.failure} ${f.prevention} ${f.repair}`),
    ...d.diagrams.filter((g) => g.kind === "sequence").map((g) => g.mermaid),
  ].join("\n");

describe("a key-value store with one leader per shard", () => {
  for (const prompt of [DYNAMO_LIKE, DATA_CENTRE]) {
    it(`keeps no leaderless-only clause, row or step: ${prompt}`, () => {
      const d = design(prompt);
      expect(d.decisions.find((r) => r.id === "i16-replication")?.chosen).toBe("leader-based");
      const text = said(d);
      for (const words of [/\bsiblings?\b/i, /\bread repair\b/i, /\bwriter's clock\b/i, /\bR replicas\b/, /sloppy/i])
        expect(text).not.toMatch(words);
      // the row that said both keeps the chosen option's clause
      expect(d.failures.find((f) => f.failure.startsWith("Lost update"))?.repair).toBe(
        "The loser gets a conflict, re-reads and reapplies",
      );
      expect(checkCoherence(d)).toEqual([]);
    });
  }

  it("keeps the leaderless clauses when the leaderless option is chosen", () => {
    const d = design(DYNAMO_LIKE, ["decision.i16-replication=leaderless"]);
    expect(said(d)).toMatch(/\bread repair\b/i);
    expect(d.failures.find((f) => f.failure.startsWith("Stale read"))?.repair).not.toMatch(/leader's commit point/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("a named leaderless model (Cassandra) chooses leaderless quorums", () => {
    const d = design(CASSANDRA_LIKE);
    expect(d.decisions.find((r) => r.id === "i16-replication")?.chosen).toBe("leaderless");
    expect(checkCoherence(d)).toEqual([]);
  });

  it("survives a zone: a zone-loss row with its placement, failover and re-replication, and the re-replication sized", () => {
    for (const prompt of [DYNAMO_LIKE, DATA_CENTRE]) {
      const d = design(prompt);
      const row = d.failures.find((f) => f.failure.startsWith("Zone loss"));
      expect(row?.prevention).toMatch(/distinct zones/);
      expect(row?.repair).toMatch(/elect a new one.*re-create the lost zone's replicas/);
      expect(d.capacity.find((c) => c.id === "zone_rereplication_seconds")?.value).toBeGreaterThan(0);
    }
  });

  it("draws the version check and the ownership check on the storage replicas, not the coordinator or the map", () => {
    const d = design(DYNAMO_LIKE);
    const rmw = d.diagrams.find((g) => g.title.endsWith("Optimistic read-modify-write"))?.mermaid ?? "";
    expect(rmw).toMatch(/Note over P2: checks KeyValue\.version = version read/);
    const route = d.diagrams.find((g) => g.title.endsWith("Routing with a stale partition map"))?.mermaid ?? "";
    expect(route).toMatch(/P1->>P2: forward with the client's map epoch\n\s*Note over P2/);
  });
});

describe("coherence guard-off-owner", () => {
  it("flags a record's check noted on a stateless participant while the record's holder is drawn", () => {
    const d = structuredClone(design(DYNAMO_LIKE)) as Design;
    const g = d.diagrams.find((x) => x.title.endsWith("Optimistic read-modify-write"));
    if (!g) throw new Error("no read-modify-write sequence");
    g.mermaid = g.mermaid.replace("Note over P2: checks KeyValue.version", "Note over P1: checks KeyValue.version");
    expect(checkCoherence(d).map((p) => p.rule)).toContain("guard-off-owner");
  });
});

describe("coherence decision-contradicted on reads", () => {
  it("flags a read whose staleness speaks of a sloppy quorum beside one leader per shard", () => {
    const d = structuredClone(design(DYNAMO_LIKE)) as Design;
    const row = d.readPaths[0];
    if (!row) throw new Error("no read");
    row.staleness += "; a sloppy quorum can still return an older value";
    expect(checkCoherence(d).some((p) => p.rule === "decision-contradicted" && /read '/.test(p.detail))).toBe(true);
  });
});

describe("withoutExcludedClauses", () => {
  it("drops only the clauses in the excluded words, and nothing when every clause is", () => {
    expect(withoutExcludedClauses("Keep A; a leaderless store keeps B.", [/leaderless/])).toBe("Keep A.");
    expect(withoutExcludedClauses("in a leaderless store, C; keep D", [/leaderless/])).toBe("keep D");
    expect(withoutExcludedClauses("only siblings", [/siblings/])).toBeUndefined();
    expect(withoutExcludedClauses("nothing here", [/siblings/])).toBe("nothing here");
  });
});
