/** Prompts offered in the workbench's example picker: one per family of archetypes, plus a product prompt. */
export const EXAMPLE_PROMPTS: readonly string[] = [
  "Design a distributed message queue with retries and a dead-letter queue",
  "Design a distributed lock service with fencing tokens for 200,000 leases",
  "Design a ZooKeeper-like coordination store",
  "Design a rate limiter for a public API at 10k rps",
  "Design a timer service that fires callbacks at scheduled times for millions of timers",
  "Design a multi-region session store with last-writer-wins",
  "Design a payment service that charges cards exactly once",
  "Design a metrics platform ingesting 2 million samples per second",
  "Design a content delivery network",
  "Design Instagram",
];
