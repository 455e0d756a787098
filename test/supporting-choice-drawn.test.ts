import { describe, expect, it } from "vitest";
import { checkCoherence, optionsCarried, partsUncalled } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { setsAsideDrawn } from "../src/engine/fields/technology.js";

const chosen = (d: ReturnType<typeof design>, point: string) => d.decisions.find((r) => r.id === point)?.chosen;
const rules = (d: ReturnType<typeof design>) => checkCoherence(d).map((p) => p.rule);

describe("a supporting part draws what its chosen option draws (option-not-carried)", () => {
  it("gossip chosen for a substrate's members: the lead's nodes gossip, and the detector is drawn", () => {
    const d = design(
      "Design an in-memory cache cluster of 2,500 nodes that spreads keys with consistent hashing and finds out quickly when a node dies.",
    );
    expect(chosen(d, "i10-detection")).toBe("gossip");
    expect(d.components.some((c) => c.archetype === "I10" && /gossip/i.test(c.name))).toBe(true);
    expect(d.components.some((c) => /members/i.test(c.because) && c.archetype !== "I10")).toBe(true);
    expect(optionsCarried(d)).toEqual([]);
    expect(partsUncalled(d)).toEqual([]);
  });

  it("flags the substrate's chosen part when the drawing leaves it out", () => {
    const d = design(
      "Design an in-memory cache cluster of 2,500 nodes that spreads keys with consistent hashing and finds out quickly when a node dies.",
    );
    const without = d.components.filter((c) => !(c.archetype === "I10" && /gossip/i.test(c.name)));
    expect(optionsCarried({ ...d, components: without }).map((p) => p.detail)).toContainEqual(
      expect.stringMatching(/does not draw 'gossip-detector'/),
    );
  });

  it("a part hosted by the lead's component counts as drawn only where the host runs its duties", () => {
    const d = design(
      "Roll a new log-shipping config out to 12,000 web servers in stages, checking each stage's error rate before the next one.",
    );
    expect(rules(d)).not.toContain("option-not-carried");
  });
});

describe("a product set aside is not drawn (rejected-option-carried, chosen-and-avoided)", () => {
  it("a drawn part whose name says a product the row sets aside is that product", () => {
    expect(setsAsideDrawn("CDN or pull-through cache", [{ name: "CDN edge (caches blobs by digest)" }])).toBe(true);
    expect(setsAsideDrawn("Memcached or Redis", [{ name: "Ranking index (Redis sorted set per board)" }])).toBe(true);
    // a different product of the same family, a plain kind of part, or a purpose clause names nothing drawn
    expect(setsAsideDrawn("Redis Cluster", [{ name: "Ranking index (Redis sorted set)" }])).toBe(false);
    expect(setsAsideDrawn("a pull-through cache", [{ name: "Edge cache nodes" }])).toBe(false);
    expect(
      setsAsideDrawn("Apache Cassandra for histories and mutable state", [
        { name: "Persistence (histories, mutable state and tasks by shard)" },
      ]),
    ).toBe(false);
  });

  it("a registry that draws its CDN edge never sets the CDN aside", () => {
    for (const p of [
      "Design a container image registry that serves 2 GB per second of pulls to 30,000 build machines in four regions.",
      "Design a registry for trained model versions that 40,000 inference servers download from, 3 GB per second at peak.",
    ]) {
      const d = design(p);
      if (!d.components.some((c) => /\bCDN\b/.test(c.name))) continue;
      const setAside = d.technology.flatMap((t) => [t.avoid?.product, t.runnerUp?.product]).filter(Boolean);
      expect(
        setAside.filter((x) => /\bCDN\b/.test(x ?? "")),
        p,
      ).toEqual([]);
      expect(rules(d), p).not.toContain("rejected-option-carried");
    }
  });

  it("flags a runner-up a choice of another row names", () => {
    const d = design(
      "Design a leaderboard for a mobile quiz game with 5 million players, where each player sees their rank within a second of a new score.",
    );
    const choice = d.technology.find((t) => t.choices.length > 0);
    if (!choice) throw new Error("no choice");
    const product = choice.choices[0]?.product.split(/\s+or\s+|[(,]/)[0]?.trim() ?? "";
    const technology = [
      ...d.technology,
      { ...choice, choices: [], runnerUp: { product: `Other or ${product}`, why: "x" } },
    ];
    if (!/^[A-Z]/.test(product)) return;
    expect(checkCoherence({ ...d, technology }).map((p) => p.rule)).toContain("chosen-and-avoided");
  });
});
