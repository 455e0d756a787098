import { describe, expect, it } from "vitest";
import { guaranteeClauses } from "../src/engine/stated-clauses.js";
import { type Design, design, writeScript } from "../src/lib/index.js";
import { seqs } from "./stated-helpers.js";

const step1 = (d: Design) => writeScript(d, { minutes: 45 }).steps.find((s) => s.step === 1)?.text ?? "";

describe("a stated guarantee reaches every section, not only its rule", () => {
  it("a booking clash: the booking record holds the resource and interval, the hold call carries them, the check is at the store", () => {
    const d = design(
      "Design a kayak rental service where a kayak is never rented to two people for overlapping hours.",
    );
    const row = d.dataModel.find((r) => r.fields.includes("kayak_id"));
    expect(row?.fields).toEqual(expect.arrayContaining(["kayak_id", "starts_at", "ends_at"]));
    expect(row?.indexes.join(" ")).toMatch(/exclusion on \(kayak_id, \[starts_at, ends_at\)\)/);
    expect(row?.because).toMatch(/the prompt says 'a kayak is never rented.*interval exclusion/);
    const call = d.api.find((a) => a.request.includes("kayak_id"));
    expect(call?.request).toEqual(expect.arrayContaining(["starts_at", "ends_at"]));
    expect(call?.errors.join(" ")).toMatch(/overlapping interval/);
    expect(call?.because).toMatch(/interval exclusion/);
    expect(seqs(d)).toMatch(/no live \w+ of this kayak_id overlaps/);
    expect(step1(d)).toMatch(/The hard demand is that a kayak is never rented to two people for overlapping hours/);
  });

  it("a write-once thing: its record is created only if absent and the create call names no expected version", () => {
    const d = design("Design an artifact store where a published build, once uploaded, is never changed.");
    expect(guaranteeClauses(d.prompt)[0]?.kind).toBe("immutable");
    const call = d.api.find((a) => a.request.some((f) => /If-None-Match/.test(f)));
    expect(call).toBeDefined();
    expect(call?.request.some((f) => /expected_version/.test(f))).toBe(false);
    expect(call?.errors.join(" ")).toMatch(/already exists under this key/);
    expect(d.dataModel.some((r) => r.indexes.some((i) => /written once/.test(i)))).toBe(true);
    expect(seqs(d)).toMatch(/under this key \(create only, never overwrite\)/);
  });

  it("an effect once per thing: a ledger record of its own, keyed by event id, checked before the effect is recorded", () => {
    const d = design("Design a rewards system that credits each member for each purchase exactly once.");
    const ledger = d.dataModel.find((r) => r.key.includes("event_id"));
    expect(ledger?.entity).toBe("Credit");
    expect(ledger?.fields).toEqual(expect.arrayContaining(["member_id", "input_position"]));
    expect(ledger?.because).toMatch(/effect ledger keyed by event id/);
    expect(d.components.map((c) => c.id)).toContain(ledger?.owner);
    expect(d.api.some((a) => a.request.includes("event_id"))).toBe(true);
    expect(seqs(d)).toMatch(/no Credit for this event_id/);
  });

  it("a thing kept on its holder: a connection table on the routing part, consulted before the hash", () => {
    const d = design(
      "Design a TCP proxy tier that keeps each connection on the same server even when servers are added or removed.",
    );
    expect(guaranteeClauses(d.prompt)[0]?.holder).toBe("server");
    const table = d.dataModel.find((r) => r.entity === "ConnectionEntry");
    expect(table?.key).toEqual(["flow_key"]);
    expect(table?.fields).toContain("server_id");
    expect(d.components.find((c) => c.id === table?.owner)?.kind).not.toBe("client");
  });

  it("a not-before gate tightens the release's own due check by the clock's error bound, adding no second due column", () => {
    const d = design("Design a scheduled post service where a post is never published before its scheduled time.");
    const run = d.dataModel.find((r) => r.because?.includes("not-before"));
    expect(run).toBeDefined();
    expect(run?.fields).not.toContain("not_before");
    const s = seqs(d);
    expect(s).toMatch(/due_at #lt;= now - the clock's error bound \(never early\)/);
    expect(s).not.toMatch(/due_at #lt;= now and/);
  });

  it("a prompt stating no guarantee gets none of it", () => {
    const d = design("Design a URL shortener for 100 million links.");
    expect(d.dataModel.some((r) => /interval exclusion|write-once|effect ledger/.test(r.because ?? ""))).toBe(false);
    expect(d.api.some((a) => /kept by/.test(a.because ?? ""))).toBe(false);
  });
});
