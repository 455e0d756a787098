import { factsOf, type ProductFacts } from "../../knowledge/product-facts.js";
import { roleOf } from "../../knowledge/technology-roles.js";
import type { ComponentRow, Fields, Nfrs, TechnologyRow } from "../design/types.js";

/**
 * What the design's own requirements ask of a product that keeps its records, each with the words it rests on:
 * - `survives-node-loss`: an acknowledged write outlives the node that took it. Stated ("no session lost when one node
 *   fails", "never lose a message"), it needs synchronous replication or a durable replicated log, so a store that
 *   replicates after answering fails too; by default (durable state the prompt does not speak of), only a store that
 *   keeps no copy at all does.
 * - `conditional-write`: a write the design makes conditional on what it read (an append on the last sequence
 *   number, a claim, a compare-and-set) runs on every such write, so the store must check it in the write itself, not
 *   by a consensus round of its own per write.
 */
export interface TechRequirement {
  id: "survives-node-loss" | "conditional-write";
  stated: boolean;
  why: string;
}

/** A rule that makes a write conditional on the value read: a compare-and-set, a conditional append or put. */
const CONDITIONAL =
  /\bconditional (?:write|append|insert|put|update|claim)s?\b|\bcompare[- ]and[- ](?:set|swap)\b|\bput[- ]if[- ]absent\b/i;

/** The design's durability as both the fields and the finished design hold it. */
export interface DurabilityFact {
  durable: boolean;
  stated: boolean;
  because: string;
}

/** The durability of the fields' NFRs. */
export const durabilityOf = (n: Nfrs): DurabilityFact => ({
  durable: n.durability.value === "durable",
  stated: n.durability.source === "stated",
  because: n.durability.because,
});

type RequirementInputs = Pick<Fields, "invariants" | "failures" | "decisions">;

/** The requirements the design states or carries, in a fixed order. */
export function technologyRequirements(durability: DurabilityFact, f: RequirementInputs): TechRequirement[] {
  const out: TechRequirement[] = [];
  if (durability.durable)
    out.push({
      id: "survives-node-loss",
      stated: durability.stated,
      why: durability.stated ? durability.because : "the design keeps its records durable",
    });
  const rule =
    f.invariants.find((i) => CONDITIONAL.test(i.statement))?.statement ??
    f.failures.find((r) => r.role === "truth" && CONDITIONAL.test(r.prevention))?.prevention ??
    f.decisions.flatMap((d) => d.options.filter((o) => o.id === d.chosen)).find((o) => CONDITIONAL.test(o.name))?.name;
  if (rule) out.push({ id: "conditional-write", stated: false, why: `the design's rule: '${clip(rule)}'` });
  return out;
}

/** The sentence or clause of a rule that holds its conditional write, not the whole rule. */
const clip = (s: string) => {
  const m = CONDITIONAL.exec(s);
  if (!m) return s;
  const before = s.slice(0, m.index);
  const cut = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "), before.lastIndexOf(". "));
  const start = cut < 0 ? 0 : cut + 2;
  const end = s.slice(m.index).search(/[,;]\s|\.(?:\s|$)/);
  return s.slice(start, end < 0 ? s.length : m.index + end).trim();
};

/** Why one product fails a requirement, in its own facts, or undefined when it passes or nothing is known of it. */
function failsOne(p: ProductFacts, req: TechRequirement): string | undefined {
  if (req.id === "survives-node-loss") {
    if (p.nodeLoss === "lost" || (req.stated && p.nodeLoss === "may-lose"))
      return `${p.name} ${p.nodeLoss === "lost" ? "keeps no copy off the node" : "answers before a replica has the write"}: ${p.replication} (${p.source})`;
    return undefined;
  }
  if (p.conditional === "native") return undefined;
  return p.conditional === "none"
    ? `${p.name} has no conditional write: ${p.conditionalHow} (${p.source})`
    : `${p.name} checks a condition only through ${p.conditionalHow} (${p.source})`;
}

/** Whether a layer's product keeps the design's records, so its requirements bind it. */
export interface LayerScope {
  layer: TechnologyRow["layer"];
  /** the design draws a cache in front of its store, so a serving product is a copy, not the records */
  cacheDrawn: boolean;
}

/**
 * Why a product fails one of the design's requirements (the unmet property named), or undefined when every product
 * its name offers passes, or none of them is known. A row offering several ("TiKV or FoundationDB") fails only when
 * each known one fails. A log (Kafka) is never the store a conditional write is checked on, and a pub/sub router or
 * a cache in front of a drawn store keeps no records.
 */
export function unmetRequirement(
  product: string,
  reqs: readonly TechRequirement[],
  scope: LayerScope,
): { req: TechRequirement; why: string } | undefined {
  const facts = factsOf(product);
  if (facts.length === 0) return undefined;
  // a row offering a product nothing is known of ("Bigtable, HBase or Cassandra …") is not judged by the others
  const head = product.split(/[(:;]|\s+for\s+/)[0] ?? product;
  const alternatives = head
    .split(/,|\s+or\s+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
  if (alternatives.some((x) => factsOf(x).length === 0)) return undefined;
  if (/\bpub\/?sub\b|\bstreams?\b/i.test(product)) return undefined;
  for (const req of reqs) {
    if (scope.layer === "serving" && (req.id === "conditional-write" || scope.cacheDrawn)) continue;
    if (req.id === "conditional-write" && roleOf(product)?.kind === "log") continue;
    const whys = facts.map((p) => failsOne(p, req));
    if (whys.every((w) => w !== undefined)) return { req, why: whys.join("; ") };
  }
  return undefined;
}

const PROPERTY_WORDS: Record<TechRequirement["id"], string> = {
  "survives-node-loss": "keep every acknowledged write when a node fails",
  "conditional-write": "check a conditional write in the write itself",
};

/** The sentence that says why a product was set aside for an unmet requirement. */
export function unmetReason(u: { req: TechRequirement; why: string }): string {
  return `it cannot ${PROPERTY_WORDS[u.req.id]} (${u.req.why}): ${u.why}`;
}

/**
 * What a chosen product's own facts say about each requirement of the design that binds its layer, in one clause
 * with the source: the property the pick relies on, stated from the facts table rather than the card's free text
 * ("keeps every acknowledged write when a node fails only once configured: …"). Undefined where nothing binds, the
 * name offers several products or none known, or the product is a router or stream that keeps no records.
 */
export function factsWhy(
  product: string,
  reqs: readonly TechRequirement[],
  scope: LayerScope,
  majority = false,
): string | undefined {
  const facts = factsOf(product);
  const [p] = facts;
  if (!p || facts.length > 1) return undefined;
  if (/\bpub\/?sub\b/i.test(product)) return undefined;
  const parts: string[] = [];
  for (const req of reqs) {
    if (req.id === "survives-node-loss") {
      if (scope.layer === "serving" && scope.cacheDrawn) continue;
      const said = {
        kept: "keeps every acknowledged write when a node fails",
        "if-configured": "keeps every acknowledged write through a node failure only when configured for it",
        "may-lose": "can lose its last acknowledged writes when its primary fails",
        lost: "loses what a failed node held",
      }[p.nodeLoss];
      // the prompt's own words are worth repeating; a defaulted durability is not
      parts.push(`${said}${req.stated ? ` (${req.why})` : ""}: ${p.replication}`);
    } else {
      if (scope.layer === "serving" || roleOf(product)?.kind === "log" || p.conditional !== "native") continue;
      parts.push(`checks the design's conditional write in the write itself: ${p.conditionalHow}`);
    }
  }
  // the design's replication commits on a majority: a product that answers on its primary says how to make it so
  if (majority && p.majorityHow && scope.layer !== "serving")
    parts.push(`commits on a majority, as the design's replication assumes, only so configured: ${p.majorityHow}`);
  return parts.length > 0 ? `${parts.join("; it ")} (${p.source})` : undefined;
}

/** Whether the design draws a cache in front of its store. */
export const drawsCache = (components: readonly Pick<ComponentRow, "kind" | "name">[]): boolean =>
  components.some((c) => c.kind === "cache" || /\bcache\b/i.test(c.name));

/**
 * What the design has already settled about a row's product: a choice a chosen decision option is built on, or a part
 * the prompt names, was weighed there and stays (`kept`); a product built on a rejected option never takes a failed
 * choice's place (`rejected`).
 */
export interface Settled {
  kept: (row: TechnologyRow, product: string) => boolean;
  rejected: (row: TechnologyRow, product: string) => boolean;
}

/**
 * Each row's choices checked against the design's requirements: a choice that fails one is taken out and becomes the
 * runner-up, with the unmet property in its reason. Where that leaves the row with no choice, the runner-up it had
 * takes its place if it passes and its fit is known (`fitOf`); otherwise the runner-up's reason says that no product
 * offered for the layer meets the requirement.
 */
export function withRequirements(
  rows: readonly TechnologyRow[],
  reqs: readonly TechRequirement[],
  cacheDrawn: boolean,
  fitOf: (product: string) => string | undefined,
  settled: Settled = { kept: () => false, rejected: () => false },
  majority = false,
): TechnologyRow[] {
  if (reqs.length === 0 && !majority) return [...rows];
  return rows.map((row) => withFactsWhy(checked(row), reqs, cacheDrawn, majority));
  function checked(row: TechnologyRow): TechnologyRow {
    const scope = { layer: row.layer, cacheDrawn };
    const failed = row.choices
      .filter((c) => !settled.kept(row, c.product))
      .map((c) => ({ c, u: unmetRequirement(c.product, reqs, scope) }))
      .filter((x): x is { c: (typeof row.choices)[number]; u: NonNullable<typeof x.u> } => x.u !== undefined);
    const [first] = failed;
    if (!first) {
      // a runner-up that fails a requirement says so, not a weaker reason (one the prompt names is its part, not a loser)
      const u =
        row.runnerUp && !settled.kept(row, row.runnerUp.product)
          ? unmetRequirement(row.runnerUp.product, reqs, scope)
          : undefined;
      // (a reason a decision gave is kept, and this one said after it)
      if (!u || !row.runnerUp) return row;
      const why = row.runnerUp.why.startsWith("not chosen because the design chose")
        ? `${row.runnerUp.why}; besides, ${unmetReason(u)}`
        : `not chosen because ${unmetReason(u)}`;
      return { ...row, runnerUp: { product: row.runnerUp.product, why } };
    }
    const choices = row.choices.filter((c) => !failed.some((x) => x.c === c));
    const old = row.runnerUp;
    const promoted =
      choices.length === 0 && old && !unmetRequirement(old.product, reqs, scope) && !settled.rejected(row, old.product)
        ? fitOf(old.product)
        : undefined;
    if (old && promoted !== undefined)
      choices.push({
        product: old.product,
        fits: promoted,
        why: `takes the place of ${first.c.product}, which fails the design's requirements, and meets them`,
      });
    const none =
      choices.length === 0
        ? row.layer === "serving"
          ? "; no product offered for this layer meets it, so reads are served by the store that keeps the records"
          : "; no product offered for this layer meets it, so the design's own store must be built to meet it"
        : "";
    // a row left with nothing to choose says it through its product to avoid (a row with neither is not shown)
    if (choices.length === 0 && !row.avoid)
      return {
        ...row,
        choices,
        avoid: { product: first.c.product, why: `tempting, but ${unmetReason(first.u)}${none}` },
      };
    return {
      ...row,
      choices,
      runnerUp: { product: first.c.product, why: `not chosen because ${unmetReason(first.u)}${none}` },
    };
  }
}

/** Each choice's reason with what its own facts say of the requirements that bind its layer (`factsWhy`). */
function withFactsWhy(
  row: TechnologyRow,
  reqs: readonly TechRequirement[],
  cacheDrawn: boolean,
  majority: boolean,
): TechnologyRow {
  const scope = { layer: row.layer, cacheDrawn };
  const choices = row.choices.map((c) => {
    const fact = factsWhy(c.product, reqs, scope, majority);
    return fact ? { ...c, why: `${c.why}; it ${fact}` } : c;
  });
  return { ...row, choices };
}
