import type { TerminalOptions } from "../render/doc.js";

/** Colour only on a TTY and never under NO_COLOR or TERM=dumb; width capped at 100 columns. */
export function terminalOptions(stream: NodeJS.WriteStream = process.stdout): TerminalOptions {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0";
  const color = (forced || stream.isTTY === true) && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb";
  const columns = stream.isTTY && stream.columns ? stream.columns : 100;
  return { color, width: Math.max(40, Math.min(100, columns)) };
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
