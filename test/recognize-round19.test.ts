import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { compileSignal, findSignal } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";
import { design } from "../src/lib/index.js";

const ids = (p: string) => classify(p).archetypes.map((a) => a.id);
const phrase = (text: string) => compileSignal(text, 0.5, "phrase") as NonNullable<ReturnType<typeof compileSignal>>;
const found = (prompt: string, text: string) => findSignal(tokenize(prompt), phrase(text))?.quoted;

describe("recognition round 19: misreads fixed at their cause", () => {
  it("reads a chat named by what it is, without a product name, as the chat product with an order demand", () => {
    const team =
      "Design a chat for teams where channels have 100,000 members and everyone sees messages in the same order";
    expect(classify(team).branch.kind).toBe("mixed");
    const d = design(team);
    expect(d.features.map((f) => f.id)).toContain("chat");
    expect(d.archetypes[0]?.id).toBe("I05");
    expect(classify("Design a team chat where every member sees messages in the same order").branch.kind).toBe("mixed");
    // the order demanded in other words: messages that must arrive (or show up) in the order they were sent
    for (const p of [
      "Design a chat for a hospital where nurses' messages in each ward must arrive in the order they were sent",
      "Design a workplace chat in which every message shows up for all members in the order it was sent",
    ]) {
      expect(classify(p).branch.kind).toBe("mixed");
      expect(ids(p)[0]).toBe("I05");
    }
    // "chat" modifying a component is no product: the head ends on the component
    expect(classify("Design a chat message store that keeps messages in order").branch.kind).toBe("infra");
  });

  it("leads storage named by what it holds with the chunk/object store, the CDN in front as its output", () => {
    for (const p of [
      "Design a photo storage service for 2 billion uploads a day, served through a CDN, where no photo is ever lost",
      "Design storage for user videos, 500 million uploads a day delivered through a CDN, and no video may ever be lost",
      // what stands in front of the thing asked for ends its head: the store, not the CDN, is asked for
      "Build an image storage backend behind a CDN that takes 300,000 uploads a second and never loses a picture",
    ]) {
      expect(ids(p)[0]).toBe("I19");
      expect(ids(p)).toContain("I07");
    }
  });

  it("reads no quorum from a count and a store that only stand near each other", () => {
    expect(
      ids(
        "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution",
      ),
    ).not.toContain("I01");
    // a change counted once a quorum holds it is still agreement
    expect(
      ids(
        "Five replicas hold the cluster's topology; a write is only acknowledged after three of them have durably stored it.",
      )[0],
    ).toBe("I01");
    expect(
      ids(
        "Which region is primary for each tenant is stored on three servers, and a change counts only once two of them have written it.",
      )[0],
    ).toBe("I01");
  });

  it("reads a deadline 'within a minute' as no rate: 'on-call within a minute' is no calls per minute", () => {
    expect(found("pages on-call within a minute", "calls minute")).toBeUndefined();
    expect(found("at most 600 calls a minute", "calls minute")).toBe("calls minute");
    expect(found("every customer gets 100 calls per minute", "calls minute")).toBe("calls minute");
    expect(found("answers within seconds", "within seconds")).toBe("within seconds");
    // a unit in a phrase of its own before the word counts no rate of it; right before it, it does
    expect(found("probes URLs every minute and pages whoever is on call", "calls minute")).toBeUndefined();
    expect(found("a per-minute call budget", "calls minute")).toBe("minute call");
    const alerting =
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute";
    expect(ids(alerting)[0]).toBe("I18");
    expect(ids(alerting)).not.toContain("I08");
    expect(ids("Design an API that allows each partner at most 600 calls a minute")[0]).toBe("I08");
  });

  it("reads builds that take minutes as the length of the work on a fleet, not a latency", () => {
    const ci = "Design a CI build system where builds take minutes and run on a fleet of 2,000 workers";
    expect(classify(ci).branch.kind).toBe("infra");
    expect(ids(ci)[0]).toBe("I15");
    expect(design(ci).nfrs.latency).toEqual([]);
  });
});
