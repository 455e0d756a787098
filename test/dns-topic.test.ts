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

const DNS =
  "Design an authoritative DNS service that answers 2 million queries per second worldwide, where a record change is served by every location within 60 seconds.";

describe("authoritative DNS subject (topic 'dns' on I11)", () => {
  it.each([
    DNS,
    // prompts in no set
    "Design a managed DNS service for 10 million domains.",
    "Design an internal service DNS for 50,000 hosts where a record change is visible within 2 seconds.",
  ])("draws zones, record sets and a serial journal served from memory by name servers (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.id).toBe("I11");
    const names = d.dataModel.map((m) => m.entity);
    expect(names).toEqual(expect.arrayContaining(["Zone", "RecordSet", "ZoneChange"]));
    expect(names).not.toContain("ConfigVersion");
    const parts = d.components.map((c) => c.name).join("\n");
    expect(parts).toMatch(/Name servers at every PoP/);
    expect(parts).not.toMatch(/Rollout controller|Health gate|SDK/);
    // its own protocols are drawn (a change served from, or streamed to, every PoP), never the fleet rollout's
    const sequences = d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(sequences.join("\n")).toMatch(/Change a record and (serve|stream) it (from|to) every PoP/);
    expect(sequences.join("\n")).not.toMatch(/roll out in stages|rollback/i);
    expect(d.technology.flatMap((t) => t.choices.map((c) => c.product)).join("\n")).not.toMatch(/LaunchDarkly/);
    expect(fig(d, "servers_per_pop")).toBeDefined();
    expect(checkCoherence(d).filter((p) => p.rule === "dns-shape" || p.rule === "option-violates-bound")).toEqual([]);
  });

  it("the stated change bound is spent commit + NOTIFY + IXFR + load, and the stated queries size the name servers", () => {
    const d = designOf(DNS);
    expect(fig(d, "dns_propagation_seconds")?.bound?.quantity).toBe("propagation_seconds");
    expect(fig(d, "refresh_fallback_seconds")?.value).toBeLessThan(60);
    const perServer = fig(d, "queries_per_server");
    expect(perServer?.inputs.find((i) => i.name === "queries_per_sec")?.source).toBe("stated");
    expect(chosen(d, "i11-dns-distribution")).toBe("notify-ixfr");
    expect(chosen(d, "i11-dns-addressing")).toBe("anycast");
    // the fleet rollout's questions are not asked of a DNS design
    expect(chosen(d, "i11-rollout")).toBeUndefined();
  });

  it("polling the SOA at its refresh interval is not chosen against a one-minute bound", () => {
    const d = designOf(DNS, ["decision.i11-dns-distribution=refresh-poll"]);
    expect(
      checkCoherence(d)
        .filter((p) => p.rule === "option-violates-bound")
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/i11-dns-distribution chose 'refresh-poll'/);
  });

  it("millions of zones take the push pipeline; an internal DNS takes unicast servers", () => {
    expect(chosen(designOf("Design a managed DNS service for 10 million domains."), "i11-dns-distribution")).toBe(
      "push-pipeline",
    );
    const internal = designOf(
      "Design an internal service DNS for 50,000 hosts where a record change is visible within 2 seconds.",
    );
    expect(chosen(internal, "i11-dns-addressing")).toBe("unicast");
    expect(fig(internal, "zone_memory_bytes")?.inputs.find((i) => i.name === "dns_record_sets")?.value).toBe(100000);
  });

  it("a recursive resolver is a cache in front of authorities, not this subject", () => {
    const d = designOf("Design a recursive DNS resolver with a shared cache.");
    expect(d.archetypes[0]?.id).toBe("I07");
    expect(d.dataModel.map((m) => m.entity)).not.toContain("Zone");
  });
});
