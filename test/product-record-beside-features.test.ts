import { describe, expect, it } from "vitest";
import { bareProductRecord, productRecordOf } from "../src/engine/product/record.js";
import { deriveDesign } from "../src/lib/index.js";

const design = (p: string) => {
  const r = deriveDesign(p);
  if (!r.ok) throw new Error(`no design for ${p}`);
  return r.design;
};
const names = (p: string) => design(p).components.map((c) => c.name);

describe("a product's own record beside its features", () => {
  it("draws the recipes cooks post beside the social graph", () => {
    const d = design("Design a recipe-sharing app where cooks post recipes, follow each other and save favourites.");
    expect(d.features.map((f) => f.id)).toContain("graph");
    const comps = d.components.map((c) => c.name);
    expect(comps).toContain("Recipe service (stateless API)");
    expect(comps).toContain("Recipe store");
    expect(comps).toContain("Graph service");
    // one client and one gateway: the record's calls enter through the features' shared edge
    expect(comps.filter((c) => /clients/i.test(c))).toHaveLength(1);
    expect(d.api.map((a) => a.call)).toEqual(
      expect.arrayContaining(["POST /v1/recipes", "GET /v1/recipes/{recipe_id}"]),
    );
    expect(d.dataModel.map((r) => r.entity)).toContain("Recipe");
    expect(d.requirements.some((r) => r.text === "post a recipe")).toBe(true);
    expect(d.invariants.some((i) => /recipe id, once handed out/.test(JSON.stringify(i)))).toBe(true);
    expect(d.capacity.map((c) => c.id)).toContain("service_nodes");
  });

  it("reads the made thing under several wordings", () => {
    expect(names("Design a fitness tracking app where users log workouts and compete with friends")).toContain(
      "Workout store",
    );
    expect(
      names("Design a travel journal app where travellers write entries with photos and share them with friends"),
    ).toContain("Entry store");
    expect(names("Design a habit tracker w/ streaks and small friend groups that can cheer each other on")).toContain(
      "Habit store",
    );
  });

  it("reads a '-sharing' compound's first part as the record", () => {
    expect(productRecordOf("Design a recipe-sharing app")?.entity).toBe("Recipe");
    expect(productRecordOf("Design a ride-tracking service")?.entity).toBe("Ride");
  });

  it("leaves designs whose features model what their users make unchanged", () => {
    for (const p of [
      "Design Instagram where users post photos and follow friends",
      "Design Uber",
      "Design a food delivery app",
      "Design a URL shortener",
      // hosts list homes: the stay feature's Listing is that making
      "Design a vacation rental marketplace like Airbnb where hosts list homes and guests search, book and review.",
      // a name that does not say what the product keeps ("language-learning", "dog-walking", "online indicator")
      "Design a language-learning app with daily lessons, streaks and a friends leaderboard.",
      "Design a dog-walking app: owners book walkers, see walk history and photos, and rate their walker.",
      "Design the online indicator for a messaging app where friends see someone go offline within 30 seconds.",
    ])
      expect(names(p).some((n) => /\(stateless API\)$/.test(n))).toBe(false);
  });

  it("draws no record for a party or relation users add", () => {
    const graph = [{ entities: [{ name: "Follow", description: "the edge (follower, followee, since)" }] }];
    expect(
      bareProductRecord("Design an app where users add friends and follow them", "product", graph),
    ).toBeUndefined();
    expect(
      bareProductRecord("Design an app where users post comments on each other", "product", graph),
    ).toBeUndefined();
    expect(bareProductRecord("Design an app where cooks post recipes", "product", graph)?.entity).toBe("Recipe");
    expect(bareProductRecord("Design an app where cooks post recipes", "infra", graph)).toBeUndefined();
    expect(bareProductRecord("Design an app where cooks post dishes", "product", graph)?.entity).toBe("Dish");
  });

  it("keeps a bare product's own record as before", () => {
    const comps = names("Design a pastebin");
    expect(comps).toContain("Paste store");
    expect(comps).toContain("Clients (apps and browsers)");
  });
});
