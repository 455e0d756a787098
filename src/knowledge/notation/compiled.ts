import { COMPILED_FORMULAS } from "../generated/formulas.js";
import { type Expr, parseFormula } from "./formula.js";

/**
 * A formula's syntax tree: the one the knowledge compile step parsed at build time when the formula is part of
 * the knowledge base, otherwise parsed now. The trees are only read (variables, evaluation), never changed.
 */
export function formulaOf(src: string): Expr {
  return Object.hasOwn(COMPILED_FORMULAS, src) ? (COMPILED_FORMULAS[src] as Expr) : parseFormula(src);
}
