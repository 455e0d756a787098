import { factsOf, type ProductFacts } from "../../knowledge/product-facts.js";
import { roleOf } from "../../knowledge/technology-roles.js";
import type { TechRequirement } from "./technology-requirements.js";

/**
 * Claims a text makes about a named product, checked against the product's own facts (knowledge/product-facts.ts):
 * - `conditional-write`: the text credits the product with a write conditional on what it holds (a conditional
 *   insert, a compare-and-set, a put-if-absent), where its facts say it has none (Kafka, Kinesis, SQS, ClickHouse);
 * - `majority-commit`: the text says the product acknowledges a write once a quorum or a majority holds it, where its
 *   facts say the primary answers first (PostgreSQL's standby, MySQL's replicas, Redis) or one node holds it.
 * A claim is read within one clause (split at `;` and sentence ends) and only where every product the clause names
 * denies it, so "PostgreSQL's conditional insert beside Kafka" is no claim about Kafka; a clause that negates it
 * ("Kafka has no conditional write") claims nothing.
 */
export type ClaimKind = "conditional-write" | "majority-commit";

export interface DeniedClaim {
  kind: ClaimKind;
  product: string;
  /** The clause that makes the claim. */
  clause: string;
  /** What the facts say instead, with their source. */
  why: string;
}

/** Words that credit a write with a condition on the current value. */
export const CONDITIONAL_WORDS =
  /\bconditional (?:write|append|insert|put|update|claim|publish|produce)s?\b|\bcompare[- ]and[- ](?:set|swap)\b|\bput[- ]if[- ]absent\b|\binsert[- ]if[- ]absent\b/i;

/** Words that say a write is acknowledged once a quorum or a majority of replicas holds it. */
const MAJORITY_WORDS =
  /\b(?:quorum|majority)[- ](?:commit|write|ack\w*|replicat\w*)s?\b|\b(?:commit\w*|acknowledg\w*|ack(?:ed|s)?|confirm\w*|replicated|written)\s+(?:\S+\s+){0,5}?(?:by|on|to|at|from|with|once|after|until)\s+(?:a\s+|the\s+|its\s+)?(?:write\s+)?(?:quorum|majority)\b|\b(?:quorum|majority) of (?:\w+ )?(?:replicas|copies|nodes|standbys|members)\b/i;

/** A word that turns the clause's claim round. */
const NEGATED = /\b(?:no|not|never|without|cannot|can't|lacks?|none)\b/i;

/**
 * A majority commit a primary-first product offers when configured, named outright: PostgreSQL's quorum commit
 * (`ANY n (…)`, several synchronous standbys), MySQL Group Replication, ClickHouse's insert_quorum, a RabbitMQ quorum
 * queue (the products' `majorityHow`).
 */
const CONFIGURED_QUORUM =
  /\bANY\s+\d\b|\bquorum[- ](?:based|commit)\b|\bsynchronous standbys\b|\bquorum queues?\b|\binsert_quorum\b|\bGroup Replication\b/i;

const clauses = (text: string) =>
  text
    .split(/;\s+|\.\s+(?=[A-Z])|\n+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);

const denies = (kind: ClaimKind, f: ProductFacts) =>
  kind === "conditional-write" ? f.conditional === "none" : f.commit === "primary-first" || f.commit === "single-copy";

const instead = (kind: ClaimKind, f: ProductFacts) =>
  kind === "conditional-write"
    ? `${f.name} has no conditional write: ${f.conditionalHow} (${f.source})`
    : `${f.name} does not wait for a majority: ${f.replication} (${f.source})`;

/** The claims a text makes about named products that their facts deny, in the order made. */
export function deniedClaims(text: string): DeniedClaim[] {
  const out: DeniedClaim[] = [];
  for (const clause of clauses(text)) {
    // the products a clause names are sought (a pattern per product) only once it makes a claim: most clauses make none
    let named: ProductFacts[] | undefined;
    for (const [kind, words] of [
      ["conditional-write", CONDITIONAL_WORDS],
      ["majority-commit", MAJORITY_WORDS],
    ] as const) {
      const m = words.exec(clause);
      if (!m) continue;
      named ??= factsOf(clause);
      if (named.length === 0) break;
      // a negation before the claim in its clause ("no conditional write", "not a quorum") turns it round
      if (NEGATED.test(clause.slice(0, m.index + m[0].length))) continue;
      if (kind === "majority-commit" && CONFIGURED_QUORUM.test(clause) && named.every((f) => f.majorityHow)) continue;
      if (!named.every((f) => denies(kind, f))) continue;
      const [f] = named;
      if (f) out.push({ kind, product: f.name, clause, why: instead(kind, f) });
    }
  }
  return out;
}

/** A chosen product of a row, as the design's technology rows carry it. */
export interface ChosenProduct {
  layer: "storage" | "coordination" | "serving";
  product: string;
}

/**
 * Where the design's rule makes a write conditional but every store it picks is a log that checks no condition (a
 * claim "recorded with a conditional insert" on Kafka's partition): the logs that cannot do it, or undefined when
 * some chosen product can, or is no log, or is one nothing is known of.
 */
export function conditionalWithoutStore(
  reqs: readonly TechRequirement[],
  chosen: readonly ChosenProduct[],
): { products: ProductFacts[]; rule: string } | undefined {
  const req = reqs.find((r) => r.id === "conditional-write");
  if (!req) return undefined;
  const stores = chosen.filter((c) => c.layer !== "serving");
  if (stores.length === 0) return undefined;
  // a store that is no log is held to the rule by technology-breaks-requirement; a log is exempt there, so here
  if (!stores.every((c) => roleOf(c.product)?.kind === "log")) return undefined;
  if (stores.some((c) => factsOf(c.product).length === 0)) return undefined;
  const all = stores.flatMap((c) => factsOf(c.product));
  if (all.some((f) => f.conditional !== "none")) return undefined;
  return { products: [...new Map(all.map((f) => [f.name, f])).values()], rule: req.why };
}
