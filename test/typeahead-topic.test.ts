import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { designTopicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.diagrams, d.technology]);

describe("a projection whose subject is suggesting completions as people type is a typeahead", () => {
  const rated = design(
    "Design a typeahead service for a shopping site serving 40,000 suggestion requests per second within 80 ms",
  );
  const plain = design("Design query suggestions for a search box");
  const search = design("Design a search index for a product catalogue kept in sync by change data capture");

  it("speaks of the subject from the prompt's own words, never from a product's features", () => {
    expect(rated.nfrs.topics).toContain("typeahead");
    expect(plain.nfrs.topics).toContain("typeahead");
    expect(search.nfrs.topics ?? []).not.toContain("typeahead");
    expect(
      designTopicsSpoken("Design Twitter.", [{ name: "search", actions: ["autocomplete hashtags"] }]).map(
        (t) => t.value,
      ),
    ).not.toContain("typeahead");
    expect(designTopicsSpoken("Complete product names as shoppers type", []).map((t) => t.value)).toContain(
      "typeahead",
    );
  });

  it("draws a query log, an offline index builder, versioned snapshots and in-memory prefix shards behind caches", () => {
    const names = rated.components.map((c) => c.name).join("\n");
    for (const part of ["Query log", "Index builder", "Snapshot store", "Suggestion servers", "Edge cache"])
      expect(names, part).toContain(part);
    expect(rated.api.map((a) => a.call)).toContain("GET /v1/suggest?q=&limit=&locale=");
    expect(rated.dataModel.find((m) => m.entity === "PrefixSuggestions")?.key).toEqual(["snapshot_version", "prefix"]);
  });

  it("draws none of the change-capture projection, nor a partitioned log's consumer machinery", () => {
    const text = drawn(rated);
    for (const gone of ["SourceRecord", "IndexDocument", "ChangeEvent", "CDC", "ConsumerOffset", "/v1/records"])
      expect(text, gone).not.toContain(gone);
    expect(rated.archetypes.filter((a) => a.id === "I05")).toEqual([]);
    // the search index keeps its own shape
    expect(drawn(search)).toContain("IndexDocument");
    expect(drawn(search)).not.toContain("PrefixSuggestions");
  });

  it("sizes the stated rate and splits the stated latency target into network, edge and lookup time", () => {
    const figure = (id: string) => rated.capacity.find((r) => r.id === id);
    expect(figure("peak_suggest")?.value).toBe(40000);
    expect(figure("latency_slack_ms")?.value).toBe(80 - 30 - 5 - 2);
    expect(figure("latency_slack_ms")?.inputs.find((i) => i.name === "latency_budget_ms")?.because).toBe(
      "the prompt says 'within 80 ms'",
    );
    // without a stated target the budget is the typical one, said as an assumption
    expect(plain.capacity.find((r) => r.id === "latency_slack_ms")?.inputs[0]?.source).not.toBe("stated");
    expect(rated.decisions.find((r) => r.id === "i06-ta-index")?.chosen).toBe("precomputed");
  });

  it("has no coherence problem, and the shape rule catches a design that loses a part", () => {
    expect(rated.coherence).toEqual([]);
    expect(plain.coherence).toEqual([]);
    const broken = structuredClone(rated);
    // every prefix-keyed record lost (the lists, and the trending overlay an operation names beside them)
    broken.dataModel = broken.dataModel.filter((m) => !m.key.includes("prefix"));
    broken.api = broken.api.filter((a) => a.operation !== "suggest");
    broken.capacity = broken.capacity.filter((r) => r.id !== "latency_slack_ms");
    const rules = checkCoherence(broken).filter((p) => p.rule === "typeahead-shape");
    expect(rules.map((p) => p.detail).join("\n")).toMatch(/prefix[\s\S]*suggest[\s\S]*within 80 ms/);
  });

  it("pushes the trending overlay into the serving replicas instead of calling its counter on every suggest", () => {
    const name = (id: string) => rated.components.find((c) => c.id === id)?.name ?? id;
    const intoCounter = rated.links.filter((l) => l.to === "trending" && l.kind === "request");
    expect(intoCounter).toEqual([]);
    expect(rated.links).toContainEqual(
      expect.objectContaining({ from: "trending", to: "suggest-shards", kind: "stream" }),
    );
    expect(rated.components.find((c) => c.holds.includes("TrendingOverlay"))?.id).toBe("suggest-shards");
    const suggest = rated.diagrams.find((g) => /Suggest for a prefix/.test(g.title))?.mermaid ?? "";
    expect(suggest).not.toContain(name("trending"));
    const called = structuredClone(rated);
    for (const c of called.components)
      c.holds = c.id === "trending" ? ["TrendingOverlay"] : c.holds.filter((e) => e !== "TrendingOverlay");
    expect(
      checkCoherence(called)
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/TrendingOverlay is kept apart/);
  });
});
