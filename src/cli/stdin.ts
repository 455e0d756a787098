import { UserError } from "./errors.js";

/** Reads all of stdin as strict UTF-8; binary input is a user error, not a crash. */
export async function readStdin(maxBytes = 64 * 1024 * 1024): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UserError(
      "--format jsonl reads prompts from standard input, one per line; pipe them in (e.g. cat prompts.txt | mechsd ...)",
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes)
      throw new UserError(`standard input is larger than ${maxBytes} bytes; split it into smaller batches`);
    chunks.push(buf);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UserError("standard input is not valid UTF-8 text; pass one plain-text prompt per line");
  }
}
