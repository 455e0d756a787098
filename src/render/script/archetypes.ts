import type { ArchetypeId } from "../../knowledge/generated/ids.js";
import type { Topic } from "../../knowledge/topics.js";
import { andList, titleWords } from "./speak.js";

/**
 * Each archetype as a candidate names it in a sentence ("At heart this is an append-only log with consumer
 * offsets"), never its card title read aloud ("append log and consumer progress"). Presentation wording
 * only: what the archetype is stays in its card.
 */
const SPOKEN: Record<ArchetypeId, string> = {
  I01: "a small metadata store that a majority of replicas agrees on",
  I02: "exclusive ownership, granted as leases that expire",
  I03: "a scheduler that releases work when it falls due",
  I04: "a scan that revisits every item of a large set on a schedule",
  I05: "an append-only log with consumer offsets",
  I06: "a read-optimised copy derived from a system of record",
  I07: "a cache in front of an origin",
  I08: "admission control against a budget per caller",
  I09: "handing out identifiers that never repeat",
  I10: "a registry of who is alive, kept current by heartbeats",
  I11: "a control plane that pushes versioned configuration snapshots",
  I12: "a workflow whose steps have effects outside the system",
  I13: "many participants changing one shared subject through an ordered log",
  I14: "an immutable artifact store with human-readable names",
  I15: "placing work on a fleet of machines and keeping it running",
  I16: "a replicated key-value store",
  I17: "a proxy layer in every request's path that decides where it goes",
  I18: "a time-series pipeline that ingests measurements and alerts on them",
  I19: "replicated chunk storage under a metadata service",
};

/**
 * An archetype said for a design about one subject (knowledge/topics.ts), where the generic sentence would name
 * another domain: an order book is not a shared document, a file-sync product's blocks are not a chunk file system.
 */
const SPOKEN_BY_TOPIC: Partial<Record<Topic, Partial<Record<ArchetypeId, string>>>> = {
  "order-book": { I13: "one matcher per symbol applying a sequenced, replicated order log to an in-memory order book" },
  "lasting-ownership": {
    I02: "a durable ownership record per resource, claimed by a conditional insert and transferred by compare-and-set on its version, never leased",
  },
  "file-sync": {
    I19: "a journal of file versions per namespace that devices follow from their cursors, over an immutable block store that keeps each block once, by content hash",
  },
  "shown-count": {
    I06: "a running total per item, fed by per-key sums combined from an event log and read through a cache within the freshness bound",
  },
  aggregation: { I06: "a windowed count of immutable events per key, recounted from the raw events" },
  "vector-search": {
    I06: "embeddings in a store of record, searched for the k nearest through approximate index segments on every shard",
  },
  "fraud-scoring": {
    I06: "a decision per transaction on the authorisation path, from online velocity features, a versioned model and rules within a deadline",
  },
  typeahead: { I06: "each prefix's top-k completions, precomputed into versioned snapshots and served from memory" },
  whiteboard: { I13: "one server per board keeping the last value of each object property and relaying cursors" },
  iot: { I18: "a time-series store for readings devices push, accepting late samples within a window" },
  logs: { I18: "a log pipeline: a durable buffer in front of indexers that make lines searchable within a bound" },
  traces: { I18: "a tracing backend that samples whole traces and stores their spans by trace id" },
  "storage-engine": {
    I16: "a log-structured merge tree inside one process: a synced write-ahead log, a memtable, and sorted tables merged by compaction",
  },
};

/** An archetype as a spoken noun phrase; an id the table does not know falls back to its title as "the … pattern". */
export function spokenArchetype(id: string, name: string, topics: readonly Topic[] = []): string {
  const byTopic = topics.map((t) => SPOKEN_BY_TOPIC[t]?.[id as ArchetypeId]).find((x) => x !== undefined);
  return byTopic ?? SPOKEN[id as ArchetypeId] ?? `the ${titleWords(name)} pattern`;
}

/** How a supporting archetype joins the dominant one, said as a sentence by its composition role. */
export function joiningSentence(role: string, phrases: readonly string[]): string {
  const list = andList(phrases);
  switch (role) {
    case "substrate":
      return `Underneath, it rests on ${list}`;
    case "input":
      return `Work reaches it through ${list}`;
    case "output":
      return `Its results flow into ${list}`;
    case "decorator":
      return `In front of it sits ${list}`;
    default:
      return `It also needs ${list}`;
  }
}

export const SPOKEN_ARCHETYPES: Readonly<Record<string, string>> = SPOKEN;
