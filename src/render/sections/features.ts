import type { Design } from "../../engine/design/design.js";
import { type Block, bullets, heading, table } from "../doc.js";

/** The product section: the features the prompt is built from, their user actions, entities and NFRs, and the substrates under them. */
export function featuresSection(d: Design): Block[] {
  if (d.features.length === 0) return [];
  return [
    heading(2, "Product features"),
    table(
      ["feature", "user actions", "why here", "rests on"],
      d.features.map((f) => [
        f.name,
        f.actions.join("; "),
        f.evidence.join("; "),
        f.substrates.map((s) => `${s.id} (${s.role})`).join(", "),
      ]),
    ),
    heading(3, "Core entities"),
    table(
      ["entity", "what it is", "feature"],
      d.features.flatMap((f) => f.entities.map((e) => [e.name, e.description, f.name])),
    ),
    heading(3, "Product non-functional requirements"),
    bullets(d.features.flatMap((f) => f.nfrs.map((n) => `${n} (${f.name})`))),
  ];
}
