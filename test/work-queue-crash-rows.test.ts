import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { orderingAuthorities } from "../src/engine/fields/failure-scope.js";

// a work queue (SQS-like: leased messages, visibility timeouts) keeps its sends, leases and acks on a quorum of its
// partition's replicas; a log's producer acks, in-sync replica set and leader epochs are another subject's rows
const PROMPTS = [
  "Design a task queue like SQS with visibility timeouts.",
  "Design a job queue where each job runs once, 10,000 jobs a minute",
];

describe("a work queue's crash rows are its own subject's", () => {
  for (const p of PROMPTS)
    it(p, () => {
      const d = design(p);
      const text = d.failures.map((f) => `${f.failure} ${f.prevention} ${f.repair}`).join(" ");
      expect(text).toMatch(/visibility timeout/);
      expect(text).not.toMatch(/\backs ?= ?all\b|\bin-sync\b|min\.insync|leader epoch/i);
      // the scanner placed "one per partition leader" orders nothing itself
      const scanner = d.components.find((c) => /visibility-timeout scanner/i.test(c.name));
      expect(scanner).toBeDefined();
      expect(orderingAuthorities(d.components)).not.toContain(scanner);
    });

  it("a log (Kafka-like) still gets its acknowledged-record loss row", () => {
    const d = design("Design a distributed commit log like Kafka with partitions and consumer groups");
    expect(d.failures.some((f) => /acknowledges a record and dies before any follower/.test(f.failure))).toBe(true);
  });
});
