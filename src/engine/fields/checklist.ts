import { CHECKLIST } from "../../knowledge/checklist.js";
import type { Deriver } from "../design/graph.js";
import type { ChecklistRow, Fields } from "../design/types.js";
import { leftOutState, withoutLeftOut } from "./decisions.js";

type Answer = { answer: string; complete: boolean; missing?: string };

/** One answer per seed question, in the seed's order. */
const ANSWERS: ((f: Readonly<Fields>) => Answer)[] = [
  (f) =>
    f.primaryState.length > 0
      ? { answer: f.primaryState.map((s) => `${s.entity} (${s.authority})`).join("; "), complete: true }
      : {
          answer: "no source-of-truth entity was derived",
          complete: false,
          missing: "a recognised archetype with a critical write path",
        },
  (f) => {
    const c = f.scopes.find((s) => s.concern === "coordination");
    return c
      ? { answer: `${c.scope}: ${c.why}`, complete: true }
      : { answer: "no scope derived", complete: false, missing: "a dominant archetype" };
  },
  (f) => {
    const o = f.scopes.find((s) => s.concern === "ordering");
    const p = f.predicates.find((x) => x.id === "ordering-matters");
    if (!o || !p) return { answer: "not derived", complete: false, missing: "a dominant archetype" };
    return { answer: p.holds ? `at ${o.scope} scope: ${o.why}` : `nowhere it matters: ${p.because}`, complete: true };
  },
  (f) => {
    const ex = f.scopes.filter((s) => s.concern === "exclusivity");
    const owners = [...f.baseMechanisms, ...f.companions]
      .filter((m) => m.family === "ownership control")
      .map((m) => m.name);
    if (ex.length === 0) return { answer: "not derived", complete: false, missing: "a dominant archetype" };
    const where = ex.map((s) => `${s.archetype}: ${s.scope} (${s.why})`).join("; ");
    return { answer: owners.length > 0 ? `${where}; enforced by ${owners.join(", ")}` : where, complete: true };
  },
  (f) => {
    const stale = f.readPaths.filter((r) => r.servedBy !== "authority").map((r) => `${r.read} (${r.staleness})`);
    const fresh = f.readPaths.filter((r) => r.servedBy === "authority").map((r) => r.read);
    if (f.readPaths.length === 0)
      return { answer: "no read path derived", complete: false, missing: "the read paths of the dominant archetype" };
    return {
      answer: `may be stale: ${stale.length > 0 ? stale.join("; ") : "nothing"}; must be fresh: ${fresh.length > 0 ? fresh.join("; ") : "nothing read here decides correctness"}`,
      complete: true,
    };
  },
  (f) => {
    const crash = f.failures.find((x) => /crash|dies|pause|dead|stops/i.test(x.failure));
    return crash
      ? { answer: `${crash.failure}: ${crash.prevention}; then ${crash.repair}`, complete: true }
      : {
          answer: "no crash failure derived",
          complete: false,
          missing: "a failure mode for a crashed holder, leader or worker",
        };
  },
  (f) => {
    const b = f.bottlenecks[0];
    if (!b) return { answer: "no bottleneck derived", complete: false, missing: "the archetype's scaling bottlenecks" };
    const answer = `${b.bottleneck}; mitigate with ${b.mitigation}${b.estimate ? ` (${b.estimate})` : ""}`;
    // With a capacity section every figure is sized (stated or assumed), so nothing is missing.
    if (b.estimate || !b.formula || f.capacity.length > 0) return { answer, complete: true };
    return { answer, complete: true, missing: `state the numbers to size it: ${b.formula}` };
  },
];

export const checklistField: Deriver<"checklist"> = {
  field: "checklist",
  category: "Output",
  reads: [
    "primaryState",
    "scopes",
    "predicates",
    "baseMechanisms",
    "companions",
    "readPaths",
    "failures",
    "bottlenecks",
    "capacity",
    "operations",
    "decisions",
  ],
  rule: "the seven infra questions, each answered from the fields that decide it (the state and reads the decisions leave: a record whose every writer a chosen option ruled out and that a rejected option draws, or a read of it in the words the chosen one excludes, is not asked about); an empty answer is marked incomplete with what is missing",
  derive: (f) => {
    const left = leftOutState(f.decisions, f.operations);
    const carried: Readonly<Fields> = left.none
      ? f
      : {
          ...f,
          primaryState: withoutLeftOut(f.primaryState, left),
          readPaths: withoutLeftOut(f.readPaths, left, (r) => r.read),
        };
    return CHECKLIST.map((q, i): ChecklistRow => {
      const a = (
        ANSWERS[i] ?? (() => ({ answer: "no rule answers this question", complete: false, missing: "a rule" }))
      )(carried);
      const row: ChecklistRow = { question: q.question, answer: a.answer, complete: a.complete };
      if (a.missing) row.missing = a.missing;
      return row;
    });
  },
};
