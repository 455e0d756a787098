import { compareText } from "../engine/text.js";
import { ROLE_VOCABULARY } from "../knowledge/roles.js";
import type { Archetype } from "../knowledge/schema.js";
import { type Block, bullets, code, heading, para, table } from "./doc.js";

const topSignals = (a: Archetype, n: number) =>
  [...a.signals.phrases]
    .sort((x, y) => y.weight - x.weight || compareText(x.text, y.text))
    .slice(0, n)
    .map((p) => p.text);

/** One row per archetype for the catalogue table. */
export function catalogueTable(all: readonly Archetype[]): Block {
  return table(
    ["id", "name", "dominant signals", "silhouette (storage / coordination / serving)"],
    all.map((a) => [
      a.id,
      a.name,
      topSignals(a, 3).join(", "),
      `${a.silhouette.storage} / ${a.silhouette.coordination} / ${a.silhouette.serving}`,
    ]),
  );
}

/** The one-page study card for an archetype, in the framework's order. */
export function archetypeCard(a: Archetype, nameOf: (id: string) => string): Block[] {
  const truth = a.entities.filter((e) => e.truth);
  const blocks: Block[] = [
    heading(1, `${a.id} ${a.name}`),
    para(a.summary),
    para(`Roles: ${a.roles.join(", ")}.`),
    bullets(
      a.roles.flatMap((r) => {
        const v = ROLE_VOCABULARY.find((x) => x.role === r);
        return v ? [`${r}: ${v.meaning} Watch for: ${v.failures.map((f) => f.phrase).join(", ")}.`] : [];
      }),
    ),
    heading(2, "Recognise it by"),
    bullets([
      `Phrases: ${topSignals(a, 12).join(", ")}`,
      ...(a.signals.systems.length > 0 ? [`Named systems: ${a.signals.systems.map((s) => s.name).join(", ")}`] : []),
    ]),
    heading(2, "Entities"),
    table(
      ["entity", "truth?", "what it holds"],
      a.entities.map((e) => [e.name, e.truth ? "source of truth" : "derived / supporting", e.description]),
    ),
    para(`Smallest authoritative state: ${truth.map((e) => e.name).join(", ")}.`),
    heading(2, "Write paths"),
    bullets(
      a.writePaths.map(
        (w) =>
          `${w.action} -> ${w.entity} (${w.shape}, ${w.mechanism})${w.hidden ? " [hidden write]" : ""}${w.critical ? " [critical]" : ""}`,
      ),
    ),
    heading(2, "Read paths"),
    bullets(a.readPaths.map((r) => `${r.action} -> ${r.entity} (${r.shape}; staleness: ${r.staleness})`)),
    heading(2, "Protocols"),
    ...a.protocols.flatMap((p) => [heading(3, p.name), code("text", p.notation)]),
    heading(2, "Hard invariants"),
    bullets(a.invariants),
    heading(2, "Contract"),
    bullets([...a.contract.api, ...a.contract.guarantees.map((g) => `Guarantee: ${g}`)]),
    heading(2, "Predicates that usually hold"),
    bullets(a.predicates.map((p) => `${p.id}: ${p.because}`)),
    heading(2, "Failure modes"),
    table(
      ["failure", "role", "prevention", "repair"],
      a.failures.map((f) => [f.failure, f.role, f.prevention, f.repair]),
    ),
    heading(2, "Scaling bottlenecks"),
    table(
      ["bottleneck", "mitigation", "starter formula"],
      a.bottlenecks.map((b) => [
        b.bottleneck,
        b.mitigation,
        b.formula ? `${b.formula.yields} = ${b.formula.expression} (${b.formula.unit})` : "-",
      ]),
    ),
    heading(2, "Technology silhouette"),
    bullets([
      `Storage: ${a.silhouette.storage}`,
      `Coordination: ${a.silhouette.coordination}`,
      `Serving: ${a.silhouette.serving}`,
    ]),
    table(
      ["product", "layer", "fits because", "suits", "poor for", "watch out"],
      a.technologies.map((t) => [t.product, t.layer, t.fits, t.suits.join(", "), t.poorFor.join(", "), t.caveat]),
    ),
    heading(2, "Connections"),
    bullets(a.connections.map((c) => `${c.to} ${nameOf(c.to)} as ${c.role}: ${c.why}`)),
  ];
  if (a.overlay) {
    const o = a.overlay;
    blocks.push(
      heading(2, "Runtime overlay"),
      table(
        ["part", "here"],
        [
          ["driver", o.driver],
          ["job / unit", o.unit],
          ["worker", o.worker],
          ["slot / capacity unit", o.slot],
          ["state (authoritative + attempt)", o.state],
          ["source", o.source],
          ["sink", o.sink],
          ["bus / transfer fabric", o.fabric],
          ["maintenance loop", o.maintenance],
        ],
      ),
    );
  }
  return blocks;
}
