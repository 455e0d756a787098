/**
 * The seed's common infrastructure system mappings (dominant archetype first, as the seed lists them). They
 * are expectations about recognition, not knowledge the engine reads, so they live here: naming the system
 * yields exactly these archetypes in this order.
 */
import { describe, expect, it } from "vitest";
import { classify } from "../src/lib/index.js";

const SYSTEM_MAPPINGS: readonly (readonly [string, readonly string[]])[] = [
  ["Distributed cache", ["I16", "I07"]],
  ["Message queue / pub-sub", ["I05"]],
  ["Real-time messaging substrate", ["I05", "I10"]],
  ["Load balancer", ["I17", "I11"]],
  ["API gateway", ["I17", "I08", "I11"]],
  ["Serverless compute service", ["I15", "I03", "I11"]],
  ["Mobile OS update rollout", ["I11", "I14"]],
  ["CDN", ["I07", "I11"]],
  ["Snowflake / distributed ID generator", ["I09"]],
  ["ZooKeeper-like coordination store", ["I01", "I02"]],
  ["Distributed KV / session store", ["I16"]],
  ["Metrics / monitoring platform", ["I18"]],
  ["Block / distributed file storage", ["I19"]],
];

describe("the seed's system mappings", () => {
  it.each(SYSTEM_MAPPINGS)("Design a %s.", (system, archetypes) => {
    expect(classify(`Design a ${system}.`).archetypes.map((a) => a.id)).toEqual(archetypes);
  });
});
