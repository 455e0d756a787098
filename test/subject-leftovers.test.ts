import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { type Design, design } from "../src/lib/index.js";

/** Rows carried in from a neighbouring card or subject: a design speaks only of the subjects it has. */
const leftovers = (d: Design) => checkCoherence(d).filter((p) => p.rule === "subject-leftover");
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const rows = (d: Design) =>
  JSON.stringify([d.nfrs, d.overlay, d.operations, d.primaryState, d.components, d.api, d.failures, d.bottlenecks]);
const failures = (d: Design) => d.failures.map((f) => f.failure).join("\n");

describe("counted events are billed only where the prompt bills them", () => {
  const trending = design(
    "Design trending hashtags: the top 100 hashtags of the last hour from 500,000 tweets per second.",
  );
  const mostViewed = design("What are the 10 most viewed videos of the past hour? Design it for 200k views a second.");
  const analytics = design("Design a web analytics service that counts page views.");
  const ads = design(
    "Design an ad click aggregator counting 1 million clicks per second per campaign per minute, billed exactly.",
  );

  it("a ranking or an analytics count filters bots without billing an advertiser", () => {
    for (const d of [trending, mostViewed, analytics]) {
      expect(rows(d)).not.toMatch(/advertis|billed to|fraudulent clicks|bills use/i);
      expect(failures(d)).toMatch(/Bots or scripted accounts inflate/);
      expect(leftovers(d)).toEqual([]);
    }
    expect(trending.components.find((c) => c.id === "readers")?.name).toBe("Dashboards and reports");
  });

  it("an ad click aggregator keeps its fraud row and its billing readers", () => {
    expect(ads.nfrs.topics).toContain("billed");
    expect(failures(ads)).toMatch(/Bot or fraudulent clicks are counted and billed to the advertiser/);
    expect(ads.components.find((c) => c.id === "readers")?.name).toBe("Dashboards, billing and advertisers");
    expect(spoken("Design an ad click aggregation pipeline with exactly-once counting")).toContain("billed");
    // a bill alone is money, not counted events
    expect(spoken("Design a billing service that sends invoices")).not.toContain("billed");
    expect(leftovers(ads)).toEqual([]);
  });
});

describe("a log or trace pipeline's stance speaks of its own records, a metrics one keeps its series", () => {
  it("log lines and spans are never a metrics series", () => {
    for (const p of [
      "Design a log aggregation system that ingests 5 GB/s of logs and makes them searchable within 30 seconds.",
      "Design a centralized logging platform like Splunk for 2 TB of application logs a day.",
      "Design a Jaeger-like distributed tracing system handling 2 million spans per second, sampling 1% of traces and keeping them 7 days.",
    ]) {
      const d = design(p);
      expect(JSON.stringify([d.nfrs, d.primaryState]), p).not.toMatch(/same series|scrap/i);
      expect(leftovers(d), p).toEqual([]);
    }
    const logs = design("Design a log aggregation pipeline that ingests application logs into a durable log.");
    expect(JSON.stringify(logs.primaryState)).toMatch(/line id/);
  });

  it("a metrics prompt keeps its scraping and series", () => {
    const d = design("Design Prometheus-like metrics monitoring for 10 million active series.");
    expect(rows(d)).toMatch(/scrap/i);
    expect(leftovers(d)).toEqual([]);
  });
});

describe("an execution fleet speaks of functions only where functions run per invocation", () => {
  const judge = design(
    "Design a LeetCode-like online judge that runs 10,000 untrusted code submissions per minute in sandboxes.",
  );
  const runner = design(
    "Design a code runner that executes users' code in isolated sandboxes for a coding interview site.",
  );
  const ci = design("Design a CI build system where builds take minutes and run on a fleet of 2,000 workers.");
  const k8s = design("Design a container scheduler like Kubernetes.");
  const lambda = design("Design a serverless function platform like AWS Lambda.");

  it("a judge, a code runner, CI and a container scheduler draw no invocation path or managed function platform", () => {
    for (const d of [judge, runner, ci, k8s]) {
      expect(rows(d), d.prompt).not.toMatch(
        /invok\w* functions?|function invocations?|per (?:hot )?function|Invocation router/i,
      );
      expect(d.api.map((a) => a.operation)).not.toContain("invoke");
      expect(JSON.stringify(d.technology)).not.toContain("AWS Lambda");
      expect(leftovers(d), d.prompt).toEqual([]);
    }
    expect(rows(judge)).not.toMatch(/StatefulSet|kubelet/);
  });

  it("a judge is entered by submitting code, not by the generic task API", () => {
    expect(judge.components.find((c) => c.id === "clients")?.name).toBe("Users submitting code");
    expect(judge.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["submit code", "read verdict"]));
    expect(judge.api.map((a) => a.call)).not.toContain("POST /v1/tasks");
    expect(judge.overlay.find((o) => o.archetype === "I15")?.unit).toMatch(/Submission/);
  });

  it("a function platform keeps its router, invoke call, managed platform and overlay words", () => {
    expect(lambda.nfrs.topics).toContain("functions");
    expect(lambda.components.map((c) => c.name)).toContain("Invocation router");
    expect(lambda.api.map((a) => a.operation)).toContain("invoke");
    expect(JSON.stringify(lambda.technology)).toContain("AWS Lambda");
    expect(lambda.overlay.find((o) => o.archetype === "I15")?.unit).toMatch(/function invocation/);
    expect(spoken("Design a serverless compute service.")).toContain("functions");
    expect(spoken("Design a platform that runs customer functions on demand with cold starts under 100 ms")).toContain(
      "functions",
    );
    // the batch-and-stream architecture is no function platform
    expect(spoken("Design a lambda architecture for click analytics")).not.toContain("functions");
  });
});

describe("subject-leftover goes red on a row of a subject the design does not have", () => {
  it("a fraud row billing an advertiser in a trending design", () => {
    const d = structuredClone(
      design("Design trending hashtags: the top 100 hashtags of the last hour from 500,000 tweets per second."),
    );
    d.failures.push({
      ...(d.failures[0] as Design["failures"][number]),
      failure: "Bot or fraudulent clicks are counted and billed to the advertiser",
    });
    expect(
      leftovers(d)
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/failures speaks of ad billing/);
  });

  it("an invocation router in a judge, a series in a log pipeline's stance", () => {
    const judge = structuredClone(design("Design an online judge that runs untrusted code submissions in sandboxes."));
    judge.components.push({
      ...(judge.components[0] as Design["components"][number]),
      id: "router",
      name: "Invocation router",
    });
    expect(
      leftovers(judge)
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/components speaks of a function platform/);
    const logs = structuredClone(
      design("Design a log aggregation pipeline that ingests application logs into a durable log."),
    );
    (logs.primaryState[0] as Design["primaryState"][number]).durability.because =
      "a resent sample (same series and timestamp) collapses to one value";
    expect(
      leftovers(logs)
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/primaryState speaks of a metrics pipeline/);
  });
});

describe("a feature's own decision settles the same question of the archetype it rests on", () => {
  const ids = (d: Design) => d.decisions.map((x) => x.id);

  it("a video service decides its edge once, by the playback feature, and asks no web cache's TTL or write policy", () => {
    for (const p of [
      "Design Netflix for 10 million concurrent viewers.",
      "Design a video streaming service like Netflix.",
    ]) {
      const d = design(p);
      expect(ids(d), p).toContain("playback-edge");
      for (const x of ["i07-placement", "i07-freshness", "i07-write-policy"]) expect(ids(d), p).not.toContain(x);
      expect(JSON.stringify(d.decisions), p).not.toMatch(/read aside by the services|Memcached- or Redis-style/);
    }
  });

  it("a CDN or a cache tier still asks where its copies live and how they stay fresh", () => {
    expect(ids(design("Design a CDN that serves static assets for 10,000 websites."))).toContain("i07-placement");
    expect(ids(design("Design a read-through cache in front of a MySQL database for 200k reads per second."))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^i07-|^i16-/)]),
    );
  });
});

describe("a cache fed by change data capture is a sink, not a second key-value system of record", () => {
  const ids = (p: string) => design(p).archetypes.map((a) => a.id);

  it("draws no replicated key-value store beside the cache sink", () => {
    for (const p of [
      "Design change data capture from PostgreSQL into Elasticsearch and a Redis cache, 5,000 changes per second.",
      "Stream row changes from MySQL with Debezium into Redis and Elasticsearch.",
    ]) {
      const d = design(p);
      expect(ids(p), p).not.toContain("I16");
      expect(d.api.map((a) => a.call).join("\n"), p).not.toMatch(/\/v1\/kv/);
      expect(checkCoherence(d), p).toEqual([]);
    }
  });

  it("keeps the key-value store where the changes come from one", () => {
    expect(ids("Design CDC from DynamoDB streams into Elasticsearch and a Redis cache.")).toContain("I16");
  });
});
