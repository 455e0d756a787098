import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseGuarantees } from "../src/engine/nfr-parse.js";
import { fromStatedGuarantee } from "../src/engine/stated-rules.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

const spoken = (d: Design) =>
  writeScript(d, { minutes: 45 })
    .steps.map((x) => x.text)
    .join(" ");
const hard = (d: Design) => spoken(d).match(/The hard rule is this\. ([^.]+\.)/)?.[1];
const core = (d: Design) => spoken(d).match(/The core mechanism is ([^.]+)\./)?.[1];

// paraphrases outside every prompt set
const ORDERS = "Design an order intake service for 3,000 orders per second where an accepted order is never lost.";
const CHAT = "Design a chat backend that stores 1 billion messages a day without losing a single message.";
const BILLING = "Design a billing pipeline that counts every API call exactly once for 200,000 calls per second.";
const SENSORS = "Design a stream processor where each sensor reading is processed exactly once.";

describe("a stated 'never lost' or 'exactly once' guarantee", () => {
  it("is read with its thing, and a conserved quantity or a faculty is no durability rule", () => {
    expect(parseGuarantees(ORDERS)).toEqual([
      { kind: "never-lost", noun: "order", quote: "accepted order is never lost" },
    ]);
    expect(parseGuarantees(CHAT)[0]).toMatchObject({ kind: "never-lost", noun: "message" });
    expect(parseGuarantees("a bank ledger that must never lose a transaction")[0]).toMatchObject({
      kind: "never-lost",
      noun: "transaction",
    });
    expect(parseGuarantees("a photo store where no photo is ever lost")[0]).toMatchObject({
      kind: "never-lost",
      noun: "photo",
    });
    expect(parseGuarantees(BILLING)[0]).toMatchObject({ kind: "exactly-once", noun: "api call", act: "count" });
    expect(parseGuarantees(SENSORS)[0]).toMatchObject({
      kind: "exactly-once",
      noun: "sensor reading",
      act: "process",
    });
    expect(parseGuarantees("an ad click pipeline with exactly-once counting")[0]).toMatchObject({
      kind: "exactly-once",
      noun: "event",
      act: "count",
    });
    // money neither lost nor made is the ledger's conservation rule; losing track is no record lost
    expect(parseGuarantees("a ledger that never loses or creates money")).toEqual([]);
    expect(parseGuarantees("a payment ledger that never loses money")).toEqual([]);
    expect(parseGuarantees("a navigation app that never loses track of the driver")).toEqual([]);
  });

  it("leads the spoken hard rule, its keeper is the core mechanism, and its failure row leads the table", () => {
    for (const [prompt, lead, keeper, name] of [
      [ORDERS, /^No order is ever lost once it is acknowledged\./, "consensus-replication", /consensus replication/],
      [CHAT, /^No message is ever lost once it is acknowledged\./, "consensus-replication", /consensus replication/],
      [BILLING, /^No api call is ever counted twice or lost\./, "projector-checkpoint", /projector with checkpoint/],
      // (this design updates its index in the write path, a decision against the projector, so no core is asked)
      [SENSORS, /^No sensor reading is ever processed twice or lost\./, "projector-checkpoint", undefined],
    ] as const) {
      const d = design(prompt);
      const rule = d.invariants.find((i) => fromStatedGuarantee(i.because));
      expect(rule?.statement, prompt).toMatch(lead);
      expect(rule?.keptBy, prompt).toBe(keeper);
      // the keeper joins the design; a replication companion added for the rule protects it
      expect(
        d.mechanisms.some(
          (m) => m.id === keeper && (keeper !== "consensus-replication" || m.protects === rule?.statement),
        ),
        prompt,
      ).toBe(true);
      expect(d.failures[0]?.source, prompt).toMatch(/^the prompt says '/);
      expect(hard(d), prompt).toMatch(lead);
      if (name) expect(core(d), prompt).toMatch(name);
      expect(checkCoherence(d), prompt).toEqual([]);
    }
  });

  it("coherence catches the rule without its keeper or its failure row (red on a stripped design)", () => {
    const d = design(ORDERS);
    const noKeeper = structuredClone(d);
    noKeeper.mechanisms = noKeeper.mechanisms.filter((m) => m.id !== "consensus-replication");
    expect(checkCoherence(noKeeper).map((p) => p.detail)).toContainEqual(
      expect.stringMatching(/lacks consensus-replication/),
    );
    const noRow = structuredClone(design(SENSORS));
    noRow.failures = noRow.failures.filter((f) => !f.source?.startsWith("the prompt says"));
    expect(checkCoherence(noRow).map((p) => p.detail)).toContainEqual(expect.stringMatching(/no failure row tests it/));
  });
});
