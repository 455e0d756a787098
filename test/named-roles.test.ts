import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { recognizeProduct } from "../src/engine/product/index.js";
import { unitNoun } from "../src/engine/prompt-nouns.js";
import { classify } from "../src/engine/recognize/index.js";
import { referenceFacts, referenceVerdict } from "../src/engine/references.js";

/** The archetypes recognised with the evidence a named system gave them. */
const namedEvidence = (prompt: string, system: string) =>
  classify(prompt)
    .archetypes.filter((a) => a.evidence.some((e) => e.includes(`'${system.toLowerCase()}' names`)))
    .map((a) => a.id);
const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const evidence = (prompt: string) =>
  classify(prompt)
    .archetypes.flatMap((a) => a.evidence)
    .join("\n");

describe("a named system after a flow word is a part in that role, not what the designed system's verb says", () => {
  it("a sink after 'into' or 'to' is where the data lands, not a queue because the designed system streams", () => {
    for (const p of [
      "Design a change-data-capture pipeline that streams MySQL rows into Elasticsearch and Redis with per-row order",
      "Design a sync service that publishes catalogue changes to Redis and Elasticsearch",
      "Design an indexer that streams order updates from Postgres into Redis",
    ]) {
      expect(namedEvidence(p, "Redis"), p).not.toContain("I05");
      expect(evidence(p), p).toMatch(/makes Redis where the designed system's data lands/);
    }
  });

  it("the noun moved into it, or a word after it, still says its use", () => {
    expect(namedEvidence("Design a worker pool that pushes jobs into Redis", "Redis")).toContain("I05");
    expect(namedEvidence("Design a service that stores user sessions in Redis", "Redis")).toContain("I16");
  });

  it("outside an ask to build the mover, people's own verb still says what the system holds", () => {
    expect(ids("We publish model checkpoints to S3 and servers load whatever 'latest' points to.")).toContain("I19");
  });
});

describe("a cue written with a quantifier needs the quantifier", () => {
  it("a duration is no recurring schedule", () => {
    for (const p of [
      "Design a durable workflow engine like Temporal: workflows that run for months and never repeat a step",
      "Build something like Temporal where each workflow lives for months and calls a shipping partner",
    ]) {
      expect(evidence(p), p).not.toMatch(/used as a scheduler/);
      expect(ids(p), p).not.toContain("I03");
    }
  });

  it("a stated recurrence still picks the scheduler", () => {
    expect(evidence("Use Temporal to export the orders every day at 2 AM")).toMatch(/used as a scheduler/);
    expect(evidence("Use Temporal to run a nightly export of the orders")).toMatch(/used as a scheduler/);
  });

  it("a time tied to an event stands in the event's phrase", () => {
    expect(
      ids("Design a workflow engine: workflows run for months, and no step repeats after a worker crash"),
    ).not.toContain("I03");
    expect(ids("Delete each account 30 days after the user asks")[0]).toBe("I03");
  });
});

describe("only a system the prompt asks to build is the reference design", () => {
  const verdict = (prompt: string, product: string) =>
    referenceVerdict(
      product,
      referenceFacts(prompt),
      classify(prompt).archetypes.map((a) => a.id),
    );

  it("a named sink or provider is a part to buy", () => {
    expect(
      verdict("Design a pipeline that streams MySQL rows into Elasticsearch", "Elasticsearch or OpenSearch"),
    ).toBeUndefined();
    expect(verdict("Design a payment service that charges cards through Stripe", "Stripe")).toBeUndefined();
    const d = design(
      "Design a change-data-capture pipeline that streams Postgres changes into Elasticsearch and Redis",
    );
    const chosen = d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" | ");
    const refs = d.technology.flatMap((t) => (t.references ?? []).map((r) => r.product)).join(" | ");
    expect(chosen).toMatch(/Elasticsearch/);
    expect(refs).not.toMatch(/Elasticsearch/);
  });

  it("a system asked for by likeness stays the reference, with names inside its name", () => {
    expect(verdict("Design a search engine like Elasticsearch", "Elasticsearch or OpenSearch")?.name).toBe(
      "Elasticsearch",
    );
    expect(verdict("Design Kafka.", "Apache Kafka")?.name).toBe("Kafka");
    expect(verdict("Design a distributed ID generator like Twitter Snowflake.", "Snowflake-style IDs")?.name).toBe(
      "Snowflake",
    );
  });
});

describe("the unit's noun comes from the subject, never from a product's name", () => {
  it("no noun across a mark or a number, and no named product", () => {
    expect(
      unitNoun("Design a durable workflow engine like Temporal: 50,000 workflow starts per second"),
    ).toBeUndefined();
    expect(unitNoun("Design a Temporal workflow engine for loan approvals")).toBeUndefined();
    expect(unitNoun("Design a queue like SQS; 10,000 order messages per second")).toBeUndefined();
    expect(unitNoun("Design an artifact registry like Docker Hub.")?.noun).toBe("artifact");
    expect(unitNoun("Design a refund system for Stripe payments")?.noun).toBe("refund");
  });

  it("the workflow design keeps its own entity, and coherence catches a unit named after the product", () => {
    const d = design("Design a durable workflow engine like Temporal: 50,000 workflow starts per second");
    expect(d.api.map((a) => a.call).join(" ")).not.toMatch(/temporal/i);
    const rule = (x: typeof d) => checkCoherence(x).filter((p) => p.rule === "entity-named-after-product");
    expect(rule(d)).toEqual([]);
    const renamed = structuredClone(d);
    const first = renamed.api[0];
    if (first) first.call = "POST /v1/temporals";
    const entity = renamed.dataModel[0];
    if (entity) entity.entity = "Temporal";
    expect(rule(renamed).map((p) => p.detail)).toEqual([
      "entity 'Temporal' is named after 'temporal', a product the prompt names",
      "API call 'POST /v1/temporals' is named after 'temporal', a product the prompt names",
    ]);
  });
});

describe("a named product brings its features only when it is the whole subject", () => {
  const features = (p: string) => recognizeProduct(p).features.map((f) => f.feature.id);

  it("a product named as the context or as a qualifier is scoped to the features the prompt's words name", () => {
    expect(features("Design a view counter for YouTube videos")).toEqual(["counters"]);
    expect(features("Design a like counter for TikTok videos")).toEqual(["counters"]);
    expect(features("Design the Instagram news feed")).not.toContain("media");
    expect(features("Design the Instagram news feed")).toContain("feed");
    expect(features("Design the Facebook news feed for 2 billion users")).not.toContain("chat");
  });

  it("a word of a longer feature phrase is no second feature", () => {
    expect(features("Design Yelp's nearby search")).toEqual(["proximity"]);
    expect(features("Design the Tinder nearby search for 50 million profiles")).toEqual(["proximity"]);
  });

  it("a product that is the whole subject still brings what it is known for", () => {
    for (const p of [
      "Design Instagram",
      "Design a photo sharing app like Instagram",
      "Design Instagram for 500M users",
    ])
      expect(features(p), p).toEqual(expect.arrayContaining(["media", "feed", "graph"]));
    expect(features("Design Yelp")).toEqual(expect.arrayContaining(["proximity", "reviews", "search"]));
  });

  it("nor does it lean on the substrates of the features it is known for", () => {
    expect(ids("Design the Instagram news feed for 500 million daily users")).not.toContain("I14");
    expect(ids("Design the Instagram news feed for 500 million daily users")).not.toContain("I12");
    expect(ids("Design the TikTok following feed")).not.toContain("I14");
    // nor on those of what it is also known for that the prompt does not ask (notifications push through providers)
    expect(ids("Design Instagram")).not.toContain("I12");
    expect(ids("Design Instagram with push notifications")).toContain("I12");
  });

  it("the counter design draws no video delivery", () => {
    for (const p of [
      "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
      "Design a like counter for TikTok videos that shows counts within 5 seconds",
    ]) {
      // the product only says whose counter it is: the counting subject is designed, never the product's video delivery
      const d = design(p);
      const f = d.features.map((x) => x.id);
      expect(f, p).not.toContain("media");
      expect(f, p).not.toContain("playback");
      expect(d.components.map((c) => c.name).join(" "), p).not.toMatch(/\b(?:CDN|transcod|video segments?)\b/i);
    }
    expect(
      design(
        "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
      ).archetypes[0]?.id,
    ).toBe("I06");
  });
});
