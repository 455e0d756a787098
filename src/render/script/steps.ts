import type { Design } from "../../engine/design/design.js";
import { PREDICATES } from "../../knowledge/predicates.js";
import {
  actionName,
  andList,
  bodyOf,
  COMFORT_WORDS,
  clauses,
  countWords,
  entityWords,
  enumerate,
  firstClause,
  headOf,
  lowerFirst,
  numberWord,
  orList,
  sentence,
  speakable,
  speakFigure,
  speakInput,
  speakNumber,
  titleWords,
  withArticle,
} from "./speak.js";
import type { DiagramCue, FollowUp, Line } from "./types.js";

/** What one step contributes before timing: its sentences, a diagram cue, a check-in and follow-ups. */
export interface StepDraft {
  lines: Line[];
  cue?: DiagramCue;
  checkIn?: string;
  followUps: FollowUp[];
}

const core = (text: string | undefined): Line[] => (text ? [{ text: sentence(text), keep: "core" }] : []);
const detail = (text: string | undefined): Line[] => (text ? [{ text: sentence(text), keep: "detail" }] : []);
/** A cell spoken whole, one sentence per clause: the first is `keep`, the rest are details. */
const spoken = (cell: string | undefined, keep: Line["keep"] = "core", max = 2, words = RULE_WORDS): Line[] =>
  cell
    ? clauses(cell, words)
        .slice(0, max)
        .map((text, i) => ({ text, keep: i === 0 ? keep : "detail" }))
    : [];

const isRead = (op: string) => op === "read source" || op === "read projection";
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** A guarantee as a phrase: "linearizable consistency", "at-least-once delivery", "failing closed under a partition". */
function guarantee(kind: string, value: string): string {
  if (kind === "availability")
    return value === "fail-closed" ? "failing closed under a partition" : "staying available under a partition";
  if (kind === "ordering") return value === "none" ? "no ordering" : `${value} ordering`;
  return `${value} ${kind}`;
}

/** The reason inside a default's explanation: "not stated; I02's default … (reason)" -> "reason". */
function defaultReason(because: string | undefined): string | undefined {
  if (!because) return undefined;
  const m = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(because);
  return m?.[1];
}

/** A component's spoken name: "Brokers: partition leaders" -> "brokers". */
function boxName(name: string): string {
  return lowerFirst(speakable(name).split(": ")[0] ?? name);
}

/** A component's spoken name with "the": "Lock service (5-node group)" -> "the lock service". */
function theName(name: string): string {
  const n = boxName(name);
  return /^(the|a|an)\s/i.test(n) ? n : `the ${n}`;
}

/** The spoken name of the authoritative record: "the lease", "the partition log". */
function stateName(d: Design): string | undefined {
  const s = d.primaryState[0];
  return s ? `the ${entityWords(s.entity)}` : undefined;
}

/** Short names of phrases, each a complete spoken phrase; phrases with no complete short name are left out. */
const names = (phrases: readonly string[]): string[] => uniq(phrases.map(actionName).filter((n) => n.length > 0));

function criticalNames(d: Design): string[] {
  return names(d.criticalPaths.map((p) => p.name));
}

/** The operations of the dominant archetype's critical paths: what the spoken mechanisms must protect. */
function dominantCritical(d: Design): Set<string> {
  const dominant = d.archetypes[0]?.id;
  return new Set(
    d.criticalPaths.filter((p) => !dominant || p.archetype === dominant).flatMap((p) => [p.name, ...p.operations]),
  );
}

/** Longest hard rule said as one sentence: the rule everything else protects is worth a longer breath. */
const HARD_RULE_WORDS = 34;

/** A rule said as sentences; a trailing condition ("…, as long as X") becomes its own "That holds as long as X". */
function sayRule(statement: string): string[] {
  const said = clauses(statement, HARD_RULE_WORDS);
  if (said.length > 0) return said;
  const m = /^(.*),\s+((?:as long as|unless|provided|even if|even after)\s.*)$/.exec(speakable(statement));
  if (!m?.[1] || !m[2]) return [];
  const main = clauses(m[1], HARD_RULE_WORDS);
  const tail = clauses(`That holds ${m[2]}`, HARD_RULE_WORDS);
  return main.length === 1 ? [...main, ...tail] : [];
}

/** An invariant the archetype states itself, as opposed to one restating a default guarantee. */
const ownRule = (i: Design["invariants"][number]): boolean =>
  !/^(delivery|consistency|ordering|availability) is/.test(i.because);

/**
 * The hard rule step 4 states and step 6 refers back to: the first rule the dominant archetype states
 * for its critical state that can be said aloud, with the sentences that say it.
 */
function hardRule(d: Design): { statement: string; said: string[] } | undefined {
  const dominant = d.archetypes[0]?.id;
  const ranked = uniq([
    ...d.invariants.filter((i) => ownRule(i) && i.archetype === dominant).map((i) => i.statement),
    ...d.invariants.filter(ownRule).map((i) => i.statement),
    ...d.invariants.map((i) => i.statement),
  ]);
  for (const statement of ranked) {
    const said = sayRule(statement);
    if (said.length > 0) return { statement, said };
  }
  return undefined;
}

/**
 * The mechanism the design leans on: among the base mechanisms on the dominant archetype's critical
 * paths, the one that protects the hard rule (the first critical write's own mechanism when it does).
 */
function leadMechanism(d: Design): Design["mechanisms"][number] | undefined {
  const base = d.mechanisms.filter((m) => m.kind === "base");
  const dominant = d.archetypes[0]?.id;
  const critical = dominantCritical(d);
  const hard = hardRule(d)?.statement;
  const named = d.operations
    .filter((o) => o.critical && !o.hidden && o.archetype === dominant && o.mechanism)
    .map((o) => base.find((m) => m.id === o.mechanism))
    .filter((m): m is Design["mechanisms"][number] => m !== undefined);
  const onPath = base.filter((m) => m.because.some((b) => critical.has(b.split(": ")[0] ?? "")));
  return (
    named.find((m) => m.protects === hard) ??
    onPath.find((m) => m.protects === hard) ??
    named[0] ??
    onPath[0] ??
    base[0]
  );
}

/* ---- 1. Normalise ---- */
function normalise(d: Design): StepDraft {
  const lead = d.archetypes[0];
  const lines: Line[] = [];
  const features = uniq(d.features.map((f) => lowerFirst(speakable(f.name))));
  // A product-first design starts from what users do: the features first, the substrates under them.
  const featureLed = d.branch.kind === "product" && features.length > 0;
  if (featureLed)
    lines.push(
      ...core("This is a product prompt, so I'll start from what users do"),
      ...core(`The product is built from ${enumerate("feature", "features", features, 4)}`),
    );
  if (lead) {
    lines.push(
      ...(featureLed ? detail : core)(
        featureLed
          ? `Under them, the pattern that carries the most correctness is ${titleWords(lead.name)}`
          : d.branch.kind === "product"
            ? `This is a product prompt, so I'll design the infrastructure under it, led by ${titleWords(lead.name)}`
            : `At heart this is ${titleWords(lead.name)}`,
      ),
    );
    const others = d.archetypes.slice(1, 4);
    const roles = uniq(others.map((a) => a.role));
    for (const role of roles) {
      const names = others.filter((a) => a.role === role).map((a) => titleWords(a.name));
      lines.push(
        ...detail(
          `${names.length === 1 ? "One more pattern joins as" : `${numberWord(names.length)} more join as`} ${role}${names.length === 1 ? "" : "s"}: ${andList(names)}`,
        ),
      );
    }
  }
  if (features.length > 0 && !featureLed)
    lines.push(...core(`The product is built from ${enumerate("feature", "features", features, 4)}`));
  // Critical writes first, so the ones named when a list is cut short are the ones that matter.
  const critFirst = <T extends { critical: boolean }>(xs: T[]): T[] => [
    ...xs.filter((o) => o.critical),
    ...xs.filter((o) => !o.critical),
  ];
  const writes = names(critFirst(d.operations.filter((o) => !o.hidden && !isRead(o.operation))).map((o) => o.phrase));
  const hidden = names(critFirst(d.operations.filter((o) => o.hidden)).map((o) => o.phrase));
  const reads = names(d.operations.filter((o) => isRead(o.operation)).map((o) => o.phrase));
  if (writes.length > 0) lines.push(...core(enumerate("write matters", "writes matter", writes, 3)));
  if (hidden.length > 0)
    lines.push(...core(enumerate("hidden write keeps them valid", "hidden writes keep them valid", hidden, 2)));
  if (reads.length > 0) lines.push(...detail(enumerate("read", "reads", reads, 3)));
  const n = d.nfrs;
  const assumed = (["consistency", "delivery", "availability"] as const).filter(
    (k) => n.sources[k]?.source === "default",
  );
  const stated = (["consistency", "delivery", "availability", "ordering"] as const).filter(
    (k) => n.sources[k]?.source !== "default",
  );
  if (stated.length > 0)
    lines.push(...core(`The prompt asks for ${andList(stated.map((k) => guarantee(k, String(n[k]))))}`));
  if (assumed.length > 0)
    lines.push(...core(`Where it is silent, I'll assume ${andList(assumed.map((k) => guarantee(k, String(n[k]))))}`));
  const scale = Object.entries(n.scale);
  if (scale.length > 0)
    lines.push(
      ...core(
        `The numbers given are ${andList(scale.slice(0, 3).map(([k, v]) => `${speakNumber(v)} ${k.replace(/[_-]/g, " ")}`))}`,
      ),
    );
  const stance = assumed.includes("availability") ? n.availability : undefined;
  const checkIn = stance
    ? `Before I go on: does that scope match, and should it ${stance === "fail-closed" ? "refuse requests" : "keep answering"} when the network splits?`
    : "Before I go on: does that scope match what you want, or should I focus on one path?";
  const followUps: FollowUp[] = [];
  const why = defaultReason(n.sources.consistency?.because);
  if (assumed.length > 0 && why)
    followUps.push({
      question: `Why assume ${andList(assumed.map((k) => guarantee(k, String(n[k]))))}?`,
      answer: clauses(why).slice(0, 2).join(" "),
    });
  if (writes.length > 3)
    followUps.push({
      question: "Which other writes are there?",
      answer: sentence(andList(writes.slice(3))),
    });
  const h = d.operations.find((o) => o.hidden && actionName(o.phrase));
  if (h)
    followUps.push({
      question: `Why is "${actionName(h.phrase)}" a write at all?`,
      answer: sentence(
        `Nobody asks for it, but the ${entityWords(h.entity)} must stay current or the visible paths stop being correct`,
      ),
    });
  return { lines, checkIn, followUps };
}

/* ---- 2. Critical state and scopes ---- */
function scopesStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const critical = uniq(d.criticalPaths.flatMap((p) => d.operations.filter((o) => p.operations.includes(o.phrase))));
  const entities = uniq(critical.map((o) => entityWords(o.entity)));
  if (entities.length > 0)
    lines.push(
      ...core(`The state that must never be wrong is ${andList(entities.slice(0, 3).map((e) => `the ${e}`))}`),
    );
  const paths = criticalNames(d);
  const it = entities.length > 1 ? "them" : "it";
  if (paths.length > 0)
    lines.push(...core(enumerate(`path writes ${it}`, `paths write ${it}`, paths, 3, "that matter most")));
  const sc = (c: string) => d.scopes.find((s) => s.concern === c);
  const o = sc("ordering");
  const e = sc("exclusivity");
  const k = sc("coordination");
  const parts: string[] = [];
  const same = [o, e, k].filter((x) => x !== undefined);
  if (same.length === 3 && same.every((x) => x.scope === o?.scope))
    parts.push(`order, ownership and agreement all hold per ${o?.scope}`);
  else {
    const ordered = o && o.scope !== "none" ? o : undefined;
    if (o && !ordered) parts.push("order does not matter");
    if (ordered && e && ordered.scope === e.scope) parts.push(`order and ownership hold per ${ordered.scope}`);
    else {
      if (ordered) parts.push(`order holds per ${ordered.scope}`);
      if (e) parts.push(`ownership holds per ${e.scope}`);
    }
    if (k) parts.push(`agreement is needed per ${k.scope}`);
  }
  if (parts.length > 0) lines.push(...core(andList(parts)));
  const reason = e ?? o;
  if (reason) lines.push(...spoken(reason.why, "core", 1));
  if (k && k !== reason) lines.push(...spoken(k.why, "detail", 1));
  const followUps: FollowUp[] = [];
  if (e)
    followUps.push({
      question: `Why per ${e.scope} and not globally?`,
      answer: clauses(e.why).slice(0, 2).join(" ") || sentence(e.why),
    });
  const cp = d.criticalPaths[0];
  const touching = cp ? names(cp.operations.slice(1)) : [];
  if (cp && actionName(cp.name) && touching.length > 0)
    followUps.push({
      question: `What else touches ${actionName(cp.name)}?`,
      answer: sentence(`${andList(touching)}, and ${touching.length === 1 ? "it shares" : "they share"} its rules`),
    });
  return { lines, followUps };
}

/* ---- 3. Smallest primary state (the HLD is drawn here) ---- */
function primaryStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const s = d.primaryState[0];
  const name = stateName(d);
  const owner = s ? d.components.find((c) => c.holds.includes(s.entity)) : undefined;
  if (s && name) {
    lines.push(
      ...core(
        owner
          ? `The authoritative state is ${name}, kept in ${theName(owner.name)}`
          : `The authoritative state is ${name}`,
      ),
    );
    const others = d.primaryState.slice(1, 3).map((p) => `the ${entityWords(p.entity)}`);
    if (others.length > 0) lines.push(...detail(`Beside it, ${andList(others)}`));
    // The record's description is the one place a longer sentence is worth it: it lists the fields.
    lines.push(...spoken(s.description, "core", 2, 32));
  }
  const model = s ? d.dataModel.find((m) => m.entity === s.entity) : undefined;
  if (model && model.key.length > 0)
    lines.push(
      ...detail(
        model.partitionKey && model.key.length === 1 && model.key[0] === model.partitionKey
          ? `${name ? `${sentence(name).slice(0, -1)} is` : "It is"} keyed and partitioned by ${speakable(model.partitionKey)}`
          : `${name ? `${sentence(name).slice(0, -1)} is` : "It is"} keyed by ${andList(model.key.map((k) => speakable(k)))}${model.partitionKey ? `, partitioned by ${speakable(model.partitionKey)}` : ""}`,
      ),
    );
  lines.push(...core("Everything else I draw can be rebuilt from it"));
  const hld = d.diagrams.find((g) => g.kind === "hld");
  let cue: DiagramCue | undefined;
  if (hld) {
    const boxes = uniq(d.components.slice(0, 5).map((c) => boxName(c.name)));
    cue = {
      kind: "hld",
      title: hld.title,
      say:
        boxes.length >= 2
          ? `Let me draw this. ${sentence(enumerate("box", "boxes", boxes, 5))}`
          : `Let me draw this: clients on the left, the service in the middle, ${name ?? "the state"} on the right.`,
    };
  }
  const followUps: FollowUp[] = [];
  if (s && name)
    followUps.push({
      question: `What exactly is in ${name}?`,
      answer: model
        ? sentence(
            `It is keyed by ${andList(model.key.map(speakable))} and holds ${andList(model.fields.slice(0, 5).map(speakable))}`,
          )
        : (clauses(s.description)[0] ?? sentence(name)),
    });
  if (s)
    followUps.push({
      question: "Why keep it that small?",
      answer:
        [firstClause(s.because.replace(/^[^;]*;\s*/, ""))].find((a) => a && /rebuil|deriv|small|only/i.test(a)) ??
        sentence("Everything else is derived, so it can be rebuilt rather than kept in sync"),
    });
  return { lines, cue, followUps };
}

/** A rule longer than this is said as two sentences where a new clause starts. */
const RULE_WORDS = 26;

/* ---- 4. Hard invariants ---- */
function invariantsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const hard = hardRule(d);
  if (hard) {
    lines.push(...core("The hard rule is this"), ...core(hard.said[0]));
    // a condition the rule depends on ("That holds as long as …") is part of the rule, not a detail
    lines.push(...(hard.said[1]?.startsWith("That holds") ? core : detail)(hard.said[1]));
  }
  const more = uniq(d.invariants.map((i) => i.statement)).filter((st) => st !== hard?.statement);
  const said = more.map((r) => clauses(r, RULE_WORDS)[0]).filter((c): c is string => Boolean(c));
  if (said.length > 0) lines.push(...core(hard ? "Then the rules on the other paths" : "The rules are these"));
  said.slice(0, 4).forEach((c, i) => {
    lines.push({ text: c, keep: i === 0 ? "core" : "detail" });
  });
  const followUps: FollowUp[] = [];
  if (hard) {
    // the mechanisms on the visible critical writes, not on background clean-up that shares the path
    const critical = dominantCritical(d);
    const writesOn = new Set(
      d.operations
        .filter((o) => !o.hidden && critical.has(o.phrase))
        .flatMap((o) => (o.mechanism ? [o.mechanism] : [])),
    );
    const spoken = new Set(
      spokenMechanisms(d)
        .filter((m) => m.id === leadMechanism(d)?.id || writesOn.has(m.id))
        .map((m) => m.id),
    );
    const guards = d.mechanisms
      .filter((m) => m.protects === hard.statement && spoken.has(m.id))
      .sort((x, y) => (x.id === leadMechanism(d)?.id ? -1 : y.id === leadMechanism(d)?.id ? 1 : 0))
      .map((m) => lowerFirst(speakable(m.name)));
    if (guards.length > 0)
      followUps.push({
        question: "How do you enforce the hard rule?",
        answer: sentence(`With ${andList(uniq(guards).slice(0, 3).map(withArticle))}`),
      });
  }
  return { lines, followUps };
}

/* ---- 5. Execution context (the request path as API calls) ---- */
function contextStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const by = (k: string) => names(d.context.paths.filter((p) => p.runsIn === k).map((p) => p.path));
  const req = by("request path");
  const worker = by("async worker");
  const loop = by("control loop");
  if (req.length > 0) lines.push(...core(`In the request path, ${andList(req.slice(0, 3))}`));
  if (worker.length > 0) lines.push(...core(`In async workers, ${andList(worker.slice(0, 3))}`));
  if (loop.length > 0) lines.push(...core(`In control loops, ${andList(loop.slice(0, 3))}`));
  if (d.api.length > 0) {
    const calls = d.api.slice(0, 4).map((a) => speakable(a.operation));
    lines.push(...core(`A client sees ${enumerate("call", "calls", calls, 4)}`));
    const guard = d.api.find((a) => a.request.some((r) => /request.?id|token|version|offset|idempotency/i.test(r)));
    if (guard) {
      const f = guard.request.filter((r) => /request.?id|token|version|offset|idempotency/i.test(r));
      lines.push(
        ...detail(
          `${sentence(speakable(guard.operation)).slice(0, -1)} carries ${andList(f.map((x) => withArticle(speakable(x))))}`,
        ),
      );
    }
  }
  lines.push(...spoken(d.context.retries, "core", 1));
  lines.push(...spoken(d.context.clocks, "detail", 1));
  const stance = d.nfrs.availability;
  lines.push(...core(`Under a partition it ${stance === "fail-closed" ? "fails closed" : "stays available"}`));
  const why = defaultReason(d.nfrs.sources.availability?.because);
  if (why) lines.push(...spoken(why, "detail", 1));
  lines.push(...spoken(d.context.regions, "detail", 1));
  const critical = criticalNames(d)[0];
  const failure = d.failures[0] ? headOf(d.failures[0].failure) : undefined;
  const checkIn =
    critical && failure
      ? `That's the frame. Shall I go deep on ${critical}, or on ${failure}?`
      : critical
        ? `That's the frame. Shall I go deep on ${critical}?`
        : "That's the frame. Where would you like me to go deep?";
  const followUps: FollowUp[] = [
    { question: "What if a client retries?", answer: clauses(d.context.retries)[0] ?? sentence(d.context.retries) },
    {
      question: "What does a crash in the middle look like?",
      answer: clauses(d.context.crashes).slice(0, 2).join(" ") || sentence(d.context.crashes),
    },
  ];
  return { lines, checkIn, followUps };
}

/** The companion predicate a mechanism was pulled in by: "duplicate-retry-matters: …" -> "duplicate-retry-matters". */
const predicateOf = (m: Design["mechanisms"][number]): string => (m.because[0] ?? "").split(":")[0] ?? "";

/**
 * The mechanisms worth saying aloud: base mechanisms on a critical path of the dominant archetype, and
 * companions pulled in because of one of those paths (their reason quotes it). The rest are for follow-ups.
 */
function spokenMechanisms(d: Design): Design["mechanisms"] {
  const critical = dominantCritical(d);
  const lead = leadMechanism(d);
  const onPath = (b: string) => critical.has(b.split(": ")[0] ?? "");
  const quotes = (b: string) => [...b.matchAll(/'((?:[^']|'(?=[a-z]))+)'/g)].some((m) => critical.has(m[1] ?? ""));
  return d.mechanisms.filter(
    (m) => m === lead || (m.kind === "base" ? m.because.some(onPath) : m.because.some(quotes)),
  );
}

/** Varied ways to say "this condition adds that companion", so a list of them does not sound read out. */
const ADD_LEADS = ["So I add", "That calls for", "So the design needs", "That brings in"];

/** The spoken reason a predicate pulls in companions, from the predicate table's own sentence. */
function predicateReason(id: string): string | undefined {
  return PREDICATES.find((p) => p.id === id)?.holdsWhen;
}

/** "Exactly once" said as what it is built from, when the design asks for it or makes an external effect. */
function exactlyOnce(d: Design): Line[] {
  const ids = new Set(d.mechanisms.map((m) => m.id));
  const external = ids.has("idempotent-receiver") && ids.has("reconciliation-loop");
  if (external)
    return [
      ...core("Exactly once is not something the network gives us"),
      ...core(
        "It is at-least-once delivery, plus a receiver that applies each effect id once, plus reconciliation that repairs any outcome we never heard back",
      ),
    ];
  if (d.nfrs.delivery === "exactly-once")
    return core("Exactly once here means at-least-once delivery plus a receiver that ignores repeats");
  return [];
}

/* ---- 6. Shapes and mechanisms (the critical sequence is drawn here) ---- */
function mechanismsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const spokenSet = spokenMechanisms(d);
  const base = spokenSet.filter((m) => m.kind === "base");
  const companions = spokenSet.filter((m) => m.kind === "companion");
  const lead = leadMechanism(d);
  const hard = hardRule(d);
  if (lead) {
    lines.push(...core(`The core mechanism is ${withArticle(lowerFirst(speakable(lead.name)))}`));
    const c = firstClause(lead.protects);
    if (lead.protects === hard?.statement) lines.push(...core("It protects the hard rule I just gave"));
    else if (c) lines.push(...core("It protects this rule"), ...core(c));
  }
  lines.push(...exactlyOnce(d));
  const rest = uniq(base.filter((m) => m !== lead).map((m) => lowerFirst(speakable(m.name))));
  if (rest.length > 0) lines.push(...core(`Beside it, ${enumerate("base mechanism", "base mechanisms", rest, 3)}`));
  // Companions, grouped by the predicate that pulls them in: the condition, then what it adds.
  const byPredicate = new Map<string, string[]>();
  for (const m of companions) {
    const id = predicateOf(m);
    byPredicate.set(id, [...(byPredicate.get(id) ?? []), lowerFirst(speakable(m.name))]);
  }
  let i = 0;
  for (const [id, names] of byPredicate) {
    const reason = predicateReason(id);
    const text = reason ? firstClause(reason, COMFORT_WORDS) : undefined;
    if (!text) continue;
    lines.push({ text, keep: i < 2 ? "core" : "detail" });
    const verb = ADD_LEADS[i % ADD_LEADS.length] ?? "So I add";
    lines.push({ text: sentence(`${verb} ${andList(names.map(withArticle))}`), keep: i < 2 ? "core" : "detail" });
    i++;
  }
  for (const dec of d.decisions.slice(0, 2)) {
    const { picked, other } = choice(dec);
    lines.push(
      ...core(
        other ? `One decision: ${lowerFirst(picked)} over ${lowerFirst(other)}` : `One decision: ${lowerFirst(picked)}`,
      ),
    );
    lines.push(...spoken(decisionReason(dec), "core", 1));
  }
  const seq = d.diagrams.find((g) => g.kind === "sequence");
  const cue: DiagramCue | undefined = seq
    ? {
        kind: "sequence",
        title: seq.title,
        say: `Let me draw the ${lowerFirst(speakable(seq.title.replace(/^[A-Z]\d+:\s*/, "")))} sequence, with who asks whom.`,
      }
    : undefined;
  const followUps: FollowUp[] = [];
  for (const dec of d.decisions.slice(0, 2)) {
    const { picked, other } = choice(dec);
    followUps.push({
      question: other ? `Why ${lowerFirst(picked)} and not ${lowerFirst(other)}?` : speakable(dec.question),
      answer: [firstClause(decisionReason(dec)), dec.wouldFlipIf ? (firstClause(dec.wouldFlipIf, 40) ?? "") : ""]
        .filter((x): x is string => Boolean(x) && countWords(x ?? "") <= 40)
        .join(" "),
    });
  }
  for (const [id, names] of [...byPredicate].slice(0, 2)) {
    const adds = PREDICATES.find((p) => p.id === id)?.addsBecause;
    const answer = adds ? firstClause(adds, 40) : undefined;
    if (answer) followUps.push({ question: `Why ${andList(names.map(withArticle))}?`, answer });
  }
  const unspoken = uniq(
    d.mechanisms
      .filter((m) => !spokenSet.includes(m))
      .map((m) => lowerFirst(speakable(m.name)))
      .map((n) => (/^\w+ (a|an|the) /.test(n) ? n : withArticle(n))),
  );
  if (unspoken.length > 0)
    followUps.push({
      question: "What else sits off the critical path?",
      answer: sentence(`${andList(unspoken.slice(0, 4))}, each on a supporting path rather than the core one`),
    });
  return { lines, cue, followUps };
}

/* ---- 7. Serving paths ---- */
function servingStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const group = (k: string) => names(d.readPaths.filter((r) => r.servedBy === k).map((r) => r.read));
  const auth = group("authority");
  const replica = group("replica");
  const derived = group("derived copy");
  const say = (names: string[], where: string) =>
    names.length > 3
      ? `${numberWord(names.length)} reads ${where}, among them ${andList(names.slice(0, 2))}`
      : `${numberWord(names.length)} ${names.length === 1 ? "read" : "reads"} ${where}: ${andList(names)}`;
  if (auth.length > 0) lines.push(...core(say(auth, "must reach the authority")));
  if (replica.length > 0) lines.push(...core(say(replica, "can use a replica")));
  if (derived.length > 0) lines.push(...core(say(derived, "can use a derived copy")));
  if (d.readPaths.length === 0) lines.push(...core("Every read goes to the authority"));
  const lagging = d.readPaths.find((r) => r.servedBy !== "authority");
  if (lagging) {
    const c = firstClause(lagging.staleness, COMFORT_WORDS);
    if (c) lines.push({ text: `The lag we accept there: ${lowerFirst(c)}`, keep: "detail" });
  }
  // Never recommend buying the system the prompt asks us to design.
  const asked = d.prompt.toLowerCase();
  const named = (product: string) =>
    product
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some(
        (w) =>
          w.length >= 4 && !["amazon", "apache", "google", "azure", "with", "table"].includes(w) && asked.includes(w),
      );
  const tech = d.technology
    .map((t) => ({ ...t, choices: t.choices.filter((c) => !named(c.product)) }))
    .filter((t) => t.choices.length > 0);
  const store = tech[0];
  if (store)
    lines.push(
      ...core(`For the ${store.layer} I'd use ${orList(store.choices.slice(0, 2).map((c) => speakable(c.product)))}`),
    );
  const coord = tech.find((t) => t !== store && t.layer !== store?.layer);
  if (coord)
    lines.push(...detail(`For ${coord.layer}, ${orList(coord.choices.slice(0, 2).map((c) => speakable(c.product)))}`));
  const chosen = new Set(tech.flatMap((t) => t.choices.map((c) => c.product)));
  const avoid = d.technology.find((t) => t.avoid && !chosen.has(t.avoid.product))?.avoid;
  if (avoid) lines.push(...detail(`I'd avoid ${speakable(avoid.product)} here`));
  const followUps: FollowUp[] = [];
  const pick = store?.choices[0];
  if (pick)
    followUps.push({
      question: `Why ${speakable(pick.product)}?`,
      answer: firstClause(pick.fits, 40) ?? sentence(speakable(pick.product)),
    });
  if (avoid) {
    const why = clauses(avoid.why.replace(/^tempting, but[^;]*;\s*/i, ""), 40)[0];
    if (why) followUps.push({ question: `Why not ${speakable(avoid.product)}?`, answer: why });
  }
  if (lagging) {
    const c = firstClause(lagging.staleness, 40);
    const n = actionName(lagging.read);
    if (c && n) followUps.push({ question: `How stale can "${n}" be?`, answer: c });
  }
  return { lines, followUps };
}

/** A capacity figure's kind (hotspot, peak, storage, …) when the design labels it. */
export const figureKind = (c: Design["capacity"][number]): string => (c as { kind?: string }).kind ?? "";

/** The figure a sizing discussion starts from: the hotspot, else the peak, else the largest per-second rate. */
function hottest(d: Design) {
  const byKind = (k: string) => d.capacity.find((c) => figureKind(c) === k);
  const rates = d.capacity.filter((c) => /\/s\b|per second/i.test(`${c.unit} ${c.quantity}`));
  return byKind("hotspot") ?? byKind("peak") ?? [...rates].sort((a, b) => b.value - a.value)[0] ?? d.capacity[0];
}

type Decision = Design["decisions"][number];
/** A decision's reason as said: the engine's "…: durability is durable" tag restating the guarantee is left off. */
const decisionReason = (dec: Decision): string =>
  speakable(dec.because).replace(/:\s+[a-z-]+ (?:is [a-z-]+|holds)\.?$/, "");
const optionId = (o: Decision["options"][number]): string => (o as { id?: string }).id ?? o.name;
/** The chosen option and the strongest alternative, whether `chosen` holds an option's id or its name. */
function choice(dec: Decision) {
  const picked = dec.options.find((o) => optionId(o) === dec.chosen || o.name === dec.chosen);
  const other = dec.options.find((o) => o !== picked);
  return { picked: speakable(picked?.name ?? dec.chosen), other: other ? speakable(other.name) : undefined };
}

/* ---- 8. Failures and scale (the hottest number is said here) ---- */
function failuresStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const named = d.failures.filter((f) => headOf(f.failure));
  const first = named[0];
  if (first) {
    const label = bodyOf(first.failure) ? headOf(first.failure) : undefined;
    if (label) lines.push(...core(`The first failure to plan for: ${label}`));
    else lines.push(...core("Now the first failure"), ...spoken(first.failure, "core", 1));
    lines.push(...spoken(first.prevention, "core", 1));
    const repair = firstClause(first.repair);
    if (repair) lines.push({ text: `As a backstop, ${lowerFirst(repair)}`, keep: "core" });
  }
  const second = named[1];
  if (second) {
    const label2 = bodyOf(second.failure) ? headOf(second.failure) : undefined;
    if (label2) lines.push(...detail(`Next: ${label2}`));
    else lines.push(...detail("Then a second failure"), ...spoken(second.failure, "detail", 1));
    lines.push(...spoken(second.prevention, "detail", 1));
  }
  const hot = hottest(d);
  const b0 = d.bottlenecks[0];
  if (b0) {
    const h = bodyOf(b0.bottleneck) ? headOf(b0.bottleneck) : undefined;
    if (h) lines.push(...core(`The first hotspot is ${h}`));
    else lines.push(...core("Now scale"), ...spoken(b0.bottleneck, "core", 1));
  }
  if (hot) {
    lines.push(...core(`The hottest number is ${lowerFirst(speakable(hot.quantity))}, ${speakFigure(hot.display)}`));
    const given = hot.inputs.filter((x) => x.source !== "assumed").map((x) => speakInput(x.value, x.name));
    const assumed = hot.inputs.filter((x) => x.source === "assumed").map((x) => speakInput(x.value, x.name));
    if (given.length > 0) lines.push(...detail(`That uses ${andList(given.slice(0, 3))} from the prompt`));
    if (assumed.length > 0) lines.push(...detail(`It assumes ${andList(assumed.slice(0, 3))}`));
  } else if (b0?.estimate) {
    lines.push(...core(`Sizing it: ${speakFigure(b0.estimate)}`));
  } else if (b0?.formula) {
    const q = speakable(b0.formula.split(" = ")[0] ?? "");
    if (q && countWords(q) <= 12) lines.push(...core(`I'd size it by ${lowerFirst(q)}`));
  }
  if (b0) lines.push(...spoken(b0.mitigation, "core", 2));
  const b1 = d.bottlenecks[1];
  if (b1) {
    const h = headOf(b1.bottleneck);
    if (h) lines.push(...detail(`After that comes ${h}`));
  }
  const followUps: FollowUp[] = [];
  for (const f of named.slice(1, 4)) {
    const h = headOf(f.failure);
    const a = firstClause(f.prevention, 40);
    if (h && a) followUps.push({ question: bodyOf(f.failure) ? `What about ${h}?` : `What if ${h}?`, answer: a });
  }
  if (b1) {
    const h = headOf(b1.bottleneck);
    const a = firstClause(b1.mitigation, 40);
    if (h && a) followUps.push({ question: "What breaks next?", answer: `${sentence(h)} ${a}` });
  }
  return { lines, followUps };
}

/** The eight step writers, in the order of the knowledge table's presentation steps. */
export const STEP_WRITERS: readonly ((d: Design) => StepDraft)[] = [
  normalise,
  scopesStep,
  primaryStep,
  invariantsStep,
  contextStep,
  mechanismsStep,
  servingStep,
  failuresStep,
];

export { choice, hottest };
