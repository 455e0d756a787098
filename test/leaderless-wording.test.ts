import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/lib/index.js";

// A design's rows follow the replication it chose (i16-replication): a leaderless choice leaves no row that assumes a
// leader per shard, and a leader-based choice no row about leaderless quorums.
type Design = Extract<ReturnType<typeof deriveDesign>, { ok: true }>["design"];
const designOf = (p: string): Design => {
  const r = deriveDesign(p);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: Design) => d.decisions.find((r) => r.id === "i16-replication")?.chosen;
const leaderWords = (d: Design) => [
  ...d.scopes.map((s) => s.why),
  ...d.invariants.map((i) => i.statement),
  ...d.readPaths.map((r) => r.staleness),
];

const LEADERLESS = [
  "Design a session store used by web servers in 4 regions, holding 80 million sessions; reads take under 5 ms and a logout must take effect everywhere within 2 seconds.",
  "Design a user profile store replicated across 3 regions that must stay writable in every region during a network partition, with eventual consistency.",
  "Design a distributed key-value store like Dynamo that stays available for writes during partitions.",
];
const LEADER = ["Design a replicated key-value store for account settings where every read must see the latest write."];

describe("leaderless wording", () => {
  for (const p of LEADERLESS)
    it(`leaderless chosen, no leader-per-shard rows: ${p.slice(0, 50)}`, () => {
      const d = designOf(p);
      expect(chosen(d)).toBe("leaderless");
      const text = leaderWords(d).join("\n");
      expect(text).not.toMatch(/through the partition leader|one leader per shard orders|through a leader that holds/i);
      expect(d.scopes.find((s) => s.concern === "exclusivity")?.why).toMatch(/under leaderless quorums/);
    });
  for (const p of LEADER)
    it(`leader-based chosen keeps its leader and drops the leaderless clause: ${p.slice(0, 50)}`, () => {
      const d = designOf(p);
      expect(chosen(d)).toBe("leader-based");
      const why = d.scopes.find((s) => s.concern === "exclusivity")?.why ?? "";
      expect(why).toMatch(/one leader per shard orders them/);
      expect(why).not.toMatch(/leaderless/);
    });
  it("the card's default stance assumes no leader", () => {
    const d = designOf(LEADERLESS[0] as string);
    expect(d.context.failureStance).not.toMatch(/with a leader per shard/i);
  });
});
