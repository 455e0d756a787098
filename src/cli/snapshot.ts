// The entry of the CLI's start-up snapshot (scripts/build-snapshot.ts writes dist/cli/mechsd.blob from it; bin/mechsd
// starts `design`, `script` and `classify` from it). Building runs this file once: the knowledge and the recognition
// tables are loaded and one design is derived and rendered in every form, and Node saves the heap, the compiled
// bytecode of every function that ran included. A run deserialises that heap instead of parsing the bundle, loading
// the knowledge and compiling the functions again, then calls the main function below with the run's arguments.
// What the warm-up leaves behind is only what any design leaves (knowledge loaded, answers kept by their inputs,
// src/engine/design/keep.ts), so a run's output is the same as from the bundle (test/cli-snapshot.test.ts).
import { startupSnapshot } from "node:v8";
import { deriveDesign } from "../engine/design/design.js";
import { classify } from "../engine/recognize/index.js";
import { designBlocks } from "../render/design-doc.js";
import { toMarkdown, toTerminal } from "../render/doc.js";
import { scriptBlocks } from "../render/script/document.js";
import { withScript, writeScript } from "../render/script/index.js";
import "./commands/classify.js";
import "./commands/design.js";
import "./commands/script.js";
import { runCli } from "./run.js";

// not a prompt the start-up bench (bench/speed.ts) or the tests time: they measure a design the warm-up did not derive
const WARM = "Design a key-value store replicated across three regions";
classify(WARM);
const warm = deriveDesign(WARM, []);
if (!warm.ok) throw new Error(warm.error);
const blocks = designBlocks(warm.design);
toMarkdown(blocks);
toTerminal(blocks, { color: false, width: 100 });
JSON.stringify(withScript(warm.design), null, 2);
toTerminal(scriptBlocks(writeScript(warm.design, {})), { color: false, width: 100 });

startupSnapshot.setDeserializeMainFunction(() => {
  // Node 20 gives [node, ...arguments]; later versions put the runtime in the script's place too
  const a = process.argv;
  const args = a[1] === a[0] ? a.slice(2) : a.slice(1);
  void runCli([a[0] as string, "mechsd", ...args]).then((code) => {
    process.exitCode = code;
  });
});
