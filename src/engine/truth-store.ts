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
 * Undefined where the design draws a group that votes anywhere (its terms and elections are real there), or its
 * products replicate otherwise.
 */
export function singlePrimaryTruth(
  f: Pick<Fields, "components" | "features" | "branch" | "archetypes" | "decisions" | "primaryState">,
): string | undefined {
  const truth = new Set(f.primaryState.map((s) => s.entity));
  // a design that draws a group that votes anywhere (a consensus group, an etcd cluster), or keeps its truth in a
  // replica group, runs a real consensus there, whose terms and elections are its own: nothing is taken from it
  const votes = (c: ComponentRow) =>
    CONSENSUS_PART.test(c.name) ||
    (c.kind === "replica-group" && !ONE_PRIMARY_PART.test(c.name) && c.holds.some((h) => truth.has(h)));
  if (f.components.some(votes)) return undefined;
  const holders = f.components.filter((c) => STORE_KINDS.has(c.kind) && c.holds.some((h) => truth.has(h)));
  const drawn = holders.find((c) => ONE_PRIMARY_PART.test(c.name));
  if (drawn) {
    const held = drawn.holds.filter((h) => truth.has(h));
    return `the design keeps ${held.join(", ")} in '${drawn.name}', one primary that commits once its synchronous replica holds the write`;
  }
  if (!featureLed(f.branch.kind, f.features, f.archetypes)) return undefined;
  const chosenOf = (id: string) => f.decisions.find((r) => r.id === id)?.chosen;
  const storage = featureTechnology(f.features, () => true, chosenOf).find((r) => r.layer === "storage");
  // the products whose replication is known (a graph database the facts do not cover says nothing either way)
  const known = (storage?.choices ?? []).map((c) => ({ product: c.product, facts: factsOf(c.product) }));
  const said = known.filter((k) => k.facts.length > 0);
  if (said.length === 0 || !said.every((k) => k.facts.every((x) => x.commit === "primary-first"))) return undefined;
  const products = said.map((k) => k.product);
  const facts = said.map((k) => k.facts);
  const first = facts[0]?.[0];
  return `the features keep their records in ${products.join(" and ")}, whose primary commits first (${first?.replication}; ${first?.source})`;
}

/** The kinds of drawn part that keep a design's records. */
const STORE_KINDS: ReadonlySet<ComponentRow["kind"]> = new Set(["store", "replica-group"]);

/** A drawn part named as one primary with a synchronous replica or standby ("Workflow DB (primary + synchronous replica)"). */
const ONE_PRIMARY_PART = /\bprimary\b[^)]*\bsync(?:hronous)?\b[^)]*\b(?:replicas?|standbys?)\b/i;

/** A drawn part named as a group that votes ("Counter store (3-node consensus group)", "a majority acknowledges", etcd). */
const CONSENSUS_PART = /\b(?:consensus|raft|paxos|quorum|majority|etcd|zookeeper|consul|chubby)\b/i;

/**
 * Why a mechanism a decision brings is left out where the truth is kept on one primary with a synchronous standby:
 * a leader election among the store's replicas ("one leader per shard", Raft's one leader per term) is the failover
 * manager's promotion there, not a vote the design holds. The predicate's own companions (a majority commit, terms)
 * are gated in knowledge/gates/.
 */
export function electionOfStore(id: string, singlePrimary: string | undefined): string | undefined {
  return id === "leader-election" && singlePrimary
    ? `${singlePrimary}: each shard's one primary is replaced by the failover manager promoting its synchronous standby, so the design holds no election of its own`
    : undefined;
}
