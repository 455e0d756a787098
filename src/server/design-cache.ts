/**
 * Finished POST /api/design answers, kept by what was asked (prompt and overrides). Derivation is
 * deterministic and the engine cannot change while the server runs, so an answer given once is the answer
 * every later time: keeping its JSON bytes (UTF-8, ready to send) spares deriving, scripting, serialising and
 * encoding it again. Bounded by
 * count and by bytes, least recently used first out; only successful designs are kept.
 */
export interface AnswerCache {
  /** The JSON answered before for this request, as UTF-8 bytes, or undefined. */
  get(prompt: string, overrides: readonly string[]): Uint8Array<ArrayBuffer> | undefined;
  /** Keeps an answer (one larger than the whole budget is not kept). */
  set(prompt: string, overrides: readonly string[], json: Uint8Array<ArrayBuffer>): void;
  readonly size: number;
  readonly bytes: number;
}

export const ANSWER_CACHE_ENTRIES = 256;
export const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

const keyOf = (prompt: string, overrides: readonly string[]) => JSON.stringify([prompt, overrides]);
/** The key's UTF-16 code units (two bytes each) and the answer's bytes: what an entry costs in memory, near enough. */
const costOf = (key: string, json: Uint8Array<ArrayBuffer>) => 2 * key.length + json.byteLength;

export function answerCache(maxEntries = ANSWER_CACHE_ENTRIES, maxBytes = ANSWER_CACHE_BYTES): AnswerCache {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>();
  let bytes = 0;
  const drop = (key: string) => {
    const json = kept.get(key);
    if (json === undefined) return;
    kept.delete(key);
    bytes -= costOf(key, json);
  };
  return {
    get(prompt, overrides) {
      const key = keyOf(prompt, overrides);
      const json = kept.get(key);
      if (json !== undefined) {
        // most recently used last: Map iteration order is insertion order
        kept.delete(key);
        kept.set(key, json);
      }
      return json;
    },
    set(prompt, overrides, json) {
      const key = keyOf(prompt, overrides);
      drop(key);
      const cost = costOf(key, json);
      if (cost > maxBytes || maxEntries < 1) return;
      while (kept.size >= maxEntries || bytes + cost > maxBytes) {
        const oldest = kept.keys().next();
        if (oldest.done) break;
        drop(oldest.value);
      }
      kept.set(key, json);
      bytes += cost;
    },
    get size() {
      return kept.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
