import type { Availability, Consistency } from "./vocab.js";

/**
 * The checked guarantee of a named system a prompt likens its design to ("a wide-column database like Bigtable"):
 * where the prompt states no consistency or availability, the design takes the named system's instead of its lead
 * archetype's default stance, and coherence `stance-contradicts-clause` flags a default that differs from it.
 */
export interface SystemStance {
  /** The system's name and other names it goes by (matched as whole words). */
  names: readonly string[];
  consistency: Consistency;
  availability: Availability;
  /** What the system guarantees, in our words, with the scope it holds at. */
  because: string;
  /** Where the guarantee is documented. */
  source: string;
}

export const SYSTEM_STANCES: readonly SystemStance[] = [
  {
    names: ["Bigtable", "Cloud Bigtable", "Google Bigtable"],
    consistency: "linearizable",
    availability: "fail-closed",
    because:
      "each tablet is served by one tablet server at a time and every read or write of one row is atomic, so within one cluster a row read sees the latest acknowledged write to it; a tablet whose server is lost is unavailable until the master reassigns it, rather than served stale (only replication between clusters is eventual)",
    source:
      "Chang et al., 'Bigtable: A Distributed Storage System for Structured Data' (OSDI 2006), single-row transactions and tablet assignment; cloud.google.com/bigtable/docs/replication-overview and /routing (replicated instances are eventually consistent; single-cluster routing gives read-your-writes)",
  },
];
