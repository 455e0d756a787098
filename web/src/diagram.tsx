import { useEffect, useRef, useState } from "preact/hooks";

export type Scheme = "light" | "dark";

type Mermaid = typeof import("mermaid").default;
let loading: Promise<Mermaid> | undefined;
/** Mermaid is large: its chunk loads the first time a diagram is shown. */
const loadMermaid = () => {
  loading ??= import("mermaid").then((m) => m.default);
  return loading;
};

// Renders run one at a time: mermaid.initialize is global, so two themes must not interleave.
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/** Theme variables picked to keep labels and edges at readable contrast on the workbench's own card colours. */
function themeFor(scheme: Scheme) {
  return scheme === "dark"
    ? {
        theme: "dark" as const,
        themeVariables: {
          background: "#1e2126",
          primaryColor: "#2a3140",
          primaryTextColor: "#e6e8eb",
          primaryBorderColor: "#8fa3bf",
          lineColor: "#b8c2cf",
          textColor: "#e6e8eb",
          secondaryColor: "#263042",
          tertiaryColor: "#232a35",
          clusterBkg: "#232a35",
          clusterBorder: "#8fa3bf",
          edgeLabelBackground: "#2a3140",
          actorBkg: "#2a3140",
          actorBorder: "#8fa3bf",
          actorTextColor: "#e6e8eb",
          actorLineColor: "#b8c2cf",
          signalColor: "#e6e8eb",
          signalTextColor: "#e6e8eb",
          labelBoxBkgColor: "#2a3140",
          labelBoxBorderColor: "#8fa3bf",
          labelTextColor: "#e6e8eb",
          loopTextColor: "#e6e8eb",
          noteBkgColor: "#3b3a2a",
          noteTextColor: "#f2eed8",
          noteBorderColor: "#b8ad6a",
          sequenceNumberColor: "#15171b",
        },
      }
    : { theme: "default" as const, themeVariables: {} };
}

export function renderMermaid(text: string, scheme: Scheme): Promise<string> {
  const job = queue.then(async () => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      // Plain SVG text (no HTML labels) keeps downloads self-contained and PNG export untainted.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      ...themeFor(scheme),
    });
    counter += 1;
    const { svg } = await mermaid.render(`mermaid-svg-${counter}`, text);
    return svg;
  });
  queue = job.catch(() => undefined);
  return job;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "diagram";

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function svgText(host: HTMLElement | null): string | undefined {
  const svg = host?.querySelector("svg");
  if (!svg) return undefined;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.removeAttribute("style");
  return new XMLSerializer().serializeToString(copy);
}

async function toPng(host: HTMLElement | null, background: string): Promise<Blob> {
  const svg = host?.querySelector("svg");
  const text = svgText(host);
  if (!svg || !text) throw new Error("the diagram is not drawn yet");
  const box = svg.viewBox.baseVal;
  const w = Math.ceil(box?.width || svg.getBoundingClientRect().width);
  const h = Math.ceil(box?.height || svg.getBoundingClientRect().height);
  const img = new Image();
  img.width = w;
  img.height = h;
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error("the SVG could not be drawn to an image"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error("PNG encoding failed"))), "image/png"),
  );
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
}

const MIN = 0.25;
const MAX = 6;

/** One Mermaid diagram: drawn in the effective theme, zoomable and pannable, full screen, downloadable. */
export function Diagram(props: { title: string; text: string; scheme: Scheme }) {
  const host = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [failure, setFailure] = useState("");
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const [full, setFull] = useState(false);
  const [said, setSaid] = useState("");
  const drag = useRef<{ x: number; y: number; px: number; py: number } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setState("loading");
    renderMermaid(props.text, props.scheme).then(
      (svg) => {
        if (!live || !host.current) return;
        host.current.innerHTML = svg;
        const el = host.current.querySelector("svg");
        el?.setAttribute("role", "img");
        el?.setAttribute("aria-label", props.title);
        setState("ready");
      },
      (e: Error) => {
        if (!live) return;
        setFailure(e.message);
        setState("failed");
      },
    );
    return () => {
      live = false;
    };
  }, [props.text, props.scheme, props.title]);

  useEffect(() => {
    if (!full) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setFull(false);
    };
    document.addEventListener("keydown", onKey);
    document.body.classList.add("has-full");
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.classList.remove("has-full");
    };
  }, [full]);

  const zoomBy = (f: number) => setZoom((z) => Math.min(MAX, Math.max(MIN, Math.round(z * f * 100) / 100)));
  const reset = () => {
    setZoom(1);
    setPan({ x: 0, y: 0 });
  };
  const tell = (s: string) => {
    setSaid(s);
    setTimeout(() => setSaid(""), 2500);
  };
  const name = slug(props.title);
  const background = () =>
    getComputedStyle(figure.current ?? document.body)
      .getPropertyValue("--card")
      .trim() || "#fff";

  return (
    <figure ref={figure} class={`diagram${full ? " full" : ""}`} aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <div class="diagram-tools" role="toolbar" aria-label={`${props.title}: diagram tools`}>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={`Zoom in: ${props.title}`}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={`Zoom out: ${props.title}`}>
          −
        </button>
        <button type="button" onClick={reset} aria-label={`${Math.round(zoom * 100)}% (reset zoom): ${props.title}`}>
          {Math.round(zoom * 100)}%
        </button>
        <button
          type="button"
          aria-pressed={full}
          onClick={() => setFull(!full)}
          aria-label={`${full ? "Exit full screen" : "Full screen"}: ${props.title}`}
        >
          {full ? "Exit full screen" : "Full screen"}
        </button>
        <button
          type="button"
          disabled={state !== "ready"}
          onClick={() => {
            const t = svgText(host.current);
            if (t) save(new Blob([t], { type: "image/svg+xml" }), `${name}.svg`);
          }}
          aria-label={`Download SVG: ${props.title}`}
        >
          SVG
        </button>
        <button
          type="button"
          disabled={state !== "ready"}
          onClick={() =>
            toPng(host.current, background()).then(
              (b) => save(b, `${name}.png`),
              (e: Error) => tell(`PNG failed: ${e.message}`),
            )
          }
          aria-label={`Download PNG: ${props.title}`}
        >
          PNG
        </button>
        <button
          type="button"
          onClick={() => copyText(props.text).then(() => tell("Mermaid source copied"))}
          aria-label={`Copy source: ${props.title}`}
        >
          Copy source
        </button>
        <span class="muted said" role="status">
          {said}
        </span>
      </div>
      <div
        class="diagram-viewport"
        role="application"
        aria-roledescription="pannable diagram"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region that pans with the arrow keys
        tabIndex={0}
        aria-label={`${props.title}: drag or use arrow keys to pan, + and − to zoom`}
        onWheel={(e) => {
          if (!e.ctrlKey) return;
          e.preventDefault();
          zoomBy(e.deltaY < 0 ? 1.1 : 0.9);
        }}
        onKeyDown={(e) => {
          const step = 40;
          const moves: Record<string, [number, number]> = {
            ArrowLeft: [step, 0],
            ArrowRight: [-step, 0],
            ArrowUp: [0, step],
            ArrowDown: [0, -step],
          };
          const m = moves[e.key];
          if (m) {
            e.preventDefault();
            setPan((p) => ({ x: p.x + m[0], y: p.y + m[1] }));
          } else if (e.key === "+" || e.key === "=") zoomBy(1.25);
          else if (e.key === "-") zoomBy(0.8);
          else if (e.key === "0") reset();
        }}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, y: e.clientY, px: pan.x, py: pan.y };
          (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setPan({ x: d.px + e.clientX - d.x, y: d.py + e.clientY - d.y });
        }}
        onPointerUp={() => {
          drag.current = undefined;
        }}
        onPointerCancel={() => {
          drag.current = undefined;
        }}
      >
        {state === "loading" ? (
          <p class="muted loading" role="status">
            Drawing the diagram…
          </p>
        ) : null}
        <div
          ref={host}
          class="mermaid-out"
          data-testid="diagram"
          style={{ transform: `translate(${pan.x}px, ${pan.y}px) scale(${zoom})` }}
        />
      </div>
      {state === "failed" ? <pre class="error">Could not draw this diagram: {failure}</pre> : null}
      <details class="source">
        <summary>Mermaid source</summary>
        <pre>{props.text}</pre>
      </details>
    </figure>
  );
}
