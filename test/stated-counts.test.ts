import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

/**
 * Stated quantities are read, and no typical default contradicts them: media said by its running time per period
 * sizes the encode figures, a place's population bounds the users, rides and drivers, a limit's own unit is its quota
 * window, and a fleet of workers is the clients a coordination service holds sessions for.
 */
const derive = (p: string) => structuredClone(design(p)) as Design;
const scale = (p: string) => parseStatedNfrs(p).scale;
const input = (d: Design, name: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);
const figure = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("media said by its running time per period", () => {
  it.each([
    ["Build a transcoding service where creators upload 300 hours of footage every minute.", 18000],
    ["Every hour, 20,000 minutes of video are uploaded to our platform; design the encoding pipeline.", 20000 / 60],
    ["Design a video processing pipeline that ingests 1,200 hours of new video a day.", (1200 * 3600) / 86400],
    ["Build a podcast transcription service that receives 10,000 minutes of audio per hour.", 10000 / 60],
  ])("reads %j as seconds of media a second", (p, want) => {
    expect(scale(p).media_seconds_per_sec?.value).toBeCloseTo(want, 3);
    expect(parseStatedNfrs(p).unread).toEqual([]);
  });

  it("sizes the uploads a second, the encode cores and the bytes a day from it", () => {
    const d = derive("Build a transcoding service where creators upload 300 hours of footage every minute.");
    const assets = input(d, "assets_per_sec");
    expect(assets?.value).toBeCloseTo(60, 6);
    expect(assets?.because).toMatch(/media_seconds_per_sec \/ media_seconds/);
    // 18,000 s of media a second x 4 renditions x 2 core-seconds / 50% utilisation
    expect(figure(d, "encode_cores")?.value).toBeCloseTo(288000, -2);
    expect(figure(d, "encode_cores")?.inputs.some((i) => i.name === "media_seconds_per_sec")).toBe(true);
    expect(rules(d)).not.toContain("stated-number-unread");
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("where no media model reads it, it is still the hours of media a day", () => {
    const d = derive("Every hour, 20,000 minutes of video are uploaded to our platform; design the encoding pipeline.");
    expect(rules(d)).not.toContain("stated-number-unused");
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "media_seconds_per_sec"))).toBe(true);
  });
});

describe("the population of a place", () => {
  it.each([
    ["Design a taxi dispatch service for a metro area of 4 million residents.", 4e6],
    ["Build a ride-hailing app like Uber for a country of 10 million people.", 1e7],
    ["Run a parking app in a city with 1.5 million inhabitants where a spot is never sold twice.", 1.5e6],
    ["Design a 311 app for the city's 800,000 residents.", 8e5],
  ])("reads %j as the place's people, never all of them users", (p, want) => {
    const s = scale(p);
    expect(s.place_population?.value).toBe(want);
    expect(s.users).toBeUndefined();
  });

  it("bounds the rides, drivers and users of a ride-hailing design with stated shares", () => {
    const d = derive("Build a ride-hailing app like Uber for a country of 10 million people.");
    const rides = input(d, "rides_per_day");
    expect(rides?.value).toBeCloseTo(1e7 * 0.05, 0);
    expect(rides?.because).toMatch(/place_population \* rides_per_resident_per_day/);
    const drivers = input(d, "moving_objects");
    expect(drivers?.value).toBeLessThan(1e5);
    expect(drivers?.because).toMatch(/driver_busy_share/);
    expect(input(d, "rides_per_resident_per_day")?.because).toMatch(/planning figure/);
  });

  it("where nothing reads the rides, the place still bounds the users", () => {
    const d = derive("Design a taxi dispatch service for a metro area of 4 million residents.");
    expect(rules(d)).not.toContain("stated-number-unused");
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "place_population"))).toBe(true);
  });
});

describe("a limit's own unit is its quota window", () => {
  it.each([
    ["Design an API gateway limiter where each developer key may make 5,000 calls per hour.", 3600],
    ["Every paying customer is limited to 2,000 requests a day.", 86400],
    ["Build a quota service where every API key is allowed 10,000 calls per day.", 86400],
    ["Customers may send at most 100 text messages an hour through our SMS API.", 3600],
  ])("reads %j with its window", (p, want) => {
    expect(scale(p).quota_window_seconds?.value).toBe(want);
  });

  it("a per-user usage rate that limits nothing sets no window", () => {
    expect(scale("Design a chat app where each user sends 30 messages a day.").quota_window_seconds).toBeUndefined();
  });

  it("the overshoot share is over the stated window, and the data centres count the enforcing gateways", () => {
    const d = derive(
      "Design an API gateway limiter where each developer key may make 5,000 calls per hour across 25 data centres.",
    );
    const w = input(d, "quota_window_seconds");
    expect(w?.value).toBe(3600);
    expect(w?.source).toBe("stated");
    expect(input(d, "gateways")?.value).toBe(75);
    expect(input(d, "gateways")?.because).toMatch(/regions \* gateways_per_region/);
    const share = figure(d, "allowance_overshoot_share");
    // 74 other gateways x one second of the key's rate, over an hour of it
    expect(share?.value).toBeCloseTo(74 / 3600, 4);
  });
});

describe("a fleet of workers is the service's clients", () => {
  it.each([
    ["Design a lock service for a fleet of 2,000 batch workers.", 2000],
    ["Design a coordination service that a fleet of 8,000 batch workers uses to take exclusive locks.", 8000],
    ["Design a membership service that tracks 3,000 workers with heartbeats.", 3000],
  ])("%j sizes sessions from the stated workers", (p, want) => {
    const d = derive(p);
    const clients = input(d, "clients");
    expect(clients?.value).toBe(want);
    expect(clients?.because).toMatch(/derived as workers/);
    expect(rules(d)).not.toContain("stated-number-unused");
  });
});

describe("the script says each stated number once, in plain words", () => {
  const said = (p: string) =>
    writeScript(design(p), { minutes: 45 })
      .steps.flatMap((s) => s.sentences)
      .join(" ");

  it("a limit read as a rate and a quota window is one number given", () => {
    for (const p of [
      "Build a rate limiter where each tenant may make 2,500 requests per hour across 6 regions.",
      "Build a rate limiter allowing 2,500 requests per hour per API key.",
    ]) {
      const given = /The numbers? given (?:is|are) .*?\.(?:\s|$)/.exec(said(p))?.[0] ?? "";
      expect(given, p).not.toBe("");
      expect(given, p).not.toMatch(/quota window/);
    }
  });

  it("a place's people are said as people living where the service runs", () => {
    const text = said("Design a ride-hailing dispatch service for a town of 300,000 people.");
    expect(text).toMatch(/300(?:,000| thousand) people living where the service runs/);
    expect(text).not.toMatch(/\(a city, a country\)|a city and a country/);
  });
});
