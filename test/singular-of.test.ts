import { describe, expect, it } from "vitest";
import { singularOf } from "../src/engine/counted-nouns.js";

describe("singularOf: one singular rule for every reader", () => {
  it.each([
    ["photos", "photo"],
    ["Photos", "Photo"],
    ["queries", "query"],
    ["classes", "class"],
    ["boxes", "box"],
    ["watches", "watch"],
    ["branches", "branch"],
    ["statuses", "status"],
    ["caches", "cache"],
    ["niches", "niche"],
    ["warehouses", "warehouse"],
    ["causes", "cause"],
    ["databases", "database"],
    ["leases", "lease"],
    ["menus", "menu"],
    ["gpus", "gpu"],
    ["GPUs", "GPU"],
    ["apis", "api"],
  ])("%s → %s", (plural, singular) => expect(singularOf(plural)).toBe(singular));

  it.each(["status", "analysis", "basis", "bonus", "virus", "campus", "class", "bus", "LMS", "cache"])(
    "%s is a singular already",
    (w) => expect(singularOf(w)).toBe(w),
  );
});
