import type { SystemMapping } from "./tables-schema.js";

/** The seed's common infrastructure system mappings: dominant archetype first, as listed there. */
export const SYSTEM_MAPPINGS: readonly SystemMapping[] = [
  { system: "Distributed cache", archetypes: ["I16", "I07"] },
  { system: "Message queue / pub-sub", archetypes: ["I05"] },
  { system: "Real-time messaging substrate", archetypes: ["I05", "I10"] },
  { system: "Load balancer", archetypes: ["I17", "I11"] },
  { system: "API gateway", archetypes: ["I17", "I08", "I11"] },
  { system: "Serverless compute service", archetypes: ["I15", "I03", "I11"] },
  { system: "Mobile OS update rollout", archetypes: ["I11", "I14"] },
  { system: "CDN", archetypes: ["I07", "I11"] },
  { system: "Snowflake / distributed ID generator", archetypes: ["I09"] },
  { system: "ZooKeeper-like coordination store", archetypes: ["I01", "I02"] },
  { system: "Distributed KV / session store", archetypes: ["I16"] },
  { system: "Metrics / monitoring platform", archetypes: ["I18"] },
  { system: "Block / distributed file storage", archetypes: ["I19"] },
];
