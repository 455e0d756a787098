import { describe, expect, it } from "vitest";
import { protectsOwnCreate, repeatsDelivered } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";

const CRAWLER = "Design a web crawler that fetches 1 billion pages a month while staying polite to every site";
const TICKETS =
  "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice";
const METRICS = "Design a metrics monitoring system like Prometheus that ingests 10 million samples per second";
const AUTOCOMPLETE = "Design a search autocomplete service answering 100,000 queries per second within 50 ms";
const REPEAT = /it may be delivered again, and every consumer tolerates the repeat/;

describe("a delivery rule sits only where messages are delivered", () => {
  it("a store written by a conditional update, a quorum write or a snapshot states no 'delivered again' rule", () => {
    for (const p of [CRAWLER, TICKETS, METRICS, AUTOCOMPLETE]) {
      const d = design(p);
      expect(d.invariants.filter((i) => REPEAT.test(i.statement)).map((i) => i.statement)).toEqual([]);
      expect(d.mechanisms.filter((m) => REPEAT.test(m.protects)).map((m) => m.name)).toEqual([]);
      expect(repeatsDelivered(d)).toEqual([]);
    }
  });

  it("a conditional-write store retried by its callers says a retry takes effect once, and the key keeps it", () => {
    const d = design(TICKETS);
    const retry = d.invariants.find((i) => /^A retried 'hold a seat/.test(i.statement));
    expect(retry?.statement).toMatch(/takes effect once/);
    expect(d.mechanisms.find((m) => m.id === "idempotency-key")?.protects).toBe(retry?.statement);
  });

  it("a log, a queue and a change stream keep the rule, on the path that hands the message on", () => {
    const kafka = design("Design a distributed message queue like Kafka.");
    expect(
      kafka.invariants.some((i) => REPEAT.test(i.statement) && /partition that|appends a record/.test(i.path)),
    ).toBe(true);
    const cdc = design("Design a change data capture pipeline that feeds a search index.");
    expect(cdc.invariants.find((i) => REPEAT.test(i.statement))?.statement).toMatch(/^An acknowledged change event is/);
  });

  it("the coherence check catches a 'delivered again' rule on a path that delivers nothing", () => {
    const d = design(TICKETS);
    const first = d.criticalPaths[0]?.name ?? "";
    const bad = {
      ...d,
      invariants: [
        ...d.invariants,
        {
          path: first,
          statement:
            "An acknowledged hold change is never lost; it may be delivered again, and every consumer tolerates the repeat.",
          archetype: d.criticalPaths[0]?.archetype ?? "I02",
          because: "test",
        },
      ],
    } as Design;
    expect(repeatsDelivered(bad).map((p) => p.rule)).toEqual(["repeat-without-delivery"]);
  });
});

describe("a mechanism protects a rule only where it is what keeps it", () => {
  it("the crawler's version guard on a visit's outcome does not keep 'admitted at most once'; it says what it serves", () => {
    const d = design(CRAWLER);
    const row = d.mechanisms.find((m) => m.id === "versioned-overwrite");
    expect(row?.protects).toBe("");
    expect(row?.serves).toMatch(/^the operation 'record the visit outcome.*a write no rule of this design constrains$/);
    expect(d.mechanisms.find((m) => m.id === "put-if-absent")?.protects).toMatch(
      /admitted to the frontier at most once/,
    );
    expect(protectsOwnCreate(d)).toEqual([]);
  });

  it("the coherence check catches a change paired, by its entity alone, with the rule another mechanism's create keeps", () => {
    const d = design(CRAWLER);
    const admitted = d.invariants.find((i) => /admitted to the frontier at most once/.test(i.statement));
    const bad = {
      ...d,
      mechanisms: d.mechanisms.map((m) => {
        if (m.id !== "versioned-overwrite") return m;
        const { serves: _serves, ...rest } = m;
        return {
          ...rest,
          protects: admitted?.statement ?? "",
          protectsBecause: "it writes FrontierItem, which this rule constrains",
        };
      }),
    } as Design;
    expect(protectsOwnCreate(bad).map((p) => p.rule)).toEqual(["mechanism-keeps-other-create"]);
  });
});
