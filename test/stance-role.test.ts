import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

describe("durability and delivery follow the role of the state", () => {
  const nfrs = (p: string) => design(p).nfrs;
  it("a cache asked for in front of a database holds only derived state", () => {
    const n = nfrs("Design a distributed cache in front of a user-profile database");
    expect([n.durability, n.delivery]).toEqual(["best-effort", "at-most-once"]);
    expect(n.sources.durability?.because).toMatch(/derived or soft/);
  });
  it("a config store beside a liveness registry keeps its records durable", () => {
    const n = nfrs("Design a service discovery and configuration system like Consul for 5,000 services");
    expect([n.durability, n.delivery]).toEqual(["durable", "at-least-once"]);
    expect(n.sources.durability?.because).toMatch(/records the design must not lose are I11's/);
  });
  it("a URL shortener's links are durable records, not the redirect cache's copies", () => {
    expect(nfrs("Design a URL shortener handling 100k redirects per second").durability).toBe("durable");
  });
  it("a linearizable cache does not sit on best-effort state", () => {
    expect(nfrs("Design a distributed cache with strong consistency.").durability).toBe("durable");
  });
});

describe("an outside effect is sent at least once and takes effect once", () => {
  it("a webhook sender delivers at least once, and its keyed path promises one effect per request id", () => {
    const d = design("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
    expect(d.nfrs.delivery).toBe("at-least-once");
    expect(d.invariants.map((i) => i.statement)).toContain(
      "A retried 'accept a request under the caller's idempotency key' may arrive again but takes effect once: the same request id never produces a second idempotency record change.",
    );
  });
  it("a path without an idempotency key keeps the plain at-least-once promise", () => {
    const d = design("Design a distributed message queue");
    expect(d.invariants.map((i) => i.statement).join("\n")).not.toMatch(/may arrive again but takes effect once/);
  });
});

describe("each primary state keeps the durability of its role", () => {
  it("a registration a consensus group commits is durable, read as a prefix, not the registry's soft default", () => {
    const d = design("Design a service discovery and configuration system like Consul for 5,000 services");
    const row = (e: string) => d.primaryState.find((s) => s.entity === e);
    expect(row("ConfigVersion")?.durability.value).toBe("durable");
    // the registry's stance is soft state, but this design keeps registrations in a 3-5 node consensus group
    expect(d.components.find((c) => c.holds.includes("Registration"))?.name).toMatch(/consensus/);
    expect(row("Registration")?.durability.value).toBe("durable");
    expect(row("Registration")?.durability.because).toMatch(/consensus/);
    // committed through the log, but discovery reads are served by any server from its prefix of that log
    expect(row("Registration")?.consistency.value).toBe("consistent-prefix");
    expect(row("Registration")?.availability.value).toBe("stay-available");
    // the liveness lease beside it is soft state that no majority commits
    expect(row("LivenessLease")?.durability.value).toBe("best-effort");
  });
  it("a soft registry that no majority-commit group holds keeps its soft default", () => {
    const d = design("Design a presence service showing which users are online");
    const soft = d.primaryState.filter((s) => s.archetype === "I10");
    expect(soft.length).toBeGreaterThan(0);
    for (const s of soft) {
      if (d.components.some((c) => c.holds.includes(s.entity) && /consensus/i.test(c.name))) continue;
      expect(s.durability.value).toBe("best-effort");
    }
  });
  it("a stated durability holds for every state", () => {
    const d = design("Design a presence service showing which users are online that must never lose data");
    const values = new Set(d.primaryState.map((s) => s.durability.value));
    expect(d.nfrs.sources.durability?.source).toBe("stated");
    expect([...values]).toEqual([d.nfrs.durability]);
  });
});

describe("a cache's state and the origin's", () => {
  const rows = (p: string) => Object.fromEntries(design(p).primaryState.map((s) => [s.entity, s.durability.value]));
  it("the origin's object is durable where it lives; a CDN's config plane keeps its own records", () => {
    expect(rows("Design a CDN.")).toMatchObject({ OriginObject: "durable" });
    expect(rows("Design a CDN whose configuration changes reach every edge within one minute.")).toMatchObject({
      OriginObject: "durable",
      ConfigVersion: "durable",
    });
  });
  it("a cache asked for keeps its key-value records as cached copies", () => {
    expect(rows("Design a distributed cache.")).toMatchObject({ KeyValue: "best-effort", OriginObject: "durable" });
  });
  it("a cache in front of a database leaves the database's rows durable: they stay the system of record", () => {
    const d = design("Design a distributed cache in front of a user-profile database");
    const kv = d.primaryState.find((s) => s.entity === "KeyValue");
    expect(kv?.durability.value).toBe("durable");
    expect(kv?.durability.because).toMatch(/system of record/);
    expect(d.nfrs.durability).toBe("best-effort");
  });
});
