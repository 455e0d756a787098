import type { Design } from "../../engine/design/design.js";

/**
 * Answers about one design remembered while one script is written: the step writers ask the same
 * questions of the design many times (the hottest figure, the spoken failures, the lead mechanism), and
 * each answer is a pure function of the design. The memory lives only inside `forScript`, for that
 * design, so a design changed between two scripts is never answered from an older one.
 */
interface Scope {
  design: Design;
  answers: Map<unknown, Map<unknown, unknown>>;
}
let scope: Scope | undefined;

/** Runs `write` with answers about `d` remembered until it returns. */
export function forScript<T>(d: Design, write: () => T): T {
  const outer = scope;
  scope = { design: d, answers: new Map() };
  try {
    return write();
  } finally {
    scope = outer;
  }
}

/**
 * The answer `compute` gives for (`d`, `question`, `key`), computed once per script; outside `forScript`
 * (or for another design) computed each time. `key` tells apart the answers of one question (the
 * bottleneck asked about); it must identify everything else `compute` reads.
 */
export function perScript<T>(d: Design, question: object, key: unknown, compute: () => T): T {
  if (scope?.design !== d) return compute();
  let known = scope.answers.get(question);
  if (!known) {
    known = new Map();
    scope.answers.set(question, known);
  }
  if (known.has(key)) return known.get(key) as T;
  const answer = compute();
  known.set(key, answer);
  return answer;
}
