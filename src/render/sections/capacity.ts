import type { Design } from "../../engine/design/design.js";
import { approx, formatQuantity } from "../../engine/quantity-format.js";
import { compareText } from "../../engine/text.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import { type Block, bullets, heading, para, table } from "../doc.js";

/**
 * A figure's value, and for one sized by the larger of several drivers which one set it and what each other would
 * need alone ("320 partitions, set by consumer_egress / (…) ≈ 320; ingest_bandwidth / (…) needs ≈ 80").
 */
function valueSaid(r: Design["capacity"][number]): string {
  const by = r.drivenBy;
  if (!by || by.over.length === 0) return r.display;
  // a count is of whole things: what a term needs alone is said rounded up, never as a fraction of a node
  const whole = (v: number) => (r.kind === "count" && v > 0 ? Math.ceil(v - 1e-9) : v);
  const others = by.over.map((o) => `${o.term} needs ${approx(whole(o.value), r.unit)}`).join("; ");
  return `${r.display}, set by ${by.term} ${approx(whole(by.value), r.unit)}; ${others}`;
}

/** The capacity section: every figure as `formula ≈ value unit`, then every input with its source. */
export function capacitySection(d: Design): Block[] {
  if (d.capacity.length === 0) return [];
  const inputs = new Map<string, Design["capacity"][number]["inputs"][number]>();
  for (const r of d.capacity) for (const i of r.inputs) if (!inputs.has(i.name)) inputs.set(i.name, i);
  const sorted = [...inputs.values()].sort(
    (a, b) => (a.source === b.source ? 0 : a.source === "assumed" ? 1 : -1) || compareText(a.name, b.name),
  );
  return [
    heading(2, "Capacity estimates"),
    para(
      "Back-of-envelope figures; pin any input with --set scale.<quantity>=<number> and everything downstream recomputes.",
    ),
    table(
      ["figure", "formula", "value", "kind", "from"],
      d.capacity.map((r) => [r.quantity, r.formula, valueSaid(r), r.kind, r.archetype]),
    ),
    heading(3, "Inputs"),
    bullets(
      sorted.map(
        (i) =>
          `${i.name} = ${formatQuantity(i.value, i.unit ?? QUANTITY_BY_ID.get(i.name)?.unit ?? "")} [${i.source}]: ${i.because}`,
      ),
    ),
  ];
}
