import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { KEEPS_STATED_SEMANTIC, statedSemantics } from "../src/engine/stated-semantics.js";
import { design } from "../src/lib/index.js";

// prompts invented for these swaps (none is a graded or hidden-evaluation subject)
const ORDERED =
  "Design an event bus for a bank's account events: 200 services publish 50,000 events per second, 40 consumer groups each read every event, events are kept for 3 days for replay, and a consumer never receives two events of the same account out of order.";
const FIXED_HOLD =
  "Design the booking service for a chain of escape rooms: players hold a time slot while they pay, a held slot is released if payment is not completed within 5 minutes, and each slot is sold to exactly one team.";
const AT_MOST_ONCE =
  "Design a scheduler that sends appointment reminders for a clinic network: 2 million reminders a day, each reminder is sent at most once per appointment even if a worker crashes, and no reminder goes out more than 30 seconds late.";

const rowsOf = (d: ReturnType<typeof design>) => d.mechanisms;
const breaks = (d: ReturnType<typeof design>) =>
  checkCoherence(d).filter((p) => p.rule === "mechanism-breaks-stated-rule");

describe("mechanisms that would break a stated rule are said as the variant that keeps it", () => {
  it("a stated per-key order parks the key instead of dead-lettering past it", () => {
    const d = design(ORDERED);
    expect(d.nfrs.ordering).toBe("per-key");
    const row = rowsOf(d).find((m) => m.id === "retry-dead-letter");
    expect(row?.name).toBe("bounded retry that parks the key");
    expect(row?.because.some((b) => b.startsWith(KEEPS_STATED_SEMANTIC) && b.includes("ordering is per-key"))).toBe(
      true,
    );
    // no failure row still moves a record aside so later ones pass it
    const text = d.failures.map((r) => `${r.prevention} ${r.repair}`).join(" ");
    expect(text).not.toMatch(/so later records proceed/);
    expect(text).toMatch(/parked together with its key/);
    expect(breaks(d)).toEqual([]);
  });

  it("a hold of a fixed duration is never a lease renewed by its holder", () => {
    const d = design(FIXED_HOLD);
    const lease = rowsOf(d).find((m) => m.id === "lease" || m.id === "heartbeat-renewal");
    if (lease) expect(lease.name).not.toBe("lease with expiry");
    const said = [
      ...d.invariants.map((i) => i.statement),
      ...d.failures.map((r) => `${r.failure} ${r.prevention} ${r.repair}`),
      JSON.stringify(d.context),
    ].join(" ");
    expect(said).not.toMatch(/\b(?:expires|lapses) unless renewed\b|\bholders renew well before it\b/);
    expect(said).toMatch(/stamped once/);
    expect(breaks(d)).toEqual([]);
  });

  it("a rule stated as 'at most once' keeps at-most-once delivery, with no dedup window after the fact", () => {
    const d = design(AT_MOST_ONCE);
    expect(d.nfrs.delivery).toBe("at-most-once");
    expect(rowsOf(d).some((m) => m.id === "dedup-window")).toBe(false);
    expect(checkCoherence(d).filter((p) => p.rule === "qualifier-unkept")).toEqual([]);
    expect(breaks(d)).toEqual([]);
  });

  it("a 'never twice' rule and a thing sold at most once stay exactly-once", () => {
    const sold = design(
      "Design the sale of raffle tickets for a charity draw: each ticket number can be sold at most once, and 5,000 purchases per second arrive in the last minute.",
    );
    expect(sold.nfrs.delivery).not.toBe("at-most-once");
  });

  it("coherence flags a mechanism row left plain beside the rule it breaks", () => {
    const d = structuredClone(design(ORDERED));
    const row = d.mechanisms.find((m) => m.id === "retry-dead-letter");
    expect(row).toBeDefined();
    if (row) {
      row.name = "bounded retry with dead-letter queue";
      row.because = row.because.filter((b) => !b.startsWith(KEEPS_STATED_SEMANTIC));
    }
    expect(breaks(d).map((p) => p.detail)[0]).toMatch(/bounded retry with dead-letter queue is kept beside ordering/);
  });

  it("reads the stated semantics from the NFRs and the prompt's words", () => {
    const s = statedSemantics("a held seat is released after 10 minutes", {
      ordering: { value: "per-key", source: "default", because: "" },
      delivery: { value: "at-most-once", source: "default", because: "" },
    });
    expect([...s.keys()]).toEqual(["fixed-hold"]);
  });
});
