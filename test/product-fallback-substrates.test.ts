import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// The recogniser's fallback for a product whose words reach no feature of its own table places generic substrates
// (a projection pipeline, a cache cluster, a replicated key-value store). Where the product's own reading does find a
// feature, that feature's card names what it rests on and draws its own stores, so the fallback's parts would be
// drawn for no word of the prompt (engine/fields/archetypes.ts withoutGuessedMachinery).
const ids = (prompt: string) => design(prompt).components.map((c) => c.id);
const rows = (prompt: string) => design(prompt).archetypes.map((a) => a.id);

describe("fallback substrates beside a product feature", () => {
  it("a photo-sharing app draws its media feature, not a projection pipeline or a key-value store's internals", () => {
    const d = design("Design a photo sharing app.");
    expect(d.features.map((f) => f.id)).toContain("media");
    const parts = d.components.map((c) => c.id);
    for (const graft of ["projector", "change-log", "rebuilder", "partition-map", "coordinators", "rebalancer"])
      expect(parts).not.toContain(graft);
    expect(parts).toContain("object-store");
    expect(rows("Design a photo sharing app.")).toEqual(["I14"]);
    const said = d.archetypes[0]?.evidence.join("\n") ?? "";
    expect(said).toMatch(/I06 Projection \/ Index \/ Search Pipeline is not drawn: only the fallback/);
  });

  it("a row a feature's critical action brings back stays drawn and is not said to be left out", () => {
    const d = design("Design a ride-hailing app.");
    expect(d.archetypes.map((a) => a.id)).toContain("I16");
    expect(d.components.map((c) => c.id)).not.toContain("purge-control");
    const said = d.archetypes[0]?.evidence.join("\n") ?? "";
    expect(said).not.toMatch(/I16 [^\n]* is not drawn: only the fallback/);
    expect(said).toMatch(/I07 [^\n]* is not drawn: only the fallback/);
  });

  it("an online shop draws its checkout without a generic cache cluster beside it", () => {
    expect(ids("Design an e-commerce website.")).not.toContain("purge-control");
  });

  it("a bare product (no feature) keeps its own record's cache and store, and leaves out only machinery", () => {
    const d = design("Design a pastebin.");
    expect(d.features).toEqual([]);
    expect(d.components.map((c) => c.id)).toEqual(
      expect.arrayContaining(["product-api", "product-cache", "product-store"]),
    );
    expect(d.archetypes.map((a) => a.id)).toEqual(expect.arrayContaining(["I07", "I16"]));
    expect(d.archetypes[0]?.evidence.join("\n")).toMatch(/I06 [^\n]* own record already plays/);
  });
});

describe("a feature's own heaviest load stands for the substrate it rests on", () => {
  it("a photo-sharing app's bottleneck is its delivery egress, not an artifact registry's fleet-wide release", () => {
    const b = design("Design a photo sharing app.").bottlenecks;
    expect(b[0]?.bottleneck).toMatch(/^Delivery egress/);
    expect(b.map((r) => r.bottleneck).join("\n")).not.toMatch(/released to a whole fleet|tag resolution/);
  });

  it("a hotel's availability search stands for its key-value substrate: no card row sized for a billion objects", () => {
    const b = design("Design a hotel reservation system.").bottlenecks;
    expect(b[0]?.bottleneck).toMatch(/^Availability search/);
    expect(b.map((r) => r.bottleneck).join("\n")).not.toMatch(/every value is stored once per replica/);
  });

  it("with no card row left to weigh them against, a load the prompt sized leads over an assumed one", () => {
    const slack =
      "Design a chat service like Slack with channels of up to 100,000 members, where messages in a channel appear in the same order for every member.";
    expect(design(slack).bottlenecks[0]?.bottleneck).toMatch(/^The largest channel/);
  });
});

describe("search's own heaviest load", () => {
  it("is the query fan-out over the index's shards, not a projection card's write amplification", () => {
    const b = design("Design a marketplace with product search.").bottlenecks.map((r) => r.bottleneck);
    expect(b[0]).toMatch(/^Query fan-out: an index split by product/);
    expect(b.join("\n")).not.toMatch(/^Write amplification/m);
  });
});

describe("a feature's hotspot sized for a rejected option", () => {
  it("is not a hotspot once the option that avoids it is chosen (presence pushed only to what is on screen)", () => {
    const d = design("Design a messaging app like WhatsApp with online status for 400 million daily users.");
    expect(d.decisions.find((x) => x.id === "presence-propagation")?.chosen).toBe("subscribe-visible");
    expect(d.bottlenecks.map((b) => b.bottleneck).join("\n")).not.toMatch(/every status change goes to every watcher/);
  });
});
