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

function criticalNames(d: Design): string[] {
  return uniq(d.criticalPaths.map((p) => actionName(p.name)));
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
  const writes = d.operations.filter((o) => !o.hidden && !isRead(o.operation));
  const hidden = d.operations.filter((o) => o.hidden);
  const reads = d.operations.filter((o) => isRead(o.operation));
  lines.push(
    ...core(
      enumerate(
        "write matters",
        "writes matter",
        writes.map((o) => actionName(o.phrase)),
      ),
    ),
  );
  if (hidden.length > 0)
    lines.push(
      ...core(
        enumerate(
          "hidden write keeps them valid",
          "hidden writes keep them valid",
          hidden.map((o) => actionName(o.phrase)),
          3,
        ),
      ),
    );
  if (reads.length > 0)
    lines.push(
      ...detail(
        enumerate(
          "read",
          "reads",
          reads.map((o) => actionName(o.phrase)),
          3,
        ),
      ),
    );
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
  const h = hidden[0];
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
  const names = criticalNames(d);
  const it = entities.length > 1 ? "them" : "it";
  if (names.length > 0) lines.push(...core(enumerate(`path writes ${it}`, `paths write ${it}`, names, 4)));
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
  if (cp && cp.operations.length > 1)
    followUps.push({
      question: `What else touches ${actionName(cp.name)}?`,
      answer: sentence(
        `${enumerate("write", "writes", uniq(cp.operations.slice(1).map(actionName)), 3)}, and ${uniq(cp.operations.slice(1).map(actionName)).length === 1 ? "it shares" : "they share"} its rules`,
      ),
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
        firstClause(s.because.replace(/^[^;]*;\s*/, "")) ??
        sentence("Everything else is derived, so it can be rebuilt rather than kept in sync"),
    });
  return { lines, cue, followUps };
}

/** A rule longer than this is said as two sentences where a new clause starts. */
const RULE_WORDS = 26;

/* ---- 4. Hard invariants ---- */
function invariantsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const seen = new Set<string>();
  const rules = d.invariants.filter((i) => {
    if (seen.has(i.statement)) return false;
    seen.add(i.statement);
    return true;
  });
  const first = rules[0];
  if (first) {
    const parts = clauses(first.statement, RULE_WORDS);
    if (parts[0]) lines.push(...core("The hard rule is this"), ...core(parts[0]));
    lines.push(...detail(parts[1]));
  }
  const more = rules.slice(1, 5);
  if (more.length > 0) lines.push(...core("Then the rules on the other paths"));
  more.forEach((r, i) => {
    const c = clauses(r.statement, RULE_WORDS)[0];
    if (c) lines.push({ text: c, keep: i === 0 ? "core" : "detail" });
  });
  const followUps: FollowUp[] = [];
  if (first) {
    const guards = d.mechanisms.filter((m) => m.protects === first.statement).map((m) => m.name);
    if (guards.length > 0)
      followUps.push({
        question: "How do you enforce the first rule?",
        answer: sentence(`With ${andList(uniq(guards).slice(0, 3).map(speakable))}`),
      });
  }
  const second = rules[1];
  if (second) {
    const guards = d.mechanisms.filter((m) => m.protects === second.statement).map((m) => m.name);
    if (guards.length > 0)
      followUps.push({
        question: "And the second?",
        answer: sentence(`With ${andList(uniq(guards).slice(0, 3).map(speakable))}`),
      });
  }
  return { lines, followUps };
}

/* ---- 5. Execution context (the request path as API calls) ---- */
function contextStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const by = (k: string) => uniq(d.context.paths.filter((p) => p.runsIn === k).map((p) => actionName(p.path)));
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

/** Varied ways to say "this condition adds that companion", so a list of them does not sound read out. */
const ADD_LEADS = ["So I add", "That calls for", "So the design needs", "That brings in"];

/** The spoken reason a predicate pulls in companions, from the predicate table's own sentence. */
function predicateReason(id: string): string | undefined {
  return PREDICATES.find((p) => p.id === id)?.holdsWhen;
}

/* ---- 6. Shapes and mechanisms (the critical sequence is drawn here) ---- */
function mechanismsStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const base = d.mechanisms.filter((m) => m.kind === "base");
  const companions = d.mechanisms.filter((m) => m.kind === "companion");
  const criticalOps = new Set(d.criticalPaths.flatMap((p) => p.operations));
  const onCritical = base.filter((m) => m.because.some((b) => criticalOps.has(b.split(": ")[0] ?? "")));
  // The core mechanism is the one the dominant archetype's first critical write path names.
  const dominant = d.archetypes[0]?.id;
  const named = d.operations
    .filter((o) => o.critical && !o.hidden && o.archetype === dominant && o.mechanism)
    .map((o) => base.find((m) => m.id === o.mechanism))
    .find((m) => m !== undefined);
  const lead = named ?? onCritical[0] ?? base[0];
  if (lead) {
    lines.push(...core(`The core mechanism is ${withArticle(lowerFirst(speakable(lead.name)))}`));
    const c = firstClause(lead.protects);
    const hard = d.invariants[0]?.statement;
    if (lead.protects === hard) lines.push(...core("It protects the hard rule I just gave"));
    else if (c) lines.push(...core("It protects this rule"), ...core(c));
  }
  const rest = uniq(
    (onCritical.length > 1 ? onCritical : base).filter((m) => m !== lead).map((m) => lowerFirst(speakable(m.name))),
  );
  if (rest.length > 0)
    lines.push(
      ...core(`Beside it, ${enumerate("base mechanism", "base mechanisms", rest, 3).replace(/^one /, "one ")}`),
    );
  // Companions, grouped by the predicate that pulls them in: the condition, then what it adds.
  const byPredicate = new Map<string, string[]>();
  for (const m of companions) {
    const id = (m.because[0] ?? "").split(":")[0] ?? "";
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
    lines.push(...spoken(dec.because, "core", 1));
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
      answer: [firstClause(dec.because), dec.wouldFlipIf ? (firstClause(dec.wouldFlipIf, 40) ?? "") : ""]
        .filter((x): x is string => Boolean(x) && countWords(x ?? "") <= 40)
        .join(" "),
    });
  }
  for (const [id, names] of [...byPredicate].slice(0, 2)) {
    const adds = PREDICATES.find((p) => p.id === id)?.addsBecause;
    const answer = adds ? firstClause(adds, 40) : undefined;
    if (answer) followUps.push({ question: `Why ${andList(names.map(withArticle))}?`, answer });
  }
  return { lines, cue, followUps };
}

/* ---- 7. Serving paths ---- */
function servingStep(d: Design): StepDraft {
  const lines: Line[] = [];
  const group = (k: string) => uniq(d.readPaths.filter((r) => r.servedBy === k).map((r) => actionName(r.read)));
  const auth = group("authority");
  const replica = group("replica");
  const derived = group("derived copy");
  const say = (names: string[], where: string) =>
    `${numberWord(names.length)} ${names.length === 1 ? "read" : "reads"} ${where}: ${andList(names.slice(0, 3))}${names.length > 3 ? " and more" : ""}`;
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
    if (c) followUps.push({ question: `How stale can "${actionName(lagging.read)}" be?`, answer: c });
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
    else lines.push(...core("Now the first failure to plan for"), ...spoken(first.failure, "core", 1));
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
    const given = hot.inputs
      .filter((x) => x.source !== "assumed")
      .map((x) => `${speakNumber(x.value)} ${speakable(x.name)}`);
    const assumed = hot.inputs
      .filter((x) => x.source === "assumed")
      .map((x) => `${speakNumber(x.value)} ${speakable(x.name)}`);
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
