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
  ],
  figures: [
    fig("raw_bytes", "raw bytes with every replica", "storage", "bytes_stored * replicas", "B"),
    fig(
      "storage_nodes",
      "storage nodes needed",
      "count",
      "max(replicas, raw_bytes / node_bytes)",
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
    fig("daily_growth", "raw bytes added per day", "growth", "bytes_per_day * replicas", "B/day"),
    fig("write_bandwidth", "replicated write bandwidth", "bandwidth", "bytes_per_day * replicas / 86400", "B/s"),
    fig(
      "rereplication_seconds",
      "time to re-replicate one failed node across the rest",
      "time",
      "node_bytes / (disk_write_bytes_per_sec * (storage_nodes - 1))",
      "s",
    ),
  ],
};
