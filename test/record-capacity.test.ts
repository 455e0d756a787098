import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

describe("a bare product's own service is sized from the load it serves", () => {
  it("counts the pastebin's API nodes from the peak requests over one node's rate, first in the table", () => {
    const d = design("Design a pastebin handling 100k reads per second");
    const row = d.capacity[0];
    expect(row?.id).toBe("service_nodes");
    expect(row?.archetype).toBe("product");
    const rate = row?.inputs.find((i) => i.name === "node_requests_per_sec");
    expect(rate?.because).toMatch(/ten thousand/);
    // 110k requests a second can never be one node's work
    expect(row?.value ?? 0).toBeGreaterThanOrEqual(10);
    const slower = design("Design a pastebin handling 1k reads per second").capacity[0];
    expect(slower?.value ?? 0).toBeLessThan(row?.value ?? 0);
  });

  it("draws no such row where no bare product record is drawn", () => {
    expect(design("Design a distributed cache.").capacity.some((r) => r.id === "service_nodes")).toBe(false);
  });
});
