import { describe, expect, it } from "vitest";
import { dependencyOrder, evaluateCapacity } from "../src/engine/capacity.js";
import { fig } from "../src/knowledge/capacity/helpers.js";
import type { CapacityModel } from "../src/knowledge/capacity/types.js";
import { type Design, design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);

// invented prompts: a fan-out of one stream to many groups, a log read by a few, a store with a stated item size
const FANOUT =
  "Design an event stream for market data: 50,000 price updates per second are published, and each of 4,000 trading firms' consumer groups receives every update.";
const FEW_READERS = "Design an event log for trip events at 200,000 events per second kept for 3 days for replay.";
const SIZED =
  "Design a profile cache holding 20 million user profiles of about 4 KB each, with 80,000 reads per second and p99 reads under 4 ms.";

describe("a figure reads the final value of what it depends on", () => {
  it("evaluates a figure listed before the figure it reads, and shows them in the model's order", () => {
    const model: CapacityModel = {
      inputs: [],
      figures: [
        fig("doubled", "twice the copies plus one", "count", "copies_plus_one * 2", "replicas"),
        fig("copies_plus_one", "copies plus one", "count", "replicas + 1", "replicas"),
      ],
    };
    expect(dependencyOrder(model.figures).map((f) => f.id)).toEqual(["copies_plus_one", "doubled"]);
    const rows = evaluateCapacity(model, "test", {});
    expect(rows.map((r) => r.id)).toEqual(["doubled", "copies_plus_one"]);
    expect(rows[0]?.value).toBe(8);
  });

  it("names the driver that sets a count sized by the larger of several, and what each other would need", () => {
    const model: CapacityModel = {
      inputs: [],
      figures: [fig("units", "units", "count", "max(replicas, replicas * 5)", "nodes")],
    };
    const [row] = evaluateCapacity(model, "test", {});
    expect(row?.drivenBy?.term).toBe("replicas * 5");
    expect(row?.drivenBy?.over).toEqual([{ term: "replicas", value: 3 }]);
  });
});

describe("a fan-out to many groups re-drives the partitions, the first hotspot and the script", () => {
  it("sizes partitions by the egress when it needs more than the writes, so their replicas cover the brokers", () => {
    const d = design(FANOUT);
    const partitions = figure(d, "partitions_needed");
    const brokers = figure(d, "brokers_needed");
    expect(partitions?.drivenBy?.term).toMatch(/^consumer_egress \//);
    expect(partitions?.drivenBy?.over[0]?.term).toMatch(/^ingest_bandwidth \//);
    const replicas = partitions?.inputs.find((i) => i.name === "replicas")?.value ?? 1;
    expect((partitions?.value ?? 0) * replicas).toBeGreaterThanOrEqual(brokers?.value ?? Number.POSITIVE_INFINITY);
  });

  it("makes the egress the first hotspot, with the comparison of units as its reason", () => {
    const d = design(FANOUT);
    expect(d.bottlenecks[0]?.load?.figure).toBe("consumer_egress");
    expect(d.bottlenecks[0]?.why?.code).toBe("most-units");
  });

  it("says the egress as the hottest number and what it sets", () => {
    const text = JSON.stringify(writeScript(design(FANOUT), {}));
    expect(text).toMatch(/The hottest number is egress to all consumer groups/);
    expect(text).toMatch(/times what one server handles/);
    expect(text).toMatch(/It sets \d+ partitions and \d+ brokers, where peak ingest bandwidth alone would need/);
  });

  it("leaves a log a few groups read sized by its writes, its card's first hotspot first", () => {
    const d = design(FEW_READERS);
    expect(figure(d, "partitions_needed")?.drivenBy?.term).toMatch(/^ingest_bandwidth \//);
    expect(d.bottlenecks[0]?.why?.code).not.toBe("most-units");
  });
});

describe("a stated size and latency win over the defaults", () => {
  it("reads the stated size of each counted thing as the value a store keeps", () => {
    const d = design(SIZED);
    const value = d.capacity.flatMap((c) => c.inputs).find((i) => i.name === "value_bytes");
    expect(value?.value).toBe(4000);
  });

  it("cuts the service's own step so a tight stated latency is met by the path", () => {
    const d = design(
      "Design a session store for a game backend with 5 million sessions, 60,000 reads per second and p99 reads under 4 ms.",
    );
    const path = figure(d, "request_path_seconds");
    expect(path?.value).toBeLessThanOrEqual(0.004);
    expect(path?.inputs.find((i) => i.name === "service_seconds")?.because).toMatch(/stated latency's planned share/);
  });
});
