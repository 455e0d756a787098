import type { ApiRow, DataModelRow } from "./design/types.js";
import type { StatedGuarantee } from "./nfr-parse.js";
import { RECORD_PART } from "./product/record.js";
import { type Drawn, homeOf, pascal, pluralOf as plural } from "./stock-records.js";

/**
 * The record a stated all-of rule needs ("a video is published only after all of its segments succeed"): the parent
 * keeps its part count and the ids of the parts done, so the fan-in completion barrier's one conditional write has a
 * record to run on, and each part's completion is a call that adds its id to that set. The parts are then held by
 * the parent's done set, never drawn as records of their own with a generic write.
 */

/** A stated all-of rule, as `engine/nfr-parse.ts` reads it. */
export type Barrier = Extract<StatedGuarantee, { kind: "all-parts" }>;

/** The all-of rules among a prompt's stated guarantees. */
export const barriersOf = (guarantees: readonly StatedGuarantee[] | undefined): Barrier[] =>
  (guarantees ?? []).filter((g): g is Barrier => g.kind === "all-parts");

const idOf = (w: string) => `${w.replace(/\W+/g, "_")}_id`;
const named = (r: DataModelRow, noun: string) =>
  r.entity.replace(/\s*\(.*\)$/, "").toLowerCase() === noun.replace(/\W+/g, "").toLowerCase();

/** The fields that keep an all-of rule on its parent's record. */
function barrierFields(b: Barrier): string[] {
  const parts = plural(b.parts).replace(/\W+/g, "_");
  return [
    `${b.parts.replace(/\W+/g, "_")}_count`,
    `done_${parts} (set of ${idOf(b.parts)})`,
    `state (pending → ${b.state} | failed)`,
  ];
}

/** The call a part's completion makes on its parent's record. */
function doneCall(b: Barrier, archetype: string): ApiRow {
  const key = idOf(b.noun);
  const partKey = idOf(b.parts);
  return {
    operation: `record ${/^[aeio]/.test(b.parts) ? "an" : "a"} ${b.parts} of ${/^[aeio]/.test(b.noun) ? "an" : "a"} ${b.noun} as done`,
    call: `POST /v1/${plural(b.noun).replace(/\W+/g, "-")}/{${key}}/${plural(b.parts).replace(/\W+/g, "-")}/{${partKey}}:done`,
    request: ["outcome"],
    response: ["done_count", `${b.parts.replace(/\W+/g, "_")}_count`, "state"],
    errors: [`404 unknown ${key}`, `409 the ${b.noun} has already failed`],
    guarantee: `adds the ${b.parts}'s id to the ${b.noun}'s done set in one conditional write, so a repeat changes nothing; only the write that makes the set as large as the ${b.parts} count moves the ${b.noun} to ${b.state}`,
    archetype,
    because: `the prompt says '${b.quote}'`,
  };
}

/**
 * An architecture whose parent record of each stated all-of rule keeps the part count and the done set: the record
 * the design already has under the parent's noun gains the fields, else a record of its own is drawn on the store
 * that holds the design's first record; each part's completion is a call on it.
 */
export function withCompletionRecords<A extends Drawn>(arch: A, barriers: readonly Barrier[], lead: string): A {
  if (barriers.length === 0) return arch;
  let dataModel = [...arch.dataModel];
  let components = arch.components;
  const api = [...arch.api];
  for (const b of barriers) {
    const why = `the prompt says '${b.quote}': the ${b.noun}'s record counts its ${plural(b.parts)} and keeps the ids of those done, so the move to ${b.state} is one conditional write on it (fan-in completion barrier)`;
    const held = dataModel.find((r) => named(r, b.noun));
    if (held) {
      const fields = barrierFields(b).filter((f) => !held.fields.includes(f));
      dataModel = dataModel.map((r) =>
        r === held ? { ...r, fields: [...r.fields, ...fields], because: r.because ? `${r.because}; ${why}` : why } : r,
      );
    } else {
      const { first, home } = homeOf({ components, dataModel }, lead);
      if (!first || !home) continue;
      const key = idOf(b.noun);
      dataModel.push({
        entity: pascal(b.noun),
        key: [key],
        fields: [...barrierFields(b), "version"],
        indexes: [`state (${plural(b.noun)} left short of ${b.state}, for the recount sweep)`],
        partitionKey: `hash(${key})`,
        owner: home.id,
        archetype: first.archetype === RECORD_PART ? lead : first.archetype,
        because: why,
      });
      components = components.map((c) => (c.id === home.id ? { ...c, holds: [...c.holds, pascal(b.noun)] } : c));
    }
    const call = doneCall(b, held?.archetype ?? lead);
    if (!api.some((x) => x.call === call.call)) api.push(call);
  }
  return { ...arch, components, dataModel, api };
}
