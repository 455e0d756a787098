import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const topics = (p: string): readonly string[] => design(p).nfrs.topics ?? [];

describe("an order asked within each key, said as what each key receives", () => {
  it.each([
    "Design a webhook service where each customer must receive its events in order and one slow endpoint must not delay the others.",
    "Design a notification pipeline in which every account sees its updates in the right order.",
    "Design an event bus where each consumer gets its messages in the same order they were published.",
  ])("%s", (p) => {
    expect(topics(p)).toContain("keyed-order");
  });

  it("a webhook design with keyed order queues one call per key, never several in flight per endpoint", () => {
    const d = design(
      "Design a webhook service where each customer must receive its events in order and one slow endpoint must not delay the others.",
    );
    expect(d.coherence.map((c) => c.rule)).not.toContain("order-beside-parallel");
    expect(d.operations.some((o) => /one call in flight per key/.test(o.phrase))).toBe(true);
  });

  it.each([
    "Design a webhook delivery service for 10 million events a day.",
    "Design a metrics pipeline where each second the collector receives its samples from every host.",
  ])("no keyed order where none is asked: %s", (p) => {
    expect(topics(p)).not.toContain("keyed-order");
  });
});
