import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { evaluateFormula, parseFormula } from "../src/knowledge/notation/formula.js";

const ENGINE =
  "Design a single-node embedded key-value engine like LevelDB that takes 150,000 writes per second on one SSD and never loses an acknowledged write.";

const topicsOf = (d: ReturnType<typeof design>): readonly string[] => d.nfrs.topics ?? [];

describe("a single-node storage engine is drawn as one process's WAL, memtables, sorted tables and MANIFEST", () => {
  const engine = design(ENGINE);
  const paraphrases = [
    "How would you build a log-structured merge tree storage engine with snapshots and range scans?",
    "Build an embedded LSM key-value library for a phone app that keeps 40 GB on flash and survives sudden power loss.",
    "Design a RocksDB-style storage engine for a read-heavy workload on one NVMe drive.",
  ].map((p) => design(p));

  it("leads with I16 on the storage-engine subject, coherent, with no replicated-store parts", () => {
    for (const d of [engine, ...paraphrases]) {
      expect(topicsOf(d), d.prompt).toContain("storage-engine");
      expect(d.archetypes[0]?.id, d.prompt).toBe("I16");
      expect(checkCoherence(d), d.prompt).toEqual([]);
      const names = d.components.map((c) => c.name).join("\n");
      expect(names).not.toMatch(/\b(?:replica|coordinator|partition map|anti-entropy|rebalanc)/i);
      expect(d.mechanisms.map((m) => m.id)).not.toContain("consensus-replication");
    }
    const names = engine.components.map((c) => c.name).join("\n");
    for (const part of ["Write-ahead log", "Memtables", "Compaction threads", "MANIFEST and CURRENT", "Block cache"])
      expect(names).toContain(part);
  });

  it("keeps a never-lost write by an fsynced log on one machine, not by a majority", () => {
    const rule = engine.invariants.find((i) => /^No write is ever lost/.test(i.statement));
    expect(rule?.statement).toMatch(/fsynced/);
    expect(rule?.statement).not.toMatch(/majority|replica/);
    expect(engine.predicates.find((p) => p.id === "quorum-truth")?.holds).toBe(false);
    expect(engine.context.regions).toMatch(/^one machine/);
    // a replicated store keeps its majority
    const replicated = design("Design a replicated key-value store that never loses an acknowledged write.");
    expect(topicsOf(replicated)).not.toContain("storage-engine");
    expect(replicated.invariants.some((i) => /majority/.test(i.statement))).toBe(true);
  });

  it("sizes group commit and compaction from the stated writes, and picks the compaction style by the SSD's budget", () => {
    const group = engine.capacity.find((c) => c.id === "writes_per_fsync");
    expect(group?.value).toBeCloseTo(150000 * 0.0005, 5);
    expect(engine.capacity.find((c) => c.id === "bloom_false_positive_rate")?.value).toBeCloseTo(0.6185 ** 10, 6);
    const share = engine.capacity.find((c) => c.id === "leveled_ssd_share")?.value ?? 0;
    expect(share).toBeGreaterThan(1);
    expect(engine.decisions.find((r) => r.id === "i16-engine-compaction")?.chosen).toBe("tiered");
    const slow = design(
      "Design an embedded LSM storage engine on one SSD that takes 5,000 writes per second and never loses an acknowledged write.",
    );
    expect(slow.decisions.find((r) => r.id === "i16-engine-compaction")?.chosen).toBe("leveled");
    const [, , readHeavy] = paraphrases;
    expect(readHeavy?.decisions.find((r) => r.id === "i16-engine-compaction")?.chosen).toBe("leveled");
    expect(engine.decisions.find((r) => r.id === "i16-engine-sync")?.chosen).toBe("group-commit");
  });

  it("is not read where the store is replicated, sharded, a B-tree, or a stream processor's state", () => {
    for (const p of [
      "Design a distributed key-value store like Cassandra across 40 nodes with LSM storage.",
      "Design a sharded storage engine spread across 12 machines.",
      "Design a B-tree storage engine like LMDB.",
      "Design a stream processor that keeps keyed window state in RocksDB.",
    ])
      expect(topicsOf(design(p)), p).not.toContain("storage-engine");
  });
});

describe("formulas take ceil and log", () => {
  it("evaluates the number of levels a database needs", () => {
    const levels = parseFormula("max(1, ceil(log(total / base, fanout)))");
    expect(evaluateFormula(levels, { total: 1e12, base: 2.56e8, fanout: 10 })).toBe(4);
    expect(evaluateFormula(levels, { total: 1e8, base: 2.56e8, fanout: 10 })).toBe(1);
    expect(evaluateFormula(parseFormula("log(x, 0)"), { x: 5 })).toBeUndefined();
  });
});
