import { describe, expect, it } from "vitest";
import { OFFLINE_EDITS } from "../src/knowledge/patterns.js";
import { design } from "../src/lib/index.js";

// A merge decision whose own flip condition ("editing must continue offline") the prompt states in its own words
// chooses the option that merges without a sequencer: these phrasings were missed, and a sequencer was chosen beside
// a prompt that asks for offline edits.
const OFFLINE = new RegExp(OFFLINE_EDITS, "i");
const merge = (p: string) => design(p).decisions.find((r) => r.id === "i13-merge");

// invented prompts, each saying offline editing in a way the words missed before
const EDITED_OFFLINE = [
  "Design a collaborative notes app where people keep editing on a plane without internet and their changes merge when they reconnect.",
  "Design a shared packing-list app for a scout troop: everyone ticks and adds items at once, sometimes offline at the campsite, and every phone must end with the same list.",
  "Design a collaborative document editor for a newsroom where reporters edit the same story together, some of them offline in the field for hours.",
];
// invented counter-examples: a participant that drops and catches up, a member marked offline, a server always reached
const NOT_OFFLINE_EDITS = [
  "In our online chess club, every move must be applied in one agreed order, and a player who drops and reconnects catches up from where they left.",
  "Show which teammates are online, and mark someone offline within 20 seconds of their laptop going to sleep.",
  "Design a collaborative document editor where people edit the same page together in real time, always connected to our servers.",
];

describe("offline edits said in the prompt's own words pick the merge without a sequencer", () => {
  it.each(EDITED_OFFLINE)("reads offline editing: %s", (p) => {
    expect(OFFLINE.test(p)).toBe(true);
    const row = merge(p);
    expect(row?.chosen).toBe("crdt");
    // the reason quotes the prompt
    expect(row?.winning?.find((w) => w.option === "crdt")?.says.join(" ")).toMatch(/the prompt says '/);
  });

  it.each(NOT_OFFLINE_EDITS)("a disconnect that is no offline edit is not read so: %s", (p) => {
    expect(OFFLINE.test(p)).toBe(false);
  });

  it("an editor with no offline edits keeps one sequencer per document (counter-example)", () => {
    expect(merge(NOT_OFFLINE_EDITS[2] as string)?.chosen).toBe("ot");
  });
});
