import { COMPILED_FORMULAS } from "../generated/formulas.js";
import { type Expr, parseFormula } from "./formula.js";
import { type ParsedProtocol, type ParseResult, parseProtocol } from "./protocol.js";

/**
 * A formula's syntax tree: the one the knowledge compile step parsed at build time when the formula is part of
 * the knowledge base, otherwise parsed now. The trees are only read (variables, evaluation), never changed.
 */
export function formulaOf(src: string): Expr {
  return Object.hasOwn(COMPILED_FORMULAS, src) ? (COMPILED_FORMULAS[src] as Expr) : parseFormula(src);
}

const PROTOCOLS = new Map<string, Readonly<ParseResult<Readonly<ParsedProtocol>>>>();

/**
 * A protocol notation's parse, made once per notation: the notations are the knowledge base's own (topologies,
 * features), so the table stays as small as the catalogue. The result is frozen, so a reader that wants to
 * change a step copies it first.
 */
export function protocolOf(notation: string): Readonly<ParseResult<Readonly<ParsedProtocol>>> {
  let hit = PROTOCOLS.get(notation);
  if (!hit) {
    const r = parseProtocol(notation);
    if (r.ok) {
      for (const s of r.value.steps) Object.freeze(s);
      Object.freeze(r.value.steps);
      Object.freeze(r.value.outcomes);
      Object.freeze(r.value);
    }
    hit = Object.freeze(r);
    // a notation from outside the knowledge base (a library caller's) is parsed but not kept past the catalogue's size
    if (PROTOCOLS.size < 4096) PROTOCOLS.set(notation, hit);
  }
  return hit;
}
