import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const drawn = (d: ReturnType<typeof designOf>) => new Set(d.components.map((c) => c.archetype));
const thin = (d: ReturnType<typeof designOf>) => checkCoherence(d).filter((p) => p.rule === "thin-part-drawn");

describe("a supporting archetype that joined on too little adds no parts of its own", () => {
  it.each([
    "Design a distributed cron service that runs 50 million scheduled jobs a day; each job must fire within 2 seconds of its scheduled time and never run twice.",
    "Build a scheduler that triggers 10 million timed jobs per day at their due time, each exactly once.",
    "Design a job scheduler that runs cron jobs at their due time.",
  ])("a scheduler's Run row is its lease and its outbox: no lease service or workflow stack (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes.map((a) => a.id)).toEqual(["I03"]);
    expect([...drawn(d)]).toEqual(["I03"]);
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(/Workflow|Outbox relay|Reconciler/);
    expect(d.decisions.map((x) => x.id)).not.toContain("i02-lock-store");
    expect(d.decisions.map((x) => x.id)).not.toContain("i12-handoff");
    expect(d.dataModel.map((x) => x.entity)).not.toContain("OutboxEntry");
    expect(thin(d)).toEqual([]);
  });

  it("the cover names the parts of the lead that play the output's role", () => {
    const d = designOf("Design a job scheduler that runs cron jobs at their due time.");
    const covers = d.archetypes[0]?.covers ?? [];
    expect(covers.map((c) => c.id)).toEqual(["I02", "I12"]);
    expect(covers.find((c) => c.id === "I12")?.because).toMatch(
      /already reaches the outside party itself \(Job target/,
    );
    expect(covers.find((c) => c.id === "I02")?.because).toMatch(/claimed Run is the per-run lease/);
  });

  it.each([
    "Design a metrics alerting system that evaluates 1 million alert rules every 30 seconds and pages on-call within a minute.",
    "Design a log-based alerting system that pages on-call when error rates spike.",
  ])("an alerting pipeline's notifier is its outlet to the pager: no workflow DB or outbox (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes[0]?.covers?.map((c) => c.id)).toContain("I12");
    expect([...drawn(d)]).toEqual(["I18"]);
    // the notifier is drawn as our own alert manager that dedupes, groups and routes to the paging provider
    expect(d.components.map((c) => c.name).join("\n")).toMatch(/Alert manager/);
  });

  it.each([
    [
      "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
      "I13",
    ],
    [
      "Design Google Docs: real-time collaborative editing with up to 50 editors per document and offline edits merged on reconnect.",
      "I16",
    ],
    ["Design a package registry like npm.", "I10"],
    ["Design a timer service that fires callbacks at scheduled times for millions of timers.", "I18"],
  ])("an archetype no card connects to the lead, from a loose phrase, is not drawn (%s)", (prompt, gone) => {
    const d = designOf(prompt);
    expect(d.archetypes.map((a) => a.id)).not.toContain(gone);
    expect(drawn(d).has(gone)).toBe(false);
    const evidence = d.archetypes[0]?.evidence.join("\n") ?? "";
    // a lone pair of words with nothing else for its archetype now ranks too low to be a candidate at all
    // (recognize.ts lonePair): then no line is needed to say why it is not drawn
    // (or the stray-support bar names it first: read only from words the lead is read from, or from stray kinds)
    if (evidence.includes(`${gone} `))
      expect(evidence).toMatch(new RegExp(`${gone} .* is not drawn: (?:neither|it is read only)`));
    expect(thin(d)).toEqual([]);
  });

  it("a drawn part that joined on too little is a coherence problem", () => {
    const d = designOf(
      "Design a multi-region key-value store with active-active writes in three regions and automatic conflict resolution.",
    );
    const lead = d.archetypes[0];
    if (!lead) throw new Error("no lead");
    const bad = {
      ...d,
      archetypes: [
        lead,
        {
          id: "I13" as const,
          name: "Shared Subject Coordination",
          role: "substrate" as const,
          score: 0.4,
          own: 0.4,
          evidence: [],
        },
      ],
      components: [
        ...d.components,
        { ...(d.components[0] as (typeof d.components)[number]), id: "x", archetype: "I13" },
      ],
    };
    expect(thin(bad as typeof d).length).toBe(1);
  });
});

describe("supporting parts a design does need stay", () => {
  it.each([
    ["Design a notification reminder system that sends emails at a user's chosen local time.", "I12"],
    ["Design a lock service like Chubby that hands out coarse-grained locks.", "I01"],
    ["Design a webhook delivery system that calls customer endpoints at scheduled times.", "I03"],
  ])("%s keeps %s", (prompt, kept) => {
    const d = designOf(prompt);
    expect(d.archetypes.map((a) => a.id)).toContain(kept);
    expect(drawn(d).has(kept)).toBe(true);
  });

  it("a chat keeps its presence", () => {
    const d = designOf("Design a chat app with online presence.");
    expect(d.components.map((c) => c.name).join("\n")).toMatch(/Presence/);
  });

  it("a payment behind a booking keeps its outbox", () => {
    const d = designOf(
      "Design a hotel booking system where a room is never booked twice for the same night and payment is charged once.",
    );
    expect(d.dataModel.map((x) => x.entity)).toContain("OutboxEntry");
  });
});

describe("an archetype a feature's own record keeps adds no generic records or decisions", () => {
  const uber =
    "Design Uber's dispatch system: match riders with nearby drivers within 3 seconds, with 1 million drivers sending their location every 4 seconds.";

  it("dispatch's driver state is the lease and its trip rows the key-value state; the payment keeps its outbox", () => {
    const d = designOf(uber);
    const holds = d.components.flatMap((c) => c.holds ?? []);
    for (const e of ["KeyValue", "Lease", "Registration", "LivenessLease"]) expect(holds).not.toContain(e);
    expect(holds).toContain("OutboxEntry");
    const ids = d.decisions.map((x) => x.id);
    for (const x of ["i02-lock-store", "i10-detection", "i16-replication", "i16-ack"]) expect(ids).not.toContain(x);
    expect(ids).toContain("dispatch-offer");
    const i02 = d.archetypes.find((a) => a.id === "I02");
    expect(i02?.evidence.join("\n")).toMatch(/kept in Matching \(ride dispatch\)'s DriverState/);
    expect(thin(d)).toEqual([]);
  });
});
