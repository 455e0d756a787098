import { useEffect, useState } from "preact/hooks";
import { CARRIER_WORDS } from "../../src/render/sections/carrier-words.js";
import { api, type Design } from "./api.js";

type Row = Design["statedRequirements"][number];
type Carrier = Row["carriedBy"][number];

/**
 * The design page's section that shows a kind of reader: a stated figure read by a capacity row is in Capacity, a
 * figure nothing sizes and a stated quality or latency bound are in Requirements and NFRs, an operation that is an
 * API call is in API.
 */
const CARRIER_SECTION: Readonly<Record<Carrier["kind"], string>> = {
  subject: "archetypes",
  figure: "capacity",
  latency: "requirements",
  quality: "requirements",
  rule: "invariants",
  operation: "requirements",
  record: "data",
  mechanism: "mechanisms",
  feature: "features",
  decision: "decisions",
  technology: "serving",
};

/** The section a reader of a clause is shown in, when this design shows that section. */
export function carrierSection(c: Carrier, d: Design, shown: ReadonlySet<string>): string | undefined {
  const id =
    c.kind === "operation" && d.api.some((a) => a.call === c.what)
      ? "api"
      : c.kind === "figure" && !d.capacity.some((r) => c.what.includes(r.id))
        ? "requirements"
        : CARRIER_SECTION[c.kind];
  return shown.has(id) ? id : undefined;
}

/** How many stated clauses the design carries, and how many it does not. */
export function ledgerCount(d: Design): { total: number; missing: number } {
  return {
    total: d.statedRequirements.length,
    missing: d.statedRequirements.filter((r) => !r.carried).length,
  };
}

/** The count beside the section's heading: never said by colour alone (a mark and words). */
export function LedgerBadge(props: { design: Design }) {
  const { total, missing } = ledgerCount(props.design);
  if (total === 0) return null;
  return (
    <span class={`badge${missing > 0 ? " bad" : " good"}`}>
      {missing > 0 ? (
        <>
          <span aria-hidden="true">✗ </span>
          {missing} of {total} not carried
        </>
      ) : (
        <>
          <span aria-hidden="true">✓ </span>
          all {total} carried
        </>
      )}
    </span>
  );
}

/**
 * Each requirement clause the prompt states, quoted, with what kind of thing it asks for and the parts of the design
 * that carry it (each a jump to the section showing it); a clause nothing carries is marked by a mark and words,
 * with what it asks for. The clause is the prompt's own text, so it is rendered as text, never as markup.
 */
export function StatedRequirements(props: { design: Design; shown: ReadonlySet<string> }) {
  const d = props.design;
  if (d.statedRequirements.length === 0)
    return <p class="muted">The prompt states no requirement clause beyond naming what to build.</p>;
  return (
    <ol class="stated">
      {d.statedRequirements.map((r) => (
        <li key={r.at} class={r.carried ? "carried" : "not-carried"}>
          <p class="clause">
            <span class="status">
              <span aria-hidden="true">{r.carried ? "✓" : "✗"}</span> {r.carried ? "Carried" : "Not carried"}
            </span>{" "}
            <q>{r.clause}</q>
            {r.asks ? (
              <>
                {" "}
                <span class="kind">
                  <span class="visually-hidden">kind: </span>
                  {r.asks.kind}
                </span>
              </>
            ) : null}
          </p>
          {r.carried ? (
            <ul class="carriers" aria-label="carried by">
              {r.carriedBy.map((c) => {
                const at = carrierSection(c, d, props.shown);
                return (
                  <li key={`${c.kind}:${c.what}`}>
                    {at ? <a href={`#sec-${at}`}>{CARRIER_WORDS[c.kind]}</a> : CARRIER_WORDS[c.kind]}: {c.what}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="gap">Nothing in this design reads it{r.asks ? `; it asks for ${r.asks.what}` : ""}.</p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The server's coherence rule table, fetched once, and only when a design has a finding to explain. */
let ruleTable: Promise<Readonly<Record<string, string>>> | undefined;
function useRuleTable(wanted: boolean): Readonly<Record<string, string>> | undefined {
  const [rules, setRules] = useState<Readonly<Record<string, string>>>();
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    ruleTable ??= api.coherenceRules().catch(() => ({}));
    void ruleTable.then((r) => live && setRules(r));
    return () => {
      live = false;
    };
  }, [wanted]);
  return rules;
}

/** A finding's detail as a sentence. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The design's own coherence findings (what the CLI prints as `mechsd: warning:`), one entry per rule broken: its
 * rule id, what the rule asks of a design (from the server's rule table; an older server has none) and each place
 * this design breaks it.
 */
export function CoherenceFindings(props: { design: Design }) {
  const rules = useRuleTable(props.design.coherence.length > 0);
  const byRule = new Map<string, string[]>();
  for (const c of props.design.coherence) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c.detail]);
  return (
    <ul class="findings">
      {[...byRule].map(([rule, details]) => {
        const asks = rules?.[rule];
        return (
          <li key={rule}>
            <p class="finding-head">
              <span aria-hidden="true">⚠ </span>
              <span class="visually-hidden">Finding of rule </span>
              <code>{rule}</code>
              {rule === "requirement-not-carried" ? (
                <>
                  {" "}
                  <a href="#sec-stated">see the stated requirements</a>
                </>
              ) : null}
            </p>
            {asks ? (
              <p class="rule-asks">
                <b>The rule:</b> {sentence(asks)}
              </p>
            ) : null}
            {details.length === 1 ? (
              <p>
                <b>Here:</b> {sentence(details[0] ?? "")}
              </p>
            ) : (
              <>
                <p>
                  <b>Here, {details.length} times:</b>
                </p>
                <ul class="details">
                  {details.map((x) => (
                    <li key={x}>{sentence(x)}</li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
