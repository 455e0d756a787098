import { describe, expect, it } from "vitest";
import { AGG_DECISIONS } from "../src/knowledge/archetypes/I06/aggregation.js";
import { card as cdnCard } from "../src/knowledge/archetypes/I07/card.js";
import { card as kvCard } from "../src/knowledge/archetypes/I16/card.js";
import { topology as kvTopology } from "../src/knowledge/archetypes/I16/topology.js";
import { card as balancerCard } from "../src/knowledge/archetypes/I17/card.js";
import { COUNTERS } from "../src/knowledge/features/counters.js";
import { PROXIMITY } from "../src/knowledge/features/proximity.js";
import { MECHANISM_FAILURES } from "../src/knowledge/mechanism-failures.js";
import { MECHANISM_CATALOG } from "../src/knowledge/mechanisms/catalog.js";

/**
 * Claims the knowledge base makes about what an algorithm or mechanism achieves, pinned at the key facts an expert
 * would check, so a later edit cannot quietly restore an over-strong or wrong wording. Each block names its source.
 */

const entry = (id: string): { summary: string; limits?: string } => {
  const found = Object.values(MECHANISM_CATALOG)
    .flat()
    .find((e) => e.id === id);
  if (!found) throw new Error(`no mechanism ${id}`);
  return found;
};
/** What the catalogue claims for a mechanism: its summary, and what it says the mechanism does not give. */
const summary = (id: string): string => `${entry(id).summary} ${entry(id).limits ?? ""}`;

const failureRow = (mechanism: string, failure: RegExp) => {
  const row = MECHANISM_FAILURES.find((f) => f.mechanism === mechanism && failure.test(f.failure));
  if (!row) throw new Error(`no ${mechanism} failure row matching ${failure}`);
  return row;
};

describe("quorums: R + W > N is overlap among the home replicas, not recency under sloppy quorums", () => {
  // Dynamo (DeCandia et al., SOSP 2007), sections 4.5 and 4.6
  it("the catalogue names the home replicas, the sloppy-quorum gap and concurrent siblings", () => {
    const s = summary("quorum-read-write");
    expect(s).toMatch(/only among a key's N home replicas/);
    expect(s).toMatch(/sloppy quorum/);
    expect(s).toMatch(/hinted handoff/);
    expect(s).toMatch(/siblings/);
    expect(s).toMatch(/even a strict quorum is not linearizability/);
    // the old, unconditional promise is gone
    expect(s).not.toMatch(/a read sees the latest acknowledged write/);
  });
  it("the leaderless store's quorum get says a stand-in's write is missed until handoff", () => {
    const get = kvTopology.api?.find((a) => a.operation === "quorum get");
    expect(get?.guarantee).toMatch(/home replicas/);
    expect(get?.guarantee).toMatch(/sloppy quorum left on a stand-in node is missed until hinted handoff/);
  });
});

describe("sloppy quorums belong to Dynamo and Riak; Cassandra's quorums count only a key's own replicas", () => {
  // Dynamo (SOSP 2007) section 4.6; Cassandra's "Hinted handoff" docs: a hint counts toward no level but ANY
  it("the key-value card does not credit Cassandra with sloppy quorums", () => {
    const summary = String(kvCard.summary);
    expect(summary).not.toMatch(/\(Amazon's Dynamo, Cassandra, Riak\) with sloppy quorums/);
    expect(summary).toMatch(/Dynamo and Riak, whose sloppy quorums/);
    expect(summary).toMatch(/Cassandra, whose consistency levels count only a key's own replicas/);
  });
  it("the sloppy-quorum failure row says the overlap itself is void, and names strict quorums as the fix", () => {
    const row = kvCard.failures.find((f) => /sloppy quorum acknowledges a write on stand-in nodes/i.test(f.failure));
    expect(row?.prevention).toMatch(/voids the overlap R \+ W > N promises/);
    expect(row?.prevention).toMatch(/count only a key's home replicas/);
    expect(row?.prevention).not.toMatch(/overlap among whichever nodes answered/);
  });
});

describe("consistent hashing moves about 1/N of the keys and does not take load away", () => {
  // Karger et al. (STOC 1997); Dynamo (SOSP 2007) section 4.2, virtual nodes
  it("the catalogue says what moves, where a lost node's keys land, and what virtual nodes change", () => {
    const s = summary("consistent-hashing");
    expect(s).toMatch(/about 1\/N of them for N nodes/);
    expect(s).toMatch(/ring successor/);
    expect(s).toMatch(/virtual nodes, which spread them over every survivor/);
    expect(s).toMatch(/survivors still take that whole share/);
  });
  it("the cache tier's failure rows credit virtual nodes with spreading, not with remapping fewer keys", () => {
    const rows = cdnCard.failures.filter((f) => /consistent hashing/.test(f.prevention));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.prevention).not.toMatch(/virtual nodes so a lost node remaps few keys/);
      expect(row.prevention).toMatch(
        /virtual nodes so a lost node's keys (?:and their misses )?spread over every survivor/,
      );
    }
  });
});

describe("a balancer's connection table keeps a flow only where its packets keep arriving", () => {
  // Maglev (Eisenbud et al., NSDI 2016), section 3.3
  it("the table is the balancer's own and bounded; a flow elsewhere is hashed again", () => {
    const s = summary("sticky-assignment");
    expect(entry("sticky-assignment").summary).toMatch(/moves no flow the balancer has recorded/);
    expect(s).toMatch(/each balancer's own bounded table/);
    expect(s).toMatch(/reach another balancer, or whose entry was evicted, is placed by the hash again/);
    expect(s).toMatch(/most but not all/);
    expect(s).not.toMatch(/moves no existing flow whose backend is still live/);
  });
});

describe("the load balancer card does not promise that every tracked flow survives a backend change", () => {
  it("the table is per balancer, and ECMP moving a flow sends it through the hash again", () => {
    const summary = String(balancerCard.summary);
    expect(summary).toMatch(/each balancer's own connection-tracking table/);
    expect(summary).toMatch(/hashed again, which keeps most but not all such flows on their backend/);
    const row = balancerCard.failures.find((f) => /Backend set changes remap existing connections/.test(f.failure));
    expect(row?.prevention).toMatch(/on each balancer/);
    expect(row?.prevention).toMatch(/ECMP moves to another balancer is hashed afresh/);
  });
});

describe("Raft: what a commit needs and why a new leader holds it", () => {
  // Raft (Ongaro and Ousterhout, USENIX ATC 2014), sections 5.2, 5.4.1 and 5.4.2
  it("a majority commits only an entry of the leader's own term, and votes need an up-to-date log", () => {
    const s = summary("consensus-replication");
    expect(s).toMatch(/a majority only for an entry of its own term/);
    expect(s).toMatch(/not the majority alone/);
    expect(s).toMatch(/older term's entry commits only with a newer entry of the current term/);
    expect(s).toMatch(/votes only for a candidate whose log is at least as up to date/);
  });
  it("a term has at most one leader, and may have none", () => {
    const s = summary("leader-election");
    expect(s).toMatch(/at most one leader/);
    expect(s).toMatch(/split vote leaves a term with no leader/);
    expect(s).not.toMatch(/agree on one leader per term/);
  });
  it("the crashed-leader row names the voting restriction as the reason a new leader has every commit", () => {
    const row = failureRow("leader-election", /leader crashes/);
    expect(row.prevention).toMatch(/majority has it/);
    expect(row.prevention).toMatch(/votes only for a candidate whose log is at least as up to date/);
  });
});

describe("leases bound a holder by time, and only fencing stops a paused one", () => {
  // Gray and Cheriton, "Leases" (SOSP 1989); Kleppmann, "How to do distributed locking" (2016)
  it("the lease says the holder stops by its own clock less drift, and a pause defeats a lease alone", () => {
    const s = summary("lease");
    expect(s).toMatch(/stops acting by its own clock before the lease ends, less a clock-drift allowance/);
    expect(s).toMatch(/paused past the end/);
    expect(s).toMatch(/fencing token/);
  });
  it("a cut-off holder does not wait to hear of the lapse: it stops on its own clock", () => {
    const row = failureRow("heartbeat-renewal", /heartbeats stop reaching/);
    expect(row.repair).not.toMatch(/learns so on its next renewal/);
    expect(row.repair).toMatch(/may never hear so/);
    expect(row.repair).toMatch(/by its own clock/);
    expect(row.repair).toMatch(/clock-drift bound/);
    expect(row.repair).toMatch(/fencing token/);
  });
});

describe("CRDTs: state merges ignore order and repeats; operations need causal, once-only delivery", () => {
  // Shapiro, Preguiça, Baquero and Zawirski, "Conflict-free Replicated Data Types" (SSS 2011)
  it("the catalogue separates the two kinds and names causal delivery", () => {
    const s = summary("crdt-merge");
    expect(s).toMatch(/Only replicas that ship whole states merge them in any order and any number of times/);
    expect(s).toMatch(/delivered once and after the operations it depends on \(causal order\)/);
    expect(entry("crdt-merge").summary).not.toMatch(/in any order/);
  });
});

describe("stated numbers of sketches and spatial cells", () => {
  it("a Redis HyperLogLog's standard error is 0.81% (redis.io, HyperLogLog)", () => {
    const option = COUNTERS.decisions?.flatMap((d) => d.options).find((o) => /HyperLogLog/.test(o.name));
    expect(option?.costs).toMatch(/standard error of 0\.81%/);
  });
  it("count-min's error is a share of the whole stream and only upward; HyperLogLog's is relative", () => {
    // Cormode and Muthukrishnan (J. Algorithms 2005); redis.io, HyperLogLog
    const option = AGG_DECISIONS.flatMap((d) => d.options).find((o) => /HyperLogLog for distinct counts/.test(o.name));
    expect(option?.costs).toMatch(/about 1% of themselves \(HyperLogLog\)/);
    expect(option?.costs).toMatch(/a fixed share of all the window's events, never under \(count-min\)/);
    expect(option?.costs).not.toMatch(/^an error of a percent or so/);
  });
  it("a point's cell and its eight neighbours cover the radius only when cells are at least that wide", () => {
    const row = PROXIMITY.failures?.find((f) => /across a cell edge/.test(f.failure));
    expect(row?.prevention).toMatch(/cells at least as wide as the radius on their shorter side/);
    expect(row?.prevention).toMatch(/eight neighbours/);
    // geohash precision 6 is about 1.22 km by 0.61 km at the equator (Elasticsearch geohash_grid cell table)
    const geohash = PROXIMITY.decisions?.flatMap((d) => d.options).find((o) => o.id === "geohash");
    expect(geohash?.name).toMatch(/precision 6 is about 1\.2 km by 0\.6 km/);
  });
});
