import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { ARCHETYPE_IDS } from "../src/knowledge/generated/ids.js";
import { PRESENTATION_STEPS } from "../src/knowledge/presentation.js";
import { designBlocks } from "../src/render/design-doc.js";
import { toMarkdown } from "../src/render/doc.js";
import { SPOKEN_ARCHETYPES } from "../src/render/script/archetypes.js";
import {
  contentProblems,
  phrasingProblems,
  presentationProblems,
  saidAloud,
  sentenceStats,
  speechProblems,
  spliceProblems,
} from "../src/render/script/check.js";
import { scriptBlocks } from "../src/render/script/document.js";
import { retime, stepBudget, withScript, writeScript } from "../src/render/script/index.js";
import {
  actionName,
  clauses,
  countMismatch,
  danglingEnd,
  enumerate,
  gerund,
  ingForm,
  isClause,
  isHeadline,
  mixedForms,
  oneForm,
  speakable,
  speakInput,
} from "../src/render/script/speak.js";
import {
  ceilingOfBottleneck,
  exceeded,
  formulaSaid,
  hotBottleneck,
  hottest,
  jargonGlosses,
  nextBottleneck,
  sayDecision,
} from "../src/render/script/steps.js";
import { OWN_SCRIPT_PROMPTS, SCRIPT_CORPUS } from "./fixtures/script-corpus.js";
import { cli } from "./helpers.js";

const designs = SCRIPT_CORPUS.map((p) => design(p));

describe("the corpus", () => {
  it("has at least twenty own prompts whose dominant archetypes cover all nineteen", () => {
    expect(OWN_SCRIPT_PROMPTS.length).toBeGreaterThanOrEqual(20);
    const ids = new Set(OWN_SCRIPT_PROMPTS.map((p) => design(p).archetypes[0]?.id));
    expect(ids.size).toBe(19);
  });
});

describe("speakable script on every corpus prompt", () => {
  for (const short of [false, true]) {
    const label = short ? "--short" : "--minutes 45";
    it(`${label}: no sentence over 40 words, a mean under 25, no table text spliced, no step over budget`, () => {
      let words = 0;
      let sentences = 0;
      for (const d of designs) {
        const s = writeScript(d, short ? { short } : { minutes: 45 });
        expect(s.steps.map((x) => x.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(speechProblems(d, s), d.prompt).toEqual([]);
        expect(spliceProblems(s), d.prompt).toEqual([]);
        expect(phrasingProblems(s), d.prompt).toEqual([]);
        const st = sentenceStats(s);
        expect(st.max, d.prompt).toBeLessThanOrEqual(40);
        expect(st.words / st.sentences, d.prompt).toBeLessThan(25);
        words += st.words;
        sentences += st.sentences;
        for (const step of s.steps) {
          expect(step.overrun, `${d.prompt} step ${step.step}`).toBe(false);
          expect(step.seconds, `${d.prompt} step ${step.step}`).toBeLessThanOrEqual(step.budgetSeconds);
          expect(step.sentences.length, `${d.prompt} step ${step.step} says something`).toBeGreaterThan(0);
        }
      }
      expect(words / sentences).toBeLessThan(25);
    });
  }

  it("leads each step with this prompt's conclusion, not the framework's generic line", () => {
    for (const d of designs) {
      const s = writeScript(d);
      s.steps.forEach((step, i) => {
        expect(step.text.startsWith(PRESENTATION_STEPS[i]?.line ?? "-")).toBe(false);
      });
      const all = s.steps.map((x) => x.text.toLowerCase()).join(" ");
      const entity = speakable(d.primaryState[0]?.entity ?? "missing").replace(/([a-z])([A-Z])/g, "$1 $2");
      expect(all, d.prompt).toContain(entity.toLowerCase());
    }
  });

  it("reads differently for different dominant archetypes at the steps that carry the design", () => {
    for (const step of [0, 1, 3, 5, 7]) {
      const texts = new Set(designs.map((d) => writeScript(d).steps[step]?.text));
      const dominant = new Set(designs.map((d) => `${d.branch.kind} ${d.archetypes[0]?.id}`)).size;
      expect(texts.size, `step ${step + 1}`).toBeGreaterThanOrEqual(dominant);
    }
  });

  it("cues the HLD at step 3 and the critical sequence at step 6, and checks in after steps 1 and 5", () => {
    for (const d of designs) {
      const s = writeScript(d);
      if (d.diagrams.some((g) => g.kind === "hld")) expect(s.steps[2]?.cue?.kind, d.prompt).toBe("hld");
      if (d.diagrams.some((g) => g.kind === "sequence")) expect(s.steps[5]?.cue?.kind, d.prompt).toBe("sequence");
      expect(s.steps[0]?.checkIn, d.prompt).toMatch(/\?$/);
      expect(s.steps[4]?.checkIn, d.prompt).toMatch(/\?$/);
      const followUps = s.steps.flatMap((x) => x.followUps);
      expect(followUps.length, d.prompt).toBeGreaterThanOrEqual(6);
      for (const f of followUps) expect(f.answer.split(/\s+/).length, f.question).toBeLessThanOrEqual(60);
    }
  });

  it("says the design's components, API, decisions and hottest number where they belong", () => {
    for (const d of designs) {
      for (const s of [writeScript(d), writeScript(d, { short: true })]) {
        if (d.components.length >= 2)
          expect(s.steps[2]?.cue?.say, d.prompt).toMatch(
            /Let me draw this\. (?:\w+ boxes: |The \w+ boxes that matter most are )/,
          );
        if (d.api.length > 0) expect(s.steps[4]?.text, d.prompt).toMatch(/The API has/);
        // a pick, or an option worded as an instruction said as what I'd do ("I'd offer to the best driver, …")
        if (d.decisions.length > 0)
          expect(s.steps[5]?.text, d.prompt).toMatch(/I'd (pick |[a-z]+ [^.]+, rather than )/);
        if (d.capacity.length > 0) expect(s.steps[7]?.text, d.prompt).toMatch(/The hottest number is /);
      }
    }
  });

  it("keeps invariants, mechanisms and the first failure in the short version", () => {
    for (const d of designs.slice(0, 20)) {
      const s = writeScript(d, { short: true });
      const full = writeScript(d);
      expect(s.totals.words, d.prompt).toBeLessThanOrEqual(full.totals.words);
      expect(s.steps[3]?.text, d.prompt).toMatch(/rule/);
      expect(s.steps[5]?.text, d.prompt).toMatch(/core mechanism/);
      expect(s.steps[7]?.text, d.prompt).toMatch(/first failure|first hotspot/);
      expect(s.minutes).toBe(20);
    }
  });

  it("is deterministic", () => {
    const d = design(SCRIPT_CORPUS[0] ?? "");
    expect(JSON.stringify(writeScript(d))).toBe(JSON.stringify(writeScript(design(SCRIPT_CORPUS[0] ?? ""))));
  });
});

describe("timing", () => {
  it("splits a round by weight, mechanisms and failures the longest", () => {
    const b = stepBudget(45);
    expect(b).toHaveLength(8);
    expect(Math.abs(b.reduce((x, y) => x + y, 0) - 45)).toBeLessThanOrEqual(2);
    expect(Math.max(...b)).toBe(b[5]);
    expect(b[7]).toBeGreaterThan(b[0] ?? 0);
    expect(stepBudget(40, [1, 1, 1, 1, 1, 1, 1, 1])).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
  });

  it("drops details to fit a tight budget and flags a step whose core cannot fit", () => {
    const d = design("Design a distributed lock service with fencing tokens");
    const roomy = writeScript(d, { minutes: 60 });
    const tight = writeScript(d, { minutes: 5 });
    expect(tight.totals.words).toBeLessThan(roomy.totals.words);
    expect(tight.steps.some((s) => s.dropped > 0)).toBe(true);
    expect(tight.totals.overruns.length).toBeGreaterThan(0);
    expect(tight.totals.overruns).toEqual(tight.steps.filter((s) => s.overrun).map((s) => s.step));
    const slow = writeScript(d, { minutes: 5, wpm: 300 });
    expect(slow.totals.overruns.length).toBeLessThan(tight.totals.overruns.length);
  });
});

describe("what steps 4 and 6 say", () => {
  it("states the hard rule in step 4 whenever step 6 refers back to it, on every corpus prompt", () => {
    for (const d of designs)
      for (const short of [false, true]) {
        const s = writeScript(d, short ? { short } : { minutes: 45 });
        const six = s.steps[5]?.text ?? "";
        const four = s.steps[3]?.text ?? "";
        if (/the hard rule (on the [a-z ]+ )?from step four/.test(six))
          expect(four, d.prompt).toMatch(/^The hard rule is this\. \S/);
      }
  });

  it("says the acknowledged-record rule for Kafka in the short version", () => {
    const s = writeScript(design("Design a distributed message queue like Kafka"), { short: true });
    expect(s.steps[3]?.text).toMatch(/The hard rule is this\. Once a record is acknowledged/);
    expect(s.steps[5]?.text).toContain("It keeps the hard rule on the partition from step four");
  });

  it("speaks only mechanisms on the dominant critical paths, and explains exactly once for an external effect", () => {
    const lock = writeScript(design("Design a distributed lock service"), { minutes: 45 }).steps[5]?.text ?? "";
    for (const off of ["partition key", "projector", "tombstones", "dedup window"]) expect(lock).not.toContain(off);
    const pay = writeScript(design("Design a payment service that charges cards exactly once"), { minutes: 45 });
    const six = pay.steps[5]?.text ?? "";
    expect(six).toMatch(
      /at-least-once delivery, plus a receiver that applies each effect id once, plus reconciliation/,
    );
    expect(six).not.toContain("partition key");
    expect(pay.steps.map((x) => x.text).join(" ")).not.toMatch(/A retried accept/);
  });

  it("never reads a long list as a sentence", () => {
    for (const d of designs)
      for (const st of writeScript(d, { minutes: 45 }).steps)
        expect(st.text, d.prompt).not.toMatch(/\band (two|three|four|five|six|seven|eight) more\b/);
  });
});

describe("speech helpers", () => {
  it("names an action the way a person says it", () => {
    expect(
      actionName(
        "acquire a free or expired resource by a conditional write that sets the owner, bumps the token and sets expires_at (lease)",
      ),
    ).toBe("acquire the resource");
    expect(
      actionName("hand the new fencing token to the holder with every grant, never reusing a number for that resource"),
    ).toBe("hand the new fencing token to the holder");
    expect(actionName("renew the lease before it lapses, accepted only when owner and token still match (lease)")).toBe(
      "renew the lease",
    );
  });

  it("keeps a phrasal verb's particle, one verb phrase of two, and a silent e out of the -ing form", () => {
    // "fanning the out": the particle after the object is no head noun
    expect(actionName("fan the new photo post out to each follower's home feed")).toBe("fan the new photo post out");
    // "describing the execution or read": the second verb phrase is not part of the first one's object
    expect(gerund(actionName("describe an execution or read its history by workflow id (history event)"))).toBe(
      "describing the execution",
    );
    expect(ingForm("continue")).toBe("continuing");
    expect(ingForm("argue")).toBe("arguing");
    expect(ingForm("see")).toBe("seeing");
  });

  it("says a size set in powers of two in its binary unit", () => {
    expect(speakInput(64 * 2 ** 20, "chunk_bytes", "B", "size of one chunk")).toMatch(/of 64 mebibytes$/);
    expect(speakInput(2 ** 30, "segment_bytes", "B", "size of one segment")).toMatch(/of 1 gibibyte$/);
    expect(speakInput(2e9, "node_bytes", "B", "disk of one node")).toMatch(/of 2 gigabytes$/);
  });

  it("never shortens an action to a phrase cut before its object", () => {
    expect(actionName("waiters learn that the resource was released or expired (waiter)")).toBe(
      "waiters learn that the resource was released or expired",
    );
    expect(actionName("a relay claims a due outbox entry so one sender works on it at a time (outbox entry)")).toBe(
      "a relay claims the due outbox entry",
    );
    expect(actionName("delete or compact segments past the retention limit (partition)")).toBe(
      "delete or compact segments",
    );
    expect(actionName("fetch from the origin on a miss or revalidation (origin object)")).toBe(
      "fetch the origin object",
    );
    expect(actionName("operator or autoscaler reads consumer lag per partition (consumer offset)")).toBe(
      "operator or autoscaler reads consumer lag",
    );
    for (const cut of [
      "waiters learn",
      "fetch",
      "delete or compact segments past",
      "a relay claims",
      "reads consumer of",
    ])
      expect(danglingEnd(cut), cut).toBeDefined();
    for (const whole of ["return runs", "apply the holder's change", "renew the lease", "acquire the resource"])
      expect(danglingEnd(whole), whole).toBeUndefined();
  });

  it("announces lists of three or more by count", () => {
    expect(enumerate("write", "writes", ["a", "b", "c"])).toBe("three writes: a, b and c");
    expect(enumerate("write", "writes", ["a", "b", "c", "d", "e", "f"], 3, "writes matter most")).toBe(
      "three writes matter most: a, b and c",
    );
    expect(enumerate("write", "writes", ["a", "b", "c", "d", "e", "f"])).not.toMatch(/more/);
    expect(enumerate("write", "writes", ["a"])).toBe("one write: a");
  });

  it("says identifiers and symbols as words and splits a cell into stand-alone sentences", () => {
    expect(speakable("Lease.token never goes below last_fence (see I02)")).toBe(
      "the lease token never goes below the last fence",
    );
    expect(speakable("make release idempotent on (resource, token)")).toBe(
      "make release idempotent on resource and token",
    );
    expect(speakable("A retried 'renew the lease before it lapses, when owner matches' takes effect once")).toBe(
      "Renewing the lease again takes effect once",
    );
    expect(speakable("Once a idempotency record write is acknowledged")).toBe(
      "Once an idempotency record write is acknowledged",
    );
    expect(clauses("one region; replicas spread across zones so a zone loss keeps a majority")).toEqual([
      "One region.",
      "Replicas spread across zones so a zone loss keeps a majority.",
    ]);
    // a piece that leans on a longer one before it ("and records …") is never said alone
    const long =
      "No page gets a second fetch within one hour: the step that gives out the next page of a site on the frontier hands one out only if its last fetch started at least one hour ago, and records the new start before the fetch begins, so a fetch whose claim lapsed still counts.";
    expect(clauses(long, 26)).toEqual([]);
    expect(clauses(long, 60)[0]).toMatch(/^No page gets a second fetch/);
  });

  it("flags a spliced table cell and an overlong sentence", () => {
    const d = design("Design a distributed lock service with fencing tokens");
    const s = writeScript(d);
    const failure = d.failures[0];
    const bad = {
      ...s,
      steps: s.steps.map((x, i) =>
        i === 7
          ? {
              ...x,
              sentences: [
                `On failures we repair by ${failure?.repair ?? ""}`,
                Array.from({ length: 45 }, () => "word").join(" "),
              ],
            }
          : x,
      ),
    };
    const problems = speechProblems(d, bad).map((p) => p.problem);
    expect(problems.some((p) => p.startsWith("a sentence spliced") || p.startsWith("a table cell"))).toBe(true);
    expect(problems).toContain("45 words");
  });
});

describe("where the script meets users", () => {
  it("attaches the default script to the Design contract", () => {
    const d = withScript(design("Design Kafka"));
    expect(d.script).toHaveLength(8);
    expect(d.script[0]).toMatchObject({ step: 1, title: "Normalise" });
    expect(typeof d.script[0]?.text).toBe("string");
  });

  it("prints budgets, drawing cues, check-ins, follow-ups, deep dives and the cheat sheet", () => {
    const md = toMarkdown(scriptBlocks(writeScript(design("Design a distributed lock service with fencing tokens"))));
    expect(md).toMatch(/### 1\. Normalise \(3\.5 min\)/);
    expect(md).toContain("Let me draw this");
    expect(md).toContain("Check in:");
    expect(md).toContain("Q: ");
    expect(md).toContain("## Deep dives to offer");
    expect(md).toContain("## Cheat sheet");
  });
});

describe("mechsd script", () => {
  const lock = "Design a distributed lock service with fencing tokens";
  it("prints the script as JSON with budgets, cues and the cheat sheet", () => {
    const r = cli(["script", lock, "--format", "json", "--minutes", "45"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.minutes).toBe(45);
    expect(s.steps).toHaveLength(8);
    expect(s.steps[2].cue.kind).toBe("hld");
    expect(s.cheatSheet.checklist.length).toBeGreaterThan(0);
  });

  it("prints the short version, and flags a step that runs over a too-short round", () => {
    const short = cli(["script", lock, "--short", "--format", "md"]);
    expect(short.code).toBe(0);
    expect(short.stdout).toContain("Short version for a 20-minute round");
    const tight = cli(["script", lock, "--minutes", "5"]);
    expect(tight.code).toBe(0);
    expect(tight.stdout).toContain("OVER BUDGET");
    expect(tight.stderr).toMatch(/runs over its budget/);
  });

  it("rejects bad timing options", () => {
    expect(cli(["script", lock, "--wpm", "9000"]).code).not.toBe(0);
    expect(cli(["script", lock, "--weights", "1,2,3"]).stderr).toMatch(/eight positive numbers/);
  });

  it("keeps the script in the design JSON contract", () => {
    const r = cli(["design", lock, "--format", "json"]);
    const d = JSON.parse(r.stdout);
    expect(d.script).toHaveLength(8);
    expect(d.script[0].text.length).toBeGreaterThan(20);
  });
});

describe("workbench API", () => {
  it("serves the design with its script, and the full script for a chosen round", async () => {
    const { startServer } = await import("../src/server/serve.js");
    const db = join(mkdtempSync(join(tmpdir(), "mechsd-script-")), "s.sqlite");
    const s = await startServer({
      port: 0,
      host: "127.0.0.1",
      db,
      webDir: fileURLToPath(new URL("../dist/web/", import.meta.url)),
    });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${s.url}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
      const d = (await (await post("api/design", { prompt: "Design Kafka" })).json()) as { script: unknown[] };
      expect(d.script).toHaveLength(8);
      const r = await post("api/script", { prompt: "Design Kafka", short: true });
      expect(r.status).toBe(200);
      const script = (await r.json()) as { minutes: number; steps: { lines: unknown[] }[]; cheatSheet: unknown };
      expect(script.minutes).toBe(20);
      expect(script.steps[0]?.lines.length).toBeGreaterThan(0);
      expect((await post("api/script", { prompt: "Design Kafka", minutes: 1 })).status).toBe(400);
    } finally {
      await s.close();
    }
  });

  it("re-times a sent script without the design or the knowledge base", () => {
    const s = writeScript(design("Design a CDN"));
    const short = retime(s, { short: true });
    expect(short).toEqual(writeScript(design("Design a CDN"), { short: true }));
  });
});

describe("design Markdown", () => {
  it("keeps the framework's section order for every prompt", () => {
    const order = [
      "## Branch and archetypes",
      "## Requirements and NFRs",
      "## Correctness-critical state and scopes",
      "## Primary state",
      "## Hard invariants",
      "## Execution context",
      "## Predicates and mechanisms",
      "## Serving paths",
      "## Retries, crashes, replication and scale",
      "## Checklist",
      "## Presentation script",
      "## Diagrams",
    ];
    for (const d of designs.slice(0, 12)) {
      const md = toMarkdown(designBlocks(d));
      const pos = order.map((h) => md.indexOf(h));
      expect(
        pos.every((x) => x >= 0),
        d.prompt,
      ).toBe(true);
      expect(
        [...pos].sort((a, b) => a - b),
        d.prompt,
      ).toEqual(pos);
      expect(md, d.prompt).toContain("```mermaid");
    }
  });
});

describe("what the script says is this design's, said as speech", () => {
  const all = (d: ReturnType<typeof design>, short = false) =>
    saidAloud(writeScript(d, short ? { short } : { minutes: 45 }))
      .map((x) => x.text)
      .join(" ");
  const metrics = design("Design a metrics system that ingests 5 million samples per second and alerts on thresholds");

  it("never says an internal id, a snake_case name or a table row with two colons, on every corpus prompt", () => {
    for (const d of designs)
      for (const short of [false, true]) {
        const said = saidAloud(writeScript(d, short ? { short } : { minutes: 45 }));
        for (const { text } of said) {
          expect(text, d.prompt).not.toMatch(/\bI\d{2}\b/);
          expect(text, d.prompt).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
          expect((text.match(/: /g) ?? []).length, `${d.prompt}: ${text}`).toBeLessThan(2);
        }
        expect(contentProblems(d, writeScript(d, short ? { short } : { minutes: 45 })), d.prompt).toEqual([]);
      }
  });

  it("prints drawing cues without internal ids", () => {
    const md = toMarkdown(scriptBlocks(writeScript(design("Design a distributed message queue like Kafka"))));
    // a stage direction set apart in brackets, so it is not read aloud, followed by what is said
    expect(md).toMatch(/\[Draw the sequence: [^\]]+\] Let me draw/);
    expect(md).not.toMatch(/^Draw the /m);
    expect(md).not.toMatch(/\(I\d{2}: /);
  });

  it("says each decision as a sentence with its reason and cost, never as a label", () => {
    for (const d of designs) {
      const six = writeScript(d, { minutes: 45 }).steps[5]?.text ?? "";
      expect(six, d.prompt).not.toMatch(/One decision/);
      if (d.decisions.length > 0)
        expect(six, d.prompt).toMatch(
          /I'd (pick [^.]+ (over|rather than|not one where)|[a-z]+ [^.]+, (rather than|not a design where)) |I'd (?:pick|go|[a-z]+) [^.]+\. The alternative is /,
        );
    }
    const lock = writeScript(design("Design a distributed lock service"), { minutes: 45 }).steps[5]?.text ?? "";
    expect(lock).toMatch(
      /I'd pick short leases[^.]* (over|rather than) long leases(?:, because|\. (?:I'd do it|I'd go that way) because|\. My reason is that) a crashed holder's resource is free/,
    );
    expect(lock).toMatch(/(?:The cost|The price|What I give up) is that the leader answers more keep-alives/);
    // the design's "renewal load is modest" would contradict step 8's renewal hotspot
    expect(lock).not.toMatch(/modest/);
  });

  it("says counts that match the items it names", () => {
    expect(countMismatch("Five boxes: a, b and c.")).toBeDefined();
    expect(countMismatch("Six writes matter.")).toBeDefined();
    expect(
      countMismatch("Five boxes: agents and scrapers, distributors, ingesters, object storage and compactor."),
    ).toBe(undefined);
    for (const d of designs)
      for (const { text } of saidAloud(writeScript(d, { minutes: 45 })))
        for (const part of text.split(/(?<=[.?!])\s+/))
          expect(countMismatch(part), `${d.prompt}: ${part}`).toBe(undefined);
    expect(all(design("Design a distributed lock service"))).not.toMatch(/The (two|three) to start from are/);
  });

  it("speaks only failures and mechanisms that belong to this design", () => {
    const said = all(metrics);
    expect(said).not.toMatch(/holder crashes|owns the resource/);
    expect(said).not.toMatch(/effect id|reconciliation/);
    expect(writeScript(metrics).steps[7]?.text).toMatch(/An ingester crashes/);
    expect(all(design("Design a distributed message queue like Kafka"), true)).not.toMatch(/holder crashes/);
  });

  it("credits the hard rule to the mechanism that keeps it", () => {
    const kafka = writeScript(design("Design a distributed message queue like Kafka"), { short: true });
    expect(kafka.steps[5]?.text).toMatch(
      /The core mechanism is in-sync replica set replication\. It keeps the hard rule/,
    );
    const enforce = kafka.steps[3]?.followUps.find((f) => /enforce/.test(f.question))?.answer ?? "";
    expect(enforce).toMatch(/in-sync replica/);
    expect(enforce).not.toMatch(/partitioned append-only log/);
  });

  it("places work where the design runs it: the ack waits for replication, the outbox relay calls out", () => {
    const five = writeScript(metrics).steps[4]?.text ?? "";
    expect(five).toMatch(/The request path covers [^.]*replicating the series' samples/);
    expect(five).toMatch(/Control loops cover [^.]*evaluating the rule/);
    const pay = writeScript(design("Design a payment service that charges cards exactly once")).steps[4]?.text ?? "";
    expect(pay).not.toMatch(/The request path covers [^.]*calling the external system/);
    expect(pay).toMatch(/Async workers cover [^.]*calling the external system/);
  });

  it("says quantities by their spoken label and unit, and the hottest total before its even split", () => {
    expect(speakInput(10, "lease_seconds", "s", "lease duration")).toBe("a lease duration of 10 seconds");
    expect(speakInput(1000, "writes_per_sec", "writes/s", "writes per second")).toBe("1000 writes a second");
    expect(speakInput(3, "peak_factor", "x", "peak-to-average traffic ratio")).toBe(
      "a peak-to-average traffic ratio of 3",
    );
    const lock = all(design("Design a distributed lock service"));
    expect(lock).not.toMatch(/lease seconds|peak factor|per sec\b/);
    const eight =
      writeScript(design("Design a distributed message queue like Kafka"), { short: true }).steps[7]?.text ?? "";
    expect(eight).toMatch(
      /The hottest number is peak publish rate\. I'm assuming 50 thousand messages a second, because a shared event bus commonly carries tens of thousands of events a second\. At 50 thousand messages a second times a peak-to-average traffic ratio of 3, that's about 150 thousand messages a second\. At 150 thousand messages a second times an average message size of 1 kilobyte, that's about 150 megabytes a second\. At 150 megabytes a second over 10 megabytes a second per partition at 50 percent utilisation, that's 30 partitions\. That's about 5 thousand messages a second on each\./,
    );
  });

  it("says a figure that reads a stated number back, or a count copied from a stated one, in the prompt's words", () => {
    const sized = (p: string) => writeScript(design(p), { minutes: 45 }).steps[7]?.text ?? "";
    // the egress is the stated bandwidth, never a chain deriving 10 Tbps from itself
    for (const [p, said] of [
      [
        "Design a CDN serving 10 Tbps of static content from 200 edge locations, where a purge takes effect everywhere within 5 seconds.",
        /egress bandwidth at peak, which is the stated 10 Tbps\./,
      ],
      [
        "Design a CDN for 2 Tbps of images across 80 edge sites, purges visible within 10 seconds.",
        /egress bandwidth at peak, which is the stated 2 Tbps\./,
      ],
      [
        "Design a distributed message queue like Kafka that ingests 3 GB/s, keeps messages for 7 days, and lets consumer groups replay from any offset.",
        /At the stated 3 GB\/s times 3 replicas, that's about 9 gigabytes a second\./,
      ],
    ] as const) {
      const eight = sized(p);
      expect(eight, p).toMatch(said);
      expect(eight, p).not.toMatch(/requests a second times an average|messages a second times an average/);
    }
  });

  it("says a window the design states, and what the prompt asks for in its own terms", () => {
    const pay = writeScript(design("Design a payment service that charges cards exactly once"), { minutes: 45 });
    expect(pay.steps[7]?.text).toMatch(/24 hours/);
    expect(pay.steps[0]?.text).not.toMatch(/exactly-once delivery/);
  });
});

describe("presentation, said as a candidate says it", () => {
  const scripts = designs.flatMap((d) =>
    [false, true].map((short) => ({ d, s: writeScript(d, short ? { short } : { minutes: 45 }) })),
  );
  const problems = (prefix: RegExp) =>
    scripts.flatMap(({ d, s }) =>
      presentationProblems(d, s)
        .filter((p) => prefix.test(p.problem))
        .map((p) => `${d.prompt} (step ${p.step}): ${p.problem}`),
    );
  const kafka = writeScript(design("Design a distributed message queue like Kafka"), { short: true });
  const lock = writeScript(design("Design a distributed lock service"), { minutes: 45 });
  const pay = writeScript(design("Design a payment service that charges cards exactly once"), { minutes: 45 });
  const metrics = writeScript(
    design("Design a metrics system that ingests 5 million samples per second and alerts on thresholds"),
    { minutes: 45 },
  );
  const said = (s: typeof lock) =>
    saidAloud(s)
      .map((x) => x.text)
      .join(" ");

  it("keeps every item of a spoken list in one grammatical form", () => {
    expect(mixedForms(["the producer appends the record", "create a topic"])).toBeDefined();
    expect(mixedForms(["the consumer commits the offset", "delete or compact segments"])).toBeDefined();
    expect(oneForm(["the consumer commits the offset", "delete or compact segments"]).items).toEqual([
      "committing the offset",
      "deleting or compacting segments",
    ]);
    expect(oneForm(["the caller reads the status", "the reconciler reads the provider's record"]).clauses).toBe(true);
    // a verb not in any list is still a verb when its object's article follows it; a noun phrase takes "the"
    expect(oneForm(["admit a request", "complete or fail the run", "return runs", "long-range query"]).items).toEqual([
      "admitting a request",
      "completing or failing the run",
      "returning runs",
      "issuing a long-range query",
    ]);
    expect(problems(/^a list that/)).toEqual([]);
    expect(kafka.steps[0]?.text).toContain(
      "Behind the scenes, replicating the appended record, committing the offset and deleting or compacting segments keep them valid.",
    );
    expect(pay.steps[4]?.text).toMatch(
      /Async workers cover calling the external system, recording the effect outcome and running the compensating steps\./,
    );
  });

  it("never says agreement is needed where the design says the path needs none, nor that a stay-available split serves everything", () => {
    for (const { d, s } of scripts) {
      const all = s.steps.map((x) => x.text).join(" ");
      if (/needs no (?:agreement|consensus)/.test(all)) expect(all, d.prompt).not.toMatch(/agreement is needed per/);
      expect(all, d.prompt).not.toMatch(/If the network splits, it keeps serving\./);
    }
  });

  it("says archetypes as sentences and failures as what happens, never as labels", () => {
    expect(Object.keys(SPOKEN_ARCHETYPES).sort()).toEqual([...ARCHETYPE_IDS].sort());
    expect(problems(/^(an archetype title|a failure label)/)).toEqual([]);
    expect(kafka.steps[0]?.text).toMatch(
      /^I'm designing a distributed message queue\. At heart it is an append-only log with consumer offsets\./,
    );
    expect(said(lock)).not.toMatch(/joins as substrate|Next: |stale owner accepted/i);
    expect(said(pay)).not.toMatch(/fired twice/i);
    expect(lock.steps[7]?.text).toMatch(/Then a second failure\. A holder frozen by a garbage-collection pause/);
  });

  it("says a template line only where the design has the facts that make it true", () => {
    expect(problems(/^(a template|refers to|a lease holder|a leader|a worker|an expiry)/)).toEqual([]);
    for (const { s } of scripts) expect(said(s)).not.toMatch(/Nobody asks for it|the hard rule I just gave/);
    expect(said(pay)).not.toMatch(/holder mid-lease|Expiry decisions/);
    expect(said(pay)).toMatch(
      /Why is claiming the due outbox entry a write at all\? A?:?\s*It is there so one sender works on it at a time/,
    );
    // the lock answers a crash from its own crashed-holder failure, so no generic actor list is left to check there
    expect(said(lock)).not.toMatch(/worker mid-task/);
    expect(said(metrics)).not.toMatch(/leader mid-replication/);
    // an alternative with its own preposition is set off by "rather than", never run on after "over"
    const order = design("Design a distributed message queue like Kafka").decisions.find((x) =>
      /per key/.test(x.question),
    );
    if (order) expect(sayDecision(order)[0]).toMatch(/, rather than one partition for a single global order/);
    // the alert path reads the ingesters, and a read that may not lag says why it reads there
    expect(metrics.steps[6]?.text).toContain("the alert rule query");
    expect(metrics.steps[6]?.text).toContain(
      "so for the short windows that threshold rules use, the evaluator reads the ingesters, not object storage.",
    );
    // a store that is itself a lock service is built on, never offered as the answer to "design a lock service"
    expect(lock.steps[6]?.text).toContain(
      "If I may build on an existing store, it's etcd or ZooKeeper. Everything else I drew is my service on top of it.",
    );
    expect(lock.steps[6]?.text).not.toContain("For the coordination I'd use");
    // a mechanism named for an order is glossed by the design's own path that does it
    expect(metrics.steps[5]?.text).toContain(
      "Here, publishing content before the pointer means uploading chunks and index before announcing the block.",
    );
    // the conditional write the rule names shares the credit with the lease: expiry alone gives liveness
    expect(lock.steps[5]?.text).toContain(
      "The core mechanism is a lease with expiry. Together with a guarded conditional update, it keeps the hard rule on the lease from step four.",
    );
  });

  it("says the inputs behind every spoken number", () => {
    expect(problems(/^the hottest number without/)).toEqual([]);
    const eight = lock.steps[7]?.text ?? "";
    expect(eight).toMatch(
      /I'm assuming 1,000 writes a second(?:, because|\. (?:That is because|That's because|The reason is that)) /,
    );
    expect(eight).toMatch(
      /At 1,000 writes a second times a peak-to-average traffic ratio of 3, that.s about 3 thousand writes a second\./,
    );
    const d = design("Design a distributed message queue like Kafka");
    const partitions = d.capacity.find((c) => c.id === "partitions_needed");
    expect(partitions && formulaSaid(d, partitions)).toBe(
      "150 megabytes a second over 10 megabytes a second per partition at 50 percent utilisation",
    );
  });

  it("closes step 8 with a check-in that offers the deep dives", () => {
    for (const { d, s } of scripts)
      expect(s.steps[7]?.checkIn, d.prompt).toMatch(
        /^That's the design end to end\. I can .+\. Where would you like to go deeper\?$/,
      );
    expect(lock.steps[7]?.checkIn).toContain("walk the acquire protocol message by message");
    expect(toMarkdown(scriptBlocks(lock))).toMatch(/Check in: That's the design end to end/);
  });

  it("derives each number as a short chain before using it, never as a labelled row", () => {
    for (const { d, s } of scripts) {
      const eight = s.steps[7]?.sentences ?? [];
      for (const x of eight) {
        expect(x, d.prompt).not.toMatch(/^For [a-z][a-z -]*, .* (?:is|gives) /);
        expect(x, d.prompt).not.toMatch(/from the prompt\.$/);
      }
      // the hottest number is named first and its value said only at the end of its own chain
      const hot = hottest(d);
      const named = eight.findIndex((x) => x.startsWith("The hottest number is"));
      if (hot && formulaSaid(d, hot) && named >= 0) {
        expect(eight[named], d.prompt).not.toMatch(/\d/);
        expect(
          eight.slice(named + 1).some((x) => x.startsWith("At ") && x.includes(", that's ")),
          d.prompt,
        ).toBe(true);
      }
    }
    const m = metrics.steps[7]?.text ?? "";
    // the assumed scrape interval that drives the series count, and the reason for the ingester count
    expect(m).toMatch(/At 5 million samples a second times a scrape interval of 15 seconds, that's 75 million/);
    expect(m).toMatch(
      /I'm assuming 2 million series budgeted per ingester(?:, because|\. (?:That is because|That's because|The reason is that)) Cortex's ingester playbook targets /,
    );
    // a count sized from a per-unit budget is not said back as the load on each ("2 million series on each")
    expect(m).not.toMatch(/series on each/);
    expect(m.indexOf("that's 75 million")).toBeLessThan(m.indexOf("At 75 million"));
    // where the input that drives the chain comes from, said before the chain uses it
    const l = lock.steps[7]?.text ?? "";
    expect(l).toMatch(
      /I'm assuming 1,000 writes a second(?:, because|\. (?:That is because|That's because|The reason is that)) a large fleet runs about 500 lock cycles a second, each an acquire and a release/,
    );
    expect(l.indexOf("I'm assuming 1,000 writes")).toBeLessThan(l.indexOf("At 1,000 writes"));
    // a count's own inputs are derived before the count: the bandwidth behind 30 partitions
    const k = kafka.steps[7]?.text ?? "";
    expect(k.indexOf("that's about 150 megabytes a second")).toBeGreaterThan(-1);
    expect(k.indexOf("that's about 150 megabytes a second")).toBeLessThan(k.indexOf("At 150 megabytes a second"));
  });

  it("says every failure in the body with its fix, never a failure left hanging", () => {
    for (const { d, s } of scripts) {
      const eight = s.steps[7]?.sentences ?? [];
      eight.forEach((x, i) => {
        if (x === "Then a second failure." || x === "Now the first failure.") {
          const fix = eight[i + 2] ?? "";
          expect(fix, `${d.prompt}: ${eight[i + 1]}`).not.toMatch(/^(The first hotspot|The hottest number|Next|$)/);
        }
      });
    }
    expect(metrics.steps[7]?.text).toContain(
      "so sums and rates double. Accept samples from one elected replica per cluster and drop the other's.",
    );
  });

  it("says only the actors, agreement and lag the design has, and a condition in the archetype's own words", () => {
    for (const { d, s } of scripts) {
      const text = said(s);
      if (!d.components.some((c) => c.kind === "worker-pool"))
        expect(text, d.prompt).not.toMatch(/\b(callers and workers|client or worker)\b/i);
      expect(text, d.prompt).not.toMatch(/work is coordinated per|agreement all hold/);
      if (d.readPaths.filter((r) => r.servedBy !== "authority").length !== 1)
        expect(text, d.prompt).not.toContain("The lag we accept there");
    }
    expect(lock.steps[5]?.text).toContain("An acquire whose reply was lost is retried. Without owner-keyed");
  });

  it("says how a product fits as sentences with a verb, one fact each", () => {
    for (const { d, s } of scripts)
      for (const f of s.steps[6]?.followUps ?? [])
        if (/ fit\?$/.test(f.question)) {
          expect(isClause(f.answer.split(/(?<=\.)\s+/)[0] ?? ""), `${d.prompt}: ${f.answer}`).toBe(true);
          for (const part of f.answer.split(/(?<=\.)\s+/)) expect(part.split(/\s+/).length).toBeLessThanOrEqual(30);
        }
    const etcd = lock.steps[6]?.followUps.find((f) => f.question === "How does etcd fit?")?.answer ?? "";
    expect(etcd.split(/(?<=\.)\s+/).length).toBe(4);
    expect(said(kafka)).toContain("Each partition is stored as append-only segment files");
  });

  it("never says a pick without its reason, even in the short version", () => {
    for (const { d, s } of scripts) {
      const six = s.steps[5]?.sentences ?? [];
      six.forEach((x, i) => {
        if (
          (x.startsWith("I'd pick ") || /^I'd [a-z]+ [^.]*, (rather than|not a design where) /.test(x)) &&
          !x.includes(", because ") &&
          !/\. (?:I'd do it because|That's my pick because|My reason is that) /.test(x)
        ) {
          // a pick past one breath says the option it beats in a sentence of its own, then its reason
          const next = six[i + 1]?.startsWith("The alternative is ") ? six[i + 2] : six[i + 1];
          expect(next ?? "", `${d.prompt}: ${x}`).toMatch(
            /^(?:I'd do it because|That's my pick because|My reason is that) /,
          );
        }
      });
    }
    expect(kafka.steps[5]?.text).toMatch(
      /(?:I'd do it because|That's my pick because|My reason is that) each consumer sets its own pace/,
    );
  });

  it("says how close the hottest number is to what one unit handles, with where that ceiling comes from", () => {
    const eight = lock.steps[7]?.text ?? "";
    // a reason split off at a breath opens in turn: "That is because", "That's because", "The reason is that"
    expect(eight).toMatch(
      /I'm assuming 10 thousand writes a second per leader\. (?:That is because|That's because|The reason is that) a Raft or ZAB leader/,
    );
    expect(eight).toContain("That's about 30 percent of what one leader handles.");
    expect(eight.indexOf("3 thousand writes a second.")).toBeLessThan(eight.indexOf("30 percent"));
    // well under the ceiling, the remedies are for when it grows; far over it, a multiple and remedies for now
    expect(eight).toContain("handles. When it grows, lock coarser resources so there are fewer acquires.");
    const big = writeScript(design("Design a distributed lock service for 2 million clients"), { minutes: 45 });
    expect(big.steps[7]?.text).toContain("That's about 20 times what one leader handles.");
    expect(big.steps[7]?.text).not.toContain("When it grows");
  });

  it("sizes a skewed hotspot by its busiest unit, not only the even share", () => {
    const eight = kafka.steps[7]?.text ?? "";
    expect(eight).toContain("That's about 5 thousand messages a second on each.");
    expect(eight).toContain(
      "Keys are rarely uniform, so at twice the average, the busiest partition takes about 10 thousand messages a second.",
    );
    expect(eight.indexOf("on each")).toBeLessThan(eight.indexOf("the busiest partition takes"));
  });

  it("says who calls what, a crash from the design's own failures, and no bare multiplier", () => {
    // the provider's webhook is not a client call; a payment is captured by its own call
    expect(pay.steps[4]?.text).toContain("The API has four calls: start, capture, status and cancel.");
    // the outside party is named by its kind: a payment's effects reach a payment provider
    expect(pay.steps[4]?.text).toContain("The payment provider calls our webhook.");
    // a crash the design's failures tell, not the generic "a worker mid-task"
    const crash = (s: typeof lock) =>
      s.steps[4]?.followUps.find((f) => f.question === "What does a crash in the middle look like?")?.answer ?? "";
    expect(crash(pay)).toMatch(/^The external system applied the effect but our process crashed/);
    expect(crash(kafka)).toMatch(/^The partition leader acknowledges a record and dies/);
    expect(crash(lock)).toMatch(/^A crashed holder keeps the resource locked/);
    for (const { d, s } of scripts) {
      // "At 3 times 1.5 thousand": a number with no unit read as a factor sounds like the peak factor again
      expect(said(s), d.prompt).not.toMatch(/\bAt \d+(?:\.\d+)? times /);
    }
    expect(said(pay)).toContain("times 3 writes for each workflow, that's about 4.5 thousand writes a second");
    expect(said(kafka)).toContain("One read can use a replica: the operator or autoscaler reads consumer lag.");
  });

  it("names a next limit that is not the hottest number again", () => {
    const m = metrics.steps[7];
    expect(m?.text).not.toMatch(/Next,? [^.]*active series/i);
    expect(m?.followUps.find((f) => f.question === "What breaks next?")?.answer ?? "").not.toMatch(/active series/i);
    // a next limit is checked against its ceiling, said with where that ceiling comes from
    const m45 = writeScript(design(metrics.prompt), { minutes: 45 }).steps[7]?.text ?? "";
    expect(m45).toContain(
      "Next comes the distributor CPU. I'm assuming 25 thousand samples a second per core, because that is what Mimir's capacity guide plans for one distributor core. At 5 million samples a second over 25 thousand samples a second per core, that's 200 cores.",
    );
  });

  it("asks what else writes only about paths the step has not already named", () => {
    const q = (s: typeof lock) => s.steps[1]?.followUps.find((f) => f.question.startsWith("What else writes"));
    expect(q(kafka)?.answer).toBe("One more path shares the same rules: deleting or compacting segments.");
    expect(q(metrics)).toBeUndefined();
    for (const { d, s } of scripts) {
      const f = q(s);
      if (f) expect(s.steps[1]?.text ?? "", d.prompt).not.toContain(f.answer.split(": ")[1]?.replace(/\.$/, "") ?? "");
    }
  });

  it("glosses a jargon action once, right after the first sentence that says it", () => {
    expect(said(kafka)).toMatch(
      /parking a record\. Parking a record means setting aside a record that exhausted its retries\./,
    );
    expect(said(metrics)).toMatch(/Cutting the head means sealing the head into an immutable block\./);
    expect(said(pay)).toMatch(/Settling attempts means resolving attempts with unknown outcome\./);
    expect(said(pay)).toMatch(/one request hash\. The request hash is a hash of the request body\./);
    for (const { d, s } of scripts) {
      const text = said(s);
      for (const g of jargonGlosses(d)) {
        const at = text.toLowerCase().indexOf(g.said.toLowerCase());
        if (at < 0) continue;
        expect(text.split(g.gloss).length - 1, `${d.prompt}: ${g.name}`).toBe(1);
        expect(text.indexOf(g.gloss), `${d.prompt}: ${g.name}`).toBeGreaterThan(at);
      }
    }
  });

  it("names every field of a record of up to five, in the prompt's terms, and counts only a longer list", () => {
    expect(lock.steps[2]?.text).toContain(
      "It holds the holder's session id, the fencing token and the row version. Expiry lives on the session, so one keep-alive covers every lease it holds.",
    );
    // a payment is the workflow instance the rules speak of: said by the prompt's noun only, its input said as
    // what a payment carries
    expect(pay.steps[1]?.text).toContain("the payment and the effect attempt.");
    expect(said(pay)).not.toMatch(/\bworkflow instances?\b/);
    expect(pay.steps[2]?.text).toMatch(/It holds [^.]*the amount and currency/);
    for (const { d, s } of scripts) {
      const text = s.steps.map((x) => x.text).join(" ");
      // "…, and a deleted flag": the list's own "and" never becomes a field ("the and a deleted flag")
      expect(said(s), d.prompt).not.toMatch(/\bthe (?:and|or) /);
      // a list of six or more is counted, never read out whole
      expect(text, d.prompt).not.toMatch(/\bholds? [^.:]*, [^.:]*, [^.:]*, [^.:]*, [^.:]* and /);
      // the body named the fields: "what exactly is in it?" would only repeat them
      const q = s.steps[2]?.followUps.find((f) => f.question.startsWith("What exactly"));
      if (q && !/among \w+ fields/.test(s.steps[2]?.text ?? ""))
        expect(s.steps[2]?.text ?? "", d.prompt).not.toContain(q.answer.split(". ").pop()?.replace(/\.$/, "") ?? "");
    }
    const asked = kafka.steps[2]?.followUps.find((q) => q.question.startsWith("What exactly"));
    expect(asked?.answer).toMatch(/It holds the key, the value, .* and the timestamp\./);
  });

  it("speaks a protocol by a short name, never its diagram title", () => {
    expect(pay.steps[7]?.checkIn).toContain("walk the outbox protocol message by message");
    expect(said(pay)).toContain("Let me draw the outbox sequence, with who asks whom.");
    for (const { d, s } of scripts)
      for (const g of d.diagrams.filter((x) => x.kind === "sequence")) {
        const title = g.title.replace(/^[A-Z]\d+:\s*/, "").toLowerCase();
        if (/,| with /.test(title)) expect(said(s).toLowerCase(), d.prompt).not.toContain(title);
      }
  });
});

describe("the hottest number and the next limit are real limits", () => {
  const lockD = design("Design a distributed lock service");
  const payD = design("Design a payment service that charges cards exactly once");
  const metricsD = design("Design a metrics system that ingests 5 million samples per second and alerts on thresholds");
  const kafkaD = design("Design a distributed message queue like Kafka");
  const shareOf = (d: typeof lockD, b: (typeof lockD)["bottlenecks"][number]) => {
    const c = ceilingOfBottleneck(d, b);
    return c && c.room.kind === "headroom" ? c : undefined;
  };

  it("never calls a number the hottest when another on the same box is closer to that box's ceiling", () => {
    // lease writes are 30 percent of a leader's write ceiling, keep-alives 5 percent of its request ceiling
    expect(hotBottleneck(lockD)?.bottleneck).toMatch(/^The single consensus leader per lease group/);
    const eight = writeScript(lockD, { minutes: 45 }).steps[7]?.text ?? "";
    expect(eight).toContain("The hottest number is peak replicated lease writes.");
    expect(eight).toContain("Session keep-alives to the leader add about 1.5 thousand requests a second.");
    expect(eight.indexOf("30 percent")).toBeLessThan(eight.indexOf("5 percent"));
    for (const d of designs) {
      const hot = hotBottleneck(d);
      const mine = hot ? shareOf(d, hot) : undefined;
      if (!hot || !mine) continue;
      for (const b of d.bottlenecks) {
        const c = shareOf(d, b);
        if (b !== hot && c && b.archetype === hot.archetype && c.per === mine.per)
          expect(c.room.value, `${d.prompt}: ${b.bottleneck}`).toBeLessThanOrEqual(mine.room.value);
      }
    }
  });

  it("says as the hottest number the design's own first hotspot, and every ceiling as the design ranked it", () => {
    for (const d of designs) {
      expect(hotBottleneck(d), d.prompt).toBe(d.bottlenecks[0]);
      for (const b of d.bottlenecks) {
        const c = ceilingOfBottleneck(d, b);
        expect(c?.room.id, `${d.prompt}: ${b.bottleneck}`).toBe(b.ceiling?.figure);
        if (c) expect(c.input.value).toBe(b.ceiling?.value);
      }
    }
    expect(lockD.bottlenecks[0]?.rank).toBe("first hotspot");
    expect(hotBottleneck(lockD)).toBe(lockD.bottlenecks[0]);
  });

  it("names as next only a limit checked against a ceiling on another box, said with that ceiling", () => {
    expect(nextBottleneck(payD)?.bottleneck).toMatch(/^The provider's rate limit/);
    expect(nextBottleneck(metricsD)?.bottleneck).toMatch(/^Distributor CPU/);
    // the lease writes and keep-alives share one leader: neither is the other's "next"
    expect(nextBottleneck(lockD)).toBeUndefined();
    const pay = writeScript(payD, { minutes: 45 }).steps[7]?.text ?? "";
    expect(pay).toMatch(
      /But the binding limit at this load is outside our system: the provider's rate limit\. I'm assuming 100 requests a second per account\. (?:That is because|That's because|The reason is that) Stripe's live-mode rate limiter allows 100 write operations a second per account, raised on request\. At 1\.5 thousand workflows a second, that's about 15 times what one account handles\./,
    );
    expect(pay).not.toMatch(/open workflow instances/);
    for (const d of designs) {
      const next = nextBottleneck(d);
      if (!next) continue;
      const c = ceilingOfBottleneck(d, next);
      expect(c, `${d.prompt}: ${next.bottleneck}`).toBeDefined();
      const hot = hotBottleneck(d);
      const hc = hot ? ceilingOfBottleneck(d, hot) : undefined;
      if (hc) expect(c?.per, `${d.prompt}: ${next.bottleneck}`).not.toBe(hc.per);
    }
  });

  it("never calls a limit the stated load already exceeds 'next': it binds now, its remedy a precondition", () => {
    const pay = writeScript(payD, { minutes: 45 });
    const eight = pay.steps[7];
    const next = nextBottleneck(payD);
    expect(next && exceeded(payD, next)).toBe(true);
    expect(eight?.text).toContain("That makes its remedy a precondition, not a later fix.");
    expect(eight?.text).toContain("Inside our own system, the first hotspot is outbox relay throughput.");
    expect(eight?.checkIn).not.toMatch(/size the next limit, the provider's/);
    expect(eight?.followUps.map((f) => f.question)).not.toContain("What breaks next?");
    // the metrics distributor CPU is under its ceiling, so it stays the next limit
    const metricsNext = nextBottleneck(metricsD);
    expect(metricsNext && exceeded(metricsD, metricsNext)).toBe(false);
    for (const d of designs) {
      const b = nextBottleneck(d);
      if (!b || !exceeded(d, b)) continue;
      for (const short of [false, true]) {
        const s = writeScript(d, short ? { short } : { minutes: 45 });
        const text = s.steps[7]?.text ?? "";
        expect(text, d.prompt).toMatch(/the binding limit at this load is/);
        expect(text, d.prompt).not.toMatch(/\bNext (comes|come)\b/);
        expect(s.steps[7]?.checkIn ?? "", d.prompt).not.toMatch(/size the next limit/);
      }
    }
  });

  it("says template frames that hold: rules beside the hard rule, reads that go to the authority", () => {
    for (const d of designs) {
      const s = writeScript(d, { minutes: 45 });
      expect(s.steps[3]?.text ?? "", d.prompt).not.toMatch(/rules on the other paths/);
      expect(s.steps[6]?.text ?? "", d.prompt).not.toMatch(/must reach the authority|\bOne read go\b/);
    }
    const lock = writeScript(lockD, { minutes: 45 });
    expect(lock.steps[3]?.text).toMatch(/(?:A few more rules|One more rule) holds? alongside it\./);
    expect(lock.steps[6]?.text).toMatch(/^One read goes to the authority: deciding ownership\./);
  });

  it("agrees the given numbers in count: one number is 'the number given is'", () => {
    const m = writeScript(metricsD, { minutes: 45 }).steps[0]?.text ?? "";
    expect(m).toContain("The number given is 5 million samples per second.");
    const k = writeScript(kafkaD, { minutes: 45 }).steps[0]?.text ?? "";
    expect(k).toMatch(/I'll assume consistent-prefix reads, /);
    for (const d of designs)
      expect(writeScript(d, { minutes: 45 }).steps[0]?.text ?? "", d.prompt).not.toMatch(
        /consistent consistency|consistent-prefix consistency/,
      );
    for (const d of designs) {
      const one = writeScript(d, { minutes: 45 }).steps[0]?.text ?? "";
      if (Object.keys(d.nfrs.scale).length === 1) expect(one, d.prompt).not.toMatch(/The numbers given are/);
    }
  });

  it("never says the writes from step one are the only ones that change the critical state", () => {
    for (const d of designs) {
      const two = writeScript(d, { minutes: 45 }).steps[1]?.text ?? "";
      expect(two, d.prompt).not.toMatch(/are the ones that change/);
    }
    const lock = writeScript(lockD, { minutes: 45 }).steps[1]?.text ?? "";
    expect(lock).toMatch(/writes from step one change them\. So do renewing the session and reclaiming leases\./);
    const pay = writeScript(payD, { minutes: 45 }).steps[1]?.text ?? "";
    expect(pay).toMatch(/writes from step one change them\. So do recording the effect outcome/);
  });

  it("says a single other write as one, and the lease's expiry on its session", () => {
    const one = writeScript(lockD, { minutes: 45 }).steps[0]?.followUps.find(
      (f) => f.question === "Which other writes are there?",
    );
    expect(one?.answer).toMatch(/^The other is /);
    const lease = lockD.dataModel.find((m) => m.entity === "Lease");
    expect(lease?.fields).toContain("session_id");
    expect(lease?.fields).not.toContain("expires_at");
    expect(lockD.dataModel.find((m) => m.entity === "HolderSession")?.fields).toContain("expires_at");
  });

  it("places series limits in the ingesters and says an assumed input as an assumption even when short", () => {
    const m = writeScript(metricsD, { minutes: 45 });
    // the failure row is said in step 8's body, its fix right after it, so no follow-up asks it again
    const card = /unbounded values[^.]*\.\s+([^.]*\.)/.exec(m.steps[7]?.text ?? "")?.[1] ?? "";
    expect(card).toMatch(/series limits in the ingesters/);
    expect(m.steps[7]?.followUps.some((f) => /unbounded values/.test(f.question))).toBe(false);
    expect(card).not.toMatch(/series limits at the distributor/);
    const k =
      writeScript(design("Design a distributed message queue like Kafka"), { short: true }).steps[7]?.text ?? "";
    expect(k).toContain("I'm assuming 50 thousand messages a second, because");
  });
});

describe("failure questions are well-formed questions", () => {
  it("asks 'What if' only with a clause, never a headline noun phrase", async () => {
    const { COMPILED_ARCHETYPES } = await import("../src/knowledge/generated/archetypes.js");
    const { FEATURES } = await import("../src/knowledge/features/index.js");
    const { MECHANISM_FAILURES } = await import("../src/knowledge/mechanism-failures.js");
    const { failureQuestion } = await import("../src/render/script/steps.js");
    expect(isHeadline("deleted value resurrected by a replica that was offline")).toBe(true);
    expect(isHeadline("a consumer stalled by a long pause keeps processing")).toBe(false);
    // every failure row the knowledge holds describes what happens as a clause, so its question reads right
    const rows = [
      ...COMPILED_ARCHETYPES.flatMap((a) => a.failures.map((f) => f.failure)),
      ...FEATURES.flatMap((f) => (f.failures ?? []).map((x) => x.failure)),
      ...MECHANISM_FAILURES.map((f) => f.failure),
    ];
    for (const failure of rows) {
      const what = failure.includes(": ") ? failure.slice(failure.indexOf(": ") + 2) : failure;
      expect(isHeadline(what), failure).toBe(false);
      const q = failureQuestion({ failure, prevention: "p", repair: "r" } as Parameters<typeof failureQuestion>[0]);
      if (q) expect(isHeadline(q.replace(/^What if |\?$/g, "")), failure).toBe(false);
    }
    // a headline row is asked by its label, never "What if deleted value resurrected …?"
    const headline = {
      failure: "Resurrected delete: deleted value resurrected by a replica",
      prevention: "p",
      repair: "r",
    };
    expect(failureQuestion(headline as Parameters<typeof failureQuestion>[0])).toBeUndefined();
    for (const d of designs)
      for (const step of writeScript(d, { minutes: 45 }).steps)
        for (const f of step.followUps ?? []) {
          const m = /^What if (.*)\?$/.exec(f.question);
          if (m?.[1]) expect(isHeadline(m[1]), `${d.prompt}: ${f.question}`).toBe(false);
        }
    const kv = design("Design a key-value store like DynamoDB");
    const asked = writeScript(kv, { minutes: 45 }).steps.flatMap((s) => (s.followUps ?? []).map((f) => f.question));
    expect(asked.join(" ")).not.toMatch(/What if (stale read|deleted value)/);
  });
});

describe("stated numbers are said as stated, and a derived input with what it came from", () => {
  it("says a stated rate in the prompt's words, then what the design adds to it, before the peak", () => {
    // (a bare product: a URL shortener was the example until the short-links feature modelled it)
    const d = design("Design a pastebin handling 100k reads per second");
    const peak = d.capacity.find((c) => c.id === "peak_requests_per_sec");
    expect(peak?.quantity).toBe("peak requests");
    const eight = writeScript(d, { minutes: 45 }).steps[7]?.text ?? "";
    expect(eight).toContain(
      "100 thousand reads a second stated, plus about 10 thousand writes a second at a read-to-write ratio of 10, that's 110 thousand requests a second. That is already the peak to serve.",
    );
    expect(eight).not.toMatch(/peak reads/);
    const writes = writeScript(design("Design a pastebin that handles 10000 writes per second."), {
      minutes: 45,
    });
    expect(writes.steps[7]?.text).toContain(
      "10 thousand writes a second stated, plus about 100 thousand reads a second",
    );
  });
  it("never labels a rate by something its unit does not count", async () => {
    const { countedLabelProblems } = await import("../src/knowledge/compile.js");
    const model = { figures: [{ id: "peak_requests_per_sec", label: "peak reads", unit: "req/s" }] };
    expect(countedLabelProblems([{ owner: "archetype I07", capacity: model }])).toEqual([
      'archetype I07: capacity peak_requests_per_sec: the label "peak reads" says reads, but req/s counts requests',
    ]);
    expect(countedLabelProblems()).toEqual([]);
  });
});

describe("a stated figure is said in the prompt's own words", () => {
  const spoken = (prompt: string) =>
    writeScript(design(prompt))
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
  it("says a stated window as the prompt put it, never as its quantity's definition", () => {
    const text = spoken("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
    expect(text).toContain("The number given is 72 hours.");
    expect(text).not.toMatch(/a how long/);
  });
  it("keeps the quantity's words when the prompt's figure is cut short of its noun", () => {
    const text = spoken("Design a distributed lock service handling 10k lock acquisitions per second");
    expect(text).not.toContain("The number given is 10k lock.");
  });
});
