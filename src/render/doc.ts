import { createRequire } from "node:module";
import type { createColors as CreateColors } from "picocolors";

type Palette = Pick<ReturnType<typeof CreateColors>, "bold" | "cyan" | "dim" | "green" | "yellow">;
/** What picocolors gives with colour off: every style leaves the text as it is. */
const PLAIN: Palette = { bold: String, cyan: String, dim: String, green: String, yellow: String };

/**
 * The styles for terminal output. picocolors is loaded only when colour is on: on load it asks whether
 * stdout is a terminal, which makes Node build the stdout stream (for a pipe, a socket with the net and
 * stream modules), a start-up cost for every command that prints without colour.
 */
function palette(color: boolean): Palette {
  if (!color) return PLAIN;
  const { createColors } = createRequire(import.meta.url)("picocolors") as { createColors: typeof CreateColors };
  return createColors(true);
}

/**
 * A tiny document model so one renderer builds content once and prints it as
 * Markdown or as terminal text. All text in blocks is plain (unescaped); each
 * backend escapes for its own medium.
 */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "para"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; headers: string[]; rows: string[][] }
  | { kind: "code"; lang: string; text: string };

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });
export const para = (text: string): Block => ({ kind: "para", text });
export const bullets = (items: string[]): Block => ({ kind: "bullets", items });
export const table = (headers: string[], rows: string[][]): Block => ({ kind: "table", headers, rows });
export const code = (lang: string, text: string): Block => ({ kind: "code", lang, text });

/** Every line break a Markdown reader (or a JavaScript pattern) may honour: CommonMark's, form and line tabulation, Unicode's. */
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]+/g;

/**
 * Escapes text for inline Markdown so user or knowledge text cannot open HTML, links, emphasis, strike-through,
 * code, a block (indented code, a list, a rule) or a bare-address autolink, and stays on one line.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(LINE_BREAKS, " ")
    .replace(/^[ \t]+/, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@");
}

/**
 * Inline text that starts a line of its own (a paragraph, a list item): escaped, and what would open a block there,
 * a list item (-, +, 1. or 1)), a rule or a setext underline (-, =), escaped too.
 */
const escapeLine = (s: string): string =>
  escapeMarkdown(s)
    .replace(/^[-+=]/, "\\$&")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2");

export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level)} ${escapeMarkdown(b.text)}`);
        break;
      case "para":
        out.push(escapeLine(b.text));
        break;
      case "bullets":
        out.push(b.items.map((i) => `- ${escapeLine(i)}`).join("\n"));
        break;
      case "table": {
        const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(" | ")} |`;
        out.push([row(b.headers), `|${b.headers.map(() => "---").join("|")}|`, ...b.rows.map(row)].join("\n"));
        break;
      }
      case "code": {
        // a fence of backticks longer than any run of backticks in the text, which then cannot close it
        const longest = Math.max(0, ...(b.text.match(/`+/g) ?? []).map((run) => run.length));
        const fence = "`".repeat(Math.max(3, longest + 1));
        out.push(`${fence}${b.lang}\n${b.text}\n${fence}`);
        break;
      }
    }
  }
  return `${out.join("\n\n")}\n`;
}

/** Greedy word wrap; words longer than the width are split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Strips control characters from text bound for a terminal: ANSI escapes (7-bit ESC [ and the 8-bit CSI, U+009B, that
 * some terminals honour), the rest of C0 but tab and line feed, DEL and C1.
 */
export function sanitizeTerminal(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/(?:\u001b\[|\u009b)[0-9;?]*[A-Za-z]/g, "")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
  );
}

export interface TerminalOptions {
  color: boolean;
  width: number;
}

function fitColumns(headers: string[], rows: string[][], width: number): number[] {
  const n = headers.length;
  const natural = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const gaps = (n - 1) * 2;
  const widths = [...natural];
  const budget = Math.max(n * 8, width - gaps);
  while (widths.reduce((s, w) => s + w, 0) > budget) {
    let widest = 0;
    for (let i = 1; i < n; i++) if ((widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    if ((widths[widest] ?? 0) <= 8) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

export function toTerminal(blocks: readonly Block[], opts: TerminalOptions): string {
  const c = palette(opts.color);
  const w = opts.width;
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "heading": {
        const t = sanitizeTerminal(b.text);
        if (b.level === 1) out.push(c.bold(c.cyan(t)), c.dim("═".repeat(Math.min(w, t.length))));
        else if (b.level === 2) out.push("", c.bold(c.yellow(t.toUpperCase())));
        else out.push(c.bold(t));
        break;
      }
      case "para":
        out.push(...wrap(sanitizeTerminal(b.text), w));
        break;
      case "bullets":
        for (const item of b.items) {
          const lines = wrap(sanitizeTerminal(item), w - 4);
          out.push(`  ${c.dim("•")} ${lines[0] ?? ""}`, ...lines.slice(1).map((l) => `    ${l}`));
        }
        break;
      case "table": {
        const headers = b.headers.map(sanitizeTerminal);
        const rows = b.rows.map((r) => r.map(sanitizeTerminal));
        const widths = fitColumns(headers, rows, w);
        const render = (cells: string[], style: (s: string) => string) => {
          const wrapped = cells.map((cell, i) => wrap(cell, widths[i] ?? 8));
          const height = Math.max(...wrapped.map((x) => x.length));
          for (let line = 0; line < height; line++) {
            const parts = wrapped.map((x, i) => (x[line] ?? "").padEnd(widths[i] ?? 8));
            out.push(style(parts.join("  ").trimEnd()));
          }
        };
        render(headers, (s) => c.bold(s));
        out.push(c.dim(widths.map((x) => "─".repeat(x)).join("  ")));
        for (const r of rows) render(r, (s) => s);
        break;
      }
      case "code":
        for (const l of sanitizeTerminal(b.text).split("\n")) {
          const parts = wrap(l, w - 4);
          out.push(`  ${c.green(parts[0] ?? "")}`, ...parts.slice(1).map((x) => `    ${c.green(x)}`));
        }
        break;
    }
    if (b.kind !== "heading") out.push("");
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}
