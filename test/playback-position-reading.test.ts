import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// "Resume where you left off on another device" is a listener's place in what they play, not a long pass resumed from
// its checkpoint after a crash (knowledge/signals/requirements.ts: the rule's `instead` words); a podcast app is the
// music feature's audio delivery with its episodes as the tracks.
const ids = (p: string) => design(p).archetypes.map((a) => a.id);

describe("a playback position is not a scan's checkpoint", () => {
  it("a podcast app that resumes on another device draws no frontier scan", () => {
    const d = design(
      "Design a podcast app: subscribe to shows, download episodes, and resume where you left off on another device.",
    );
    expect(d.archetypes.map((a) => a.id)).not.toContain("I04");
    expect(d.features.map((f) => f.id)).toContain("music");
    expect(d.operations.map((o) => o.phrase)).toContain("play an episode");
  });

  it("a batch pass that resumes where it left off after a crash is still a checkpointed scan", () => {
    expect(
      ids("Design a backfill job over 2 billion rows that must resume where it left off after a crash."),
    ).toContain("I04");
  });
});
