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
    // (the marketplace's checkout brings its own load, the payment provider's per-account limit, which may rank first)
    const b = design("Design a marketplace with product search.").bottlenecks.map((r) => r.bottleneck);
    expect(b.slice(0, 2).join("\n")).toMatch(/^Query fan-out: an index split by product/m);
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

describe("each feature's own heaviest load stands for its substrates' rows", () => {
  const rows = (prompt: string) => design(prompt).bottlenecks;

  it("music: audio egress from the CDN edges leads, checked against what one edge server sends", () => {
    const b = rows("Design Spotify.");
    expect(b[0]?.bottleneck).toMatch(/^Audio delivery egress/);
    expect(b[0]?.archetype).toBe("I07");
    expect(b[0]?.ceiling?.per).toBe("server");
    expect(b[0]?.ceiling?.input).toBe("edge_server_bytes_per_sec");
  });

  it("reviews: a subject page's summary and page of reviews, read hundreds of times per review written", () => {
    const b = rows("Design a product reviews system.");
    expect(b[0]?.bottleneck).toMatch(/^Review page reads: every product page opened/);
    expect(b[0]?.mitigation).toMatch(/running star sum and count/);
    expect(b.map((r) => r.bottleneck).join("\n")).not.toMatch(/^Hot key/m);
  });

  it("social graph: the most-followed user's list under one followee key, not a generic hot key", () => {
    const b = rows("Design a recipe-sharing app where home cooks post recipes, follow each other and save favourites.");
    expect(b[0]?.bottleneck).toMatch(/^The most-followed user/);
    expect(b.map((r) => r.bottleneck).join("\n")).not.toMatch(/^Hot key/m);
    // a small group of friends has no vertex with millions of followers
    const friends = rows("design a habit tracker w/ streaks and small friend groups that can cheer each other on");
    expect(friends.map((r) => r.bottleneck).join("\n")).not.toMatch(/most-followed/);
  });

  it("calendar: free/busy over a meeting's invitees, only where the prompt is about meetings", () => {
    expect(rows("Design a calendar app.")[0]?.bottleneck).toMatch(/^Free\/busy across invitees/);
    const wedding = rows(
      "Design a wedding planning website where couples manage guest lists, RSVPs and seating charts.",
    );
    expect(wedding.map((r) => r.bottleneck).join("\n")).not.toMatch(/Free\/busy/);
  });

  it("checkout: the payment provider's per-account limit, with one call per order when it captures at once", () => {
    const b = rows("Design an e-commerce website.");
    expect(b[0]?.bottleneck).toMatch(/^Payment calls at the peak/);
    expect(b[0]?.ceiling?.per).toBe("account");
    expect(b[0]?.ceiling?.share).toBeGreaterThan(1);
    const ebooks = rows("Design an online store that sells e-books.")[0];
    expect(ebooks?.estimate).toMatch(/provider_calls_per_order = 1 call/);
  });

  it("fulfilment: meal-time menu reads on the menus' key-value records", () => {
    const b = rows("Design a food delivery app.").find((r) => /^Meal-time menu reads/.test(r.bottleneck));
    expect(b?.archetype).toBe("I16");
  });

  it("ride matching: a busy area's requests racing for the same nearby drivers, on the claims", () => {
    const b = rows("Design Uber.").find((r) => /^Rush-hour matching in a busy area/.test(r.bottleneck));
    expect(b?.archetype).toBe("I02");
    expect(b?.mitigation).toMatch(/conditional write on their state/);
  });

  it("file sync: the change notifications each commit sends the owner's other devices", () => {
    const b = rows(
      "Design a team chat app with channels, threads, emoji reactions and file sharing for 10 million daily users.",
    );
    expect(b.map((r) => r.bottleneck).join("\n")).toMatch(/^Change notifications: every (?:connected device|commit)/m);
  });
});
