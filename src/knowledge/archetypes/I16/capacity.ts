import { fig, fromUsers } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import { AUTH_CAPACITY } from "./auth.js";
import { AUTHZ_CAPACITY } from "./authz.js";
import { CART_CAPACITY } from "./cart.js";
import { ENGINE_CAPACITY } from "./engine.js";
import { LEDGER_CAPACITY } from "./ledger.js";
import { KVC_CAPACITY } from "./memcache.js";
import { OTP_CAPACITY } from "./otp.js";
import { SECRETS_CAPACITY } from "./secrets.js";
import { SQL_CAPACITY } from "./sql.js";

/**
 * The model of a key-value tier held in memory (a cache): its nodes serve from RAM, so a node's operation ceiling is
 * the shared in-memory figure (store_node_ops_per_sec's own default).
 */
const IN_MEMORY: CapacityModel = {
  inputs: [
    (() => {
      const base = fromUsers(
        100000,
        "a shared key-value tier serves on the order of a hundred thousand requests a second",
      );
      const from = Array.isArray(base.from) ? base.from : base.from ? [base.from] : [];
      return {
        ...base,
        from: [
          ...from,
          {
            expression: "users * (posts_per_user_per_day + feed_reads_per_user_per_day) / 86400",
            why: "the product's own posts and feed reads a day are the store's writes and reads",
            fromDesign: true,
          },
        ],
      };
    })(),
    {
      quantity: "objects",
      typical: 1000000000,
      why: "a large key-value store holds about a billion keys",
      from: [
        {
          expression: "users * posts_per_user_per_day * 365",
          why: "a year of the product's posts, one key each, from the product's own posts a day",
          fromDesign: true,
        },
        // "for 10 TB of hot data": the stated data, one value per key
        { expression: "bytes_stored / value_bytes", why: "the stated data held, one value per key" },
      ],
    },
  ],
  figures: [
    fig("peak_requests_per_sec", "peak requests", "peak", "requests_per_sec * peak_factor", "req/s"),
    fig("peak_writes_per_sec", "peak writes", "peak", "peak_requests_per_sec / (1 + read_write_ratio)", "writes/s"),
    fig(
      "stored_bytes",
      "stored bytes across replicas and regions",
      "storage",
      "objects * value_bytes * replicas * regions",
      "B",
    ),
    // nodes hold the bytes and serve the operations: a read once, a write on every replica in every region. Disks are
    // filled only to the planned utilisation, as the nodes' throughput is: a node's loss (or a whole zone's) is
    // re-created on the survivors' free space, which a node filled to the brim does not have
    fig(
      "storage_nodes",
      "storage nodes needed, by bytes at the planned fill and by load",
      "count",
      "max(replicas, stored_bytes / (node_bytes * target_utilisation), (peak_requests_per_sec + peak_writes_per_sec * (replicas * regions - 1)) / (store_node_ops_per_sec * target_utilisation))",
      "nodes",
      true,
      "nodes",
    ),
    fig(
      "partitions_needed",
      "partitions (by throughput, at least one per storage node)",
      "count",
      "max(storage_nodes, peak_requests_per_sec / (store_node_ops_per_sec * target_utilisation))",
      "partitions",
      true,
      "partitions",
    ),
    fig("hot_key_ops", "load on the hottest key", "hotspot", "peak_requests_per_sec * hot_key_share", "ops/s"),
    fig(
      "replica_writes",
      "replica writes at peak",
      "bandwidth",
      "peak_writes_per_sec * replicas * regions",
      "writes/s",
    ),
  ],
};

/**
 * The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. A
 * store of record logs every write and keeps its data on disk, so its nodes are sized on a disk-backed node's
 * operations, not an in-memory node's; a cache keeps the in-memory figure.
 */
export const capacity: CapacityModel = {
  inputs: [
    ...IN_MEMORY.inputs,
    {
      quantity: "store_node_ops_per_sec",
      typical: 20000,
      why: "a node that appends every write to its log and keeps its data in an LSM tree on SSD serves on the order of tens of thousands of simple operations a second, well below a node serving from memory (a planning figure; measure it, for example with YCSB, on the chosen hardware)",
    },
  ],
  // a store of record spreads each range's replicas over zones: losing one zone loses a zone's share of the replicas,
  // re-created by the surviving zones' nodes at their throttled repair bandwidth, never more of them at once than take
  // part in one repair (`repair_helpers`, as a node's rebuild)
  figures: [
    ...IN_MEMORY.figures,
    fig(
      "zone_rereplication_seconds",
      "time to re-create one lost zone's replicas on the surviving zones' nodes that take part at once, at their repair bandwidth",
      "time",
      "stored_bytes / failure_domains / (min(storage_nodes * (failure_domains - 1) / failure_domains, repair_helpers) * repair_bytes_per_sec)",
      "s",
    ),
  ],
  topics: {
    auth: AUTH_CAPACITY,
    secrets: SECRETS_CAPACITY,
    cart: CART_CAPACITY,
    "one-time-code": OTP_CAPACITY,
    "relationship-authz": AUTHZ_CAPACITY,
    "storage-engine": ENGINE_CAPACITY,
    "kv-cache": KVC_CAPACITY,
    ledger: LEDGER_CAPACITY,
    "distributed-sql": SQL_CAPACITY,
    cache: IN_MEMORY,
    "in-memory": IN_MEMORY,
  },
};
