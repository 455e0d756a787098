/**
 * Coherence rules over a derived design: a design must never contradict itself. Each rule reads only
 * the finished Design (and the knowledge behind it), so the check runs on anything `design()` returns.
 */
import { GATE_MODULES } from "../knowledge/gates.js";
import { MECHANISM_BY_ID } from "../knowledge/mechanisms/index.js";
import { isWrite } from "../knowledge/patterns.js";
import type { Design } from "./design/design.js";
import { entityWords } from "./fields/common.js";
import { statedNfrsOf } from "./nfr-parse.js";
import { referenceVerdict } from "./references.js";

export type CoherenceRule =
  | "chosen-and-avoided"
  | "reference-as-choice"
  | "failure-contradicts-availability"
  | "isr-called-majority"
  | "mechanism-without-precondition"
  | "invariant-off-path"
  | "nfr-contradiction"
  | "stated-nfr-lost";

export interface Problem {
  rule: CoherenceRule;
  detail: string;
}

export const COHERENCE_RULES: Readonly<Record<CoherenceRule, string>> = {
  "chosen-and-avoided": "no product is both recommended and rejected",
  "reference-as-choice": "the system the prompt asks to build is the reference design, never a technology to buy",
  "failure-contradicts-availability": "failure rows agree with the availability stance",
  "isr-called-majority": "Kafka's in-sync replica set is never described as a majority quorum",
  "mechanism-without-precondition": "a mechanism appears only where its precondition holds in this design",
  "invariant-off-path": "every invariant is attached to a critical path that writes what it constrains",
  "nfr-contradiction": "defaulted NFRs never contradict each other or the stated ones",
  "stated-nfr-lost": "an NFR the prompt states is never replaced by a default",
};

const norm = (s: string) => s.trim().toLowerCase();

/** Words that say the design refuses service to stay correct. */
export const REFUSES =
  /\b(minority (side |partition )?(refuses|rejects|cannot|stops|can ?not)|(refuses|rejects) (new |the |all )?writes (until|while|during)|stops? accepting writes|\(fails? closed\))/i;
/** Words that say both sides of a partition keep accepting writes. */
export const BOTH_SIDES = /\b(both sides (keep|continue|accept)\w*|accepts? writes on both sides|sloppy quorum)\b/i;

/** A design as the engine derives it, with the spoken script when the presentation layer attached one. */
export type Checked = Design & { script?: readonly { text: string }[] };

function choicesAndAvoids(d: Design): Problem[] {
  const out: Problem[] = [];
  const chosen = new Map(d.technology.flatMap((t) => t.choices.map((c) => [norm(c.product), t.layer] as const)));
  for (const t of d.technology) {
    if (t.avoid && chosen.has(norm(t.avoid.product)))
      out.push({
        rule: "chosen-and-avoided",
        detail: `'${t.avoid.product}' is recommended (${chosen.get(norm(t.avoid.product))}) and rejected (${t.layer})`,
      });
  }
  const ids = d.archetypes.map((a) => a.id);
  for (const t of d.technology) {
    for (const p of [...t.choices.map((c) => c.product), ...(t.avoid ? [t.avoid.product] : [])]) {
      const ref = referenceVerdict(p, d.prompt, ids);
      if (ref)
        out.push({
          rule: "reference-as-choice",
          detail: `'${p}' is offered as a ${t.layer} product, but ${ref.why}`,
        });
    }
  }
  return out;
}

function failuresAgree(d: Design): Problem[] {
  const out: Problem[] = [];
  for (const f of d.failures) {
    const text = `${f.failure} ${f.prevention} ${f.repair}`;
    if (d.nfrs.availability === "stay-available" && REFUSES.test(text))
      out.push({
        rule: "failure-contradicts-availability",
        detail: `stay-available design, but the failure row '${f.failure}' says the system refuses service`,
      });
    if (d.nfrs.availability === "fail-closed" && BOTH_SIDES.test(text))
      out.push({
        rule: "failure-contradicts-availability",
        detail: `fail-closed design, but the failure row '${f.failure}' keeps both sides writable`,
      });
  }
  return out;
}

const ISR = /\b(ISR|in-sync)\b/i;
const MAJORITY = /\bmajorit\w*\b/i;

function isrNotMajority(d: Checked): Problem[] {
  // Each text is its pieces joined by spaces. "ISR" and "in-sync" hold no space, so a text names one only
  // when a piece does: most name neither, and their text is never put together.
  const pieces: (readonly string[])[] = [
    ...d.failures.map((f) => [f.failure, f.prevention, f.repair]),
    ...d.mechanisms.map((m) => [m.name, m.because.join(" "), m.protects]),
    ...d.invariants.map((i) => [i.statement]),
    ...d.operations.map((o) => [o.phrase]),
    ...(d.script ?? []).map((s) => [s.text]),
  ];
  const out: Problem[] = [];
  for (const p of pieces) {
    if (!p.some((x) => ISR.test(x))) continue;
    const t = p.join(" ");
    // a sentence that names both is inside a text that names both
    if (!MAJORITY.test(t)) continue;
    for (const sentence of t.split(/(?<=[.;])\s+/)) {
      if (ISR.test(sentence) && MAJORITY.test(sentence))
        out.push({ rule: "isr-called-majority", detail: `'${sentence.trim()}'` });
    }
  }
  return out;
}

/** Every gate with a precondition of its own, re-tested on the finished design (the same rule that added it). */
function preconditions(d: Design): Problem[] {
  const facts = {
    operations: d.operations,
    invariants: d.invariants,
    derivedRead:
      d.operations.some((o) => o.operation === "read projection") ||
      d.readPaths.some((r) => r.servedBy !== "authority"),
  };
  const out: Problem[] = [];
  for (const g of GATE_MODULES) {
    if (!g.precondition || !d.mechanisms.some((m) => m.id === g.mechanism)) continue;
    const missing = g.precondition(facts);
    if (missing)
      out.push({
        rule: "mechanism-without-precondition",
        detail: `${MECHANISM_BY_ID.get(g.mechanism)?.name ?? g.mechanism} without ${g.needs}: ${missing}`,
      });
  }
  return out;
}

function invariantsOnPath(d: Design): Problem[] {
  const out: Problem[] = [];
  const byPhrase = new Map(d.operations.map((o) => [o.phrase, o]));
  for (const inv of d.invariants) {
    const path = d.criticalPaths.find((p) => p.name === inv.path);
    if (!path) {
      out.push({
        rule: "invariant-off-path",
        detail: `'${inv.statement}' names a path '${inv.path}' the design lacks`,
      });
      continue;
    }
    const entities = path.operations.flatMap((p) => {
      const o = byPhrase.get(p);
      return o ? [o.entity] : [];
    });
    const text = inv.statement.toLowerCase();
    const constrains = entities.some((e) => text.includes(e.toLowerCase()) || text.includes(entityWords(e)));
    if (!constrains)
      out.push({
        rule: "invariant-off-path",
        detail: `'${inv.statement}' sits on '${inv.path}', which writes ${[...new Set(entities)].join(", ") || "nothing named"}`,
      });
  }
  return out;
}

function nfrs(d: Design): Problem[] {
  const out: Problem[] = [];
  const n = d.nfrs;
  const src = (k: string) => n.sources[k]?.source ?? "default";
  if (
    n.consistency === "linearizable" &&
    n.availability === "stay-available" &&
    (src("consistency") === "default" || src("availability") === "default")
  )
    out.push({
      rule: "nfr-contradiction",
      detail: `linearizable (${src("consistency")}) with stay-available (${src("availability")}): a partitioned minority cannot both answer and be linearizable`,
    });
  if (n.delivery === "exactly-once" && src("delivery") === "default") {
    const stream = d.operations.some(
      (o) => isWrite(o) && (o.operation === "append event" || o.operation === "async process") && !o.hidden,
    );
    const effect = d.predicates.some((p) => p.id === "external-effect" && p.holds);
    if (!stream && !effect)
      out.push({
        rule: "nfr-contradiction",
        detail:
          "exactly-once delivery by default, but nothing in this design is delivered (no stream, no external effect)",
      });
  }
  const stated = statedNfrsOf(d.prompt);
  for (const k of ["delivery", "consistency", "availability", "ordering", "durability"] as const) {
    const s = stated[k];
    if (s && src(k) === "default")
      out.push({
        rule: "stated-nfr-lost",
        detail: `the prompt states ${k} '${s.quote}', but the design uses a default`,
      });
    // Linearizable and stay-available both stated: under a partition only one can hold, and the design keeps
    // linearizable (a majority still serves), saying so in the availability reason.
    const resolved = k === "availability" && stated.consistency?.value === "linearizable" && n[k] === "fail-closed";
    if (s && src(k) === "stated" && n[k] !== s.value && !resolved)
      out.push({
        rule: "stated-nfr-lost",
        detail: `the prompt states ${k} ${s.value} ('${s.quote}'), but the design uses ${n[k]}`,
      });
  }
  return out;
}

/** Every way the design contradicts itself; empty when it is coherent. Pure and deterministic. */
export function checkCoherence(d: Checked): Problem[] {
  return [
    ...choicesAndAvoids(d),
    ...failuresAgree(d),
    ...isrNotMajority(d),
    ...preconditions(d),
    ...invariantsOnPath(d),
    ...nfrs(d),
  ];
}
