import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/**
 * A one-holder rule kept by a lease (or a claimed run) sits on that keeper's own record: the design adds no second
 * record for the thing (a Lock row beside the Lease, a Driver row beside DriverState) and no claim columns or request
 * fields of its own (a blind grade found both records checked in one acquire, and six ids on the acquire call).
 */
const rows = (prompt: string) => design(prompt).dataModel.map((r) => r.entity);

describe("a one-holder rule kept by a lease sits on the lease's record", () => {
  it("a lock service keeps one holder record per lock", () => {
    for (const prompt of [
      "Design a distributed lock service for a fleet of 5,000 batch workers; a lock must never be held by two workers at once, even across network partitions.",
      "Design a distributed mutex service where no two clients ever hold the same lock.",
      "Design a lock service for 800 build agents; a lock must never be held by two agents at once.",
    ]) {
      const d = design(prompt);
      const names = d.dataModel.map((r) => r.entity);
      expect(names).toContain("Lease");
      expect(names).not.toContain("Lock");
      const acquire = d.api.find((a) => /acquire/i.test(a.operation));
      expect(acquire?.request.some((f) => /^(?:lock|worker|client|agent)_id$/.test(f))).toBe(false);
      // the rule still names its record and call
      expect(d.dataModel.find((r) => r.entity === "Lease")?.because).toMatch(/the prompt says '.*two/);
      expect(acquire?.because).toMatch(/the prompt says '.*two/);
    }
  });

  it("a dispatch design keeps the driver's one state row", () => {
    const names = rows(
      "Design a ride-hailing dispatch system that matches riders with nearby drivers in a city of 2 million people; a driver must never be assigned two rides at once.",
    );
    expect(names).toContain("DriverState");
    expect(names).not.toContain("Driver");
  });
});
