import type { Archetype, ArchetypeId, CompositionRole } from "../../knowledge/schema.js";
import { compositionRole } from "../composition.js";
import { combine, findSignal, type Hit, type Signal } from "./match.js";
import type { RecognitionKnowledge } from "./signals.js";
import { tokenize } from "./tokens.js";

export type BranchKind = "infra" | "product" | "mixed";
export type ArchetypeRole = "dominant" | CompositionRole;

export interface RecognizedArchetype {
  id: ArchetypeId;
  name: string;
  role: ArchetypeRole;
  score: number;
  evidence: string[];
}

export interface Recognition {
  branch: { kind: BranchKind; evidence: string[]; scores: { infra: number; product: number } };
  archetypes: RecognizedArchetype[];
}

/** Tuning constants, named so the reasoning behind each threshold is visible. */
const BODY_DISCOUNT = 0.8; // a signal after the head noun phrase is more often a qualifier
const TYPO_DISCOUNT = 0.9; // a misspelt system name is slightly weaker evidence
const MIN_DOMINANT = 0.3; // below this no archetype has really been named
const MIN_SUPPORTING = 0.3; // a supporting archetype needs its own evidence or a typical connection
const MIN_CONNECTED = 0.15; // a weaker signal suffices when the dominant archetype's entry names the connection
const TYPICAL_PRIOR = 0.3; // what a typical connection of the dominant archetype is worth on its own
const MAX_SUPPORTING = 3;
const BRANCH_PRESENT = 0.35; // a branch score above this counts as present
const BRANCH_MARGIN = 0.15;

const round = (x: number) => Math.round(x * 100) / 100;

function weightOf(h: Hit, tokensHead: (i: number) => boolean): number {
  const inHead = h.covers.some(tokensHead);
  return h.signal.weight * (inHead ? 1 : BODY_DISCOUNT) * (h.fuzzy ? TYPO_DISCOUNT : 1);
}

function describeHit(h: Hit): string {
  const said = h.quoted === h.signal.text.toLowerCase() ? `'${h.quoted}'` : `'${h.quoted}' (as '${h.signal.text}')`;
  if (h.signal.kind === "system")
    return h.fuzzy ? `${said} reads as the named system ${h.signal.text}` : `${said} names a known product or system`;
  return said;
}

interface Scored {
  archetype: Archetype;
  score: number;
  hits: Hit[];
}

/** Classifies a prompt: branch, dominant archetype and supporting ones with roles, all with evidence. */
export function recognize(prompt: string, kb: RecognitionKnowledge, opts: { branch?: BranchKind } = {}): Recognition {
  const tokens = tokenize(prompt);
  const isHead = (i: number) => tokens[i]?.head === true;
  const w = (h: Hit) => weightOf(h, isHead);
  const hitsOf = (signals: readonly Signal[]) =>
    signals.map((s) => findSignal(tokens, s)).filter((h): h is Hit => h !== undefined);

  const scored: Scored[] = kb.archetypes.map(({ archetype, signals }) => {
    const { score, counted } = combine(hitsOf(signals), w);
    return { archetype, score, hits: counted };
  });
  scored.sort((a, b) => b.score - a.score || a.archetype.id.localeCompare(b.archetype.id));

  const infraWords = combine(hitsOf(kb.infraSignals), w);
  const productWords = combine(hitsOf(kb.productSignals), w);
  const top = scored[0];
  const topScore = top?.score ?? 0;
  const infraScore = Math.max(topScore, infraWords.score * BODY_DISCOUNT);
  const productScore = productWords.score;
  const headInfra =
    (top?.hits.some((h) => h.covers.some(isHead)) ?? false) || infraWords.counted.some((h) => h.covers.some(isHead));
  const headProduct = productWords.counted.some((h) => h.covers.some(isHead));

  const branchEvidence: string[] = [];
  let kind: BranchKind;
  const infraPresent = infraScore >= BRANCH_PRESENT;
  const productPresent = productScore >= BRANCH_PRESENT;
  if (!productPresent && infraPresent) {
    kind = "infra";
    branchEvidence.push("infrastructure signals fired and no product workflow did");
  } else if (productPresent && !infraPresent) {
    kind = "product";
    branchEvidence.push("product or user-workflow signals dominate and no infrastructure archetype is named");
  } else if (!productPresent && !infraPresent) {
    kind = topScore > 0 ? "infra" : "product";
    branchEvidence.push(
      topScore > 0
        ? "only weak infrastructure signals fired; treated as infra-first"
        : "no infrastructure signal fired, so the prompt is read as product-first",
    );
  } else if (headProduct && !headInfra) {
    kind = infraScore >= 0.8 ? "mixed" : "product";
    branchEvidence.push(
      kind === "mixed"
        ? "the prompt asks for a product, but names a specific infrastructure component strongly"
        : "the prompt asks for a product; its infrastructure words describe parts of it",
    );
  } else if (headInfra && !headProduct) {
    kind = "infra";
    branchEvidence.push("the prompt asks for an infrastructure component; product words only give its context");
  } else if (Math.abs(infraScore - productScore) <= BRANCH_MARGIN) {
    kind = "mixed";
    branchEvidence.push("both an infrastructure component and a product workflow are asked for");
  } else {
    kind = infraScore > productScore ? "infra" : "product";
    branchEvidence.push(`${kind} signals outweigh the others`);
  }
  if (opts.branch && opts.branch !== kind) {
    branchEvidence.unshift(`set to ${opts.branch} by override (the signals alone said ${kind})`);
    kind = opts.branch;
  }
  for (const h of infraWords.counted.slice(0, 4)) branchEvidence.push(`infra signal ${describeHit(h)}`);
  if (top && top.score > 0)
    branchEvidence.push(
      `archetype signal for ${top.archetype.id}: ${top.hits.slice(0, 2).map(describeHit).join(", ")}`,
    );
  for (const h of productWords.counted.slice(0, 4)) branchEvidence.push(`product signal ${describeHit(h)}`);

  const branch = { kind, evidence: branchEvidence, scores: { infra: round(infraScore), product: round(productScore) } };

  if (kind === "product") return { branch, archetypes: productSubstrates(scored, kb, hitsOf, w) };
  if (!top || top.score === 0) return { branch, archetypes: [] };

  const dominant = top.archetype;
  const result: RecognizedArchetype[] = [
    {
      id: dominant.id,
      name: dominant.name,
      role: "dominant",
      score: round(top.score),
      evidence: top.hits.slice(0, 4).map((h) => `${describeHit(h)} points to ${dominant.name}`),
    },
  ];
  if (top.score < MIN_DOMINANT)
    result[0]?.evidence.push("the evidence is weak: consider naming the component more directly");

  const candidates = scored.slice(1).map((s) => {
    const link = compositionRole(dominant, s.archetype);
    const typical = dominant.connections.find((c) => c.to === s.archetype.id && c.typical === true);
    const support = 1 - (1 - s.score) * (1 - (typical ? TYPICAL_PRIOR : 0));
    return { s, link, typical, support };
  });
  candidates.sort((a, b) => b.support - a.support || a.s.archetype.id.localeCompare(b.s.archetype.id));
  for (const c of candidates) {
    if (result.length > MAX_SUPPORTING) break;
    if (c.support < (c.link ? MIN_CONNECTED : MIN_SUPPORTING)) continue;
    const a = c.s.archetype;
    const role: CompositionRole = c.link?.role ?? "substrate";
    const evidence: string[] = c.s.hits
      .slice(0, 3)
      .map((h) => `${describeHit(h)} → ${a.id} ${a.name} as ${role} of ${dominant.id}`);
    if (c.link) evidence.push(`why ${role}: ${c.link.why}`);
    else evidence.push(`no recorded connection to ${dominant.id}; placed as substrate`);
    if (c.typical && c.s.score < MIN_SUPPORTING) evidence.unshift(`${dominant.name} usually composes with ${a.name}`);
    result.push({ id: a.id, name: a.name, role, score: round(c.support), evidence });
  }
  return { branch, archetypes: result };
}

function productSubstrates(
  scored: readonly Scored[],
  kb: RecognitionKnowledge,
  hitsOf: (signals: readonly Signal[]) => Hit[],
  w: (h: Hit) => number,
): RecognizedArchetype[] {
  const byId = new Map<ArchetypeId, RecognizedArchetype>();
  const add = (a: Archetype, score: number, evidence: string) => {
    const prev = byId.get(a.id);
    if (prev) {
      prev.score = round(Math.max(prev.score, score));
      if (prev.evidence.length < 4) prev.evidence.push(evidence);
    } else byId.set(a.id, { id: a.id, name: a.name, role: "substrate", score: round(score), evidence: [evidence] });
  };
  for (const f of kb.productFeatures) {
    const hit = hitsOf([f.signal])[0];
    if (!hit) continue;
    for (const id of f.archetypes) {
      const a = kb.byId.get(id);
      if (a) add(a, w(hit), `${describeHit(hit)} → a product like this leans on ${a.name}: ${f.why}`);
    }
  }
  for (const s of scored) {
    if (s.score < MIN_SUPPORTING) break;
    add(
      s.archetype,
      s.score,
      `${s.hits.slice(0, 2).map(describeHit).join(", ")} names ${s.archetype.name} as a substrate`,
    );
  }
  if (byId.size === 0) {
    for (const id of kb.defaultSubstrates.archetypes) {
      const a = kb.byId.get(id);
      if (a) add(a, 0.2, `no feature named: ${kb.defaultSubstrates.why}`);
    }
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 5);
}
