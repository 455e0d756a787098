import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const row = (d: ReturnType<typeof design>, id: string) => d.capacity.find((c) => c.id === id);

describe("the read side a population reads is sized, not only the writes", () => {
  it("sizes the availability reads of the buyers watching an on-sale, the cache they need and its staleness", () => {
    const d = design(
      "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice",
    );
    const reads = row(d, "availability_reads_per_sec");
    expect(reads?.value).toBe(200_000);
    expect(reads?.inputs.find((i) => i.name === "buyers_at_onsale")?.source).toBe("stated");
    expect(row(d, "availability_cache_nodes")?.value).toBe(2);
    expect(row(d, "reads_per_hold_attempt")?.value).toBe(40);
    expect(row(d, "availability_staleness")?.inputs[0]?.because).toMatch(/never a double sale/);
    expect(d.coherence).toEqual([]);
  });

  it("sizes an election's observe streams from the stated services, against the store's watch capacity", () => {
    const d = design("Design a leader election service for 2,000 microservices that fails over within 5 seconds");
    const observers = row(d, "observers");
    expect(observers?.value).toBe(40_000);
    expect(observers?.inputs.find((i) => i.name === "services")?.source).toBe("stated");
    expect(row(d, "store_watchers")?.value).toBe(6_000);
    expect(row(d, "observe_share")?.value).toBeCloseTo(0.06);
    expect(row(d, "observe_share")?.inputs.find((i) => i.name === "store_watch_streams")?.because).toMatch(
      /etcd documentation, Watch Memory Usage Benchmark/,
    );
    expect(d.coherence).toEqual([]);
  });

  it("leaves observe streams out of a lock service, which no one observes", () => {
    const d = design("Design a distributed lock service with fencing tokens.");
    expect(row(d, "observers")).toBeUndefined();
  });
});
