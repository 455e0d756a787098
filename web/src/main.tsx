import { render } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { Adjust } from "./adjust.js";
import { ApiError, type Archetype, api, type Design, type Meta, readableProblems, type Session } from "./api.js";
import { Catalogue } from "./catalogue.js";
import { DesignView, DiagramsView, ScriptView, unrecognised } from "./design-view.js";
import type { Scheme } from "./diagram.js";
import { designLink, formatRoute, parseRoute, type Route, type View } from "./route.js";
import "./styles.css";

/** Overrides are kept as a key -> value map and sent as `key=value` strings. */
const toList = (m: Record<string, string>) =>
  Object.entries(m)
    .filter(([, v]) => v !== "")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
const toMap = (list: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    list.filter((s) => s.includes("=")).map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]),
  );
const same = (a: string, b: string) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/** How long after the last adjustment the session is saved: a burst of arrow keys makes one save. */
const APPLY_MS = 200;
const SAVE_MS = 700;

function changes(prev: Design | undefined, next: Design): string[] {
  if (!prev || prev.prompt !== next.prompt) return [];
  const before = new Set(prev.mechanisms.map((m) => m.name));
  const after = new Set(next.mechanisms.map((m) => m.name));
  const out: string[] = [];
  if (prev.archetypes[0]?.id !== next.archetypes[0]?.id)
    out.push(`dominant: ${prev.archetypes[0]?.id ?? "none"} → ${next.archetypes[0]?.id ?? "none"}`);
  for (const m of after) if (!before.has(m)) out.push(`+ ${m}`);
  for (const m of before) if (!after.has(m)) out.push(`− ${m}`);
  for (const k of ["delivery", "consistency", "availability", "ordering", "durability", "regions"] as const) {
    if (prev.nfrs[k] !== next.nfrs[k]) out.push(`${k}: ${prev.nfrs[k]} → ${next.nfrs[k]}`);
  }
  return out;
}

const exampleText = (x: Meta["examples"][number]) => (typeof x === "string" ? x : x.prompt);

function useScheme(theme: string): Scheme {
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  const [systemDark, setSystemDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setSystemDark(query.matches);
    query.addEventListener("change", on);
    return () => query.removeEventListener("change", on);
  }, [query]);
  if (theme === "dark" || theme === "light") return theme;
  return systemDark ? "dark" : "light";
}

/** The path and query on screen, so a hash-only history step (a jump link) is told apart from a route change. */
const shown = { url: location.pathname + location.search };

const VIEW_LABELS: [View, string][] = [
  ["design", "Design"],
  ["script", "Script"],
  ["diagrams", "Diagrams"],
  ["catalogue", "Archetypes"],
];

function App() {
  const [meta, setMeta] = useState<Meta>();
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname, location.search));
  const [prompt, setPrompt] = useState("");
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [design, setDesign] = useState<Design>();
  const [diff, setDiff] = useState<string[]>([]);
  const [error, setError] = useState<{ text: string; lines?: string[] }>();
  const [notice, setNoticeText] = useState("");
  const [busy, setBusy] = useState(false);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [current, setCurrent] = useState<Session>();
  const [catalogue, setCatalogue] = useState<Archetype[]>();
  const [menu, setMenu] = useState(false);
  const [find, setFind] = useState("");
  const [groups, setGroups] = useState<[string, string[]][]>();
  const [theme, setTheme] = useState<string>(() => localStorage.getItem("mechsd-theme") ?? "auto");
  const scheme = useScheme(theme);
  const designRef = useRef<Design | undefined>(undefined);
  const fileRef = useRef<HTMLInputElement>(null);
  const applyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const view = route.view;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem("mechsd-theme", theme);
  }, [theme]);

  const setNotice = useCallback((text: string) => {
    clearTimeout(noticeTimer.current);
    setNoticeText(text);
    if (text) noticeTimer.current = setTimeout(() => setNoticeText(""), 6000);
  }, []);

  const fail = useCallback((e: unknown, prefix = "") => {
    const text =
      e instanceof ApiError ? e.message : `Could not reach the workbench server: ${(e as Error).message ?? String(e)}`;
    setError({ text: `${prefix}${text}` });
  }, []);

  const findRef = useRef("");
  const refreshSessions = useCallback(async () => {
    const q = findRef.current;
    const page = await api.sessions(q ? { q } : {});
    if (findRef.current !== q) return; // a newer search is on its way
    setSessions(page.sessions);
    setNextCursor(page.nextCursor ?? null);
  }, []);

  const go = useCallback((r: Route, how: "push" | "replace" = "push") => {
    const url = formatRoute(r);
    if (url !== location.pathname + location.search) {
      if (how === "push") history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    }
    shown.url = url;
    setRoute(r);
  }, []);

  /** Derives and shows a design; on failure the previous design stays under the message. */
  const show = useCallback(
    async (text: string, ov: Record<string, string>): Promise<Design | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const d = await api.design(text, toList(ov));
        setDiff(changes(designRef.current, d));
        designRef.current = d;
        setDesign(d);
        return d;
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  const clearDesign = useCallback(() => {
    setCurrent(undefined);
    setPrompt("");
    setOverrides({});
    setDesign(undefined);
    designRef.current = undefined;
    setDiff([]);
  }, []);

  /** Loads what a URL names: a saved session, a linked design, or the empty workbench. */
  const load = useCallback(
    async (r: Route) => {
      clearTimeout(applyTimer.current);
      clearTimeout(saveTimer.current);
      if (r.kind === "session") {
        try {
          const s = await api.session(r.id);
          setCurrent(s);
          setPrompt(s.prompt);
          const ov = toMap(s.overrides);
          setOverrides(ov);
          if (designRef.current?.prompt !== s.prompt) designRef.current = undefined;
          await show(s.prompt, ov);
        } catch (e) {
          clearDesign();
          if (e instanceof ApiError && e.status === 404) setError({ text: "That session no longer exists." });
          else fail(e);
        }
      } else if (r.kind === "design") {
        setCurrent(undefined);
        setPrompt(r.prompt);
        const ov = toMap(r.overrides);
        setOverrides(ov);
        if (designRef.current?.prompt !== r.prompt) designRef.current = undefined;
        await show(r.prompt, ov);
      } else {
        clearDesign();
      }
    },
    [show, clearDesign, fail],
  );

  useEffect(() => {
    api.meta().then(setMeta, (e: Error) => fail(e));
    refreshSessions().catch((e: Error) => fail(e));
    void load(parseRoute(location.pathname, location.search));
    const onPop = () => {
      // A jump link changes only the hash: the page stays as it is.
      if (location.pathname + location.search === shown.url) return;
      shown.url = location.pathname + location.search;
      const r = parseRoute(location.pathname, location.search);
      setRoute(r);
      void load(r);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [refreshSessions, load, fail]);

  // The empty state groups the examples by the archetype each one exercises (asked of the engine, never assumed).
  // One example at a time, after the page settles, and stopped as soon as a design is on screen, so the
  // grouping never delays the user's own derivation.
  const exampleGroup = useRef(new Map<string, string>());
  useEffect(() => {
    if (!meta || groups || design) return;
    let live = true;
    const run = async () => {
      for (const x of meta.examples) {
        const text = exampleText(x);
        if (!live) return;
        if (exampleGroup.current.has(text)) continue;
        if (typeof x !== "string" && x.archetype) {
          exampleGroup.current.set(text, x.archetype);
          continue;
        }
        const label = await api.design(text, []).then(
          (d) => {
            const a = d.archetypes[0];
            return a && a.role === "dominant" ? `${a.id} ${a.name}` : "Product prompts";
          },
          () => "Other",
        );
        exampleGroup.current.set(text, label);
      }
      if (!live) return;
      const by = new Map<string, string[]>();
      for (const x of meta.examples) {
        const t = exampleText(x);
        const l = exampleGroup.current.get(t) ?? "Other";
        by.set(l, [...(by.get(l) ?? []), t]);
      }
      setGroups([...by.entries()].sort(([a], [b]) => a.localeCompare(b)));
    };
    const timer = setTimeout(() => void run(), 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [meta, groups, design]);

  /** A prompt typed or picked starts a new session; the open one changes only through its own controls. */
  const submit = useCallback(
    async (text: string) => {
      setNotice("");
      if (!text.trim()) {
        setError({ text: "Type a prompt first, or pick an example." });
        return;
      }
      clearTimeout(applyTimer.current);
      const keep = designRef.current && same(designRef.current.prompt, text);
      const ov = keep ? overrides : {};
      if (!keep) designRef.current = undefined;
      const d = await show(text, ov);
      if (!d) return;
      if (current && same(current.prompt, d.prompt)) {
        setOverrides(ov);
        return;
      }
      try {
        const s = await api.create(d.prompt, toList(ov));
        setCurrent(s);
        setOverrides(ov);
        setPrompt(d.prompt);
        go({ kind: "session", id: s.id, view: route.view === "catalogue" ? "design" : route.view });
        await refreshSessions();
      } catch (e) {
        fail(e);
      }
    },
    [overrides, current, show, go, route.view, refreshSessions, fail, setNotice],
  );

  const pickExample = (text: string) => {
    setPrompt(text);
    setOverrides({});
    designRef.current = undefined;
    setCurrent(undefined);
    void submit(text);
  };

  /** Adjustments re-derive at once (debounced briefly) and save once the burst of changes ends. */
  const setOverride = (key: string, value: string) => {
    const next = { ...overrides, [key]: value };
    if (value === "") delete next[key];
    applyOverrides(next);
  };
  const applyOverrides = (next: Record<string, string>) => {
    setOverrides(next);
    const base = designRef.current?.prompt ?? prompt;
    clearTimeout(applyTimer.current);
    applyTimer.current = setTimeout(() => {
      void show(base, next).then((d) => {
        if (!d) return;
        clearTimeout(saveTimer.current);
        if (current) {
          const id = current.id;
          saveTimer.current = setTimeout(() => {
            api.update(id, { overrides: toList(next) }).then(setCurrent, (e: unknown) => fail(e));
          }, SAVE_MS);
        } else {
          go({ kind: "design", prompt: d.prompt, overrides: toList(next), view: route.view }, "replace");
        }
      });
    }, APPLY_MS);
  };

  const open = (s: Session) => {
    setMenu(false);
    setNotice("");
    const r: Route = { kind: "session", id: s.id, view: route.view === "catalogue" ? "design" : route.view };
    go(r);
    void load(r);
  };

  const newSession = () => {
    setMenu(false);
    go({ kind: "home", view: "design" });
    clearDesign();
    setError(undefined);
    document.getElementById("prompt")?.focus();
  };

  const saveLinked = async () => {
    if (!design) return;
    try {
      const s = await api.create(design.prompt, toList(overrides));
      setCurrent(s);
      go({ kind: "session", id: s.id, view: route.view }, "replace");
      await refreshSessions();
      setNotice(`Saved as “${s.name}”.`);
    } catch (e) {
      fail(e);
    }
  };

  const rename = async (s: Session) => {
    const name = window.prompt("New name for this session", s.name);
    if (name === null) return;
    try {
      const updated = await api.update(s.id, { name });
      if (current?.id === s.id) setCurrent(updated);
      await refreshSessions();
    } catch (e) {
      fail(e);
    }
  };

  const duplicate = async (s: Session) => {
    try {
      await api.duplicate(s.id);
      await refreshSessions();
      setNotice(`Duplicated “${s.name}”.`);
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (s: Session) => {
    if (!window.confirm(`Delete the session “${s.name}”?`)) return;
    try {
      await api.remove(s.id);
      if (current?.id === s.id) newSession();
      await refreshSessions();
    } catch (e) {
      fail(e);
    }
  };

  const importFile = async (file: File) => {
    setError(undefined);
    setNotice("");
    try {
      const s = await api.importFile(await file.text());
      await refreshSessions();
      setNotice(`Imported “${s.name}”.${s.notice ? ` Note: ${s.notice}.` : ""}`);
    } catch (e) {
      if (e instanceof ApiError)
        setError({
          text: `Import failed: “${file.name}” is not a session this workbench can open.`,
          lines: readableProblems(e.message),
        });
      else fail(e, "Import failed: ");
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  const moreSessions = async () => {
    if (!nextCursor) return;
    try {
      const page = await api.sessions({ cursor: nextCursor, ...(find ? { q: find } : {}) });
      setSessions((xs) => [...xs, ...page.sessions.filter((s) => !xs.some((x) => x.id === s.id))]);
      setNextCursor(page.nextCursor ?? null);
    } catch (e) {
      fail(e);
    }
  };

  const setView = (v: View) => {
    go({ ...route, view: v }, "replace");
    if (v === "catalogue" && !catalogue) api.archetypes().then(setCatalogue, (e: Error) => fail(e));
  };
  useEffect(() => {
    if (view === "catalogue" && !catalogue) api.archetypes().then(setCatalogue, (e: Error) => fail(e));
  }, [view, catalogue, fail]);

  const tabKeys = (e: KeyboardEvent, i: number) => {
    const n = VIEW_LABELS.length;
    const to =
      e.key === "ArrowRight"
        ? (i + 1) % n
        : e.key === "ArrowLeft"
          ? (i + n - 1) % n
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const v = VIEW_LABELS[to]?.[0];
    if (v) {
      setView(v);
      document.getElementById(`tab-${v}`)?.focus();
    }
  };

  const examples = useMemo(() => meta?.examples.map(exampleText) ?? [], [meta]);

  const adjust = design ? (
    <Adjust
      design={design}
      meta={meta}
      overrides={overrides}
      setOverride={setOverride}
      resetAll={() => applyOverrides({})}
      changes={diff}
    />
  ) : null;

  let panel = null;
  if (view === "catalogue") panel = <Catalogue archetypes={catalogue} />;
  else if (!design)
    panel =
      busy || route.kind !== "home" ? (
        <p class="muted" role="status">
          Deriving the design…
        </p>
      ) : (
        <section class="card welcome" aria-labelledby="h-welcome">
          <h2 id="h-welcome">Start with a prompt</h2>
          <p>
            mechsd turns an infrastructure system-design prompt into a complete, explained design: archetypes,
            invariants, mechanisms, failures, diagrams and a script to present it. Every value names the rule that
            produced it, so you can change any choice and see what follows.
          </p>
          <p>
            Type your own prompt above, pick an example below, or browse the{" "}
            <a
              href="/?view=catalogue"
              onClick={(e) => {
                e.preventDefault();
                setView("catalogue");
              }}
            >
              catalogue of archetypes
            </a>
            .
          </p>
          <ExampleButtons groups={groups} flat={examples} pick={pickExample} />
        </section>
      );
  else if (view === "script") panel = <ScriptView design={design} />;
  else if (view === "diagrams") panel = <DiagramsView design={design} scheme={scheme} />;
  else panel = <DesignView design={design} adjust={adjust} />;

  return (
    <div class={`shell${menu ? " menu-open" : ""}`}>
      <header class="top">
        <h1>
          mechsd <span>workbench</span>
        </h1>
        <div class="row">
          <button
            type="button"
            class="menu-button"
            aria-expanded={menu}
            aria-controls="sessions"
            onClick={() => setMenu(!menu)}
          >
            Sessions ({sessions.length}
            {nextCursor ? "+" : ""})
          </button>
          <label class="theme">
            Theme{" "}
            <select value={theme} onChange={(e) => setTheme((e.target as HTMLSelectElement).value)}>
              <option value="auto">system</option>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </label>
        </div>
      </header>
      <main id="main">
        <form
          class="ask"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(prompt);
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
                void submit(prompt);
              }
            }}
          />
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? "Deriving…" : "Derive"}
            </button>
            {design && !current ? (
              <button type="button" onClick={() => void saveLinked()}>
                Save as a session
              </button>
            ) : null}
            {design ? (
              <button
                type="button"
                onClick={() => {
                  const link = new URL(designLink(design.prompt, toList(overrides)), location.href).href;
                  navigator.clipboard.writeText(link).then(
                    () => setNotice("A link to this design (prompt and overrides) is on the clipboard."),
                    () => setNotice(`Link to this design: ${link}`),
                  );
                }}
              >
                Copy design link
              </button>
            ) : null}
            {current ? (
              <span class="muted current-name">
                Session: <b dir="auto">{current.name}</b>
              </span>
            ) : null}
          </div>
        </form>
        {error ? (
          <div class="error" role="alert">
            <p>{error.text}</p>
            {error.lines && error.lines.length > 0 ? (
              <ul>
                {error.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        {design && unrecognised(design) && view !== "catalogue" ? (
          <div class="card unrecognised" role="status">
            <p>
              <b>Nothing in “{design.prompt}” was recognised</b> as an infrastructure system or a product feature, so
              what follows is only the generic substrates most products lean on. Name the system and what it must
              guarantee, or try an example:
            </p>
            <ExampleButtons flat={examples.slice(0, 4)} pick={pickExample} />
          </div>
        ) : null}
        <div class="tabs" role="tablist" aria-label="Views">
          {VIEW_LABELS.map(([v, label], i) => (
            <button
              type="button"
              role="tab"
              id={`tab-${v}`}
              key={v}
              aria-selected={view === v}
              aria-controls="panel"
              tabIndex={view === v ? 0 : -1}
              onClick={() => setView(v)}
              onKeyDown={(e) => tabKeys(e, i)}
            >
              {label}
            </button>
          ))}
        </div>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
          {panel}
        </div>
      </main>
      <aside class="sessions" id="sessions" aria-label="Sessions">
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
        <label class="field session-find">
          Find a session
          <input
            type="search"
            value={find}
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setFind(v);
              findRef.current = v.trim();
              void refreshSessions().catch((x: unknown) => fail(x));
            }}
          />
        </label>
        {sessions.length === 0 && !find ? <p class="muted">Derive a design and it is saved here.</p> : null}
        <ul>
          {sessions
            .filter((s) => !find.trim() || `${s.name} ${s.prompt}`.toLowerCase().includes(find.trim().toLowerCase()))
            .map((s) => (
              <li key={s.id} class={current?.id === s.id ? "current" : ""}>
                <a
                  class="session-name"
                  href={formatRoute({ kind: "session", id: s.id, view: "design" })}
                  onClick={(e) => {
                    e.preventDefault();
                    open(s);
                  }}
                  aria-current={current?.id === s.id ? "page" : undefined}
                >
                  <bdi>{s.name}</bdi>
                </a>
                <span class="actions">
                  <button type="button" aria-label={`Rename ${s.name}`} onClick={() => void rename(s)}>
                    Rename
                  </button>
                  <button type="button" aria-label={`Duplicate ${s.name}`} onClick={() => void duplicate(s)}>
                    Duplicate
                  </button>
                  <button type="button" aria-label={`Delete ${s.name}`} onClick={() => void remove(s)}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
        </ul>
        {nextCursor ? (
          <button type="button" onClick={() => void moreSessions()}>
            Show more sessions
          </button>
        ) : null}
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
    </div>
  );
}

function ExampleButtons(props: { groups?: [string, string[]][]; flat: string[]; pick(text: string): void }) {
  if (!props.groups)
    return (
      <ul class="examples">
        {props.flat.map((x) => (
          <li key={x}>
            <button type="button" class="example" onClick={() => props.pick(x)}>
              {x}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <div class="example-groups">
      {props.groups.map(([label, xs]) => (
        <section key={label} aria-label={label}>
          <h3>{label}</h3>
          <ul class="examples">
            {xs.map((x) => (
              <li key={x}>
                <button type="button" class="example" onClick={() => props.pick(x)}>
                  {x}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
