import { fstatSync, writeSync } from "node:fs";
import type { TerminalOptions } from "../render/doc.js";

let stdoutReady = false;

/**
 * Standard output as a stream (batches and the server write through it), with a reader that goes
 * away (`| head`) ending the run quietly. Made on first use: a one-shot command writes with writeOut,
 * which does not need the stream (for a pipe, Node builds a socket for it, which costs start-up time).
 */
export function stdout(): NodeJS.WriteStream {
  if (!stdoutReady) {
    stdoutReady = true;
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
    });
  }
  return process.stdout;
}

/** True when standard output is a terminal; a pipe or a file is found without making the stream. */
function stdoutIsTTY(): boolean {
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stdout().isTTY === true;
}

/** Colour only on a TTY and never under NO_COLOR or TERM=dumb; width capped at 100 columns. */
export function terminalOptions(stream?: NodeJS.WriteStream): TerminalOptions {
  const env = process.env;
  const tty = stream ? stream.isTTY === true : stdoutIsTTY();
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0";
  const color = (forced || tty) && !("NO_COLOR" in env && env.NO_COLOR !== "") && env.TERM !== "dumb";
  const columns = tty ? (stream ?? process.stdout).columns : undefined;
  return { color, width: Math.max(40, Math.min(100, columns || 100)) };
}

/**
 * Writes a command's whole answer to standard output at once. A reader that went away (`| head`) ends
 * the run quietly; a non-blocking output that is full gets the rest through the stream, which waits.
 */
export function writeOut(text: string): void {
  const data = Buffer.from(text.endsWith("\n") ? text : `${text}\n`);
  let done = 0;
  while (done < data.length) {
    try {
      done += writeSync(1, data, done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0);
      if (code !== "EAGAIN") throw e;
      stdout().write(data.subarray(done));
      return;
    }
  }
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
