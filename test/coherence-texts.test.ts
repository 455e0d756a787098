import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { entityWords } from "../src/engine/fields/common.js";
import { invariantEntities, keyedEntities, touchedEntities } from "../src/engine/fields/mechanism-rows.js";
import { type Design, design } from "../src/lib/index.js";

// The coherence rules that scan the design's text read each field's JSON once per check (and afresh at the next);
// a mechanism's keyed entities skip reasons without " id". These are the same answers as the plain scans.

const PROMPTS = [
  "Design a payment service that charges cards exactly once at 2,000 payments per second",
  "Design a distributed lock service",
  "Design a chat app with group messages and read receipts",
  "Design a log aggregation pipeline that ingests 2 TB a day",
];

describe("coherence over the design's text", () => {
  it("subject leftovers and party facts see each field as it is at each check", () => {
    const d = structuredClone(design("Design a log aggregation pipeline that ingests 2 TB a day"));
    const found = () =>
      checkCoherence(d)
        .filter((p) => p.rule === "subject-leftover" || p.rule === "party-fact-elsewhere")
        .map((p) => `${p.rule}: ${p.detail}`);
    expect(found()).toEqual([]);
    const op = d.operations[0];
    const inv = d.invariants[0];
    if (!op || !inv) throw new Error("a log pipeline has operations and invariants");
    const [phrase, statement] = [op.phrase, inv.statement];
    // a field both rules read (operations) and one only the party rule reads after the shared ones (invariants)
    op.phrase = `${phrase}, scraped from each series`;
    inv.statement = `${statement}; the device folds repeats by their collapse key`;
    expect(found()).toEqual([
      "subject-leftover: operations speaks of a metrics pipeline ('scraped') in a design that is about logs",
      "party-fact-elsewhere: the design says 'device folds', true of the platform push gateways (APNs, FCM) only, but its effects reach no outside party",
    ]);
    op.phrase = phrase;
    inv.statement = statement;
    expect(found()).toEqual([]);
  });

  it("subject leftovers and party facts read the fields' text as their own JSON", () => {
    const d = structuredClone(design("Design a log aggregation pipeline that ingests 2 TB a day"));
    const rules = () => checkCoherence(d).map((p) => `${p.rule}: ${p.detail}`);
    expect(rules().filter((r) => /^(?:subject-leftover|party-fact-elsewhere)/.test(r))).toEqual([]);
    const row = d.bottlenecks[0];
    if (!row) throw new Error("a log pipeline has bottlenecks");
    row.mitigation = `${row.mitigation}; scrape targets every 15 s`;
    expect(rules()).toContain(
      "subject-leftover: bottlenecks speaks of a metrics pipeline ('scrape') in a design that is about logs",
    );
  });

  it("keyed entities are those a plain pattern per operation finds", () => {
    const plain = (because: readonly string[], ops: Design["operations"]) => {
      const text = because.join(" ").toLowerCase();
      return new Set(
        ops
          .filter((op) =>
            new RegExp(
              `\\b(?:per|under|by|carries) (?:the |its |an? |each )?${entityWords(op.entity).toLowerCase()}(?:'s)? id\\b`,
            ).test(text),
          )
          .map((op) => op.entity),
      );
    };
    let keyed = 0;
    for (const p of [...PROMPTS, "Design a money transfer service between accounts, each transfer once"]) {
      const d = design(p);
      const entities = [...new Set(d.operations.map((o) => o.entity))];
      const reasons = [
        ...d.mechanisms.map((m) => m.because),
        ...entities.map((e) => [`recognised once per ${entityWords(e)} id`]),
        ...entities.map((e) => [`Under the ${entityWords(e)}'s ID`]),
        ...entities.map((e) => [`keyed by the ${entityWords(e)} identity`]),
      ];
      for (const because of reasons) {
        const want = plain(because, d.operations);
        keyed += want.size;
        expect([...keyedEntities(because, d.operations)], `${p}: ${because.join(" | ")}`).toEqual([...want]);
      }
    }
    expect(keyed).toBeGreaterThan(10);
  });

  it("a source path is named with the place of its string, however deep", () => {
    const d = structuredClone(
      design("Design a payment service that charges cards exactly once at 2,000 payments per second"),
    );
    const paths = () =>
      checkCoherence(d)
        .filter((p) => p.rule === "source-path-in-text")
        .map((p) => p.detail.split(":")[0]);
    expect(paths()).toEqual([]);
    const row = d.capacity.find((c) => c.inputs.length > 1);
    const input = row?.inputs[1];
    if (!row || !input) throw new Error("a payment design has a figure with two inputs");
    // a string in an array of objects, beside numbers, under a row found by its index
    input.because = `${input.because} (see src/engine/capacity.ts)`;
    d.requirements.push({ ...(d.requirements[0] as (typeof d.requirements)[number]), text: "kept in parties.ts" });
    expect(paths()).toEqual([
      `requirements[${d.requirements.length - 1}].text`,
      `capacity[${d.capacity.indexOf(row)}].inputs[1].because`,
    ]);
    // a frozen value (as a kept one is) is found at every check, and one without a path never hides another's
    const trace = d.trace.map((t) => Object.freeze({ ...t }));
    d.trace = trace;
    d.trace[1] = Object.freeze({ ...(trace[1] as (typeof trace)[number]), rule: "written in render/doc.ts" });
    for (let i = 0; i < 2; i++)
      expect(paths()).toEqual([
        `requirements[${d.requirements.length - 1}].text`,
        `capacity[${d.capacity.indexOf(row)}].inputs[1].because`,
        "trace[1].rule",
      ]);
    d.trace = [...trace.slice(0, 2), Object.freeze({ ...(trace[2] as (typeof trace)[number]), rule: "see cli/x" })];
    expect(paths()).toContain("trace[2].rule");
  });

  it("a source path in a field derived for the design is found by each of its forms alone", () => {
    const base = design("Design a payment service that charges cards exactly once at 2,000 payments per second");
    // a field not frozen is walked only where its JSON text holds one of the pattern's literals: each form, with no
    // other path in the design, is found
    for (const said of ["src/x", "knowledge/x", "engine/x", "render/x", "cli/x", "server/x", "parties.ts"]) {
      const d = structuredClone(base);
      d.requirements.push({ ...(d.requirements[0] as (typeof d.requirements)[number]), text: `kept in ${said}` });
      const found = checkCoherence(d)
        .filter((p) => p.rule === "source-path-in-text")
        .map((p) => p.detail.split(":")[0]);
      expect(found, said).toEqual([`requirements[${d.requirements.length - 1}].text`]);
    }
  });

  it("the entities a reason or a rule names are those each operation alone gives", () => {
    let touched = 0;
    for (const p of PROMPTS) {
      const d = design(p);
      // one operation at a time: nothing is skipped, so this is the plain scan in operation order
      const plain = (one: (ops: typeof d.operations) => ReadonlySet<string>) => [
        ...new Set(d.operations.flatMap((op) => [...one([op])])),
      ];
      // each mechanism's reasons, and a reason quoting each operation (a later step of an entity named by its phrase)
      for (const because of [
        ...d.mechanisms.map((m) => m.because),
        ...d.operations.map((o) => [`${o.phrase}: a step`]),
      ]) {
        const want = plain((ops) => touchedEntities(because, ops));
        touched += want.length;
        expect([...touchedEntities(because, d.operations)], `${p}: ${because.join(" | ")}`).toEqual(want);
      }
      for (const inv of d.invariants)
        expect([...invariantEntities(inv, d.operations)], `${p}: ${inv.statement}`).toEqual(
          plain((ops) => invariantEntities(inv, ops)),
        );
    }
    expect(touched).toBeGreaterThan(10);
  });
});
