import { type ComponentChildren, Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, type Design, type Script } from "./api.js";
import { Diagram, type Scheme } from "./diagram.js";
import { useFold } from "./fold.js";
import { CoherenceFindings, LedgerBadge, ledgerCount, StatedRequirements } from "./ledger-view.js";
import { ScriptView as Rehearsal } from "./script-view.js";

type Field = Design["trace"][number]["field"];

/** A foldable section with a "why?" toggle that shows the rule and inputs from the design's trace. */
function Section(props: {
  id: string;
  title: string;
  field: Field | Field[];
  design: Design;
  children: ComponentChildren;
  fold?: boolean;
  /** Shown after the title in the heading (a count). */
  badge?: ComponentChildren;
  /** What "why?" says for a section no trace field explains. */
  why?: ComponentChildren;
}) {
  const [open, setOpen] = useFold(props.id, props.fold);
  const [why, setWhy] = useState(false);
  const fields = Array.isArray(props.field) ? props.field : [props.field];
  const entries = props.design.trace.filter((t) => fields.includes(t.field));
  const whyId = `why-${props.id}`;
  const bodyId = `body-${props.id}`;
  return (
    <section class="card" id={`sec-${props.id}`} aria-labelledby={`h-${props.id}`}>
      <div class="card-head">
        <h2 id={`h-${props.id}`}>
          <button type="button" class="fold" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            <span aria-hidden="true" class="caret">
              {open ? "▾" : "▸"}
            </span>{" "}
            {props.title}
            {props.badge ? <> {props.badge}</> : null}
          </button>
        </h2>
        <button
          type="button"
          class="why"
          aria-expanded={why}
          aria-controls={whyId}
          aria-label={`why? ${props.title}`}
          onClick={() => setWhy(!why)}
        >
          why?
        </button>
      </div>
      {why ? (
        <div class="trace" id={whyId}>
          {props.why ? <p>{props.why}</p> : null}
          {entries.map((t) => (
            <p key={t.field}>
              <strong>{t.field}</strong> ({t.category}): {t.rule}. Inputs:{" "}
              {t.inputs.length > 0 ? t.inputs.join(", ") : "the prompt"}.
              {t.pinned ? ` Pinned by ${t.pinned.join(", ")}.` : ""}
            </p>
          ))}
        </div>
      ) : null}
      <div id={bodyId} class="fold-body" hidden={!open}>
        {props.children}
      </div>
    </section>
  );
}

/** A table that reflows into one card per row on a phone (each cell labelled by its column). */
export function Table(props: { head: string[]; rows: ComponentChildren[][]; caption?: string }) {
  return (
    <div class="table-wrap">
      <table class="reflow">
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th key={`${i}-${h}`} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} data-label={props.head[j] ?? ""}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const joined = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join(", ") : "—");

/** True when nothing in the prompt was recognised: no infrastructure or product signal fired. */
export function unrecognised(d: Design): boolean {
  if (d.archetypes.length === 0) return true;
  const s = (d.branch as { scores?: { infra: number; product: number } }).scores;
  return s !== undefined && s.infra === 0 && s.product === 0;
}

/** The design at a glance: what dominates, what carries correctness, where it breaks first, what was decided. */
function Summary(props: { design: Design }) {
  const d = props.design;
  const dom = d.archetypes[0];
  // The mechanisms that keep a rule carry correctness (base ones first); one that keeps none only serves.
  const keeping = d.mechanisms.filter((m) => m.protects !== "");
  const carrying = [...keeping.filter((m) => m.kind === "base"), ...keeping.filter((m) => m.kind !== "base")].slice(
    0,
    3,
  );
  const shown = carrying.length > 0 ? carrying : d.mechanisms.slice(0, 3);
  const hotspot = d.bottlenecks.find((b) => b.rank === "first hotspot") ?? d.bottlenecks[0];
  const ledger = ledgerCount(d);
  return (
    <section class="card summary" id="sec-summary" aria-labelledby="h-summary">
      <h2 id="h-summary">Summary</h2>
      <dl>
        <dt>Dominant archetype</dt>
        <dd>
          {dom?.realizes
            ? `${dom.realizes.id} ${dom.realizes.name}, realized by ${dom.realizes.featureName}'s ${dom.realizes.entity}: the feature leads the design`
            : dom
              ? `${dom.id} ${dom.name} (${dom.role})`
              : "none recognised"}
        </dd>
        <dt>Mechanisms that carry correctness</dt>
        <dd>
          {shown.length > 0 ? (
            <ol>
              {shown.map((m) => (
                <li key={m.id}>
                  <b>{m.name}</b>{" "}
                  <span class="muted">
                    {m.protects !== "" ? `protects: ${m.protects}` : `serves: ${m.serves ?? m.protectsBecause}`}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            "—"
          )}
        </dd>
        <dt>First hotspot</dt>
        <dd>{hotspot ? `${hotspot.bottleneck} — ${hotspot.mitigation}` : "—"}</dd>
        {d.decisions.length > 0 ? (
          <>
            <dt>Main decisions</dt>
            <dd>
              <ul>
                {d.decisions.slice(0, 3).map((x) => (
                  <li key={x.id}>
                    {x.question} <b>{x.options.find((o) => o.id === x.chosen)?.name ?? x.chosen}</b>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {ledger.total > 0 ? (
          <>
            <dt>Stated requirements</dt>
            <dd>
              {ledger.missing === 0
                ? `all ${ledger.total} carried`
                : `${ledger.total - ledger.missing} of ${ledger.total} carried; ${ledger.missing} not carried`}{" "}
              (<a href="#sec-stated">each clause and what carries it</a>)
            </dd>
          </>
        ) : null}
        <dt>Coherence</dt>
        <dd>
          {d.coherence.length > 0 ? (
            <>
              <span aria-hidden="true">⚠ </span>
              {d.coherence.length === 1 ? "one finding" : `${d.coherence.length} findings`}:{" "}
              {[...new Set(d.coherence.map((c) => c.rule))].join(", ")} (
              <a href="#sec-coherence">{d.coherence.length === 1 ? "the finding" : "the findings"}</a>)
            </>
          ) : (
            "every coherence rule holds (nothing chosen and avoided, no mechanism without its precondition)"
          )}
        </dd>
      </dl>
    </section>
  );
}

interface SectionSpec {
  id: string;
  title: string;
  field: Field | Field[];
  show: boolean;
  /** Folded or open from the start (phones fold by default). */
  fold?: boolean;
  badge?: ComponentChildren;
  why?: ComponentChildren;
  /** The section's content; `shown` is the ids of the sections this design shows (for jumps between them). */
  body: (shown: ReadonlySet<string>) => ComponentChildren;
}

function sections(d: Design): SectionSpec[] {
  const src = d.nfrs.sources;
  const hasArch = d.archetypes.length > 0;
  return [
    {
      id: "archetypes",
      title: "Branch and archetypes",
      field: ["branch", "archetypes"],
      show: true,
      body: () => (
        <>
          <p>
            {d.branch.kind === "product"
              ? "Product-first prompt: these are the infrastructure substrates it leans on."
              : `Branch: ${d.branch.kind}-first.`}{" "}
            <span class="muted">{d.branch.evidence[0]}</span>
          </p>
          <ul class="chips">
            {d.archetypes.map((a) => (
              <li key={a.id}>
                <details class={`chip ${a.role}`}>
                  <summary>
                    <b>{a.id}</b> {a.name} <span class="role">{a.role}</span>{" "}
                    <span class="score">{a.score.toFixed(2)}</span>
                  </summary>
                  <ul>
                    {a.evidence.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      ),
    },
    {
      id: "features",
      title: "Product features",
      field: "features",
      show: d.features.length > 0,
      body: () => (
        <Table
          head={["feature", "evidence", "rests on"]}
          rows={d.features.map((f) => [
            f.name,
            joined(f.evidence),
            f.substrates.map((s) => `${s.id} (${s.role})`).join(", ") || "—",
          ])}
        />
      ),
    },
    {
      id: "stated",
      title: "Stated requirements",
      field: [],
      show: d.statedRequirements.length > 0,
      fold: ledgerCount(d).missing > 0 ? false : undefined,
      badge: <LedgerBadge design={d} />,
      why: "Each requirement clause of the prompt, with the parts of the design whose reasons quote its words (the requirement ledger); a clause no part quotes is not carried, and the design owes it an answer.",
      body: (shown) => <StatedRequirements design={d} shown={shown} />,
    },
    {
      id: "requirements",
      title: "Requirements and NFRs",
      field: ["nfrs", "requirements", "operations"],
      show: hasArch,
      body: () => (
        <>
          <ul class="facts">
            {(["delivery", "consistency", "availability", "ordering", "durability", "regions"] as const).map((k) => (
              <li key={k} title={src[k]?.because}>
                <b>{k}</b>: {String(d.nfrs[k])} <span class="muted">({src[k]?.source})</span>
              </li>
            ))}
            {Object.entries(d.nfrs.scale).map(([k, v]) => (
              <li key={k}>
                <b>{k}</b>: {v.toLocaleString("en-US")}
              </li>
            ))}
          </ul>
          <Table
            head={["requirement", "operation", "interaction", "entity", "note"]}
            rows={d.operations.map((o) => [
              o.phrase,
              o.operation,
              o.interaction,
              o.entity,
              o.critical ? "critical" : o.hidden ? "hidden" : "",
            ])}
          />
        </>
      ),
    },
    {
      id: "state",
      title: "Critical state and scopes",
      field: ["criticalPaths", "scopes", "primaryState"],
      show: hasArch,
      body: () => (
        <>
          <ul>
            {d.criticalPaths.map((p) => (
              <li key={p.name}>
                <b>{p.name}</b>: {p.because}
              </li>
            ))}
          </ul>
          <Table head={["concern", "scope", "why"]} rows={d.scopes.map((s) => [s.concern, s.scope, s.why])} />
          <Table
            head={["entity", "holds", "authority", "scope"]}
            rows={d.primaryState.map((s) => [s.entity, s.description, s.authority, s.scope])}
          />
        </>
      ),
    },
    {
      id: "invariants",
      title: "Hard invariants",
      field: "invariants",
      show: hasArch,
      body: () => (
        <ul>
          {d.invariants.map((i) => (
            <li key={i.statement}>
              <span class="muted">[{i.path}]</span> {i.statement}
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "context",
      title: "Execution context",
      field: "context",
      show: hasArch,
      body: () => (
        <ul>
          <li>
            <b>Retries</b>: {d.context.retries}
          </li>
          <li>
            <b>Crashes</b>: {d.context.crashes}
          </li>
          <li>
            <b>Clocks</b>: {d.context.clocks}
          </li>
          <li>
            <b>Regions</b>: {d.context.regions}
          </li>
          <li>
            <b>Failure stance</b>: {d.context.failureStance}
          </li>
        </ul>
      ),
    },
    {
      id: "mechanisms",
      title: "Mechanisms",
      field: ["predicates", "baseMechanisms", "companions"],
      show: hasArch,
      body: () => {
        const names = new Map(d.predicates.map((p) => [p.id as string, p.name]));
        return (
          <Table
            head={["mechanism", "family", "kind", "why", "protects"]}
            rows={d.mechanisms.map((m) => [
              m.name,
              m.family,
              m.kind,
              m.because.map((b) => names.get(b) ?? b).join("; "),
              m.protects,
            ])}
          />
        );
      },
    },
    {
      id: "components",
      title: "Components and links",
      field: ["components", "links"],
      show: d.components.length > 0 || d.links.length > 0,
      body: () => {
        const name = new Map(d.components.map((c) => [c.id, c.name]));
        return (
          <>
            {d.components.length > 0 ? (
              <Table
                head={["component", "kind", "holds", "runs", "why"]}
                rows={d.components.map((c) => [c.name, c.kind, joined(c.holds), joined(c.runs), c.because])}
              />
            ) : null}
            {d.links.length > 0 ? (
              <Table
                head={["from", "to", "kind", "carries"]}
                rows={d.links.map((l) => [name.get(l.from) ?? l.from, name.get(l.to) ?? l.to, l.kind, l.label])}
              />
            ) : null}
          </>
        );
      },
    },
    {
      id: "api",
      title: "API",
      field: "api",
      show: d.api.length > 0,
      body: () => (
        <Table
          head={["call", "request", "response", "errors", "guarantee"]}
          rows={d.api.map((a) => [
            <code key="c">{a.call}</code>,
            joined(a.request),
            joined(a.response),
            joined(a.errors),
            a.guarantee,
          ])}
        />
      ),
    },
    {
      id: "data",
      title: "Data model",
      field: "dataModel",
      show: d.dataModel.length > 0,
      body: () => (
        <Table
          head={["entity", "key", "fields", "indexes", "partition key", "owner"]}
          rows={d.dataModel.map((m) => [
            m.entity,
            joined(m.key),
            joined(m.fields),
            joined(m.indexes),
            m.partitionKey ?? "—",
            m.owner,
          ])}
        />
      ),
    },
    {
      id: "serving",
      title: "Serving paths and technology",
      field: ["readPaths", "technology"],
      show: hasArch,
      body: () => (
        <>
          <Table
            head={["read", "served by", "staleness"]}
            rows={d.readPaths.map((r) => [r.read, r.servedBy, r.staleness])}
          />
          <ul>
            {d.technology.map((t) => (
              <li key={`${t.layer}-${t.shape}`}>
                <b>{t.layer}</b> ({t.shape}):{" "}
                {t.choices.map((c) => `${c.product}${c.component ? ` as ${c.component}` : ""} — ${c.why}`).join("; ")}
                {t.runnerUp ? (
                  <span class="muted">
                    {" "}
                    Runner-up, {t.runnerUp.product}: {t.runnerUp.why}
                  </span>
                ) : null}
                {t.avoid ? (
                  <span class="muted">
                    {" "}
                    Not {t.avoid.product}: {t.avoid.why}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ),
    },
    {
      id: "capacity",
      title: "Capacity",
      field: "capacity",
      show: d.capacity.length > 0,
      body: () => (
        <Table
          head={["quantity", "estimate", "formula", "inputs"]}
          rows={d.capacity.map((c) => [
            c.quantity,
            c.display,
            <code key="f">{c.formula}</code>,
            c.inputs.map((i) => `${i.name} = ${i.value.toLocaleString("en-US")} (${i.source})`).join("; "),
          ])}
        />
      ),
    },
    {
      id: "decisions",
      title: "Decisions",
      field: "decisions",
      show: d.decisions.length > 0,
      body: () => (
        <ul class="decisions">
          {d.decisions.map((x) => (
            <li key={x.id}>
              <b>{x.question}</b> → <b>{x.chosen}</b>
              {x.source === "override" ? <span class="muted"> (set by you)</span> : null}. {x.because}{" "}
              <span class="muted">Would flip if {x.wouldFlipIf}</span>
              <ul>
                {x.options.map((o) => (
                  <li key={o.name}>
                    {o.name}: buys {o.buys}; costs {o.costs}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "failures",
      title: "Failures and scale",
      field: ["failures", "bottlenecks"],
      show: hasArch,
      body: () => (
        <>
          <Table
            head={["failure", "prevention", "repair"]}
            rows={d.failures.map((f) => [f.failure, f.prevention, f.repair])}
          />
          <Table
            head={["bottleneck", "mitigation", "sizing"]}
            rows={d.bottlenecks.map((b) => [b.bottleneck, b.mitigation, b.estimate ?? b.formula ?? "—"])}
          />
        </>
      ),
    },
    {
      id: "checklist",
      title: "Checklist",
      field: "checklist",
      show: hasArch,
      body: () => (
        <ul class="checklist">
          {d.checklist.map((c) => {
            const done = c.complete && !c.missing;
            return (
              <li key={c.question} class={done ? "done" : "todo"}>
                <b>
                  <span aria-hidden="true">{done ? "✓" : "○"}</span>{" "}
                  <span class="visually-hidden">{done ? "answered: " : "incomplete: "}</span>
                  {c.question}
                </b>{" "}
                {c.answer}
                {c.missing ? <span class="missing"> Missing: {c.missing}</span> : null}
              </li>
            );
          })}
        </ul>
      ),
    },
  ];
}

/**
 * The script view: fetches the full spoken script for this design (budgets, drawing cues, check-ins,
 * follow-ups, deep dives, cheat sheet) and shows it as a timed rehearsal; until it arrives, the
 * design's own eight steps are shown so the view is never empty.
 */
export function ScriptView(props: { design: Design }) {
  const d = props.design;
  const [script, setScript] = useState<Script | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setScript(undefined);
    setFailed(undefined);
    api
      .script(d.prompt, d.overrides)
      .then((s) => live && setScript(s))
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
    };
  }, [d.prompt, d.overrides.join("\n")]);
  if (script) return <Rehearsal design={d} script={script} />;
  return (
    <section class="card script" aria-label="Presentation script" aria-busy={failed ? undefined : "true"}>
      <h2>Presentation script</h2>
      <p class="muted">{failed ? `The timed script could not be loaded: ${failed}` : "Loading the timed script…"}</p>
      <ol>
        {d.script.map((s) => (
          <li key={s.step}>
            <h3>{s.title}</h3>
            <p>{s.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function DiagramsView(props: { design: Design; scheme: Scheme }) {
  return (
    <div class="diagrams">
      {props.design.diagrams.map((g, i) => (
        <Diagram key={`${i}-${g.title}`} title={g.title} text={g.mermaid} scheme={props.scheme} />
      ))}
    </div>
  );
}

/**
 * The design view: summary, the design's own coherence findings (when it has any), jump links, then every section
 * (each folds; the adjust panel sits after the first).
 */
export function DesignView(props: { design: Design; adjust: ComponentChildren }) {
  const d = props.design;
  const list = sections(d).filter((s) => s.show);
  const shown = new Set(list.map((s) => s.id));
  const findings = d.coherence.length;
  return (
    <div class="design">
      <Summary design={d} />
      {findings > 0 ? (
        <Section
          id="coherence"
          title="Coherence findings"
          field={[]}
          design={d}
          fold={false}
          badge={
            <span class="badge bad">
              <span aria-hidden="true">⚠ </span>
              {findings === 1 ? "1 finding" : `${findings} findings`}
            </span>
          }
          why="The design's own coherence rules (engine/coherence.ts) that this design breaks; the command line prints each as a 'mechsd: warning:' line."
        >
          <CoherenceFindings design={d} />
        </Section>
      ) : null}
      <nav class="jump" aria-label="Sections">
        <ul>
          {findings > 0 ? (
            <li>
              <a href="#sec-coherence">Coherence findings</a>
            </li>
          ) : null}
          <li>
            <a href="#sec-adjust">Adjust</a>
          </li>
          {list.map((s) => (
            <li key={s.id}>
              <a href={`#sec-${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {list.map((s, i) => (
        <Fragment key={s.id}>
          <Section
            id={s.id}
            title={s.title}
            field={s.field}
            design={d}
            fold={i === 0 ? false : s.fold}
            badge={s.badge}
            why={s.why}
          >
            {s.body(shown)}
          </Section>
          {i === 0 ? props.adjust : null}
        </Fragment>
      ))}
    </div>
  );
}
