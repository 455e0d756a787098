import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { type Design, design, writeScript } from "../src/lib/index.js";

// A demand ("never double-books") that a product feature's own record already keeps in the system of record is
// realized by that record: the feature leads, and no lease service is drawn, unless the prompt asks for one.
const HOTEL = "Design a hotel reservation system that never double-books a room, for 20,000 hotels";
const FLIGHT = "Design a flight seat reservation service that never sells a seat twice";

const products = (d: Design) => d.technology.flatMap((t) => t.choices.map((c) => c.product));
const realized = (d: Design) => checkCoherence(d).filter((p) => p.rule === "realized-record-elsewhere");

describe("a demand a feature's record realizes", () => {
  it("is kept by the hotel's room-night counts, not by a lock service", () => {
    const d = design(HOTEL);
    expect(d.branch.kind).toBe("mixed");
    expect(d.archetypes[0]?.realizes).toMatchObject({ id: "I02", feature: "stay", entity: "RoomInventory" });
    // the feature leads: no archetype is dominant, and the lease archetype adds no part of its own
    expect(d.archetypes.some((a) => a.role === "dominant")).toBe(false);
    expect(d.archetypes.some((a) => a.id === "I02")).toBe(false);
    expect(d.components.filter((c) => c.archetype === "I02")).toEqual([]);
    expect(d.components.some((c) => /lock|lease/i.test(c.name))).toBe(false);
    // the authoritative state and the hard rule are the inventory row's, as strict as the demand
    expect(d.primaryState[0]).toMatchObject({ entity: "RoomInventory" });
    expect(d.primaryState[0]?.consistency.value).toBe("linearizable");
    expect(d.primaryState[0]?.availability.value).toBe("fail-closed");
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.invariants[0]?.statement).toMatch(/^For every night of the stay, .*booked count never exceeds its total/);
    expect(products(d)).toContain("PostgreSQL");
    expect(products(d).some((p) => /etcd|zookeeper/i.test(p))).toBe(false);
    expect(d.failures[0]?.failure).toMatch(/reserve the last room/);
    expect(d.bottlenecks.some((b) => /consensus leader per lease group/.test(b.bottleneck))).toBe(false);
    expect(realized(d)).toEqual([]);
  });

  it("lists a substrate's unit record once, as the feature's own record", () => {
    // RoomInventory is the key-value store's KeyValue, and a paid reservation is the workflow's instance
    for (const p of [HOTEL, "Design a hotel reservation system."]) {
      const entities = design(p).primaryState.map((r) => r.entity);
      expect(entities, p).toContain("RoomInventory");
      expect(entities, p).not.toContain("KeyValue");
      expect(entities, p).not.toContain("WorkflowInstance");
    }
    // an infra design keeps its own unit record
    expect(design("Design a distributed key-value store like Dynamo.").primaryState.map((r) => r.entity)).toContain(
      "KeyValue",
    );
  });

  it("says so first in the script", () => {
    const s = writeScript(design(HOTEL), { minutes: 45 });
    const first = s.steps[0]?.text ?? "";
    expect(first).toMatch(/^The hard demand is that no night of a room type is ever booked beyond its count\./);
    expect(first).toContain("The room inventory record keeps it itself");
    expect(first).not.toMatch(/leases that expire/);
  });

  it("keeps a seat hold as a row with a deadline in the inventory store", () => {
    const d = design(FLIGHT);
    expect(d.archetypes[0]?.realizes).toMatchObject({ id: "I02", entity: "Hold" });
    // a critical action (the hold) still rests on the lease archetype, hosted on the feature's store
    expect(d.archetypes.find((a) => a.id === "I02")?.role).toBe("substrate");
    expect(d.components.filter((c) => c.archetype === "I02")).toEqual([]);
    expect(d.primaryState[0]?.entity).toBe("Hold");
    expect(realized(d)).toEqual([]);
  });

  it("leaves a lock or lease service the prompt asks for as one", () => {
    for (const p of [
      "Design a hotel booking system that uses a distributed lock per room",
      "Design a distributed lock service",
    ]) {
      const d = design(p);
      expect(d.archetypes[0], p).toMatchObject({ id: "I02", role: "dominant" });
      expect(d.archetypes[0]?.realizes, p).toBeUndefined();
      expect(realized(d), p).toEqual([]);
    }
    const cron = design("Design a service handing out short-lived leases so only one replica of each cron job runs");
    expect(cron.archetypes[0]?.realizes).toBeUndefined();
    expect(cron.archetypes.some((a) => a.id === "I02")).toBe(true);
  });

  it("is caught by coherence when the lease archetype leads or draws its parts beside the record", () => {
    const d = structuredClone(design(HOTEL)) as Design;
    const { realizes: _gone, ...first } = d.archetypes[0] as Design["archetypes"][number];
    d.archetypes = [{ ...first, id: "I02", name: "Claim / Lease / Exclusive Ownership", role: "dominant" }];
    d.components = [
      ...d.components,
      {
        id: "lock-leader",
        name: "Lock leader",
        kind: "replica-group",
        archetype: "I02",
        holds: [],
        runs: [],
        because: "",
      },
    ];
    d.technology = [
      ...d.technology,
      {
        layer: "coordination",
        shape: "lease store",
        archetype: "I02",
        choices: [{ product: "etcd", fits: "", why: "" }],
      },
    ];
    const details = realized(d).map((p) => p.detail);
    expect(details).toContain(
      "Room-night reservations over a date range's RoomInventory realizes I02, yet I02 leads the design",
    );
    expect(details.some((x) => x.includes("draws its own Lock leader"))).toBe(true);
    expect(details.some((x) => x.includes("etcd is bought for I02's coordination layer"))).toBe(true);
  });

  it("a seat hold realized by the seat's row decides, sizes and loads no lock store, and the script says the demand", () => {
    const d = design(
      "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice",
    );
    expect(d.archetypes[0]?.realizes).toMatchObject({ id: "I02", feature: "booking" });
    expect(d.decisions.filter((x) => x.archetype === "I02")).toEqual([]);
    expect(d.capacity.filter((x) => x.archetype === "I02")).toEqual([]);
    expect(d.bottlenecks[0]?.bottleneck).toMatch(/^The on-sale event's partition/);
    expect(d.bottlenecks.map((b) => b.bottleneck).join(" ")).not.toMatch(/consensus leader/);
    expect(realized(d)).toEqual([]);
    // the hold call takes several seats all or none, so the change spans several records
    expect(d.predicates.find((p) => p.id === "multi-object")?.holds).toBe(true);
    const said = writeScript(d, { minutes: 45 })
      .steps.flatMap((s) => s.lines.map((l) => l.text))
      .join(" ");
    // the rule may be said in two breaths (the script splits a long sentence at ", so")
    expect(said).toMatch(/The hard rule is this\. (?:[^.]*\. )?[^.]*no seat is sold twice/);
    expect(said).toMatch(/The first hotspot is the on-sale event's partition/);
    // an I02 lock-store decision beside the record is flagged
    const bad = structuredClone(d);
    const [row] = design("Design a distributed lock service").decisions.filter((x) => x.archetype === "I02");
    if (!row) throw new Error("no lock decision");
    bad.decisions.push(row);
    expect(
      realized(bad)
        .map((p) => p.detail)
        .join(" "),
    ).toMatch(/I02 decides/);
  });
});

describe("technology fits the state the design sizes", () => {
  it("offers no etcd for object metadata past etcd's documented size limit, and flags one chosen", () => {
    const d = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
    const coordination = d.technology.find((t) => t.layer === "coordination");
    expect(coordination?.choices.map((c) => c.product)).toContain("FoundationDB for the metadata tier");
    expect(coordination?.choices.some((c) => /etcd/i.test(c.product))).toBe(false);
    expect(coordination?.avoid?.why).toMatch(/8 GiB/);
    expect(checkCoherence(d).filter((p) => p.rule === "technology-over-limit")).toEqual([]);
    const bad = structuredClone(d);
    const row = bad.technology.find((t) => t.layer === "coordination");
    row?.choices.push({ product: "etcd for a small metadata tier", fits: "", why: "" });
    expect(checkCoherence(bad).map((p) => p.rule)).toContain("technology-over-limit");
    // a lock service's few megabytes of leases stay within etcd's limit
    const lock = design("Design a distributed lock service");
    expect(lock.technology.flatMap((t) => t.choices.map((c) => c.product)).some((p) => /etcd/i.test(p))).toBe(true);
  });
});
