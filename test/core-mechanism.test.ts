import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { agreeingMitigation } from "../src/engine/fields/bottlenecks.js";
import { NO_INVARIANT } from "../src/engine/fields/mechanism-rows.js";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { contentProblems, saidAloud } from "../src/render/script/check.js";

const said = (d: Design) =>
  saidAloud(writeScript(d, { minutes: 45 }))
    .map((x) => x.text)
    .join(" ");
const clone = (d: Design): Design => structuredClone(d);

const HOTEL = "Design a hotel reservation system that never double-books a room, for 20,000 hotels";
const CACHE = "Design a distributed cache in front of a user-profile database serving 1 million reads per second";

describe("the core mechanism is the hard rule's own guard", () => {
  const hotel = design(HOTEL);
  const text = said(hotel);

  it("a record a feature realizes a guarantee in dives into no substrate's generic write", () => {
    // the room inventory keeps booked <= total in its own transaction: no conditional put on a key value
    expect(hotel.operations.map((o) => o.entity)).not.toContain("KeyValue");
    expect(text).not.toMatch(/key value/i);
  });

  it("names the conditional update and the one transaction that keep booked within total", () => {
    expect(text).toMatch(
      /The core mechanism is a guarded conditional update\. Together with an atomic multi-row transaction, it keeps the hard rule/,
    );
    expect(text).not.toMatch(/core mechanism is a versioned overwrite/);
  });

  it("a cache in front of a database leans on commit-then-delete, not on the store's versioned put", () => {
    const cache = design(CACHE);
    const ops = cache.operations.map((o) => o.phrase);
    expect(ops.some((p) => /^commit the write in the database, then delete the cached copy/.test(p))).toBe(true);
    expect(ops.some((p) => /^conditional put naming the version/.test(p))).toBe(false);
    expect(said(cache)).toMatch(/The core mechanism is an invalidation or purge on change\./);
  });

  it("the script check flags a core mechanism that protects no rule and claims none", () => {
    const d = clone(hotel);
    for (const m of d.mechanisms) if (m.name === "guarded conditional update") m.protects = NO_INVARIANT;
    const script = structuredClone(writeScript(hotel, { minutes: 45 }));
    // the sentence that says what it keeps is gone: nothing ties the mechanism to a rule
    for (const step of script.steps) {
      const at = step.sentences.findIndex((x) => x.startsWith("The core mechanism is"));
      if (at >= 0) step.sentences.splice(at + 1, 1);
    }
    const problems = contentProblems(d, script).map((p) => p.problem);
    expect(problems).toContain("a core mechanism that protects no rule: guarded conditional update");
    expect(contentProblems(hotel, writeScript(hotel, { minutes: 45 }))).toEqual([]);
  });
});

describe("the hotspot is the largest computed load, and no split counter on a bounded key", () => {
  const hotel = design(HOTEL);

  it("the substrates read the rates the feature computed, not their cards' typical loads", () => {
    const input = (id: string) =>
      hotel.capacity.flatMap((c) => c.inputs).find((i) => i.name === id && i.because.includes("stay's"));
    expect(input("requests_per_sec")).toBeDefined();
    expect(input("workflows_per_sec")).toBeDefined();
    const hot = hotel.capacity.find((c) => c.id === "hot_key_ops");
    expect(hot?.value ?? 0).toBeLessThan(10);
  });

  it("the first hotspot is the heaviest computed load, availability search", () => {
    const first = hotel.bottlenecks[0];
    expect(first?.bottleneck).toMatch(/^Availability search/);
    expect(first?.load?.figure).toBe("availability_searches_per_sec");
  });

  it("offers no counter splitting or key salting where a rule bounds a count", () => {
    for (const b of hotel.bottlenecks) expect(b.mitigation).not.toMatch(/split hot counters|salt/i);
    const text =
      "Serve hot reads from replicas or a client-side cache, split hot counters into sub-keys summed on read, and add salt to skewed keys";
    expect(agreeingMitigation(text, [], [], true)).toBe("Serve hot reads from replicas or a client-side cache");
    expect(agreeingMitigation(text, [], [], false)).toBe(text);
  });

  it("coherence flags a split-counter remedy beside a bound", () => {
    expect(checkCoherence(hotel).map((p) => p.rule)).not.toContain("split-counter-on-bound");
    const d = clone(hotel);
    const row = d.bottlenecks[0];
    if (!row) throw new Error("no bottleneck");
    row.mitigation = "Serve hot reads from replicas, and split hot counters into sub-keys summed on read";
    expect(checkCoherence(d).map((p) => p.rule)).toContain("split-counter-on-bound");
  });
});
