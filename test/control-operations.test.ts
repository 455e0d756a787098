import { describe, expect, it } from "vitest";
import { grantedControls } from "../src/engine/control-operations.js";
import { design } from "../src/engine/design/design.js";
import { controlOperation } from "../src/knowledge/control-operations.js";

const CRON =
  "Design a distributed cron service: 5 million scheduled jobs a day, a job never runs twice for one tick, and teams can pause, resume or edit a schedule at any time.";

describe("control operations a prompt grants on a record", () => {
  it("reads a granted verb list and the record it acts on, and no verb nobody grants", () => {
    const g = grantedControls("teams can pause, resume or edit a schedule at any time");
    expect(g.map((x) => x.control.verb)).toEqual(["pause", "resume", "edit"]);
    expect(g.every((x) => x.record === "schedule")).toBe(true);
    expect(grantedControls("listeners can unsubscribe from a show")[0]?.record).toBe("show");
    expect(grantedControls("a schedule can be paused")[0]?.record).toBe("schedule");
    expect(grantedControls("a long GC pause must not trip the breaker")).toEqual([]);
    expect(grantedControls("downloads resume after a crash")).toEqual([]);
    expect(grantedControls("a signed contract can never be edited")).toEqual([]);
    expect(controlOperation("muted")?.verb).toBe("mute");
    expect(controlOperation("pauses")?.verb).toBe("pause");
  });

  it("each becomes an operation on the record and a call that names the verb, its states and its guard", () => {
    const d = design(CRON);
    for (const verb of ["pause", "resume", "edit"])
      expect(d.operations.some((o) => o.phrase.includes("teams can pause") && o.because.includes(`'${verb}'`))).toBe(
        true,
      );
    const pause = d.api.find((a) => a.call.endsWith(":pause"));
    expect(pause?.call).toBe("POST /v1/schedules/{schedule_id}:pause");
    expect(pause?.guarantee).toContain("from active to paused");
    expect(pause?.errors.some((e) => e.startsWith("409"))).toBe(true);
    expect(d.api.find((a) => a.call.endsWith(":edit"))?.request).toContain("expected_version");
    expect(d.statedRequirements.filter((r) => /pause|resume/.test(r.clause)).every((r) => r.carried)).toBe(true);
    const dns = design(
      "Design a DNS resolver cache for a corporate network: 50,000 lookups per second, and administrators can disable a resolver at any time.",
    );
    expect(dns.api.map((a) => a.call)).toContain("POST /v1/resolvers/{resolver_id}:disable");
    expect(dns.statedRequirements.find((r) => r.clause.startsWith("administrators"))?.carried).toBe(true);
  });
});
