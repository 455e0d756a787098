import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import type { DecisionRow } from "../src/engine/design/types.js";
import {
  mergeDataRows,
  oneDecisionPerQuestion,
  sameCall,
  sameQuestion,
  shownDecisions,
  translate,
} from "../src/engine/roles.js";
import { design, designBlocks, toMarkdown } from "../src/lib/index.js";

const DOCS =
  "Design a collaborative document editor like Google Docs where 50 people can edit the same document at once and every editor converges to the same text.";
const CRON =
  "Design a distributed cron service that runs 2 million scheduled jobs a day and never runs the same job twice for one schedule slot, even when a worker crashes.";

const option = (id: string, name: string) => ({ id, name, buys: "", costs: "", winsWhen: "" });
const decision = (id: string, chosen: string, names: [string, string]): DecisionRow => ({
  id,
  question: `${id}?`,
  options: [option("ot", names[0]), option("crdt", names[1])],
  chosen,
  because: "",
  wouldFlipIf: "",
  inputs: [],
  drives: true,
  source: "derived",
  archetype: id,
});

describe("one role, one row (engine/roles.ts)", () => {
  it("calls with the same verb on the same record are one call; other records are other calls", () => {
    expect(sameCall({ operation: "submit" }, { operation: "submit an operation" })).toBe(true);
    expect(sameCall({ operation: "open" }, { operation: "open a document" })).toBe(true);
    expect(sameCall({ operation: "open documents" }, { operation: "open a document" })).toBe(true);
    expect(sameCall({ operation: "accept an order" }, { operation: "accept an offer" })).toBe(false);
    expect(sameCall({ operation: "sync" }, { operation: "submit an operation" })).toBe(false);
  });

  it("a feature's record joins the lead's under the feature's name, in the lead's columns, keeping every field", () => {
    const row = mergeDataRows(
      {
        entity: "Operation",
        key: ["document_id", "seq"],
        fields: ["client_id", "op"],
        indexes: [],
        owner: "op-log",
        archetype: "I13",
      },
      {
        entity: "DocOperation",
        key: ["doc_id", "revision"],
        fields: ["author_id", "op", "base_revision"],
        indexes: ["(doc_id, client_op_id) unique"],
        owner: "op-log",
        archetype: "collab-docs",
      },
    );
    expect(row.entity).toBe("DocOperation (Operation)");
    expect(row.key).toEqual(["document_id", "seq"]);
    expect(row.fields).toEqual(["client_id", "op", "author_id", "base_seq"]);
    expect(row.indexes).toEqual(["(document_id, client_op_id) unique"]);
  });

  it("a short or generic column is renamed only whole", () => {
    expect(translate("principal_id", new Map([["id", "document_id"]]))).toBe("principal_id");
    expect(translate("id", new Map([["id", "document_id"]]))).toBe("document_id");
  });

  it("decisions with the same options in the same words are one question; same ids in other words are not", () => {
    const a = decision("i13-merge", "ot", ["operational transformation with a sequencer", "CRDTs on every replica"]);
    const b = decision("collab-merge", "ot", ["operational transformation through a server", "CRDTs merged anywhere"]);
    const c = decision("other", "ot", ["one table", "two tables"]);
    expect(sameQuestion(a, b)).toBe(true);
    expect(sameQuestion(a, c)).toBe(false);
    expect(oneDecisionPerQuestion([a, b, c]).map((x) => [x.row.id, x.also])).toEqual([
      ["i13-merge", ["collab-merge"]],
      ["other", []],
    ]);
    // answered differently, both stay, and coherence names the contradiction
    const flipped = { ...b, chosen: "crdt" };
    expect(shownDecisions([a, flipped]).map((x) => x.id)).toEqual(["i13-merge", "collab-merge"]);
    expect(checkCoherence({ ...design(DOCS), decisions: [a, flipped] }).map((p) => p.rule)).toContain(
      "decision-asked-twice",
    );
  });
});

describe("a product feature on its lead archetype's parts adds no second model", () => {
  const d = design(DOCS);

  it("one operation record, one snapshot record, one submit and one open", () => {
    const entities = d.dataModel.map((r) => r.entity);
    expect(entities).toContain("DocOperation (Operation)");
    expect(entities).toContain("DocSnapshot (SubjectSnapshot)");
    expect(entities.filter((e) => /Operation\b/.test(e))).toHaveLength(1);
    expect(d.api.filter((a) => /^submit\b/.test(a.operation))).toHaveLength(1);
    expect(d.api.filter((a) => /^open\b/.test(a.operation))).toHaveLength(1);
    // every field of both, in the lead's column names
    const op = d.dataModel.find((r) => r.entity === "DocOperation (Operation)");
    expect(op?.fields).toEqual(expect.arrayContaining(["client_id", "client_seq", "author_id", "created_at"]));
    expect(d.dataModel.flatMap((r) => r.key)).not.toContain("doc_id");
    // the box holds the record once
    const log = d.components.find((c) => c.id === op?.owner);
    expect(log?.holds.filter((h) => /Operation/.test(h))).toHaveLength(1);
  });

  it("the decisions section shows the merge question once, naming both ids", () => {
    const md = toMarkdown(designBlocks(d));
    expect(md).toContain("(i13-merge, also collab-merge)");
    expect(md).not.toMatch(/\(collab-merge\)/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("an override of either id answers the one question for both", () => {
    for (const id of ["i13-merge", "collab-merge"]) {
      const o = design("Design a collaborative document editor like Google Docs.", [`decision.${id}=crdt`]);
      expect(o.decisions.filter((x) => /merge$/.test(x.id)).map((x) => x.chosen)).toEqual(["crdt", "crdt"]);
      expect(checkCoherence(o)).toEqual([]);
    }
  });

  it("a paraphrase keeps one model too", () => {
    const p = design("Design Google Docs: real-time collaborative editing with up to 50 editors per document.");
    expect(p.dataModel.filter((r) => /Operation\b/.test(r.entity))).toHaveLength(1);
    expect(p.api.filter((a) => /^submit\b/.test(a.operation))).toHaveLength(1);
  });
});

describe("one quantity, one value across models' bottlenecks", () => {
  it("a fleet another model sizes is that model's figure, said once", () => {
    const d = design(CRON);
    const workers = d.bottlenecks.filter(
      (b) => /workers/.test(b.formula ?? "") && /\(workers\)$/.test(b.formula ?? ""),
    );
    expect(workers).toHaveLength(1);
    expect(checkCoherence(d).filter((p) => p.rule === "quantity-two-values")).toEqual([]);
  });

  it("coherence names a bottleneck sizing a named figure's quantity at another value", () => {
    const d = design(CRON);
    const fig = d.capacity.find((c) => c.id === "workers_needed");
    expect(fig).toBeDefined();
    const second = {
      bottleneck: "Fleet size",
      mitigation: "autoscale",
      archetype: "I15" as const,
      rank: "next" as const,
      formula: "workers needed (Little's law) = tasks_per_sec * task_seconds / slots_per_worker (workers)",
      estimate:
        "workers needed (Little's law) = tasks_per_sec * task_seconds / slots_per_worker 2 workers, with tasks_per_sec = 23.1",
    };
    const rules = checkCoherence({ ...d, bottlenecks: [...d.bottlenecks, second] }).map((p) => p.rule);
    expect(rules).toContain("quantity-two-values");
  });
});
