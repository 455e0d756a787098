import { describe, expect, it } from "vitest";
import { checkCoherence, rejectedOptionsDrawn, settingSaidTwice } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { design } from "../src/lib/index.js";

// A call whose guarantee a decision's options change (a producer's acks, a store's acknowledgement) is drawn in the
// chosen option's variant, carrying the option it belongs to; `rejected-option-drawn` matches a call by its
// operation and that option, so the chosen variant of the same operation is no rejected call.

const chosen = (d: Design, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const call = (d: Design, archetype: string, operation: string) =>
  d.api.find((a) => a.archetype === archetype && a.operation === operation);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

// invented prompts: logs whose records may be lost now and then, and logs whose records may not
const LOSSY_LOGS = [
  "Design a partitioned log that thousands of soil sensors publish readings into, read by several analytics jobs; best-effort durability is fine.",
  "Design a clickstream collector for a news site that appends page-view events to a partitioned log read by three analytics consumer groups; best-effort durability is fine.",
];
const KEPT_LOGS = [
  "Design an append-only log of warehouse pick events that several services replay from old offsets.",
  "Design a durable event log for a bank's ledger postings, partitioned by account, that every acknowledged posting survives.",
];

describe("a log's publish promises what the producers' acks setting does", () => {
  for (const p of LOSSY_LOGS)
    it(`acks=1 chosen: the publish is acknowledged by the leader alone: ${p}`, () => {
      const d = design(p);
      expect(chosen(d, "i05-acks")).toBe("acks-leader");
      const publish = call(d, "I05", "publish");
      expect(publish?.chosen).toEqual({ decision: "i05-acks", options: ["acks-leader"] });
      expect(publish?.guarantee).toMatch(/^acknowledged once the partition leader has appended it/);
      expect(publish?.guarantee).not.toMatch(/in-sync replica/);
      expect(publish?.errors.join(" ")).not.toMatch(/in-sync/);
      expect(d.api.filter((a) => a.archetype === "I05" && a.operation === "publish")).toHaveLength(1);
      expect(rejectedOptionsDrawn(d)).toEqual([]);
      expect(settingSaidTwice(d)).toEqual([]);
      expect(rules(d)).not.toContain("decision-contradicted");
    });

  for (const p of KEPT_LOGS)
    it(`acks=all chosen: the publish waits for every in-sync replica: ${p}`, () => {
      const d = design(p);
      expect(chosen(d, "i05-acks")).toBe("acks-all");
      const publish = call(d, "I05", "publish");
      expect(publish?.chosen).toEqual({ decision: "i05-acks", options: ["acks-all"] });
      expect(publish?.guarantee).toMatch(/^acknowledged once every in-sync replica holds it/);
      expect(rejectedOptionsDrawn(d)).toEqual([]);
      expect(settingSaidTwice(d)).toEqual([]);
    });

  it("goes red on the rejected option's publish drawn beside acks=1", () => {
    const lossy = design(LOSSY_LOGS[0] as string);
    const kept = design(KEPT_LOGS[0] as string);
    const allPublish = call(kept, "I05", "publish");
    if (!allPublish) throw new Error("the acks=all log lost its publish");
    const tampered = {
      ...lossy,
      api: lossy.api.map((a) => (a.archetype === "I05" && a.operation === "publish" ? allPublish : a)),
    };
    expect(rejectedOptionsDrawn(tampered).map((p) => p.detail)).toEqual([
      "i05-acks chose 'acks-leader', but the design draws the API call 'publish', which belongs to 'acks-all'",
    ]);
    // said as what the acknowledgement waits for, the setting is said two ways
    expect(settingSaidTwice(tampered).map((p) => p.rule)).toEqual(["setting-said-twice"]);
    // a row built without its mark is matched by the rejected variant's own guarantee
    const { chosen: _mark, ...bare } = allPublish;
    const unmarked = {
      ...lossy,
      api: lossy.api.map((a) => (a.archetype === "I05" && a.operation === "publish" ? bare : a)),
    };
    expect(rejectedOptionsDrawn(unmarked)).toHaveLength(1);
  });

  it("an unmarked call of the same operation with its own guarantee is no rejected call (counter-example)", () => {
    const lossy = design(LOSSY_LOGS[1] as string);
    const other = {
      ...lossy,
      api: lossy.api.map((a) =>
        a.archetype === "I05" && a.operation === "publish"
          ? { ...a, chosen: undefined, guarantee: "acknowledged by the leader; retried by the producer on a timeout" }
          : a,
      ),
    };
    expect(rejectedOptionsDrawn(other)).toEqual([]);
  });
});

// invented prompts: key-value stores acknowledging a put three ways
describe("a key-value store's put promises what its acknowledgement does", () => {
  it.each([
    [
      "Design a key-value store for user session blobs where losing the last few writes on a crash is acceptable; best-effort durability, lowest write latency.",
      "async",
      /^acknowledged once the shard leader has written it, before its followers copy it/,
    ],
    [
      "Design a key-value store for game save slots where a save is lost only if we say so; best-effort durability.",
      "async",
      /^acknowledged once the shard leader has written it/,
    ],
    [
      "Design a key-value store for account settings that must never lose an acknowledged write.",
      "sync",
      /^acknowledged once the shard leader has it committed by a majority/,
    ],
  ])("%s", (p, option, promise) => {
    const d = design(p);
    expect(chosen(d, "i16-ack")).toBe(option);
    const put = call(d, "I16", "put");
    expect(put?.chosen).toEqual({ decision: "i16-ack", options: [option] });
    expect(put?.guarantee).toMatch(promise);
    expect(d.api.filter((a) => a.archetype === "I16" && a.operation === "put")).toHaveLength(1);
    expect(rejectedOptionsDrawn(d)).toEqual([]);
  });
});
