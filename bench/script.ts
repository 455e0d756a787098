// Speakability of the spoken script over the script corpus: sentence lengths, spliced table text,
// content problems (internal ids, variables read aloud, decisions as labels, counts that do not add up,
// another design's failures), presentation problems (lists mixing forms, archetype and failure labels, template
// lines the design lacks the facts for, a hottest number without its inputs), and steps over their budget, for a 45-minute round and the short (20-minute) version.
// Usage: npx tsx bench/script.ts
import { design } from "../src/engine/design/design.js";
import { contentProblems, presentationProblems, sentenceStats, speechProblems } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { SCRIPT_CORPUS } from "../test/fixtures/script-corpus.js";

const designs = SCRIPT_CORPUS.map((p) => design(p));
const rows: string[][] = [];
for (const short of [false, true]) {
  let sentences = 0;
  let words = 0;
  let max = 0;
  let over25 = 0;
  let overruns = 0;
  let problems = 0;
  let content = 0;
  let presentation = 0;
  let talk = 0;
  for (const d of designs) {
    const s = writeScript(d, short ? { short } : { minutes: 45 });
    const st = sentenceStats(s);
    sentences += st.sentences;
    words += st.words;
    max = Math.max(max, st.max);
    over25 += st.over;
    overruns += s.totals.overruns.length;
    problems += speechProblems(d, s).length;
    content += contentProblems(d, s).length;
    presentation += presentationProblems(d, s).length;
    talk = Math.max(talk, s.totals.seconds);
  }
  rows.push([
    short ? "short (20 min)" : "45 min",
    String(designs.length),
    String(sentences),
    (words / sentences).toFixed(1),
    String(max),
    String(over25),
    String(problems),
    String(content),
    String(presentation),
    String(overruns),
    `${Math.round(talk / 60)} min`,
  ]);
}
const head = [
  "round",
  "prompts",
  "sentences",
  "mean words",
  "max words",
  "> 25 words",
  "spliced/symbols",
  "ids/labels/counts/foreign",
  "mixed lists/labels/templates/bare numbers",
  "steps over budget",
  "longest talk",
];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i] ?? 0)).join("  ");
console.log([line(head), ...rows.map(line)].join("\n"));
