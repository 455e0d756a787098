import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";

// Invented prompts: each states, in words, the condition under which an option wins; the design takes that option.
const chosen = (prompt: string, id: string) => design(prompt).decisions.find((r) => r.id === id);
const flips = (prompt: string) => checkCoherence(design(prompt)).filter((p) => p.rule === "flip-condition-holds");

describe("a flip condition said in the prompt's words decides", () => {
  it("a quota per window picks the sliding window over the token bucket", () => {
    const p = "Design a rate limiter for a partner API where each partner has an hourly quota of 50,000 calls.";
    const row = chosen(p, "i08-algorithm");
    expect(row?.chosen).toBe("sliding-window");
    expect(row?.because).toMatch(/hourly quota/);
    // a throughput is no quota: "requests per second" alone leaves the token bucket
    expect(
      chosen("Design a rate limiter for an API serving 200,000 requests per second.", "i08-algorithm")?.chosen,
    ).toBe("token-bucket");
  });

  it("a stated over-admission tolerance outranks the store's computed node count", () => {
    const p =
      "Design an API gateway throttle for 3 million requests per second across 40 gateways where each tenant's monthly limit may be exceeded by at most 2%.";
    const row = chosen(p, "i08-enforcement");
    expect(row?.chosen).toBe("central-store");
    expect(row?.because).toMatch(/exceeded by at most 2%/);
    // the bound, shared by the other 39 gateways, leaves each under two requests of a key: the reason says that figure
    expect(row?.because).toMatch(/allowance_per_gateway ≈ 0\.\d+ req per key .*, < 2 req per key/);
    expect(flips(p)).toEqual([]);
  });

  it("clients that evaluate flags offline keep the rules, even on phones", () => {
    const p =
      "Design a feature flag service for 3,000 backend services; each service evaluates flags offline from the last rules it received.";
    const row = chosen(p, "i11-flag-evaluation");
    expect(row?.chosen).toBe("local");
    expect(row?.because).toMatch(/evaluates flags offline/);
    expect(flips(p)).toEqual([]);
    // on phones the flags are an app's remote config (the app-config subject): each install fetches the rules as a
    // cached manifest and evaluates them on the device, offline from the last one it kept
    const phone =
      "Design a feature flag service for a mobile app with 30 million devices; devices evaluate flags offline from the last rules they received.";
    expect(chosen(phone, "i11-app-delivery")?.chosen).toBe("cdn-poll");
    expect(flips(phone)).toEqual([]);
  });

  it("rollups kept for a span of their own downsample, whatever the raw span", () => {
    const p =
      "Design a monitoring system for 8,000 servers that keeps 7 days of raw samples and two years of daily rollups for capacity planning.";
    const row = chosen(p, "i18-retention");
    expect(row?.chosen).toBe("downsample");
    expect(row?.because).toMatch(/two years of daily rollups/);
    expect(flips(p)).toEqual([]);
  });
});

describe("a size said of each item is no stock", () => {
  it("'uploads averaging 4 MB' is each object's size", () => {
    const s = statedNfrsOf("Design photo storage: 10 million uploads a day averaging 4 MB, read worldwide.").scale;
    expect(s.object_bytes?.value).toBe(4_000_000);
    expect(s.bytes_stored).toBeUndefined();
  });
});

describe("how long one operation may take is no lease", () => {
  it("'taking a lock should take under 20 ms' bounds the latency, not the lease", () => {
    const s = statedNfrsOf(
      "Design a lock service for 500 render nodes where taking a lock should take under 15 ms inside one data centre.",
    ).scale;
    expect(s.lease_seconds).toBeUndefined();
  });
});

describe("technology follows the decision", () => {
  it("a queue that leases each message recommends no log that commits offsets, and says which decision rejected it", () => {
    const d = design(
      "Design a job queue for image resizing: 10 million uploads a day, workers pull jobs, a job whose worker dies is retried on another worker within a minute.",
    );
    expect(d.decisions.find((r) => r.id === "i05-consumption")?.chosen).toBe("push");
    const products = d.technology.flatMap((r) => [
      ...r.choices.map((c) => c.product),
      ...(r.references ?? []).map((x) => x.product),
    ]);
    expect(products.filter((p) => /Kafka|Kinesis/.test(p))).toEqual([]);
    const runner = d.technology.map((r) => r.runnerUp).find((r) => r && /Kafka|Kinesis/.test(r.product));
    if (runner) expect(runner.why).toMatch(/offsets/);
  });

  it("a metrics backend the prompt asks to design is not answered by buying one", () => {
    const d = design(
      "Design a metrics backend for a fleet of 20,000 containers that keeps 30 days at 15-second resolution.",
    );
    const choices = d.technology.flatMap((r) => r.choices.map((c) => c.product));
    expect(choices.filter((p) => /Thanos|Mimir|VictoriaMetrics/.test(p))).toEqual([]);
  });
});
