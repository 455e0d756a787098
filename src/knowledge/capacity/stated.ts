import { fig, inp } from "./helpers.js";
import type { CapacityModel } from "./types.js";

/**
 * The figure a stated number is an input of when none of the design's own models reads it: a stated rate sizes the
 * part that handles it, a stated count is the count a figure multiplies or divides by, a stated window the span a
 * state figure covers. Each use names the stated quantities it reads (`reads`, any one of them stated and read by no
 * other figure brings it in) and is a small capacity model evaluated like any other (typical inputs say why), so a
 * number the prompt states is never left beside a figure that ignores it. The design's own models come first: a
 * use joins only where none of them reads that number.
 */
export interface StatedUse {
  /** The stated quantities this use reads; it joins when one of them is stated and no other figure reads it. */
  reads: readonly string[];
  model: CapacityModel;
  /**
   * The use reads the stated words in a sense of its own (one stream's audience, beside the streams its viewers play),
   * so it joins even where a figure reads the same words under another name.
   */
  ownReading?: true;
}

const PEAK = inp("peak_factor", 3, "daily traffic commonly peaks at two to three times its average");
const UTILISATION = inp("target_utilisation", 0.5, "running at half capacity leaves room for a failover or a burst");

export const STATED_USES: readonly StatedUse[] = [
  // "answers 2 million queries per second": the servers that answer them, at one server's planned rate
  {
    reads: ["requests_per_sec", "queries_per_sec", "reads_per_sec"],
    model: {
      inputs: [
        inp("requests_per_sec"),
        PEAK,
        inp(
          "node_requests_per_sec",
          10000,
          "one stateless server answering small requests is planned at about ten thousand a second",
        ),
        UTILISATION,
      ],
      figures: [
        fig(
          "serving_nodes",
          "servers answering the stated request rate at a safe utilisation",
          "count",
          "requests_per_sec * peak_factor / (node_requests_per_sec * target_utilisation)",
          "nodes",
          true,
        ),
      ],
    },
  },
  // "spreads 10 million packets per second": a layer-3/4 data plane is sized in packets, per forwarding machine, not in
  // an HTTP tier's requests; each machine bypasses the kernel's network stack to move millions of small packets a
  // second, so the fleet is a handful of machines plus the spare that keeps the rate when one fails
  {
    reads: ["packets_per_sec"],
    model: {
      inputs: [
        inp("packets_per_sec"),
        PEAK,
        inp(
          "node_packets_per_sec",
          9000000,
          "a forwarder that bypasses the kernel's network stack moves several million small packets a second on one machine: Google's Maglev paper measured about 9 million a second, enough to fill a 10 Gbit/s NIC, where the kernel's own stack managed well under half of that",
        ),
        UTILISATION,
        inp(
          "packet_bytes",
          500,
          "traffic mixes small acknowledgements with full 1,500-byte segments, a few hundred bytes on average (a planning figure; measure the mix)",
        ),
      ],
      figures: [
        fig(
          "forwarding_nodes",
          "forwarding machines carrying the stated packet rate at a safe utilisation",
          "count",
          "packets_per_sec * peak_factor / (node_packets_per_sec * target_utilisation)",
          "machines",
          true,
        ),
        fig(
          "forwarded_bytes_per_sec",
          "bandwidth the forwarding tier carries in (replies may bypass it)",
          "bandwidth",
          "packets_per_sec * peak_factor * packet_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "with under 5 seconds of delay" on a live stream: the delay is spent over the stream's stages. A segmented stream
  // (HLS, DASH) cannot play a segment before it is whole, and a player starts some segments behind the live edge (HLS
  // says at least three target durations), so the bound fixes the longest segment, or low-latency part, it allows
  {
    reads: ["live_delay_seconds"],
    model: {
      inputs: [
        inp("live_delay_seconds"),
        inp(
          "encode_seconds",
          1,
          "ingest and a live encoder take about a second before a segment's first encoded bytes exist (a planning figure; measure the encoder)",
        ),
        inp(
          "edge_delivery_seconds",
          0.5,
          "the packager publishing a segment, an edge fetching it through the origin shield and a viewer downloading it, about half a second (a planning figure)",
        ),
        inp(
          "buffered_segments",
          3,
          "a live HLS player starts at least three target durations behind the newest segment (RFC 8216), and DASH players keep a similar margin",
        ),
      ],
      figures: [
        fig(
          "max_segment_seconds",
          "longest segment (or low-latency part) the stated delay allows, with the player's buffer of them",
          "time",
          "(live_delay_seconds - encode_seconds - edge_delivery_seconds) / buffered_segments",
          "s",
        ),
      ],
    },
  },
  // "one streamer can reach 2 million concurrent viewers": one stream's audience is its fan-out, served by the edge
  // servers that each fetch the stream once from the tier above and copy it to their viewers, not that many streams
  {
    reads: ["viewers_per_stream"],
    ownReading: true,
    model: {
      inputs: [
        inp("viewers_per_stream"),
        inp("stream_bytes_per_sec", 625000, "an HD stream of about 5 Mbit/s"),
        inp(
          "appliance_bytes_per_sec",
          12500000000,
          "one edge cache server with a 100 Gbit/s network serves about 12.5 GB a second (a planning figure)",
        ),
        UTILISATION,
      ],
      figures: [
        fig(
          "stream_audience_egress",
          "bandwidth one stream's audience draws from the edge",
          "bandwidth",
          "viewers_per_stream * stream_bytes_per_sec",
          "B/s",
        ),
        fig(
          "stream_edge_servers",
          "edge servers one stream's audience needs at a safe utilisation",
          "count",
          "viewers_per_stream * stream_bytes_per_sec / (appliance_bytes_per_sec * target_utilisation)",
          "servers",
          true,
        ),
        fig(
          "stream_origin_egress",
          "bandwidth the origin sends for one stream: one copy per edge server, whatever the audience",
          "bandwidth",
          "stream_edge_servers * stream_bytes_per_sec",
          "B/s",
        ),
      ],
    },
  },
  // "streams every change from 200 MySQL databases": each source's change log is read in its own commit order by one
  // reader, so the readers are as many as the sources
  {
    reads: ["databases"],
    model: {
      inputs: [
        inp("databases"),
        inp(
          "readers_per_source",
          1,
          "a source's change log is read in commit order by exactly one reader (two readers of one log would split its order)",
        ),
      ],
      figures: [
        fig(
          "source_readers",
          "change-log readers, one per source database",
          "count",
          "databases * readers_per_source",
          "readers",
          true,
        ),
      ],
    },
  },
  // "per-user 5-minute windowed counts over 1 million events per second": the events one window spans and the state
  // its open keys hold until the window closes
  {
    reads: ["window_seconds"],
    model: {
      inputs: [
        inp("messages_per_sec"),
        inp("window_seconds"),
        inp(
          "distinct_keys_per_window",
          10000000,
          "ten million keys (users, accounts) active in one window, a planning figure to measure",
        ),
        inp(
          "window_key_bytes",
          100,
          "a key, its window's start and a 64-bit count, with the state store's per-entry overhead: about a hundred bytes",
        ),
      ],
      figures: [
        fig("window_events", "events one window spans", "count", "messages_per_sec * window_seconds", "events"),
        fig(
          "window_state_bytes",
          "state the open windows hold until they close (one count per key seen)",
          "storage",
          "min(window_events, distinct_keys_per_window) * window_key_bytes",
          "B",
        ),
      ],
    },
  },
  // "state updates reach every player 30 times per second" with "100 players share a match": every update goes to
  // every participant, so one subject sends the rate times its participants, each update a small delta snapshot
  {
    reads: ["updates_per_subject_per_sec"],
    model: {
      inputs: [
        inp("updates_per_subject_per_sec"),
        inp("max_participants", 10, "a subject shared by about ten participants"),
        inp(
          "update_bytes",
          500,
          "a delta of the state each participant sees (positions and changes since the last acknowledged update), a few hundred bytes",
        ),
      ],
      figures: [
        fig(
          "subject_deliveries_per_sec",
          "updates one subject sends a second, to every participant",
          "rate",
          "updates_per_subject_per_sec * max_participants",
          "msgs/s",
        ),
        fig(
          "subject_egress_bytes_per_sec",
          "bandwidth one subject's updates take",
          "rate",
          "updates_per_subject_per_sec * max_participants * update_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "8 participants per call and 30 frames per second": a forwarding server sends each participant's stream on to
  // every other participant, so one call forwards n x (n - 1) streams, each at the stated frame rate
  {
    reads: ["frames_per_sec", "max_participants"],
    model: {
      inputs: [
        inp("frames_per_sec", 30, "video is commonly sent at thirty frames a second"),
        inp("max_participants", 4, "a small call of a few people"),
        inp(
          "frame_bytes",
          6000,
          "a 720p stream near 1.5 Mbit/s at thirty frames a second is about 6 KB a frame (a planning figure; measure the codec's)",
        ),
      ],
      figures: [
        fig(
          "forwarded_streams_per_call",
          "streams one call forwards (each participant's to every other)",
          "fan-out",
          "max_participants * (max_participants - 1)",
          "streams",
        ),
        fig(
          "call_frames_per_sec",
          "frames one call forwards a second",
          "rate",
          "frames_per_sec * max_participants * (max_participants - 1)",
          "frames/s",
        ),
        fig(
          "call_egress_bytes_per_sec",
          "bandwidth one call's forwarded streams take",
          "bandwidth",
          "frames_per_sec * max_participants * (max_participants - 1) * frame_bytes",
          "B/s",
        ),
      ],
    },
  },
  // "pages are read 500 times for every write": a copy dropped or replaced on each write is missed by the first read
  // after it, so one request in (ratio + 1) misses whatever the cache holds, a floor under the miss share
  {
    reads: ["read_write_ratio"],
    model: {
      inputs: [inp("read_write_ratio")],
      figures: [
        fig(
          "write_miss_share",
          "share of requests that miss because a write dropped the copy (the first read after each write)",
          "hotspot",
          "1 / (1 + read_write_ratio)",
          "fraction",
        ),
      ],
    },
  },
  // "running 40,000 builds an hour on 2,000 agents": the work in flight at once and each machine's share of it
  {
    reads: ["tasks_per_sec", "workers"],
    model: {
      inputs: [
        inp("tasks_per_sec"),
        PEAK,
        inp("task_seconds", 300, "a build, batch job or test run takes a few minutes"),
        inp("workers"),
      ],
      figures: [
        fig(
          "tasks_in_flight",
          "tasks running at once at the peak",
          "count",
          "tasks_per_sec * peak_factor * task_seconds",
          "tasks",
        ),
        fig(
          "tasks_per_worker",
          "tasks each machine runs at once",
          "hotspot",
          "tasks_per_sec * peak_factor * task_seconds / workers",
          "tasks",
        ),
      ],
    },
  },
];
