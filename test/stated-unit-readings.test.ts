import { describe, expect, it } from "vitest";
import { checkCoherence, design } from "../src/lib/index.js";

/** A design's capacity row by id. */
const row = (prompt: string, id: string) => design(prompt).capacity.find((r) => r.id === id);
const input = (prompt: string, id: string, name: string) => row(prompt, id)?.inputs.find((i) => i.name === name);
const rules = (prompt: string) => checkCoherence(design(prompt)).map((p) => p.rule);

describe("a stated rate of a unit no model counts still reaches a figure", () => {
  it("packets per second size the forwarding machines of a data plane, not an HTTP tier's requests", () => {
    for (const [p, rate, machines] of [
      [
        "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends.",
        1e7,
        3,
      ],
      ["Design a packet filter handling 40 million packets per second.", 4e7, 9],
      ["Design a network firewall that inspects 20 million packets a second.", 2e7, 5],
    ] as const) {
      const rows = design(p).capacity;
      const forwarding = rows.find((r) => r.id === "forwarding_nodes");
      expect(forwarding?.inputs.find((i) => i.name === "packets_per_sec")).toMatchObject({
        value: rate,
        source: "stated",
      });
      expect(forwarding?.value).toBe(machines);
      expect(rules(p)).not.toContain("stated-number-unread");
    }
  });
});

describe("a bound tied to a due time is the release's lateness, not a change spreading", () => {
  it("'within N seconds of its time' is the latency the due path spends, quoted with its due time", () => {
    for (const [p, secs] of [
      [
        "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time, and each message is delivered within 1 second of its time and never before it.",
        1,
      ],
      ["Design a reminder service sending 200 million reminders a day, each within 2 seconds of its time.", 2],
      ["Design a job scheduler where every job fires within 3 seconds of its scheduled time.", 3],
    ] as const) {
      const d = design(p);
      expect(d.nfrs.scale.propagation_seconds).toBeUndefined();
      expect(d.nfrs.scale.latency_seconds).toBe(secs);
      expect(d.nfrs.latency[0]?.quote).toMatch(/of its (?:scheduled )?time$/);
      expect(
        d.capacity.find((r) => r.id === "latency_spare_seconds")?.inputs.some((i) => i.name === "latency_seconds"),
      ).toBe(true);
    }
  });

  it("things scheduled for a later time, counted a day, are the scheduler's own task rate", () => {
    for (const [p, perDay] of [
      [
        "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time.",
        1e9,
      ],
      ["Design a service where apps schedule 300 million notifications a day to be sent at a chosen time.", 3e8],
    ] as const) {
      const fires = input(p, "peak_fires_per_sec", "tasks_per_sec");
      expect(fires?.source).toBe("stated");
      expect(fires?.value).toBeCloseTo(perDay / 86400, 3);
    }
  });

  it("a message rate with no due time stays a message rate", () => {
    const p = "Design a chat service that delivers 1 billion messages a day.";
    expect(design(p).nfrs.scale.tasks_per_sec).toBeUndefined();
  });
});

describe("one live stream's audience and its delay bound", () => {
  const twitch =
    "Design a live video streaming platform like Twitch where one streamer can reach 2 million concurrent viewers with under 5 seconds of delay.";
  const webinar =
    "Design a webinar platform where one presenter reaches 300,000 live viewers with under 3 seconds of delay.";
  const match =
    "Design a live sports streaming service where a single match is watched by 5 million concurrent viewers with at most 10 seconds of lag.";

  it("viewers of one source are that stream's fan-out: the origin sends one copy per edge server", () => {
    for (const [p, viewers] of [
      [twitch, 2e6],
      [webinar, 3e5],
      [match, 5e6],
    ] as const) {
      const d = design(p);
      expect(d.nfrs.scale.viewers_per_stream).toBe(viewers);
      const edges = d.capacity.find((r) => r.id === "stream_edge_servers");
      const origin = d.capacity.find((r) => r.id === "stream_origin_egress");
      expect(edges?.inputs.find((i) => i.name === "viewers_per_stream")?.source).toBe("stated");
      expect(origin?.value).toBeLessThan(viewers * 625000);
    }
  });

  it("viewers counted with no single source are not one stream's audience", () => {
    const p = "Design a video streaming service for 10 million concurrent viewers.";
    expect(design(p).nfrs.scale.viewers_per_stream).toBeUndefined();
  });

  it("'under N seconds of delay' is spent over the stream's stages: the longest segment it allows", () => {
    for (const [p, secs, segment] of [
      [twitch, 5, 3.5 / 3],
      [webinar, 3, 0.5],
      [match, 10, 8.5 / 3],
    ] as const) {
      const d = design(p);
      expect(d.nfrs.scale.live_delay_seconds).toBe(secs);
      expect(d.capacity.find((r) => r.id === "max_segment_seconds")?.value).toBeCloseTo(segment, 3);
      expect(rules(p)).not.toContain("stated-number-unread");
      expect(rules(p)).not.toContain("stated-number-unused");
    }
  });

  it("a delay said of something that is not live is not a stream's delay", () => {
    const p = "Design a job queue where jobs may wait up to 30 seconds of delay before a worker takes them.";
    expect(design(p).nfrs.scale.live_delay_seconds).toBeUndefined();
  });
});

describe("one quantity, one value", () => {
  it("a calendar's request rate is the one derived from its stated users, not a neighbour feature's", () => {
    const p =
      "Design a calendar service like Google Calendar for 500 million users where a meeting room can never be double-booked.";
    expect(checkCoherence(design(p)).filter((x) => x.rule === "quantity-two-values")).toEqual([]);
  });
});

describe("an object's size comes from the kind of thing the prompt keeps", () => {
  it("a package registry's objects are package tarballs, not container layers", () => {
    for (const p of [
      "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
      "Design a Python package index that serves 20,000 package downloads per second.",
    ]) {
      const sizes = design(p)
        .capacity.flatMap((r) => r.inputs)
        .filter((i) => i.name === "object_bytes" || i.name === "value_bytes");
      expect(sizes.length).toBeGreaterThan(0);
      for (const s of sizes) {
        expect(s.value).toBe(400000);
        expect(s.because).toMatch(/the prompt names 'package (?:registry|index)'/);
      }
    }
  });

  it("a container registry keeps its typical layer size", () => {
    const p = "Design a container image registry that serves 50,000 image pulls per second.";
    const size = design(p)
      .capacity.flatMap((r) => r.inputs)
      .find((i) => i.name === "object_bytes");
    expect(size?.value).toBe(50000000);
    expect(size?.because).not.toMatch(/the prompt names/);
  });
});

describe("a bottleneck quotes the capacity figure it measures again", () => {
  it("a store's node count has one value: the table's, not a second estimate from the bottleneck's own formula", () => {
    const p =
      "Design a wide-column database like Bigtable that stores 5 PB, serves 10 million reads per second, and splits hot tablets automatically.";
    const d = design(p);
    const nodes = d.capacity.find((r) => r.id === "storage_nodes");
    const row = d.bottlenecks.find((b) => /stored once per replica/.test(b.bottleneck));
    expect(row?.formula).toBe(`${nodes?.formula} (${nodes?.unit})`);
    expect(checkCoherence(d).filter((x) => x.rule === "quantity-two-values")).toEqual([]);
  });
});
