/**
 * A design that keeps its authoritative records on one database primary with a synchronous standby (PostgreSQL,
 * MySQL, drawn as "primary + synchronous replica" or chosen by its features) says that store's commit rule and
 * failover, never a majority vote, terms or elections of its own over the same records (engine/truth-store.ts,
 * knowledge/gates/). Designs that draw a real voting group keep theirs.
 */
import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const OWN_VOTE = ["consensus-replication", "epoch-term", "leader-election"];
const ids = (prompt: string) => design(prompt).mechanisms.map((m) => m.id);
const spoken = (prompt: string) =>
  Object.values(design(prompt).script ?? {})
    .map((s) => (s as { text: string }).text)
    .join(" ");

describe("truth kept on one primary with a synchronous standby", () => {
  it("a store drawn as primary + synchronous replica is kept by its commit rule, with the part named as the reason", () => {
    const d = design("Design a payment orchestration layer that sends each charge to one of four card processors.");
    const m = d.mechanisms.find((x) => x.id === "sync-standby-replication");
    expect(m?.because.join(" ")).toMatch(/primary \+ synchronous replica/);
    for (const id of OWN_VOTE) expect(d.mechanisms.map((x) => x.id)).not.toContain(id);
    expect(d.technology[0]?.choices[0]?.product).toMatch(/PostgreSQL/);
  });

  it("a feature whose every store commits on its primary first takes the same rule, and step 7 says it", () => {
    const prompt = "Design an e-commerce checkout for a store selling 10,000 orders a day";
    const got = ids(prompt);
    expect(got).toContain("sync-standby-replication");
    for (const id of OWN_VOTE) expect(got).not.toContain(id);
    const text = spoken(prompt);
    expect(text).toMatch(/Each commit is acknowledged only once its synchronous standby holds it\./);
    expect(text).toMatch(/the failover manager fences it and promotes that standby/);
    expect(text).not.toMatch(/\b(?:quorum|majority|consensus)\b/i);
  });

  it("a store's one leader per shard is the failover manager's promotion there, not an election of the design's", () => {
    const got = ids("Build a social network where people follow each other and see a feed of posts.");
    expect(got).toContain("sync-standby-replication");
    expect(got).not.toContain("leader-election");
  });

  it("a product beside a majority-commit one (DynamoDB) leaves the design's consensus as it was", () => {
    const got = ids(
      "Design a flash-sale checkout for an online store where a limited item is held for a buyer while they pay and cancelled if they do not",
    );
    expect(got).toContain("consensus-replication");
    expect(got).not.toContain("sync-standby-replication");
  });

  it.each([
    ["a replicated key-value store", "Design a key-value store."],
    ["a lock service", "Design a distributed lock service that hands out leases with fencing tokens."],
    ["a coordination store", "Design a coordination service like ZooKeeper for leader election and configuration."],
    ["an id generator over a consensus group", "Design a Snowflake-style distributed ID generator."],
  ])("%s keeps the consensus it runs", (_what, prompt) => {
    const got = ids(prompt);
    expect(got).not.toContain("sync-standby-replication");
    expect(got.some((id) => OWN_VOTE.includes(id))).toBe(true);
  });
});
