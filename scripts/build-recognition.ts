// The recognition part of the knowledge compile step, called once by scripts/build-kb.ts: writes the
// recogniser's signals, tokenized, stemmed and indexed, to src/knowledge/generated/recognition.ts.
import { fileURLToPath } from "node:url";
import { recognitionSource } from "../src/engine/recognize/compile.js";
import type { Archetype } from "../src/knowledge/schema.js";
import { writeIfChanged } from "./write-generated.js";

export const GENERATED_RECOGNITION = fileURLToPath(
  new URL("../src/knowledge/generated/recognition.ts", import.meta.url),
);

/**
 * Writes the compiled recognition tables when they changed; true when the file was written. The build passes the
 * concept words straight from the archetype folders: the run-time tables read generated/parts.ts, which a new
 * folder only reaches once this build has written it.
 */
export function writeRecognition(
  archetypes: readonly Archetype[],
  concepts?: Readonly<Record<string, readonly string[]>>,
): boolean {
  return writeIfChanged(GENERATED_RECOGNITION, recognitionSource(archetypes, concepts));
}
