import { describe, expect, it } from "vitest";
import { MECHANISM_BY_ID } from "../src/knowledge/mechanisms/index.js";
import { KEPT_KINDS, keepRank, keptKinds, wouldKeep } from "../src/knowledge/mechanisms/rule-kinds.js";
import { design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";
import { ruleKeeperRow } from "../src/render/script/steps.js";

describe("the kinds of rule each mechanism keeps (knowledge/mechanisms/rule-kinds.ts)", () => {
  it("names only catalogued mechanisms", () => {
    for (const k of KEPT_KINDS) for (const m of k.keepers) expect(MECHANISM_BY_ID.has(m), `${k.kind}: ${m}`).toBe(true);
  });

  it("keeps a rule of a kind only by a mechanism of that kind, and leaves a rule of no kind to the pairing", () => {
    const once = "Each play event is stored once per client play id, so a retried upload never counts a play twice.";
    expect(keepRank("append-log", once)).toBeUndefined();
    expect(keepRank("dedup-window", once)).toBeDefined();
    const quorum =
      "A sample acknowledged to the agent is held by a write quorum of the ingesters its series replicates to.";
    expect(keepRank("write-ahead-log", quorum)).toBeUndefined();
    expect(keepRank("consensus-replication", quorum)).toBeDefined();
    const outbox =
      "Every effect a refund requires has an outbox entry committed in the same transaction as the state change that required it.";
    expect(keptKinds(outbox)[0]).toBe("outbox");
    expect(keepRank("transactional-outbox", outbox)).toBe(0);
    expect(keepRank("saga", outbox)).toBeUndefined();
    const checksum =
      "A replica whose version is below the chunk placement's version, or whose checksum fails, is never served.";
    expect(keepRank("placement-scheduler", checksum)).toBeUndefined();
    expect(keepRank("ttl-expiry", "Two readers must never see different answers.")).toBeUndefined();
    expect(keepRank("append-log", "A dashboard lists the region's hosts.")).toBe(Number.POSITIVE_INFINITY);
    expect(wouldKeep("A retry must never book twice.")[0]).toBe("put-if-absent");
    // a rule that names its outbox is the outbox's, though it also says "once"
    const fanout =
      "An outbox entry of a notification is written once per active device token the user's preferences allow, in the transaction that records the fan-out.";
    expect(keepRank("claim-run", fanout)).toBeUndefined();
    // a fencing token makes a stale holder harmless; it does not keep one holder
    expect(keepRank("fencing-token", "A task has at most one current assignment.")).toBeUndefined();
    expect(keepRank("lease", "A task has at most one current assignment.")).toBeDefined();
  });
});

describe("the keeper a script names for a rule (render/script/steps.ts ruleKeeperRow)", () => {
  const prompts = [
    "Design a podcast app: subscribe to shows, download episodes, and resume where you left off on another device.",
    "We keep a tiny piece of cluster metadata (the current shard map plus the schema version) that 400 services read. Two readers must never see different answers, even during a network split, it has to survive losing any two of five machines, and changes should be pushed to watchers within a second.",
    "Design a trending topics service.",
    "Design a distributed lock service where at most one client holds a lock at a time and a grant survives a node failure.",
  ];
  it.each(prompts)("is a mechanism that keeps a kind of the rule, never the first paired by words (%s)", (p) => {
    const d = design(p);
    let named = 0;
    for (const inv of d.invariants) {
      const m = ruleKeeperRow(d, inv.statement);
      if (!m) continue;
      named++;
      expect(keepRank(m.id, inv.statement), `${m.id} for '${inv.statement}'`).toBeDefined();
    }
    expect(named).toBeGreaterThan(0);
  });

  it("never says a play stored once per id is kept by the log it is appended to", () => {
    const d = design(prompts[0] ?? "");
    const text = writeScript(d)
      .steps.map((s) => s.text)
      .join(" ");
    expect(text).toMatch(/stored once per client play id/i);
    expect(text).not.toMatch(
      /play twice[^.]*\. (?:That one is kept by a partitioned append-only log|A partitioned append-only log is what keeps that one|For that, I rely on a partitioned append-only log)/i,
    );
  });
});

describe("a rule made from a stated guarantee, kept by the kind of rule it is (engine/fields/invariants.ts)", () => {
  const stated = (p: string) => design(p).invariants.find((i) => /\bthe prompt says '/.test(i.because));

  it("is kept by the write it sits on when that write's mechanism keeps its kind", () => {
    const r = stated(
      "Two replicas of the settlement job must never both be active; a standby takes over only after the active one is known to be gone.",
    );
    expect(r?.keptBy).toBe("lease");
    expect(r?.statement).not.toMatch(/no mechanism in this design keeps it yet/);
    const money = stated(
      "Design a payments API for a marketplace: a partner call may time out and be retried, and money must never move twice.",
    );
    expect(money?.statement).not.toMatch(/no mechanism in this design keeps it yet/);
  });

  it("says what would keep it when nothing on its scope does", () => {
    // the coupon's own rule: the payout's bank rail brings other stated rules of its own ("once … acknowledged")
    const r = design(
      "Design a coupon wallet for a grocery chain that pays out cashback to bank accounts, where no coupon can be redeemed twice.",
    ).invariants.find((i) => /\bthe prompt says '/.test(i.because) && /coupon/i.test(i.statement));
    expect(r?.keptBy).toBeUndefined();
    expect(r?.statement).toMatch(/\(put-if-absent would keep it\): no mechanism in this design keeps it yet\.$/);
  });
});

describe("the keeper said after a rule's first clause (render/script/steps.ts)", () => {
  it("keeps the clause said aloud, not a later one the full rule also holds", () => {
    const d = design(
      "Collect CPU and memory readings every ten seconds from 50,000 hosts, keep a year of them at lower resolution, and page on-call when a host stays above 90% for five minutes.",
    );
    const inv = d.invariants.find((i) => /stored in timestamp order/i.test(i.statement));
    expect(inv).toBeDefined();
    const said = "Within one series, samples are stored in timestamp order.";
    const m = ruleKeeperRow(d, inv?.statement ?? "", said);
    if (m) expect(keepRank(m.id, said), m.id).toBeDefined();
    expect(m?.id).not.toBe("dedup-window");
  });

  it("knows the kinds every catalogued mechanism keeps, and judges no mechanism it does not know", async () => {
    const { MECHANISM_IDS } = await import("../src/knowledge/mechanisms/catalog.js");
    const { kindsKnown, keepRank } = await import("../src/knowledge/mechanisms/rule-kinds.js");
    for (const id of MECHANISM_IDS) expect(kindsKnown(id), id).toBe(true);
    // a mechanism just added to the catalogue may keep any rule until its kinds are listed
    expect(keepRank("a-new-mechanism", "A booking is never made twice.")).toBe(Number.POSITIVE_INFINITY);
    expect(keepRank("async-replication", "A booking is never made twice.")).toBeUndefined();
  });
});
