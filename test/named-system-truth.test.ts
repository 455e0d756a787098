import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import type { Design } from "../src/engine/design/design.js";
import { design } from "../src/engine/design/design.js";

/**
 * Claims about named systems the knowledge once got wrong, each checked against its primary source, and the coherence
 * rule that keeps a majority off fewer than three failure domains (lane truth).
 */

const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
// what the design says, without the decisions' option rows (whose excluded-word patterns name the other way on purpose)
const text = (d: Design) => JSON.stringify({ ...d, decisions: [] });

describe("a majority over two regions needs a third site", () => {
  // invented prompts: a linearizable store over two regions or two data centres
  const twoRegions = [
    "Design a ledger of branch transfers for a bank that runs in two data centers; every committed transfer must survive losing a whole data center, and a write counts only once a majority of replicas holds it.",
    "Design a strongly consistent configuration store replicated across two regions, where a change is acknowledged once a quorum of replicas has it.",
  ];

  for (const prompt of twoRegions)
    it(`draws a witness voter in a third site and claims no majority of two: ${prompt.slice(0, 60)}`, () => {
      const d = design(prompt);
      expect(d.nfrs.regions).toBe(2);
      expect(d.nfrs.consistency).toBe("linearizable");
      const witness = d.components.find((c) => /\bwitness\b/i.test(c.name));
      expect(witness?.kind).toBe("replica-group");
      expect(d.links.some((l) => l.to === witness?.id)).toBe(true);
      expect(d.context.regions).toMatch(/witness voter in a third/);
      expect(text(d)).not.toMatch(/a majority of regions/);
      expect(rules(d)).not.toContain("majority-over-two-domains");
    });

  it("flags the same design once its witness is gone and its texts speak of a majority of the two regions", () => {
    const d = structuredClone(design(twoRegions[0] ?? "")) as Design;
    const plain = (s: string) =>
      s.replace(/a majority of the three sites \(both regions and the witness\)/g, "a majority of regions");
    const broken: Design = {
      ...d,
      components: d.components
        .filter((c) => !/\bwitness\b/i.test(c.name))
        .map((c) => ({ ...c, because: plain(c.because) })),
      links: d.links.map((l) => ({ ...l, label: plain(l.label) })),
    };
    const found = checkCoherence(broken).filter((p) => p.rule === "majority-over-two-domains");
    expect(found).toHaveLength(1);
    expect(found[0]?.detail).toMatch(/majority of regions' over 2 regions/);
  });

  it("flags 'a zone loss keeps a majority' where the prompt places the replicas over two zones", () => {
    const d = design(
      "Design a ticket reservation service for a theatre chain deployed in two availability zones that must never sell one seat twice.",
    );
    expect(d.nfrs.scale.failure_domains).toBe(2);
    expect(d.context.regions).toMatch(/witness voter in a third zone/);
    expect(rules(d)).not.toContain("majority-over-two-domains");
    const broken: Design = {
      ...(structuredClone(d) as Design),
      context: { ...d.context, regions: "one region; replicas spread across zones so a zone loss keeps a majority" },
    };
    expect(rules(broken)).toContain("majority-over-two-domains");
  });

  it("does not fire for three regions, three zones, or a quorum kept inside one region", () => {
    for (const prompt of [
      "Design a strongly consistent key-value store served from three regions for a payroll system.",
      "Design a ticket reservation service for a theatre chain deployed in three availability zones that must never sell one seat twice.",
    ]) {
      const d = design(prompt);
      expect(d.components.some((c) => /\bwitness\b/i.test(c.name))).toBe(false);
      expect(rules(d)).not.toContain("majority-over-two-domains");
    }
    const d = structuredClone(design(twoRegions[1] ?? "")) as Design;
    const inRegion: Design = {
      ...d,
      components: d.components.filter((c) => !/\bwitness\b/i.test(c.name)),
      links: [],
      failures: [],
      capacity: [],
      context: {
        ...d.context,
        regions: "synchronous to a quorum in the writing region, asynchronous to the other regions",
      },
    };
    const stripped = { ...inRegion, components: inRegion.components.map((c) => ({ ...c, because: "" })) };
    expect(rules(stripped)).not.toContain("majority-over-two-domains");
  });
});

describe("Kafka's idempotent producer runs only with acks=all", () => {
  // Apache Kafka producer configs: enable.idempotence requires acks=all
  it("promises no at-most-once append of a retried batch where the producers use acks=1", () => {
    const d = design(
      "Design a Kafka-like stream for best-effort sensor telemetry where losing a few records is fine and producers send with acks=1.",
    );
    expect(d.decisions.find((r) => r.id === "i05-acks")?.chosen).toBe("acks-leader");
    const t = text(d);
    expect(t).not.toMatch(/Enable the idempotent producer/);
    expect(t).not.toMatch(/retried batch is appended to a Partition at most once/);
    expect(t).not.toMatch(/resend same seq/);
    expect(d.failures.some((f) => /idempotent producer cannot run/.test(f.prevention))).toBe(true);
    expect(rules(d)).not.toContain("setting-said-twice");
    expect(rules(d)).not.toContain("decision-contradicted");
  });

  it("keeps the idempotent producer where every in-sync replica acknowledges", () => {
    const d = design(
      "Design a Kafka-like durable order event log where no acknowledged record may be lost and producer retries must not create duplicates.",
    );
    expect(d.decisions.find((r) => r.id === "i05-acks")?.chosen).toBe("acks-all");
    expect(d.failures.some((f) => /Enable the idempotent producer/.test(f.prevention))).toBe(true);
    expect(d.invariants.some((i) => /retried batch is appended to a Partition at most once/.test(i.statement))).toBe(
      true,
    );
  });
});

describe("Vault's recovery keys and single-account rotation", () => {
  const d = design("Design a secrets manager like HashiCorp Vault that issues short-lived database credentials.");

  it("never says recovery keys unseal a node during a KMS outage", () => {
    const t = text(d);
    // HashiCorp: recovery keys cannot decrypt the root key, so they cannot unseal when auto-unseal is down
    expect(t).not.toMatch(/KMS outage is met by operators' recovery shares|keep recovery shares/);
    expect(t).toMatch(/recovery keys only authorise operator actions and cannot unseal|Seal HA/);
  });

  it("never promises an old password keeps working after one account's password is changed", () => {
    const t = text(d);
    expect(t).not.toMatch(/previous version keeps working until every lease/);
    expect(t).not.toMatch(/previous kept until clients move/);
  });
});
