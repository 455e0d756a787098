import { useEffect, useMemo, useState } from "preact/hooks";
import type { Design } from "../../src/engine/design/design.js";
// Only the timing module and types: re-timing needs no knowledge base, so nothing heavy enters the bundle.
import { retime } from "../../src/render/script/timing.js";
import type { Script, ScriptStep } from "../../src/render/script/types.js";

/**
 * The spoken script as a rehearsal view: a round timer that highlights the step the candidate should
 * be on, a drawing cue per diagram, check-ins and likely questions, and a one-page cheat sheet that
 * prints on its own. Self-contained: it takes the design and its script (POST /api/script, or
 * writeScript from the library); changing the round length, speaking rate or short toggle re-times
 * the script locally from the sentences it carries.
 */
export interface ScriptViewProps {
  design: Design;
  script: Script;
}

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** Start and end (in seconds from the start of the round) of each step's share of the round. */
function windows(steps: readonly ScriptStep[]): { start: number; end: number }[] {
  let t = 0;
  return steps.map((s) => {
    const start = t;
    t += s.minutes * 60;
    return { start, end: t };
  });
}

/** Styles scoped to the view, including the print rule that prints only the cheat sheet. */
const STYLE = `
.script-view .controls { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
.script-view .controls label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted, #555); }
.script-view .controls input[type=number] { width: 6rem; }
.script-view .timer { font-variant-numeric: tabular-nums; font-size: 1.4rem; }
.script-view .timer.over { color: var(--error, #a3191c); }
.script-view ol.steps { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.script-view li.step { border: 1px solid var(--line, #ccc); border-left-width: 4px; border-radius: 6px; padding: .6rem .9rem; }
.script-view li.step.current { border-left-color: var(--accent, #1f5fbf); background: var(--chip, #eef3fb); }
.script-view li.step.done { opacity: .7; }
.script-view .step-head { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.script-view .budget { font-size: .85rem; color: var(--muted, #555); }
.script-view .budget.overrun { color: var(--error, #a3191c); font-weight: 600; }
.script-view .cue { border: 1px dashed var(--accent, #1f5fbf); border-radius: 6px; padding: .4rem .6rem; margin: .5rem 0; }
.script-view .checkin { font-style: italic; }
.script-view .cheat-sheet { border: 1px solid var(--line, #ccc); border-radius: 6px; padding: .8rem 1rem; margin-top: 1rem; }
.script-view .cheat-sheet h3 { margin: .6rem 0 .2rem; font-size: 1rem; }
.script-view .cheat-sheet ul { margin: 0; padding-left: 1.1rem; }
@media print {
  body * { visibility: hidden; }
  .script-view .cheat-sheet, .script-view .cheat-sheet * { visibility: visible; }
  .script-view .cheat-sheet { position: absolute; inset: 0 auto auto 0; width: 100%; border: 0; font-size: 10pt; }
  .script-view .cheat-sheet .no-print { display: none; }
}
`;

export function ScriptView(props: ScriptViewProps) {
  const [minutes, setMinutes] = useState(props.script.minutes);
  const [short, setShort] = useState(props.script.short);
  const [wpm, setWpm] = useState(props.script.wpm);
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);

  const script = useMemo(() => {
    const given = props.script;
    if (given.minutes === minutes && given.short === short && given.wpm === wpm) return given;
    return retime(given, { minutes, short, wpm, weights: given.weights, speakingShare: given.speakingShare });
  }, [props.script, minutes, short, wpm]);
  const diagrams = props.design.diagrams;

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setElapsed((e) => e + 1), 1000);
    return () => clearInterval(id);
  }, [running]);

  const spans = windows(script.steps);
  const total = spans[spans.length - 1]?.end ?? 0;
  const current = spans.findIndex((w) => elapsed >= w.start && elapsed < w.end);
  const currentStep = current >= 0 ? script.steps[current] : undefined;
  const sheet = script.cheatSheet;

  const num = (set: (n: number) => void, min: number, max: number) => (e: Event) => {
    const n = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isFinite(n) && n >= min && n <= max) set(n);
  };

  return (
    <section class="card script-view" aria-label="Presentation script">
      <style>{STYLE}</style>
      <h2>Presentation script</h2>
      <div class="controls">
        <label>
          Round (minutes)
          <input type="number" min={5} max={180} value={minutes} onChange={num(setMinutes, 5, 180)} />
        </label>
        <label>
          Words a minute
          <input type="number" min={60} max={300} value={wpm} onChange={num(setWpm, 60, 300)} />
        </label>
        <label>
          <span>
            <input
              type="checkbox"
              checked={short}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setShort(on);
                setMinutes(on ? 20 : 45);
              }}
            />{" "}
            Short version
          </span>
        </label>
        <div>
          <div class={`timer${elapsed > total ? " over" : ""}`} role="timer" aria-label="Elapsed time">
            {clock(elapsed)} / {clock(total)}
            {currentStep ? ` · ${clock((spans[current]?.end ?? 0) - elapsed)} left in step ${currentStep.step}` : ""}
          </div>
          <button type="button" onClick={() => setRunning((r) => !r)}>
            {running ? "Pause" : elapsed > 0 ? "Resume" : "Start round"}
          </button>{" "}
          <button
            type="button"
            onClick={() => {
              setRunning(false);
              setElapsed(0);
            }}
          >
            Reset
          </button>
        </div>
      </div>
      <p class="budget" aria-live="polite">
        {currentStep
          ? `Now: step ${currentStep.step}, ${currentStep.title}.`
          : elapsed > total
            ? "Time is up: wrap up with the first bottleneck and a deep dive offer."
            : `${clock(script.totals.seconds)} of talk planned in ${clock(script.totals.budgetSeconds)} of speaking time.`}
        {script.totals.overruns.length > 0 ? ` Over budget: step ${script.totals.overruns.join(", ")}.` : ""}
      </p>
      <ol class="steps">
        {script.steps.map((s, i) => (
          <li
            key={s.step}
            class={`step${i === current ? " current" : ""}${current > i || elapsed >= total ? " done" : ""}`}
            aria-current={i === current ? "step" : undefined}
            data-testid={`script-step-${s.step}`}
          >
            <div class="step-head">
              <h3>
                {s.step}. {s.title}
              </h3>
              <span class={`budget${s.overrun ? " overrun" : ""}`}>
                {s.minutes} min · {clock(s.seconds)} of talk in {clock(s.budgetSeconds)}
                {s.overrun ? " · over budget" : ""}
                {s.dropped > 0 ? ` · ${s.dropped} detail${s.dropped === 1 ? "" : "s"} left out` : ""}
              </span>
            </div>
            {s.cue ? (
              <p class="cue" data-testid="diagram-cue">
                <strong>Draw {s.cue.kind === "hld" ? "the high-level design" : "the sequence"}:</strong> {s.cue.title}.{" "}
                {s.cue.say}
              </p>
            ) : null}
            {s.cue ? (
              <details>
                <summary>Diagram source</summary>
                <pre>{diagrams.find((g) => g.title === s.cue?.title)?.mermaid ?? ""}</pre>
              </details>
            ) : null}
            <p>{s.text}</p>
            {s.checkIn ? <p class="checkin">Check in: {s.checkIn}</p> : null}
            {s.followUps.length > 0 ? (
              <details>
                <summary>Likely questions ({s.followUps.length})</summary>
                <dl>
                  {s.followUps.map((f) => (
                    <div key={f.question}>
                      <dt>{f.question}</dt>
                      <dd>{f.answer}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {script.deepDives.length > 0 ? (
        <>
          <h3>Deep dives to offer</h3>
          <ul>
            {script.deepDives.map((x) => (
              <li key={x.topic}>
                {x.topic}: {x.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div class="cheat-sheet" data-testid="cheat-sheet">
        <h2>Cheat sheet: {script.prompt}</h2>
        <button type="button" class="no-print" onClick={() => window.print()}>
          Print cheat sheet
        </button>
        <h3>Checklist</h3>
        <ul>
          {sheet.checklist.map((c) => (
            <li key={c.question}>
              <strong>{c.question}</strong> {c.answer}
            </li>
          ))}
        </ul>
        {sheet.numbers.length > 0 ? (
          <>
            <h3>Numbers</h3>
            <ul>
              {sheet.numbers.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
        {sheet.decisions.length > 0 ? (
          <>
            <h3>Decisions</h3>
            <ul>
              {sheet.decisions.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>Order</h3>
        <p>{script.steps.map((s) => `${s.step}. ${s.title}${s.cue ? " (draw)" : ""}`).join(" · ")}</p>
      </div>
    </section>
  );
}
