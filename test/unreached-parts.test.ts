import { describe, expect, it } from "vitest";
import { checkCoherence, partsUncalled } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const names = (d: ReturnType<typeof designOf>) => d.components.map((c) => c.name).join("\n");
const drawn = (d: ReturnType<typeof designOf>) => new Set(d.components.map((c) => c.archetype));

describe("a part reached from no prompt word, requirement or invariant is not drawn", () => {
  it.each([
    ["Design a job placement service for GPU workloads.", "I03", /Due poller|Schedule API/],
    [
      "Design a full-text search service like Elasticsearch that indexes 50,000 documents per second and makes a new document searchable within 1 second.",
      "I05",
      /Partition leader brokers|Controller quorum/,
    ],
    ["Design a web analytics service that counts page views.", "I05", /Partition leader brokers/],
    ["Design a CDN.", "I11", /Config API|Health gate monitor/],
    ["Design a load balancer.", "I11", /Rollout controller|Distribution tier/],
  ])("a companion only the lead's card names adds no parts (%s)", (prompt, id, parts) => {
    const d = designOf(prompt);
    expect(d.archetypes.map((a) => a.id)).not.toContain(id);
    expect(drawn(d).has(id)).toBe(false);
    expect(names(d)).not.toMatch(parts);
    expect(d.archetypes[0]?.evidence.join("\n")).toMatch(
      new RegExp(`${id} .* is not drawn: .*usually composes with it`),
    );
    expect(checkCoherence(d)).toEqual([]);
  });

  it.each([
    ["Design a search index fed from a Kafka topic of product changes.", "I05"],
    // the media subject's job store stands in for a due-time scheduler; the nightly pass over old videos is I04's
    ["Design a video transcoding pipeline that also re-encodes old videos at a scheduled time each night.", "I04"],
  ])("a companion the prompt's own words ask for stays (%s)", (prompt, id) => {
    expect(drawn(designOf(prompt)).has(id as never)).toBe(true);
  });

  it("the lead's own log carries an aggregation's events: no second log cluster", () => {
    const d = designOf("Design an ad click aggregation pipeline with exactly-once counting.");
    expect(names(d)).toMatch(/Event log/);
    expect(names(d)).not.toMatch(/Partition leader brokers/);
  });

  it.each([
    "Design a pastebin.",
    "Design a secrets manager like HashiCorp Vault that serves 100,000 secret reads per second, rotates database credentials every hour, and never serves a revoked secret.",
  ])("a bare product draws its record, not the fallback's search pipeline (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(drawn(d).has("I06")).toBe(false);
    expect(names(d)).not.toMatch(/Projection store|Change stream|Projector/);
    expect(d.links.map((l) => l.label).join("\n")).not.toMatch(/^uses /m);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("machine credentials are not people signing in: a secrets manager draws no sign-in or reset mail", () => {
    const d = designOf(
      "Design a secrets manager like HashiCorp Vault that serves 100,000 secret reads per second, rotates database credentials every hour, and never serves a revoked secret.",
    );
    expect(names(d)).not.toMatch(/Auth service|Reset mail|Email provider/);
    // people's credentials still ask for sign-in
    expect(names(designOf("Design a login service with password reset and credential stuffing protection."))).toMatch(
      /Auth service/,
    );
  });

  it("a read-through cache on a bare record fills from the store over a drawn link", () => {
    const d = designOf("Design a static website hosting service.");
    expect(d.links.some((l) => l.from === "product-cache" && l.to === "product-store")).toBe(true);
    expect(checkCoherence(d)).toEqual([]);
    const paste = designOf("Design a pastebin.");
    expect(paste.links.some((l) => l.from === "product-cache" && l.to === "product-store")).toBe(false);
  });

  it.each([
    ["Design a search engine crawler that respects robots.txt.", /Write API|Query API/],
    ["Design a reverse proxy with health checks and retries.", /Config API/],
    ["Design a mutex service for batch jobs that must never run twice concurrently.", /Control API/],
  ])("a supporting archetype's API that nothing calls is left out (%s)", (prompt, api) => {
    const d = designOf(prompt);
    expect(names(d)).not.toMatch(api);
    expect(partsUncalled(d)).toEqual([]);
  });

  it("the lint names a supporting archetype's part no link reaches", () => {
    const d = designOf("Design a search engine crawler that respects robots.txt.");
    const supporting = d.archetypes[1]?.id as string;
    const stray = {
      id: "stray-api",
      name: "Stray API",
      kind: "service" as const,
      archetype: supporting,
      holds: [],
      runs: [],
      because: "",
    };
    const problems = partsUncalled({ ...d, components: [...d.components, stray] });
    expect(problems.map((p) => p.rule)).toEqual(["part-uncalled"]);
    expect(problems[0]?.detail).toMatch(/Stray API/);
    // a caller makes it reached; a client is never unreached
    const linked = {
      ...d,
      components: [...d.components, stray],
      links: [...d.links, { from: "fetchers", to: "stray-api", kind: "request" as const, label: "x" }],
    };
    expect(partsUncalled(linked)).toEqual([]);
    expect(partsUncalled({ ...d, components: [...d.components, { ...stray, kind: "client" as const }] })).toEqual([]);
  });
});
