// The protocol notation belongs to the knowledge layer (src/knowledge/notation/protocol.ts); this re-export
// keeps the engine's older import path for modules that still use it.
export * from "../knowledge/notation/protocol.js";
