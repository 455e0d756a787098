import { conditionsOf, DECISION_BY_ID, decisionPoints } from "../../knowledge/decisions/index.js";
import { lacks } from "../../knowledge/decisions/properties.js";
import type { DecisionCondition, DecisionOptionSpec, DecisionPoint } from "../../knowledge/decisions/types.js";
import { FEATURE_BY_ID } from "../../knowledge/features/index.js";
import { PARTIES } from "../../knowledge/parties.js";
import { QUANTITY_BY_ID } from "../../knowledge/quantities.js";
import type { ArchetypeId } from "../../knowledge/schema.js";
import { fitsTopics, type Topic, unspokenBesides } from "../../knowledge/topics.js";
import type { OptionMark } from "../../knowledge/topology.js";
import { partlessArchetypes } from "../architecture.js";
import { capacityOwners, designCapacityRows, fixedInputs, type ImpliedInputs } from "../capacity.js";
import { boundCheck, figureOnlyWins, figuresMeet } from "../decision-figures.js";
import type { Deriver } from "../design/graph.js";
import type { CapacityRow, DecisionOption, DecisionRow, Fields, MechanismRow, TechnologyRow } from "../design/types.js";
import { hardRuleStances, type PathStance, stanceOf } from "../hard-rules.js";
import { quoteOfScaleReason } from "../nfr-parse.js";
import { optionNamesProduct } from "../option-products.js";
import { composedKind } from "../product/correctness.js";
import { formatQuantity } from "../quantity-format.js";
import { mentionsName, referenceFacts } from "../references.js";
import { regionsSource } from "../regions.js";
import { sameQuestion } from "../roles.js";
import { pattern } from "../text.js";
import { impliedRegionInputs } from "./capacity.js";
import { archetype } from "./common.js";

interface NumberValue {
  value: number;
  unit: string;
  source: string;
  /** Nothing the prompt states feeds it: an assumed input, or a figure computed from assumed inputs only. */
  assumed: boolean;
  /** The prompt's words a computed figure rests on ("2,000 mobile robots"), said beside it where a decision reads it. */
  statedFrom?: readonly string[];
}

/** The numbers a decision may test: this owner's capacity figures and inputs, then the prompt's scale, then defaults. */
function numbersFor(
  owner: string,
  rows: readonly Readonly<CapacityRow>[],
  scale: Fields["nfrs"]["scale"],
): Map<string, NumberValue> {
  const out = new Map<string, NumberValue>();
  for (const r of rows) {
    if (r.archetype !== owner) continue;
    const assumed = r.inputs.every((i) => i.source === "assumed");
    const statedFrom = [
      ...new Set(r.inputs.filter((i) => i.source === "stated").map((i) => quoteOfScaleReason(i.because))),
    ].filter((q): q is string => q !== undefined);
    out.set(r.id, {
      value: r.value,
      unit: r.unit,
      source: "computed",
      assumed,
      ...(statedFrom.length > 0 ? { statedFrom } : {}),
    });
    for (const i of r.inputs)
      if (!out.has(i.name))
        out.set(i.name, {
          value: i.value,
          unit: i.unit ?? QUANTITY_BY_ID.get(i.name)?.unit ?? "",
          source: i.source,
          assumed: i.source === "assumed",
        });
  }
  for (const [k, v] of Object.entries(scale))
    if (!out.has(k))
      out.set(k, { value: v.value, unit: QUANTITY_BY_ID.get(k)?.unit ?? "", source: v.source, assumed: false });
  return out;
}

type Check = { holds: boolean; says: string } | undefined;

/** What the prompt says for each word condition of the design's decision points: the matched words, or null. */
type Said = Record<string, string | null>;
/** The prefix of a `Said` key that holds the option a point's prompt asks for by name (`namedByPrompt`). */
const NAMED = "named:";

function checkCondition(
  c: DecisionCondition,
  f: Readonly<Fields>,
  nums: Map<string, NumberValue>,
  said: Readonly<Said>,
  stance?: PathStance,
): Check {
  if ("any" in c) {
    const checks = c.any.map((x) => checkCondition(x, f, nums, said, stance));
    const held = checks.find((x) => x?.holds);
    if (held) return held;
    const known = checks.filter((x): x is NonNullable<Check> => x !== undefined);
    return known.length > 0 ? { holds: false, says: known.map((x) => x.says).join("; ") } : undefined;
  }
  if ("nfr" in c) {
    // a hard rule the prompt states on this owner's path sets that path's stance, whatever the design's default is
    const forced = stance && (c.nfr === "availability" || c.nfr === "consistency") ? stance[c.nfr] : undefined;
    if (forced !== undefined)
      return {
        holds: c.in.includes(forced),
        says: `${c.nfr} is ${forced} on '${stance?.path}' (the prompt's hard rule '${stance?.quote}')`,
      };
    const n = f.nfrs[c.nfr];
    const counts = !c.stated || n.source !== "default";
    // a value the prompt states names its words, so the choice is seen to follow from the clause that states it
    const quoted = n.source === "stated" && /^the prompt says '/.test(n.because) ? `, ${n.because}` : "";
    return {
      holds: counts && c.in.includes(n.value),
      says: `${c.nfr} is ${n.value} (${n.source === "default" ? "default" : n.source}${quoted})`,
    };
  }
  if ("regionsAtLeast" in c) {
    const r = f.nfrs.regions;
    return {
      holds: r.value >= c.regionsAtLeast,
      says: `${r.value} ${r.value === 1 ? "region" : "regions"} (${regionsSource(r)})`,
    };
  }
  if ("survives" in c) {
    const lost = f.nfrs.survives;
    return {
      holds: lost !== undefined && c.survives.includes(lost.value),
      says: lost
        ? `the system survives the loss of a whole ${lost.value} (${lost.because})`
        : "no failure unit whose loss the system must survive is stated",
    };
  }
  if ("featureStoreLacks" in c) {
    const gap = f.features
      .flatMap((row) =>
        (FEATURE_BY_ID.get(row.id)?.technology ?? []).filter((t) => t.layer === "storage" && !t.poorFor),
      )
      .find((t) => lacks(t.product, c.featureStoreLacks));
    return {
      holds: gap !== undefined,
      says: gap ? `the features keep records in ${gap.product}` : "no feature's store is known to lack it",
    };
  }
  if ("predicate" in c) {
    const p = f.predicates.find((x) => x.id === c.predicate);
    if (!p) return undefined;
    return { holds: p.holds === c.holds, says: `${p.id} ${p.holds ? "holds" : "does not hold"}` };
  }
  if ("stated" in c) {
    // (a view of the fields that holds no scale, as a decision's own test builds, states nothing)
    const s = f.nfrs.scale?.[c.stated];
    const matches = s !== undefined && (c.matching === undefined || pattern(c.matching, "i").test(s.quote));
    return { holds: matches, says: s ? `${c.stated} is stated ('${s.quote}')` : `${c.stated} is not stated` };
  }
  if ("words" in c) {
    const [k, ku] = wordKeys(c, "", "").map(([key]) => key);
    const m = k !== undefined && Object.hasOwn(said, k) ? said[k] : undefined;
    const u = ku === undefined ? null : Object.hasOwn(said, ku) ? said[ku] : undefined;
    if (m === undefined || u === undefined)
      throw new Error(`decisions: no fact for the word condition '${m === undefined ? c.words : c.unless}'`);
    if (m !== null && u !== null) return { holds: false, says: `the prompt says '${m}', but also '${u}'` };
    return { holds: m !== null, says: m !== null ? `the prompt says '${m}'` : "the prompt does not say it" };
  }
  if ("archetype" in c) {
    const a = f.archetypes.find((x) => x.id === c.archetype && (!c.roles || c.roles.includes(x.role)));
    const held = f.archetypes.find((x) => x.id === c.archetype);
    return {
      holds: a !== undefined,
      says: held ? `the design holds ${held.id} as ${held.role}` : `the design does not hold ${c.archetype}`,
    };
  }
  if ("invariant" in c) {
    const re = pattern(c.invariant, "i");
    const hit = f.invariants.find((i) => re.test(i.statement));
    return {
      holds: hit !== undefined,
      says: hit
        ? `the design promises '${promisedClause(hit.statement, re)}' (${hit.path})`
        : "no invariant promises it",
    };
  }
  if ("partyUndoes" in c) {
    const party = f.nfrs.party && PARTIES[f.nfrs.party.value];
    if (!party) return undefined;
    return {
      holds: party.undoes.value === c.partyUndoes,
      says: `the effects reach ${party.name}: ${party.undoes.because}`,
    };
  }
  if ("boundBelow" in c) return boundCheck(c, f.nfrs.scale);
  if ("latencyAtMost" in c) {
    const l = f.nfrs.latency.find((x) => x.ms <= c.latencyAtMost);
    return { holds: l !== undefined, says: l ? `latency target '${l.quote}'` : "no latency target that tight" };
  }
  const n = nums.get(c.number);
  if (!n) return undefined;
  // against another number of the design (an index against one machine's memory), the thresholds are multiples of it
  const base = c.of === undefined ? undefined : nums.get(c.of);
  if (c.of !== undefined && !base) return undefined;
  const scaled = (x: number) => (base ? x * base.value : x);
  const [atLeast, below] = [c.atLeast, c.below].map((x) => (x === undefined ? undefined : scaled(x)));
  const holds = (atLeast === undefined || n.value >= atLeast) && (below === undefined || n.value < below);
  // a threshold of another figure names it with its value: "≥ master_memory_bytes ≈ 256 GB (assumed)"
  const limit = (x: number) =>
    base && c.of
      ? `${x === 1 ? "" : `${x} × `}${c.of} ≈ ${formatQuantity(base.value, base.unit)} (${base.source}${statedFrom(base)})`
      : formatQuantity(x, n.unit);
  const bound =
    c.atLeast !== undefined && c.below !== undefined
      ? `between ${limit(c.atLeast)} and ${limit(c.below)}`
      : c.atLeast !== undefined
        ? `${holds ? "≥" : "<"} ${limit(c.atLeast)}`
        : `${holds ? "<" : "≥"} ${limit(c.below ?? 0)}`;
  return { holds, says: `${c.number} ≈ ${formatQuantity(n.value, n.unit)} (${n.source}${statedFrom(n)}), ${bound}` };
}

/** A figure computed from the prompt's own numbers names them, so the choice is seen to follow from what was stated. */
const statedFrom = (n: NumberValue): string =>
  n.statedFrom?.length ? ` from the stated ${n.statedFrom.map((q) => `'${q}'`).join(" and ")}` : "";

/**
 * The facts a word condition reads, as (key, expression, text): the prompt with the words of the features it brings;
 * a condition with `unless` (fixed places, unless something moves) reads the prompt alone for both, since a
 * feature's own name speaks of both kinds ("nearby places or moving objects").
 */
function wordKeys(
  c: Extract<DecisionCondition, { words: string }>,
  text: string,
  prompt: string,
): [string, string, string][] {
  if (c.unless === undefined) return [[c.words, c.words, text]];
  return [
    [`prompt:${c.words}`, c.words, prompt],
    [`unless:${c.unless}`, c.unless, prompt],
  ];
}

/**
 * A rule's reason followed by the facts it rests on; a reason the facts already say word for word (a rule whose
 * reason is "durability is best-effort" resting on "durability is best-effort (default)") is not said twice.
 */
export function withFacts(reason: string, facts: readonly string[]): string {
  const says = facts.join("; ");
  return says.toLowerCase().includes(reason.toLowerCase()) ? says : `${reason}: ${says}`;
}

/**
 * How firm the ground a condition stands on is: a requirement the prompt states (its words, a stated NFR, a stated
 * bound or quantity) is firmest; a figure computed from what it states weighs cost; a default stance or an assumed
 * figure is where the argument starts. A decision rests on its weakest condition.
 */
export const Ground = { Default: 1, Computed: 2, Stated: 3, Override: 4 } as const;
export type Ground = (typeof Ground)[keyof typeof Ground];

function groundOf(
  c: DecisionCondition,
  f: Readonly<Fields>,
  nums: Map<string, NumberValue>,
  stance?: PathStance,
): Ground {
  if ("any" in c) return groundOfAll(c.any, f, nums, stance);
  if ("nfr" in c)
    return (stance && (c.nfr === "availability" || c.nfr === "consistency")) || f.nfrs[c.nfr].source !== "default"
      ? Ground.Stated
      : Ground.Default;
  if ("regionsAtLeast" in c) return f.nfrs.regions.source === "default" ? Ground.Default : Ground.Stated;
  if ("survives" in c) return f.nfrs.survives ? Ground.Stated : Ground.Default;
  if ("number" in c) {
    // a threshold of another number (`of`: one machine's memory) is the threshold's unit, like a literal one: the
    // ground is the compared figure's
    const n = nums.get(c.number);
    if (!n || n.assumed) return Ground.Default;
    return n.source === "computed" ? Ground.Computed : Ground.Stated;
  }
  if ("stated" in c || "words" in c || "latencyAtMost" in c || "invariant" in c || "boundBelow" in c)
    return Ground.Stated;
  return Ground.Computed;
}

const groundOfAll = (
  cs: readonly DecisionCondition[],
  f: Readonly<Fields>,
  nums: Map<string, NumberValue>,
  stance?: PathStance,
): Ground => cs.reduce<Ground>((g, c) => Math.min(g, groundOf(c, f, nums, stance)) as Ground, Ground.Stated);

/** The ground each derived decision row rests on (`decide`), read where two rows ask one question. */
const GROUND = new WeakMap<DecisionRow, Ground>();

/** The ground a decision row rests on: an override is firmest, a row decided elsewhere counts as a default. */
export const groundOfRow = (r: DecisionRow): Ground =>
  r.source === "override" ? Ground.Override : (GROUND.get(r) ?? Ground.Default);

/** Chooses one decision point's option for this design. */
export function decide(
  p: DecisionPoint,
  owner: string,
  f: Readonly<Fields>,
  nums: Map<string, NumberValue>,
  said: Readonly<Said>,
  drives = true,
  stance?: PathStance,
  likened: readonly string[] = [],
): DecisionRow {
  let chosen = p.fallback.option;
  let because = p.fallback.because;
  let inputs: string[] = [];
  // a condition is asked up to four times below (each pass, its reasons, the fallback's reasons): answer it once
  const answers = new Map<DecisionCondition, Check>();
  const check = (c: DecisionCondition): Check => {
    if (answers.has(c)) return answers.get(c);
    const a = checkCondition(c, f, nums, said, stance);
    answers.set(c, a);
    return a;
  };
  // A rule resting on an NFR the prompt left at its default yields to any rule that rests only on
  // stated NFRs and numbers: the archetype's stance is where the argument starts, not where it ends.
  const onDefault = (c: DecisionCondition) => "nfr" in c && groundOf(c, f, nums, stance) === Ground.Default;
  // A number nothing stated feeds (an assumed fleet of moving objects) is weaker still: a rule resting on one
  // yields to an option whose win condition holds on what the prompt itself says (its places are fixed).
  const onAssumed = (c: DecisionCondition) => "number" in c && nums.get(c.number)?.assumed === true;
  let onFacts = false;
  let assumedRule = false;
  let ground: Ground = Ground.Default;
  // the conditions the choice rests on: a prompt clause among them outranks the named system's own choice
  let deciding: readonly DecisionCondition[] = [];
  // an option that composes a supporting archetype the design does not hold (a log to release due runs onto) cannot be
  // drawn, so no rule chooses it: the archetypes were settled before the decisions
  const canDraw = (o: DecisionOptionSpec | undefined) =>
    (o?.implies?.composes ?? []).every((id) => f.archetypes.some((a) => a.id === id));
  const drawable = (r: DecisionPoint["rules"][number]) => canDraw(p.options.find((o) => o.id === r.option));
  for (const pass of [(r: DecisionPoint["rules"][number]) => !r.when.some(onDefault), () => true]) {
    const rule = p.rules.find((r) => drawable(r) && pass(r) && r.when.every((c) => check(c)?.holds));
    if (rule) {
      chosen = rule.option;
      inputs = rule.when.map((c) => check(c)?.says ?? "");
      because = withFacts(rule.because, inputs);
      onFacts = !rule.when.some(onDefault);
      assumedRule = onFacts && rule.when.some(onAssumed);
      ground = groundOfAll(rule.when, f, nums, stance);
      deciding = rule.when;
      break;
    }
  }
  // The options whose win condition, as facts, holds here: one beats a choice that rests only on a default
  // stance or the fallback, so the design never rejects an option under the very condition it says that option wins.
  // (an option that cannot be drawn, for the same reason, wins nothing: its win condition is not this design's to meet)
  const winning = p.options.flatMap((o) =>
    o.wins && o.wins.length > 0 && canDraw(o) && o.wins.every((c) => check(c)?.holds)
      ? [{ option: o.id, says: o.wins.map((c) => check(c)?.says ?? "") }]
      : [],
  );
  const onStated = (option: string) =>
    p.options.find((o) => o.id === option)?.wins?.every((c) => !onDefault(c) && !onAssumed(c)) === true;
  const wins = assumedRule
    ? (winning.find((w) => w.option !== chosen && onStated(w.option)) ?? winning.find((w) => w.option === chosen))
    : (winning.find((w) => w.option === chosen) ?? winning[0]);
  // A requirement the prompt states outranks a cost argument: an option whose win condition holds on stated words
  // or bounds alone ("changes must be seen within 5 s") beats a rule resting on a computed figure (the fan-out a
  // push would cost), so the design never rejects an option under its own flip condition to save load.
  const groundOfOption = (option: string) =>
    groundOfAll(p.options.find((o) => o.id === option)?.wins ?? [], f, nums, stance);
  const required = winning.find(
    (w) => w.option !== chosen && groundOfOption(w.option) === Ground.Stated && ground === Ground.Computed,
  );
  const flip = required ?? ((!onFacts || assumedRule) && wins && wins.option !== chosen ? wins : undefined);
  if (flip) {
    const o = p.options.find((x) => x.id === flip.option);
    const was = p.options.find((x) => x.id === chosen);
    const overruled =
      required && was ? `; ${was.name} would have saved load (${because}), but the stated requirement comes first` : "";
    chosen = flip.option;
    inputs = flip.says;
    because = `${o?.name} wins when ${o?.winsWhen}, and here it does: ${inputs.join("; ")}${overruled}`;
    ground = groundOfOption(flip.option);
    deciding = o?.wins ?? [];
  } else if (
    (deciding.length === 0 || (!onFacts && groundOfOption(chosen) === Ground.Stated)) &&
    wins &&
    wins.option === chosen
  ) {
    // the fallback whose own win condition holds here (ids that must sort by time, kept by the timestamp layout it
    // falls back to) rests on that condition, and says so, rather than on the fallback's general reason; so does a
    // rule resting on a default stance whose option also wins on what the prompt states
    const o = p.options.find((x) => x.id === chosen);
    inputs = wins.says;
    because = `${o?.name} wins when ${o?.winsWhen}, and here it does: ${inputs.join("; ")}`;
    ground = groundOfOption(chosen);
    deciding = o?.wins ?? [];
  }
  // A rejected option whose size condition the figures this design is sized for meet, though it asks the prompt to
  // state them (labels-only wins "at gigabytes a second", and the design sizes an assumed 1 GB/s): a choice resting on
  // the fallback alone follows the figures the design is built for and says they are assumed; a choice a rule made keeps
  // its ground and names the tension, so the decision never argues "a modest ingest" beside the load it sizes.
  if (!flip && !winning.some((w) => w.option === chosen)) {
    const sized = p.options.flatMap((o) => {
      const figures = o.id === chosen || !canDraw(o) ? undefined : figureOnlyWins(o.wins);
      return figures && figuresMeet(figures, (id) => nums.get(id)) ? [{ o, figures }] : [];
    })[0];
    const was = p.options.find((x) => x.id === chosen);
    if (sized && was) {
      const says = sized.figures.map((c) => check(c)?.says ?? "");
      if (deciding.length === 0) {
        chosen = sized.o.id;
        inputs = says;
        because = `${sized.o.name} wins when ${sized.o.winsWhen}, and the figures this design is sized for meet it: ${says.join("; ")}; the prompt states none of them, so a smaller stated figure would keep ${was.name}`;
        ground = Ground.Default;
        deciding = sized.figures;
      } else
        because = `${because}; the figures this design is sized for would favour ${sized.o.name} (${says.join("; ")}), but the prompt states none of them and this choice rests on what it does say`;
    }
  }
  // A rejected option whose stated time bound holds (the prompt bounds staleness below the chosen option's TTL or poll
  // interval) where a rule on the prompt's own words chose otherwise: the choice stands on those words and says the
  // tension, so the decision never reads as if the bound were not there (coherence `decision-own-condition-met`)
  if (!flip) {
    const bounded = winning.find(
      (w) => w.option !== chosen && p.options.find((o) => o.id === w.option)?.wins?.some((c) => "boundBelow" in c),
    );
    const o = bounded && p.options.find((x) => x.id === bounded.option);
    if (bounded && o)
      because = `${because}; the prompt's bound favours ${o.name} (${bounded.says.join("; ")}), but this choice rests on what the prompt states too`;
  }
  // The named system's own choice: where the prompt asks for a system like one whose design takes an option ("like
  // Maglev": consistent hashing of each flow; "like Bigtable": row ranges that split), that option wins over a computed
  // figure, an assumed one or a default; only a prompt clause (its words, a stated requirement, a rule it states)
  // keeps another option.
  const own = namedChoice(p, likened);
  const byClause = (c: DecisionCondition) =>
    "words" in c ||
    "stated" in c ||
    "invariant" in c ||
    "latencyAtMost" in c ||
    "boundBelow" in c ||
    "survives" in c ||
    (("nfr" in c || "regionsAtLeast" in c) && groundOf(c, f, nums, stance) === Ground.Stated);
  if (own && !deciding.some(byClause) && (own.option.id !== chosen || ground < Ground.Stated)) {
    const was = p.options.find((x) => x.id === chosen);
    const over = own.option.id === chosen || !was ? "" : `; ${was.name} would have been chosen otherwise (${because})`;
    chosen = own.option.id;
    inputs = [`the prompt asks for a system like ${own.system}`];
    because = `the named system's own choice: ${own.system} takes ${own.option.name}${over}`;
    ground = Ground.Stated;
  }
  // An option the prompt asks for by name ("using a quadtree", "built on timing wheels") is the design's choice: the
  // prompt settles the trade-off, so no rule over assumed numbers overrules it
  const [askedId, askedQuote] = (said[`${NAMED}${p.id}`] ?? "").split("\t");
  const asked = p.options.find((o) => o.id === askedId);
  if (asked && askedQuote && asked.id !== chosen) {
    chosen = asked.id;
    inputs = [`the prompt says '${askedQuote}'`];
    because = `the prompt asks for ${asked.name} by name: '${askedQuote}'`;
    ground = Ground.Stated;
  }
  // being asked for by name is a win condition that holds: a rejected option's own one does not undo the choice
  if (asked && askedQuote && !winning.some((w) => w.option === asked.id))
    winning.unshift({ option: asked.id, says: [`the prompt says '${askedQuote}'`] });
  // An option that adds more than half a stated bound's time to it cannot meet the bound ("poll every minute"
  // against "served everywhere within 60 seconds"): the first option that can is chosen instead, and says why.
  const broken = breaksBound(
    p.options.find((o) => o.id === chosen),
    f.nfrs.scale,
  );
  const fits = broken
    ? (p.options.find((o) => winning.some((w) => w.option === o.id) && !breaksBound(o, f.nfrs.scale)) ??
      p.options.find((o) => o.id !== chosen && !breaksBound(o, f.nfrs.scale)))
    : undefined;
  if (broken && fits) {
    const was = p.options.find((x) => x.id === chosen);
    chosen = fits.id;
    inputs = [broken];
    because = `${was?.name} cannot meet the stated bound (${broken}), so ${fits.name}, which wins when ${fits.winsWhen}`;
    ground = Ground.Stated;
  }
  if (inputs.length === 0) {
    // Say which tests did not fire, in this design's values, so the default reads as a choice.
    inputs = p.rules
      .flatMap((r) => r.when.map((c) => check(c)?.says ?? ""))
      // What the prompt does not say is no evidence; keep the values this design does have.
      .filter(
        (s, i, a) => s && a.indexOf(s) === i && !/is not stated$|^no latency target|^the prompt does not say/.test(s),
      );
    if (inputs.length > 0) because = `${p.fallback.because} (${inputs.join("; ")})`;
  }
  const others = p.options.filter((o) => o.id !== chosen);
  const row: DecisionRow = {
    id: p.id,
    question: p.question,
    options: optionRows(p),
    chosen,
    because,
    wouldFlipIf: others.map((o) => `${o.name} would win if ${o.winsWhen}`).join("; "),
    source: "derived",
    archetype: owner,
    inputs,
    drives,
  };
  if (winning.length > 0) row.winning = winning;
  GROUND.set(row, ground);
  return row;
}

/**
 * The option of a point that a system the prompt asks for by likeness takes itself (`usedBy`; the prompt's reference
 * subjects, `referenceFacts`), with that system's name; undefined when the prompt likens the design to none of them.
 */
export function namedChoice(
  p: DecisionPoint,
  subjects: readonly string[],
): { option: DecisionOptionSpec; system: string } | undefined {
  if (subjects.length === 0) return undefined;
  for (const option of p.options)
    for (const system of option.usedBy ?? []) {
      // said by the name the prompt uses ("npm", not "npm registry")
      const named = subjects.find((s) => mentionsName(system, s) || mentionsName(s, system));
      if (named) return { option, system: named };
    }
  return undefined;
}

/** A decision point's options as the design shows them: the structured win condition stays in the knowledge. */
export function optionRows(p: DecisionPoint): DecisionOption[] {
  return p.options.map(({ wins: _wins, delays: _delays, usedBy: _usedBy, ...o }) => ({ ...o }));
}

/**
 * Why an option cannot meet a bound the prompt states, or undefined: what it adds to the bounded time (`delays`) is
 * more than half the bound, the rest being what commit, transfer and apply need.
 */
export function breaksBound(
  o: Pick<DecisionOptionSpec, "delays"> | undefined,
  scale: Readonly<Record<string, { value: number; quote: string } | undefined>>,
): string | undefined {
  const d = o?.delays;
  const bound = d ? scale[d.bound] : undefined;
  if (!d || !bound || d.seconds <= bound.value / 2) return undefined;
  return `the prompt says '${bound.quote}', and this adds about ${d.seconds} s, more than half of it: ${d.why}`;
}

/**
 * Whether a decision point is decided by a quantity the prompt states (a rule or win condition `{ stated: q }` with
 * q stated): a stated bound reaches the point that owns it, whichever archetype asks it.
 */
/**
 * The one option of a point the prompt asks for by its key phrase after a word that says it is the means ("using a
 * quadtree", "with timing wheels", "built on a sequencer"); none where no option, or more than one, is named so.
 */
export function namedByPrompt(
  p: Pick<DecisionPoint, "options">,
  prompt: string,
): { option: DecisionPoint["options"][number]; quote: string } | undefined {
  const named = p.options.flatMap((option) => {
    if (option.key === undefined) return [];
    const m = pattern(
      String.raw`\b(?:using|uses|use|with|via|built (?:on|with|around)|based on|backed by)\s+(?:an?\s+|the\s+)?(?:${option.key})\b`,
      "i",
    ).exec(prompt);
    return m ? [{ option, quote: m[0] }] : [];
  });
  return named.length === 1 ? named[0] : undefined;
}

function decidedByStated(p: DecisionPoint, scale: Readonly<Record<string, unknown>>): boolean {
  return conditionsOf(p).some((c) => {
    const q = "stated" in c ? c.stated : "boundBelow" in c ? c.boundBelow : undefined;
    return typeof q === "string" && scale[q] !== undefined;
  });
}

/**
 * Each owner's decision points in the order they are decided: every point of the dominant archetype; of each other,
 * the first and every one a stated quantity decides (a control plane's rollout question under "route changes within
 * 5 seconds": a stated bound is answered by the part that owns it, never left to a default that breaks it); every
 * feature's.
 */
function pointOwners(
  f: Pick<Fields, "archetypes" | "features" | "branch" | "nfrs">,
  unspoken: readonly Topic[],
): { owner: string; points: readonly DecisionPoint[]; drives: boolean; feature: boolean }[] {
  const partless = partlessArchetypes(f);
  const featureOwners = f.features.map((feat) => ({
    owner: feat.id,
    points: (FEATURE_BY_ID.get(feat.id)?.decisions ?? []).filter((p) => fitsTopics(p, unspoken)),
    drives: true,
    feature: true,
  }));
  // a question a feature's own point already answers is not asked again of the archetype it rests on
  const settled = new Set(featureOwners.flatMap((o) => o.points.flatMap((p) => p.settles ?? [])));
  const owners = f.archetypes.flatMap((a, i) => {
    // an archetype the design draws no part of decides nothing
    if (partless.has(a.id)) return [];
    // a question about a subject the design is not about is not asked (no producer acks for a work queue)
    const points = decisionPoints(a.id).filter(
      (p) => fitsTopics(p, unspoken) && !settled.has(p.id) && spansRegions(p, f.nfrs.regions.value),
    );
    const asked = i === 0 ? points : points.filter((p, at) => at === 0 || decidedByStated(p, f.nfrs.scale));
    return [{ owner: a.id as string, points: asked, drives: i === 0, feature: false }];
  });
  if (composedKind(f.branch.kind, f.archetypes) === "product") owners.unshift(...featureOwners);
  else owners.push(...featureOwners);
  return owners;
}

/** Whether a point asked only across several regions (`regionsAtLeast`) is asked of a design spanning `regions`. */
const spansRegions = (p: DecisionPoint, regions: number) =>
  p.regionsAtLeast === undefined || regions >= p.regionsAtLeast;

/** What the decisions read of the prompt: what it says for each word condition of the points decided. */
function decisionFacts(f: Readonly<Fields>): DecisionFacts {
  const said: Said = Object.create(null);
  // the product features a product prompt brings speak for it too (a video product serves media); a
  // mixed prompt that only names a product for scale ("at Facebook scale") keeps its own words
  const brought =
    composedKind(f.branch.kind, f.archetypes) === "product" ? f.features.flatMap((x) => [x.name, ...x.actions]) : [];
  const text = [f.prompt, ...brought].join("\n");
  const unspoken = unspokenBesides(f.nfrs.topics);
  for (const o of pointOwners(f, unspoken))
    for (const p of o.points) {
      // the option the prompt asks for by name, kept as its id and the words that name it
      const asked = namedByPrompt(p, f.prompt);
      said[`${NAMED}${p.id}`] = asked ? `${asked.option.id}\t${asked.quote}` : null;
      for (const c of conditionsOf(p))
        if ("words" in c)
          for (const [key, re, of] of wordKeys(c, text, f.prompt))
            if (!Object.hasOwn(said, key)) said[key] = pattern(re, "i").exec(of)?.[0] ?? null;
    }
  // the systems the prompt likens the design to ("like Maglev"): their own options win (`namedChoice`)
  // the regions a word implies ('across regions') are read as the capacity table reads them
  return { said, unspoken, likened: referenceFacts(f.prompt).subjects, regions: impliedRegionInputs(f) };
}

/** What the decisions read of the prompt (`decisionFacts`). */
interface DecisionFacts {
  said: Said;
  unspoken: readonly Topic[];
  likened: readonly string[];
  /** The regions a word implies without counting them, as the capacity table reads them. */
  regions: ImpliedInputs;
}

export const decisionsField: Deriver<"decisions", DecisionFacts> = {
  field: "decisions",
  category: "Chosen",
  reads: ["prompt", "nfrs", "branch", "archetypes", "predicates", "features", "invariants"],
  rule: "each archetype's (and product feature's) decision points, chosen by the first rule whose NFRs, prompt words (with, for a product prompt, the words of the features it brings) and capacity numbers (each model evaluated before any option fixes its inputs, with one value per named input as in the capacity table) hold, else the archetype's sensible default; an option whose win condition, as facts (scale, kind of state, archetypes and invariants held), holds beats a choice resting only on default stances or the fallback; an option whose win condition holds on stated requirements alone beats a rule resting on a computed cost figure; a stated hard rule sets availability and consistency on its own path for the decisions of the archetype that keeps it; two decisions asking the same question take the answer on firmer ground (override, stated, computed, default); the option not chosen says when it would win. A product-first design lists its features' decisions first",
  // all the decisions read of the prompt: what it says for each word condition of the points decided
  facts: decisionFacts,
  derive: (f, _input, facts) => decideAll(f, facts),
};

/**
 * A design's decisions with one chosen by override: where the option it sets fixes capacity inputs (a file system's
 * block size), the points after it that weigh numbers are decided again on the figures it fixes, as they would be
 * had a rule chosen it; the other overridden rows stay as set.
 */
export function redecidedWith(f: Readonly<Fields>, rows: readonly DecisionRow[], set: DecisionRow): DecisionRow[] {
  // a decision asking the same question (engine/roles.ts: a feature's OT-or-CRDT beside its lead's) takes the same
  // answer: one question, one answer, whichever id the override names
  const replaced = rows.map((r): DecisionRow => {
    if (r.id === set.id) return set;
    if (r.chosen === set.chosen || !sameQuestion(r, set) || !r.options.some((o) => o.id === set.chosen)) return r;
    // the win conditions weighed for the old answer no longer stand beside the override's
    const { winning: _weighed, ...rest } = r;
    return {
      ...rest,
      chosen: set.chosen,
      because: `${set.because} (${set.id} asks the same question)`,
      source: "override",
      inputs: set.inputs,
    };
  });
  if ((set.options.find((o) => o.id === set.chosen)?.implies?.capacity ?? []).length === 0) return replaced;
  const facts = decisionFacts(f);
  const pinned = new Map(replaced.filter((r) => r.source === "override").map((r) => [r.id, r]));
  return decideAll(f, facts, pinned);
}

/** Every decision point of the design's owners, in order; a pinned point keeps its row. */
function decideAll(
  f: Readonly<Fields>,
  { said, unspoken, likened, regions }: Readonly<DecisionFacts>,
  pinned?: ReadonlyMap<string, DecisionRow>,
): DecisionRow[] {
  const rows: DecisionRow[] = [];
  // Every figure of each model, evaluated here rather than read from the capacity field: a chosen
  // option may fix capacity inputs (a redundancy scheme's overhead), so capacity follows the decisions.
  // The models share one value per named input, as the capacity field's do.
  const { owners } = capacityOwners(f, () => new Map([...regions, ...fixedInputs(f.nfrs)]));
  // a hard rule the prompt states forces its path's stance on the decisions of the archetype that keeps it
  const stances = hardRuleStances(f);
  const unified = designCapacityRows(owners, f.nfrs.scale);
  for (const o of pointOwners(f, unspoken)) {
    const k = owners.findIndex((c) => c.owner === o.owner);
    const all = k >= 0 ? (unified[k] ?? []) : [];
    let nums = numbersFor(o.owner, all, f.nfrs.scale);
    o.points.forEach((p, at) => {
      if (rows.some((r) => r.id === p.id)) return;
      // a question that exists only under another point's option is not asked under any other choice
      const under = p.onlyWith ? rows.find((r) => r.id === p.onlyWith?.point) : undefined;
      if (under && !p.onlyWith?.options.includes(under.chosen)) return;
      const row = pinned?.get(p.id) ?? decide(p, o.owner, f, nums, said, o.drives, stanceOf(stances, o.owner), likened);
      rows.push(row);
      // an option that fixes capacity inputs (a file system's block size) changes the figures a later point of the
      // same owner reads (the chunk count the metadata question weighs): those are evaluated again with it
      const fixes = (row.options.find((x) => x.id === row.chosen)?.implies?.capacity ?? []).length > 0;
      if (k >= 0 && fixes && o.points.slice(at + 1).some(readsNumbers)) {
        const again = capacityOwners(
          f,
          (owner) =>
            new Map([...regions, ...fixedInputs(f.nfrs, owner === o.owner ? impliedCapacity(rows, owner) : undefined)]),
        );
        nums = numbersFor(o.owner, designCapacityRows(again.owners, f.nfrs.scale)[k] ?? [], f.nfrs.scale);
      }
    });
  }
  return answeredOnce(rows);
}

/**
 * One question, one answer: where two decisions ask the same question (engine/roles.ts `sameQuestion`: an I10 push or
 * poll beside an I11 one) and answer it differently, the answer on firmer ground (an override, then a stated
 * requirement, then a computed figure, then a default; the earlier row on a tie) answers both, with its reason.
 */
function answeredOnce(rows: DecisionRow[]): DecisionRow[] {
  const out = [...rows];
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i] as DecisionRow;
      const b = out[j] as DecisionRow;
      if (a.chosen === b.chosen || !sameQuestion(a, b)) continue;
      const [win, lose, at] = groundOfRow(b) > groundOfRow(a) ? [b, a, i] : [a, b, j];
      if (!lose.options.some((o) => o.id === win.chosen) || lose.source === "override") continue;
      const row: DecisionRow = {
        ...lose,
        chosen: win.chosen,
        because: `${win.because} (${win.id} asks the same question and answers it on firmer ground; one question, one answer)`,
        inputs: win.inputs,
        wouldFlipIf: lose.options
          .filter((o) => o.id !== win.chosen)
          .map((o) => `${o.name} would win if ${o.winsWhen}`)
          .join("; "),
      };
      GROUND.set(row, groundOfRow(win));
      out[at] = row;
    }
  return out;
}

/**
 * The hook the mechanism derivers call: adds what chosen options imply and drops what they rule
 * out, each with the decision as its reason. Rows come back in a stable order.
 */
export function applyDecisions(
  rows: readonly MechanismRow[],
  decisions: readonly DecisionRow[],
  kind: MechanismRow["kind"],
  make: (id: string, because: string[]) => MechanismRow | undefined,
  keep: ReadonlySet<string> = new Set(),
): MechanismRow[] {
  const out = rows.map((r) => ({ ...r, because: [...r.because] }));
  for (const d of decisions) {
    const opt = d.options.find((o) => o.id === d.chosen);
    if (!opt?.implies || !d.drives) continue;
    const why = `decision ${d.id}: ${opt.name}${d.source === "override" ? " (set by override)" : ""}`;
    for (const id of opt.implies.removeMechanisms ?? []) {
      const at = out.findIndex((r) => r.id === id);
      if (at >= 0) out.splice(at, 1);
    }
    if (kind !== "companion") continue;
    for (const id of opt.implies.addMechanisms ?? []) {
      if (keep.has(id)) continue;
      const prev = out.find((r) => r.id === id);
      if (prev) {
        if (!prev.because.includes(why)) prev.because.push(why);
        continue;
      }
      const row = make(id, [why]);
      if (row) out.push(row);
    }
  }
  return out;
}

/** Whether a point's rules or flip conditions test a capacity figure or quantity. */
function readsNumbers(p: DecisionPoint): boolean {
  return conditionsOf(p).some((c) => "number" in c);
}

/** The chosen option of each decision row, with the words that name it as a reason. */
export function chosenOptions(
  decisions: readonly DecisionRow[],
): { row: DecisionRow; option: DecisionOption; why: string }[] {
  return decisions.flatMap((row) => {
    const option = row.options.find((o) => o.id === row.chosen);
    return option ? [{ row, option, why: `decision ${row.id}: ${option.name}` }] : [];
  });
}

/** The capacity inputs the owner's chosen options fix, by quantity, each with its reason. */
export function impliedCapacity(
  decisions: readonly DecisionRow[],
  owner: string,
): Map<string, { value: number; because: string }> {
  const out = new Map<string, { value: number; because: string }>();
  for (const { row, option, why } of chosenOptions(decisions)) {
    if (row.archetype !== owner) continue;
    for (const c of option.implies?.capacity ?? [])
      if (!out.has(c.quantity)) out.set(c.quantity, { value: c.value, because: `${why} (${c.why})` });
  }
  return out;
}

/**
 * Topology elements of this owner (component ids, protocol names, API operations, `from>to` links)
 * that some option of its decisions draws and no chosen option does: they are left out of the design.
 */
export function undrawn(decisions: readonly DecisionRow[], owner: string): Set<string> {
  const out = new Set<string>();
  for (const d of decisions) {
    if (d.archetype !== owner) continue;
    const chosen = new Set(d.options.find((o) => o.id === d.chosen)?.implies?.draws ?? []);
    for (const o of d.options) for (const e of o.implies?.draws ?? []) if (!chosen.has(e)) out.add(e);
  }
  return out;
}

/**
 * The option an element's mark is read against: the design's row for the mark's decision, or, where the point is not
 * asked (or the decisions are not made yet), its fallback.
 */
function markedChoice(mark: OptionMark, decisions: readonly DecisionRow[] | undefined) {
  const row = decisions?.find((d) => d.id === mark.decision);
  if (row) return { option: row.chosen, asked: true };
  const fallback = DECISION_BY_ID.get(mark.decision)?.fallback.option;
  return fallback === undefined ? undefined : { option: fallback, asked: false };
}

/**
 * Whether an element marked with the options it belongs to (`chosen`, knowledge/topology.ts `OptionMark`) is drawn:
 * only where its decision chose one of them (head sampling's root sampler, tail sampling's trace router). Unmarked
 * elements always fit.
 */
export function choiceFits(mark: OptionMark | undefined, decisions: readonly DecisionRow[] | undefined): boolean {
  if (!mark) return true;
  const choice = markedChoice(mark, decisions);
  return choice !== undefined && mark.options.includes(choice.option);
}

/** Why a marked element is drawn, naming its decision: "decision i18-trace-sampling chose tail". */
export function choiceReason(mark: OptionMark, decisions: readonly DecisionRow[] | undefined): string {
  const choice = markedChoice(mark, decisions);
  if (!choice) return `decision ${mark.decision}`;
  return choice.asked
    ? `decision ${mark.decision} chose ${choice.option}`
    : `decision ${mark.decision} is not asked here, so its default ${choice.option} holds`;
}

/** Topology elements of this owner that a chosen option of its decisions draws (`implies.draws`): what it decided to have. */
export function chosenDraws(decisions: readonly DecisionRow[], owner: string): Set<string> {
  const out = new Set<string>();
  for (const d of decisions)
    if (d.archetype === owner)
      for (const e of d.options.find((o) => o.id === d.chosen)?.implies?.draws ?? []) out.add(e);
  return out;
}

/**
 * Capacity figures of this owner (figure ids) that some option of its decisions sizes and no chosen option does: the
 * figures of a part the design decided against, left out of the capacity table.
 */
export function unsized(decisions: readonly DecisionRow[], owner: string): Set<string> {
  const out = new Set<string>();
  for (const d of decisions) {
    if (d.archetype !== owner) continue;
    const chosen = new Set(d.options.find((o) => o.id === d.chosen)?.implies?.sizes ?? []);
    for (const o of d.options) for (const e of o.implies?.sizes ?? []) if (!chosen.has(e)) out.add(e);
  }
  return out;
}

/** The names (and, where given, the work) the chosen options of this owner's decisions give its components, by component id. */
export function chosenNames(
  decisions: readonly DecisionRow[],
  owner: string,
): Map<string, { name: string; runs?: string[]; because?: string }> {
  const out = new Map<string, { name: string; runs?: string[]; because?: string }>();
  for (const d of decisions) {
    if (d.archetype !== owner) continue;
    for (const n of d.options.find((o) => o.id === d.chosen)?.implies?.names ?? [])
      out.set(n.component, {
        name: n.name,
        ...(n.runs ? { runs: n.runs } : {}),
        ...(n.because ? { because: n.because } : {}),
      });
  }
  return out;
}

/** Whether an option names this product among those it is built on (`preferTechnology`, matched as a substring). */
export const builtOn = (option: DecisionOption | undefined, product: string): boolean =>
  (option?.implies?.preferTechnology ?? []).some((p) => product.toLowerCase().includes(p.toLowerCase()));

/**
 * Whether a rejected option is built on this product: it prefers the product, or the product is one of the systems
 * whose own design takes the option (`usedBy`: Kafka's consumers commit offsets, so Apache Kafka is built on offsets,
 * not on per-message leases). A system's own choice only rules it out; it never promotes it, which `preferTechnology`
 * does.
 */
const rejectedOn = (option: DecisionOption, product: string, point: string): boolean =>
  builtOn(option, product) ||
  isSystem(product, DECISION_BY_ID.get(point)?.options.find((o) => o.id === option.id)?.usedBy ?? []);

/** A vendor's or foundation's name said before a product's own ("Apache Kafka", "Amazon SQS", "Google Cloud Spanner"). */
const VENDOR = /^(?:apache|amazon|aws|google(?: cloud)?|azure|microsoft|confluent)\s+/;

/**
 * Whether a technology row's product is one of these named systems itself, not a product beside it: "Apache Kafka" or
 * "Kafka (with tiered storage)" is Kafka, "Prometheus Alertmanager" is not Prometheus.
 */
function isSystem(product: string, systems: readonly string[]): boolean {
  const own = product
    .toLowerCase()
    .replace(/\s*\(.*$/, "")
    .replace(/\s+(?:with|on|over|as)\s.*$/, "")
    .replace(VENDOR, "")
    .trim();
  return systems.some((s) => s.toLowerCase().replace(VENDOR, "") === own);
}

/** A decision and one of its options. */
export type Picked = { row: DecisionRow; option: DecisionOption };

/**
 * What the decisions of a technology row's owner (or of a product feature, which speaks for the whole product)
 * say of a product: the first chosen option built on it, and the first rejected option built on it whose
 * decision chose nothing built on it too. Recommending a rejected build builds what the design decided against
 * (gossip rejected, Serf recommended); avoiding a chosen build rejects what it chose ("not Memcached or Redis"
 * beside a Memcached-style cluster).
 */
export function builds(
  product: string,
  owner: string,
  decisions: readonly DecisionRow[],
): { chosen?: Picked; rejected?: Picked } {
  const out: { chosen?: Picked; rejected?: Picked } = {};
  // a rejected option that names the product as what it is built on says more than one whose systems merely include
  // it (a ledger's distributed SQL rejected names CockroachDB; hashing over key ranges only lists it among range stores)
  let merelyUsed: Picked | undefined;
  for (const row of decisions) {
    if (row.archetype !== owner && /^I\d\d$/.test(row.archetype)) continue;
    const chosen = row.options.find((o) => o.id === row.chosen);
    // a chosen option names the product in its own words ("for example Redis with an atomic script"): it decided it
    if (chosen && (builtOn(chosen, product) || optionNamesProduct(chosen.name, product) !== undefined))
      out.chosen ??= { row, option: chosen };
    else {
      const named = row.options.find((o) => o.id !== row.chosen && builtOn(o, product));
      if (named) out.rejected ??= { row, option: named };
      const option = row.options.find((o) => o.id !== row.chosen && rejectedOn(o, product, row.id));
      if (option) merelyUsed ??= { row, option };
    }
  }
  if (!out.rejected && merelyUsed) out.rejected = merelyUsed;
  return out;
}

/**
 * The hook the technology deriver calls: a product lacking a property a chosen option needs, or built on an
 * option a decision of the row's owner rejected, is dropped from the choices; a chosen option's preferred
 * products move first in their layer, with the decision named, and are never the layer's product to avoid.
 */
export function preferTechnology(given: readonly TechnologyRow[], decisions: readonly DecisionRow[]): TechnologyRow[] {
  const rows = withoutChosenSetAside(given, decisions);
  const chosen = chosenOptions(decisions);
  const needs = chosen.flatMap(({ option }) => option.implies?.needs ?? []);
  const usable = (product: string) => needs.every((n) => !lacks(product, n));
  const namesProducts = decisions.some((d) => d.options.some((o) => (o.implies?.preferTechnology ?? []).length > 0));
  if (!namesProducts && needs.length === 0) return [...rows];
  return rows.flatMap((row) => {
    const built = (product: string) => !builds(product, row.archetype, decisions).rejected;
    // a chosen option of this row's owner (or of a feature) built on the product
    const hit = (product: string) => builds(product, row.archetype, decisions).chosen;
    const choices = row.choices.map((c) => {
      const by = hit(c.product);
      return by ? { ...c, why: `${c.why}; preferred by decision ${by.row.id}: ${by.option.name}` } : c;
    });
    const ranked = [...choices.filter((c) => hit(c.product)), ...choices.filter((c) => !hit(c.product))].filter(
      (c) => usable(c.product) && built(c.product),
    );
    const out: TechnologyRow = { ...row, choices: ranked };
    if (row.avoid && hit(row.avoid.product)) delete out.avoid;
    // A layer whose every product lacks what the decision needs names none rather than a wrong one.
    const emptied = row.choices.length > 0 && ranked.length === 0 && !out.avoid && !out.references;
    return emptied ? [] : [out];
  });
}

/**
 * A runner-up or product to avoid in a chosen option's key phrase (an erasure-coded tier left as the runner-up beside
 * erasure coding chosen) sets aside what the design does: it is left out of its row.
 */
function withoutChosenSetAside(rows: readonly TechnologyRow[], decisions: readonly DecisionRow[]): TechnologyRow[] {
  const keys = chosenKeys(decisions).map((k) => k.re);
  if (keys.length === 0) return [...rows];
  const names = (p: string | undefined) => p !== undefined && keys.some((re) => re.test(p));
  return rows.map((row) => {
    if (!names(row.runnerUp?.product) && !names(row.avoid?.product)) return row;
    const out: TechnologyRow = { ...row };
    if (names(row.runnerUp?.product)) delete out.runnerUp;
    if (names(row.avoid?.product)) delete out.avoid;
    return out;
  });
}

/**
 * The phrases the chosen decision options exclude, as patterns: the words of the options they rejected (an edge's
 * purge fan-out beside a cache cluster chosen in front of a database, a worker id beside leased id blocks). A part
 * in those words (a failure row, a bottleneck, a capacity figure) belongs to the option not taken and is left out; with
 * `owner`, only that archetype's or feature's decisions count (a social graph's edges are not a cache's edge sites).
 */
export function excludedBy(decisions: readonly DecisionRow[], owner?: string): RegExp[] {
  return decisions.flatMap((d) =>
    owner !== undefined && d.archetype !== owner
      ? []
      : (d.options.find((o) => o.id === d.chosen)?.implies?.excludes ?? []).map((x) => pattern(x, "i")),
  );
}

/**
 * A text without its clauses in the words the chosen options exclude: a card row may say both options of a decision
 * in clauses of their own ("the record for one key ...; a leaderless store may hold several siblings ..."), and the
 * clause of the option not taken goes while the rest of the row stays. Clauses are split at semicolons; undefined
 * when every clause is excluded (the row is the rejected option's whole), the text itself when none is. With
 * `headDecides` (a rule), the first clause says what the row is about, so the row goes when that clause is excluded.
 */
export function withoutExcludedClauses(
  text: string,
  excluded: readonly RegExp[],
  headDecides = false,
): string | undefined {
  if (excluded.length === 0 || !excluded.some((re) => re.test(text))) return text;
  const clauses = text.replace(/[.]$/, "").split(/;\s+/);
  // in a rule the clauses after the first spell out the first ("after concurrent record appends ...; a retried
  // append can leave padding"): a rule whose first clause is excluded is the rejected option's whole
  if (headDecides && excluded.some((re) => re.test(clauses[0] ?? ""))) return undefined;
  const kept = clauses.filter((c) => !excluded.some((re) => re.test(c)));
  if (kept.length === 0) return undefined;
  const joined = kept.join("; ");
  const head = /^[A-Z]/.test(text) ? joined.charAt(0).toUpperCase() : joined.charAt(0);
  return `${head}${joined.slice(1)}${text.endsWith(".") ? "." : ""}`;
}

/**
 * A rejected option's key phrase (`DecisionOptionSpec.key`), with its decision and the option; `alone` matches a text
 * that says it without the chosen option's key phrase (a failure row whose prevention names both, "transform it (OT),
 * or merge it as a CRDT", states the trade-off rather than building the rejected option).
 */
export type RejectedKey = { row: DecisionRow; option: DecisionOption; re: RegExp; alone: RegExp };

/**
 * The key phrases of the options these decisions rejected, as patterns: the words that name a rejected option and no
 * other (timing wheels, siblings). A phrase some chosen option of `all` is named in (its name or its own key phrase
 * says it: a design that chose CRDTs for one owner may reject them for another) names what the design does and is left out.
 */
export function rejectedKeys(
  decisions: readonly DecisionRow[],
  all: readonly DecisionRow[] = decisions,
): RejectedKey[] {
  const chosen = all.flatMap((r) => r.options.filter((o) => o.id === r.chosen));
  return decisions.flatMap((row) => {
    const own = row.options.find((o) => o.id === row.chosen)?.key;
    return row.options
      .filter((o) => o.id !== row.chosen && o.key !== undefined)
      .map((option) => ({
        row,
        option,
        re: pattern(`\\b(?:${option.key})\\b`, "i"),
        alone:
          own === undefined
            ? pattern(`\\b(?:${option.key})\\b`, "i")
            : pattern(`^(?![\\s\\S]*\\b(?:${own})\\b)[\\s\\S]*\\b(?:${option.key})\\b`, "i"),
      }))
      .filter(({ re }) => !chosen.some((c) => re.test(c.name) || (c.key !== undefined && re.test(c.key))));
  });
}

/** The key phrases of the options these decisions chose (`DecisionOptionSpec.key`): what the design does, by name. */
export function chosenKeys(
  decisions: readonly DecisionRow[],
): { row: DecisionRow; option: DecisionOption; re: RegExp }[] {
  return decisions.flatMap((row) =>
    row.options
      .filter((o) => o.id === row.chosen && o.key !== undefined)
      .map((option) => ({ row, option, re: pattern(`\\b(?:${option.key})\\b`, "i") })),
  );
}

/**
 * The decision that chose against a mechanism: a rejected option adds it (invalidation on every change, when TTL
 * expiry was chosen) and no chosen option does. The design may still carry the mechanism for another rule, but it
 * is never what the design is said to rest on. Only the decisions of the archetype the design rests on count (`owner`):
 * a supporting scheduler's rejected timing wheel, which would add a lease, says nothing against a lock service's lease.
 */
export function decidedAgainst(
  decisions: readonly Pick<DecisionRow, "id" | "archetype" | "chosen" | "options">[],
  mechanism: string,
  owner: string | undefined,
): { row: string; option: string; chosen: string } | undefined {
  const adds = (o: DecisionOption) => (o.implies?.addMechanisms ?? []).some((m) => m === mechanism);
  if (decisions.some((r) => r.options.some((o) => o.id === r.chosen && adds(o)))) return undefined;
  for (const r of decisions.filter((x) => x.archetype === owner)) {
    const against = r.options.find((o) => o.id !== r.chosen && adds(o));
    const chosen = r.options.find((o) => o.id === r.chosen);
    if (against && chosen) return { row: r.id, option: against.name, chosen: chosen.name };
  }
  return undefined;
}

/**
 * The mechanisms a chosen option rules out (gossip dissemination, when heartbeats to a central registry were chosen),
 * each with that choice: the design holds none of them unless another chosen option adds it.
 */
export function ruledOutMechanisms(decisions: readonly DecisionRow[]): Map<string, Picked> {
  // a supporting archetype's choice drives no mechanism, but the design still says it chose it, so its own
  // card's operations follow it too
  const chosen = chosenOptions(decisions);
  const added = new Set(chosen.flatMap(({ option }) => option.implies?.addMechanisms ?? []));
  const out = new Map<string, Picked>();
  for (const { row, option } of chosen)
    for (const id of option.implies?.removeMechanisms ?? [])
      if (!added.has(id) && !out.has(id)) out.set(id, { row, option });
  return out;
}

/**
 * A card operation of the deciding archetype (on one of the card's entities), worked by a mechanism its chosen
 * option rules out. An operation the design adds for a stated need (replication to the stated regions) is
 * not the card's and answers another question.
 */
export function optionOnly(
  o: { mechanism?: string; archetype: string; entity: string },
  ruledOut: ReadonlyMap<string, Picked>,
): Picked | undefined {
  const by = o.mechanism ? ruledOut.get(o.mechanism) : undefined;
  if (!by || by.row.archetype !== o.archetype || !/^I\d\d$/.test(o.archetype)) return undefined;
  return archetype(o.archetype as ArchetypeId).entities.some((e) => e.name === o.entity) ? by : undefined;
}

/**
 * The operations a design carries once its decisions are made: a card's operation worked by a mechanism a chosen
 * option rules out (spreading member state to random peers, when heartbeats to a registry were chosen) is left out.
 */
export function carriedOperations<T extends { mechanism?: string; archetype: string; entity: string }>(
  operations: readonly T[],
  decisions: readonly DecisionRow[],
): readonly T[] {
  const ruledOut = ruledOutMechanisms(decisions);
  if (ruledOut.size === 0) return operations;
  const kept = operations.filter((o) => !optionOnly(o, ruledOut));
  return kept.length === operations.length ? operations : kept;
}

/**
 * The mechanisms a design carries once its operations are: a mechanism every reason of which is an operation left
 * out (a worker-id lease's heartbeats, once leased blocks were chosen) goes with it.
 */
export function carriedMechanisms<T extends { because: readonly string[] }>(
  mechanisms: readonly T[],
  operations: readonly { phrase: string }[],
  carried: readonly { phrase: string }[],
): readonly T[] {
  if (carried.length === operations.length) return mechanisms;
  const kept = new Set(carried.map((o) => o.phrase));
  const gone = operations.filter((o) => !kept.has(o.phrase)).map((o) => `${o.phrase}:`);
  const left = mechanisms.filter((m) => !m.because.every((b) => gone.some((g) => b.startsWith(g))));
  return left.length === mechanisms.length ? mechanisms : left;
}

/**
 * The critical paths and invariants a design carries once its operations are: a path loses the steps left out, and
 * a path left with none goes. Its invariants stay with the state they constrain: each moves to the first carried path
 * that writes an entity the gone path wrote (a token bucket's refill-and-take goes once a sliding window is chosen,
 * and the budget's rules move to the window's count, which writes the same Budget); one with no such path goes too.
 */
export function carriedPaths<
  P extends { name: string; operations: readonly string[] },
  I extends { path: string; statement: string; because: string },
>(
  paths: readonly P[],
  invariants: readonly I[],
  carried: readonly { phrase: string }[],
  operations: readonly { phrase: string; entity: string }[] = [],
): { paths: readonly P[]; invariants: readonly I[] } {
  const kept = new Set(carried.map((o) => o.phrase));
  if (paths.every((p) => p.operations.every((o) => kept.has(o)))) return { paths, invariants };
  const left = paths.flatMap((p) => {
    const ops = p.operations.filter((o) => kept.has(o));
    return ops.length === 0 ? [] : [ops.length === p.operations.length ? p : { ...p, operations: ops }];
  });
  const names = new Set(left.map((p) => p.name));
  const entityOf = new Map(operations.map((o) => [o.phrase, o.entity]));
  const writes = (p: { operations: readonly string[] }) =>
    new Set(p.operations.flatMap((o) => (entityOf.has(o) ? [entityOf.get(o) as string] : [])));
  const heir = new Map<string, string>();
  for (const p of paths) {
    if (names.has(p.name)) continue;
    const own = writes(p);
    const to = left.find((q) => [...writes(q)].some((e) => own.has(e)));
    if (to) heir.set(p.name, to.name);
  }
  const moved = (text: string, from: string, to: string) => text.split(`'${from}'`).join(`'${to}'`);
  const out: I[] = [];
  for (const i of invariants) {
    if (names.has(i.path)) out.push(i);
    else {
      const to = heir.get(i.path);
      if (to && !out.some((x) => x.path === to && x.statement === moved(i.statement, i.path, to)))
        out.push({
          ...i,
          path: to,
          statement: moved(i.statement, i.path, to),
          because: `${moved(i.because, i.path, to)}; moved from '${i.path}', which the decisions leave out, to '${to}', which writes the same state`,
        });
    }
  }
  return { paths: left, invariants: out };
}

/**
 * What a design's decisions leave out of its records and reads: a record whose every writer a chosen option ruled out
 * or that only a rejected option draws and whose write is in the words a chosen one excludes (a block counter's high-water mark once a timestamp layout was chosen, a rollup
 * once raw retention was, a chunk's primary lease once immutable objects were) and that
 * belongs to the options not taken, because some option of its archetype draws it and no chosen one does, or, for a
 * read, because the read is in the words a chosen option excludes (a long-range query from rollups). Its operations,
 * primary-state row and serving paths go with it. A record the kept steps still write stays, whatever the data model
 * draws (an object store's namespace entries).
 */
export interface LeftOut {
  /** Whether a row of this archetype on this entity (a read or serving path, when `read` is its text) is left out. */
  has(row: { archetype: string; entity: string }, read?: string): boolean;
  readonly none: boolean;
}

const NOTHING_LEFT_OUT: LeftOut = { none: true, has: () => false };

export function leftOutState(
  decisions: readonly DecisionRow[],
  operations: readonly { phrase: string; entity: string; operation: string; archetype: string }[],
): LeftOut {
  const gone = new Map<string, ReadonlySet<string>>();
  const words = new Map<string, RegExp[]>();
  const undrawnOf = (owner: string) => gone.get(owner) ?? gone.set(owner, undrawn(decisions, owner)).get(owner);
  const wordsOf = (owner: string) => words.get(owner) ?? words.set(owner, excludedBy(decisions, owner)).get(owner);
  // a write of a record only a rejected option draws, in the words the chosen one excludes, goes too (a chunk's
  // primary lease once immutable objects are chosen; an object store's namespace entries stay)
  const carried = carriedOperations(operations, decisions).filter(
    (o) =>
      readsOnly(o) ||
      undrawnOf(o.archetype)?.has(o.entity) !== true ||
      !(wordsOf(o.archetype) ?? []).some((re) => re.test(o.phrase)),
  );
  const kept = new Set(carried.map((o) => o.phrase));
  const key = (o: { archetype: string; entity: string }) => `${o.archetype}\u0000${o.entity}`;
  const written = new Set(carried.filter((o) => !readsOnly(o)).map(key));
  // a record the design only reads (a generator's in-memory block, written by no path of its own) is orphaned too
  // when only a rejected option draws it and no kept step writes it: nothing of the chosen design holds it
  const orphans = new Set(
    operations
      .filter((o) =>
        readsOnly(o)
          ? undrawnOf(o.archetype)?.has(o.entity) === true && !written.has(key(o))
          : !kept.has(o.phrase) && !written.has(key(o)),
      )
      .map(key),
  );
  if (orphans.size === 0) return NOTHING_LEFT_OUT;
  return {
    none: false,
    has: (row, read) =>
      orphans.has(key(row)) &&
      (undrawnOf(row.archetype)?.has(row.entity) === true ||
        (read !== undefined && (wordsOf(row.archetype) ?? []).some((re) => re.test(read)))),
  };
}

/** An operation that only reads its entity (its shape says so), as opposed to one that writes it. */
export const readsOnly = (o: { operation: string }): boolean => /^read /.test(o.operation);

/** The rows the decisions keep (the same rows when they leave nothing out). */
export function withoutLeftOut<T extends { archetype: string; entity: string }>(
  rows: readonly T[],
  left: LeftOut,
  readText?: (row: T) => string | undefined,
): T[] {
  if (left.none) return [...rows];
  return rows.filter((r) => !left.has(r, readText?.(r)));
}

/**
 * The clause of an invariant a condition's pattern matched, said whole: "No host ever has more than one fetch in
 * flight", never the bare match ("more than one fetch in flight", or "robots.txt" cut out of a negative clause).
 */
export function promisedClause(statement: string, re: RegExp): string {
  const clauses = statement.replace(/[.]$/, "").split(/(?<=[;:])\s+|,\s+(?:and|so|but)\s+|(?<=[a-z])\.\s+/);
  const hit = clauses.find((c) => re.test(c)) ?? statement;
  return hit.replace(/[;:,]$/, "").trim();
}
