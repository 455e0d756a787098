// What recognition reads of the compiled entries (id, name, connections), without the entries themselves:
// `classify` never parses the whole knowledge base (test/knowledge-compile.test.ts).
import { ARCHETYPE_LINKS } from "../../knowledge/generated/archetype-links.js";
import { RECOGNITION_JSON } from "../../knowledge/generated/recognition.js";
import type { Signal } from "./match.js";
import { fromPlain, type PlainRecognition } from "./plain.js";
import { type BranchKind, type Recognition, recognize } from "./recognize.js";
import type { RecognitionKnowledge, SignalLists } from "./signals.js";

let compiled: RecognitionKnowledge | undefined;

/**
 * The recogniser's compiled signals, loaded on first use from the tables the build compiled
 * (src/engine/recognize/compile.ts; a test fails when they are stale).
 */
export function recognitionKnowledge(): RecognitionKnowledge {
  compiled ??= fromPlain(JSON.parse(RECOGNITION_JSON) as PlainRecognition, ARCHETYPE_LINKS);
  return compiled;
}

/**
 * The compiled signals of one of the knowledge tables SignalLists holds, one list per row. `rows` is the
 * table's length now: a table edited since the tables were compiled fails here, clearly, rather than
 * matching prompts against another row's phrases (a test also fails when the tables are stale).
 */
export function compiledSignals(table: keyof SignalLists, rows: number): readonly (readonly Signal[])[] {
  const lists = recognitionKnowledge().lists?.()[table];
  if (lists?.length !== rows)
    throw new Error(
      `the compiled ${table} signals (${lists?.length ?? "none"} rows) do not match the knowledge's ${rows} rows: run \`npm run kb\``,
    );
  return lists;
}
/** The knowledge base's named systems, longest first, as the build sorted them (engine/references.ts systemNamesOf). */
export function compiledSystemNames(): readonly string[] | undefined {
  return recognitionKnowledge().systemNames;
}
let last: { prompt: string; result: Recognition } | undefined;

/** Freezes a value and everything it holds, so a shared answer cannot be changed by a caller. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Branch and ranked archetypes for a prompt, with evidence. Pure and deterministic; the answer is
 * deeply frozen, because the last one is shared with the next caller that asks about the same prompt.
 */
export function classify(prompt: string, opts: { branch?: BranchKind } = {}): Recognition {
  // The field graph asks twice per design (branch, then archetypes); the last answer is reused
  // unless an override forces a different branch. Results are treated as read-only.
  if (last?.prompt !== prompt) last = { prompt, result: deepFreeze(recognize(prompt, recognitionKnowledge())) };
  if (!opts.branch || opts.branch === last.result.branch.kind) return last.result;
  return deepFreeze(recognize(prompt, recognitionKnowledge(), opts));
}

export type { BranchKind, Recognition };
