import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "bytes_stored",
      typical: 1e15,
      why: "a shared storage cluster holds about a petabyte of user data",
      from: { expression: "objects * object_bytes", why: "the stated objects at their average size" },
    },
    inp("bytes_per_day", 1e13, "about 10 TB of new data a day"),
    {
      quantity: "storage_overhead",
      typical: 3,
      why: "three full replicas, the usual default of chunk stores",
      from: { expression: "replicas", why: "each full copy stores every byte once more" },
    },
    inp("min_storage_nodes", 3, "three replicas need three nodes in distinct failure domains"),
  ],
  figures: [
    fig("raw_bytes", "raw bytes with redundancy", "storage", "bytes_stored * storage_overhead", "B"),
    fig(
      "storage_nodes",
      "storage nodes needed",
      "count",
      "max(min_storage_nodes, raw_bytes / node_bytes)",
      "nodes",
      true,
      "nodes",
    ),
    fig("chunks", "chunks tracked by the metadata service", "hotspot", "bytes_stored / chunk_bytes", "chunks"),
    fig(
      "metadata_bytes",
      "metadata held in the metadata service's memory",
      "storage",
      "chunks * chunk_meta_bytes",
      "B",
    ),
    fig("daily_growth", "raw bytes added per day", "growth", "bytes_per_day * storage_overhead", "B/day"),
    fig(
      "write_bandwidth",
      "write bandwidth into the storage nodes, redundancy included",
      "bandwidth",
      "bytes_per_day * storage_overhead / 86400",
      "B/s",
    ),
    fig(
      "rereplication_seconds",
      "time to rebuild one failed node's data across the rest",
      "time",
      "node_bytes / (disk_write_bytes_per_sec * (storage_nodes - 1))",
      "s",
    ),
  ],
};
