import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { compileSignal, findSignal, type Signal, splitsCompound } from "../src/engine/recognize/match.js";
import { tokenize } from "../src/engine/recognize/tokens.js";

const product = (text: string) => compileSignal(text, 1, "phrase", { owner: { kind: "product" } }) as Signal;
const archetype = (text: string) =>
  compileSignal(text, 1, "phrase", { owner: { kind: "archetype", id: "I03" } }) as Signal;
const lead = (prompt: string) => classify(prompt).archetypes[0]?.id;

describe("a compound subject's modifier does not complete another product's name", () => {
  it("splits a phrase across the modifier of a compound that names a kind of system", () => {
    const t = tokenize("an online feature store for our models");
    const online = t.findIndex((x) => x.raw === "online");
    const store = t.findIndex((x) => x.raw === "store");
    expect(splitsCompound(t, [online, store])).toBe(true);
    // no kind of system is a "grocery store": an online grocery store is an online store
    const g = tokenize("an online grocery store for our town");
    expect(splitsCompound(g, [g.findIndex((x) => x.raw === "online"), g.findIndex((x) => x.raw === "store")])).toBe(
      false,
    );
  });

  it("reads a product's name only where no compound stands inside it", () => {
    expect(findSignal(tokenize("design an online feature store for ranking models"), product("online store"))).toBe(
      undefined,
    );
    expect(findSignal(tokenize("design an online key-value store for sessions"), product("online store"))).toBe(
      undefined,
    );
    expect(findSignal(tokenize("design an online shoe store"), product("online store"))).toBeDefined();
    expect(findSignal(tokenize("design an online store for shoes"), product("online store"))).toBeDefined();
  });

  it("still reads a property phrase across a compound ('a delayed job queue' is a queue whose jobs wait)", () => {
    expect(findSignal(tokenize("design a delayed job queue"), archetype("delay queue"))).toBeDefined();
  });

  it("leads with the compound's head, in the infra branch", () => {
    const a = classify(
      "Design an online feature store for an insurer's pricing models: each quote reads 200 features per customer within 5 ms, and training jobs fetch the values as they stood on any past day.",
    );
    expect(a.branch.kind).toBe("infra");
    expect(a.archetypes[0]?.id).toBe("I06");
    const b = classify(
      "Build the online feature store behind our ad ranking models, serving the newest features per advertiser in a few milliseconds.",
    );
    expect(b.branch.kind).toBe("infra");
    expect(b.archetypes[0]?.id).toBe("I06");
  });
});

describe("an orchestrator is what the prompt says it orchestrates", () => {
  it("runs a graph of dependent batch tasks as the DAG scheduler (I03)", () => {
    expect(
      lead(
        "Every evening our finance team runs 3,000 reporting pipelines, each a graph of tasks where a task waits until everything upstream is done. Design the orchestrator: tasks share a pool of workers and a crashed orchestrator must not lose or repeat a task.",
      ),
    ).toBe("I03");
    expect(
      lead(
        "Design a pipeline orchestrator for our data lake: thousands of jobs with upstream dependencies run each night, and any day can be rerun.",
      ),
    ).toBe("I03");
  });

  it("keeps a saga or payment orchestration on the workflow with outside effects (I12)", () => {
    expect(
      lead(
        "Design a payment orchestration service that tries a second card processor when the first times out and never charges a buyer twice.",
      ),
    ).toBe("I12");
    expect(
      lead(
        "Design a saga orchestrator for a travel site that books a flight, a hotel and a car with three partners and cancels the earlier bookings if a later one fails.",
      ),
    ).toBe("I12");
    expect(lead("Design a container orchestrator that restarts containers on another machine when one dies.")).toBe(
      "I15",
    );
  });
});

describe("a mailbox store is each account's messages kept by key", () => {
  it("leads with key-scoped state (I16), not a shared subject, for mailbox storage", () => {
    expect(
      lead(
        "Design mailbox storage for a webmail service with 200 million users: folders, read flags and moves made on one phone show up on every other device, and no accepted message is ever lost.",
      ),
    ).toBe("I16");
    expect(
      lead(
        "Design the mail store for a company email system where each mailbox keeps years of messages and every client sees the same folders.",
      ),
    ).toBe("I16");
  });

  it("leaves a document many people edit at once as a shared subject (I13)", () => {
    expect(
      lead(
        "Design a collaborative document editor where several people type into the same document at once and all converge on one text.",
      ),
    ).toBe("I13");
  });
});
