import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { boundCheck, boundOnlyWins } from "../src/engine/decision-figures.js";
import { type Design, design } from "../src/engine/design/design.js";
import { DECISION_BY_ID } from "../src/knowledge/decisions/index.js";

// Invented prompts: a decision never rejects an option whose win condition is a bound the prompt states below a
// figure of the chosen option (a long lease under a failover bound, a poll interval under a propagation bound), nor
// one whose stated qualifier the prompt says (a hard cap, a reverse list read at once).
const row = (d: Design, id: string) => d.decisions.find((r) => r.id === id);
const own = (d: Design) => checkCoherence(d).filter((p) => p.rule === "decision-own-condition-met");
const winsOf = (point: string, option: string) => DECISION_BY_ID.get(point)?.options.find((o) => o.id === option)?.wins;
/** The design with one decision forced to an option, with a reason of its own (a deriver that ignored the bound). */
const forced = (d: Design, id: string, chosen: string, because: string, keepWinning = false): Design => ({
  ...d,
  decisions: d.decisions.map((r) =>
    r.id === id ? { ...r, chosen, because, ...(keepWinning ? {} : { winning: [] }) } : r,
  ),
});

describe("a stated bound below the chosen option's own figure", () => {
  it("reads only a bound the prompt states, against the option's figure", () => {
    const [c] = boundOnlyWins(winsOf("i02-lease-length", "short-leases")) ?? [];
    expect(c?.boundBelow).toBe("failover_seconds");
    if (!c) return;
    expect(boundCheck(c, { failover_seconds: { value: 10, quote: "within 10 seconds" } })).toEqual({
      holds: true,
      says: "the prompt says 'within 10 seconds' (10 s), under a long lease, which a crashed holder keeps until it lapses (30 s)",
    });
    expect(boundCheck(c, { failover_seconds: { value: 120, quote: "within 2 minutes" } }).holds).toBe(false);
    expect(boundCheck(c, {}).holds).toBe(false);
    // a size threshold or words are not a bound
    expect(boundOnlyWins(winsOf("i18-log-index", "labels-chunks"))).toBeUndefined();
    expect(boundOnlyWins(winsOf("graph-reverse-index", "two-sided-transaction"))).toBeUndefined();
  });

  it("a failover bound under a long lease takes short leases, naming the stated words", () => {
    const d = design(
      "Design a lock service that hands out exclusive leases on print queues to 500,000 spooler processes; if a spooler dies its queue must fail over within 10 seconds.",
    );
    expect(row(d, "i02-lease-length")?.chosen).toBe("short-leases");
    expect(row(d, "i02-lease-length")?.because).toMatch(/'fail over within 10 seconds' \(10 s\), under a long lease/);
    expect(own(d)).toEqual([]);
    // a deriver that kept long leases against the bound is reported
    const broken = forced(d, "i02-lease-length", "long-leases", "keep-alives alone would load the leader");
    expect(own(broken).map((p) => p.detail)).toEqual([
      expect.stringMatching(/chose 'long-leases', but 'short-leases' wins .* 'fail over within 10 seconds'/),
    ]);
  });

  it("a stated long lease keeps its choice and says the bound's pull", () => {
    const d = design(
      "Design a lock service that hands out exclusive leases of 45 seconds on build agents to 300,000 CI workers; if a worker dies its agent must fail over within 10 seconds.",
    );
    const r = row(d, "i02-lease-length");
    expect(r?.chosen).toBe("long-leases");
    expect(r?.because).toMatch(
      /the prompt's bound favours short leases .*'fail over within 10 seconds'.*but this choice rests on what the prompt states too/,
    );
    expect(own(d)).toEqual([]);
  });

  it("a failover bound a long lease fits is no reason to flip", () => {
    const d = design(
      "Design a lock service for 400 database shards' leader leases; a crashed leader must be replaced within 2 minutes.",
    );
    expect(row(d, "i02-lease-length")?.because).not.toMatch(/under a long lease/);
    expect(own(forced(d, "i02-lease-length", "long-leases", "keep-alives alone would load the leader"))).toEqual([]);
  });

  it("a propagation bound under the poll interval takes push; one of minutes keeps polling", () => {
    const tight = design(
      "Design a configuration service that distributes firewall policies to 12,000 edge proxies; a policy change must be applied on every proxy within 15 seconds.",
    );
    expect(row(tight, "i11-distribution")?.chosen).toBe("push");
    const hits = own(forced(tight, "i11-distribution", "poll", "polling is cacheable"));
    expect(hits.map((p) => p.detail)).toEqual([
      expect.stringMatching(/'push' wins .*\(15 s\), under what a polling node can lag by/),
    ]);
    // the same poll, but the reason names the push it turned down: the tension is said, nothing to report
    expect(
      own(forced(tight, "i11-distribution", "poll", "push over long-lived watch streams costs a stream per node")),
    ).toEqual([]);
    const second = design(
      "Design a system that rolls out routing configuration to 5,000 load balancers in 4 regions; every load balancer must apply a change within 30 seconds.",
    );
    expect(own(forced(second, "i11-distribution", "poll", "polling is cacheable"))).toHaveLength(1);
    const loose = design(
      "Design a configuration service that distributes firewall policies to 12,000 edge proxies; a policy change may take up to 30 minutes to reach every proxy.",
    );
    expect(row(loose, "i11-distribution")?.chosen).toBe("poll");
    expect(own(loose)).toEqual([]);
  });
});

describe("a stated qualifier that settles the trade-off", () => {
  const stated = (d: Design) => checkCoherence(d).filter((p) => p.rule === "decision-condition-stated");

  it("a follow that must show in the other side's list at once is written on both sides together", () => {
    const d = design(
      "Design a Twitter-like social graph service storing who follows whom for 300 million users; a new follower appears in the followed user's followers list immediately.",
    );
    expect(row(d, "graph-reverse-index")?.chosen).toBe("two-sided-transaction");
    expect(row(d, "graph-reverse-index")?.because).toMatch(
      /'appears in the followed user's followers list immediately'/,
    );
    const other = design(
      "Design the social graph of a photo-sharing app with 80 million users, where followers lists must reflect a new follow at once.",
    );
    expect(row(other, "graph-reverse-index")?.chosen).toBe("two-sided-transaction");
    const lagging = design(
      "Design the social graph of a photo-sharing app with 80 million users; a followers list may lag a few seconds.",
    );
    expect(row(lagging, "graph-reverse-index")?.chosen).toBe("async-projection");
    expect(stated(forced(d, "graph-reverse-index", "async-projection", "lists tolerate lag", true))).toHaveLength(1);
  });

  it("a quota stated as a hard cap stops a job whose slot cannot be renewed; a soft one lets it run", () => {
    const hard = design(
      "Design a semaphore service limiting each customer to 10 parallel exports; the limit is a hard cap.",
    );
    expect(row(hard, "i08-slots-unrenewable")?.because).toMatch(/'hard cap'/);
    const never = design(
      "Design a concurrency limiter for a render farm: a studio may never run more than 8 renders at once across 2,000 render nodes.",
    );
    expect(row(never, "i08-slots-unrenewable")?.chosen).toBe("stop-job");
    expect(
      stated(forced(hard, "i08-slots-unrenewable", "keep-running", "long jobs should survive", true)),
    ).toHaveLength(1);
    const soft = design(
      "Design a semaphore service limiting each customer to 10 parallel exports; the limit is a soft cap.",
    );
    expect(row(soft, "i08-slots-unrenewable")?.chosen).toBe("keep-running");
  });
});
