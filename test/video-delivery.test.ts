import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { builds } from "../src/engine/fields/decisions.js";
import { design, writeScript } from "../src/lib/index.js";

const NETFLIX = "Design a video streaming service like Netflix for 10 million concurrent viewers";

const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((c) => c.id === id);

describe("a stated count of concurrent people is a count of concurrent streams", () => {
  const d = design(NETFLIX);

  it("binds '10 million concurrent viewers' to concurrent streams and connected clients, never to a user base", () => {
    expect(d.nfrs.scale.concurrent_streams).toBe(10e6);
    expect(d.nfrs.scale.clients).toBe(10e6);
    expect(d.nfrs.scale.users).toBeUndefined();
  });

  it("sizes egress, watch-position writes and edge appliances from the stated streams", () => {
    // 10M streams at about 5 Mbit/s (625 kB/s) each
    expect(figure(d, "peak_egress")?.value).toBeCloseTo(10e6 * 625000, -6);
    // one save per stream every 10 s
    expect(figure(d, "progress_writes_per_sec")?.value).toBeCloseTo(1e6, -3);
    // 6.25 TB/s over 12.5 GB/s appliances planned at half load
    expect(figure(d, "edge_appliances")?.value).toBe(1000);
    // the stated count stands in for the figure that would have derived it from a user base
    expect(d.capacity.some((c) => c.formula.startsWith("concurrent_streams = users"))).toBe(false);
  });

  it("keeps a user-base prompt's derivation of concurrent streams", () => {
    const u = design("Design a video streaming service like Netflix for 200 million users");
    expect(u.capacity.some((c) => c.formula.startsWith("concurrent_streams = users"))).toBe(true);
  });
});

describe("technology follows the edge decision", () => {
  const d = design(NETFLIX);

  it("recommends own appliances and no commercial CDN once own appliances were chosen", () => {
    expect(d.decisions.find((r) => r.id === "playback-edge")?.chosen).toBe("own-edge");
    const products = d.technology.flatMap((t) => t.choices.map((c) => c.product));
    expect(products.some((p) => /Open Connect/.test(p))).toBe(true);
    expect(products.some((p) => /CloudFront|Fastly|Akamai/.test(p))).toBe(false);
  });

  it("flags a commercial CDN recommended beside own appliances", () => {
    expect(builds("CloudFront / Fastly / Akamai", "I07", d.decisions).rejected?.row.id).toBe("playback-edge");
    const bad = structuredClone(d);
    bad.technology[0]?.choices.push({ product: "CloudFront / Fastly / Akamai", fits: "edge", why: "test" });
    expect(checkCoherence(bad).map((p) => p.rule)).toContain("technology-builds-rejected");
  });

  it("offers own appliances only where a decision chose them", () => {
    const cdn = design("Design a CDN for static assets of an e-commerce site");
    const products = cdn.technology.flatMap((t) => t.choices.map((c) => c.product));
    expect(products.some((p) => /Open Connect/.test(p))).toBe(false);
  });
});

describe("the spoken core follows the decisions", () => {
  const d = design("Design a CDN for static assets.");
  const script = writeScript(d, { minutes: 45 });
  const text = script.steps.map((s) => ({ text: s.sentences.join(" ") }));

  it("never rests the design on invalidation when TTL expiry was chosen", () => {
    expect(d.decisions.find((r) => r.id === "i07-freshness")?.chosen).toBe("ttl");
    const core = text.map((t) => /The core mechanism is [^.]*\./.exec(t.text)?.[0]).find(Boolean);
    expect(core).toBeDefined();
    expect(core).not.toMatch(/invalidation/);
    expect(checkCoherence({ ...d, script: text }).map((p) => p.rule)).not.toContain("core-decided-against");
  });

  it("a video service settles the CDN's freshness in its playback feature and never rests on invalidation", () => {
    const v = design(NETFLIX);
    expect(v.decisions.find((r) => r.id === "i07-freshness")).toBeUndefined();
    expect(v.mechanisms.map((m) => m.id)).not.toContain("cache-invalidation");
    const said = writeScript(v, { minutes: 45 })
      .steps.map((s) => s.sentences.join(" "))
      .join(" ");
    expect(/The core mechanism is [^.]*\./.exec(said)?.[0] ?? "").not.toMatch(/invalidation/);
  });

  it("flags a script whose core is a mechanism a decision chose against", () => {
    const said = [{ text: "The core mechanism is an invalidation or purge on change. It keeps the rule." }];
    expect(checkCoherence({ ...d, script: said }).map((p) => p.rule)).toContain("core-decided-against");
  });
});
