import type { Design } from "../../engine/design/design.js";
import { oneDecisionPerQuestion } from "../../engine/roles.js";
import { type Block, bullets, heading, para } from "../doc.js";

/** The decisions section: each trade-off, the option chosen and why, and when another option would win. */
export function decisionsSection(d: Design): Block[] {
  if (d.decisions.length === 0) return [];
  return [
    heading(2, "Decisions and trade-offs"),
    para("Flip any decision with --set decision.<id>=<option>; the mechanisms that follow from it change too."),
    // one question, one decision: a feature asking its lead archetype's question again is named beside it
    ...oneDecisionPerQuestion(d.decisions).flatMap(({ row: x, also }) => {
      const chosen = x.options.find((o) => o.id === x.chosen);
      return [
        heading(3, `${x.question} (${[x.id, ...also].join(", also ")})`),
        bullets([
          `Chosen${x.source === "override" ? " (override)" : ""}: ${chosen?.name ?? x.chosen}, because ${x.because}`,
          ...x.options.map(
            (o) => `${o.id === x.chosen ? "[x]" : "[ ]"} ${o.id}: ${o.name}; buys ${o.buys}; costs ${o.costs}`,
          ),
          `Would flip: ${x.wouldFlipIf}`,
        ]),
      ];
    }),
  ];
}
