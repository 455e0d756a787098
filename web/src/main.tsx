import { render } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, type Archetype, api, type Design, type Meta, type Session } from "./api.js";
import { Catalogue } from "./catalogue.js";
import { DesignView } from "./design-view.js";
import "./styles.css";

type View = "design" | "script" | "diagrams" | "catalogue";

/** Overrides are kept as a key -> value map and sent as `key=value` strings. */
const toList = (m: Record<string, string>) =>
  Object.entries(m)
    .filter(([, v]) => v !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
const toMap = (list: string[]) =>
  Object.fromEntries(list.map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]));

function changes(prev: Design | undefined, next: Design): string[] {
  if (!prev || prev.prompt !== next.prompt) return [];
  const before = new Set(prev.mechanisms.map((m) => m.name));
  const after = new Set(next.mechanisms.map((m) => m.name));
  const out: string[] = [];
  if (prev.archetypes[0]?.id !== next.archetypes[0]?.id)
    out.push(`dominant: ${prev.archetypes[0]?.id ?? "none"} → ${next.archetypes[0]?.id ?? "none"}`);
  for (const m of after) if (!before.has(m)) out.push(`+ ${m}`);
  for (const m of before) if (!after.has(m)) out.push(`− ${m}`);
  for (const k of ["delivery", "consistency", "availability", "ordering"] as const) {
    if (prev.nfrs[k] !== next.nfrs[k]) out.push(`${k}: ${prev.nfrs[k]} → ${next.nfrs[k]}`);
  }
  return out;
}

function App() {
  const [meta, setMeta] = useState<Meta>();
  const [prompt, setPrompt] = useState("");
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [design, setDesign] = useState<Design>();
  const [diff, setDiff] = useState<string[]>([]);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View>("design");
  const [sessions, setSessions] = useState<Session[]>([]);
  const [current, setCurrent] = useState<Session>();
  const [catalogue, setCatalogue] = useState<Archetype[]>();
  const [theme, setTheme] = useState<string>(() => localStorage.getItem("mechsd-theme") ?? "auto");
  const designRef = useRef<Design | undefined>(undefined);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem("mechsd-theme", theme);
  }, [theme]);

  const refreshSessions = useCallback(async () => setSessions(await api.sessions()), []);

  useEffect(() => {
    api.meta().then(setMeta, (e: Error) => setError(e.message));
    refreshSessions().catch((e: Error) => setError(e.message));
  }, [refreshSessions]);

  const derive = useCallback(
    async (text: string, ov: Record<string, string>, session?: Session) => {
      if (!text.trim()) {
        setError("Type a prompt first, or pick an example.");
        return;
      }
      setBusy(true);
      setError("");
      try {
        const list = toList(ov);
        const d = await api.design(text, list);
        setDiff(changes(designRef.current, d));
        designRef.current = d;
        setDesign(d);
        // Autosave: the open session follows every derivation; the first derivation creates one.
        let s = session;
        if (s) s = await api.update(s.id, { prompt: d.prompt, overrides: list });
        else s = await api.create(d.prompt, list);
        setCurrent(s);
        await refreshSessions();
      } catch (e) {
        setError(e instanceof ApiError ? e.message : `Could not reach the workbench server: ${(e as Error).message}`);
      } finally {
        setBusy(false);
      }
    },
    [refreshSessions],
  );

  const setOverride = (key: string, value: string) => {
    const next = { ...overrides, [key]: value };
    if (value === "") delete next[key];
    setOverrides(next);
    void derive(prompt, next, current);
  };

  const open = async (s: Session) => {
    setPrompt(s.prompt);
    const ov = toMap(s.overrides);
    setOverrides(ov);
    designRef.current = undefined;
    setCurrent(s);
    setView("design");
    await derive(s.prompt, ov, s);
  };

  const newSession = () => {
    setCurrent(undefined);
    setPrompt("");
    setOverrides({});
    setDesign(undefined);
    designRef.current = undefined;
    setDiff([]);
    document.getElementById("prompt")?.focus();
  };

  const rename = async (s: Session) => {
    const name = window.prompt("New name for this session", s.name);
    if (name === null) return;
    try {
      const updated = await api.update(s.id, { name });
      if (current?.id === s.id) setCurrent(updated);
      await refreshSessions();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const duplicate = async (s: Session) => {
    try {
      await api.duplicate(s.id);
      await refreshSessions();
      setNotice(`Duplicated “${s.name}”.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const remove = async (s: Session) => {
    if (!window.confirm(`Delete the session “${s.name}”?`)) return;
    try {
      await api.remove(s.id);
      if (current?.id === s.id) newSession();
      await refreshSessions();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const importFile = async (file: File) => {
    setError("");
    try {
      const s = await api.importFile(await file.text());
      await refreshSessions();
      setNotice(`Imported “${s.name}”.`);
    } catch (e) {
      setError(`Import failed: ${(e as Error).message}`);
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  const showCatalogue = async () => {
    setView("catalogue");
    if (!catalogue) api.archetypes().then(setCatalogue, (e: Error) => setError(e.message));
  };

  const views: [View, string][] = useMemo(
    () => [
      ["design", "Design"],
      ["script", "Script"],
      ["diagrams", "Diagrams"],
      ["catalogue", "Archetypes"],
    ],
    [],
  );

  return (
    <div class="shell">
      <header class="top">
        <h1>
          mechsd <span>workbench</span>
        </h1>
        <label class="theme">
          Theme{" "}
          <select value={theme} onChange={(e) => setTheme((e.target as HTMLSelectElement).value)}>
            <option value="auto">system</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
      </header>
      <aside class="sessions" aria-label="Sessions">
        <h2>Sessions</h2>
        <div class="row">
          <button type="button" onClick={newSession}>
            New
          </button>
          <label class="button">
            Import JSON
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f) void importFile(f);
              }}
            />
          </label>
        </div>
        {sessions.length === 0 ? <p class="muted">Derive a design and it is saved here.</p> : null}
        <ul>
          {sessions.map((s) => (
            <li key={s.id} class={current?.id === s.id ? "current" : ""}>
              <button
                type="button"
                class="link session-name"
                onClick={() => void open(s)}
                aria-current={current?.id === s.id ? "true" : undefined}
              >
                {s.name}
              </button>
              <span class="actions">
                <button type="button" aria-label={`Rename ${s.name}`} onClick={() => void rename(s)}>
                  Rename
                </button>
                <button type="button" aria-label={`Duplicate ${s.name}`} onClick={() => void duplicate(s)}>
                  Copy
                </button>
                <button type="button" aria-label={`Delete ${s.name}`} onClick={() => void remove(s)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
        {current ? (
          <p class="exports">
            Export:{" "}
            <a href={api.exportUrl(current.id, "md")} download>
              Markdown
            </a>{" "}
            ·{" "}
            <a href={api.exportUrl(current.id, "json")} download>
              JSON
            </a>
          </p>
        ) : null}
      </aside>
      <main>
        <form
          class="ask"
          onSubmit={(e) => {
            e.preventDefault();
            void derive(prompt, overrides, current);
          }}
        >
          <label for="prompt">Prompt</label>
          <textarea
            id="prompt"
            rows={3}
            value={prompt}
            placeholder="Design a distributed message queue with retries and a dead-letter queue"
            onInput={(e) => setPrompt((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                void derive(prompt, overrides, current);
              }
            }}
          />
          <div class="row">
            <select
              aria-label="Example prompts"
              value=""
              onChange={(e) => {
                const v = (e.target as HTMLSelectElement).value;
                if (v) {
                  setPrompt(v);
                  setOverrides({});
                  designRef.current = undefined;
                  setCurrent(undefined);
                  void derive(v, {}, undefined);
                }
              }}
            >
              <option value="">Examples…</option>
              {meta?.examples.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
            <button type="submit" class="primary" disabled={busy}>
              {busy ? "Deriving…" : "Derive"}
            </button>
          </div>
        </form>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <nav class="tabs" aria-label="Views">
          {views.map(([v, label]) => (
            <button
              type="button"
              key={v}
              aria-pressed={view === v}
              onClick={() => (v === "catalogue" ? void showCatalogue() : setView(v))}
            >
              {label}
            </button>
          ))}
        </nav>
        {view === "catalogue" ? (
          <Catalogue archetypes={catalogue} />
        ) : design ? (
          <DesignView
            design={design}
            view={view}
            meta={meta}
            overrides={overrides}
            setOverride={setOverride}
            changes={diff}
          />
        ) : (
          <p class="muted">Type an infrastructure prompt (or pick an example) and press Enter.</p>
        )}
      </main>
    </div>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
