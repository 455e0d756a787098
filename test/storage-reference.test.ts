import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const HDFS_RACK =
  "Design a distributed file system like HDFS that stores 100 PB across 10,000 machines and survives the loss of a whole rack.";
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((r) => r.id === id)?.chosen;
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((c) => c.id === id);

describe("a named reference system's write model, not the archetype's default", () => {
  it("HDFS: one writer per file under a file lease, blocks pipelined through DataNodes, 128 MiB blocks", () => {
    for (const p of [HDFS_RACK, "Design an HDFS-like distributed file system for a 2,000-node analytics cluster."]) {
      const d = design(p);
      expect(chosen(d, "i19-interface")).toBe("single-writer");
      const text = JSON.stringify({ ops: d.operations, api: d.api, inv: d.invariants, data: d.dataModel });
      expect(text).toContain("FileLease");
      expect(text).not.toMatch(/PrimaryLease|record appends?|serial mutation order/);
      expect(d.diagrams.map((x) => x.title).join(" ")).toMatch(/Pipelined block write/);
      const chunk = figure(d, "chunks")?.inputs.find((i) => i.name === "chunk_bytes");
      expect(chunk?.value).toBe(134217728);
    }
  });

  it("GFS keeps its leased primary and record append; an S3-like store stays an object store", () => {
    const gfs = design("Design a file system like GFS for 5 PB of crawl logs.");
    expect(chosen(gfs, "i19-interface")).toBe("file-system");
    expect(JSON.stringify(gfs.dataModel)).toContain("PrimaryLease");
    expect(JSON.stringify(gfs.dataModel)).not.toContain("FileLease");
    const s3 = design("Design a Ceph-like object store across racks for 20 PB.");
    expect(chosen(s3, "i19-interface")).toBe("object-store");
    expect(JSON.stringify(s3.dataModel)).not.toContain("FileLease");
  });

  it("the block size a reference fixes reaches the metadata question's chunk count", () => {
    const d = design(HDFS_RACK);
    // 100 PB in 128 MiB blocks is about 745M blocks: one NameNode's memory, not a sharded store
    expect(chosen(d, "i19-metadata")).toBe("single-master");
    expect(d.coherence.map((p) => p.rule)).not.toContain("quantity-two-values");
  });

  it("MinIO is no reference design for a file system", () => {
    expect(JSON.stringify(design(HDFS_RACK).technology)).not.toMatch(/MinIO/);
  });
});

describe("a stated failure unit and machine count", () => {
  it("a whole rack is the failure domain: racks chosen, rack rebuild sized, no whole-zone figures", () => {
    const d = design(HDFS_RACK);
    expect(chosen(d, "i19-failure-domain")).toBe("racks");
    expect(d.context.regions).toMatch(/across racks/);
    expect(figure(d, "rack_rebuild_seconds")).toBeDefined();
    expect(figure(d, "zone_loss_margin")).toBeUndefined();
  });

  it("a data-centre loss keeps zones", () => {
    const d = design("Design a blob store for 1 EB that survives the loss of a data center.");
    expect(chosen(d, "i19-failure-domain")).toBe("zones");
    expect(figure(d, "rack_rebuild_seconds")).toBeUndefined();
  });

  it("10,000 machines pin the node count; each machine's bytes follow from it", () => {
    const d = design(HDFS_RACK);
    expect(figure(d, "storage_nodes")?.value).toBe(10000);
    const nb = figure(d, "storage_nodes")?.inputs.find((i) => i.name === "node_bytes");
    expect(nb?.because).toMatch(/derived as bytes_stored \* storage_overhead \/ \(nodes \* disk_fill\)/);
    expect(nb?.value).toBeCloseTo(3.75e13, -12);
  });
});

describe("chunk writes and a backup's store", () => {
  it("a chunk write is pipelined to every replica, not a tunable quorum", () => {
    const names = design(HDFS_RACK).mechanisms.map((m) => m.name);
    expect(names.join(" ")).toMatch(/pipelined replication/);
    expect(names.join(" ")).not.toMatch(/tunable quorum|dedup window/);
  });

  it("a backup service that erasure-codes its own pack store buys no managed object store beside it", () => {
    const d = design(
      "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.",
    );
    expect(chosen(d, "i19-redundancy")).toBe("erasure-coding");
    expect(JSON.stringify(d.technology)).not.toMatch(/Amazon S3|Google Cloud Storage/);
  });
});
