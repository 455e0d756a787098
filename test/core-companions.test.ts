import { describe, expect, it } from "vitest";
import { ARCHETYPE_IDS, CORE_MECHANISMS, GENERIC_KEEPERS, MECHANISMS } from "../src/knowledge/index.js";
import { design, writeScript } from "../src/lib/index.js";

/** The spoken core: the hard rule step 4 states and the mechanism step 6 says keeps it. */
function spokenCore(prompt: string): { rule: string; core: string } {
  const sentences = writeScript(design(prompt), { minutes: 45 }).steps.flatMap((s) => s.sentences);
  const at = sentences.findIndex((t) => t.startsWith("The hard rule is this"));
  const core = sentences.find((t) => t.startsWith("The core mechanism is")) ?? "";
  return { rule: sentences[at + 1] ?? "", core };
}

describe("every archetype names the mechanisms that realise its central rule (knowledge)", () => {
  const ids = new Set(MECHANISMS.map((m) => m.id));
  it.each([...ARCHETYPE_IDS])("%s has a core list of known mechanisms", (id) => {
    const list = CORE_MECHANISMS[id];
    expect(list.length).toBeGreaterThan(0);
    for (const m of list) expect(ids.has(m)).toBe(true);
  });
  it("the generic keepers are known mechanisms", () => {
    for (const m of GENERIC_KEEPERS) expect(ids.has(m)).toBe(true);
  });
});

describe("the spoken core is the subject's own mechanism, never a generic companion", () => {
  it.each([
    "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
    "Design a distributed job queue where a worker leases each message and it reappears if not acknowledged within a timeout.",
    "Build a message queue like Amazon SQS for 100k messages per second with at-least-once delivery.",
  ])("a leasing queue rests on its message lease, not on tunable quorums: %s", (prompt) => {
    const { rule, core } = spokenCore(prompt);
    expect(rule).toMatch(/^A message lease hands its message to one consumer at a time/);
    expect(core).not.toMatch(/quorum|idempotency/);
  });

  it.each([
    "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
    "Design a ride sharing service like Uber.",
  ])("a dispatch rests on the driver claim, not on the ride request's idempotency key: %s", (prompt) => {
    const { rule, core } = spokenCore(prompt);
    expect(rule).toMatch(/^A driver state holds at most one open offer or active ride/);
    expect(core).not.toMatch(/idempotency/);
  });

  it.each([
    [
      "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
      /quorum/,
    ],
    [
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
      /quorum/,
    ],
    [
      "Design a feature flag service: 20,000 service instances evaluate flags locally, and a flag change must reach all of them within 5 seconds.",
      /version check/,
    ],
    [
      "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.",
      /per-key ordering|partition key/,
    ],
  ])("%s names no generic companion as its core", (prompt, generic) => {
    expect(spokenCore(prompt).core).not.toMatch(generic);
  });

  it.each([
    "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
    "Design an alerting service that evaluates 500,000 alert rules every minute and notifies on-call.",
  ])("the rule on the prompt's headline operation leads, not the substrate's sample quorum: %s", (prompt) => {
    expect(spokenCore(prompt).rule).toMatch(/^Each rule group is evaluated by one evaluator per interval/);
  });

  it("an archetype about replication keeps it as its core (a consensus store, a log)", () => {
    expect(spokenCore("Design a distributed coordination service like ZooKeeper.").core).toMatch(
      /consensus replication/,
    );
    expect(spokenCore("Design a distributed message queue like Kafka.").core).toMatch(
      /in-sync replica set replication/,
    );
  });
});
