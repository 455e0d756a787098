import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { referenceFacts } from "../src/engine/references.js";

describe("a system whose interface the prompt sets aside is the subject (engine/references.ts)", () => {
  it("reads 'not the S3 API, the part underneath' as asking for S3's inside, never a part it rejects", () => {
    for (const [prompt, name] of [
      [
        "Not the S3 API, the part underneath: how would you store objects so they survive disks and whole buildings failing, with eleven nines of durability?",
        "S3",
      ],
      [
        "Not the Kafka protocol, the log underneath: design a replicated log that keeps every acknowledged message through a broker crash.",
        "Kafka",
      ],
      [
        "Skip the front end. Not the S3 interface but the storage under it: keep objects through disk and rack failures.",
        "S3",
      ],
    ] as const) {
      expect(referenceFacts(prompt).subjects, prompt).toContain(name);
      const d = design(prompt);
      expect(
        d.coherence.filter((c) => c.rule === "named-part-rejected"),
        prompt,
      ).toEqual([]);
    }
  });

  it("keeps a system the prompt only uses as a part", () => {
    expect(referenceFacts("Stream our orders into Kafka and index them for search.").subjects).toEqual([]);
  });
});
