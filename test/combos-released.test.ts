import { describe, expect, it } from "vitest";
import { matchCombinations } from "../src/engine/recognize/combos.js";
import { recognitionKnowledge } from "../src/engine/recognize/index.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

/** The read-together rules the shipped tables find in a prompt, with the words each quotes. */
const readings = (prompt: string) => {
  const kb = recognitionKnowledge().combinations;
  if (!kb) throw new Error("no combinations compiled");
  return matchCombinations(tokenize(prompt), kb).map((h) => `${h.signal.text} <${h.quoted}>`);
};

describe("recognition: a hold that is released is a claim taken back", () => {
  it("reads a held, reserved, booked, claimed or assigned thing that is released as a claim given back", () => {
    const prompts: [string, string][] = [
      ["A co-working desk is held for a member until noon and released if they do not check in.", "held … released"],
      [
        "Each parking bay in the garage app is reserved for a driver for 15 minutes, then released.",
        "reserved … released",
      ],
      ["A study room booked by a student is released when nobody badges in.", "booked … released"],
      ["Each print job claims a printer, and the printer is released when the job ends.", "claims … released"],
      ["A lab instrument slot assigned to a researcher is released at the end of the session.", "assigned … released"],
    ];
    for (const [p, words] of prompts)
      expect(
        readings(p).some((r) => r.startsWith("a claim taken back <") && r.includes("released")),
        `${p} (${words})`,
      ).toBe(true);
  });

  it("reads no claim from a release with nothing held", () => {
    for (const p of [
      "Once a song is released its audio file never changes.",
      "The new app version is released to 5% of users first.",
      "Press releases are released on the newsroom page every morning.",
    ])
      expect(
        readings(p).filter((r) => r.startsWith("a claim taken back")),
        p,
      ).toEqual([]);
  });
});
