import { type EvidenceKind, hitKind, strayOnly } from "./evidence-kinds.js";
import type { Hit } from "./match.js";
import type { Token } from "./tokens.js";

/**
 * A supporting archetype recognition does not draw, with the rule that set it aside and its inputs: the words of the
 * prompt it was read from and their kinds (`evidence-kinds.ts`).
 */
export interface NotDrawn {
  id: string;
  name: string;
  rule: "stray-evidence";
  words: string[];
  kinds: EvidenceKind[];
  because: string;
}

/** What one stray hit is, said in the reason. */
function strayWord(h: Hit, kind: EvidenceKind): string {
  if (kind === "loose-combo") return `'${h.quoted}' (words read together from different phrases of the prompt)`;
  if (kind === "word-form")
    return `'${h.quoted}' (a verb form of '${h.signal.text}': it says what happens, not that a part exists)`;
  return `'${h.quoted}' (a word typical of it, weak alone)`;
}

/**
 * The record of a supporting archetype read only from stray kinds of evidence (`STRAY_KINDS`: words of two families
 * read together across a phrase break, a verb form of a component's noun, typical and learned words),
 * or undefined when any of its evidence is stronger: a head noun, a named system, a cued need, a requirement or a
 * component stated in its own words. The caller asks only for one the lead neither needs nor usually composes with.
 * Such an archetype would bring its whole card (components, entities, calls, figures, failure rows) from one stray
 * word, so it is named on the lead's row as not drawn instead.
 */
export function straySupport(
  a: { id: string; name: string },
  hits: readonly Hit[],
  basis: readonly EvidenceKind[],
  tokens: readonly Token[],
  inHead: (i: number) => boolean,
): NotDrawn | undefined {
  if (!strayOnly(basis)) return undefined;
  const said = hits.map((h) => strayWord(h, hitKind(h, tokens, inHead)));
  const learned = basis.includes("learned") ? ["words typical of it in labelled prompts"] : [];
  return {
    id: a.id,
    name: a.name,
    rule: "stray-evidence",
    words: hits.map((h) => h.quoted),
    kinds: [...basis],
    because: `it is read only from ${[...said, ...learned].join(", ")}, which alone do not make it a part of the design, and the lead neither needs it nor usually composes with it`,
  };
}
