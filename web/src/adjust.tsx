import { useState } from "preact/hooks";
import type { BranchKind } from "../../src/engine/recognize/recognize.js";
import { QUANTITIES } from "../../src/knowledge/quantities.js";
import { DURABILITY_VALUES } from "../../src/knowledge/vocab.js";
import type { Design, Meta } from "./api.js";
import { useFold } from "./fold.js";

/** Labels for the branch choices; typed so a new branch kind in the engine fails the UI build. */
const BRANCHES = {
  infra: "infrastructure-first",
  product: "product-first",
  mixed: "mixed",
} satisfies Record<BranchKind, string>;

export interface AdjustProps {
  design: Design;
  meta: Meta | undefined;
  overrides: Record<string, string>;
  setOverride(key: string, value: string): void;
  resetAll(): void;
  changes: string[];
}

function Reset(props: {
  label: string;
  k: string;
  overrides: Record<string, string>;
  set(k: string, v: string): void;
}) {
  if (props.overrides[props.k] === undefined) return null;
  return (
    <button
      type="button"
      class="reset"
      aria-label={`Reset ${props.label} to derived`}
      onClick={() => props.set(props.k, "")}
    >
      reset
    </button>
  );
}

function Choice(props: {
  label: string;
  k: string;
  derived: string;
  options: { value: string; label: string }[];
  overrides: Record<string, string>;
  set(k: string, v: string): void;
}) {
  const value = props.overrides[props.k] ?? "";
  return (
    <div class={`field${value ? " set" : ""}`}>
      <label for={fid(props.k)}>{props.label}</label>
      <select
        id={fid(props.k)}
        value={value}
        onChange={(e) => props.set(props.k, (e.target as HTMLSelectElement).value)}
      >
        <option value="">derived ({props.derived})</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Reset label={props.label} k={props.k} overrides={props.overrides} set={props.set} />
    </div>
  );
}

/** A number applied when the user commits it (Enter or leaving the field), never per keystroke. */
function NumberField(props: {
  label: string;
  k: string;
  derived: string;
  min?: number;
  max?: number;
  overrides: Record<string, string>;
  set(k: string, v: string): void;
}) {
  const value = props.overrides[props.k] ?? "";
  return (
    <div class={`field${value ? " set" : ""}`}>
      <label for={fid(props.k)}>{props.label}</label>
      <input
        id={fid(props.k)}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={value}
        placeholder={props.derived}
        onChange={(e) => {
          const v = (e.target as HTMLInputElement).value.trim();
          if (v !== value) props.set(props.k, v);
        }}
      />
      <Reset label={props.label} k={props.k} overrides={props.overrides} set={props.set} />
    </div>
  );
}

/** A stable element id for an override key, so each control has its own <label for>. */
const fid = (k: string) => `adjust-${k.replace(/[^A-Za-z0-9_-]/g, "-")}`;

const cap = (s: string) => (s[0]?.toUpperCase() ?? "") + s.slice(1);

/** Every override the CLI accepts, with "reset to derived" per field and for all, and what the last change did. */
export function Adjust(props: AdjustProps) {
  const { design: d, meta, overrides, setOverride: set } = props;
  const [adding, setAdding] = useState("");
  const [addingQ, setAddingQ] = useState("");
  const [extraQ, setExtraQ] = useState<string[]>([]);
  const [open, setOpen] = useFold("adjust");
  if (!meta) return null;
  const names = new Map(meta.archetypes.map((a) => [a.id, a.name]));
  const present = new Set(d.archetypes.map((a) => a.id as string));
  const supporting = d.archetypes.slice(1);
  const scaleShown = QUANTITIES.filter(
    (q) => d.nfrs.scale[q.id] !== undefined || overrides[`scale.${q.id}`] !== undefined || extraQ.includes(q.id),
  );
  const decisionKey = meta.overrideKeys?.find((k) => k.startsWith("decision"));
  const prefix = decisionKey?.replace(/<[^>]*>$/, "");
  const overridden = Object.keys(overrides).length;
  const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <section class="card adjust" id="sec-adjust" aria-labelledby="h-adjust">
      <div class="card-head">
        <h2 id="h-adjust">
          <button
            type="button"
            class="fold"
            aria-expanded={open}
            aria-controls="body-adjust"
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true" class="caret">
              {open ? "▾" : "▸"}
            </span>{" "}
            Adjust
          </button>
        </h2>
        <button type="button" disabled={overridden === 0} onClick={props.resetAll}>
          Reset all to derived{overridden > 0 ? ` (${overridden})` : ""}
        </button>
      </div>
      <div id="body-adjust" class="fold-body" hidden={!open}>
        <p class="muted hint">Changes apply at once; the session saves a moment after the last one.</p>
        <div class="grid">
          <Choice
            label="Branch"
            k="branch"
            derived={d.branch.kind}
            options={Object.entries(BRANCHES).map(([value, label]) => ({ value, label }))}
            overrides={overrides}
            set={set}
          />
          <Choice
            label="Dominant archetype"
            k="dominant"
            derived={d.archetypes[0] ? `${d.archetypes[0].id} ${d.archetypes[0].name}` : "none"}
            options={meta.archetypes.map((a) => ({ value: a.id, label: `${a.id} ${a.name}` }))}
            overrides={overrides}
            set={set}
          />
          {supporting.map((a) => (
            <Choice
              key={a.id}
              label={`Role of ${a.id} ${names.get(a.id) ?? a.name}`}
              k={`archetype.${a.id}`}
              derived={a.role}
              options={opts([...meta.values.roles.filter((r) => r !== "dominant"), "off"])}
              overrides={overrides}
              set={set}
            />
          ))}
          {Object.keys(overrides)
            .filter((k) => k.startsWith("archetype.") && !present.has(k.slice(10)))
            .map((k) => (
              <div class="field set" key={k}>
                <span>
                  {k.slice(10)} {names.get(k.slice(10)) ?? ""}: {overrides[k]}
                </span>
                <Reset label={`archetype ${k.slice(10)}`} k={k} overrides={overrides} set={set} />
              </div>
            ))}
          <div class="field">
            <label>
              Add a supporting archetype
              <select value={adding} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
                <option value="">choose…</option>
                {meta.archetypes
                  .filter((a) => !present.has(a.id))
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.id} {a.name}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!adding}
              onClick={() => {
                set(`archetype.${adding}`, "substrate");
                setAdding("");
              }}
            >
              Add
            </button>
          </div>
          {(["delivery", "consistency", "availability", "ordering"] as const).map((k) => (
            <Choice
              key={k}
              label={cap(k)}
              k={k}
              derived={d.nfrs[k]}
              options={opts(meta.values[k])}
              overrides={overrides}
              set={set}
            />
          ))}
          <Choice
            label="Durability"
            k="durability"
            derived={d.nfrs.durability}
            options={opts(meta.values.durability ?? DURABILITY_VALUES)}
            overrides={overrides}
            set={set}
          />
          <NumberField
            label="Regions"
            k="regions"
            derived={String(d.nfrs.regions)}
            min={1}
            max={50}
            overrides={overrides}
            set={set}
          />
        </div>
        <fieldset>
          <legend>Scale</legend>
          <div class="grid">
            {scaleShown.map((q) => (
              <NumberField
                key={q.id}
                label={`${cap(q.label)} (${q.unit})`}
                k={`scale.${q.id}`}
                derived={d.nfrs.scale[q.id] !== undefined ? String(d.nfrs.scale[q.id]) : "not stated"}
                min={0}
                overrides={overrides}
                set={set}
              />
            ))}
            <div class="field">
              <label>
                Add a quantity
                <select value={addingQ} onChange={(e) => setAddingQ((e.target as HTMLSelectElement).value)}>
                  <option value="">choose…</option>
                  {QUANTITIES.filter((q) => !scaleShown.includes(q)).map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.label} ({q.unit})
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={!addingQ}
                onClick={() => {
                  setExtraQ([...extraQ, addingQ]);
                  setAddingQ("");
                }}
              >
                Add
              </button>
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>Predicates</legend>
          <div class="grid">
            {d.predicates.map((p) => {
              const k = `predicate.${p.id}`;
              return (
                <div key={p.id} class={`field check${overrides[k] ? " set" : ""}`}>
                  <label title={p.because}>
                    <input
                      type="checkbox"
                      checked={p.holds}
                      onChange={(e) => set(k, String((e.target as HTMLInputElement).checked))}
                    />{" "}
                    {cap(p.name)} <span class="muted id">{p.id}</span>
                  </label>
                  <span class="muted because">{p.because}</span>
                  <Reset label={p.name} k={k} overrides={overrides} set={set} />
                </div>
              );
            })}
          </div>
        </fieldset>
        {prefix && d.decisions.length > 0 ? (
          <fieldset>
            <legend>Decisions</legend>
            <div class="grid">
              {d.decisions.map((x) => (
                <Choice
                  key={x.id}
                  label={x.question}
                  k={`${prefix}${x.id}`}
                  derived={x.chosen}
                  options={opts(x.options.map((o) => o.name))}
                  overrides={overrides}
                  set={set}
                />
              ))}
            </div>
          </fieldset>
        ) : null}
      </div>
      {props.changes.length > 0 ? (
        <div class="changes" role="status">
          <strong>What changed:</strong> {props.changes.join(" · ")}
        </div>
      ) : null}
    </section>
  );
}
