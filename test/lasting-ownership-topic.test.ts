import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

/** Everything a design says about its I02 shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([
    d.primaryState,
    d.scopes,
    d.invariants,
    d.operations,
    d.components,
    d.api,
    d.dataModel,
    d.capacity,
    d.decisions,
    d.failures,
    d.bottlenecks,
    d.technology,
    d.diagrams,
    d.mechanisms,
  ]);

/** Words that speak of the design's own ownership as leased (a denial, "never leased", says the opposite). */
const unsaid = (text: string) =>
  text
    .replace(/\b(?:never|names no|not) (?:a )?(?:session )?leas\w*/gi, "")
    .replaceAll("Claim / Lease / Exclusive Ownership", "the archetype");
const LEASED = /\b(?:leases?|leased|keep-?alives?|heartbeats?|ttls?|HolderSession|expiry sweeper)\b/i;

describe("a claim the prompt treats as lasting is an ownership record, never a lease", () => {
  const title = design("Design a land title registry where each parcel is deeded to exactly one owner of record.");
  const lock = design("Design a distributed lock service that grants exclusive leases on resources.");

  it("keeps an ownership record and its transfer history as the truth", () => {
    expect(title.primaryState.map((p) => p.entity)).toContain("OwnershipRecord");
    expect(title.dataModel.map((r) => r.entity)).toEqual(
      expect.arrayContaining(["OwnershipRecord", "OwnershipTransfer"]),
    );
    expect(title.dataModel.map((r) => r.entity)).not.toContain("Lease");
    expect(title.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["claim", "transfer", "retire"]));
  });

  it("says nothing of leases, keep-alives, heartbeats or TTLs about its own claims", () => {
    const text = unsaid(said(title));
    const hit = text.match(new RegExp(`.{0,80}${LEASED.source}.{0,80}`, "i"));
    expect(hit?.[0]).toBeUndefined();
    expect(title.decisions.map((x) => x.id)).toContain("i02-ownership-store");
    expect(title.decisions.map((x) => x.id)).not.toContain("i02-lease-length");
    expect(title.mechanisms.map((m) => m.id)).not.toContain("lease");
  });

  it("sizes claims, transfers and lookups, and says so in the script", () => {
    const figures = title.capacity.map((f) => f.id);
    expect(figures).toEqual(expect.arrayContaining(["peak_ownership_writes", "ownership_write_headroom"]));
    expect(figures).not.toContain("keepalives_per_sec");
    const s = JSON.stringify(writeScript(title));
    expect(s).toMatch(/durable ownership record per resource/);
    expect(unsaid(s)).not.toMatch(LEASED);
  });

  it("leaves a lock service's leases, keep-alives and lease length in place", () => {
    expect(lock.dataModel.map((r) => r.entity)).toContain("Lease");
    expect(lock.decisions.map((x) => x.id)).toContain("i02-lease-length");
    expect(lock.mechanisms.map((m) => m.id)).toContain("lease");
    expect(said(lock)).not.toMatch(/OwnershipRecord/);
  });
});
