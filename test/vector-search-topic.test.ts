import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const fig = (d: ReturnType<typeof designOf>, id: string) => d.capacity.find((c) => c.id === id);

const BILLION =
  "Design a vector similarity search service that returns the 10 nearest neighbours among 1 billion embeddings in under 50 ms";
const PINECONE =
  "Design a vector database like Pinecone for 50 million 1536-dimensional text embeddings, answering 5,000 queries per second with metadata filters";

describe("vector search subject (topic 'vector-search' on I06)", () => {
  it.each([
    BILLION,
    PINECONE,
    // prompts in no set
    "Build a semantic search backend for a multi-tenant document platform: 200 million chunks embedded, each tenant searches only its own, new documents searchable within 2 seconds",
    "Design a nearest neighbor search service for 300,000 product vectors",
  ])("draws vectors, segments and a collection searched by scatter-gather, not a text index (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I06");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(expect.arrayContaining(["VectorRecord", "IndexSegment", "Collection", "ShardManifest"]));
    expect(names).not.toContain("IndexDocument");
    expect(d.components.map((c) => c.name).join("\n")).toMatch(/Query router \(scatter/);
    expect(fig(d, "index_memory_bytes")).toBeDefined();
    expect(checkCoherence(d).filter((p) => p.rule === "vector-search-shape")).toEqual([]);
  });

  it("a billion 768-dimension vectors are 3 TB at full precision, so the shards hold product-quantised codes", () => {
    const d = designOf(BILLION);
    expect(fig(d, "raw_vector_bytes")?.value).toBe(1e9 * 768 * 4);
    expect(chosen(d, "i06-vec-index")).toBe("ivf-pq");
    // 64-byte codes, an 8-byte id and 32 bytes of filter fields a vector
    expect(fig(d, "index_memory_bytes")?.value).toBe(1e9 * (64 + 8 + 32));
    expect(fig(d, "candidates_merged")?.inputs.find((i) => i.name === "top_k")?.source).toBe("stated");
    expect(fig(d, "request_path_seconds")?.value).toBeLessThan(0.05);
    expect(checkCoherence(d).filter((p) => /stated-number/.test(p.rule))).toEqual([]);
  });

  it("the stated dimensions and count size an HNSW graph's memory: count x (dimensions x 4 + 2M links x 4 + filters)", () => {
    const d = designOf(PINECONE);
    expect(chosen(d, "i06-vec-index")).toBe("hnsw");
    expect(fig(d, "index_memory_bytes")?.value).toBe(50e6 * (1536 * 4 + 16 * 2 * 4 + 32));
    expect(fig(d, "vector_shards")?.value).toBe(2);
  });

  it("a small collection is searched exactly; a tenant filter takes partitions; a stated freshness keeps the growing segment", () => {
    expect(
      chosen(designOf("Design a nearest neighbor search service for 300,000 product vectors"), "i06-vec-index"),
    ).toBe("flat");
    const tenants = designOf(
      "Build a semantic search backend for a multi-tenant document platform: 200 million chunks embedded, each tenant searches only its own, new documents searchable within 2 seconds",
    );
    expect(chosen(tenants, "i06-vec-filter")).toBe("partition-by-key");
    expect(chosen(tenants, "i06-vec-fresh")).toBe("growing-segment");
    expect(fig(tenants, "vector_fresh_seconds")?.bound?.quantity).toBe("propagation_seconds");
  });

  it("a nightly batch build against a 2-second freshness is flagged", () => {
    const d = designOf(
      "Build a semantic search backend for a multi-tenant document platform: 200 million chunks embedded, each tenant searches only its own, new documents searchable within 2 seconds",
      ["decision.i06-vec-fresh=batch-build"],
    );
    expect(
      checkCoherence(d)
        .filter((p) => p.rule === "option-violates-bound")
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/i06-vec-fresh chose 'batch-build'/);
  });

  it("a full-text product search is not this subject", () => {
    const d = designOf("Design a product search engine with keyword search and filters over 100 million listings");
    expect((d.nfrs.topics ?? []).map((t) => String(t))).not.toContain("vector-search");
    expect(d.dataModel.map((m) => m.entity)).not.toContain("VectorRecord");
  });
});
