import { ALIASES } from "../../knowledge/aliases.js";
import type { Deriver } from "../design/graph.js";
import type { Requirement } from "../design/types.js";
import { compileSignal, findSignal, type Signal } from "../recognize/match.js";
import { tokenize } from "../recognize/tokens.js";
import { archetype, depthFor, entityWords } from "./common.js";

let aliasSignals: { signal: Signal; row: (typeof ALIASES)[number] }[] | undefined;
function aliases() {
  aliasSignals ??= ALIASES.flatMap((row) => {
    const signal = compileSignal(row.phrase, 1, "phrase");
    return signal ? [{ signal, row }] : [];
  });
  return aliasSignals;
}

/** Splits a prompt into clauses: "a queue that retries, and parks poison messages" -> two asks. */
export function clauses(prompt: string): string[] {
  return prompt
    .replace(/^\s*(?:please\s+)?(?:design|build|create|implement|architect)\s+/i, "")
    .split(/[,;:.]\s+|\s+(?:that|which|where|so that|and then|and|while|but)\s+/i)
    .map((c) => c.trim().replace(/[.?!]+$/, ""))
    .filter((c) => c.split(/\s+/).length >= 2);
}

/** The alias row whose phrase matches most words of the clause, if any matches. */
export function matchAlias(clause: string): (typeof ALIASES)[number] | undefined {
  const tokens = tokenize(clause);
  let best: { row: (typeof ALIASES)[number]; n: number } | undefined;
  for (const { signal, row } of aliases()) {
    if (findSignal(tokens, signal) && (!best || signal.stems.length > best.n)) best = { row, n: signal.stems.length };
  }
  return best?.row;
}

const TIME_TRIGGER =
  /\b(?:at (?:a |the )?(?:scheduled|given|specific|future) time|scheduled times?|notify (?:me |them |users )?(?:when|at)|remind\w*|after a delay|delayed|expire[sd]? after|in \d+ (?:minutes|hours|days)|every (?:day|night|hour|minute)|nightly|daily|cron)\b/i;

export const requirementsField: Deriver<"requirements"> = {
  field: "requirements",
  category: "Derived",
  reads: ["prompt", "archetypes", "nfrs"],
  rule: "stated asks from the prompt (via the alias table), the archetypes' core write and read paths, their hidden writes, and structures the asks imply",
  derive: (f) => {
    const out: Requirement[] = [];
    const lead = f.archetypes[0];
    if (lead) {
      for (const c of clauses(f.prompt)) {
        const row = matchAlias(c);
        if (!row) continue;
        out.push({
          text: c,
          kind: "stated",
          archetype: lead.id,
          because: `the prompt asks to '${c}', which the alias table reads as '${row.phrase}' (${row.operation})`,
          alias: { phrase: row.phrase, operation: row.operation, interaction: row.interaction, hidden: row.hidden },
        });
      }
    }
    f.archetypes.forEach((ra, i) => {
      const a = archetype(ra.id);
      const depth = depthFor(ra.role, i);
      const lead = ra.role === "dominant" || (i === 0 && ra.role === "substrate");
      const writes = a.writePaths.filter((w) => !w.hidden);
      const chosen = lead
        ? writes
        : [...writes.filter((w) => w.critical), ...writes.filter((w) => !w.critical)].slice(0, depth);
      for (const w of chosen) {
        out.push({
          text: `${w.action} (${entityWords(w.entity)})`,
          kind: "core",
          archetype: a.id,
          because: `${a.id} ${a.name} as ${ra.role} writes ${w.entity} this way`,
          path: { shape: w.shape, entity: w.entity, mechanism: w.mechanism, critical: w.critical, hidden: false },
        });
      }
      for (const w of a.writePaths.filter((x) => x.hidden && (lead || x.critical))) {
        out.push({
          text: `${w.action} (${entityWords(w.entity)})`,
          kind: "hidden",
          archetype: a.id,
          because: `nobody asks for it, but ${a.id} must keep ${w.entity} current for the visible paths to stay correct`,
          path: { shape: w.shape, entity: w.entity, mechanism: w.mechanism, critical: w.critical, hidden: true },
        });
      }
      const reads = lead ? a.readPaths : [];
      for (const r of reads) {
        out.push({
          text: `${r.action} (${entityWords(r.entity)})`,
          kind: "core",
          archetype: a.id,
          because: `${a.id} serves this read from ${r.shape === "read source" ? "the authority" : "a derived copy"}`,
          path: { shape: r.shape, entity: r.entity, critical: false, hidden: false },
        });
      }
    });
    if (lead && TIME_TRIGGER.test(f.prompt) && !f.archetypes.some((a) => a.id === "I03")) {
      const m = TIME_TRIGGER.exec(f.prompt)?.[0] ?? "a time";
      out.push({
        text: "store each future action with its due time and release it when due",
        kind: "implied",
        archetype: lead.id,
        because: `'${m}' means a stored future constraint plus a trigger that fires it, even though no timer was named`,
        path: { shape: "create target", entity: "DueItem", mechanism: "due-time-index", critical: true, hidden: false },
      });
    }
    if (lead && f.nfrs.delivery.value === "exactly-once" && f.nfrs.delivery.source !== "default") {
      out.push({
        text: "remember each request id with its outcome so a retry is answered instead of applied again",
        kind: "implied",
        archetype: lead.id,
        because: `exactly-once effect (${f.nfrs.delivery.because}) needs a durable record of what was already applied`,
        path: {
          shape: "create target",
          entity: "AppliedRequest",
          mechanism: "idempotency-key",
          critical: true,
          hidden: true,
        },
      });
    }
    if (lead && f.nfrs.regions.value > 1) {
      out.push({
        text: `replicate authoritative state to ${f.nfrs.regions.value} regions`,
        kind: "implied",
        archetype: lead.id,
        because: `${f.nfrs.regions.because}: every write also becomes cross-region replication work`,
        path: {
          shape: "async process",
          entity: "ReplicationStream",
          mechanism: f.nfrs.consistency.value === "linearizable" ? "consensus-replication" : "async-replication",
          critical: false,
          hidden: true,
        },
      });
    }
    return out;
  },
};
