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
    expect(row(d, "availability_cache_nodes")?.value).toBe(4); // 200k reads over 100k a node at the planned 50%
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

describe("an object store counts its objects and their requests, not only bytes and chunks", () => {
  it("sizes objects, their index, PUTs and GETs, the index partitions and small-object packing", () => {
    const d = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
    expect(d.nfrs.topics).toContain("object-store");
    expect(row(d, "objects")?.value).toBeCloseTo(1e11, -9);
    expect(row(d, "objects")?.inputs.find((i) => i.name === "bytes_stored")?.source).toBe("stated");
    expect(row(d, "object_index_bytes")?.value).toBeCloseTo(3e13, -11);
    expect(row(d, "object_gets_per_sec")?.value).toBeGreaterThan(1e5);
    expect(
      row(d, "index_partitions_for_requests")?.inputs.find((i) => i.name === "partition_requests_per_sec")?.because,
    ).toMatch(/3,500 PUT\/COPY\/POST\/DELETE and 5,500 GET\/HEAD/);
    expect(row(d, "objects_per_chunk")?.value).toBeGreaterThan(1);
    expect(d.coherence).toEqual([]);
  });

  it("leaves a file system's files uncounted by an object size", () => {
    const d = design("Design a distributed file system like GFS for 10 PB of large, mostly-appended files");
    expect(row(d, "objects_per_chunk")).toBeUndefined();
  });
});

describe("a typeahead sizes its busiest prefix range, not only the average replica", () => {
  it("puts the busiest range's share of the misses on its replicas", () => {
    const d = design("Design a search autocomplete service answering 100,000 queries per second within 50 ms");
    const hot = row(d, "hot_range_replica_lookups");
    const even = row(d, "replica_lookups");
    expect(hot?.value).toBeGreaterThan(even?.value ?? Number.POSITIVE_INFINITY);
    expect(row(d, "hot_range_utilisation")?.value).toBeLessThan(1);
  });
});
