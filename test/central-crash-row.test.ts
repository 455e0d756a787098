import { describe, expect, it } from "vitest";
import { authorityWithoutCrashRow } from "../src/engine/coherence.js";
import { crashOf } from "../src/engine/fields/failure-scope.js";
import { design } from "../src/lib/index.js";

const SLACK =
  "Design a Slack-like chat where channels have up to 100,000 members and everyone sees messages in the same order.";
const GROUP_CHAT = "Design a group chat service with message ordering per room.";
const DOCS = "Design Google Docs: real-time collaborative editing with up to 50 editors per document.";
const AUCTION = "Design an online auction system.";
const TRACES =
  "Design a Jaeger-like distributed tracing system handling 2 million spans per second, sampling 1% of traces and keeping them 7 days.";
const TRACES_2 = "Design a distributed tracing system like Dapper.";

describe("the part that orders a subject's writes has a crash row", () => {
  it("reads a crash row by the part's name, its noun or the role its name says", () => {
    const owner = { name: "Message service (owner per conversation)" };
    expect(crashOf("The message service instance that owns a channel crashes", owner)).toBe(true);
    expect(crashOf("The host owning a subject dies", { name: "Subject sequencer (one owner per subject)" })).toBe(true);
    expect(crashOf("The span store slows down and queues fill", { name: "Span store" })).toBe(false);
    expect(crashOf("The connection server holding a user's socket dies", owner)).toBe(false);
  });

  it.each([SLACK, GROUP_CHAT, DOCS, AUCTION])("%s: the ordering authority's crash is a failure row", (p) => {
    const d = design(p);
    expect(authorityWithoutCrashRow(d)).toEqual([]);
  });

  it("a chat's channel owner fails over under the fail-closed stance: sends are refused until a new owner takes it", () => {
    const d = design(SLACK);
    const row = d.failures.find((f) => /owns a channel crashes/.test(f.failure));
    expect(row?.prevention).toMatch(/lease with an epoch/);
    expect(row?.repair).toMatch(/refused/);
  });

  it("the rule fires on a design whose table lacks the owner's crash", () => {
    const d = design(SLACK);
    const without = { ...d, failures: d.failures.filter((f) => !/owns a channel crashes/.test(f.failure)) };
    expect(authorityWithoutCrashRow(without).map((p) => p.rule)).toEqual(["authority-without-crash-row"]);
  });

  it.each([TRACES, TRACES_2])("a tracing backend says what a collector or span store crash does (%s)", (p) => {
    const d = design(p);
    const row = d.failures.find((f) => /collector crashes/.test(f.failure));
    expect(row?.prevention).toMatch(/still accepts writes while one replica is down/);
  });
});
