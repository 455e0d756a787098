import { PRESENTATION_STEPS } from "../../knowledge/presentation.js";
import type { Deriver } from "../design/graph.js";
import type { Fields, ScriptStep } from "../design/types.js";
import { shortName } from "./common.js";

const strip = shortName;
const sentence = (s: string) => {
  const t = s.trim();
  return t.length === 0 ? t : /[.!?]$/.test(t) ? t : `${t}.`;
};
const join = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** The prompt-specific body of each spoken step, built only from the design's own fields. */
const BODIES: ((f: Readonly<Fields>) => string)[] = [
  (f) => {
    const visible = f.operations.filter(
      (o) => !o.hidden && o.operation !== "read source" && o.operation !== "read projection",
    );
    const hidden = f.operations.filter((o) => o.hidden);
    const reads = f.operations.filter((o) => o.operation === "read source" || o.operation === "read projection");
    const lead = f.archetypes[0];
    return [
      lead
        ? `This is ${f.branch.kind === "product" ? "a product prompt, so I'm designing its substrates, led by" : "at heart"} ${lead.name} (${lead.id})${f.archetypes.length > 1 ? `, composed with ${join(f.archetypes.slice(1).map((a) => `${a.name} as ${a.role}`))}` : ""}.`
        : "",
      visible.length > 0
        ? `The writes are ${join(visible.slice(0, 4).map((o) => `${strip(o.phrase)} (${o.operation} on ${o.entity})`))}.`
        : "",
      hidden.length > 0
        ? `Nobody asked for it, but ${join(hidden.slice(0, 3).map((o) => strip(o.phrase)))} ${hidden.length === 1 ? "is a hidden write" : "are hidden writes"} we must keep up.`
        : "",
      reads.length > 0 ? `Reads: ${join(reads.slice(0, 3).map((o) => `${strip(o.phrase)} (${o.operation})`))}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  (f) => {
    const paths = f.criticalPaths.map((p) => p.name);
    const sc = (c: string) => f.scopes.find((s) => s.concern === c);
    const o = sc("ordering");
    const e = sc("exclusivity");
    const k = sc("coordination");
    return [
      paths.length > 0 ? `The correctness-critical paths are ${join(paths.slice(0, 4))}.` : "",
      o ? `Ordering holds per ${o.scope}: ${o.why}.` : "",
      e ? `Exclusivity holds per ${e.scope}: ${e.why}.` : "",
      k ? `Coordination happens per ${k.scope}: ${k.why}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  (f) =>
    f.primaryState.length > 0
      ? `The authoritative state is ${join(f.primaryState.map((s) => `${s.entity} — ${s.description.replace(/\.$/, "")}`))}, kept in ${f.primaryState[0]?.authority}. Everything else I draw can be rebuilt from it.`
      : "",
  (f) =>
    f.invariants
      .slice(0, 5)
      .map((i) => `On ${i.path}: ${sentence(i.statement)}`)
      .join(" "),
  (f) => {
    const byKind = (k: string) => f.context.paths.filter((p) => p.runsIn === k).map((p) => strip(p.path));
    const req = byKind("request path");
    const loop = byKind("control loop");
    const asyncW = byKind("async worker");
    return [
      req.length > 0 ? `In the request path: ${join(req.slice(0, 3))}.` : "",
      asyncW.length > 0 ? `In async workers: ${join(asyncW.slice(0, 3))}.` : "",
      loop.length > 0 ? `In control loops: ${join(loop.slice(0, 3))}.` : "",
      sentence(`Retries: ${f.context.retries}`),
      sentence(`Clocks: ${f.context.clocks}`),
      sentence(`It ${f.context.failureStance}`),
    ]
      .filter(Boolean)
      .join(" ");
  },
  (f) => {
    const base = f.baseMechanisms.slice(0, 4).map((m) => `${m.name} for ${strip(m.because[0]?.split(":")[0] ?? "")}`);
    const held = f.predicates.filter((p) => p.holds).map((p) => p.id);
    const comps = f.companions.slice(0, 6).map((m) => `${m.name} (because ${m.because[0]?.split(":")[0]})`);
    return [
      base.length > 0 ? `By write shape the base mechanisms are ${join(base)}.` : "",
      held.length > 0 ? `The predicates that hold are ${join(held)}.` : "No companion predicate holds.",
      comps.length > 0 ? `So I add ${join(comps)}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  (f) => {
    const reads = f.readPaths
      .slice(0, 4)
      .map((r) => `${strip(r.read)} is served by the ${r.servedBy} (staleness: ${r.staleness})`);
    const tech = f.technology
      .flatMap((t) => (t.choices[0] ? [`${t.choices[0].product} for ${t.layer}`] : []))
      .slice(0, 3);
    return [
      reads.length > 0 ? `${sentence(join(reads))}` : "Every read goes to the authority.",
      tech.length > 0 ? `For products, the shape points to ${join(tech)}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  (f) => {
    const fails = f.failures
      .slice(0, 3)
      .map(
        (x) =>
          `if ${x.failure.replace(/\.$/, "")}, ${x.prevention.replace(/\.$/, "")}, and we repair by ${x.repair.replace(/\.$/, "")}`,
      );
    const first = f.bottlenecks[0];
    return [
      fails.length > 0 ? `${sentence(`On failures: ${fails.join("; ")}`)}` : "",
      first
        ? `The first hotspot is ${first.bottleneck.replace(/\.$/, "")}; I'd ${first.mitigation.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase())}.${first.estimate ? ` Sizing it: ${first.estimate}.` : ""}`
        : "",
      f.bottlenecks[1]
        ? `Next comes ${f.bottlenecks[1].bottleneck.replace(/\.$/, "").replace(/^./, (c) => c.toLowerCase())}.`
        : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
];

export const scriptField: Deriver<"script"> = {
  field: "script",
  category: "Output",
  reads: [
    "archetypes",
    "branch",
    "operations",
    "criticalPaths",
    "scopes",
    "primaryState",
    "invariants",
    "context",
    "baseMechanisms",
    "predicates",
    "companions",
    "readPaths",
    "technology",
    "failures",
    "bottlenecks",
  ],
  rule: "the seed's eight spoken steps, each opened by its line and filled from this design's own entities, invariants, mechanisms and numbers",
  derive: (f) =>
    PRESENTATION_STEPS.map((s, i): ScriptStep => {
      const body = (BODIES[i] ?? (() => ""))(f);
      return { step: s.step, title: s.title, text: body ? `${s.line} ${body}` : s.line };
    }),
};
