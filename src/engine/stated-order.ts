import { singularOf as singular } from "./counted-nouns.js";
import { baseOf, onceQuote } from "./stated-once.js";

/**
 * A rule that everyone sees the same things in the same order, or ends up with the same state, in the prompt's words:
 * "every member of a channel must see messages in the same order", "every stroke must show up on every screen in the
 * same order", "two bids placed at the same instant must be ordered the same way for everyone", "concurrent changes to
 * the same shape must resolve identically for all of them", "everyone must end up seeing the same drawing", "every
 * bidder's screen must agree on the current top bid". `noun` is what is ordered (a message, a bid) or the state every
 * copy must end with (a drawing, a board); `converge` marks the second, where no one's change may be dropped either.
 */
export interface SameOrderSaid {
  kind: "same-order";
  noun: string;
  converge?: true;
  quote: string;
}

/** Who sees the order: every party, screen or copy ("every member of a channel", "every player's screen"). */
const EVERYONE = String.raw`(?:every(?:one|body)(?:'s|\u2019s)?|all (?:of )?(?:them|the [a-z]+s|[a-z]+s)|(?:every|each) [a-z]+(?:(?:'s|\u2019s) [a-z]+)?(?: (?:of|in|on|watching|viewing) (?:a|an|the) [a-z]+)?)`;
/** Words the noun slot may catch that name no thing ("all of them", "the same"). */
const NOT_A_THING = /^(?:it|them|they|one|ones|same|way|thing|things|all|each|every|order|time|moment|instant)$/i;

/** A modal before the rule's verb, or none ("every reader sees changes in the same order"). */
const MODAL = String.raw`(?:(?:must|should|has to|have to|needs? to|will|can)\s+(?:always\s+)?)?`;
/** The thing: one word, never a preposition, a conjunction or a pronoun the loose slot may catch. */
const THING = String.raw`(?!(?:and|or|but|without|with|of|on|in|at|to|for|is|are|be|where|who|which|what|when|the|a|an|its|their|must|should|has|have|will|can|may|needs?)\b)([a-z][\w-]*)`;

const PATTERNS: readonly { re: RegExp; converge?: true }[] = [
  // "every member of a channel must see messages in the same order", "everyone must see the same picks in the same
  // order", "every reader sees changes in the same order", "all players in a room see moves in the same order"
  {
    re: new RegExp(
      String.raw`\b(?:${EVERYONE}|all [a-z]+s(?: in (?:a|an|the|each|one) [a-z]+)?) ${MODAL}(?:see|sees|get|gets|receive|receives|observe|observes|read|reads|apply|applies) (?:the (?:same )?|all (?:the )?)?${THING}(?: (?:applied|shown|played|delivered|made))? in the same order\b`,
      "i",
    ),
  },
  // "every stroke must show up on every screen in the same order", "every card played must appear in the same order for
  // everyone", "all bids on a closing lot must be accepted in one agreed order", "every change should reach everyone in
  // one agreed order", "membership changes must be applied in the same order on every node"
  {
    re: new RegExp(
      String.raw`\b(?:(?:every|each|all(?: the)?) )?${THING}(?: [a-z]+ed)?(?: (?:on|to|in|into) (?:a|an|the|each|every) (?:[a-z]+ )?[a-z]+)? ${MODAL}(?:be )?(?:show up|appear|arrive|land|reach every(?:one|body)|be shown|be applied|be delivered|be accepted|accepted|applied|delivered|shown)(?: (?:on|to|at|for) (?:every|each|all) [a-z]+)? in (?:the same|one agreed|one|a single) order\b(?: (?:for (?:every(?:one|body)|all)|on every [a-z]+))?`,
      "i",
    ),
  },
  // "two bids placed at the same instant must be ordered the same way for everyone", "concurrent changes to the same
  // shape must resolve identically for all of them", "concurrent edits to cells merge the same way for everyone"
  {
    re: new RegExp(
      String.raw`\b(?:two|concurrent|simultaneous|competing) ${THING}((?: [a-z]+ing)?)\b[^.;:!?]{0,60}? ${MODAL}(?:(?:end up|always) )?(?:be )?(?:ordered|resolved|resolve|settled|decided|sequenced|merged|merge)(?: (?:the same way|identically|in the same order|alike))(?: for (?:every(?:one|body)|all(?: of them)?|each [a-z]+|every [a-z]+))?`,
      "i",
    ),
  },
  // "everyone must end up seeing the same drawing", "every screen has to converge on the same picture", "everybody's
  // list must end up identical", "two people dragging the same shape must end up seeing the same result"
  {
    re: new RegExp(
      String.raw`\b(?:${EVERYONE}|all of them|two [a-z]+ [a-z]+ing the same [a-z]+[^.;:!?]{0,40}?)(?: [a-z]+)? ${MODAL}(?:end up|converge on|converge to|arrive at)(?: (?:seeing|looking at|with|showing|holding))? (?:an? |the )?(?:same|identical) ${THING}|\b(?:${EVERYONE}|every copy)(?: ([a-z]+))? ${MODAL}ends? up identical\b`,
      "i",
    ),
    converge: true,
  },
  // "every bidder's screen must agree on the current top bid", "every player's screen must agree on where each piece is"
  {
    re: new RegExp(
      String.raw`\b${EVERYONE} ${MODAL}(?:all )?agree on (?:the (?:current |latest )?(?:[a-z]+ )?(?=[a-z]+\b(?! of\b))|where (?:each|every|the) |who (?:holds|has) the (?:current )?(?:[a-z]+ )?)${THING}`,
      "i",
    ),
    converge: true,
  },
];

/** Parties that act rather than are ordered ("two people moving the same guest": what is ordered is the move). */
const PARTY =
  /^(?:people|persons?|users?|players?|customers?|editors?|designers?|bidders?|teammates?|members?|managers?|dispatchers?|writers?|clients?)$/i;

/**
 * The words after a convergence rule that say no change is lost ("and nobody's move may silently vanish") or that the
 * order is agreed too ("and in what order the bids landed"): the same rule says them.
 */
const NO_LOSS =
  /^(?:,?\s+and\s+|\s+)(?:in what order the [a-z]+ (?:landed|arrived|came in|were placed|happened)|no(?:body|one|\s+one)(?:'s|\u2019s)\s+[a-z]+\s+(?:may|can|must|should|will)\s+(?:ever\s+)?(?:be\s+)?(?:silently\s+)?(?:vanish|disappear|lost|dropped|be lost|be dropped|get lost)|without\s+(?:losing\s+any(?:one|body)?(?:'s|\u2019s|s)?\s+[a-z]+|any(?:one|body)(?:'s|\u2019s)\s+[a-z]+\s+(?:disappearing|vanishing|being lost|getting lost)))/i;

/** A noun phrase's head, singular ("top bid" -> bid, "picks" -> pick). */
const headOf = (words: string): string => singular((words.trim().split(/\s+/).pop() ?? "").toLowerCase());

/** The same-order rule a prompt states (its first), if it states one. */
export function parseSameOrder(prompt: string): SameOrderSaid | undefined {
  if (!/\b(?:same|identical|identically|agreed?|converge)\b/i.test(prompt)) return undefined;
  let best: (SameOrderSaid & { at: number }) | undefined;
  for (const { re, converge } of PATTERNS) {
    const m = re.exec(prompt);
    if (!m) continue;
    const words = m[1] ?? m[2];
    // "two people moving the same guest": the thing ordered is the act, said by its gerund
    const act = m[2]?.trim();
    const noun = words ? (PARTY.test(words) && act ? baseOf(act) : headOf(words)) : undefined;
    if (!noun || NOT_A_THING.test(noun)) continue;
    if (best && best.at <= m.index) continue;
    // a state that converges keeps every change: "… and nobody's move may silently vanish" is said by the same rule
    const end = m.index + m[0].length;
    const kept = converge ? NO_LOSS.exec(prompt.slice(end)) : null;
    const quote = onceQuote(prompt, m.index, end + (kept?.[0].length ?? 0));
    best = { kind: "same-order", noun, ...(converge ? { converge } : {}), quote, at: m.index };
  }
  if (!best) return undefined;
  const { at: _at, ...said } = best;
  return said;
}
