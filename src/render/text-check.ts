/**
 * Template garble a reader would notice in any text we hand out (the design document, the spoken script,
 * the sequence diagrams): an unfilled placeholder, a clause cut off or spliced into the wrong slot, a bare
 * "None." answer, a repeated word, a formula read aloud, a guarded branch drawn with no other branch.
 * Each class is data (an id, what it means, which text it reads and how it finds a hit), so the corpus test
 * and the counting script read one list.
 */
import type { Design } from "../engine/design/design.js";
import { designBlocks } from "./design-doc.js";
import { danglingEnd, isClause, verbless } from "./script/speak.js";
import { namesOnly } from "./script/steps.js";
import type { Script } from "./script/types.js";

/** Which text a class reads: every line a reader sees, only what the candidate says aloud, or the sequence diagrams. */
export type TextScope = "prose" | "spoken" | "sequence";

export interface TextClass {
  id: string;
  says: string;
  scope: TextScope;
  /** The hits in one piece of text (a sentence, a table cell or a whole diagram). */
  find(text: string): string[];
}

const hits = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => m[0]);

/** Words that end in "s" without being a verb's third person ("this", "process", "status", "basis"). */
const NOT_THIRD_PERSON = /(?:ss|us|is|ys|ics|ous|'s)$/;
/** Plural nouns that may stand between a determiner and a number or an object ("the reads 2 replicas see"). */
const PLURAL_NOUNS =
  /^(?:reads|writes|updates|requests|records|results|rows|keys|users|messages|events|jobs|runs|rules|items|bytes|seconds|minutes|hours|days|nodes|shards|replicas|partitions|counts|totals|ids|parts|copies|votes|fans|seats|drivers|riders|rates|states|orders|bids|shares|files|blocks|chunks|pages|posts|tweets|likes|views|hits|misses|edits|changes|deltas|hashes|tokens|leases|locks|logs|streams|samples|series|alerts|points|limits|windows|buckets|slots|tiers|regions|zones|hosts|servers|workers|clients|callers|readers|writers|owners|members|peers|sessions|versions|snapshots|entries|offsets|batches|sets|lists|maps|queues|topics|channels|devices|tables|indexes|values|fields|terms|queries|suggestions|prefixes|flags|segments|targets|instances|configs|outcomes|attempts|retries|failures|errors|deliveries|notifications|pushes|emails|calls|steps|tasks|workflows|timers|schedules|payments|charges|refunds|balances|accounts|transfers|trades|prices|quotes|levels|ranks|scores|players|matches|rooms|documents|operations|ops|photos|videos|uploads|downloads|objects|buckets)$/;

/** Words a sentence is cut off after ("… suggestions within."), beyond `danglingEnd`'s prepositions and articles. */
const CUT_ENDS = /\b(?:within|into|onto|via|by|at|to|no|its|their|these|those)\.$/i;
/** A preposition stranded after its verb ends a sentence well ("… rebuilt from.", "… disagree on."). */
const STRANDING_VERB =
  /\b(?:[a-z]+ed|[a-z]+ates|group|split|built|rebuilt|kept|held|sent|made|read|come|comes|came|go|goes|went|rely|relies|depend|depends|agree|agrees|disagree|wait|waits|look|looks|ask|asks|pay|pays|point|points|refer|refers|belong|belongs|listen|listens|talk|talks|write|writes|run|runs|take|takes|care|cares)\s+\S+\.$/i;

export const TEXT_CLASSES: readonly TextClass[] = [
  {
    id: "placeholder",
    says: "an unfilled template slot ('{driver}') outside a URL or path",
    scope: "prose",
    find: (t) => hits(/(?<![/=:{\w\\])\{[a-z][a-z_\\ ]*\}(?!\()/gi, t),
  },
  {
    id: "determiner-verb",
    says: "a determiner before a verb's third person ('the evaluates 1 million …')",
    scope: "prose",
    find: (t) =>
      [...t.matchAll(/\b(?:the|a|an)\s+([a-z]{3,}s)\s+\d/gi)]
        .filter((m) => {
          const w = (m[1] ?? "").toLowerCase();
          return !NOT_THIRD_PERSON.test(w) && !PLURAL_NOUNS.test(w);
        })
        .map((m) => m[0]),
  },
  {
    id: "with-clause",
    says: "a finite clause after 'with' ('wins with peak firing rates exceed what …')",
    scope: "prose",
    find: (t) =>
      hits(
        /\bwith\s+(?:[a-z-]+\s+){1,4}(?:exceed|exceeds|outgrow|outgrows|outrun|outruns|overtake|overtakes|pass|passes|reach|reaches|top|tops)\s+(?:what|the|a|an|its|their|\d)\b/gi,
        t,
      ),
  },
  {
    id: "verbless-clause",
    says: "a reason after 'because' with no verb of its own ('because an environment's flags as one snapshot')",
    scope: "prose",
    find: (t) =>
      // a bracketed aside is read past ("because a consensus store (etcd, ZooKeeper) with fencing tokens wins …")
      [...t.replace(/\s*\([^()]*\)/g, "").matchAll(/\bbecause\s+([^,;:.()?]+)/gi)]
        .map((m) => [m[0], (m[1] ?? "").trim()] as const)
        .filter(([, c]) => c.split(/\s+/).length >= 2 && verbless(c) && !isClause(c))
        .map(([hit]) => hit.trim()),
  },
  {
    id: "cut-end",
    says: "a sentence that ends on a preposition, a determiner or a possessive with no noun ('the segment's included.')",
    scope: "prose",
    find: (t) => {
      const out: string[] = [];
      for (const s of sentences(t)) {
        if (!/[.!?]$/.test(s)) continue;
        const cut = danglingEnd(s, false) !== undefined || CUT_ENDS.test(s);
        // a possessive with no noun ("the segment's included."), a 'where' clause with no complement ("and where the subject is.")
        const headless = /\b\w+'s\s+[a-z]+ed\.$/.test(s) || /\bwhere\s+(?:\S+\s+){1,3}(?:is|are)\.$/.test(s);
        if ((cut && !STRANDING_VERB.test(s)) || headless) out.push(s);
      }
      return out;
    },
  },
  {
    id: "none-answer",
    says: "an answer that is only 'None.' (say what it is not stale behind, or the bound)",
    scope: "spoken",
    find: (t) => hits(/(?:^|A: |: )None\.\s*$/g, t),
  },
  {
    id: "duplicated-word",
    says: "the same word twice in a row ('the the')",
    scope: "prose",
    find: (t) =>
      [...t.matchAll(/\b([a-z]{2,})\s+\1\b(?!-)/gi)]
        .filter((m) => !/^(?:that|had|is|no)$/i.test(m[1] ?? ""))
        .map((m) => m[0]),
  },
  {
    id: "spoken-formula",
    says: "a formula read aloud: '=', '*' or '×' in spoken text",
    scope: "spoken",
    find: (t) => hits(/[^\s]*\s?[=*×]\s?[^\s]*/g, t),
  },
  {
    id: "spoken-cell",
    says: "a table cell that only names a thing said aloud as a sentence ('Local allowances plus a declared … stance per policy.')",
    scope: "spoken",
    find: (t) => (/^(?:A: |Q: )|\?$/.test(t) ? [] : sentences(t).filter((s) => /^[A-Z]/.test(s) && namesOnly(s))),
  },
  {
    id: "kept-in-itself",
    says: "a record said to be kept in a store of its own name ('the partition map, kept in the partition map')",
    scope: "prose",
    find: (t) =>
      [...t.matchAll(/, kept in (?:the )?([a-z][a-z -]{2,40}?)(?=[.,;]|$)/gi)]
        .filter((m) => {
          const held = (m[1] ?? "").toLowerCase();
          return t.slice(0, m.index).toLowerCase().endsWith(` ${held}`);
        })
        .map((m) => m[0]),
  },
  {
    id: "article-before-name",
    says: "an article before a product's proper name ('an Apache Kafka as the change log')",
    scope: "prose",
    find: (t) =>
      hits(
        /\b(?:a|an)\s+(?:Apache|Amazon|Google|Azure|AWS|Microsoft)\s+[A-Z][A-Za-z0-9]*\b(?!\s+(?:table|tables|store|log|queue|cluster|index|bucket|topic)\b)/g,
        t,
      ),
  },
  {
    id: "alt-without-else",
    says: "a sequence diagram's alt block with no else branch (the other path drawn outside it)",
    scope: "sequence",
    find: (t) => {
      const out: string[] = [];
      const lines = t.split("\n").map((l) => l.trim());
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i]?.startsWith("alt ")) continue;
        let depth = 0;
        let hasElse = false;
        for (let j = i + 1; j < lines.length; j++) {
          const l = lines[j] ?? "";
          if (/^(?:alt|opt|loop|par|critical|rect)\b/.test(l)) depth++;
          else if (l === "end") {
            if (depth === 0) break;
            depth--;
          } else if (depth === 0 && /^else\b/.test(l)) hasElse = true;
        }
        if (!hasElse) out.push(lines[i] ?? "");
      }
      return out;
    },
  },
];

/** A text split into its sentences (a full stop, question or exclamation mark followed by a space). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"'])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface TextHit {
  class: string;
  where: string;
  hit: string;
}

/** Every hit of every class over a set of texts, each text tagged with where it came from and its scope. */
export function textHits(
  texts: readonly { where: string; scope: TextScope; text: string }[],
  classes: readonly TextClass[] = TEXT_CLASSES,
): TextHit[] {
  const out: TextHit[] = [];
  for (const c of classes)
    for (const t of texts) {
      // spoken text is prose too; a sequence diagram is neither
      const reads = c.scope === t.scope || (c.scope === "prose" && t.scope === "spoken");
      if (reads) for (const hit of c.find(t.text)) out.push({ class: c.id, where: t.where, hit });
    }
  return out;
}

/** Everything a reader sees of one design: the document's prose and diagrams, and the script as said aloud. */
export function designTexts(d: Design, script: Script): { where: string; scope: TextScope; text: string }[] {
  const out: { where: string; scope: TextScope; text: string }[] = [];
  let section = "";
  for (const b of designBlocks(d)) {
    if (b.kind === "heading") section = b.text;
    else if (b.kind === "para") out.push({ where: section, scope: "prose", text: b.text });
    else if (b.kind === "bullets") for (const i of b.items) out.push({ where: section, scope: "prose", text: i });
    else if (b.kind === "table")
      for (const r of b.rows) for (const c of r) out.push({ where: section, scope: "prose", text: c });
    else if (/^\s*sequenceDiagram/.test(b.text)) out.push({ where: section, scope: "sequence", text: b.text });
  }
  for (const s of script.steps) {
    const where = `script step ${s.step}`;
    for (const t of s.sentences) out.push({ where, scope: "spoken", text: t });
    if (s.cue) out.push({ where, scope: "spoken", text: s.cue.say });
    if (s.checkIn) out.push({ where, scope: "spoken", text: s.checkIn });
    for (const f of s.followUps) {
      out.push({ where, scope: "spoken", text: f.question });
      out.push({ where, scope: "spoken", text: `A: ${f.answer}` });
    }
  }
  return out;
}
