import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design } from "../src/lib/index.js";
import { targetsSaid } from "../src/render/script/targets.js";

const row = (d: Design, id: string) => d.capacity.find((r) => r.id === id);
const input = (d: Design, name: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === name);

describe("a stated per-subject count sizes the busiest subject, not the fleet", () => {
  it("a whiteboard's 'up to 50 per board' is one board's load; fleet totals read a typical board", () => {
    const d = design("Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once");
    expect(row(d, "ops_per_subject")?.value).toBe(50);
    const deliveries = row(d, "deliveries_per_sec");
    expect(deliveries?.inputs.find((i) => i.name === "participants")?.value).toBe(10);
    expect(deliveries?.value).toBeLessThan(1e8);
    expect(input(d, "clients")?.value).toBe(1e6);
  });

  it("a chat room's members and a lobby's players bind the same way", () => {
    for (const p of [
      "Design a group chat with 200 members per room",
      "Design a multiplayer game backend where each lobby holds up to 100 players",
    ]) {
      const d = design(p);
      const busiest = d.capacity.flatMap((r) => r.inputs).find((i) => i.name === "max_participants");
      if (!busiest) continue;
      expect(busiest.source).toBe("stated");
      const fleet = d.capacity.flatMap((r) => r.inputs).filter((i) => i.name === "participants");
      for (const f of fleet) expect(f.value).toBeLessThanOrEqual(busiest.value);
      // a chat's typical room is smaller than its largest; a game fills every match to its stated size
      if (/chat/.test(p)) for (const f of fleet) expect(f.value).toBeLessThan(busiest.value);
    }
  });

  it("a stated maximum below the typical subject caps the typical one too", () => {
    const d = design("Design a collaborative whiteboard where up to 4 people edit the same board at once");
    for (const f of d.capacity.flatMap((r) => r.inputs).filter((i) => i.name === "participants"))
      expect(f.value).toBeLessThanOrEqual(4);
  });
});

describe("a stated input retires the assumption it supersedes", () => {
  it("stated places leave no assumed moving drivers, nor what they sized", () => {
    const d = design("Design Yelp's nearby search: 100 million places, 50,000 searches per second");
    expect(input(d, "moving_objects")).toBeUndefined();
    expect(row(d, "location_updates_per_sec")).toBeUndefined();
    expect(d.capacity.some((r) => /live location index/.test(r.quantity))).toBe(false);
    expect(d.bottlenecks[0]?.bottleneck ?? "").not.toMatch(/reports its position/);
  });

  it("a ride-hailing design with no stated places keeps its moving drivers", () => {
    const d = design("Design Uber's driver location tracking");
    expect(input(d, "moving_objects")).toBeDefined();
  });
});

describe("workers come from work in flight, not from open items", () => {
  it("workflows that run for months size stored rows, not worker slots", () => {
    // (a workflow engine's own subject sizes open executions from history; a workflow of the product's own steps
    // keeps the base model, where open instances and worker slots were once mixed up)
    const d = design(
      "Design an order fulfilment workflow that calls inventory and shipping services: 50,000 orders per second, each order workflow runs for months",
    );
    expect(row(d, "open_instances")?.value).toBeCloseTo((50000 * 3 * 365 * 86400) / 12, -6);
    for (const b of d.bottlenecks) {
      expect(b.estimate ?? "").not.toMatch(/task_seconds = 30 days/);
      expect(b.estimate ?? "").not.toMatch(/\d(?:B|T) workers/);
    }
  });

  it("a build that takes minutes holds its worker for those minutes", () => {
    const d = design("Design a CI build system running 1,000 builds per second; each build takes 10 minutes");
    const t = input(d, "task_seconds");
    if (t) expect(t.value).toBe(600);
  });
});

describe("a party the prompt never names carries no borrowed ceiling", () => {
  it("a workflow engine's first hotspot is not a provider's per-account limit", () => {
    const d = design("Design a durable workflow engine like Temporal: 50,000 workflow starts per second");
    expect(input(d, "provider_requests_per_sec")).toBeUndefined();
    expect(d.bottlenecks.some((b) => /provider's rate limit/.test(b.bottleneck))).toBe(false);
  });

  it("a payment service still measures its calls against the provider's limit", () => {
    const d = design("Design a payment processing service handling 2,000 payments per second");
    expect(input(d, "provider_requests_per_sec")?.value).toBe(100);
  });
});

describe("a stated bound is budgeted over every part the design's own rules add", () => {
  const counter = (s: number) =>
    design(
      `Design an ad click aggregator counting 1 million clicks per second, with counts visible within ${s} seconds`,
    );

  it("the visible time counts the allowed lateness and the checkpoint commit, and keeps a margin", () => {
    const d = counter(10);
    const visible = row(d, "count_visible_seconds");
    expect(visible?.formula).toMatch(/allowed_lateness_seconds/);
    expect(visible?.formula).toMatch(/checkpoint_seconds/);
    expect(visible?.value).toBeLessThan(10);
    const said = targetsSaid(d).lines.join(" ");
    expect(said).toMatch(/allowed lateness/);
    expect(said).toMatch(/leaves 5 seconds, 50 percent of the bound, spare/);
    expect(said).not.toMatch(/inside it/);
  });

  it("a bound too tight for the usual stages shortens them and still keeps headroom", () => {
    const d = counter(5);
    const visible = row(d, "count_visible_seconds");
    expect(visible?.value).toBeCloseTo(2.5, 6);
    expect(visible?.inputs.find((i) => i.name === "watermark_delay_seconds")?.value).toBeCloseTo(1, 6);
    expect(checkCoherence(d)).toEqual([]);
    expect(targetsSaid(d).lines.join(" ")).toMatch(/50 percent of the bound, spare/);
  });

  it("meeting the bound exactly is said as no headroom", () => {
    const d = structuredClone(counter(10)) as Design;
    const visible = d.capacity.find((r) => r.id === "count_visible_seconds");
    const window = visible?.inputs.find((i) => i.name === "window_seconds");
    if (visible && window) {
      window.value += 5;
      visible.value = 10;
    }
    const said = targetsSaid(d).lines.join(" ");
    expect(said).toMatch(/exactly the bound, with no headroom/);
    expect(said).not.toMatch(/spare|inside it/);
    expect(checkCoherence(d).map((p) => p.rule)).toContain("bound-without-headroom");
  });

  it("a latency target is spent over the query's costed steps, not one round trip", () => {
    const d = design(
      "Design a time-series database for IoT sensors ingesting 2 million points per second, keeping one year of data with downsampling, and answering last-24-hour queries in under one second",
    );
    const said = targetsSaid(d).lines.join(" ");
    expect(said).toMatch(/round trip/);
    expect(said).toMatch(/to scan the points across the queriers/);
    expect(said).toMatch(/percent of the bound, spare for a slow step/);
    expect(said).not.toMatch(/still to be budgeted/);
  });
});

describe("coherence flags a figure beyond sense", () => {
  const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);
  const temporal = design(
    "Design a durable workflow engine like Temporal: 50,000 workflow starts per second, workflows that run for months, and no step executed twice after a worker crash",
  );
  const board = design("Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once");
  const fulfil = design(
    "Design an order fulfilment workflow that calls inventory and shipping services: 50,000 orders per second, each order workflow runs for months",
  );

  it("passes the designs as derived", () => {
    expect(rules(temporal)).not.toContain("figure-beyond-sense");
    expect(rules(board)).not.toContain("figure-beyond-sense");
  });

  it("a fleet of billions of workers", () => {
    const d = structuredClone(fulfil) as Design;
    const first = d.bottlenecks[0];
    expect(first).toBeDefined();
    if (first)
      d.bottlenecks.push({
        ...first,
        bottleneck: "Fleet size: every running task holds a worker slot",
        estimate: "workers = peak_workflows_per_sec * task_seconds ≈ 32.4B workers",
      });
    expect(rules(d)).toContain("figure-beyond-sense");
  });

  it("a busiest subject's maximum multiplied over every subject", () => {
    const d = structuredClone(board) as Design;
    const r = d.capacity.find((x) => x.id === "deliveries_per_sec");
    expect(r).toBeDefined();
    if (r) r.formula = r.formula.replace("(participants - 1)", "(max_participants - 1)");
    expect(rules(d)).toContain("figure-beyond-sense");
  });

  it("a load against a ceiling borrowed for an unnamed party", () => {
    const d = structuredClone(fulfil) as Design;
    const peak = d.capacity.find((x) => x.id === "peak_workflows_per_sec");
    expect(peak).toBeDefined();
    if (peak)
      d.capacity.push({
        ...peak,
        id: "provider_headroom",
        kind: "headroom",
        value: 500,
        inputs: [...peak.inputs, { name: "provider_requests_per_sec", value: 100, source: "assumed", because: "x" }],
      });
    expect(rules(d)).toContain("figure-beyond-sense");
  });
});
