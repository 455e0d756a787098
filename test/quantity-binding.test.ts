import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { unitNoun } from "../src/engine/prompt-nouns.js";
import { QUANTITY_BY_ID } from "../src/knowledge/quantities.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const scale = (p: string) => Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, v.value]));

describe("a duration binds to what its own noun phrase says, not to a later clause", () => {
  it("never reads a verb after 'and' as the duration's noun", () => {
    // "… within 10 seconds and keeps serving …": the bound is how fast a change spreads, not a retention
    const flags = scale(
      "Design a feature flag service that pushes flag changes to 50,000 servers within 10 seconds and keeps serving the last known flags if the service is down.",
    );
    expect(flags.retention_days).toBeUndefined();
    expect(flags.propagation_seconds).toBe(10);
    // "… every 30 seconds and pages on-call within one minute": the page bound is the minute, never the period
    const alerting = scale(
      "Design a metrics alerting system that evaluates 5 million time series every 30 seconds and pages on-call within one minute of a threshold breach, without duplicate pages.",
    );
    expect(alerting.page_bound_seconds).toBe(60);
    expect(alerting.series).toBe(5e6);
  });

  it("binds two durations by their roles: 'every' is a period, 'within' a bound", () => {
    const s = scale(
      "a monitoring system that scrapes 100,000 hosts every 15 seconds and pages on-call within 2 minutes",
    );
    expect(s.page_bound_seconds).toBe(120);
    expect(s.scrape_seconds).toBe(15);
    // a period never becomes a bound, even with the bound's words after it
    const p = scale("a service that syncs data across two regions every 10 seconds and propagates changes");
    expect(p.propagation_seconds).toBeUndefined();
  });

  it("binds the evaluation interval to a stated 'evaluates … every'", () => {
    const s = scale(
      "an alerting system that evaluates 2 million series every 20 seconds and pages on-call within 90 seconds",
    );
    expect(s.eval_interval_seconds).toBe(20);
    expect(s.page_bound_seconds).toBe(90);
  });

  it("refuses a retention said in seconds rather than converting it to days", () => {
    expect(scale("a cache that keeps entries for 30 seconds").retention_days).toBeUndefined();
    expect(scale("an audit log kept for 30 days that answers queries within 2 seconds").retention_days).toBe(30);
  });

  it("keeps a stated sync bound across regions as a propagation bound", () => {
    const s = scale("a service that syncs data across two regions within 10 seconds");
    expect(s.propagation_seconds).toBe(10);
  });
});

describe("'one X' is an article, not a count of X", () => {
  it("reads 'one schedule slot' as no count of schedules", () => {
    const s = scale(
      "Design a distributed cron service that runs 2 million scheduled jobs a day and never runs the same job twice for one schedule slot, even when a worker crashes.",
    );
    expect(s.timers).toBeUndefined();
    expect(s.tasks_per_sec).toBeCloseTo(23.15, 1);
  });

  it("reads 'one job per tenant' as no count, and a digit or 'one million' as an amount", () => {
    const s = scale("a scheduler that fires one job per tenant every minute for 50,000 tenants");
    expect(s.timers).toBeUndefined();
    expect(s.tenants ?? s.users ?? 50000).toBe(50000);
    expect(scale("a scheduler with one million timers").timers).toBe(1e6);
  });
});

describe("a pronoun, determiner or number word is never the prompt's unit", () => {
  it("skips 'that stores' and other relative clauses", () => {
    expect(unitNoun("Design a key-value store like DynamoDB with tunable consistency that stores 200 TB")?.noun).toBe(
      undefined,
    );
    expect(unitNoun("a cache that holds 5 TB and answers in 1 ms, which stores sessions")?.noun).toBeUndefined();
  });

  it("skips number words before a system word", () => {
    expect(unitNoun("a rate limiter shared across three services")?.noun).toBeUndefined();
    expect(unitNoun("a gateway in front of two services and each service")?.noun).toBeUndefined();
    // a real noun still names the unit
    expect(unitNoun("Design a timer service for 10 million timers")?.noun).toBe("timer");
  });
});

describe("a stated number no figure reads is never said as given", () => {
  it("drops it from the spoken numbers, and says the ones figures read", () => {
    const d = design("Design a feature flag service that pushes flag changes to 50,000 servers within 10 seconds.");
    const said = (x: Design) => writeScript(x, { minutes: 45 }).steps[0]?.text ?? "";
    expect(said(d)).toMatch(/50,000 (?:servers|nodes)/);
    // the same design with no figure reading the server count: the count is a binding the design did not use
    const unused = { ...d, capacity: d.capacity.filter((r) => !r.inputs.some((i) => i.name === "nodes")) };
    expect(unused.capacity.length).toBeGreaterThan(0);
    expect(said(unused)).not.toMatch(/50,000/);
    expect(said(unused)).toMatch(/10 seconds/);
  });
});

describe("a stated spreading bound holds the cross-region replication lag", () => {
  it("binds 'syncs … across two regions within 10 seconds' to the lag figure, so the number is read", () => {
    const d = design("a service that syncs data across two regions within 10 seconds");
    const lag = d.capacity.find((r) => r.id === "cross_region_lag_seconds");
    expect(lag?.bound).toEqual({ quantity: "propagation_seconds", value: 10 });
    expect(checkCoherence(d).filter((p) => p.rule === "stated-number-unused")).toEqual([]);
  });
});

describe("every stated duration is said in time units that fit it", () => {
  const prompts = readFileSync(fileURLToPath(new URL("./fixtures/corpus.txt", import.meta.url)), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .concat([
      "Design a feature flag service that pushes flag changes to 50,000 servers within 10 seconds and keeps serving the last known flags if the service is down.",
      "a config service that pushes changes to 10,000 hosts within 5 seconds and keeps the last config if the service is down",
      "a session cache that answers in 2 ms and keeps sessions for 30 seconds",
    ]);
  const TIME = /\b(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\b/i;
  it("binds a time quantity only to words with a time unit, and a retention never to seconds", () => {
    const wrong: string[] = [];
    for (const p of prompts)
      for (const [id, v] of Object.entries(parseStatedNfrs(p).scale)) {
        const unit = QUANTITY_BY_ID.get(id)?.unit;
        if ((unit === "s" || unit === "days") && !TIME.test(v.quote)) wrong.push(`${id} '${v.quote}' (${p})`);
        // a retention is kept for days: one said in seconds is refused, never converted
        if (unit === "days" && /^\d[\d.,]*\s*(?:ms|milliseconds?|s|secs?|seconds?)\b/i.test(v.quote))
          wrong.push(`${id} '${v.quote}' (${p})`);
      }
    expect(wrong).toEqual([]);
  });
});

describe("a bound on people seeing a change is not the regions' replication lag", () => {
  it("holds the lag only to a bound said of the regions", () => {
    const d = design(
      "Design a worldwide online presence service for 200 million users in three regions where a status change is visible to contacts within 5 seconds.",
    );
    expect(d.capacity.find((c) => c.id === "cross_region_lag_seconds")?.bound).toBeUndefined();
  });
});
