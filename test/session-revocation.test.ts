import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";
import { writeScript } from "../src/lib/index.js";

const LOGOUT =
  "Design a session store for a web app with 50 million users: sessions expire after 30 minutes idle, logout must take effect everywhere within a second.";
const LEADERLESS =
  "Design a Cassandra-style multi-region session store: a consistent-hashing ring with gossip-based membership, tunable consistency per request, and a read-through cache for the hotest sessions.";
const JWT =
  "Design a sign-in service for 20 million users that issues JWT access tokens and refresh tokens; signing out must revoke a user's tokens within 5 seconds.";

const revoked = (d: ReturnType<typeof design>) =>
  d.invariants.find((i) => /\bsigned-out or revoked session|logged-out or revoked session\b/.test(i.statement));

describe("a session store models logout: a revocation never undone", () => {
  const d = design(LOGOUT);

  it("writes the logout as a tombstone and keeps the rule that a revoked session is never accepted again", () => {
    const op = d.operations.find((o) => /^end a session at logout or revocation/.test(o.phrase));
    expect(op?.mechanism).toBe("tombstones");
    expect(op?.critical).toBe(true);
    const rule = revoked(d);
    expect(rule?.statement).toMatch(/outranks every older write/);
    expect(rule?.statement).toMatch(/kept for the longer of the session's own lifetime/);
    expect(rule?.keptBy).toBe("tombstones");
    // the rule quotes the prompt's own ask, so the stated requirement is carried by it
    expect(rule?.because).toContain("'logout must take effect everywhere within a second'");
    const ask = d.statedRequirements?.find((c) => c.clause.startsWith("logout must"));
    expect(ask?.carried).toBe(true);
    expect(d.coherence.filter((p) => p.rule === "requirement-not-carried")).toEqual([]);
  });

  it("says the logout's rule as the hard rule, since the prompt asks for it", () => {
    const step4 = writeScript(d, { minutes: 45 }).steps[3]?.text ?? "";
    expect(step4).toMatch(/^The hard rule is this\. A logged-out or revoked session is never accepted again\./);
  });

  it("names the failure that would undo a logout, and leaves the generic delete out", () => {
    const f = d.failures.find((x) => /^Resurrected session\b/.test(x.failure));
    expect(f?.prevention).toMatch(/in a field no renewal writes/);
    expect(d.failures.some((x) => /^Resurrected delete\b/.test(x.failure))).toBe(false);
    expect(d.operations.some((o) => /^delete a key\b/.test(o.phrase))).toBe(false);
  });

  it("keeps the leaderless clause only where replication is leaderless", () => {
    // one leader per shard: a replica that missed the logout catches up from its leader's log, no hints or repair
    expect(d.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leader-based");
    expect(revoked(d)?.statement).not.toMatch(/hinted handoff/);
    const l = design(LEADERLESS);
    expect(l.decisions.find((x) => x.id === "i16-replication")?.chosen).toBe("leaderless");
    expect(revoked(l)?.statement).toMatch(/hinted handoff window plus a full anti-entropy repair cycle/);
  });

  it("speaks of sign-in sessions only where the prompt does", () => {
    const spoken = (p: string) => topicsSpoken(p).some((t) => t.value === "login-session");
    expect(spoken(LOGOUT)).toBe(true);
    expect(
      spoken("Design a load balancer for 2 million connections per second with sticky sessions kept in Redis."),
    ).toBe(false);
    expect(
      spoken("Design a coordination service that tracks which workers are alive through sessions that expire."),
    ).toBe(false);
    // people who leave "without logging out" are a presence registry's, not a logout the design must keep
    expect(spoken("Tutors show as online now, including tutors who closed the laptop lid without logging out.")).toBe(
      false,
    );
    expect(spoken("Users can sign out of every device.")).toBe(true);
  });
});

describe("last-writer-wins beside a logout names the tombstone and how long it is kept", () => {
  const d = design(LEADERLESS);

  it("passes where the revocation rule names the tombstone against the repair window", () => {
    expect(d.mechanisms.some((m) => m.id === "lww-overwrite")).toBe(true);
    expect(checkCoherence(d).filter((p) => p.rule === "lww-revocation-unkept")).toEqual([]);
  });

  it("reads no logout in people who leave 'without logging out'", () => {
    const p =
      "Tutors on a homework-help platform show up to students as 'online now'. With 80k tutors, the status must match reality within 10 seconds, including tutors who just closed the laptop lid without logging out.";
    expect(checkCoherence(design(p)).filter((x) => x.rule === "lww-revocation-unkept")).toEqual([]);
  });

  it("flags a last-writer-wins session store with no such rule", () => {
    const bad = structuredClone(d);
    bad.invariants = bad.invariants.filter((i) => !/\btombstone\b/i.test(i.statement));
    const found = checkCoherence(bad).filter((p) => p.rule === "lww-revocation-unkept");
    expect(found).toHaveLength(1);
    expect(found[0]?.detail).toMatch(/last-writer-wins/);
  });
});

describe("a sign-in service with signed tokens revokes them on sign-out", () => {
  const d = design(JWT);

  it("signs out by one conditional write and a denylist kept until each token's expiry", () => {
    expect(d.decisions.find((x) => x.id === "i16-auth-session")?.chosen).toBe("signed-tokens");
    expect(d.operations.some((o) => /^sign out or revoke a session\b/.test(o.phrase))).toBe(true);
    const rule = revoked(d);
    // on the path its words name, not on 'sign in', which writes the same session record
    expect(rule?.path).toBe("sign out or revoke a session");
    expect(rule?.statement).toMatch(/denylist every verifier holds, each entry kept until the token's own expiry/);
    expect(rule?.because).toContain("'signing out must revoke a user's tokens within 5 seconds'");
    expect(d.failures.some((f) => /keeps working after its session is signed out/.test(f.failure))).toBe(true);
    expect(d.coherence).toEqual([]);
  });
});
