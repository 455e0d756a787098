import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { BACKUP_CAPACITY_FIGURES, BACKUP_CAPACITY_INPUTS } from "./backup.js";
import { MEDIA_CAPACITY_FIGURES, MEDIA_CAPACITY_INPUTS } from "./media.js";

/** How many copies every byte costs, and the nodes that takes: shared by the chunk store and the block store. */
const REDUNDANCY_INPUTS = [
  {
    quantity: "storage_overhead",
    typical: 3,
    why: "three full replicas, the usual default of chunk stores",
    from: { expression: "replicas", why: "each full copy stores every byte once more" },
  },
  inp("min_storage_nodes", 3, "three replicas need three nodes in distinct failure domains"),
];
const STORAGE_NODES = fig(
  "storage_nodes",
  "storage nodes needed",
  "count",
  "max(min_storage_nodes, raw_bytes / (node_bytes * disk_fill))",
  "nodes",
  true,
  "nodes",
);
// the raw bytes each node actually holds: what a rebuild moves and what coherence `figure-implausible` checks against
// the node's own size and the most one server carries
const BYTES_PER_NODE = fig(
  "bytes_per_node",
  "raw bytes each storage node holds",
  "storage",
  "raw_bytes / storage_nodes",
  "B",
);
// the bytes a rebuild moves are the node's bytes times what each rebuilt byte reads (6 fragments under RS 6+6),
// carried by the nodes that take part at once at their throttled repair bandwidth, never by every node of a
// large cluster at full disk speed
const REREPLICATION = fig(
  "rereplication_seconds",
  "time to rebuild one failed node's data on the peers that take part, at their repair bandwidth",
  "time",
  "node_bytes * disk_fill * repair_read_amplification / (min(storage_nodes - 1, repair_helpers) * repair_bytes_per_sec)",
  "s",
);

/**
 * The durability model: a stripe (or replica set) of `min_storage_nodes` pieces loses data only when, after one
 * piece's disk fails, `tolerated_losses` more of its other pieces fail before the repair finishes. With independent
 * disk failures at `disk_afr` a year and the repair window the rebuild figure gives, the expected losses per stripe a
 * year are about n x afr x ((n - 1) x afr x window)^m, an upper bound of the usual Markov estimate (it counts
 * (n - 1)^m orderings where there are (n - 1)(n - 2)...(n - m)). A stated target in nines is the budget that loss is
 * held to, and a zone loss takes a stripe's pieces in that zone at once, spending that much of its margin.
 */
const DURABILITY_FIGURES = [
  fig(
    "annual_loss_budget",
    "annual loss per object the stated durability allows (10^-nines)",
    "rate",
    "1 / 10 ^ durability_nines",
    "losses/yr",
  ),
  {
    ...fig(
      "annual_loss_per_stripe",
      "expected data losses per stripe (one small object) a year, from independent disk failures during repair",
      "rate",
      "min_storage_nodes * disk_afr * ((min_storage_nodes - 1) * disk_afr * rereplication_seconds / 31536000) ^ tolerated_losses",
      "losses/yr",
    ),
    bound: "annual_loss_budget",
  },
  fig(
    "durability_budget_used",
    "share of the stated durability budget the expected loss uses",
    "headroom",
    "annual_loss_per_stripe * 10 ^ durability_nines",
    "fraction",
  ),
  // the per-stripe rate times every chunk: what the whole store expects to lose a year, still from independent
  // failures only; correlated ones (a rack's power or switch, a zone, a bad batch of disks or firmware) fail many
  // pieces at once, which is why pieces sit in distinct racks and zones and why the independent figure is a floor
  fig(
    "annual_chunk_losses",
    "expected chunks lost a year across all chunks, from independent disk failures only (a rack, power or zone event or a bad disk batch fails many pieces at once and is not in this figure)",
    "rate",
    "annual_loss_per_stripe * chunks",
    "chunks/yr",
  ),
  {
    ...fig(
      "pieces_lost_with_zone",
      "pieces of one stripe a whole zone's loss takes at once (against the pieces it may lose)",
      "count",
      "min_storage_nodes / failure_domains",
      "pieces",
    ),
    // a zone's loss that spends all the code's tolerance leaves a stripe one disk from loss while the zone is down
    below: "tolerated_losses",
  },
  fig(
    "zone_loss_margin",
    "pieces a stripe can still lose while a whole zone is down",
    "headroom",
    "tolerated_losses - min_storage_nodes / failure_domains",
    "pieces",
  ),
];

/**
 * The block store's capacity under file sync (filesync.ts): the bytes are the users' files after deduplication,
 * counted once, the same quantities the file-sync feature's model reads, so the design has one figure for bytes and
 * one for blocks.
 */
const FILE_SYNC_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "bytes_stored",
      typical: 1e15,
      why: "a shared storage cluster holds about a petabyte of user data",
      from: {
        expression: "users * bytes_per_user * dedup_ratio",
        why: "every user's files, with a block shared by several files or users stored once",
        // the file-sync feature drawn beside the block store estimates these: the block store holds the bytes its
        // stored_bytes figure counts, never a second, unrelated petabyte
        fromDesign: true,
      },
    },
    {
      quantity: "changed_bytes_per_commit",
      label: "new block bytes one commit uploads",
      unit: "B",
      typical: 1e6,
      why: "most saved files are small and an edit re-uploads only its changed 4 MB blocks, so a commit averages about a megabyte of new blocks (a planning figure)",
    },
    ...REDUNDANCY_INPUTS,
  ],
  figures: [
    fig(
      "raw_bytes",
      "raw bytes with redundancy (after deduplication)",
      "storage",
      "bytes_stored * storage_overhead",
      "B",
    ),
    STORAGE_NODES,
    BYTES_PER_NODE,
    fig(
      "block_write_bandwidth",
      "new block bytes written to the storage nodes, redundancy included",
      "bandwidth",
      "users * commits_per_user_per_day / 86400 * changed_bytes_per_commit * dedup_ratio * storage_overhead",
      "B/s",
    ),
    REREPLICATION,
  ],
};

/**
 * A file system's traffic: clients go to the master only to open files and look up chunk locations (they cache them),
 * so the master's operation rate is clients times that lookup rate plus the chunks it allocates and leases; record
 * appends all reach the primary of a file's last chunk.
 */
const FILE_SYSTEM_INPUTS: CapacityModel["inputs"] = [
  {
    quantity: "clients",
    typical: 1000,
    why: "a cluster's client machines: batch and serving jobs on about a thousand hosts (a planning figure)",
  },
  {
    quantity: "master_ops_per_client_per_sec",
    label: "metadata operations one client sends the master a second",
    unit: "ops/s",
    typical: 1,
    why: "a client opens a file or asks for the locations of the next chunks about once a second and caches the answer, so large sequential reads and appends rarely go back to the master (a planning figure)",
  },
  {
    quantity: "append_record_bytes",
    label: "bytes of one appended record",
    unit: "B",
    typical: 65536,
    why: "appended records are log entries and batches of tens of kilobytes; GFS caps a record at a quarter of a chunk (a planning figure)",
  },
];
const FILE_SYSTEM_FIGURES = [
  fig(
    "master_ops_per_sec",
    "metadata operations a second at the master (opens and chunk lookups, plus new chunks allocated and leased)",
    "rate",
    "clients * master_ops_per_client_per_sec + bytes_per_day / chunk_bytes / 86400",
    "ops/s",
  ),
  fig(
    "appends_per_sec",
    "record appends a second, each ordered by the primary of its file's last chunk",
    "rate",
    "bytes_per_day / append_record_bytes / 86400",
    "appends/s",
  ),
];

/**
 * The bytes one storage node holds: where the prompt counts the machines the store runs on ("100 PB across 10,000
 * machines"), those machines share the raw bytes, so the node count is the stated one and each node's bytes follow
 * from it; only where no machines are stated is a dense node's size assumed and the node count derived from it.
 * A photo store's or a backup service's stated servers are its clients, so their models leave this out.
 */
const NODE_BYTES = {
  quantity: "node_bytes",
  typical: 20e12,
  why: "a dense storage node holds about 20 TB",
  from: {
    expression: "bytes_stored * storage_overhead / (nodes * disk_fill)",
    why: "the stated machines share the raw bytes (redundancy included) evenly, each filled to the planned share",
  },
};

/**
 * A rack is the failure unit inside one data centre: its top-of-rack switch or power feed takes every server behind
 * it at once. With each of a chunk's pieces on its own rack, a stripe's pieces need at least `min_storage_nodes` racks,
 * so one rack holds at most that share of the servers; each lost server's pieces are rebuilt, as one server's are, by
 * the peers they are scattered over (`repair_helpers` of them, never more than the other racks hold), each at its
 * throttled repair bandwidth. Shown where the racks are the chosen failure domain (the zones option excludes it).
 */
const RACK_INPUTS: CapacityModel["inputs"] = [{ quantity: "nodes_per_rack" }];
const RACK_REBUILD = fig(
  "rack_rebuild_seconds",
  "time to rebuild one rack's loss (every server behind its switch), each lost server's pieces by the peers on other racks they are scattered over, at their repair bandwidth",
  "time",
  "min(nodes_per_rack, storage_nodes / min_storage_nodes) * node_bytes * disk_fill * repair_read_amplification / (min(storage_nodes - min(nodes_per_rack, storage_nodes / min_storage_nodes), min(nodes_per_rack, storage_nodes / min_storage_nodes) * repair_helpers) * repair_bytes_per_sec)",
  "s",
);

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
const base: CapacityModel = {
  inputs: [
    {
      quantity: "bytes_stored",
      typical: 1e15,
      why: "a shared storage cluster holds about a petabyte of user data",
      from: [
        { expression: "objects * object_bytes", why: "the stated objects at their average size" },
        // "300 million uploads a day averaging 2 MB": a store that keeps what it takes grows by the stated daily bytes
        // every day, so it is planned for a year of them, never a typical petabyte beside 600 TB a day
        {
          expression: "bytes_per_day * 365",
          why: "a year of the stated daily bytes: a store that keeps what it takes is planned a year ahead",
        },
      ],
    },
    {
      ...inp("bytes_per_day", 1e13, "about 10 TB of new data a day"),
      // "300 million uploads a day averaging 2 MB": the stated writes at their stated size are the day's new bytes
      from: {
        expression: "writes_per_sec * 86400 * object_bytes",
        why: "the stated writes a day at their average size",
      },
    },
    ...REDUNDANCY_INPUTS,
    NODE_BYTES,
    ...RACK_INPUTS,
    ...FILE_SYSTEM_INPUTS,
  ],
  figures: [
    fig("raw_bytes", "raw bytes with redundancy", "storage", "bytes_stored * storage_overhead", "B"),
    STORAGE_NODES,
    BYTES_PER_NODE,
    fig("chunks", "chunks tracked by the metadata service", "hotspot", "bytes_stored / chunk_bytes", "chunks"),
    fig(
      "metadata_bytes",
      "metadata held in the metadata service's memory",
      "storage",
      "chunks * chunk_meta_bytes",
      "B",
    ),
    ...FILE_SYSTEM_FIGURES,
    fig("daily_growth", "raw bytes added per day", "growth", "bytes_per_day * storage_overhead", "B/day"),
    fig(
      "write_bandwidth",
      "write bandwidth into the storage nodes, redundancy included",
      "bandwidth",
      "bytes_per_day * storage_overhead / 86400",
      "B/s",
    ),
    REREPLICATION,
    RACK_REBUILD,
    ...DURABILITY_FIGURES,
  ],
};

/**
 * An object store is read and written object by object, so beside its bytes it counts its objects, the index entries
 * that name them, and the PUTs and GETs each index partition serves; objects far smaller than a chunk are packed many
 * to a chunk, so the chunk count stays small while the object count does not.
 */
const OBJECT_STORE_CAPACITY: CapacityModel = {
  inputs: [
    ...base.inputs.filter((i) => !FILE_SYSTEM_INPUTS.includes(i)),
    {
      quantity: "object_meta_bytes",
      label: "bytes of one object's index entry",
      unit: "B",
      typical: 300,
      why: "bucket and key, version, size, checksum, timestamps and where its pieces live: a few hundred bytes (a planning figure)",
    },
    {
      quantity: "gets_per_object_per_day",
      label: "GETs one stored object gets a day, on average",
      unit: "req",
      typical: 0.1,
      why: "most stored objects are cold and a hot few are read far more often: on average an object is read about once in ten days (a planning figure; measure it)",
      // "serves 1 million GET requests per second": the stated read rate is the objects' GETs, never a typical per
      // object rate beside it
      from: {
        expression: "reads_per_sec * 86400 / objects",
        why: "the stated reads a second spread over the stored objects",
      },
    },
    inp("master_memory_bytes"),
    {
      quantity: "partition_requests_per_sec",
      label: "requests one index partition serves a second",
      unit: "req/s",
      typical: 3500,
      why: "Amazon S3 documents at least 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests a second per partitioned prefix, so a partition is planned at the lower of the two (AWS S3 user guide, optimizing performance)",
    },
  ],
  figures: [
    ...base.figures.filter((x) => !FILE_SYSTEM_FIGURES.includes(x)),
    fig("objects", "objects stored", "count", "bytes_stored / object_bytes", "objects"),
    fig(
      "object_index_bytes",
      "object index entries across the metadata store (partitioned by bucket and key, not one master's memory)",
      "storage",
      "objects * object_meta_bytes",
      "B",
    ),
    // the object index set against one machine's memory: a single in-memory master holds every entry, so where the
    // index outgrows one machine the metadata is partitioned (decision i19-metadata reads both figures)
    fig(
      "index_memory_machines",
      "machines whose memory the whole object index would fill (one in-memory master holds at most one)",
      "count",
      "object_index_bytes / master_memory_bytes",
      "machines",
    ),
    fig("object_puts_per_sec", "object PUTs a second", "rate", "bytes_per_day / object_bytes / 86400", "req/s"),
    fig(
      "object_gets_per_sec",
      "object GETs a second, each an index lookup before the bytes are read",
      "rate",
      "objects * gets_per_object_per_day / 86400",
      "req/s",
    ),
    fig(
      "index_partitions_for_requests",
      "index partitions the request rate needs",
      "count",
      "(object_puts_per_sec + object_gets_per_sec) / partition_requests_per_sec",
      "partitions",
      true,
    ),
    // a stated largest object ("objects up to 5 TB") is a maximum, not the average: it sizes one upload, sent in parts
    // that are stored and retried on their own; shown only where the prompt states it
    fig(
      "chunks_per_largest_object",
      "chunks the largest object spans (each written and retried on its own)",
      "fan-out",
      "max_object_bytes / chunk_bytes",
      "chunks",
    ),
    fig(
      "objects_per_chunk",
      "small objects packed into one chunk, so chunks stay few while objects are many",
      "fan-out",
      "chunk_bytes / object_bytes",
      "objects",
    ),
  ],
};

/**
 * A photo store (media.ts): the stated uploads at a photo's size are the bytes a day, a year of them the bytes held,
 * and volumes of many photos take the chunk's place; no file-system traffic (appends, master lookups) is sized.
 */
const MEDIA_OWN = new Set(MEDIA_CAPACITY_INPUTS.map((x) => x.quantity));
const MEDIA_CAPACITY: CapacityModel = {
  inputs: [
    ...MEDIA_CAPACITY_INPUTS,
    ...base.inputs.filter(
      (i) =>
        !FILE_SYSTEM_INPUTS.includes(i) && i !== NODE_BYTES && !RACK_INPUTS.includes(i) && !MEDIA_OWN.has(i.quantity),
    ),
  ],
  figures: [
    ...base.figures.filter((x) => !FILE_SYSTEM_FIGURES.includes(x) && x !== RACK_REBUILD),
    ...MEDIA_CAPACITY_FIGURES,
  ],
};

/**
 * A backup service (backup.ts): the stated sources' changed bytes each night, read within the window; the chunks not
 * yet held uploaded; a first full copy after dedup plus the retention window's new chunks held. The chunk index is
 * the chunk count at its entry size; no file-system traffic is sized, and the day-spread write bandwidth and growth
 * give way to the window's.
 */
const BACKUP_OWN = new Set(
  [...BACKUP_CAPACITY_INPUTS, ...BACKUP_CAPACITY_FIGURES].map((x) => ("quantity" in x ? x.quantity : x.id)),
);
const BACKUP_CAPACITY: CapacityModel = {
  inputs: [
    ...BACKUP_CAPACITY_INPUTS,
    ...base.inputs.filter(
      (i) =>
        !FILE_SYSTEM_INPUTS.includes(i) && i !== NODE_BYTES && !RACK_INPUTS.includes(i) && !BACKUP_OWN.has(i.quantity),
    ),
  ],
  figures: [
    ...base.figures.filter((x) => !FILE_SYSTEM_FIGURES.includes(x) && x !== RACK_REBUILD && !BACKUP_OWN.has(x.id)),
    ...BACKUP_CAPACITY_FIGURES,
  ],
};

export const capacity: CapacityModel = {
  ...base,
  topics: {
    "file-sync": FILE_SYNC_CAPACITY,
    "object-store": OBJECT_STORE_CAPACITY,
    "media-store": MEDIA_CAPACITY,
    backup: BACKUP_CAPACITY,
  },
};
