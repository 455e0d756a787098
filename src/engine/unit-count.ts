/**
 * A stated count of the design's own unit: the prompt names its unit in its own noun ("a session store", so the
 * key-value store's KeyValue record is drawn as Session) and counts that noun ("holding 80 million sessions"); the
 * count is then how many of those records the store holds (`UNIT_COUNTS`), never only what the noun's own entry
 * reads it as (a connected client), so a figure sizing the store never sits on a typical record count beside it.
 */
import { UNIT_COUNTS } from "../knowledge/stated-nouns.js";
import { singularOf } from "./counted-nouns.js";
import type { DataModelRow, Nfrs } from "./design/types.js";

/** A data model row renamed by the prompt's unit noun: "Session (KeyValue)" is the KeyValue record named Session. */
const RENAMED = /^([A-Z][A-Za-z]*) \(([A-Za-z]+)\)$/;

/** A stated entry that counts things, never a rate, a time, a size or a share. */
const COUNT_ID = /_(?:per_\w+|seconds|ms|days|hours|bytes|share|ratio|factor)$/;

/** The noun a count's quote ends on ("80 million sessions" ends on "sessions"), in its singular form. */
const lastNoun = (quote: string): string => singularOf((/([a-z]+)\W*$/i.exec(quote)?.[1] ?? "").toLowerCase());

/**
 * The scale with the unit's count added where the prompt counts its renamed unit: each renamed row of the data
 * model whose unit `UNIT_COUNTS` lists, and a stated count (not the unit's quantity itself) whose quote ends on the
 * unit's noun. The same object when nothing binds.
 */
export function withUnitCount(scale: Nfrs["scale"], model: readonly Pick<DataModelRow, "entity">[]): Nfrs["scale"] {
  let out = scale;
  for (const row of model) {
    const m = RENAMED.exec(row.entity);
    const quantity = m ? UNIT_COUNTS[m[2] ?? ""] : undefined;
    if (!m || !quantity || out[quantity]) continue;
    const noun = (m[1] ?? "").toLowerCase();
    const found = Object.entries(out).find(
      ([id, s]) => s.source === "stated" && !COUNT_ID.test(id) && lastNoun(s.quote) === noun,
    );
    if (!found) continue;
    const [id, s] = found;
    out = {
      ...out,
      [quantity]: {
        value: s.value,
        quote: s.quote,
        source: "stated",
        reading: `the ${m[1]} records the design holds (the prompt's name for its ${m[2]} records), one each, as well as the ${id}`,
      },
    };
  }
  return out;
}
