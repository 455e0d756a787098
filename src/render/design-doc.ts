import type { Design } from "../engine/design/design.js";
import { grouped } from "../engine/quantity-format.js";
import { consistentReadScope, regionsSource } from "../engine/regions.js";
import { FAMILIES } from "../knowledge/families.js";
import { REFERENCE_MODEL } from "../knowledge/reference-model.js";
import { type Block, bullets, code, heading, para, table } from "./doc.js";
import { writeScript } from "./script/index.js";
import { architectureBlocks } from "./sections/architecture.js";
import { capacitySection } from "./sections/capacity.js";
import { decisionsSection } from "./sections/decisions.js";
import { featuresSection } from "./sections/features.js";
import { statedRequirementsSection } from "./sections/stated-requirements.js";

/** The design as a document in the framework's fixed order. Everything shown comes from the Design object. */
export function designBlocks(d: Design): Block[] {
  const blocks: Block[] = [heading(1, `Design: ${d.prompt}`)];
  if (d.overrides.length > 0) blocks.push(para(`Overrides: ${d.overrides.join(", ")}`));

  const dominant = d.archetypes[0];
  blocks.push(
    heading(2, "Branch and archetypes"),
    para(
      d.branch.kind === "product"
        ? d.features.length > 0
          ? "Product-first prompt: the product's features and user actions first, then the infrastructure substrates that carry their correctness, as deep dives."
          : "Product-first prompt: below is the design of the infrastructure substrates such a product leans on."
        : `Branch: ${d.branch.kind}-first. ${d.branch.evidence[0] ?? ""}${realizedNote(d)}`,
    ),
    d.archetypes.length > 0
      ? table(
          ["id", "archetype", "role", "score", "evidence"],
          d.archetypes.flatMap((a) => [
            [a.id, a.name, a.role, a.score.toFixed(2), a.evidence.slice(0, 2).join("; ")],
            ...(a.covers ?? []).map((c) => [
              c.id,
              c.name,
              `${c.role}, covered by ${a.id}`,
              c.score.toFixed(2),
              `${c.evidence[0] ?? ""}; covered: ${c.because}`,
            ]),
            // a supporting archetype read only from stray words: named, with why it adds nothing
            ...(a.notDrawn ?? []).map((n) => [n.id, n.name, "not drawn", "-", n.because]),
            // a product feature read only from a stray word: named, with why it is not part of the product
            ...(a.featuresNotDrawn ?? []).map((n) => [n.id, n.name, "feature not drawn", "-", n.because]),
          ]),
        )
      : para("No archetype was recognised; name the component (queue, lock, cache, scheduler…) to get a design."),
  );
  if (dominant?.variant)
    blocks.push(
      para(`At heart this is ${dominant.variant.subject}. ${dominant.variant.summary.map((x) => `${x}.`).join(" ")}`),
    );
  blocks.push(...featuresSection(d));
  if (!dominant) return blocks;

  const src = d.nfrs.sources;
  const tag = (k: string) =>
    src[k]?.source === "default" ? " (default)" : src[k]?.source === "override" ? " (override)" : " (stated)";
  blocks.push(
    heading(2, "Requirements and NFRs"),
    bullets([
      `Delivery: ${d.nfrs.delivery}${tag("delivery")}`,
      // a default taken from the lead's reference system (GFS's relaxed regions) is not the usual one: said with why
      // reads that choose their consistency per request: the default mode and the consistent one a request asks for
      d.nfrs.readModes
        ? `Consistency: per request (stated: ${src.readModes?.because.replace(/^the prompt says /, "") ?? ""}): ${d.nfrs.consistency} reads by default, from any replica; ${consistentReadScope(d.nfrs.regions, d.nfrs.consistency, d.decisions)}`
        : `Consistency: ${d.nfrs.consistency}${src.consistency?.because.includes(REFERENCE_MODEL) ? ` (default, ${src.consistency.because.replace(/^not stated; /, "")})` : tag("consistency")}`,
      `Availability: ${d.nfrs.availability}${tag("availability")}`,
      `Ordering: ${d.nfrs.ordering}${tag("ordering")}`,
      `Durability: ${d.nfrs.durability}${tag("durability")}`,
      // a count the prompt implies (a worldwide product, a user base past one country's market) is derived, not stated
      `Regions: ${d.nfrs.regions}${src.regions && regionsSource(src.regions) === "derived" ? ` (derived: ${src.regions.because})` : tag("regions")}`,
      ...(d.context.servingRegions
        ? [
            `Serving regions for reads: ${d.context.servingRegions.value} (derived: ${d.context.servingRegions.because})`,
          ]
        : []),
      ...d.nfrs.latency.map((l) => `Latency: ${l.percentile} ≤ ${l.ms} ms ('${l.quote}')`),
      ...Object.entries(d.nfrs.scale).map(
        ([k, v]) =>
          `Scale: ${k} = ${Number.isInteger(v) ? grouped(v) : v.toLocaleString("en-US")} (${src[`scale.${k}`]?.because ?? ""})`,
      ),
    ]),
    ...statedRequirementsSection(d),
    heading(3, "Operations"),
    table(
      ["requirement", "operation", "interaction", "entity", "critical"],
      d.operations.map((o) => [
        o.phrase,
        o.operation,
        o.interaction,
        o.entity,
        o.critical ? "yes" : o.hidden ? "hidden" : "",
      ]),
    ),
  );
  if (d.overlay.length > 0) {
    blocks.push(
      heading(3, "Runtime overlay"),
      table(
        ["archetype", "driver", "unit", "worker", "slot", "maintenance"],
        d.overlay.map((o) => [o.archetype, o.driver, o.unit, o.worker, o.slot, o.maintenance]),
      ),
    );
  }
  blocks.push(...architectureBlocks(d));
  blocks.push(
    heading(2, "Correctness-critical state and scopes"),
    bullets(d.criticalPaths.map((p) => `Critical path '${p.name}': ${p.because}`)),
    table(
      ["concern", "scope", "why"],
      d.scopes.map((s) => [s.concern, s.scope, s.why]),
    ),
    heading(2, "Primary state"),
    table(
      ["entity", "holds", "authority", "scope", "durability", "consistency", "availability"],
      d.primaryState.map((s) => [
        s.entity,
        s.description,
        s.authority,
        s.scope,
        s.durability.value,
        s.consistency.value,
        s.availability.value,
      ]),
    ),
    heading(2, "Hard invariants"),
    bullets(d.invariants.map((i) => `[${i.path}] ${i.statement}`)),
    heading(2, "Execution context"),
    bullets([
      ...d.context.paths.map((p) => `${p.path}: ${p.runsIn}`),
      `Retries: ${d.context.retries}`,
      `Crashes: ${d.context.crashes}`,
      `Clocks: ${d.context.clocks}`,
      `Regions: ${d.context.regions}`,
      `Failure stance: ${d.context.failureStance}`,
    ]),
    ...capacitySection(d),
    ...decisionsSection(d),
    heading(2, "Predicates and mechanisms"),
    table(
      ["predicate", "holds", "because"],
      d.predicates.map((p) => [p.id, p.holds ? "yes" : "no", p.because]),
    ),
    table(
      ["mechanism", "family", "kind", "why", "protects"],
      d.mechanisms.map((m) => [
        m.name,
        m.family,
        m.kind,
        m.because.join("; "),
        m.serves ? `serves: ${m.serves}` : m.protects,
      ]),
    ),
    ...familyNotes(d),
    heading(2, "Serving paths"),
    table(
      ["read", "served by", "staleness"],
      d.readPaths.map((r) => [r.read, r.servedBy, r.staleness]),
    ),
    heading(3, "Technology"),
    ...d.technology.flatMap((t) => [
      para(`${t.layer}: ${t.shape}`),
      bullets([
        ...t.choices.map(
          (c) =>
            `${c.product}${c.component ? ` as '${c.component}'` : ""}: ${c.fits}${c.split ? ` It is ${c.split}.` : ""} (${c.why})`,
        ),
        ...(t.runnerUp ? [`Runner-up, ${t.runnerUp.product}: ${t.runnerUp.why}`] : []),
        ...(t.avoid ? [`Not ${t.avoid.product}: ${t.avoid.why}`] : []),
        ...(t.references ?? []).map((r) => `Reference design, not a part: ${r.product} (${r.why})`),
      ]),
    ]),
    heading(2, "Retries, crashes, replication and scale"),
    table(
      ["failure", "prevention", "repair"],
      d.failures.map((f) => [f.failure, f.prevention, f.repair]),
    ),
    table(
      ["bottleneck", "mitigation", "sizing"],
      d.bottlenecks.map((b) => [
        `${b.rank === "first hotspot" ? "First hotspot: " : ""}${b.bottleneck}`,
        b.mitigation,
        // a formula the design has no value for is shown as a formula, never as if it were a number
        b.estimate ??
          (b.formula ? `${b.formula}: not estimated, the design states or assumes no value for an input` : "-"),
      ]),
    ),
    heading(2, "Checklist"),
    bullets(
      d.checklist.map(
        (c) => `${c.complete ? "[x]" : "[ ]"} ${c.question} ${c.answer}${c.missing ? ` (missing: ${c.missing})` : ""}`,
      ),
    ),
    heading(2, "Presentation script"),
    ...writeScript(d).steps.flatMap((s) => [heading(3, `${s.step}. ${s.title}`), para(s.text)]),
  );
  if (d.diagrams.length > 0) {
    blocks.push(
      heading(2, "Diagrams"),
      ...d.diagrams.flatMap((g) => [heading(3, g.title), code("mermaid", g.mermaid)]),
    );
  }
  return blocks;
}

/** What each mechanism family the design uses does, from the family table: the idea behind the rows above. */
function familyNotes(d: Design): Block[] {
  const used = new Set(d.mechanisms.map((m) => m.family));
  const notes = FAMILIES.filter((f) => used.has(f.family)).map((f) => `${f.family}: ${f.meaning}`);
  return notes.length > 0 ? [heading(3, "Mechanism families"), bullets(notes)] : [];
}

/** A mixed design a feature's record realizes says so after its branch: the feature leads it. */
function realizedNote(d: Design): string {
  const r = d.archetypes[0]?.realizes;
  return r
    ? `${/[.!?]$/.test(d.branch.evidence[0] ?? ".") ? "" : "."} ${r.id} ${r.name} is realized by ${r.featureName}'s ${r.entity} (${r.because}), so the feature leads the design.`
    : "";
}
