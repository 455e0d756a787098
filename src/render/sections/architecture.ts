import type { Design } from "../../engine/design/design.js";
import { type Block, heading, para, table } from "../doc.js";

/** Components, links, API and data model: the architecture the design's fields compose. Empty when there are no components. */
export function architectureBlocks(d: Design): Block[] {
  if (d.components.length === 0) return [];
  const name = new Map(d.components.map((c) => [c.id, c.name]));
  const out: Block[] = [
    heading(2, "Architecture"),
    heading(3, "Components"),
    table(
      ["component", "kind", "holds", "runs", "why"],
      d.components.map((c) => [c.name, c.kind, c.holds.join(", ") || "-", c.runs.join(", ") || "-", c.because]),
    ),
  ];
  if (d.links.length > 0) {
    out.push(
      heading(3, "Links"),
      table(
        ["from", "to", "path", "carries"],
        d.links.map((l) => [name.get(l.from) ?? l.from, name.get(l.to) ?? l.to, l.kind, l.label]),
      ),
    );
  }
  if (d.api.length > 0) {
    out.push(
      heading(3, "API"),
      table(
        ["operation", "call", "request", "response", "errors", "guarantee"],
        d.api.map((a) => [
          a.operation,
          a.call,
          a.request.join(", "),
          a.response.join(", "),
          a.errors.join("; "),
          a.guarantee,
        ]),
      ),
      ...because(d.api.map((a) => [a.call, a.because])),
    );
  }
  if (d.dataModel.length > 0) {
    out.push(
      heading(3, "Data model"),
      table(
        ["entity", "key", "fields", "indexes", "partition key", "owner"],
        d.dataModel.map((m) => [
          m.entity,
          m.key.join(", "),
          m.fields.join(", "),
          m.indexes.join("; ") || "-",
          m.partitionKey ?? "-",
          name.get(m.owner) ?? m.owner,
        ]),
      ),
      ...because(d.dataModel.map((m) => [m.entity, m.because])),
    );
  } else out.push(para("No entity of primary state declares a data model."));
  return out;
}

/** The reasons rows drawn from the prompt's own words carry (a stock it counts), one line each, under their table. */
function because(rows: readonly (readonly [string, string | undefined])[]): Block[] {
  const said = rows.filter((r): r is readonly [string, string] => r[1] !== undefined);
  return said.length === 0 ? [] : [para(said.map(([name, why]) => `${name}: ${why}.`).join(" "))];
}
