import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const figure = (d: ReturnType<typeof design>, id: string) => d.capacity.find((r) => r.id === id);

describe("remote config whose clients are app installs is fetched through a CDN, not streamed to a server fleet", () => {
  const flags = design("Feature flags for an iOS and Android app used by 50M people.");
  const game = design("Remote settings for a game client on 10 million devices with an emergency off switch.");
  const fleet = design(
    "Design a configuration distribution system that pushes config changes to 50,000 servers within 10 seconds.",
  );
  const banking = design("A remote config service for our mobile banking app, with percentage rollouts.");

  it("is switched on by app-install words beside config words; a server fleet keeps its watch streams and node agents", () => {
    expect(flags.nfrs.topics).toContain("app-config");
    expect(flags.nfrs.topics ?? []).not.toContain("feature-flags");
    expect(game.nfrs.topics).toContain("app-config");
    expect(fleet.nfrs.topics ?? []).not.toContain("app-config");
    expect(drawn(fleet)).toMatch(/Node agents/);
  });

  it("sizes the installs the prompt counts, never a 10k fleet, and polls on open through a CDN", () => {
    expect(figure(flags, "manifest_fetches_per_sec")?.value).toBeCloseTo((50e6 * 5 * 3) / 86400, 0);
    expect(figure(game, "change_egress_bytes")?.value).toBeCloseTo(50000 * 10e6, -6);
    for (const d of [flags, game]) {
      expect(drawn(d)).not.toMatch(/Node agents|watch streams|reports applied/);
      expect(d.capacity.some((r) => r.id === "watch_streams" || r.id === "status_reports_per_sec")).toBe(false);
      expect(d.decisions.find((x) => x.id === "i11-app-delivery")?.chosen).toBe("cdn-poll");
      expect(d.decisions.map((x) => x.id)).not.toContain("i11-distribution");
      expect(drawn(d)).toMatch(/If-None-Match/);
      expect(drawn(d)).toMatch(/APNs/);
    }
  });

  it("keeps baked-in defaults and the last good snapshot on the device, and stays available for installs", () => {
    expect(flags.nfrs.availability).toBe("stay-available");
    expect(flags.nfrs.consistency).not.toBe("linearizable");
    const rules = flags.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/baked into its build/);
  });

  it("gives the kill switch its own critical path outside any rollout, with a figure for its reach", () => {
    const kill = game.operations.find((o) => o.entity === "KillSwitch");
    expect(kill?.critical).toBe(true);
    expect(game.invariants.map((i) => i.statement).join("\n")).toMatch(/KillSwitch .*never queued behind a rollout/);
    expect(figure(game, "kill_switch_seconds")?.value).toBeGreaterThan(0);
  });

  it("keeps targeting that names users or money on the servers", () => {
    expect(banking.nfrs.topics).toContain("app-config");
    expect(banking.decisions.find((x) => x.id === "i11-app-delivery")?.chosen).toBe("edge-evaluated");
  });
});
