import { describe, expect, it } from "vitest";
import { evaluateCapacity } from "../src/engine/capacity.js";
import { checkCoherence, figuresPlausible } from "../src/engine/coherence.js";
import type { CapacityRow } from "../src/engine/design/types.js";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import { ARCHETYPE_CAPACITY, type CapacityModel } from "../src/knowledge/capacity/index.js";
import { FEATURES } from "../src/knowledge/features/index.js";
import { type Design, design } from "../src/lib/index.js";

const figure = (d: Design, id: string) => d.capacity.find((c) => c.id === id);
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

const row = (id: string, value: number, unit: string, formula: string, inputs: CapacityRow["inputs"] = []) =>
  ({
    id,
    quantity: id,
    kind: "count",
    formula: `${id} = ${formula}`,
    value,
    unit,
    display: `${value} ${unit}`,
    inputs,
    archetype: "I19",
  }) as CapacityRow;

describe("figure-implausible: computed figures fit the parts they size", () => {
  it("flags a node holding more than one server carries, a rebuild past a day and yearly losses past the total", () => {
    const problems = figuresPlausible({
      capacity: [
        row("bytes_per_node", 4e17, "B", "raw_bytes / storage_nodes"),
        row("rereplication_seconds", 3 * 365 * 86400, "s", "bytes_per_node / repair_bytes_per_sec"),
        row("chunks", 1e9, "chunks", "bytes_stored / chunk_bytes"),
        row("annual_chunk_losses", 5e9, "chunks/yr", "annual_loss_per_stripe * chunks"),
      ],
    });
    expect(problems.map((p) => p.rule)).toEqual(["figure-implausible", "figure-implausible", "figure-implausible"]);
    expect(problems.map((p) => p.detail.split(" ")[0])).toEqual([
      "bytes_per_node",
      "rereplication_seconds",
      "annual_chunk_losses",
    ]);
  });

  it("flags a node filled past its own stated size, and passes figures that fit", () => {
    const node = { name: "node_bytes", value: 1e14, source: "stated" as const, because: "stated", unit: "B" };
    expect(
      figuresPlausible({ capacity: [row("bytes_per_node", 2e14, "B", "raw_bytes / storage_nodes", [node])] }),
    ).toHaveLength(1);
    expect(
      figuresPlausible({
        capacity: [
          row("bytes_per_node", 8e13, "B", "raw_bytes / storage_nodes", [node]),
          row("rereplication_seconds", 5 * 3600, "s", "bytes_per_node / repair_bytes_per_sec"),
          row("chunks", 1e9, "chunks", "bytes_stored / chunk_bytes"),
          row("annual_chunk_losses", 1e-6, "chunks/yr", "annual_loss_per_stripe * chunks"),
        ],
      }),
    ).toEqual([]);
  });

  it("a stated fleet too small for the stated data is said implausible, never shown as a working node", () => {
    const d = design("an object store keeping 5 trillion objects on 40 storage nodes");
    expect(rules(d)).toContain("figure-implausible");
  });
});

describe("storage nodes are sized at the planned fill of the node's size, which a stated disk sets", () => {
  const BLOB = "a blob store for 50 PB of backups on 12 TB disks";

  it("reads '12 TB disks' as one disk's size and '200 TB servers' as one node's", () => {
    expect(statedNfrsOf(BLOB).scale.disk_bytes?.value).toBe(12e12);
    expect(statedNfrsOf(BLOB).scale.bytes_stored?.value).toBe(50e15);
    expect(statedNfrsOf("a distributed file system storing 10 PB on 200 TB servers").scale.node_bytes?.value).toBe(
      200e12,
    );
  });

  it("sizes the nodes from the stated disks at the planned fill, with the rebuild from the bytes a node is planned to hold", () => {
    const d = design(BLOB);
    const nodes = figure(d, "storage_nodes");
    const raw = figure(d, "raw_bytes");
    const perNode = figure(d, "bytes_per_node");
    const nodeBytes = nodes?.inputs.find((i) => i.name === "node_bytes");
    const fill = nodes?.inputs.find((i) => i.name === "disk_fill");
    expect(nodeBytes?.value).toBe(12e12 * 12);
    expect(fill?.value).toBeLessThan(1);
    expect((nodes?.value ?? 0) * (nodeBytes?.value ?? 0) * (fill?.value ?? 1)).toBeGreaterThanOrEqual(raw?.value ?? 1);
    expect(perNode?.value).toBeLessThanOrEqual((nodeBytes?.value ?? 0) * (fill?.value ?? 1));
    expect(figure(d, "rereplication_seconds")?.formula).toContain("node_bytes * disk_fill");
    expect(rules(d)).not.toContain("figure-implausible");
    expect(rules(d)).not.toContain("stated-number-unread");
  });
});

describe("a stated quantity always wins over a typical value of the same quantity", () => {
  it("every model input with a typical value shows the prompt's number wherever a figure reads it", () => {
    const overridden: string[] = [];
    // every archetype's model, each subject's own and each feature's
    const models: [string, CapacityModel][] = [];
    for (const [id, m] of Object.entries(ARCHETYPE_CAPACITY)) {
      models.push([id, m]);
      for (const [topic, t] of Object.entries(m.topics ?? {})) if (t) models.push([`${id}/${topic}`, t]);
    }
    for (const f of FEATURES) if (f.capacity) models.push([f.id, f.capacity]);
    expect(models.length).toBeGreaterThan(60);
    for (const [id, model] of models) {
      for (const spec of model.inputs) {
        if (spec.typical === undefined || !(spec.typical > 0)) continue;
        const value = spec.typical * 7 + 3;
        const scale = { [spec.quantity]: { value, quote: `${value} ${spec.quantity}`, source: "stated" as const } };
        for (const r of evaluateCapacity(model, id, scale))
          for (const i of r.inputs)
            if (i.name === spec.quantity && (i.value !== value || i.source !== "stated"))
              overridden.push(
                `${id} ${r.id} reads ${spec.quantity} = ${i.value} (${i.source}), not the stated ${value}`,
              );
      }
    }
    expect(overridden).toEqual([]);
  });
});
