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
