import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    inp("objects", 10000000, "a registry of about ten million published artifacts or layers"),
    inp("object_bytes", 50000000, "a container layer, package or build output is tens of MB"),
    inp("writes_per_sec", 10, "publishes are rare next to pulls"),
    {
      quantity: "requests_per_sec",
      typical: 100,
      why: "a company registry serves about a hundred pulls a second from CI and deploys",
      from: { expression: "reads_per_sec", why: "each stated download is one pull" },
    },
    {
      quantity: "nodes",
      typical: 10000,
      why: "a fleet that pulls the same artifact during a rollout",
      from: { expression: "clients", why: "every device that pulls a release is one member of the pulling fleet" },
    },
  ],
  figures: [
    fig("stored_bytes", "stored bytes across replicas", "storage", "objects * object_bytes * replicas", "B"),
    fig("publish_growth", "bytes published per day", "growth", "writes_per_sec * object_bytes * 86400", "B/day"),
    fig("rollout_bytes", "bytes served for one fleet-wide rollout", "fan-out", "nodes * object_bytes", "B"),
    fig(
      "pull_bandwidth",
      "pull bandwidth at peak",
      "bandwidth",
      "requests_per_sec * peak_factor * object_bytes",
      "B/s",
    ),
    fig("tag_resolutions", "tag resolutions at peak", "hotspot", "requests_per_sec * peak_factor", "req/s"),
  ],
};
