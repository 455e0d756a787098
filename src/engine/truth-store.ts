import { factsOf } from "../knowledge/product-facts.js";
import type { ComponentRow, Fields } from "./design/types.js";
import { featureLed, featureTechnology } from "./product/index.js";

/**
 * Where a design keeps its authoritative records on one primary with a synchronous standby, rather than in a
 * consensus group of its own: the store drawn for that state is named "primary + synchronous replica", or, in a
 * feature-led design, every product its features offer for storage is one whose primary commits first (PostgreSQL,
 * MySQL: `commit: "primary-first"` in knowledge/product-facts.ts). Such a store's own replication and failover keep
 * the truth (a commit waits for the synchronous standby; a failover manager fences the old primary and promotes the
 * standby), so the design says that rule and runs no majority vote, terms or elections over the same records
 * (`sync-standby-replication` in place of `consensus-replication` and `epoch-term`; gates in knowledge/gates/).
 * Undefined where the design draws a consensus group for its truth, or its products replicate otherwise.
 */
export function singlePrimaryTruth(
  f: Pick<Fields, "components" | "features" | "branch" | "archetypes" | "decisions" | "primaryState">,
): string | undefined {
  const truth = new Set(f.primaryState.map((s) => s.entity));
  const holders = f.components.filter((c) => STORE_KINDS.has(c.kind) && c.holds.some((h) => truth.has(h)));
  // a drawn group that votes keeps the truth by its own majority: the design's consensus is real there
  if (holders.some((c) => CONSENSUS_PART.test(c.name))) return undefined;
  const drawn = holders.find((c) => ONE_PRIMARY_PART.test(c.name));
  if (drawn) {
    const held = drawn.holds.filter((h) => truth.has(h));
    return `the design keeps ${held.join(", ")} in '${drawn.name}', one primary that commits once its synchronous replica holds the write`;
  }
  if (!featureLed(f.branch.kind, f.features, f.archetypes)) return undefined;
  const chosenOf = (id: string) => f.decisions.find((r) => r.id === id)?.chosen;
  const storage = featureTechnology(f.features, () => true, chosenOf).find((r) => r.layer === "storage");
  const products = storage?.choices.map((c) => c.product) ?? [];
  if (products.length === 0) return undefined;
  const facts = products.map((p) => factsOf(p));
  if (!facts.every((fs) => fs.length > 0 && fs.every((x) => x.commit === "primary-first"))) return undefined;
  const first = facts[0]?.[0];
  return `the features keep their records in ${products.join(" and ")}, whose primary commits first (${first?.replication}; ${first?.source})`;
}

/** The kinds of drawn part that keep a design's records. */
const STORE_KINDS: ReadonlySet<ComponentRow["kind"]> = new Set(["store", "replica-group"]);

/** A drawn part named as one primary with a synchronous replica or standby ("Workflow DB (primary + synchronous replica)"). */
const ONE_PRIMARY_PART = /\bprimary\b[^)]*\bsync(?:hronous)?\b[^)]*\b(?:replicas?|standbys?)\b/i;

/** A drawn part named as a group that votes ("Counter store (3-node consensus group)", "a majority acknowledges"). */
const CONSENSUS_PART = /\b(?:consensus|raft|paxos|quorum|majority)\b/i;
