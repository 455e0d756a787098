import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import {
  coreProblems,
  phrasingProblems,
  placementProblems,
  saidAloud,
  spliceProblems,
} from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { oneForm, phraseForm, subjectlessPredicate } from "../src/render/script/speak.js";
import type { Script } from "../src/render/script/types.js";

/** A one-step script saying `sentences`, for the lint alone. */
const scriptOf = (...sentences: string[]): Script =>
  ({
    steps: [{ step: 3, sentences, followUps: [], text: sentences.join(" ") }],
  }) as unknown as Script;

const problems = (s: Script) => phrasingProblems(s).map((p) => p.problem);

describe("garbles the lint hears", () => {
  it("an article before a preposition or a verb phrase, and 'It gives' before a verb", () => {
    expect(problems(scriptOf("It holds the rules, the with traffic-split weights and the as published."))).toContain(
      "an article before a preposition: the with",
    );
    expect(problems(scriptOf("Three reads matter most: the start playing the video and viewing it."))).toContain(
      "an article before a verb phrase: the start playing",
    );
    expect(problems(scriptOf("The other is the invite people."))).toContain(
      "an article before a verb phrase: the invite people",
    );
    expect(problems(scriptOf("Let me draw the apply a change sequence, with who asks whom."))).toContain(
      "an article before a verb phrase: the apply a",
    );
    expect(problems(scriptOf("It gives computes and streams route snapshots to every sidecar."))).toContain(
      "a verb after 'It gives': computes",
    );
    // a noun with a reduced relative clause, a hyphenated word and a product's noun phrase are not garbles
    expect(
      problems(
        scriptOf(
          "The lock a client holds expires.",
          "The first hotspot is the on-sale event's partition.",
          "It gives messages partitioned by chat and ordered by sequence number.",
          "It holds the off variation and the version.",
        ),
      ),
    ).toEqual([]);
  });

  it("a rule's gap said as the engine's diagnostic, or credited right after saying none keeps it", () => {
    const d = design(
      "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
    );
    const bad = scriptOf(
      "The origin object write it sits on refuses nothing that breaks it: no mechanism in this design keeps it yet.",
      "No mechanism in this design keeps the hard rule on the origin object from step four yet.",
      "It protects this rule.",
    );
    const found = coreProblems(d, bad).map((p) => p.problem);
    expect(found).toContain("an internal gap diagnostic said aloud");
    expect(found).toContain("a rule credited to a mechanism right after saying none keeps it");
  });
});

describe("the writers say an action as an action", () => {
  it("a verb the closed list missed, a third person before a plural object, a second joined verb", () => {
    expect(oneForm(["view the video", "start playing a video"]).items).toEqual([
      "viewing the video",
      "starting to play a video",
    ]);
    expect(oneForm(["create a meeting", "invite people and record their replies"]).items).toEqual([
      "creating a meeting",
      "inviting people and recording their replies",
    ]);
    expect(oneForm(["deliver the event", "charges cards"]).items).toEqual(["delivering the event", "charging cards"]);
    expect(oneForm(["apply the change", "re-indexes the document"]).items).toEqual([
      "applying the change",
      "re-indexing the document",
    ]);
    // a word before "of" heads a noun phrase
    expect(phraseForm("set of replicas")).toBe("noun");
    expect(subjectlessPredicate("Stores tickets, pools them, and calls the match function")).toBe(true);
    expect(subjectlessPredicate("Sources, staged outputs and published renditions as whole objects")).toBe(false);
  });

  // the corpus prompts the graders quoted, and prompts of kinds in no set (paraphrases and related kinds)
  const PROMPTS = [
    "Design a load balancer.",
    "Design YouTube.",
    "Design a calendar service like Google Calendar for 500 million users where a meeting room can never be double-booked.",
    "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
    "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends and keeps existing connections on their backend when backends are added or removed.",
    "Design a parking-spot reservation system where a spot can never be reserved by two drivers for the same hour.",
    "Design a music streaming service where listeners start playing a song within 200 ms.",
    "Design a webinar platform where hosts invite people and track their replies.",
  ];
  it("no garble, core or placement problem on the graded prompts and on kinds in no set", () => {
    for (const p of PROMPTS) {
      const d = design(p);
      const s = writeScript(d, { minutes: 45 });
      expect(
        [...phrasingProblems(s), ...spliceProblems(s), ...coreProblems(d, s), ...placementProblems(d, s)].map(
          (x) => `${x.problem} || ${x.sentence}`,
        ),
        p,
      ).toEqual([]);
    }
  });

  it("a stated rule nothing keeps is never disowned aloud, and no core is named for it", () => {
    const d = design(
      "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
    );
    const said = saidAloud(writeScript(d, { minutes: 45 })).map((x) => x.text);
    const unkept = d.invariants.some((i) => i.statement.endsWith("no mechanism in this design keeps it yet."));
    if (!unkept) return; // another lane may give the rule its keeper: then nothing here applies
    expect(said.filter((x) => /^Nothing in this design enforces\b/.test(x))).toHaveLength(0);
    expect(said.some((x) => /refuses nothing|no mechanism in this design/i.test(x))).toBe(false);
    expect(said.some((x) => /^The core mechanism is\b/.test(x))).toBe(false);
  });

  it("says where a path runs as the worksheet's execution context does", () => {
    const d = design("Design an L7 load balancer with health checks and weighted routing.");
    const s = writeScript(d, { minutes: 45 });
    expect(placementProblems(d, s)).toEqual([]);
    // a path moved to another place than the design's is heard
    const moved = { ...s, steps: s.steps.map((x) => ({ ...x })) } as Script;
    const path = d.context.paths.find((p) => p.runsIn === "request path");
    if (path) {
      const step = moved.steps[4];
      if (step) step.sentences = [`Control loops cover ${oneForm([path.path.replace(/\s*\([^)]*\)$/, "")]).items[0]}.`];
      expect(placementProblems(d, moved).length).toBeGreaterThan(0);
    }
  });
});
