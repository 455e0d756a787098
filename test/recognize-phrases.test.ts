import { describe, expect, it } from "vitest";
import { compileCombinations, matchCombinations } from "../src/engine/recognize/combos.js";
import { classify } from "../src/engine/recognize/index.js";
import { compileSignal, findSignal } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const phrase = (text: string) => compileSignal(text, 0.5, "phrase") as NonNullable<ReturnType<typeof compileSignal>>;
const found = (prompt: string, text: string) => findSignal(tokenize(prompt), phrase(text))?.quoted;

describe("recognition: a signal's words come from one phrase of the prompt", () => {
  it("reads a delivery term whole: its words join no signal with words outside it", () => {
    expect(found("runs 50 million jobs a day, each at most once per due time", "once a day")).toBeUndefined();
    expect(found("revisit each page at most once", "at most once")).toBe("most once");
    expect(found("run the report once a day", "once a day")).toBe("once day");
    const kb = compileCombinations(
      { cap: ["at most"], unit: ["day"] },
      [{ rule: "cap per unit", why: "w", families: ["cap", "unit"], targets: [{ id: "I08", weight: 0.7 }] }],
      4,
    );
    expect(matchCombinations(tokenize("50 million jobs a day, each at most once per due time"), kb)).toEqual([]);
    expect(matchCombinations(tokenize("each key may call at most 100 times a day"), kb)).toHaveLength(1);
  });

  it("reads no phrase out of its order across a comma, but a comma inside a number breaks nothing", () => {
    expect(found("jobs a day, once the queue drains", "once a day")).toBeUndefined();
    expect(found("blocks of 10,000 ids", "id block")).toBe("blocks id");
    expect(found("jobs once, a day later", "once a day")).toBe("once day");
  });

  it("does not read 'a log that ingests' as log ingestion, but reads 'a lock that expires' as an expiring lock", () => {
    expect(found("a distributed log that ingests 1 GB/s", "log ingestion")).toBeUndefined();
    expect(found("a lock that expires after ten seconds", "expiring lock")).toBe("lock expires");
    expect(found("if the node that accepted it crashes", "node accepted crashes")).toBe("node accepted crashes");
  });

  it("reads no phrase across a sentence end, and no 'most' of 'at most' as a superlative", () => {
    expect(found("It changes a few times a day. After an editor publishes", "day after")).toBeUndefined();
    expect(found("at most one request per second per host", "most requested")).toBeUndefined();
    expect(found("the most requested pages", "most requested")).toBe("most requested");
    expect(found("each key gets at most one request", "at most one")).toBe("most one");
  });

  it("reads counted business events as a view aggregated from the stream, counted measurements as telemetry", () => {
    const clicks = classify(
      "Design a real-time ad click aggregator that counts 1 million clicks per second per campaign",
    ).archetypes;
    expect(clicks[0]?.id).toBe("I06");
    expect(clicks.map((a) => a.id)).toContain("I05");
    expect(clicks.map((a) => a.id)).not.toContain("I18");
    expect(clicks[0]?.evidence.join(" ")).toMatch(/a running count of business events/);
    expect(ids("Count 5xx responses per endpoint per minute and page on-call when they jump.")[0]).toBe("I18");
  });

  it("attaches no supporting archetype from words of two phrases (n16 designs 1 and 2)", () => {
    const scheduler = ids(
      "Design a distributed job scheduler that runs 50 million scheduled jobs a day, each at most once per due time",
    );
    expect(scheduler[0]).toBe("I03");
    expect(scheduler).not.toContain("I08");
    expect(scheduler).not.toContain("I04");
    expect(ids("Design a Kafka-like distributed log that ingests 1 GB/s and keeps 7 days of data")).toEqual(["I05"]);
  });

  it("leans a chat product with media on no artifact namespace or chunk store, and a config push on no registry", () => {
    const chat = ids("Design a chat app like WhatsApp for 500 million daily users");
    expect(chat).toContain("I05");
    expect(chat).not.toContain("I14");
    expect(chat).not.toContain("I19");
    expect(
      ids("Design a configuration service that pushes config changes to 50,000 servers within 10 seconds"),
    ).toEqual(["I11"]);
  });
});

describe("recognition: people trying to buy are not members dropping out", () => {
  it("reads no liveness requirement from 'a sneaker drop where people try to buy', but still from 'people drop off'", () => {
    expect(
      ids("Design a limited sneaker drop where 2 million people try to buy 5,000 pairs in the first minute."),
    ).not.toContain("I10");
    expect(ids("Design a video call app that keeps the participant list accurate when people drop off.")).toContain(
      "I10",
    );
  });
});

describe("recognition: a short name word is matched as written", () => {
  it("reads an acronym only as itself, never a word that stems to it", () => {
    const sys = compileSignal("GCS", 0.9, "system") as NonNullable<ReturnType<typeof compileSignal>>;
    expect(findSignal(tokenize("a worker paused by a long GC pause"), sys)).toBeUndefined();
    expect(findSignal(tokenize("copies snapshots into GCS buckets"), sys)?.quoted).toBe("gcs");
    expect(
      ids(
        "Design a lock service where a worker paused by a long GC pause never overwrites a file after its lock passed to another worker",
      ),
    ).not.toContain("I19");
  });
});
