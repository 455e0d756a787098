import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { flowEnd, type SequenceStep } from "../src/engine/output/mermaid.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const NEWS =
  "Design a news feed for a social network with 500 million daily users where a new post from a followed account shows up within 5 seconds.";
const TIMELINE =
  "Design a Twitter-like home timeline where a tweet appears in followers' timelines within 3 seconds for 300 million users.";
const INSTA = "Design an Instagram-like photo feed for 1 billion users.";
const WITH_SEARCH = "Design a social network with a news feed, post search and likes for 200 million users.";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);

describe("a feed's freshness is sized over its own path, not a search index's", () => {
  for (const p of [NEWS, TIMELINE, INSTA]) {
    it(`no index, term or refresh leftovers: ${p.slice(0, 40)}`, () => {
      const d = design(p);
      // the feed's per-reader lists are the projection: no index decisions, refresh interval or index rebuild
      expect(d.decisions.map((x) => x.id).filter((id) => id.startsWith("i06-"))).toEqual([]);
      expect(figure(d, "copy_fresh_seconds")).toBeUndefined();
      expect(JSON.stringify(d.capacity)).not.toContain("refresh_seconds");
      expect(JSON.stringify(d.bottlenecks)).not.toMatch(/refresh disabled|index shard/);
      expect(JSON.stringify(d.diagrams)).not.toContain("IndexDocument");
      expect(d.overlay.map((o) => o.archetype)).not.toContain("I06");
      // the path's stages: relay lag + post-log lag + the push to an author at the celebrity threshold
      const visible = figure(d, "post_visible_seconds");
      expect(visible?.formula).toContain("fanout_seconds");
      expect(figure(d, "celebrity_threshold")?.value).toBeGreaterThan(0);
    });
  }

  it("a stated bound sets the push time, and the threshold follows from it", () => {
    const five = design(NEWS);
    const three = design(TIMELINE);
    const v5 = figure(five, "post_visible_seconds")?.value ?? 0;
    const v3 = figure(three, "post_visible_seconds")?.value ?? 0;
    expect(v5).toBeLessThanOrEqual(5 * 0.7 + 1e-9);
    expect(v3).toBeLessThanOrEqual(3 * 0.7 + 1e-9);
    expect(figure(three, "celebrity_threshold")?.value ?? 0).toBeLessThan(
      figure(five, "celebrity_threshold")?.value ?? 0,
    );
    expect(checkCoherence(five).filter((h) => h.rule === "stated-number-unused")).toEqual([]);
    const spoken = writeScript(five, {})
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    expect(spoken).not.toMatch(/refresh|write the index/);
    expect(spoken).toMatch(/push the post to every follower's list/);
  });

  it("a product that also searches its posts keeps the index's own decisions", () => {
    const d = design(WITH_SEARCH);
    expect(d.decisions.map((x) => x.id)).toContain("i06-sharding");
  });
});

describe("independent flows are not nested in another flow's branch", () => {
  const block = (mermaid: string, line: RegExp) => {
    // the depth of alt/opt blocks the line sits in
    let depth = 0;
    for (const l of mermaid.split("\n")) {
      if (/^\s*(alt|opt)\b/.test(l)) depth++;
      else if (/^\s*end\b/.test(l)) depth--;
      else if (line.test(l)) return depth;
    }
    return undefined;
  };

  it("the feed read is its own diagram, not the publish's else", () => {
    for (const p of [NEWS, TIMELINE]) {
      const seq = design(p).diagrams.filter((g) => g.kind === "sequence" && g.title.startsWith("feed:"));
      const publish = seq.find((g) => /Publish/.test(g.title));
      expect(publish?.mermaid).not.toContain("get home feed");
      expect(seq.some((g) => /Read the feed/.test(g.title) && g.mermaid.includes("get home feed"))).toBe(true);
    }
  });

  it("a watch notice from a party the fenced write never reached is drawn after the alt closes", () => {
    for (const p of [
      "Design a leader election service for 10,000 shards where a paused leader must never write after it has lost leadership.",
      "Design a leader election service for a fleet of database primaries.",
    ]) {
      const g = design(p).diagrams.find((x) => x.kind === "sequence" && /fenced write, observe/.test(x.title));
      expect(g && block(g.mermaid, /observers told the new leader/)).toBe(0);
    }
  });

  it("a step the guarded write's parties go on with stays in the branch", () => {
    const g = design("Design a distributed coordination service like ZooKeeper.").diagrams.find((x) =>
      /Compare-and-set with watch/.test(x.title),
    );
    expect(g && block(g.mermaid, /watch event/)).toBe(1);
  });

  it("flowEnd: a sender outside the guarded step and the flow since begins another flow", () => {
    const s = (from: string, to: string) => ({ from, to, operation: `${from}>${to}` }) as unknown as SequenceStep;
    const main = [s("client", "api"), s("api", "worker"), s("worker", "cache"), s("client", "reader")];
    expect(flowEnd(main, 2, main.length)).toBe(3);
    // the client sent the guarded step itself, so its next request may follow on from the outcome
    expect(flowEnd(main, 1, main.length)).toBe(4);
    expect(flowEnd([s("a", "b"), s("b", "c"), s("c", "a")], 1, 3)).toBe(3);
  });
});

describe("each chosen option is the one the other sections name", () => {
  it("a store asked for 'one transaction' over a record and its outbox row is never a store without one", () => {
    const d = design(NEWS);
    const storage = d.technology.filter((t) => t.layer === "storage").flatMap((t) => t.choices);
    expect(storage.some((c) => /Cassandra/.test(c.product) && /\bposts?\b/i.test(c.fits))).toBe(false);
    expect(checkCoherence(d).filter((h) => h.rule === "technology-lacks-property")).toEqual([]);
    // the rule itself: Cassandra offered for the posts the post service commits with their outbox rows
    const bad = structuredClone(d);
    const row = bad.technology.find((t) => t.layer === "storage");
    row?.choices.unshift({
      product: "Apache Cassandra",
      fits: "posts and per-user home feed entries partitioned by user",
      why: "fits the home feed / timeline feature",
    });
    expect(
      checkCoherence(bad).some((h) => h.rule === "technology-lacks-property" && /one transaction/.test(h.detail)),
    ).toBe(true);
    // ... but not for records no one commits in a transaction
    const fine = structuredClone(d);
    fine.technology
      .find((t) => t.layer === "storage")
      ?.choices.unshift({
        product: "Apache Cassandra",
        fits: "per-user home feed entries partitioned by reader",
        why: "fits the home feed / timeline feature",
      });
    expect(checkCoherence(fine).filter((h) => h.rule === "technology-lacks-property")).toEqual([]);
  });

  it("feed entries move to a wide-column table only where that option is chosen", () => {
    const memory = design(NEWS);
    const durable = design(NEWS, ["decision.feed-storage=durable-table"]);
    const products = (d: Design) => d.technology.flatMap((t) => t.choices.map((c) => c.product));
    expect(products(memory)).not.toContain("Apache Cassandra");
    expect(products(durable)).toContain("Apache Cassandra");
  });

  it("a region count the prompt implies is said as derived in the decision as in the requirements", () => {
    const d = design(NEWS);
    const row = d.decisions.find((x) => x.id === "i16-replication");
    expect(row?.because).not.toMatch(/regions \(stated\)/);
  });
});

describe("a stated count of shards pins the leaderships it counts", () => {
  for (const [p, n] of [
    [
      "Design a leader election service for 10,000 shards where a paused leader must never write after it has lost leadership.",
      10000,
    ],
    [
      "Design a lease service for 50,000 partitions where each partition has exactly one owner and a stale owner's writes are rejected.",
      50000,
    ],
  ] as const) {
    it(p.slice(0, 50), () => {
      const d = design(p);
      const leases = d.capacity.flatMap((c) => c.inputs).find((i) => i.name === "leases");
      expect(leases?.value).toBe(n);
      expect(checkCoherence(d).filter((h) => h.rule === "stated-number-unused")).toEqual([]);
      expect(JSON.stringify(d.api)).not.toMatch(/the term/);
    });
  }
});

describe("the replication model follows the stores the features name", () => {
  it("features on sharded MySQL or PostgreSQL make replication leader-based, and leaderless never recommends them", () => {
    const d = design(NEWS);
    const row = d.decisions.find((x) => x.id === "i16-replication");
    expect(row?.chosen).toBe("leader-based");
    expect(row?.because).toMatch(/one primary per shard/);
    const forced = design(NEWS, ["decision.i16-replication=leaderless"]);
    const products = forced.technology.flatMap((t) => t.choices.map((c) => c.product));
    expect(products.some((p) => /MySQL|PostgreSQL/.test(p))).toBe(false);
  });

  it("a product whose stores are leaderless keeps the regions' rule", () => {
    // a cart is the cart subject's (knowledge/archetypes/I16/cart.ts): merging everywhere is its leaderless choice
    const d = design("Design a highly available shopping cart with eventual consistency across 3 regions.");
    expect(d.decisions.find((x) => x.id === "i16-cart-home")?.chosen).toBe("merge-everywhere");
    const kv = design("Design a highly available key-value store with eventual consistency across 3 regions.");
    expect(kv.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leaderless");
  });
});

describe("a replayed fan-out push adds no second entry", () => {
  it("keeps each reader's feed as a set of post ids, not a list a replay appends to", () => {
    const d = design(NEWS);
    const text = JSON.stringify([d.decisions, d.diagrams]);
    // a list push (LPUSH) appends a duplicate on replay; a sorted-set member keyed by post id is rewritten in place
    expect(text).not.toMatch(/in-memory list|onto each follower's list/);
    expect(text).toContain("sorted set");
  });
});
