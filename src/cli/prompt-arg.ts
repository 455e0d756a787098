import { UserError } from "./errors.js";

/** The most a prompt read from standard input may hold before it is refused unread (a prompt is at most 4,000 characters). */
const MAX_STDIN_BYTES = 1024 * 1024;

/**
 * The prompt a command was given: its words joined, or, where the only word is `-`, the whole of standard input
 * (so a prompt kept in a file needs no quoting: `mechsd design - < prompt.txt`). `example` is the usage the error
 * shows when there is neither.
 */
export async function promptArg(words: string[], example: string, input?: NodeJS.ReadableStream): Promise<string> {
  // process.stdin only when it is read: making it builds a stream for the descriptor and loads Node's stream, fs
  // promises and readline modules (~5% of a `design` run's CPU from the start-up snapshot, which holds none of them)
  if (words.length === 1 && words[0] === "-") return readAll(input ?? process.stdin);
  if (words.length === 0) throw new UserError(`give a prompt, e.g. ${example}, or - to read it from standard input`);
  return words.join(" ");
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  if ((input as NodeJS.ReadStream).isTTY)
    throw new UserError("- reads the prompt from standard input; pipe it in (e.g. mechsd design - < prompt.txt)");
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_STDIN_BYTES)
      throw new UserError(
        `standard input holds more than ${MAX_STDIN_BYTES} bytes; a prompt is at most 4,000 characters`,
      );
    parts.push(buf);
  }
  const bytes = Buffer.concat(parts, size);
  if (bytes.includes(0))
    throw new UserError("the prompt contains binary data (NUL or invalid UTF-8 bytes); pass plain text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError("the prompt contains binary data (NUL or invalid UTF-8 bytes); pass plain text");
  }
}
