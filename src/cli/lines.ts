import { once } from "node:events";
import { UserError } from "./errors.js";
import { stdout } from "./output.js";

/** One line of a batch on standard input: its 1-based number and its text, or why it could not be read. */
export type InputLine = { number: number; text: string } | { number: number; error: string };

const NEWLINE = 0x0a;

/**
 * Reads standard input one line at a time, as it arrives, so a batch of any size runs in flat
 * memory. Each line is decoded on its own: a line that is not UTF-8, or longer than `maxLineBytes`,
 * becomes an error for that line alone and the lines after it still come through.
 */
export async function* readLines(
  input: NodeJS.ReadableStream = process.stdin,
  maxLineBytes = 1024 * 1024,
): AsyncGenerator<InputLine> {
  if ((input as NodeJS.ReadStream).isTTY) {
    throw new UserError(
      "--format jsonl reads prompts from standard input, one per line; pipe them in (e.g. cat prompts.txt | mechsd ...)",
    );
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): InputLine => {
    number++;
    const buf = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (tooLong) {
      tooLong = false;
      return { number, error: `the line is longer than ${maxLineBytes} bytes; a prompt is at most 4,000 characters` };
    }
    try {
      return { number, text: decoder.decode(buf).replace(/\r$/, "") };
    } catch {
      return { number, error: "the line is not valid UTF-8 text; pass one plain-text prompt per line" };
    }
  };
  const keep = (piece: Buffer) => {
    if (tooLong) return;
    if (size + piece.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    let start = 0;
    for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, start)) {
      keep(buf.subarray(start, i));
      yield finish();
      start = i + 1;
    }
    if (start < buf.length) keep(buf.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}

/** Writes to standard output and waits when the pipe is full, so a slow reader never makes output pile up. */
export async function emit(text: string | Uint8Array, out: NodeJS.WriteStream = stdout()): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/**
 * Runs a batch: one JSON line out per non-blank line in, in order, written as it is produced.
 * A bad line gets an error object (and a stderr line) and the rest still come out; any bad line
 * makes the exit code 1. `lineOf` writes a result's line with its newline (JSON.stringify's text; the design batch
 * passes designJsonBytes, the same text's UTF-8 bytes copied from its kept parts).
 */
export async function runBatch<T>(
  handle: (text: string) => { ok: true; value: T } | { ok: false; error: string },
  lineOf: (value: T) => string | Uint8Array = (value) => `${JSON.stringify(value)}\n`,
) {
  let bad = 0;
  for await (const line of readLines()) {
    let result: { ok: true; value: T } | { ok: false; error: string };
    if ("error" in line) result = { ok: false, error: line.error };
    else if (line.text.trim() === "") continue;
    else {
      try {
        result = handle(line.text);
      } catch (e) {
        result = { ok: false, error: `internal error: ${(e as Error).message}` };
      }
    }
    if (result.ok) await emit(lineOf(result.value));
    else {
      bad++;
      process.stderr.write(`mechsd: line ${line.number}: ${result.error}\n`);
      await emit(`${JSON.stringify({ line: line.number, error: result.error })}\n`);
    }
  }
  if (bad > 0) process.exitCode = 1;
}
