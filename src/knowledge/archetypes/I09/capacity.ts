import { fig, inp } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";

/** The capacity model: inputs typical of this kind of system (and why), and the figures every design of it shows. */
export const capacity: CapacityModel = {
  inputs: [
    {
      quantity: "ids_per_sec",
      typical: 10000,
      why: "a busy service mints about ten thousand ids a second",
      from: [
        { expression: "writes_per_sec", why: "every stated write creates one record that needs an id" },
        { expression: "messages_per_sec", why: "every stated event or order needs an id" },
      ],
    },
    {
      quantity: "workers",
      typical: 100,
      why: "about a hundred generator processes across the fleet",
      // "unique across six data centres", "across all 12 warehouses": every place runs generators of its own, each
      // holding a worker id of the shared space
      from: [
        { expression: "regions * generators_per_site", why: "each stated data centre runs its own generators" },
        {
          expression: "sites * generators_per_site",
          why: "each stated site mints its own ids with its own generators",
        },
      ],
    },
    // the timestamp layout's fields decide what one generator and the whole fleet can mint (1 + 41 + 10 + 12 bits)
    {
      quantity: "ids_per_generator_per_sec",
      from: {
        expression: "2 ^ sequence_bits * 1000",
        why: "the sequence numbers 2^sequence_bits ids within each millisecond of one generator",
      },
    },
    {
      quantity: "worker_id_space",
      from: { expression: "2 ^ worker_bits", why: "the worker field names 2^worker_bits generators" },
    },
  ],
  figures: [
    fig("peak_ids_per_sec", "peak ids minted", "peak", "ids_per_sec * peak_factor", "ids/s"),
    fig(
      "block_allocations",
      "block allocations on the durable counter at peak",
      "hotspot",
      "peak_ids_per_sec / id_block_size",
      "writes/s",
    ),
    fig("ids_per_year", "ids minted per year", "growth", "ids_per_sec * 31536000", "ids/year"),
    fig(
      "id_horizon_years",
      "years the timestamp field lasts from the layout's custom epoch",
      "time",
      "2 ^ timestamp_bits / 1000 / 31536000",
      "years",
    ),
    fig(
      "min_generators",
      "generators needed at the per-generator ceiling of a twelve-bit sequence",
      "count",
      "peak_ids_per_sec / ids_per_generator_per_sec",
      "generators",
      true,
    ),
    fig(
      "worker_id_share",
      "share of a 10-bit worker-id space in use",
      "hotspot",
      "workers / worker_id_space",
      "fraction",
    ),
  ],
};
