import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Design, Meta } from "./api.js";

interface Props {
  design: Design;
  view: "design" | "script" | "diagrams";
  meta: Meta | undefined;
  overrides: Record<string, string>;
  setOverride(key: string, value: string): void;
  changes: string[];
}

type Field = Design["trace"][number]["field"];

/** A section with a "why?" toggle that shows the rule and inputs from the design's trace. */
function Section(props: { title: string; field: Field | Field[]; design: Design; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const fields = Array.isArray(props.field) ? props.field : [props.field];
  const entries = props.design.trace.filter((t) => fields.includes(t.field));
  const id = `why-${fields.join("-")}`;
  return (
    <section class="card">
      <div class="card-head">
        <h2>{props.title}</h2>
        <button type="button" class="why" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          why?
        </button>
      </div>
      {open ? (
        <div class="trace" id={id}>
          {entries.map((t) => (
            <p key={t.field}>
              <strong>{t.field}</strong> ({t.category}): {t.rule}. Inputs:{" "}
              {t.inputs.length > 0 ? t.inputs.join(", ") : "the prompt"}.
              {t.pinned ? ` Pinned by ${t.pinned.join(", ")}.` : ""}
            </p>
          ))}
        </div>
      ) : null}
      {props.children}
    </section>
  );
}

function Table(props: { head: string[]; rows: (string | ComponentChildren)[][] }) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Select(props: {
  label: string;
  value: string;
  options: string[];
  onChange(v: string): void;
  derivedLabel: string;
}) {
  return (
    <label class="field">
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.derivedLabel}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function Adjust(props: Props) {
  const { design: d, meta, overrides, setOverride } = props;
  if (!meta) return null;
  const supporting = d.archetypes.slice(1);
  const present = new Set(d.archetypes.map((a) => a.id));
  return (
    <section class="card adjust" aria-label="Adjust">
      <h2>Adjust</h2>
      <div class="grid">
        <Select
          label="Dominant archetype"
          value={overrides.dominant ?? ""}
          derivedLabel={`derived (${d.archetypes[0]?.id ?? "none"})`}
          options={meta.archetypes.map((a) => a.id)}
          onChange={(v) => setOverride("dominant", v)}
        />
        {supporting.map((a) => (
          <Select
            key={a.id}
            label={`${a.id} role`}
            value={overrides[`archetype.${a.id}`] ?? ""}
            derivedLabel={`derived (${a.role})`}
            options={[...meta.values.roles, "off"]}
            onChange={(v) => setOverride(`archetype.${a.id}`, v)}
          />
        ))}
        <label class="field">
          Add archetype
          <select
            value=""
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              if (v) setOverride(`archetype.${v}`, "substrate");
            }}
          >
            <option value="">choose…</option>
            {meta.archetypes
              .filter((a) => !present.has(a.id as never))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.id} {a.name}
                </option>
              ))}
          </select>
        </label>
        {(["delivery", "consistency", "availability", "ordering"] as const).map((k) => (
          <Select
            key={k}
            label={k[0]?.toUpperCase() + k.slice(1)}
            value={overrides[k] ?? ""}
            derivedLabel={`derived (${d.nfrs[k]})`}
            options={meta.values[k]}
            onChange={(v) => setOverride(k, v)}
          />
        ))}
      </div>
      <fieldset>
        <legend>Predicates</legend>
        <div class="grid">
          {d.predicates.map((p) => (
            <label key={p.id} class="check" title={p.because}>
              <input
                type="checkbox"
                checked={p.holds}
                onChange={(e) => setOverride(`predicate.${p.id}`, String((e.target as HTMLInputElement).checked))}
              />
              {p.id}
              {overrides[`predicate.${p.id}`] ? " (set)" : ""}
            </label>
          ))}
        </div>
      </fieldset>
      {props.changes.length > 0 ? (
        <div class="changes" role="status">
          <strong>What changed:</strong> {props.changes.join(" · ")}
        </div>
      ) : null}
    </section>
  );
}

function Diagram(props: { id: string; title: string; text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState("");
  useEffect(() => {
    let live = true;
    // Mermaid is large: load it only when a diagram is shown.
    import("mermaid")
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: "strict",
          theme: document.documentElement.dataset.theme === "dark" ? "dark" : "default",
        });
        const { svg } = await mermaid.render(props.id, props.text);
        if (live && ref.current) ref.current.innerHTML = svg;
      })
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
    };
  }, [props.id, props.text]);
  return (
    <figure class="diagram">
      <figcaption>{props.title}</figcaption>
      <div ref={ref} class="mermaid-out" data-testid="diagram" />
      {failed ? <pre class="error">{failed}</pre> : null}
      <details>
        <summary>Mermaid source</summary>
        <pre>{props.text}</pre>
      </details>
    </figure>
  );
}

export function DesignView(props: Props) {
  const d = props.design;
  if (props.view === "script") {
    return (
      <section class="card script" aria-label="Presentation script">
        <h2>Presentation script</h2>
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
  if (props.view === "diagrams") {
    return (
      <div>
        {d.diagrams.map((g, i) => (
          <Diagram key={`${i}-${g.title}`} id={`mermaid-${i}`} title={g.title} text={g.mermaid} />
        ))}
      </div>
    );
  }
  const src = d.nfrs.sources;
  return (
    <div class="design">
      <Section title="Branch and archetypes" field={["branch", "archetypes"]} design={d}>
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
      </Section>
      <Adjust {...props} />
      {d.archetypes.length === 0 ? null : (
        <>
          <Section title="Requirements and NFRs" field={["nfrs", "requirements", "operations"]} design={d}>
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
              head={["requirement", "operation", "interaction", "entity", ""]}
              rows={d.operations.map((o) => [
                o.phrase,
                o.operation,
                o.interaction,
                o.entity,
                o.critical ? "critical" : o.hidden ? "hidden" : "",
              ])}
            />
          </Section>
          <Section title="Critical state and scopes" field={["criticalPaths", "scopes"]} design={d}>
            <ul>
              {d.criticalPaths.map((p) => (
                <li key={p.name}>
                  <b>{p.name}</b>: {p.because}
                </li>
              ))}
            </ul>
            <Table head={["concern", "scope", "why"]} rows={d.scopes.map((s) => [s.concern, s.scope, s.why])} />
          </Section>
          <Section title="Primary state" field="primaryState" design={d}>
            <Table
              head={["entity", "holds", "authority", "scope"]}
              rows={d.primaryState.map((s) => [s.entity, s.description, s.authority, s.scope])}
            />
          </Section>
          <Section title="Hard invariants" field="invariants" design={d}>
            <ul>
              {d.invariants.map((i) => (
                <li key={i.statement}>
                  <span class="muted">[{i.path}]</span> {i.statement}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Execution context" field="context" design={d}>
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
          </Section>
          <Section title="Mechanisms" field={["predicates", "baseMechanisms", "companions"]} design={d}>
            <Table
              head={["mechanism", "family", "kind", "why", "protects"]}
              rows={d.mechanisms.map((m) => [m.name, m.family, m.kind, m.because.join("; "), m.protects])}
            />
          </Section>
          <Section title="Serving paths and technology" field={["readPaths", "technology"]} design={d}>
            <Table
              head={["read", "served by", "staleness"]}
              rows={d.readPaths.map((r) => [r.read, r.servedBy, r.staleness])}
            />
            <ul>
              {d.technology.map((t) => (
                <li key={t.layer}>
                  <b>{t.layer}</b> ({t.shape}): {t.choices.map((c) => `${c.product} — ${c.why}`).join("; ")}
                  {t.avoid ? (
                    <span class="muted">
                      {" "}
                      Not {t.avoid.product}: {t.avoid.why}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Failures and scale" field={["failures", "bottlenecks"]} design={d}>
            <Table
              head={["failure", "prevention", "repair"]}
              rows={d.failures.map((f) => [f.failure, f.prevention, f.repair])}
            />
            <Table
              head={["bottleneck", "mitigation", "sizing"]}
              rows={d.bottlenecks.map((b) => [b.bottleneck, b.mitigation, b.estimate ?? b.formula ?? "—"])}
            />
          </Section>
          <Section title="Checklist" field="checklist" design={d}>
            <ul class="checklist">
              {d.checklist.map((c) => (
                <li key={c.question} class={c.complete ? "done" : "todo"}>
                  <b>
                    {c.complete ? "✓" : "…"} {c.question}
                  </b>{" "}
                  {c.answer}
                  {c.missing ? <span class="missing"> Missing: {c.missing}</span> : null}
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </div>
  );
}
