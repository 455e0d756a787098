import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

// paraphrases of a points program whose points expire (never the held-out wording)
const PROGRAMS = [
  "Design reward points for an airline frequent flyer program; miles expire after 3 years.",
  "Design a coffee chain's stars program: customers earn stars per purchase, and stars expire after 6 months.",
  "Design cashback credits for a shopping app that lapse after 90 days.",
];

describe("points earned per purchase that expire are the wallet's point lots, not a cron scheduler", () => {
  for (const p of PROGRAMS)
    it(p, () => {
      const d = design(p);
      // the feature leads: the due-time archetype is realized by the lot's own expiry date
      expect(d.archetypes[0]?.realizes?.id).toBe("I03");
      expect(d.archetypes[0]?.realizes?.entity).toBe("PointLot");
      const names = d.components.map((c) => c.name).join("\n");
      expect(names).not.toMatch(/Materializer|Due poller|Scheduling clients|Payment provider|Outbox/);
      expect(names).toMatch(/Lot expiry sweeper/);
      expect(d.components.flatMap((c) => c.holds)).toContain("PointLot");
      const lot = d.dataModel.find((m) => m.entity === "PointLot");
      expect(lot?.indexes.join(" ")).toContain("(account_id, receipt_id) unique");
      const ids = d.capacity.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(["point_lots", "expiry_sweep_per_sec", "grants_per_sec"]));
      // no daylight-saving or recurring-schedule rows of a cron scheduler
      expect(JSON.stringify(d.failures)).not.toMatch(/daylight/i);
      expect(d.operations.some((o) => o.entity === "DueItem" || o.entity === "Schedule")).toBe(false);
      // the expiry clause is read (the stated period's quote holds its expiry word), never left uncarried
      expect(d.statedRequirements.filter((r) => !r.carried && /expire|lapse/.test(r.clause))).toEqual([]);
    });

  it("an expiry stated beside a once-only credit is read, not left uncarried", () => {
    const d = design(
      "Design a rewards program for a pharmacy chain with 8 million members: points from each purchase are credited exactly once and expire after 18 months.",
    );
    expect(d.statedRequirements.filter((r) => !r.carried).map((r) => r.clause)).toEqual([]);
  });

  it("a real scheduler keeps its scheduler", () => {
    const d = design(
      "Design a distributed cron scheduler that runs 1 million jobs a day at their scheduled times in each job's time zone.",
    );
    expect(d.archetypes[0]?.id).toBe("I03");
    expect(d.archetypes[0]?.realizes).toBeUndefined();
  });

  it("the lots are kept for the stated period, read as calendar months (12 months is a year, not 360 days)", () => {
    expect(parseStatedNfrs("points expire after 12 months").scale.ttl_seconds?.value).toBe(365 * 86400);
    const d = design(PROGRAMS[1] ?? "");
    const lots = d.capacity.find((r) => r.id === "point_lots");
    const grants = d.capacity.find((r) => r.id === "grants_per_sec");
    expect(lots?.value).toBeCloseTo((grants?.value ?? 0) * (365 / 2) * 86400, -3);
  });

  it("a stated once-only credit is said as credited, not creditted", () => {
    const d = design("Design a rewards program for a bookstore where points from an order are credited exactly once.");
    expect(JSON.stringify(d)).not.toContain("creditted");
  });
});
