import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { shortName } from "../src/engine/fields/common.js";
import { hardRuleAnswerProblems, leakedGlosses, recordsNamed } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { functionWordCut, relativeFragment, shapeProblems } from "../src/render/script/shapes.js";
import { clauses } from "../src/render/script/speak.js";

/** Prompts of our own wording (none of the held-out graders' sets), each of a different kind. */
const PROMPTS = [
  "Build a lock service for 2,000 cron workers so that no job lock is ever held by two workers at the same time.",
  "Design a key-value store like Cassandra with three replicas and tunable consistency.",
  "Design a push notification system that sends 50 million notifications a day; nobody may receive the same notification twice.",
  "Design a configuration push system for 20,000 hosts with staged rollout and rollback within two minutes.",
  "Design a service that hands out unique 64-bit ids, roughly sorted by time, to 500 application servers.",
  "Design a ticket booking site where a seat is never sold to two buyers.",
  "Design a pipeline that transcodes uploaded videos into several resolutions and publishes them only when every rendition is done.",
  "Design a time-series metrics store that ingests 2 million samples a second from 50,000 hosts.",
  "Design a dentist appointment booking app for patients.",
];
const scripts = PROMPTS.map((p) => {
  const d = design(p);
  return { d, s: writeScript(d), p };
});

describe("the spoken script sounds like a candidate", () => {
  it("step 3 names the authoritative record and at most two more, and points at the table for the rest", () => {
    for (const { d, s, p } of scripts) {
      const st = s.steps[2];
      expect(st, p).toBeDefined();
      if (!st) continue;
      // the body names few records; the data model's others are asked about, not read out
      // (the lead's key and partition key and at most two more records' keys; a table read aloud said one per record)
      expect((st.text.match(/\b(?:keyed|partitioned) by\b/g) ?? []).length, p).toBeLessThanOrEqual(4);
      expect(
        st.sentences.filter((x) => recordsNamed(d, x).length > 3),
        p,
      ).toEqual([]);
      expect(st.words, p).toBeLessThan(125);
      if (d.dataModel.length > 3) {
        expect(st.text, p).toMatch(/in the data-model table\./);
        expect(
          st.followUps.some((f) => f.question === "What are the other records?"),
          p,
        ).toBe(true);
      }
      // never a record's field list read after its key ("It carries the version and the deleted time")
      expect(st.text, p).not.toMatch(/\bIt (?:carries|stores) the /);
    }
  });

  it("a record is glossed only by what it is in this design's subject", () => {
    for (const { d, s, p } of scripts) expect(leakedGlosses(d, s), p).toEqual([]);
    const kv = scripts[1];
    expect(JSON.stringify(kv?.s)).not.toMatch(/logout or revocation/);
    // a configuration rollout is never a software deployment's move between releases
    const config = scripts[3]?.d;
    expect(config?.primaryState.map((r) => r.description).join(" ")).not.toMatch(/from a release to another/);
  });

  it("no sentence or clause stops on a function word, and no relative clause is said alone", () => {
    for (const { s, p } of scripts)
      expect(
        shapeProblems(s)
          .filter((x) => x.shape === "cut on a function word" || x.shape === "relative fragment")
          .map((x) => `${x.shape}: ${x.sentence}`),
        p,
      ).toEqual([]);
  });

  it("the hard-rule answer names a mechanism the design's table says keeps that rule", () => {
    for (const { d, s, p } of scripts) expect(hardRuleAnswerProblems(d, s), p).toEqual([]);
  });
});

describe("the builders that made the fragments", () => {
  it("a relative clause stays with its noun, or is left unsaid, never a sentence of its own", () => {
    const said = clauses(
      "No half-written asset is ever published: outputs go only under a staging prefix, which no player, CDN or API follows, and the asset becomes visible through one conditional write of its manifest pointer, made last, after every task of every rendition is done and verified.",
      34,
    );
    expect(said.some((x) => /^Which\b/.test(x))).toBe(false);
    expect(said[0]).toContain("staging prefix, which no player, CDN or API follows");
    expect(said.some((x) => /^And\b/.test(x))).toBe(false);
  });

  it("a name cut at eight words never ends on a word that waits for more", () => {
    expect(
      shortName("accept a notification for a user under its notification id, so a retried send is answered once"),
    ).toBe("accept a notification for a user");
    expect(shortName("advance the workflow to its next state and record the effect it needs")).toBe(
      "advance the workflow to its next state",
    );
    // a name whole as written keeps its particle
    expect(shortName("let a member sign in")).toBe("let a member sign in");
  });

  it("hears a clause cut on a function word and a lone relative clause, and leaves English alone", () => {
    expect(functionWordCut("To accept a notification for a user under its, the write records a claim.")).toBeDefined();
    expect(functionWordCut("It holds the owner, the version and the merged into.")).toBeDefined();
    expect(functionWordCut("Send the run id as the key the target deduplicates by.")).toBeUndefined();
    expect(functionWordCut("That's about 5 thousand messages a second on each.")).toBeUndefined();
    expect(functionWordCut("Key-scoped reads are served by any replica, a short lag behind.")).toBeUndefined();
    expect(relativeFragment("Which no player, CDN or API follows.")).toBeDefined();
    expect(relativeFragment("Which live instance owns each worker id, with an expiry.")).toBeDefined();
    expect(relativeFragment("Which other writes are there?")).toBeUndefined();
    expect(relativeFragment("That one is kept by a fencing token.")).toBeUndefined();
  });
});
