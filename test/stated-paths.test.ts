import { describe, expect, it } from "vitest";
import { statedPathsDrawn } from "../src/engine/coherence.js";
import { statedPaths } from "../src/knowledge/stated-paths.js";
import { design } from "../src/lib/index.js";

const ids = (p: string) => statedPaths(p).map((s) => s.id);
const undrawn = (p: string) => design(p).coherence.filter((c) => c.rule === "stated-path-undrawn");

describe("a path the prompt names is run by a drawn, linked component (stated-path-undrawn)", () => {
  const cases: [string, string][] = [
    [
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
      "page on-call",
    ],
    [
      "Build an alerting pipeline over 200,000 metric rules checked every minute that must page the on-call engineer within 2 minutes.",
      "page on-call",
    ],
    [
      "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
      "visibility timeout",
    ],
    [
      "Design a work queue like Amazon SQS where a message not deleted before its visibility timeout is handed to another consumer, 50k messages/s.",
      "visibility timeout",
    ],
    [
      "Design a time-series database that ingests 10 million points per second and downsamples old data.",
      "downsampling",
    ],
    [
      "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
      "location updates",
    ],
    [
      "Design a food delivery courier dispatcher: 300,000 couriers report their position every 5 seconds and orders are matched to the nearest courier.",
      "location updates",
    ],
  ];
  for (const [prompt, path] of cases)
    it(`draws ${path}: ${prompt.slice(0, 60)}`, () => {
      expect(ids(prompt)).toContain(path);
      expect(undrawn(prompt)).toEqual([]);
    });

  it("flags an alerting design whose page reaches no drawn pager", () => {
    const d = design(cases[0]?.[0] as string);
    const pagerless = {
      prompt: d.prompt,
      components: d.components.filter((c) => c.id !== "pager"),
      links: d.links.filter((l) => l.to !== "pager" && l.from !== "pager"),
    };
    expect(statedPathsDrawn(pagerless).map((p) => p.rule)).toEqual(["stated-path-undrawn"]);
    // a part that only routes to a pager does not page
    const routesOnly = {
      ...pagerless,
      components: pagerless.components.map((c) =>
        c.id === "notifier" ? { ...c, name: "Notifier (dedupe, group, route to pager)", runs: ["route"] } : c,
      ),
    };
    expect(statedPathsDrawn(routesOnly)).toHaveLength(1);
  });

  it("flags a queue whose lapsed leases nobody hands out again", () => {
    const d = design(cases[2]?.[0] as string);
    const scannerless = {
      prompt: d.prompt,
      components: d.components.filter((c) => c.id !== "redelivery-scanner"),
      links: d.links.filter((l) => l.from !== "redelivery-scanner"),
    };
    expect(statedPathsDrawn(scannerless).map((p) => p.detail)).toEqual([expect.stringContaining("visibility timeout")]);
  });

  it("names no path where the prompt states none", () => {
    expect(ids("Design a URL shortener for 100 million links a day.")).toEqual([]);
    expect(ids("Design a pagination API for a product catalog.")).toEqual([]);
  });
});

describe("the parts behind those paths", () => {
  it("alerting draws an alert-state store, an alert manager of our own and an external pager", () => {
    const d = design(
      "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
    );
    const kind = (id: string) => d.components.find((c) => c.id === id)?.kind;
    expect(kind("alert-state")).toBe("store");
    expect(kind("notifier")).toBe("service");
    expect(kind("pager")).toBe("external");
    expect(d.links.some((l) => l.from === "notifier" && l.to === "pager")).toBe(true);
    expect(d.dataModel.find((r) => r.entity === "AlertState")?.owner).toBe("alert-state");
  });

  it("a queue with visibility timeouts draws a receive front end and a redelivery scanner", () => {
    for (const p of [
      "Design an SQS-like message queue with visibility timeouts that handles 500,000 messages per second.",
      "Design a work queue like Amazon SQS where a message not deleted before its visibility timeout is handed to another consumer, 50k messages/s.",
    ]) {
      const d = design(p);
      expect(d.links.some((l) => l.from === "consumers" && l.to === "receive-router")).toBe(true);
      expect(d.links.some((l) => l.from === "redelivery-scanner" && l.to === "partition-leaders")).toBe(true);
    }
  });

  it("downsampled data has a rollup row with count, sum, min and max and a read that picks the resolution", () => {
    for (const p of [
      "Design a time-series database that ingests 10 million points per second and downsamples old data.",
      "Design a metrics store for 2 million samples per second that keeps raw data 15 days and downsamples older data to 5-minute resolution.",
    ]) {
      const d = design(p);
      const rollup = d.dataModel.find((r) => r.entity === "Rollup");
      expect(rollup?.fields).toEqual(expect.arrayContaining(["count", "sum", "min", "max"]));
      expect(rollup?.owner).toBe("block-store");
      expect(d.components.find((c) => c.id === "queriers")?.runs).toContain(
        "pick the resolution from the step and range",
      );
    }
  });

  it("drivers' positions flow through a drawn stream into the location service", () => {
    for (const p of [
      "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.",
      "Design a ride-hailing backend where 500,000 drivers send their position every 5 seconds and riders get a match in under 5 seconds.",
    ]) {
      const d = design(p);
      expect(d.components.find((c) => c.id === "location-stream")?.kind).toBe("log");
      expect(d.links.some((l) => l.from === "location-stream" && l.to === "location-service")).toBe(true);
    }
  });
});
