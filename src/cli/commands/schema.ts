import { designJsonSchema } from "../../render/design-schema.js";
import { json, writeOut } from "../output.js";

/** Prints the Design contract's JSON Schema (generated from its zod schema); loads zod, so it is loaded lazily. */
export function runSchema(): void {
  writeOut(json(designJsonSchema()));
}
