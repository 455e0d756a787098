import { FALLBACK_ARCHETYPE } from "../../knowledge/defaults.js";
import { MECHANISM_FAILURES } from "../../knowledge/mechanism-failures.js";
import { BOTH_SIDES, REFUSES } from "../coherence.js";
import type { Deriver } from "../design/graph.js";
import type { FailureRow } from "../design/types.js";
import { archetype } from "./common.js";

const MAX_FAILURES = 14;

export const failuresField: Deriver<"failures"> = {
  field: "failures",
  category: "Derived",
  reads: ["archetypes", "nfrs", "baseMechanisms", "companions"],
  rule: "the dominant archetype's failure modes, the crash/retry/replication failure each chosen mechanism exists for (as it plays out under the design's availability stance), and the top failures of each supporting archetype — each with a prevention and a repair",
  derive: (f) => {
    const out: FailureRow[] = [];
    // A row that describes the opposite availability stance (a refusing minority in a stay-available design,
    // writable stand-ins in a fail-closed one) belongs to another design.
    const against = f.nfrs.availability.value === "stay-available" ? REFUSES : BOTH_SIDES;
    const push = (row: FailureRow) => {
      if (against.test(`${row.failure} ${row.prevention} ${row.repair}`)) return;
      if (out.length < MAX_FAILURES && !out.some((r) => r.failure === row.failure)) out.push(row);
    };
    const [lead, ...rest] = f.archetypes;
    if (lead) {
      for (const x of archetype(lead.id).failures)
        push({ ...x, archetype: lead.id, source: `${lead.id} failure modes` });
    }
    for (const m of [...f.baseMechanisms, ...f.companions]) {
      const stance = f.nfrs.availability.value;
      for (const x of MECHANISM_FAILURES.filter((y) => y.mechanism === m.id && (!y.stance || y.stance === stance))) {
        push({
          failure: x.failure,
          prevention: x.prevention,
          repair: x.repair,
          role: x.role,
          archetype: lead?.id ?? FALLBACK_ARCHETYPE,
          source: `because the design uses ${m.name}`,
        });
      }
    }
    for (const ra of rest) {
      for (const x of archetype(ra.id).failures.slice(0, 2))
        push({ ...x, archetype: ra.id, source: `${ra.id} as ${ra.role}` });
    }
    return out;
  },
};
