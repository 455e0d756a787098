import { useMemo, useState } from "preact/hooks";
import type { Archetype } from "./api.js";

/** All 19 archetypes as searchable cards; each opens its full entry. */
export function Catalogue(props: { archetypes: Archetype[] | undefined }) {
  const [query, setQuery] = useState("");
  const [openId, setOpenId] = useState<string>();
  const list = props.archetypes ?? [];
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return list;
    return list.filter((a) =>
      [a.id, a.name, a.summary, ...a.signals.phrases.map((p) => p.text), ...a.signals.systems.map((s) => s.name)]
        .join(" ")
        .toLowerCase()
        .includes(q),
    );
  }, [list, query]);
  const open = list.find((a) => a.id === openId);
  if (!props.archetypes) return <p class="muted">Loading the catalogue…</p>;
  return (
    <section aria-label="Archetype catalogue">
      <label class="field search">
        Search archetypes
        <input
          type="search"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          placeholder="lease, Kafka, cache…"
        />
      </label>
      <ul class="cards">
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              class="arch-card"
              aria-expanded={openId === a.id}
              onClick={() => setOpenId(openId === a.id ? undefined : a.id)}
            >
              <b>{a.id}</b> {a.name}
              <span class="muted">{a.silhouette.storage}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p class="muted">No archetype matches “{query}”.</p> : null}
      {open ? (
        <article class="card entry" aria-label={`${open.id} ${open.name}`}>
          <h2>
            {open.id} {open.name}
          </h2>
          <p>{open.summary}</p>
          <h3>Signals</h3>
          <p>{open.signals.phrases.map((p) => p.text).join(", ")}</p>
          <p>Systems: {open.signals.systems.map((s) => s.name).join(", ") || "—"}</p>
          <h3>Entities</h3>
          <ul>
            {open.entities.map((e) => (
              <li key={e.name}>
                <b>{e.name}</b>
                {e.truth ? " (source of truth)" : ""}: {e.description}
              </li>
            ))}
          </ul>
          <h3>Write paths</h3>
          <ul>
            {open.writePaths.map((w) => (
              <li key={w.action}>
                {w.action} → {w.entity} ({w.shape}, {w.mechanism})
              </li>
            ))}
          </ul>
          <h3>Protocols</h3>
          {open.protocols.map((p) => (
            <pre key={p.name}>
              {p.name}: {p.notation}
            </pre>
          ))}
          <h3>Invariants</h3>
          <ul>
            {open.invariants.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
          <h3>Failure modes</h3>
          <ul>
            {open.failures.map((f) => (
              <li key={f.failure}>
                <b>{f.failure}</b> — prevent: {f.prevention}; repair: {f.repair}
              </li>
            ))}
          </ul>
          <h3>Bottlenecks</h3>
          <ul>
            {open.bottlenecks.map((b) => (
              <li key={b.bottleneck}>
                <b>{b.bottleneck}</b> — {b.mitigation}
                {b.formula ? ` (${b.formula.yields} = ${b.formula.expression})` : ""}
              </li>
            ))}
          </ul>
          <h3>Technology</h3>
          <ul>
            {open.technologies.map((t) => (
              <li key={t.product}>
                <b>{t.product}</b> ({t.layer}): {t.fits}
              </li>
            ))}
          </ul>
          <h3>Connections</h3>
          <ul>
            {open.connections.map((c) => (
              <li key={c.to}>
                {c.to} as {c.role}: {c.why}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
    </section>
  );
}
