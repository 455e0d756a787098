import { gzipSync } from "node:zlib";

/**
 * Finished POST /api/design answers, kept by what was asked (prompt and overrides). Derivation is
 * deterministic and the engine cannot change while the server runs, so an answer given once is the answer
 * every later time: keeping its JSON bytes (UTF-8, ready to send) spares deriving, scripting, serialising and
 * encoding it again. An answer asked for again by a client that takes gzip is compressed then, once, and kept
 * beside it: a fifth of the bytes to send (~24 of ~115 KB), which is most of what a repeated answer costs the
 * server; a first answer is never compressed, so an unseen prompt pays nothing for it. Bounded by
 * count and by bytes (both encodings), least recently used first out; only successful designs are kept.
 */
export interface AnswerCache {
  /** The JSON answered before for this request, as UTF-8 bytes, or undefined. */
  get(prompt: string, overrides: readonly string[]): Uint8Array<ArrayBuffer> | undefined;
  /** The gzip of the answer kept for this request (compressed on the first ask, then kept), or undefined. */
  getGzip(prompt: string, overrides: readonly string[]): Uint8Array<ArrayBuffer> | undefined;
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
  const kept = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = kept.get(key);
    if (entry === undefined) return;
    kept.delete(key);
    bytes -= entry.cost;
  };
  /** Drops the least recently used entries other than `key` until `cost` more bytes (and one more entry when adding one) fit. */
  const makeRoom = (cost: number, adding: boolean, key?: string) => {
    for (const oldest of [...kept.keys()]) {
      if ((!adding || kept.size < maxEntries) && bytes + cost <= maxBytes) break;
      if (oldest !== key) drop(oldest);
    }
  };
  /** The entry for a request, now the most recently used (Map iteration order is insertion order). */
  const use = (key: string) => {
    const entry = kept.get(key);
    if (entry !== undefined) {
      kept.delete(key);
      kept.set(key, entry);
    }
    return entry;
  };
  return {
    get(prompt, overrides) {
      return use(keyOf(prompt, overrides))?.json;
    },
    getGzip(prompt, overrides) {
      const key = keyOf(prompt, overrides);
      const entry = use(key);
      if (entry === undefined || entry.gzip !== undefined) return entry?.gzip;
      const gzip = new Uint8Array(gzipSync(entry.json));
      // kept beside its answer when both fit in the budget; otherwise sent without being kept
      if (entry.cost + gzip.byteLength <= maxBytes) {
        makeRoom(gzip.byteLength, false, key);
        entry.gzip = gzip;
        entry.cost += gzip.byteLength;
        bytes += gzip.byteLength;
      }
      return gzip;
    },
    set(prompt, overrides, json) {
      const key = keyOf(prompt, overrides);
      drop(key);
      const cost = costOf(key, json);
      if (cost > maxBytes || maxEntries < 1) return;
      makeRoom(cost, true);
      kept.set(key, { json, cost });
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

/** A kept answer: its JSON, its gzip once a client that takes gzip asked for it again, and what both cost. */
interface Entry {
  json: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
  cost: number;
}
