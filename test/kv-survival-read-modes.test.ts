import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

// a stated loss the system survives is a rule on where the replicas sit; a stated tunable consistency is a read mode
// each request picks
const DYNAMO_LIKE =
  "Design a key-value store like DynamoDB with tunable consistency that stores 200 TB and survives the loss of an availability zone.";
const DATA_CENTRE = "Design a replicated key-value store that keeps serving reads when a data centre fails";
const ETCD_LIKE = "Design an etcd-like store that survives one zone";

describe("a stated failure unit the system survives", () => {
  it("is read from the prompt's words, and a count of lost zones is not the zones spread over", () => {
    expect(parseStatedNfrs(DYNAMO_LIKE).survives?.value).toBe("zone");
    expect(parseStatedNfrs(DATA_CENTRE).survives?.value).toBe("data centre");
    expect(parseStatedNfrs("Design a blob store that tolerates a rack failure").survives?.value).toBe("rack");
    const etcd = parseStatedNfrs(ETCD_LIKE);
    expect(etcd.survives?.value).toBe("zone");
    expect(etcd.scale.failure_domains).toBeUndefined();
    expect(etcd.unread).toEqual([]);
  });

  it("is a hard rule on the replicas' placement, kept by a mechanism, whatever the replication choice", () => {
    for (const [prompt, unit] of [
      [DYNAMO_LIKE, "zones"],
      [DATA_CENTRE, "data centres"],
      [ETCD_LIKE, "zones"],
    ] as const) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => i.statement.includes(`spreads over distinct ${unit}`));
      expect(rule?.statement).toMatch(/takes one member of each set at most/);
      expect(d.mechanisms.some((m) => m.protects === rule?.statement && m.id !== "ttl-expiry")).toBe(true);
      expect(checkCoherence(d)).toEqual([]);
    }
    const leaderless = design(DYNAMO_LIKE, ["decision.i16-replication=leaderless"]);
    expect(leaderless.invariants.some((i) => i.statement.includes("spreads over distinct zones"))).toBe(true);
  });
});

describe("a stated tunable consistency", () => {
  it("is a per-request read mode, and the read that lags nothing is the consistent one", () => {
    const d = design(DYNAMO_LIKE);
    expect(d.nfrs.readModes).toBe("per-request");
    expect(d.nfrs.sources.readModes?.because).toBe("the prompt says 'tunable consistency'");
    expect(d.readPaths.some((r) => /this is the consistent read a request asks for/.test(r.because))).toBe(true);
    expect(parseStatedNfrs("Design a document store with strong or eventual reads per request").readModes?.value).toBe(
      "per-request",
    );
    expect(design(DATA_CENTRE).nfrs.readModes).toBeUndefined();
  });
});

describe("resurrected delete under one leader per shard", () => {
  it("names no anti-entropy repair; the leaderless choice keeps it", () => {
    const row = (o: string[] = []) => design(DYNAMO_LIKE, o).failures.find((f) => f.failure.startsWith("Resurrected"));
    expect(`${row()?.prevention} ${row()?.repair}`).not.toMatch(/anti-entropy/);
    expect(row(["decision.i16-replication=leaderless"])?.repair).toMatch(/anti-entropy/);
  });
});
