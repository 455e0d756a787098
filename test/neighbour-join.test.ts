import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

// A neighbouring subject joins only where a prompt noun, in its prompt sense, is that subject's thing: a meeting's room
// is not a hotel's room-night, a delayed message service's messages are not a Kafka log, and "live" video is not
// a registry's liveness.
const ids = (p: string) => design(p).archetypes.map((a) => a.id);
const features = (p: string) => design(p).features.map((f) => f.id);
const entities = (p: string) => design(p).dataModel.map((e) => e.entity);

describe("a supporting archetype named only by the head's own nouns does not join", () => {
  it("a delayed message service's messages are the scheduled thing, not a log to consume", () => {
    for (const p of [
      "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.",
      "Design a delayed message service where each message is delivered at the time its sender chose.",
    ]) {
      expect(ids(p)[0]).toBe("I03");
      expect(ids(p)).not.toContain("I05");
    }
  });
  it("a log the prompt asks for by its own words still joins", () => {
    expect(
      ids("Design a delayed job scheduler where due jobs are published to a Kafka topic that worker consumers read"),
    ).toContain("I05");
    expect(ids("Design a delayed task queue that fires reminders at a scheduled time.")[0]).toBe("I03");
  });
  it("'live' before the streaming platform says what kind it is, not a liveness registry", () => {
    const p =
      "Design a live video streaming platform like Twitch where one streamer can reach 2 million concurrent viewers with under 5 seconds of delay.";
    expect(ids(p)).not.toContain("I10");
  });
  it("a phrase in the head that names a second kind still brings it", () => {
    expect(ids("Design a leader election service for a fleet of database primaries.")).toContain("I01");
    expect(ids("Design a ZooKeeper-like coordination store.")).toContain("I02");
    expect(ids("Design a distributed cache.")).toContain("I07");
  });
});

describe("a feature whose record noun carries another kind's modifier does not join", () => {
  it("a calendar's meeting room is not a hotel's room-night", () => {
    const p =
      "Design a calendar service like Google Calendar for 500 million users where a meeting room can never be double-booked.";
    expect(features(p)).toContain("calendar");
    expect(features(p)).not.toContain("stay");
    expect(entities(p)).not.toContain("RoomInventory");
  });
  it("rooms, spots and listings of kinds in no set draw no hotel", () => {
    for (const p of [
      "Design a conference-room booking tool for a 5,000-person company.",
      "Design a conference room booking tool.",
      "Design a meeting-room booking system where a room can never be double-booked.",
      "Design a parking-spot reservation service where a spot is never given to two cars at once.",
      "Design a job board where employers post listings.",
    ]) {
      expect(features(p), p).not.toContain("stay");
      expect(entities(p), p).not.toContain("RoomInventory");
    }
  });
  it("a hotel's room is still the hotel subject", () => {
    for (const p of [
      "Design a hotel reservation system.",
      "Design a hotel booking system where a room is never double-booked for the same night.",
      "Design a system to book a hotel room for a range of nights.",
    ])
      expect(features(p), p).toContain("stay");
  });
});

describe("a scheduler that holds counted messages sizes its runs by them", () => {
  it("'1 billion messages a day' is the runs the delayed message service fires, with no log left to read it", () => {
    const d = design(
      "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.",
    );
    const tasks = d.capacity.flatMap((f) => f.inputs).find((i) => i.name === "tasks_per_sec");
    expect(tasks?.value).toBeCloseTo(1e9 / 86400, 0);
    expect(checkCoherence(d).map((c) => c.rule)).not.toContain("stated-number-unused");
  });
});

describe("a requirement read from one word lies in that word's form", () => {
  it("a balancer's connections are its flows, not members that are connected", () => {
    const p =
      "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends and keeps existing connections on their backend when backends are added or removed.";
    expect(ids(p)).toEqual(["I17"]);
    expect(ids("Design an L4 load balancer that keeps each client's connections on one backend.")).not.toContain("I10");
  });
  it("the same word, inflected, still states it", () => {
    expect(ids("Design a presence service that shows who is connected right now")[0]).toBe("I10");
    expect(ids("Design a health checking service that tracks which instances are connected")[0]).toBe("I10");
  });
});
