import { fig, fleetOf, fromUsers, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { ADX_CAPACITY } from "./adx.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    fromUsers(100000, "an edge or ingress tier carries on the order of a hundred thousand requests a second"),
    // the proxies a stated load needs are the fleet its per-proxy load and probes are counted over: one count of
    // proxies in the design, never a typical fifty beside the sixty the load needs
    fleetOf("proxies", 50, "a few dozen proxies or gateway instances", [
      {
        expression: "requests_per_sec * peak_factor / (node_requests_per_sec * target_utilisation)",
        why: "the proxies the stated load needs at a safe utilisation (proxies_needed)",
      },
    ]),
    inp("backends", 500, "a few hundred upstream instances behind the proxies"),
    inp("message_bytes", 10000, "an average HTTP response is about 10 KB"),
  ],
  figures: [
    fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig("requests_per_proxy", "requests per proxy at peak", "hotspot", "peak_requests_per_sec / proxies", "req/s"),
    fig(
      "proxies_needed",
      "proxies at the planned load",
      "count",
      "peak_requests_per_sec / (node_requests_per_sec * target_utilisation)",
      "proxies",
      true,
    ),
    fig(
      "proxy_bandwidth",
      "bandwidth through the proxy tier at peak",
      "bandwidth",
      "peak_requests_per_sec * message_bytes",
      "B/s",
    ),
    fig(
      "health_probes",
      "active health probes per second",
      "fan-out",
      "proxies * backends / heartbeat_seconds",
      "probes/s",
    ),
  ],
  topics: { "ad-exchange": ADX_CAPACITY },
};
