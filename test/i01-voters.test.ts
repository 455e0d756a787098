import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const voters = (p: string) =>
  design(p)
    .capacity.flatMap((r) => r.inputs)
    .find((i) => i.name === "voters");

describe("I01: a small ensemble's stated machines are its voters", () => {
  it("reads 'the five servers' or 'its five replicas' of a metadata store as five voting members", () => {
    const p =
      "Design a linearizable store for cluster metadata (which node leads each shard) that loses nothing if two of its five servers die at once.";
    const v = voters(p);
    expect(v?.value).toBe(5);
    expect(v?.because).toMatch(/voting member/);
    expect(design(p).coherence.map((x) => x.rule)).not.toContain("stated-number-unused");
    expect(
      voters(
        "Design a strongly consistent config store for a job scheduler that keeps working when one of its seven replicas dies.",
      )?.value,
    ).toBe(7);
  });
  it("never reads a large fleet as the consensus group", () => {
    const v = voters(
      "Design a linearizable store for cluster metadata used by 3,000 servers that loses nothing if two of its members die at once.",
    );
    expect(v?.value ?? 5).toBe(5);
  });
});
