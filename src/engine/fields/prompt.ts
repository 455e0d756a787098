import type { Deriver } from "../design/graph.js";

export const promptField: Deriver<"prompt"> = {
  field: "prompt",
  category: "Given",
  reads: [],
  rule: "the prompt as given, whitespace normalised",
  derive: (_f, input) => input.prompt,
};
