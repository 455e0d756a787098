import { describe, expect, it } from "vitest";
import { layoutOf } from "../src/engine/architecture.js";
import { design } from "../src/engine/design/design.js";
import type { Fields } from "../src/engine/design/types.js";

// layoutOf keeps the last design's layout by the identities of its inputs (the invariants' facts and the architecture's
// shared facts both ask for it within one design): any other input is a layout of its own.
describe("the layout, computed once a design", () => {
  const d = design("Design a job board");
  const f = { prompt: d.prompt, branch: d.branch, features: d.features, archetypes: d.archetypes };
  const chat = [{ name: "Chat", actions: ["send a message"] }] as unknown as Fields["features"];

  it("answers the same inputs with the same layout", () => {
    expect(layoutOf({ ...f })).toBe(layoutOf({ ...f }));
  });

  it("answers the same prompt with other features by those features", () => {
    const bare = layoutOf(f);
    expect(bare.record?.entity).toBe("Job");
    const withFeature = layoutOf({ ...f, features: chat });
    expect(withFeature.record).toBeUndefined();
    expect(withFeature.unspoken).not.toContain("user-presence");
    expect(layoutOf(f)).toEqual(bare);
  });

  it("answers another prompt by its own words", () => {
    const bare = layoutOf(f);
    const other = layoutOf({ ...f, prompt: "Design a pastebin" });
    expect(other.record?.entity).not.toBe(bare.record?.entity);
  });
});
