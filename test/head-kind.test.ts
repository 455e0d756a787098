// The head noun phrase names the kind of system asked for, and a well-known system asked for ("like HashiCorp Vault")
// maps to its kind through knowledge/signals/kinds.ts: clause words ("rotates credentials", "a search index") say
// what the named thing does, not what it is (stop 33, lane headnoun).
import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { compileRecognition } from "../src/engine/recognize/signals.js";
import { ARCHETYPES } from "../src/knowledge/index.js";
import { KNOWN_SYSTEMS, SYSTEM_KINDS } from "../src/knowledge/signals/kinds.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

const lead = (prompt: string) => classify(prompt).archetypes[0];

describe("the head's kind of system", () => {
  it("a secrets manager like Vault is a secret store, built by I16 and its secrets subject", () => {
    for (const prompt of [
      "Design a secrets manager like HashiCorp Vault that serves 100,000 secret reads per second, rotates database credentials every hour, and never serves a revoked secret.",
      "Design a Vault-like service that issues short-lived database credentials and revokes them on demand.",
      "Build a secret store that serves 50,000 reads per second and revokes leaked credentials within one second.",
    ]) {
      const r = classify(prompt);
      expect(r.branch.kind, prompt).toBe("infra");
      expect(r.archetypes[0]?.id, prompt).toBe("I16");
      expect(r.archetypes[0]?.evidence.join(" "), prompt).not.toMatch(/low confidence/);
      expect(
        topicsSpoken(prompt).map((x) => x.value),
        prompt,
      ).toContain("secrets");
    }
  });

  it("a clause's words rank below the archetype the head's kind names", () => {
    expect(
      lead("Design a relational database that schedules nightly backups and streams its change log to a search index.")
        ?.id,
    ).toBe("I16");
    expect(
      lead(
        "Design a secrets manager that schedules credential rotation every hour and keeps an append-only audit log of every read.",
      )?.id,
    ).toBe("I16");
    expect(lead("Design a DNS server like CoreDNS that answers 1 million queries per second.")?.id).toBe("I11");
    expect(lead("Design a stream processor like Apache Samza that keeps per-key state across restarts.")?.id).toBe(
      "I06",
    );
  });

  it("a well-known system only named beside what is built, or matched through a typo, names no kind", () => {
    const r = classify("Build a fault-tolerant order service that stores orders in Postgres and emails receipts.");
    expect(r.archetypes.flatMap((a) => a.evidence).join(" ")).not.toMatch(/PostgreSQL|relational database/);
    const f = classify("Design fault-tolerant storage for 10 PB of photos with eleven nines of durability.");
    expect(f.archetypes.flatMap((a) => a.evidence).join(" ")).not.toMatch(/Vault|secret store/);
    // a resolver answering from cached records is a cache: the kind's noun is written whole
    expect(
      lead("Design a DNS resolver service that answers 1 million queries per second with cached records.")?.id,
    ).toBe("I07");
  });

  it("a head asking for a secret store keeps sign-in unspoken; sign-in asked for keeps it", () => {
    const values = (t: string) => topicsSpoken(t).map((x) => x.value);
    expect(
      values("Design a secrets manager like HashiCorp Vault that rotates database credentials every hour."),
    ).not.toContain("auth");
    expect(
      values(
        "Design a sign-in service that keeps its signing keys in a secrets manager like Vault and resets passwords by email.",
      ),
    ).toContain("auth");
  });

  it("every known system has a kind, and no name is also a card's, an ambiguous or a product's", () => {
    for (const sys of KNOWN_SYSTEMS)
      expect(
        SYSTEM_KINDS.some((k) => k.kind === sys.kind),
        sys.name,
      ).toBe(true);
    const known = [{ ...(KNOWN_SYSTEMS[0] as (typeof KNOWN_SYSTEMS)[number]), aliases: ["Redis"] }];
    expect(() =>
      compileRecognition(
        ARCHETYPES,
        { infra: [], product: [], productNames: [], features: [], defaultSubstrates: { archetypes: [], why: "" } },
        { requirements: [], ambiguous: [], needs: [], kinds: { kinds: SYSTEM_KINDS, known } },
      ),
    ).toThrow(/already/);
  });

  it("kinds across databases, processors, caches and delivery services lead with their archetype, however the clauses read", () => {
    const cases: [string, string, boolean][] = [
      // [prompt, lead, read with low confidence]
      [
        "Design a graph database like Neo4j that answers friend-of-friend queries and schedules nightly compaction.",
        "I16",
        true,
      ],
      [
        "Build a graph store that keeps 10 billion edges and runs a cron job to rebuild its indexes every night.",
        "I16",
        true,
      ],
      [
        "Design an in-memory cache like Memcached that serves 10 million reads per second with a 99% hit ratio.",
        "I07",
        false,
      ],
      ["Design a columnar analytics database like ClickHouse that ingests 2 million events per second.", "I18", true],
      [
        "Design a batch processing framework like Apache Spark that runs daily jobs over 100 TB and retries failed tasks.",
        "I15",
        true,
      ],
      ["Design a DNS resolver like Unbound that caches answers and serves 500,000 queries per second.", "I07", true],
      [
        "Design an email delivery service like Amazon SES that sends 1 billion emails a day and retries bounces.",
        "I12",
        true,
      ],
      [
        "Design a wide-column store that replicates every row to three nodes and schedules repairs weekly.",
        "I16",
        false,
      ],
    ];
    for (const [prompt, id, low] of cases) {
      const top = lead(prompt);
      expect(top?.id, prompt).toBe(id);
      expect(top?.evidence.join(" ").includes("low confidence"), prompt).toBe(low);
    }
  });

  it("every kind is reachable (a head noun or a known system) and a known system is read only where asked for", () => {
    for (const k of SYSTEM_KINDS)
      expect(k.nouns.length > 0 || KNOWN_SYSTEMS.some((s) => s.kind === k.kind), k.kind).toBe(true);
    // ClickHouse named as where the events end up is a part, not what is asked for
    const r = classify("Design a checkout service that writes every order event to ClickHouse for reporting.");
    expect(r.archetypes.flatMap((a) => a.evidence).join(" ")).not.toMatch(/analytics database/);
  });
});
