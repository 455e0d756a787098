/** The workbench's client routes, kept in the URL so reload, back/forward and shared links reopen a design. */

export type View = "design" | "script" | "diagrams" | "catalogue";
export const VIEWS: readonly View[] = ["design", "script", "diagrams", "catalogue"];

export type Route =
  | { kind: "home"; view: View }
  | { kind: "session"; id: string; view: View }
  | { kind: "design"; prompt: string; overrides: string[]; view: View };

const isView = (v: string | null): v is View => v !== null && (VIEWS as readonly string[]).includes(v);

/** `/` · `/s/<sessionId>` · `/d?prompt=…&set=key=value…`, each with an optional `view=`. */
export function parseRoute(pathname: string, search: string): Route {
  const q = new URLSearchParams(search);
  const v = q.get("view");
  const view: View = isView(v) ? v : "design";
  const s = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (s?.[1]) return { kind: "session", id: decodeURIComponent(s[1]), view };
  if (/^\/d\/?$/.test(pathname)) {
    const prompt = q.get("prompt") ?? "";
    if (prompt.trim()) return { kind: "design", prompt, overrides: q.getAll("set"), view };
  }
  return { kind: "home", view };
}

export function formatRoute(r: Route): string {
  const q = new URLSearchParams();
  let path = "/";
  if (r.kind === "session") path = `/s/${encodeURIComponent(r.id)}`;
  if (r.kind === "design") {
    path = "/d";
    q.set("prompt", r.prompt);
    for (const o of r.overrides) q.append("set", o);
  }
  if (r.view !== "design") q.set("view", r.view);
  const tail = q.toString();
  return tail ? `${path}?${tail}` : path;
}

/** A link that reopens a design by its prompt and overrides, without a saved session. */
export function designLink(prompt: string, overrides: string[]): string {
  return formatRoute({ kind: "design", prompt, overrides, view: "design" });
}
