import { JSDOM } from "jsdom";

type MermaidApi = { parse(text: string): Promise<unknown>; initialize(cfg: object): void };
let api: MermaidApi | undefined;

/** Loads the real Mermaid parser under jsdom globals, once per test file. */
export async function mermaidParser(): Promise<MermaidApi> {
  if (api) return api;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  g.window = dom.window;
  g.document = dom.window.document;
  for (const k of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser"]) {
    if (!(k in g)) g[k] = (dom.window as unknown as Record<string, unknown>)[k];
  }
  const mod = (await import("mermaid")) as unknown as { default: MermaidApi };
  api = mod.default;
  api.initialize({ startOnLoad: false });
  return api;
}
