import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// A product feature's read that rests on a substrate whose card says how it serves any derived copy
// (`servesFeatureReads`) takes that staleness, not a projector's lag (engine/fields/read-paths.ts).
const staleness = (prompt: string, read: RegExp) => design(prompt).readPaths.find((r) => read.test(r.read))?.staleness;

describe("a feature's derived read says how its substrate serves it", () => {
  it("a question page in a page cache lives until its TTL or a purge", () => {
    const s = staleness(
      "Design a Q&A site like Stack Overflow that serves 20,000 page views per second, with questions, answers, votes and reputation.",
      /^view a question page/,
    );
    expect(s).toMatch(/^at most the TTL, cut short by purge propagation time/);
  });

  it("a home feed built by a projection still trails by the projector's lag", () => {
    expect(staleness("Design Instagram.", /^view the home feed/)).toBe("bounded by the projector's lag");
  });
});
