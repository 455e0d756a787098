import { describe, expect, it } from "vitest";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { design } from "../src/lib/index.js";
import { seqs, stated } from "./stated-helpers.js";

describe("a stated cardinality rule becomes a guarded write in every section", () => {
  it("one holder at a time, both sides exclusive: every member is claimed in one transaction", () => {
    const p =
      "Design a conference talk planner: a panelist is never in two panels at once, and panels of 4 panelists are formed from a waiting list.";
    expect(guaranteeClauses(p)[0]).toMatchObject({
      kind: "one-holder",
      head: "panelist",
      holder: "panel",
      members: "4",
    });
    const d = design(p);
    const rule = stated(d, /never in two panels/);
    expect(rule?.keptBy).toBe("exclusive-claim");
    expect(rule?.statement).toMatch(/one transaction over its 4 panelist rows/);
    expect(rule?.statement).not.toMatch(/no mechanism in this design keeps it/);
    const row = d.dataModel.find((r) => r.fields.includes("panel_id") && r.fields.includes("claim_version"));
    expect(row?.indexes.join(" ")).toMatch(/compare-and-set on claim_version/);
    expect(d.api.some((a) => a.errors.some((e) => /already held by another panel/.test(e)))).toBe(true);
    expect(d.failures.some((f) => /claim the same thing for different holders/.test(f.failure))).toBe(true);
  });

  it("once per party: a use-once key on (thing, party), the call carries the idempotency key and answers 409", () => {
    const p = "Design a museum pass service where a pass may be scanned at most once per gallery.";
    expect(guaranteeClauses(p)[0]).toMatchObject({ kind: "once-only", head: "pass", per: "gallery", act: "scanned" });
    const d = design(p);
    expect(stated(d, /scanned at most once per gallery/)?.keptBy).toBe("use-once-key");
    const row = d.dataModel.find((r) => r.key.join(",") === "pass_id,gallery_id");
    expect(row?.indexes.join(" ")).toMatch(/unique \(pass_id, gallery_id\)/);
    const call = d.api.find((a) => a.request.includes("idempotency_key") && a.request.includes("gallery_id"));
    expect(call?.errors.join(" ")).toMatch(/409 the pass is already scanned by this gallery/);
    expect(seqs(d)).toMatch(/no \w+ for \(pass_id, gallery_id\)/);
  });

  it("a cap per holder: a count on the holder's row, checked with the assignment; a clipped subject is never made", () => {
    const p = "Design a tool-crib checkout system where a mechanic can borrow at most three tools at a time.";
    const c = guaranteeClauses(p)[0];
    expect(c).toMatchObject({ kind: "holder-cap", head: "mechanic", counted: "tool", limit: "three" });
    const d = design(p);
    const rule = stated(d, /borrow at most three tools/);
    expect(rule?.keptBy).toBe("capped-holder-count");
    expect(rule?.statement).not.toMatch(/running at once/);
    expect(d.dataModel.some((r) => r.fields.includes("tool_count"))).toBe(true);
  });

  it("a total cap at a stated rate above one row's writes is escrowed to shards; below it, one counter row", () => {
    const hot =
      "Design a limited sneaker release: at most 5,000 pairs in total, with 40,000 purchase attempts per second.";
    const d = design(hot);
    const rule = stated(d, /at most 5,000 pairs in total/);
    expect(rule?.keptBy).toBe("bounded-counter");
    expect(rule?.statement).toMatch(/escrowed/);
    expect(rule?.statement).toMatch(/40,000 purchase attempts per second/);
    const calm = design("Design a limited sneaker release: at most 5,000 pairs in total.");
    expect(stated(calm, /at most 5,000 pairs in total/)?.statement).not.toMatch(/escrow/);
  });

  it("units held at any moment are leases of a counting semaphore", () => {
    const d = design("Design a sandbox VM pool where at most 300 VMs may be leased at any moment.");
    const rule = stated(d, /at most 300 VMs/);
    expect(rule?.statement).toMatch(/counting semaphore of leased units/);
    expect(rule?.statement).toMatch(/returns to the count once the lease expires/);
  });
  it("a claim's guard goes on the call that grants it, never on one whose name merely contains the record's word", () => {
    // "lease" is inside "release": the exclusive claim is checked on the acquire, not on the release
    const d = design("Design a kiosk rental service where a kiosk must never be rented to two vendors at once.");
    const guarded = d.api.filter((a) => /already held/.test(a.errors.join(" ")));
    expect(guarded.length).toBeGreaterThan(0);
    for (const a of guarded) expect(`${a.operation} ${a.call}`).not.toMatch(/release/i);
  });
  it("a size said with 'up to' is no cap the system refuses past; with a modal it is", () => {
    expect(
      guaranteeClauses("Design a forum where threads hold up to 20,000 replies.").map((c) => c.kind),
    ).not.toContain("holder-cap");
    expect(
      guaranteeClauses("Design a library app where a member can borrow up to 4 books at a time.").map((c) => c.kind),
    ).toContain("holder-cap");
  });
});
