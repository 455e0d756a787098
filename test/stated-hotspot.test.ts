import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

const SLACK =
  "Design a chat service like Slack with channels of up to 100,000 members, where messages in a channel appear in the same order for every member.";
const first = (p: string) => design(p).bottlenecks.find((b) => b.rank === "first hotspot");

describe("the first hotspot is built on the prompt's stated scale", () => {
  it("a stated channel size leads over presence pushes sized from an assumed user base", () => {
    const b = first(SLACK);
    expect(b?.bottleneck).toMatch(/^The largest channel/);
    expect(b?.estimate).toContain("('100,000 members')");
    expect(b?.mitigation).toMatch(/set of gateways/);
    expect(checkCoherence(design(SLACK))).toEqual([]);
  });

  it("a paraphrase with another brand and size", () => {
    const b = first(
      "Design a chat app like Discord with channels of up to 500,000 members, delivering every message to online members in order.",
    );
    expect(b?.bottleneck).toMatch(/^The largest channel/);
    expect(b?.estimate).toContain("500,000");
  });

  it("with no stated size the feature's usual hotspots keep their order", () => {
    const d = design("Design WhatsApp.");
    expect(d.bottlenecks.some((b) => /^The largest/.test(b.bottleneck))).toBe(false);
  });
});
