import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { STRAY_KINDS, strayOnly } from "../src/engine/recognize/evidence-kinds.js";
import { classify } from "../src/engine/recognize/index.js";

const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const notDrawn = (prompt: string) => classify(prompt).archetypes[0]?.notDrawn ?? [];

describe("a supporting archetype read only from stray words is not drawn", () => {
  // beds "queued for cleaning": a verb form of 'queue' says what happens to beds, not that there is a log
  const beds =
    "Design the backend for a hospital bed assignment board: beds are queued for cleaning after discharge, each bed can be assigned to one patient at a time, and ward nurses see changes within 2 seconds.";
  const kiosks =
    "Design a conference badge printing service: attendees are queued at kiosks, each badge is printed once, and printers that stop answering are skipped within 10 seconds.";

  it.each([beds, kiosks])("a verb form of a part's noun adds no card, and the lead's row says why (%s)", (prompt) => {
    expect(ids(prompt)).not.toContain("I05");
    const nd = notDrawn(prompt).find((n) => n.id === "I05");
    expect(nd).toMatchObject({ rule: "stray-evidence", words: ["queued"] });
    expect(nd?.kinds).toContain("word-form");
    expect(classify(prompt).archetypes[0]?.evidence.join("\n")).toContain(
      "is not drawn: it is read only from 'queued'",
    );
  });

  it("the part named in its own words is drawn", () => {
    const prompt =
      "Design the backend for a hospital bed assignment board where cleaning requests go through a message queue, and each bed can be assigned to one patient at a time.";
    expect(ids(prompt)).toContain("I05");
    expect(notDrawn(prompt)).toEqual([]);
  });

  it("words read together across the prompt's phrases add no card", () => {
    const prompt =
      "Design the registration backend for a domain name registrar. Thousands of buyers race for expiring names at the moment they drop, a domain must never be registered to two customers, 40,000 availability checks per second must be answered within 50 ms, and a registration is final only once the registry operator confirms it.";
    expect(ids(prompt)).not.toContain("I04");
    expect(ids(prompt)).not.toContain("I10");
    const nd = notDrawn(prompt);
    // I04 is not read at all since the pass over a set asks for many items ('a domain' is one domain)
    expect(nd.find((n) => n.id === "I10")?.kinds).toContain("loose-combo");
  });

  it("the design draws no component of a part not drawn, and every component stays on a link", () => {
    const r = deriveDesign(beds);
    if (!r.ok) throw new Error(r.error);
    const d = r.design;
    expect(d.components.map((c) => c.archetype)).not.toContain("I05");
    const linked = new Set(d.links.flatMap((l) => [l.from, l.to]));
    for (const c of d.components) expect(linked.has(c.name) || linked.has(c.id)).toBe(true);
  });

  it("only the stray kinds make a reading stray, and a reading needs a word of the prompt", () => {
    expect([...STRAY_KINDS].sort()).toEqual([
      "concept",
      "condition",
      "learned",
      "loose-combo",
      "other-property",
      "rule-part",
      "split-clause",
      "time-word",
      "word-form",
    ]);
    expect(strayOnly(["loose-combo", "concept"])).toBe(true);
    expect(strayOnly(["combo"])).toBe(false);
    expect(strayOnly(["word-form", "phrase"])).toBe(false);
    expect(strayOnly(["learned"])).toBe(false);
    expect(strayOnly([])).toBe(false);
  });
});

describe("a supporting archetype read from words the design already accounts for is not drawn", () => {
  const kindsOf = (prompt: string, id: string) => notDrawn(prompt).find((n) => n.id === id);

  it("a word that only says when the clients' work runs is no due-time release ('nightly', 'night')", () => {
    const leases =
      "Design a lease manager so that each of 200 databases is backed up by exactly one nightly job at a time, even if a job's host pauses.";
    expect(ids(leases)).not.toContain("I03");
    expect(kindsOf(leases, "I03")).toMatchObject({ rule: "stray-evidence", words: ["nightly"], kinds: ["time-word"] });
    const rooms = "Design a hotel booking service where two guests can never book the same room for the same night.";
    expect(ids(rooms)).not.toContain("I03");
    expect(kindsOf(rooms, "I03")?.kinds).toContain("time-word");
  });

  it("the clients named after 'for' are not a fleet to run, nor their work a part ('for 800 ETL workers')", () => {
    const etl =
      "Design a lock service for 800 ETL workers that load partitions of a reporting database, where each partition is written by one worker at a time.";
    expect(classify(etl).archetypes[0]?.id).toBe("I02");
    expect(ids(etl)).not.toContain("I06");
    expect(kindsOf(etl, "I06")).toMatchObject({ rule: "served-words", words: ["etl"] });
    expect(kindsOf(etl, "I06")?.because).toContain(
      "'for 800 etl workers that load partitions of a reporting database'",
    );
    const batch =
      "Design a lock service for 800 batch workers that load partitions of a reporting database, where each partition is written by one worker at a time.";
    expect(ids(batch)).not.toContain("I15");
    expect(kindsOf(batch, "I15")?.rule).toBe("served-words");
    expect(kindsOf(batch, "I15")?.because).toContain("'for 800 batch workers that load");
  });

  it("a clause whose verb agrees with the plural clients says what they work on; one that may be the head's does not", () => {
    const warehouse =
      "Design a lock service for 600 batch workers that rebuild partitions of a data warehouse, where each partition is rebuilt by one worker at a time.";
    expect(ids(warehouse)).not.toContain("I06");
    expect(kindsOf(warehouse, "I06")).toMatchObject({ rule: "served-words", words: ["data warehouse"] });
    const crawler = "Design a search engine for our intranet that crawls every internal wiki page weekly.";
    expect(ids(crawler)).toContain("I04");
  });

  it("a requirement read only from the lead's own words adds no card", () => {
    // read within one clause: 'concurrent … same' of "concurrent strokes on the same canvas" (written "everyone sees
    // the same canvas and concurrent strokes merge", the two words stand in two clauses: clause-reading.test.ts)
    const prompt =
      "Design a collaborative whiteboard for design teams where concurrent strokes on the same canvas merge the same way for everyone.";
    expect(classify(prompt).archetypes[0]?.id).toBe("I13");
    expect(ids(prompt)).not.toContain("I02");
    expect(kindsOf(prompt, "I02")).toMatchObject({ rule: "lead-words" });
  });

  it("a support stated in its own words elsewhere in the prompt stays", () => {
    // the workers here are a pool the prompt asks to grow and shrink, said outside the phrase naming the clients
    const prompt = "Design a job scheduler that runs tasks at set times on a pool of workers it can grow and shrink.";
    expect(ids(prompt)).toContain("I15");
    const registry = "Design a package registry whose package files are stored in a replicated blob store.";
    expect(ids(registry)).toContain("I19");
  });

  it("words read together across a list's 'and' are from different items", () => {
    const prompt =
      "Exchange rates change once a minute but are read millions of times; keep copies near every app server and refresh them when the source changes.";
    expect(ids(prompt)).not.toContain("I06");
  });
});
