/**
 * Measures how the knowledge base states each decision option's win condition: as figures the capacity table reads
 * (`figureOnlyWins`), as a stated bound or qualifier (words, a stated NFR, a stated time bound or latency target), as
 * another structured fact, as a delay against a bound (`delays`), or in prose only; prose conditions are sorted by
 * what they speak of, so the ones a stated field could read stand out. `--list` prints each prose one.
 */

import { figureOnlyWins } from "../src/engine/decision-figures.js";
import { DECISION_BY_ID } from "../src/knowledge/decisions/index.js";
import type { DecisionCondition } from "../src/knowledge/decisions/types.js";

const qualifier = (c: DecisionCondition): boolean =>
  "words" in c ||
  "stated" in c ||
  "latencyAtMost" in c ||
  "boundBelow" in c ||
  ("any" in c && c.any.every(qualifier)) ||
  ("nfr" in c && c.stated === true) ||
  ("number" in c && c.below !== undefined);

const PROSE_KINDS: [string, RegExp][] = [
  [
    "freshness/lag",
    /\bstale|fresh|\blag|read[- ]after|own writes|immediately|at once|propagat|within (?:a |\d)|seconds?\b|visible/i,
  ],
  ["window/quota", /\bwindow|\bcap\b|burst|smooth|quota|per (?:second|minute|hour)/i],
  ["order/consistency", /\border|consisten|linearizab|exactly|at[- ]least|duplicate|conflict/i],
  ["scale in words", /\bmillions?|billions?|thousands?|huge|large|small|few|many|hot|heavy|tiny|modest|big|high|low/i],
];

const rows: { point: string; option: string; kind: string; winsWhen: string }[] = [];
for (const p of DECISION_BY_ID.values())
  for (const o of p.options) {
    const wins = o.wins ?? [];
    const kind = figureOnlyWins(o.wins)
      ? "figures"
      : wins.length > 0 && wins.every(qualifier)
        ? "stated bound/qualifier"
        : wins.length > 0
          ? "other structured"
          : o.delays
            ? "delay against a bound only"
            : `prose: ${PROSE_KINDS.find(([, re]) => re.test(o.winsWhen))?.[0] ?? "other"}`;
    rows.push({ point: p.id, option: o.id, kind, winsWhen: o.winsWhen });
  }
const counts = new Map<string, number>();
for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
console.log(`${rows.length} options over ${DECISION_BY_ID.size} decision points`);
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
if (process.argv.includes("--list"))
  for (const r of rows.filter((x) => x.kind.startsWith(process.argv[process.argv.indexOf("--list") + 1] ?? "prose")))
    console.log(`${r.kind}\t${r.point}/${r.option}\t${r.winsWhen}`);

/**
 * `--corpus [root]`: over the corpus (test/fixtures/corpus.txt and the `prompt` of eval/unseen*.jsonl), each option
 * whose whole win condition the prompt itself meets, read from the prompt alone (its words, its stated NFRs, its
 * stated quantities and bounds), then, for the prompts with any, the design's choice at that point: a decision that
 * rejects such an option without naming it in its reason refutes itself. `root` is the checkout whose engine designs
 * (this one by default), so two checkouts can be compared.
 */
if (process.argv.includes("--corpus")) {
  const { readFileSync, readdirSync } = await import("node:fs");
  const { statedNfrsOf } = await import("../src/engine/nfr-parse.js");
  const { boundCheck } = await import("../src/engine/decision-figures.js");
  const { pattern } = await import("../src/engine/text.js");
  const at = process.argv.indexOf("--corpus");
  const root = process.argv[at + 1] && !process.argv[at + 1]?.startsWith("--") ? process.argv[at + 1] : "..";
  const { design } = await import(`${root}/src/engine/design/design.ts`);
  const prompts = readFileSync("test/fixtures/corpus.txt", "utf8")
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith("#"));
  for (const f of readdirSync("eval")
    .filter((x) => /^unseen.*\.jsonl$/.test(x))
    .sort())
    for (const line of readFileSync(`eval/${f}`, "utf8").split("\n"))
      if (line.trim()) {
        const p = JSON.parse(line).prompt;
        if (typeof p === "string") prompts.push(p);
      }
  type Stated = ReturnType<typeof statedNfrsOf>;
  // true or false where the prompt alone settles the condition; undefined where it rests on anything else
  const meets = (
    c: DecisionCondition,
    prompt: string,
    s: Stated,
    all: readonly DecisionCondition[],
  ): boolean | undefined => {
    if ("any" in c) {
      const r = c.any.map((x) => meets(x, prompt, s, c.any));
      return r.some((x) => x === true) ? true : r.every((x) => x === false) ? false : undefined;
    }
    if ("words" in c)
      return pattern(c.words, "i").test(prompt) && !(c.unless !== undefined && pattern(c.unless, "i").test(prompt));
    if ("boundBelow" in c) return boundCheck(c, s.scale).holds;
    if ("stated" in c && !("nfr" in c))
      return (
        s.scale[c.stated] !== undefined &&
        (c.matching === undefined || pattern(c.matching, "i").test(s.scale[c.stated]?.quote ?? ""))
      );
    if ("latencyAtMost" in c) return s.latency.some((l) => l.ms <= c.latencyAtMost);
    if ("nfr" in c) {
      const v = s[c.nfr]?.value;
      return v !== undefined ? c.in.includes(String(v)) : c.stated ? false : undefined;
    }
    if ("number" in c) {
      // a threshold of another figure (`of`) is read from the design, not the prompt
      if (c.of !== undefined) return undefined;
      const v = s.scale[c.number]?.value;
      if (v === undefined)
        return all.some((x) => "stated" in x && !("nfr" in x) && x.stated === c.number) ? false : undefined;
      return (c.atLeast === undefined || v >= c.atLeast) && (c.below === undefined || v < c.below);
    }
    return undefined;
  };
  let met = 0;
  let refuted = 0;
  let prompted = 0;
  const byPoint = new Map<string, number>();
  for (const prompt of [...new Set(prompts)]) {
    const s = statedNfrsOf(prompt);
    const options = [...DECISION_BY_ID.values()].flatMap((p) =>
      p.options
        .filter((o) => o.wins?.length && o.wins.every((c) => meets(c, prompt, s, o.wins ?? []) === true))
        .map((o) => ({ p, o })),
    );
    if (options.length === 0) continue;
    prompted++;
    const d = design(prompt);
    for (const { p, o } of options) {
      const row = d.decisions.find((r: { id: string }) => r.id === p.id);
      if (!row) continue;
      met++;
      if (row.chosen === o.id || row.source === "override" || row.because.includes(o.name)) continue;
      // a point where the chosen option's own win condition is met by the prompt too is a trade-off the prompt leaves open
      const chosen = p.options.find((x) => x.id === row.chosen);
      if (chosen?.wins?.length && chosen.wins.every((c) => meets(c, prompt, s, chosen.wins ?? []) === true)) continue;
      refuted++;
      byPoint.set(`${p.id}/${o.id}`, (byPoint.get(`${p.id}/${o.id}`) ?? 0) + 1);
      if (process.argv.includes("--show"))
        console.log(`  ${p.id}: chose ${row.chosen} against ${o.id} | ${prompt.slice(0, 110)}`);
    }
  }
  console.log(
    `${prompted} prompts meet some option's stated win condition; ${met} such decisions designed; ${refuted} reject it without naming it`,
  );
  for (const [k, n] of [...byPoint].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
}
